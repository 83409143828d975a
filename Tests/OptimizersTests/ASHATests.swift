import Testing
import YardstickCore
@testable import Optimizers

@Suite struct ASHATests {
    @Test func promotesAsynchronouslyWithoutWaiting() throws {
        var asha = try ASHA(problem: MultiFidelityBranin.problem)
        var rng = Xoshiro256StarStar(seed: 11)
        // Four workers: keep four trials pending, finish the oldest each time.
        var pending: [Trial] = []
        var all: [Trial] = []
        for _ in 0..<4 { let t = try #require(try asha.ask(using: &rng)); pending.append(t); all.append(t) }
        for _ in 0..<200 {
            let done = pending.removeFirst()
            asha.tell(Observation(trial: done, values: [MultiFidelityBranin.loss(done)], cost: 1))
            let t = try #require(try asha.ask(using: &rng), "ASHA must never wait")
            pending.append(t)
            all.append(t)
        }
        let promotions = all.filter { $0.resuming != nil }
        #expect(!promotions.isEmpty)
        #expect(all.contains { $0.fidelity[0] == 81 })
        let byID = Dictionary(uniqueKeysWithValues: all.map { ($0.id, $0) })
        for p in promotions {
            let from = try #require(byID[p.resuming!])
            #expect(from.configuration == p.configuration)
            let ladder = MultiFidelityBranin.ladder
            #expect(ladder.firstIndex(of: p.fidelity) == ladder.firstIndex(of: from.fidelity)! + 1)
        }
        // No trial is promoted twice.
        #expect(Set(promotions.map(\.resuming)).count == promotions.count)
    }

    @Test func promotesOnlyTheTopThird() throws {
        var asha = try ASHA(problem: MultiFidelityBranin.problem)
        var rng = Xoshiro256StarStar(seed: 2)
        var first: [Trial] = []
        for _ in 0..<3 { first.append(try #require(try asha.ask(using: &rng))) }
        for (t, y) in zip(first, [5.0, 1.0, 3.0]) { asha.tell(Observation(trial: t, values: [y], cost: 1)) }
        let promoted = try #require(try asha.ask(using: &rng))
        #expect(promoted.resuming == first[1].id)
        #expect(promoted.fidelity[0] == 3)
        // One third of three is one: the next trial is new, at the lowest rung.
        let next = try #require(try asha.ask(using: &rng))
        #expect(next.resuming == nil && next.fidelity[0] == 1)
    }
}
