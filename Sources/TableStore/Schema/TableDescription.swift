import YardstickCore

/// Everything a table says about itself apart from its results: metadata, spaces, objectives.
public struct TableDescription: Sendable {
    public var name: String
    public var version: String
    public var license: String
    /// How the data was produced: what was trained, on what, by whom.
    public var provenance: String
    /// Where the source data came from (a package, an archive, a URL).
    public var source: String
    /// SHA-256 of the source archive the table was built from.
    public var sourceSHA256: String
    public var citation: String
    /// What a seed number means in this table.
    public var seeds: String
    public var space: SearchSpace
    public var fidelities: [FidelityDimension]
    /// Objectives and metrics, in the order of `EvaluationResult.values`.
    public var objectives: [Objective]
    /// Extra metadata entries (free-form).
    public var extra: [String: String]

    public init(
        name: String, version: String, license: String, provenance: String, source: String,
        sourceSHA256: String, citation: String, seeds: String, space: SearchSpace,
        fidelities: [FidelityDimension], objectives: [Objective], extra: [String: String] = [:]
    ) {
        self.name = name
        self.version = version
        self.license = license
        self.provenance = provenance
        self.source = source
        self.sourceSHA256 = sourceSHA256
        self.citation = citation
        self.seeds = seeds
        self.space = space
        self.fidelities = fidelities
        self.objectives = objectives
        self.extra = extra
    }
}

/// The evaluations of one configuration on one instance: for each point, its seed, its
/// fidelity and every objective/metric and the cost. Stored column-wise, points sorted by
/// (fidelity…, seed).
public struct ResultBlock: Sendable, Equatable {
    public var seeds: [Int]
    /// One column per fidelity dimension.
    public var fidelities: [[Double]]
    /// One column per objective/metric, then the cost column last.
    public var columns: [[Float]]

    public init(seeds: [Int], fidelities: [[Double]], columns: [[Float]]) {
        self.seeds = seeds
        self.fidelities = fidelities
        self.columns = columns
    }

    public var count: Int { seeds.count }

    /// The fidelity point of row `i`.
    public func fidelity(at i: Int) -> FidelityPoint { FidelityPoint(fidelities.map { $0[i] }) }

    /// The block with its points sorted by (fidelity…, seed), the storage order.
    public func sorted() -> ResultBlock {
        let order = (0..<count).sorted { a, b in
            for column in fidelities where column[a] != column[b] { return column[a] < column[b] }
            return seeds[a] < seeds[b]
        }
        return ResultBlock(
            seeds: order.map { seeds[$0] },
            fidelities: fidelities.map { c in order.map { c[$0] } },
            columns: columns.map { c in order.map { c[$0] } }
        )
    }
}
