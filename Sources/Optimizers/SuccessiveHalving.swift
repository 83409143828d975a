import YardstickCore

/// Successive halving (Jamieson & Talwalkar, "Non-stochastic best arm identification and
/// hyperparameter optimization", AISTATS 2016) as HpBandSter 0.7.4's `SuccessiveHalving`
/// runs it: Hyperband's most exploratory bracket, repeated, with random configurations; η = 3.
public struct SuccessiveHalving: Optimizer {
    /// HpBandSter's `eta`.
    public static let defaultEta = 3
    public static let settingNames = ["eta"]

    public let name = "sh"
    public let settings: [String: String]
    let problem: Problem
    var scheduler: BracketScheduler
    var nextID = 0

    public init(problem: Problem, settings: [String: String] = [:]) throws(OptimizerError) {
        let s = try Settings(optimizer: "sh", values: settings, known: SuccessiveHalving.settingNames)
        let eta = try s.int("eta", default: SuccessiveHalving.defaultEta, in: 2...1000)
        self.problem = problem
        self.settings = ["eta": "\(eta)"]
        scheduler = BracketScheduler(ladder: try RungLadder(problem: problem, eta: eta, optimizer: "sh"), rule: .hpbandster, onlyFirstBracket: true)
    }

    public mutating func ask<G: RandomNumberGenerator>(using rng: inout G) throws -> Trial? {
        let space = problem.space
        let trial = try scheduler.next(id: nextID, using: &rng) { _, rng in try space.randomConfiguration(for: "sh", using: &rng) }
        if trial != nil { nextID += 1 }
        return trial
    }

    public mutating func tell(_ observation: Observation) {
        scheduler.record(id: observation.trial.id, loss: problem.rankingLoss(of: observation))
    }
}

/// Hyperband (Li, Jamieson, DeSalvo, Rostamizadeh & Talwalkar, JMLR 18, 2018, Algorithm 1):
/// successive halving over every bracket s = s_max … 0 in turn, with random configurations.
/// η = 3 and the bracket sizes of HpBandSter 0.7.4 by default (`brackets=paper` gives the
/// paper's Algorithm 1 sizes).
public struct Hyperband: Optimizer {
    /// HpBandSter's `eta`.
    public static let defaultEta = 3
    public static let settingNames = ["brackets", "eta"]

    public let name = "hyperband"
    public let settings: [String: String]
    let problem: Problem
    var scheduler: BracketScheduler
    var nextID = 0

    public init(problem: Problem, settings: [String: String] = [:]) throws(OptimizerError) {
        let s = try Settings(optimizer: "hyperband", values: settings, known: Hyperband.settingNames)
        let eta = try s.int("eta", default: Hyperband.defaultEta, in: 2...1000)
        let rule = try s.bracketRule()
        self.problem = problem
        self.settings = ["brackets": rule.rawValue, "eta": "\(eta)"]
        scheduler = BracketScheduler(ladder: try RungLadder(problem: problem, eta: eta, optimizer: "hyperband"), rule: rule, onlyFirstBracket: false)
    }

    public mutating func ask<G: RandomNumberGenerator>(using rng: inout G) throws -> Trial? {
        let space = problem.space
        let trial = try scheduler.next(id: nextID, using: &rng) { _, rng in try space.randomConfiguration(for: "hyperband", using: &rng) }
        if trial != nil { nextID += 1 }
        return trial
    }

    public mutating func tell(_ observation: Observation) {
        scheduler.record(id: observation.trial.id, loss: problem.rankingLoss(of: observation))
    }
}

extension Settings {
    /// The `brackets` setting: how Hyperband sizes its brackets.
    func bracketRule() throws(OptimizerError) -> HyperbandBrackets.Rule {
        guard let text = values["brackets"] else { return .hpbandster }
        guard let rule = HyperbandBrackets.Rule(rawValue: text) else {
            throw .invalidSetting(optimizer: optimizer, setting: "brackets", value: text,
                                  reason: "expected one of \(HyperbandBrackets.Rule.allCases.map(\.rawValue).joined(separator: ", "))")
        }
        return rule
    }
}

extension SearchSpace {
    /// A random configuration, its failure reported as the optimizer's.
    func randomConfiguration<G: RandomNumberGenerator>(for optimizer: String, using rng: inout G) throws(OptimizerError) -> Configuration {
        do { return try sample(using: &rng) } catch {
            throw .samplingFailed(optimizer: optimizer, reason: "\(error)")
        }
    }
}
