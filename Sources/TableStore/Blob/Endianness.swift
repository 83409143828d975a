// Blobs are little-endian. On little-endian hosts (all that Swift ships for but s390x) the
// element memory already is the blob's byte order and both functions are free.

/// Calls `body` with the little-endian bytes of `values`.
func withLittleEndianBytes<T: FloatArrayElement, R>(_ values: UnsafeBufferPointer<T>, _ body: (UnsafeRawBufferPointer) -> R) -> R {
    #if _endian(big)
    var bytes = Array(UnsafeRawBufferPointer(values))
    let width = MemoryLayout<T>.size
    for start in stride(from: 0, to: bytes.count, by: width) { bytes[start..<start + width].reverse() }
    return bytes.withUnsafeBytes(body)
    #else
    return body(UnsafeRawBufferPointer(values))
    #endif
}

/// Turns little-endian elements of `width` bytes into host order, in place.
func convertToHostOrder(_ bytes: UnsafeMutableRawBufferPointer, width: Int) {
    #if _endian(big)
    for start in stride(from: 0, to: bytes.count, by: width) {
        var (i, j) = (start, start + width - 1)
        while i < j { bytes.swapAt(i, j); i += 1; j -= 1 }
    }
    #endif
}
