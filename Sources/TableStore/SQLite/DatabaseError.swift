/// An SQLite failure, with everything a reader needs to fix it: the (extended) result code,
/// SQLite's message, the SQL being run, the file, what we were doing, and a suggestion.
///
/// `description` reads like
/// `cannot open /x/t.sqlite read-only: unable to open database file (SQLITE_CANTOPEN): No such file or directory; check the path`.
public struct DatabaseError: Error, Sendable, CustomStringConvertible {
    /// The extended result code; compare `code.primary` to test for a family.
    public var code: ResultCode
    /// SQLite's message (`sqlite3_errmsg`), or ours for failures SQLite does not report.
    public var message: String
    /// The SQL being prepared or run, if any.
    public var sql: String?
    /// The database file, or `:memory:`.
    public var path: String
    /// What we were doing, as a verb phrase completing "cannot …": "open", "run a statement on".
    public var operation: String
    /// The operating system's explanation (`strerror` of `sqlite3_system_errno`), for I/O and open failures.
    public var systemMessage: String?
    /// What the user can do about it, when we can tell.
    public var suggestion: String?

    public init(code: ResultCode, message: String, sql: String? = nil, path: String, operation: String,
                systemMessage: String? = nil, suggestion: String? = nil) {
        self.code = code
        self.message = message
        self.sql = sql
        self.path = path
        self.operation = operation
        self.systemMessage = systemMessage
        self.suggestion = suggestion ?? DatabaseError.defaultSuggestion(for: code)
    }

    public var description: String {
        var text = "cannot \(operation) \(DatabaseError.display(path)): \(message) (\(code.name))"
        if let systemMessage { text += ": \(systemMessage)" }
        if let sql { text += " in `\(DatabaseError.abbreviated(sql))`" }
        if let suggestion { text += "; \(suggestion)" }
        return text
    }

    static func display(_ path: String) -> String {
        path == ":memory:" || path.isEmpty ? "an in-memory database" : path
    }

    /// Long scripts are cut so that the message stays readable.
    static func abbreviated(_ sql: String, limit: Int = 300) -> String {
        sql.count <= limit ? sql : String(sql.prefix(limit)) + "…"
    }

    static func defaultSuggestion(for code: ResultCode) -> String? {
        switch code.primary {
        case .notADatabase:
            "the file is not an SQLite database, or its header is damaged; re-download or re-create it"
        case .corrupt:
            "the file is damaged or truncated; re-download or re-create it"
        case .busy, .locked:
            "another connection or process holds a lock on the database; retry later or raise the busy timeout"
        case .full:
            "the disk (or the temporary directory) is full; free some space"
        case .ioError:
            "reading or writing the file failed; check the disk and that the file was not removed or truncated while open"
        case .permission:
            "check the file's permissions"
        case .tooBig:
            "the value is larger than SQLite's limit (1 GB by default)"
        default:
            nil
        }
    }
}
