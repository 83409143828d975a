import Optimizers
import Runner
import TableStore
import YardstickCore

let runCommand = CommandSpec(
    name: "run",
    summary: "run one optimizer on one instance under a budget, in simulated time",
    discussion: """
    Simulates W asynchronous workers: each evaluation occupies a worker for the training time
    the table reports. The run is appended to the results file; a run that file already holds
    complete is not run again. The same arguments give the same evaluations, bit for bit.

    example:
      yardstick run --optimizer random --benchmark lcdb --instance 3 --seed 0 --budget evals=50 --results out.sqlite
    """,
    options: [
        OptionSpec(name: "optimizer", kind: .value, valueName: "NAME", help: "Optimizer (\(OptimizerRegistry.names.joined(separator: ", "))).", required: true),
        OptionSpec(name: "setting", kind: .repeated, valueName: "KEY=VALUE", help: "An optimizer setting."),
        OptionSpec(name: "instance", kind: .value, valueName: "NAME", help: "Instance (dataset/task) name.", required: true),
        OptionSpec(name: "seed", kind: .value, valueName: "S", help: "Run seed (default 0)."),
    ] + runSharedOptions,
    run: { args in
        let table = try openTable(try args.require("benchmark"))
        let settings = try RunSettings(args, table: table, defaultBudget: nil)
        let instance = try args.require("instance")
        let seed = try args.int("seed") ?? 0
        guard seed >= 0 else { throw CLIError.usage("--seed must be ≥ 0, got \(seed)", command: args.command) }
        let choice = OptimizerChoice(name: try args.require("optimizer"),
                                     settings: try parseSettings(args.strings("setting"), command: args.command, qualified: false)[""] ?? [:])
        let tabular = try loadTabular(table, instances: [instance])
        try validateOptimizers([choice], table: tabular, instance: instance, objective: settings.objective, command: args.command)
        let spec = RunSpec(optimizer: choice.name, settings: choice.settings, benchmark: tabular.name, benchmarkHash: tabular.contentHash,
                           instance: instance, seed: seed, budget: settings.budget, workers: settings.workers, objective: settings.objective,
                           seedPolicy: settings.seedPolicy, chargeOverhead: settings.chargeOverhead)
        let resultsPath = try args.require("results")
        let summary: GridSummary
        let stored: StoredRun?
        do throws(RunnerError) {
            summary = try GridRunner(table: tabular, resultsPath: resultsPath, jobs: 1).run([spec])
            stored = try ResultsStore(path: resultsPath).completeRun(spec.key)
        } catch { throw CLIError(error) }
        guard let run = stored else { throw CLIError.io("run \(spec.key) is missing from \(resultsPath) after running") }
        let target = tabular.objectiveIndex(named: settings.objective)!
        let trajectory = Trajectory(evaluations: run.evaluations, target: target, direction: tabular.objectives[target].direction, full: run.fullFidelity)
        print("run \(spec.key.prefix(16)) \(summary.skipped > 0 ? "(already complete in \(resultsPath))" : "→ \(resultsPath)")")
        print("\(choice.name) on \(tabular.name) instance \(instance), seed \(seed), budget \(settings.budget.key), \(settings.workers) workers")
        var rows: [[String]] = [
            ["evaluations", String(run.evaluations.count)],
            ["failed", String(run.failedCount)],
            ["simulated seconds", formatFixed(run.simulatedSeconds, digits: 1)],
            ["optimizer overhead (s)", formatFixed(run.overheadSeconds, digits: 4)],
        ]
        if let best = trajectory.fullFidelity.last {
            rows.append(["incumbent \(settings.objective) (full fidelity)", formatValue(best.value)])
            rows.append(["incumbent", run.evaluations[best.sequence].configuration.canonicalText])
            let regret = regretText(run.evaluations[best.sequence], tabular: tabular, instance: instance, target: target)
            rows.append(["normalized regret (seed mean)", regret])
        } else {
            rows.append(["incumbent \(settings.objective) (full fidelity)", "none (no successful full-fidelity evaluation)"])
        }
        if let best = trajectory.anyFidelity.last { rows.append(["best \(settings.objective) at any fidelity", formatValue(best.value)]) }
        print(textTable(["", "value"], rows), terminator: "")
        return 0
    }
)

func regretText(_ e: EvaluationRecord, tabular: TabularBenchmark, instance: String, target: Int) -> String {
    guard let best = try? tabular.best(target, on: instance), let worst = try? tabular.worst(target, on: instance), worst != best,
          let y = (try? tabular.evaluate(e.configuration, on: instance, at: e.fidelity, seed: nil))?.values[target] else { return "-" }
    return formatFixed((y - best) / (worst - best), digits: 4)
}

/// The default instances of `compare`: 10 spread evenly over the table's instance list
/// (positions ⌊k·n/10⌋, k = 0…9), a fixed development subset that keeps a 5-seed comparison
/// of several optimizers within seconds.
func defaultInstances(_ all: [String]) -> [String] {
    guard all.count > 10 else { return all }
    return (0..<10).map { all[$0 * all.count / 10] }
}

let defaultCompareBudget = "full=10"

let compareCommand = CommandSpec(
    name: "compare",
    summary: "run optimizers × instances × seeds and print a leaderboard",
    discussion: """
    Runs every (optimizer, instance, seed) not already complete in the results file, in
    parallel (--jobs), then ranks the optimizers: mean rank over (instance, seed) cells (ties
    averaged), mean normalized regret (y − best)/(worst − best) of the final full-fidelity
    incumbent scored by its seed-mean value, with a seeded 95% bootstrap interval, and anytime
    regret (area under the regret curve over simulated time, divided by the horizon).

    Interrupted? Run the same command again: completed runs are kept, incomplete ones rerun.
    On a cluster, run shard i of n with --shard i/n (each to its own file), join the files
    with 'yardstick merge', then run compare again without --shard to print the board.

    defaults: --instances: 10 instances spread over the table; --seeds 0..4; --budget \(defaultCompareBudget).

    example:
      yardstick compare --optimizers random,tpe,asha --benchmark lcdb --seeds 0..4 --results compare.sqlite
    """,
    options: [
        OptionSpec(name: "optimizers", kind: .value, valueName: "A,B,…", help: "Optimizers to compare (\(OptimizerRegistry.names.joined(separator: ", "))).", required: true),
        OptionSpec(name: "setting", kind: .repeated, valueName: "OPT.KEY=VALUE", help: "A setting of one optimizer, e.g. tpe.gamma=0.25."),
        OptionSpec(name: "instances", kind: .value, valueName: "I,J|all", help: "Instances (default: 10 spread over the table; 'all' for every one)."),
        OptionSpec(name: "seeds", kind: .value, valueName: "A..B|A,B", help: "Run seeds (default 0..4)."),
        OptionSpec(name: "jobs", kind: .value, valueName: "N", help: "Runs in parallel (default: the number of cores)."),
        OptionSpec(name: "shard", kind: .value, valueName: "i/n", help: "Run only shard i of n of the grid (0 ≤ i < n), and print no board."),
        OptionSpec(name: "progress", kind: .flag, help: "Draw a progress bar on stderr even when it is not a terminal."),
    ] + runSharedOptions,
    run: { args in
        let table = try openTable(try args.require("benchmark"))
        let settings = try RunSettings(args, table: table, defaultBudget: defaultCompareBudget)
        let names = try args.require("optimizers").split(separator: ",").map { String($0).trimmed }.filter { !$0.isEmpty }
        guard !names.isEmpty else { throw CLIError.usage("--optimizers needs at least one name", command: args.command) }
        let perOptimizer = try parseSettings(args.strings("setting"), command: args.command, qualified: true)
        for name in perOptimizer.keys.sorted() where !names.contains(name) {
            throw CLIError.usage("--setting names optimizer '\(name)', which is not in --optimizers", command: args.command)
        }
        let choices = names.map { OptimizerChoice(name: $0, settings: perOptimizer[$0] ?? [:]) }
        let allInstances = table.instances.map(\.name)
        let instances: [String]
        switch args.string("instances") {
        case nil: instances = defaultInstances(allInstances)
        case "all"?: instances = allInstances
        case let text?: instances = text.split(separator: ",").map { String($0).trimmed }
        }
        let seeds: [Int]
        do throws(RunnerError) { seeds = try parseSeeds(args.string("seeds") ?? "0..4") } catch { throw cliError(error, command: args.command) }
        let jobs = try args.int("jobs") ?? processorCount()
        guard jobs >= 1 else { throw CLIError.usage("--jobs must be ≥ 1, got \(jobs)", command: args.command) }
        var shard: (index: Int, count: Int)?
        if let text = args.string("shard") {
            do throws(RunnerError) { shard = try parseShard(text) } catch { throw cliError(error, command: args.command) }
        }
        let tabular = try loadTabular(table, instances: instances)
        guard let first = instances.first else { throw CLIError.usage("--instances is empty", command: args.command) }
        try validateOptimizers(choices, table: tabular, instance: first, objective: settings.objective, command: args.command)
        let grid = ExperimentGrid(optimizers: choices, instances: instances, seeds: seeds, budget: settings.budget, workers: settings.workers,
                                  objective: settings.objective, seedPolicy: settings.seedPolicy, chargeOverhead: settings.chargeOverhead,
                                  benchmark: tabular.name, benchmarkHash: tabular.contentHash)
        let specs = shard.map { grid.specs(shard: $0.index, of: $0.count) } ?? grid.specs
        let resultsPath = try args.require("results")
        let runner = GridRunner(table: tabular, resultsPath: resultsPath, jobs: jobs,
                                showProgress: args.flag("progress") || standardErrorIsTerminal())
        let summary: GridSummary
        do throws(RunnerError) { summary = try runner.run(specs) } catch { throw CLIError(error) }
        if let shard {
            print("shard \(shard.index)/\(shard.count): \(specs.count) of \(grid.specs.count) runs (\(summary.ran) run now, \(summary.skipped) already complete) in \(resultsPath)")
            print("merge the shard files with 'yardstick merge OUT IN...', then rerun this command without --shard for the leaderboard")
            return 0
        }
        var runs: [StoredRun] = []
        do throws(RunnerError) {
            let store = try ResultsStore(path: resultsPath)
            for spec in specs { if let r = try store.completeRun(spec.key) { runs.append(r) } }
        } catch { throw CLIError(error) }
        let target = tabular.objectiveIndex(named: settings.objective)!
        let labels = choices.map { Leaderboard.label(optimizer: $0.name, settings: RunSpec.settingsText($0.settings)) }
        let board = Leaderboard(runs: runs, labels: labels, table: tabular, target: target, horizon: settings.budget.simulatedSeconds)
        print("\(tabular.name): \(instances.count) instances × \(seeds.count) seeds × \(choices.count) optimizers, budget \(settings.budget.key), " +
              "\(settings.workers) workers, objective \(settings.objective) (\(summary.ran) runs run, \(summary.skipped) from \(resultsPath))")
        let rows = board.rows.enumerated().map { i, r in
            [String(i + 1), r.optimizer, formatFixed(r.meanRank, digits: 2), formatFixed(r.meanRegret, digits: 4),
             "[\(formatFixed(r.regretLow, digits: 4)), \(formatFixed(r.regretHigh, digits: 4))]",
             formatFixed(r.anytimeRegret, digits: 4), String(r.runs), String(r.evaluations), String(r.failedEvaluations)]
        }
        print(textTable(["#", "optimizer", "mean rank", "regret", "95% CI", "anytime", "runs", "evals", "failed"], rows), terminator: "")
        return 0
    }
)

let mergeCommand = CommandSpec(
    name: "merge",
    summary: "join results files (e.g. shards) into one, losslessly",
    discussion: """
    Copies every complete run of each IN file into OUT (created if absent). A run OUT already
    holds with identical results is skipped; one with different results is refused (exit 4)
    and nothing of that input is written. Incomplete runs are not copied.
    """,
    positionals: [
        PositionalSpec(name: "OUT", help: "The results file to merge into."),
        PositionalSpec(name: "IN", help: "Results files to merge from.", repeated: true),
    ],
    run: { args in
        let out = try args.require("OUT")
        let inputs = args.strings("IN")
        do throws(RunnerError) {
            let store = try ResultsStore(path: out)
            for input in inputs {
                let s = try store.merge(from: input)
                print("\(input): \(s.added) runs added, \(s.identical) identical skipped, \(s.incomplete) incomplete not copied")
            }
            let counts = try store.runCounts()
            print("\(out): \(counts.complete) complete runs")
        } catch { throw CLIError(error) }
        return 0
    }
)
