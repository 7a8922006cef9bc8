import Foundation
import Standards

/// The code sets an import translates national codes with, and the element order it writes
/// in: taken from the effective profile of the catalog's 标准.
public struct ImportProfile: Sendable {
    /// Set → value → national code.
    public var nationalCodes: [String: [String: String]]
    /// Set → values, in the profile's order.
    public var codeSets: [String: [String]]
    /// Element names in profile order, each with whether it is required.
    public var elements: [(name: String, required: Bool)]
    /// The 标准 the catalog follows.
    public var standards: [String]
    /// The profiles' names of elements an item sheet fills, each → the built-in heading it
    /// stands for (``ProfileHeadings``).
    public var headings: [String: String]
    /// The profiles' names of elements no column of an item sheet fills (``ProfileHeadings``).
    public var unimportable: Set<String> = []

    public init(nationalCodes: [String: [String: String]], codeSets: [String: [String]],
                elements: [(name: String, required: Bool)], standards: [String], headings: [String: String] = [:]) {
        self.nationalCodes = nationalCodes
        self.codeSets = codeSets
        self.elements = elements
        self.standards = standards
        self.headings = headings
    }

    /// What `effective`, the profile of `standards`, says.
    public init(_ effective: EffectiveProfile, standards: [String]) {
        self.init(nationalCodes: effective.nationalCodes, codeSets: effective.codeSets,
                  elements: effective.elements.map { ($0.name, $0.isRequired) }, standards: standards,
                  headings: ProfileHeadings.headings(effective))
        unimportable = ProfileHeadings.unimportable(effective)
    }

    /// The value of `set` that `raw` stands for: itself when it is a value of the set, else
    /// the first value (in the set's order) whose national code it is.
    func value(_ raw: String, in set: String) -> String? {
        let values = codeSets[set] ?? []
        if values.contains(raw) { return raw }
        let codes = nationalCodes[set] ?? [:]
        return values.first { codes[$0] == raw } ?? codes.first { $0.value == raw }?.key
    }
}

/// One row of a source table: its values by national field name, and where it is.
struct SourceRow {
    var file: String
    var line: Int
    var values: [String: String]
    /// Field → its column's number (1-based), where the source has columns.
    var columns: [String: Int] = [:]
    /// Field → the heading its column has in the source, where that is not the field's name
    /// (an item sheet's 生效日期 for plan_effective_date): what the summary calls the column.
    var headings: [String: String] = [:]

    subscript(_ column: String) -> String? {
        guard let v = values[column], !v.isEmpty else { return nil }
        return v
    }
}

/// The five national exchange tables, read from a folder `zhinan export --format national`
/// wrote (the CSV files), or from the platform's per-item JSON (`items/*.json`).
struct NationalSource {
    var basic: [SourceRow] = []
    var extend: [SourceRow] = []
    var material: [SourceRow] = []
    var fee: [SourceRow] = []
    var questions: [SourceRow] = []

    static let tableNames = [
        "task_general_basic", "task_general_extend", "task_general_material", "task_general_fee_project", "task_general_questions",
    ]
    /// The columns a basic table must have to be one.
    static let basicKeyColumns = ["task_name", "task_code"]

    /// The rows of `csv`, table `index` of ``tableNames``, by column name; throws when the
    /// header lacks the table's key columns or names a column twice.
    static func rows(of csv: CSVTable, table index: Int) throws -> [SourceRow] {
        let required = index == 0 ? basicKeyColumns : ["task_code"]
        for column in required where !csv.header.contains(column) {
            throw ImportError(code: .badHeader, file: csv.file, line: csv.headerLine, column: 1,
                              zh: "表头没有 \(column) 列：这不是国家交换表 \(tableNames[index])（表头应为 export --format national 写出的字段名）",
                              en: "the header has no \(column) column: this is not the national exchange table \(tableNames[index]) (the header holds the field names export --format national writes)")
        }
        for (i, h) in csv.header.enumerated() where !h.isEmpty && csv.header[..<i].contains(h) {
            throw ImportError(code: .badHeader, file: csv.file, line: csv.headerLine, column: i + 1,
                              zh: "表头的 \(h) 列出现了两次", en: "the header names the column \(h) twice")
        }
        let columns = Dictionary(csv.header.enumerated().map { ($1, $0 + 1) }, uniquingKeysWith: { a, _ in a })
        return csv.rows.map { row in
            SourceRow(file: csv.file, line: row.line,
                      values: Dictionary(zip(csv.header, row.cells).filter { !$0.0.isEmpty }, uniquingKeysWith: { a, _ in a }), columns: columns)
        }
    }
}

/// Reading a source file for import: a regular file (links are not followed), bounded.
enum SourceFile {
    /// The bytes at `path` (named `name` in errors), nil when there is no file there.
    static func bytes(_ path: String, name: String, limit: Int) throws -> [UInt8]? {
        var st = stat()
        guard lstat(path, &st) == 0 else { return nil }
        guard (st.st_mode & S_IFMT) == S_IFREG else {
            throw ImportError(code: .unreadable, file: name, zh: "不是普通文件（链接或文件夹）：导入不跟随链接", en: "not a regular file (a link or a folder): import does not follow links")
        }
        guard Int(st.st_size) <= limit else {
            throw ImportError(code: .unreadable, file: name, zh: "文件大于 \(limit / 1024 / 1024) MB，拒绝导入", en: "the file is larger than \(limit / 1024 / 1024) MB; refused")
        }
        guard let data = FileManager.default.contents(atPath: path) else {
            throw ImportError(code: .unreadable, file: name, zh: "无法读取", en: "cannot be read")
        }
        return [UInt8](data)
    }
}

/// `zhinan import national`: the national 实施清单 tables into a catalog. Every value the
/// tables hold goes to its element (national codes become the profile's values); what they
/// lack is left as a placeholder. Never invents a value.
public enum NationalImport {
    /// Largest table file read (bytes), and most items.
    public static let maxFileBytes = 256 * 1024 * 1024
    public static let maxItems = 100_000

    /// Reads the tables in `folder` and maps them; throws ``ImportError`` for input that is
    /// not the tables, or cannot be read.
    public static func read(folder: String, profile: ImportProfile) throws -> ImportedCatalog {
        let source = try NationalReader(folder: folder).read()
        var mapper = NationalMapper(source: source, profile: profile)
        return try mapper.catalog()
    }
}

/// Finds and parses the tables.
struct NationalReader {
    var folder: String

    private func path(_ name: String) -> String { (folder.hasSuffix("/") ? folder : folder + "/") + name }

    /// A regular file's bytes (never through a link), bounded.
    private func bytes(_ name: String) throws -> [UInt8]? {
        try SourceFile.bytes(path(name), name: name, limit: NationalImport.maxFileBytes)
    }

    /// The file of `table`: its own name, or with the exchange tables' `up_`/`dn_` prefix.
    private func tableFile(_ table: String) -> String? {
        for prefix in ["", "up_", "dn_"] {
            let name = prefix + table + ".csv"
            var st = stat()
            if lstat(path(name), &st) == 0 { return name }
        }
        return nil
    }

    func read() throws -> NationalSource {
        var isFolder: ObjCBool = false
        guard FileManager.default.fileExists(atPath: folder, isDirectory: &isFolder), isFolder.boolValue else {
            throw ImportError(code: .noSource, file: folder, zh: "没有这个文件夹", en: "no such folder", unusable: true)
        }
        var source = NationalSource()
        if let basicFile = tableFile(NationalSource.tableNames[0]) {
            var tables: [[SourceRow]] = []
            for (i, table) in NationalSource.tableNames.enumerated() {
                guard let file = i == 0 ? basicFile : tableFile(table) else { tables.append([]); continue }
                guard let data = try bytes(file) else { tables.append([]); continue }
                let csv = try CSVTable.parse(data, file: file, maxRows: NationalImport.maxItems * 100)
                tables.append(try NationalSource.rows(of: csv, table: i))
            }
            (source.basic, source.extend, source.material, source.fee, source.questions) = (tables[0], tables[1], tables[2], tables[3], tables[4])
            return source
        }
        // The per-item JSON documents.
        let names = ((try? FileManager.default.contentsOfDirectory(atPath: path("items"))) ?? []).filter { $0.hasSuffix(".json") }.sorted()
        guard !names.isEmpty else {
            throw ImportError(code: .noSource, file: folder,
                              zh: "这里没有国家交换表：应有 task_general_basic.csv 等（export --format national 写出的）或 items/*.json",
                              en: "no national exchange tables here: expected task_general_basic.csv and the others (as export --format national writes them) or items/*.json",
                              unusable: true)
        }
        guard names.count <= NationalImport.maxItems else {
            throw ImportError(code: .unreadable, file: path("items"), zh: "事项多于 \(NationalImport.maxItems) 个，拒绝导入", en: "more than \(NationalImport.maxItems) items; refused")
        }
        for name in names {
            let file = "items/" + name
            guard let data = try bytes(file) else { continue }
            if let problem = TextEncoding.problem(in: data[...], file: file) { throw problem }
            guard let object = (try? JSONSerialization.jsonObject(with: Data(data))) as? [String: Any],
                  let basic = object["basic"] as? [String: Any]
            else {
                throw ImportError(code: .badText, file: file, line: 1, column: 1,
                                  zh: "不是实施清单的 JSON：应为含 basic、extend、materials、fees、questions 的对象",
                                  en: "not a 实施清单 JSON document: expected an object with basic, extend, materials, fees and questions")
            }
            func row(_ any: Any?) -> SourceRow? {
                guard let dict = any as? [String: Any] else { return nil }
                var values: [String: String] = [:]
                for (k, v) in dict {
                    switch v {
                    case let s as String: values[k] = s
                    case let n as NSNumber: values[k] = n.stringValue
                    default: continue
                    }
                }
                return SourceRow(file: file, line: 0, values: values)
            }
            guard let b = row(basic), b["task_code"] != nil else {
                throw ImportError(code: .badText, file: file, zh: "basic 中没有 task_code（实施编码）", en: "basic has no task_code (实施编码)")
            }
            source.basic.append(b)
            let code = b["task_code"]!
            if var e = row(object["extend"]) { e.values["task_code"] = code; source.extend.append(e) }
            for (member, keyPath) in [("materials", \NationalSource.material), ("fees", \NationalSource.fee), ("questions", \NationalSource.questions)] {
                for any in (object[member] as? [Any]) ?? [] {
                    if var r = row(any) { r.values["task_code"] = code; source[keyPath: keyPath].append(r) }
                }
            }
        }
        return source
    }
}
