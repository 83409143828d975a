import Foundation
import Testing
@testable import TableStore

/// Binding and reading every type, the statement cache, and the scoped helpers.
@Suite struct StatementTests {
    static let values: [DatabaseValue] = [
        .null, .integer(0), .integer(Int64.min), .integer(Int64.max), .real(-0.0), .real(1e-300),
        .real(.infinity), .real(-.infinity), .real(.greatestFiniteMagnitude), .text(""), .text("héllo, 世界 🌍"),
        .text("nul\u{0}inside"), .text("it's"), .blob([]), .blob([0]), .blob(Array(0...255)),
    ]

    @Test(arguments: values)
    func valuesRoundTripThroughATableFile(_ value: DatabaseValue) throws {
        let file = TemporaryDatabase()
        defer { file.remove() }
        let db = try Database(path: file.path, mode: .create)
        try db.execute("CREATE TABLE t (v)")
        try db.execute("INSERT INTO t VALUES (?)", [value])
        let stored = try #require(try db.firstRow("SELECT v, typeof(v) FROM t") { ($0.value(at: 0), $0.text(at: 1), $0.type(at: 0)) })
        #expect(stored.0 == value)
        #expect(stored.2 == value.type)
        #expect(stored.1 == "\(value.type)")
    }

    @Test func typedBindingAndReading() throws {
        let db = try Database.inMemory()
        let statement = try db.cachedStatement("SELECT ?1, ?2, ?3, ?4, ?5, ?6, ?7")
        try statement.bind(42, at: 1)
        try statement.bind(Int64(-7), at: 2)
        try statement.bind(2.5, at: 3)
        try statement.bind("text", at: 4)
        try statement.bind([1, 2, 3] as [UInt8], at: 5)
        try statement.bindNull(at: 6)
        try statement.bind([] as [UInt8], at: 7)
        #expect(try statement.step())
        #expect(statement.columnCount == 7)
        #expect(statement.int(at: 0) == 42)
        #expect(statement.int64(at: 1) == -7)
        #expect(statement.double(at: 2) == 2.5)
        #expect(statement.text(at: 3) == "text")
        #expect(statement.blob(at: 4) == [1, 2, 3])
        #expect(statement.withBlob(at: 4) { Array($0) } == [1, 2, 3])
        #expect(statement.isNull(at: 5))
        #expect(!statement.isNull(at: 6))
        #expect(statement.type(at: 6) == .blob)
        #expect(statement.blob(at: 6) == [])
        // NULL reads as zero, empty text and an empty blob.
        #expect(statement.int(at: 5) == 0 && statement.double(at: 5) == 0 && statement.text(at: 5) == "" && statement.blob(at: 5) == [])
        #expect(try !statement.step())
    }

    @Test func nanBindsAsNullBecauseSQLiteHasNoNaN() throws {
        let db = try Database.inMemory()
        #expect(try db.scalar("SELECT ?", [.real(.nan)]) == .null)
    }

    @Test(arguments: [":x", "@x", "$x"])
    func bindingByName(_ spelling: String) throws {
        let db = try Database.inMemory()
        let statement = try db.makeStatement("SELECT \(spelling), \(spelling) + 1")
        try statement.bind(10, named: "x")
        #expect(try statement.step())
        #expect(statement.int(at: 0) == 10 && statement.int(at: 1) == 11)
        try statement.bind("y", named: spelling)
        #expect(try statement.step())
        #expect(statement.text(at: 0) == "y")
        let error = try #require(caught { try statement.bind(1, named: "nope") })
        #expect(error.code == .range)
        #expect(error.description.contains("the statement has no parameter named 'nope' (it has: \(spelling))"))
    }

    @Test func bindingErrorsSayWhatIsWrong() throws {
        let db = try Database.inMemory()
        let sql = "SELECT ? + ?"
        let count = try #require(caught { try db.execute(sql, [1]) })
        #expect(count.description == "cannot bind the arguments of a statement on an in-memory database: the statement has 2 parameter(s) but 1 argument(s) were given (SQLITE_RANGE) in `SELECT ? + ?`")
        let index = try #require(caught { try db.cachedStatement(sql).bind(1, at: 3) })
        #expect(index.description.contains("cannot bind parameter 3 of a statement on an in-memory database: there is no parameter 3: the statement has 2 (SQLITE_RANGE)"))
    }

    @Test func bindingRewindsASteppedStatement() throws {
        let db = try Database.inMemory()
        let s = try db.cachedStatement("WITH RECURSIVE n(i) AS (SELECT ? UNION ALL SELECT i + 1 FROM n WHERE i < 5) SELECT i FROM n")
        try s.bind(1, at: 1)
        #expect(try s.step())
        #expect(s.int(at: 0) == 1)
        try s.bind(4, at: 1)
        var seen: [Int] = []
        while try s.step() { seen.append(s.int(at: 0)) }
        #expect(seen == [4, 5])
    }

    @Test func theCacheReusesStatements() throws {
        let db = try Database.inMemory()
        let sql = "SELECT ?"
        let a = try db.cachedStatement(sql)
        let b = try db.cachedStatement(sql)
        #expect(a === b)
        #expect(db.cachedStatementCount == 1)
        for i in 0..<10 { #expect(try db.scalar(sql, [.integer(Int64(i))]) == .integer(Int64(i))) }
        #expect(db.cachedStatementCount == 1)
        #expect(try db.cachedStatement(sql) === a)
        #expect(try db.makeStatement(sql) !== a)
        db.clearStatementCache()
        #expect(db.cachedStatementCount == 0)
        #expect(try db.cachedStatement(sql) !== a)
    }

    @Test func aStatementWhoseStepFailsIsEvicted() throws {
        let file = TemporaryDatabase()
        defer { file.remove() }
        let db = try Database(path: file.path, mode: .create)
        try db.execute("CREATE TABLE t (id INTEGER PRIMARY KEY)")
        let sql = "INSERT INTO t (id) VALUES (?)"
        try db.execute(sql, [1])
        let first = try db.cachedStatement(sql)
        let error = try #require(caught { try db.execute(sql, [1]) })
        #expect(error.code.rawValue == 1555)  // SQLITE_CONSTRAINT_PRIMARYKEY = 19 | 6 << 8 in sqlite3.h
        #expect(error.description == "cannot run a statement on \(file.path): UNIQUE constraint failed: t.id (SQLITE_CONSTRAINT_PRIMARYKEY) in `\(sql)`")
        let second = try db.cachedStatement(sql)
        #expect(second !== first)
        try db.execute(sql, [2])
        #expect(try db.cachedStatement(sql) === second)
        #expect(try db.int("SELECT count(*) FROM t") == 2)
    }

    @Test func aStatementKeepsItsConnectionOpen() throws {
        var db: Database? = try Database.inMemory()
        let statement = try db!.cachedStatement("SELECT 41 + ?")
        db = nil
        try statement.bind(1, at: 1)
        #expect(try statement.step())
        #expect(statement.int(at: 0) == 42)
    }

    @Test func nestingAQueryInItselfIsSafe() throws {
        let db = try Database.inMemory()
        try db.executeScript("CREATE TABLE t (x); INSERT INTO t VALUES (1), (2), (3);")
        let sql = "SELECT x FROM t ORDER BY x"
        var pairs: [[Int]] = []
        try db.forEachRow(sql) { outer in
            let x = outer.int(at: 0)
            let inner = try db.rows(sql) { $0.int(at: 0) }
            pairs.append([x] + inner)
        }
        #expect(pairs == [[1, 1, 2, 3], [2, 1, 2, 3], [3, 1, 2, 3]])
    }

    @Test func helpers() throws {
        let db = try Database.inMemory()
        try db.executeScript("""
            CREATE TABLE kv (k TEXT, v REAL); -- a comment
            INSERT INTO kv VALUES ('a', 1.5), ('b', NULL);
            """)
        let rows = try db.rows("SELECT k, v AS value FROM kv ORDER BY k")
        #expect(rows.count == 2)
        #expect(rows[0].columnNames == ["k", "value"])
        #expect(rows[0]["VALUE"] == .real(1.5))
        #expect(rows[1][1] == .null)
        #expect(rows[1]["missing"] == nil)
        #expect(try db.strings("SELECT k FROM kv ORDER BY k") == ["a", "b"])
        #expect(try db.stringPairs("SELECT k, k || '!' FROM kv ORDER BY k").map { [$0.0, $0.1] } == [["a", "a!"], ["b", "b!"]])
        #expect(try db.scalar("SELECT v FROM kv WHERE k = ?", ["a"]) == .real(1.5))
        #expect(try db.scalar("SELECT v FROM kv WHERE k = ?", ["zzz"]) == nil)
        #expect(try db.firstRow("SELECT k FROM kv WHERE k = 'zzz'") { $0.text(at: 0) } == nil)
        #expect(try db.withStatement("SELECT count(*) FROM kv") { try $0.step() ? $0.int(at: 0) : -1 } == 2)
        let noRow = try #require(caught { _ = try db.int("SELECT 1 WHERE 0") })
        #expect(noRow.description == "cannot read a number from an in-memory database: the query returned no row (SQLITE_ERROR) in `SELECT 1 WHERE 0`")
        try db.execute("INSERT INTO kv VALUES (?, ?)", ["c", 3])
        #expect(db.lastInsertedRowID == 3)
        try db.execute("UPDATE kv SET v = 0")
        #expect(db.changedRowCount == 3)
    }

    @Test func sqlMustHoldExactlyOneStatement() throws {
        let db = try Database.inMemory()
        let two = try #require(caught { try db.execute("CREATE TABLE a (x); CREATE TABLE b (x)") })
        #expect(two.description.contains("the SQL holds more than one statement; a prepared statement runs one (executeScript(_:) runs several)"))
        #expect(try db.strings("SELECT name FROM sqlite_master") == [])
        let none = try #require(caught { try db.execute("  -- nothing\n") })
        #expect(none.description.contains("the SQL holds no statement"))
        try db.execute("CREATE TABLE c (x);  -- trailing blanks and comments are fine\n")
        let syntax = try #require(caught { try db.execute("SELEC 1") })
        #expect(syntax.description == "cannot prepare a statement on an in-memory database: near \"SELEC\": syntax error (SQLITE_ERROR) in `SELEC 1`")
        let script = try #require(caught { try db.executeScript("CREATE TABLE d (x); INSERT INTO nope VALUES (1); CREATE TABLE e (x);") })
        #expect(script.description == "cannot run a script on an in-memory database: no such table: nope (SQLITE_ERROR) in `INSERT INTO nope VALUES (1);`")
        #expect(try db.strings("SELECT name FROM sqlite_master ORDER BY name") == ["c", "d"])
    }

    /// The lookup pattern of the tabular tier: a kept statement, four integer bindings, one
    /// step, a blob decoded in place, reset.
    @Test func hotPathLookupLoop() throws {
        let db = try Database.inMemory()
        try db.execute("CREATE TABLE r (a INTEGER, b INTEGER, c INTEGER, d INTEGER, curve BLOB, PRIMARY KEY (a, b, c, d)) WITHOUT ROWID")
        for i in 0..<50 {
            let curve = (0..<20).map { Float(i) + Float($0) / 20 }
            try db.execute("INSERT INTO r VALUES (?, ?, ?, ?, ?)", [.integer(Int64(i)), 1, 2, 3, .blob(FloatArrayCodec.encode(curve))])
        }
        let statement = try db.cachedStatement("SELECT curve FROM r WHERE a = ? AND b = ? AND c = ? AND d = ?")
        var decoder = FloatArrayDecoder()
        var curve: [Float] = []
        for round in 0..<3 {
            for i in (0..<50).reversed() {
                try statement.bind(i, at: 1)
                try statement.bind(1, at: 2)
                try statement.bind(2, at: 3)
                try statement.bind(3, at: 4)
                #expect(try statement.step(), "round \(round), key \(i)")
                try statement.withBlob(at: 0) { try decoder.decode($0, into: &curve) }
                statement.reset()
                #expect(curve.count == 20 && curve[0] == Float(i) && curve[19] == Float(i) + 0.95)
            }
        }
    }
}
