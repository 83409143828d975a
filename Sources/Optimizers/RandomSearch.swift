import YardstickCore

/// Random search (Bergstra & Bengio, JMLR 13, 2012): independent uniform samples from the
/// space, each evaluated at the full fidelity.
public struct RandomSearch: Optimizer {
    public let name = "random"
    public let settings: [String: String] = [:]
    let problem: Problem
    var nextID = 0

    public init(problem: Problem, settings: [String: String] = [:]) throws(OptimizerError) {
        _ = try Settings(optimizer: "random", values: settings, known: [])
        self.problem = problem
    }

    public mutating func ask<G: RandomNumberGenerator>(using rng: inout G) throws -> Trial? {
        let configuration: Configuration
        do { configuration = try problem.space.sample(using: &rng) } catch {
            throw OptimizerError.samplingFailed(optimizer: name, reason: "\(error)")
        }
        defer { nextID += 1 }
        return Trial(id: nextID, configuration: configuration, fidelity: problem.fullFidelity)
    }

    public mutating func tell(_ observation: Observation) {}
}
