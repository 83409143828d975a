import YardstickCore

/// The tabular tier: a table's results held in memory behind a hash index, answering a
/// lookup in well under a microsecond. Immutable once loaded, so it is safe to share
/// between threads.
///
/// Points are grouped by (instance, configuration, fidelity); a group's points are
/// contiguous and sorted by seed, so a seed is found by binary search and the seed mean
/// is a short loop.
public struct TabularBenchmark: Benchmark, Sendable {
    public let name: String
    public let space: SearchSpace
    public let fidelities: [FidelityDimension]
    public let objectives: [Objective]
    public let instances: [String]
    /// Every configuration the table holds, sorted by id.
    public let configurations: [Configuration]
    public let contentHash: String

    typealias GroupKey = GroupIndex.Key
    typealias Group = GroupIndex.Group

    let instanceIndex: [String: Int32]
    let groups: GroupIndex
    /// Seeds of every point, group by group.
    let seeds: [Int32]
    /// `width` values per point: objectives then cost.
    let values: [Float]
    let width: Int
    /// Fidelity points per (instance, configuration), sorted.
    let pointsByRow: [RowKey: [FidelityPoint]]
    /// Per instance and objective: best and worst seed-mean value at the instance's highest fidelity.
    let extremes: [[(best: Double, worst: Double)]]
    let highestFidelity: [FidelityPoint]

    struct RowKey: Hashable {
        var instance: Int32
        var configuration: UInt64
    }

    /// Loads `instances` (all when `nil`) of `table` into memory.
    public init(table: BenchmarkTable, instances names: [String]? = nil) throws(TableError) {
        let d = table.description
        name = d.name
        space = d.space
        fidelities = d.fidelities
        objectives = d.objectives
        contentHash = table.contentHash
        configurations = try table.configurations()
        let chosen = try (names ?? table.instances.map(\.name)).map { name throws(TableError) in try table.instance(named: name) }
        instances = chosen.map(\.name)
        instanceIndex = Dictionary(chosen.enumerated().map { ($1.name, Int32($0)) }, uniquingKeysWith: { a, _ in a })
        let width = d.objectives.count + 1
        self.width = width

        var seeds: [Int32] = []
        var values: [Float] = []
        var pointsByRow: [RowKey: [FidelityPoint]] = [:]
        var highest = [FidelityPoint](repeating: FidelityPoint([]), count: chosen.count)
        var rowsByInstance = [[(UInt64, ResultBlock)]](repeating: [], count: chosen.count)
        for (i, info) in chosen.enumerated() {
            do {
                try table.forEachResult(on: info) { _, config, block in rowsByInstance[i].append((config.rawValue, block)) }
            } catch let e as TableError { throw e } catch { throw .database("\(error)") }
        }
        var groupCount = 0
        for rows in rowsByInstance {
            for (_, block) in rows {
                for r in 0..<block.count where r == 0 || block.fidelity(at: r) != block.fidelity(at: r - 1) { groupCount += 1 }
            }
        }
        var groups = GroupIndex(capacity: groupCount)
        for (i, rows) in rowsByInstance.enumerated() {
            var top: FidelityPoint?
            for (config, block) in rows {
                var r = 0
                var points: [FidelityPoint] = []
                while r < block.count {
                    let f = block.fidelity(at: r)
                    var end = r
                    while end < block.count && block.fidelity(at: end) == f { end += 1 }
                    let key = GroupKey(instance: Int32(i), configuration: config, fidelity: f.storage)
                    groups.insert(key, Group(start: Int32(seeds.count), count: Int32(end - r)))
                    for p in r..<end {
                        seeds.append(Int32(truncatingIfNeeded: block.seeds[p]))
                        for c in 0..<width { values.append(block.columns[c][p]) }
                    }
                    points.append(f)
                    if top == nil || TabularBenchmark.precedes(top!, f) { top = f }
                    r = end
                }
                pointsByRow[RowKey(instance: Int32(i), configuration: config)] = points
            }
            highest[i] = top ?? FidelityPoint(Array(repeating: 0, count: d.fidelities.count))
        }
        self.groups = groups
        self.seeds = seeds
        self.values = values
        self.pointsByRow = pointsByRow
        self.highestFidelity = highest

        var extremes: [[(best: Double, worst: Double)]] = []
        for (i, _) in chosen.enumerated() {
            var perObjective: [(best: Double, worst: Double)] = d.objectives.map { _ in (.nan, .nan) }
            for c in configurations {
                guard let g = groups.find(GroupKey(instance: Int32(i), configuration: c.id.rawValue, fidelity: highest[i].storage)) else { continue }
                for (o, objective) in d.objectives.enumerated() {
                    let v = TabularBenchmark.mean(values, width: width, group: g, column: o)
                    if perObjective[o].best.isNaN || objective.direction.isBetter(v, than: perObjective[o].best) { perObjective[o].best = v }
                    if perObjective[o].worst.isNaN || objective.direction.isBetter(perObjective[o].worst, than: v) { perObjective[o].worst = v }
                }
            }
            extremes.append(perObjective)
        }
        self.extremes = extremes
    }

    /// Opens the table at `path` and loads it.
    public init(path: String, instances: [String]? = nil) throws(TableError) {
        try self.init(table: try BenchmarkTable.open(path), instances: instances)
    }

    static func precedes(_ a: FidelityPoint, _ b: FidelityPoint) -> Bool {
        for i in 0..<a.count where a[i] != b[i] { return a[i] < b[i] }
        return false
    }

    static func mean(_ values: [Float], width: Int, group: Group, column: Int) -> Double {
        var sum = 0.0
        for p in Int(group.start)..<Int(group.start + group.count) { sum += Double(values[p * width + column]) }
        return sum / Double(group.count)
    }

    /// The position of `instance` among `instances`, for the fastest lookups.
    public func index(ofInstance instance: String) throws(TableError) -> Int {
        guard let i = instanceIndex[instance] else { throw .unknownInstance(name: instance, available: instances) }
        return Int(i)
    }

    /// Looks up `configuration` on the instance at position `instance` (see `index(ofInstance:)`)
    /// at `fidelity`, for one `seed` or the mean over seeds.
    /// - Complexity: one hash lookup, then O(log s) for a seed or O(s) for the mean of s seeds.
    @inlinable
    public func lookup(_ configuration: Configuration, instance: Int, at fidelity: FidelityPoint, seed: Int?) throws(TableError) -> EvaluationResult {
        try lookup(configuration.id, instance: instance, at: fidelity, seed: seed, canonical: configuration)
    }

    @usableFromInline
    func lookup(_ id: ConfigurationID, instance: Int, at fidelity: FidelityPoint, seed: Int?, canonical: Configuration) throws(TableError) -> EvaluationResult {
        guard let group = groups.find(GroupKey(instance: Int32(instance), configuration: id.rawValue, fidelity: fidelity.storage)) else {
            throw missing(canonical, instance: instance, fidelity: fidelity)
        }
        let start = Int(group.start)
        let end = start + Int(group.count)
        if let seed {
            var lo = start
            var hi = end
            let s = Int32(truncatingIfNeeded: seed)
            while lo < hi {
                let mid = (lo + hi) / 2
                if seeds[mid] < s { lo = mid + 1 } else { hi = mid }
            }
            guard lo < end, seeds[lo] == s, Int(s) == seed else {
                throw .unknownSeed(seed: seed, available: seeds[start..<end].map { Int($0) })
            }
            let base = lo * width
            var out = [Double](repeating: 0, count: width - 1)
            for c in 0..<width - 1 { out[c] = Double(values[base + c]) }
            return EvaluationResult(values: out, cost: Double(values[base + width - 1]))
        }
        var sums = [Double](repeating: 0, count: width)
        for p in start..<end {
            for c in 0..<width { sums[c] += Double(values[p * width + c]) }
        }
        let n = Double(end - start)
        return EvaluationResult(values: sums.dropLast().map { $0 / n }, cost: sums[width - 1] / n)
    }

    /// The `Benchmark` entry point: looks up by instance name.
    public func evaluate(_ configuration: Configuration, on instance: String, at fidelity: FidelityPoint, seed: Int?) throws -> EvaluationResult {
        try lookup(configuration, instance: try index(ofInstance: instance), at: fidelity, seed: seed)
    }

    /// The fidelity points `configuration` was evaluated at on `instance`, ascending.
    public func fidelityPoints(of configuration: Configuration, on instance: String) throws(TableError) -> [FidelityPoint] {
        let i = try index(ofInstance: instance)
        return pointsByRow[RowKey(instance: Int32(i), configuration: configuration.id.rawValue)] ?? []
    }

    /// The whole learning curve of `configuration` on `instance`: each fidelity point with its result.
    public func curve(of configuration: Configuration, on instance: String, seed: Int?) throws(TableError) -> [(FidelityPoint, EvaluationResult)] {
        let i = try index(ofInstance: instance)
        let points = pointsByRow[RowKey(instance: Int32(i), configuration: configuration.id.rawValue)] ?? []
        guard !points.isEmpty else { throw missing(configuration, instance: i, fidelity: nil) }
        var out: [(FidelityPoint, EvaluationResult)] = []
        for p in points { out.append((p, try lookup(configuration, instance: i, at: p, seed: seed))) }
        return out
    }

    /// The highest fidelity point evaluated on `instance` (where regret is measured).
    public func highestFidelity(on instance: String) throws(TableError) -> FidelityPoint {
        highestFidelity[try index(ofInstance: instance)]
    }

    /// The best seed-mean value of objective `objective` over all configurations at the
    /// instance's highest fidelity (the reference for regret).
    public func best(_ objective: Int, on instance: String) throws(TableError) -> Double {
        extremes[try index(ofInstance: instance)][objective].best
    }

    /// The worst seed-mean value, for normalized regret (y − best) / (worst − best).
    public func worst(_ objective: Int, on instance: String) throws(TableError) -> Double {
        extremes[try index(ofInstance: instance)][objective].worst
    }

    func missing(_ configuration: Configuration, instance: Int, fidelity: FidelityPoint?) -> TableError {
        let name = instances[instance]
        if let points = pointsByRow[RowKey(instance: Int32(instance), configuration: configuration.id.rawValue)] {
            return .unknownFidelity(instance: name, configuration: configuration.canonicalText,
                                    value: fidelity?.description ?? "-", available: points.map(\.description))
        }
        if configurations.contains(where: { $0.id == configuration.id }) {
            return .unknownFidelity(instance: name, configuration: configuration.canonicalText, value: fidelity?.description ?? "-", available: [])
        }
        return .unknownConfiguration(canonical: configuration.canonicalText, count: configurations.count,
                                     sample: configurations.prefix(3).map(\.canonicalText))
    }
}
