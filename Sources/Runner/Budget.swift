import YardstickCore

/// How much a run may spend. Any combination may be set; the run stops at the first one reached.
///
/// Exactly what each limit means (the simulator applies them in this way):
/// - `simulatedSeconds` T: no evaluation starts at a simulated time ≥ T, and an evaluation
///   that would end after T is cut off: it is not recorded, not counted and not told to the
///   optimizer. An evaluation ending exactly at T counts. The run's simulated total is then T.
/// - `evaluations` N: at most N evaluations are started (failed ones included); all started
///   ones run to their end (unless cut off by `simulatedSeconds`).
/// - `fullFidelityEvaluations` F: each evaluation spends fidelity[0] / full[0] of the first
///   fidelity dimension (for a resumed trial only the part it adds); a new evaluation starts
///   only while the amount spent so far is below F, so the last one may overshoot F by at
///   most one evaluation's share.
public struct Budget: Sendable, Hashable, CustomStringConvertible {
    /// Simulated wall-clock seconds (the benchmark's reported costs spread over the workers).
    public var simulatedSeconds: Double?
    /// Number of evaluations started.
    public var evaluations: Int?
    /// Full-fidelity-equivalent evaluations: the sum of fidelity / full fidelity (first dimension).
    public var fullFidelityEvaluations: Double?

    public init(simulatedSeconds: Double? = nil, evaluations: Int? = nil, fullFidelityEvaluations: Double? = nil) {
        self.simulatedSeconds = simulatedSeconds
        self.evaluations = evaluations
        self.fullFidelityEvaluations = fullFidelityEvaluations
    }

    /// Reads the command-line form: comma-separated `key=value` limits, with keys
    /// `seconds` (simulated seconds), `evals` (evaluations) and `full` (full-fidelity-equivalent
    /// evaluations), e.g. `evals=50`, `seconds=3600`, `full=20,seconds=7200`.
    public init(parsing text: String) throws(RunnerError) {
        self.init()
        let parts = text.split(separator: ",", omittingEmptySubsequences: false)
        for part in parts {
            let pair = part.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            guard pair.count == 2 else { throw .invalidBudget(text: text, reason: "'\(part)' is not key=value") }
            let key = String(pair[0]).trimmingSpaces
            let value = String(pair[1]).trimmingSpaces
            switch key {
            case "seconds":
                guard simulatedSeconds == nil else { throw .invalidBudget(text: text, reason: "seconds given twice") }
                guard let v = Double(value), v.isFinite else { throw .invalidBudget(text: text, reason: "seconds=\(value) is not a number") }
                simulatedSeconds = v
            case "evals":
                guard evaluations == nil else { throw .invalidBudget(text: text, reason: "evals given twice") }
                guard let v = Int(value) else { throw .invalidBudget(text: text, reason: "evals=\(value) is not an integer") }
                evaluations = v
            case "full":
                guard fullFidelityEvaluations == nil else { throw .invalidBudget(text: text, reason: "full given twice") }
                guard let v = Double(value), v.isFinite else { throw .invalidBudget(text: text, reason: "full=\(value) is not a number") }
                fullFidelityEvaluations = v
            default:
                throw .invalidBudget(text: text, reason: "unknown limit '\(key)' (known: seconds, evals, full)")
            }
        }
        try validate()
    }

    /// Checks that at least one limit is set and every limit is positive.
    public func validate() throws(RunnerError) {
        if simulatedSeconds == nil && evaluations == nil && fullFidelityEvaluations == nil {
            throw .invalidBudget(text: key, reason: "set at least one of seconds, evals, full")
        }
        if let s = simulatedSeconds, !(s > 0) { throw .invalidBudget(text: key, reason: "seconds must be > 0, got \(s.canonicalText)") }
        if let e = evaluations, e <= 0 { throw .invalidBudget(text: key, reason: "evals must be > 0, got \(e)") }
        if let f = fullFidelityEvaluations, !(f > 0) { throw .invalidBudget(text: key, reason: "full must be > 0, got \(f.canonicalText)") }
    }

    /// The canonical command-line form (`evals=50,full=20,seconds=3600`), part of a run's key.
    public var key: String {
        var parts: [String] = []
        if let e = evaluations { parts.append("evals=\(e)") }
        if let f = fullFidelityEvaluations { parts.append("full=\(f.canonicalText)") }
        if let s = simulatedSeconds { parts.append("seconds=\(s.canonicalText)") }
        return parts.joined(separator: ",")
    }

    public var description: String {
        var parts: [String] = []
        if let s = simulatedSeconds { parts.append("\(s.canonicalText) simulated s") }
        if let e = evaluations { parts.append("\(e) evaluations") }
        if let f = fullFidelityEvaluations { parts.append("\(f.canonicalText) full-fidelity evaluations") }
        return parts.isEmpty ? "unlimited" : parts.joined(separator: ", ")
    }
}

extension Double {
    /// An integral value without a fraction (`3600`), otherwise the shortest round-trip spelling.
    var canonicalText: String {
        rounded() == self && abs(self) < 1e15 ? String(Int(self)) : canonicalSpelling
    }
}

extension String {
    var trimmingSpaces: String {
        var s = Substring(self)
        while s.first == " " { s.removeFirst() }
        while s.last == " " { s.removeLast() }
        return String(s)
    }
}
