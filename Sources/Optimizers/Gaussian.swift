/// The standard normal distribution and its truncations, as the Parzen estimators of TPE
/// and the kernel densities of BOHB need them: CDF, log-CDF, log mass of an interval,
/// quantiles, and the truncated density. Mirrors the numerics of Optuna 5.0's
/// `samplers/_tpe/_truncnorm.py` (tail-safe log-CDF, left-tail evaluation by symmetry).
enum Gaussian {
    static let logSqrtTwoPi = 0.918_938_533_204_672_7
    static let sqrtTwo = 1.414_213_562_373_095_1

    /// Φ(a), with `erfc` in both tails so neither loses precision to cancellation.
    static func cdf(_ a: Double) -> Double {
        let x = a / sqrtTwo
        if x < -1 / sqrtTwo { return 0.5 * mathErfc(-x) }
        if x < 1 / sqrtTwo { return 0.5 + 0.5 * mathErf(x) }
        return 1 - 0.5 * mathErfc(x)
    }

    /// log Φ(a); below −20 by the asymptotic series of the Mills ratio (Abramowitz & Stegun 26.2.12).
    static func logCDF(_ a: Double) -> Double {
        if a > 6 { return -cdf(-a) }
        if a > -20 { return mathLog(cdf(a)) }
        let logLHS = -0.5 * a * a - mathLog(-a) - logSqrtTwoPi
        var last = 0.0, sum = 1.0, numerator = 1.0, denominator = 1.0, sign = 1.0
        var i = 0.0
        while abs(last - sum) > Double.ulpOfOne {
            i += 1
            last = sum
            sign = -sign
            denominator *= 1 / (a * a)
            numerator *= 2 * i - 1
            sum += sign * numerator * denominator
        }
        return logLHS + mathLog(sum)
    }

    /// log(Φ(b) − Φ(a)) for a < b, computed in the left tail (by symmetry) where it is accurate.
    static func logMass(_ a: Double, _ b: Double) -> Double {
        func left(_ a: Double, _ b: Double) -> Double {
            let lb = logCDF(b), la = logCDF(a)
            return lb + mathLog1p(-mathExp(la - lb))
        }
        if b <= 0 { return left(a, b) }
        if a > 0 { return left(-b, -a) }
        return mathLog1p(-cdf(a) - cdf(-b))
    }

    /// Φ⁻¹(p): Acklam's rational approximation (relative error 1.15e-9) refined by one Halley
    /// step on `erfc`, which brings it to about full double precision.
    static func quantile(_ p: Double) -> Double {
        if p <= 0 { return -.infinity }
        if p >= 1 { return .infinity }
        let a = [-3.969683028665376e+01, 2.209460984245205e+02, -2.759285104469687e+02, 1.383577518672690e+02, -3.066479806614716e+01, 2.506628277459239e+00]
        let b = [-5.447609879822406e+01, 1.615858368580409e+02, -1.556989798598866e+02, 6.680131188771972e+01, -1.328068155288572e+01]
        let c = [-7.784894002430293e-03, -3.223964580411365e-01, -2.400758277161838e+00, -2.549732539343734e+00, 4.374664141464968e+00, 2.938163982698783e+00]
        let d = [7.784695709041462e-03, 3.224671290700398e-01, 2.445134137142996e+00, 3.754408661907416e+00]
        let low = 0.02425
        var x: Double
        if p < low || p > 1 - low {
            let q = (-2 * mathLog(p < low ? p : 1 - p)).squareRoot()
            x = (((((c[0] * q + c[1]) * q + c[2]) * q + c[3]) * q + c[4]) * q + c[5]) / ((((d[0] * q + d[1]) * q + d[2]) * q + d[3]) * q + 1)
            if p > 1 - low { x = -x }
        } else {
            let q = p - 0.5
            let r = q * q
            x = (((((a[0] * r + a[1]) * r + a[2]) * r + a[3]) * r + a[4]) * r + a[5]) * q / (((((b[0] * r + b[1]) * r + b[2]) * r + b[3]) * r + b[4]) * r + 1)
        }
        let e = 0.5 * mathErfc(-x / sqrtTwo) - p
        let u = e * mathExp(logSqrtTwoPi + 0.5 * x * x)
        return x - u / (1 + x * u / 2)
    }

    /// The `q`-quantile of the standard normal truncated to [a, b], clipped to [a, b];
    /// evaluated in whichever tail keeps the probabilities small.
    static func truncatedQuantile(_ q: Double, a: Double, b: Double) -> Double {
        let x: Double
        if a < 0 {
            let pa = cdf(a), pb = cdf(b)
            x = quantile(pa + q * (pb - pa))
        } else {
            let pa = cdf(-a), pb = cdf(-b)
            x = -quantile(pb + (1 - q) * (pa - pb))
        }
        return min(max(x, a), b)
    }

    /// log Σ exp(values), safe when all are −∞.
    static func logSumExp(_ values: [Double]) -> Double {
        guard let m = values.max(), m > -.infinity else { return -.infinity }
        var s = 0.0
        for v in values { s += mathExp(v - m) }
        return m + mathLog(s)
    }
}
