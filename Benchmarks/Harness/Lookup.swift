import Foundation
import TableStore
import YardstickCore

struct LookupKey {
    var instance: Int
    var configuration: Configuration
    var fidelity: FidelityPoint
    var seed: Int
}

@inline(__always) func nowNanoseconds() -> UInt64 {
    var ts = timespec()
    clock_gettime(CLOCK_MONOTONIC, &ts)
    return UInt64(ts.tv_sec) * 1_000_000_000 + UInt64(ts.tv_nsec)
}

func percentile(_ sorted: [UInt64], _ q: Double) -> UInt64 { sorted[min(sorted.count - 1, Int(q * Double(sorted.count)))] }

func runLookupBenchmark(table path: String, sdist: String?, python: String, keyCount: Int) throws {
    let t0 = nowNanoseconds()
    let bench = try TabularBenchmark(path: path)
    let loadSeconds = Double(nowNanoseconds() - t0) / 1e9
    print("loaded \(path): \(bench.instances.count) instances, \(bench.configurations.count) configurations in \(String(format: "%.2f", loadSeconds)) s")

    // Random keys that exist in the table: a random instance, learner, anchor and seed.
    var rng = Xoshiro256StarStar(seed: 2024)
    var keys: [LookupKey] = []
    var lines: [String] = []
    while keys.count < keyCount {
        let i = Int(rng.uniformInt(below: UInt64(bench.instances.count)))
        let c = bench.configurations[Int(rng.uniformInt(below: UInt64(bench.configurations.count)))]
        let points = try bench.fidelityPoints(of: c, on: bench.instances[i])
        if points.isEmpty { continue }
        let f = points[Int(rng.uniformInt(below: UInt64(points.count)))]
        let seed = Int(rng.uniformInt(below: 5)) * 100 + Int(rng.uniformInt(below: 25))
        guard (try? bench.lookup(c, instance: i, at: f, seed: seed)) != nil else { continue }
        keys.append(LookupKey(instance: i, configuration: c, fidelity: f, seed: seed))
        guard case .string(let learner) = c["learner"]! else { fatalError("LCDB configurations have a learner") }
        lines.append("\(bench.instances[i]),\(learner),\(Int(f[0])),\(seed / 100),\(seed % 100)")
    }

    // Warm up, then time every lookup on its own (clock overhead included, as in the peer).
    var checksum = 0.0
    for k in keys { checksum += try bench.lookup(k.configuration, instance: k.instance, at: k.fidelity, seed: k.seed).values[0] }
    var times: [UInt64] = []
    times.reserveCapacity(keys.count * 5)
    checksum = 0
    for _ in 0..<5 {
        for k in keys {
            let a = nowNanoseconds()
            let r = try bench.lookup(k.configuration, instance: k.instance, at: k.fidelity, seed: k.seed)
            let b = nowNanoseconds()
            times.append(b - a)
            checksum += r.values[0]
        }
    }
    times.sort()
    var clockOverhead: [UInt64] = []
    for _ in 0..<100_000 { let a = nowNanoseconds(); let b = nowNanoseconds(); clockOverhead.append(b - a) }
    clockOverhead.sort()
    let batchStart = nowNanoseconds()
    var batchSum = 0.0
    for k in keys { batchSum += try bench.lookup(k.configuration, instance: k.instance, at: k.fidelity, seed: k.seed).values[0] }
    let batchNs = Double(nowNanoseconds() - batchStart) / Double(keys.count)
    let seedMeanStart = nowNanoseconds()
    for k in keys.prefix(20_000) { batchSum += try bench.lookup(k.configuration, instance: k.instance, at: k.fidelity, seed: nil).values[0] }
    let seedMeanNs = Double(nowNanoseconds() - seedMeanStart) / Double(min(20_000, keys.count))

    let ours = (median: percentile(times, 0.5), p99: percentile(times, 0.99))
    print("")
    print("yardstick tabular lookup (\(times.count) timed lookups, \(keys.count) distinct random keys)")
    print("  median \(ours.median) ns, p99 \(ours.p99) ns (clock overhead median \(percentile(clockOverhead, 0.5)) ns, included)")
    print("  back-to-back: \(String(format: "%.0f", batchNs)) ns per lookup; mean over all seeds of a point: \(String(format: "%.0f", seedMeanNs)) ns per lookup")

    guard let sdist else {
        print("\nno --lcdb-sdist given: peers skipped (Benchmarks/run.sh passes it)")
        return
    }
    let keyFile = FileManager.default.temporaryDirectory.appendingPathComponent("yardstick-lookup-keys-\(getpid()).csv").path
    try lines.joined(separator: "\n").appending("\n").write(toFile: keyFile, atomically: true, encoding: .utf8)
    defer { try? FileManager.default.removeItem(atPath: keyFile) }
    let peerScript = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("peers/lookup_peer.py").path
    print("\nrunning the Python peers (\(python) \(peerScript)); loading LCDB into pandas takes a while…")
    let process = Process()
    process.executableURL = URL(fileURLWithPath: python)
    process.arguments = [peerScript, sdist, keyFile]
    let pipe = Pipe()
    process.standardOutput = pipe
    try process.run()
    let output = pipe.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    guard process.terminationStatus == 0 else {
        print("peer failed with status \(process.terminationStatus)")
        exit(1)
    }
    let peer = try JSONValue(parsing: [UInt8](output))
    func stat(_ peerName: String, _ key: String) -> Double { peer[peerName]?[key]?.doubleValue ?? .nan }
    let rows: [(String, Double, Double)] = [
        ("yardstick (Swift, SQLite table → in-memory index)", Double(ours.median), Double(ours.p99)),
        ("pandas \(peer["pandas_version"]?.stringValue ?? "?") DataFrame.loc[key, col] (MultiIndex)", stat("pandas", "median_ns"), stat("pandas", "p99_ns")),
        ("pandas DataFrame.at[key, col]", stat("pandas_at", "median_ns"), stat("pandas_at", "p99_ns")),
        ("pandas Series.iat[index.get_loc(key)] (fastest pandas)", stat("pandas_get_loc", "median_ns"), stat("pandas_get_loc", "p99_ns")),
        ("Python \(peer["python_version"]?.stringValue ?? "?") dict of tuples", stat("dict", "median_ns"), stat("dict", "p99_ns")),
    ]
    print("")
    print("peer".padding(toLength: 58, withPad: " ", startingAt: 0) + "median ns    p99 ns   median ratio (peer / yardstick)")
    for (name, median, p99) in rows {
        let ratio = median / Double(ours.median)
        print(name.padding(toLength: 58, withPad: " ", startingAt: 0)
              + String(format: "%9.0f %9.0f   %8.1f×", median, p99, ratio))
    }
    let dictChecksum = stat("dict", "checksum") / 5
    let relative = abs(dictChecksum - checksum / 5) / max(1, abs(dictChecksum))
    print("\nchecksum of valid_error over the keys: yardstick \(String(format: "%.4f", checksum / 5)), dict \(String(format: "%.4f", dictChecksum)) (relative difference \(String(format: "%.1e", relative)); values are stored as float32)")
    print("load time: pandas \(String(format: "%.1f", peer["pandas_load_s"]?.doubleValue ?? .nan)) s from CSV; yardstick \(String(format: "%.2f", loadSeconds)) s from SQLite")
    if Double(ours.median) > 2000 { print("TARGET MISSED: median lookup above 2 µs") }
    if stat("pandas", "median_ns") / Double(ours.median) < 100 { print("TARGET MISSED: less than 100× faster than pandas") }
}
