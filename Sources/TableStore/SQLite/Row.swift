/// One result row, copied out of a statement: its values and the statement's column names.
public struct Row: Sendable, Hashable {
    /// The column names, shared by every row of one query.
    public let columnNames: [String]
    public let values: [DatabaseValue]

    public init(columnNames: [String], values: [DatabaseValue]) {
        precondition(columnNames.count == values.count, "one name per value")
        self.columnNames = columnNames
        self.values = values
    }

    public var count: Int { values.count }

    /// The value of column `index` (0-based).
    public subscript(index: Int) -> DatabaseValue { values[index] }

    /// The value of the first column named `name` (case-insensitive, as in SQL), or nil.
    public subscript(name: String) -> DatabaseValue? {
        let lowered = name.lowercased()
        return columnNames.firstIndex { $0.lowercased() == lowered }.map { values[$0] }
    }
}
