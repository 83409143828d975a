import CSQLite

/// Owns an open `sqlite3*` handle and closes it when released. `Database` and every
/// `Statement` it prepared hold one, so the handle outlives all its statements and
/// `sqlite3_close` always finds them finalized.
final class SQLiteConnection {
    let handle: OpaquePointer
    /// The file (`:memory:` for an in-memory database), for error messages.
    let path: String

    init(handle: OpaquePointer, path: String) {
        self.handle = handle
        self.path = path
    }

    deinit { sqlite3_close(handle) }
}
