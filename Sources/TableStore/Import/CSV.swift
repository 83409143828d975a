/// A minimal reader for the comma-separated files that benchmark sources ship (RFC 4180
/// quoting supported; fields are byte slices so large files parse without copying).
struct CSVReader {
    let file: String
    let bytes: ArraySlice<UInt8>
    private(set) var position: Int
    private(set) var line = 0

    init(file: String, bytes: ArraySlice<UInt8>) {
        self.file = file
        self.bytes = bytes
        self.position = bytes.startIndex
    }

    /// The next record's fields, or `nil` at the end. `line` is then the record's 1-based line.
    mutating func next() throws(ImportError) -> [String]? {
        guard position < bytes.endIndex else { return nil }
        line += 1
        var fields: [String] = []
        var field: [UInt8] = []
        var quoted = false
        while position < bytes.endIndex {
            let c = bytes[position]
            position += 1
            if quoted {
                if c == UInt8(ascii: "\"") {
                    if position < bytes.endIndex, bytes[position] == UInt8(ascii: "\"") {
                        field.append(c); position += 1
                    } else {
                        quoted = false
                    }
                } else {
                    if c == 0x0A { line += 1 }
                    field.append(c)
                }
                continue
            }
            switch c {
            case UInt8(ascii: ","):
                fields.append(String(decoding: field, as: UTF8.self)); field.removeAll(keepingCapacity: true)
            case UInt8(ascii: "\"") where field.isEmpty:
                quoted = true
            case 0x0D:
                continue
            case 0x0A:
                fields.append(String(decoding: field, as: UTF8.self))
                return fields
            default:
                field.append(c)
            }
        }
        if quoted { throw .malformedRow(file: file, line: line, reason: "unterminated quoted field") }
        fields.append(String(decoding: field, as: UTF8.self))
        return fields
    }
}
