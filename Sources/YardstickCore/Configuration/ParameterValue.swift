/// The value one parameter takes in a configuration.
public enum ParameterValue: Sendable, Hashable, CustomStringConvertible {
    case int(Int)
    case float(Double)
    case string(String)
    case bool(Bool)

    /// The value as JSON (floats keep their canonical spelling).
    public var json: JSONValue {
        switch self {
        case .int(let i): .int(i)
        case .float(let d): .double(d)
        case .string(let s): .string(s)
        case .bool(let b): .bool(b)
        }
    }

    /// A numeric view: ints and floats as doubles, `nil` otherwise.
    public var doubleValue: Double? {
        switch self {
        case .int(let i): Double(i)
        case .float(let d): d
        default: nil
        }
    }

    public var description: String {
        switch self {
        case .int(let i): String(i)
        case .float(let d): d.isFinite ? d.canonicalSpelling : String(d)
        case .string(let s): JSONValue.quoted(s)
        case .bool(let b): b ? "true" : "false"
        }
    }
}
