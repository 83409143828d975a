import Foundation
import Testing
@testable import YardstickCore

/// The spaces of scripts/make_configspace_fixtures.py, built in Swift: their
/// `configSpaceJSON()` must equal what ConfigSpace wrote for the Python definitions.
enum TestSpaces {
    static let fixtureNames = ["svm", "lcbench_mlp", "quadratic7", "conditional_nn", "mixed_types", "deep_conditions"]

    static func built(_ name: String) throws -> SearchSpace {
        switch name {
        case "svm": return try svm()
        case "lcbench_mlp": return try lcbenchMLP()
        case "quadratic7": return try quadratic7()
        case "conditional_nn": return try conditionalNN()
        case "mixed_types": return try mixedTypes()
        case "deep_conditions": return try deepConditions()
        default: throw FixtureError.unknown(name)
        }
    }

    static func svm() throws -> SearchSpace {
        try SearchSpace(
            name: "svm",
            parameters: [
                .categorical(name: "kernel", choices: ["linear", "rbf", "poly", "sigmoid"].map(ParameterValue.string), default: .string("rbf")),
                .float(name: "C", lower: 0.03125, upper: 32768, log: true, default: 1),
                .float(name: "gamma", lower: 0.0001, upper: 8, log: true, default: 0.1),
                .integer(name: "degree", lower: 2, upper: 5, default: 3),
                .float(name: "coef0", lower: -1, upper: 1, default: 0),
                .categorical(name: "shrinking", choices: [.bool(true), .bool(false)], default: .bool(true)),
                .float(name: "tol", lower: 1e-5, upper: 0.1, log: true, default: 0.001),
            ],
            conditions: [
                Condition(child: "gamma", .isIn(parent: "kernel", values: ["rbf", "poly", "sigmoid"].map(ParameterValue.string))),
                Condition(child: "degree", .equals(parent: "kernel", value: .string("poly"))),
                Condition(child: "coef0", .isIn(parent: "kernel", values: [.string("poly"), .string("sigmoid")])),
            ],
            forbidden: [.and([.equals(parameter: "kernel", value: .string("linear")), .equals(parameter: "shrinking", value: .bool(false))])]
        )
    }

    static func lcbenchMLP() throws -> SearchSpace {
        try SearchSpace(name: "lcbench_mlp", parameters: [
            .integer(name: "batch_size", lower: 16, upper: 512, log: true),
            .float(name: "learning_rate", lower: 0.0001, upper: 0.1, log: true),
            .float(name: "momentum", lower: 0.1, upper: 0.99),
            .float(name: "weight_decay", lower: 1e-5, upper: 0.1),
            .integer(name: "num_layers", lower: 1, upper: 5),
            .integer(name: "max_units", lower: 64, upper: 1024, log: true),
            .float(name: "max_dropout", lower: 0, upper: 1),
        ])
    }

    static func quadratic7() throws -> SearchSpace {
        try SearchSpace(name: "quadratic7", parameters: [
            .float(name: "x1", lower: -5, upper: 5),
            .float(name: "x2", lower: -5, upper: 5),
            .float(name: "x3", lower: 0, upper: 1),
            .float(name: "lr", lower: 1e-5, upper: 1e-1, log: true),
            .float(name: "wd", lower: 1e-6, upper: 1e-2, log: true),
            .integer(name: "n", lower: 1, upper: 64),
            .categorical(name: "c", choices: ["a", "b", "c", "d"].map(ParameterValue.string)),
        ])
    }

    static func conditionalNN() throws -> SearchSpace {
        let sgd = ParameterValue.string("sgd")
        return try SearchSpace(
            name: "conditional_nn",
            parameters: [
                .categorical(name: "optimizer", choices: [sgd, .string("adam"), .string("rmsprop")], weights: [0.5, 0.3, 0.2]),
                .float(name: "lr", lower: 1e-5, upper: 1, log: true, default: 0.01),
                .float(name: "momentum", lower: 0, upper: 0.99, default: 0.9),
                .categorical(name: "nesterov", choices: [.bool(true), .bool(false)]),
                .float(name: "beta1", lower: 0.8, upper: 0.999, default: 0.9),
                .float(name: "rho", lower: 0.8, upper: 0.99),
                .float(name: "eps", lower: 1e-10, upper: 1e-6, log: true),
                .ordinal(name: "depth", sequence: [.int(1), .int(2), .int(4), .int(8)], default: .int(2)),
                .integer(name: "width", lower: 16, upper: 1024, log: true, default: 128),
                .float(name: "dropout", lower: 0, upper: 0.5, default: 0.1),
                .categorical(name: "residual", choices: ["none", "add", "concat"].map(ParameterValue.string)),
                .integer(name: "warmup_steps", lower: 0, upper: 1000, default: 100),
            ],
            conditions: [
                Condition(child: "momentum", .equals(parent: "optimizer", value: sgd)),
                Condition(child: "nesterov", .and([.equals(parent: "optimizer", value: sgd), .greaterThan(parent: "momentum", value: .float(0.5))])),
                Condition(child: "beta1", .isIn(parent: "optimizer", values: [.string("adam")])),
                Condition(child: "rho", .notEquals(parent: "optimizer", value: sgd)),
                Condition(child: "eps", .or([.equals(parent: "optimizer", value: .string("adam")), .equals(parent: "optimizer", value: .string("rmsprop"))])),
                Condition(child: "dropout", .greaterThan(parent: "depth", value: .int(2))),
                Condition(child: "residual", .lessThan(parent: "depth", value: .int(8))),
                Condition(child: "warmup_steps", .greaterThan(parent: "lr", value: .float(0.001))),
            ],
            forbidden: [
                .and([.equals(parameter: "optimizer", value: .string("rmsprop")), .isIn(parameter: "depth", values: [.int(8)])]),
                .and([.equals(parameter: "nesterov", value: .bool(true)), .isIn(parameter: "residual", values: [.string("concat")])]),
            ]
        )
    }

    static func mixedTypes() throws -> SearchSpace {
        try SearchSpace(
            name: "mixed_types",
            parameters: [
                .categorical(name: "batch", choices: [16, 32, 64, 128].map(ParameterValue.int), weights: [1, 2, 2, 1]),
                .categorical(name: "ratio", choices: [0.1, 0.25, 0.5, 1.0].map(ParameterValue.float), default: .float(0.5)),
                .categorical(name: "flag", choices: [.bool(false), .bool(true)]),
                .categorical(name: "mode", choices: [.string("auto"), .int(1), .float(2.5)]),
                .ordinal(name: "level", sequence: ["low", "medium", "high"].map(ParameterValue.string), default: .string("medium")),
                .float(name: "scale", lower: 0.5, upper: 2, default: 1),
                .integer(name: "count", lower: 1, upper: 10, default: 3),
                .constant(name: "seed", value: .int(42)),
                .constant(name: "version", value: .float(1.5)),
                .constant(name: "tag", value: .string("v1")),
                .constant(name: "enabled", value: .bool(true)),
            ],
            conditions: [
                Condition(child: "scale", .greaterThan(parent: "level", value: .string("low"))),
                Condition(child: "count", .equals(parent: "flag", value: .bool(true))),
            ],
            forbidden: [
                .and([.equals(parameter: "batch", value: .int(16)), .isIn(parameter: "ratio", values: [.float(0.1), .float(0.25)])]),
                .or([.equals(parameter: "mode", value: .float(2.5)), .equals(parameter: "level", value: .string("high"))]),
                .isIn(parameter: "count", values: [.int(7), .int(9)]),
            ]
        )
    }

    static func deepConditions() throws -> SearchSpace {
        try SearchSpace(
            name: "deep_conditions",
            parameters: [
                .categorical(name: "z_root", choices: [.string("on"), .string("off")]),
                .integer(name: "c_root", lower: 0, upper: 100, default: 50),
                .categorical(name: "a_mid", choices: ["x", "y", "naïve"].map(ParameterValue.string)),
                .float(name: "m_leaf", lower: 0, upper: 1),
                .integer(name: "b_leaf", lower: 1, upper: 8, log: true),
                .float(name: "größe", lower: 1, upper: 100, log: true),
            ],
            conditions: [
                Condition(child: "a_mid", .equals(parent: "z_root", value: .string("on"))),
                Condition(child: "m_leaf", .isIn(parent: "a_mid", values: [.string("x"), .string("naïve")])),
                Condition(child: "b_leaf", .and([.equals(parent: "a_mid", value: .string("y")), .greaterThan(parent: "c_root", value: .int(10))])),
                Condition(child: "größe", .lessThan(parent: "c_root", value: .int(50))),
            ],
            forbidden: [
                .and([.equals(parameter: "a_mid", value: .string("y")), .equals(parameter: "b_leaf", value: .int(8))]),
                .isIn(parameter: "c_root", values: [.int(0), .int(1)]),
            ]
        )
    }

    /// A small space for checking messages: an optimizer with a conditional momentum.
    static func optimizer() throws -> SearchSpace {
        try SearchSpace(
            parameters: [
                .categorical(name: "optimizer", choices: [.string("sgd"), .string("adam")]),
                .float(name: "lr", lower: 1e-5, upper: 0.1, log: true, default: 0.01),
                .float(name: "momentum", lower: 0, upper: 0.99, default: 0.9),
                .integer(name: "depth", lower: 1, upper: 8, default: 2),
                .ordinal(name: "size", sequence: ["s", "m", "l"].map(ParameterValue.string), default: .string("m")),
                .constant(name: "arch", value: .string("mlp")),
            ],
            conditions: [Condition(child: "momentum", .equals(parent: "optimizer", value: .string("sgd")))],
            forbidden: [.and([.equals(parameter: "optimizer", value: .string("adam")), .equals(parameter: "depth", value: .int(8))])]
        )
    }
}

enum FixtureError: Error { case unknown(String), missing(String) }

/// Reads Tests/YardstickCoreTests/Fixtures/configspace/<file> from the test bundle.
func configSpaceFixture(_ file: String) throws -> String {
    guard let root = Bundle.module.url(forResource: "Fixtures", withExtension: nil) else { throw FixtureError.missing("Fixtures") }
    let url = root.appendingPathComponent("configspace").appendingPathComponent(file)
    return try String(contentsOf: url, encoding: .utf8)
}

/// Runs `body` for every seed, recording the seed with any error it throws; the body's own
/// expectations should name the seed too (as swift-collections' `withEvery("seed", in:)`).
func withEverySeed(_ seeds: Range<UInt64>, _ body: (UInt64) throws -> Void) {
    for seed in seeds {
        do { try body(seed) } catch { Issue.record("seed \(seed): \(error)") }
    }
}
