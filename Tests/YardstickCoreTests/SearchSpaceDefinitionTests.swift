import Testing
@testable import YardstickCore

@Suite struct SearchSpaceDefinitionTests {
    static let k = try! Parameter.categorical(name: "k", choices: [.string("a"), .string("b")])
    static let x = try! Parameter.float(name: "x", lower: 0, upper: 1)
    static let y = try! Parameter.float(name: "y", lower: 0, upper: 1)
    static let z = try! Parameter.float(name: "z", lower: 0, upper: 1)

    typealias Make = @Sendable () throws(SpaceDefinitionError) -> SearchSpace

    @Test(arguments: [
        ({ () throws(SpaceDefinitionError) in try SearchSpace(parameters: [k, x, k]) } as Make,
         "the space has two parameters named 'k'; names must be unique"),
        ({ () throws(SpaceDefinitionError) in
            try SearchSpace(parameters: [k, x], conditions: [Condition(child: "x", .equals(parent: "kernel", value: .string("a")))])
        } as Make,
         "condition 'x if kernel == 'a'' names unknown parameter 'kernel'; the space has: k, x"),
        ({ () throws(SpaceDefinitionError) in
            try SearchSpace(parameters: [k, x], conditions: [Condition(child: "w", .equals(parent: "k", value: .string("a")))])
        } as Make,
         "condition 'w if k == 'a'' names unknown parameter 'w'; the space has: k, x"),
        ({ () throws(SpaceDefinitionError) in
            try SearchSpace(parameters: [k, x], conditions: [Condition(child: "x", .greaterThan(parent: "x", value: .float(0.5)))])
        } as Make,
         "parameter 'x' has a condition on itself"),
        ({ () throws(SpaceDefinitionError) in
            try SearchSpace(parameters: [k, x], conditions: [
                Condition(child: "x", .equals(parent: "k", value: .string("a"))),
                Condition(child: "x", .equals(parent: "k", value: .string("b"))),
            ])
        } as Make,
         "parameter 'x' has more than one condition; combine them into one with .and or .or"),
        ({ () throws(SpaceDefinitionError) in try SearchSpace(parameters: [k, x], conditions: [Condition(child: "x", .or([]))]) } as Make,
         "condition 'x if ()' combines no conditions; give it at least one"),
        ({ () throws(SpaceDefinitionError) in
            try SearchSpace(parameters: [k, x], conditions: [Condition(child: "x", .equals(parent: "k", value: .string("c")))])
        } as Make,
         "condition 'x if k == 'c'' compares 'k' with 'c', which it can never take: parameter 'k' = 'c' is not one of its choices: 'a', 'b'"),
        ({ () throws(SpaceDefinitionError) in
            try SearchSpace(parameters: [k, x], conditions: [Condition(child: "k", .lessThan(parent: "x", value: .float(2)))])
        } as Make,
         "condition 'k if x < 2.0' compares 'x' with 2.0, which it can never take: parameter 'x' = 2.0 is above its upper bound 1.0"),
        ({ () throws(SpaceDefinitionError) in
            try SearchSpace(parameters: [k, x], conditions: [Condition(child: "x", .lessThan(parent: "k", value: .string("b")))])
        } as Make,
         "condition 'x if k < 'b'' orders the values of 'k', which are unordered; < and > need a float, integer or ordinal parent"),
        ({ () throws(SpaceDefinitionError) in
            try SearchSpace(parameters: [x, y, z], conditions: [
                Condition(child: "y", .greaterThan(parent: "x", value: .float(0.5))),
                Condition(child: "z", .greaterThan(parent: "y", value: .float(0.5))),
                Condition(child: "x", .greaterThan(parent: "z", value: .float(0.5))),
            ])
        } as Make,
         "conditions form a cycle: x → y → z → x"),
        ({ () throws(SpaceDefinitionError) in
            try SearchSpace(parameters: [k, x], forbidden: [.and([.equals(parameter: "k", value: .string("a")), .equals(parameter: "q", value: .int(1))])])
        } as Make,
         "forbidden clause '(k == 'a' && q == 1)' names unknown parameter 'q'; the space has: k, x"),
        ({ () throws(SpaceDefinitionError) in try SearchSpace(parameters: [k, x], forbidden: [.isIn(parameter: "x", values: [.string("a")])]) } as Make,
         "forbidden clause 'x in {'a'}' names the value 'a' for 'x', which it can never take: parameter 'x' = 'a' is a string; it must be a float"),
        ({ () throws(SpaceDefinitionError) in try SearchSpace(parameters: [k, x], forbidden: [.and([])]) } as Make,
         "a forbidden clause combines no conditions; give it at least one"),
        ({ () throws(SpaceDefinitionError) in try SearchSpace(parameters: [k, x], forbidden: [.equals(parameter: "k", value: .string("a"))]) } as Make,
         "the default configuration is forbidden by: k == 'a'; change a default or the clause"),
    ])
    func badSpacesAreRefusedWithAMessage(make: Make, message: String) {
        #expect { try make() } throws: { ($0 as? SpaceDefinitionError)?.description == message }
    }

    @Test func parametersAreOrderedByNameAndConditionsByDepthThenName() throws {
        let space = try TestSpaces.deepConditions()
        #expect(space.names == ["a_mid", "b_leaf", "c_root", "größe", "m_leaf", "z_root"])
        #expect(space.activationOrder.map { space.parameters[$0].name } == ["c_root", "z_root", "a_mid", "größe", "b_leaf", "m_leaf"])
        #expect(space.conditions.map(\.child) == ["a_mid", "größe", "b_leaf", "m_leaf"])
        #expect(space.condition(of: "m_leaf")?.description == "m_leaf if a_mid in {'x', 'naïve'}")
        #expect(space.condition(of: "z_root") == nil)
    }

    @Test func theOrderOfTheArgumentsDoesNotMatter() throws {
        let space = try TestSpaces.conditionalNN()
        let shuffled = try SearchSpace(
            name: space.name, parameters: space.parameters.reversed(), conditions: space.conditions.reversed(), forbidden: space.forbidden.reversed()
        )
        #expect(shuffled == space)
        #expect(shuffled.configSpaceJSON() == space.configSpaceJSON())
    }

    @Test func conditionAndClauseValuesTakeTheParametersType() throws {
        let space = try SearchSpace(
            parameters: [Self.k, Self.x, try .integer(name: "n", lower: 1, upper: 9)],
            conditions: [Condition(child: "k", .greaterThan(parent: "x", value: .int(0)))],
            forbidden: [.isIn(parameter: "n", values: [.float(9)])]
        )
        #expect(space.conditions[0].rule == .greaterThan(parent: "x", value: .float(0)))
        #expect(space.forbidden[0] == .isIn(parameter: "n", values: [.int(9)]))
    }

    @Test func defaultConfigurationHoldsTheActiveDefaults() throws {
        let space = try TestSpaces.conditionalNN()
        #expect(space.defaultConfiguration.canonicalText
            == #"{"depth":2,"lr":0.01,"momentum":0.9,"nesterov":true,"optimizer":"sgd","residual":"none","warmup_steps":100,"width":128}"#)
        try space.validate(space.defaultConfiguration)
    }

    @Test func descriptionListsEverything() throws {
        let space = try TestSpaces.optimizer()
        #expect(space.description == """
            search space: 6 parameters, 1 conditions, 1 forbidden clauses
              arch: constant 'mlp'
              depth: integer in [1, 8], default 2
              lr: float in [1e-05, 0.1], log scale, default 0.01
              momentum: float in [0.0, 0.99], default 0.9
              optimizer: one of 'sgd', 'adam', default 'sgd'
              size: ordinal 's' < 'm' < 'l', default 'm'
              momentum if optimizer == 'sgd'
              forbidden: (optimizer == 'adam' && depth == 8)
            """)
    }
}
