// What a parameter does with single values: checking and normalizing them, encoding them
// as vector entries, and drawing them at random.

extension Parameter {
    /// `value` in this parameter's own representation (floats as `.float`, integers as
    /// `.int`, choices as listed), or the rule it breaks. A float parameter accepts an
    /// integer; an integer parameter accepts a float only when it is integral.
    func normalize(_ value: ParameterValue) throws(SpaceError) -> ParameterValue {
        switch domain {
        case .float(let lower, let upper, _):
            let x: Double
            switch value {
            case .float(let d): x = d
            case .int(let i): x = Double(i)
            default: throw .wrongType(parameter: name, value: value, expected: "a float")
            }
            if x < lower { throw .belowLowerBound(parameter: name, value: value, lower: .float(lower)) }
            if x > upper { throw .aboveUpperBound(parameter: name, value: value, upper: .float(upper)) }
            return .float(x)
        case .integer(let lower, let upper, _):
            switch value {
            case .int(let i):
                if i < lower { throw .belowLowerBound(parameter: name, value: value, lower: .int(lower)) }
                if i > upper { throw .aboveUpperBound(parameter: name, value: value, upper: .int(upper)) }
                return value
            case .float(let d):
                guard d.rounded(.towardZero) == d else { throw .notAnInteger(parameter: name, value: d) }
                if d < Double(lower) { throw .belowLowerBound(parameter: name, value: value, lower: .int(lower)) }
                if d > Double(upper) { throw .aboveUpperBound(parameter: name, value: value, upper: .int(upper)) }
                return .int(Int(d))
            default:
                throw .wrongType(parameter: name, value: value, expected: "an integer")
            }
        case .categorical(let choices, _):
            guard let i = Parameter.index(of: value, in: choices) else {
                throw .notAChoice(parameter: name, value: value, choices: choices)
            }
            return choices[i]
        case .ordinal(let sequence):
            guard let i = Parameter.index(of: value, in: sequence) else {
                throw .notInSequence(parameter: name, value: value, sequence: sequence)
            }
            return sequence[i]
        case .constant(let constant):
            guard Parameter.index(of: value, in: [constant]) != nil else {
                throw .notTheConstant(parameter: name, value: value, constant: constant)
            }
            return constant
        }
    }

    /// Whether `value` is one this parameter can take (in any representation `normalize` accepts).
    func accepts(_ value: ParameterValue) -> Bool {
        (try? normalize(value)) != nil
    }

    /// The position of a value in the parameter's order: the number itself for floats and
    /// integers, the index for ordinals; `nil` for unordered kinds.
    func orderKey(of value: ParameterValue) -> Double? {
        switch domain {
        case .float, .integer: value.doubleValue
        case .ordinal(let sequence): Parameter.index(of: value, in: sequence).map(Double.init)
        case .categorical, .constant: nil
        }
    }

    /// Whether the values of this parameter are ordered (so `<` and `>` conditions apply).
    var isOrdered: Bool {
        switch domain {
        case .float, .integer, .ordinal: true
        case .categorical, .constant: false
        }
    }

    /// How many distinct values the parameter has; `nil` for floats.
    var size: Int? {
        switch domain {
        case .float: nil
        case .integer(let lower, let upper, _): upper - lower + 1
        case .categorical(let choices, _): choices.count
        case .ordinal(let sequence): sequence.count
        case .constant: 1
        }
    }

    // MARK: Vector encoding (ConfigSpace 1.2's `Hyperparameter.to_vector` / `to_value`)

    /// The vector entry of a normalized value: floats and integers map linearly (or linearly
    /// in the logarithm) onto [0, 1] as `(x − lower) / (upper − lower)`; categoricals and
    /// ordinals are their index `0, 1, …, n − 1`; a constant is 1.
    func vectorEntry(of value: ParameterValue) -> Double {
        switch domain {
        case .float(let lower, let upper, let log):
            return Parameter.unitPosition(value.doubleValue ?? .nan, lower: lower, upper: upper, log: log)
        case .integer(let lower, let upper, let log):
            return Parameter.unitPosition(value.doubleValue ?? .nan, lower: Double(lower), upper: Double(upper), log: log)
        case .categorical(let values, _), .ordinal(let values):
            return Parameter.index(of: value, in: values).map(Double.init) ?? .nan
        case .constant:
            return 1
        }
    }

    /// The value whose vector entry is `entry` (the inverse of `vectorEntry(of:)`; integers
    /// round half to even, as numpy does), or why `entry` encodes no value.
    func value(fromVectorEntry entry: Double) throws(SpaceError) -> ParameterValue {
        switch domain {
        case .float, .integer:
            guard entry >= 0 && entry <= 1 else {
                throw .illegalVectorEntry(parameter: name, entry: entry, reason: "numerical entries lie in [0, 1]")
            }
            return valueAtUnitPosition(entry)
        case .categorical(let values, _), .ordinal(let values):
            let index = entry.rounded(.toNearestOrEven)
            guard entry.isFinite, abs(entry - index) <= 1e-9, index >= 0, index < Double(values.count) else {
                throw .illegalVectorEntry(parameter: name, entry: entry, reason: "entries of '\(name)' are the indices 0…\(values.count - 1)")
            }
            return values[Int(index)]
        case .constant(let value):
            guard entry == 1 else {
                throw .illegalVectorEntry(parameter: name, entry: entry, reason: "a constant's entry is 1")
            }
            return value
        }
    }

    /// The value of a float or integer parameter at position `u` of [0, 1] in its encoded scale.
    func valueAtUnitPosition(_ u: Double) -> ParameterValue {
        switch domain {
        case .float(let lower, let upper, let log):
            return .float(Parameter.scaled(u, lower: lower, upper: upper, log: log))
        case .integer(let lower, let upper, let log):
            let x = Parameter.scaled(u, lower: Double(lower), upper: Double(upper), log: log)
            return .int(Int(x.rounded(.toNearestOrEven)))
        default:
            preconditionFailure("only numerical parameters have unit positions")
        }
    }

    /// `(x − lower) / (upper − lower)`, of the logarithms when `log` (ConfigSpace's `normalize`).
    static func unitPosition(_ x: Double, lower: Double, upper: Double, log: Bool) -> Double {
        log ? (cLog(x) - cLog(lower)) / (cLog(upper) - cLog(lower)) : (x - lower) / (upper - lower)
    }

    /// `u · (upper − lower) + lower`, in log space when `log`, clipped to the bounds
    /// (ConfigSpace's `scale` followed by `UnitScaler.to_value`'s clip).
    static func scaled(_ u: Double, lower: Double, upper: Double, log: Bool) -> Double {
        let x = log ? cExp(u * (cLog(upper) - cLog(lower)) + cLog(lower)) : u * (upper - lower) + lower
        return min(max(x, lower), upper)
    }

    // MARK: Sampling

    /// A value drawn at random: floats uniformly in the encoded scale; integers uniformly
    /// (linear scale) or uniformly in the logarithm and rounded (log scale, ConfigSpace's
    /// convention); categoricals uniformly or by weight; ordinals uniformly.
    func sample<G: RandomNumberGenerator>(using rng: inout G) -> ParameterValue {
        switch domain {
        case .float:
            return valueAtUnitPosition(rng.uniformDouble())
        case .integer(let lower, let upper, let log):
            if log { return valueAtUnitPosition(rng.uniformDouble()) }
            return .int(lower + Int(rng.uniformInt(below: UInt64(upper - lower + 1))))
        case .categorical(let choices, let weights):
            guard let weights else { return choices[Int(rng.uniformInt(below: UInt64(choices.count)))] }
            let target = rng.uniformDouble() * weights.reduce(0, +)
            var cumulative = 0.0
            for (i, w) in weights.enumerated() where w > 0 {
                cumulative += w
                if target < cumulative { return choices[i] }
            }
            return choices[weights.lastIndex { $0 > 0 }!]
        case .ordinal(let sequence):
            return sequence[Int(rng.uniformInt(below: UInt64(sequence.count)))]
        case .constant(let value):
            return value
        }
    }
}
