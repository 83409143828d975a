import Testing
import YardstickCore
@testable import Optimizers

/// Model-based optimizers against random search on analytic functions: mean final regret
/// over 20 seeds after 100 evaluations each (a synchronous loop at full fidelity).
@Suite struct BeatsRandomSearchTests {
    static let seeds: [UInt64] = Array(0..<20)
    static let evaluations = 100

    static func meanRegret(_ optimizer: String, settings: [String: String] = [:], on f: AnalyticFunction) throws -> Double {
        var total = 0.0
        for seed in seeds {
            total += try SyncLoop.run(optimizer, settings: settings, on: f, evaluations: evaluations, seed: seed).best - f.optimum
        }
        return total / Double(seeds.count)
    }

    @Test(arguments: [
        ("tpe", ["multivariate": "true"]), ("tpe", ["multivariate": "false"]),
    ], [AnalyticFunction.branin, .hartmann6])
    func beatsRandomSearch(optimizer: (String, [String: String]), function: AnalyticFunction) throws {
        let random = try Self.meanRegret("random", on: function)
        let model = try Self.meanRegret(optimizer.0, settings: optimizer.1, on: function)
        print("\(function) \(optimizer): mean regret \(model) vs random \(random) (ratio \(model / random))")
        #expect(model <= 0.6 * random)
    }
}
