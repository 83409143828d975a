extension SearchSpace {
    /// How many draws `sample(using:)` makes before it gives up on finding a configuration
    /// that no forbidden clause matches.
    public static let samplingAttempts = 1000

    /// A configuration drawn at random: every active parameter drawn independently, parents
    /// before children, each as `Parameter`'s sampling describes (uniform in the encoded
    /// scale, categoricals by weight); inactive parameters are left out. Draws matching a
    /// forbidden clause are rejected and drawn again, up to `samplingAttempts` times.
    public func sample<G: RandomNumberGenerator>(using rng: inout G) throws(SpaceError) -> Configuration {
        for _ in 0..<SearchSpace.samplingAttempts {
            var values: [String: ParameterValue] = [:]
            assignActive(&values) { $0.sample(using: &rng) }
            if firstForbidden(values) == nil { return Configuration(values) }
        }
        throw .noValidSample(attempts: SearchSpace.samplingAttempts)
    }

    /// `count` configurations drawn one after another by `sample(using:)`.
    public func sample<G: RandomNumberGenerator>(count: Int, using rng: inout G) throws(SpaceError) -> [Configuration] {
        var out: [Configuration] = []
        out.reserveCapacity(count)
        for _ in 0..<count { out.append(try sample(using: &rng)) }
        return out
    }
}
