import Diagnostics
import Foundation
import TestSupport
import Testing

@testable import YAMLSyntax

/// The fast path must give exactly the tree libyaml's path gives, or decline.
@Suite struct BlockParserTests {
    /// What `BlockParser` makes of `bytes`, and what libyaml's path makes of them; records
    /// an issue when the fast path accepted a file libyaml reads differently or finds a
    /// problem in. Returns whether the fast path accepted it.
    @discardableResult
    static func compare(_ bytes: [UInt8], _ name: String, sourceLocation: Testing.SourceLocation = #_sourceLocation) -> Bool {
        var input = bytes[...]
        if input.starts(with: [0xEF, 0xBB, 0xBF]) { input = input.dropFirst(3) }
        let fast = input.withUnsafeBufferPointer { BlockParser.parse($0, limits: YAMLLimits()) }
        guard let fast else { return false }
        let slow = YAMLParser(usesFastPath: false).parse(bytes, file: name)
        #expect(slow.diagnostics.isEmpty, "\(name): the fast path accepted a file with problems: \(slow.diagnostics.map(\.message.en))", sourceLocation: sourceLocation)
        guard let root = slow.root else {
            Issue.record("\(name): libyaml gives no tree", sourceLocation: sourceLocation)
            return true
        }
        if let difference = Self.difference(fast, root, at: "") {
            Issue.record("\(name): trees differ at \(difference)", sourceLocation: sourceLocation)
        }
        return true
    }

    /// Where two trees first differ, or nil when they are the same.
    static func difference(_ a: YAMLNode, _ b: YAMLNode, at path: String) -> String? {
        if a.range != b.range { return "\(path): range \(a.range) vs \(b.range)" }
        if a.tag != b.tag { return "\(path): tag" }
        switch (a.value, b.value) {
        case (.scalar(let x), .scalar(let y)):
            return x == y ? nil : "\(path): \(x) vs \(y)"
        case (.sequence(let x), .sequence(let y)):
            guard x.count == y.count else { return "\(path): \(x.count) vs \(y.count) entries" }
            for (i, (p, q)) in zip(x, y).enumerated() {
                if let d = difference(p, q, at: "\(path)[\(i)]") { return d }
            }
            return nil
        case (.mapping(let x), .mapping(let y)):
            guard x.count == y.count else { return "\(path): \(x.count) vs \(y.count) pairs" }
            for (p, q) in zip(x, y) {
                if p.key != q.key || p.keyRange != q.keyRange { return "\(path): key \(p.key.text)@\(p.keyRange) vs \(q.key.text)@\(q.keyRange)" }
                if let d = difference(p.value, q.value, at: "\(path).\(p.key.text)") { return d }
            }
            return nil
        default:
            return "\(path): kinds differ"
        }
    }

    static var sampleFiles: [String] {
        let root = repositoryRoot()
        let fm = FileManager.default
        var out: [String] = []
        for folder in ["catalogs", "standards"] {
            let base = root + "/" + folder
            for case let rel as String in fm.enumerator(atPath: base)! where rel.hasSuffix(".yaml") {
                out.append(base + "/" + rel)
            }
        }
        return out.sorted()
    }

    @Test func acceptsEverySampleFileWithLibyamlsTree() throws {
        let files = Self.sampleFiles
        #expect(files.count > 20)
        for path in files {
            let bytes = [UInt8](try Data(contentsOf: URL(fileURLWithPath: path)))
            #expect(Self.compare(bytes, path), "\(path) was declined")
        }
    }

    @Test(arguments: [
        "a: b", "a: b\n\n\n", "a: b\n# c", "a: b\n  # c\n", "a:\n  b: c\n\nd: e\n",
        "名称: 中文 值 \n下一: x\n", "a:   \nb: 1\n", "e:", "a:\n- x\n# c\n\n- y\nb: 1\n",
        "k:\n  - a\n  - b: c\n    d: e\n  - [x]\nz: 1\n", "a: \"\"\nb: ''\nc: [ ]\nd: []\n",
        "a: [中, 文字]\nb: \"中文\"\n", "t: |\n  a\n", "t: |\n  a\n\n\n", "t: |\n  a",
        "x:\n    t: |\n      l1\n\n      l2\n  y: 1\n", "a: x#y\nb: \"p q\"  \n", "- a\n- b\n",
        "- a: \n  b: c\n- d\n", "a: [a ,b,  c d ]\n", "a: http://x.y/z?q=1\n", "a: '它说\"好\"'\n",
        "t: |\n  # not a comment\n  x: y\n", "a: 1\nb: 2.5\nc: true\nd: null\ne: ~\n", "a:\n  b: [x]\n#", "a:\n  b: c\n#", "a:\n  # c\n  b: [x]\n#", "a:\n  b:\n    c:\n      - d\n",
        // Declined, each for its own reason; libyaml reads them.
        "a: b # c\n", "a:\tb\n", "a: &x b\nc: *x\n", "a: >\n  x\n", "a: |-\n  x\n", "a: \"x\\ny\"\n",
        "a: b\na: c\n", "a: b\n  c\n", "---\na: b\n", "a: [a,\n  b]\n", "a: {b: c}\n", "? a\n: b\n",
        "a: b\r\n", "a: b\n  ", "a: 😀\n", "豈: 1\n", "- - a\n", "-\n", "a: b: c\n", "a: \(nonchar(0xFDD0))\n",
    ])
    func edgeCasesMatchLibyaml(text: String) {
        Self.compare(Array(text.utf8), text.debugDescription)
    }

    /// Thousands of files made from the samples by edits that touch YAML's corners: each the
    /// fast path reads is read the same by libyaml.
    @Test func mutatedFilesMatchLibyamlOrAreDeclined() throws {
        var rng = SplitMix64(seed: 20_240_601)
        let texts = try Self.sampleFiles.map { try String(contentsOf: URL(fileURLWithPath: $0), encoding: .utf8) }
        var accepted = 0, declined = 0
        for n in 0..<3000 {
            var lines = texts[Int(rng.next() % UInt64(texts.count))].split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
            for _ in 0..<(1 + Int(rng.next() % 3)) { Self.mutate(&lines, &rng) }
            var text = lines.joined(separator: "\n")
            if rng.next() % 5 == 0 { while text.hasSuffix("\n") { text.removeLast() } }
            var bytes = Array(text.utf8)
            if rng.next() % 8 == 0 {
                let odd: [[UInt8]] = [[0x80], [0xC2, 0x85], [0xED, 0xA0, 0x80], [0xEF, 0xBB, 0xBF], [0xF0, 0x9F, 0x98, 0x80], [0x00], [0x0D], [0xE4, 0xB8], [0xEF, 0xB7, 0x90]]
                let at = Int(rng.next() % UInt64(bytes.count + 1))
                bytes.insert(contentsOf: odd[Int(rng.next() % UInt64(odd.count))], at: at)
            }
            if Self.compare(bytes, "mutation \(n)") { accepted += 1 } else { declined += 1 }
        }
        #expect(accepted > 500)
        #expect(declined > 500)
    }

    static func mutate(_ lines: inout [String], _ rng: inout SplitMix64) {
        guard !lines.isEmpty else { return }
        func pick<T>(_ xs: [T]) -> T { xs[Int(rng.next() % UInt64(xs.count))] }
        let k = Int(rng.next() % UInt64(lines.count))
        let line = lines[k]
        let indent = line.prefix { $0 == " " }.count
        let parts = line.split(separator: ": ", maxSplits: 1, omittingEmptySubsequences: false).map(String.init)
        let pad = { (n: Int) in String(repeating: " ", count: n) }
        switch rng.next() % 16 {
        case 0: lines[k] = pad(pick([1, 2, 3])) + line
        case 1: if indent > 0 { lines[k] = String(line.dropFirst(min(indent, pick([1, 2])))) }
        case 2: lines.insert(pad(Int(rng.next() % 8)) + pick(["# 注释", "#", "# a: b"]), at: k)
        case 3: lines.insert(pick(["", " ", "   "]), at: k)
        case 4: if parts.count == 2 { let q = pick(["\"", "'"]); lines[k] = parts[0] + ": " + q + parts[1] + q }
        case 5: lines[k] = line + pad(1 + Int(rng.next() % 2))
        case 6: if parts.count == 2 { lines[k] = parts[0] + ":" + pad(1 + Int(rng.next() % 3)) + parts[1] }
        case 7:
            if parts.count == 2 {
                lines[k] = parts[0] + ": |" + pick(["", " ", "-", "2"])
                lines.insert(contentsOf: [pad(indent + pick([1, 2, 4])) + parts[1]] + pick([[], [""], ["", pad(indent + 2) + "第二段"], [pad(indent + 4) + "更深"]]), at: k + 1)
            }
        case 8:
            if parts.count == 2 {
                let items = parts[1].split(separator: "、").prefix(3).joined(separator: pick([", ", ",", " , "]))
                lines[k] = parts[0] + ": " + pick(["[", "[ "]) + (items.isEmpty ? "x" : items) + pick(["]", " ]", ",]", "]]"])
            }
        case 9:
            if parts.count == 2 {
                let odd = ["\t", "\u{3000}", "é", "e\u{301}", "#", " #x", ": ", ":", "\"", "'", "\\", "[", "]", "{", "&a", "*a", "!x", "|", ">", "%", "@", "`", "-", "- ", "?", "\u{2028}", "\u{85}", "\u{FEFF}", "\u{7F}", "\u{A0}", "豈", "。"]
                let v = parts[1]
                let at = v.index(v.startIndex, offsetBy: Int(rng.next() % UInt64(v.count + 1)))
                lines[k] = parts[0] + ": " + v[..<at] + pick(odd) + v[at...]
            }
        case 10: if parts.count == 2 { lines[k] = parts[0] + ":" }
        case 11: lines.insert(line, at: k)
        case 12: if k + 1 < lines.count { lines.swapAt(k, k + 1) }
        case 13: lines.remove(at: k)
        case 14:
            if parts.count == 2 {
                lines[k] = parts[0] + ":"
                lines.insert(pad(indent + pick([0, 1, 2, 4])) + pick(["- ", ""]) + parts[1], at: k + 1)
            }
        default:
            if parts.count == 2 {
                lines[k] = parts[0] + ": " + pick(["", "~", "null", "true", "12", "-5", ".5", "\"x\\ny\"", "'it''s'", "&anc v", "*anc", "!!str v", "> x", "{a: b}", "? x", "a: b", "—破折号", "http://x.y/z?a=1"])
            }
        }
    }
}
