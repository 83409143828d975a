/// The brackets of Hyperband (Li, Jamieson, DeSalvo, Rostamizadeh & Talwalkar, "Hyperband: a
/// novel bandit-based approach to hyperparameter optimization", JMLR 18, 2018, Algorithm 1):
/// for each `s`, how many configurations start and at which resources each rung runs them.
public enum HyperbandBrackets {
    /// How the number of configurations in a bracket's first rung is computed.
    public enum Rule: String, Sendable, CaseIterable {
        /// HpBandSter 0.7.4: n₀ = ⌊(s_max + 1)/(s + 1)⌋ · η^s, n_i = max(⌊n₀ η^−i⌋, 1).
        case hpbandster
        /// The paper's Algorithm 1: n = ⌈(s_max + 1) η^s / (s + 1)⌉, n_i = ⌊n η^−i⌋.
        case paper
    }

    /// One bracket: its `s`, and per rung the number of configurations and their resource
    /// (in units of the smallest resource, so the last rung's is R).
    public struct Bracket: Sendable, Equatable {
        public var s: Int
        public var counts: [Int]
        public var resources: [Double]
        /// The rung level (0 = smallest resource) of each rung.
        public var levels: [Int]
    }

    /// s_max = ⌊log_η R⌋, robust to rounding (81 with η = 3 gives 4).
    public static func maxBracket(maxResource r: Double, eta: Double) -> Int {
        var s = 0
        var power = eta
        while power <= r * (1 + 1e-9) {
            s += 1
            power *= eta
        }
        return s
    }

    /// The brackets for resource ratio `r` (largest / smallest resource) and `eta`, from the
    /// most exploratory (s = s_max) to plain full-resource evaluation (s = 0).
    public static func brackets(maxResource r: Double, eta: Int, rule: Rule = .hpbandster) -> [Bracket] {
        let e = Double(eta)
        let sMax = maxBracket(maxResource: r, eta: e)
        func power(_ k: Int) -> Int { (0..<k).reduce(1) { acc, _ in acc * eta } }
        return (0...sMax).reversed().map { s in
            let first: Int
            switch rule {
            case .hpbandster: first = ((sMax + 1) / (s + 1)) * power(s)
            case .paper: first = ((sMax + 1) * power(s) + s) / (s + 1)
            }
            let counts = (0...s).map { i in
                let n = first / power(i)
                return rule == .hpbandster ? max(n, 1) : n
            }
            let resources = (0...s).map { i in r / Double(power(s - i)) }
            return Bracket(s: s, counts: counts, resources: resources, levels: (0...s).map { sMax - s + $0 })
        }
    }
}
