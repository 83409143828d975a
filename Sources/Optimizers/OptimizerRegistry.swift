/// Makes optimizers by name, as the command line and result files name them.
public enum OptimizerRegistry {
    typealias Factory = @Sendable (Problem, [String: String]) throws(OptimizerError) -> any Optimizer

    static let factories: [(String, Factory)] = [
        ("random", { p, s throws(OptimizerError) in try RandomSearch(problem: p, settings: s) }),
        ("tpe", { p, s throws(OptimizerError) in try TPE(problem: p, settings: s) }),
        ("re", { p, s throws(OptimizerError) in try RegularizedEvolution(problem: p, settings: s) }),
        ("sh", { p, s throws(OptimizerError) in try SuccessiveHalving(problem: p, settings: s) }),
        ("hyperband", { p, s throws(OptimizerError) in try Hyperband(problem: p, settings: s) }),
        ("asha", { p, s throws(OptimizerError) in try ASHA(problem: p, settings: s) }),
        ("bohb", { p, s throws(OptimizerError) in try BOHB(problem: p, settings: s) }),
    ]

    /// Every known optimizer name, in registry order.
    public static var names: [String] { factories.map(\.0) }

    /// The optimizer named `name` with `settings` (`key=value` pairs) for `problem`.
    public static func make(_ name: String, settings: [String: String] = [:], problem: Problem) throws(OptimizerError) -> any Optimizer {
        guard let factory = factories.first(where: { $0.0 == name })?.1 else {
            throw .unknownOptimizer(name: name, known: names)
        }
        return try factory(problem, settings)
    }
}
