import Testing
@testable import Optimizers

@Suite struct GaussianTests {
    /// Φ and Φ⁻¹ against `scipy.stats.norm.cdf` (python3 -c 'from scipy.stats import norm; print(repr(norm.cdf(x)))').
    @Test(arguments: [
        (-1.959963984540054, 0.025), (0.0, 0.5), (1.0, 0.8413447460685429), (-5.0, 2.866515718791933e-07), (-30.0, 4.906713927147908e-198),
    ])
    func cdfAndQuantile(x: Double, p: Double) {
        #expect(abs(Gaussian.cdf(x) - p) <= 1e-12 * p)
        #expect(abs(Gaussian.quantile(p) - x) <= 1e-9 * max(1, abs(x)))
    }

    @Test func logMassOfIntervals() {
        // log(Φ(1) − Φ(−1)) from scipy as above; far-tail mass through the log-CDF series.
        #expect(abs(Gaussian.logMass(-1, 1) - (-0.38171514630212616)) < 1e-12)
        #expect(abs(Gaussian.logMass(-41, -40) - Gaussian.logCDF(-40)) < 1e-9 * 800)
        #expect(Gaussian.logMass(30, 31).isFinite)
    }

    @Test func truncatedQuantileStaysInsideItsInterval() {
        var q = 0.0
        while q <= 1 {
            let x = Gaussian.truncatedQuantile(q, a: -0.5, b: 2)
            #expect(x >= -0.5 && x <= 2)
            q += 0.125
        }
        #expect(abs(Gaussian.truncatedQuantile(0.5, a: -1, b: 1)) < 1e-12)
    }
}
