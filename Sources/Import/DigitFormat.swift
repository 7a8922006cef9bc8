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
    /// The third section, which Excel shows for 0 (`00;-00;"零"`, `00;;`): nil when the
    /// format has fewer sections, and nil inside when that section is not digits and literals.
    var zero: [Part]?? = nil

    /// The format `code` (its first section, for positive numbers; its third for 0), nil
    /// when it is not one of digit placeholders and literals or has no `0` to pad with.
    init?(_ code: String) {
        let sections = Self.sections(code)
        guard let parts = Self.parts(sections[0]), parts.contains(.digit(zero: true)) else { return nil }
        self.parts = parts
        if sections.count >= 3 { zero = .some(Self.parts(sections[2])) }
    }

    /// `code` cut at its `;` outside quotes and escapes.
    static func sections(_ code: String) -> [String] {
        var out = [""], quoted = false, escaped = false
        for c in code {
            if escaped { escaped = false } else if c == "\\" { escaped = true } else if c == "\"" { quoted.toggle() }
            else if c == ";" && !quoted { out.append(""); continue }
            out[out.count - 1].append(c)
        }
        return out
    }

    /// One section's digit placeholders and literals; nil for anything else.
    static func parts(_ code: String) -> [Part]? {
        var parts: [Part] = []
        var chars = Array(code)[...]
        while let c = chars.popFirst() {
            switch c {
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
        return parts
    }

    /// `value` as Excel shows it through the format; nil for a number the format does not
    /// show as a whole number of digits alone (negative, fractional, or too large).
    func display(_ value: Double) -> String? {
        guard value >= 0, value == value.rounded(), value < 1e15 else { return nil }
        var parts = self.parts
        if value == 0, let zero {
            guard let zero else { return nil }  // a zero section zhinan does not read
            parts = zero
        }
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
