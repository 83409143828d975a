import Optimizers
import YardstickCore

/// What a run evaluates trials against: a benchmark, one of its instances, the problem the
/// optimizer sees, and which table seeds can answer a configuration at a fidelity.
public struct SimulationEnvironment<B: Benchmark> {
    public var benchmark: B
    public var instance: String
    public var problem: Problem
    /// The seeds that can answer (configuration, fidelity), ascending; empty when the
    /// benchmark has no seeds to choose from (it is then asked with `seed: nil`).
    public var seeds: (Configuration, FidelityPoint) -> [Int]

    public init(benchmark: B, instance: String, problem: Problem, seeds: @escaping (Configuration, FidelityPoint) -> [Int]) {
        self.benchmark = benchmark
        self.instance = instance
        self.problem = problem
        self.seeds = seeds
    }
}

/// The asynchronous simulator (after Syne Tune's `SimulatorBackend`): W workers, a simulated
/// clock, and a queue of pending evaluations ordered by (finish time, start order).
///
/// Whenever a worker is free (lowest index first) the optimizer is asked for a trial; a `nil`
/// answer leaves the free workers idle until the next evaluation finishes. An evaluation
/// occupies its worker for the cost the benchmark reports at the trial's fidelity; a trial
/// that resumes another is charged only max(0, cost − cost of the resumed trial). When an
/// evaluation finishes the clock jumps to its end, it is recorded and told to the optimizer,
/// and its worker is free again. Budgets are applied as `Budget` documents.
///
/// Failures: an evaluation fails when the benchmark throws (it then costs 0 seconds: nothing
/// was reported), or reports a NaN value, a wrong number of values, or a non-finite or
/// negative cost (it then costs the reported cost when that is finite and ≥ 0, else 0). A
/// failed evaluation is recorded with its error, told to the optimizer with `failed: true`,
/// and the run goes on. Since failures may cost nothing, a run also stops after
/// `evaluationCap` evaluations whatever its budget.
///
/// The optimizer's compute time in `ask` and `tell` is measured on the monotonic clock and
/// reported; with `spec.chargeOverhead` it also advances the simulated clock (which makes
/// the run depend on the machine, so it is off by default).
public struct Simulator<B: Benchmark> {
    public var environment: SimulationEnvironment<B>
    public var spec: RunSpec
    public var evaluationCap = 1_000_000

    public init(environment: SimulationEnvironment<B>, spec: RunSpec) {
        self.environment = environment
        self.spec = spec
    }

    struct Pending {
        var record: EvaluationRecord
    }

    /// Runs `optimizer` to the end of the budget.
    public func run(_ optimizer: inout some Optimizer) throws(RunnerError) -> RunResult {
        try spec.budget.validate()
        guard spec.workers >= 1 else { throw .invalidWorkers(spec.workers) }
        let problem = environment.problem
        let objectiveNames = problem.objectives.map(\.name)
        let fullFidelity = problem.fullFidelity
        var rng = Xoshiro256StarStar(seed: spec.optimizerSeed)
        var seedRNG = Xoshiro256StarStar(seed: spec.tableSeedStream)

        var time = 0.0
        var free = Array(0..<spec.workers)
        var pending: [EvaluationRecord] = []
        var records: [EvaluationRecord] = []
        var started = 0
        var spentFull = 0.0
        var overhead = 0.0
        var startedTrials: [Int: (fidelity: FidelityPoint, cost: Double)] = [:]
        var stop: StopReason?
        var optimizerIdle = false

        func limitReached() -> StopReason? {
            if let t = spec.budget.simulatedSeconds, time >= t { return .seconds }
            if let n = spec.budget.evaluations, started >= n { return .evaluations }
            if let f = spec.budget.fullFidelityEvaluations, spentFull >= f { return .fullFidelityEvaluations }
            if started >= evaluationCap { return .evaluationCap }
            return nil
        }

        while true {
            optimizerIdle = false
            while let worker = free.first {
                if let reason = limitReached() { stop = reason; break }
                let t0 = monotonicSeconds()
                let asked: Trial?
                do { asked = try optimizer.ask(using: &rng) } catch {
                    throw .optimizer("optimizer '\(spec.optimizer)' failed on instance \(spec.instance), seed \(spec.seed): \(error)")
                }
                let dt = monotonicSeconds() - t0
                overhead += dt
                if spec.chargeOverhead { time += dt }
                guard let trial = asked else { optimizerIdle = true; break }
                if spec.chargeOverhead, let t = spec.budget.simulatedSeconds, time >= t { stop = .seconds; break }
                free.removeFirst()
                var record = evaluate(trial, seedRNG: &seedRNG)
                let previous = trial.resuming.flatMap { startedTrials[$0] }
                record.chargedCost = max(0, record.cost - (previous?.cost ?? 0))
                record.start = time
                record.end = time + record.chargedCost
                record.worker = worker
                record.startOrder = started
                startedTrials[trial.id] = (trial.fidelity, record.failed && record.cost == 0 ? 0 : record.cost)
                spentFull += fraction(trial.fidelity, over: previous?.fidelity, full: fullFidelity)
                started += 1
                pending.append(record)
            }
            guard let next = pending.indices.min(by: { (pending[$0].end, pending[$0].startOrder) < (pending[$1].end, pending[$1].startOrder) }) else {
                if stop == nil { stop = optimizerIdle ? .optimizerExhausted : limitReached() ?? .optimizerExhausted }
                break
            }
            var record = pending.remove(at: next)
            if let t = spec.budget.simulatedSeconds, record.end > t {
                time = t
                stop = .seconds
                break
            }
            time = max(time, record.end)
            record.sequence = records.count
            records.append(record)
            let observation = Observation(trial: Trial(id: record.trial, configuration: record.configuration, fidelity: record.fidelity, resuming: record.resumed),
                                          values: record.failed ? [] : record.values, cost: record.cost, failed: record.failed)
            let t0 = monotonicSeconds()
            optimizer.tell(observation)
            let dt = monotonicSeconds() - t0
            overhead += dt
            if spec.chargeOverhead { time += dt }
            free.append(record.worker)
            free.sort()
        }
        let totalCost = records.reduce(0) { $0 + $1.chargedCost }
        var spent = 0.0
        var fidelityByTrial: [Int: FidelityPoint] = [:]
        for r in records.sorted(by: { $0.startOrder < $1.startOrder }) {
            spent += fraction(r.fidelity, over: r.resumed.flatMap { fidelityByTrial[$0] }, full: fullFidelity)
            fidelityByTrial[r.trial] = r.fidelity
        }
        return RunResult(spec: spec, objectives: objectiveNames, evaluations: records, simulatedSeconds: time,
                         totalCost: totalCost, fullFidelityEvaluations: spent, stopReason: stop ?? .optimizerExhausted,
                         overheadSeconds: overhead)
    }

    /// The full-fidelity-equivalent share of an evaluation at `fidelity` (first dimension),
    /// less what the resumed evaluation at `previous` already spent; 1 without fidelities.
    func fraction(_ fidelity: FidelityPoint, over previous: FidelityPoint?, full: FidelityPoint) -> Double {
        guard fidelity.count > 0, full.count > 0, full[0] > 0 else { return previous == nil ? 1 : 0 }
        return max(0, (fidelity[0] - (previous.map { $0[0] } ?? 0)) / full[0])
    }

    /// Asks the benchmark; every failure becomes a failed record (timing fields are set by the caller).
    func evaluate(_ trial: Trial, seedRNG: inout Xoshiro256StarStar) -> EvaluationRecord {
        let env = environment
        var seed: Int?
        switch spec.seedPolicy {
        case .mean: seed = nil
        case .perRun:
            let seeds = env.seeds(trial.configuration, trial.fidelity)
            seed = seeds.isEmpty ? nil : seeds[Int(spec.tableSeedStream % UInt64(seeds.count))]
        case .perEvaluation:
            let seeds = env.seeds(trial.configuration, trial.fidelity)
            seed = seeds.isEmpty ? nil : seeds[Int(seedRNG.uniformInt(below: UInt64(seeds.count)))]
        }
        var record = EvaluationRecord(sequence: -1, startOrder: -1, trial: trial.id, configuration: trial.configuration,
                                      fidelity: trial.fidelity, resumed: trial.resuming, seed: seed, values: [],
                                      cost: 0, chargedCost: 0, start: 0, end: 0, worker: -1, error: nil)
        let result: EvaluationResult
        do { result = try env.benchmark.evaluate(trial.configuration, on: env.instance, at: trial.fidelity, seed: seed) } catch {
            record.error = "\(error)"
            return record
        }
        record.values = result.values
        record.cost = result.cost.isFinite && result.cost >= 0 ? result.cost : 0
        let names = env.problem.objectives.map(\.name)
        if result.values.count != names.count {
            record.error = "the benchmark reported \(result.values.count) values, expected \(names.count) (\(names.joined(separator: ", ")))"
        } else if let bad = result.values.firstIndex(where: \.isNaN) {
            record.error = "the benchmark reported NaN for \(names[bad])"
        } else if !(result.cost.isFinite && result.cost >= 0) {
            record.error = "the benchmark reported an invalid cost \(result.cost)"
        }
        return record
    }
}
