/// Text widths from a table rather than a browser, erring on the wide side, so that a box is
/// always wide enough for its text in the fonts of the SVG's font stack.
enum TextMetrics {
    /// The advance of one character in em.
    static func em(_ c: Character) -> Double {
        guard let scalar = c.unicodeScalars.first else { return 0 }
        let v = scalar.value
        if v < 0x80 { return ascii(UInt8(v)) }
        if isWide(v) { return 1.0 }
        // General punctuation (— … “ ” ‘ ’ ‖ ※) is full width in CJK fonts.
        if (0x2010...0x203B).contains(v) { return 1.0 }
        // Latin-1 and other alphabets: proportional, taken generously.
        return 0.7
    }

    private static func ascii(_ b: UInt8) -> Double {
        switch b {
        case UInt8(ascii: " "): 0.28
        case UInt8(ascii: "i"), UInt8(ascii: "j"), UInt8(ascii: "l"), UInt8(ascii: "I"),
            UInt8(ascii: "!"), UInt8(ascii: "|"), UInt8(ascii: "."), UInt8(ascii: ","),
            UInt8(ascii: ":"), UInt8(ascii: ";"), UInt8(ascii: "'"), UInt8(ascii: "`"):
            0.28
        case UInt8(ascii: "f"), UInt8(ascii: "t"), UInt8(ascii: "r"), UInt8(ascii: "("),
            UInt8(ascii: ")"), UInt8(ascii: "["), UInt8(ascii: "]"), UInt8(ascii: "{"),
            UInt8(ascii: "}"), UInt8(ascii: "/"), UInt8(ascii: "\\"), UInt8(ascii: "\""),
            UInt8(ascii: "-"):
            0.38
        case UInt8(ascii: "m"), UInt8(ascii: "w"): 0.85
        case UInt8(ascii: "M"), UInt8(ascii: "W"), UInt8(ascii: "@"), UInt8(ascii: "%"): 0.9
        case UInt8(ascii: "A")...UInt8(ascii: "Z"): 0.68
        case UInt8(ascii: "0")...UInt8(ascii: "9"): 0.55
        default: 0.55
        }
    }

    /// CJK ideographs, kana, hangul, CJK and fullwidth punctuation, emoji: one em.
    static func isWide(_ v: UInt32) -> Bool {
        switch v {
        case 0x1100...0x115F, 0x2E80...0x303E, 0x3041...0x33FF, 0x3400...0x4DBF,
            0x4E00...0x9FFF, 0xA000...0xA4CF, 0xAC00...0xD7A3, 0xF900...0xFAFF,
            0xFE10...0xFE1F, 0xFE30...0xFE6F, 0xFF00...0xFF60, 0xFFE0...0xFFE6,
            0x1F300...0x1F64F, 0x1F900...0x1F9FF, 0x20000...0x3FFFD:
            true
        default: false
        }
    }

    static func isWide(_ c: Character) -> Bool {
        guard let s = c.unicodeScalars.first else { return false }
        return isWide(s.value)
    }

    /// The width of `text` at `fontSize`, in pixels.
    static func width<S: StringProtocol>(_ text: S, fontSize: Double) -> Double {
        var ems = 0.0
        for c in text { ems += em(c) }
        return ems * fontSize
    }

    /// Characters that must not begin a line (禁则): they stay at the end of the previous one.
    private static let noLineStart: Set<Character> = [
        "、", "，", "。", "：", "；", "！", "？", "）", "》", "」", "』", "】", "〉", "”", "’", "…",
        "·", "・", ",", ".", ";", ":", "!", "?", ")", "]", "}",
    ]

    /// Control characters and line breaks become spaces; runs of spaces collapse; trimmed.
    static func normalize(_ text: String) -> String {
        var out = ""
        var pendingSpace = false
        for c in text {
            let isSpace = c.isWhitespace || c.unicodeScalars.allSatisfy { $0.value < 0x20 || $0.value == 0x7F }
            if isSpace {
                pendingSpace = !out.isEmpty
                continue
            }
            if pendingSpace { out.append(" ") }
            pendingSpace = false
            out.append(c)
        }
        return out
    }

    /// `text` broken into lines no wider than `maxWidth` where possible: between Chinese words
    /// (``CJKWords``) or CJK characters, at spaces between words, inside a word only when it
    /// alone is too wide.
    /// The lines are balanced: as many as `maxWidth` needs, each about as wide as the others
    /// (no lone character on the last line).
    static func wrap(_ text: String, maxWidth: Double, fontSize: Double) -> [String] {
        let clean = normalize(text)
        if clean.isEmpty { return [] }
        if width(clean, fontSize: fontSize) <= maxWidth { return [clean] }
        var best = greedy(clean, maxWidth: maxWidth, fontSize: fontSize)
        // The narrowest measure that still gives as many lines, by bisection.
        var lo = width(clean, fontSize: fontSize) / Double(best.count) * 0.9
        var hi = maxWidth
        for _ in 0..<14 where hi - lo > 0.5 {
            let mid = (lo + hi) / 2
            let lines = greedy(clean, maxWidth: mid, fontSize: fontSize)
            if lines.count <= best.count {
                best = lines
                hi = mid
            } else {
                lo = mid
            }
        }
        return best
    }

    private static func greedy(_ clean: String, maxWidth: Double, fontSize: Double) -> [String] {
        // Tokens: a space, a Chinese word of the table (CJKWords) or one wide character, or
        // a run of other characters (a word).
        var tokens: [String] = []
        var word = ""
        let chars = Array(clean)
        var i = 0
        while i < chars.count {
            let c = chars[i]
            if c == " " || isWide(c) {
                if !word.isEmpty { tokens.append(word); word = "" }
                let n = c == " " ? 1 : CJKWords.length(chars, at: i)
                tokens.append(String(chars[i..<(i + n)]))
                i += n
            } else {
                word.append(c)
                i += 1
            }
        }
        if !word.isEmpty { tokens.append(word) }

        var lines: [String] = []
        var line = ""
        var lineWidth = 0.0
        func push() {
            while line.last == " " { line.removeLast() }
            if !line.isEmpty { lines.append(line) }
            line = ""
            lineWidth = 0
        }
        func add(_ s: String, _ w: Double) {
            if line.isEmpty && s == " " { return }
            line += s
            lineWidth += w
        }
        for token in tokens {
            let w = width(token, fontSize: fontSize)
            if token == " " {
                add(token, w)
            } else if lineWidth + w <= maxWidth {
                add(token, w)
            } else if token.count == 1, let c = token.first, noLineStart.contains(c), !line.isEmpty {
                add(token, w)  // hangs past the margin rather than starting a line
            } else if w <= maxWidth {
                push()
                add(token, w)
            } else {
                // A word wider than a line: break it between characters.
                if lineWidth > 0 && lineWidth + width(token.prefix(1), fontSize: fontSize) > maxWidth { push() }
                for c in token {
                    let cw = em(c) * fontSize
                    if lineWidth + cw > maxWidth && !line.isEmpty { push() }
                    add(String(c), cw)
                }
            }
        }
        push()
        return lines
    }
}
