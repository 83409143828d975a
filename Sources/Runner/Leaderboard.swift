import TableStore
import YardstickCore

/// One optimizer's line of a comparison.
public struct LeaderboardRow: Sendable, Equatable {
    public var optimizer: String
    /// Mean rank over the (instance, seed) cells every optimizer ran (1 = best; ties averaged).
    public var meanRank: Double
    /// Mean normalized regret of the final full-fidelity incumbent, and its 95% bootstrap interval.
    public var meanRegret: Double
    public var regretLow: Double
    public var regretHigh: Double
    /// Mean area under the normalized-regret curve over simulated time, divided by the horizon.
    public var anytimeRegret: Double
    public var runs: Int
    public var evaluations: Int
    public var failedEvaluations: Int
}

/// Ranks optimizers over a set of complete runs on one tabular benchmark.
///
/// Scoring (after CARP-S's per-task min–max normalization and Syne Tune's normalized regret):
/// a run's incumbent is its best non-failed full-fidelity evaluation of the target; it is
/// scored by its configuration's seed-mean value y at the full fidelity (the optimizer
/// chooses on the noisy values it saw, and is judged on expected performance), as the
/// normalized regret (y − best) / (worst − best), with best and worst the seed means of the
/// best and worst configurations at the instance's highest fidelity. A run without any
/// successful full-fidelity evaluation scores 1. Anytime regret integrates the incumbent's
/// regret over simulated time from 0 to the horizon (the budget's seconds, else the run's
/// own end), counting 1 before the first incumbent, and divides by the horizon.
public struct Leaderboard: Sendable {
    public var rows: [LeaderboardRow]
    /// The number of (instance, seed) cells the ranks average over.
    public var cells: Int

    /// Builds the board. `labels` orders the optimizers (a run's label is `label(of:)`);
    /// the bootstrap uses `resamples` resamples from generators seeded by the label.
    public init(runs: [StoredRun], labels: [String], table: TabularBenchmark, target: Int, horizon: Double?, resamples: Int = 1000) {
        let direction = table.objectives[target].direction
        var regrets: [String: [Double]] = [:]
        var anytime: [String: [Double]] = [:]
        var byCell: [String: [String: Double]] = [:]
        var counts: [String: (runs: Int, evals: Int, failed: Int)] = [:]
        for run in runs {
            let label = Leaderboard.label(optimizer: run.optimizer, settings: run.settings)
            let scorer = RegretScorer(table: table, instance: run.instance, target: target, full: run.fullFidelity)
            let trajectory = Trajectory(evaluations: run.evaluations, target: target, direction: direction, full: run.fullFidelity)
            let regretCurve = trajectory.fullFidelity.map { p in (time: p.time, regret: scorer.regret(of: run.evaluations[p.sequence])) }
            let final = regretCurve.last?.regret ?? 1
            regrets[label, default: []].append(final)
            let end = horizon ?? run.simulatedSeconds
            var area = 0.0
            if end > 0 {
                var t = 0.0
                var r = 1.0
                for p in regretCurve where p.time <= end {
                    area += (p.time - t) * r
                    t = p.time
                    r = p.regret
                }
                area += (end - t) * r
                anytime[label, default: []].append(area / end)
            } else {
                anytime[label, default: []].append(final)
            }
            byCell["\(run.instance)\u{0}\(run.seed)", default: [:]][label] = final
            var c = counts[label] ?? (0, 0, 0)
            c.runs += 1
            c.evals += run.evaluations.count
            c.failed += run.failedCount
            counts[label] = c
        }
        var rankSums: [String: Double] = [:]
        let fullCells = byCell.values.filter { cell in labels.allSatisfy { cell[$0] != nil } }
        for cell in fullCells {
            let ranks = averageRanks(labels.map { cell[$0]! })
            for (l, r) in zip(labels, ranks) { rankSums[l, default: 0] += r }
        }
        cells = fullCells.count
        rows = labels.compactMap { label in
            guard let values = regrets[label], !values.isEmpty else { return nil }
            let mean = values.reduce(0, +) / Double(values.count)
            let (lo, hi) = bootstrapInterval(values, resamples: resamples, seed: RunSpec.derive(["yardstick.bootstrap", label]))
            let any = anytime[label]!
            let c = counts[label]!
            return LeaderboardRow(optimizer: label, meanRank: fullCells.isEmpty ? .nan : rankSums[label, default: 0] / Double(fullCells.count),
                                  meanRegret: mean, regretLow: lo, regretHigh: hi,
                                  anytimeRegret: any.reduce(0, +) / Double(any.count), runs: c.runs,
                                  evaluations: c.evals, failedEvaluations: c.failed)
        }
        rows.sort { ($0.meanRank, $0.meanRegret, $0.optimizer) < ($1.meanRank, $1.meanRegret, $1.optimizer) }
    }

    /// An optimizer's label: its name, with its settings in brackets when it has any.
    public static func label(optimizer: String, settings: String) -> String {
        settings.isEmpty ? optimizer : "\(optimizer)[\(settings)]"
    }
}

/// Normalized regret of evaluations on one instance.
struct RegretScorer {
    var table: TabularBenchmark
    var instance: String
    var target: Int
    var full: FidelityPoint
    var best: Double
    var worst: Double

    init(table: TabularBenchmark, instance: String, target: Int, full: FidelityPoint) {
        self.table = table
        self.instance = instance
        self.target = target
        self.full = full
        best = (try? table.best(target, on: instance)) ?? .nan
        worst = (try? table.worst(target, on: instance)) ?? .nan
    }

    /// The regret of the configuration of `e`, scored by its seed mean (its own value when the table lacks it).
    func regret(of e: EvaluationRecord) -> Double {
        let mean = (try? table.evaluate(e.configuration, on: instance, at: e.fidelity, seed: nil))?.values[target]
        let y = mean ?? e.values[target]
        guard best.isFinite, worst.isFinite, worst != best else { return 0 }
        return (y - best) / (worst - best)
    }
}

/// Ranks of `values` (1 = smallest), ties given the mean of the ranks they span.
public func averageRanks(_ values: [Double]) -> [Double] {
    let order = values.indices.sorted { (values[$0], $0) < (values[$1], $1) }
    var ranks = [Double](repeating: 0, count: values.count)
    var i = 0
    while i < order.count {
        var j = i
        while j + 1 < order.count && values[order[j + 1]] == values[order[i]] { j += 1 }
        let r = Double(i + j) / 2 + 1
        for k in i...j { ranks[order[k]] = r }
        i = j + 1
    }
    return ranks
}

/// The 95% percentile bootstrap interval of the mean of `values` (Efron & Tibshirani, An
/// Introduction to the Bootstrap, 1993, §13.3), from `resamples` resamples drawn by a
/// `Xoshiro256StarStar` seeded with `seed`.
public func bootstrapInterval(_ values: [Double], resamples: Int, seed: UInt64) -> (low: Double, high: Double) {
    guard values.count > 1, resamples > 0 else { let m = values.first ?? .nan; return (m, m) }
    var rng = Xoshiro256StarStar(seed: seed)
    var means: [Double] = []
    means.reserveCapacity(resamples)
    let n = UInt64(values.count)
    for _ in 0..<resamples {
        var sum = 0.0
        for _ in 0..<values.count { sum += values[Int(rng.uniformInt(below: n))] }
        means.append(sum / Double(values.count))
    }
    means.sort()
    let lo = means[Int((0.025 * Double(resamples - 1)).rounded())]
    let hi = means[Int((0.975 * Double(resamples - 1)).rounded())]
    return (lo, hi)
}
