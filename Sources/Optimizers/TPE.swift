import YardstickCore

/// Tree-structured Parzen estimator (Bergstra, Bardenet, Bengio & Kégl, "Algorithms for
/// hyper-parameter optimization", NeurIPS 2011), with the defaults and the details of
/// Optuna 5.0's `TPESampler`: multivariate by default, constant liar, Optuna's gamma and weights.
///
/// Multivariate mode samples the unconditional parameters jointly (Optuna's intersection
/// search space) and each active conditional parameter on its own from the trials where it
/// was active (Optuna's independent fallback for dynamic spaces, `group=False`); univariate
/// mode samples every parameter on its own. Failed trials count as worst; pending trials
/// join the "above" group (constant liar) without counting in gamma's n.
public struct TPE: Optimizer {
    /// Optuna's `n_startup_trials`.
    public static let defaultStartupTrials = 10
    /// Optuna's `n_ei_candidates`.
    public static let defaultEICandidates = 24
    /// Optuna 5.0 turns `multivariate` on by default for single-objective studies.
    public static let defaultMultivariate = true
    /// Optuna's `constant_liar` default in this suite's anchors.
    public static let defaultConstantLiar = true
    /// Draws of a whole proposal before falling back to a random configuration when every
    /// draw is forbidden by the space.
    static let forbiddenRetries = 10

    /// Optuna's `default_gamma`: how many of n finished trials are "below" (good).
    public static func gamma(_ n: Int) -> Int { min((n + 9) / 10, 25) }

    /// Optuna's `default_weights`: 1 for the newest 25 trials, a linear ramp from 1/n for older ones.
    public static func weights(_ n: Int) -> [Double] {
        guard n >= 25 else { return [Double](repeating: 1, count: n) }
        let rampCount = n - 25
        let ramp = (0..<rampCount).map { i in
            rampCount == 1 ? 1 / Double(n) : 1 / Double(n) + (1 - 1 / Double(n)) * Double(i) / Double(rampCount - 1)
        }
        return ramp + [Double](repeating: 1, count: 25)
    }

    public let name = "tpe"
    public let settings: [String: String]
    let problem: Problem
    let multivariate: Bool
    let constantLiar: Bool
    let startupTrials: Int
    let eiCandidates: Int
    /// Unconditional parameters that can take several values, modelled jointly in multivariate mode.
    let jointDimensions: [TPEDimension]

    var nextID = 0
    /// Finished trials in id order: configuration and loss (+∞ when failed).
    var finished: [(id: Int, values: [String: ParameterValue], loss: Double)] = []
    var pending: [Int: [String: ParameterValue]] = [:]

    public static let settingNames = ["constant_liar", "multivariate", "n_ei_candidates", "n_startup_trials"]

    public init(problem: Problem, settings: [String: String] = [:]) throws(OptimizerError) {
        let s = try Settings(optimizer: "tpe", values: settings, known: TPE.settingNames)
        multivariate = try s.bool("multivariate", default: TPE.defaultMultivariate)
        constantLiar = try s.bool("constant_liar", default: TPE.defaultConstantLiar)
        startupTrials = try s.int("n_startup_trials", default: TPE.defaultStartupTrials, in: 0...1_000_000)
        eiCandidates = try s.int("n_ei_candidates", default: TPE.defaultEICandidates, in: 1...100_000)
        self.problem = problem
        self.settings = [
            "constant_liar": "\(constantLiar)", "multivariate": "\(multivariate)",
            "n_ei_candidates": "\(eiCandidates)", "n_startup_trials": "\(startupTrials)",
        ]
        jointDimensions = problem.space.parameters
            .filter { problem.space.condition(of: $0.name) == nil }
            .compactMap(TPEDimension.init)
    }

    public mutating func ask<G: RandomNumberGenerator>(using rng: inout G) throws -> Trial? {
        var configuration: Configuration? = nil
        if finished.count >= startupTrials {
            for _ in 0..<TPE.forbiddenRetries {
                let candidate = Configuration(propose(using: &rng))
                if problem.space.contains(candidate) { configuration = candidate; break }
            }
        }
        if configuration == nil {
            do { configuration = try problem.space.sample(using: &rng) } catch {
                throw OptimizerError.samplingFailed(optimizer: name, reason: "\(error)")
            }
        }
        let trial = Trial(id: nextID, configuration: configuration!, fidelity: problem.fullFidelity)
        nextID += 1
        pending[trial.id] = trial.configuration.values
        return trial
    }

    public mutating func tell(_ observation: Observation) {
        let id = observation.trial.id
        guard pending.removeValue(forKey: id) != nil else { return }
        let entry = (id: id, values: observation.trial.configuration.values, loss: problem.rankingLoss(of: observation))
        let position = finished.firstIndex { $0.id > id } ?? finished.count
        finished.insert(entry, at: position)
    }

    /// One model-based proposal: Optuna's split into below/above, then joint or one-by-one sampling.
    func propose<G: RandomNumberGenerator>(using rng: inout G) -> [String: ParameterValue] {
        let nBelow = min(TPE.gamma(finished.count), finished.count)
        let ranked = finished.indices.sorted { finished[$0].loss != finished[$1].loss ? finished[$0].loss < finished[$1].loss : $0 < $1 }
        let belowSet = Set(ranked.prefix(nBelow))
        let below = finished.indices.filter { belowSet.contains($0) }.map { finished[$0] }
        var above = finished.indices.filter { !belowSet.contains($0) }.map { (id: finished[$0].id, values: finished[$0].values) }
        if constantLiar {
            above += pending.keys.sorted().map { (id: $0, values: pending[$0]!) }
            above.sort { $0.id < $1.id }
        }
        let belowValues = below.map(\.values)
        let aboveValues = above.map(\.values)

        var values: [String: ParameterValue] = [:]
        if multivariate && !jointDimensions.isEmpty {
            let joint = sample(jointDimensions, below: belowValues, above: aboveValues, using: &rng)
            for (d, x) in zip(jointDimensions, joint) { values[d.parameter.name] = d.value(ofInternal: x) }
        }
        return problem.space.completingActive(values) { parameter, _ in
            guard let d = TPEDimension(parameter) else { return parameter.defaultValue }
            return d.value(ofInternal: sample([d], below: belowValues, above: aboveValues, using: &rng)[0])
        }
    }

    /// The best of `eiCandidates` draws from l(x) by l(x)/g(x), over `dimensions`, fitted to
    /// the trials where all of them are active (Optuna's `_get_internal_repr`).
    func sample<G: RandomNumberGenerator>(
        _ dimensions: [TPEDimension], below: [[String: ParameterValue]], above: [[String: ParameterValue]], using rng: inout G
    ) -> [Double] {
        func rows(_ trials: [[String: ParameterValue]]) -> [[Double]] {
            trials.compactMap { values in
                var row: [Double] = []
                for d in dimensions {
                    guard let v = values[d.parameter.name] else { return nil }
                    let x = d.internalValue(of: v)
                    guard !x.isNaN else { return nil }
                    row.append(x)
                }
                return row
            }
        }
        let belowRows = rows(below), aboveRows = rows(above)
        let l = ParzenEstimator(observations: belowRows, weights: TPE.weights(belowRows.count), dimensions: dimensions)
        let g = ParzenEstimator(observations: aboveRows, weights: TPE.weights(aboveRows.count), dimensions: dimensions)
        let candidates = l.sample(count: eiCandidates, dimensions: dimensions, using: &rng)
        var best = 0
        var bestScore = -Double.infinity
        for (i, c) in candidates.enumerated() {
            let score = l.logDensity(c) - g.logDensity(c)
            if score > bestScore { best = i; bestScore = score }
        }
        return candidates[best]
    }
}
