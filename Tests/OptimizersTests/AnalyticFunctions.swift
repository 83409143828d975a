import Testing
import YardstickCore
@testable import Optimizers

/// A closed-form test function with a known optimum, as a single-objective problem.
struct AnalyticFunction: Sendable, CustomStringConvertible {
    let name: String
    let space: SearchSpace
    let optimum: Double
    let evaluate: @Sendable ([String: ParameterValue]) -> Double

    var description: String { name }

    var problem: Problem {
        Problem(space: space, objectives: [Objective(name: "f", direction: .minimize, unit: "")], targets: [0], fidelities: [], fidelityLadder: [])
    }

    /// Branin–Hoo on [−5, 10] × [0, 15] (Dixon & Szegő, "The global optimization problem", 1978);
    /// global minimum 0.397887 at three points.
    static let branin = AnalyticFunction(
        name: "branin",
        space: try! SearchSpace(parameters: [.float(name: "x1", lower: -5, upper: 10), .float(name: "x2", lower: 0, upper: 15)]),
        optimum: 0.397887
    ) { v in
        let x1 = v["x1"]!.doubleValue!, x2 = v["x2"]!.doubleValue!
        let b = 5.1 / (4 * Double.pi * Double.pi), c = 5 / Double.pi, t = 1 / (8 * Double.pi)
        let s = x2 - b * x1 * x1 + c * x1 - 6
        return s * s + 10 * (1 - t) * testCos(x1) + 10
    }

    /// Hartmann-6 on [0, 1]^6 (Hartman, Naval Research Logistics Quarterly 20, 1973; the
    /// constants of Dixon & Szegő 1978); global minimum −3.32237.
    static let hartmann6 = AnalyticFunction(
        name: "hartmann6",
        space: try! SearchSpace(parameters: (1...6).map { try! .float(name: "x\($0)", lower: 0, upper: 1) }),
        optimum: -3.32237
    ) { v in
        let alpha = [1.0, 1.2, 3.0, 3.2]
        let a: [[Double]] = [
            [10, 3, 17, 3.5, 1.7, 8], [0.05, 10, 17, 0.1, 8, 14],
            [3, 3.5, 1.7, 10, 17, 8], [17, 8, 0.05, 10, 0.1, 14],
        ]
        let p: [[Double]] = [
            [0.1312, 0.1696, 0.5569, 0.0124, 0.8283, 0.5886], [0.2329, 0.4135, 0.8307, 0.3736, 0.1004, 0.9991],
            [0.2348, 0.1451, 0.3522, 0.2883, 0.3047, 0.6650], [0.4047, 0.8828, 0.8732, 0.5743, 0.1091, 0.0381],
        ]
        let x = (1...6).map { v["x\($0)"]!.doubleValue! }
        var total = 0.0
        for i in 0..<4 {
            var inner = 0.0
            for j in 0..<6 { inner += a[i][j] * (x[j] - p[i][j]) * (x[j] - p[i][j]) }
            total -= alpha[i] * testExp(-inner)
        }
        return total
    }
}

/// A synchronous ask → evaluate → tell loop at the full fidelity, as a single worker runs it.
struct SyncLoop {
    /// The best value found after `evaluations` evaluations, and every trial asked for.
    static func run(
        _ optimizerName: String, settings: [String: String] = [:], on function: AnalyticFunction, evaluations: Int, seed: UInt64
    ) throws -> (best: Double, trials: [Trial]) {
        var optimizer = try OptimizerRegistry.make(optimizerName, settings: settings, problem: function.problem)
        var rng = Xoshiro256StarStar(seed: seed)
        var best = Double.infinity
        var trials: [Trial] = []
        while trials.count < evaluations {
            guard let trial = try optimizer.ask(using: &rng) else {
                Issue.record("\(optimizerName) returned nil with nothing pending")
                break
            }
            let y = function.evaluate(trial.configuration.values)
            best = min(best, y)
            trials.append(trial)
            optimizer.tell(Observation(trial: trial, values: [y], cost: 1))
        }
        return (best, trials)
    }
}
