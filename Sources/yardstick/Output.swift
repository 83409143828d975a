/// A `TextOutputStream` on standard error, for `print(…, to:)`.
struct StandardError: TextOutputStream {
    mutating func write(_ string: String) { writeToStandardError(string) }
}

/// Formats a byte count for people: "27.4 MB".
func humanBytes(_ bytes: Int) -> String {
    let units = ["B", "kB", "MB", "GB"]
    var value = Double(bytes)
    var unit = 0
    while value >= 1000 && unit < units.count - 1 { value /= 1000; unit += 1 }
    return unit == 0 ? "\(bytes) B" : "\(formatFixed(value, digits: 1)) \(units[unit])"
}

/// `value` with exactly `digits` digits after the point, without Foundation.
func formatFixed(_ value: Double, digits: Int) -> String {
    guard value.isFinite else { return String(value) }
    var scale = 1.0
    for _ in 0..<digits { scale *= 10 }
    let scaled = (abs(value) * scale).rounded()
    let intPart = Int(scaled / scale)
    var frac = String(Int(scaled) - intPart * Int(scale))
    frac = String(repeating: "0", count: max(0, digits - frac.count)) + frac
    return (value < 0 && scaled != 0 ? "-" : "") + String(intPart) + (digits > 0 ? "." + frac : "")
}

/// Lays out rows as a text table with left-aligned columns.
func textTable(_ header: [String], _ rows: [[String]]) -> String {
    let all = [header] + rows
    let widths = (0..<header.count).map { c in all.map { $0[c].count }.max() ?? 0 }
    func line(_ r: [String]) -> String {
        zip(r, widths).map { $0.padding($1) }.joined(separator: "  ").trailingSpacesRemoved
    }
    return ([line(header)] + rows.map(line)).joined(separator: "\n") + "\n"
}

extension String {
    var trailingSpacesRemoved: String {
        var s = Substring(self)
        while s.last == " " { s.removeLast() }
        return String(s)
    }
}
