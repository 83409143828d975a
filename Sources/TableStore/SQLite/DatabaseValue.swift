/// One SQLite value: what a column holds, or what a parameter is bound to.
public enum DatabaseValue: Sendable, Hashable {
    case null
    case integer(Int64)
    case real(Double)
    case text(String)
    case blob([UInt8])

    /// The storage class, as `sqlite3_column_type` names it.
    public var type: ColumnType {
        switch self {
        case .null: .null
        case .integer: .integer
        case .real: .real
        case .text: .text
        case .blob: .blob
        }
    }

    public var isNull: Bool { if case .null = self { true } else { false } }

    /// The integer, if this is an integer.
    public var int64: Int64? { if case let .integer(v) = self { v } else { nil } }

    /// The number, if this is an integer or a real (integers convert exactly up to 2^53).
    public var double: Double? {
        switch self {
        case let .real(v): v
        case let .integer(v): Double(v)
        default: nil
        }
    }

    /// The string, if this is text.
    public var text: String? { if case let .text(v) = self { v } else { nil } }

    /// The bytes, if this is a blob.
    public var blob: [UInt8]? { if case let .blob(v) = self { v } else { nil } }
}

/// The storage class of an SQLite value (`SQLITE_INTEGER` … `SQLITE_NULL`).
public enum ColumnType: Int32, Sendable {
    case integer = 1
    case real = 2
    case text = 3
    case blob = 4
    case null = 5
}

// Not `ExpressibleByNilLiteral`: `db.scalar(sql) == nil` must mean "no row", not "NULL".
extension DatabaseValue: ExpressibleByIntegerLiteral, ExpressibleByFloatLiteral, ExpressibleByStringLiteral {
    public init(integerLiteral value: Int64) { self = .integer(value) }
    public init(floatLiteral value: Double) { self = .real(value) }
    public init(stringLiteral value: String) { self = .text(value) }
}

extension DatabaseValue: CustomStringConvertible {
    /// The value as SQL would spell it (blobs as `X'…'`, long ones cut), for messages.
    public var description: String {
        switch self {
        case .null: "NULL"
        case let .integer(v): String(v)
        case let .real(v): "\(v)"
        case let .text(v): "'" + v.split(separator: "'", omittingEmptySubsequences: false).joined(separator: "''") + "'"
        case let .blob(v) where v.count > 32: "X'" + hex(v.prefix(32)) + "…' (\(v.count) bytes)"
        case let .blob(v): "X'" + hex(v[...]) + "'"
        }
    }
}

private func hex(_ bytes: ArraySlice<UInt8>) -> String {
    let digits = Array("0123456789ABCDEF".utf8)
    var out: [UInt8] = []
    out.reserveCapacity(bytes.count * 2)
    for b in bytes { out.append(digits[Int(b >> 4)]); out.append(digits[Int(b & 15)]) }
    return String(decoding: out, as: UTF8.self)
}
