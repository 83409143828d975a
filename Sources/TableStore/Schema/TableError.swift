import YardstickCore

/// Why a benchmark table could not be opened or could not answer. Every message names the
/// file or the thing asked for and, for a lookup miss, what the table has instead.
public enum TableError: Error, Sendable, CustomStringConvertible {
    case notATable(path: String, reason: String)
    case schemaTooNew(path: String, found: Int, supported: Int)
    case schemaTooOld(path: String, found: Int, supported: Int)
    case missingMetadata(path: String, key: String)
    case damaged(path: String, what: String, reason: String)
    case unknownInstance(name: String, available: [String])
    case unknownConfiguration(canonical: String, count: Int, sample: [String])
    case invalidConfiguration(canonical: String, reason: String)
    case unknownFidelity(instance: String, configuration: String, value: String, available: [String])
    case unknownSeed(seed: Int, available: [Int])
    case fidelityArity(expected: [String], given: Int)
    case database(String)
    case alreadyExists(path: String)

    public var description: String {
        switch self {
        case let .notATable(path, reason):
            "\(path) is not a Yardstick benchmark table: \(reason)"
        case let .schemaTooNew(path, found, supported):
            "\(path) uses table schema version \(found), newer than this Yardstick reads (\(supported)); upgrade Yardstick"
        case let .schemaTooOld(path, found, supported):
            "\(path) uses table schema version \(found), older than this Yardstick reads (\(supported)); re-import it with 'yardstick import'"
        case let .missingMetadata(path, key):
            "\(path) lacks the metadata entry '\(key)'; the file is incomplete (was its import interrupted?)"
        case let .damaged(path, what, reason):
            "\(path) is damaged: \(what): \(reason); re-import or re-download the table"
        case let .unknownInstance(name, available):
            "unknown instance '\(name)'; the table has \(available.count): \(TableError.list(available))"
        case let .unknownConfiguration(canonical, count, sample):
            "configuration \(canonical) is not in the table (it has \(count) configurations, e.g. \(sample.joined(separator: ", "))); the surrogate tier answers configurations a table lacks"
        case let .invalidConfiguration(canonical, reason):
            "configuration \(canonical) is not valid in the table's space: \(reason)"
        case let .unknownFidelity(instance, configuration, value, available):
            "fidelity \(value) is not in the table for \(configuration) on instance '\(instance)'; it has: \(TableError.list(available)); the curve tier answers fidelities a table lacks"
        case let .unknownSeed(seed, available):
            "seed \(seed) is not in the table here; it has: \(TableError.list(available.map(String.init)))"
        case let .fidelityArity(expected, given):
            "the table has \(expected.count) fidelity dimension(s) (\(expected.joined(separator: ", "))) but \(given) value(s) were given"
        case let .database(message): message
        case let .alreadyExists(path): "\(path) already exists; remove it or choose another output path"
        }
    }

    static func list(_ items: [String], limit: Int = 20) -> String {
        items.count <= limit ? items.joined(separator: ", ") : items.prefix(limit).joined(separator: ", ") + ", … (\(items.count - limit) more)"
    }
}
