import TableStore
import YardstickCore

/// An optimizer and its settings, as a grid names it.
public struct OptimizerChoice: Sendable, Hashable {
    public var name: String
    public var settings: [String: String]

    public init(name: String, settings: [String: String] = [:]) {
        self.name = name
        self.settings = settings
    }
}

/// Optimizers × instances × seeds under one budget: the runs of an experiment.
public struct ExperimentGrid: Sendable {
    public var optimizers: [OptimizerChoice]
    public var instances: [String]
    public var seeds: [Int]
    public var budget: Budget
    public var workers: Int
    public var objective: String
    public var seedPolicy: SeedPolicy
    public var chargeOverhead: Bool
    public var benchmark: String
    public var benchmarkHash: String

    public init(optimizers: [OptimizerChoice], instances: [String], seeds: [Int], budget: Budget, workers: Int = 1,
                objective: String, seedPolicy: SeedPolicy = .perRun, chargeOverhead: Bool = false,
                benchmark: String, benchmarkHash: String) {
        self.optimizers = optimizers
        self.instances = instances
        self.seeds = seeds
        self.budget = budget
        self.workers = workers
        self.objective = objective
        self.seedPolicy = seedPolicy
        self.chargeOverhead = chargeOverhead
        self.benchmark = benchmark
        self.benchmarkHash = benchmarkHash
    }

    /// Every run, instance-major, then seed, then optimizer (in the order given).
    public var specs: [RunSpec] {
        var out: [RunSpec] = []
        for instance in instances {
            for seed in seeds {
                for o in optimizers {
                    out.append(RunSpec(optimizer: o.name, settings: o.settings, benchmark: benchmark, benchmarkHash: benchmarkHash,
                                       instance: instance, seed: seed, budget: budget, workers: workers, objective: objective,
                                       seedPolicy: seedPolicy, chargeOverhead: chargeOverhead))
                }
            }
        }
        return out
    }

    /// The runs of shard `index` of `count`: those at positions p of `specs` with p mod count = index.
    /// The shards partition the grid, and depend only on the grid, never on the machine.
    public func specs(shard index: Int, of count: Int) -> [RunSpec] {
        specs.enumerated().filter { $0.offset % count == index }.map(\.element)
    }
}

/// Reads `i/n` with 0 ≤ i < n.
public func parseShard(_ text: String) throws(RunnerError) -> (index: Int, count: Int) {
    let parts = text.split(separator: "/", omittingEmptySubsequences: false)
    guard parts.count == 2, let i = Int(parts[0]), let n = Int(parts[1]), n >= 1, i >= 0, i < n else { throw .invalidShard(text: text) }
    return (i, n)
}

/// Reads seeds written as a range `a..b` (inclusive) or a list `a,b,c`.
public func parseSeeds(_ text: String) throws(RunnerError) -> [Int] {
    if text.contains("..") {
        let parts = text.split(separator: ".", omittingEmptySubsequences: true)
        guard parts.count == 2, text.components2.count == 2, let a = Int(parts[0]), let b = Int(parts[1]), a >= 0, a <= b else {
            throw .invalidSeeds(text: text)
        }
        return Array(a...b)
    }
    var seeds: [Int] = []
    for part in text.split(separator: ",", omittingEmptySubsequences: false) {
        guard let s = Int(String(part).trimmingSpaces), s >= 0 else { throw .invalidSeeds(text: text) }
        if !seeds.contains(s) { seeds.append(s) }
    }
    guard !seeds.isEmpty else { throw .invalidSeeds(text: text) }
    return seeds
}

extension String {
    /// The parts around a `..`.
    fileprivate var components2: [Substring] {
        guard let r = range(of: "..") else { return [Substring(self)] }
        return [self[..<r.lowerBound], self[r.upperBound...]]
    }

    fileprivate func range(of needle: String) -> Range<String.Index>? {
        var i = startIndex
        while i < endIndex {
            if self[i...].hasPrefix(needle) { return i..<index(i, offsetBy: needle.count) }
            i = index(after: i)
        }
        return nil
    }
}
