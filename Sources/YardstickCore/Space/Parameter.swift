/// One dimension of a search space: a name, the values it can take and a default.
///
/// The kinds are those of the Python `ConfigSpace` package (1.2): uniform floats and
/// integers (optionally on a log scale), categoricals (optionally weighted), ordinals and
/// constants. Parameters are built by the throwing factories (`.float(name:lower:upper:)`…),
/// so every `Parameter` value is well formed.
public struct Parameter: Sendable, Hashable, CustomStringConvertible {
    /// The values a parameter can take.
    public enum Domain: Sendable, Hashable {
        /// Reals in `[lower, upper]`; with `log`, uniform in the logarithm.
        case float(lower: Double, upper: Double, log: Bool)
        /// Integers in `[lower, upper]`; with `log`, uniform in the logarithm before rounding.
        case integer(lower: Int, upper: Int, log: Bool)
        /// Unordered choices; `weights` (relative, not necessarily summing to 1) bias sampling.
        case categorical(choices: [ParameterValue], weights: [Double]?)
        /// Ordered values, smallest first.
        case ordinal(sequence: [ParameterValue])
        /// A single value.
        case constant(ParameterValue)
    }

    /// The name configurations use for this parameter.
    public let name: String
    /// The values it can take.
    public let domain: Domain
    /// The value of this parameter in the space's default configuration.
    public let defaultValue: ParameterValue
    /// Free-form metadata, kept for ConfigSpace JSON (its `meta` field) and never interpreted.
    public let meta: JSONValue

    private init(name: String, domain: Domain, defaultValue: ParameterValue, meta: JSONValue) {
        self.name = name
        self.domain = domain
        self.defaultValue = defaultValue
        self.meta = meta
    }

    /// A float parameter on `[lower, upper]`. Without a default, the default is the middle of
    /// the range (of its logarithm when `log`), rounded to 13 decimals as ConfigSpace does.
    public static func float(
        name: String, lower: Double, upper: Double, log: Bool = false, default: Double? = nil, meta: JSONValue = .null
    ) throws(SpaceDefinitionError) -> Parameter {
        try checkName(name)
        guard lower.isFinite, upper.isFinite else { throw .nonFiniteBound(parameter: name, lower: lower, upper: upper) }
        guard lower < upper else { throw .emptyRange(parameter: name, lower: .float(lower), upper: .float(upper)) }
        if log && lower <= 0 { throw .nonPositiveLogBound(parameter: name, lower: .float(lower)) }
        let value = `default` ?? Parameter.floatMidpoint(lower: lower, upper: upper, log: log)
        guard value.isFinite else { throw .nonFiniteValue(parameter: name) }
        guard value >= lower && value <= upper else {
            throw .defaultOutOfRange(parameter: name, value: .float(value), lower: .float(lower), upper: .float(upper))
        }
        return Parameter(name: name, domain: .float(lower: lower, upper: upper, log: log), defaultValue: .float(value), meta: meta)
    }

    /// An integer parameter on `[lower, upper]`. Without a default, the default is the middle of
    /// the range (of its logarithm when `log`), rounded half to even as ConfigSpace does.
    public static func integer(
        name: String, lower: Int, upper: Int, log: Bool = false, default: Int? = nil, meta: JSONValue = .null
    ) throws(SpaceDefinitionError) -> Parameter {
        try checkName(name)
        for bound in [lower, upper] where bound.magnitude > Parameter.maxExactInteger {
            throw .integerBoundTooLarge(parameter: name, bound: bound)
        }
        guard lower < upper else { throw .emptyRange(parameter: name, lower: .int(lower), upper: .int(upper)) }
        if log && lower <= 0 { throw .nonPositiveLogBound(parameter: name, lower: .int(lower)) }
        let midpoint = Parameter.floatMidpoint(lower: Double(lower), upper: Double(upper), log: log, roundTo13Places: false)
        let value = `default` ?? Int(midpoint.rounded(.toNearestOrEven))
        guard value >= lower && value <= upper else {
            throw .defaultOutOfRange(parameter: name, value: .int(value), lower: .int(lower), upper: .int(upper))
        }
        return Parameter(name: name, domain: .integer(lower: lower, upper: upper, log: log), defaultValue: .int(value), meta: meta)
    }

    /// A categorical parameter. Without a default, the default is the first choice, or with
    /// `weights` the first choice of largest weight (ConfigSpace's rule).
    public static func categorical(
        name: String, choices: [ParameterValue], weights: [Double]? = nil, default: ParameterValue? = nil, meta: JSONValue = .null
    ) throws(SpaceDefinitionError) -> Parameter {
        try checkName(name)
        try checkValues(choices, of: name)
        if let weights {
            guard weights.count == choices.count else {
                throw .invalidWeights(parameter: name, reason: "\(weights.count) weights for \(choices.count) choices")
            }
            guard weights.allSatisfy({ $0.isFinite && $0 >= 0 }) else {
                throw .invalidWeights(parameter: name, reason: "weights must be finite and not negative")
            }
            guard weights.contains(where: { $0 > 0 }) else {
                throw .invalidWeights(parameter: name, reason: "all weights are zero; at least one must be positive")
            }
        }
        let value: ParameterValue
        if let given = `default` {
            guard let i = Parameter.index(of: given, in: choices) else {
                throw .defaultNotAllowed(parameter: name, value: given, allowed: choices)
            }
            value = choices[i]
        } else if let weights, let best = weights.max() {
            value = choices[weights.firstIndex(of: best)!]
        } else {
            value = choices[0]
        }
        return Parameter(name: name, domain: .categorical(choices: choices, weights: weights), defaultValue: value, meta: meta)
    }

    /// An ordinal parameter: values in increasing order. Without a default, the default is the first.
    public static func ordinal(
        name: String, sequence: [ParameterValue], default: ParameterValue? = nil, meta: JSONValue = .null
    ) throws(SpaceDefinitionError) -> Parameter {
        try checkName(name)
        try checkValues(sequence, of: name)
        var value = sequence[0]
        if let given = `default` {
            guard let i = Parameter.index(of: given, in: sequence) else {
                throw .defaultNotAllowed(parameter: name, value: given, allowed: sequence)
            }
            value = sequence[i]
        }
        return Parameter(name: name, domain: .ordinal(sequence: sequence), defaultValue: value, meta: meta)
    }

    /// A parameter that always takes `value` when it is active.
    public static func constant(name: String, value: ParameterValue, meta: JSONValue = .null) throws(SpaceDefinitionError) -> Parameter {
        try checkName(name)
        if case .float(let d) = value, !d.isFinite { throw .nonFiniteValue(parameter: name) }
        return Parameter(name: name, domain: .constant(value), defaultValue: value, meta: meta)
    }

    /// The largest integer bound: every integer up to 2^53 in magnitude is exact as a double.
    static let maxExactInteger: UInt = 1 << 53

    /// ConfigSpace's default for a range: the image of 0.5 under the unit scaling, computed as
    /// `0.5 * (u - l) + l` (in log space for log scales) and for floats rounded with
    /// `numpy.round(x, 13)` = `rint(x * 1e13) / 1e13` (ConfigSpace 1.2 `UniformFloatHyperparameter`).
    /// The rounding is skipped when it would leave the range (bounds finer than 1e-13).
    static func floatMidpoint(lower: Double, upper: Double, log: Bool, roundTo13Places: Bool = true) -> Double {
        let mid = log ? cExp(0.5 * (cLog(upper) - cLog(lower)) + cLog(lower)) : 0.5 * (upper - lower) + lower
        let clamped = min(max(mid, lower), upper)
        guard roundTo13Places else { return clamped }
        let rounded = (clamped * 1e13).rounded(.toNearestOrEven) / 1e13
        return rounded >= lower && rounded <= upper ? rounded : clamped
    }

    private static func checkName(_ name: String) throws(SpaceDefinitionError) {
        if name.isEmpty { throw .emptyName }
    }

    private static func checkValues(_ values: [ParameterValue], of name: String) throws(SpaceDefinitionError) {
        guard !values.isEmpty else { throw .noChoices(parameter: name) }
        for (i, v) in values.enumerated() {
            if case .float(let d) = v, !d.isFinite { throw .nonFiniteValue(parameter: name) }
            if values[..<i].contains(where: { $0.pythonEquals(v) }) { throw .duplicateChoice(parameter: name, value: v) }
        }
    }

    /// The position of `value` among `values`: an exact match, or else an int and a float of
    /// equal value (JSON `1` for the choice `1.0`). Booleans match only booleans.
    static func index(of value: ParameterValue, in values: [ParameterValue]) -> Int? {
        if let i = values.firstIndex(of: value) { return i }
        switch value {
        case .int(let i): return values.firstIndex { if case .float(let d) = $0 { d == Double(i) } else { false } }
        case .float(let d): return values.firstIndex { if case .int(let i) = $0 { Double(i) == d } else { false } }
        default: return nil
        }
    }

    public var description: String {
        switch domain {
        case .float(_, _, let log), .integer(_, _, let log):
            let kind = if case .float = domain { "float" } else { "integer" }
            return "\(name): \(kind) in [\(bounds.lower.literal), \(bounds.upper.literal)]\(log ? ", log scale" : ""), default \(defaultValue.literal)"
        case .categorical(let choices, let weights):
            let w = weights.map { ", weights " + $0.map { ParameterValue.float($0).literal }.joined(separator: ", ") } ?? ""
            return "\(name): one of \(choices.map(\.literal).joined(separator: ", "))\(w), default \(defaultValue.literal)"
        case .ordinal(let sequence):
            return "\(name): ordinal \(sequence.map(\.literal).joined(separator: " < ")), default \(defaultValue.literal)"
        case .constant(let value):
            return "\(name): constant \(value.literal)"
        }
    }

    /// The bounds of a float or integer parameter, as values of its type.
    var bounds: (lower: ParameterValue, upper: ParameterValue) {
        switch domain {
        case .float(let l, let u, _): (.float(l), .float(u))
        case .integer(let l, let u, _): (.int(l), .int(u))
        default: preconditionFailure("only numerical parameters have bounds")
        }
    }
}
