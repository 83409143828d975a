/// Why a text could not be read as a ConfigSpace JSON search space. `at` is a path into
/// the document such as `hyperparameters[2].lower`.
public enum ConfigSpaceJSONError: Error, Sendable, Equatable, CustomStringConvertible {
    case invalidJSON(JSONParseError)
    case wrongType(at: String, expected: String, found: String)
    case missingField(at: String, field: String)
    case unsupportedParameterType(parameter: String, type: String)
    case unsupportedQuantization(parameter: String)
    case unsupportedConditionType(at: String, type: String)
    case unsupportedForbiddenType(at: String, type: String)
    case childMismatch(at: String, conjunctionChild: String, componentChild: String)
    case invalidSpace(SpaceDefinitionError)

    public var description: String {
        let prefix = "ConfigSpace JSON: "
        switch self {
        case .invalidJSON(let e):
            return prefix + "\(e)"
        case .wrongType(let at, let expected, let found):
            return prefix + "\(at) must be \(expected), found \(found)"
        case .missingField(let at, let field):
            return prefix + "\(at) has no field '\(field)'"
        case .unsupportedParameterType(let p, let type):
            let reason = ["normal_float", "normal_int"].contains(type) ? " (a normal prior)"
                : ["beta_float", "beta_int"].contains(type) ? " (a beta prior)" : ""
            return prefix + "parameter '\(p)' has type '\(type)'\(reason), which Yardstick does not support; "
                + "supported types: uniform_float, uniform_int, categorical, ordinal, constant"
        case .unsupportedQuantization(let p):
            return prefix + "parameter '\(p)' is quantized ('q'), which Yardstick does not support (ConfigSpace 1.x dropped it too)"
        case .unsupportedConditionType(let at, let type):
            return prefix + "\(at) has condition type '\(type)'; supported: EQ, NEQ, LT, GT, IN, AND, OR"
        case .unsupportedForbiddenType(let at, let type):
            return prefix + "\(at) has forbidden type '\(type)'; supported: EQUALS, IN, AND, OR"
        case .childMismatch(let at, let conjunctionChild, let componentChild):
            return prefix + "\(at) is a condition on '\(componentChild)' inside a conjunction on '\(conjunctionChild)'; all parts of a conjunction must share its child"
        case .invalidSpace(let e):
            return prefix + e.description
        }
    }
}
