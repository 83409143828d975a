import YardstickCore

extension Problem {
    /// The loss an optimizer ranks an observation by: the target oriented so that smaller is
    /// better, or +∞ for a failed evaluation or one without a finite value (treated as worst).
    func rankingLoss(of observation: Observation) -> Double {
        guard !observation.failed, observation.values.count == objectives.count else { return .infinity }
        let loss = loss(of: observation.values)
        return loss.isNaN ? .infinity : loss
    }
}

extension ConditionRule {
    /// Whether the rule holds for normalized `values`, with YardstickCore's semantics: a
    /// comparison with a parent that has no value (is inactive) never holds; `<` and `>`
    /// compare numbers by value and ordinals by position.
    func isSatisfied(by values: [String: ParameterValue], in space: SearchSpace) -> Bool {
        switch self {
        case .equals(let p, let v):
            return values[p] == v
        case .notEquals(let p, let v):
            guard let x = values[p] else { return false }
            return x != v
        case .lessThan(let p, let v), .greaterThan(let p, let v):
            guard let x = values[p], let parameter = space.parameter(named: p),
                  let a = parameter.orderPosition(of: x), let b = parameter.orderPosition(of: v) else { return false }
            if case .lessThan = self { return a < b }
            return a > b
        case .isIn(let p, let vs):
            guard let x = values[p] else { return false }
            return vs.contains(x)
        case .and(let rules):
            return rules.allSatisfy { $0.isSatisfied(by: values, in: space) }
        case .or(let rules):
            return rules.contains { $0.isSatisfied(by: values, in: space) }
        }
    }
}

extension Parameter {
    /// The position of a value in the parameter's order (the number for floats and integers,
    /// the index for ordinals); `nil` for unordered kinds.
    func orderPosition(of value: ParameterValue) -> Double? {
        switch domain {
        case .float, .integer: value.doubleValue
        case .ordinal(let sequence): sequence.firstIndex(of: value).map(Double.init)
        case .categorical, .constant: nil
        }
    }

    /// Whether the parameter can take more than one value.
    var isVariable: Bool {
        switch domain {
        case .float, .integer: true
        case .categorical(let choices, _): choices.count > 1
        case .ordinal(let sequence): sequence.count > 1
        case .constant: false
        }
    }
}

extension SearchSpace {
    /// `values` completed parents-first: each conditional parameter whose condition holds and
    /// that has no value yet gets one from `fill`; those whose condition fails are removed;
    /// unconditional constants are set. `space.conditions` lists parents before children.
    func completingActive(_ values: [String: ParameterValue], fill: (Parameter, [String: ParameterValue]) -> ParameterValue) -> [String: ParameterValue] {
        var out = values
        for p in parameters where condition(of: p.name) == nil && out[p.name] == nil {
            out[p.name] = fill(p, out)
        }
        for c in conditions {
            if c.rule.isSatisfied(by: out, in: self) {
                if out[c.child] == nil, let p = parameter(named: c.child) { out[c.child] = fill(p, out) }
            } else {
                out[c.child] = nil
            }
        }
        return out
    }
}

extension Array where Element == Double {
    /// The index of the smallest element (the first on ties); `nil` when empty.
    var indexOfMinimum: Int? { indices.min { self[$0] < self[$1] } }
}
