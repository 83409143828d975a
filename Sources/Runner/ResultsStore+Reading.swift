import TableStore
import YardstickCore

/// A complete run read back from a results file.
public struct StoredRun: Sendable {
    public var key: String
    public var optimizer: String
    public var settings: String
    public var instance: String
    public var seed: Int
    public var budget: String
    public var workers: Int
    public var objective: String
    public var objectives: [String]
    public var fullFidelity: FidelityPoint
    public var simulatedSeconds: Double
    public var overheadSeconds: Double
    public var digest: String
    /// Every evaluation in finishing order.
    public var evaluations: [EvaluationRecord]

    public var failedCount: Int { evaluations.count { $0.failed } }
}

extension ResultsStore {
    /// The complete run with `key`, with its evaluations, or `nil` when it is absent or incomplete.
    public func completeRun(_ key: String) throws(RunnerError) -> StoredRun? {
        try wrap { () throws -> StoredRun? in
            let rows = try db.rows("""
                SELECT optimizer, settings, instance, seed, budget, workers, objective, objectives, full_fidelity,
                       simulated_seconds, overhead_seconds, digest
                FROM runs WHERE run_key = ? AND status = 'complete'
                """, [.text(key)])
            guard let r = rows.first else { return nil }
            let names = try JSONValue(parsing: r[7].text ?? "[]").arrayValue?.compactMap(\.stringValue) ?? []
            var run = StoredRun(key: key, optimizer: r[0].text ?? "", settings: r[1].text ?? "", instance: r[2].text ?? "",
                                seed: Int(r[3].int64 ?? 0), budget: r[4].text ?? "", workers: Int(r[5].int64 ?? 0),
                                objective: r[6].text ?? "", objectives: names, fullFidelity: ResultsStore.fidelity(r[8].text ?? ""),
                                simulatedSeconds: r[9].double ?? 0, overheadSeconds: r[10].double ?? 0, digest: r[11].text ?? "",
                                evaluations: [])
            run.evaluations = try db.rows("""
                SELECT sequence, start_order, trial, configuration, fidelity, resumed, seed, objective_values,
                       cost, charged_cost, start, "end", worker, error
                FROM evaluations WHERE run_key = ? ORDER BY sequence
                """, [.text(key)]) { s in
                let values = try JSONValue(parsing: s.text(at: 7)).arrayValue?.map { $0.doubleValue ?? .nan } ?? []
                return EvaluationRecord(sequence: s.int(at: 0), startOrder: s.int(at: 1), trial: s.int(at: 2),
                                        configuration: try Configuration(json: s.text(at: 3)), fidelity: ResultsStore.fidelity(s.text(at: 4)),
                                        resumed: s.isNull(at: 5) ? nil : s.int(at: 5), seed: s.isNull(at: 6) ? nil : s.int(at: 6),
                                        values: values, cost: s.double(at: 8), chargedCost: s.double(at: 9),
                                        start: s.double(at: 10), end: s.double(at: 11), worker: s.int(at: 12),
                                        error: s.isNull(at: 13) ? nil : s.text(at: 13))
            }
            return run
        }
    }

    static func fidelity(_ text: String) -> FidelityPoint {
        FidelityPoint(text.isEmpty ? [] : text.split(separator: ",").map { Double($0) ?? .nan })
    }

    /// Every reproducible row of the file as text, sorted: the runs (without the measured
    /// overhead and the Yardstick version) and the evaluations. Equal dumps mean equal results.
    public func reproducibleDump() throws(RunnerError) -> [String] {
        try wrap {
            let runs = try db.rows("""
                SELECT run_key, optimizer, settings, benchmark, benchmark_hash, instance, seed, budget, workers, objective,
                       seed_policy, charge_overhead, status, objectives, full_fidelity, evaluations, failed,
                       simulated_seconds, total_cost, full_fidelity_evaluations, stop_reason, digest
                FROM runs ORDER BY run_key
                """)
            let evaluations = try db.rows("SELECT * FROM evaluations ORDER BY run_key, sequence")
            return (runs + evaluations).map { $0.values.map(\.digestText).joined(separator: "|") }
        }
    }

    /// The counts of runs by status.
    public func runCounts() throws(RunnerError) -> (complete: Int, incomplete: Int) {
        try wrap {
            (try db.int("SELECT count(*) FROM runs WHERE status = 'complete'"),
             try db.int("SELECT count(*) FROM runs WHERE status = 'incomplete'"))
        }
    }

    /// The number of evaluation rows (all runs).
    public func evaluationCount() throws(RunnerError) -> Int {
        try wrap { try db.int("SELECT count(*) FROM evaluations") }
    }
}

/// What `ResultsStore.merge(from:)` did.
public struct MergeSummary: Sendable, Equatable {
    /// Complete runs copied in.
    public var added = 0
    /// Complete runs the output already held with identical results.
    public var identical = 0
    /// Incomplete runs in the input, not copied.
    public var incomplete = 0
}

extension ResultsStore {
    /// Copies every complete run of the results file at `input` into this one. A run this
    /// file already holds complete with the same digest is skipped; with a different digest
    /// the merge is refused before anything is written. An incomplete run here is replaced by
    /// a complete one from the input; incomplete runs of the input are not copied.
    public func merge(from input: String) throws(RunnerError) -> MergeSummary {
        guard fileExistsAt(input) else { throw .notAResultsFile(path: input, reason: "no such file") }
        do {
            let probe = try Database(path: input, mode: .readOnly, busyTimeoutMilliseconds: 5000)
            try ResultsStore.checkVersion(probe, path: input)
        } catch let e as RunnerError { throw e } catch { throw .notAResultsFile(path: input, reason: "\(error)") }
        try wrap { try db.execute("ATTACH DATABASE ? AS src", [.text(input)]) }
        defer { _ = try? db.execute("DETACH DATABASE src") }
        return try wrap {
            try db.transaction { db in
                let conflicts = try db.rows("""
                    SELECT s.run_key, s.optimizer, s.instance, s.seed FROM src.runs s JOIN main.runs m ON m.run_key = s.run_key
                    WHERE s.status = 'complete' AND m.status = 'complete' AND s.digest <> m.digest ORDER BY s.run_key
                    """)
                if let c = conflicts.first {
                    throw RunnerError.conflictingRun(path: input, runKey: c[0].text ?? "",
                                                     description: "optimizer \(c[1].text ?? ""), instance \(c[2].text ?? ""), seed \(c[3].int64 ?? 0)")
                }
                var summary = MergeSummary()
                summary.identical = try db.int("""
                    SELECT count(*) FROM src.runs s JOIN main.runs m ON m.run_key = s.run_key
                    WHERE s.status = 'complete' AND m.status = 'complete'
                    """)
                summary.incomplete = try db.int("SELECT count(*) FROM src.runs WHERE status = 'incomplete'")
                let incoming = "SELECT run_key FROM src.runs WHERE status = 'complete'"
                try db.execute("DELETE FROM main.evaluations WHERE run_key IN (SELECT run_key FROM main.runs WHERE status = 'incomplete') AND run_key IN (\(incoming))")
                try db.execute("DELETE FROM main.runs WHERE status = 'incomplete' AND run_key IN (\(incoming))")
                try db.execute("INSERT INTO main.evaluations SELECT * FROM src.evaluations WHERE run_key IN (\(incoming)) AND run_key NOT IN (SELECT run_key FROM main.runs)")
                try db.execute("INSERT INTO main.runs SELECT * FROM src.runs WHERE status = 'complete' AND run_key NOT IN (SELECT run_key FROM main.runs)")
                summary.added = db.changedRowCount
                return summary
            }
        }
    }
}
