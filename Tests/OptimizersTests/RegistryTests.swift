import Testing
import YardstickCore
@testable import Optimizers

@Suite struct RegistryTests {
    @Test func unknownOptimizerNamesTheKnownOnes() {
        #expect(throws: OptimizerError.self) { try OptimizerRegistry.make("tpee", problem: AnalyticFunction.branin.problem) }
        do {
            _ = try OptimizerRegistry.make("tpee", problem: AnalyticFunction.branin.problem)
        } catch {
            #expect(error.description == "unknown optimizer 'tpee'; known optimizers: " + OptimizerRegistry.names.joined(separator: ", "))
        }
        #expect(OptimizerRegistry.names.starts(with: ["random", "tpe", "re", "sh", "hyperband", "asha", "bohb"]))
    }

    @Test func unknownSettingNamesTheOptimizersSettings() {
        do {
            _ = try OptimizerRegistry.make("tpe", settings: ["gama": "0.1"], problem: AnalyticFunction.branin.problem)
            Issue.record("expected an error")
        } catch {
            #expect(error.description == "optimizer 'tpe' has no setting 'gama'; its settings: constant_liar, multivariate, n_ei_candidates, n_startup_trials")
        }
    }

    @Test(arguments: [
        ("tpe", "multivariate", "maybe", "optimizer 'tpe': setting multivariate=maybe is invalid: expected true or false"),
        ("tpe", "n_ei_candidates", "0", "optimizer 'tpe': setting n_ei_candidates=0 is invalid: expected an integer in 1...100000"),
        ("re", "population_size", "ten", "optimizer 're': setting population_size=ten is invalid: expected an integer in 1...1000000"),
        ("hyperband", "brackets", "li", "optimizer 'hyperband': setting brackets=li is invalid: expected one of hpbandster, paper"),
        ("bohb", "min_points_in_model", "2", "optimizer 'bohb': setting min_points_in_model=2 is invalid: expected an integer in 3...1000000"),
        ("sh", "eta", "1", "optimizer 'sh': setting eta=1 is invalid: expected an integer in 2...1000"),
    ])
    func invalidSettingSaysWhatIsExpected(optimizer: String, key: String, value: String, message: String) {
        do {
            _ = try OptimizerRegistry.make(optimizer, settings: [key: value], problem: MultiFidelityBranin.problem)
            Issue.record("expected an error")
        } catch {
            #expect(error.description == message)
        }
    }

    @Test func settingsRecordTheEffectiveDefaults() throws {
        let tpe = try OptimizerRegistry.make("tpe", problem: AnalyticFunction.branin.problem)
        #expect(tpe.settings == ["constant_liar": "true", "multivariate": "true", "n_ei_candidates": "24", "n_startup_trials": "10"])
        let re = try OptimizerRegistry.make("re", problem: AnalyticFunction.branin.problem)
        #expect(re.settings == ["population_size": "100", "sample_size": "10"])
    }
}
