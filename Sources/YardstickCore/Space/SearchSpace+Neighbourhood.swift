extension SearchSpace {
    /// The one-exchange neighbourhood of a configuration (Hutter, Hoos & Leyton-Brown,
    /// "Sequential model-based optimization for general algorithm configuration", LION 5,
    /// 2011; as ConfigSpace's `get_one_exchange_neighbourhood`, the local search of SMAC):
    /// configurations that change one active parameter.
    ///
    /// - a categorical moves to each of its other choices, an ordinal to each adjacent value;
    /// - a float moves `perNumericalParameter` times by a normal step of standard deviation
    ///   `stddev` in its encoded [0, 1] scale (redrawn while it leaves [0, 1]);
    /// - an integer moves to up to `perNumericalParameter` other values found the same way,
    ///   falling back to the nearest unused integers when the steps keep landing on used ones;
    /// - constants do not move.
    ///
    /// After the change, parameters that became active are drawn at random and those that
    /// became inactive are dropped; neighbours matching a forbidden clause are skipped. The
    /// neighbours come in a random order (ConfigSpace interleaves the parameters at random too).
    /// Throws what `validate(_:)` throws for `configuration`.
    public func neighbours<G: RandomNumberGenerator>(
        of configuration: Configuration, perNumericalParameter count: Int = 4, stddev: Double = 0.2, using rng: inout G
    ) throws(SpaceError) -> [Configuration] {
        let base = try normalizedValues(configuration.values)
        var result: [Configuration] = []
        for p in parameters {
            guard let current = base[p.name] else { continue }
            for value in neighbourValues(of: p, at: current, count: count, stddev: stddev, using: &rng) {
                var values = base
                values[p.name] = value
                assignActive(&values) { $0.sample(using: &rng) }
                if firstForbidden(values) == nil { result.append(Configuration(values)) }
            }
        }
        // Fisher–Yates shuffle with the space's own uniform integers (Knuth, TAOCP vol. 2, 3.4.2, Algorithm P).
        for i in stride(from: result.count - 1, to: 0, by: -1) {
            let j = Int(rng.uniformInt(below: UInt64(i + 1)))
            result.swapAt(i, j)
        }
        return result
    }

    /// The values one parameter moves to from `current` (see `neighbours(of:…)`).
    private func neighbourValues<G: RandomNumberGenerator>(
        of p: Parameter, at current: ParameterValue, count: Int, stddev: Double, using rng: inout G
    ) -> [ParameterValue] {
        switch p.domain {
        case .constant:
            return []
        case .categorical(let choices, _):
            return choices.filter { $0 != current }
        case .ordinal(let sequence):
            let i = Parameter.index(of: current, in: sequence)!
            return [i - 1, i + 1].filter { sequence.indices.contains($0) }.map { sequence[$0] }
        case .float:
            let x = p.vectorEntry(of: current)
            var out: [ParameterValue] = []
            for _ in 0..<count {
                let value = p.valueAtUnitPosition(gaussianStep(from: x, stddev: stddev, using: &rng))
                if value != current { out.append(value) }
            }
            return out
        case .integer(let lower, let upper, _):
            let wanted = min(count, upper - lower)
            let x = p.vectorEntry(of: current)
            var used: Set<ParameterValue> = [current]
            var out: [ParameterValue] = []
            var attempts = 0
            while out.count < wanted && attempts < 10 * wanted {
                attempts += 1
                let value = p.valueAtUnitPosition(gaussianStep(from: x, stddev: stddev, using: &rng))
                if used.insert(value).inserted { out.append(value) }
            }
            guard case .int(let c) = current else { return out }
            var distance = 1
            while out.count < wanted {
                for candidate in [c - distance, c + distance] where candidate >= lower && candidate <= upper {
                    if out.count < wanted && used.insert(.int(candidate)).inserted { out.append(.int(candidate)) }
                }
                distance += 1
            }
            return out
        }
    }

    /// `x` plus a normal step, redrawn while the result leaves [0, 1] (a truncated normal by
    /// rejection); after 100 rejections the last step is clipped to [0, 1].
    private func gaussianStep<G: RandomNumberGenerator>(from x: Double, stddev: Double, using rng: inout G) -> Double {
        var y = x
        for _ in 0..<100 {
            y = x + stddev * rng.normal()
            if y >= 0 && y <= 1 { return y }
        }
        return min(max(y, 0), 1)
    }
}
