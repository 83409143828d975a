/// One option a command accepts: a flag (`--json`) or an option with a value (`--seed 3`).
struct OptionSpec: Sendable {
    enum Kind: Sendable { case flag, value, repeated }
    var name: String
    var kind: Kind
    var valueName: String = "VALUE"
    var help: String
    var required = false
}

/// One positional argument of a command.
struct PositionalSpec: Sendable {
    var name: String
    var help: String
    var optional = false
    /// Takes every remaining argument (only the last positional); read them with `strings(name)`.
    var repeated = false
}

/// A command of the tool, described as data: the parser and the `--help` text are derived
/// from it, so every command gets the same behaviour.
struct CommandSpec: Sendable {
    var name: String
    var summary: String
    var discussion: String = ""
    var positionals: [PositionalSpec] = []
    var options: [OptionSpec] = []
    var subcommands: [CommandSpec] = []
    var run: (@Sendable (ParsedArguments) throws -> Int32)?

    /// The `--help` text.
    func help(path: String) -> String {
        var usage = "usage: \(path)"
        if !subcommands.isEmpty { usage += " <subcommand>" }
        for o in options where o.required { usage += " --\(o.name) <\(o.valueName)>" }
        if options.contains(where: { !$0.required }) { usage += " [options]" }
        for p in positionals { usage += (p.optional ? " [\(p.name)]" : " <\(p.name)>") + (p.repeated ? "..." : "") }
        var out = "\(path): \(summary)\n\n\(usage)\n"
        if !discussion.isEmpty { out += "\n\(discussion)\n" }
        if !subcommands.isEmpty {
            out += "\nsubcommands:\n"
            let width = subcommands.map(\.name.count).max() ?? 0
            for s in subcommands { out += "  \(s.name.padding(width))  \(s.summary)\n" }
            out += "\nRun '\(path) <subcommand> --help' for details.\n"
        }
        if !positionals.isEmpty {
            out += "\narguments:\n"
            let width = positionals.map(\.name.count).max() ?? 0
            for p in positionals { out += "  \(p.name.padding(width))  \(p.help)\n" }
        }
        let all = options + [OptionSpec(name: "help", kind: .flag, help: "Show this help and exit.")]
        out += "\noptions:\n"
        let labels = all.map { $0.kind == .flag ? "--\($0.name)" : "--\($0.name) <\($0.valueName)>" }
        let width = labels.map(\.count).max() ?? 0
        for (o, label) in zip(all, labels) {
            var line = "  \(label.padding(width))  \(o.help)"
            if o.required { line += " (required)" }
            if o.kind == .repeated { line += " (repeatable)" }
            out += line + "\n"
        }
        return out
    }
}

/// Arguments after parsing, with typed accessors that produce usage errors naming the option.
struct ParsedArguments {
    var command: String
    var positionals: [String: String] = [:]
    var values: [String: [String]] = [:]
    var flags: Set<String> = []

    func flag(_ name: String) -> Bool { flags.contains(name) }
    func string(_ name: String) -> String? { values[name]?.last }
    func strings(_ name: String) -> [String] { values[name] ?? [] }
    func positional(_ name: String) -> String? { positionals[name] }

    func require(_ name: String) throws(CLIError) -> String {
        guard let v = string(name) ?? positional(name) else {
            throw .usage("missing \(positionals.keys.contains(name) ? "<\(name)>" : "--\(name)")", command: command)
        }
        return v
    }

    func int(_ name: String) throws(CLIError) -> Int? {
        guard let text = string(name) else { return nil }
        guard let v = Int(text) else { throw .usage("--\(name) expects an integer, got '\(text)'", command: command) }
        return v
    }

    func double(_ name: String) throws(CLIError) -> Double? {
        guard let text = string(name) else { return nil }
        guard let v = Double(text), v.isFinite else { throw .usage("--\(name) expects a finite number, got '\(text)'", command: command) }
        return v
    }
}

/// Errors the tool reports; each maps to a documented exit status.
enum CLIError: Error, CustomStringConvertible {
    /// Wrong arguments: exit 2.
    case usage(String, command: String)
    /// The table does not have what was asked for (instance, configuration, fidelity, seed): exit 3.
    case notFound(String)
    /// A file is damaged, malformed or of the wrong kind: exit 4.
    case badData(String)
    /// A file could not be read or written: exit 5.
    case io(String)

    var description: String {
        switch self {
        case let .usage(m, command): "\(m)\nRun '\(command) --help' for usage."
        case let .notFound(m), let .badData(m), let .io(m): m
        }
    }

    var exitCode: Int32 {
        switch self {
        case .usage: 2
        case .notFound: 3
        case .badData: 4
        case .io: 5
        }
    }
}

enum ParseOutcome {
    case run(CommandSpec, ParsedArguments)
    case help(String)
}

/// Parses `arguments` (without the program name) against `root`, descending into subcommands.
func parse(_ arguments: [String], root: CommandSpec) throws(CLIError) -> ParseOutcome {
    var spec = root
    var path = root.name
    var rest = arguments[...]
    while !spec.subcommands.isEmpty {
        guard let first = rest.first else { return .help(spec.help(path: path)) }
        if first == "--help" || first == "-h" || first == "help" { return .help(spec.help(path: path)) }
        guard let sub = spec.subcommands.first(where: { $0.name == first }) else {
            let known = spec.subcommands.map(\.name).joined(separator: ", ")
            throw .usage("unknown subcommand '\(first)' (known: \(known))", command: path)
        }
        spec = sub
        path += " " + sub.name
        rest = rest.dropFirst()
    }
    var parsed = ParsedArguments(command: path)
    var positionals: [String] = []
    while let arg = rest.popFirst() {
        if arg == "--help" || arg == "-h" { return .help(spec.help(path: path)) }
        if arg == "--" { positionals.append(contentsOf: rest); break }
        if arg.hasPrefix("--") {
            var name = String(arg.dropFirst(2))
            var inline: String?
            if let eq = name.firstIndex(of: "=") {
                inline = String(name[name.index(after: eq)...])
                name = String(name[..<eq])
            }
            guard let option = spec.options.first(where: { $0.name == name }) else {
                let known = spec.options.map { "--\($0.name)" }.joined(separator: ", ")
                throw .usage("unknown option '--\(name)'" + (known.isEmpty ? "" : " (known: \(known))"), command: path)
            }
            switch option.kind {
            case .flag:
                if inline != nil { throw .usage("--\(name) takes no value", command: path) }
                parsed.flags.insert(name)
            case .value, .repeated:
                guard let value = inline ?? rest.popFirst() else {
                    throw .usage("--\(name) needs a value <\(option.valueName)>", command: path)
                }
                if option.kind == .value, parsed.values[name] != nil {
                    throw .usage("--\(name) given more than once", command: path)
                }
                parsed.values[name, default: []].append(value)
            }
        } else {
            positionals.append(arg)
        }
    }
    let needed = spec.positionals.filter { !$0.optional }.count
    if positionals.count < needed {
        let missing = spec.positionals[positionals.count].name
        throw .usage("missing argument <\(missing)>", command: path)
    }
    if let last = spec.positionals.last, last.repeated, positionals.count >= spec.positionals.count {
        parsed.values[last.name] = Array(positionals[(spec.positionals.count - 1)...])
    } else if positionals.count > spec.positionals.count {
        throw .usage("unexpected argument '\(positionals[spec.positionals.count])'", command: path)
    }
    for (p, v) in zip(spec.positionals, positionals) { parsed.positionals[p.name] = v }
    for o in spec.options where o.required && parsed.values[o.name] == nil {
        throw .usage("missing required option --\(o.name) <\(o.valueName)>", command: path)
    }
    return .run(spec, parsed)
}

extension String {
    func padding(_ width: Int) -> String { self + String(repeating: " ", count: max(0, width - count)) }
}

extension StringProtocol {
    /// The text without leading and trailing spaces.
    var trimmed: String {
        var s = Substring(self)
        while s.first == " " { s.removeFirst() }
        while s.last == " " { s.removeLast() }
        return String(s)
    }
}

/// At most `limit` items joined by commas, then how many more there are.
func shortList(_ items: [String], limit: Int = 20) -> String {
    items.count <= limit ? items.joined(separator: ", ") : items.prefix(limit).joined(separator: ", ") + ", … (\(items.count - limit) more)"
}
