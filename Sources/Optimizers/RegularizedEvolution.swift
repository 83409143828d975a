import YardstickCore

/// Regularized (aging) evolution (Real, Aggarwal, Huang & Le, "Regularized evolution for
/// image classifier architecture search", AAAI 2019, Algorithm 1), with Syne Tune's defaults
/// (`RegularizedEvolution`: population 100, sample 10, tournament drawn with replacement).
///
/// Until `population_size` results are in, configurations are random. Afterwards a parent is
/// the best of `sample_size` members drawn at random, and its child changes one active
/// parameter, chosen uniformly, to one of its values in the space's one-exchange
/// neighbourhood (numerical steps of σ = 0.2 in the encoded scale, ConfigSpace's default).
/// The population keeps the newest results; a failed evaluation enters it as worst.
public struct RegularizedEvolution: Optimizer {
    /// Syne Tune's `population_size`.
    public static let defaultPopulationSize = 100
    /// Syne Tune's `sample_size`.
    public static let defaultSampleSize = 10
    /// ConfigSpace's `get_one_exchange_neighbourhood` standard deviation for numerical steps.
    public static let neighbourhoodStddev = 0.2
    public static let settingNames = ["population_size", "sample_size"]

    public let name = "re"
    public let settings: [String: String]
    let problem: Problem
    let populationSize: Int
    let sampleSize: Int
    var nextID = 0
    /// Results in the order they arrived (oldest first), at most `populationSize`.
    var population: [(configuration: Configuration, loss: Double)] = []

    public init(problem: Problem, settings: [String: String] = [:]) throws(OptimizerError) {
        let s = try Settings(optimizer: "re", values: settings, known: RegularizedEvolution.settingNames)
        populationSize = try s.int("population_size", default: RegularizedEvolution.defaultPopulationSize, in: 1...1_000_000)
        sampleSize = try s.int("sample_size", default: RegularizedEvolution.defaultSampleSize, in: 1...1_000_000)
        self.problem = problem
        self.settings = ["population_size": "\(populationSize)", "sample_size": "\(sampleSize)"]
    }

    public mutating func ask<G: RandomNumberGenerator>(using rng: inout G) throws -> Trial? {
        var configuration: Configuration? = nil
        if population.count >= populationSize {
            var parent = Int(rng.uniformInt(below: UInt64(population.count)))
            for _ in 1..<max(sampleSize, 1) {
                let i = Int(rng.uniformInt(below: UInt64(population.count)))
                if population[i].loss < population[parent].loss { parent = i }
            }
            configuration = try mutate(population[parent].configuration, using: &rng)
        }
        if configuration == nil {
            do { configuration = try problem.space.sample(using: &rng) } catch {
                throw OptimizerError.samplingFailed(optimizer: name, reason: "\(error)")
            }
        }
        defer { nextID += 1 }
        return Trial(id: nextID, configuration: configuration!, fidelity: problem.fullFidelity)
    }

    public mutating func tell(_ observation: Observation) {
        population.append((observation.trial.configuration, problem.rankingLoss(of: observation)))
        if population.count > populationSize { population.removeFirst() }
    }

    /// A neighbour of `parent` that changes one uniformly chosen parameter; `nil` when no
    /// parameter can change.
    func mutate<G: RandomNumberGenerator>(_ parent: Configuration, using rng: inout G) throws -> Configuration? {
        let neighbours: [Configuration]
        do {
            neighbours = try problem.space.neighbours(of: parent, perNumericalParameter: 1, stddev: RegularizedEvolution.neighbourhoodStddev, using: &rng)
        } catch {
            throw OptimizerError.samplingFailed(optimizer: name, reason: "\(error)")
        }
        var byParameter: [String: [Configuration]] = [:]
        for n in neighbours {
            // The changed parameter is the one active in both with different values.
            guard let changed = problem.space.names.first(where: { name in
                if let a = parent.values[name], let b = n.values[name] { a != b } else { false }
            }) else { continue }
            byParameter[changed, default: []].append(n)
        }
        let names = byParameter.keys.sorted { $0.precedesInCodePointOrderForOptimizers($1) }
        guard !names.isEmpty else { return nil }
        let group = byParameter[names[Int(rng.uniformInt(below: UInt64(names.count)))]]!
        return group[Int(rng.uniformInt(below: UInt64(group.count)))]
    }
}

extension String {
    /// Ordering by Unicode code points, so iteration orders never depend on `Hashable` seeds.
    func precedesInCodePointOrderForOptimizers(_ other: String) -> Bool {
        unicodeScalars.lexicographicallyPrecedes(other.unicodeScalars)
    }
}
