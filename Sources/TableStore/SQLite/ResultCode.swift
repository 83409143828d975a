import CSQLite

/// An SQLite result code, primary (`SQLITE_BUSY`) or extended (`SQLITE_BUSY_TIMEOUT`).
///
/// Connections enable extended result codes, so errors carry the extended code; compare
/// `code.primary` with the constants below to test for a family.
public struct ResultCode: RawRepresentable, Hashable, Sendable, CustomStringConvertible {
    public let rawValue: Int32

    public init(rawValue: Int32) { self.rawValue = rawValue }

    /// The primary code: the low 8 bits of an extended code.
    public var primary: ResultCode { ResultCode(rawValue: rawValue & 0xff) }

    /// The C name, e.g. `SQLITE_CONSTRAINT_UNIQUE`.
    public var name: String {
        if let name = ResultCode.name(of: rawValue) { return name }
        if let primaryName = ResultCode.name(of: rawValue & 0xff) { return "\(primaryName) (extended code \(rawValue))" }
        return "SQLite result code \(rawValue)"
    }

    /// SQLite's English explanation of the code (`sqlite3_errstr`).
    public var explanation: String { String(cString: sqlite3_errstr(rawValue)) }

    public var description: String { name }

    public static let ok = ResultCode(rawValue: 0)
    public static let error = ResultCode(rawValue: 1)
    public static let `internal` = ResultCode(rawValue: 2)
    public static let permission = ResultCode(rawValue: 3)
    public static let abort = ResultCode(rawValue: 4)
    public static let busy = ResultCode(rawValue: 5)
    public static let locked = ResultCode(rawValue: 6)
    public static let noMemory = ResultCode(rawValue: 7)
    public static let readOnly = ResultCode(rawValue: 8)
    public static let interrupt = ResultCode(rawValue: 9)
    public static let ioError = ResultCode(rawValue: 10)
    public static let corrupt = ResultCode(rawValue: 11)
    public static let full = ResultCode(rawValue: 13)
    public static let cantOpen = ResultCode(rawValue: 14)
    public static let schema = ResultCode(rawValue: 17)
    public static let tooBig = ResultCode(rawValue: 18)
    public static let constraint = ResultCode(rawValue: 19)
    public static let mismatch = ResultCode(rawValue: 20)
    public static let misuse = ResultCode(rawValue: 21)
    public static let range = ResultCode(rawValue: 25)
    public static let notADatabase = ResultCode(rawValue: 26)
    public static let row = ResultCode(rawValue: 100)
    public static let done = ResultCode(rawValue: 101)

    /// Names of every result code in sqlite3.h 3.40.1 (the `#define SQLITE_…` lines of its
    /// "Result Codes" and "Extended Result Codes" sections).
    static func name(of code: Int32) -> String? {
        switch code {
        case 0: "SQLITE_OK"
        case 1: "SQLITE_ERROR"
        case 2: "SQLITE_INTERNAL"
        case 3: "SQLITE_PERM"
        case 4: "SQLITE_ABORT"
        case 5: "SQLITE_BUSY"
        case 6: "SQLITE_LOCKED"
        case 7: "SQLITE_NOMEM"
        case 8: "SQLITE_READONLY"
        case 9: "SQLITE_INTERRUPT"
        case 10: "SQLITE_IOERR"
        case 11: "SQLITE_CORRUPT"
        case 12: "SQLITE_NOTFOUND"
        case 13: "SQLITE_FULL"
        case 14: "SQLITE_CANTOPEN"
        case 15: "SQLITE_PROTOCOL"
        case 16: "SQLITE_EMPTY"
        case 17: "SQLITE_SCHEMA"
        case 18: "SQLITE_TOOBIG"
        case 19: "SQLITE_CONSTRAINT"
        case 20: "SQLITE_MISMATCH"
        case 21: "SQLITE_MISUSE"
        case 22: "SQLITE_NOLFS"
        case 23: "SQLITE_AUTH"
        case 24: "SQLITE_FORMAT"
        case 25: "SQLITE_RANGE"
        case 26: "SQLITE_NOTADB"
        case 27: "SQLITE_NOTICE"
        case 28: "SQLITE_WARNING"
        case 100: "SQLITE_ROW"
        case 101: "SQLITE_DONE"
        case 257: "SQLITE_ERROR_MISSING_COLLSEQ"
        case 513: "SQLITE_ERROR_RETRY"
        case 769: "SQLITE_ERROR_SNAPSHOT"
        case 266: "SQLITE_IOERR_READ"
        case 522: "SQLITE_IOERR_SHORT_READ"
        case 778: "SQLITE_IOERR_WRITE"
        case 1034: "SQLITE_IOERR_FSYNC"
        case 1290: "SQLITE_IOERR_DIR_FSYNC"
        case 1546: "SQLITE_IOERR_TRUNCATE"
        case 1802: "SQLITE_IOERR_FSTAT"
        case 2058: "SQLITE_IOERR_UNLOCK"
        case 2314: "SQLITE_IOERR_RDLOCK"
        case 2570: "SQLITE_IOERR_DELETE"
        case 2826: "SQLITE_IOERR_BLOCKED"
        case 3082: "SQLITE_IOERR_NOMEM"
        case 3338: "SQLITE_IOERR_ACCESS"
        case 3594: "SQLITE_IOERR_CHECKRESERVEDLOCK"
        case 3850: "SQLITE_IOERR_LOCK"
        case 4106: "SQLITE_IOERR_CLOSE"
        case 4362: "SQLITE_IOERR_DIR_CLOSE"
        case 4618: "SQLITE_IOERR_SHMOPEN"
        case 4874: "SQLITE_IOERR_SHMSIZE"
        case 5130: "SQLITE_IOERR_SHMLOCK"
        case 5386: "SQLITE_IOERR_SHMMAP"
        case 5642: "SQLITE_IOERR_SEEK"
        case 5898: "SQLITE_IOERR_DELETE_NOENT"
        case 6154: "SQLITE_IOERR_MMAP"
        case 6410: "SQLITE_IOERR_GETTEMPPATH"
        case 6666: "SQLITE_IOERR_CONVPATH"
        case 6922: "SQLITE_IOERR_VNODE"
        case 7178: "SQLITE_IOERR_AUTH"
        case 7434: "SQLITE_IOERR_BEGIN_ATOMIC"
        case 7690: "SQLITE_IOERR_COMMIT_ATOMIC"
        case 7946: "SQLITE_IOERR_ROLLBACK_ATOMIC"
        case 8202: "SQLITE_IOERR_DATA"
        case 8458: "SQLITE_IOERR_CORRUPTFS"
        case 262: "SQLITE_LOCKED_SHAREDCACHE"
        case 518: "SQLITE_LOCKED_VTAB"
        case 261: "SQLITE_BUSY_RECOVERY"
        case 517: "SQLITE_BUSY_SNAPSHOT"
        case 773: "SQLITE_BUSY_TIMEOUT"
        case 270: "SQLITE_CANTOPEN_NOTEMPDIR"
        case 526: "SQLITE_CANTOPEN_ISDIR"
        case 782: "SQLITE_CANTOPEN_FULLPATH"
        case 1038: "SQLITE_CANTOPEN_CONVPATH"
        case 1294: "SQLITE_CANTOPEN_DIRTYWAL"
        case 1550: "SQLITE_CANTOPEN_SYMLINK"
        case 267: "SQLITE_CORRUPT_VTAB"
        case 523: "SQLITE_CORRUPT_SEQUENCE"
        case 779: "SQLITE_CORRUPT_INDEX"
        case 264: "SQLITE_READONLY_RECOVERY"
        case 520: "SQLITE_READONLY_CANTLOCK"
        case 776: "SQLITE_READONLY_ROLLBACK"
        case 1032: "SQLITE_READONLY_DBMOVED"
        case 1288: "SQLITE_READONLY_CANTINIT"
        case 1544: "SQLITE_READONLY_DIRECTORY"
        case 516: "SQLITE_ABORT_ROLLBACK"
        case 275: "SQLITE_CONSTRAINT_CHECK"
        case 531: "SQLITE_CONSTRAINT_COMMITHOOK"
        case 787: "SQLITE_CONSTRAINT_FOREIGNKEY"
        case 1043: "SQLITE_CONSTRAINT_FUNCTION"
        case 1299: "SQLITE_CONSTRAINT_NOTNULL"
        case 1555: "SQLITE_CONSTRAINT_PRIMARYKEY"
        case 1811: "SQLITE_CONSTRAINT_TRIGGER"
        case 2067: "SQLITE_CONSTRAINT_UNIQUE"
        case 2323: "SQLITE_CONSTRAINT_VTAB"
        case 2579: "SQLITE_CONSTRAINT_ROWID"
        case 2835: "SQLITE_CONSTRAINT_PINNED"
        case 3091: "SQLITE_CONSTRAINT_DATATYPE"
        case 283: "SQLITE_NOTICE_RECOVER_WAL"
        case 539: "SQLITE_NOTICE_RECOVER_ROLLBACK"
        case 284: "SQLITE_WARNING_AUTOINDEX"
        case 279: "SQLITE_AUTH_USER"
        case 256: "SQLITE_OK_LOAD_PERMANENTLY"
        case 512: "SQLITE_OK_SYMLINK"
        default: nil
        }
    }
}
