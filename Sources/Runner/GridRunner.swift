import Dispatch
import Synchronization
import TableStore
import YardstickCore

/// What running a grid did.
public struct GridSummary: Sendable, Equatable {
    /// Runs run now.
    public var ran = 0
    /// Runs the results file already held complete (skipped).
    public var skipped = 0
}

/// Runs a list of runs on a tabular benchmark across `jobs` threads, writing each finished
/// run to the results file (one connection per thread; the file's busy timeout serializes
/// their short write transactions). Runs the file already holds complete are skipped;
/// incomplete ones are rerun from scratch. Each run's results depend only on its spec, so
/// the file's contents do not depend on `jobs` or on which thread ran what.
public struct GridRunner: Sendable {
    public var table: TabularBenchmark
    public var resultsPath: String
    public var jobs: Int
    /// Draw a progress bar (runs done/total, ETA) on standard error.
    public var showProgress: Bool

    public init(table: TabularBenchmark, resultsPath: String, jobs: Int = processorCount(), showProgress: Bool = false) {
        self.table = table
        self.resultsPath = resultsPath
        self.jobs = max(1, jobs)
        self.showProgress = showProgress
    }

    public func run(_ specs: [RunSpec]) throws(RunnerError) -> GridSummary {
        let store = try ResultsStore(path: resultsPath)
        let done = try store.completedKeys()
        let todo = specs.filter { !done.contains($0.key) }
        var summary = GridSummary(ran: todo.count, skipped: specs.count - todo.count)
        if todo.isEmpty { return summary }
        for spec in todo { try store.markStarted(spec) }

        let next = Atomic<Int>(0)
        let failure = Mutex<RunnerError?>(nil)
        let progress = Progress(total: todo.count, enabled: showProgress)
        let table = self.table
        let path = resultsPath
        let threads = min(jobs, todo.count)
        DispatchQueue.concurrentPerform(iterations: threads) { _ in
            let store: ResultsStore
            do throws(RunnerError) { store = try ResultsStore(path: path) } catch {
                failure.withLock { if $0 == nil { $0 = error } }
                return
            }
            while failure.withLock({ $0 == nil }) {
                let i = next.add(1, ordering: .relaxed).oldValue
                guard i < todo.count else { break }
                do throws(RunnerError) {
                    let spec = todo[i]
                    let environment = try table.environment(on: spec.instance, objective: spec.objective)
                    let result = try simulate(spec, in: environment)
                    try store.record(result, fullFidelity: environment.problem.fullFidelity)
                    progress.step()
                } catch {
                    failure.withLock { if $0 == nil { $0 = error } }
                }
            }
        }
        progress.finish()
        if let error = failure.withLock({ $0 }) {
            summary.ran = 0
            throw error
        }
        return summary
    }
}

/// A one-line progress bar on standard error: runs done/total and the estimated time left.
final class Progress: Sendable {
    let total: Int
    let enabled: Bool
    let start = monotonicSeconds()
    let state = Mutex<(done: Int, lastDraw: Double)>((0, 0))

    init(total: Int, enabled: Bool) {
        self.total = total
        self.enabled = enabled
    }

    func step() {
        guard enabled else { return }
        let line: String? = state.withLock { s in
            s.done += 1
            let now = monotonicSeconds()
            guard s.done == total || now - s.lastDraw >= 0.1 else { return nil }
            s.lastDraw = now
            let elapsed = now - start
            let eta = elapsed / Double(s.done) * Double(total - s.done)
            let width = 30
            let filled = total == 0 ? width : s.done * width / total
            return "\r[" + String(repeating: "#", count: filled) + String(repeating: ".", count: width - filled) +
                "] \(s.done)/\(total) runs, ETA \(Progress.format(eta))  "
        }
        if let line { writeToStandardError(line) }
    }

    func finish() {
        if enabled { writeToStandardError("\n") }
    }

    static func format(_ seconds: Double) -> String {
        let s = Int(seconds.rounded(.up))
        return s >= 60 ? "\(s / 60)m\(s % 60)s" : "\(s)s"
    }
}
