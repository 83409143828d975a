// How values are spelled in messages and in the keys ConfigSpace sorts by.

extension ParameterValue {
    /// The value as messages spell it: strings in single quotes, numbers as Python's
    /// `repr`, booleans as `true`/`false` (e.g. `'sgd'`, `0.1`, `1e-05`, `3`).
    var literal: String {
        switch self {
        case .int(let i): String(i)
        case .float(let d): d.isFinite ? d.canonicalSpelling : String(d)
        case .bool(let b): b ? "true" : "false"
        case .string(let s):
            "'" + s.replacingAll("\\", with: "\\\\").replacingAll("'", with: "\\'") + "'"
        }
    }

    /// The value as Python's `repr` writes it (`'sgd'`, `1e-05`, `True`), for ordering
    /// forbidden clauses the way ConfigSpace does (by `str(clause)`). Strings follow
    /// CPython's quoting and escaping for ASCII control characters and C1 controls; other
    /// non-ASCII characters are kept as they are, as `repr` keeps printable ones.
    var pythonRepr: String {
        switch self {
        case .int(let i): return String(i)
        case .float(let d): return d.isFinite ? d.canonicalSpelling : (d.isNaN ? "nan" : (d < 0 ? "-inf" : "inf"))
        case .bool(let b): return b ? "True" : "False"
        case .string(let s):
            let quote: Character = s.contains("'") && !s.contains("\"") ? "\"" : "'"
            var out = String(quote)
            for scalar in s.unicodeScalars {
                switch scalar {
                case "\\": out += "\\\\"
                case "\n": out += "\\n"
                case "\r": out += "\\r"
                case "\t": out += "\\t"
                default:
                    if Character(scalar) == quote {
                        out += "\\" + String(quote)
                    } else if scalar.value < 0x20 || (0x7F...0xA0).contains(scalar.value) {
                        let hex = String(scalar.value, radix: 16)
                        out += "\\x" + (hex.count < 2 ? "0" : "") + hex
                    } else {
                        out.unicodeScalars.append(scalar)
                    }
                }
            }
            out.append(quote)
            return out
        }
    }

    /// Whether Python's `==` holds between the two values: numbers compare by value across
    /// int, float and bool (`1 == 1.0 == True`), strings only with strings.
    func pythonEquals(_ other: ParameterValue) -> Bool {
        switch (self.pythonNumber, other.pythonNumber) {
        case let (a?, b?): return a == b
        case (nil, nil): return self == other
        default: return false
        }
    }

    /// The value as a number the way Python's numeric tower sees it (booleans are 0 and 1).
    private var pythonNumber: Double? {
        switch self {
        case .int(let i): Double(i)
        case .float(let d): d
        case .bool(let b): b ? 1 : 0
        case .string: nil
        }
    }

    /// A short name of the value's type, for messages.
    var typeName: String {
        switch self {
        case .int: "an integer"
        case .float: "a float"
        case .string: "a string"
        case .bool: "a boolean"
        }
    }
}

extension String {
    /// Whether `self` sorts before `other` in Python's string order (by Unicode code points,
    /// which is also the order of their UTF-8 bytes).
    func precedesInCodePointOrder(_ other: String) -> Bool {
        self.unicodeScalars.lexicographicallyPrecedes(other.unicodeScalars) { $0.value < $1.value }
    }

    func replacingAll(_ target: Character, with replacement: String) -> String {
        var out = ""
        for c in self { if c == target { out += replacement } else { out.append(c) } }
        return out
    }
}
