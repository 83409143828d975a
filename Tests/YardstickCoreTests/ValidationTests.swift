import Testing
@testable import YardstickCore

@Suite struct ValidationTests {
    static let space = try! TestSpaces.optimizer()

    static let valid = #"{"optimizer": "sgd", "lr": 0.01, "momentum": 0.9, "depth": 2, "size": "m", "arch": "mlp"}"#

    @Test(arguments: [
        (#"{"optimizer": "sgd", "lr": 2.0, "momentum": 0.9, "depth": 2, "size": "m", "arch": "mlp"}"#,
         "parameter 'lr' = 2.0 is above its upper bound 0.1"),
        (#"{"optimizer": "sgd", "lr": 1e-7, "momentum": 0.9, "depth": 2, "size": "m", "arch": "mlp"}"#,
         "parameter 'lr' = 1e-07 is below its lower bound 1e-05"),
        (#"{"optimizer": "adam", "lr": 0.01, "momentum": 0.9, "depth": 2, "size": "m", "arch": "mlp"}"#,
         "parameter 'momentum' is inactive (its condition: optimizer == 'sgd') but has a value: 0.9"),
        (#"{"optimizer": "sgd", "lr": 0.01, "momentum": 0.9, "size": "m", "arch": "mlp"}"#,
         "missing active parameter 'depth'"),
        (#"{"optimizer": "sgd", "lr": 0.01, "depth": 2, "size": "m", "arch": "mlp"}"#,
         "missing active parameter 'momentum'"),
        (#"{"optimizer": "sgd", "lr": 0.01, "momentum": 0.9, "depth": 2, "size": "m", "arch": "mlp", "foo": 1}"#,
         "unknown parameter 'foo'; the space has: arch, depth, lr, momentum, optimizer, size"),
        (#"{"optimizer": "adam", "lr": 0.01, "depth": 8, "size": "m", "arch": "mlp"}"#,
         "configuration is forbidden by: (optimizer == 'adam' && depth == 8)"),
        (#"{"optimizer": "sgd", "lr": "fast", "momentum": 0.9, "depth": 2, "size": "m", "arch": "mlp"}"#,
         "parameter 'lr' = 'fast' is a string; it must be a float"),
        (#"{"optimizer": "sgd", "lr": true, "momentum": 0.9, "depth": 2, "size": "m", "arch": "mlp"}"#,
         "parameter 'lr' = true is a boolean; it must be a float"),
        (#"{"optimizer": "sgd", "lr": 0.01, "momentum": 0.9, "depth": 2.5, "size": "m", "arch": "mlp"}"#,
         "parameter 'depth' = 2.5 is not an integer"),
        (#"{"optimizer": "sgd", "lr": 0.01, "momentum": 0.9, "depth": "2", "size": "m", "arch": "mlp"}"#,
         "parameter 'depth' = '2' is a string; it must be an integer"),
        (#"{"optimizer": "sgd", "lr": 0.01, "momentum": 0.9, "depth": 9, "size": "m", "arch": "mlp"}"#,
         "parameter 'depth' = 9 is above its upper bound 8"),
        (#"{"optimizer": "sgd", "lr": 0.01, "momentum": 0.9, "depth": 0.0, "size": "m", "arch": "mlp"}"#,
         "parameter 'depth' = 0.0 is below its lower bound 1"),
        (#"{"optimizer": "rmsprop", "lr": 0.01, "momentum": 0.9, "depth": 2, "size": "m", "arch": "mlp"}"#,
         "parameter 'optimizer' = 'rmsprop' is not one of its choices: 'sgd', 'adam'"),
        (#"{"optimizer": "sgd", "lr": 0.01, "momentum": 0.9, "depth": 2, "size": "xl", "arch": "mlp"}"#,
         "parameter 'size' = 'xl' is not in its sequence: 's' < 'm' < 'l'"),
        (#"{"optimizer": "sgd", "lr": 0.01, "momentum": 0.9, "depth": 2, "size": "m", "arch": "cnn"}"#,
         "parameter 'arch' = 'cnn' differs from its constant value 'mlp'"),
    ])
    func invalidConfigurationsAreExplained(json: String, message: String) throws {
        let configuration = try Configuration(json: json)
        #expect { try Self.space.validate(configuration) } throws: { ($0 as? SpaceError)?.description == message }
        #expect(!Self.space.contains(configuration))
    }

    @Test func theFirstUnknownNameIsReportedInByteOrder() throws {
        let configuration = try Configuration(json: #"{"zeta": 1, "beta": 2}"#)
        #expect(throws: SpaceError.unknownParameter(name: "beta", known: Self.space.names)) { try Self.space.validate(configuration) }
    }

    @Test(arguments: [
        (Self.valid, Self.valid),
        (#"{"optimizer": "sgd", "lr": 0.01, "momentum": 0, "depth": 2.0, "size": "m", "arch": "mlp"}"#,
         #"{"optimizer": "sgd", "lr": 0.01, "momentum": 0.0, "depth": 2, "size": "m", "arch": "mlp"}"#),
        (#"{"optimizer": "adam", "lr": 0.1, "depth": 8.0, "size": "l", "arch": "mlp"}"#, nil),
        (#"{"optimizer": "adam", "lr": 0.1, "depth": 7, "size": "s", "arch": "mlp"}"#,
         #"{"optimizer": "adam", "lr": 0.1, "depth": 7, "size": "s", "arch": "mlp"}"#),
    ] as [(String, String?)])
    func numbersAreNormalizedToTheParametersType(json: String, expected: String?) throws {
        let configuration = try Configuration(json: json)
        if let expected {
            let normalized = try Self.space.normalized(configuration)
            #expect(normalized == (try Configuration(json: expected)))
            if case .float = normalized["momentum"] {} else if normalized["momentum"] != nil { Issue.record("momentum is not a float") }
            #expect(normalized["depth"].map { if case .int = $0 { true } else { false } } == true)
        } else {
            #expect(throws: SpaceError.self) { try Self.space.normalized(configuration) }
        }
    }

    @Test func categoricalNumbersMatchAcrossIntAndFloat() throws {
        let space = try TestSpaces.mixedTypes()
        let text = #"{"batch": 32.0, "ratio": 1, "flag": false, "mode": 1.0, "level": "low", "seed": 42.0, "version": 1.5, "tag": "v1", "enabled": true}"#
        let normalized = try space.normalized(Configuration(json: text))
        #expect(normalized["batch"] == .int(32))
        #expect(normalized["ratio"] == .float(1))
        #expect(normalized["mode"] == .int(1))
        #expect(normalized["seed"] == .int(42))
        let boolForNumber = #"{"batch": 32, "ratio": 1, "flag": 0, "mode": 1, "level": "low", "seed": 42, "version": 1.5, "tag": "v1", "enabled": true}"#
        #expect { try space.validate(Configuration(json: boolForNumber)) } throws: {
            ($0 as? SpaceError)?.description == "parameter 'flag' = 0 is not one of its choices: false, true"
        }
    }

    @Test func normalizingAValidNormalizedConfigurationReturnsItUnchanged() throws {
        let configuration = try Configuration(json: Self.valid)
        #expect(try Self.space.normalized(configuration) == configuration)
    }

    @Test func conditionsOnInactiveParentsNeverHold() throws {
        // b is active only when a == "x"; c is active when b != "p". With b inactive, c is
        // inactive too (ConfigSpace 1.2 compares NaN and would activate c).
        let space = try SearchSpace(
            parameters: [
                .categorical(name: "a", choices: [.string("x"), .string("y")]),
                .categorical(name: "b", choices: [.string("p"), .string("q")]),
                .float(name: "c", lower: 0, upper: 1),
            ],
            conditions: [
                Condition(child: "b", .equals(parent: "a", value: .string("x"))),
                Condition(child: "c", .notEquals(parent: "b", value: .string("p"))),
            ]
        )
        try space.validate(Configuration(json: #"{"a": "y"}"#))
        try space.validate(Configuration(json: #"{"a": "x", "b": "q", "c": 0.5}"#))
        try space.validate(Configuration(json: #"{"a": "x", "b": "p"}"#))
        #expect { try space.validate(Configuration(json: #"{"a": "y", "c": 0.5}"#)) } throws: {
            ($0 as? SpaceError)?.description == "parameter 'c' is inactive (its condition: b != 'p') but has a value: 0.5"
        }
    }
}
