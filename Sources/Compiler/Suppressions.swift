import Diagnostics
import Foundation
import Standards
import YAMLSyntax

/// A `# zhinan-ignore: ZN602` comment in a source file.
///
/// It silences the findings of its codes that start on its own line; a comment alone on
/// its line also silences those on the line just below it. Codes are separated by commas
/// (`,` `，` `、`) or spaces, matched without regard to case; a reason may follow `--`:
///
///     承诺: 25个工作日   # zhinan-ignore: ZN602 -- 经审批同意
///     # zhinan-ignore: ZN604, ZN605
///     承诺: 20日
///
/// Only a `#` that starts a YAML comment counts: at the start of a line or after a space,
/// outside quoted scalars and block scalars.
public struct Suppression: Hashable, Sendable {
    /// One code named by the comment, as written there.
    public struct Code: Hashable, Sendable {
        /// The code in capitals, e.g. `ZN602`.
        public var id: String
        public var range: SourceRange
    }

    public var file: String
    /// The comment, from its `#` to the end of its text.
    public var range: SourceRange
    /// The known codes it names (unknown ones are reported, not kept).
    public var codes: [Code]
    /// True when nothing but the comment is on its line.
    public var isOwnLine: Bool

    public var line: Int { range.start.line }

    /// The lines whose findings it silences.
    public var lines: ClosedRange<Int> { isOwnLine ? line...(line + 1) : line...line }
}

/// Applies `# zhinan-ignore:` comments to a compilation's diagnostics.
///
/// Only warnings and notes can be silenced. An error never is: a finding reported as an
/// error stays, and a suppression naming a code that is an error (by its default severity
/// or, when a profile's 规则 changes it, by the profile's) is itself an error,
/// ``CompilerCodes/suppressedError``. So a comment can never let `build` publish a catalog
/// with an error, and a profile that makes a warning an error cannot be overruled by one.
public enum Suppressions {
    /// Every code zhinan reports, by id: the codes suppressions may name.
    public static let codes: [String: DiagnosticCode] = Dictionary(
        uniqueKeysWithValues: (YAMLCodes.all + StandardsCodes.all + CompilerCodes.all).map { ($0.id, $0) })

    /// The ids of every code zhinan reports, which suppressions may name.
    public static let knownCodes: Set<String> = Set(codes.keys)

    /// Whether findings of `code` may be silenced: only when its severity, after the
    /// profiles' rule `settings`, is warning or note.
    public static func allows(_ code: DiagnosticCode, settings: [String: RuleSetting] = [:]) -> Bool {
        (settings[code.id]?.severity ?? code.defaultSeverity) != .error
    }

    /// True when `bytes` may hold a suppression comment: they contain `zhinan-ignore`.
    /// Cheap enough to run on every file, so files without one need not be kept as text.
    public static func mayHold(_ bytes: ArraySlice<UInt8>) -> Bool {
        let needle = Array("zhinan-ignore".utf8)
        guard bytes.count >= needle.count else { return false }
        // memchr (vectorised) to each "z", then a compare: many times faster than a loop
        // over every byte, and "z" is rare in the catalogs' text.
        return bytes.withUnsafeBytes { haystack in
            needle.withUnsafeBytes { n in
                guard let base = haystack.baseAddress, let first = n.baseAddress else { return false }
                var offset = 0
                while offset + n.count <= haystack.count {
                    guard let hit = memchr(base + offset, Int32(n[0]), haystack.count - n.count + 1 - offset) else {
                        return false
                    }
                    let at = base.distance(to: UnsafeRawPointer(hit))
                    if memcmp(base + at, first, n.count) == 0 { return true }
                    offset = at + 1
                }
                return false
            }
        }
    }

    /// `diagnostics` less the warnings and notes that suppressions in `files` silence, plus
    /// a ``CompilerCodes/suppressedError`` error for each code of a suppression that names
    /// an error, a ``CompilerCodes/unusedSuppression`` warning for each other code that
    /// silences nothing, and a ``CompilerCodes/badSuppression`` warning for each unknown
    /// code or suppression that names none. A pure function of its arguments; the order of
    /// the diagnostics kept is unchanged, new ones are appended.
    ///
    /// - Parameters:
    ///   - files: the files whose comments count: the path diagnostics use for each, and its
    ///     text.
    ///   - settings: the profiles' rule settings: they decide which codes are errors, and
    ///     can switch the new warnings off or change their severity like any other rule's.
    public static func apply(
        _ diagnostics: [Diagnostic], files: [(path: String, text: String)],
        knownCodes: Set<String> = knownCodes, settings: [String: RuleSetting] = [:]
    ) -> [Diagnostic] {
        var suppressions: [Suppression] = []
        var reported: [Diagnostic] = []
        for file in files {
            var reporter = Reporter(file: file.path, settings: settings)
            suppressions += find(in: file.path, text: file.text, knownCodes: knownCodes, reporter: &reporter)
            reported += reporter.diagnostics
        }
        guard !suppressions.isEmpty else { return diagnostics + reported }

        // file → line → the suppressions covering it.
        var covering: [String: [Int: [Int]]] = [:]
        for (i, s) in suppressions.enumerated() {
            for line in s.lines { covering[s.file, default: [:]][line, default: []].append(i) }
        }
        struct Use: Hashable { var suppression: Int; var code: String }
        var used = Set<Use>()
        // Codes named that are errors: by their severity after the settings, or because a
        // finding they would cover was reported as one.
        var refused = Set<Use>()
        for (i, s) in suppressions.enumerated() {
            for code in s.codes where !(codes[code.id].map { allows($0, settings: settings) } ?? true) {
                refused.insert(Use(suppression: i, code: code.id))
            }
        }
        var kept: [Diagnostic] = []
        kept.reserveCapacity(diagnostics.count)
        for d in diagnostics {
            guard let span = d.span, let candidates = covering[span.file]?[span.range.start.line] else {
                kept.append(d)
                continue
            }
            var silenced = false
            for i in candidates where suppressions[i].codes.contains(where: { $0.id == d.code }) {
                if d.severity == .error {
                    refused.insert(Use(suppression: i, code: d.code))
                } else {
                    used.insert(Use(suppression: i, code: d.code))
                    silenced = true
                }
            }
            if !silenced { kept.append(d) }
        }

        for (i, s) in suppressions.enumerated() {
            var reporter = Reporter(file: s.file, settings: settings)
            var seen = Set<String>()
            for code in s.codes where seen.insert(code.id).inserted {
                let use = Use(suppression: i, code: code.id)
                if refused.contains(use) {
                    reportRefused(code, settings: settings, &reporter)
                } else if !used.contains(use) {
                    reporter.report(
                        CompilerCodes.unusedSuppression, at: code.range,
                        zh: "忽略注释中的 \(code.id) 没有屏蔽任何问题（\(s.isOwnLine ? "本行和下一行" : "本行")没有 \(code.id) 问题）",
                        en: "the suppression of \(code.id) silences nothing (no \(code.id) finding on \(s.isOwnLine ? "this line or the next" : "this line"))")
                }
            }
            reported += reporter.diagnostics
        }
        return kept + reported
    }

    /// Reports that a suppression names `code`, an error, which it cannot silence.
    private static func reportRefused(_ code: Suppression.Code, settings: [String: RuleSetting], _ reporter: inout Reporter) {
        let known = codes[code.id]
        let title = known?.title ?? LocalizedText(zh: "", en: "")
        let raised = known.map { $0.defaultSeverity != .error && settings[$0.id]?.severity == .error } ?? false
        reporter.report(
            CompilerCodes.suppressedError, at: code.range,
            zh: "\(code.id)（\(title.zh)）是错误\(raised ? "（标准配置把它设为错误）" : "")，错误不能用忽略注释屏蔽：请改正问题，再从注释中删除 \(code.id)",
            en: "\(code.id) (\(title.en)) is an error\(raised ? " (the profiles make it one)" : ""), and errors cannot be suppressed: fix the problem, then delete \(code.id) from the comment")
    }

    /// The suppressions in the text of `file`, by the same rules as
    /// ``apply(_:files:knownCodes:settings:)``; malformed ones are left out.
    public static func find(in file: String, text: String, knownCodes: Set<String> = knownCodes) -> [Suppression] {
        var reporter = Reporter(file: file)
        return find(in: file, text: text, knownCodes: knownCodes, reporter: &reporter)
    }

    static func find(in file: String, text: String, knownCodes: Set<String>, reporter: inout Reporter) -> [Suppression] {
        // Most files have none: look for the word before scanning for YAML's comments.
        guard text.utf8.containsBytes(of: marker) else { return [] }
        var scanner = CommentScanner()
        var found: [Suppression] = []
        // Lines as SourceTexts splits them, so positions agree with every other diagnostic's.
        let lines = text.split(omittingEmptySubsequences: false) { $0 == "\n" || $0 == "\r\n" || $0 == "\r" }
        for (i, line) in lines.enumerated() {
            let bytes = Array(line.utf8)
            guard let comment = scanner.comment(in: bytes) else { continue }
            if let s = parse(bytes, comment: comment, line: i + 1, file: file, knownCodes: knownCodes, reporter: &reporter) {
                found.append(s)
            }
        }
        return found
    }

    private static let marker = Array("zhinan-ignore".utf8)

    /// The suppression a comment at byte `comment` of a line holds, if it is one.
    private static func parse(
        _ bytes: [UInt8], comment: Int, line: Int, file: String, knownCodes: Set<String>, reporter: inout Reporter
    ) -> Suppression? {
        var k = comment + 1
        while k < bytes.count, bytes[k] == .space || bytes[k] == .tab { k += 1 }
        guard bytes[k...].starts(with: marker) else { return nil }
        k += marker.count
        var end = bytes.count
        while end > k, bytes[end - 1] == .space || bytes[end - 1] == .tab { end -= 1 }
        func location(_ byte: Int) -> SourceLocation { SourceLocation(line: line, column: column(of: byte, in: bytes)) }
        let commentRange = SourceRange(start: location(comment), end: location(end))

        // The colon, ASCII or full-width, maybe after spaces.
        var j = k
        while j < end, bytes[j] == .space || bytes[j] == .tab { j += 1 }
        if j < end, bytes[j] == .colon {
            k = j + 1
        } else if bytes[j..<end].starts(with: fullWidthColon) {
            k = j + fullWidthColon.count
        } else {
            // `zhinan-ignored`, `zhinan-ignore-all`: some other word, not a suppression.
            if j == k, k < end { return nil }
            reporter.report(
                CompilerCodes.badSuppression, at: commentRange,
                zh: "“zhinan-ignore”后面要写冒号，再写要屏蔽的诊断代码", en: "write a colon after \"zhinan-ignore\", then the codes it silences")
            return nil
        }

        var codes: [Suppression.Code] = []
        var named = 0
        var i = k
        while i < end {
            if let width = separatorWidth(bytes, at: i, end: end) {
                i += width
                continue
            }
            var t = i
            while t < end, separatorWidth(bytes, at: t, end: end) == nil { t += 1 }
            let token = String(decoding: bytes[i..<t], as: UTF8.self)
            if token.hasPrefix("--") || token.hasPrefix("—") { break }  // a reason follows
            named += 1
            let range = SourceRange(start: location(i), end: location(t))
            let id = token.uppercased()
            if knownCodes.contains(id) {
                codes.append(Suppression.Code(id: id, range: range))
            } else {
                let hint = reporter.didYouMean(id, in: knownCodes.sorted())
                let looksLikeCode = id.utf8.count >= 3 && id.utf8.prefix(2).allSatisfy { $0 >= 0x41 && $0 <= 0x5A }
                    && id.utf8.dropFirst(2).allSatisfy { $0 >= 0x30 && $0 <= 0x39 }
                let reason = looksLikeCode || !hint.zh.isEmpty ? ("", "") : ("；说明理由请写在“--”之后", "; write a reason after \"--\"")
                reporter.report(
                    CompilerCodes.badSuppression, at: range,
                    zh: "忽略注释中的“\(token)”不是 zhinan 的诊断代码" + hint.zh + reason.0,
                    en: "\"\(token)\" in the suppression is not a zhinan diagnostic code" + hint.en + reason.1)
            }
            i = t
        }
        if named == 0 {
            reporter.report(
                CompilerCodes.badSuppression, at: commentRange,
                zh: "忽略注释没有写要屏蔽的诊断代码", en: "the suppression names no diagnostic code")
        }
        guard !codes.isEmpty else { return nil }
        let isOwnLine = bytes[..<comment].allSatisfy { $0 == .space || $0 == .tab }
        return Suppression(file: file, range: commentRange, codes: codes, isOwnLine: isOwnLine)
    }

    private static let fullWidthColon = Array("：".utf8)
    private static let wideSeparators = ["，", "、", "；", "\u{3000}"].map { Array($0.utf8) }

    /// The width in bytes of the code separator at `i`, if one is there.
    private static func separatorWidth(_ bytes: [UInt8], at i: Int, end: Int) -> Int? {
        switch bytes[i] {
        case .space, .tab, UInt8(ascii: ","), UInt8(ascii: ";"): return 1
        case 0xE3, 0xEF:
            for s in wideSeparators where bytes[i..<end].starts(with: s) { return s.count }
            return nil
        default: return nil
        }
    }

    /// The 1-based column, in Unicode scalars, of byte `offset` of a UTF-8 line.
    static func column(of offset: Int, in bytes: [UInt8]) -> Int {
        var column = 1
        for b in bytes[..<offset] where b & 0xC0 != 0x80 { column += 1 }
        return column
    }
}

/// Finds where YAML comments start, line by line, carrying across lines what a line can
/// leave open: a quoted scalar, or a block scalar (`|`, `>`) whose more-indented lines are
/// text, not comments.
struct CommentScanner {
    private var inDouble = false
    private var inSingle = false
    /// The indentation of the line that opened a block scalar, while in one.
    private var blockIndent: Int? = nil

    /// The byte offset of the `#` that starts a comment on this line, if one does.
    mutating func comment(in bytes: [UInt8]) -> Int? {
        var indent = 0
        while indent < bytes.count, bytes[indent] == .space { indent += 1 }
        if let b = blockIndent {
            let blank = bytes[indent...].allSatisfy { $0 == .space || $0 == .tab }
            if blank || indent > b { return nil }
            blockIndent = nil
        }
        var comment: Int? = nil
        var previousNonSpace: UInt8? = nil
        var i = 0
        while i < bytes.count {
            let c = bytes[i]
            if inDouble {
                if c == .backslash { i += 2; continue }
                if c == .doubleQuote { inDouble = false }
                i += 1
                continue
            }
            if inSingle {
                if c == .singleQuote {
                    if i + 1 < bytes.count, bytes[i + 1] == .singleQuote { i += 2; continue }
                    inSingle = false
                }
                i += 1
                continue
            }
            let previous: UInt8? = i > 0 ? bytes[i - 1] : nil
            let afterSpace = previous == nil || previous == .space || previous == .tab
            if c == .hash, afterSpace {
                comment = i
                break
            }
            if c == .doubleQuote || c == .singleQuote,
               afterSpace || previous.map(Self.flowOpeners.contains) == true,
               previousNonSpace.map(Self.valueIndicators.contains) ?? true {
                if c == .doubleQuote { inDouble = true } else { inSingle = true }
            }
            if c != .space, c != .tab { previousNonSpace = c }
            i += 1
        }
        if !inDouble, !inSingle {
            // A block scalar's header: `|` or `>`, maybe with indicators, ending the content.
            var end = comment ?? bytes.count
            while end > indent, bytes[end - 1] == .space || bytes[end - 1] == .tab { end -= 1 }
            var j = end
            while j > indent, Self.blockIndicators.contains(bytes[j - 1]) { j -= 1 }
            if j > indent, bytes[j - 1] == .pipe || bytes[j - 1] == .greater,
               j - 1 == indent || bytes[j - 2] == .space || bytes[j - 2] == .tab {
                blockIndent = indent
            }
        }
        return comment
    }

    private static let flowOpeners: Set<UInt8> = [UInt8(ascii: "["), UInt8(ascii: "{"), UInt8(ascii: ",")]
    private static let valueIndicators: Set<UInt8> = [
        UInt8(ascii: ":"), UInt8(ascii: "-"), UInt8(ascii: "?"), UInt8(ascii: "["), UInt8(ascii: "{"), UInt8(ascii: ","),
    ]
    private static let blockIndicators: Set<UInt8> = Set("+-0123456789".utf8)
}

extension UInt8 {
    fileprivate static let space = UInt8(ascii: " ")
    fileprivate static let tab = UInt8(ascii: "\t")
    fileprivate static let hash = UInt8(ascii: "#")
    fileprivate static let colon = UInt8(ascii: ":")
    fileprivate static let doubleQuote = UInt8(ascii: "\"")
    fileprivate static let singleQuote = UInt8(ascii: "'")
    fileprivate static let backslash = UInt8(ascii: "\\")
    fileprivate static let pipe = UInt8(ascii: "|")
    fileprivate static let greater = UInt8(ascii: ">")
}

extension String.UTF8View {
    /// Whether `needle` occurs in these bytes.
    fileprivate func containsBytes(of needle: [UInt8]) -> Bool {
        let scan = { (buffer: UnsafeBufferPointer<UInt8>) -> Bool in
            guard buffer.count >= needle.count, let first = needle.first, let base = buffer.baseAddress else { return false }
            var i = 0
            let last = buffer.count - needle.count
            while i <= last {
                // memchr finds candidates several times faster than a loop over the bytes.
                guard let found = memchr(base + i, Int32(first), last - i + 1) else { return false }
                i = UnsafeRawPointer(found) - UnsafeRawPointer(base)
                var k = 1
                while k < needle.count, buffer[i + k] == needle[k] { k += 1 }
                if k == needle.count { return true }
                i += 1
            }
            return false
        }
        if let found = withContiguousStorageIfAvailable(scan) { return found }
        return Array(self).withUnsafeBufferPointer(scan)
    }
}
