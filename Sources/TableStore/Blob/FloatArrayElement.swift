/// The element types a compressed float array stores, as the header's kind byte names them.
public enum FloatArrayKind: UInt8, Sendable, CustomStringConvertible {
    case float32 = 1
    case float64 = 2

    /// Bytes per element.
    public var width: Int { self == .float32 ? 4 : 8 }

    public var description: String { self == .float32 ? "Float32" : "Float64" }
}

/// `Float` and `Double`: the element types `FloatArrayCodec` encodes and decodes.
public protocol FloatArrayElement: BinaryFloatingPoint, Sendable {
    static var arrayKind: FloatArrayKind { get }
}

extension Float: FloatArrayElement {
    public static var arrayKind: FloatArrayKind { .float32 }
}

extension Double: FloatArrayElement {
    public static var arrayKind: FloatArrayKind { .float64 }
}
