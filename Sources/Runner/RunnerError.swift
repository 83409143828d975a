/// Why a run, a grid or a results file could not go on. Every message names what to fix.
public enum RunnerError: Error, Sendable, Equatable, CustomStringConvertible {
    case invalidBudget(text: String, reason: String)
    case invalidWorkers(Int)
    case unknownObjective(name: String, known: [String])
    case unknownInstance(name: String, known: [String])
    case invalidShard(text: String)
    case invalidSeeds(text: String)
    case optimizer(String)
    case notAResultsFile(path: String, reason: String)
    case schemaTooNew(path: String, found: Int, supported: Int)
    case conflictingRun(path: String, runKey: String, description: String)
    case database(String)

    public var description: String {
        switch self {
        case let .invalidBudget(text, reason):
            "invalid budget '\(text)': \(reason); write it as comma-separated limits such as evals=50, seconds=3600 or full=20"
        case let .invalidWorkers(n):
            "the number of workers must be ≥ 1, got \(n)"
        case let .unknownObjective(name, known):
            "unknown objective '\(name)'; the benchmark reports: \(known.joined(separator: ", "))"
        case let .unknownInstance(name, known):
            "unknown instance '\(name)'; the benchmark has \(known.count): " +
                (known.count <= 20 ? known.joined(separator: ", ") : known.prefix(20).joined(separator: ", ") + ", … (\(known.count - 20) more)")
        case let .invalidShard(text):
            "invalid shard '\(text)': write it as i/n with 0 ≤ i < n, e.g. 0/4"
        case let .invalidSeeds(text):
            "invalid seeds '\(text)': write a range such as 0..9 or a list such as 0,1,2 (non-negative integers)"
        case let .optimizer(message):
            message
        case let .notAResultsFile(path, reason):
            "\(path) is not a Yardstick results file: \(reason)"
        case let .schemaTooNew(path, found, supported):
            "\(path) uses results schema version \(found), newer than this Yardstick reads (\(supported)); upgrade Yardstick or choose another results file"
        case let .conflictingRun(path, runKey, description):
            "\(path) holds run \(runKey) (\(description)) with different results than the output; refusing to merge conflicting duplicates"
        case let .database(message):
            message
        }
    }
}
