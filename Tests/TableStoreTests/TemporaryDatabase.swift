import Foundation
@testable import TableStore

/// A fresh file path under the temporary directory, unique per test; `remove()` deletes the
/// file and SQLite's side files.
struct TemporaryDatabase {
    let path: String

    init(_ name: String = "db") {
        path = FileManager.default.temporaryDirectory
            .appendingPathComponent("yardstick-sqlite-\(name)-\(UUID().uuidString).sqlite").path
    }

    var exists: Bool { FileManager.default.fileExists(atPath: path) }

    func remove() {
        for suffix in ["", "-wal", "-shm", "-journal"] { try? FileManager.default.removeItem(atPath: path + suffix) }
    }

    /// A file database with table `t(id INTEGER PRIMARY KEY, payload BLOB)` holding `rows`
    /// rows of 1 KiB, spread over many pages, closed again.
    func makeSample(rows: Int = 200) throws {
        let db = try Database(path: path, mode: .create)
        try db.executeScript("""
            CREATE TABLE t (id INTEGER PRIMARY KEY, payload BLOB);
            CREATE INDEX t_payload ON t (payload);
            """)
        try db.transaction { db in
            for i in 0..<rows {
                try db.execute("INSERT INTO t (id, payload) VALUES (?, ?)", [.integer(Int64(i)), .blob((0..<1024).map { UInt8(truncatingIfNeeded: $0 &* 7 &+ i) })])
            }
        }
    }

    /// Rewrites the file as its first `count` bytes.
    func truncate(to count: Int) throws {
        let data = try Data(contentsOf: URL(fileURLWithPath: path))
        try data.prefix(count).write(to: URL(fileURLWithPath: path))
    }

    var size: Int { (try? Data(contentsOf: URL(fileURLWithPath: path)).count) ?? 0 }
}

/// The error `body` throws, or nil.
func caught<E: Error>(_ type: E.Type = DatabaseError.self, _ body: () throws -> Void) -> E? {
    do { try body() } catch let error as E { return error } catch { return nil }
    return nil
}
