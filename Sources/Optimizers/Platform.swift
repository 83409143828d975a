#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

// The one place the Optimizers module imports the C library: the math functions its models
// need, by names that cannot clash with a caller's own `log` or `exp`.

/// The natural logarithm (C `log`).
@usableFromInline func mathLog(_ x: Double) -> Double { log(x) }

/// e to the power `x` (C `exp`).
@usableFromInline func mathExp(_ x: Double) -> Double { exp(x) }

/// `log(1 + x)`, accurate for small `x` (C `log1p`).
@usableFromInline func mathLog1p(_ x: Double) -> Double { log1p(x) }

/// The error function (C `erf`).
@usableFromInline func mathErf(_ x: Double) -> Double { erf(x) }

/// The complementary error function `1 − erf(x)`, accurate in the tail (C `erfc`).
@usableFromInline func mathErfc(_ x: Double) -> Double { erfc(x) }

/// `x` to the power `y` (C `pow`).
@usableFromInline func mathPow(_ x: Double, _ y: Double) -> Double { pow(x, y) }
