// Reading the JSON format of the Python ConfigSpace package: the serialization of
// `ConfigurationSpace.to_json` (format_version 0.4, ConfigSpace 1.2; see its
// `read_and_write/dictionary.py`). The older fields `default` (for `default_value`),
// `probabilities` (for `weights`) and `q: null` are accepted too.

extension SearchSpace {
    /// Reads a space written by ConfigSpace's `to_json` (or by `configSpaceJSON()`).
    /// Parameters of types Yardstick does not model (normal and beta priors) and quantized
    /// parameters are refused with an error naming the parameter and its type.
    public init(configSpaceJSON text: String) throws(ConfigSpaceJSONError) {
        let document: JSONValue
        do { document = try JSONValue(parsing: text) } catch { throw .invalidJSON(error) }
        let parts = try ConfigSpaceJSONReader().read(document)
        do {
            try self.init(name: parts.name, parameters: parts.parameters, conditions: parts.conditions, forbidden: parts.forbidden)
        } catch {
            throw .invalidSpace(error)
        }
    }
}

private struct ConfigSpaceJSONReader {
    typealias Members = [(key: String, value: JSONValue)]

    func read(_ document: JSONValue) throws(ConfigSpaceJSONError)
        -> (name: String?, parameters: [Parameter], conditions: [Condition], forbidden: [ForbiddenClause]) {
        let top = try object(document, at: "the document")
        let name: String?
        switch top["name"] {
        case nil, .null?: name = nil
        case .string(let s)?: name = s
        case let other?: throw .wrongType(at: "name", expected: "a string or null", found: other.typeName)
        }
        var parameters: [Parameter] = []
        for (i, item) in try array(top["hyperparameters"], at: "hyperparameters").enumerated() {
            parameters.append(try parameter(item, at: "hyperparameters[\(i)]"))
        }
        var conditions: [Condition] = []
        for (i, item) in try array(top["conditions"], at: "conditions").enumerated() {
            let at = "conditions[\(i)]"
            let members = try object(item, at: at)
            let child = try string(members, "child", at: at)
            conditions.append(Condition(child: child, try rule(item, child: child, at: at)))
        }
        var forbidden: [ForbiddenClause] = []
        for (i, item) in try array(top["forbiddens"], at: "forbiddens").enumerated() {
            forbidden.append(try clause(item, at: "forbiddens[\(i)]"))
        }
        return (name, parameters, conditions, forbidden)
    }

    private func parameter(_ item: JSONValue, at: String) throws(ConfigSpaceJSONError) -> Parameter {
        let m = try object(item, at: at)
        let name = try string(m, "name", at: at)
        let type = try string(m, "type", at: at)
        let at = "\(at) ('\(name)')"
        let meta = m["meta"] ?? .null
        let defaultValue = m["default_value"] ?? m["default"]
        if let q = m["q"], !q.isNull { throw .unsupportedQuantization(parameter: name) }
        let log = try bool(m, "log", at: at) ?? false
        let given = defaultValue.flatMap { $0.isNull ? nil : $0 }
        let defaultAt = "\(at).default_value"
        switch type {
        case "uniform_float":
            let lower = try number(m, "lower", at: at), upper = try number(m, "upper", at: at)
            let d = try given.map { v throws(ConfigSpaceJSONError) in try number(v, at: defaultAt) }
            return try defining { () throws(SpaceDefinitionError) in
                try .float(name: name, lower: lower, upper: upper, log: log, default: d, meta: meta)
            }
        case "uniform_int":
            let lower = try integer(m, "lower", at: at), upper = try integer(m, "upper", at: at)
            let d = try given.map { v throws(ConfigSpaceJSONError) in try integer(v, at: defaultAt) }
            return try defining { () throws(SpaceDefinitionError) in
                try .integer(name: name, lower: lower, upper: upper, log: log, default: d, meta: meta)
            }
        case "categorical":
            let choices = try values(m["choices"], at: "\(at).choices")
            var weights: [Double]?
            if let w = m["weights"] ?? m["probabilities"], !w.isNull {
                weights = []
                for (i, x) in try array(w, at: "\(at).weights").enumerated() {
                    weights!.append(try number(x, at: "\(at).weights[\(i)]"))
                }
            }
            let d = try given.map { v throws(ConfigSpaceJSONError) in try value(v, at: defaultAt) }
            return try defining { () throws(SpaceDefinitionError) in
                try .categorical(name: name, choices: choices, weights: weights, default: d, meta: meta)
            }
        case "ordinal":
            let sequence = try values(m["sequence"], at: "\(at).sequence")
            let d = try given.map { v throws(ConfigSpaceJSONError) in try value(v, at: defaultAt) }
            return try defining { () throws(SpaceDefinitionError) in
                try .ordinal(name: name, sequence: sequence, default: d, meta: meta)
            }
        case "constant":
            guard let raw = m["value"] else { throw .missingField(at: at, field: "value") }
            let v = try value(raw, at: "\(at).value")
            return try defining { () throws(SpaceDefinitionError) in try .constant(name: name, value: v, meta: meta) }
        default:
            throw .unsupportedParameterType(parameter: name, type: type)
        }
    }

    /// The result of a factory, its definition errors reported as JSON errors.
    private func defining<T>(_ body: () throws(SpaceDefinitionError) -> T) throws(ConfigSpaceJSONError) -> T {
        do { return try body() } catch { throw .invalidSpace(error) }
    }

    private func rule(_ item: JSONValue, child: String, at: String) throws(ConfigSpaceJSONError) -> ConditionRule {
        let m = try object(item, at: at)
        let type = try string(m, "type", at: at)
        if let c = m["child"], c.stringValue != child {
            throw .childMismatch(at: at, conjunctionChild: child, componentChild: c.stringValue ?? c.typeName)
        }
        switch type {
        case "EQ", "NEQ", "LT", "GT":
            let parent = try string(m, "parent", at: at)
            guard let raw = m["value"] else { throw .missingField(at: at, field: "value") }
            let v = try value(raw, at: "\(at).value")
            switch type {
            case "EQ": return .equals(parent: parent, value: v)
            case "NEQ": return .notEquals(parent: parent, value: v)
            case "LT": return .lessThan(parent: parent, value: v)
            default: return .greaterThan(parent: parent, value: v)
            }
        case "IN":
            return .isIn(parent: try string(m, "parent", at: at), values: try values(m["values"], at: "\(at).values"))
        case "AND", "OR":
            var rules: [ConditionRule] = []
            for (i, c) in try array(m["conditions"], at: "\(at).conditions").enumerated() {
                rules.append(try rule(c, child: child, at: "\(at).conditions[\(i)]"))
            }
            return type == "AND" ? .and(rules) : .or(rules)
        default:
            throw .unsupportedConditionType(at: at, type: type)
        }
    }

    private func clause(_ item: JSONValue, at: String) throws(ConfigSpaceJSONError) -> ForbiddenClause {
        let m = try object(item, at: at)
        let type = try string(m, "type", at: at)
        switch type {
        case "EQUALS":
            guard let raw = m["value"] else { throw .missingField(at: at, field: "value") }
            return .equals(parameter: try string(m, "name", at: at), value: try value(raw, at: "\(at).value"))
        case "IN":
            return .isIn(parameter: try string(m, "name", at: at), values: try values(m["values"], at: "\(at).values"))
        case "AND", "OR":
            var clauses: [ForbiddenClause] = []
            for (i, c) in try array(m["clauses"], at: "\(at).clauses").enumerated() {
                clauses.append(try clause(c, at: "\(at).clauses[\(i)]"))
            }
            return type == "AND" ? .and(clauses) : .or(clauses)
        default:
            throw .unsupportedForbiddenType(at: at, type: type)
        }
    }

    // MARK: Typed access with paths in the errors

    private func object(_ v: JSONValue, at: String) throws(ConfigSpaceJSONError) -> Members {
        guard let m = v.objectValue else { throw .wrongType(at: at, expected: "an object", found: v.typeName) }
        return m
    }

    /// An array; a missing field reads as empty, as ConfigSpace's `d.get(key, [])` does.
    private func array(_ v: JSONValue?, at: String) throws(ConfigSpaceJSONError) -> [JSONValue] {
        guard let v else { return [] }
        guard let a = v.arrayValue else { throw .wrongType(at: at, expected: "an array", found: v.typeName) }
        return a
    }

    private func string(_ m: Members, _ key: String, at: String) throws(ConfigSpaceJSONError) -> String {
        guard let v = m.first(where: { $0.key == key })?.value else { throw .missingField(at: at, field: key) }
        guard let s = v.stringValue else { throw .wrongType(at: "\(at).\(key)", expected: "a string", found: v.typeName) }
        return s
    }

    private func bool(_ m: Members, _ key: String, at: String) throws(ConfigSpaceJSONError) -> Bool? {
        guard let v = m.first(where: { $0.key == key })?.value, !v.isNull else { return nil }
        guard let b = v.boolValue else { throw .wrongType(at: "\(at).\(key)", expected: "true or false", found: v.typeName) }
        return b
    }

    private func number(_ m: Members, _ key: String, at: String) throws(ConfigSpaceJSONError) -> Double {
        guard let v = m.first(where: { $0.key == key })?.value else { throw .missingField(at: at, field: key) }
        return try number(v, at: "\(at).\(key)")
    }

    private func number(_ v: JSONValue, at: String) throws(ConfigSpaceJSONError) -> Double {
        guard let d = v.doubleValue else { throw .wrongType(at: at, expected: "a number", found: v.typeName) }
        return d
    }

    private func integer(_ m: Members, _ key: String, at: String) throws(ConfigSpaceJSONError) -> Int {
        guard let v = m.first(where: { $0.key == key })?.value else { throw .missingField(at: at, field: key) }
        return try integer(v, at: "\(at).\(key)")
    }

    private func integer(_ v: JSONValue, at: String) throws(ConfigSpaceJSONError) -> Int {
        guard let i = v.intValue else { throw .wrongType(at: at, expected: "an integer", found: v.typeName) }
        return i
    }

    private func value(_ v: JSONValue, at: String) throws(ConfigSpaceJSONError) -> ParameterValue {
        switch v {
        case .int(let i): return .int(i)
        case .double(let d): return .float(d)
        case .string(let s): return .string(s)
        case .bool(let b): return .bool(b)
        default: throw .wrongType(at: at, expected: "a number, string or boolean", found: v.typeName)
        }
    }

    private func values(_ v: JSONValue?, at: String) throws(ConfigSpaceJSONError) -> [ParameterValue] {
        guard let v else { throw .wrongType(at: at, expected: "an array", found: "nothing") }
        var out: [ParameterValue] = []
        for (i, x) in try array(v, at: at).enumerated() { out.append(try value(x, at: "\(at)[\(i)]")) }
        return out
    }
}

extension [(key: String, value: JSONValue)] {
    fileprivate subscript(key: String) -> JSONValue? { first { $0.key == key }?.value }
}
