import Testing
import YardstickCore
@testable import Optimizers

/// What every optimizer owes the runner: determinism, pending trials, failed evaluations.
@Suite struct ProtocolContractTests {
    static let all: [(String, [String: String])] = [
        ("random", [:]), ("tpe", [:]), ("tpe", ["multivariate": "false"]), ("re", ["population_size": "8", "sample_size": "3"]),
        ("sh", [:]), ("hyperband", [:]), ("asha", [:]), ("bohb", [:]),
    ]

    /// Runs `count` trials with `workers` pending at a time (oldest finished first); every
    /// fifth evaluation fails. Returns the trials in the order asked.
    static func drive(_ name: String, _ settings: [String: String], seed: UInt64, count: Int, workers: Int) throws -> [Trial] {
        var optimizer = try OptimizerRegistry.make(name, settings: settings, problem: MultiFidelityBranin.problem)
        var rng = Xoshiro256StarStar(seed: seed)
        var pending: [Trial] = []
        var asked: [Trial] = []
        while asked.count < count {
            while pending.count < workers, asked.count < count, let t = try optimizer.ask(using: &rng) {
                pending.append(t)
                asked.append(t)
            }
            guard !pending.isEmpty else {
                Issue.record("\(name) returned nil with nothing pending")
                break
            }
            let done = pending.removeFirst()
            let failed = done.id % 5 == 4
            optimizer.tell(Observation(trial: done, values: failed ? [] : [MultiFidelityBranin.loss(done)], cost: 1, failed: failed))
        }
        return asked
    }

    @Test(arguments: all)
    func sameSeedGivesTheSameTrials(optimizer: (String, [String: String])) throws {
        let a = try Self.drive(optimizer.0, optimizer.1, seed: 42, count: 60, workers: 3)
        let b = try Self.drive(optimizer.0, optimizer.1, seed: 42, count: 60, workers: 3)
        let c = try Self.drive(optimizer.0, optimizer.1, seed: 43, count: 60, workers: 3)
        #expect(a.map(\.configuration.id) == b.map(\.configuration.id))
        #expect(a.map(\.fidelity) == b.map(\.fidelity))
        #expect(a.map(\.resuming) == b.map(\.resuming))
        #expect(a.map(\.configuration.id) != c.map(\.configuration.id))
    }

    @Test(arguments: all)
    func handlesPendingTrialsAndFailures(optimizer: (String, [String: String])) throws {
        let trials = try Self.drive(optimizer.0, optimizer.1, seed: 5, count: 60, workers: 4)
        #expect(trials.count == 60)
        #expect(Set(trials.map(\.id)).count == trials.count, "trial ids are unique")
        let space = MultiFidelityBranin.problem.space
        for t in trials { #expect(space.contains(t.configuration)) }
    }

    @Test(arguments: ["tpe", "re"])
    func fourAsksBeforeAnyTellGiveDistinctConfigurations(optimizer: String) throws {
        // Past the random start-up, so that the model (or the population) proposes.
        var o = try OptimizerRegistry.make(optimizer, settings: optimizer == "re" ? ["population_size": "5"] : [:], problem: AnalyticFunction.branin.problem)
        var rng = Xoshiro256StarStar(seed: 9)
        for _ in 0..<12 {
            let t = try #require(try o.ask(using: &rng))
            o.tell(Observation(trial: t, values: [AnalyticFunction.branin.evaluate(t.configuration.values)], cost: 1))
        }
        var batch: [Trial] = []
        for _ in 0..<4 { batch.append(try #require(try o.ask(using: &rng))) }
        #expect(Set(batch.map(\.configuration.id)).count == 4)
        for t in batch.reversed() { o.tell(Observation(trial: t, values: [AnalyticFunction.branin.evaluate(t.configuration.values)], cost: 1)) }
        #expect(try o.ask(using: &rng) != nil)
    }

    @Test func failedTrialsCountAsWorstInTPE() throws {
        var tpe = try TPE(problem: AnalyticFunction.branin.problem)
        var rng = Xoshiro256StarStar(seed: 4)
        for i in 0..<20 {
            let t = try #require(try tpe.ask(using: &rng))
            tpe.tell(Observation(trial: t, values: i % 2 == 0 ? [] : [1], cost: 1, failed: i % 2 == 0))
        }
        #expect(tpe.finished.filter { $0.loss == .infinity }.count == 10)
        #expect(try tpe.ask(using: &rng) != nil)
    }
}
