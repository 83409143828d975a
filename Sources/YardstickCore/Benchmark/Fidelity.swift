/// One fidelity dimension of a benchmark (epochs, training-set size, data fraction…).
public struct FidelityDimension: Sendable, Hashable {
    public enum Kind: String, Sendable, Hashable { case integer, float }

    public var name: String
    public var kind: Kind
    public var lower: Double
    public var upper: Double
    public var isLogScale: Bool
    public var description: String

    public init(name: String, kind: Kind, lower: Double, upper: Double, isLogScale: Bool = false, description: String = "") {
        self.name = name
        self.kind = kind
        self.lower = lower
        self.upper = upper
        self.isLogScale = isLogScale
        self.description = description
    }

    /// `true` when `value` lies in `[lower, upper]` and is integral for integer dimensions.
    public func contains(_ value: Double) -> Bool {
        value.isFinite && value >= lower && value <= upper && (kind == .float || value.rounded() == value)
    }
}

/// A point in a benchmark's fidelity space: one value per fidelity dimension, in the
/// benchmark's dimension order. Up to four dimensions, stored inline so lookups allocate nothing.
public struct FidelityPoint: Sendable, Hashable, CustomStringConvertible {
    public static let maxDimensions = 4
    public private(set) var storage: SIMD4<Double>
    public let count: Int

    public init(_ values: [Double]) {
        precondition(values.count <= FidelityPoint.maxDimensions, "at most \(FidelityPoint.maxDimensions) fidelity dimensions")
        var s = SIMD4<Double>(repeating: 0)
        for (i, v) in values.enumerated() { s[i] = v }
        storage = s
        count = values.count
    }

    /// A point of a one-dimensional fidelity space.
    public init(_ value: Double) { self.init([value]) }

    public subscript(i: Int) -> Double {
        precondition(i >= 0 && i < count, "fidelity index out of range")
        return storage[i]
    }

    public var values: [Double] { (0..<count).map { storage[$0] } }

    public var description: String {
        values.map { $0.rounded() == $0 && abs($0) < 1e15 ? String(Int($0)) : $0.canonicalSpelling }.joined(separator: ",")
    }
}
