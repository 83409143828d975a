/// A combination of values no configuration may take (ConfigSpace's forbidden clauses,
/// named in each case). A clause on a parameter that is inactive never matches.
public indirect enum ForbiddenClause: Sendable, Hashable, CustomStringConvertible {
    /// The parameter takes `value` (`ForbiddenEqualsClause`, JSON type "EQUALS").
    case equals(parameter: String, value: ParameterValue)
    /// The parameter takes one of `values` (`ForbiddenInClause`, "IN").
    case isIn(parameter: String, values: [ParameterValue])
    /// All of the clauses match (`ForbiddenAndConjunction`, "AND").
    case and([ForbiddenClause])
    /// At least one of the clauses matches (`ForbiddenOrConjunction`, "OR").
    case or([ForbiddenClause])

    /// The clause as messages write it: `kernel == 'linear'`, `(a == 1 && b in {'x', 'y'})`.
    public var description: String {
        switch self {
        case .equals(let p, let v): "\(p) == \(v.literal)"
        case .isIn(let p, let vs): "\(p) in {\(vs.map(\.literal).joined(separator: ", "))}"
        case .and(let cs): "(" + cs.map(\.description).joined(separator: " && ") + ")"
        case .or(let cs): "(" + cs.map(\.description).joined(separator: " || ") + ")"
        }
    }

    /// The parameters the clause reads, each once, in the order they appear.
    public var parameters: [String] {
        switch self {
        case .equals(let p, _), .isIn(let p, _): return [p]
        case .and(let cs), .or(let cs):
            var seen: [String] = []
            for c in cs { for p in c.parameters where !seen.contains(p) { seen.append(p) } }
            return seen
        }
    }

    /// Whether normalized `values` match the clause.
    func matches(_ values: [String: ParameterValue]) -> Bool {
        switch self {
        case .equals(let p, let v): values[p] == v
        case .isIn(let p, let vs): values[p].map { vs.contains($0) } ?? false
        case .and(let cs): cs.allSatisfy { $0.matches(values) }
        case .or(let cs): cs.contains { $0.matches(values) }
        }
    }

    /// Python's `str` of the ConfigSpace clause (`Forbidden: kernel == 'linear'`), which
    /// ConfigSpace sorts its clauses by.
    var configSpaceString: String {
        switch self {
        case .equals(let p, let v): "Forbidden: \(p) == \(v.pythonRepr)"
        case .isIn(let p, let vs): "Forbidden: \(p) in {\(vs.map(\.pythonRepr).joined(separator: ", "))}"
        case .and(let cs): "(" + cs.map(\.configSpaceString).joined(separator: " && ") + ")"
        case .or(let cs): "(" + cs.map(\.configSpaceString).joined(separator: " || ") + ")"
        }
    }

    /// The clause with every value in its parameter's representation, or the first value
    /// the parameter can never take.
    func normalized(parameters: [String: Parameter]) throws(SpaceDefinitionError) -> ForbiddenClause {
        func legal(_ v: ParameterValue, for name: String) throws(SpaceDefinitionError) -> ParameterValue {
            do { return try parameters[name]!.normalize(v) } catch {
                throw .illegalForbiddenValue(clause: description, parameter: name, value: v, reason: error.description)
            }
        }
        switch self {
        case .equals(let p, let v):
            return .equals(parameter: p, value: try legal(v, for: p))
        case .isIn(let p, let vs):
            var out: [ParameterValue] = []
            for v in vs { out.append(try legal(v, for: p)) }
            return .isIn(parameter: p, values: out)
        case .and(let cs), .or(let cs):
            guard !cs.isEmpty else { throw .emptyConjunction(in: "a forbidden clause") }
            var out: [ForbiddenClause] = []
            for c in cs { out.append(try c.normalized(parameters: parameters)) }
            if case .and = self { return .and(out) }
            return .or(out)
        }
    }
}
