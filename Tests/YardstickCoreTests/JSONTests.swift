import Testing
@testable import YardstickCore

@Suite struct JSONTests {
    @Test(arguments: [
        (1e-05, "1e-05"), (0.0001, "0.0001"), (1.0, "1.0"), (0.1, "0.1"), (1e16, "1e+16"),
        (1234567890123456.0, "1234567890123456.0"), (-2.5, "-2.5"), (1.5e300, "1.5e+300"), (5e-324, "5e-324"),
        (0.0, "0.0"), (123.456, "123.456"), (1e22, "1e+22"), (3.0e-5, "3e-05"),
    ])
    func canonicalSpellingMatchesPythonRepr(value: Double, expected: String) {
        #expect(value.canonicalSpelling == expected)
    }

    @Test func roundTripKeepsOrderAndIntegerness() throws {
        let text = #"{"b":1,"a":[1.0,true,null,"x\n\u00e9"],"c":{"d":-0.5}}"#
        let value = try JSONValue(parsing: text)
        #expect(value.serialized() == text)
        #expect(value["b"] == .int(1))
        #expect(value["a"]?.arrayValue?[0] == .double(1.0))
    }

    @Test(arguments: ["", "{", "[1,]", "{\"a\" 1}", "01", "NaN", "\"\\x\"", "{\"a\":1,\"a\":2}", "1e999", "[1] x"])
    func malformedTextIsRejected(text: String) {
        #expect(throws: JSONParseError.self) { try JSONValue(parsing: text) }
    }

    @Test func deepNestingIsRefusedNotACrash() {
        let text = String(repeating: "[", count: 100_000)
        #expect(throws: JSONParseError.self) { try JSONValue(parsing: text) }
    }
}
