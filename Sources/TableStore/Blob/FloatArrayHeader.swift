/// The header of a compressed float array (all fields little-endian):
///
/// | bytes | "YSA1" (one array)       | "YSA2" (equally long columns)   |
/// |-------|--------------------------|---------------------------------|
/// | 0–3   | magic "YSA1"             | magic "YSA2"                    |
/// | 4     | kind: 1 Float32, 2 Float64 | kind                          |
/// | 5     | flags: bit 0 byte-shuffled | flags                         |
/// | 6–7   | reserved, 0              | reserved, 0                     |
/// | 8–11  | element count            | rows (elements per column)      |
/// | 12–15 | CRC-32 of the elements   | column count                    |
/// | 16–19 | –                        | CRC-32 of the elements          |
///
/// The zlib stream follows. The CRC-32 (zlib's `crc32`) covers the uncompressed,
/// unshuffled little-endian element bytes, columns one after another for "YSA2".
public struct FloatArrayHeader: Sendable, Equatable {
    public var kind: FloatArrayKind
    /// Whether the bytes were shuffled (all first bytes, then all second bytes…) before compression.
    public var isShuffled: Bool
    /// Elements per column (the element count of a "YSA1" array).
    public var rowCount: Int
    /// Columns: 1 for "YSA1".
    public var columnCount: Int
    /// Whether the header is the "YSA2" (columns) layout.
    public var hasColumns: Bool
    /// CRC-32 of the uncompressed, unshuffled little-endian element bytes.
    public var checksum: UInt32

    /// All elements, every column.
    public var elementCount: Int { rowCount * columnCount }

    /// Bytes the header takes.
    public var size: Int { hasColumns ? 20 : 16 }

    /// "YSA1" and "YSA2" read as little-endian integers.
    static let magic1: UInt32 = 0x3141_5359
    static let magic2: UInt32 = 0x3241_5359
    static let shuffledFlag: UInt8 = 1

    /// Reads and checks a header: magic, kind, flags, and an element count that is within
    /// `FloatArrayCodec.maximumElementCount` and that `compressedBytes` could expand to.
    static func read(_ blob: UnsafeRawBufferPointer) throws(BlobError) -> FloatArrayHeader {
        guard blob.count >= 4 else { throw .truncatedHeader(length: blob.count, required: 16) }
        let hasColumns: Bool
        switch readUInt32(blob, at: 0) {
        case magic1: hasColumns = false
        case magic2: hasColumns = true
        default: throw .wrongMagic(found: Array(blob[0..<4]))
        }
        let size = hasColumns ? 20 : 16
        guard blob.count >= size else { throw .truncatedHeader(length: blob.count, required: size) }
        guard let kind = FloatArrayKind(rawValue: blob[4]) else { throw .unknownKind(blob[4]) }
        let flags = blob[5]
        let reserved = UInt16(blob[6]) | UInt16(blob[7]) << 8
        guard flags & ~shuffledFlag == 0, reserved == 0 else { throw .unknownFlags(flags: flags, reserved: reserved) }
        let rows = Int(readUInt32(blob, at: 8))
        let columns = hasColumns ? Int(readUInt32(blob, at: 12)) : 1
        let checksum = readUInt32(blob, at: hasColumns ? 16 : 12)
        let limit = FloatArrayCodec.maximumElementCount
        // Each factor is below 2^32, so the product cannot overflow.
        guard rows * columns <= limit else { throw .tooManyElements(claimed: rows * columns, limit: limit) }
        let header = FloatArrayHeader(kind: kind, isShuffled: flags & shuffledFlag != 0, rowCount: rows,
                                      columnCount: columns, hasColumns: hasColumns, checksum: checksum)
        // Deflate expands at most 1032:1, so a larger claim is damage, found before allocating.
        let compressed = blob.count - size
        let claimedBytes = header.elementCount * kind.width
        guard claimedBytes <= compressed * 1032 + 1024 else {
            throw .implausibleLength(claimedBytes: claimedBytes, compressedBytes: compressed)
        }
        return header
    }

    /// Writes the header into the first `size` bytes of `out`.
    func write(into out: UnsafeMutableRawBufferPointer) {
        writeUInt32(hasColumns ? FloatArrayHeader.magic2 : FloatArrayHeader.magic1, into: out, at: 0)
        out[4] = kind.rawValue
        out[5] = isShuffled ? FloatArrayHeader.shuffledFlag : 0
        out[6] = 0
        out[7] = 0
        writeUInt32(UInt32(rowCount), into: out, at: 8)
        if hasColumns { writeUInt32(UInt32(columnCount), into: out, at: 12) }
        writeUInt32(checksum, into: out, at: hasColumns ? 16 : 12)
    }
}

private func readUInt32(_ bytes: UnsafeRawBufferPointer, at offset: Int) -> UInt32 {
    UInt32(littleEndian: bytes.loadUnaligned(fromByteOffset: offset, as: UInt32.self))
}

private func writeUInt32(_ value: UInt32, into bytes: UnsafeMutableRawBufferPointer, at offset: Int) {
    bytes.storeBytes(of: value.littleEndian, toByteOffset: offset, as: UInt32.self)
}
