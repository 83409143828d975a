import YardstickCore

/// What an import produced, for the command's report.
public struct ImportSummary: Sendable {
    public var instances: Int
    public var configurations: Int
    public var rows: Int
    public var points: Int
    public var sourceSHA256: String
    public var contentHash: String
}

/// Builds the LCDB table from the Learning Curve Database 0.1.0 (Mohr, Viering, Loog, van
/// Rijn 2022), as shipped in the PyPI sdist `lcdb-0.1.0.tar.gz` (MIT license).
///
/// Each line of `database-accuracy.csv` and the same line of `database-logloss.csv` describe
/// one run: (openmlid, learner, size_train, outer_seed, inner_seed) with train/valid/test
/// accuracy and log-loss and the training time. Instances are OpenML datasets, the space is
/// the learner, the fidelity is the training-set size (anchors at powers of √2 from 16), and
/// seed = 100 × outer_seed + inner_seed.
public enum LCDBImporter {
    static let accuracyFile = "lcdb/database-accuracy.csv"
    static let logLossFile = "lcdb/database-logloss.csv"
    static let datasetsFile = "lcdb/datasets.csv"
    static let keyColumns = ["openmlid", "learner", "size_train", "size_test", "outer_seed", "inner_seed", "traintime"]
    static let scoreColumns = ["score_train", "score_valid", "score_test"]

    /// The table's objectives and metrics, in storage order.
    public static let objectives: [Objective] = [
        Objective(name: "valid_error", direction: .minimize, unit: "fraction", description: "1 - accuracy on the inner validation split"),
        Objective(name: "test_error", direction: .minimize, unit: "fraction", description: "1 - accuracy on the outer test split"),
        Objective(name: "valid_logloss", direction: .minimize, unit: "nats", description: "log-loss on the inner validation split"),
        Objective(name: "test_logloss", direction: .minimize, unit: "nats", description: "log-loss on the outer test split"),
        Objective(name: "train_error", direction: .minimize, unit: "fraction", role: .metric, description: "1 - accuracy on the training data"),
        Objective(name: "train_logloss", direction: .minimize, unit: "nats", role: .metric, description: "log-loss on the training data"),
    ]

    /// Reads the source at `path` (the sdist or its extracted folder) and writes the table to `output`.
    public static func importTable(from path: String, to output: String, progress: (String) -> Void) throws -> ImportSummary {
        progress("reading \(path)")
        let source = try LCDBSource.load(path)
        progress("source sha256 \(source.sha256); parsing \(source.accuracy.count / 1_000_000) MB + \(source.logLoss.count / 1_000_000) MB of CSV")
        let parsed = try parse(source)
        progress("parsed \(parsed.points) runs: \(parsed.instances.count) datasets × \(parsed.learners.count) learners")
        let description = try tableDescription(learners: parsed.learners, maxAnchor: parsed.maxAnchor, sha256: source.sha256)
        let writer = try TableWriter(creating: output, description: description)
        do {
            for learner in parsed.learners {
                try writer.addConfiguration(Configuration(["learner": .string(learner)]))
            }
            for (i, instance) in parsed.instances.enumerated() {
                let id = try writer.addInstance(name: instance.name, title: instance.title, features: instance.features)
                for (learnerIndex, block) in instance.blocks.sorted(by: { $0.key < $1.key }) {
                    let config = Configuration(["learner": .string(parsed.learners[learnerIndex])])
                    try writer.addResults(block, instance: id, configuration: config.id)
                }
                if (i + 1) % 25 == 0 { progress("wrote \(i + 1)/\(parsed.instances.count) datasets") }
            }
            let hash = try writer.finish()
            return ImportSummary(
                instances: parsed.instances.count, configurations: parsed.learners.count, rows: writer.rowCount,
                points: parsed.points, sourceSHA256: source.sha256, contentHash: hash)
        } catch {
            writer.abandon()
            throw error
        }
    }

    static func tableDescription(learners: [String], maxAnchor: Int, sha256: String) throws -> TableDescription {
        let space = try SearchSpace(
            name: "lcdb",
            parameters: [.categorical(name: "learner", choices: learners.map { .string($0) })]
        )
        return TableDescription(
            name: "lcdb",
            version: "1.0 (lcdb 0.1.0)",
            license: "MIT (LCDB, Copyright (c) 2021 Felix Mohr); the datasets are OpenML's under their own licenses",
            provenance: """
            Learning Curve Database: 20 scikit-learn learners with default hyperparameters trained on \
            OpenML classification datasets at training-set sizes 16·√2^k (and the full training set), \
            5 outer (train/test) × 25 inner (train/validation) splits, i.e. 125 seeds per point where complete, by the LCDB authors; \
            imported unchanged from the CSV files of the PyPI package lcdb 0.1.0 by 'yardstick import lcdb'. \
            Errors are 1 - accuracy; values stored as float32.
            """,
            source: "PyPI lcdb 0.1.0 (lcdb-0.1.0.tar.gz: lcdb/database-accuracy.csv, lcdb/database-logloss.csv, lcdb/datasets.csv)",
            sourceSHA256: sha256,
            citation: "F. Mohr, T. J. Viering, M. Loog, J. N. van Rijn. LCDB 1.0: An Extensive Learning Curves Database for Classification Tasks. ECML PKDD 2022.",
            seeds: "100 × outer_seed + inner_seed (outer: train/test split 0–4, inner: train/validation split 0–24)",
            space: space,
            fidelities: [FidelityDimension(name: "size_train", kind: .integer, lower: 16, upper: Double(maxAnchor), isLogScale: true,
                                           description: "training-set size (anchors 16·√2^k and the full training set)")],
            objectives: objectives,
            extra: ["cost": "traintime: seconds to fit the learner (LCDB's measurement)"]
        )
    }
}
