/// Reads the regular files of a POSIX ustar / GNU tar archive held in memory.
enum Tar {
    /// The bytes of the members whose names end with one of `suffixes`, keyed by suffix.
    /// - Throws: `ImportError.damagedArchive` when a header's checksum or size is invalid
    ///   or a member runs past the end of the archive.
    static func members(of archive: [UInt8], path: String, endingWith suffixes: [String]) throws(ImportError) -> [String: ArraySlice<UInt8>] {
        var found: [String: ArraySlice<UInt8>] = [:]
        var offset = 0
        var longName: String?
        while offset + 512 <= archive.count {
            let header = archive[offset..<offset + 512]
            if header.allSatisfy({ $0 == 0 }) { break }
            let stored = octal(header, from: 148, length: 8)
            var sum = 0
            for (i, b) in header.enumerated() { sum += (148..<156).contains(i) ? 32 : Int(b) }
            guard let stored, stored == sum else {
                throw .damagedArchive(path: path, reason: "bad tar header checksum at byte \(offset)")
            }
            guard let size = octal(header, from: 124, length: 12) else {
                throw .damagedArchive(path: path, reason: "bad member size at byte \(offset)")
            }
            let type = header[header.startIndex + 156]
            var name = longName ?? string(header, from: 0, length: 100)
            longName = nil
            let prefix = string(header, from: 345, length: 155)
            if !prefix.isEmpty && archive[offset + 257..<offset + 262].elementsEqual("ustar".utf8) { name = prefix + "/" + name }
            let start = offset + 512
            guard start + size <= archive.count else {
                throw .damagedArchive(path: path, reason: "member \(name) is truncated")
            }
            let body = archive[start..<start + size]
            if type == UInt8(ascii: "L") {
                longName = String(decoding: body.prefix { $0 != 0 }, as: UTF8.self)
            } else if type == UInt8(ascii: "0") || type == 0 {
                for suffix in suffixes where name.hasSuffix(suffix) { found[suffix] = body }
            }
            offset = start + (size + 511) / 512 * 512
        }
        return found
    }

    private static func string(_ header: ArraySlice<UInt8>, from: Int, length: Int) -> String {
        let s = header.startIndex + from
        return String(decoding: header[s..<s + length].prefix { $0 != 0 }, as: UTF8.self)
    }

    private static func octal(_ header: ArraySlice<UInt8>, from: Int, length: Int) -> Int? {
        let text = string(header, from: from, length: length).trimmingSpaces
        if text.isEmpty { return 0 }
        return Int(text, radix: 8)
    }
}

extension String {
    var trimmingSpaces: String {
        var s = Substring(self)
        while let f = s.first, f == " " { s.removeFirst() }
        while let l = s.last, l == " " { s.removeLast() }
        return String(s)
    }
}
