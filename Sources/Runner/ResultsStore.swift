import TableStore
import YardstickCore

/// The version of Yardstick recorded with every run.
public let yardstickVersion = "0.1.0"

/// A results file: every run of an experiment and every evaluation it made, in SQLite.
///
/// The file is in WAL mode with a 5 s busy timeout, so several threads or processes may
/// write it. Its schema version sits in the `metadata` table; a file from a newer version
/// is refused. A run is marked `incomplete` when it starts; when it ends, its evaluations and
/// the `complete` mark are written in one `BEGIN IMMEDIATE` transaction, replacing anything
/// an interrupted earlier attempt left. A killed process therefore leaves at most
/// `incomplete` runs without evaluations, which a resumed grid reruns from scratch.
public final class ResultsStore {
    /// The schema version this Yardstick writes and reads.
    public static let schemaVersion = 1
    public let path: String
    let db: Database

    /// Opens (or creates) the results file at `path`.
    public init(path: String) throws(RunnerError) {
        self.path = path
        do {
            db = try Database(path: path, mode: .create, busyTimeoutMilliseconds: 5000)
        } catch {
            throw .notAResultsFile(path: path, reason: error.description)
        }
        do {
            try ResultsStore.prepare(db, path: path)
        } catch let error as RunnerError { throw error } catch { throw .database("\(path): \(error)") }
    }

    static func prepare(_ db: Database, path: String) throws {
        let tables = try db.strings("SELECT name FROM sqlite_master WHERE type = 'table'")
        if tables.isEmpty {
            try db.setJournalMode(.wal)
            try db.transaction { db in
                try db.executeScript(ResultsStore.schema)
                try db.execute("INSERT INTO metadata (key, value) VALUES ('format', 'yardstick-results'), ('schema_version', ?)",
                               [.text(String(ResultsStore.schemaVersion))])
            }
            return
        }
        try checkVersion(db, path: path)
        if try db.journalMode != .wal { try db.setJournalMode(.wal) }
    }

    /// Refuses a file that is not a results file or comes from a newer schema.
    static func checkVersion(_ db: Database, path: String, schemaName: String = "main") throws(RunnerError) {
        let format: String?
        let version: String?
        do {
            format = try db.scalar("SELECT value FROM \(schemaName).metadata WHERE key = 'format'")?.text
            version = try db.scalar("SELECT value FROM \(schemaName).metadata WHERE key = 'schema_version'")?.text
        } catch {
            throw .notAResultsFile(path: path, reason: "it has no readable metadata table (\(error.message))")
        }
        guard format == "yardstick-results" else { throw .notAResultsFile(path: path, reason: "its metadata format is '\(format ?? "missing")'") }
        guard let v = version.flatMap({ Int($0) }) else { throw .notAResultsFile(path: path, reason: "its schema_version is missing") }
        if v > schemaVersion { throw .schemaTooNew(path: path, found: v, supported: schemaVersion) }
        if v < schemaVersion { throw .notAResultsFile(path: path, reason: "schema version \(v) is older than \(schemaVersion) and cannot be read") }
    }

    static let schema = """
    CREATE TABLE metadata (key TEXT PRIMARY KEY, value TEXT NOT NULL);
    CREATE TABLE runs (
        run_key TEXT PRIMARY KEY,
        optimizer TEXT NOT NULL, settings TEXT NOT NULL,
        benchmark TEXT NOT NULL, benchmark_hash TEXT NOT NULL, instance TEXT NOT NULL,
        seed INTEGER NOT NULL, budget TEXT NOT NULL, workers INTEGER NOT NULL,
        objective TEXT NOT NULL, seed_policy TEXT NOT NULL, charge_overhead INTEGER NOT NULL,
        yardstick_version TEXT NOT NULL,
        status TEXT NOT NULL CHECK (status IN ('incomplete', 'complete')),
        objectives TEXT, full_fidelity TEXT,
        evaluations INTEGER, failed INTEGER,
        simulated_seconds REAL, total_cost REAL, full_fidelity_evaluations REAL,
        stop_reason TEXT, overhead_seconds REAL, digest TEXT
    );
    CREATE TABLE evaluations (
        run_key TEXT NOT NULL REFERENCES runs (run_key),
        sequence INTEGER NOT NULL, start_order INTEGER NOT NULL, trial INTEGER NOT NULL,
        configuration TEXT NOT NULL, configuration_id TEXT NOT NULL,
        fidelity TEXT NOT NULL, resumed INTEGER, seed INTEGER,
        objective_values TEXT NOT NULL, cost REAL NOT NULL, charged_cost REAL NOT NULL,
        start REAL NOT NULL, "end" REAL NOT NULL, worker INTEGER NOT NULL,
        failed INTEGER NOT NULL, error TEXT,
        PRIMARY KEY (run_key, sequence)
    ) WITHOUT ROWID;
    """

    /// The status of the run with `key`, or `nil` when the file has no such run.
    public func status(of key: String) throws(RunnerError) -> String? {
        try wrap { try db.scalar("SELECT status FROM runs WHERE run_key = ?", [.text(key)])?.text }
    }

    /// The keys of every complete run.
    public func completedKeys() throws(RunnerError) -> Set<String> {
        Set(try wrap { try db.strings("SELECT run_key FROM runs WHERE status = 'complete'") })
    }

    /// Marks `spec` as started, unless it is already complete.
    public func markStarted(_ spec: RunSpec) throws(RunnerError) {
        try wrap {
            try db.transaction { db in
                let existing = try db.scalar("SELECT status FROM runs WHERE run_key = ?", [.text(spec.key)])?.text
                guard existing == nil else { return }
                try db.execute("""
                    INSERT INTO runs (run_key, optimizer, settings, benchmark, benchmark_hash, instance, seed, budget, workers,
                                      objective, seed_policy, charge_overhead, yardstick_version, status)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'incomplete')
                    """, ResultsStore.specValues(spec))
            }
        }
    }

    static func specValues(_ spec: RunSpec) -> [DatabaseValue] {
        [.text(spec.key), .text(spec.optimizer), .text(spec.settingsText), .text(spec.benchmark), .text(spec.benchmarkHash),
         .text(spec.instance), .integer(Int64(spec.seed)), .text(spec.budget.key), .integer(Int64(spec.workers)),
         .text(spec.objective), .text(spec.seedPolicy.rawValue), .integer(spec.chargeOverhead ? 1 : 0), .text(yardstickVersion)]
    }

    /// Writes a finished run and marks it complete, in one transaction, replacing whatever an
    /// earlier attempt of the same run left.
    public func record(_ result: RunResult, fullFidelity: FidelityPoint) throws(RunnerError) {
        let key = result.spec.key
        try wrap {
            try db.transaction { db in
                try db.execute("DELETE FROM evaluations WHERE run_key = ?", [.text(key)])
                try db.execute("DELETE FROM runs WHERE run_key = ?", [.text(key)])
                try db.execute("""
                    INSERT INTO runs (run_key, optimizer, settings, benchmark, benchmark_hash, instance, seed, budget, workers,
                                      objective, seed_policy, charge_overhead, yardstick_version, status,
                                      objectives, full_fidelity, evaluations, failed, simulated_seconds, total_cost,
                                      full_fidelity_evaluations, stop_reason, overhead_seconds, digest)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'complete', ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                    """, ResultsStore.specValues(result.spec) + [
                        .text(JSONValue.array(result.objectives.map { .string($0) }).serialized()), .text(fullFidelity.description),
                        .integer(Int64(result.evaluations.count)), .integer(Int64(result.failedCount)),
                        .real(result.simulatedSeconds), .real(result.totalCost), .real(result.fullFidelityEvaluations),
                        .text(result.stopReason.rawValue), .real(result.overheadSeconds), .text(ResultsStore.digest(of: result)),
                    ])
                for e in result.evaluations {
                    try db.execute("""
                        INSERT INTO evaluations (run_key, sequence, start_order, trial, configuration, configuration_id, fidelity,
                                                 resumed, seed, objective_values, cost, charged_cost, start, "end", worker, failed, error)
                        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                        """, ResultsStore.evaluationValues(e, key: key))
                }
            }
        }
    }

    static func evaluationValues(_ e: EvaluationRecord, key: String) -> [DatabaseValue] {
        [.text(key), .integer(Int64(e.sequence)), .integer(Int64(e.startOrder)), .integer(Int64(e.trial)),
         .text(e.configuration.canonicalText), .text(e.configuration.id.description), .text(e.fidelity.description),
         e.resumed.map { .integer(Int64($0)) } ?? .null, e.seed.map { .integer(Int64($0)) } ?? .null,
         .text(valuesText(e.values)), .real(e.cost), .real(e.chargedCost), .real(e.start), .real(e.end),
         .integer(Int64(e.worker)), .integer(e.failed ? 1 : 0), e.error.map { .text($0) } ?? .null]
    }

    /// The values as a JSON array, each double in its shortest round-trip spelling (NaN as null).
    static func valuesText(_ values: [Double]) -> String {
        JSONValue.array(values.map { $0.isFinite ? .double($0) : .null }).serialized()
    }

    /// A SHA-256 over everything reproducible about a run (its key, totals and every
    /// evaluation, not the measured overhead): equal digests mean identical results.
    public static func digest(of result: RunResult) -> String {
        var text = result.spec.keyText + "\n"
        text += "stop=\(result.stopReason.rawValue) time=\(result.simulatedSeconds.bitPattern) cost=\(result.totalCost.bitPattern)\n"
        for e in result.evaluations {
            text += evaluationValues(e, key: "").map(\.digestText).joined(separator: "|") + "\n"
        }
        return SHA256.hex(SHA256.hash(Array(text.utf8)))
    }

    func wrap<T>(_ body: () throws -> T) throws(RunnerError) -> T {
        do { return try body() } catch let e as RunnerError { throw e } catch { throw .database("\(path): \(error)") }
    }
}

extension DatabaseValue {
    /// An exact spelling for digests (doubles by bit pattern).
    var digestText: String {
        switch self {
        case .null: "null"
        case .integer(let v): "i\(v)"
        case .real(let v): "r\(v.bitPattern)"
        case .text(let v): "t\(v)"
        case .blob(let v): "b\(v)"
        }
    }
}
