import CSQLite

/// `SQLITE_TRANSIENT` (a cast macro) is not imported on Linux: defined once here.
let SQLITE_TRANSIENT = _ys_sqlite_transient()
