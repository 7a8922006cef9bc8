import Markup

/// A horizontal bar chart drawn as SVG, for the stats dashboard: each row has a label on its
/// own line(s) and one or more bars under it, each bar made of stacked segments, with its
/// value in words at its right. The chart is cut into parts no taller than
/// ``maxPartHeight`` so that each part fits on a printed A4 page.
///
/// Sizes are in CSS px at 1:1 (the SVG is ``width`` wide and shrinks with the page, never
/// below the phone width the font size is chosen for: 17 px × 366/480 ≥ 12.9 px at 390 px).
/// All text goes through ``Markup/escape(_:controls:)``.
struct BarChart {
    /// A part of a bar: its value on the chart's scale and its colour.
    struct Segment {
        var value: Double
        var color: BarColor
    }
    /// One bar: its segments left to right, and the words written after it.
    struct Bar {
        var segments: [Segment]
        var text: String
        init(_ segments: [Segment], text: String) {
            self.segments = segments
            self.text = text
        }
        init(_ value: Double, _ color: BarColor, text: String) {
            self.init([Segment(value: value, color: color)], text: text)
        }
    }
    struct Row {
        var label: String
        var bars: [Bar]
    }

    /// Read by a screen reader as the chart's name and description.
    var title: String
    var description: String
    var rows: [Row]
    /// The value a full-length bar stands for (at least the longest bar's total).
    var scale: Double? = nil

    static let width = 480.0
    static let fontSize = 17.0
    static let lineHeight = 22.0
    static let barHeight = 18.0
    static let gap = 4.0
    static let rowGap = 12.0
    static let maxPartHeight = 760.0

    /// The chart as one or more `<svg>` elements, ids prefixed with `id`.
    func svg(id: String) -> [String] {
        let longest = rows.flatMap(\.bars).map { $0.segments.reduce(0) { $0 + $1.value } }.max() ?? 0
        let full = max(scale ?? 0, longest, 1e-9)
        let textWidth = min(Self.width * 0.6, (rows.flatMap(\.bars).map { Self.estimate($0.text) }.max() ?? 0) + 6)
        let barSpace = Self.width - textWidth - 2

        // As many parts as the tallest allowed needs, the rows spread evenly over them (no
        // part of one lone row).
        let heights0 = rows.map { draw($0, full: full, barSpace: barSpace, top: 0).1 }
        var needed = 1, run = 0.0
        for h in heights0 {
            if run > 0, run + h > Self.maxPartHeight { needed += 1; run = 0 }
            run += h
        }
        let target = heights0.reduce(0, +) / Double(needed)
        var parts: [[String]] = [[]]
        var heights: [Double] = [0]
        for (row, h) in zip(rows, heights0) {
            let current = heights[heights.count - 1]
            if current > 0, current + h > Self.maxPartHeight || (current + h / 2 > target && parts.count < needed) {
                parts.append([])
                heights.append(0)
            }
            parts[parts.count - 1].append(draw(row, full: full, barSpace: barSpace, top: heights[heights.count - 1]).0)
            heights[heights.count - 1] += h
        }
        return parts.indices.map { i in
            let pid = parts.count == 1 ? id : "\(id)-\(i + 1)"
            let h = Int(max(heights[i], 1).rounded(.up))
            let suffix = parts.count == 1 ? "" : "（\(i + 1)/\(parts.count)）"
            return "<svg class=\"chart\" role=\"img\" aria-labelledby=\"\(pid)-t \(pid)-d\" width=\"\(Int(Self.width))\" height=\"\(h)\" "
                + "viewBox=\"0 0 \(Int(Self.width)) \(h)\" xmlns=\"http://www.w3.org/2000/svg\">"
                + "<title id=\"\(pid)-t\">\(esc(title + suffix))</title><desc id=\"\(pid)-d\">\(esc(description))</desc>"
                + parts[i].joined() + "</svg>"
        }
    }

    /// A row's markup with its top at `top`, and its height.
    private func draw(_ row: Row, full: Double, barSpace: Double, top: Double) -> (String, Double) {
        var out = ""
        var y = top
        for line in Self.wrap(row.label, width: Self.width) {
            y += Self.lineHeight
            out += "<text x=\"0\" y=\"\(n(y - 5))\" font-size=\"\(n(Self.fontSize))\" fill=\"#1a1a1a\">\(esc(line))</text>"
        }
        for bar in row.bars {
            y += Self.gap
            var x = 0.0
            for s in bar.segments where s.value > 0 {
                let w = s.value / full * barSpace
                // A white edge between stacked segments (none on a bar of one segment).
                let edge = bar.segments.count > 1 ? " stroke=\"#fff\" stroke-width=\"1.5\"" : ""
                out += "<rect x=\"\(n(x))\" y=\"\(n(y))\" width=\"\(n(w))\" height=\"\(n(Self.barHeight))\" fill=\"\(s.color.rawValue)\"\(edge)/>"
                x += w
            }
            out += "<text x=\"\(n(x + 6))\" y=\"\(n(y + Self.barHeight - 4))\" font-size=\"\(n(Self.fontSize))\" fill=\"#1a1a1a\">\(esc(bar.text))</text>"
            y += Self.barHeight
        }
        y += Self.rowGap
        return (out, y - top)
    }

    /// The width `text` takes at ``fontSize``, roughly: 1 em a wide character, 0.6 em others.
    static func estimate(_ text: String) -> Double {
        text.reduce(0) { $0 + charWidth($1) }
    }

    private static func charWidth(_ c: Character) -> Double {
        (c.unicodeScalars.first.map { $0.value >= 0x1100 } ?? false ? 1.0 : 0.62) * fontSize
    }

    /// `text` in lines no wider than `width`, broken before a wide (CJK) character or at a
    /// space, never inside a run of other characters (a 事项编码 such as
    /// `440000-XK-00302-001`) unless that run alone is wider than a line.
    static func wrap(_ text: String, width: Double) -> [String] {
        // Units: one wide character, one space, or a run of other characters.
        var units: [String] = []
        for c in text {
            let wide = c.unicodeScalars.first.map { $0.value >= 0x1100 } ?? false
            if !wide, c != " ", let last = units.last?.last, last != " ",
               !(last.unicodeScalars.first.map { $0.value >= 0x1100 } ?? false) {
                units[units.count - 1].append(c)
            } else {
                units.append(String(c))
            }
        }
        var lines: [String] = [], line = "", used = 0.0
        func put(_ piece: String, _ w: Double) {
            if used + w > width, !line.isEmpty {
                lines.append(line.hasSuffix(" ") ? String(line.dropLast()) : line)
                line = ""
                used = 0
                if piece == " " { return }
            }
            line += piece
            used += w
        }
        for unit in units {
            let w = estimate(unit)
            if w > width {
                for c in unit { put(String(c), charWidth(c)) }
            } else {
                put(unit, w)
            }
        }
        if !line.isEmpty || lines.isEmpty { lines.append(line) }
        return lines
    }

    private func n(_ v: Double) -> String { decimal(v, places: 1) }
}

/// Bar colours, each at least 3:1 against white (WCAG 1.4.11); white gaps separate segments.
enum BarColor: String, CaseIterable {
    /// #595959: 7.0:1.
    case gray = "#595959"
    /// #1f5fa8: 6.4:1.
    case blue = "#1f5fa8"
    /// #a85400: 5.3:1.
    case orange = "#a85400"
    /// #2e7d32: 5.1:1.
    case green = "#2e7d32"
    /// #6a3d9a: 7.6:1.
    case purple = "#6a3d9a"
}

/// Text for HTML and SVG, through the one escaper.
func esc(_ text: String) -> String {
    Markup.escape(text, controls: .replace)
}
