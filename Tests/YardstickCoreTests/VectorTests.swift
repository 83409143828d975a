import Testing
@testable import YardstickCore

@Suite struct VectorTests {
    @Test func entriesFollowConfigSpacesEncoding() throws {
        let space = try TestSpaces.conditionalNN()
        let configuration = try space.normalized(Configuration(json:
            #"{"optimizer": "adam", "lr": 0.01, "beta1": 0.9, "rho": 0.85, "eps": 1e-8, "depth": 4, "width": 128, "dropout": 0.25, "residual": "add", "warmup_steps": 500}"#))
        let v = Dictionary(uniqueKeysWithValues: zip(space.names, space.vector(for: configuration)))
        #expect(v["optimizer"] == 1)
        #expect(abs(v["lr"]! - 0.6) < 1e-12)      // log10: (−2 − (−5)) / 5
        #expect(abs(v["eps"]! - 0.5) < 1e-12)
        #expect(abs(v["width"]! - 3.0 / 6.0) < 1e-12)  // log2: (7 − 4) / (10 − 4)
        #expect(v["depth"] == 2)
        #expect(v["dropout"] == 0.5)
        #expect(v["warmup_steps"] == 0.5)
        #expect(v["momentum"]!.isNaN && v["nesterov"]!.isNaN)
        #expect(try space.configuration(fromVector: space.vector(for: configuration)).values.keys.sorted() == configuration.values.keys.sorted())
    }

    @Test func roundTripIsExactForDiscreteAndCloseForFloats() {
        for name in TestSpaces.fixtureNames {
            let space = try! TestSpaces.built(name)
            withEverySeed(0..<20) { seed in
                var rng = Xoshiro256StarStar(seed: seed)
                let configuration = try space.sample(using: &rng)
                let vector = space.vector(for: configuration)
                let back = try space.configuration(fromVector: vector)
                #expect(Set(back.values.keys) == Set(configuration.values.keys), "\(name) seed \(seed)")
                for (key, value) in configuration.values {
                    if case .float(let x) = value, case .float(let y)? = back[key] {
                        #expect(abs(x - y) <= 1e-12 * max(1, abs(x)), "\(name) seed \(seed): \(key) \(x) → \(y)")
                    } else {
                        #expect(back[key] == value, "\(name) seed \(seed): \(key)")
                    }
                }
                let again = space.vector(for: back)
                for (a, b) in zip(vector, again) { #expect(a.isNaN ? b.isNaN : abs(a - b) <= 1e-12, "\(name) seed \(seed)") }
            }
        }
    }

    @Test(arguments: [
        ([0.5, 0.5], "vector has 2 entries; the space has 6 parameters"),
        ([1, 2, 0.5, 0.5, 0, 1], "vector entry 2.0 for parameter 'depth' is illegal: numerical entries lie in [0, 1]"),
        ([1, 0.5, 0.5, 0.5, 0.5, 1], "vector entry 0.5 for parameter 'optimizer' is illegal: entries of 'optimizer' are the indices 0…1"),
        ([0, 0.5, 0.5, 0.5, 0, 1], "vector entry 0.0 for parameter 'arch' is illegal: a constant's entry is 1"),
        ([1, 0.5, 0.5, 0.5, 1, 1], "parameter 'momentum' is inactive (its condition: optimizer == 'sgd') but has a value: 0.495"),
        ([1, 0.5, 0.5, .nan, 0, 1], "missing active parameter 'momentum'"),
        ([1, 1, 0.5, .nan, 1, 1], "configuration is forbidden by: (optimizer == 'adam' && depth == 8)"),
    ] as [([Double], String)])
    func illegalVectorsAreExplained(vector: [Double], message: String) throws {
        let space = try TestSpaces.optimizer()  // arch, depth, lr, momentum, optimizer, size
        #expect { try space.configuration(fromVector: vector) } throws: { ($0 as? SpaceError)?.description == message }
    }

    @Test func integersRoundHalfToEvenLikeNumpy() throws {
        let p = try Parameter.integer(name: "n", lower: 0, upper: 4)
        #expect(try p.value(fromVectorEntry: 0.125) == .int(0))  // 0.5 → 0
        #expect(try p.value(fromVectorEntry: 0.375) == .int(2))  // 1.5 → 2
        #expect(try p.value(fromVectorEntry: 1) == .int(4))
    }
}
