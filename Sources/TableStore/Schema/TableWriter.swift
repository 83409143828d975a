import YardstickCore

/// Writes a new benchmark table. Everything goes to a temporary file next to the
/// destination, which `finish()` renames into place: an interrupted or failed write never
/// leaves a half-written table under the destination's name, nor destroys an existing one.
///
/// Writes are deterministic: the same calls in the same order give the same file, byte for byte.
public final class TableWriter {
    public let path: String
    let temporaryPath: String
    let description: TableDescription
    var db: Database?
    var hasher = ContentHasher()
    var instanceNames: [Int64: String] = [:]
    var configurationTexts: [ConfigurationID: String] = [:]
    public private(set) var rowCount = 0

    /// Starts a table at `path` (replaced on `finish()` if it exists).
    public init(creating path: String, description: TableDescription) throws {
        self.path = path
        self.temporaryPath = path + ".partial"
        self.description = description
        removeFile(temporaryPath)
        let db = try Database(path: temporaryPath, mode: .create)
        self.db = db
        // Deterministic bytes: fixed page size, no WAL, a single bulk transaction. Small pages
        // waste less of the last overflow page of each compressed result row (38 MB instead
        // of 44 MB for LCDB).
        try db.execute("PRAGMA page_size = 1024")
        try db.execute("PRAGMA journal_mode = OFF")
        try db.execute("PRAGMA synchronous = OFF")
        try db.execute("BEGIN IMMEDIATE")
        for sql in TableSchema.statements { try db.execute(sql) }
        try db.execute("INSERT INTO space (id, configspace_json) VALUES (1, ?)", [.text(description.space.configSpaceJSON())])
        for (i, f) in description.fidelities.enumerated() {
            try db.execute("INSERT INTO fidelities VALUES (?, ?, ?, ?, ?, ?, ?)", [
                .integer(Int64(i)), .text(f.name), .text(f.kind.rawValue), .real(f.lower), .real(f.upper),
                .integer(f.isLogScale ? 1 : 0), .text(f.description),
            ])
        }
        for (i, o) in description.objectives.enumerated() {
            try db.execute("INSERT INTO objectives VALUES (?, ?, ?, ?, ?, ?)", [
                .integer(Int64(i)), .text(o.name), .text(o.direction.rawValue), .text(o.unit), .text(o.role.rawValue), .text(o.description),
            ])
        }
        hasher.add(description: description)
    }

    deinit { abandon() }

    /// Adds an instance and returns its row id.
    public func addInstance(name: String, title: String, features: JSONValue?) throws -> Int64 {
        let db = try open()
        let id = Int64(instanceNames.count + 1)
        try db.execute("INSERT INTO instances (id, name, title, features_json) VALUES (?, ?, ?, ?)", [
            .integer(id), .text(name), .text(title), features.map { .text($0.serialized()) } ?? .null,
        ])
        instanceNames[id] = name
        return id
    }

    /// Adds a configuration (once; adding it again is a no-op).
    public func addConfiguration(_ configuration: Configuration) throws {
        let db = try open()
        if configurationTexts[configuration.id] != nil { return }
        try db.execute("INSERT INTO configurations (id, canonical) VALUES (?, ?)", [.integer(configuration.id.int64), .text(configuration.canonicalText)])
        configurationTexts[configuration.id] = configuration.canonicalText
    }

    /// Adds every evaluation of one configuration on one instance.
    /// - Precondition: the block's columns match the table's objectives plus the cost.
    public func addResults(_ block: ResultBlock, instance: Int64, configuration: ConfigurationID) throws {
        let db = try open()
        precondition(block.columns.count == description.objectives.count + 1, "one column per objective plus the cost")
        precondition(block.fidelities.count == description.fidelities.count, "one fidelity column per dimension")
        guard let instanceName = instanceNames[instance] else { throw TableError.database("no instance with id \(instance) was added") }
        guard configurationTexts[configuration] != nil else { throw TableError.database("configuration \(configuration) was not added") }
        let sorted = block.sorted()
        let keys = ([sorted.seeds.map(Double.init)] + sorted.fidelities).flatMap { $0 }
        let data = sorted.columns.flatMap { $0 }
        try db.execute("INSERT INTO results (instance, config, points, keys, data) VALUES (?, ?, ?, ?, ?)", [
            .integer(instance), .integer(configuration.int64), .integer(Int64(sorted.count)),
            .blob(FloatArrayCodec.encode(keys)), .blob(FloatArrayCodec.encode(data)),
        ])
        rowCount += 1
        hasher.add(instance: instanceName, configuration: configuration, keys: keys, data: data)
    }

    /// Writes the metadata and content hash, compacts the file and moves it into place.
    /// Returns the content hash (hex SHA-256).
    @discardableResult
    public func finish() throws -> String {
        let db = try open()
        hasher.add(instances: Array(instanceNames.values), configurations: configurationTexts.map { ($0.key, $0.value) })
        let contentHash = hasher.finalize()
        var metadata: [(String, String)] = [
            ("format", TableSchema.format), ("schema_version", String(TableSchema.version)),
            ("name", description.name), ("version", description.version), ("license", description.license),
            ("provenance", description.provenance), ("source", description.source),
            ("source_sha256", description.sourceSHA256), ("citation", description.citation),
            ("seeds", description.seeds), ("content_hash", contentHash),
        ]
        for key in description.extra.keys.sorted() where !metadata.contains(where: { $0.0 == key }) {
            metadata.append((key, description.extra[key]!))
        }
        for (k, v) in metadata { try db.execute("INSERT INTO metadata (key, value) VALUES (?, ?)", [.text(k), .text(v)]) }
        try db.execute("COMMIT")
        try db.execute("VACUUM")
        self.db = nil
        if let failure = renameFile(temporaryPath, to: path) {
            throw TableError.database("cannot move \(temporaryPath) to \(path): \(failure)")
        }
        return contentHash
    }

    /// Drops the partial file (called on failure; safe to call twice).
    public func abandon() {
        if db != nil {
            db = nil
            removeFile(temporaryPath)
        }
    }

    private func open() throws -> Database {
        guard let db else { throw TableError.database("the table writer for \(path) is already finished") }
        return db
    }
}
