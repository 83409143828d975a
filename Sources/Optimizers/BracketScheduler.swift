import YardstickCore

/// The rung levels of multi-fidelity optimizers on a problem's fidelity ladder: level k has the
/// geometric budget b_max · η^(k − k_max), where a point's budget is its first fidelity value,
/// and runs at the smallest ladder point whose budget reaches it (the top level at the full fidelity).
struct RungLadder: Sendable {
    let eta: Int
    /// Largest budget over smallest (R in the Hyperband paper).
    let ratio: Double
    /// The ladder point of each level, lowest first.
    let points: [FidelityPoint]

    init(problem: Problem, eta: Int, optimizer: String) throws(OptimizerError) {
        let ladder = problem.fidelityLadder
        guard let first = ladder.first, let last = ladder.last, first.count > 0 else {
            throw .unsupportedProblem(optimizer: optimizer, reason: "it needs a fidelity ladder, and this benchmark has no fidelities")
        }
        let low = first[0], high = last[0]
        guard low > 0, high >= low else {
            throw .unsupportedProblem(optimizer: optimizer, reason: "the fidelity ladder must start at a positive budget, found \(first) to \(last)")
        }
        self.eta = eta
        ratio = high / low
        let top = HyperbandBrackets.maxBracket(maxResource: ratio, eta: Double(eta))
        points = (0...top).map { level in
            if level == top { return last }
            var budget = high
            for _ in level..<top { budget /= Double(eta) }
            return ladder.first { $0[0] >= budget * (1 - 1e-9) } ?? last
        }
    }
}

/// Runs Hyperband's brackets one after another, synchronously: every rung waits for all its
/// trials before the best 1/η move up (successive halving, Jamieson & Talwalkar, AISTATS 2016;
/// Li et al., JMLR 2018). New configurations come from the caller, so random search (Hyperband)
/// and a model (BOHB) share the schedule.
struct BracketScheduler: Sendable {
    let ladder: RungLadder
    let brackets: [HyperbandBrackets.Bracket]
    /// Successive halving runs only the most exploratory bracket, again and again.
    let onlyFirstBracket: Bool

    struct Member { var id: Int; var configuration: Configuration; var loss: Double? }
    struct Running {
        var bracket: HyperbandBrackets.Bracket
        var rung = 0
        /// Configurations of the current rung still to launch, with the trial each resumes.
        var queue: [(configuration: Configuration, resuming: Int?)] = []
        var toSample: Int
        var members: [Member] = []
    }

    var iteration = 0
    var running: Running?

    init(ladder: RungLadder, rule: HyperbandBrackets.Rule, onlyFirstBracket: Bool) {
        self.ladder = ladder
        brackets = HyperbandBrackets.brackets(maxResource: ladder.ratio, eta: ladder.eta, rule: rule)
        self.onlyFirstBracket = onlyFirstBracket
    }

    /// The next trial, or `nil` while the current rung waits for pending trials. `newConfiguration`
    /// is asked for each configuration a bracket starts, with the ladder point it starts at.
    mutating func next<G: RandomNumberGenerator>(
        id: Int, using rng: inout G, newConfiguration: (FidelityPoint, inout G) throws -> Configuration
    ) rethrows -> Trial? {
        while true {
            if running == nil {
                let bracket = brackets[onlyFirstBracket ? 0 : iteration % brackets.count]
                iteration += 1
                running = Running(bracket: bracket, toSample: bracket.counts[0])
            }
            let point = ladder.points[running!.bracket.levels[running!.rung]]
            if running!.toSample > 0 {
                running!.toSample -= 1
                let configuration = try newConfiguration(point, &rng)
                running!.members.append(Member(id: id, configuration: configuration, loss: nil))
                return Trial(id: id, configuration: configuration, fidelity: point)
            }
            if !running!.queue.isEmpty {
                let (configuration, resuming) = running!.queue.removeFirst()
                running!.members.append(Member(id: id, configuration: configuration, loss: nil))
                return Trial(id: id, configuration: configuration, fidelity: point, resuming: resuming)
            }
            if running!.members.contains(where: { $0.loss == nil }) { return nil }
            let next = running!.rung + 1
            guard next < running!.bracket.counts.count else {
                running = nil
                continue
            }
            running!.queue = Self.best(running!.members, count: running!.bracket.counts[next]).map { ($0.configuration, $0.id) }
            running!.members = []
            running!.rung = next
        }
    }

    /// Records a finished trial's loss (+∞ when it failed); trials of earlier brackets are ignored.
    mutating func record(id: Int, loss: Double) {
        guard let i = running?.members.firstIndex(where: { $0.id == id }) else { return }
        running!.members[i].loss = loss
    }

    /// The `count` members with the smallest losses, ties broken by trial id.
    static func best(_ members: [Member], count: Int) -> [Member] {
        Array(members.sorted { a, b in
            let la = a.loss ?? .infinity, lb = b.loss ?? .infinity
            return la != lb ? la < lb : a.id < b.id
        }.prefix(count))
    }
}
