import CZlib

/// Inflates a whole gzip file (RFC 1952, possibly several members) with zlib.
enum Gzip {
    /// - Throws: `ImportError.notGzip` when the magic bytes are missing, `.damagedArchive`
    ///   on any zlib error or a truncated stream.
    static func decompress(_ input: [UInt8], path: String) throws(ImportError) -> [UInt8] {
        guard input.count >= 18, input[0] == 0x1f, input[1] == 0x8b else { throw .notGzip(path: path) }
        var output = [UInt8]()
        output.reserveCapacity(input.count * 4)
        var stream = z_stream()
        // 16 + MAX_WBITS: expect a gzip header and trailer (zlib.h, inflateInit2).
        guard inflateInit2_(&stream, 16 + MAX_WBITS, ZLIB_VERSION, Int32(MemoryLayout<z_stream>.size)) == Z_OK else {
            throw .damagedArchive(path: path, reason: "zlib could not start inflating")
        }
        defer { inflateEnd(&stream) }
        let chunk = 1 << 20
        var buffer = [UInt8](repeating: 0, count: chunk)
        var consumed = 0
        var status: Int32 = Z_OK
        repeat {
            status = input.withUnsafeBufferPointer { inBuf -> Int32 in
                buffer.withUnsafeMutableBufferPointer { outBuf -> Int32 in
                    stream.next_in = UnsafeMutablePointer(mutating: inBuf.baseAddress! + consumed)
                    stream.avail_in = UInt32(min(inBuf.count - consumed, Int(UInt32.max)))
                    stream.next_out = outBuf.baseAddress
                    stream.avail_out = UInt32(chunk)
                    let before = stream.avail_in
                    let r = inflate(&stream, Z_NO_FLUSH)
                    consumed += Int(before - stream.avail_in)
                    return r
                }
            }
            output.append(contentsOf: buffer[0..<(chunk - Int(stream.avail_out))])
            if status == Z_STREAM_END && consumed < input.count {
                // Concatenated gzip members: start the next one.
                guard inflateReset(&stream) == Z_OK else { throw .damagedArchive(path: path, reason: "cannot reset inflater") }
                status = Z_OK
                if input.count - consumed < 18 || input[consumed] != 0x1f { break }
            }
            if status == Z_BUF_ERROR && consumed >= input.count {
                throw .damagedArchive(path: path, reason: "gzip stream is truncated")
            }
        } while status == Z_OK || status == Z_BUF_ERROR
        guard status == Z_STREAM_END || status == Z_OK else {
            let message = stream.msg.map { String(cString: $0) } ?? "zlib error \(status)"
            throw .damagedArchive(path: path, reason: message)
        }
        return output
    }
}
