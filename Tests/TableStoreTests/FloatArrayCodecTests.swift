import Foundation
import Testing
import YardstickCore
@testable import TableStore

/// The compressed float-array blob format: round trips, the exact layout, and damage.
@Suite struct FloatArrayCodecTests {
    static let lengths = [0, 1, 2, 3, 7, 8, 31, 100, 1000, 4097, 65_536]

    /// Arbitrary bit patterns: NaNs with payloads, infinities, subnormals, both zeros.
    static func randomFloats<G: RandomNumberGenerator>(_ count: Int, using rng: inout G) -> [Float] {
        (0..<count).map { _ in Float(bitPattern: UInt32(truncatingIfNeeded: rng.next())) }
    }

    static func randomDoubles<G: RandomNumberGenerator>(_ count: Int, using rng: inout G) -> [Double] {
        (0..<count).map { _ in Double(bitPattern: rng.next()) }
    }

    /// A learning curve: error falling smoothly towards 0.1.
    static func curve(_ count: Int) -> [Double] {
        (0..<count).map { 0.1 + 0.8 * Foundation.exp(-Double($0) / 150) }
    }

    @Test(arguments: lengths)
    func floatsRoundTripBitForBit(count: Int) throws {
        for seed in UInt64(0)..<4 {
            var rng = SplitMix64(seed: seed &* 1000 &+ UInt64(count))
            let values = Self.randomFloats(count, using: &rng)
            for shuffled in [true, false] {
                let blob = FloatArrayCodec.encode(values, shuffled: shuffled)
                let decoded = try FloatArrayCodec.decodeFloats(blob)
                #expect(decoded.map(\.bitPattern) == values.map(\.bitPattern), "seed \(seed), shuffled \(shuffled)")
                let header = try FloatArrayCodec.header(of: blob)
                #expect(header == FloatArrayHeader(kind: .float32, isShuffled: shuffled, rowCount: count, columnCount: 1, hasColumns: false, checksum: header.checksum))
            }
        }
    }

    @Test(arguments: lengths)
    func doublesRoundTripBitForBit(count: Int) throws {
        for seed in UInt64(0)..<4 {
            var rng = SplitMix64(seed: seed &* 1000 &+ UInt64(count))
            let values = Self.randomDoubles(count, using: &rng)
            for shuffled in [true, false] {
                let decoded = try FloatArrayCodec.decodeDoubles(FloatArrayCodec.encode(values, shuffled: shuffled))
                #expect(decoded.map(\.bitPattern) == values.map(\.bitPattern), "seed \(seed), shuffled \(shuffled)")
            }
        }
    }

    @Test func specialValuesKeepTheirBits() throws {
        let floats: [Float] = [.nan, -.nan, Float(bitPattern: 0x7FA0_0001), Float(bitPattern: 0xFFC1_2345), .infinity, -.infinity,
                               -0.0, 0, .leastNonzeroMagnitude, .greatestFiniteMagnitude, .ulpOfOne]
        #expect(try FloatArrayCodec.decodeFloats(FloatArrayCodec.encode(floats)).map(\.bitPattern) == floats.map(\.bitPattern))
        let doubles: [Double] = [.nan, Double(bitPattern: 0x7FF0_0000_0000_0001), Double(bitPattern: 0xFFF8_DEAD_BEEF_0001), .infinity, -.infinity,
                                 -0.0, .leastNonzeroMagnitude, .greatestFiniteMagnitude]
        #expect(try FloatArrayCodec.decodeDoubles(FloatArrayCodec.encode(doubles)).map(\.bitPattern) == doubles.map(\.bitPattern))
    }

    @Test func float32DecodedAsDoublesWidens() throws {
        var rng = SplitMix64(seed: 7)
        let values = Self.randomFloats(500, using: &rng) + [.nan, .infinity, -0.0]
        for shuffled in [true, false] {
            let widened = try FloatArrayCodec.decodeDoubles(FloatArrayCodec.encode(values, shuffled: shuffled))
            #expect(widened.map(\.bitPattern) == values.map { Double($0).bitPattern })
        }
    }

    @Test func float64DecodedAsFloatsIsAnError() throws {
        let blob = FloatArrayCodec.encode([1.5, 2.5] as [Double])
        let error = try #require(caught(BlobError.self) { _ = try FloatArrayCodec.decodeFloats(blob) })
        #expect(error == .wrongKind(stored: .float64, requested: .float32))
        #expect(error.description == "float array blob holds Float64 values, which reading them as Float32 would round; decode it as Float64")
    }

    /// Golden blobs made by Python's zlib (1.2.13), not by this code:
    ///
    ///     import struct, zlib
    ///     def blob(magic, kind, flag, dims, fmt, vals, w):
    ///         le = struct.pack('<%d%s' % (len(vals), fmt), *vals); n = len(vals)
    ///         body = bytes(le[i*w+b] for b in range(w) for i in range(n)) if flag else le
    ///         return list(magic + bytes([kind, flag, 0, 0]) + b''.join(struct.pack('<I', d) for d in dims)
    ///                     + struct.pack('<I', zlib.crc32(le)) + zlib.compress(body, 9))
    ///     blob(b'YSA1', 1, 1, [3], 'f', [1.0, 2.0, -0.5], 4)
    ///     blob(b'YSA1', 2, 0, [2], 'd', [0.25, float('inf')], 8)
    ///     blob(b'YSA2', 1, 1, [2, 2], 'f', [1, 2, 3, 4], 4)
    static let goldenFloats: [UInt8] = [89, 83, 65, 49, 1, 1, 0, 0, 3, 0, 0, 0, 57, 54, 117, 111, 120, 218, 99, 96, 0, 129, 6, 6, 6, 123, 135, 253, 0, 5, 8, 1, 191]
    static let goldenDoubles: [UInt8] = [89, 83, 65, 49, 2, 0, 0, 0, 2, 0, 0, 0, 15, 70, 36, 150, 120, 218, 99, 96, 0, 129, 11, 246, 96, 138, 225, 67, 61, 0, 12, 198, 2, 127]
    static let goldenColumns: [UInt8] = [89, 83, 65, 50, 1, 1, 0, 0, 2, 0, 0, 0, 2, 0, 0, 0, 84, 20, 167, 139, 120, 218, 99, 96, 128, 128, 6, 6, 135, 6, 123, 7, 7, 7, 0, 10, 140, 2, 64]

    @Test func decodesBlobsWrittenByAReferenceImplementation() throws {
        #expect(try FloatArrayCodec.decodeFloats(Self.goldenFloats) == [1.0, 2.0, -0.5])
        #expect(try FloatArrayCodec.decodeDoubles(Self.goldenDoubles) == [0.25, .infinity])
        #expect(try FloatArrayCodec.decodeFloatColumns(Self.goldenColumns) == [[1, 2], [3, 4]])
    }

    @Test func writesTheDocumentedHeader() throws {
        #expect(Array(FloatArrayCodec.encode([1.0, 2.0, -0.5] as [Float]).prefix(16)) == Array(Self.goldenFloats.prefix(16)))
        #expect(Array(FloatArrayCodec.encode([0.25, .infinity] as [Double], shuffled: false).prefix(16)) == Array(Self.goldenDoubles.prefix(16)))
        #expect(Array(FloatArrayCodec.encode(columns: [[1, 2], [3, 4]] as [[Float]]).prefix(20)) == Array(Self.goldenColumns.prefix(20)))
    }

    @Test func columnsRoundTrip() throws {
        var rng = SplitMix64(seed: 11)
        for (rows, columns) in [(0, 0), (0, 3), (1, 1), (5, 3), (1000, 4)] {
            let data = (0..<columns).map { _ in Self.randomDoubles(rows, using: &rng) }
            let blob = FloatArrayCodec.encode(columns: data)
            let header = try FloatArrayCodec.header(of: blob)
            #expect(header.hasColumns && header.rowCount == rows && header.columnCount == columns && header.size == 20)
            let decoded = try FloatArrayCodec.decodeDoubleColumns(blob)
            #expect(decoded.map { $0.map(\.bitPattern) } == data.map { $0.map(\.bitPattern) }, "\(rows) × \(columns)")
            #expect(try FloatArrayCodec.decodeDoubles(blob).map(\.bitPattern) == data.flatMap { $0 }.map(\.bitPattern))
        }
        #expect(try FloatArrayCodec.decodeFloatColumns(FloatArrayCodec.encode([1, 2, 3] as [Float])) == [[1, 2, 3]])
    }

    @Test func shufflingShrinksSmoothCurves() throws {
        let curve = Self.curve(2000)
        let doubles = (FloatArrayCodec.encode(curve, shuffled: true).count, FloatArrayCodec.encode(curve, shuffled: false).count)
        let floats = curve.map { Float($0) }
        let singles = (FloatArrayCodec.encode(floats, shuffled: true).count, FloatArrayCodec.encode(floats, shuffled: false).count)
        #expect(Double(doubles.0) < 0.85 * Double(doubles.1), "Float64: \(doubles)")
        #expect(Double(singles.0) < 0.85 * Double(singles.1), "Float32: \(singles)")
    }

    @Test func theDecoderReusesItsOutput() throws {
        var rng = SplitMix64(seed: 3)
        var decoder = FloatArrayDecoder()
        var output: [Float] = []
        for count in [1000, 10, 0, 999, 1000, 3] {
            let values = Self.randomFloats(count, using: &rng)
            try decoder.decode(FloatArrayCodec.encode(values, shuffled: count % 2 == 0), into: &output)
            #expect(output.map(\.bitPattern) == values.map(\.bitPattern), "count \(count)")
        }
        #expect(output.capacity >= 1000)
        #expect(throws: BlobError.self) { try decoder.decode([1, 2, 3], into: &output) }
        #expect(output.isEmpty)
    }

    // MARK: Damage

    static let sample: [Float] = curve(300).map { Float($0) }

    /// One way to damage `sample`'s blob, and the error it must give.
    struct Damage: CustomTestStringConvertible, Sendable {
        var name: String
        var apply: @Sendable ([UInt8]) -> [UInt8]
        var expected: @Sendable ([UInt8]) -> BlobError
        var testDescription: String { name }
    }

    static func setUInt32(_ blob: [UInt8], at offset: Int, _ value: UInt32) -> [UInt8] {
        var blob = blob
        for i in 0..<4 { blob[offset + i] = UInt8(truncatingIfNeeded: value >> (8 * UInt32(i))) }
        return blob
    }

    static func crc(of blob: [UInt8]) -> UInt32 {
        blob[12..<16].reversed().reduce(0) { $0 << 8 | UInt32($1) }
    }

    static let damages: [Damage] = [
        Damage(name: "empty", apply: { _ in [] }, expected: { _ in .truncatedHeader(length: 0, required: 16) }),
        Damage(name: "cut inside the header", apply: { Array($0.prefix(10)) }, expected: { _ in .truncatedHeader(length: 10, required: 16) }),
        Damage(name: "header only", apply: { Array($0.prefix(16)) }, expected: { _ in .implausibleLength(claimedBytes: 1200, compressedBytes: 0) }),
        Damage(name: "payload cut short", apply: { Array($0.dropLast(5)) }, expected: { _ in .decompressionFailed(zlibCode: -3, expectedBytes: 1200) }),
        Damage(name: "wrong magic", apply: { var b = $0; b[3] = 0x39; return b }, expected: { _ in .wrongMagic(found: Array("YSA9".utf8)) }),
        Damage(name: "unknown kind", apply: { var b = $0; b[4] = 3; return b }, expected: { _ in .unknownKind(3) }),
        Damage(name: "unknown flag", apply: { var b = $0; b[5] |= 0x80; return b }, expected: { _ in .unknownFlags(flags: 0x81, reserved: 0) }),
        Damage(name: "reserved byte set", apply: { var b = $0; b[7] = 1; return b }, expected: { _ in .unknownFlags(flags: 1, reserved: 0x100) }),
        Damage(name: "huge count", apply: { setUInt32($0, at: 8, .max) }, expected: { _ in .tooManyElements(claimed: Int(UInt32.max), limit: 1 << 28) }),
        Damage(name: "count beyond what the payload can hold", apply: { setUInt32($0, at: 8, 1 << 27) },
               expected: { .implausibleLength(claimedBytes: 1 << 29, compressedBytes: $0.count - 16) }),
        Damage(name: "count too small", apply: { setUInt32($0, at: 8, 200) }, expected: { _ in .decompressionFailed(zlibCode: -5, expectedBytes: 800) }),
        Damage(name: "count too large", apply: { setUInt32($0, at: 8, 400) }, expected: { _ in .lengthMismatch(expectedBytes: 1600, actualBytes: 1200) }),
        Damage(name: "byte appended", apply: { $0 + [0] }, expected: { _ in .trailingBytes(count: 1) }),
        Damage(name: "flipped checksum byte", apply: { var b = $0; b[13] ^= 0x40; return b },
               expected: { .checksumMismatch(stored: crc(of: $0) ^ 0x4000, computed: crc(of: $0)) }),
        Damage(name: "flipped payload byte", apply: { var b = $0; b[30] ^= 0xFF; return b }, expected: { _ in .decompressionFailed(zlibCode: -3, expectedBytes: 1200) }),
        Damage(name: "Float32 relabelled Float64", apply: { var b = $0; b[4] = 2; return b },
               expected: { _ in .wrongKind(stored: .float64, requested: .float32) }),
    ]

    @Test(arguments: damages)
    func damageIsDetected(_ damage: Damage) throws {
        let blob = FloatArrayCodec.encode(Self.sample)
        let error = try #require(caught(BlobError.self) { _ = try FloatArrayCodec.decodeFloats(damage.apply(blob)) })
        #expect(error == damage.expected(blob))
    }

    @Test func damageMessagesSayWhatIsWrong() {
        #expect(BlobError.checksumMismatch(stored: 0x1234_ABCD, computed: 0x0000_0042).description
                == "float array blob is damaged: checksum mismatch (stored 0x1234abcd, computed 0x00000042)")
        #expect(BlobError.wrongMagic(found: [0x59, 0x53, 0x00, 0xFF]).description
                == "float array blob is damaged or is not a float array: it starts with \"YS\\x00\\xff\", not \"YSA1\" or \"YSA2\"")
        #expect(BlobError.truncatedHeader(length: 10, required: 16).description
                == "float array blob is damaged: it is 10 bytes long, shorter than its 16-byte header")
        #expect(BlobError.tooManyElements(claimed: 4_294_967_295, limit: 268_435_456).description
                == "float array blob is damaged: its header claims 4294967295 elements, more than the limit of 268435456")
        #expect(BlobError.decompressionFailed(zlibCode: -3, expectedBytes: 8).description
                == "float array blob is damaged: its zlib stream is corrupt or cut short (Z_DATA_ERROR)")
        #expect(BlobError.decompressionFailed(zlibCode: -5, expectedBytes: 8).description
                == "float array blob is damaged: its zlib stream does not end within the 8 bytes its header declares (Z_BUF_ERROR)")
        #expect(BlobError.lengthMismatch(expectedBytes: 16, actualBytes: 12).description
                == "float array blob is damaged: it decompresses to 12 bytes, but its header declares 16")
        #expect(BlobError.unknownKind(9).description == "float array blob is damaged: unknown element kind 9 (1 is Float32, 2 is Float64)")
    }

    /// No single corrupted byte may decode to different values: either an error, or (for
    /// bits zlib ignores, such as the final byte's padding) exactly the original values.
    @Test(arguments: [true, false])
    func everyCorruptedByteIsCaught(shuffled: Bool) throws {
        let blob = FloatArrayCodec.encode(Self.sample, shuffled: shuffled)
        let original = Self.sample.map(\.bitPattern)
        for position in blob.indices {
            for mask: UInt8 in [0x01, 0x80, 0xFF] {
                var damaged = blob
                damaged[position] ^= mask
                if let values = try? FloatArrayCodec.decodeFloats(damaged) {
                    #expect(values.map(\.bitPattern) == original, "byte \(position) ^ \(mask) decoded to other values")
                }
            }
        }
    }

    @Test func blobsRoundTripThroughSQLiteWithoutCopying() throws {
        let file = TemporaryDatabase()
        defer { file.remove() }
        let db = try Database(path: file.path, mode: .create)
        try db.execute("CREATE TABLE curves (id INTEGER PRIMARY KEY, curve BLOB)")
        var rng = SplitMix64(seed: 99)
        let curves = (0..<20).map { Self.randomDoubles($0 * 37, using: &rng) }
        try db.transaction { db in
            for (i, c) in curves.enumerated() { try db.execute("INSERT INTO curves VALUES (?, ?)", [.integer(Int64(i)), .blob(FloatArrayCodec.encode(c))]) }
        }
        var decoder = FloatArrayDecoder()
        var values: [Double] = []
        try db.forEachRow("SELECT id, curve FROM curves ORDER BY id") { row in
            try row.withBlob(at: 1) { try decoder.decode($0, into: &values) }
            #expect(values.map(\.bitPattern) == curves[row.int(at: 0)].map(\.bitPattern))
        }
    }
}
