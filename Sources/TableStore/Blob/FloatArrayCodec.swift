import CZlib

/// Self-checking, zlib-compressed arrays of `Float` or `Double` (learning curves, result
/// columns), stored as SQLite blobs.
///
/// A blob is a header (`FloatArrayHeader`: magic, element kind, flags, count, CRC-32) and a
/// zlib stream (level 9) of the little-endian element bytes, byte-shuffled first by default
/// (`ByteShuffle`), which shrinks float data a good deal. Decoding checks everything, so a
/// damaged blob is a `BlobError`, never wrong values.
public enum FloatArrayCodec {
    /// The most elements one blob may hold (2^28), checked before allocating.
    public static let maximumElementCount = 1 << 28

    /// The zlib level used (the best compression: blobs are written once, read often).
    public static let compressionLevel: Int32 = 9

    // MARK: Encoding

    /// `values` as a "YSA1" blob.
    /// - Precondition: at most `maximumElementCount` values.
    public static func encode<T: FloatArrayElement>(_ values: [T], shuffled: Bool = true) -> [UInt8] {
        values.withUnsafeBufferPointer { encode($0, shuffled: shuffled) }
    }

    /// `values` as a "YSA1" blob.
    /// - Precondition: at most `maximumElementCount` values.
    public static func encode<T: FloatArrayElement>(_ values: UnsafeBufferPointer<T>, shuffled: Bool = true) -> [UInt8] {
        let header = FloatArrayHeader(kind: T.arrayKind, isShuffled: shuffled, rowCount: values.count, columnCount: 1, hasColumns: false, checksum: 0)
        return encode(values, header: header)
    }

    /// Equally long `columns` as one "YSA2" blob, the columns one after another.
    /// - Precondition: every column has the same length; at most `maximumElementCount` values in all.
    public static func encode<T: FloatArrayElement>(columns: [[T]], shuffled: Bool = true) -> [UInt8] {
        let rows = columns.first?.count ?? 0
        precondition(columns.allSatisfy { $0.count == rows }, "every column must have the same length")
        let flat = columns.flatMap { $0 }
        let header = FloatArrayHeader(kind: T.arrayKind, isShuffled: shuffled, rowCount: rows, columnCount: columns.count, hasColumns: true, checksum: 0)
        return flat.withUnsafeBufferPointer { encode($0, header: header) }
    }

    private static func encode<T: FloatArrayElement>(_ values: UnsafeBufferPointer<T>, header: FloatArrayHeader) -> [UInt8] {
        precondition(values.count <= maximumElementCount, "a float array blob holds at most \(maximumElementCount) values, not \(values.count)")
        var header = header
        let width = T.arrayKind.width
        return withLittleEndianBytes(values) { plain in
            header.checksum = Zlib.crc32(plain)
            let compressed = UnsafeMutableRawBufferPointer.allocate(byteCount: Zlib.compressBound(plain.count), alignment: 8)
            defer { compressed.deallocate() }
            let length: Int
            if header.isShuffled && plain.count > 0 {
                let shuffled = UnsafeMutableRawBufferPointer.allocate(byteCount: plain.count, alignment: 8)
                defer { shuffled.deallocate() }
                ByteShuffle.shuffle(plain, into: shuffled, width: width)
                length = Zlib.compress(UnsafeRawBufferPointer(shuffled), into: compressed, level: compressionLevel)
            } else {
                length = Zlib.compress(plain, into: compressed, level: compressionLevel)
            }
            let size = header.size
            return [UInt8](unsafeUninitializedCapacity: size + length) { out, count in
                let raw = UnsafeMutableRawBufferPointer(out)
                header.write(into: raw)
                UnsafeMutableRawBufferPointer(rebasing: raw[size...]).copyMemory(from: UnsafeRawBufferPointer(rebasing: compressed[..<length]))
                count = size + length
            }
        }
    }

    // MARK: Decoding

    /// The header of `blob`, checked (magic, kind, flags, plausible count); the data is not decoded.
    public static func header(of blob: [UInt8]) throws(BlobError) -> FloatArrayHeader {
        try withBytes(blob) { bytes throws(BlobError) in try FloatArrayHeader.read(bytes) }
    }

    /// The values of a Float32 blob ("YSA2" columns come one after another).
    public static func decodeFloats(_ blob: [UInt8]) throws(BlobError) -> [Float] {
        try withBytes(blob) { bytes throws(BlobError) in try decodeFloats(bytes) }
    }

    /// The values of a Float32 blob ("YSA2" columns come one after another).
    public static func decodeFloats(_ blob: UnsafeRawBufferPointer) throws(BlobError) -> [Float] {
        var decoder = FloatArrayDecoder()
        var values: [Float] = []
        try decoder.decode(blob, into: &values)
        return values
    }

    /// The values of a Float64 blob, or of a Float32 blob widened ("YSA2" columns come one after another).
    public static func decodeDoubles(_ blob: [UInt8]) throws(BlobError) -> [Double] {
        try withBytes(blob) { bytes throws(BlobError) in try decodeDoubles(bytes) }
    }

    /// The values of a Float64 blob, or of a Float32 blob widened ("YSA2" columns come one after another).
    public static func decodeDoubles(_ blob: UnsafeRawBufferPointer) throws(BlobError) -> [Double] {
        var decoder = FloatArrayDecoder()
        var values: [Double] = []
        try decoder.decode(blob, into: &values)
        return values
    }

    /// The columns of a Float32 blob (a "YSA1" blob is one column).
    public static func decodeFloatColumns(_ blob: [UInt8]) throws(BlobError) -> [[Float]] {
        try decodeColumns(blob)
    }

    /// The columns of a Float64 blob, or of a Float32 blob widened (a "YSA1" blob is one column).
    public static func decodeDoubleColumns(_ blob: [UInt8]) throws(BlobError) -> [[Double]] {
        try decodeColumns(blob)
    }

    private static func decodeColumns<T: FloatArrayElement>(_ blob: [UInt8]) throws(BlobError) -> [[T]] {
        var decoder = FloatArrayDecoder()
        var values: [T] = []
        let header = try decoder.decode(blob, into: &values)
        let rows = header.rowCount
        return (0..<header.columnCount).map { Array(values[$0 * rows..<($0 + 1) * rows]) }
    }

    /// Decodes the payload after `header` into `output` (the element bytes of the requested
    /// kind), using `scratch` for the shuffled bytes and, when widening, the Float32 values.
    static func decodePayload(_ payload: UnsafeRawBufferPointer, header: FloatArrayHeader, widening: Bool,
                              into output: UnsafeMutableRawBufferPointer, scratch: UnsafeMutableRawBufferPointer) throws(BlobError) {
        let width = header.kind.width
        let byteCount = header.elementCount * width
        var scratchUsed = 0
        func takeScratch() -> UnsafeMutableRawBufferPointer {
            defer { scratchUsed += byteCount }
            return UnsafeMutableRawBufferPointer(rebasing: scratch[scratchUsed..<scratchUsed + byteCount])
        }
        // `plain`: the unshuffled little-endian elements; `inflated`: zlib's output.
        let plain = widening ? takeScratch() : UnsafeMutableRawBufferPointer(rebasing: output[..<byteCount])
        let inflated = header.isShuffled ? takeScratch() : plain

        let (code, written, consumed) = Zlib.uncompress(payload, into: inflated)
        switch code {
        case Z_OK:
            break
        case Z_BUF_ERROR where consumed == payload.count:
            // The output filled up just as the input ran out: the stream is cut short, which
            // zlib reports as Z_DATA_ERROR whenever the output has room left.
            throw .decompressionFailed(zlibCode: Z_DATA_ERROR, expectedBytes: byteCount)
        default:
            // Z_BUF_ERROR with input left: the stream goes on past the declared length.
            throw .decompressionFailed(zlibCode: code, expectedBytes: byteCount)
        }
        guard written == byteCount else { throw .lengthMismatch(expectedBytes: byteCount, actualBytes: written) }
        guard consumed == payload.count else { throw .trailingBytes(count: payload.count - consumed) }

        if header.isShuffled { ByteShuffle.unshuffle(UnsafeRawBufferPointer(inflated), into: plain, width: width) }
        let computed = Zlib.crc32(UnsafeRawBufferPointer(plain))
        guard computed == header.checksum else { throw .checksumMismatch(stored: header.checksum, computed: computed) }
        convertToHostOrder(plain, width: width)
        if widening {
            for i in 0..<header.elementCount {
                output.storeBytes(of: Double(plain.loadUnaligned(fromByteOffset: 4 &* i, as: Float.self)), toByteOffset: 8 &* i, as: Double.self)
            }
        }
    }

    private static func withBytes<R>(_ blob: [UInt8], _ body: (UnsafeRawBufferPointer) throws(BlobError) -> R) throws(BlobError) -> R {
        try blob.withUnsafeBytes { bytes in Result { () throws(BlobError) -> R in try body(bytes) } }.get()
    }
}
