#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

// The one place YardstickCore imports the C library: the math functions it needs, by
// names that cannot clash with a caller's own `log` or `exp`.

/// The natural logarithm (C `log`).
@usableFromInline func cLog(_ x: Double) -> Double { log(x) }

/// e to the power `x` (C `exp`).
@usableFromInline func cExp(_ x: Double) -> Double { exp(x) }

/// The cosine of `x` radians (C `cos`).
@usableFromInline func cCos(_ x: Double) -> Double { cos(x) }
