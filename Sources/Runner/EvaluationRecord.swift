import YardstickCore

/// One finished evaluation of a run, as the results store keeps it.
public struct EvaluationRecord: Sendable {
    /// Position in the run's finishing order (0, 1, …): the order the optimizer was told.
    public var sequence: Int
    /// Position in the run's starting order.
    public var startOrder: Int
    public var trial: Int
    public var configuration: Configuration
    public var fidelity: FidelityPoint
    /// The trial this one continued, when it resumed one.
    public var resumed: Int?
    /// The table seed that answered, or `nil` for the mean over seeds.
    public var seed: Int?
    /// Every objective and metric in the benchmark's order, as reported (empty when the benchmark threw).
    public var values: [Double]
    /// Seconds the benchmark reported for the evaluation at its fidelity (0 when it threw).
    public var cost: Double
    /// Seconds the worker was busy: `cost`, less the resumed trial's cost for a resumed trial.
    public var chargedCost: Double
    /// Simulated start and end time.
    public var start: Double
    public var end: Double
    public var worker: Int
    /// `nil` when the evaluation succeeded; otherwise why it failed.
    public var error: String?

    public var failed: Bool { error != nil }

    public init(sequence: Int, startOrder: Int, trial: Int, configuration: Configuration, fidelity: FidelityPoint,
                resumed: Int?, seed: Int?, values: [Double], cost: Double, chargedCost: Double,
                start: Double, end: Double, worker: Int, error: String?) {
        self.sequence = sequence
        self.startOrder = startOrder
        self.trial = trial
        self.configuration = configuration
        self.fidelity = fidelity
        self.resumed = resumed
        self.seed = seed
        self.values = values
        self.cost = cost
        self.chargedCost = chargedCost
        self.start = start
        self.end = end
        self.worker = worker
        self.error = error
    }
}

/// Why a run stopped.
public enum StopReason: String, Sendable {
    case seconds, evaluations, fullFidelityEvaluations = "full", optimizerExhausted = "exhausted", evaluationCap = "cap"
}

/// A finished run: its spec, every evaluation in finishing order, and its totals.
public struct RunResult: Sendable {
    public var spec: RunSpec
    /// The benchmark's objective and metric names, the order of `EvaluationRecord.values`.
    public var objectives: [String]
    public var evaluations: [EvaluationRecord]
    /// The simulated time the run ended at (the budget's seconds when it cut the run off).
    public var simulatedSeconds: Double
    /// The sum of the evaluations' charged costs (worker-seconds).
    public var totalCost: Double
    /// Full-fidelity-equivalent evaluations spent by the recorded evaluations.
    public var fullFidelityEvaluations: Double
    public var stopReason: StopReason
    /// The optimizer's measured compute time in `ask` and `tell`, in real seconds (not reproducible).
    public var overheadSeconds: Double

    public init(spec: RunSpec, objectives: [String], evaluations: [EvaluationRecord], simulatedSeconds: Double,
                totalCost: Double, fullFidelityEvaluations: Double, stopReason: StopReason, overheadSeconds: Double) {
        self.spec = spec
        self.objectives = objectives
        self.evaluations = evaluations
        self.simulatedSeconds = simulatedSeconds
        self.totalCost = totalCost
        self.fullFidelityEvaluations = fullFidelityEvaluations
        self.stopReason = stopReason
        self.overheadSeconds = overheadSeconds
    }

    public var failedCount: Int { evaluations.count { $0.failed } }
}
