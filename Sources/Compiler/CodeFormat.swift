import Catalog
import Diagnostics
import Standards

/// The form a kind of code must take: a profile's format parameter (a POSIX extended regular
/// expression) and its example, and what to suggest for a code that does not fit.
struct CodeFormat: Sendable {
    let pattern: String
    let example: String?
    /// True when no profile gives the format and this is the built-in one.
    let isBuiltIn: Bool

    /// A bundle code when no profile gives 一件事编码格式: a name that is safe and short as a
    /// folder name.
    static let builtInBundlePattern = "^[0-9A-Za-z][0-9A-Za-z._-]{0,63}$"

    /// The format of bundle (一件事) codes under `profile`.
    static func bundle(in profile: EffectiveProfile) -> CodeFormat {
        guard let pattern = profile.parameters[ProfileParameter.bundleCodeFormat] else {
            return CodeFormat(pattern: builtInBundlePattern, example: nil, isBuiltIn: true)
        }
        return CodeFormat(pattern: pattern, example: profile.parameters[ProfileParameter.bundleCodeExample], isBuiltIn: false)
    }

    /// Whether `code` fits. A NUL would end the text the C library sees, so a code holding
    /// one never fits.
    func matches(_ code: String) -> Bool {
        !code.utf8.contains(0) && Pattern.matches(code, pattern)
    }

    /// The first of a few simple repairs of `code` that fits: full-width forms and dashes
    /// made ASCII, spaces trimmed, inner spaces and `_` made `-`, then upper or lower case.
    func suggestion(for code: String) -> String? {
        var ascii = ""
        for scalar in code.unicodeScalars {
            switch scalar.value {
            case 0xFF01...0xFF5E: ascii.unicodeScalars.append(Unicode.Scalar(scalar.value - 0xFEE0)!)
            case 0x3000: ascii += " "
            case 0x2010...0x2015, 0x2212: ascii += "-"
            default: ascii.unicodeScalars.append(scalar)
            }
        }
        let trimmed = ascii.trimmingCharacters(in: " \t")
        let joined = String(trimmed.map { $0 == " " || $0 == "_" ? "-" : $0 })
        for candidate in [ascii, trimmed, joined, joined.uppercased(), joined.lowercased()] where candidate != code {
            if matches(candidate) { return candidate }
        }
        return nil
    }

    /// Reports `code` (a bundle's) when it does not fit; `true` when it fits.
    func check(bundleCode code: String, at range: SourceRange, reporter: inout Reporter) -> Bool {
        guard !matches(code) else { return true }
        let hint = suggestion(for: code).map { (zh: "，是否想写“\($0)”？", en: "; did you mean \"\($0)\"?") } ?? (zh: "", en: "")
        if isBuiltIn {
            reporter.report(CompilerCodes.badBundleCode, at: range,
                zh: "一件事编码“\(code)”不符合格式 \(pattern)（标准配置没有规定“\(ProfileParameter.bundleCodeFormat)”时，编码只能由字母、数字和 . _ - 组成，以字母或数字开头，至多 64 个字符）\(hint.zh)",
                en: "the bundle code \"\(code)\" does not match the format \(pattern) (with no \(ProfileParameter.bundleCodeFormat) in the profiles, a code is letters, digits and . _ -, starts with a letter or digit and has at most 64 characters)\(hint.en)")
        } else {
            reporter.report(CompilerCodes.badBundleCode, at: range,
                zh: "一件事编码“\(code)”不符合标准规定的格式 \(pattern)\(example.map { "（如 \($0)）" } ?? "")\(hint.zh)",
                en: "the bundle code \"\(code)\" does not match the standard's format \(pattern)\(example.map { " (such as \($0))" } ?? "")\(hint.en)")
        }
        return false
    }
}

/// The folders of the site's pages claimed so far, by ``PathSegment/folderKey(_:)``: a code
/// whose folder another code has, as a file system that ignores case or normalizes names
/// sees it, is reported (ZN431) with a note at the first.
struct FolderClaims {
    /// The folder the pages go under: `items` or `bundles`.
    let parent: String
    /// What the codes are called: 事项编码, 一件事编码.
    let what: (zh: String, en: String)
    private var claims: [String: (code: String, span: SourceSpan)] = [:]

    init(parent: String, what: (zh: String, en: String)) {
        self.parent = parent
        self.what = what
    }

    /// Claims the folder of `code`, written at `range` of the reporter's file; `false`
    /// (and reported) when a different code has it already.
    mutating func claim(_ code: String, at range: SourceRange, reporter: inout Reporter) -> Bool {
        let key = PathSegment.folderKey(code)
        guard let first = claims[key] else {
            claims[key] = (code, reporter.span(range))
            return true
        }
        if first.code == code { return true }  // the same code: the duplicate-code check speaks
        let folder = "\(parent)/\(PathSegment.forCode(first.code))/"
        let note = DiagnosticNote(LocalizedText(zh: "“\(first.code)”用在这里", en: "\"\(first.code)\" is used here"), at: first.span)
        if code.lowercased() == first.code.lowercased() {
            reporter.report(CompilerCodes.folderClash, at: range,
                zh: "\(what.zh)“\(code)”与“\(first.code)”只差大小写，在不区分大小写的文件系统（如 macOS、Windows）上两者的网页会写进同一个文件夹 \(folder)；请改用另一个编码",
                en: "the \(what.en)s \"\(code)\" and \"\(first.code)\" differ only in case, so on a file system that ignores case (macOS, Windows) their pages would go to one folder, \(folder); use another code",
                notes: [note])
        } else {
            reporter.report(CompilerCodes.folderClash, at: range,
                zh: "\(what.zh)“\(code)”与“\(first.code)”的网页会写进同一个文件夹 \(folder)；请改用另一个编码",
                en: "the pages of the \(what.en)s \"\(code)\" and \"\(first.code)\" would go to one folder, \(folder); use another code",
                notes: [note])
        }
        return false
    }
}
