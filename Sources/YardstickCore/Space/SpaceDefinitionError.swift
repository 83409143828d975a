/// Why a search space (or one of its parameters, conditions or forbidden clauses) could
/// not be built. Each case names the thing at fault and the rule it broke.
public enum SpaceDefinitionError: Error, Sendable, Equatable, CustomStringConvertible {
    case emptyName
    case duplicateParameter(name: String)
    case nonFiniteBound(parameter: String, lower: Double, upper: Double)
    case emptyRange(parameter: String, lower: ParameterValue, upper: ParameterValue)
    case nonPositiveLogBound(parameter: String, lower: ParameterValue)
    case integerBoundTooLarge(parameter: String, bound: Int)
    case defaultOutOfRange(parameter: String, value: ParameterValue, lower: ParameterValue, upper: ParameterValue)
    case defaultNotAllowed(parameter: String, value: ParameterValue, allowed: [ParameterValue])
    case nonFiniteValue(parameter: String)
    case noChoices(parameter: String)
    case duplicateChoice(parameter: String, value: ParameterValue)
    case invalidWeights(parameter: String, reason: String)
    case unknownParameter(name: String, referencedBy: String, known: [String])
    case conditionOnItself(child: String)
    case multipleConditions(child: String)
    case emptyConjunction(in: String)
    case illegalConditionValue(condition: String, parent: String, value: ParameterValue, reason: String)
    case unorderedParent(condition: String, parent: String)
    case conditionCycle(path: [String])
    case illegalForbiddenValue(clause: String, parameter: String, value: ParameterValue, reason: String)
    case defaultIsForbidden(clause: String)

    public var description: String {
        switch self {
        case .emptyName:
            return "a parameter needs a non-empty name"
        case .duplicateParameter(let name):
            return "the space has two parameters named '\(name)'; names must be unique"
        case .nonFiniteBound(let p, let lower, let upper):
            return "parameter '\(p)' has bounds [\(lower), \(upper)]; bounds must be finite numbers"
        case .emptyRange(let p, let lower, let upper):
            return "parameter '\(p)' has lower bound \(lower.literal) and upper bound \(upper.literal); the lower bound must be below the upper bound"
        case .nonPositiveLogBound(let p, let lower):
            return "parameter '\(p)' is on a log scale, so its lower bound must be positive, but it is \(lower.literal)"
        case .integerBoundTooLarge(let p, let bound):
            return "parameter '\(p)' has bound \(bound); integer bounds must lie within ±2^53 so that they are exact as doubles"
        case .defaultOutOfRange(let p, let value, let lower, let upper):
            return "parameter '\(p)' has default \(value.literal), outside its range [\(lower.literal), \(upper.literal)]"
        case .defaultNotAllowed(let p, let value, let allowed):
            return "parameter '\(p)' has default \(value.literal), which is not one of its values: \(allowed.map(\.literal).joined(separator: ", "))"
        case .nonFiniteValue(let p):
            return "parameter '\(p)' has a value that is not a finite number"
        case .noChoices(let p):
            return "parameter '\(p)' has no values to choose from; give it at least one"
        case .duplicateChoice(let p, let value):
            return "parameter '\(p)' lists the value \(value.literal) twice (ConfigSpace counts 1, 1.0 and true as the same value)"
        case .invalidWeights(let p, let reason):
            return "parameter '\(p)' has invalid weights: \(reason)"
        case .unknownParameter(let name, let referencedBy, let known):
            return "\(referencedBy) names unknown parameter '\(name)'; the space has: \(known.joined(separator: ", "))"
        case .conditionOnItself(let child):
            return "parameter '\(child)' has a condition on itself"
        case .multipleConditions(let child):
            return "parameter '\(child)' has more than one condition; combine them into one with .and or .or"
        case .emptyConjunction(let what):
            return "\(what) combines no conditions; give it at least one"
        case .illegalConditionValue(let condition, let parent, let value, let reason):
            return "condition '\(condition)' compares '\(parent)' with \(value.literal), which it can never take: \(reason)"
        case .unorderedParent(let condition, let parent):
            return "condition '\(condition)' orders the values of '\(parent)', which are unordered; < and > need a float, integer or ordinal parent"
        case .conditionCycle(let path):
            return "conditions form a cycle: \(path.joined(separator: " → "))"
        case .illegalForbiddenValue(let clause, let parameter, let value, let reason):
            return "forbidden clause '\(clause)' names the value \(value.literal) for '\(parameter)', which it can never take: \(reason)"
        case .defaultIsForbidden(let clause):
            return "the default configuration is forbidden by: \(clause); change a default or the clause"
        }
    }
}
