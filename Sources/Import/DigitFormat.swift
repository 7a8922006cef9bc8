/// A custom number format that shows a whole number as digits padded with zeros, as a code
/// column keeps its leading zeros (`000000`, `0000000000`, `000-00000000`): Excel stores
/// the code as a number and shows it through the format, so the import writes what Excel
/// shows. Only formats made of digit placeholders (`0`, `#`) and literal text (quoted,
/// escaped with `\`, or `-`, `(`, `)`, `+`, a space) are read; any other (decimals,
/// thousands separators, scaling, conditions, text sections) leaves the number as stored.
struct DigitFormat: Equatable {
    enum Part: Equatable {
        /// A digit placeholder: `0` shows a zero where the number has no digit, `#` nothing.
        case digit(zero: Bool)
        case literal(String)
    }

    var parts: [Part]

    /// The format `code` (its first section, for positive numbers), nil when it is not
    /// one of digit placeholders and literals or has no `0` to pad with.
    init?(_ code: String) {
        var parts: [Part] = []
        var chars = Array(code)[...]
        while let c = chars.popFirst() {
            switch c {
            case ";": chars = []
            case "0", "#": parts.append(.digit(zero: c == "0"))
            case "\\":
                guard let next = chars.popFirst() else { return nil }
                parts.append(.literal(String(next)))
            case "\"":
                guard let end = chars.firstIndex(of: "\"") else { return nil }
                parts.append(.literal(String(chars[..<end])))
                chars = chars[(end + 1)...]
            case "-", "(", ")", "+", " ": parts.append(.literal(String(c)))
            default: return nil
            }
        }
        guard parts.contains(.digit(zero: true)) else { return nil }
        self.parts = parts
    }

    /// `value` as Excel shows it through the format; nil for a number the format does not
    /// show as a whole number of digits alone (negative, fractional, or too large).
    func display(_ value: Double) -> String? {
        guard value >= 0, value == value.rounded(), value < 1e15 else { return nil }
        var digits = Array(String(Int(value)))
        if digits == ["0"] { digits = [] }
        let slots = parts.filter { if case .digit = $0 { true } else { false } }.count
        var out = ""
        var slot = 0
        for part in parts {
            switch part {
            case .literal(let text): out += text
            case .digit(let zero):
                // Digits fill the placeholders from the right; the first takes any extra.
                let fromRight = slots - slot
                slot += 1
                if slot == 1, digits.count > slots {
                    out += String(digits.prefix(digits.count - slots + 1))
                } else if fromRight <= digits.count {
                    out.append(digits[digits.count - fromRight])
                } else if zero {
                    out += "0"
                }
            }
        }
        return out
    }
}
