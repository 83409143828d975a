import TableStore
import YardstickCore

/// The folder tables are listed from and table names are resolved in.
func dataDirectory() -> String {
    environmentValue("YARDSTICK_DATA") ?? "Data"
}

/// A path for a TABLE argument: an existing file, or `NAME.sqlite` in the data folder.
func resolveTable(_ argument: String) throws(CLIError) -> String {
    if fileExists(argument) { return argument }
    let candidate = dataDirectory() + "/" + argument + (argument.hasSuffix(".sqlite") ? "" : ".sqlite")
    if fileExists(candidate) { return candidate }
    let known = (try? listTables(in: dataDirectory()))?.map { String($0.split(separator: "/").last!.dropLast(7)) } ?? []
    throw .io("no table '\(argument)': no such file, and no \(candidate)" + (known.isEmpty ? "" : " (tables in \(dataDirectory())/: \(known.joined(separator: ", ")))"))
}

/// The `.sqlite` files directly inside `directory`, sorted.
func listTables(in directory: String) throws(CLIError) -> [String] {
    try directoryEntries(directory).get().filter { $0.hasSuffix(".sqlite") }.map { directory + "/" + $0 }.sorted()
}

/// Opens a table for a command, mapping table errors to exit codes.
func openTable(_ argument: String) throws(CLIError) -> BenchmarkTable {
    let path = try resolveTable(argument)
    do { return try BenchmarkTable.open(path) } catch { throw CLIError(error) }
}

extension CLIError {
    init(_ error: TableError) {
        switch error {
        case .unknownInstance, .unknownConfiguration, .unknownFidelity, .unknownSeed, .invalidConfiguration, .fidelityArity:
            self = .notFound(error.description)
        case .alreadyExists:
            self = .io(error.description)
        default:
            self = .badData(error.description)
        }
    }
}

let listCommand = CommandSpec(
    name: "list",
    summary: "list the benchmark tables in the data folder, with their sizes",
    options: [OptionSpec(name: "data", kind: .value, valueName: "DIR", help: "Folder to list (default: $YARDSTICK_DATA or Data).")],
    run: { args in
        let dir = args.string("data") ?? dataDirectory()
        var rows: [[String]] = []
        for path in try listTables(in: dir) {
            let name = String(path.split(separator: "/").last!.dropLast(7))
            do {
                let table = try BenchmarkTable.open(path)
                let d = table.description
                rows.append([name, d.version, humanBytes(fileSize(path)), String(table.instances.count),
                             String(table.configurationCount), d.objectives.filter { $0.role == .objective }.map(\.name).joined(separator: ","), String(d.license.prefix { $0 != "(" }).trimmed])
            } catch {
                rows.append([name, "-", humanBytes(fileSize(path)), "-", "-", "unreadable: \(error)", "-"])
            }
        }
        if rows.isEmpty { print("no tables in \(dir)/"); return 0 }
        print(textTable(["table", "version", "size", "instances", "configs", "objectives", "license"], rows), terminator: "")
        return 0
    }
)
