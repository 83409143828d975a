import YardstickCore

/// The incumbent of a run over time: the best target value so far among non-failed
/// evaluations, each time it improves, with the simulated time and the cumulative charged
/// cost at which it was told to the optimizer.
public struct Trajectory: Sendable {
    public struct Point: Sendable, Hashable {
        public var time: Double
        public var cumulativeCost: Double
        public var value: Double
        /// The evaluation's position in the run's finishing order.
        public var sequence: Int
    }

    /// Incumbents among evaluations at the full fidelity only.
    public var fullFidelity: [Point]
    /// Incumbents among evaluations at any fidelity.
    public var anyFidelity: [Point]

    /// Builds both trajectories from `evaluations` (in finishing order) for the value at
    /// position `target`, better in `direction`; `full` is the problem's full fidelity.
    public init(evaluations: [EvaluationRecord], target: Int, direction: Direction, full: FidelityPoint) {
        fullFidelity = []
        anyFidelity = []
        var cost = 0.0
        for e in evaluations {
            cost += e.chargedCost
            guard !e.failed, target < e.values.count else { continue }
            let v = e.values[target]
            let point = Point(time: e.end, cumulativeCost: cost, value: v, sequence: e.sequence)
            if anyFidelity.last.map({ direction.isBetter(v, than: $0.value) }) ?? true { anyFidelity.append(point) }
            if e.fidelity == full, fullFidelity.last.map({ direction.isBetter(v, than: $0.value) }) ?? true { fullFidelity.append(point) }
        }
    }
}
