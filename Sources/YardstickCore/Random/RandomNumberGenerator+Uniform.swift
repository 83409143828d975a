// Swift's `Double.random(in:using:)` and `Int.random(in:using:)` leave their algorithms
// unspecified, so they may change between Swift versions. Yardstick draws every random
// number through these helpers instead, whose algorithms are fixed here.

extension RandomNumberGenerator {
    /// A double uniform in [0, 1): the top 53 bits of one output, times 2^−53
    /// (Vigna, https://prng.di.unimi.it/, "Generating uniform doubles in the unit interval").
    @inlinable public mutating func uniformDouble() -> Double {
        Double(next() >> 11) * 0x1.0p-53
    }

    /// An integer uniform in `0..<bound`, without bias, by Lemire's multiply-and-reject method
    /// (D. Lemire, "Fast random integer generation in an interval", ACM TOMS 29(1), 2019, Algorithm 5).
    /// - Precondition: `bound > 0`.
    @inlinable public mutating func uniformInt(below bound: UInt64) -> UInt64 {
        precondition(bound > 0, "uniformInt(below:) needs a positive bound")
        var product = next().multipliedFullWidth(by: bound)
        if product.low < bound {
            let threshold = (0 &- bound) % bound
            while product.low < threshold {
                product = next().multipliedFullWidth(by: bound)
            }
        }
        return product.high
    }

    /// A standard normal deviate by the Box–Muller transform (Box & Muller, Ann. Math.
    /// Statist. 29(2), 1958): `sqrt(−2 ln u1) · cos(2π u2)` from two uniform draws, with
    /// u1 in (0, 1] so the logarithm is finite. The sine half of the pair is discarded, so
    /// each call consumes exactly two outputs. Its last bits depend on the C library's
    /// `log`, `cos` and `sqrt`.
    @inlinable public mutating func normal() -> Double {
        let u1 = 1.0 - uniformDouble()
        let u2 = uniformDouble()
        return (-2.0 * cLog(u1)).squareRoot() * cCos(2.0 * Double.pi * u2)
    }
}
