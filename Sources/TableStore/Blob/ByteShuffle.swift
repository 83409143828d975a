/// The byte shuffle of Blosc (F. Alted, Blosc `shuffle.c`): byte `b` of element `i` moves
/// to `b × count + i`, so the slowly varying sign-and-exponent bytes of neighbouring floats
/// sit together and zlib finds long runs in them.
enum ByteShuffle {
    /// Shuffles the little-endian elements of `source` (`width` bytes each) into `destination`.
    static func shuffle(_ source: UnsafeRawBufferPointer, into destination: UnsafeMutableRawBufferPointer, width: Int) {
        precondition(destination.count >= source.count && source.count % width == 0)
        let count = source.count / width
        guard count > 0, let s = source.baseAddress, let d = destination.baseAddress?.assumingMemoryBound(to: UInt8.self) else { return }
        switch width {
        case 4:
            for i in 0..<count {
                let v = UInt32(littleEndian: s.loadUnaligned(fromByteOffset: 4 &* i, as: UInt32.self))
                d[i] = UInt8(truncatingIfNeeded: v)
                d[count &+ i] = UInt8(truncatingIfNeeded: v &>> 8)
                d[2 &* count &+ i] = UInt8(truncatingIfNeeded: v &>> 16)
                d[3 &* count &+ i] = UInt8(truncatingIfNeeded: v &>> 24)
            }
        case 8:
            for i in 0..<count {
                let v = UInt64(littleEndian: s.loadUnaligned(fromByteOffset: 8 &* i, as: UInt64.self))
                for b in 0..<8 { d[b &* count &+ i] = UInt8(truncatingIfNeeded: v &>> (8 &* UInt64(b))) }
            }
        default:
            let bytes = s.assumingMemoryBound(to: UInt8.self)
            for i in 0..<count { for b in 0..<width { d[b * count + i] = bytes[i * width + b] } }
        }
    }

    /// Undoes `shuffle`: writes little-endian elements of `width` bytes into `destination`.
    static func unshuffle(_ source: UnsafeRawBufferPointer, into destination: UnsafeMutableRawBufferPointer, width: Int) {
        precondition(destination.count >= source.count && source.count % width == 0)
        let count = source.count / width
        guard count > 0, let s = source.baseAddress?.assumingMemoryBound(to: UInt8.self), let d = destination.baseAddress else { return }
        switch width {
        case 4:
            for i in 0..<count {
                let v = UInt32(s[i]) | UInt32(s[count &+ i]) &<< 8 | UInt32(s[2 &* count &+ i]) &<< 16 | UInt32(s[3 &* count &+ i]) &<< 24
                d.storeBytes(of: v.littleEndian, toByteOffset: 4 &* i, as: UInt32.self)
            }
        case 8:
            for i in 0..<count {
                var v: UInt64 = 0
                for b in 0..<8 { v |= UInt64(s[b &* count &+ i]) &<< (8 &* UInt64(b)) }
                d.storeBytes(of: v.littleEndian, toByteOffset: 8 &* i, as: UInt64.self)
            }
        default:
            let bytes = d.assumingMemoryBound(to: UInt8.self)
            for i in 0..<count { for b in 0..<width { bytes[i * width + b] = s[b * count + i] } }
        }
    }
}
