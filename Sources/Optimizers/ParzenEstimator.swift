import YardstickCore

/// How TPE sees one parameter, in Optuna's terms: a (log-)numerical distribution with an
/// optional step (integers and ordinals have step 1) or a categorical one.
struct TPEDimension: Sendable {
    enum Kind: Sendable {
        case numerical(low: Double, high: Double, log: Bool, step: Double?)
        case categorical(count: Int)
    }

    let parameter: Parameter
    let kind: Kind

    /// The dimension of a parameter that can take more than one value; `nil` for constants.
    init?(_ parameter: Parameter) {
        self.parameter = parameter
        switch parameter.domain {
        case .float(let l, let u, let log): kind = .numerical(low: l, high: u, log: log, step: nil)
        case .integer(let l, let u, let log): kind = .numerical(low: Double(l), high: Double(u), log: log, step: 1)
        case .ordinal(let s) where s.count > 1: kind = .numerical(low: 0, high: Double(s.count - 1), log: false, step: 1)
        case .categorical(let c, _) where c.count > 1: kind = .categorical(count: c.count)
        default: return nil
        }
    }

    /// The value as the estimator models it: the number itself, or the index of an ordinal or a choice.
    func internalValue(of value: ParameterValue) -> Double {
        switch parameter.domain {
        case .float, .integer: value.doubleValue ?? .nan
        case .ordinal(let values), .categorical(let values, _): values.firstIndex(of: value).map(Double.init) ?? .nan
        case .constant: .nan
        }
    }

    /// The parameter value an internal value stands for.
    func value(ofInternal x: Double) -> ParameterValue {
        switch parameter.domain {
        case .float(let l, let u, _): .float(min(max(x, l), u))
        case .integer: .int(Int(x))
        case .ordinal(let values), .categorical(let values, _): values[Int(x)]
        case .constant(let v): v
        }
    }
}

/// A mixture of product kernels over observations plus one prior kernel (Bergstra et al.,
/// "Algorithms for hyper-parameter optimization", NeurIPS 2011, Sec. 4; with the kernels,
/// bandwidths and weights of Optuna 5.0's `_ParzenEstimator`).
struct ParzenEstimator {
    /// Optuna's default prior weight (`prior_weight=1.0`).
    static let priorWeight = 1.0
    /// Optuna's `consider_magic_clip`: bandwidths at least range / min(100, 1 + kernels).
    static let magicClipCap = 100.0

    enum Kernels {
        /// Per kernel: mean and bandwidth in the (log-)transformed space, the support, and the
        /// log of each kernel's normalizer (its mass on the support, times σ for densities).
        case numerical(mus: [Double], sigmas: [Double], low: Double, high: Double, log: Bool, step: Double?, logNormalizers: [Double])
        /// Per kernel: probabilities of each choice.
        case categorical(probabilities: [[Double]])
    }

    let logWeights: [Double]
    let cumulativeWeights: [Double]
    let kernels: [Kernels]

    /// Fits kernels to `observations` (one row per trial, one internal value per dimension),
    /// oldest first, weighted by `weights` (one per row).
    init(observations: [[Double]], weights: [Double], dimensions: [TPEDimension]) {
        let n = observations.count
        var w = n == 0 ? [1.0] : weights + [ParzenEstimator.priorWeight]
        let total = w.reduce(0, +)
        w = w.map { $0 / total }
        logWeights = w.map(mathLog)
        var cumulative: [Double] = []
        var running = 0.0
        for x in w { running += x; cumulative.append(running) }
        cumulativeWeights = cumulative
        kernels = dimensions.indices.map { d in
            ParzenEstimator.kernels(for: observations.map { $0[d] }, dimension: dimensions[d])
        }
    }

    private static func kernels(for observed: [Double], dimension: TPEDimension) -> Kernels {
        switch dimension.kind {
        case .categorical(let count):
            guard !observed.isEmpty else {
                return .categorical(probabilities: [[Double](repeating: 1 / Double(count), count: count)])
            }
            let kernelCount = Double(observed.count + 1)
            var rows = [[Double]](repeating: [Double](repeating: priorWeight / kernelCount, count: count), count: observed.count + 1)
            for (i, x) in observed.enumerated() { rows[i][Int(x)] += 1 }
            rows = rows.map { row in
                let s = row.reduce(0, +)
                return row.map { $0 / (s == 0 ? 1 : s) }
            }
            return .categorical(probabilities: rows)
        case .numerical(let low, let high, let log, let step):
            var lo = low - (step ?? 0) / 2, hi = high + (step ?? 0) / 2
            var mus = observed
            if log {
                mus = mus.map(mathLog)
                lo = mathLog(lo)
                hi = mathLog(hi)
            }
            var sigmas = [Double](repeating: 0, count: mus.count)
            if !mus.isEmpty {
                let order = mus.indices.sorted { mus[$0] != mus[$1] ? mus[$0] < mus[$1] : $0 < $1 }
                let padded = [lo] + order.map { mus[$0] } + [hi]
                var sorted: [Double] = []
                for i in 1..<(padded.count - 1) {
                    let leftGap: Double = padded[i] - padded[i - 1]
                    let rightGap: Double = padded[i + 1] - padded[i]
                    sorted.append(max(leftGap, rightGap))
                }
                // Optuna's consider_endpoints=False: the outermost kernels ignore the bounds.
                if padded.count >= 4 {
                    sorted[0] = padded[2] - padded[1]
                    sorted[sorted.count - 1] = padded[padded.count - 2] - padded[padded.count - 3]
                }
                let maxSigma = hi - lo
                let minSigma = (hi - lo) / min(magicClipCap, 1 + Double(mus.count + 1))
                for (rank, i) in order.enumerated() { sigmas[i] = min(max(sorted[rank], minSigma), maxSigma) }
            }
            mus.append(0.5 * (lo + hi))
            sigmas.append(hi - lo)
            let logNormalizers = zip(mus, sigmas).map { mu, s in
                Gaussian.logMass((lo - mu) / s, (hi - mu) / s) + (step == nil ? mathLog(s) : 0)
            }
            return .numerical(mus: mus, sigmas: sigmas, low: lo, high: hi, log: log, step: step, logNormalizers: logNormalizers)
        }
    }

    /// `count` draws from the mixture (a kernel by weight, then every dimension from it),
    /// as internal values.
    func sample<G: RandomNumberGenerator>(count: Int, dimensions: [TPEDimension], using rng: inout G) -> [[Double]] {
        (0..<count).map { _ in
            let u = rng.uniformDouble() * cumulativeWeights[cumulativeWeights.count - 1]
            let k = cumulativeWeights.firstIndex { u < $0 } ?? cumulativeWeights.count - 1
            return kernels.indices.map { d in
                switch kernels[d] {
                case .categorical(let probabilities):
                    let row = probabilities[min(k, probabilities.count - 1)]
                    let q = rng.uniformDouble()
                    var cumulative = 0.0
                    for (i, p) in row.enumerated() {
                        cumulative += p
                        if cumulative >= q && p > 0 { return Double(i) }
                    }
                    return Double(row.lastIndex { $0 > 0 } ?? row.count - 1)
                case .numerical(let mus, let sigmas, let lo, let hi, let log, let step, _):
                    let mu = mus[k], sigma = sigmas[k]
                    let z = Gaussian.truncatedQuantile(rng.uniformDouble(), a: (lo - mu) / sigma, b: (hi - mu) / sigma)
                    var x = z * sigma + mu
                    if log { x = mathExp(x) }
                    guard let step, case .numerical(let low, let high, _, _) = dimensions[d].kind else { return x }
                    return min(max(low + ((x - low) / step).rounded(.toNearestOrEven) * step, low), high)
                }
            }
        }
    }

    /// The log density (log mass for stepped and categorical dimensions) of internal values `x`.
    func logDensity(_ x: [Double]) -> Double {
        var terms = logWeights
        for (d, kernel) in kernels.enumerated() {
            switch kernel {
            case .categorical(let probabilities):
                let i = Int(x[d])
                for k in terms.indices { terms[k] += mathLog(probabilities[min(k, probabilities.count - 1)][i]) }
            case .numerical(let mus, let sigmas, let lo, let hi, let log, let step, let logNormalizers):
                if let step {
                    let left = log ? mathLog(x[d] - step / 2) : x[d] - step / 2
                    let right = log ? mathLog(x[d] + step / 2) : x[d] + step / 2
                    for k in terms.indices {
                        let mu = mus[k], s = sigmas[k]
                        terms[k] += Gaussian.logMass((left - mu) / s, (right - mu) / s) - logNormalizers[k]
                    }
                } else {
                    let v = log ? mathLog(x[d]) : x[d]
                    guard v >= lo && v <= hi else { return -.infinity }
                    for k in terms.indices {
                        let z = (v - mus[k]) / sigmas[k]
                        terms[k] += -0.5 * z * z - Gaussian.logSqrtTwoPi - logNormalizers[k]
                    }
                }
            }
        }
        return Gaussian.logSumExp(terms)
    }
}
