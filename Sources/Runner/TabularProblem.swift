import Optimizers
import TableStore
import YardstickCore

extension TabularBenchmark {
    /// The problem an optimizer sees on `instance`, optimizing the objective named `objective`.
    ///
    /// The fidelity ladder is the union of the fidelity points any configuration was
    /// evaluated at on that instance, ascending; its top is the full fidelity. A trial at a
    /// point the table lacks for its configuration becomes a failed evaluation.
    public func problem(on instance: String, objective: String) throws(RunnerError) -> Problem {
        guard instances.contains(instance) else { throw .unknownInstance(name: instance, known: instances) }
        guard let target = objectiveIndex(named: objective) else { throw .unknownObjective(name: objective, known: objectives.map(\.name)) }
        var points = Set<FidelityPoint>()
        for c in configurations {
            guard let p = try? fidelityPoints(of: c, on: instance) else { continue }
            points.formUnion(p)
        }
        let ladder = points.sorted { a, b in
            for i in 0..<a.count where a[i] != b[i] { return a[i] < b[i] }
            return false
        }
        return Problem(space: space, objectives: objectives, targets: [target], fidelities: fidelities, fidelityLadder: ladder)
    }

    /// The simulation environment for `instance`: this table, the problem, and its seeds.
    public func environment(on instance: String, objective: String) throws(RunnerError) -> SimulationEnvironment<TabularBenchmark> {
        let problem = try problem(on: instance, objective: objective)
        let index: Int
        do { index = try self.index(ofInstance: instance) } catch { throw .unknownInstance(name: instance, known: instances) }
        var seedsByPoint: [SeedKey: [Int]] = [:]
        for c in configurations {
            for p in (try? fidelityPoints(of: c, on: instance)) ?? [] {
                seedsByPoint[SeedKey(configuration: c.id, fidelity: p)] = seeds(of: c, instance: index, at: p)
            }
        }
        return SimulationEnvironment(benchmark: self, instance: instance, problem: problem) { [seedsByPoint] configuration, fidelity in
            seedsByPoint[SeedKey(configuration: configuration.id, fidelity: fidelity)] ?? []
        }
    }

    /// The seeds the table holds for one point, ascending, read through the public lookup:
    /// asking for a seed no table can hold answers with the list of those it has.
    func seeds(of configuration: Configuration, instance: Int, at fidelity: FidelityPoint) -> [Int] {
        do {
            _ = try lookup(configuration, instance: instance, at: fidelity, seed: Int.min)
        } catch {
            if case let .unknownSeed(_, available) = error { return available.sorted() }
        }
        return []
    }
}

struct SeedKey: Hashable {
    var configuration: ConfigurationID
    var fidelity: FidelityPoint
}

/// Runs one spec on a tabular benchmark: makes the optimizer, simulates, returns the result.
public func runTabular(_ spec: RunSpec, on table: TabularBenchmark) throws(RunnerError) -> RunResult {
    let environment = try table.environment(on: spec.instance, objective: spec.objective)
    return try simulate(spec, in: environment)
}

/// Makes the optimizer `spec.optimizer` for the environment's problem and simulates the run.
public func simulate<B: Benchmark>(_ spec: RunSpec, in environment: SimulationEnvironment<B>) throws(RunnerError) -> RunResult {
    var optimizer: any Optimizer
    do { optimizer = try OptimizerRegistry.make(spec.optimizer, settings: spec.settings, problem: environment.problem) } catch {
        throw .optimizer(error.description)
    }
    return try Simulator(environment: environment, spec: spec).run(&optimizer)
}
