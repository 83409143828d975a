/// An open-addressing hash index from (instance, configuration id, fidelity) to a group of
/// points, with linear probing and a multiply–xorshift mix of the key's bits. It beats
/// `Dictionary` here because the key is hashed with a few multiplications instead of
/// SipHash over 48 bytes, and a probe touches one flat array.
struct GroupIndex: Sendable {
    struct Key: Hashable, Sendable {
        var instance: Int32
        var configuration: UInt64
        var fidelity: SIMD4<Double>
    }

    struct Group: Sendable {
        var start: Int32
        var count: Int32
    }

    private(set) var keys: [Key] = []
    private(set) var groups: [Group] = []
    private var slots: [Int32]
    private let mask: Int

    /// An index with room for `capacity` groups at a load factor of at most 1/2.
    init(capacity: Int) {
        var size = 16
        while size < 2 * max(capacity, 1) { size <<= 1 }
        slots = [Int32](repeating: -1, count: size)
        mask = size - 1
    }

    /// Stafford's "mix13" finalizer (as in SplitMix64) over the key's bits.
    @inline(__always)
    static func hash(_ k: Key) -> Int {
        var x = k.configuration ^ (UInt64(UInt32(bitPattern: k.instance)) &* 0x9E37_79B9_7F4A_7C15)
        x ^= k.fidelity[0].bitPattern &* 0xC2B2_AE3D_27D4_EB4F
        x ^= k.fidelity[1].bitPattern &* 0x1656_67B1_9E37_79F9
        x ^= (k.fidelity[2].bitPattern ^ (k.fidelity[3].bitPattern >> 1)) &* 0x27D4_EB2F_1656_67C5
        x = (x ^ (x >> 30)) &* 0xBF58_476D_1CE4_E5B9
        x = (x ^ (x >> 27)) &* 0x94D0_49BB_1331_11EB
        return Int(truncatingIfNeeded: x ^ (x >> 31))
    }

    /// Adds a group. - Precondition: `key` is not yet in the index and capacity remains.
    mutating func insert(_ key: Key, _ group: Group) {
        precondition(keys.count * 2 < slots.count, "GroupIndex is full")
        var i = GroupIndex.hash(key) & mask
        while slots[i] >= 0 {
            precondition(keys[Int(slots[i])] != key, "duplicate group key")
            i = (i + 1) & mask
        }
        slots[i] = Int32(keys.count)
        keys.append(key)
        groups.append(group)
    }

    /// The group stored under `key`, if any.
    @inline(__always)
    func find(_ key: Key) -> Group? {
        var i = GroupIndex.hash(key) & mask
        while true {
            let s = slots[i]
            if s < 0 { return nil }
            if keys[Int(s)] == key { return groups[Int(s)] }
            i = (i + 1) & mask
        }
    }
}
