import Testing
@testable import YardstickCore

@Suite struct ParameterTests {
    typealias Make = @Sendable () throws(SpaceDefinitionError) -> Parameter

    @Test(arguments: [
        ({ () throws(SpaceDefinitionError) in try .float(name: "", lower: 0, upper: 1) } as Make,
         "a parameter needs a non-empty name"),
        ({ () throws(SpaceDefinitionError) in try .float(name: "lr", lower: 0.1, upper: 0.1) } as Make,
         "parameter 'lr' has lower bound 0.1 and upper bound 0.1; the lower bound must be below the upper bound"),
        ({ () throws(SpaceDefinitionError) in try .float(name: "lr", lower: 1, upper: 0) } as Make,
         "parameter 'lr' has lower bound 1.0 and upper bound 0.0; the lower bound must be below the upper bound"),
        ({ () throws(SpaceDefinitionError) in try .float(name: "lr", lower: 0, upper: 1, log: true) } as Make,
         "parameter 'lr' is on a log scale, so its lower bound must be positive, but it is 0.0"),
        ({ () throws(SpaceDefinitionError) in try .float(name: "lr", lower: 0, upper: .infinity) } as Make,
         "parameter 'lr' has bounds [0.0, inf]; bounds must be finite numbers"),
        ({ () throws(SpaceDefinitionError) in try .float(name: "lr", lower: 1e-5, upper: 0.1, default: 0.5) } as Make,
         "parameter 'lr' has default 0.5, outside its range [1e-05, 0.1]"),
        ({ () throws(SpaceDefinitionError) in try .float(name: "lr", lower: 1e-5, upper: 0.1, default: .nan) } as Make,
         "parameter 'lr' has a value that is not a finite number"),
        ({ () throws(SpaceDefinitionError) in try .integer(name: "n", lower: 5, upper: 5) } as Make,
         "parameter 'n' has lower bound 5 and upper bound 5; the lower bound must be below the upper bound"),
        ({ () throws(SpaceDefinitionError) in try .integer(name: "n", lower: -3, upper: 5, log: true) } as Make,
         "parameter 'n' is on a log scale, so its lower bound must be positive, but it is -3"),
        ({ () throws(SpaceDefinitionError) in try .integer(name: "n", lower: 1, upper: 5, default: 9) } as Make,
         "parameter 'n' has default 9, outside its range [1, 5]"),
        ({ () throws(SpaceDefinitionError) in try .integer(name: "n", lower: 0, upper: 1 << 60) } as Make,
         "parameter 'n' has bound 1152921504606846976; integer bounds must lie within ±2^53 so that they are exact as doubles"),
        ({ () throws(SpaceDefinitionError) in try .categorical(name: "c", choices: []) } as Make,
         "parameter 'c' has no values to choose from; give it at least one"),
        ({ () throws(SpaceDefinitionError) in try .categorical(name: "c", choices: [.int(1), .float(1)]) } as Make,
         "parameter 'c' lists the value 1.0 twice (ConfigSpace counts 1, 1.0 and true as the same value)"),
        ({ () throws(SpaceDefinitionError) in try .categorical(name: "c", choices: [.bool(true), .int(1)]) } as Make,
         "parameter 'c' lists the value 1 twice (ConfigSpace counts 1, 1.0 and true as the same value)"),
        ({ () throws(SpaceDefinitionError) in try .categorical(name: "c", choices: [.string("a")], default: .string("b")) } as Make,
         "parameter 'c' has default 'b', which is not one of its values: 'a'"),
        ({ () throws(SpaceDefinitionError) in try .categorical(name: "c", choices: [.string("a"), .string("b")], weights: [1]) } as Make,
         "parameter 'c' has invalid weights: 1 weights for 2 choices"),
        ({ () throws(SpaceDefinitionError) in try .categorical(name: "c", choices: [.string("a"), .string("b")], weights: [1, -1]) } as Make,
         "parameter 'c' has invalid weights: weights must be finite and not negative"),
        ({ () throws(SpaceDefinitionError) in try .categorical(name: "c", choices: [.string("a"), .string("b")], weights: [0, 0]) } as Make,
         "parameter 'c' has invalid weights: all weights are zero; at least one must be positive"),
        ({ () throws(SpaceDefinitionError) in try .categorical(name: "c", choices: [.float(.infinity)]) } as Make,
         "parameter 'c' has a value that is not a finite number"),
        ({ () throws(SpaceDefinitionError) in try .ordinal(name: "o", sequence: [.string("s"), .string("m")], default: .string("l")) } as Make,
         "parameter 'o' has default 'l', which is not one of its values: 's', 'm'"),
        ({ () throws(SpaceDefinitionError) in try .ordinal(name: "o", sequence: [.string("s"), .string("s")]) } as Make,
         "parameter 'o' lists the value 's' twice (ConfigSpace counts 1, 1.0 and true as the same value)"),
        ({ () throws(SpaceDefinitionError) in try .constant(name: "k", value: .float(.nan)) } as Make,
         "parameter 'k' has a value that is not a finite number"),
    ])
    func badDefinitionsAreRefusedWithAMessage(make: Make, message: String) {
        #expect { try make() } throws: { ($0 as? SpaceDefinitionError)?.description == message }
    }

    /// Expected defaults are those ConfigSpace 1.2.2 chose (see Fixtures/configspace/lcbench_mlp.json
    /// and quadratic7.json, written by scripts/make_configspace_fixtures.py).
    @Test(arguments: [
        (try! Parameter.integer(name: "batch_size", lower: 16, upper: 512, log: true), ParameterValue.int(91)),
        (try! Parameter.float(name: "learning_rate", lower: 0.0001, upper: 0.1, log: true), .float(0.0031622776602)),
        (try! Parameter.float(name: "momentum", lower: 0.1, upper: 0.99), .float(0.545)),
        (try! Parameter.float(name: "weight_decay", lower: 1e-5, upper: 0.1), .float(0.050005)),
        (try! Parameter.integer(name: "num_layers", lower: 1, upper: 5), .int(3)),
        (try! Parameter.integer(name: "n", lower: 1, upper: 64), .int(32)),
        (try! Parameter.float(name: "wd", lower: 1e-6, upper: 1e-2, log: true), .float(0.0001)),
        (try! Parameter.categorical(name: "c", choices: [.int(1), .int(2), .int(3)], weights: [1, 3, 3]), .int(2)),
        (try! Parameter.categorical(name: "c", choices: [.string("x"), .string("y")]), .string("x")),
        (try! Parameter.ordinal(name: "o", sequence: [.int(4), .int(8)]), .int(4)),
    ])
    func defaultsFollowConfigSpace(parameter: Parameter, expected: ParameterValue) {
        #expect(parameter.defaultValue == expected)
    }

    @Test func roundingTo13DecimalsIsSkippedWhenItWouldLeaveTheRange() throws {
        // ConfigSpace would round the bounds themselves to 0 and refuse the space.
        let p = try Parameter.float(name: "tiny", lower: 1e-20, upper: 1e-18, log: true)
        let d = try #require(p.defaultValue.doubleValue)
        #expect(abs(d - 1e-19) < 1e-31)
    }

    @Test func defaultsGivenInAnotherNumberTypeTakeTheParametersType() throws {
        let c = try Parameter.categorical(name: "c", choices: [.float(0.5), .float(1)], default: .int(1))
        #expect(c.defaultValue == .float(1))
    }

    @Test(arguments: [
        (try! Parameter.float(name: "lr", lower: 1e-5, upper: 0.1, log: true, default: 0.001), "lr: float in [1e-05, 0.1], log scale, default 0.001"),
        (try! Parameter.integer(name: "n", lower: 1, upper: 64), "n: integer in [1, 64], default 32"),
        (try! Parameter.categorical(name: "k", choices: [.string("rbf"), .int(3), .bool(true)]), "k: one of 'rbf', 3, true, default 'rbf'"),
        (try! Parameter.categorical(name: "k", choices: [.string("a"), .string("b")], weights: [1, 2]), "k: one of 'a', 'b', weights 1.0, 2.0, default 'b'"),
        (try! Parameter.ordinal(name: "size", sequence: [.string("s"), .string("m")]), "size: ordinal 's' < 'm', default 's'"),
        (try! Parameter.constant(name: "arch", value: .string("it's")), "arch: constant 'it\\'s'"),
    ])
    func descriptionsReadAsProse(parameter: Parameter, expected: String) {
        #expect(parameter.description == expected)
    }
}
