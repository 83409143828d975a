/// `yardstick`: one subcommand per user task. Output goes to stdout, errors to stderr;
/// exit 0 on success, 1 on an unexpected failure, and the codes of `CLIError` otherwise.
let root = CommandSpec(
    name: "yardstick",
    summary: "reproducible benchmarks for hyperparameter and architecture optimization",
    discussion: """
    Tables are self-describing SQLite files under Data/ (override with YARDSTICK_DATA).
    A TABLE argument is a path or the name of a table in that folder (e.g. 'lcdb').

    exit status: 0 success, 1 unexpected failure, 2 wrong arguments, 3 not in the table
    (instance, configuration, fidelity or seed), 4 damaged or malformed data, 5 file I/O error.
    """,
    subcommands: [listCommand, describeCommand, queryCommand, importCommand, runCommand, compareCommand, mergeCommand]
)

var standardError = StandardError()
let arguments = Array(CommandLine.arguments.dropFirst())
do {
    switch try parse(arguments, root: root) {
    case .help(let text):
        print(text, terminator: "")
        exitProcess(0)
    case let .run(spec, parsed):
        exitProcess(try spec.run!(parsed))
    }
} catch let error as CLIError {
    print("error: \(error)", to: &standardError)
    exitProcess(error.exitCode)
} catch {
    print("error: \(error)", to: &standardError)
    exitProcess(1)
}
