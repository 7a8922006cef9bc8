import Compiler
import Diagnostics
import Foundation
import TestSupport
import Testing

/// A small valid catalog, written to a temporary folder, that tests change one thing at a time.
struct Fixture {
    /// The national identification and handling elements GB/T 39554.2-2020 requires, for
    /// the fixture's item (市级, 行政许可, the fixture agency's credit code).
    static let nationalIdentity = """
        基本编码: "000104002000"
        实施编码: 11440100MB2C1234813000104002000
        行使层级: 市级
        实施主体性质: 法定机关
        权力来源: 法定本级行使
        到现场次数: 1
        必须现场办理原因: 需现场核验设备。
        监督投诉:
          电话: "12345"

        """

    static let catalogYAML = """
        目录名称: 测试目录
        行政区划: "440100"
        标准: [DB44/T 1147-2013, DB44/T 1148-2013]
        内控线: 2/3
        实施机关:
          - 编号: scjgj
            名称: 某某市市场监督管理局
            统一社会信用代码: 11440100MB2C123481
            电话: 020-12345678
        窗口:
          - 编号: jy-1
            名称: 经营类综合受理窗口
            类别: 经营类
            地点: 政务服务中心二楼A区
        法规:
          - 编号: tzsbaqf
            名称: 中华人民共和国特种设备安全法
            层级: 法律
            施行日期: 2014-01-01
        材料库:
          - 编号: yyzz
            名称: 营业执照
            来源: 政府部门核发
            可共享: 是

        """

    /// FORMAT.md's example item, trimmed.
    static let itemYAML = """
        事项名称: 特种设备使用登记
        事项编码: 440100-XK-00012-001
        事项类型: 行政许可
        服务对象: [企业法人, 事业法人]
        实施机关: scjgj
        受理范围: 在本市行政区域内使用特种设备的单位。
        受理地点: [jy-1]
        办理依据:
          - 法规: tzsbaqf
            条款: 第三十三条
        办件类型: 承诺件
        审批条件:
          - 设备已经监督检验合格。
        申请材料:
          - 材料: 特种设备使用登记表
            形式: 原件
            份数: 2
            介质: 纸质或电子
            来源: 申请人自备
            必要性: 必要
            审查要点: 设备代码与监督检验证书一致。
          - 材料库: yyzz
            形式: 复印件
            份数: 1
        办理时限:
          法定: 30个工作日
          承诺: 10个工作日
        审批收费: 不收费
        申请人权利和义务: 申请人依法享有知情权。
        咨询:
          电话: 020-12345678
        办理流程:
          - 环节: 申请
            岗位: 申请人
            下一步: 受理
          - 环节: 受理
            岗位: 综合受理窗口
            时限: 即办
            下一步:
              - 条件: 材料齐全
                转到: 审查
              - 条件: 材料不齐全
                转到: 补正告知
          - 环节: 补正告知
            计时: 否
            下一步: 受理
          - 环节: 审查
            岗位: 审查人员
            时限: 5个工作日
            下一步: 决定
          - 环节: 决定
            岗位: 决定人员
            时限: 3个工作日
            下一步:
              - 条件: 准予
                转到: 送达
              - 条件: 不予
                转到: 不予告知
          - 环节: 送达
            结束: 准予
          - 环节: 不予告知
            结束: 不予
        法律救济:
          行政复议: 六十日内申请行政复议。
          行政诉讼: 六个月内提起行政诉讼。
        审批人员:
          - 岗位: 综合受理窗口
          - 岗位: 审查人员
          - 岗位: 决定人员
        审批进程查询: 凭受理回执编号查询。
        监督检查: 每季度抽查。

        """

    var catalog = catalogYAML
    var items: [String: String] = ["items/a.yaml": itemYAML]
    /// Rule settings (code → 错误, 警告, 提示 or 关闭) the profiles give under 规则.
    var rules: [String: String] = [:]

    /// Replaces `old` (which must occur) in the item `file`.
    mutating func edit(_ old: String, _ new: String, in file: String = "items/a.yaml") {
        precondition(items[file]!.contains(old), "fixture has no \(old)")
        items[file] = items[file]!.replacingOccurrences(of: old, with: new)
    }

    mutating func editCatalog(_ old: String, _ new: String) {
        precondition(catalog.contains(old), "catalog has no \(old)")
        catalog = catalog.replacingOccurrences(of: old, with: new)
    }

    /// Compiles the fixture against the profiles in `standards` (default: the repository's).
    func compile(standards: String = repositoryRoot() + "/standards") throws -> CompilationResult {
        var files = items
        files["catalog.yaml"] = catalog
        let dir = try makeFolder(.text(files))
        let standards = rules.isEmpty ? standards : try standardsWithRules()
        return CatalogCompiler(options: CompileOptions(standards: StandardsLocator(explicit: standards))).compile(folder: dir)
    }

    /// A copy of the repository's standards whose DB44/T 1147 profile gives `rules`.
    private func standardsWithRules() throws -> String {
        let source = repositoryRoot() + "/standards/"
        var files: [String: String] = [:]
        for name in try FileManager.default.contentsOfDirectory(atPath: source) where name.hasSuffix(".yaml") {
            files[name] = try String(contentsOfFile: source + name, encoding: .utf8)
        }
        files["DB44-T-1147-2013.yaml"]! += "规则:\n" + rules.keys.sorted().map { "  \($0): \(rules[$0]!)\n" }.joined()
        return try makeFolder(.text(files))
    }

    /// `CODE@file:line:column` of each diagnostic, with the folder stripped.
    func findings() throws -> [String] {
        try compile().diagnostics.map { d in
            guard let span = d.span else { return d.code }
            let file = span.file.components(separatedBy: "/").suffix(2).joined(separator: "/")
                .replacingOccurrences(of: #"^zhinan-test-[^/]*/"#, with: "", options: .regularExpression)
            return "\(d.code)@\(file):\(span.range.start.line):\(span.range.start.column)"
        }
    }
}

/// A temporary copy of the repository's standards folder with some profiles changed: each
/// entry of `edits` maps a file name to what becomes of its text (a new file's text is "").
func standardsCopy(_ edits: [String: (String) -> String]) throws -> String {
    let standards = repositoryRoot() + "/standards"
    let local = try makeFolder([:])
    for name in try FileManager.default.contentsOfDirectory(atPath: standards) {
        try FileManager.default.copyItem(atPath: standards + "/" + name, toPath: local + "/" + name)
    }
    for (file, edit) in edits {
        let path = local + "/" + file
        try edit((try? String(contentsOfFile: path, encoding: .utf8)) ?? "").write(toFile: path, atomically: true, encoding: .utf8)
    }
    return local
}

/// A copy of the standards folder with `text` appended to the profile `file` (a 规则 section, say).
func standardsCopy(appending text: String, to file: String) throws -> String {
    try standardsCopy([file: { $0 + text }])
}

/// Expects exactly these findings, printing what was found when they differ.
func expectFindings(
    _ fixture: Fixture, _ expected: [String], sourceLocation: Testing.SourceLocation = #_sourceLocation
) throws {
    let found = try fixture.findings()
    #expect(found == expected, sourceLocation: sourceLocation)
}
