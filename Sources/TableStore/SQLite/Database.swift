import CSQLite

/// A connection to an SQLite database file: it owns the `sqlite3*` handle and a cache of
/// prepared statements, and closes both when released.
///
/// Opening checks the file at once: a missing file (read-only), a file that is not a
/// database, or a truncated or damaged one is an error naming the file, thrown by `init`.
///
/// Threading: one connection per thread (or task). Connections are opened with
/// `SQLITE_OPEN_NOMUTEX` (SQLite's multi-thread mode), so SQLite takes no lock per call,
/// and `Database` is not `Sendable`: Swift lets a connection move to another task but
/// never be used by two at once. `SQLITE_OPEN_FULLMUTEX` would not make sharing safe, only
/// slower: it serializes single calls, not the bind–step–read–reset sequence of a query.
/// Several connections, in threads or processes, may open the same file; see
/// `setBusyTimeout(milliseconds:)` and `setJournalMode(_:)` for files several of them write.
///
/// Speed: outside a transaction SQLite locks and unlocks the file for every statement,
/// which costs more than a small indexed lookup itself; run many lookups inside one
/// `readTransaction { }` (or keep a read-only connection's lock with
/// `PRAGMA locking_mode = EXCLUSIVE`).
public final class Database {
    /// How a database file is opened.
    public enum OpenMode: Sendable {
        /// Read only; the file must exist. Any write fails with `SQLITE_READONLY`.
        case readOnly
        /// Read and write; the file must exist.
        case readWrite
        /// Read and write, creating the file if it does not exist.
        case create
    }

    /// The file (`:memory:` for an in-memory database).
    public let path: String
    public let mode: OpenMode
    let connection: SQLiteConnection
    var handle: OpaquePointer { connection.handle }
    /// Prepared statements by SQL text. Unbounded: a program runs a fixed set of SQL strings.
    var statementCache: [String: Statement] = [:]

    /// Opens the database file at `path`.
    ///
    /// Extended result codes are on. The file's header and schema are read at once, so a
    /// file that is not an SQLite database (`SQLITE_NOTADB`) or is truncated or damaged
    /// (`SQLITE_CORRUPT`) fails here, not at the first query. `busyTimeoutMilliseconds` is
    /// set before that first read; see `setBusyTimeout(milliseconds:)`.
    public init(path: String, mode: OpenMode = .readOnly, busyTimeoutMilliseconds: Int = 0) throws(DatabaseError) {
        let access: Int32 = switch mode {
        case .readOnly: SQLITE_OPEN_READONLY
        case .readWrite: SQLITE_OPEN_READWRITE
        case .create: SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE
        }
        var connection: OpaquePointer?
        let rc = sqlite3_open_v2(path, &connection, access | SQLITE_OPEN_NOMUTEX | SQLITE_OPEN_EXRESCODE, nil)
        guard rc == SQLITE_OK, let connection else {
            let operation = mode == .readOnly ? "open" : mode == .readWrite ? "open for writing" : "open or create"
            let error = DatabaseError(connection: connection, code: rc, sql: nil, path: path, operation: operation)
            // SQLite allocates a handle even when opening fails; it must be closed.
            sqlite3_close(connection)
            throw error
        }
        sqlite3_extended_result_codes(connection, 1)
        sqlite3_busy_timeout(connection, Int32(clamping: busyTimeoutMilliseconds))
        do {
            try Database.checkFormat(connection, path: path)
        } catch {
            sqlite3_close(connection)
            throw error
        }
        self.connection = SQLiteConnection(handle: connection, path: path)
        self.path = path
        self.mode = mode
    }

    /// A new, empty database in memory, for tests and scratch work.
    public static func inMemory() throws(DatabaseError) -> Database {
        try Database(path: ":memory:", mode: .create)
    }

    /// Reads the header and the schema, which is what fails on a file that is not an
    /// SQLite database or is truncated or damaged.
    private static func checkFormat(_ connection: OpaquePointer, path: String) throws(DatabaseError) {
        let sql = "SELECT count(*) FROM sqlite_master"
        var statement: OpaquePointer?
        var rc = sqlite3_prepare_v2(connection, sql, -1, &statement, nil)
        if rc == SQLITE_OK {
            rc = sqlite3_step(statement)
            if rc == SQLITE_ROW || rc == SQLITE_DONE { rc = SQLITE_OK }
        }
        if rc != SQLITE_OK {
            let error = DatabaseError(connection: connection, code: rc, sql: nil, path: path, operation: "read")
            sqlite3_finalize(statement)
            throw error
        }
        sqlite3_finalize(statement)
    }

    // MARK: Settings and state

    /// Makes a write wait up to `milliseconds` for another connection's lock instead of
    /// failing at once with `SQLITE_BUSY` (the default, 0, fails at once).
    public func setBusyTimeout(milliseconds: Int) {
        sqlite3_busy_timeout(handle, Int32(clamping: milliseconds))
    }

    /// SQLite's journal modes (`PRAGMA journal_mode`).
    public enum JournalMode: String, Sendable {
        case delete, truncate, persist, memory, wal, off
    }

    /// Switches the journal mode, e.g. to `.wal` for a file that several processes write
    /// while others read. Throws if SQLite keeps another mode (an in-memory database cannot
    /// use WAL, a read-only connection cannot change it).
    @discardableResult
    public func setJournalMode(_ journalMode: JournalMode) throws(DatabaseError) -> JournalMode {
        let sql = "PRAGMA journal_mode = \(journalMode.rawValue)"
        let result = try scalar(sql)?.text?.lowercased()
        guard result == journalMode.rawValue else {
            throw DatabaseError(code: .error, message: "SQLite kept journal mode '\(result ?? "unknown")' instead of '\(journalMode.rawValue)'",
                                sql: sql, path: path, operation: "change the journal mode of",
                                suggestion: "WAL needs a file database opened for writing")
        }
        return journalMode
    }

    /// The current journal mode.
    public var journalMode: JournalMode {
        get throws(DatabaseError) {
            let name = try scalar("PRAGMA journal_mode")?.text?.lowercased() ?? ""
            guard let mode = JournalMode(rawValue: name) else {
                throw DatabaseError(code: .error, message: "unknown journal mode '\(name)'", sql: "PRAGMA journal_mode", path: path, operation: "read the journal mode of")
            }
            return mode
        }
    }

    /// Whether a transaction is open (SQLite is not in autocommit mode).
    public var isInTransaction: Bool { sqlite3_get_autocommit(handle) == 0 }

    /// The rowid of the last successful INSERT on this connection.
    public var lastInsertedRowID: Int64 { sqlite3_last_insert_rowid(handle) }

    /// The number of rows the last INSERT, UPDATE or DELETE changed.
    public var changedRowCount: Int { Int(sqlite3_changes64(handle)) }

    /// Runs `PRAGMA quick_check` and returns the problems it finds, or [] for a sound file.
    ///
    /// - Complexity: reads the whole file (but skips the index-content checks of
    ///   `PRAGMA integrity_check`).
    public func quickCheck(maximumProblems: Int = 100) throws(DatabaseError) -> [String] {
        let problems = try strings("PRAGMA quick_check(\(max(1, maximumProblems)))")
        return problems == ["ok"] ? [] : problems
    }

    /// The version of the SQLite library in use, e.g. "3.40.1".
    public static var sqliteVersion: String { String(cString: sqlite3_libversion()) }
}
