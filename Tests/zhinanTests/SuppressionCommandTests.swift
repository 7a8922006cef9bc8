import Foundation
import TestSupport
import Testing

/// `# zhinan-ignore:` through the built binary: an error is never silenced, so a comment
/// cannot let `build` publish a catalog with one.
@Suite struct SuppressionCommandTests {
    static let sample = repositoryRoot() + "/catalogs/liwan-yichuang"
    static let real = "items/jingying/shipin-jingying-xuke.yaml"

    /// A copy of the sample catalog where `items/0-impostor.yaml`, which sorts first, takes
    /// the 事项编码 of the real item, and the real item's code line says
    /// `# zhinan-ignore: ZN408`.
    static func impostorCatalog() throws -> String {
        let dir = try makeFolder([:]) + "/catalog"
        try FileManager.default.copyItem(atPath: sample, toPath: dir)
        let text = try String(contentsOfFile: dir + "/" + real, encoding: .utf8)
        var lines = text.components(separatedBy: "\n")
        #expect(lines[1] == "事项编码: 440103-XK-00102-001")
        var impostor = lines
        impostor[0] = "事项名称: 冒名顶替的事项"
        try impostor.joined(separator: "\n").write(toFile: dir + "/items/0-impostor.yaml", atomically: true, encoding: .utf8)
        lines[1] += " # zhinan-ignore: ZN408"
        try lines.joined(separator: "\n").write(toFile: dir + "/" + real, atomically: true, encoding: .utf8)
        return dir
    }

    @Test func aDuplicateItemCodeWithASuppressionFailsCheckAndBuild() throws {
        let dir = try Self.impostorCatalog()
        defer { try? FileManager.default.removeItem(atPath: (dir as NSString).deletingLastPathComponent) }

        let check = try runZhinan(["check", dir, "--lang", "en", "--format", "json"])
        #expect(check.status == 1, "\(check.stdout)\(check.stderr)")
        let object = try JSONSerialization.jsonObject(with: Data(check.stdout.utf8)) as? [String: Any]
        let found = (object?["diagnostics"] as? [[String: Any]] ?? []).map { d in
            "\(d["code"] as? String ?? "?")@\((d["file"] as? String ?? "").replacingOccurrences(of: dir + "/", with: "")):\(d["line"] as? Int ?? 0):\(d["column"] as? Int ?? 0) \(d["severity"] as? String ?? "")"
        }
        // "事项编码: 440103-XK-00102-001 # zhinan-ignore: " is 43 characters.
        #expect(found == ["ZN408@\(Self.real):2:7 error", "ZN910@\(Self.real):2:44 error"], "\(found)")

        let out = (dir as NSString).deletingLastPathComponent + "/site"
        let build = try runZhinan(["build", dir, "-o", out, "--lang", "en"])
        #expect(build.status == 1, "\(build.stdout)\(build.stderr)")
        #expect(build.stdout.contains("\(dir)/\(Self.real):2:44: error: ZN408 (Duplicate item code) is an error, and errors cannot be suppressed"), "\(build.stdout)")
        #expect(!FileManager.default.fileExists(atPath: out), "build wrote \(out)")
        let parent = (dir as NSString).deletingLastPathComponent
        #expect(try FileManager.default.contentsOfDirectory(atPath: parent) == ["catalog"])

        for format in ["json", "xml", "sqlite"] {
            let file = parent + "/catalog." + format
            let export = try runZhinan(["export", dir, "--format", format, "-o", file])
            #expect(export.status == 1, "\(format): \(export.stdout)\(export.stderr)")
            #expect(!FileManager.default.fileExists(atPath: file), "export wrote \(file)")
        }
    }

    @Test func explainSaysWhetherACodeIsSuppressible() throws {
        let error = try runZhinan(["explain", "ZN408", "--lang", "en"])
        #expect(error.stdout.hasSuffix("\nSuppressible: no. An error cannot be silenced with # zhinan-ignore, only fixed (unless a profile makes it a warning or note).\n"), "\(error.stdout)")
        let warning = try runZhinan(["explain", "zn602", "--lang", "zh"])
        #expect(warning.stdout.hasSuffix("\n可否屏蔽：可以。在问题所在行（或单独写在它的上一行）加注释 # zhinan-ignore: ZN602；标准配置把它设为错误时不可以。\n"), "\(warning.stdout)")
        let refusal = try runZhinan(["explain", "ZN910", "--lang", "zh"])
        #expect(refusal.status == 0)
        #expect(refusal.stdout.hasPrefix("ZN910: 忽略注释不能屏蔽错误\n"))
        #expect(refusal.stdout.hasSuffix("\n可否屏蔽：不可以。错误不能用 # zhinan-ignore 屏蔽，只能改正（标准配置把它设为警告或提示时除外）。\n"))
    }

    @Test func theListMarksTheSuppressibleCodes() throws {
        let en = try runZhinan(["explain", "--lang", "en"]).stdout.components(separatedBy: "\n")
        #expect(en.contains("ZN602  warning  Promised limit above the internal control line  [suppressible]"))
        #expect(en.contains("ZN408  error    Duplicate item code"))
        #expect(en.contains("ZN910  error    A suppression cannot silence an error"))
        let zh = try runZhinan(["explain", "--lang", "zh"]).stdout.components(separatedBy: "\n")
        #expect(zh.contains("ZN313  warning  未使用的忽略注释  [可屏蔽]"))
        #expect(zh.contains("ZN101  error    文件不是有效的 UTF-8 编码"))
        // Exactly the warnings and notes are marked.
        for line in en where !line.isEmpty {
            #expect(line.hasSuffix("  [suppressible]") == !line.contains("  error  "), "\(line)")
        }
    }
}
