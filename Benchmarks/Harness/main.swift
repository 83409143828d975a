import Foundation
import TableStore
import YardstickCore

// Yardstick's performance harness. Each measurement runs beside its peers in the same
// process invocation, and prints ratios; Benchmarks/README.md records the last run.

let usage = """
usage: yardstick-bench lookup [--table FILE] [--lcdb-sdist FILE] [--python FILE] [--keys N]

  lookup   median and p99 latency of warm tabular lookups on Data/lcdb.sqlite for random
           (instance, learner, anchor, seed) keys, beside the same lookups answered by a
           pandas DataFrame and a Python dict (Benchmarks/peers/lookup_peer.py).
Run it through Benchmarks/run.sh, which builds in release mode and sets up the Python venv.
"""

var args = Array(CommandLine.arguments.dropFirst())
guard let task = args.first, task == "lookup" else {
    print(usage)
    exit(args.first == "--help" || args.first == "-h" ? 0 : 2)
}
args.removeFirst()
var options: [String: String] = [:]
while args.count >= 2, args[0].hasPrefix("--") { options[String(args[0].dropFirst(2))] = args[1]; args.removeFirst(2) }
if !args.isEmpty { print(usage); exit(2) }

try runLookupBenchmark(
    table: options["table"] ?? "Data/lcdb.sqlite",
    sdist: options["lcdb-sdist"],
    python: options["python"] ?? "python3",
    keyCount: Int(options["keys"] ?? "") ?? 200_000
)
