import TableStore
import YardstickCore

let queryCommand = CommandSpec(
    name: "query",
    summary: "look up one configuration on one instance at one fidelity",
    discussion: """
    Prints every objective, metric and the cost for one seed, or the mean over the table's
    seeds when --seed is omitted. A configuration, instance, fidelity or seed that the table
    lacks is an error (exit 3) that lists what the table has.

    example:
      yardstick query lcdb --instance 3 --config '{"learner":"SVC_linear"}' --fidelity 256 --seed 0
    """,
    positionals: [PositionalSpec(name: "TABLE", help: "A table file, or a table name in the data folder.")],
    options: [
        OptionSpec(name: "instance", kind: .value, valueName: "NAME", help: "Instance (dataset/task) name.", required: true),
        OptionSpec(name: "config", kind: .value, valueName: "JSON", help: "Configuration as a JSON object.", required: true),
        OptionSpec(name: "fidelity", kind: .value, valueName: "F", help: "Fidelity value (comma-separated for several dimensions).", required: true),
        OptionSpec(name: "seed", kind: .value, valueName: "S", help: "One seed (default: the mean over all seeds)."),
        OptionSpec(name: "json", kind: .flag, help: "Print the answer as one JSON object."),
    ],
    run: { args in
        let table = try openTable(try args.require("TABLE"))
        let configuration: Configuration
        do { configuration = try Configuration(json: try args.require("config")) } catch {
            throw CLIError.usage("--config: \(error)", command: args.command)
        }
        let fidelityText = try args.require("fidelity")
        var fidelity: [Double] = []
        for part in fidelityText.split(separator: ",", omittingEmptySubsequences: false) {
            guard let v = Double(part.trimmed), v.isFinite else {
                throw CLIError.usage("--fidelity expects numbers separated by commas, got '\(fidelityText)'", command: args.command)
            }
            fidelity.append(v)
        }
        let instance = try args.require("instance")
        let seed = try args.int("seed")
        let answer: TableAnswer
        do throws(TableError) { answer = try table.query(configuration, on: instance, at: fidelity, seed: seed) } catch { throw CLIError(error) }
        let d = table.description
        if args.flag("json") {
            var members: [(key: String, value: JSONValue)] = [
                ("table", .string(d.name)), ("instance", .string(instance)),
                ("configuration", configuration.json), ("configuration_id", .string(configuration.id.description)),
                ("fidelity", .object(zip(d.fidelities, fidelity).map { ($0.name, .double($1)) })),
                ("seed", seed.map { .int($0) } ?? .null), ("seeds_averaged", .int(answer.seedCount)),
            ]
            for (o, v) in zip(d.objectives, answer.result.values) { members.append((o.name, jsonNumber(v))) }
            members.append(("cost", jsonNumber(answer.result.cost)))
            print(JSONValue.object(members).serialized())
        } else {
            let fid = zip(d.fidelities, fidelity).map { "\($0.name)=\(formatNumber($1))" }.joined(separator: " ")
            print("\(d.name) instance \(instance), \(configuration.canonicalText) (id \(configuration.id)), \(fid), " +
                  (seed.map { "seed \($0)" } ?? "mean over \(answer.seedCount) seeds"))
            let show = { (v: Double) in answer.seedCount == 1 ? formatValue(v) : formatSignificant(v, digits: 6) }
            var rows = zip(d.objectives, answer.result.values).map { [$0.name, show($1), $0.unit] }
            rows.append(["cost", show(answer.result.cost), "seconds"])
            print(textTable(["value", "", "unit"], rows), terminator: "")
        }
        return 0
    }
)

/// A value read from a table, spelled as the shortest text that reads back to the stored
/// float32 (what the source file said), or as a double when it is a mean.
func formatValue(_ v: Double) -> String {
    guard v.isFinite else { return String(v) }
    let f = Float(v)
    return Double(f) == v ? f.description : v.canonicalSpelling
}

/// `v` rounded to `digits` significant digits, for means (their float noise is not data).
func formatSignificant(_ v: Double, digits: Int) -> String {
    guard v.isFinite, v != 0 else { return v == 0 ? "0" : String(v) }
    var scale = 1.0
    var exponent = 0
    while abs(v) * scale < 1e5 && exponent < 300 { scale *= 10; exponent += 1 }
    while abs(v) * scale >= 1e6 && exponent > -300 { scale /= 10; exponent -= 1 }
    let rounded = (v * scale).rounded() / scale
    return rounded.canonicalSpelling.hasSuffix(".0") ? String(rounded.canonicalSpelling.dropLast(2)) : rounded.canonicalSpelling
}

func jsonNumber(_ v: Double) -> JSONValue {
    guard v.isFinite else { return .null }
    let f = Float(v)
    if Double(f) == v, let d = Double(f.description) { return .double(d) }
    return .double(v)
}
