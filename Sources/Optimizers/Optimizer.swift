import YardstickCore

/// One evaluation an optimizer asks for: a configuration at a fidelity.
///
/// `id` is assigned by the optimizer and unique within a run. A trial that continues an
/// earlier one from where it stopped (freeze-thaw, or promotion of the same model in
/// successive halving when the benchmark supports resuming) names it in `resuming`; the
/// runner then charges only the cost the higher fidelity adds.
public struct Trial: Sendable, Hashable {
    public var id: Int
    public var configuration: Configuration
    public var fidelity: FidelityPoint
    public var resuming: Int?

    public init(id: Int, configuration: Configuration, fidelity: FidelityPoint, resuming: Int? = nil) {
        self.id = id
        self.configuration = configuration
        self.fidelity = fidelity
        self.resuming = resuming
    }
}

/// What the runner tells an optimizer about a finished trial.
public struct Observation: Sendable {
    public var trial: Trial
    /// Every objective and metric in the problem's `objectives` order; empty when `failed`.
    public var values: [Double]
    /// Seconds the evaluation cost (at its fidelity; the full cost, not only the resumed part).
    public var cost: Double
    /// The learning curve so far, when the benchmark reports one: (fidelity, values) pairs.
    public var curve: [(FidelityPoint, [Double])]
    /// `true` when the evaluation failed (the benchmark threw or returned NaN).
    public var failed: Bool

    public init(trial: Trial, values: [Double], cost: Double, curve: [(FidelityPoint, [Double])] = [], failed: Bool = false) {
        self.trial = trial
        self.values = values
        self.cost = cost
        self.curve = curve
        self.failed = failed
    }
}

/// What an optimizer optimizes: the space, the fidelity ladder, and which objectives count.
public struct Problem: Sendable {
    public var space: SearchSpace
    public var objectives: [Objective]
    /// Positions in `objectives` that are optimized (one for single-objective runs).
    public var targets: [Int]
    /// The fidelity dimensions; empty for a benchmark without fidelities.
    public var fidelities: [FidelityDimension]
    /// The fidelity points an optimizer may ask for, ascending (the benchmark's anchors on
    /// tables; a geometric grid for continuous fidelities). The last is the full fidelity.
    public var fidelityLadder: [FidelityPoint]

    public init(space: SearchSpace, objectives: [Objective], targets: [Int], fidelities: [FidelityDimension], fidelityLadder: [FidelityPoint]) {
        precondition(!targets.isEmpty && targets.allSatisfy { objectives.indices.contains($0) }, "targets must name objectives")
        self.space = space
        self.objectives = objectives
        self.targets = targets
        self.fidelities = fidelities
        self.fidelityLadder = fidelityLadder
    }

    /// The full fidelity (the top of the ladder), or an empty point without fidelities.
    public var fullFidelity: FidelityPoint { fidelityLadder.last ?? FidelityPoint([]) }

    /// The single target's value of an observation, oriented so that smaller is better.
    public func loss(of values: [Double]) -> Double {
        let t = targets[0]
        return objectives[t].direction == .minimize ? values[t] : -values[t]
    }
}

/// An optimizer behind the ask/tell protocol. Every optimizer is a value whose randomness
/// comes only from the generator passed to `ask`, so the same seed gives the same run.
///
/// The runner calls `ask` whenever a worker is free, possibly several times before any
/// `tell` (asynchronous workers: the asked trials are pending). `ask` returns `nil` when the
/// optimizer has nothing to propose until a pending trial finishes (e.g. a synchronous
/// successive-halving rung); the runner then waits for the next finished trial.
public protocol Optimizer {
    /// A short name, e.g. "tpe".
    var name: String { get }
    /// The settings that define this optimizer's behaviour, as recorded with every run.
    var settings: [String: String] { get }

    /// The next trial to evaluate, or `nil` when nothing can be proposed until a pending trial finishes.
    mutating func ask<G: RandomNumberGenerator>(using rng: inout G) throws -> Trial?
    /// Reports a finished trial.
    mutating func tell(_ observation: Observation)
}
