import Testing
import YardstickCore
@testable import Optimizers

@Suite struct ProblemTests {
    @Test func lossIsOrientedSoSmallerIsBetter() throws {
        let space = try SearchSpace(parameters: [.float(name: "x", lower: 0, upper: 1)])
        let objectives = [Objective(name: "error", direction: .minimize, unit: ""), Objective(name: "accuracy", direction: .maximize, unit: "")]
        let p = Problem(space: space, objectives: objectives, targets: [1], fidelities: [], fidelityLadder: [])
        #expect(p.loss(of: [0.2, 0.8]) == -0.8)
        #expect(p.fullFidelity.count == 0)
    }
}
