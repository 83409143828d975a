import YardstickCore

/// BOHB (Falkner, Klein & Hutter, "BOHB: robust and efficient hyperparameter optimization at
/// scale", ICML 2018): Hyperband's brackets with new configurations proposed by a TPE-like
/// pair of kernel densities fitted on the largest budget that has enough results, with
/// HpBandSter 0.7.4's defaults (`config_generators/bohb.py`): min_points_in_model d + 1,
/// top_n_percent 15, num_samples 64, random_fraction 1/3, bandwidth_factor 3,
/// min_bandwidth 1e-3; η = 3.
///
/// Encoded as `SearchSpace.vector(for:)` with ordinals scaled to [0, 1] and treated as
/// continuous; constants are left out; inactive entries are imputed from another result as
/// HpBandSter does. Aitchison–Aitken kernels use the parameter's number of choices.
public struct BOHB: Optimizer {
    public static let defaultEta = 3
    public static let defaultTopNPercent = 15
    public static let defaultNumSamples = 64
    public static let defaultRandomFraction = 1.0 / 3
    public static let defaultBandwidthFactor = 3.0
    public static let defaultMinBandwidth = 1e-3
    public static let settingNames = ["bandwidth_factor", "eta", "min_bandwidth", "min_points_in_model", "num_samples", "random_fraction", "top_n_percent"]

    public let name = "bohb"
    public let settings: [String: String]
    let problem: Problem
    let topNPercent: Int
    let numSamples: Int
    let randomFraction: Double
    let bandwidthFactor: Double
    let minBandwidth: Double
    let minPointsInModel: Int
    /// Parameters the densities model (every non-constant one, in the space's order).
    let modelled: [Parameter]
    /// Per modelled parameter: 0 for continuous, else the number of categorical choices.
    let kinds: [Int]
    var scheduler: BracketScheduler
    var nextID = 0
    /// Results per rung level: encoded configuration and loss.
    var results: [Int: [(vector: [Double], loss: Double)]] = [:]
    /// Fitted (good, bad) densities per rung level.
    var models: [Int: (good: KernelDensity, bad: KernelDensity)] = [:]
    /// The rung level of every trial asked and not yet told.
    var pendingLevel: [Int: Int] = [:]

    public init(problem: Problem, settings: [String: String] = [:]) throws(OptimizerError) {
        let s = try Settings(optimizer: "bohb", values: settings, known: BOHB.settingNames)
        let eta = try s.int("eta", default: BOHB.defaultEta, in: 2...1000)
        modelled = problem.space.parameters.filter(\.isVariable)
        kinds = modelled.map { if case .categorical(let c, _) = $0.domain { c.count } else { 0 } }
        let d = modelled.count
        minPointsInModel = try s.int("min_points_in_model", default: d + 1, in: (d + 1)...1_000_000)
        topNPercent = try s.int("top_n_percent", default: BOHB.defaultTopNPercent, in: 1...99)
        numSamples = try s.int("num_samples", default: BOHB.defaultNumSamples, in: 1...1_000_000)
        randomFraction = try s.double("random_fraction", default: BOHB.defaultRandomFraction, in: 0...1)
        bandwidthFactor = try s.double("bandwidth_factor", default: BOHB.defaultBandwidthFactor, in: 1e-9...1e9)
        minBandwidth = try s.double("min_bandwidth", default: BOHB.defaultMinBandwidth, in: 1e-12...1)
        self.problem = problem
        self.settings = [
            "bandwidth_factor": "\(bandwidthFactor)", "eta": "\(eta)", "min_bandwidth": "\(minBandwidth)",
            "min_points_in_model": "\(minPointsInModel)", "num_samples": "\(numSamples)",
            "random_fraction": "\(randomFraction)", "top_n_percent": "\(topNPercent)",
        ]
        let ladder = try RungLadder(problem: problem, eta: eta, optimizer: "bohb")
        scheduler = BracketScheduler(ladder: ladder, rule: .hpbandster, onlyFirstBracket: false)
    }

    public mutating func ask<G: RandomNumberGenerator>(using rng: inout G) throws -> Trial? {
        let me = self
        guard let trial = try scheduler.next(id: nextID, using: &rng, newConfiguration: { _, rng in try me.propose(using: &rng) }) else {
            return nil
        }
        pendingLevel[trial.id] = scheduler.ladder.points.firstIndex(of: trial.fidelity)
        nextID += 1
        return trial
    }

    public mutating func tell(_ observation: Observation) {
        let loss = problem.rankingLoss(of: observation)
        scheduler.record(id: observation.trial.id, loss: loss)
        guard let level = pendingLevel.removeValue(forKey: observation.trial.id) else { return }
        // HpBandSter drops results below the largest budget that already has a model.
        if let top = models.keys.max(), top > level { return }
        results[level, default: []].append((encode(observation.trial.configuration), loss))
        fitModel(at: level, using: observation.trial.id)
    }

    /// Refits the densities of a level once it has more than `minPointsInModel - 1` results.
    mutating func fitModel(at level: Int, using seed: Int) {
        let points = results[level] ?? []
        guard points.count > minPointsInModel - 1 else { return }
        let n = points.count
        let nGood = max(minPointsInModel, topNPercent * n / 100)
        let nBad = max(minPointsInModel, (100 - topNPercent) * n / 100)
        let order = points.indices.sorted { points[$0].loss != points[$1].loss ? points[$0].loss < points[$1].loss : $0 < $1 }
        // Imputation draws from its own generator, seeded by the trial, so that telling stays
        // deterministic without the caller's generator.
        var rng = SplitMix64(seed: UInt64(truncatingIfNeeded: seed) &* 0x9E37_79B9_7F4A_7C15)
        let good = impute(order.prefix(nGood).map { points[$0].vector }, using: &rng)
        let bad = impute(order.dropFirst(nGood).prefix(nBad).map { points[$0].vector }, using: &rng)
        guard good.count > modelled.count, bad.count > modelled.count else { return }
        models[level] = (KernelDensity(data: good, kinds: kinds, minBandwidth: minBandwidth),
                         KernelDensity(data: bad, kinds: kinds, minBandwidth: minBandwidth))
    }

    /// Fills inactive (NaN) entries from a random row that has them (HpBandSter's `impute_conditional_data`).
    func impute<G: RandomNumberGenerator>(_ rows: [[Double]], using rng: inout G) -> [[Double]] {
        rows.map { row in
            var datum = row
            while let j = datum.firstIndex(where: \.isNaN) {
                let donors = rows.indices.filter { !rows[$0][j].isNaN }
                if donors.isEmpty {
                    datum[j] = kinds[j] == 0 ? rng.uniformDouble() : Double(rng.uniformInt(below: UInt64(kinds[j])))
                } else {
                    let donor = rows[donors[Int(rng.uniformInt(below: UInt64(donors.count)))]]
                    for k in datum.indices where datum[k].isNaN { datum[k] = donor[k] }
                }
            }
            return datum
        }
    }

    /// A new configuration: random with probability `random_fraction` or without a model,
    /// else the best of `num_samples` draws around good points by l(x)/g(x).
    func propose<G: RandomNumberGenerator>(using rng: inout G) throws(OptimizerError) -> Configuration {
        guard let level = models.keys.max(), rng.uniformDouble() >= randomFraction, let model = models[level] else {
            return try problem.space.randomConfiguration(for: name, using: &rng)
        }
        var best: [Double]? = nil
        var bestScore = Double.infinity
        for _ in 0..<numSamples {
            let datum = model.good.data[Int(rng.uniformInt(below: UInt64(model.good.data.count)))]
            var x: [Double] = []
            for j in kinds.indices {
                let m = datum[j]
                let bw = max(model.good.bandwidths[j], minBandwidth)
                if kinds[j] == 0 {
                    let h = bandwidthFactor * bw
                    x.append(m + h * Gaussian.truncatedQuantile(rng.uniformDouble(), a: -m / h, b: (1 - m) / h))
                } else if rng.uniformDouble() < 1 - bw {
                    x.append(m)
                } else {
                    x.append(Double(rng.uniformInt(below: UInt64(kinds[j]))))
                }
            }
            let score = max(1e-32, model.bad.density(x)) / max(model.good.density(x), 1e-32)
            if score < bestScore { bestScore = score; best = x }
        }
        if let best, let configuration = decode(best), problem.space.contains(configuration) { return configuration }
        return try problem.space.randomConfiguration(for: name, using: &rng)
    }

    /// The modelled entries of a configuration: `vector(for:)`, ordinals scaled to [0, 1].
    func encode(_ configuration: Configuration) -> [Double] {
        let vector = problem.space.vector(for: configuration)
        return modelled.map { p in
            let x = vector[problem.space.names.firstIndex(of: p.name)!]
            if case .ordinal(let s) = p.domain { return x / Double(s.count - 1) }
            return x
        }
    }

    /// The configuration an encoded point stands for, keeping only active parameters.
    func decode(_ x: [Double]) -> Configuration? {
        var decoded: [String: ParameterValue] = [:]
        for (p, u) in zip(modelled, x) { decoded[p.name] = p.value(atEncoded: u) }
        let values = problem.space.completingActive([:]) { p, _ in decoded[p.name] ?? p.defaultValue }
        return Configuration(values)
    }
}

extension Parameter {
    /// The value at encoded position `u`: floats and integers on [0, 1] (log-scaled when
    /// `log`, integers rounded half to even), ordinals on [0, 1] by position, categoricals by index.
    func value(atEncoded u: Double) -> ParameterValue {
        let t = min(max(u, 0), 1)
        switch domain {
        case .float(let l, let h, let log):
            let x = log ? mathExp(t * (mathLog(h) - mathLog(l)) + mathLog(l)) : t * (h - l) + l
            return .float(min(max(x, l), h))
        case .integer(let l, let h, let log):
            let (dl, dh) = (Double(l), Double(h))
            let x = log ? mathExp(t * (mathLog(dh) - mathLog(dl)) + mathLog(dl)) : t * (dh - dl) + dl
            return .int(Int(min(max(x, dl), dh).rounded(.toNearestOrEven)))
        case .ordinal(let s):
            return s[Int((t * Double(s.count - 1)).rounded(.toNearestOrEven))]
        case .categorical(let c, _):
            return c[min(max(Int(u.rounded(.toNearestOrEven)), 0), c.count - 1)]
        case .constant(let v):
            return v
        }
    }
}
