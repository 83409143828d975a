import CSQLite

extension Database {
    /// The prepared statement for `sql` from this connection's cache, prepared on first use.
    /// It comes back rewound, with the bindings of its last use: bind every parameter.
    ///
    /// A statement whose step fails is evicted, so the next call prepares a fresh one. While
    /// a scoped helper (`withStatement`, `forEachRow`…) uses the cached statement, a call with
    /// the same SQL gets a new, uncached statement, so nesting a query in itself is safe.
    ///
    /// - Complexity: one dictionary lookup (hashing `sql`); keep the `Statement` to skip it.
    public func cachedStatement(_ sql: String) throws(DatabaseError) -> Statement {
        if let statement = statementCache[sql] {
            if !statement.isInUse {
                if statement.needsReset { statement.reset() }
                return statement
            }
            return try prepare(sql, persistent: false)
        }
        let statement = try prepare(sql, persistent: true)
        statement.cacheOwner = self
        statementCache[sql] = statement
        return statement
    }

    /// A new prepared statement for `sql`, not cached: it is finalized when released.
    public func makeStatement(_ sql: String) throws(DatabaseError) -> Statement {
        try prepare(sql, persistent: false)
    }

    /// The number of statements in the cache.
    public var cachedStatementCount: Int { statementCache.count }

    /// Finalizes every cached statement (those still held elsewhere live on, uncached).
    public func clearStatementCache() {
        for statement in statementCache.values { statement.cacheOwner = nil }
        statementCache.removeAll()
    }

    func evict(_ statement: Statement) {
        statement.cacheOwner = nil
        if statementCache[statement.sql] === statement { statementCache[statement.sql] = nil }
    }

    /// Prepares the single statement in `sql`; SQL with no statement, or with more than one,
    /// is an error (`executeScript(_:)` runs several).
    func prepare(_ sql: String, persistent: Bool) throws(DatabaseError) -> Statement {
        var prepared: OpaquePointer?
        var failure: DatabaseError?
        let connection = handle
        let path = path
        sql.withCString { text in
            var tail: UnsafePointer<CChar>?
            let flags = persistent ? UInt32(SQLITE_PREPARE_PERSISTENT) : 0
            let rc = sqlite3_prepare_v3(connection, text, -1, flags, &prepared, &tail)
            if rc != SQLITE_OK {
                failure = DatabaseError(connection: connection, code: rc, sql: sql, path: path, operation: "prepare a statement on")
            } else if prepared == nil {
                failure = DatabaseError(code: .misuse, message: "the SQL holds no statement", sql: sql, path: path, operation: "prepare a statement on")
            } else if let tail, Database.holdsStatement(connection, tail) {
                failure = DatabaseError(code: .misuse, message: "the SQL holds more than one statement; a prepared statement runs one (executeScript(_:) runs several)",
                                        sql: sql, path: path, operation: "prepare a statement on")
            }
        }
        if let failure {
            sqlite3_finalize(prepared)
            throw failure
        }
        return Statement(handle: prepared!, connection: self.connection, sql: sql)
    }

    /// Whether `text` holds anything but blanks and comments.
    private static func holdsStatement(_ connection: OpaquePointer, _ text: UnsafePointer<CChar>) -> Bool {
        if text.pointee == 0 { return false }
        var statement: OpaquePointer?
        let rc = sqlite3_prepare_v2(connection, text, -1, &statement, nil)
        sqlite3_finalize(statement)
        return rc != SQLITE_OK || statement != nil
    }
}
