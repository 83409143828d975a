extension SearchSpace {
    /// Checks that `configuration` belongs to the space: every name is a parameter, every
    /// active parameter has a legal value, no inactive one has a value, and no forbidden
    /// clause matches. Numbers may be written either way (`1` for the float 1.0, `3.0` for
    /// the integer 3); `normalized(_:)` gives the configuration with their canonical types.
    /// - Complexity: O(parameters + forbidden clauses).
    public func validate(_ configuration: Configuration) throws(SpaceError) {
        _ = try normalizedValues(configuration.values)
    }

    /// `configuration` with every value in its parameter's type (floats as `.float`,
    /// integers as `.int`, choices as the space lists them), so that equal configurations
    /// have the same canonical text and id; throws what `validate(_:)` throws.
    public func normalized(_ configuration: Configuration) throws(SpaceError) -> Configuration {
        let values = try normalizedValues(configuration.values)
        return values == configuration.values ? configuration : Configuration(values)
    }

    /// Whether `configuration` passes `validate(_:)`.
    public func contains(_ configuration: Configuration) -> Bool {
        (try? normalizedValues(configuration.values)) != nil
    }

    /// The values normalized, checked parents-first so that each condition reads checked values.
    func normalizedValues(_ values: [String: ParameterValue]) throws(SpaceError) -> [String: ParameterValue] {
        if let unknown = values.keys.filter({ indexByName[$0] == nil }).min(by: { $0.precedesInCodePointOrder($1) }) {
            throw .unknownParameter(name: unknown, known: names)
        }
        var out: [String: ParameterValue] = [:]
        out.reserveCapacity(values.count)
        for i in activationOrder {
            let p = parameters[i]
            var active = true
            if let c = conditionIndex[i] { active = conditions[c].rule.holds(in: out, space: self) }
            if let value = values[p.name] {
                guard active else {
                    throw .inactiveParameterHasValue(name: p.name, value: value, condition: conditions[conditionIndex[i]!].rule.description)
                }
                out[p.name] = try p.normalize(value)
            } else if active {
                throw .missingActiveParameter(name: p.name)
            }
        }
        if let clause = firstForbidden(out) { throw .forbidden(clause: clause.description) }
        return out
    }
}
