import Catalog

/// The language a report is written in. Catalog data (names, code-set values such as
/// 原件 or 行政许可) stays as written in either language; only the report's own words change.
public enum ReportLanguage: String, Sendable, CaseIterable {
    case zh, en
}

/// Catalog text as it is written into a text report: on one line, and showing what would
/// otherwise act unseen. Control characters (C0, DEL, C1), bidirectional controls
/// (U+061C, U+200E, U+200F, U+202A–202E, U+2066–2069) and the separators U+2028 and U+2029
/// become visible escapes — `\n`, `\r`, `\t`, else `\u{1B}` — so no catalog text can start
/// a line of the report (and look like one of its headings or list entries), move the
/// terminal's cursor, retitle it, or reverse the text after it. Everything else, `\`
/// included, is written as it is.
func visible(_ text: String) -> String {
    guard text.unicodeScalars.contains(where: isHidden) else { return text }
    var out = ""
    for scalar in text.unicodeScalars {
        guard isHidden(scalar) else {
            out.unicodeScalars.append(scalar)
            continue
        }
        switch scalar {
        case "\n": out += "\\n"
        case "\r": out += "\\r"
        case "\t": out += "\\t"
        default: out += "\\u{" + String(scalar.value, radix: 16, uppercase: true) + "}"
        }
    }
    return out
}

/// Whether `scalar` is one that ``visible(_:)`` shows as an escape (all are in the BMP).
func isHidden(_ scalar: Unicode.Scalar) -> Bool {
    switch scalar.value {
    case 0..<0x20, 0x7F...0x9F, 0x2028, 0x2029: true
    default: scalar.properties.isBidiControl
    }
}

/// A JSON value whose objects keep their keys in the order given, so a report's JSON has a
/// fixed, documented shape and is byte-identical run to run.
enum JSON: Equatable {
    case null
    case bool(Bool)
    case int(Int)
    /// A number already formatted (see ``decimal(_:places:)``).
    case number(String)
    case string(String)
    case array([JSON])
    case object([(String, JSON)])

    static func == (a: JSON, b: JSON) -> Bool { a.rendered() == b.rendered() }

    /// An object without the members whose value is `nil`.
    static func object(omittingNil members: [(String, JSON?)]) -> JSON {
        .object(members.compactMap { key, value in value.map { (key, $0) } })
    }

    /// Pretty-printed with two-space indentation, ending with a newline.
    func rendered() -> String {
        var out = ""
        write(into: &out, indent: "")
        return out + "\n"
    }

    private func write(into out: inout String, indent: String) {
        switch self {
        case .null: out += "null"
        case .bool(let b): out += b ? "true" : "false"
        case .int(let n): out += String(n)
        case .number(let text): out += text
        case .string(let s): out += JSON.quote(s)
        case .array(let values):
            if values.isEmpty { out += "[]"; return }
            out += "[\n"
            let inner = indent + "  "
            for (i, v) in values.enumerated() {
                out += inner
                v.write(into: &out, indent: inner)
                out += i == values.count - 1 ? "\n" : ",\n"
            }
            out += indent + "]"
        case .object(let members):
            if members.isEmpty { out += "{}"; return }
            out += "{\n"
            let inner = indent + "  "
            for (i, (key, v)) in members.enumerated() {
                out += inner + JSON.quote(key) + ": "
                v.write(into: &out, indent: inner)
                out += i == members.count - 1 ? "\n" : ",\n"
            }
            out += indent + "}"
        }
    }

    /// A JSON string literal, escaping what RFC 8259 requires and what ``visible(_:)`` shows
    /// as an escape (DEL, C1, bidi controls, U+2028/2029: a terminal or viewer would act on
    /// them), so Chinese stays readable.
    static func quote(_ text: String) -> String {
        var out = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            case _ where isHidden(scalar):
                let hex = String(scalar.value, radix: 16)
                out += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out + "\""
    }
}

/// `value` rounded half away from zero to `places` decimals, with trailing zeros dropped
/// unless `fixed`: `decimal(0.4, places: 4)` is `0.4`, `decimal(0.4, places: 1, fixed: true)`
/// is `0.4`, `decimal(2, places: 1, fixed: true)` is `2.0`. No locale, no `printf`.
func decimal(_ value: Double, places: Int, fixed: Bool = false) -> String {
    var scale = 1
    for _ in 0..<places { scale *= 10 }
    let scaled = Int((value * Double(scale)).rounded(.toNearestOrAwayFromZero))
    let negative = scaled < 0
    let magnitude = negative ? -scaled : scaled
    var whole = String(magnitude / scale)
    var fraction = String(magnitude % scale)
    fraction = String(repeating: "0", count: places - fraction.count) + fraction
    if !fixed {
        while fraction.hasSuffix("0") { fraction.removeLast() }
    }
    if negative && magnitude != 0 { whole = "-" + whole }
    return fraction.isEmpty ? whole : whole + "." + fraction
}

/// A ratio as a percentage with one decimal: `0.4` is `40.0%`.
func percent(_ ratio: Double) -> String {
    decimal(ratio * 100, places: 1, fixed: true) + "%"
}

/// A ratio for machines: a JSON number with at most four decimals.
func ratioJSON(_ ratio: Double?) -> JSON {
    ratio.map { .number(decimal($0, places: 4)) } ?? .null
}

extension TimeLimit {
    /// The limit in the report's language: `10个工作日` or `10 working days`.
    func text(_ language: ReportLanguage) -> String {
        switch (self, language) {
        case (_, .zh): text
        case (.immediate, .en): "on the spot (即办)"
        case (.workingDays(let n), .en): n == 1 ? "1 working day" : "\(n) working days"
        case (.calendarDays(let n), .en): n == 1 ? "1 calendar day" : "\(n) calendar days"
        }
    }
}

/// Days in a unit, in the report's language: `5个工作日`, `5 working days`.
func days(_ n: Int, workingDays: Bool, _ language: ReportLanguage) -> String {
    switch language {
    case .zh: workingDays ? "\(n)个工作日" : "\(n)日"
    case .en: "\(n) \(workingDays ? "working" : "calendar") day\(n == 1 || n == -1 ? "" : "s")"
    }
}
