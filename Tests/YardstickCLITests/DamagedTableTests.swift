import Foundation
import TableStore
import Testing

/// Damaged, truncated, foreign and too-new table files give a clear error (exit 4) naming
/// the file, never a crash or a wrong answer.
@Suite struct DamagedTableTests {
    static let query = ["--instance", "3", "--config", #"{"learner":"SVC_linear"}"#, "--fidelity", "16", "--seed", "0"]

    func freshTable(_ dir: URL) throws -> String {
        let path = dir.appendingPathComponent("t.sqlite").path
        let r = try yardstick(["import", "lcdb", fixture("lcdb-mini.tar.gz").path, "--out", path, "--quiet"])
        #expect(r.status == 0, "\(r.stderr)")
        return path
    }

    func expectBadData(_ path: String, _ messages: [String], command: [String]? = nil) throws {
        let r = try yardstick(command ?? (["query", path] + Self.query))
        #expect(r.status == 4, "stdout: \(r.stdout) stderr: \(r.stderr)")
        #expect(r.stderr.contains(path), "the error must name the file: \(r.stderr)")
        #expect(messages.contains { r.stderr.contains($0) }, "stderr: \(r.stderr)")
    }

    @Test(arguments: [0.5, 0.1])
    func truncatedFile(keep fraction: Double) throws {
        let dir = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let path = try freshTable(dir)
        let data = try Data(contentsOf: URL(fileURLWithPath: path))
        try data.prefix(Int(Double(data.count) * fraction)).write(to: URL(fileURLWithPath: path))
        try expectBadData(path, ["malformed", "damaged", "not a Yardstick benchmark table"])
    }

    @Test func garbageFile() throws {
        let dir = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let path = dir.appendingPathComponent("garbage.sqlite").path
        var rng = SystemRandomNumberGenerator()
        try Data((0..<65536).map { _ in UInt8.random(in: 0...255, using: &rng) }).write(to: URL(fileURLWithPath: path))
        try expectBadData(path, ["not a Yardstick benchmark table"])
    }

    @Test func textFile() throws {
        let dir = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let path = dir.appendingPathComponent("notes.sqlite").path
        try "openmlid,learner\n3,SVC_linear\n".write(toFile: path, atomically: true, encoding: .utf8)
        try expectBadData(path, ["not a Yardstick benchmark table"])
    }

    @Test func corruptedPages() throws {
        let dir = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let path = try freshTable(dir)
        var data = try Data(contentsOf: URL(fileURLWithPath: path))
        // Overwrite every page after the first with noise, keeping the header valid.
        for i in stride(from: 4096, to: data.count, by: 4096) { for j in i + 8..<min(i + 400, data.count) { data[j] = UInt8(truncatingIfNeeded: j &* 31) } }
        try data.write(to: URL(fileURLWithPath: path))
        try expectBadData(path, ["malformed", "damaged", "not a Yardstick benchmark table"])
    }

    @Test func newerSchemaVersion() throws {
        let dir = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let path = try freshTable(dir)
        do {
            let db = try Database(path: path, mode: .readWrite)
            try db.execute("UPDATE metadata SET value = '99' WHERE key = 'schema_version'")
        }
        try expectBadData(path, ["uses table schema version 99, newer than this Yardstick reads (1); upgrade Yardstick"])
    }

    @Test func damagedCurveBlob() throws {
        let dir = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let path = try freshTable(dir)
        do {
            let db = try Database(path: path, mode: .readWrite)
            // Flip bits in the compressed payload of every results row.
            try db.execute("UPDATE results SET data = substr(data, 1, 30) || randomblob(20) || substr(data, 51)")
        }
        try expectBadData(path, ["is damaged"])
        let d = try yardstick(["describe", path, "--verify"])
        #expect(d.status == 4)
        #expect(d.stderr.contains("is damaged"))
    }
}
