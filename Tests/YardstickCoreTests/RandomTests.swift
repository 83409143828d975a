import Testing
@testable import YardstickCore

/// Golden values from scripts/golden_random.py, an independent Python reimplementation.
@Suite struct RandomTests {
    @Test func splitMix64MatchesTheReference() {
        var g = SplitMix64(seed: 0)
        #expect((0..<4).map { _ in g.next() } == [0xe220a8397b1dcdaf, 0x6e789e6aa1b965f4, 0x06c45d188009454f, 0xf88bb8a8724c81ec])
    }

    @Test func xoshiroIsSeededBySplitMix64() {
        let g = Xoshiro256StarStar(seed: 42)
        #expect(g.state == (0xbdd732262feb6e95, 0x28efe333b266f103, 0x47526757130f9f52, 0x581ce1ff0e4ae394))
    }

    @Test func xoshiroMatchesTheReference() {
        var g = Xoshiro256StarStar(seed: 42)
        #expect((0..<6).map { _ in g.next() } == [
            0x15780b2e0c2ec716, 0x6104d9866d113a7e, 0xae17533239e499a1,
            0xecb8ad4703b360a1, 0xfde6dc7fe2ec5e64, 0xc50da53101795238,
        ])
    }

    @Test func uniformDoubleUsesTheTop53Bits() {
        var g = Xoshiro256StarStar(seed: 42)
        #expect((0..<4).map { _ in g.uniformDouble() } == [0.08386297105988216, 0.3789802506626686, 0.6800434110281394, 0.9246929453253876])
    }

    @Test func uniformIntMatchesLemiresMethod() {
        var g = Xoshiro256StarStar(seed: 7)
        #expect((0..<12).map { _ in g.uniformInt(below: 10) } == [7, 2, 8, 9, 9, 8, 0, 1, 4, 1, 5, 7])
        // A bound just above 2^63 rejects about half of all draws, exercising the retry loop.
        var h = Xoshiro256StarStar(seed: 7)
        #expect((0..<6).map { _ in h.uniformInt(below: (1 << 63) + 1) } == [
            6461677535414237997, 7744196453246319819, 9049029322324588832,
            9139072988219048332, 1400256439129669809, 6750200521807187948,
        ])
    }

    @Test func uniformIntBelowOneIsZeroAndConsumesOneDraw() {
        var g = Xoshiro256StarStar(seed: 1)
        var h = g
        #expect(g.uniformInt(below: 1) == 0)
        _ = h.next()
        #expect(g == h)
    }

    @Test func uniformIntIsUnbiasedOverSmallBounds() {
        withEverySeed(0..<3) { seed in
            var g = Xoshiro256StarStar(seed: seed)
            var counts = [Int](repeating: 0, count: 6)
            let n = 60_000
            for _ in 0..<n { counts[Int(g.uniformInt(below: 6))] += 1 }
            // Chi-square with 5 degrees of freedom; 20.5 is its 0.999 quantile.
            let expected = Double(n) / 6
            let chi2 = counts.reduce(0.0) { $0 + (Double($1) - expected) * (Double($1) - expected) / expected }
            #expect(chi2 < 20.5, "seed \(seed): counts \(counts)")
        }
    }

    @Test func normalHasUnitMomentsAndUsesTwoDraws() {
        withEverySeed(0..<3) { seed in
            var g = Xoshiro256StarStar(seed: seed)
            let n = 100_000
            var sum = 0.0, squares = 0.0
            for _ in 0..<n {
                let z = g.normal()
                #expect(z.isFinite, "seed \(seed)")
                sum += z
                squares += z * z
            }
            let mean = sum / Double(n), variance = squares / Double(n) - mean * mean
            #expect(abs(mean) < 0.015, "seed \(seed): mean \(mean)")
            #expect(abs(variance - 1) < 0.02, "seed \(seed): variance \(variance)")
        }
        var a = Xoshiro256StarStar(seed: 9), b = a
        _ = a.normal()
        _ = (b.next(), b.next())
        #expect(a == b)
    }

    @Test func sameSeedSameStreamDifferentSeedDifferentStream() {
        var a = Xoshiro256StarStar(seed: 123), b = Xoshiro256StarStar(seed: 123), c = Xoshiro256StarStar(seed: 124)
        let sa = (0..<8).map { _ in a.next() }, sb = (0..<8).map { _ in b.next() }, sc = (0..<8).map { _ in c.next() }
        #expect(sa == sb)
        #expect(sa != sc)
    }
}
