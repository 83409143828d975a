import Foundation
import Testing
import YardstickCore

/// 100 raw rows of LCDB 0.1.0, sampled by scripts/sample_lcdb_fixture.py from the sdist's
/// CSV files, must come back from `yardstick query` on the shipped Data/lcdb.sqlite.
/// Values are stored as float32: each must equal the CSV value rounded to float32 (errors
/// are 1 - accuracy, computed in double precision before rounding, as the importer does).
@Suite struct LCDBQueryTests {
    struct Row {
        var line: Int
        var openmlid: String
        var learner: String
        var size: String
        var outer: Int
        var inner: Int
        var fields: [String: String]
    }

    static func rows() throws -> [Row] {
        let text = try String(contentsOf: fixture("lcdb-sample.csv"), encoding: .utf8)
        var lines = text.split(separator: "\n").map { $0.split(separator: ",", omittingEmptySubsequences: false).map(String.init) }
        let header = lines.removeFirst()
        return lines.map { f in
            let d = Dictionary(uniqueKeysWithValues: zip(header, f))
            return Row(line: Int(d["line"]!)!, openmlid: d["openmlid"]!, learner: d["learner"]!, size: d["size_train"]!,
                       outer: Int(d["outer_seed"]!)!, inner: Int(d["inner_seed"]!)!, fields: d)
        }
    }

    @Test func fixtureHasHundredRows() throws {
        #expect(try Self.rows().count == 100)
    }

    @Test func hundredRandomRowsMatchTheRawCSV() throws {
        for row in try Self.rows() {
            let config = JSONValue.object([("learner", .string(row.learner))]).serialized()
            let r = try yardstick(["query", lcdbTable, "--instance", row.openmlid, "--config", config,
                                   "--fidelity", row.size, "--seed", String(row.outer * 100 + row.inner), "--json"])
            #expect(r.status == 0, "line \(row.line): \(r.stderr)")
            let answer = try JSONValue(parsing: r.stdout)
            func expectValue(_ key: String, _ expected: Double) {
                let got = answer[key]?.doubleValue
                #expect(got.map { Float($0) } == Float(expected), "CSV line \(row.line): \(key) is \(String(describing: got)), CSV says \(expected)")
            }
            let f = row.fields
            expectValue("valid_error", 1 - Double(f["accuracy_valid"]!)!)
            expectValue("test_error", 1 - Double(f["accuracy_test"]!)!)
            expectValue("train_error", 1 - Double(f["accuracy_train"]!)!)
            expectValue("valid_logloss", Double(f["logloss_valid"]!)!)
            expectValue("test_logloss", Double(f["logloss_test"]!)!)
            expectValue("train_logloss", Double(f["logloss_train"]!)!)
            expectValue("cost", Double(f["traintime"]!)!)
            #expect(answer["seeds_averaged"] == .int(1))
        }
    }

    @Test func meanOverSeedsAveragesEverySeed() throws {
        let row = try Self.rows()[0]
        let config = JSONValue.object([("learner", .string(row.learner))]).serialized()
        let r = try yardstick(["query", lcdbTable, "--instance", row.openmlid, "--config", config, "--fidelity", row.size, "--json"])
        #expect(r.status == 0, "\(r.stderr)")
        let answer = try JSONValue(parsing: r.stdout)
        #expect(answer["seeds_averaged"] == .int(25))
        #expect(answer["seed"] == .null)
    }

    @Test func tableNameResolvesInTheDataFolder() throws {
        let r = try yardstick(["query", "lcdb", "--instance", "3", "--config", #"{"learner":"SVC_linear"}"#, "--fidelity", "16", "--seed", "0"])
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stdout.contains("valid_error"))
        #expect(r.stdout.contains("seed 0"))
    }

    @Test(arguments: [
        (["--instance", "999999", "--config", #"{"learner":"SVC_linear"}"#, "--fidelity", "16"], "unknown instance '999999'"),
        (["--instance", "3", "--config", #"{"learner":"XGBoost"}"#, "--fidelity", "16"], "'XGBoost'"),
        (["--instance", "3", "--config", #"{"learner":"SVC_linear","C":1.0}"#, "--fidelity", "16"], "unknown parameter 'C'"),
        (["--instance", "3", "--config", #"{"learner":"SVC_linear"}"#, "--fidelity", "17"], "fidelity 17 is not in the table"),
        (["--instance", "3", "--config", #"{"learner":"SVC_linear"}"#, "--fidelity", "16,2"], "1 fidelity dimension(s)"),
        (["--instance", "3", "--config", #"{"learner":"SVC_linear"}"#, "--fidelity", "16", "--seed", "30"], "seed 30 is not in the table"),
    ])
    func lookupMissesExitWith3AndSayWhatTheTableHas(arguments: [String], message: String) throws {
        let r = try yardstick(["query", "lcdb"] + arguments)
        #expect(r.status == 3, "\(r.stderr)")
        #expect(r.stderr.contains(message), "stderr: \(r.stderr)")
    }

    @Test func unknownFidelityListsTheAnchors() throws {
        let r = try yardstick(["query", "lcdb", "--instance", "3", "--config", #"{"learner":"SVC_linear"}"#, "--fidelity", "17"])
        #expect(r.stderr.contains("16, 23, 32, 45, 64"))
    }

    @Test func describeShowsProvenanceAndSpace() throws {
        let r = try yardstick(["describe", "lcdb"])
        #expect(r.status == 0, "\(r.stderr)")
        for needle in ["lcdb", "MIT", "Mohr", "learner", "size_train", "valid_error", "minimize", "source hash: sha256:", "instances:"] {
            #expect(r.stdout.contains(needle), "describe lacks \(needle)")
        }
    }

    @Test func listShowsTheTableWithItsSize() throws {
        let r = try yardstick(["list"])
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stdout.contains("lcdb"))
        #expect(r.stdout.contains("MB"))
    }
}
