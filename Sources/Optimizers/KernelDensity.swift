import YardstickCore

/// A product-kernel density over encoded configurations, as statsmodels' `KDEMultivariate`
/// with `bw='normal_reference'` fits it for BOHB: Gaussian kernels on continuous entries
/// (scaled to [0, 1]) and Aitchison–Aitken kernels on categorical ones.
struct KernelDensity {
    /// Per dimension: 0 for continuous, else the number of choices of a categorical.
    let kinds: [Int]
    let data: [[Double]]
    let bandwidths: [Double]

    /// Fits the kernels; bandwidths are Scott's normal reference rule 1.06 σ n^(−1/(4+d))
    /// (statsmodels' `normal_reference`, σ with ddof 0), clipped below at `minBandwidth`.
    init(data: [[Double]], kinds: [Int], minBandwidth: Double) {
        self.kinds = kinds
        self.data = data
        let n = Double(data.count)
        let factor = 1.06 * mathPow(n, -1 / (4 + Double(kinds.count)))
        bandwidths = kinds.indices.map { j in
            let mean = data.reduce(0) { $0 + $1[j] } / n
            let variance = data.reduce(0) { $0 + ($1[j] - mean) * ($1[j] - mean) } / n
            return max(factor * variance.squareRoot(), minBandwidth)
        }
    }

    /// The density at `x`: the mean over data points of the product of kernels.
    func density(_ x: [Double]) -> Double {
        var total = 0.0
        for row in data {
            var product = 1.0
            for j in kinds.indices {
                let h = bandwidths[j]
                if kinds[j] == 0 {
                    let z = (row[j] - x[j]) / h
                    product *= mathExp(-0.5 * z * z - Gaussian.logSqrtTwoPi) / h
                } else {
                    product *= row[j] == x[j] ? 1 - h : h / Double(kinds[j] - 1)
                }
            }
            total += product
        }
        return total / Double(data.count)
    }
}
