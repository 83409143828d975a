import YardstickCore

/// Which of a table's seeds answers an evaluation.
public enum SeedPolicy: String, Sendable, Hashable, CaseIterable {
    /// One table seed per run, chosen by (run seed, instance): the default. Every
    /// configuration's learning curve comes from one training run, as it would on a real
    /// cluster, different run seeds see different table noise, and all optimizers on the
    /// same (instance, seed) see the same noise (common random numbers).
    case perRun = "run"
    /// A table seed drawn for every evaluation from a stream seeded by (run seed, instance).
    case perEvaluation = "evaluation"
    /// The mean over the table's seeds: noise-free, the same for every run seed.
    case mean
}

/// Everything that defines a run; two runs with equal specs give identical evaluations.
public struct RunSpec: Sendable, Hashable {
    public var optimizer: String
    public var settings: [String: String]
    /// The benchmark's name and the content hash of its table (or any stable identity).
    public var benchmark: String
    public var benchmarkHash: String
    public var instance: String
    public var seed: Int
    public var budget: Budget
    public var workers: Int
    /// The objective the optimizer minimizes or maximizes.
    public var objective: String
    public var seedPolicy: SeedPolicy
    /// When `true`, the optimizer's measured compute time advances the simulated clock
    /// (the run is then no longer reproducible bit for bit).
    public var chargeOverhead: Bool

    public init(optimizer: String, settings: [String: String] = [:], benchmark: String, benchmarkHash: String,
                instance: String, seed: Int, budget: Budget, workers: Int = 1, objective: String,
                seedPolicy: SeedPolicy = .perRun, chargeOverhead: Bool = false) {
        self.optimizer = optimizer
        self.settings = settings
        self.benchmark = benchmark
        self.benchmarkHash = benchmarkHash
        self.instance = instance
        self.seed = seed
        self.budget = budget
        self.workers = workers
        self.objective = objective
        self.seedPolicy = seedPolicy
        self.chargeOverhead = chargeOverhead
    }

    /// The settings as `k=v` pairs sorted by key, joined by `;`.
    public var settingsText: String { RunSpec.settingsText(settings) }

    /// `settings` as `k=v` pairs sorted by key, joined by `;`.
    public static func settingsText(_ settings: [String: String]) -> String {
        settings.keys.sorted().map { "\($0)=\(settings[$0]!)" }.joined(separator: ";")
    }

    /// The text the run key hashes: every field, one `name=value` line each.
    public var keyText: String {
        """
        optimizer=\(optimizer)
        settings=\(settingsText)
        benchmark=\(benchmark)
        benchmark_hash=\(benchmarkHash)
        instance=\(instance)
        seed=\(seed)
        budget=\(budget.key)
        workers=\(workers)
        objective=\(objective)
        seed_policy=\(seedPolicy.rawValue)
        charge_overhead=\(chargeOverhead)
        """
    }

    /// The run key: the hex SHA-256 of `keyText`. Results files are keyed by it.
    public var key: String { SHA256.hex(SHA256.hash(Array(keyText.utf8))) }

    /// The seed of the optimizer's `Xoshiro256StarStar`: the first 8 bytes (big-endian) of
    /// SHA-256("yardstick.optimizer\0<seed>\0<optimizer>\0<instance>").
    public var optimizerSeed: UInt64 {
        RunSpec.derive(["yardstick.optimizer", String(seed), optimizer, instance])
    }

    /// The seed that picks table seeds: the first 8 bytes (big-endian) of
    /// SHA-256("yardstick.table-seed\0<seed>\0<instance>"), the same for every optimizer.
    public var tableSeedStream: UInt64 {
        RunSpec.derive(["yardstick.table-seed", String(seed), instance])
    }

    static func derive(_ parts: [String]) -> UInt64 {
        let digest = SHA256.hash(Array(parts.joined(separator: "\0").utf8))
        return digest.prefix(8).reduce(0) { $0 << 8 | UInt64($1) }
    }
}
