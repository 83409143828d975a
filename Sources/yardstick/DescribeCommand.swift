import TableStore
import YardstickCore

let describeCommand = CommandSpec(
    name: "describe",
    summary: "show a table's space, fidelities, objectives, instances and provenance",
    positionals: [PositionalSpec(name: "TABLE", help: "A table file, or a table name in the data folder (e.g. lcdb).")],
    options: [
        OptionSpec(name: "instances", kind: .flag, help: "List every instance with its title (default: a summary)."),
        OptionSpec(name: "space-json", kind: .flag, help: "Print only the search space, as ConfigSpace JSON."),
        OptionSpec(name: "verify", kind: .flag, help: "Recompute the content hash and check every result blob (slow)."),
    ],
    run: { args in
        let table = try openTable(try args.require("TABLE"))
        let d = table.description
        if args.flag("space-json") {
            print(d.space.configSpaceJSON())
            return 0
        }
        var out = "\(d.name) \(d.version) — \(table.path) (\(humanBytes(fileSize(table.path))))\n"
        out += "license:     \(d.license)\n"
        out += "source:      \(d.source)\n"
        out += "source hash: sha256:\(d.sourceSHA256)\n"
        out += "content:     sha256:\(table.contentHash)\n"
        out += "citation:    \(d.citation)\n"
        out += "provenance:  \(d.provenance)\n"
        out += "seeds:       \(d.seeds)\n"
        for key in d.extra.keys.sorted() { out += "\((key + ":").padding(12)) \(d.extra[key]!)\n" }
        out += "\nsearch space (\(d.space.parameters.count) parameters):\n"
        for p in d.space.parameters { out += "  \(p)\n" }
        if !d.space.conditions.isEmpty {
            out += "conditions:\n"
            for c in d.space.conditions { out += "  \(c)\n" }
        }
        if !d.space.forbidden.isEmpty {
            out += "forbidden:\n"
            for f in d.space.forbidden { out += "  \(f)\n" }
        }
        out += "\nfidelities:\n"
        for f in d.fidelities {
            out += "  \(f.name): \(f.kind.rawValue) in [\(formatNumber(f.lower)), \(formatNumber(f.upper))]\(f.isLogScale ? " (log)" : "")  \(f.description)\n"
        }
        out += "\nobjectives and metrics (cost: seconds):\n"
        out += textTable(["name", "role", "direction", "unit", "description"],
                         d.objectives.map { [$0.name, $0.role.rawValue, $0.direction.rawValue, $0.unit, $0.description] })
            .split(separator: "\n", omittingEmptySubsequences: false).map { $0.isEmpty ? "" : "  " + $0 }.joined(separator: "\n")
        out += "\ninstances: \(table.instances.count); configurations: \(table.configurationCount); result rows: \(table.resultRowCount)\n"
        if args.flag("instances") {
            out += textTable(["instance", "title"], table.instances.map { [$0.name, $0.title] })
        } else {
            out += "  " + shortList(table.instances.map(\.name), limit: 30) + "\n"
            out += "  (--instances lists them with their titles)\n"
        }
        if table.surrogateNames.isEmpty {
            out += "\nsurrogates: none fitted\n"
        } else {
            out += "\nsurrogates: \(table.surrogateNames.joined(separator: ", "))\n"
        }
        print(out, terminator: "")
        if args.flag("verify") {
            let computed: String
            do throws(TableError) { computed = try table.computeContentHash() } catch { throw CLIError(error) }
            guard computed == table.contentHash else {
                throw CLIError.badData("content hash mismatch: metadata says sha256:\(table.contentHash), contents hash to sha256:\(computed)")
            }
            print("verified: every result blob decodes and the content hash matches")
        }
        return 0
    }
)

/// A number as people write it: integers without a decimal point.
func formatNumber(_ x: Double) -> String {
    x.rounded() == x && abs(x) < 1e15 ? String(Int(x)) : (x.isFinite ? x.canonicalSpelling : String(x))
}
