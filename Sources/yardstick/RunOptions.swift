import Optimizers
import Runner
import TableStore
import YardstickCore

/// Options shared by `run` and `compare`.
let runSharedOptions: [OptionSpec] = [
    OptionSpec(name: "benchmark", kind: .value, valueName: "TABLE", help: "A table file, or a table name in the data folder.", required: true),
    OptionSpec(name: "budget", kind: .value, valueName: "LIMITS",
               help: "Comma-separated limits: evals=N (evaluations), full=X (full-fidelity-equivalent evaluations), seconds=S (simulated seconds)."),
    OptionSpec(name: "workers", kind: .value, valueName: "W", help: "Simulated asynchronous workers (default 4, as Syne Tune's benchmarks)."),
    OptionSpec(name: "objective", kind: .value, valueName: "NAME", help: "The objective to optimize (default: the table's first objective)."),
    OptionSpec(name: "seed-policy", kind: .value, valueName: "P",
               help: "Which table seed answers: run (one per run seed and instance; default), evaluation (drawn per evaluation), mean (seed mean)."),
    OptionSpec(name: "charge-overhead", kind: .flag, help: "Advance the simulated clock by the optimizer's measured compute time (not reproducible)."),
    OptionSpec(name: "results", kind: .value, valueName: "FILE", help: "The results SQLite file (created if absent; completed runs are skipped).", required: true),
]

extension CLIError {
    init(_ error: RunnerError) {
        switch error {
        case .invalidBudget, .invalidWorkers, .invalidShard, .invalidSeeds, .unknownObjective:
            self = .usage(error.description, command: "yardstick")
        case .unknownInstance:
            self = .notFound(error.description)
        case .notAResultsFile, .schemaTooNew, .conflictingRun:
            self = .badData(error.description)
        case .optimizer, .database:
            self = .io(error.description)
        }
    }
}

/// Maps runner errors to usage errors of `command` where the user's arguments are at fault.
func cliError(_ error: RunnerError, command: String) -> CLIError {
    switch error {
    case .invalidBudget, .invalidWorkers, .invalidShard, .invalidSeeds, .unknownObjective:
        return .usage(error.description, command: command)
    default:
        return CLIError(error)
    }
}

/// The run settings common to `run` and `compare`, read from the arguments.
struct RunSettings {
    var budget: Budget
    var workers: Int
    var objective: String
    var seedPolicy: SeedPolicy
    var chargeOverhead: Bool

    init(_ args: ParsedArguments, table: BenchmarkTable, defaultBudget: String?) throws(CLIError) {
        guard let budgetText = args.string("budget") ?? defaultBudget else {
            throw .usage("missing --budget <LIMITS> (e.g. evals=50, full=20 or seconds=3600)", command: args.command)
        }
        do throws(RunnerError) { budget = try Budget(parsing: budgetText) } catch { throw cliError(error, command: args.command) }
        workers = try args.int("workers") ?? 4
        guard workers >= 1 else { throw cliError(.invalidWorkers(workers), command: args.command) }
        let objectives = table.description.objectives
        let defaultObjective = objectives.first { $0.role == .objective }?.name ?? objectives[0].name
        let objective = args.string("objective") ?? defaultObjective
        guard objectives.contains(where: { $0.name == objective }) else {
            throw cliError(.unknownObjective(name: objective, known: objectives.map(\.name)), command: args.command)
        }
        self.objective = objective
        let policyText = args.string("seed-policy") ?? SeedPolicy.perRun.rawValue
        guard let policy = SeedPolicy(rawValue: policyText) else {
            throw .usage("--seed-policy must be one of \(SeedPolicy.allCases.map(\.rawValue).joined(separator: ", ")), got '\(policyText)'", command: args.command)
        }
        seedPolicy = policy
        chargeOverhead = args.flag("charge-overhead")
    }
}

/// Reads `--setting` values: `key=value` for `run`, `optimizer.key=value` for `compare`.
func parseSettings(_ texts: [String], command: String, qualified: Bool) throws(CLIError) -> [String: [String: String]] {
    var out: [String: [String: String]] = [:]
    for text in texts {
        guard let eq = text.firstIndex(of: "=") else {
            throw .usage("--setting expects \(qualified ? "OPTIMIZER.KEY=VALUE" : "KEY=VALUE"), got '\(text)'", command: command)
        }
        var key = String(text[..<eq])
        let value = String(text[text.index(after: eq)...])
        var optimizer = ""
        if qualified {
            guard let dot = key.firstIndex(of: ".") else {
                throw .usage("--setting expects OPTIMIZER.KEY=VALUE (e.g. tpe.gamma=0.25), got '\(text)'", command: command)
            }
            optimizer = String(key[..<dot])
            key = String(key[key.index(after: dot)...])
        }
        out[optimizer, default: [:]][key] = value
    }
    return out
}

/// Checks that every optimizer can be made with its settings on `table`'s first chosen instance.
func validateOptimizers(_ choices: [OptimizerChoice], table: TabularBenchmark, instance: String, objective: String, command: String) throws(CLIError) {
    let problem: Problem
    do { problem = try table.problem(on: instance, objective: objective) } catch { throw cliError(error, command: command) }
    for c in choices {
        do { _ = try OptimizerRegistry.make(c.name, settings: c.settings, problem: problem) } catch {
            throw .usage(error.description, command: command)
        }
    }
}

/// Loads the tabular tier of `table` for `instances`, mapping a missing instance to exit 3.
func loadTabular(_ table: BenchmarkTable, instances: [String]) throws(CLIError) -> TabularBenchmark {
    do { return try TabularBenchmark(table: table, instances: instances) } catch { throw CLIError(error) }
}
