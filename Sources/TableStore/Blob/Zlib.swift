import CZlib

/// The few zlib calls the codec needs, over raw buffers.
enum Zlib {
    /// zlib's CRC-32 (the one in gzip and PNG) of `bytes`.
    static func crc32(_ bytes: UnsafeRawBufferPointer) -> UInt32 {
        guard let base = bytes.baseAddress, bytes.count > 0 else { return 0 }
        return UInt32(truncatingIfNeeded: crc32_z(0, base.assumingMemoryBound(to: Bytef.self), bytes.count))
    }

    /// The largest zlib stream `compress` can make from `count` bytes.
    static func compressBound(_ count: Int) -> Int {
        Int(CZlib.compressBound(uLong(count)))
    }

    /// Compresses `source` into `destination` (at least `compressBound(source.count)` bytes)
    /// as one zlib stream; returns the stream's length.
    static func compress(_ source: UnsafeRawBufferPointer, into destination: UnsafeMutableRawBufferPointer, level: Int32) -> Int {
        var written = uLongf(destination.count)
        let rc = compress2(destination.baseAddress!.assumingMemoryBound(to: Bytef.self), &written,
                           source.baseAddress?.assumingMemoryBound(to: Bytef.self), uLong(source.count), level)
        // With a compressBound-sized destination, only a failed allocation can fail.
        precondition(rc == Z_OK, "zlib compress2 failed with code \(rc) (out of memory?)")
        return Int(written)
    }

    /// Decompresses the zlib stream at the start of `source` into `destination`.
    static func uncompress(_ source: UnsafeRawBufferPointer, into destination: UnsafeMutableRawBufferPointer) -> (code: Int32, written: Int, consumed: Int) {
        var written = uLongf(destination.count)
        var consumed = uLong(source.count)
        let rc = uncompress2(destination.baseAddress?.assumingMemoryBound(to: Bytef.self), &written,
                             source.baseAddress?.assumingMemoryBound(to: Bytef.self), &consumed)
        return (rc, Int(written), Int(consumed))
    }
}
