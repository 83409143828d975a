/// Why a configuration is not valid in a search space, or why the space could not produce one.
/// Each message names the parameter, the value and the rule it broke.
public enum SpaceError: Error, Sendable, Equatable, CustomStringConvertible {
    case unknownParameter(name: String, known: [String])
    case missingActiveParameter(name: String)
    case inactiveParameterHasValue(name: String, value: ParameterValue, condition: String)
    case wrongType(parameter: String, value: ParameterValue, expected: String)
    case notAnInteger(parameter: String, value: Double)
    case belowLowerBound(parameter: String, value: ParameterValue, lower: ParameterValue)
    case aboveUpperBound(parameter: String, value: ParameterValue, upper: ParameterValue)
    case notAChoice(parameter: String, value: ParameterValue, choices: [ParameterValue])
    case notInSequence(parameter: String, value: ParameterValue, sequence: [ParameterValue])
    case notTheConstant(parameter: String, value: ParameterValue, constant: ParameterValue)
    case forbidden(clause: String)
    case wrongVectorLength(expected: Int, found: Int)
    case illegalVectorEntry(parameter: String, entry: Double, reason: String)
    case noValidSample(attempts: Int)

    public var description: String {
        switch self {
        case .unknownParameter(let name, let known):
            return "unknown parameter '\(name)'; the space has: \(known.joined(separator: ", "))"
        case .missingActiveParameter(let name):
            return "missing active parameter '\(name)'"
        case .inactiveParameterHasValue(let name, let value, let condition):
            return "parameter '\(name)' is inactive (its condition: \(condition)) but has a value: \(value.literal)"
        case .wrongType(let p, let value, let expected):
            return "parameter '\(p)' = \(value.literal) is \(value.typeName); it must be \(expected)"
        case .notAnInteger(let p, let value):
            return "parameter '\(p)' = \(ParameterValue.float(value).literal) is not an integer"
        case .belowLowerBound(let p, let value, let lower):
            return "parameter '\(p)' = \(value.literal) is below its lower bound \(lower.literal)"
        case .aboveUpperBound(let p, let value, let upper):
            return "parameter '\(p)' = \(value.literal) is above its upper bound \(upper.literal)"
        case .notAChoice(let p, let value, let choices):
            return "parameter '\(p)' = \(value.literal) is not one of its choices: \(choices.map(\.literal).joined(separator: ", "))"
        case .notInSequence(let p, let value, let sequence):
            return "parameter '\(p)' = \(value.literal) is not in its sequence: \(sequence.map(\.literal).joined(separator: " < "))"
        case .notTheConstant(let p, let value, let constant):
            return "parameter '\(p)' = \(value.literal) differs from its constant value \(constant.literal)"
        case .forbidden(let clause):
            return "configuration is forbidden by: \(clause)"
        case .wrongVectorLength(let expected, let found):
            return "vector has \(found) entries; the space has \(expected) parameters"
        case .illegalVectorEntry(let p, let entry, let reason):
            return "vector entry \(entry) for parameter '\(p)' is illegal: \(reason)"
        case .noValidSample(let attempts):
            return "no configuration that is not forbidden was found in \(attempts) random draws; the forbidden clauses exclude (almost) the whole space"
        }
    }
}
