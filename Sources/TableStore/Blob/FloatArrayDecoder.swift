/// Decodes float array blobs into caller-owned arrays, keeping its scratch memory between
/// calls: decoding many blobs of similar size allocates nothing after the first.
///
/// ```swift
/// var decoder = FloatArrayDecoder()
/// var curve: [Float] = []
/// try statement.withBlob(at: 0) { try decoder.decode($0, into: &curve) }
/// ```
public struct FloatArrayDecoder {
    private var scratch: [UInt8] = []

    public init() {}

    /// Replaces the contents of `output` with the values of `blob` ("YSA2" columns one after
    /// another), reusing its capacity. Float32 data widens into `[Double]`; Float64 data
    /// into `[Float]` is a `.wrongKind` error. On error `output` is left empty.
    @discardableResult
    public mutating func decode<T: FloatArrayElement>(_ blob: UnsafeRawBufferPointer, into output: inout [T]) throws(BlobError) -> FloatArrayHeader {
        let header: FloatArrayHeader
        switch Result(catching: { () throws(BlobError) in try FloatArrayHeader.read(blob) }) {
        case let .success(h): header = h
        case let .failure(error):
            output.removeAll(keepingCapacity: true)
            throw error
        }
        let requested = T.arrayKind
        if header.kind == .float64 && requested == .float32 {
            output.removeAll(keepingCapacity: true)
            throw .wrongKind(stored: header.kind, requested: requested)
        }
        let widening = header.kind != requested
        let count = header.elementCount
        let byteCount = count * header.kind.width
        let needed = (header.isShuffled ? byteCount : 0) + (widening ? byteCount : 0)
        if scratch.count < needed { scratch = [UInt8](repeating: 0, count: needed) }
        if output.count != count {
            output.removeAll(keepingCapacity: true)
            output.append(contentsOf: repeatElement(0, count: count))
        }
        let payload = UnsafeRawBufferPointer(rebasing: blob[header.size...])
        let result = output.withUnsafeMutableBytes { out in
            scratch.withUnsafeMutableBytes { scratch in
                Result { () throws(BlobError) in
                    try FloatArrayCodec.decodePayload(payload, header: header, widening: widening, into: out, scratch: scratch)
                }
            }
        }
        if case let .failure(error) = result {
            output.removeAll(keepingCapacity: true)
            throw error
        }
        return header
    }

    /// Replaces the contents of `output` with the values of `blob`; see `decode(_:into:)`.
    @discardableResult
    public mutating func decode<T: FloatArrayElement>(_ blob: [UInt8], into output: inout [T]) throws(BlobError) -> FloatArrayHeader {
        try blob.withUnsafeBytes { bytes in
            Result { () throws(BlobError) -> FloatArrayHeader in try self.decode(bytes, into: &output) }
        }.get()
    }
}
