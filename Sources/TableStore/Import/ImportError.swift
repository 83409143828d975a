/// Why an import could not build a table. Every case names the file and, where it
/// applies, the line and column, so the user knows what to fix in the source.
public enum ImportError: Error, Sendable, CustomStringConvertible {
    case cannotRead(path: String, reason: String)
    case notGzip(path: String)
    case damagedArchive(path: String, reason: String)
    case missingMember(archive: String, member: String)
    case missingColumn(file: String, column: String, header: [String])
    case malformedRow(file: String, line: Int, reason: String)
    case invalidValue(file: String, line: Int, column: String, value: String, reason: String)
    case mismatchedRows(first: String, second: String, line: Int, reason: String)
    case unsupportedSource(String)

    public var description: String {
        switch self {
        case let .cannotRead(path, reason): "cannot read \(path): \(reason)"
        case let .notGzip(path): "\(path) is not a gzip archive (expected the lcdb-0.1.0.tar.gz sdist from PyPI or its extracted folder)"
        case let .damagedArchive(path, reason): "archive \(path) is damaged: \(reason); download it again"
        case let .missingMember(archive, member): "\(archive) does not contain \(member); is it the LCDB 0.1.0 source archive?"
        case let .missingColumn(file, column, header):
            "\(file) has no column '\(column)' (its header: \(header.joined(separator: ",")))"
        case let .malformedRow(file, line, reason): "\(file):\(line): \(reason)"
        case let .invalidValue(file, line, column, value, reason):
            "\(file):\(line): column '\(column)' has value '\(value)': \(reason)"
        case let .mismatchedRows(first, second, line, reason):
            "\(first) and \(second) disagree at line \(line): \(reason)"
        case let .unsupportedSource(s): "unknown import source '\(s)'; known sources: lcdb"
        }
    }
}
