import YardstickCore

/// Asynchronous successive halving (Li, Jamieson, Rostamizadeh, Gonina, Ben-tzur, Hardt,
/// Recht & Talwalkar, "A system for massively parallel hyperparameter tuning", MLSys 2020,
/// Algorithm 2, promotion variant), with Syne Tune's defaults: grace period at the lowest
/// rung (the ladder's first point), reduction factor 3.
///
/// Whenever a worker is free, the highest rung with a finished trial ranked in the top 1/η of
/// that rung and not yet promoted promotes it one rung up (resuming it); otherwise a new random
/// configuration starts at the lowest rung. It never waits, so `ask` never returns `nil`.
public struct ASHA: Optimizer {
    /// Syne Tune's `reduction_factor`.
    public static let defaultReductionFactor = 3
    public static let settingNames = ["reduction_factor"]

    public let name = "asha"
    public let settings: [String: String]
    let problem: Problem
    let ladder: RungLadder
    var nextID = 0

    struct Entry { var id: Int; var configuration: Configuration; var loss: Double; var promoted: Bool }
    /// Finished trials per rung level.
    var rungs: [[Entry]]
    /// Rung level of each pending trial.
    var pendingLevel: [Int: Int] = [:]

    public init(problem: Problem, settings: [String: String] = [:]) throws(OptimizerError) {
        let s = try Settings(optimizer: "asha", values: settings, known: ASHA.settingNames)
        let eta = try s.int("reduction_factor", default: ASHA.defaultReductionFactor, in: 2...1000)
        self.problem = problem
        self.settings = ["reduction_factor": "\(eta)"]
        ladder = try RungLadder(problem: problem, eta: eta, optimizer: "asha")
        rungs = Array(repeating: [], count: ladder.points.count)
    }

    public mutating func ask<G: RandomNumberGenerator>(using rng: inout G) throws -> Trial? {
        defer { nextID += 1 }
        for level in stride(from: rungs.count - 2, through: 0, by: -1) {
            guard let i = promotable(at: level) else { continue }
            rungs[level][i].promoted = true
            let entry = rungs[level][i]
            pendingLevel[nextID] = level + 1
            return Trial(id: nextID, configuration: entry.configuration, fidelity: ladder.points[level + 1], resuming: entry.id)
        }
        let configuration = try problem.space.randomConfiguration(for: name, using: &rng)
        pendingLevel[nextID] = 0
        return Trial(id: nextID, configuration: configuration, fidelity: ladder.points[0])
    }

    public mutating func tell(_ observation: Observation) {
        guard let level = pendingLevel.removeValue(forKey: observation.trial.id) else { return }
        rungs[level].append(Entry(id: observation.trial.id, configuration: observation.trial.configuration,
                                  loss: problem.rankingLoss(of: observation), promoted: false))
    }

    /// The best not-yet-promoted entry among the top ⌊n/η⌋ of a rung, if any.
    func promotable(at level: Int) -> Int? {
        let rung = rungs[level]
        let top = rung.count / ladder.eta
        guard top > 0 else { return nil }
        let ranked = rung.indices.sorted { rung[$0].loss != rung[$1].loss ? rung[$0].loss < rung[$1].loss : rung[$0].id < rung[$1].id }
        return ranked.prefix(top).first { !rung[$0].promoted }
    }
}
