import CZlib

/// Why a compressed float array could not be decoded. Every damaged blob gives one of
/// these, never garbage values or a crash.
public enum BlobError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The blob is shorter than its header.
    case truncatedHeader(length: Int, required: Int)
    /// The blob does not start with "YSA1" or "YSA2".
    case wrongMagic(found: [UInt8])
    /// The element-kind byte is neither 1 (Float32) nor 2 (Float64).
    case unknownKind(UInt8)
    /// Flag bits or reserved bytes this version does not know are set.
    case unknownFlags(flags: UInt8, reserved: UInt16)
    /// The header claims more elements than the limit, checked before allocating.
    case tooManyElements(claimed: Int, limit: Int)
    /// The header claims more bytes than the compressed data could ever expand to.
    case implausibleLength(claimedBytes: Int, compressedBytes: Int)
    /// zlib rejected the compressed data (`Z_DATA_ERROR`, `Z_BUF_ERROR`, `Z_MEM_ERROR`).
    case decompressionFailed(zlibCode: Int32, expectedBytes: Int)
    /// The data decompressed to a length other than element count × element width.
    case lengthMismatch(expectedBytes: Int, actualBytes: Int)
    /// Bytes follow the end of the zlib stream.
    case trailingBytes(count: Int)
    /// The CRC-32 of the decoded elements differs from the one stored in the header.
    case checksumMismatch(stored: UInt32, computed: UInt32)
    /// Float64 values asked for as Float32, which would round them.
    case wrongKind(stored: FloatArrayKind, requested: FloatArrayKind)

    public var description: String {
        let damaged = "float array blob is damaged"
        switch self {
        case let .truncatedHeader(length, required):
            return "\(damaged): it is \(length) bytes long, shorter than its \(required)-byte header"
        case let .wrongMagic(found):
            let shown = found.map { (0x20..<0x7f).contains($0) ? String(UnicodeScalar($0)) : "\\x" + hex($0, digits: 2) }.joined()
            return "\(damaged) or is not a float array: it starts with \"\(shown)\", not \"YSA1\" or \"YSA2\""
        case let .unknownKind(kind):
            return "\(damaged): unknown element kind \(kind) (1 is Float32, 2 is Float64)"
        case let .unknownFlags(flags, reserved):
            return "\(damaged), or was written by a newer Yardstick: unknown flags 0x\(hex(flags, digits: 2)), reserved bytes 0x\(hex(reserved, digits: 4))"
        case let .tooManyElements(claimed, limit):
            return "\(damaged): its header claims \(claimed) elements, more than the limit of \(limit)"
        case let .implausibleLength(claimedBytes, compressedBytes):
            return "\(damaged): its header claims \(claimedBytes) bytes of values, more than its \(compressedBytes) compressed bytes can hold"
        case let .decompressionFailed(code, expectedBytes):
            let problem = switch code {
            case Z_DATA_ERROR: "its zlib stream is corrupt or cut short (Z_DATA_ERROR)"
            case Z_BUF_ERROR: "its zlib stream does not end within the \(expectedBytes) bytes its header declares (Z_BUF_ERROR)"
            case Z_MEM_ERROR: "zlib ran out of memory decompressing it (Z_MEM_ERROR)"
            default: "zlib failed with code \(code)"
            }
            return "\(damaged): \(problem)"
        case let .lengthMismatch(expectedBytes, actualBytes):
            return "\(damaged): it decompresses to \(actualBytes) bytes, but its header declares \(expectedBytes)"
        case let .trailingBytes(count):
            return "\(damaged): \(count) unexpected byte(s) follow its zlib stream"
        case let .checksumMismatch(stored, computed):
            return "\(damaged): checksum mismatch (stored 0x\(hex(stored, digits: 8)), computed 0x\(hex(computed, digits: 8)))"
        case let .wrongKind(stored, requested):
            return "float array blob holds \(stored) values, which reading them as \(requested) would round; decode it as \(stored)"
        }
    }
}

private func hex(_ value: some BinaryInteger, digits: Int) -> String {
    let text = String(value, radix: 16)
    return String(repeating: "0", count: max(0, digits - text.count)) + text
}
