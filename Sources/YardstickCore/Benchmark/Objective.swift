/// Whether smaller or larger values of an objective are better.
public enum Direction: String, Sendable, Hashable, CaseIterable {
    case minimize, maximize

    /// `true` when `a` is strictly better than `b`.
    @inlinable public func isBetter(_ a: Double, than b: Double) -> Bool {
        self == .minimize ? a < b : a > b
    }
}

/// A quantity a benchmark reports for each evaluation.
///
/// `role` tells optimizers what to look at: objectives are what a study optimizes; metrics
/// are recorded alongside (e.g. training error) and never optimized by default.
public struct Objective: Sendable, Hashable {
    public enum Role: String, Sendable, Hashable { case objective, metric }

    public var name: String
    public var direction: Direction
    public var unit: String
    public var role: Role
    public var description: String

    public init(name: String, direction: Direction, unit: String, role: Role = .objective, description: String = "") {
        self.name = name
        self.direction = direction
        self.unit = unit
        self.role = role
        self.description = description
    }
}
