import Foundation
import Testing
import TableStore
import YardstickCore

/// The Swift example of README.md, run against the shipped table, so the README cannot rot.
@Suite struct ReadmeExampleTests {
    static let table = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("Data/lcdb.sqlite").path

    @Test func readmeExampleRuns() throws {
        let lcdb = try TabularBenchmark(path: Self.table, instances: ["6"])
        let forest = Configuration(["learner": .string("sklearn.ensemble.RandomForestClassifier")])
        let result = try lcdb.evaluate(forest, on: "6", at: FidelityPoint(16200), seed: nil)
        #expect(abs(result.values[0] - 0.03658) < 5e-6)
        #expect(abs(result.cost - 2.02936) < 5e-5)
        let curve = try lcdb.curve(of: forest, on: "6", seed: 0)
        #expect(curve.count == 20)
        #expect(curve.first?.0 == FidelityPoint(16))
        let best = try lcdb.best(0, on: "6")
        #expect(best <= result.values[0])
    }
}
