import Diagnostics
import Catalog

/// The language a report is written in. Catalog data (names, code-set values such as
/// 原件 or 行政许可) stays as written in either language; only the report's own words change.
public enum ReportLanguage: String, Sendable, CaseIterable {
    case zh, en
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
        case .string(let s): out += json(s)
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
                out += inner + json(key) + ": "
                v.write(into: &out, indent: inner)
                out += i == members.count - 1 ? "\n" : ",\n"
            }
            out += indent + "}"
        }
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

/// A count of items in an English report: `1 item`, `2 items`.
func englishItems(_ n: Int) -> String { n == 1 ? "1 item" : "\(n) items" }

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
