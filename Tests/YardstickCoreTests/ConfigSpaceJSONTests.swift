import Foundation
import Testing
@testable import YardstickCore

/// Compatibility with the Python ConfigSpace package. The fixtures were written by
/// ConfigSpace 1.2.2 itself (scripts/make_configspace_fixtures.py).
@Suite struct ConfigSpaceJSONTests {
    @Test(arguments: TestSpaces.fixtureNames)
    func readingThenWritingGivesTheReferenceBytes(name: String) throws {
        let text = try configSpaceFixture("\(name).json")
        let space = try SearchSpace(configSpaceJSON: text)
        #expect(space.configSpaceJSON() == text)
        #expect(try SearchSpace(configSpaceJSON: space.configSpaceJSON()) == space)
    }

    @Test(arguments: TestSpaces.fixtureNames)
    func spacesBuiltInSwiftWriteWhatConfigSpaceWrites(name: String) throws {
        let text = try configSpaceFixture("\(name).json")
        let built = try TestSpaces.built(name)
        #expect(built.configSpaceJSON() == text)
        #expect(try SearchSpace(configSpaceJSON: text) == built)
    }

    @Test(arguments: TestSpaces.fixtureNames)
    func validationAgreesWithConfigSpace(name: String) throws {
        let space = try SearchSpace(configSpaceJSON: try configSpaceFixture("\(name).json"))
        let cases = try JSONValue(parsing: try configSpaceFixture("\(name).cases.json"))
        let list = try #require(cases["cases"]?.arrayValue)
        #expect(list.count > 20)
        for (i, item) in list.enumerated() {
            let configuration = try Configuration(json: try #require(item["configuration"]))
            let valid = item["valid"] == .bool(true)
            let note = item["note"]?.stringValue ?? ""
            var reason = "accepted"
            do { try space.validate(configuration) } catch { reason = error.description }
            #expect((reason == "accepted") == valid, "case \(i) (\(note)) \(configuration): ConfigSpace says valid=\(valid), Yardstick: \(reason)")
        }
    }

    @Test(arguments: TestSpaces.fixtureNames)
    func vectorsAgreeWithConfigSpace(name: String) throws {
        let space = try SearchSpace(configSpaceJSON: try configSpaceFixture("\(name).json"))
        let cases = try #require(try JSONValue(parsing: try configSpaceFixture("\(name).cases.json"))["cases"]?.arrayValue)
        for item in cases {
            guard let reference = item["vector"] else { continue }
            let configuration = try space.normalized(try Configuration(json: try #require(item["configuration"])))
            let vector = space.vector(for: configuration)
            for (p, entry) in zip(space.parameters, vector) {
                let expected = try #require(reference[p.name])
                if expected.isNull {
                    #expect(entry.isNaN, "\(p.name) in \(configuration)")
                } else {
                    let e = try #require(expected.doubleValue)
                    #expect(abs(entry - e) <= 1e-12, "\(p.name) in \(configuration): \(entry) vs ConfigSpace \(e)")
                }
            }
            #expect(try space.configuration(fromVector: vector).values.count == configuration.values.count)
        }
    }

    @Test func fixturesRecordThePackageVersion() throws {
        let manifest = try JSONValue(parsing: try configSpaceFixture("manifest.json"))
        #expect(manifest["configspace"] == .string("1.2.2"))
        #expect(manifest["spaces"]?.arrayValue?.compactMap(\.stringValue).sorted() == TestSpaces.fixtureNames.sorted())
    }

    @Test func legacyFieldsAreRead() throws {
        let text = """
            {"hyperparameters": [
              {"name": "a", "type": "uniform_float", "lower": 0, "upper": 10, "default": 2, "log": false, "q": null},
              {"name": "k", "type": "categorical", "choices": ["x", "y"], "default": "y", "probabilities": [0.25, 0.75]},
              {"name": "n", "type": "uniform_int", "lower": 1.0, "upper": 9.0, "log": false}
            ]}
            """
        let space = try SearchSpace(configSpaceJSON: text)
        #expect(space.name == nil)
        #expect(space.parameter(named: "a")?.domain == .float(lower: 0, upper: 10, log: false))
        #expect(space.parameter(named: "a")?.defaultValue == .float(2))
        #expect(space.parameter(named: "k")?.domain == .categorical(choices: [.string("x"), .string("y")], weights: [0.25, 0.75]))
        #expect(space.parameter(named: "k")?.defaultValue == .string("y"))
        #expect(space.parameter(named: "n")?.defaultValue == .int(5))
        #expect(space.conditions.isEmpty && space.forbidden.isEmpty)
    }

    @Test func integerWeightsAreReadAsWeightsAndWrittenAsFloats() throws {
        let text = #"{"hyperparameters": [{"type": "categorical", "name": "k", "choices": [1, 2], "weights": [1, 3], "default_value": 2, "meta": {"unit": "x"}}]}"#
        let space = try SearchSpace(configSpaceJSON: text)
        #expect(space.parameter(named: "k")?.domain == .categorical(choices: [.int(1), .int(2)], weights: [1, 3]))
        #expect(space.parameter(named: "k")?.meta == .object([("unit", .string("x"))]))
        let written = space.configSpaceJSON(indent: 0)
        #expect(written.contains(#""weights":[1.0,3.0]"#))
        #expect(written.contains(#""meta":{"unit":"x"}"#))
    }

    @Test(arguments: [
        (#"{"hyperparameters": [{"type": "normal_float", "name": "lr", "mu": 0.0, "sigma": 1.0, "lower": -3.0, "upper": 3.0, "default_value": 0.0, "log": false, "meta": null}]}"#,
         "ConfigSpace JSON: parameter 'lr' has type 'normal_float' (a normal prior), which Yardstick does not support; supported types: uniform_float, uniform_int, categorical, ordinal, constant"),
        (#"{"hyperparameters": [{"type": "beta_int", "name": "n", "alpha": 2.0, "beta": 2.0, "lower": 1, "upper": 9}]}"#,
         "ConfigSpace JSON: parameter 'n' has type 'beta_int' (a beta prior), which Yardstick does not support; supported types: uniform_float, uniform_int, categorical, ordinal, constant"),
        (#"{"hyperparameters": [{"type": "magic", "name": "m"}]}"#,
         "ConfigSpace JSON: parameter 'm' has type 'magic', which Yardstick does not support; supported types: uniform_float, uniform_int, categorical, ordinal, constant"),
        (#"{"hyperparameters": [{"type": "uniform_float", "name": "x", "lower": 0, "upper": 1, "q": 0.1}]}"#,
         "ConfigSpace JSON: parameter 'x' is quantized ('q'), which Yardstick does not support (ConfigSpace 1.x dropped it too)"),
        (#"{"hyperparameters": [{"type": "uniform_float", "name": "x", "lower": "0", "upper": 1}]}"#,
         "ConfigSpace JSON: hyperparameters[0] ('x').lower must be a number, found string"),
        (#"{"hyperparameters": [{"type": "uniform_int", "name": "n", "lower": 0.5, "upper": 3}]}"#,
         "ConfigSpace JSON: hyperparameters[0] ('n').lower must be an integer, found number"),
        (#"{"hyperparameters": [{"type": "uniform_float", "name": "x", "upper": 1}]}"#,
         "ConfigSpace JSON: hyperparameters[0] ('x') has no field 'lower'"),
        (#"{"hyperparameters": [{"type": "uniform_float", "lower": 0, "upper": 1}]}"#,
         "ConfigSpace JSON: hyperparameters[0] has no field 'name'"),
        (#"{"hyperparameters": [{"type": "categorical", "name": "k", "choices": ["a", null]}]}"#,
         "ConfigSpace JSON: hyperparameters[0] ('k').choices[1] must be a number, string or boolean, found null"),
        (#"{"hyperparameters": [{"type": "uniform_float", "name": "x", "lower": 2, "upper": 1}]}"#,
         "ConfigSpace JSON: parameter 'x' has lower bound 2.0 and upper bound 1.0; the lower bound must be below the upper bound"),
        (#"{"hyperparameters": 3}"#, "ConfigSpace JSON: hyperparameters must be an array, found integer"),
        ("[1]", "ConfigSpace JSON: the document must be an object, found array"),
        ("{", "ConfigSpace JSON: invalid JSON at byte 1: expected a string key"),
    ])
    func unreadableParametersAreRefusedWithTheirName(text: String, message: String) {
        #expect { try SearchSpace(configSpaceJSON: text) } throws: { "\($0)" == message }
    }

    static let twoParameters = #"{"hyperparameters": [{"type": "categorical", "name": "k", "choices": ["a", "b"]}, {"type": "uniform_float", "name": "x", "lower": 0, "upper": 1}], "#

    @Test(arguments: [
        (#""conditions": [{"type": "XOR", "child": "x", "parent": "k", "value": "a"}]}"#,
         "ConfigSpace JSON: conditions[0] has condition type 'XOR'; supported: EQ, NEQ, LT, GT, IN, AND, OR"),
        (#""conditions": [{"type": "AND", "child": "x", "conditions": [{"type": "EQ", "child": "k", "parent": "x", "value": 0.5}]}]}"#,
         "ConfigSpace JSON: conditions[0].conditions[0] is a condition on 'k' inside a conjunction on 'x'; all parts of a conjunction must share its child"),
        (#""conditions": [{"type": "EQ", "child": "x", "parent": "q", "value": "a"}]}"#,
         "ConfigSpace JSON: condition 'x if q == 'a'' names unknown parameter 'q'; the space has: k, x"),
        (#""conditions": [{"type": "EQ", "child": "x", "parent": "k", "value": "c"}]}"#,
         "ConfigSpace JSON: condition 'x if k == 'c'' compares 'k' with 'c', which it can never take: parameter 'k' = 'c' is not one of its choices: 'a', 'b'"),
        (#""forbiddens": [{"type": "RELATION_LT", "left": "x", "right": "k"}]}"#,
         "ConfigSpace JSON: forbiddens[0] has forbidden type 'RELATION_LT'; supported: EQUALS, IN, AND, OR"),
        (#""forbiddens": [{"type": "EQUALS", "name": "x"}]}"#,
         "ConfigSpace JSON: forbiddens[0] has no field 'value'"),
        (#""forbiddens": [{"type": "EQUALS", "name": "k", "value": "a"}]}"#,
         "ConfigSpace JSON: the default configuration is forbidden by: k == 'a'; change a default or the clause"),
    ])
    func unreadableConditionsAndClausesAreRefused(tail: String, message: String) {
        #expect { try SearchSpace(configSpaceJSON: Self.twoParameters + tail) } throws: { "\($0)" == message }
    }

    @Test func spacesBuiltInSwiftRoundTripThroughTheirJSON() throws {
        for name in TestSpaces.fixtureNames + ["optimizer"] {
            let space = name == "optimizer" ? try TestSpaces.optimizer() : try TestSpaces.built(name)
            #expect(try SearchSpace(configSpaceJSON: space.configSpaceJSON()) == space, "\(name)")
            #expect(try SearchSpace(configSpaceJSON: space.configSpaceJSON(indent: 0)) == space, "\(name)")
        }
    }

    /// Writes Yardstick's JSON for every fixture space (and a few spaces built only in Swift)
    /// into $YARDSTICK_CONFIGSPACE_CHECK_DIR, for
    /// `python3 scripts/make_configspace_fixtures.py --check DIR`, which reads them back with
    /// the real ConfigSpace. Without the variable there is nothing to write.
    @Test(.enabled(if: ProcessInfo.processInfo.environment["YARDSTICK_CONFIGSPACE_CHECK_DIR"] != nil))
    func writeSpacesForThePythonCheck() throws {
        let directory = URL(fileURLWithPath: ProcessInfo.processInfo.environment["YARDSTICK_CONFIGSPACE_CHECK_DIR"]!)
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        for name in TestSpaces.fixtureNames {
            let space = try SearchSpace(configSpaceJSON: try configSpaceFixture("\(name).json"))
            try space.configSpaceJSON().write(to: directory.appendingPathComponent("\(name).json"), atomically: true, encoding: .utf8)
        }
        let extra = try TestSpaces.optimizer()
        try extra.configSpaceJSON().write(to: directory.appendingPathComponent("extra_optimizer.json"), atomically: true, encoding: .utf8)
    }
}
