import CSQLite

/// A prepared SQLite statement: bind parameters, step through rows, read typed columns,
/// reset, and run it again.
///
/// Parameters are numbered from 1, as `?NNN` numbers them in SQL; columns from 0, as
/// `sqlite3_column_*` numbers them. Column reads follow SQLite's conversions: NULL reads as
/// 0, 0.0, "" or an empty blob, so test `isNull(at:)` where NULL means something.
///
/// A statement belongs to the connection that prepared it and, like it, must be used by one
/// thread at a time. Get one from `Database.cachedStatement(_:)` or `makeStatement(_:)`,
/// or let the scoped helpers (`execute`, `withStatement`, `rows`…) manage it.
///
/// The hot path (bind a few integers, step, read a blob or a few doubles, reset) allocates
/// nothing: binding and column reads are direct calls into SQLite.
public final class Statement {
    /// The SQL this statement was prepared from.
    public let sql: String
    let handle: OpaquePointer
    /// Keeps the connection open for as long as the statement lives.
    let connection: SQLiteConnection
    var path: String { connection.path }
    /// The connection whose cache holds this statement, so that a failure can evict it.
    weak var cacheOwner: Database?
    /// Whether it has been stepped since its last reset.
    var needsReset = false
    /// Whether a scoped helper is using it; the cache then hands out a fresh statement.
    var isInUse = false

    init(handle: OpaquePointer, connection: SQLiteConnection, sql: String) {
        self.handle = handle
        self.connection = connection
        self.sql = sql
    }

    deinit { sqlite3_finalize(handle) }

    /// The number of parameters (the largest `?NNN` index).
    public var parameterCount: Int { Int(sqlite3_bind_parameter_count(handle)) }

    /// The number of result columns (0 for statements that return no rows).
    public var columnCount: Int { Int(sqlite3_column_count(handle)) }

    /// The name of result column `index`.
    public func columnName(at index: Int) -> String {
        sqlite3_column_name(handle, Int32(clamping: index)).map { String(cString: $0) } ?? ""
    }

    /// The names of all result columns.
    public var columnNames: [String] { (0..<columnCount).map(columnName(at:)) }

    /// Whether the statement leaves the database unchanged (`sqlite3_stmt_readonly`).
    public var isReadOnly: Bool { sqlite3_stmt_readonly(handle) != 0 }

    // MARK: Stepping

    /// Advances to the next row: `true` when a row is ready to read, `false` when done.
    ///
    /// On failure the statement is reset, evicted from its connection's cache, and the error
    /// carries SQLite's message, the SQL and the file.
    @discardableResult
    public func step() throws(DatabaseError) -> Bool {
        let rc = sqlite3_step(handle)
        needsReset = true
        if rc == SQLITE_ROW { return true }
        if rc == SQLITE_DONE { return false }
        throw stepFailure(rc)
    }

    /// Steps until done, ignoring any rows.
    public func run() throws(DatabaseError) {
        while try step() {}
    }

    /// Rewinds the statement so that it can run again; bindings are kept.
    ///
    /// Never throws: a failed step already reported its error.
    public func reset() {
        sqlite3_reset(handle)
        needsReset = false
    }

    /// Sets every parameter back to NULL.
    public func clearBindings() {
        sqlite3_clear_bindings(handle)
    }

    @inline(never)
    private func stepFailure(_ rc: Int32) -> DatabaseError {
        let error = DatabaseError(connection: connection.handle, code: rc, sql: sql, path: path, operation: "run a statement on")
        reset()
        cacheOwner?.evict(self)
        return error
    }

    // MARK: Binding by index (1-based)

    /// Binds `value` to parameter `index` (1-based). Binding rewinds a statement that has
    /// been stepped, so a cached statement can be bound, stepped and read without an
    /// explicit `reset()` in between.
    public func bind(_ value: Int64, at index: Int) throws(DatabaseError) {
        if needsReset { reset() }
        try check(sqlite3_bind_int64(handle, Int32(clamping: index), value), index)
    }

    /// Binds `value` to parameter `index` (1-based).
    public func bind(_ value: Int, at index: Int) throws(DatabaseError) {
        try bind(Int64(value), at: index)
    }

    /// Binds `value` to parameter `index` (1-based). SQLite has no NaN: a NaN binds as NULL
    /// (store NaN-bearing arrays as `FloatArrayCodec` blobs).
    public func bind(_ value: Double, at index: Int) throws(DatabaseError) {
        if needsReset { reset() }
        try check(sqlite3_bind_double(handle, Int32(clamping: index), value), index)
    }

    /// Binds `value` (as UTF-8, copied) to parameter `index` (1-based).
    public func bind(_ value: String, at index: Int) throws(DatabaseError) {
        if needsReset { reset() }
        var value = value
        let rc = value.withUTF8 { utf8 in
            guard let base = utf8.baseAddress, utf8.count > 0 else {
                // A NULL pointer would bind NULL, not the empty string.
                return sqlite3_bind_text(handle, Int32(clamping: index), "", 0, SQLITE_TRANSIENT)
            }
            return base.withMemoryRebound(to: CChar.self, capacity: utf8.count) {
                sqlite3_bind_text64(handle, Int32(clamping: index), $0, UInt64(utf8.count), SQLITE_TRANSIENT, UInt8(SQLITE_UTF8))
            }
        }
        try check(rc, index)
    }

    /// Binds `bytes` (copied) as a blob to parameter `index` (1-based); an empty array binds
    /// an empty blob, not NULL.
    public func bind(_ bytes: [UInt8], at index: Int) throws(DatabaseError) {
        let rc = bytes.withUnsafeBytes { bindBlob($0, index) }
        try check(rc, index)
    }

    /// Binds the bytes of `bytes` (copied) as a blob to parameter `index` (1-based).
    public func bind(_ bytes: UnsafeRawBufferPointer, at index: Int) throws(DatabaseError) {
        try check(bindBlob(bytes, index), index)
    }

    /// Binds NULL to parameter `index` (1-based).
    public func bindNull(at index: Int) throws(DatabaseError) {
        if needsReset { reset() }
        try check(sqlite3_bind_null(handle, Int32(clamping: index)), index)
    }

    /// Binds `value` to parameter `index` (1-based).
    public func bind(_ value: DatabaseValue, at index: Int) throws(DatabaseError) {
        switch value {
        case .null: try bindNull(at: index)
        case let .integer(v): try bind(v, at: index)
        case let .real(v): try bind(v, at: index)
        case let .text(v): try bind(v, at: index)
        case let .blob(v): try bind(v, at: index)
        }
    }

    /// Binds `values` to parameters 1, 2, …; their number must match the statement's.
    public func bind(_ values: [DatabaseValue]) throws(DatabaseError) {
        guard values.count == parameterCount else {
            throw DatabaseError(code: .range, message: "the statement has \(parameterCount) parameter(s) but \(values.count) argument(s) were given",
                                sql: sql, path: path, operation: "bind the arguments of a statement on")
        }
        for (i, value) in values.enumerated() { try bind(value, at: i + 1) }
    }

    private func bindBlob(_ bytes: UnsafeRawBufferPointer, _ index: Int) -> Int32 {
        if needsReset { reset() }
        // A NULL pointer would bind NULL, not an empty blob.
        guard let base = bytes.baseAddress, bytes.count > 0 else { return sqlite3_bind_zeroblob(handle, Int32(clamping: index), 0) }
        return sqlite3_bind_blob64(handle, Int32(clamping: index), base, UInt64(bytes.count), SQLITE_TRANSIENT)
    }

    @inline(__always)
    private func check(_ rc: Int32, _ index: Int) throws(DatabaseError) {
        if rc != SQLITE_OK { throw bindFailure(rc, index) }
    }

    @inline(never)
    private func bindFailure(_ rc: Int32, _ index: Int) -> DatabaseError {
        var error = DatabaseError(connection: connection.handle, code: rc, sql: sql, path: path, operation: "bind parameter \(index) of a statement on")
        if rc & 0xff == SQLITE_RANGE {
            error.message = "there is no parameter \(index): the statement has \(parameterCount)"
        }
        return error
    }

    // MARK: Binding by name

    /// The 1-based index of the parameter named `name`, spelled with its prefix (`:id`,
    /// `@id`, `$id`) or without it (`id`).
    public func parameterIndex(named name: String) throws(DatabaseError) -> Int {
        var index = sqlite3_bind_parameter_index(handle, name)
        if index == 0, let first = name.first, !":@$?".contains(first) {
            for prefix in [":", "@", "$"] where index == 0 { index = sqlite3_bind_parameter_index(handle, prefix + name) }
        }
        guard index > 0 else {
            let names = (1...max(parameterCount, 1)).compactMap { sqlite3_bind_parameter_name(handle, Int32($0)).map { String(cString: $0) } }
            throw DatabaseError(code: .range, message: "the statement has no parameter named '\(name)' (it has: \(names.isEmpty ? "none" : names.joined(separator: ", ")))",
                                sql: sql, path: path, operation: "bind a parameter of a statement on")
        }
        return Int(index)
    }

    /// Binds `value` to the parameter named `name`.
    public func bind(_ value: Int, named name: String) throws(DatabaseError) { try bind(value, at: parameterIndex(named: name)) }
    /// Binds `value` to the parameter named `name`.
    public func bind(_ value: Int64, named name: String) throws(DatabaseError) { try bind(value, at: parameterIndex(named: name)) }
    /// Binds `value` to the parameter named `name`.
    public func bind(_ value: Double, named name: String) throws(DatabaseError) { try bind(value, at: parameterIndex(named: name)) }
    /// Binds `value` to the parameter named `name`.
    public func bind(_ value: String, named name: String) throws(DatabaseError) { try bind(value, at: parameterIndex(named: name)) }
    /// Binds `bytes` as a blob to the parameter named `name`.
    public func bind(_ bytes: [UInt8], named name: String) throws(DatabaseError) { try bind(bytes, at: parameterIndex(named: name)) }
    /// Binds `value` to the parameter named `name`.
    public func bind(_ value: DatabaseValue, named name: String) throws(DatabaseError) { try bind(value, at: parameterIndex(named: name)) }
    /// Binds NULL to the parameter named `name`.
    public func bindNull(named name: String) throws(DatabaseError) { try bindNull(at: parameterIndex(named: name)) }

    // MARK: Columns (0-based)

    /// The storage class of column `index` in the current row.
    public func type(at index: Int) -> ColumnType {
        ColumnType(rawValue: sqlite3_column_type(handle, Int32(clamping: index))) ?? .null
    }

    /// Whether column `index` of the current row is NULL.
    public func isNull(at index: Int) -> Bool {
        sqlite3_column_type(handle, Int32(clamping: index)) == SQLITE_NULL
    }

    /// Column `index` as an integer (NULL reads as 0, reals are truncated).
    public func int64(at index: Int) -> Int64 {
        sqlite3_column_int64(handle, Int32(clamping: index))
    }

    /// Column `index` as an integer (NULL reads as 0, reals are truncated).
    public func int(at index: Int) -> Int {
        Int(truncatingIfNeeded: sqlite3_column_int64(handle, Int32(clamping: index)))
    }

    /// Column `index` as a double (NULL reads as 0).
    public func double(at index: Int) -> Double {
        sqlite3_column_double(handle, Int32(clamping: index))
    }

    /// Column `index` as a string (NULL reads as ""; invalid UTF-8 is repaired).
    public func text(at index: Int) -> String {
        let i = Int32(clamping: index)
        guard let text = sqlite3_column_text(handle, i) else { return "" }
        let count = Int(sqlite3_column_bytes(handle, i))
        return String(decoding: UnsafeBufferPointer(start: text, count: count), as: UTF8.self)
    }

    /// Column `index` as bytes, copied (NULL reads as []).
    public func blob(at index: Int) -> [UInt8] {
        withBlob(at: index) { Array($0) }
    }

    /// Calls `body` with the bytes of column `index`, without copying them. The bytes are
    /// valid only inside `body`, and only until the statement is stepped or reset.
    @discardableResult
    public func withBlob<R, E: Error>(at index: Int, _ body: (UnsafeRawBufferPointer) throws(E) -> R) throws(E) -> R {
        let i = Int32(clamping: index)
        let base = sqlite3_column_blob(handle, i)  // before _bytes, as SQLite's documentation asks
        let count = base == nil ? 0 : Int(sqlite3_column_bytes(handle, i))
        return try body(UnsafeRawBufferPointer(start: base, count: count))
    }

    /// Column `index` as a value of its own storage class.
    public func value(at index: Int) -> DatabaseValue {
        switch type(at: index) {
        case .null: .null
        case .integer: .integer(int64(at: index))
        case .real: .real(double(at: index))
        case .text: .text(text(at: index))
        case .blob: .blob(blob(at: index))
        }
    }
}
