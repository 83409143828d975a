extension SearchSpace {
    /// The configuration as numbers for models, one entry per parameter in `parameters`
    /// order, as ConfigSpace 1.2's `Configuration.get_array()` encodes them:
    /// floats and integers map onto [0, 1] by `(x − lower) / (upper − lower)` (of the
    /// logarithms on a log scale), categoricals and ordinals are their index (0, 1, …, n − 1,
    /// not scaled), constants are 1, and inactive parameters are NaN.
    ///
    /// Meant for valid configurations: a parameter without a value the space recognizes is NaN.
    /// - Complexity: O(parameters).
    public func vector(for configuration: Configuration) -> [Double] {
        parameters.map { p in
            guard let value = configuration.values[p.name] else { return .nan }
            return p.vectorEntry(of: value)
        }
    }

    /// The configuration a vector encodes (the inverse of `vector(for:)`; integers round half
    /// to even and floats are clipped to their bounds, as in ConfigSpace). Throws when an
    /// entry encodes no value, or when the result is not valid (an active parameter left NaN,
    /// an inactive one given a number, a forbidden combination).
    public func configuration(fromVector vector: [Double]) throws(SpaceError) -> Configuration {
        guard vector.count == parameters.count else {
            throw .wrongVectorLength(expected: parameters.count, found: vector.count)
        }
        var values: [String: ParameterValue] = [:]
        for (p, entry) in zip(parameters, vector) where !entry.isNaN {
            values[p.name] = try p.value(fromVectorEntry: entry)
        }
        _ = try normalizedValues(values)
        return Configuration(values)
    }
}
