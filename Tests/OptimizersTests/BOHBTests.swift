import Testing
import YardstickCore
@testable import Optimizers

@Suite struct BOHBTests {
    /// Runs BOHB synchronously (a rung at a time) for `count` trials on multi-fidelity Branin.
    static func run(seed: UInt64, count: Int) throws -> (BOHB, [Trial]) {
        var bohb = try BOHB(problem: MultiFidelityBranin.problem)
        var rng = Xoshiro256StarStar(seed: seed)
        var trials: [Trial] = []
        while trials.count < count {
            var batch: [Trial] = []
            while let t = try bohb.ask(using: &rng) { batch.append(t) }
            for t in batch { bohb.tell(Observation(trial: t, values: [MultiFidelityBranin.loss(t)], cost: 1)) }
            trials += batch
        }
        return (bohb, trials)
    }

    @Test func defaultsFollowHpBandSter() throws {
        let bohb = try BOHB(problem: MultiFidelityBranin.problem)
        #expect(bohb.settings == [
            "bandwidth_factor": "3.0", "eta": "3", "min_bandwidth": "0.001", "min_points_in_model": "3",
            "num_samples": "64", "random_fraction": "0.3333333333333333", "top_n_percent": "15",
        ])
    }

    @Test func fitsDensitiesOnceABudgetHasEnoughResults() throws {
        let (bohb, trials) = try Self.run(seed: 1, count: 300)
        #expect(!bohb.models.isEmpty)
        // The first bracket's 81 random configurations give the lowest rung a model.
        #expect(bohb.models[0] != nil || bohb.models.keys.contains { $0 > 0 })
        #expect(trials.filter { $0.resuming != nil }.allSatisfy { $0.fidelity[0] > 1 })
    }

    @Test func modelProposalsImproveOnRandomInTheLowestRung() throws {
        // After the first bracket, new configurations at the lowest fidelity come mostly from
        // the model: their mean Branin value is lower than that of the first, random, rung.
        let (_, trials) = try Self.run(seed: 3, count: 600)
        let lowest = trials.filter { $0.resuming == nil && $0.fidelity[0] == 1 }
        let first = lowest.prefix(81).map { AnalyticFunction.branin.evaluate($0.configuration.values) }
        let later = lowest.dropFirst(81).map { AnalyticFunction.branin.evaluate($0.configuration.values) }
        #expect(!later.isEmpty)
        let laterMean: Double = later.reduce(0, +) / Double(later.count)
        let firstMean: Double = first.reduce(0, +) / Double(first.count)
        print("BOHB lowest rung: random mean \(firstMean), later mean \(laterMean)")
        #expect(laterMean < 0.5 * firstMean)
    }
}
