/// When a parameter is active: `child` takes a value only while `rule` holds for the
/// values of its parents, as in ConfigSpace's conditions and conjunctions.
///
/// A parameter has at most one condition; combine several with `.and` or `.or`.
/// Unlike ConfigSpace 1.2, a rule on a parent that is itself inactive never holds, so
/// `.notEquals` on an inactive parent leaves the child inactive (ConfigSpace compares the
/// parent's NaN and activates the child).
public struct Condition: Sendable, Hashable, CustomStringConvertible {
    /// The parameter this condition switches on and off.
    public let child: String
    /// The test on the parents' values.
    public let rule: ConditionRule

    /// The condition that `child` is active exactly when `rule` holds.
    public init(child: String, _ rule: ConditionRule) {
        self.child = child
        self.rule = rule
    }

    /// `child if rule`, e.g. `momentum if optimizer == 'sgd'`.
    public var description: String { "\(child) if \(rule)" }
}

/// A test on the values of a child's parents (ConfigSpace's condition classes, named in each case).
public indirect enum ConditionRule: Sendable, Hashable, CustomStringConvertible {
    /// The parent takes `value` (`EqualsCondition`, JSON type "EQ").
    case equals(parent: String, value: ParameterValue)
    /// The parent is active and does not take `value` (`NotEqualsCondition`, "NEQ").
    case notEquals(parent: String, value: ParameterValue)
    /// The parent's value is below `value` in its order (`LessThanCondition`, "LT").
    case lessThan(parent: String, value: ParameterValue)
    /// The parent's value is above `value` in its order (`GreaterThanCondition`, "GT").
    case greaterThan(parent: String, value: ParameterValue)
    /// The parent takes one of `values` (`InCondition`, "IN").
    case isIn(parent: String, values: [ParameterValue])
    /// All of the rules hold (`AndConjunction`, "AND").
    case and([ConditionRule])
    /// At least one of the rules holds (`OrConjunction`, "OR").
    case or([ConditionRule])

    /// The parameters the rule reads, each once, in the order they appear.
    public var parents: [String] {
        var seen: [String] = []
        visitLeaves { parent in if !seen.contains(parent) { seen.append(parent) } }
        return seen
    }

    /// The rule as messages write it: `optimizer == 'sgd'`, `depth in {2, 4}`, `(a > 1 && b != 'x')`.
    public var description: String {
        switch self {
        case .equals(let p, let v): "\(p) == \(v.literal)"
        case .notEquals(let p, let v): "\(p) != \(v.literal)"
        case .lessThan(let p, let v): "\(p) < \(v.literal)"
        case .greaterThan(let p, let v): "\(p) > \(v.literal)"
        case .isIn(let p, let vs): "\(p) in {\(vs.map(\.literal).joined(separator: ", "))}"
        case .and(let rules): "(" + rules.map(\.description).joined(separator: " && ") + ")"
        case .or(let rules): "(" + rules.map(\.description).joined(separator: " || ") + ")"
        }
    }

    func visitLeaves(_ body: (String) -> Void) {
        switch self {
        case .equals(let p, _), .notEquals(let p, _), .lessThan(let p, _), .greaterThan(let p, _), .isIn(let p, _):
            body(p)
        case .and(let rules), .or(let rules):
            for r in rules { r.visitLeaves(body) }
        }
    }

    /// Whether the rule holds for normalized `values`; a comparison with a parent that has
    /// no value (is inactive) never holds.
    func holds(in values: [String: ParameterValue], space: SearchSpace) -> Bool {
        switch self {
        case .equals(let p, let v):
            return values[p] == v
        case .notEquals(let p, let v):
            guard let x = values[p] else { return false }
            return x != v
        case .lessThan(let p, let v), .greaterThan(let p, let v):
            guard let x = values[p], let parameter = space.parameter(named: p),
                  let a = parameter.orderKey(of: x), let b = parameter.orderKey(of: v) else { return false }
            if case .lessThan = self { return a < b }
            return a > b
        case .isIn(let p, let vs):
            guard let x = values[p] else { return false }
            return vs.contains(x)
        case .and(let rules):
            return rules.allSatisfy { $0.holds(in: values, space: space) }
        case .or(let rules):
            return rules.contains { $0.holds(in: values, space: space) }
        }
    }

    /// The rule with every value in its parent's representation (JSON `1` for a float parent
    /// becomes `1.0`), or the first comparison that can never hold.
    func normalized(parameters: [String: Parameter], describing condition: String) throws(SpaceDefinitionError) -> ConditionRule {
        func legal(_ v: ParameterValue, for parent: String) throws(SpaceDefinitionError) -> ParameterValue {
            let p = parameters[parent]!
            do { return try p.normalize(v) } catch {
                throw .illegalConditionValue(condition: condition, parent: parent, value: v, reason: error.description)
            }
        }
        func ordered(_ parent: String) throws(SpaceDefinitionError) {
            if !parameters[parent]!.isOrdered { throw .unorderedParent(condition: condition, parent: parent) }
        }
        switch self {
        case .equals(let p, let v): return .equals(parent: p, value: try legal(v, for: p))
        case .notEquals(let p, let v): return .notEquals(parent: p, value: try legal(v, for: p))
        case .lessThan(let p, let v):
            try ordered(p)
            return .lessThan(parent: p, value: try legal(v, for: p))
        case .greaterThan(let p, let v):
            try ordered(p)
            return .greaterThan(parent: p, value: try legal(v, for: p))
        case .isIn(let p, let vs):
            var out: [ParameterValue] = []
            for v in vs { out.append(try legal(v, for: p)) }
            return .isIn(parent: p, values: out)
        case .and(let rules), .or(let rules):
            guard !rules.isEmpty else { throw .emptyConjunction(in: "condition '\(condition)'") }
            var out: [ConditionRule] = []
            for r in rules { out.append(try r.normalized(parameters: parameters, describing: condition)) }
            if case .and = self { return .and(out) }
            return .or(out)
        }
    }
}
