import YardstickCore
@testable import Optimizers

/// Branin with an epochs-like fidelity on the ladder 1, 3, 9, 27, 81: the loss at budget b is
/// branin(x) + 10 / b, so lower fidelities are pessimistic but rank configurations alike.
enum MultiFidelityBranin {
    static let ladder: [FidelityPoint] = [1, 3, 9, 27, 81].map { FidelityPoint(Double($0)) }

    static var problem: Problem {
        Problem(space: AnalyticFunction.branin.space, objectives: [Objective(name: "f", direction: .minimize, unit: "")], targets: [0],
                fidelities: [FidelityDimension(name: "epochs", kind: .integer, lower: 1, upper: 81)], fidelityLadder: ladder)
    }

    static func loss(_ trial: Trial) -> Double {
        AnalyticFunction.branin.evaluate(trial.configuration.values) + 10 / trial.fidelity[0]
    }
}
