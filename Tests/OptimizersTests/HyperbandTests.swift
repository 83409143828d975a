import Testing
import YardstickCore
@testable import Optimizers

@Suite struct HyperbandTests {
    /// Li et al. 2018 (JMLR), Table 1: R = 81, η = 3, by Algorithm 1.
    @Test func paperBracketTable() {
        let brackets = HyperbandBrackets.brackets(maxResource: 81, eta: 3, rule: .paper)
        #expect(brackets.map(\.s) == [4, 3, 2, 1, 0])
        #expect(brackets.map(\.counts) == [[81, 27, 9, 3, 1], [34, 11, 3, 1], [15, 5, 1], [8, 2], [5]])
        #expect(brackets.map(\.resources) == [[1, 3, 9, 27, 81], [3, 9, 27, 81], [9, 27, 81], [27, 81], [81]])
    }

    /// HpBandSter 0.7.4's sizes for the same R and η (`HyperBand.get_next_iteration`:
    /// n0 = floor(5 / (s + 1)) · 3^s).
    @Test func hpbandsterBracketTable() {
        let brackets = HyperbandBrackets.brackets(maxResource: 81, eta: 3, rule: .hpbandster)
        #expect(brackets.map(\.counts) == [[81, 27, 9, 3, 1], [27, 9, 3, 1], [9, 3, 1], [6, 2], [5]])
        #expect(brackets.map(\.resources) == [[1, 3, 9, 27, 81], [3, 9, 27, 81], [9, 27, 81], [27, 81], [81]])
        #expect(brackets.map(\.levels) == [[0, 1, 2, 3, 4], [1, 2, 3, 4], [2, 3, 4], [3, 4], [4]])
    }

    @Test func budgetsMapToTheSmallestLadderPointThatReachesThem() throws {
        var problem = MultiFidelityBranin.problem
        problem.fidelityLadder = [1, 2, 5, 10, 20, 50, 100].map { FidelityPoint(Double($0)) }
        let ladder = try RungLadder(problem: problem, eta: 3, optimizer: "sh")
        // Budgets 100/81, 100/27, 100/9, 100/3, 100 → 2, 5, 20, 50, 100.
        #expect(ladder.points.map { $0[0] } == [2, 5, 20, 50, 100])
    }

    @Test func successiveHalvingPromotesTheBestThirdUpTheLadder() throws {
        var sh = try SuccessiveHalving(problem: MultiFidelityBranin.problem)
        var rng = Xoshiro256StarStar(seed: 7)
        var rungs: [[Trial]] = []
        var losses: [Int: Double] = [:]
        // Drive one bracket rung by rung: ask until nil, then tell everything.
        while rungs.count < 5 {
            var rung: [Trial] = []
            while let t = try sh.ask(using: &rng) { rung.append(t) }
            rungs.append(rung)
            for t in rung {
                let y = MultiFidelityBranin.loss(t)
                losses[t.id] = y
                sh.tell(Observation(trial: t, values: [y], cost: 1))
            }
        }
        #expect(rungs.map(\.count) == [81, 27, 9, 3, 1])
        #expect(rungs.map { Set($0.map { $0.fidelity[0] }) } == [[1], [3], [9], [27], [81]])
        for k in 1..<5 {
            let expected = rungs[k - 1].sorted { losses[$0.id]! < losses[$1.id]! }.prefix(rungs[k].count)
            #expect(rungs[k].map(\.resuming) == expected.map(\.id))
            #expect(rungs[k].map(\.configuration) == expected.map(\.configuration))
        }
        // The next bracket starts over at the lowest fidelity.
        #expect(try sh.ask(using: &rng)?.fidelity[0] == 1)
    }

    @Test func hyperbandCyclesThroughTheBrackets() throws {
        var hb = try Hyperband(problem: MultiFidelityBranin.problem)
        var rng = Xoshiro256StarStar(seed: 3)
        var firstRungs: [(count: Int, fidelity: Double)] = []
        var rungStart = true
        var count = 0
        var fidelity = 0.0
        while firstRungs.count < 5 {
            var batch: [Trial] = []
            while let t = try hb.ask(using: &rng) { batch.append(t) }
            if rungStart { count = batch.count; fidelity = batch[0].fidelity[0] }
            for t in batch { hb.tell(Observation(trial: t, values: [MultiFidelityBranin.loss(t)], cost: 1)) }
            // A bracket ends with its full-fidelity rung.
            if batch[0].fidelity[0] == 81 {
                firstRungs.append((count, fidelity))
                rungStart = true
            } else {
                rungStart = false
            }
        }
        #expect(firstRungs.map(\.count) == [81, 27, 9, 6, 5])
        #expect(firstRungs.map(\.fidelity) == [1, 3, 9, 27, 81])
    }

    @Test func waitsForPendingTrialsOfARung() throws {
        var sh = try SuccessiveHalving(problem: MultiFidelityBranin.problem)
        var rng = Xoshiro256StarStar(seed: 1)
        var rung: [Trial] = []
        while let t = try sh.ask(using: &rng) { rung.append(t) }
        for t in rung.dropLast() { sh.tell(Observation(trial: t, values: [MultiFidelityBranin.loss(t)], cost: 1)) }
        #expect(try sh.ask(using: &rng) == nil)
        sh.tell(Observation(trial: rung.last!, values: [MultiFidelityBranin.loss(rung.last!)], cost: 1))
        #expect(try sh.ask(using: &rng)?.resuming != nil)
    }

    @Test(arguments: ["sh", "hyperband", "asha", "bohb"])
    func needsAFidelityLadder(optimizer: String) {
        #expect(throws: OptimizerError.unsupportedProblem(optimizer: optimizer, reason: "it needs a fidelity ladder, and this benchmark has no fidelities")) {
            try OptimizerRegistry.make(optimizer, problem: AnalyticFunction.branin.problem)
        }
    }
}
