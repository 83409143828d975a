#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

// The one place the tests import the C library, for the analytic test functions.

func testCos(_ x: Double) -> Double { cos(x) }
func testExp(_ x: Double) -> Double { exp(x) }
