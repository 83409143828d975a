import CSQLite

extension Database {
    /// Runs `body` in a `BEGIN IMMEDIATE` transaction: commits when it returns, rolls back
    /// when it (or the commit) throws, and rethrows that first error, never one from the
    /// rollback.
    ///
    /// `IMMEDIATE` takes the write lock at once, so a conflict with another writer shows up
    /// here (`SQLITE_BUSY`, after the busy timeout) rather than halfway through `body`.
    ///
    /// Transactions do not nest: calling this while a transaction is open (this one, or one
    /// begun with `execute("BEGIN")`) is an error. Compose the work into one closure instead.
    @discardableResult
    public func transaction<T>(_ body: (Database) throws -> T) throws -> T {
        try inTransaction(begin: "BEGIN IMMEDIATE", body)
    }

    /// Runs `body` in one read transaction (`BEGIN DEFERRED`): its queries see one snapshot
    /// of the file, and take the file lock once instead of once per statement, which makes
    /// a run of small lookups several times faster. Ends, rolls back and nests like
    /// `transaction(_:)`.
    @discardableResult
    public func readTransaction<T>(_ body: (Database) throws -> T) throws -> T {
        try inTransaction(begin: "BEGIN DEFERRED", body)
    }

    private func inTransaction<T>(begin: String, _ body: (Database) throws -> T) throws -> T {
        guard !isInTransaction else {
            throw DatabaseError(code: .misuse, message: "a transaction is already open, and transactions do not nest",
                                path: path, operation: "begin a transaction on",
                                suggestion: "do the inner work inside the outer transaction's closure")
        }
        do { try execute(begin) } catch {
            var error = error
            error.operation = "begin a transaction on"
            throw error
        }
        let result: T
        do {
            result = try body(self)
        } catch {
            rollBackQuietly()
            throw error
        }
        do { try execute("COMMIT") } catch {
            rollBackQuietly()
            var error = error
            error.operation = "commit a transaction on"
            throw error
        }
        return result
    }

    /// Rolls back the open transaction, if SQLite has not already; a failure here would only
    /// hide the error that made us roll back.
    private func rollBackQuietly() {
        guard isInTransaction else { return }
        _ = try? execute("ROLLBACK")
    }
}
