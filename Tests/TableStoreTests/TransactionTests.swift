import Foundation
import Testing
@testable import TableStore

/// `transaction { }`: BEGIN IMMEDIATE, commit on success, roll back and rethrow the first error.
@Suite struct TransactionTests {
    struct Boom: Error, Equatable {}

    func makeDatabase(_ file: TemporaryDatabase) throws -> Database {
        let db = try Database(path: file.path, mode: .create)
        try db.execute("CREATE TABLE t (id INTEGER PRIMARY KEY)")
        return db
    }

    @Test func commitsWhenTheBodyReturns() throws {
        let file = TemporaryDatabase()
        defer { file.remove() }
        let db = try makeDatabase(file)
        let result = try db.transaction { db in
            #expect(db.isInTransaction)
            try db.execute("INSERT INTO t VALUES (1)")
            try db.execute("INSERT INTO t VALUES (2)")
            return "done"
        }
        #expect(result == "done")
        #expect(!db.isInTransaction)
        #expect(try Database(path: file.path).int("SELECT count(*) FROM t") == 2)
    }

    @Test func rollsBackAndRethrowsTheBodysError() throws {
        let file = TemporaryDatabase()
        defer { file.remove() }
        let db = try makeDatabase(file)
        #expect(throws: Boom()) {
            try db.transaction { db in
                try db.execute("INSERT INTO t VALUES (1)")
                throw Boom()
            }
        }
        #expect(!db.isInTransaction)
        #expect(try db.int("SELECT count(*) FROM t") == 0)
    }

    @Test func rethrowsTheFirstDatabaseError() throws {
        let file = TemporaryDatabase()
        defer { file.remove() }
        let db = try makeDatabase(file)
        try db.execute("INSERT INTO t VALUES (1)")
        let error = try #require(caught {
            try db.transaction { db in
                try db.execute("INSERT INTO t VALUES (2)")
                try db.execute("INSERT INTO t VALUES (1)")
                try db.execute("INSERT INTO t VALUES (3)")
            }
        })
        #expect(error.code.primary == .constraint)
        #expect(error.sql == "INSERT INTO t VALUES (1)")
        #expect(try db.strings("SELECT id FROM t") == ["1"])
    }

    @Test func aBodyThatEndedTheTransactionItselfStillGetsItsErrorBack() throws {
        let file = TemporaryDatabase()
        defer { file.remove() }
        let db = try makeDatabase(file)
        #expect(throws: Boom()) {
            try db.transaction { db in
                try db.execute("INSERT INTO t VALUES (1)")
                try db.execute("ROLLBACK")
                throw Boom()
            }
        }
        #expect(try db.int("SELECT count(*) FROM t") == 0)
    }

    @Test func aFailedCommitRollsBack() throws {
        let file = TemporaryDatabase()
        defer { file.remove() }
        let db = try Database(path: file.path, mode: .create)
        try db.executeScript("""
            PRAGMA foreign_keys = ON;
            CREATE TABLE parent (id INTEGER PRIMARY KEY);
            CREATE TABLE child (parent INTEGER REFERENCES parent (id) DEFERRABLE INITIALLY DEFERRED);
            """)
        let error = try #require(caught {
            try db.transaction { db in try db.execute("INSERT INTO child VALUES (7)") }
        })
        #expect(error.code.rawValue == 787)  // SQLITE_CONSTRAINT_FOREIGNKEY = 19 | 3 << 8 in sqlite3.h
        #expect(error.description == "cannot commit a transaction on \(file.path): FOREIGN KEY constraint failed (SQLITE_CONSTRAINT_FOREIGNKEY) in `COMMIT`")
        #expect(!db.isInTransaction)
        #expect(try db.int("SELECT count(*) FROM child") == 0)
    }

    @Test func transactionsDoNotNest() throws {
        let file = TemporaryDatabase()
        defer { file.remove() }
        let db = try makeDatabase(file)
        let error = try #require(caught {
            try db.transaction { db in
                try db.execute("INSERT INTO t VALUES (1)")
                try db.transaction { db in try db.execute("INSERT INTO t VALUES (2)") }
            }
        })
        #expect(error.code == .misuse)
        #expect(error.description == "cannot begin a transaction on \(file.path): a transaction is already open, and transactions do not nest (SQLITE_MISUSE); do the inner work inside the outer transaction's closure")
        #expect(try db.int("SELECT count(*) FROM t") == 0)

        try db.execute("BEGIN")
        #expect(caught { try db.transaction { _ in } }?.code == .misuse)
        try db.execute("ROLLBACK")
    }

    /// With a deferred BEGIN the second connection's BEGIN would succeed; IMMEDIATE makes it
    /// fail at once while the first holds its transaction.
    @Test func beginImmediateTakesTheWriteLock() throws {
        let file = TemporaryDatabase()
        defer { file.remove() }
        let first = try makeDatabase(file)
        let second = try Database(path: file.path, mode: .readWrite)
        second.setBusyTimeout(milliseconds: 0)
        try first.transaction { db in
            try db.execute("INSERT INTO t VALUES (1)")
            let error = try #require(caught { try second.transaction { db in try db.execute("INSERT INTO t VALUES (2)") } })
            #expect(error.code.primary == .busy)
            #expect(error.description == "cannot begin a transaction on \(file.path): database is locked (SQLITE_BUSY) in `BEGIN IMMEDIATE`; another connection or process holds a lock on the database; retry later or raise the busy timeout")
            #expect(!second.isInTransaction)
            // Readers still read the last committed state.
            #expect(try second.int("SELECT count(*) FROM t") == 0)
        }
        try second.transaction { db in try db.execute("INSERT INTO t VALUES (2)") }
        #expect(try first.int("SELECT count(*) FROM t") == 2)
    }

    @Test func readTransactionsHoldTheReadLock() throws {
        let file = TemporaryDatabase()
        defer { file.remove() }
        let writer = try makeDatabase(file)
        try writer.execute("INSERT INTO t VALUES (1)")
        let reader = try Database(path: file.path)
        let count = try reader.readTransaction { db in
            #expect(db.isInTransaction)
            let count = try db.int("SELECT count(*) FROM t")
            // The reader's shared lock keeps a writer from committing until it ends.
            #expect(caught { try writer.execute("INSERT INTO t VALUES (2)") }?.code.primary == .busy)
            return count
        }
        #expect(count == 1)
        #expect(!reader.isInTransaction)
        try writer.execute("INSERT INTO t VALUES (2)")
        #expect(throws: Boom()) { try reader.readTransaction { _ in throw Boom() } }
        #expect(!reader.isInTransaction)
        #expect(try reader.int("SELECT count(*) FROM t") == 2)
    }
}
