import YardstickCore

/// The content hash of a table: SHA-256 over a canonical serialization of what it says
/// (description, instances, configurations, and the digest of every decoded result row in
/// (instance, configuration id) order), independent of SQLite's page layout, of insertion
/// order and of how the arrays were compressed.
struct ContentHasher {
    private var header = SHA256()
    private var rows: [(instance: String, configuration: ConfigurationID, digest: [UInt8])] = []

    init() { header.update(Array("yardstick-table-content-v1\n".utf8)) }

    private mutating func line(_ s: String) {
        header.update(Array(s.utf8))
        header.update([0x0A])
    }

    mutating func add(description d: TableDescription) {
        line(d.name)
        line(d.version)
        line(d.space.configSpaceJSON())
        for f in d.fidelities { line("fidelity \(f.name) \(f.kind.rawValue) \(f.lower.canonicalSpelling) \(f.upper.canonicalSpelling) \(f.isLogScale)") }
        for o in d.objectives { line("objective \(o.name) \(o.direction.rawValue) \(o.unit) \(o.role.rawValue)") }
    }

    mutating func add(instance: String, configuration: ConfigurationID, keys: [Double], data: [Float]) {
        var bytes = [UInt8]()
        bytes.reserveCapacity(keys.count * 8 + data.count * 4 + 16)
        withUnsafeBytes(of: UInt64(keys.count).littleEndian) { bytes.append(contentsOf: $0) }
        withUnsafeBytes(of: UInt64(data.count).littleEndian) { bytes.append(contentsOf: $0) }
        for k in keys { withUnsafeBytes(of: k.bitPattern.littleEndian) { bytes.append(contentsOf: $0) } }
        for v in data { withUnsafeBytes(of: v.bitPattern.littleEndian) { bytes.append(contentsOf: $0) } }
        rows.append((instance, configuration, SHA256.hash(bytes)))
    }

    mutating func add(instances: [String], configurations: [(ConfigurationID, String)]) {
        for name in instances.sorted() { line("instance \(name)") }
        for (id, text) in configurations.sorted(by: { $0.0 < $1.0 }) { line("configuration \(id) \(text)") }
    }

    mutating func finalize() -> String {
        for row in rows.sorted(by: { ($0.instance, $0.configuration) < ($1.instance, $1.configuration) }) {
            line("results \(row.instance) \(row.configuration) \(SHA256.hex(row.digest))")
        }
        return SHA256.hex(header.finalize())
    }
}
