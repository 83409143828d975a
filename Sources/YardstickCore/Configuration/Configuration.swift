/// A stable 64-bit identifier of a configuration: the first 8 bytes (big-endian) of the
/// SHA-256 of its canonical text. The same on every machine, every run and every language
/// that writes the canonical text (see `Configuration.canonicalText`).
public struct ConfigurationID: Sendable, Hashable, Comparable, CustomStringConvertible {
    public let rawValue: UInt64
    public init(rawValue: UInt64) { self.rawValue = rawValue }

    /// Reads the 16-hex-digit form that `description` writes.
    public init?(hex: String) {
        guard hex.utf8.count == 16, let v = UInt64(hex, radix: 16) else { return nil }
        rawValue = v
    }

    /// The id as a signed integer, for SQLite's INTEGER columns (same bits).
    public var int64: Int64 { Int64(bitPattern: rawValue) }
    public init(int64: Int64) { rawValue = UInt64(bitPattern: int64) }

    public var description: String {
        let hex = String(rawValue, radix: 16)
        return String(repeating: "0", count: 16 - hex.count) + hex
    }

    public static func < (a: ConfigurationID, b: ConfigurationID) -> Bool { a.rawValue < b.rawValue }
}

/// Why a text could not be read as a configuration.
public enum ConfigurationError: Error, Sendable, Equatable, CustomStringConvertible {
    case invalidJSON(JSONParseError)
    case notAnObject(found: String)
    case unsupportedValue(parameter: String, found: String)
    case nonFinite(parameter: String)

    public var description: String {
        switch self {
        case .invalidJSON(let e):
            "configuration is not valid JSON (\(e)); write it as an object such as {\"learner\": \"SVC_linear\"}"
        case .notAnObject(let found):
            "configuration must be a JSON object of parameter names to values, found \(found)"
        case .unsupportedValue(let p, let found):
            "parameter '\(p)' has a \(found) value; values must be numbers, strings or booleans"
        case .nonFinite(let p):
            "parameter '\(p)' is not a finite number"
        }
    }
}

/// An assignment of values to the active parameters of a search space.
///
/// Its canonical text is the JSON object with keys sorted by their UTF-8 bytes, no spaces,
/// floats spelled as Python's `repr` (`Double.canonicalSpelling`) and non-ASCII escaped,
/// i.e. exactly `json.dumps(values, sort_keys=True, separators=(",", ":"))` in Python.
/// The id is computed once, when the configuration is made.
public struct Configuration: Sendable, Hashable, CustomStringConvertible {
    public let values: [String: ParameterValue]
    public let id: ConfigurationID

    public init(_ values: [String: ParameterValue]) {
        precondition(values.values.allSatisfy { if case .float(let d) = $0 { d.isFinite } else { true } },
                     "configuration values must be finite")
        self.values = values
        self.id = Configuration.id(ofCanonicalText: Configuration.canonicalText(of: values))
    }

    /// Reads a configuration from a JSON object such as `{"lr": 0.01, "depth": 3}`.
    public init(json text: String) throws(ConfigurationError) {
        let parsed: JSONValue
        do { parsed = try JSONValue(parsing: text) } catch { throw .invalidJSON(error) }
        try self.init(json: parsed)
    }

    /// Reads a configuration from a parsed JSON object.
    public init(json: JSONValue) throws(ConfigurationError) {
        guard let members = json.objectValue else { throw .notAnObject(found: json.typeName) }
        var values: [String: ParameterValue] = [:]
        for (name, value) in members {
            switch value {
            case .int(let i): values[name] = .int(i)
            case .double(let d):
                guard d.isFinite else { throw .nonFinite(parameter: name) }
                values[name] = .float(d)
            case .string(let s): values[name] = .string(s)
            case .bool(let b): values[name] = .bool(b)
            default: throw .unsupportedValue(parameter: name, found: value.typeName)
            }
        }
        self.init(values)
    }

    public subscript(name: String) -> ParameterValue? { values[name] }

    /// Parameter names in canonical (UTF-8 byte) order.
    public var sortedNames: [String] { values.keys.sorted { Array($0.utf8).lexicographicallyPrecedes(Array($1.utf8)) } }

    /// The canonical text (see the type's documentation).
    public var canonicalText: String { Configuration.canonicalText(of: values) }

    /// The configuration as a JSON object with sorted keys.
    public var json: JSONValue { .object(sortedNames.map { ($0, values[$0]!.json) }) }

    public var description: String { canonicalText }

    public static func == (a: Configuration, b: Configuration) -> Bool { a.id == b.id && a.values == b.values }
    public func hash(into hasher: inout Hasher) { hasher.combine(id) }

    static func canonicalText(of values: [String: ParameterValue]) -> String {
        let names = values.keys.sorted { Array($0.utf8).lexicographicallyPrecedes(Array($1.utf8)) }
        var out = "{"
        for (i, name) in names.enumerated() {
            if i > 0 { out += "," }
            out += JSONValue.quoted(name) + ":" + values[name]!.json.serialized()
        }
        return out + "}"
    }

    static func id(ofCanonicalText text: String) -> ConfigurationID {
        let digest = SHA256.hash(Array(text.utf8))
        var v: UInt64 = 0
        for b in digest.prefix(8) { v = v << 8 | UInt64(b) }
        return ConfigurationID(rawValue: v)
    }
}
