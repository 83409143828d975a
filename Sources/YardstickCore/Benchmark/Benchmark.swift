/// What a benchmark answers for one evaluation: every objective and metric (in the
/// benchmark's `objectives` order) and the cost in seconds of producing it.
public struct EvaluationResult: Sendable, Hashable {
    public var values: [Double]
    public var cost: Double

    public init(values: [Double], cost: Double) {
        self.values = values
        self.cost = cost
    }
}

/// The interface every tier of a benchmark answers through (tabular, surrogate, curve, live).
/// An optimizer cannot tell which tier answered; the runner's budget accounting is the same for all.
public protocol Benchmark {
    /// The benchmark's name, e.g. "lcdb".
    var name: String { get }
    /// The configurations it accepts.
    var space: SearchSpace { get }
    /// Its fidelity dimensions, in the order `FidelityPoint` uses.
    var fidelities: [FidelityDimension] { get }
    /// What it reports per evaluation, in the order of `EvaluationResult.values`.
    var objectives: [Objective] { get }
    /// The instance (dataset, task) names it can be asked about.
    var instances: [String] { get }

    /// Evaluates `configuration` on `instance` at `fidelity` for one `seed`, or the mean
    /// over the benchmark's seeds when `seed` is `nil`.
    func evaluate(_ configuration: Configuration, on instance: String, at fidelity: FidelityPoint, seed: Int?) throws -> EvaluationResult
}

extension Benchmark {
    /// The position of the objective named `name`, or `nil`.
    public func objectiveIndex(named name: String) -> Int? { objectives.firstIndex { $0.name == name } }
}
