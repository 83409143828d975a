// Writing the JSON format of the Python ConfigSpace package, field for field as
// ConfigSpace 1.2's `ConfigurationSpace.to_serialized_dict` and the encoders in its
// `read_and_write/dictionary.py` lay it out.

extension SearchSpace {
    /// The `python_module_version` ConfigSpace 1.2.2 writes (its `__version__` still reads 1.2.0).
    public static let configSpaceModuleVersion = "1.2.0"
    /// The `format_version` of ConfigSpace 1.2's serialization.
    public static let configSpaceFormatVersion = 0.4

    /// The space in ConfigSpace's JSON format, which `ConfigurationSpace.from_json` reads.
    ///
    /// With the default `indent` of 2 the text is byte for byte what ConfigSpace 1.2.2 writes
    /// for the same space with `space.to_json(f, indent=2)` (or the older
    /// `read_and_write.json.write(space)`): hyperparameters by depth then name, conditions
    /// in that order, forbidden clauses in ConfigSpace's sorted order. Two things can differ:
    /// weights are written as floats (ConfigSpace keeps the ints a user passed), and values
    /// are written in the parameter's type (ConfigSpace keeps `1` where a float was meant).
    /// ConfigSpace rounds bounds and defaults to 13 decimals when it reads them.
    public func configSpaceJSON(indent: Int = 2) -> String {
        let document: JSONValue = .object([
            ("name", name.map(JSONValue.string) ?? .null),
            ("hyperparameters", .array(activationOrder.map { ConfigSpaceJSONWriter.parameter(parameters[$0]) })),
            ("conditions", .array(conditions.map { ConfigSpaceJSONWriter.condition(child: $0.child, $0.rule) })),
            ("forbiddens", .array(forbidden.map(ConfigSpaceJSONWriter.clause))),
            ("python_module_version", .string(SearchSpace.configSpaceModuleVersion)),
            ("format_version", .double(SearchSpace.configSpaceFormatVersion)),
        ])
        return document.serialized(indent: indent)
    }
}

private enum ConfigSpaceJSONWriter {
    static func parameter(_ p: Parameter) -> JSONValue {
        let name: (key: String, value: JSONValue) = ("name", .string(p.name))
        switch p.domain {
        case .float(let lower, let upper, let log):
            return .object([
                ("type", .string("uniform_float")), name, ("lower", .double(lower)), ("upper", .double(upper)),
                ("default_value", p.defaultValue.json), ("log", .bool(log)), ("meta", p.meta),
            ])
        case .integer(let lower, let upper, let log):
            return .object([
                ("type", .string("uniform_int")), name, ("lower", .int(lower)), ("upper", .int(upper)),
                ("default_value", p.defaultValue.json), ("log", .bool(log)), ("meta", p.meta),
            ])
        case .categorical(let choices, let weights):
            return .object([
                ("type", .string("categorical")), name, ("choices", .array(choices.map(\.json))),
                ("weights", weights.map { .array($0.map(JSONValue.double)) } ?? .null),
                ("default_value", p.defaultValue.json), ("meta", p.meta),
            ])
        case .ordinal(let sequence):
            return .object([
                ("type", .string("ordinal")), name, ("sequence", .array(sequence.map(\.json))),
                ("default_value", p.defaultValue.json), ("meta", p.meta),
            ])
        case .constant(let value):
            return .object([("type", .string("constant")), name, ("value", value.json), ("meta", p.meta)])
        }
    }

    static func condition(child: String, _ rule: ConditionRule) -> JSONValue {
        let head: [(key: String, value: JSONValue)] = [("child", .string(child))]
        func binary(_ type: String, _ parent: String, _ value: JSONValue, key: String = "value") -> JSONValue {
            .object([("type", .string(type))] + head + [("parent", .string(parent)), (key, value)])
        }
        switch rule {
        case .equals(let p, let v): return binary("EQ", p, v.json)
        case .notEquals(let p, let v): return binary("NEQ", p, v.json)
        case .lessThan(let p, let v): return binary("LT", p, v.json)
        case .greaterThan(let p, let v): return binary("GT", p, v.json)
        case .isIn(let p, let vs): return binary("IN", p, .array(vs.map(\.json)), key: "values")
        case .and(let rules), .or(let rules):
            let type = if case .and = rule { "AND" } else { "OR" }
            return .object([("type", .string(type))] + head + [("conditions", .array(rules.map { condition(child: child, $0) }))])
        }
    }

    static func clause(_ clause: ForbiddenClause) -> JSONValue {
        switch clause {
        case .equals(let p, let v):
            return .object([("type", .string("EQUALS")), ("name", .string(p)), ("value", v.json)])
        case .isIn(let p, let vs):
            return .object([("type", .string("IN")), ("name", .string(p)), ("values", .array(vs.map(\.json)))])
        case .and(let cs), .or(let cs):
            let type = if case .and = clause { "AND" } else { "OR" }
            return .object([("type", .string(type)), ("clauses", .array(cs.map(ConfigSpaceJSONWriter.clause)))])
        }
    }
}
