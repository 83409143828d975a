import Testing
@testable import YardstickCore

/// Golden ids from scripts/golden_configuration_ids.py, which hashes Python's own
/// `json.dumps(values, sort_keys=True, separators=(",", ":"))`.
@Suite struct ConfigurationIDTests {
    @Test(arguments: [
        ("{}", "44136fa355b3678a", "{}"),
        (#"{"n": 3}"#, "215ddd5567ca2590", #"{"n":3}"#),
        (#"{"lr": 1e-05}"#, "bf67668e4cc0d41b", #"{"lr":1e-05}"#),
        (#"{"lr": 0.1, "momentum": 0.9}"#, "7d326452996739ab", #"{"lr":0.1,"momentum":0.9}"#),
        (#"{"x": 1e16, "y": -0.0, "z": 1.5e-7}"#, "49e1278559976e47", #"{"x":1e+16,"y":-0.0,"z":1.5e-07}"#),
        (#"{"depth": 8, "width": 1024, "dropout": 0.5}"#, "9c42ddbe99df3f92", #"{"depth":8,"dropout":0.5,"width":1024}"#),
        (#"{"optimizer": "sgd", "nesterov": true, "momentum": 0.95}"#, "c52aa6d38987ccdd", #"{"momentum":0.95,"nesterov":true,"optimizer":"sgd"}"#),
        (#"{"shrinking": false, "kernel": "rbf", "C": 32768.0, "gamma": 3.0517578125e-05}"#, "0b1b05793c2af69f",
         #"{"C":32768.0,"gamma":3.0517578125e-05,"kernel":"rbf","shrinking":false}"#),
        (#"{"name": "größe", "emoji": "🚀", "quote": "a\"b\\c"}"#, "e5d1051a78004061",
         #"{"emoji":"\ud83d\ude80","name":"gr\u00f6\u00dfe","quote":"a\"b\\c"}"#),
        (#"{"b": 1, "a": 2, "B": 3, "é": 4, "aa": 5}"#, "195195f343b1a9e3", #"{"B":3,"a":2,"aa":5,"b":1,"\u00e9":4}"#),
        (#"{"learner": "SVC_linear"}"#, "81d97b5c48fbd53f", #"{"learner":"SVC_linear"}"#),
        (#"{"ratio": 0.25, "count": -7, "big": 123456789012345}"#, "fa01a327f8637a98", #"{"big":123456789012345,"count":-7,"ratio":0.25}"#),
    ])
    func idsMatchPython(json: String, id: String, canonical: String) throws {
        let configuration = try Configuration(json: json)
        #expect(configuration.canonicalText == canonical)
        #expect(configuration.id.description == id)
    }

    @Test func normalizingMakesTheIdIndependentOfHowNumbersWereWritten() throws {
        let space = try TestSpaces.quadratic7()
        let a = try space.normalized(Configuration(json: #"{"x1": 1, "x2": -5, "x3": 0, "lr": 0.001, "wd": 0.0001, "n": 32.0, "c": "a"}"#))
        let b = try space.normalized(Configuration(json: #"{"x1": 1.0, "x2": -5.0, "x3": 0.0, "lr": 1e-3, "wd": 1e-4, "n": 32, "c": "a"}"#))
        #expect(a == b)
        #expect(a.id == b.id)
        #expect(a.canonicalText == #"{"c":"a","lr":0.001,"n":32,"wd":0.0001,"x1":1.0,"x2":-5.0,"x3":0.0}"#)
    }
}
