import Catalog
import Diagnostics

/// The catalog as the national exchange tables expect it (`zhinan export --format national`):
/// `task_general_basic.csv`, `task_general_extend.csv`, `task_general_material.csv`,
/// `task_general_fee_project.csv` and `task_general_questions.csv`, with the field names and
/// national codes of `NATIONAL.md`, and `items/<实施编码>.json` per item holding the same
/// fields nested. Only the public view is exported (no 审查要点, 审批人员, 监督检查).
///
/// National codes are read from ``Catalog/codeSets`` (the profiles' code sets), never from a
/// table here; the few values the standards give no code set for (是否 flags 1/0, 时限单位,
/// 事项状态) are documented in ``NationalTables``. A catalog that does not follow
/// `GB/T 39554.2-2020`, or an item missing a field the tables require (NOT NULL), or a value
/// whose code set gives no national code, is refused with every problem named: nothing is
/// written. Each column's source is documented in `docs/national-export.md`.
public enum NationalExport {
    /// The profile a catalog must follow.
    public static let profile = "GB/T 39554.2-2020"

    /// One file of the export: its path inside the output folder and its bytes.
    public struct File: Sendable, Equatable {
        public var path: String
        public var contents: [UInt8]
    }

    /// The files of the export: the five tables, then one JSON document per item in
    /// 事项编码 order. Throws ``NationalExportError`` for a catalog the tables cannot hold.
    public static func files(_ catalog: Catalog) throws -> [File] {
        let tables = try NationalTables(catalog)
        var files = tables.all.map { File(path: "\($0.name).csv", contents: $0.csv()) }
        for (i, key) in tables.itemKeys.enumerated() {
            var document: [String: JSONValue] = [
                "basic": tables.basic.object(tables.basic.rows[i]),
                "extend": tables.extend.object(tables.extend.rows[i]),
            ]
            let rows = tables.itemRows[i]
            for (table, range, member) in [
                (tables.material, rows.material, "materials"), (tables.fee, rows.fee, "fees"), (tables.questions, rows.questions, "questions"),
            ] {
                document[member] = .array(table.rows[range].map(table.object))
            }
            files.append(File(path: "items/\(key).json", contents: try JSONValue.format(JSONValue.object(document))))
        }
        return files
    }
}

/// Why a catalog cannot be exported to the national tables: every problem, each naming the
/// item, the element (in the standard's words) and the field.
public struct NationalExportError: Error, Equatable, CustomStringConvertible {
    public var problems: [Problem]

    /// One problem.
    public struct Problem: Sendable, Equatable {
        /// `事项编码 事项名称`, or nil for the catalog as a whole.
        public var item: String?
        public var zh: String
        public var en: String
    }

    /// The problems, one a line, in `zh` or English.
    public func message(chinese: Bool) -> String {
        problems.map { p in
            let text = chinese ? p.zh : p.en
            guard let item = p.item else { return text }
            return "\(VisibleText.escaped(item))\(chinese ? "：" : ": ")\(text)"
        }.joined(separator: "\n")
    }

    public var description: String { message(chinese: false) }
}

/// The five tables of one catalog. The column lists, their sources and the values no profile
/// gives a code for:
///
/// - `task_state`: `1` (在用) — zhinan exports the catalog in force; 废止日期 goes to
///   `plan_cancel_date`.
/// - `anticipate_type`, `promise_type` (时限单位, no national code set found): `1` 工作日,
///   `2` 自然日; 即办 is day `0` in unit `1`.
/// - 是否 flags (`is_fee`, `is_online`, `is_entry_center`, `is_express`, `is_pay_online`):
///   `1` 是, `0` 否 (the exchange tables' convention).
/// - `handle_area` (通办范围): its code where the profile gives one, else the name (no national
///   code set was found).
struct NationalTables {
    var basic: Table
    var extend: Table
    var material: Table
    var fee: Table
    var questions: Table
    /// Each item's 实施编码, in item order (the first column of every table but basic).
    var itemKeys: [String]
    /// Each item's rows in the material, fee and questions tables.
    var itemRows: [(material: Range<Int>, fee: Range<Int>, questions: Range<Int>)] = []

    var all: [Table] { [basic, extend, material, fee, questions] }

    /// One table: its file name, columns and rows (a cell per column).
    struct Table {
        var name: String
        var columns: [Column]
        var rows: [[Cell]] = []

        /// RFC 4180 with CRLF line ends and a UTF-8 byte order mark, so that Excel on a
        /// Chinese Windows reads UTF-8 and not GBK; text a spreadsheet would run as a formula
        /// gets a `'` in front (``CSVCell``).
        func csv() -> [UInt8] {
            var out = "\u{FEFF}" + columns.map(\.name).joined(separator: ",") + "\r\n"
            for row in rows {
                out += zip(columns, row).map { column, cell in
                    switch cell {
                    case .text(let s): column.isInteger ? CSVCell.number(s).field : CSVCell.text(s).field
                    case .absent, .uncoded: ""
                    }
                }.joined(separator: ",") + "\r\n"
            }
            return Array(out.utf8)
        }

        /// A row as a JSON object: a column's value, a number for integer columns, null when empty.
        func object(_ row: [Cell]) -> JSONValue {
            .object(Dictionary(uniqueKeysWithValues: zip(columns, row).map { column, cell in
                guard case .text(let s) = cell else { return (column.name, JSONValue.null) }
                return (column.name, column.isInteger ? Int(s).map(JSONValue.integer) ?? .string(s) : .string(s))
            }))
        }
    }

    /// A column: its national field name, the element it comes from (for problems), whether
    /// the tables require it (NOT NULL), and whether it holds an integer.
    struct Column {
        var name: String
        var element: String
        var required = false
        var isInteger = false
    }

    /// A cell: a value, nothing, or a value whose code set gives no national code.
    enum Cell: Equatable {
        case text(String)
        case absent
        case uncoded(value: String, set: String)
    }

    init(_ source: Catalog) throws {
        var problems: [NationalExportError.Problem] = []
        guard source.standards.contains(NationalExport.profile) else {
            throw NationalExportError(problems: [.init(
                item: nil,
                zh: "目录未遵循 \(NationalExport.profile)（实施清单要素和编码）：在 catalog.yaml 的“标准”中加入 \(NationalExport.profile) 并补齐实施清单要素后再导出",
                en: "the catalog does not follow \(NationalExport.profile) (the 实施清单 elements and codes): add it to 标准 in catalog.yaml and fill in the elements it requires, then export again")])
        }
        let catalog = ExportVariant.public.view(of: source)
        let agencies = Dictionary(catalog.agencies.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
        let windows = Dictionary(catalog.windows.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
        let laws = Dictionary(catalog.laws.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
        basic = Table(name: "task_general_basic", columns: Self.basicColumns)
        extend = Table(name: "task_general_extend", columns: Self.extendColumns)
        material = Table(name: "task_general_material", columns: Self.materialColumns)
        fee = Table(name: "task_general_fee_project", columns: Self.feeColumns)
        questions = Table(name: "task_general_questions", columns: Self.questionColumns)
        itemKeys = []
        var seen: Set<String> = []

        for item in catalog.items {
            let who = "\(item.code) \(item.name)"
            let values = ItemValues(catalog: catalog, item: item, agencies: agencies, windows: windows, laws: laws)
            let key = item.national.implementationCode ?? ""
            func add(_ table: inout Table, _ cells: [Cell]) {
                // Every table but basic starts with the link column task_code (checked in basic).
                let isBasic = table.name == "task_general_basic"
                let row = isBasic ? cells : [cell(key)] + cells
                for (column, cell) in zip(table.columns, row).dropFirst(isBasic ? 0 : 1) {
                    switch cell {
                    case .absent where column.required:
                        problems.append(.init(
                            item: who, zh: "缺少\(column.element)（\(table.name).\(column.name) 不能为空）",
                            en: "\(column.element) is missing (\(table.name).\(column.name) may not be empty)"))
                    case .uncoded(let value, let set):
                        problems.append(.init(
                            item: who, zh: "\(column.element)“\(VisibleText.escaped(value))”在代码集“\(set)”中没有国家代码（\(table.name).\(column.name)）；请在标准配置文件中为它写上代码",
                            en: "\(column.element) \"\(VisibleText.escaped(value))\" has no national code in the code set \(set) (\(table.name).\(column.name)); give it one in the profile"))
                    default: break
                    }
                }
                table.rows.append(row)
            }
            let start = (material.rows.count, fee.rows.count, questions.rows.count)
            add(&basic, values.basic)
            add(&extend, values.extend)
            for (i, m) in item.materials.enumerated() { add(&material, values.material(m, order: i + 1)) }
            for f in values.fees { add(&fee, [cell(f.name), cell(f.standard), cell(f.basis), .absent, .absent]) }
            for q in item.national.faqs { add(&questions, [cell(q.question), cell(q.answer)]) }
            itemRows.append((start.0..<material.rows.count, start.1..<fee.rows.count, start.2..<questions.rows.count))
            if let problem = values.codeMismatch { problems.append(.init(item: who, zh: problem.zh, en: problem.en)) }
            if !key.isEmpty {
                if !key.unicodeScalars.allSatisfy({ $0.isASCII && ($0.properties.isAlphabetic || ("0"..."9").contains($0)) }) {
                    problems.append(.init(item: who, zh: "实施编码只能由数字和大写字母组成", en: "实施编码 may hold only digits and capital letters"))
                } else if !seen.insert(key.uppercased()).inserted {
                    problems.append(.init(item: who, zh: "实施编码 \(key) 与另一个事项相同", en: "实施编码 \(key) is also another item's"))
                }
            }
            itemKeys.append(key)
        }
        if !problems.isEmpty { throw NationalExportError(problems: problems) }
    }
}

/// `text` as a cell, absent when nil or empty.
func cell(_ text: String?) -> NationalTables.Cell {
    guard let text, !text.isEmpty else { return .absent }
    return .text(text)
}

extension NationalTables {
    /// The basic table's columns (`task_code` is its fourth).
    static let basicColumns: [Column] = [
        Column(name: "task_name", element: "事项名称", required: true),
        Column(name: "task_type", element: "事项类型", required: true),
        Column(name: "catalog_code", element: "基本编码", required: true),
        Column(name: "task_code", element: "实施编码", required: true),
        Column(name: "task_handle_item", element: "业务办理项编码"),
        Column(name: "task_version", element: "版本", required: true, isInteger: true),
        Column(name: "task_state", element: "事项状态", required: true),
        Column(name: "plan_effective_date", element: "生效日期"),
        Column(name: "plan_cancel_date", element: "废止日期"),
        Column(name: "dept_name", element: "实施机关名称", required: true),
        Column(name: "dept_code", element: "实施机关统一社会信用代码", required: true),
        Column(name: "dept_type", element: "实施主体性质", required: true),
        Column(name: "entrust_name", element: "委托部门"),
        Column(name: "use_level", element: "行使层级", required: true),
        Column(name: "power_source", element: "权力来源", required: true),
        Column(name: "server_type", element: "服务对象", required: true),
        Column(name: "project_type", element: "办件类型", required: true),
        Column(name: "handle_type", element: "办理形式"),
        Column(name: "limit_scene_num", element: "到现场次数", required: true, isInteger: true),
        Column(name: "anticipate_day", element: "法定时限", isInteger: true),
        Column(name: "anticipate_type", element: "法定时限单位"),
        Column(name: "anticipate_explain", element: "法定说明"),
        Column(name: "promise_day", element: "承诺时限", isInteger: true),
        Column(name: "promise_type", element: "承诺时限单位"),
        Column(name: "promise_explain", element: "承诺说明"),
        Column(name: "accept_condition", element: "审批条件"),
        Column(name: "by_law", element: "办理依据"),
        Column(name: "handle_flow", element: "办理流程"),
        Column(name: "special_procedure", element: "特别程序"),
        Column(name: "is_fee", element: "审批收费", required: true),
        Column(name: "fee_basis", element: "收费依据"),
        Column(name: "transact_addr", element: "受理地点", required: true),
        Column(name: "transact_time", element: "办公时间", required: true),
        Column(name: "link_way", element: "咨询", required: true),
        Column(name: "supervise_way", element: "监督投诉", required: true),
    ]

    static let extendColumns: [Column] = [
        Column(name: "task_code", element: "实施编码", required: true),
        Column(name: "is_online", element: "网上办理深度", required: true),
        Column(name: "online_handle_depth", element: "网上办理深度"),
        Column(name: "online_handle_url", element: "网办地址"),
        Column(name: "limit_scene_explain", element: "必须现场办理原因"),
        Column(name: "other_dept", element: "联办机构"),
        Column(name: "service_type", element: "中介服务"),
        Column(name: "result_type", element: "审批结果类型", required: true),
        Column(name: "result_name", element: "审批结果名称"),
        Column(name: "result_guid", element: "审批结果样本"),
        Column(name: "limit_explain", element: "数量限制"),
        Column(name: "handle_area", element: "通办范围"),
        Column(name: "is_entry_center", element: "受理地点", required: true),
        Column(name: "is_express", element: "办理形式和送达方式", required: true),
        Column(name: "is_pay_online", element: "网上缴费", required: true),
        Column(name: "is_schedule", element: "预约办理"),
    ]

    static let materialColumns: [Column] = [
        Column(name: "task_code", element: "实施编码", required: true),
        Column(name: "material_name", element: "材料名称", required: true),
        Column(name: "material_type", element: "材料形式"),
        Column(name: "material_format", element: "材料介质"),
        Column(name: "is_need", element: "材料必要性"),
        Column(name: "source_type", element: "材料来源"),
        Column(name: "source_explain", element: "来源说明"),
        Column(name: "page_num", element: "纸质份数", isInteger: true),
        Column(name: "form_guid", element: "空表"),
        Column(name: "example_guid", element: "样表"),
        Column(name: "fill_explain", element: "填报须知"),
        Column(name: "accept_stand", element: "材料要求"),
        Column(name: "by_law", element: "材料依据"),
        Column(name: "order_num", element: "材料序号", isInteger: true),
    ]

    static let feeColumns: [Column] = [
        Column(name: "task_code", element: "实施编码", required: true),
        Column(name: "fee_name", element: "收费项目", required: true),
        Column(name: "fee_stand", element: "收费标准", required: true),
        Column(name: "by_law", element: "收费依据"),
        Column(name: "is_desc", element: "是否允许减免"),
        Column(name: "desc_explain", element: "减免说明"),
    ]

    static let questionColumns: [Column] = [
        Column(name: "task_code", element: "实施编码", required: true),
        Column(name: "question", element: "常见问题（问）", required: true),
        Column(name: "answer", element: "常见问题（答）", required: true),
    ]
}
