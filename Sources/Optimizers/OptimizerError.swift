/// Why an optimizer could not be made or could not go on.
public enum OptimizerError: Error, Sendable, Equatable, CustomStringConvertible {
    case unknownOptimizer(name: String, known: [String])
    case unknownSetting(optimizer: String, setting: String, known: [String])
    case invalidSetting(optimizer: String, setting: String, value: String, reason: String)
    case unsupportedProblem(optimizer: String, reason: String)
    case samplingFailed(optimizer: String, reason: String)

    public var description: String {
        switch self {
        case let .unknownOptimizer(name, known):
            "unknown optimizer '\(name)'; known optimizers: \(known.joined(separator: ", "))"
        case let .unknownSetting(optimizer, setting, known):
            "optimizer '\(optimizer)' has no setting '\(setting)'" + (known.isEmpty ? " (it takes none)" : "; its settings: \(known.joined(separator: ", "))")
        case let .invalidSetting(optimizer, setting, value, reason):
            "optimizer '\(optimizer)': setting \(setting)=\(value) is invalid: \(reason)"
        case let .unsupportedProblem(optimizer, reason):
            "optimizer '\(optimizer)' cannot run on this benchmark: \(reason)"
        case let .samplingFailed(optimizer, reason):
            "optimizer '\(optimizer)' could not propose a configuration: \(reason)"
        }
    }
}

/// Typed access to an optimizer's `key=value` settings, rejecting unknown keys and bad values.
public struct Settings: Sendable {
    public let optimizer: String
    public let values: [String: String]

    public init(optimizer: String, values: [String: String], known: [String]) throws(OptimizerError) {
        for key in values.keys.sorted() where !known.contains(key) {
            throw .unknownSetting(optimizer: optimizer, setting: key, known: known)
        }
        self.optimizer = optimizer
        self.values = values
    }

    public func int(_ key: String, default value: Int, in range: ClosedRange<Int> = Int.min...Int.max) throws(OptimizerError) -> Int {
        guard let text = values[key] else { return value }
        guard let v = Int(text), range.contains(v) else {
            throw .invalidSetting(optimizer: optimizer, setting: key, value: text, reason: "expected an integer in \(range.lowerBound)...\(range.upperBound)")
        }
        return v
    }

    public func double(_ key: String, default value: Double, in range: ClosedRange<Double> = -Double.greatestFiniteMagnitude...Double.greatestFiniteMagnitude) throws(OptimizerError) -> Double {
        guard let text = values[key] else { return value }
        guard let v = Double(text), v.isFinite, range.contains(v) else {
            throw .invalidSetting(optimizer: optimizer, setting: key, value: text, reason: "expected a number in [\(range.lowerBound), \(range.upperBound)]")
        }
        return v
    }

    public func bool(_ key: String, default value: Bool) throws(OptimizerError) -> Bool {
        guard let text = values[key] else { return value }
        switch text {
        case "true", "1", "yes": return true
        case "false", "0", "no": return false
        default: throw .invalidSetting(optimizer: optimizer, setting: key, value: text, reason: "expected true or false")
        }
    }
}
