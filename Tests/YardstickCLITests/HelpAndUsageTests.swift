import Testing

@Suite struct HelpAndUsageTests {
    @Test(arguments: [[], ["--help"], ["list", "--help"], ["describe", "--help"], ["query", "--help"],
                      ["import", "--help"], ["import", "lcdb", "--help"]])
    func everyCommandHasHelp(arguments: [String]) throws {
        let r = try yardstick(arguments)
        #expect(r.status == 0)
        #expect(r.stdout.contains("usage: yardstick"))
        #expect(r.stderr.isEmpty)
    }

    @Test(arguments: [
        (["frobnicate"], "unknown subcommand 'frobnicate'"),
        (["query", "lcdb", "--instance", "3", "--config", "{}"], "missing required option --fidelity"),
        (["query", "lcdb", "--instance", "3", "--config", "{}", "--fidelity", "16", "--bogus", "1"], "unknown option '--bogus'"),
        (["query", "lcdb", "--instance", "3", "--config", "{\"learner\": ", "--fidelity", "16"], "configuration is not valid JSON"),
        (["query", "lcdb", "--instance", "3", "--config", "[1, 2]", "--fidelity", "16"], "must be a JSON object"),
        (["query", "lcdb", "--instance", "3", "--config", "{\"learner\":\"SVC_linear\"}", "--fidelity", "big"], "--fidelity expects numbers"),
        (["query", "lcdb", "--instance", "3", "--config", "{\"learner\":\"SVC_linear\"}", "--fidelity", "16", "--seed", "x"], "--seed expects an integer"),
        (["describe"], "missing argument <TABLE>"),
    ])
    func usageErrorsExitWith2(arguments: [String], message: String) throws {
        let r = try yardstick(arguments)
        #expect(r.status == 2)
        #expect(r.stderr.contains(message), "stderr: \(r.stderr)")
        #expect(r.stdout.isEmpty)
    }

    @Test func missingTableExitsWith5() throws {
        let r = try yardstick(["describe", "no-such-table"])
        #expect(r.status == 5)
        #expect(r.stderr.contains("no table 'no-such-table'"))
        #expect(r.stderr.contains("lcdb"))
    }
}
