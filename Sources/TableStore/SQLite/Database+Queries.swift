import CSQLite

/// Scoped helpers: each takes its statement from the cache, binds `arguments` to parameters
/// 1, 2, … (their number must match), and rewinds the statement and clears its bindings
/// when done, so that no read lock or bound blob outlives the call.
extension Database {
    /// Runs one SQL statement, ignoring any rows it returns.
    public func execute(_ sql: String, _ arguments: [DatabaseValue] = []) throws(DatabaseError) {
        try using(sql, arguments) { statement throws(DatabaseError) in try statement.run() }
    }

    /// Runs every statement in `sql` in order (schema scripts); no arguments.
    public func executeScript(_ sql: String) throws(DatabaseError) {
        var failure: DatabaseError?
        let connection = handle
        sql.withCString { text in
            var rest: UnsafePointer<CChar>? = text
            while let start = rest, start.pointee != 0, failure == nil {
                var prepared: OpaquePointer?
                var tail: UnsafePointer<CChar>?
                var rc = sqlite3_prepare_v2(connection, start, -1, &prepared, &tail)
                if rc == SQLITE_OK, let prepared {
                    repeat { rc = sqlite3_step(prepared) } while rc == SQLITE_ROW
                    if rc == SQLITE_DONE { rc = SQLITE_OK }
                }
                if rc != SQLITE_OK {
                    let statementSQL = tail.map { trimmed(String(decoding: UnsafeRawBufferPointer(start: start, count: $0 - start), as: UTF8.self)) } ?? sql
                    failure = DatabaseError(connection: connection, code: rc, sql: statementSQL, path: path, operation: "run a script on")
                }
                sqlite3_finalize(prepared)
                rest = tail
            }
        }
        if let failure { throw failure }
    }

    /// Calls `body` with the cached statement for `sql`, unbound; rewinds it afterwards.
    public func withStatement<R>(_ sql: String, _ body: (Statement) throws -> R) throws -> R {
        let statement = try cachedStatement(sql)
        statement.isInUse = true
        defer { release(statement, clearing: true) }
        return try body(statement)
    }

    /// Calls `body` once per result row, with the statement positioned on the row.
    public func forEachRow(_ sql: String, _ arguments: [DatabaseValue] = [], _ body: (Statement) throws -> Void) throws {
        try usingAny(sql, arguments) { statement in
            while try statement.step() { try body(statement) }
        }
    }

    /// Every result row, copied.
    public func rows(_ sql: String, _ arguments: [DatabaseValue] = []) throws(DatabaseError) -> [Row] {
        try using(sql, arguments) { statement throws(DatabaseError) in
            let names = statement.columnNames
            var rows: [Row] = []
            while try statement.step() {
                rows.append(Row(columnNames: names, values: names.indices.map { statement.value(at: $0) }))
            }
            return rows
        }
    }

    /// `transform` applied to every result row.
    public func rows<T>(_ sql: String, _ arguments: [DatabaseValue] = [], _ transform: (Statement) throws -> T) throws -> [T] {
        try usingAny(sql, arguments) { statement in
            var out: [T] = []
            while try statement.step() { out.append(try transform(statement)) }
            return out
        }
    }

    /// `transform` applied to the first result row, or nil when there is none.
    public func firstRow<T>(_ sql: String, _ arguments: [DatabaseValue] = [], _ transform: (Statement) throws -> T) throws -> T? {
        try usingAny(sql, arguments) { statement in try statement.step() ? transform(statement) : nil }
    }

    /// The first column of the first row, or nil when there is no row.
    public func scalar(_ sql: String, _ arguments: [DatabaseValue] = []) throws(DatabaseError) -> DatabaseValue? {
        try using(sql, arguments) { statement throws(DatabaseError) in try statement.step() ? statement.value(at: 0) : nil }
    }

    /// The first column of the first row as an integer; no row is an error.
    public func int(_ sql: String, _ arguments: [DatabaseValue] = []) throws(DatabaseError) -> Int {
        try using(sql, arguments) { statement throws(DatabaseError) in
            guard try statement.step() else {
                throw DatabaseError(code: .error, message: "the query returned no row", sql: sql, path: path, operation: "read a number from")
            }
            return statement.int(at: 0)
        }
    }

    /// The first column of every row, as strings.
    public func strings(_ sql: String, _ arguments: [DatabaseValue] = []) throws(DatabaseError) -> [String] {
        try using(sql, arguments) { statement throws(DatabaseError) in
            var out: [String] = []
            while try statement.step() { out.append(statement.text(at: 0)) }
            return out
        }
    }

    /// The first two columns of every row, as strings.
    public func stringPairs(_ sql: String, _ arguments: [DatabaseValue] = []) throws(DatabaseError) -> [(String, String)] {
        try using(sql, arguments) { statement throws(DatabaseError) in
            var out: [(String, String)] = []
            while try statement.step() { out.append((statement.text(at: 0), statement.text(at: 1))) }
            return out
        }
    }

    private func using<R>(_ sql: String, _ arguments: [DatabaseValue], _ body: (Statement) throws(DatabaseError) -> R) throws(DatabaseError) -> R {
        let statement = try cachedStatement(sql)
        statement.isInUse = true
        defer { release(statement, clearing: !arguments.isEmpty) }
        try statement.bind(arguments)
        return try body(statement)
    }

    private func usingAny<R>(_ sql: String, _ arguments: [DatabaseValue], _ body: (Statement) throws -> R) throws -> R {
        let statement = try cachedStatement(sql)
        statement.isInUse = true
        defer { release(statement, clearing: !arguments.isEmpty) }
        try statement.bind(arguments)
        return try body(statement)
    }

    private func release(_ statement: Statement, clearing: Bool) {
        statement.isInUse = false
        statement.reset()
        if clearing { statement.clearBindings() }
    }
}

private func trimmed(_ text: String) -> String {
    guard let first = text.firstIndex(where: { !$0.isWhitespace }), let last = text.lastIndex(where: { !$0.isWhitespace }) else { return "" }
    return String(text[first...last])
}
