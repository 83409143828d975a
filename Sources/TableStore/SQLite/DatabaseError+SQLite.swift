import CSQLite

extension DatabaseError {
    /// The error SQLite reports on `connection` for result code `code`: its message, the OS
    /// error where one matters, and a suggestion that depends on how the file was opened.
    init(connection: OpaquePointer?, code: Int32, sql: String?, path: String, operation: String) {
        let resultCode = ResultCode(rawValue: code)
        let message = connection.flatMap { sqlite3_errmsg($0) }.map { String(cString: $0) } ?? resultCode.explanation
        let systemErrno = connection.map { sqlite3_system_errno($0) } ?? 0
        let osLevel = resultCode.primary == .cantOpen || resultCode.primary == .ioError
        var suggestion: String?
        switch resultCode.primary {
        case .cantOpen:
            suggestion = isNoSuchFile(systemErrno) ? "check the path"
                : isPermissionDenied(systemErrno) ? "check the permissions of the file and its directory"
                : "check that the path names a readable file (a writable one, and a writable directory, to change it)"
        case .readOnly:
            let readOnlyConnection = connection.map { sqlite3_db_readonly($0, "main") == 1 } ?? false
            suggestion = readOnlyConnection
                ? "the database was opened read-only; open it with mode .readWrite to change it"
                : "check that the file and its directory are writable"
        default:
            suggestion = nil
        }
        self.init(code: resultCode, message: message, sql: sql, path: path, operation: operation,
                  systemMessage: osLevel ? systemErrorMessage(systemErrno) : nil, suggestion: suggestion)
    }
}
