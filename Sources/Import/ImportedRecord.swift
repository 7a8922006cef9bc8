import Diagnostics

/// The intermediate form every import writes (national tables, spreadsheets, Word guides):
/// per item, the elements' values with where each came from. The YAML writer
/// (``ImportYAML``) turns it into files; it never sees the source format.
public struct ImportedCatalog: Sendable {
    /// catalog.yaml's entries, in order.
    public var header: [ImportedEntry]
    public var items: [ImportedItem]
    /// Rows left out, each with why.
    public var skipped: [SkippedRow] = []

    public init(header: [ImportedEntry], items: [ImportedItem], skipped: [SkippedRow] = []) {
        self.header = header
        self.items = items
        self.skipped = skipped
    }
}

/// One item: the file to write (under items/) and its elements by name.
public struct ImportedItem: Sendable {
    /// The file name inside items/, e.g. `11440000MB2C9821792440100401001.yaml`.
    public var fileName: String
    /// Where the item came from, e.g. `task_general_basic.csv:3`, written as a comment.
    public var source: String
    /// The elements the source has, by their canonical name.
    public var elements: [String: ImportedValue]
    /// Comments written under the item (text the import kept but could not place).
    public var notes: [String] = []

    public init(fileName: String, source: String, elements: [String: ImportedValue], notes: [String] = []) {
        self.fileName = fileName
        self.source = source
        self.elements = elements
        self.notes = notes
    }
}

/// A key and its value, in a mapping.
public struct ImportedEntry: Sendable {
    public var key: String
    public var value: ImportedValue
    public init(_ key: String, _ value: ImportedValue) {
        self.key = key
        self.value = value
    }
}

/// A value as it will be written: text (always a string in YAML), an integer, a list, a
/// mapping, or a placeholder for a value the source lacks (a comment `# 待补充：名称`).
public indirect enum ImportedValue: Sendable {
    case text(String)
    case integer(Int)
    case list([ImportedValue])
    case map([ImportedEntry])
    /// Written as `# 待补充：<what>`; `note`, when given, as a comment line above it.
    case placeholder(String, note: String? = nil)
}

/// A source row or value the import left out or changed, and why: a warning of the
/// summary, with its code (ZN960 left out, ZN961 a date's time dropped).
public struct SkippedRow: Sendable, Equatable {
    public var file: String
    public var line: Int
    /// The column's heading (or national field name).
    public var column: String
    /// The column's number (1-based), 0 when the source does not say (per-item JSON).
    public var columnNumber: Int
    public var code: DiagnosticCode
    public var zh: String
    public var en: String

    public init(file: String, line: Int, column: String, columnNumber: Int = 0, code: DiagnosticCode = ImportCodes.leftOut,
                zh: String, en: String) {
        self.file = file
        self.line = line
        self.column = column
        self.columnNumber = columnNumber
        self.code = code
        self.zh = zh
        self.en = en
    }

    /// The note as a warning diagnostic (its code's severity), the column's heading first:
    /// at its file, row and column (column 1 when the source does not say).
    public var diagnostic: Diagnostic {
        Diagnostic(code, at: ImportPlace.span(file, line: line, column: columnNumber),
                   message: LocalizedText(zh: "\(column)：\(zh)", en: "\(column): \(en)"))
    }
}
