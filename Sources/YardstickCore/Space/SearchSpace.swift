/// The parameters an optimizer may set, the conditions under which each is active, and the
/// combinations it may not choose: the model of the Python `ConfigSpace` package (1.2),
/// whose JSON format it reads and writes (`init(configSpaceJSON:)`, `configSpaceJSON()`).
///
/// A space is built once and checked then: names are unique, bounds and defaults make
/// sense, conditions and forbidden clauses name known parameters and values they can take,
/// conditions form no cycle, and the default configuration is not forbidden.
public struct SearchSpace: Sendable, Hashable, CustomStringConvertible {
    /// The space's name (ConfigSpace's `name`), if it has one.
    public let name: String?
    /// The parameters, ordered by name (by Unicode code points), which is also the order of
    /// vector entries (`vector(for:)`).
    public let parameters: [Parameter]
    /// The conditions, in ConfigSpace's order: by their child's depth in the condition
    /// graph, then by its name.
    public let conditions: [Condition]
    /// The forbidden clauses, in ConfigSpace's order: those on unconditional parameters
    /// first, each group sorted by the clause's Python `str`.
    public let forbidden: [ForbiddenClause]
    /// Every active parameter at its default value.
    public private(set) var defaultConfiguration: Configuration

    /// Position of each parameter in `parameters`.
    let indexByName: [String: Int]
    /// Parameter indices by depth in the condition graph (roots are 1), then by name: every
    /// parent comes before its children. ConfigSpace's own order of hyperparameters.
    let activationOrder: [Int]
    /// For each parameter, the index of its condition in `conditions`.
    let conditionIndex: [Int?]

    /// Builds and checks a space; the order of the arguments does not matter.
    public init(
        name: String? = nil, parameters: [Parameter], conditions: [Condition] = [], forbidden: [ForbiddenClause] = []
    ) throws(SpaceDefinitionError) {
        var byName: [String: Parameter] = [:]
        for p in parameters {
            guard byName.updateValue(p, forKey: p.name) == nil else { throw .duplicateParameter(name: p.name) }
        }
        let sorted = parameters.sorted { $0.name.precedesInCodePointOrder($1.name) }
        let names = sorted.map(\.name)
        var index: [String: Int] = [:]
        for (i, p) in sorted.enumerated() { index[p.name] = i }

        // Conditions: known names, one per child, legal values.
        var conditionOf: [Int: Condition] = [:]
        for c in conditions {
            guard let child = index[c.child] else {
                throw .unknownParameter(name: c.child, referencedBy: "condition '\(c)'", known: names)
            }
            for parent in c.rule.parents {
                guard index[parent] != nil else {
                    throw .unknownParameter(name: parent, referencedBy: "condition '\(c)'", known: names)
                }
                if parent == c.child { throw .conditionOnItself(child: c.child) }
            }
            guard conditionOf[child] == nil else { throw .multipleConditions(child: c.child) }
            conditionOf[child] = Condition(child: c.child, try c.rule.normalized(parameters: byName, describing: c.description))
        }

        let parentsOf = (0..<sorted.count).map { i in (conditionOf[i]?.rule.parents ?? []).map { index[$0]! } }
        let depth = try SearchSpace.depths(parentsOf: parentsOf, names: names)
        let order = Array(sorted.indices).sorted { depth[$0] != depth[$1] ? depth[$0] < depth[$1] : $0 < $1 }

        var orderedConditions: [Condition] = []
        var conditionIndex = [Int?](repeating: nil, count: sorted.count)
        for i in order {
            guard let c = conditionOf[i] else { continue }
            conditionIndex[i] = orderedConditions.count
            orderedConditions.append(c)
        }

        // Forbidden clauses: known names, legal values, ConfigSpace's order.
        var clauses: [(unconditional: Bool, key: String, position: Int, clause: ForbiddenClause)] = []
        for (position, f) in forbidden.enumerated() {
            for p in f.parameters where index[p] == nil {
                throw .unknownParameter(name: p, referencedBy: "forbidden clause '\(f)'", known: names)
            }
            let clause = try f.normalized(parameters: byName)
            let unconditional = clause.parameters.allSatisfy { conditionOf[index[$0]!] == nil }
            clauses.append((unconditional, clause.configSpaceString, position, clause))
        }
        clauses.sort { a, b in
            if a.unconditional != b.unconditional { return a.unconditional }
            if a.key != b.key { return a.key.precedesInCodePointOrder(b.key) }
            return a.position < b.position
        }

        self.name = name
        self.parameters = sorted
        self.conditions = orderedConditions
        self.forbidden = clauses.map(\.clause)
        self.indexByName = index
        self.activationOrder = order
        self.conditionIndex = conditionIndex
        self.defaultConfiguration = Configuration([:])

        var defaults: [String: ParameterValue] = [:]
        assignActive(&defaults) { $0.defaultValue }
        if let clause = firstForbidden(defaults) { throw .defaultIsForbidden(clause: clause.description) }
        self.defaultConfiguration = Configuration(defaults)
    }

    /// The depth of every parameter in the condition graph (1 for unconditional ones, else one
    /// more than its deepest parent), or the first cycle found.
    private static func depths(parentsOf: [[Int]], names: [String]) throws(SpaceDefinitionError) -> [Int] {
        enum Mark { case unvisited, inProgress, done }
        var mark = [Mark](repeating: .unvisited, count: parentsOf.count)
        var depth = [Int](repeating: 1, count: parentsOf.count)
        for start in parentsOf.indices where mark[start] == .unvisited {
            // Depth-first along parent edges, with an explicit stack of (node, next parent).
            var stack: [(node: Int, next: Int)] = [(start, 0)]
            mark[start] = .inProgress
            while let (node, next) = stack.last {
                if next < parentsOf[node].count {
                    stack[stack.count - 1].next += 1
                    let parent = parentsOf[node][next]
                    switch mark[parent] {
                    case .done: continue
                    case .inProgress:
                        let from = stack.firstIndex { $0.node == parent }!
                        // Each entry of the stack is a parent of the one below it; read the
                        // cycle parent-first (each name decides the next one's activity),
                        // starting from its first name in the space's order.
                        var cycle = Array(stack[from...].map(\.node).reversed())
                        let first = cycle.indices.min { cycle[$0] < cycle[$1] }!
                        cycle = Array(cycle[first...] + cycle[..<first])
                        throw .conditionCycle(path: (cycle + [cycle[0]]).map { names[$0] })
                    case .unvisited:
                        mark[parent] = .inProgress
                        stack.append((parent, 0))
                    }
                } else {
                    depth[node] = 1 + (parentsOf[node].map { depth[$0] }.max() ?? 0)
                    mark[node] = .done
                    stack.removeLast()
                }
            }
        }
        return depth
    }

    /// The parameter called `name`, if the space has one.
    public func parameter(named name: String) -> Parameter? {
        indexByName[name].map { parameters[$0] }
    }

    /// The condition that decides whether `name` is active; `nil` for unconditional parameters.
    public func condition(of name: String) -> Condition? {
        indexByName[name].flatMap { conditionIndex[$0] }.map { conditions[$0] }
    }

    /// The parameter names, in the space's order.
    public var names: [String] { parameters.map(\.name) }

    /// Walks the parameters parents-first, keeping the values of active parameters (filling
    /// those without one from `fill`) and removing the values of inactive ones.
    func assignActive(_ values: inout [String: ParameterValue], fill: (Parameter) -> ParameterValue) {
        for i in activationOrder {
            let p = parameters[i]
            let active = conditionIndex[i].map { conditions[$0].rule.holds(in: values, space: self) } ?? true
            if !active {
                values[p.name] = nil
            } else if values[p.name] == nil {
                values[p.name] = fill(p)
            }
        }
    }

    /// The first forbidden clause the normalized `values` match.
    func firstForbidden(_ values: [String: ParameterValue]) -> ForbiddenClause? {
        forbidden.first { $0.matches(values) }
    }

    public var description: String {
        let title = name.map { "search space '\($0)'" } ?? "search space"
        var lines = ["\(title): \(parameters.count) parameters, \(conditions.count) conditions, \(forbidden.count) forbidden clauses"]
        lines += parameters.map { "  \($0)" }
        lines += conditions.map { "  \($0)" }
        lines += forbidden.map { "  forbidden: \($0)" }
        return lines.joined(separator: "\n")
    }

    /// Spaces are equal when their names, parameters, conditions and forbidden clauses are.
    public static func == (a: SearchSpace, b: SearchSpace) -> Bool {
        a.name == b.name && a.parameters == b.parameters && a.conditions == b.conditions && a.forbidden == b.forbidden
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(name)
        hasher.combine(parameters)
        hasher.combine(conditions)
        hasher.combine(forbidden)
    }
}
