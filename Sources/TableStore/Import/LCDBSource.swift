import YardstickCore

/// The three CSV files of the LCDB sdist, read from the archive, and the archive's SHA-256.
struct LCDBSource {
    var path: String
    var sha256: String
    var accuracy: ArraySlice<UInt8>
    var logLoss: ArraySlice<UInt8>
    var datasets: ArraySlice<UInt8>

    static func load(_ path: String) throws(ImportError) -> LCDBSource {
        let archive = try readFile(path)
        let sha = SHA256.hex(SHA256.hash(archive))
        let tar = try Gzip.decompress(archive, path: path)
        let files = [LCDBImporter.accuracyFile, LCDBImporter.logLossFile, LCDBImporter.datasetsFile]
        let members = try Tar.members(of: tar, path: path, endingWith: files)
        for f in files where members[f] == nil { throw .missingMember(archive: path, member: f) }
        return LCDBSource(path: path, sha256: sha, accuracy: members[files[0]]!, logLoss: members[files[1]]!, datasets: members[files[2]]!)
    }
}

/// The whole file at `path`.
func readFile(_ path: String) throws(ImportError) -> [UInt8] {
    switch readWholeFile(path) {
    case .success(let bytes): return bytes
    case .failure(let error): throw .cannotRead(path: path, reason: error.message)
    }
}

extension LCDBImporter {
    struct Instance {
        var openmlID: Int
        var name: String
        var title: String
        var features: JSONValue?
        /// Keyed by learner index.
        var blocks: [Int: ResultBlock]
    }

    struct Parsed {
        var learners: [String]
        var instances: [Instance]
        var points: Int
        var maxAnchor: Int
    }

    /// Parses both score files in lock-step, checking that each line pair describes the same
    /// run and that every value is a finite number in range.
    static func parse(_ source: LCDBSource) throws(ImportError) -> Parsed {
        let accName = source.path + ":" + accuracyFile
        let llName = source.path + ":" + logLossFile
        var acc = CSVReader(file: accName, bytes: source.accuracy)
        var ll = CSVReader(file: llName, bytes: source.logLoss)
        guard let accHeader = try acc.next(), let llHeader = try ll.next() else {
            throw .malformedRow(file: accName, line: 1, reason: "file is empty")
        }
        func indices(_ header: [String], _ file: String) throws(ImportError) -> [Int] {
            var out: [Int] = []
            for c in keyColumns + scoreColumns {
                guard let i = header.firstIndex(of: c) else { throw .missingColumn(file: file, column: c, header: header) }
                out.append(i)
            }
            return out
        }
        let ai = try indices(accHeader, accName)
        let li = try indices(llHeader, llName)

        // Rows per (openmlid, learner), in file order; sorted later.
        var learnerIndex: [String: Int] = [:]
        var learners: [String] = []
        var rows: [Int: [Int: ResultBlock]] = [:]
        var points = 0
        var maxAnchor = 0
        while let a = try acc.next() {
            guard let l = try ll.next() else {
                throw .mismatchedRows(first: accName, second: llName, line: acc.line, reason: "\(llName) ends early")
            }
            if a.count == 1 && a[0].isEmpty { continue }
            guard a.count == accHeader.count else {
                throw .malformedRow(file: accName, line: acc.line, reason: "expected \(accHeader.count) fields, found \(a.count)")
            }
            guard l.count == llHeader.count else {
                throw .malformedRow(file: llName, line: ll.line, reason: "expected \(llHeader.count) fields, found \(l.count)")
            }
            for k in 0..<keyColumns.count where a[ai[k]] != l[li[k]] {
                throw .mismatchedRows(first: accName, second: llName, line: acc.line,
                                      reason: "\(keyColumns[k]) is '\(a[ai[k]])' in one and '\(l[li[k]])' in the other")
            }
            func int(_ k: Int) throws(ImportError) -> Int {
                guard let v = Int(a[ai[k]]), v >= 0 else {
                    throw .invalidValue(file: accName, line: acc.line, column: keyColumns[k], value: a[ai[k]], reason: "expected a non-negative integer")
                }
                return v
            }
            func number(_ row: [String], _ i: Int, _ file: String, _ column: String, probability: Bool) throws(ImportError) -> Double {
                let text = row[i]
                guard let v = Double(text) else {
                    throw .invalidValue(file: file, line: acc.line, column: column, value: text, reason: "not a number")
                }
                guard v.isFinite else {
                    throw .invalidValue(file: file, line: acc.line, column: column, value: text, reason: "NaN or infinite values cannot be stored; fix or drop the row")
                }
                guard v >= 0, !probability || v <= 1 else {
                    throw .invalidValue(file: file, line: acc.line, column: column, value: text, reason: probability ? "accuracy must lie in [0, 1]" : "must not be negative")
                }
                return v
            }
            let openml = try int(0)
            let learner = a[ai[1]]
            guard !learner.isEmpty else {
                throw .invalidValue(file: accName, line: acc.line, column: "learner", value: learner, reason: "empty learner name")
            }
            let size = try int(2)
            let seed = try int(4) * 100 + (try int(5))
            let cost = try number(a, ai[6], accName, "traintime", probability: false)
            var accScores: [Double] = []
            var llScores: [Double] = []
            for (k, column) in scoreColumns.enumerated() {
                accScores.append(try number(a, ai[7 + k], accName, column, probability: true))
                llScores.append(try number(l, li[7 + k], llName, column, probability: false))
            }
            let li = learnerIndex[learner] ?? {
                learners.append(learner)
                learnerIndex[learner] = learners.count - 1
                return learners.count - 1
            }()
            var block = rows[openml, default: [:]][li] ?? ResultBlock(seeds: [], fidelities: [[]], columns: Array(repeating: [], count: 7))
            block.seeds.append(seed)
            block.fidelities[0].append(Double(size))
            // valid_error, test_error, valid_logloss, test_logloss, train_error, train_logloss, cost
            let values = [1 - accScores[1], 1 - accScores[2], llScores[1], llScores[2], 1 - accScores[0], llScores[0], cost]
            for (c, v) in values.enumerated() { block.columns[c].append(Float(v)) }
            rows[openml, default: [:]][li] = block
            points += 1
            maxAnchor = max(maxAnchor, size)
        }
        if try ll.next() != nil {
            throw .mismatchedRows(first: accName, second: llName, line: ll.line, reason: "\(accName) ends early")
        }
        guard points > 0 else { throw .malformedRow(file: accName, line: 2, reason: "no data rows") }

        // Learners in sorted order, so the space does not depend on file order.
        let sortedLearners = learners.sorted()
        let remap = learners.map { sortedLearners.firstIndex(of: $0)! }
        let meta = try datasetMetadata(source)
        var instances: [Instance] = []
        for openml in rows.keys.sorted() {
            var blocks: [Int: ResultBlock] = [:]
            for (li, block) in rows[openml]! {
                let sorted = block.sorted()
                try checkDuplicates(sorted, openml: openml, learner: learners[li], file: accName)
                blocks[remap[li]] = sorted
            }
            let m = meta[openml]
            instances.append(Instance(openmlID: openml, name: String(openml), title: m?.title ?? "OpenML dataset \(openml)",
                                      features: m?.features, blocks: blocks))
        }
        return Parsed(learners: sortedLearners, instances: instances, points: points, maxAnchor: maxAnchor)
    }

    static func checkDuplicates(_ block: ResultBlock, openml: Int, learner: String, file: String) throws(ImportError) {
        for i in 1..<max(1, block.count) where block.seeds[i] == block.seeds[i - 1] && block.fidelities[0][i] == block.fidelities[0][i - 1] {
            throw .malformedRow(file: file, line: 0, reason: "duplicate run: openmlid \(openml), learner \(learner), size_train \(Int(block.fidelities[0][i])), seed \(block.seeds[i])")
        }
    }

    /// Dataset names and OpenML meta-features from `datasets.csv`, keyed by OpenML id.
    static func datasetMetadata(_ source: LCDBSource) throws(ImportError) -> [Int: (title: String, features: JSONValue)] {
        let file = source.path + ":" + datasetsFile
        var reader = CSVReader(file: file, bytes: source.datasets)
        guard let header = try reader.next() else { return [:] }
        guard let idColumn = header.firstIndex(of: "openmlid"), let nameColumn = header.firstIndex(of: "Name") else {
            throw .missingColumn(file: file, column: "openmlid", header: header)
        }
        var out: [Int: (title: String, features: JSONValue)] = [:]
        while let row = try reader.next() {
            if row.count == 1 && row[0].isEmpty { continue }
            guard row.count == header.count, let id = Int(row[idColumn]) else {
                throw .malformedRow(file: file, line: reader.line, reason: "expected \(header.count) fields starting with an integer openmlid")
            }
            var features: [(key: String, value: JSONValue)] = []
            for (i, name) in header.enumerated() where i != idColumn && i != nameColumn {
                if let v = Double(row[i]), v.isFinite { features.append((name, .double(v))) } else { features.append((name, .null)) }
            }
            out[id] = (row[nameColumn], .object(features))
        }
        return out
    }
}
