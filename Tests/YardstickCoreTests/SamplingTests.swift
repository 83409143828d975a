import Foundation
import Testing
@testable import YardstickCore

@Suite struct SamplingTests {
    static let spaces: [(String, SearchSpace)] = (TestSpaces.fixtureNames.map { ($0, try! TestSpaces.built($0)) }) + [("optimizer", try! TestSpaces.optimizer())]

    @Test func theSameSeedGivesTheSameConfigurations() throws {
        for (name, space) in Self.spaces {
            var a = Xoshiro256StarStar(seed: 42), b = Xoshiro256StarStar(seed: 42), c = Xoshiro256StarStar(seed: 43)
            let first = try space.sample(count: 20, using: &a)
            #expect(first == (try space.sample(count: 20, using: &b)), "\(name)")
            #expect(first != (try space.sample(count: 20, using: &c)), "\(name)")
            #expect(a == b)
        }
    }

    /// Pins the sampling algorithm to its documented form: parameters drawn parents first, then
    /// by name (all roots here: c, lr, n, wd, x1, x2, x3), one draw each, uniform in the encoded
    /// scale. The uniforms are those checked against scripts/golden_random.py in RandomTests.
    @Test func samplingIsPinned() throws {
        var rng = Xoshiro256StarStar(seed: 42)
        let sample = try TestSpaces.quadratic7().sample(using: &rng)
        var g = Xoshiro256StarStar(seed: 42)
        let c = ["a", "b", "c", "d"][Int(g.uniformInt(below: 4))]
        let lr = g.uniformDouble()
        let n = 1 + Int(g.uniformInt(below: 64))
        _ = g.uniformDouble()
        let x1 = g.uniformDouble()
        #expect(sample["c"] == .string(c))
        #expect(sample["lr"] == .float(exp(lr * (log(0.1) - log(1e-5)) + log(1e-5))))
        #expect(sample["n"] == .int(n))
        #expect(sample["x1"] == .float(x1 * 10 - 5))
        #expect(rng != g)
    }

    @Test func samplesAreAlwaysValidAndNormalized() {
        for (name, space) in Self.spaces {
            withEverySeed(0..<40) { seed in
                var rng = Xoshiro256StarStar(seed: seed)
                for configuration in try space.sample(count: 25, using: &rng) {
                    #expect(space.contains(configuration), "\(name) seed \(seed): \(configuration)")
                    #expect(try space.normalized(configuration) == configuration, "\(name) seed \(seed)")
                }
            }
        }
    }

    @Test func everyValueIsReachedAndBoundsAreRespected() throws {
        let space = try TestSpaces.conditionalNN()
        var rng = Xoshiro256StarStar(seed: 5)
        let samples = try space.sample(count: 3000, using: &rng)
        var optimizers: [ParameterValue: Int] = [:]
        for s in samples { optimizers[s["optimizer"]!, default: 0] += 1 }
        // Weights 0.5 : 0.3 : 0.2 (before forbidden rejections, which only touch rmsprop with depth 8).
        #expect(abs(Double(optimizers[.string("sgd")]!) / 3000 - 0.5 / 0.95) < 0.05)
        #expect(optimizers[.string("rmsprop")]! > 300)
        let widths = samples.compactMap { $0["width"] }
        #expect(widths.contains(.int(16)) && widths.contains(.int(1024)))
        let logMedian = widths.compactMap(\.doubleValue).sorted()[widths.count / 2]
        #expect(logMedian > 90 && logMedian < 180, "log-uniform median near sqrt(16 * 1024) = 128, got \(logMedian)")
        #expect(!samples.contains { $0["optimizer"] == .string("rmsprop") && $0["depth"] == .int(8) })
    }

    @Test func aSpaceThatForbidsEverythingSaysSo() throws {
        let all = try SearchSpace(
            parameters: [.categorical(name: "k", choices: [.string("a"), .string("b")], weights: [1, 0])],
            forbidden: []
        )
        var rng = Xoshiro256StarStar(seed: 1)
        #expect(try all.sample(count: 50, using: &rng).allSatisfy { $0["k"] == .string("a") })
        let blocked = try SearchSpace(
            parameters: [.categorical(name: "k", choices: [.string("a"), .string("b")], weights: [0, 1], default: .string("a"))],
            forbidden: [.equals(parameter: "k", value: .string("b"))]
        )
        #expect { try blocked.sample(using: &rng) } throws: {
            ($0 as? SpaceError)?.description
                == "no configuration that is not forbidden was found in 1000 random draws; the forbidden clauses exclude (almost) the whole space"
        }
    }

    @Test func neighboursAreValidAndChangeOneParameter() {
        for (name, space) in Self.spaces {
            withEverySeed(0..<15) { seed in
                var rng = Xoshiro256StarStar(seed: seed)
                let base = try space.sample(using: &rng)
                let neighbours = try space.neighbours(of: base, using: &rng)
                #expect(!neighbours.isEmpty, "\(name) seed \(seed)")
                for n in neighbours {
                    #expect(space.contains(n), "\(name) seed \(seed): \(n)")
                    #expect(n != base, "\(name) seed \(seed)")
                    // Exactly one parameter active in both changed its value, unless children were redrawn.
                    let shared = Set(base.values.keys).intersection(n.values.keys)
                    let changed = shared.filter { base[$0] != n[$0] }
                    let unconditionalChanged = changed.filter { space.condition(of: $0) == nil }
                    #expect(unconditionalChanged.count <= 1, "\(name) seed \(seed): \(base) → \(n)")
                    #expect(!changed.isEmpty || Set(base.values.keys) != Set(n.values.keys), "\(name) seed \(seed)")
                }
            }
        }
    }

    @Test func neighbourCountsFollowTheOneExchangeRules() throws {
        let space = try TestSpaces.quadratic7()
        var rng = Xoshiro256StarStar(seed: 3)
        let base = space.defaultConfiguration
        let neighbours = try space.neighbours(of: base, perNumericalParameter: 4, using: &rng)
        func changed(_ name: String) -> Int { neighbours.filter { $0[name] != base[name] }.count }
        #expect(changed("c") == 3)  // every other choice
        for name in ["x1", "x2", "x3", "lr", "wd", "n"] { #expect(changed(name) == 4, "\(name)") }
        #expect(neighbours.count == 27)
        let ns = Set(neighbours.filter { $0["n"] != base["n"] }.compactMap { $0["n"] })
        #expect(ns.count == 4 && !ns.contains(.int(32)))

        let small = try SearchSpace(parameters: [
            .integer(name: "b", lower: 0, upper: 1), .ordinal(name: "o", sequence: [.int(1), .int(2), .int(3)], default: .int(1)),
            .constant(name: "k", value: .int(7)),
        ])
        let around = try small.neighbours(of: small.defaultConfiguration, using: &rng)
        #expect(Set(around.map(\.canonicalText)) == [#"{"b":1,"k":7,"o":1}"#, #"{"b":0,"k":7,"o":2}"#])
    }

    @Test func neighboursDrawNewlyActiveChildrenAndDropInactiveOnes() throws {
        let space = try TestSpaces.svm()
        var rng = Xoshiro256StarStar(seed: 11)
        let linear = try space.normalized(Configuration(json: #"{"kernel": "linear", "C": 1.0, "shrinking": true, "tol": 0.001}"#))
        let neighbours = try space.neighbours(of: linear, using: &rng)
        let poly = try #require(neighbours.first { $0["kernel"] == .string("poly") })
        #expect(poly["degree"] != nil && poly["gamma"] != nil && poly["coef0"] != nil)
        let back = try space.neighbours(of: poly, using: &rng).first { $0["kernel"] == .string("linear") }
        #expect(back.map { Set($0.values.keys) } == ["kernel", "C", "shrinking", "tol"])
        // (linear, shrinking false) is forbidden, so that neighbour is skipped.
        #expect(!neighbours.contains { $0["shrinking"] == .bool(false) })
    }

    @Test func neighboursOfAnInvalidConfigurationAreRefused() throws {
        let space = try TestSpaces.quadratic7()
        var rng = Xoshiro256StarStar(seed: 1)
        #expect(throws: SpaceError.missingActiveParameter(name: "c")) {
            try space.neighbours(of: Configuration(["x1": .float(0)]), using: &rng)
        }
    }
}
