import Foundation
import Testing
import YardstickCore
@testable import TableStore

/// Writes small hand-built tables (test inputs, not benchmarks) and reads them back.
@Suite struct BenchmarkTableTests {
    static let objectives = [
        Objective(name: "error", direction: .minimize, unit: "fraction"),
        Objective(name: "accuracy", direction: .maximize, unit: "fraction"),
    ]

    static func description() -> TableDescription {
        // The space is a literal that cannot fail to build.
        let space = try! SearchSpace(parameters: [.categorical(name: "model", choices: [.string("a"), .string("b"), .string("c")])])
        return TableDescription(
            name: "tiny", version: "1", license: "CC0", provenance: "hand-written test input", source: "BenchmarkTableTests",
            sourceSHA256: String(repeating: "0", count: 64), citation: "-", seeds: "seed index",
            space: space,
            fidelities: [FidelityDimension(name: "epochs", kind: .integer, lower: 1, upper: 4)],
            objectives: objectives)
    }

    static func config(_ m: String) -> Configuration { Configuration(["model": .string(m)]) }

    /// error = 0.1 × model index + 0.01 × seed + 0.1 / epoch; accuracy = 1 − error; cost = epoch seconds.
    static func block(model: Int) -> ResultBlock {
        var block = ResultBlock(seeds: [], fidelities: [[]], columns: [[], [], []])
        for epoch in [4, 1, 2] {
            for seed in [1, 0] {
                let error = 0.1 * Double(model) + 0.01 * Double(seed) + 0.1 / Double(epoch)
                block.seeds.append(seed)
                block.fidelities[0].append(Double(epoch))
                block.columns[0].append(Float(error))
                block.columns[1].append(Float(1 - error))
                block.columns[2].append(Float(epoch))
            }
        }
        return block
    }

    static func write(_ path: String, skip: (Int, Int)? = nil) throws -> String {
        let writer = try TableWriter(creating: path, description: description())
        for m in ["a", "b", "c"] { try writer.addConfiguration(config(m)) }
        for instance in ["iris", "wine"] {
            let id = try writer.addInstance(name: instance, title: instance.uppercased(), features: .object([("rows", .int(150))]))
            for (i, m) in ["a", "b", "c"].enumerated() where !(skip.map { $0 == (Int(id), i) } ?? false) {
                try writer.addResults(block(model: i), instance: id, configuration: config(m).id)
            }
        }
        return try writer.finish()
    }

    func temporaryPath() -> String {
        FileManager.default.temporaryDirectory.appendingPathComponent("yardstick-table-\(UUID().uuidString).sqlite").path
    }

    @Test func roundTripDescriptionAndResults() throws {
        let path = temporaryPath()
        defer { try? FileManager.default.removeItem(atPath: path) }
        let hash = try Self.write(path)
        let table = try BenchmarkTable.open(path)
        #expect(table.description.name == "tiny")
        #expect(table.description.objectives == Self.objectives)
        #expect(table.description.fidelities.map(\.name) == ["epochs"])
        #expect(table.description.space == Self.description().space)
        #expect(table.instances.map(\.name) == ["iris", "wine"])
        #expect(table.instances[0].featuresJSON == #"{"rows":150}"#)
        #expect(table.configurationCount == 3)
        #expect(table.contentHash == hash)
        #expect(try table.computeContentHash() == hash)
        let block = try #require(try table.results(Self.config("b").id, on: table.instance(named: "wine")))
        #expect(block == Self.block(model: 1).sorted())
        #expect(block.fidelities[0] == [1, 1, 2, 2, 4, 4])
        #expect(block.seeds == [0, 1, 0, 1, 0, 1])
    }

    @Test func writesAreDeterministic() throws {
        let a = temporaryPath()
        let b = temporaryPath()
        defer { try? FileManager.default.removeItem(atPath: a); try? FileManager.default.removeItem(atPath: b) }
        #expect(try Self.write(a) == Self.write(b))
        #expect(try Data(contentsOf: URL(fileURLWithPath: a)) == Data(contentsOf: URL(fileURLWithPath: b)))
    }

    @Test func contentHashDependsOnEveryValue() throws {
        let a = temporaryPath()
        let b = temporaryPath()
        defer { try? FileManager.default.removeItem(atPath: a); try? FileManager.default.removeItem(atPath: b) }
        #expect(try Self.write(a) != Self.write(b, skip: (2, 1)))
    }

    @Test func queryOneSeedAndMean() throws {
        let path = temporaryPath()
        defer { try? FileManager.default.removeItem(atPath: path) }
        _ = try Self.write(path)
        let table = try BenchmarkTable.open(path)
        let one = try table.query(Self.config("c"), on: "iris", at: [2], seed: 1)
        #expect(one.seedCount == 1)
        #expect(one.result.values[0] == Double(Float(0.2 + 0.01 + 0.05)))
        #expect(one.result.cost == 2)
        let mean = try table.query(Self.config("c"), on: "iris", at: [2], seed: nil)
        #expect(mean.seedCount == 2)
        #expect(abs(mean.result.values[0] - 0.255) < 1e-6)
    }

    @Test func tabularBenchmarkAnswersLikeTheTable() throws {
        let path = temporaryPath()
        defer { try? FileManager.default.removeItem(atPath: path) }
        _ = try Self.write(path)
        let table = try BenchmarkTable.open(path)
        let bench = try TabularBenchmark(table: table)
        for m in ["a", "b", "c"] {
            for instance in ["iris", "wine"] {
                for epoch in [1.0, 2, 4] {
                    for seed in [0, 1, nil] as [Int?] {
                        let expected = try table.query(Self.config(m), on: instance, at: [epoch], seed: seed).result
                        let got = try bench.evaluate(Self.config(m), on: instance, at: FidelityPoint(epoch), seed: seed)
                        #expect(got.values.map { Float($0) } == expected.values.map { Float($0) })
                        #expect(got.cost == expected.cost)
                    }
                }
            }
        }
        #expect(try bench.fidelityPoints(of: Self.config("a"), on: "iris") == [FidelityPoint(1), FidelityPoint(2), FidelityPoint(4)])
        #expect(try bench.curve(of: Self.config("a"), on: "iris", seed: 0).map { $0.1.cost } == [1, 2, 4])
        #expect(try bench.highestFidelity(on: "wine") == FidelityPoint(4))
        // Best error at the highest fidelity: model a, mean over seeds 0 and 1.
        #expect(abs(try bench.best(0, on: "iris") - 0.03) < 1e-6)
        #expect(abs(try bench.worst(0, on: "iris") - 0.23) < 1e-6)
        // Accuracy is maximized: its best is 1 − the best error.
        #expect(abs(try bench.best(1, on: "iris") - 0.97) < 1e-6)
    }

    @Test func lookupMissesSayWhatTheTableHas() throws {
        let path = temporaryPath()
        defer { try? FileManager.default.removeItem(atPath: path) }
        _ = try Self.write(path, skip: (2, 2))
        let bench = try TabularBenchmark(path: path)
        func message(_ body: () throws -> Void) -> String {
            do { try body(); return "no error" } catch { return "\(error)" }
        }
        #expect(message { _ = try bench.evaluate(Self.config("a"), on: "mnist", at: FidelityPoint(1), seed: 0) }
                == "unknown instance 'mnist'; the table has 2: iris, wine")
        #expect(message { _ = try bench.evaluate(Self.config("a"), on: "iris", at: FidelityPoint(3), seed: 0) }
                .contains("fidelity 3 is not in the table for {\"model\":\"a\"} on instance 'iris'; it has: 1, 2, 4"))
        #expect(message { _ = try bench.evaluate(Self.config("a"), on: "iris", at: FidelityPoint(1), seed: 5) }
                == "seed 5 is not in the table here; it has: 0, 1")
        #expect(message { _ = try bench.evaluate(Self.config("c"), on: "wine", at: FidelityPoint(1), seed: 0) }
                .contains("fidelity 1 is not in the table for {\"model\":\"c\"} on instance 'wine'"))
        #expect(message { _ = try bench.evaluate(Self.config("z"), on: "iris", at: FidelityPoint(1), seed: 0) }
                .contains("configuration {\"model\":\"z\"} is not in the table (it has 3 configurations"))
    }

    @Test func failedWriteLeavesNoFile() throws {
        let path = temporaryPath()
        defer { try? FileManager.default.removeItem(atPath: path) }
        do {
            let writer = try TableWriter(creating: path, description: Self.description())
            try writer.addConfiguration(Self.config("a"))
            #expect(throws: TableError.self) { try writer.addResults(Self.block(model: 0), instance: 7, configuration: Self.config("a").id) }
            writer.abandon()
        }
        #expect(!FileManager.default.fileExists(atPath: path))
        #expect(!FileManager.default.fileExists(atPath: path + ".partial"))
    }
}
