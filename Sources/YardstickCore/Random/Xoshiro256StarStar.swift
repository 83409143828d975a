/// xoshiro256**, the all-purpose 64-bit generator of Blackman & Vigna ("Scrambled linear
/// pseudorandom number generators", ACM TOMS 47(4), 2021; reference code at
/// https://prng.di.unimi.it/xoshiro256starstar.c). Period 2^256 − 1, 32 bytes of state.
///
/// Yardstick's generator for everything random: the outputs depend only on the seed, never
/// on the machine or the Swift version.
public struct Xoshiro256StarStar: RandomNumberGenerator, Sendable, Hashable {
    /// The generator's whole state; `init(state:)` resumes the stream from it.
    public private(set) var state: (UInt64, UInt64, UInt64, UInt64)

    /// A generator seeded from one 64-bit number, its state filled by four outputs of
    /// `SplitMix64(seed:)` as the authors recommend (a state of all zeros is impossible).
    public init(seed: UInt64) {
        var s = SplitMix64(seed: seed)
        state = (s.next(), s.next(), s.next(), s.next())
    }

    /// A generator with the given state.
    /// - Precondition: not all four words are zero (xoshiro's one fixed point).
    public init(state: (UInt64, UInt64, UInt64, UInt64)) {
        precondition(state != (0, 0, 0, 0), "xoshiro256** needs a state that is not all zeros")
        self.state = state
    }

    /// The next 64 random bits.
    public mutating func next() -> UInt64 {
        let result = rotateLeft(state.1 &* 5, by: 7) &* 9
        let t = state.1 << 17
        state.2 ^= state.0
        state.3 ^= state.1
        state.1 ^= state.2
        state.0 ^= state.3
        state.2 ^= t
        state.3 = rotateLeft(state.3, by: 45)
        return result
    }

    private func rotateLeft(_ x: UInt64, by k: UInt64) -> UInt64 { (x << k) | (x >> (64 - k)) }

    public static func == (a: Xoshiro256StarStar, b: Xoshiro256StarStar) -> Bool { a.state == b.state }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(state.0)
        hasher.combine(state.1)
        hasher.combine(state.2)
        hasher.combine(state.3)
    }
}
