import Foundation
import Testing

/// `yardstick import lcdb` on small archives cut from the real sdist by
/// scripts/make_lcdb_import_fixtures.py.
@Suite struct ImportTests {
    func importMini(to path: String) throws -> CommandResult {
        try yardstick(["import", "lcdb", fixture("lcdb-mini.tar.gz").path, "--out", path, "--quiet"])
    }

    @Test func importIsDeterministicByteForByte() throws {
        let dir = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let a = dir.appendingPathComponent("a.sqlite").path
        let b = dir.appendingPathComponent("b.sqlite").path
        let ra = try importMini(to: a)
        #expect(ra.status == 0, "\(ra.stderr)")
        #expect(ra.stdout.contains("wrote \(a): 2 instances, 3 configurations, 432 evaluations"))
        #expect(try importMini(to: b).status == 0)
        #expect(try Data(contentsOf: URL(fileURLWithPath: a)) == Data(contentsOf: URL(fileURLWithPath: b)))
        #expect(!FileManager.default.fileExists(atPath: a + ".partial"))
    }

    @Test func importedValuesEqualTheShippedTable() throws {
        let dir = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let mini = dir.appendingPathComponent("mini.sqlite").path
        #expect(try importMini(to: mini).status == 0)
        let query = ["--instance", "6", "--config", #"{"learner":"sklearn.tree.DecisionTreeClassifier"}"#, "--fidelity", "128", "--seed", "101", "--json"]
        let fromMini = try yardstick(["query", mini] + query)
        let fromShipped = try yardstick(["query", lcdbTable] + query)
        #expect(fromMini.status == 0 && fromShipped.status == 0, "\(fromMini.stderr) \(fromShipped.stderr)")
        #expect(fromMini.stdout == fromShipped.stdout)
    }

    @Test func describeVerifiesTheContentHash() throws {
        let dir = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let mini = dir.appendingPathComponent("mini.sqlite").path
        let r = try importMini(to: mini)
        let printed = r.stdout.split(separator: "\n").first { $0.hasPrefix("content sha256:") }!.split(separator: " ").last!
        let d = try yardstick(["describe", mini, "--verify"])
        #expect(d.status == 0, "\(d.stderr)")
        #expect(d.stdout.contains("content:     sha256:\(printed)"))
        #expect(d.stdout.contains("verified"))
    }

    @Test(arguments: [
        ("lcdb-nan.tar.gz", "lcdb/database-logloss.csv:6: column 'score_valid' has value 'nan': NaN or infinite values cannot be stored"),
        ("lcdb-mismatch.tar.gz", "disagree at line 4"),
        ("lcdb-truncated.tar.gz", "is damaged"),
        ("lcdb-sample.csv", "is not a gzip archive"),
    ])
    func badSourcesAreRejectedAndKeepTheExistingTable(name: String, message: String) throws {
        let dir = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let out = dir.appendingPathComponent("t.sqlite").path
        #expect(try importMini(to: out).status == 0)
        let before = try Data(contentsOf: URL(fileURLWithPath: out))
        let r = try yardstick(["import", "lcdb", fixture(name).path, "--out", out, "--force", "--quiet"])
        #expect(r.status == 4)
        #expect(r.stderr.contains(message), "stderr: \(r.stderr)")
        #expect(try Data(contentsOf: URL(fileURLWithPath: out)) == before, "the existing table must survive a failed import")
        #expect(!FileManager.default.fileExists(atPath: out + ".partial"))
    }

    @Test func missingSourceExitsWith5() throws {
        let r = try yardstick(["import", "lcdb", "/nonexistent/lcdb.tar.gz", "--out", "/tmp/never.sqlite"])
        #expect(r.status == 5)
        #expect(r.stderr.contains("cannot read /nonexistent/lcdb.tar.gz"))
    }

    @Test func existingOutputNeedsForce() throws {
        let dir = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let out = dir.appendingPathComponent("t.sqlite").path
        #expect(try importMini(to: out).status == 0)
        let r = try importMini(to: out)
        #expect(r.status == 5)
        #expect(r.stderr.contains("already exists; pass --force"))
    }
}
