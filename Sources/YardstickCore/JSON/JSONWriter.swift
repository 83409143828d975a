extension JSONValue {
    /// The JSON text of this value. Compact by default; `indent` > 0 writes one member per line.
    /// Doubles use the shortest spelling that reads back to the same value (`Double.canonicalSpelling`).
    /// - Precondition: no double is NaN or infinite (JSON has no spelling for them).
    public func serialized(indent: Int = 0) -> String {
        var out = ""
        write(to: &out, indent: indent, level: 0)
        return out
    }

    private func write(to out: inout String, indent: Int, level: Int) {
        let newline = indent > 0 ? "\n" : ""
        let pad = { (n: Int) in String(repeating: " ", count: indent * n) }
        switch self {
        case .null: out += "null"
        case .bool(let b): out += b ? "true" : "false"
        case .int(let i): out += String(i)
        case .double(let d): out += d.canonicalSpelling
        case .string(let s): out += JSONValue.quoted(s)
        case .array(let a):
            if a.isEmpty { out += "[]"; return }
            out += "[" + newline
            for (i, e) in a.enumerated() {
                out += pad(level + 1)
                e.write(to: &out, indent: indent, level: level + 1)
                out += (i + 1 < a.count ? "," : "") + newline
            }
            out += pad(level) + "]"
        case .object(let o):
            if o.isEmpty { out += "{}"; return }
            out += "{" + newline
            for (i, m) in o.enumerated() {
                out += pad(level + 1) + JSONValue.quoted(m.key) + (indent > 0 ? ": " : ":")
                m.value.write(to: &out, indent: indent, level: level + 1)
                out += (i + 1 < o.count ? "," : "") + newline
            }
            out += pad(level) + "}"
        }
    }

    /// `s` as a JSON string literal, escaping only what JSON requires (plus non-ASCII as
    /// `\uXXXX`, as Python's `json.dumps` does by default, so both write the same bytes).
    public static func quoted(_ s: String) -> String {
        var out = "\""
        for scalar in s.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            case "\u{08}": out += "\\b"
            case "\u{0C}": out += "\\f"
            default:
                if scalar.value < 0x20 || scalar.value > 0x7E {
                    if scalar.value > 0xFFFF {
                        let v = scalar.value - 0x10000
                        out += hex4(0xD800 + (v >> 10)) + hex4(0xDC00 + (v & 0x3FF))
                    } else {
                        out += hex4(scalar.value)
                    }
                } else {
                    out.unicodeScalars.append(scalar)
                }
            }
        }
        return out + "\""
    }

    private static func hex4(_ v: UInt32) -> String {
        let digits = String(v, radix: 16)
        return "\\u" + String(repeating: "0", count: 4 - digits.count) + digits
    }
}

extension Double {
    /// The one spelling Yardstick writes for a finite double, the same as Python's `repr`:
    /// the shortest digits that read back to the same value, positional for decimal
    /// exponents in [-4, 16), scientific (`1e-05`, `1.5e+16`) outside, and `.0` on integral values.
    /// Python clients can therefore compute the same canonical text and configuration id.
    public var canonicalSpelling: String {
        precondition(isFinite, "non-finite doubles have no canonical spelling")
        if self == 0 { return sign == .minus ? "-0.0" : "0.0" }
        // Swift's description gives the shortest round-trip digits; re-lay them out Python's way.
        let (negative, digits, exponent) = Double.shortestDigits(self)
        var out = negative ? "-" : ""
        let n = digits.count
        // value = 0.d1d2...dn × 10^exponent; the decimal exponent of the leading digit is exponent - 1.
        let leading = exponent - 1
        if leading >= -4 && leading < 16 {
            if exponent <= 0 {
                out += "0." + String(repeating: "0", count: -exponent) + digits
            } else if exponent >= n {
                out += digits + String(repeating: "0", count: exponent - n) + ".0"
            } else {
                let i = digits.index(digits.startIndex, offsetBy: exponent)
                out += digits[..<i] + "." + digits[i...]
            }
        } else {
            let first = digits.prefix(1)
            let rest = digits.dropFirst()
            out += first + (rest.isEmpty ? "" : "." + rest)
            out += "e" + (leading < 0 ? "-" : "+") + (abs(leading) < 10 ? "0" : "") + String(abs(leading))
        }
        return out
    }

    /// Sign, shortest round-trip significant digits, and exponent such that the value is 0.DIGITS × 10^exponent.
    static func shortestDigits(_ value: Double) -> (Bool, String, Int) {
        let text = abs(value).description  // e.g. "0.001", "123.45", "1e-05", "1.5e+16"
        var mantissa = Substring(text)
        var exp10 = 0
        if let e = text.firstIndex(where: { $0 == "e" || $0 == "E" }) {
            mantissa = text[..<e]
            exp10 = Int(text[text.index(after: e)...])!
        }
        var intPart = mantissa
        var fracPart: Substring = ""
        if let dot = mantissa.firstIndex(of: ".") {
            intPart = mantissa[..<dot]
            fracPart = mantissa[mantissa.index(after: dot)...]
        }
        var all = String(intPart) + String(fracPart)
        var exponent = intPart.count + exp10
        while all.hasPrefix("0") && all.count > 1 { all.removeFirst(); exponent -= 1 }
        while all.hasSuffix("0") && all.count > 1 { all.removeLast() }
        return (value.sign == .minus, all, exponent)
    }
}
