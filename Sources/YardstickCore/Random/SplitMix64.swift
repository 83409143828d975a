/// SplitMix64, the 64-bit generator of Steele, Lea & Flood ("Fast splittable pseudorandom
/// number generators", OOPSLA 2014), in the form Vigna publishes at
/// https://prng.di.unimi.it/splitmix64.c. Yardstick uses it to expand one 64-bit seed
/// into the state of `Xoshiro256StarStar`; it is also a fine generator for small jobs.
public struct SplitMix64: RandomNumberGenerator, Sendable, Hashable {
    /// The generator's whole state; saving it saves the stream's position.
    public private(set) var state: UInt64

    /// A generator whose first output is determined by `seed` alone.
    public init(seed: UInt64) { state = seed }

    /// The next 64 random bits.
    public mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
