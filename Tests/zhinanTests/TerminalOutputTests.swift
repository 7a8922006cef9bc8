import Diagnostics
import Foundation
import TestSupport
import Testing

/// Catalog text on the terminal, end to end: values, keys and file names holding line
/// breaks, escape sequences (clear the screen, retitle the window) and bidirectional
/// overrides never reach the terminal as they are, and never start a line of their own.
@Suite struct TerminalOutputTests {
    static let root = repositoryRoot() + "/catalogs/liwan-yichuang/"

    /// A catalog with: in items/a.yaml, a 事项类型 and an unknown key written with YAML
    /// escapes for a line break, ESC [2J (clear the screen), ESC ]0;…BEL (retitle) and
    /// U+202E; in items/c.yaml, a raw ESC byte; and a copy of the sample item whose file
    /// name holds ESC [2J and a line break (its 事项编码 is a.yaml's, so it is reported).
    static func hostileCatalog() throws -> String {
        let item = try String(contentsOfFile: root + "items/jingying/shipin-jingying-xuke.yaml", encoding: .utf8)
        var lines = item.components(separatedBy: "\n")
        precondition(lines[2] == "事项类型: 行政许可", "the sample item changed")
        lines[2] = #"事项类型: "行政许可\u202E[2J\u2066""#
        let hostile = lines.joined(separator: "\n") + #""未知\r\nforged.yaml:1:1: error: x [ZN000]\n键\u202E": 1"# + "\n"
        return try makeFolder(.text([
            "catalog.yaml": try String(contentsOfFile: root + "catalog.yaml", encoding: .utf8),
            "items/a.yaml": hostile,
            "items/b\u{1B}[2J\n.yaml": item,
            "items/c.yaml": "事项名称: 名\u{1B}[2J称\n",
        ]))
    }

    static let hazards = CharacterSet(charactersIn: "\u{0}"..."\u{9}")
        .union(CharacterSet(charactersIn: "\u{B}"..."\u{1F}"))
        .union(CharacterSet(charactersIn: "\u{7F}"..."\u{9F}"))
        .union(CharacterSet(charactersIn: "\u{202A}"..."\u{202E}"))
        .union(CharacterSet(charactersIn: "\u{2066}"..."\u{2069}"))
        .union(CharacterSet(charactersIn: "\u{2028}\u{2029}\u{200E}\u{200F}\u{61C}"))

    @Test func textOutputShowsEscapesAndKeepsOneDiagnosticALine() throws {
        let dir = try Self.hostileCatalog()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let arguments = ["check", dir, "--lang", "en", "--standards", repositoryRoot() + "/standards"]
        let text = try runZhinan(arguments)
        let json = try runZhinan(arguments + ["--format", "json"])
        #expect(text.status == 1 && json.status == 1)
        #expect(text.stdout.unicodeScalars.allSatisfy { !Self.hazards.contains($0) }, "\(text.stdout.debugDescription)")

        // One header line for each diagnostic and each located note, in the order JSON
        // gives them, with the catalog's text shown through VisibleText.
        let object = try #require(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any])
        let diagnostics = try #require(object["diagnostics"] as? [[String: Any]])
        var expected: [String] = []
        for d in diagnostics {
            let place = "\(d["file"] as? String ?? ""):\(d["line"] as? Int ?? 0):\(d["column"] as? Int ?? 0)"
            expected.append(VisibleText.escaped("\(place): \(d["severity"] as? String ?? ""): \(d["message"] as? String ?? "") [\(d["code"] as? String ?? "")]"))
            for n in d["notes"] as? [[String: Any]] ?? [] {
                if let file = n["file"] as? String {
                    expected.append(VisibleText.escaped("\(file):\(n["line"] as? Int ?? 0):\(n["column"] as? Int ?? 0): note: \(n["message"] as? String ?? "")"))
                } else {
                    expected.append(VisibleText.escaped("note: \(n["message"] as? String ?? "")"))
                }
            }
        }
        let lines = text.stdout.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        let headers = lines.filter { !$0.hasPrefix(" ") && !$0.isEmpty }
        #expect(headers == expected + ["8 files checked: \(diagnostics.count { $0["severity"] as? String == "error" }) errors, 0 warnings."])
        // Every other line is a quoted source line or its caret.
        for line in lines where line.hasPrefix(" ") {
            #expect(line.contains(#/^ +[0-9]+ \| /#) || line.contains(#/^ +\| +\^~*$/#), "\(line)")
        }

        // The file name, the value and the raw byte, as the officer sees them.
        #expect(text.stdout.contains(#"\#(dir)/items/b\u{1B}[2J\n.yaml:2:7: error: the item code "440103-XK-00102-001" is already used by \#(dir)/items/a.yaml [ZN408]"#))
        #expect(text.stdout.contains(#"行政许可\u{202E}[2J\u{2066}"#))
        #expect(text.stdout.contains(#"未知\r\nforged.yaml:1:1: error: x [ZN000]\n键\u{202E}"#))
        #expect(text.stdout.contains(#"   1 | 事项名称: 名\u{1B}[2J称"#))
        // JSON carries the text itself, escaped as JSON.
        #expect(json.stdout.contains(#"行政许可\u202e[2J\u2066"#))
    }

    @Test func githubAnnotationsShowEscapesAndStartNoCommand() throws {
        let dir = try Self.hostileCatalog()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let r = try runZhinan(["check", dir, "--lang", "en", "--format", "github", "--standards", repositoryRoot() + "/standards"])
        #expect(r.status == 1)
        #expect(r.stdout.unicodeScalars.allSatisfy { !Self.hazards.contains($0) }, "\(r.stdout.debugDescription)")
        let lines = r.stdout.split(separator: "\n")
        // Each line is a workflow command but the summary: a value cannot start one.
        #expect(lines.dropLast().allSatisfy { $0.hasPrefix("::error ") || $0.hasPrefix("::warning ") }, "\(r.stdout)")
        #expect(lines.contains { $0.hasPrefix(#"::error file=\#(dir)/items/b\u{1B}[2J\n.yaml,line=2,col=7,"#) }, "\(r.stdout)")
    }
}
