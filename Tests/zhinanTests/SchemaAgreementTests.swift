import Foundation
import TestSupport
import Testing

/// `zhinan schema` and `zhinan check` agree wherever the schema claims to check: over a
/// corpus of items that each differ from a valid sample item in one way, the schema
/// rejects an item exactly when check finds an error of a kind the schema covers
/// (structure, type, form, required, code set), and never rejects one check passes.
///
/// What the schema cannot see is left out of the claim: references to catalog.yaml, the
/// flow graph, time rules, placeholders, and the spelling of values YAML reads as numbers
/// (JSON keeps `12345`, not `012345` or `12345.0`).
@Suite struct SchemaAgreementTests {
    /// The codes of the findings the schema claims to make too.
    static let covered: Set<String> = [
        "ZN301", "ZN302", "ZN303", "ZN421", "ZN304", "ZN306", "ZN307", "ZN308",
        "ZN401", "ZN402", "ZN405", "ZN406", "ZN407", "ZN411", "ZN504", "ZN830", "ZN832", "ZN833",
    ]

    /// The valid sample item every case is made from.
    static let base = "items/jingying/shipin-jingying-xuke.yaml"
    static let baseCode = "440103-XK-00102-001"

    /// One case: what it changes, the errors check must find (none for a valid variant),
    /// and the change, made to the item's text (whose code is `code`).
    struct Case: Sendable {
        var name: String
        var errors: [String]
        var change: @Sendable (_ text: String, _ code: String) -> String
    }

    /// Replaces the first `old` (which must occur).
    static func replace(_ old: String, _ new: String) -> @Sendable (String, String) -> String {
        { text, _ in
            precondition(text.contains(old), "the sample has no \(old)")
            return text.replacingOccurrences(of: old, with: new, range: text.range(of: old))
        }
    }

    /// Replaces the top-level element `name` (its line and the indented lines under it).
    static func element(_ name: String, _ new: String) -> @Sendable (String, String) -> String {
        { text, _ in
            var lines = text.components(separatedBy: "\n")
            let start = lines.firstIndex { $0.hasPrefix(name + ":") }!
            var end = start + 1
            while end < lines.count, lines[end].hasPrefix(" ") { end += 1 }
            lines.replaceSubrange(start..<end, with: new.isEmpty ? [] : [new])
            return lines.joined(separator: "\n")
        }
    }

    static func append(_ more: String) -> @Sendable (String, String) -> String { { text, _ in text + more } }

    /// A 情形 question (`编号: id`, `选项: options`) appended, and 授权委托书 under `适用情形: applies`.
    static func scenario(
        id: String = "agent", options: String = "[本人办理, 委托他人办理]", applies: String = "{agent: 委托他人办理}"
    ) -> @Sendable (String, String) -> String {
        { text, code in
            let question = "情形:\n  - 编号: \(id)\n    问题: 是否委托他人办理？\n    选项: \(options)\n"
            return replace("    条件: 委托他人办理的\n", "    条件: 委托他人办理的\n    适用情形: \(applies)\n")(text, code) + question
        }
    }

    static let corpus: [Case] = [
        // Elements
        Case(name: "an unknown element", errors: ["ZN302"], change: append("办理时间限制: 5个工作日\n")),
        Case(name: "an element under its name and its synonym", errors: ["ZN306"],
             change: append("审批时间:\n  法定: 10个工作日\n  承诺: 5个工作日\n")),
        Case(name: "a required element left out", errors: ["ZN301"], change: element("受理范围", "")),
        Case(name: "a required text empty", errors: ["ZN301"], change: element("事项名称", "事项名称: \"\"")),
        Case(name: "a required text of spaces", errors: ["ZN301"], change: element("事项名称", "事项名称: \"   \"")),
        Case(name: "a required text with nothing after it", errors: ["ZN301"], change: element("事项名称", "事项名称:")),
        Case(name: "a number where text belongs", errors: ["ZN411"], change: element("事项名称", "事项名称: 12345")),
        Case(name: "a boolean where text belongs", errors: ["ZN411"], change: element("事项名称", "事项名称: true")),
        Case(name: "a list where text belongs", errors: ["ZN303"], change: element("事项名称", "事项名称: [食品, 经营]")),
        Case(name: "a quoted number as text", errors: [], change: element("事项名称", "事项名称: \"12345\"")),
        Case(name: "text written as a block", errors: [],
             change: element("受理范围", "受理范围: |\n  经营场所在荔湾区行政区域内的申请人。")),
        Case(name: "a traditional spelling of an element", errors: [], change: replace("申请材料:", "申請材料:")),
        Case(name: "the manual's name of 办理时限", errors: [], change: replace("办理时限:", "审批时间:")),
        Case(name: "a list instead of a mapping of elements", errors: ["ZN303"], change: { _, _ in "- 事项名称: 食品经营许可\n" }),
        // Code sets
        Case(name: "a value outside its code set", errors: ["ZN304"], change: element("事项类型", "事项类型: 行政审批")),
        Case(name: "a code written as a block", errors: ["ZN421"], change: element("事项类型", "事项类型: |\n  行政许可")),
        Case(name: "a required code with nothing after it", errors: ["ZN301"], change: element("办件类型", "办件类型:")),
        Case(name: "a code list entry outside its code set", errors: ["ZN304"], change: element("服务对象", "服务对象: [自然人, 外国人]")),
        Case(name: "a code list as one value", errors: [], change: element("服务对象", "服务对象: 企业法人")),
        Case(name: "an optional code list empty", errors: [], change: element("服务对象", "服务对象: []")),
        Case(name: "an optional code list with nothing after it", errors: [], change: element("服务对象", "服务对象:")),
        Case(name: "a code list with an empty entry", errors: ["ZN303"], change: element("办理形式", "办理形式:\n  - 窗口\n  -")),
        Case(name: "a code list as a mapping", errors: ["ZN303"], change: element("办理形式", "办理形式:\n  窗口: 是")),
        // 事项编码
        Case(name: "a malformed 事项编码", errors: ["ZN407"], change: element("事项编码", "事项编码: XK-12")),
        Case(name: "事项编码 written as a block", errors: ["ZN421"], change: { text, code in element("事项编码", "事项编码: |\n  \(code)")(text, code) }),
        Case(name: "事项编码 folded onto one line", errors: [], change: { text, code in element("事项编码", "事项编码: >-\n  \(code)")(text, code) }),
        Case(name: "事项编码 as a number", errors: ["ZN411"], change: element("事项编码", "事项编码: 4401030010200")),
        // Lists
        Case(name: "a required list empty", errors: ["ZN301"], change: element("受理地点", "受理地点: []")),
        Case(name: "one window instead of a list", errors: [], change: element("受理地点", "受理地点: zh-1")),
        Case(name: "an unknown window", errors: ["ZN501"], change: element("受理地点", "受理地点: [jy-2, zh-9]")),
        Case(name: "a required text list empty", errors: ["ZN301"], change: element("审批条件", "审批条件: []")),
        Case(name: "one condition instead of a list", errors: [], change: element("审批条件", "审批条件: 已取得营业执照等合法主体资格。")),
        Case(name: "conditions as a mapping", errors: ["ZN303"], change: element("审批条件", "审批条件:\n  条件一: 已取得营业执照")),
        Case(name: "a condition left empty", errors: ["ZN303"], change: element("审批条件", "审批条件:\n  -\n  - 已取得营业执照等合法主体资格。")),
        Case(name: "办理依据 empty", errors: ["ZN301"], change: element("办理依据", "办理依据: []")),
        Case(name: "a legal basis without its law", errors: ["ZN307"], change: replace("  - 法规: spjyxk\n    内容:", "  - 内容:")),
        Case(name: "an article number written as a number", errors: [], change: replace("    条款: 第三十五条", "    条款: 35")),
        // Materials
        Case(name: "申请材料 empty", errors: ["ZN301"], change: element("申请材料", "申请材料: []")),
        Case(name: "a material with neither a name nor a library id", errors: ["ZN504"],
             change: replace("  - 材料库: yyzz\n    必要性: 必要\n", "  - 必要性: 必要\n")),
        Case(name: "份数 of 0", errors: ["ZN402"], change: replace("    份数: 1\n", "    份数: 0\n")),
        Case(name: "份数 quoted", errors: ["ZN402"], change: replace("    份数: 1\n", "    份数: \"1\"\n")),
        Case(name: "份数 over a million", errors: ["ZN402"], change: replace("    份数: 1\n", "    份数: 1000001\n")),
        Case(name: "形式 outside its code set", errors: ["ZN304"], change: replace("    形式: 原件\n", "    形式: 原本\n")),
        Case(name: "an unknown field in a material", errors: ["ZN308"], change: replace("    份数: 1\n", "    份数: 1\n    页数: 2\n")),
        Case(name: "an optional field with nothing after it", errors: [],
             change: replace("    要求: 可先行受理，在现场核查时补交。", "    要求:")),
        // Time limits
        Case(name: "办理时限 as text", errors: ["ZN303"], change: element("办理时限", "办理时限: 5个工作日")),
        Case(name: "a time limit in words", errors: ["ZN401"], change: replace("  法定: 10个工作日", "  法定: 十个工作日")),
        Case(name: "a time limit of 0 days", errors: ["ZN401"], change: replace("  承诺: 5个工作日", "  承诺: 0个工作日")),
        Case(name: "a time limit over 100,000 days", errors: ["ZN401"], change: replace("  承诺: 5个工作日", "  承诺: 100001日")),
        Case(name: "a time limit as a number", errors: ["ZN401"], change: replace("  承诺: 5个工作日", "  承诺: 5")),
        Case(name: "a required field empty", errors: ["ZN307"], change: replace("  承诺: 5个工作日", "  承诺: \"\"")),
        Case(name: "a required field left out", errors: ["ZN307"], change: replace("  承诺: 5个工作日\n", "")),
        Case(name: "a time limit between spaces", errors: [], change: replace("  承诺: 5个工作日", "  承诺: \" 5个工作日 \"")),
        Case(name: "a time limit written as a block", errors: ["ZN421"], change: replace("  承诺: 5个工作日", "  承诺: |\n    5个工作日")),
        // Fees
        Case(name: "审批收费 免费", errors: [], change: element("审批收费", "审批收费: 免费")),
        Case(name: "审批收费 as other text", errors: ["ZN303"], change: element("审批收费", "审批收费: 收费")),
        Case(name: "审批收费 an empty list", errors: ["ZN301"], change: element("审批收费", "审批收费: []")),
        Case(name: "a fee without its standard", errors: ["ZN307"], change: element("审批收费", "审批收费:\n  - 项目: 工本费")),
        Case(name: "a fee's standard written as a number", errors: [], change: element("审批收费", "审批收费:\n  - 项目: 工本费\n    标准: 10")),
        // 咨询
        Case(name: "咨询 empty", errors: ["ZN301"], change: element("咨询", "咨询: {}")),
        Case(name: "a phone number with an extension", errors: [], change: replace("  电话: 020-12346101", "  电话: 020-38920920转8001")),
        Case(name: "two phone numbers", errors: [], change: replace("  电话: 020-12346101", "  电话: 020-12346101、12345")),
        Case(name: "a service number written as a number", errors: [], change: replace("  电话: 020-12346101", "  电话: 12345")),
        Case(name: "a mobile number written as a number", errors: [], change: replace("  电话: 020-12346101", "  电话: 13812345678")),
        Case(name: "a phone number in words", errors: ["ZN405"], change: replace("  电话: 020-12346101", "  电话: 请拨打热线")),
        Case(name: "a malformed phone number", errors: ["ZN405"], change: replace("  电话: 020-12346101", "  电话: 12-34")),
        Case(name: "a website that is not http(s)", errors: ["ZN406"], change: replace("  地址: 荔湾区", "  网址: ftp://example.invalid\n  地址: 荔湾区")),
        Case(name: "a website with a space", errors: ["ZN406"], change: replace("  地址: 荔湾区", "  网址: \"https://www.gd.gov.cn/a b\"\n  地址: 荔湾区")),
        Case(name: "a website in capitals", errors: [], change: replace("  地址: 荔湾区", "  网址: HTTPS://WWW.GD.GOV.CN\n  地址: 荔湾区")),
        Case(name: "a website with nothing after https://", errors: ["ZN406"], change: replace("  地址: 荔湾区", "  网址: https://\n  地址: 荔湾区")),
        // 办理流程
        Case(name: "办理流程 empty", errors: ["ZN301"], change: element("办理流程", "办理流程: []")),
        Case(name: "an unknown field in a step", errors: ["ZN308"], change: replace("    岗位: 申请人\n", "    岗位: 申请人\n    期限: 1日\n")),
        Case(name: "a step without its name", errors: ["ZN307"], change: replace("  - 环节: 申请\n    岗位: 申请人", "  - 岗位: 申请人")),
        Case(name: "计时 neither 是 nor 否", errors: ["ZN303", "ZN705"], change: replace("    计时: 否", "    计时: 也许")),
        Case(name: "计时 as a boolean", errors: [], change: replace("    计时: 否", "    计时: false")),
        Case(name: "结束 outside its code set", errors: ["ZN304", "ZN703"], change: replace("    结束: 不予", "    结束: 否决")),
        Case(name: "下一步 as a list of names", errors: [], change: replace("    下一步: 前台收件", "    下一步: [前台收件]")),
        Case(name: "an end with an empty 下一步", errors: [], change: replace("    结束: 准予", "    结束: 准予\n    下一步: []")),
        Case(name: "a step's time limit in words", errors: ["ZN401"], change: replace("    时限: 即办\n", "    时限: 当场\n")),
        // The other elements
        Case(name: "法律救济 empty", errors: ["ZN301"], change: element("法律救济", "法律救济: {}")),
        Case(name: "a certificate without its name", errors: ["ZN307"], change: replace("  名称: 食品经营许可证\n", "")),
        Case(name: "an optional element with nothing after it", errors: [], change: element("审批证件", "审批证件:")),
        Case(name: "a certificate's term written as a number", errors: [], change: replace("  有效期: 5年", "  有效期: 5")),
        Case(name: "审批人员 empty", errors: ["ZN301", "ZN801"], change: element("审批人员", "审批人员: []")),
        Case(name: "an unknown field in a role", errors: ["ZN308"], change: replace("    资格: 取得", "    资质: 取得")),
        Case(name: "an internal element empty", errors: ["ZN301"], change: element("监督检查", "监督检查: \"\"")),
        // 情形: a question, and 授权委托书 only for those who send an agent.
        Case(name: "a 情形 question and a material under it", errors: [], change: scenario()),
        Case(name: "情形 options written as numbers", errors: [],
             change: scenario(options: "[1, 2]", applies: "{agent: 2}")),
        Case(name: "a 情形 编号 written as a number", errors: [], change: scenario(id: "1", applies: "{1: 委托他人办理}")),
        Case(name: "a 情形 question with one option", errors: ["ZN832"],
             change: scenario(options: "[委托他人办理]")),
        Case(name: "a 情形 option written twice", errors: ["ZN833"],
             change: scenario(options: "[本人办理, 本人办理, 委托他人办理]")),
        Case(name: "a 情形 编号 not in ASCII", errors: ["ZN830"], change: scenario(id: "代理", applies: "{代理: 委托他人办理}")),
        Case(name: "适用情形 empty", errors: ["ZN303"], change: scenario(applies: "{}")),
        Case(name: "适用情形 with nothing after it", errors: ["ZN303"], change: scenario(applies: "")),
        // Found by check alone: the schema does not claim it.
        Case(name: "办件类型 that contradicts the promise", errors: ["ZN603"], change: element("办件类型", "办件类型: 即办件")),
    ]

    /// The corpus written into a copy of the sample catalog, one file a case.
    static func corpusCatalog() throws -> (folder: String, files: [String]) {
        let folder = try makeFolder([:]) + "/liwan-yichuang"
        // The Liwan sample as it was before it followed GB/T 39554.2-2020 (kept for
        // UnchangedCatalogTests): the corpus's cases are written against that text.
        try FileManager.default.copyItem(atPath: TestSupport.folder() + "/Golden/unchanged/catalogs/liwan-yichuang", toPath: folder)
        let text = try String(contentsOfFile: folder + "/" + base, encoding: .utf8)
        try FileManager.default.createDirectory(atPath: folder + "/items/corpus", withIntermediateDirectories: true)
        var files: [String] = []
        for (i, c) in corpus.enumerated() {
            let code = "440103-XK-9\(String(format: "%04d", i))-001"
            let path = folder + "/items/corpus/\(String(format: "%02d", i)).yaml"
            try c.change(text.replacingOccurrences(of: baseCode, with: code), code).write(toFile: path, atomically: true, encoding: .utf8)
            files.append(path)
        }
        return (folder, files)
    }

    @Test func theCorpusIsLargeAndEachCaseChangesTheItem() {
        #expect(Self.corpus.count >= 40)
        #expect(Set(Self.corpus.map(\.name)).count == Self.corpus.count)
    }

    @Test(.enabled(if: pythonHasJSONSchemaAndYAML, "python3 with jsonschema and PyYAML is not installed; the schema cannot be run"))
    func schemaAndCheckAgreeOnEverySingleFault() throws {
        let (folder, files) = try Self.corpusCatalog()
        let schemaFile = folder + "/../item.schema.json"
        let schema = try runZhinan(["schema", folder, "-o", schemaFile])
        #expect(schema.status == 0, "\(schema.stderr)")
        let check = try runZhinan(["check", folder, "--format", "json"])
        let report = try #require(try JSONSerialization.jsonObject(with: Data(check.stdout.utf8)) as? [String: Any])
        let diagnostics = try #require(report["diagnostics"] as? [[String: Any]])
        var errors: [String: [String]] = [:]
        for d in diagnostics where d["severity"] as? String == "error" {
            errors[d["file"] as? String ?? "", default: []].append(d["code"] as? String ?? "")
        }
        let validation = try runPython([repositoryRoot() + "/Scripts/validate-schema.py", "--schema", schemaFile] + files)
        #expect(validation.status == 0, "\(validation.stderr)")
        let rejected = try #require(try JSONSerialization.jsonObject(with: Data(validation.stdout.utf8)) as? [String: [String]])

        var agreed = 0
        for (c, file) in zip(Self.corpus, files) {
            let found = errors[file] ?? []
            let why = rejected[file] ?? []
            #expect(Set(found) == Set(c.errors), "\(c.name): check found \(found)")
            if !why.isEmpty {
                #expect(!found.isEmpty, "\(c.name): the schema rejects it (\(why)), check finds no error")
            }
            if !Set(found).isDisjoint(with: Self.covered) {
                #expect(!why.isEmpty, "\(c.name): check finds \(found), the schema accepts it")
            }
            if (why.isEmpty || !found.isEmpty) && (why.isEmpty == false || Set(found).isDisjoint(with: Self.covered)) { agreed += 1 }
        }
        #expect(agreed == Self.corpus.count)
        // The sample's own files are untouched and clean.
        #expect(errors.keys.filter { !$0.contains("/items/corpus/") }.isEmpty)
    }
}
