/// Applies ``DiagnosticFix``es to a file's text as it is, so comments, order and layout
/// stay: each replaces the characters of its range, the last first, so earlier ranges
/// keep their places. Positions are zhinan's: 1-based lines split at `\n`, columns in
/// Unicode scalars, counted after a leading byte order mark (which the parser skips).
public enum SourceEdits {
    /// `text` with `fixes` applied, and the fixes applied, in order. A fix is left out when
    /// its range lies outside the text, spans lines, or overlaps one before it (which a
    /// later run of `zhinan fix` may then apply); so is a replacement holding a line break.
    public static func apply(_ fixes: [DiagnosticFix], to text: String) -> (text: String, applied: [DiagnosticFix]) {
        var scalars = Array(text.unicodeScalars)
        let bom = scalars.first == "\u{FEFF}" ? 1 : 0
        var lineStarts = [bom]
        for (i, s) in scalars.enumerated() where s == "\n" { lineStarts.append(i + 1) }
        func offset(_ at: SourceLocation) -> Int? {
            guard at.line >= 1, at.line <= lineStarts.count, at.column >= 1 else { return nil }
            let start = lineStarts[at.line - 1]
            let lineEnd = at.line < lineStarts.count ? lineStarts[at.line] - 1 : scalars.count
            let o = start + at.column - 1
            return o <= lineEnd ? o : nil
        }
        var chosen: [(range: Range<Int>, fix: DiagnosticFix)] = []
        let ordered = Set(fixes).sorted { ($0.range.start, $0.range.end, $0.replacement) < ($1.range.start, $1.range.end, $1.replacement) }
        for fix in ordered {
            guard fix.range.start.line == fix.range.end.line, !fix.replacement.contains("\n"),
                  let lo = offset(fix.range.start), let hi = offset(fix.range.end), lo <= hi
            else { continue }
            if let last = chosen.last, last.range.upperBound > lo || (last.range.isEmpty && last.range.lowerBound == lo) { continue }
            chosen.append((lo..<hi, fix))
        }
        for (range, fix) in chosen.reversed() {
            scalars.replaceSubrange(range, with: Array(fix.replacement.unicodeScalars))
        }
        var out = String.UnicodeScalarView()
        out.append(contentsOf: scalars)
        return (String(out), chosen.map(\.fix))
    }
}

/// A unified diff (`diff -u`) of two versions of a file, with three lines of context.
public enum UnifiedDiff {
    /// The diff of `old` to `new`, both named `path` (`--- a/path`, `+++ b/path`); empty when
    /// they are equal. Lines are matched by a longest common subsequence of the lines that
    /// differ between the first and last change, which for `zhinan fix` (edits within lines)
    /// is each changed line against itself.
    public static func render(old: String, new: String, path: String, context: Int = 3) -> String {
        let a = lines(old), b = lines(new)
        guard a != b else { return "" }
        var prefix = 0
        while prefix < a.count, prefix < b.count, a[prefix] == b[prefix] { prefix += 1 }
        var suffix = 0
        while suffix < a.count - prefix, suffix < b.count - prefix, a[a.count - 1 - suffix] == b[b.count - 1 - suffix] { suffix += 1 }
        // The edit script of the middle: pairs (old line or nil, new line or nil).
        let midA = Array(a[prefix..<(a.count - suffix)]), midB = Array(b[prefix..<(b.count - suffix)])
        var ops: [(Int?, Int?)] = (0..<prefix).map { ($0, $0) }
        ops += script(midA, midB).map { ($0.0.map { $0 + prefix }, $0.1.map { $0 + prefix }) }
        ops += (0..<suffix).map { (a.count - suffix + $0, b.count - suffix + $0) }

        // An absolute path reads a/tmp/x.yaml, not a//tmp/x.yaml.
        let shown = path.hasPrefix("/") ? String(path.dropFirst()) : path
        var out = "--- a/\(shown)\n+++ b/\(shown)\n"
        let changed = ops.indices.filter { i in ops[i].0 == nil || ops[i].1 == nil || a[ops[i].0!] != b[ops[i].1!] }
        var h = 0
        while h < changed.count {
            let first = max(0, changed[h] - context)
            var last = min(ops.count - 1, changed[h] + context)
            while h + 1 < changed.count, changed[h + 1] - context <= last + 1 {
                h += 1
                last = min(ops.count - 1, changed[h] + context)
            }
            h += 1
            let slice = ops[first...last]
            let oldCount = slice.filter { $0.0 != nil }.count, newCount = slice.filter { $0.1 != nil }.count
            let oldStart = (slice.first { $0.0 != nil }?.0).map { $0 + 1 } ?? (slice.first?.1 ?? 0)
            let newStart = (slice.first { $0.1 != nil }?.1).map { $0 + 1 } ?? (slice.first?.0 ?? 0)
            out += "@@ -\(range(oldStart, oldCount)) +\(range(newStart, newCount)) @@\n"
            // A run of changes shows its old lines, then its new ones, as diff -u does.
            var removed = "", added = ""
            for (i, j) in slice {
                if let i, let j, a[i] == b[j] {
                    out += removed + added + " " + body(a[i])
                    (removed, added) = ("", "")
                } else {
                    if let i { removed += "-" + body(a[i]) }
                    if let j { added += "+" + body(b[j]) }
                }
            }
            out += removed + added
        }
        return out
    }

    private static func range(_ start: Int, _ count: Int) -> String {
        count == 1 ? "\(start)" : "\(start),\(count)"
    }

    /// A line as the diff shows it: with its line break, or with `\ No newline at end of file`.
    private static func body(_ line: Substring) -> String {
        line.unicodeScalars.last == "\n" ? String(line) : String(line) + "\n\\ No newline at end of file\n"
    }

    /// The lines of `text`, each with its `\n` (the last without one when the text has none).
    /// Split by scalars: in a file with CRLF line ends, `\r\n` is one `Character`, which a
    /// search for the character `\n` would never find.
    static func lines(_ text: String) -> [Substring] {
        var out: [Substring] = []
        let scalars = text.unicodeScalars
        var start = scalars.startIndex
        while let nl = scalars[start...].firstIndex(of: "\n") {
            out.append(Substring(scalars[start...nl]))
            start = scalars.index(after: nl)
        }
        if start < scalars.endIndex { out.append(Substring(scalars[start...])) }
        return out
    }

    /// An edit script from `a` to `b` by longest common subsequence: pairs of an old and a
    /// new index that match, an old index alone (deleted) or a new one alone (inserted).
    /// Lines that differ pair up as a change when both sides have the same count.
    private static func script(_ a: [Substring], _ b: [Substring]) -> [(Int?, Int?)] {
        if a.count == b.count { return (0..<a.count).map { ($0, $0) } }
        let n = a.count, m = b.count
        var table = [[Int]](repeating: [Int](repeating: 0, count: m + 1), count: n + 1)
        for i in stride(from: n - 1, through: 0, by: -1) {
            for j in stride(from: m - 1, through: 0, by: -1) {
                table[i][j] = a[i] == b[j] ? table[i + 1][j + 1] + 1 : max(table[i + 1][j], table[i][j + 1])
            }
        }
        var out: [(Int?, Int?)] = []
        var i = 0, j = 0
        while i < n || j < m {
            if i < n, j < m, a[i] == b[j] {
                out.append((i, j)); i += 1; j += 1
            } else if j < m, i == n || table[i][j + 1] >= table[i + 1][j] {
                out.append((nil, j)); j += 1
            } else {
                out.append((i, nil)); i += 1
            }
        }
        return out
    }
}
