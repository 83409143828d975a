import TableStore
import YardstickCore

let importLCDBCommand = CommandSpec(
    name: "lcdb",
    summary: "build Data/lcdb.sqlite from the LCDB 0.1.0 source archive",
    discussion: """
    PATH is the PyPI source archive (pip download --no-deps lcdb==0.1.0) or its extracted
    folder. The import is deterministic: the same archive gives the same file, byte for byte.
    It writes to a temporary file and renames it into place only when complete, so an
    existing table is never lost to a failed import.
    """,
    positionals: [PositionalSpec(name: "PATH", help: "lcdb-0.1.0.tar.gz, or the folder it extracts to.")],
    options: [
        OptionSpec(name: "out", kind: .value, valueName: "FILE", help: "Where to write the table (default: Data/lcdb.sqlite)."),
        OptionSpec(name: "force", kind: .flag, help: "Replace the output file if it exists."),
        OptionSpec(name: "quiet", kind: .flag, help: "No progress output."),
    ],
    run: { args in
        let source = try args.require("PATH")
        let out = args.string("out") ?? dataDirectory() + "/lcdb.sqlite"
        if fileExists(out) && !args.flag("force") {
            throw CLIError.io("\(out) already exists; pass --force to replace it")
        }
        var standardError = StandardError()
        let quiet = args.flag("quiet")
        let summary: ImportSummary
        do {
            summary = try LCDBImporter.importTable(from: source, to: out) { message in
                if !quiet { print(message, to: &standardError) }
            }
        } catch let error as ImportError {
            switch error {
            case .cannotRead: throw CLIError.io(error.description)
            default: throw CLIError.badData(error.description)
            }
        } catch let error as TableError {
            throw CLIError(error)
        }
        print("wrote \(out): \(summary.instances) instances, \(summary.configurations) configurations, " +
              "\(summary.points) evaluations in \(summary.rows) result rows, \(humanBytes(fileSize(out)))")
        print("source sha256:  \(summary.sourceSHA256)")
        print("content sha256: \(summary.contentHash)")
        return 0
    }
)

let importCommand = CommandSpec(
    name: "import",
    summary: "build a benchmark table from a published source",
    subcommands: [importLCDBCommand]
)
