import YardstickCore

/// One instance (dataset, task) of a table.
public struct InstanceInfo: Sendable, Hashable {
    public var id: Int64
    public var name: String
    public var title: String
    /// Instance features (e.g. OpenML meta-features) as a JSON object, when the table has them.
    public var featuresJSON: String?
}

/// The answer to one lookup: the values, and how many seeds were averaged (1 for one seed).
public struct TableAnswer: Sendable, Equatable {
    public var result: EvaluationResult
    public var seedCount: Int
}

/// A benchmark table file, opened read-only: its description, instances and configurations,
/// and its result rows on demand. Opening checks that the file is a Yardstick table of a
/// schema version this build reads; a damaged file is an error naming it, never a crash.
public final class BenchmarkTable {
    public let path: String
    public let description: TableDescription
    public let instances: [InstanceInfo]
    public let configurationCount: Int
    public let resultRowCount: Int
    public let contentHash: String
    public let surrogateNames: [String]
    let db: Database
    let instanceByName: [String: InstanceInfo]

    init(path: String, db: Database) throws(TableError) {
        self.path = path
        self.db = db
        func run<T>(_ what: String, _ body: () throws -> T) throws(TableError) -> T {
            do { return try body() } catch let e as TableError { throw e } catch {
                throw .notATable(path: path, reason: "\(what): \(error)")
            }
        }
        let tables = Set(try run("reading its schema") { try db.strings("SELECT name FROM sqlite_master WHERE type = 'table'") })
        guard tables.contains("metadata") else { throw .notATable(path: path, reason: "it has no metadata table") }
        var metadata: [String: String] = [:]
        for (k, v) in try run("reading its metadata", { try db.stringPairs("SELECT key, value FROM metadata") }) { metadata[k] = v }
        guard metadata["format"] == TableSchema.format else {
            throw .notATable(path: path, reason: "metadata 'format' is \(metadata["format"].map { "'\($0)'" } ?? "missing"), expected '\(TableSchema.format)'")
        }
        guard let versionText = metadata["schema_version"], let version = Int(versionText) else {
            throw .missingMetadata(path: path, key: "schema_version")
        }
        if version > TableSchema.version { throw .schemaTooNew(path: path, found: version, supported: TableSchema.version) }
        if version < TableSchema.version { throw .schemaTooOld(path: path, found: version, supported: TableSchema.version) }
        for key in TableSchema.requiredMetadata where metadata[key] == nil { throw .missingMetadata(path: path, key: key) }
        for t in ["space", "fidelities", "objectives", "instances", "configurations", "results", "surrogates"] where !tables.contains(t) {
            throw .notATable(path: path, reason: "it has no '\(t)' table")
        }

        let spaceJSON = try run("reading its space") { try db.strings("SELECT configspace_json FROM space WHERE id = 1") }
        guard let spaceText = spaceJSON.first else { throw .notATable(path: path, reason: "its search space is missing") }
        let space: SearchSpace
        do { space = try SearchSpace(configSpaceJSON: spaceText) } catch {
            throw .damaged(path: path, what: "the search space", reason: "\(error)")
        }
        let fidelities = try run("reading its fidelities") {
            try db.rows("SELECT name, kind, lower, upper, log, description FROM fidelities ORDER BY position") { s in
                FidelityDimension(name: s.text(at: 0), kind: FidelityDimension.Kind(rawValue: s.text(at: 1)) ?? .float,
                                  lower: s.double(at: 2), upper: s.double(at: 3), isLogScale: s.int(at: 4) != 0, description: s.text(at: 5))
            }
        }
        let objectives = try run("reading its objectives") {
            try db.rows("SELECT name, direction, unit, role, description FROM objectives ORDER BY position") { s in
                Objective(name: s.text(at: 0), direction: Direction(rawValue: s.text(at: 1)) ?? .minimize, unit: s.text(at: 2),
                          role: Objective.Role(rawValue: s.text(at: 3)) ?? .metric, description: s.text(at: 4))
            }
        }
        guard !objectives.isEmpty else { throw .notATable(path: path, reason: "it declares no objectives") }
        guard fidelities.count <= FidelityPoint.maxDimensions else {
            throw .notATable(path: path, reason: "it declares \(fidelities.count) fidelity dimensions; at most \(FidelityPoint.maxDimensions) are supported")
        }
        let known = Set(TableSchema.requiredMetadata)
        description = TableDescription(
            name: metadata["name"]!, version: metadata["version"]!, license: metadata["license"]!,
            provenance: metadata["provenance"]!, source: metadata["source"]!, sourceSHA256: metadata["source_sha256"]!,
            citation: metadata["citation"]!, seeds: metadata["seeds"]!, space: space, fidelities: fidelities,
            objectives: objectives, extra: metadata.filter { !known.contains($0.key) })
        contentHash = metadata["content_hash"]!
        instances = try run("reading its instances") {
            try db.rows("SELECT id, name, title, features_json FROM instances ORDER BY id") { s in
                InstanceInfo(id: s.int64(at: 0), name: s.text(at: 1), title: s.text(at: 2), featuresJSON: s.isNull(at: 3) ? nil : s.text(at: 3))
            }
        }
        instanceByName = Dictionary(instances.map { ($0.name, $0) }, uniquingKeysWith: { a, _ in a })
        configurationCount = try run("counting configurations") { try db.int("SELECT count(*) FROM configurations") }
        resultRowCount = try run("counting results") { try db.int("SELECT count(*) FROM results") }
        surrogateNames = try run("reading its surrogates") { try db.strings("SELECT name FROM surrogates ORDER BY name") }
    }

    /// Opens the table at `path` read-only.
    public static func open(_ path: String) throws(TableError) -> BenchmarkTable {
        let db: Database
        do { db = try Database(path: path, mode: .readOnly) } catch {
            guard error.code.primary == .notADatabase || error.code.primary == .corrupt else { throw .database(error.description) }
            throw .notATable(path: path, reason: "\(error.message) (\(error.code.name))" + (error.suggestion.map { "; \($0)" } ?? ""))
        }
        return try BenchmarkTable(path: path, db: db)
    }

    /// The instance named `name`, or an error listing the table's instances.
    public func instance(named name: String) throws(TableError) -> InstanceInfo {
        guard let i = instanceByName[name] else { throw .unknownInstance(name: name, available: instances.map(\.name)) }
        return i
    }

    /// Every configuration of the table, sorted by id.
    public func configurations() throws(TableError) -> [Configuration] {
        let texts: [String]
        do { texts = try db.strings("SELECT canonical FROM configurations ORDER BY id") } catch {
            throw .damaged(path: path, what: "the configurations table", reason: "\(error)")
        }
        var out: [Configuration] = []
        out.reserveCapacity(texts.count)
        for t in texts {
            do { out.append(try Configuration(json: t)) } catch {
                throw .damaged(path: path, what: "configuration \(t)", reason: "\(error)")
            }
        }
        return out
    }

    /// The stored evaluations of `configuration` on `instance`, or `nil` when it has none there.
    public func results(_ configuration: ConfigurationID, on instance: InstanceInfo) throws(TableError) -> ResultBlock? {
        let row: (Int, [UInt8], [UInt8])?
        do {
            row = try db.firstRow("SELECT points, keys, data FROM results WHERE instance = ? AND config = ?",
                                  [.integer(instance.id), .integer(configuration.int64)]) { s in
                (s.int(at: 0), s.blob(at: 1), s.blob(at: 2))
            }
        } catch {
            throw .damaged(path: path, what: "results of \(configuration) on '\(instance.name)'", reason: "\(error)")
        }
        guard let row else { return nil }
        return try decode(points: row.0, keys: row.1, data: row.2, what: "results of \(configuration) on '\(instance.name)'")
    }

    /// Calls `body` with every result row of `instance` (all rows when `nil`), in key order.
    public func forEachResult(on instance: InstanceInfo? = nil, _ body: (InstanceInfo, ConfigurationID, ResultBlock) throws -> Void) throws {
        let byID = Dictionary(instances.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
        let sql = instance == nil
            ? "SELECT instance, config, points, keys, data FROM results ORDER BY instance, config"
            : "SELECT instance, config, points, keys, data FROM results WHERE instance = ? ORDER BY config"
        let raw: [(Int64, Int64, Int, [UInt8], [UInt8])]
        do {
            raw = try db.rows(sql, instance.map { [.integer($0.id)] } ?? []) { s in
                (s.int64(at: 0), s.int64(at: 1), s.int(at: 2), s.blob(at: 3), s.blob(at: 4))
            }
        } catch {
            throw TableError.damaged(path: path, what: "the results table", reason: "\(error)")
        }
        for (instanceID, config, points, keys, data) in raw {
            guard let info = byID[instanceID] else {
                throw TableError.damaged(path: path, what: "a result row", reason: "it refers to instance id \(instanceID), which does not exist")
            }
            let id = ConfigurationID(int64: config)
            try body(info, id, try decode(points: points, keys: keys, data: data, what: "results of \(id) on '\(info.name)'"))
        }
    }

    /// Looks up one configuration at one fidelity: one seed, or the mean over all seeds.
    public func query(_ configuration: Configuration, on instanceName: String, at fidelity: [Double], seed: Int?) throws(TableError) -> TableAnswer {
        let instance = try self.instance(named: instanceName)
        let normalized = try validated(configuration)
        guard fidelity.count == description.fidelities.count else {
            throw .fidelityArity(expected: description.fidelities.map(\.name), given: fidelity.count)
        }
        guard let block = try results(normalized.id, on: instance) else {
            let all = (try? configurations()) ?? []
            if all.contains(where: { $0.id == normalized.id }) {
                throw .unknownFidelity(instance: instanceName, configuration: normalized.canonicalText, value: fidelity.map(\.canonicalSpelling).joined(separator: ","), available: [])
            }
            throw .unknownConfiguration(canonical: normalized.canonicalText, count: configurationCount, sample: all.prefix(3).map(\.canonicalText))
        }
        let point = FidelityPoint(fidelity)
        let rows = (0..<block.count).filter { block.fidelity(at: $0) == point }
        guard !rows.isEmpty else {
            var seen: [FidelityPoint] = []
            for i in 0..<block.count where seen.last != block.fidelity(at: i) { seen.append(block.fidelity(at: i)) }
            throw .unknownFidelity(instance: instanceName, configuration: normalized.canonicalText,
                                   value: point.description, available: seen.map(\.description))
        }
        let chosen: [Int]
        if let seed {
            chosen = rows.filter { block.seeds[$0] == seed }
            guard !chosen.isEmpty else { throw .unknownSeed(seed: seed, available: rows.map { block.seeds[$0] }) }
        } else {
            chosen = rows
        }
        let columns = block.columns.count
        var sums = [Double](repeating: 0, count: columns)
        for r in chosen { for c in 0..<columns { sums[c] += Double(block.columns[c][r]) } }
        let means = sums.map { $0 / Double(chosen.count) }
        return TableAnswer(result: EvaluationResult(values: Array(means.dropLast()), cost: means.last!), seedCount: chosen.count)
    }

    /// `configuration` checked against the table's space and normalized (ints vs floats), so
    /// that `{"x": 1}` and `{"x": 1.0}` find the same row.
    public func validated(_ configuration: Configuration) throws(TableError) -> Configuration {
        do {
            let normalized = try description.space.normalized(configuration)
            try description.space.validate(normalized)
            return normalized
        } catch {
            throw .invalidConfiguration(canonical: configuration.canonicalText, reason: "\(error)")
        }
    }

    /// Recomputes the content hash from the file's contents, decoding every result blob.
    public func computeContentHash() throws(TableError) -> String {
        var hasher = ContentHasher()
        hasher.add(description: description)
        do {
            try forEachResult { instance, config, block in
                let keys = ([block.seeds.map(Double.init)] + block.fidelities).flatMap { $0 }
                hasher.add(instance: instance.name, configuration: config, keys: keys, data: block.columns.flatMap { $0 })
            }
        } catch let e as TableError { throw e } catch { throw .database("\(error)") }
        let configs = try configurations()
        hasher.add(instances: instances.map(\.name), configurations: configs.map { ($0.id, $0.canonicalText) })
        return hasher.finalize()
    }

    func decode(points: Int, keys: [UInt8], data: [UInt8], what: String) throws(TableError) -> ResultBlock {
        let k: [Double]
        let d: [Float]
        do {
            k = try FloatArrayCodec.decodeDoubles(keys)
            d = try FloatArrayCodec.decodeFloats(data)
        } catch {
            throw .damaged(path: path, what: what, reason: "\(error)")
        }
        let keyColumns = 1 + description.fidelities.count
        let dataColumns = description.objectives.count + 1
        guard points > 0, k.count == points * keyColumns, d.count == points * dataColumns else {
            throw .damaged(path: path, what: what, reason: "expected \(points) points × \(keyColumns) key and \(dataColumns) value columns, found \(k.count) keys and \(d.count) values")
        }
        let seeds = k[0..<points].map { Int($0) }
        let fidelities = (1..<keyColumns).map { Array(k[$0 * points..<($0 + 1) * points]) }
        let columns = (0..<dataColumns).map { Array(d[$0 * points..<($0 + 1) * points]) }
        return ResultBlock(seeds: seeds, fidelities: fidelities, columns: columns)
    }
}
