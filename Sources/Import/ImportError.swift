import Diagnostics
import YAMLSyntax

/// Why an import cannot go on: one problem, with its code (ZN950–ZN959, ``ImportCodes``),
/// located in the source (file — for a workbook `book.xlsx[sheet]` —, line or row, column;
/// 0 when unknown), in Chinese and English. Nothing is written when one is thrown.
public struct ImportError: Error, Equatable, Sendable, CustomStringConvertible {
    /// The kinds of problem, one per code.
    public enum Kind: Sendable, Equatable {
        case noSource, unreadable, badText, badHeader, badCode, notXLSX, encrypted, archiveLimit, unsafeXML, badCell, output

        public var code: DiagnosticCode {
            switch self {
            case .noSource: ImportCodes.noSource
            case .unreadable: ImportCodes.unreadable
            case .badText: ImportCodes.badText
            case .badHeader: ImportCodes.badHeader
            case .badCode: ImportCodes.badCode
            case .notXLSX: ImportCodes.notXLSX
            case .encrypted: ImportCodes.encrypted
            case .archiveLimit: ImportCodes.archiveLimit
            case .unsafeXML: ImportCodes.unsafeXML
            case .badCell: ImportCodes.badCell
            case .output: ImportCodes.output
            }
        }
    }

    public var kind: Kind
    public var file: String
    public var line: Int
    public var column: Int
    public var zh: String
    public var en: String
    /// True when the input is not there or not the expected kind at all (exit status 2);
    /// false for a located problem inside it (exit status 1).
    public var unusable = false

    public init(code: Kind, file: String, line: Int = 0, column: Int = 0, zh: String, en: String, unusable: Bool = false) {
        self.kind = code
        self.unusable = unusable
        self.file = file
        self.line = line
        self.column = column
        self.zh = zh
        self.en = en
    }

    /// The code's id, e.g. `ZN952`.
    public var code: String { kind.code.id }

    /// `file:line:column: error: message [ZN95x]`, the way `check` prints a diagnostic.
    public func message(chinese: Bool) -> String {
        let place = line > 0 ? "\(file):\(line):\(max(column, 1))" : file
        return "\(place): error: \(chinese ? zh : en) [\(code)]"
    }

    public var description: String { message(chinese: false) }

    /// The problem as a diagnostic, for the JSON, SARIF and GitHub formats: at its file,
    /// line and column (1:1 for a problem of the whole file, as `check` places one).
    public var diagnostic: Diagnostic {
        Diagnostic(kind.code, at: ImportPlace.span(file, line: line, column: column), message: LocalizedText(zh: zh, en: en))
    }
}

/// Where an import diagnostic points: the source file as the text output names it (a
/// workbook's sheet as `book.xlsx[sheet]`), its line or row, and column, each at least 1.
enum ImportPlace {
    static func span(_ file: String, line: Int, column: Int) -> SourceSpan {
        SourceSpan(file: file, range: SourceRange(at: SourceLocation(line: max(line, 1), column: max(column, 1))))
    }
}

/// The encoding test `check` applies to YAML, named for a table file.
enum TextEncoding {
    static func problem(in bytes: ArraySlice<UInt8>, file: String) -> ImportError? {
        switch EncodingCheck.encodingProblem(in: bytes) {
        case nil: return nil
        case .utf16?:
            return ImportError(code: .badText, file: file, line: 1, column: 1,
                               zh: "文件是 UTF-16/UTF-32 编码（Excel 的“Unicode 文本”）；请另存为“CSV UTF-8”，或转换：iconv -f UTF-16 -t UTF-8",
                               en: "the file is encoded as UTF-16/UTF-32 (Excel's \"Unicode text\"); save it as \"CSV UTF-8\", or convert it: iconv -f UTF-16 -t UTF-8")
        case .gb18030(let at)?:
            return ImportError(code: .badText, file: file, line: at.line, column: at.column,
                               zh: "文件看起来是 GB18030/GBK 编码，而不是 UTF-8；请转换：iconv -f GB18030 -t UTF-8 \(file) > 新文件.csv，或在 Excel 中另存为“CSV UTF-8”",
                               en: "the file looks encoded as GB18030/GBK, not UTF-8; convert it: iconv -f GB18030 -t UTF-8 \(file) > new.csv, or save it from Excel as \"CSV UTF-8\"")
        case .invalidUTF8(let at)?:
            return ImportError(code: .badText, file: file, line: at.line, column: at.column,
                               zh: "第 \(at.line) 行有不是 UTF-8 编码的字节，文件可能被截断或混入了其他编码的文字",
                               en: "line \(at.line) holds bytes that are not UTF-8; the file may be truncated or hold text in another encoding")
        }
    }
}
