/// The benchmark-table file format: one SQLite file per benchmark family, self-describing.
///
/// Results are stored curve-wise: one `results` row per (instance, configuration) holds,
/// for every seed and fidelity point it was evaluated at, every objective and metric and the
/// cost in seconds, as self-checking zlib-compressed arrays (`FloatArrayCodec`). A learning
/// curve is a slice of such a row; grouping a configuration's seeds in one row is what keeps
/// the LCDB table at a few tens of megabytes instead of the ~150 MB one row per point would take.
public enum TableSchema {
    /// The `metadata.format` value that marks a Yardstick benchmark table.
    public static let format = "yardstick-table"
    /// The schema version this build reads and writes.
    public static let version = 1

    static let statements = [
        """
        CREATE TABLE metadata (
            key TEXT PRIMARY KEY NOT NULL,
            value TEXT NOT NULL
        ) WITHOUT ROWID
        """,
        // The search space, in the ConfigSpace JSON format every Python HPO tool reads.
        """
        CREATE TABLE space (
            id INTEGER PRIMARY KEY CHECK (id = 1),
            configspace_json TEXT NOT NULL
        )
        """,
        """
        CREATE TABLE fidelities (
            position INTEGER PRIMARY KEY,
            name TEXT NOT NULL UNIQUE,
            kind TEXT NOT NULL CHECK (kind IN ('integer', 'float')),
            lower REAL NOT NULL,
            upper REAL NOT NULL,
            log INTEGER NOT NULL CHECK (log IN (0, 1)),
            description TEXT NOT NULL
        )
        """,
        // Objectives and metrics, in the column order of `results.data`; the cost column follows them.
        """
        CREATE TABLE objectives (
            position INTEGER PRIMARY KEY,
            name TEXT NOT NULL UNIQUE,
            direction TEXT NOT NULL CHECK (direction IN ('minimize', 'maximize')),
            unit TEXT NOT NULL,
            role TEXT NOT NULL CHECK (role IN ('objective', 'metric')),
            description TEXT NOT NULL
        )
        """,
        """
        CREATE TABLE instances (
            id INTEGER PRIMARY KEY,
            name TEXT NOT NULL UNIQUE,
            title TEXT NOT NULL,
            features_json TEXT
        )
        """,
        // `id` is the configuration's stable id (`ConfigurationID`) as a signed 64-bit integer.
        """
        CREATE TABLE configurations (
            id INTEGER PRIMARY KEY,
            canonical TEXT NOT NULL UNIQUE
        )
        """,
        // keys: Float64 columns [seed, fidelity 1, …]; data: Float32 columns [objectives…, cost];
        // each column `points` long, rows sorted by (fidelity…, seed).
        """
        CREATE TABLE results (
            instance INTEGER NOT NULL REFERENCES instances(id),
            config INTEGER NOT NULL REFERENCES configurations(id),
            points INTEGER NOT NULL CHECK (points > 0),
            keys BLOB NOT NULL,
            data BLOB NOT NULL,
            PRIMARY KEY (instance, config)
        ) WITHOUT ROWID
        """,
        // Fitted surrogate models and their fidelity reports (written by later tiers).
        """
        CREATE TABLE surrogates (
            name TEXT PRIMARY KEY NOT NULL,
            recipe_json TEXT NOT NULL,
            report_json TEXT NOT NULL,
            model BLOB NOT NULL
        ) WITHOUT ROWID
        """,
    ]

    /// Metadata keys every table carries.
    public static let requiredMetadata = [
        "format", "schema_version", "name", "version", "license", "provenance", "source",
        "source_sha256", "citation", "seeds", "content_hash",
    ]
}
