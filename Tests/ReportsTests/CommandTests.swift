import Catalog
import Compiler
import Foundation
import Reports
import TestSupport
import Testing

/// `zhinan diff` and `zhinan stats` through the built binary.
@Suite struct CommandTests {
    static let root = repositoryRoot()
    static let standards = root + "/standards"
    static let sample = root + "/catalogs/liwan-yichuang"
    static let foodItem = "items/jingying/shipin-jingying-xuke.yaml"

    /// A copy of the sample catalog in a fresh temporary folder.
    func copyOfSample(into parent: String? = nil, named name: String = "catalog") throws -> String {
        let parent = try parent ?? makeFolder([:])
        let copy = parent + "/" + name
        try FileManager.default.copyItem(atPath: Self.sample, toPath: copy)
        return copy
    }

    /// Replaces `old`, which must occur, in a file.
    func edit(_ file: String, _ old: String, _ new: String, sourceLocation: SourceLocation = #_sourceLocation) throws {
        let text = try String(contentsOfFile: file, encoding: .utf8)
        #expect(text.contains(old), "no \(old) in \(file)", sourceLocation: sourceLocation)
        try text.replacingOccurrences(of: old, with: new).write(toFile: file, atomically: true, encoding: .utf8)
    }

    /// The sample with the food licence's promise shortened (5 → 4 working days), a
    /// condition added and a window's address changed.
    func changeSample(_ folder: String) throws {
        try edit(folder + "/" + Self.foodItem, "  承诺: 5个工作日", "  承诺: 4个工作日")
        try edit(folder + "/" + Self.foodItem, "  - 已取得营业执照等合法主体资格。\n",
                 "  - 已取得营业执照等合法主体资格。\n  - 从业人员持有有效健康证明。\n")
        try edit(folder + "/" + Self.foodItem, "    时限: 2个工作日", "    时限: 1个工作日")
        try edit(folder + "/" + Self.foodItem, "监督检查: ", "监督检查: 内部修改。")
        try edit(folder + "/catalog.yaml", "一楼B区5至9号窗口", "一楼B区5至10号窗口")
    }

    static let expectedNotice = """
        《广州市荔湾区政务服务中心“一窗通办”事项目录（示例）》事项变更公告
        新增事项 0 项，取消事项 0 项，变更事项 1 项，目录信息变更 1 处。

        变更事项（1项）
          440103-XK-00102-001 食品经营许可（新办）
            - 审批条件：新增“从业人员持有有效健康证明。”
            - 办理时限：承诺 由 5个工作日 缩短为 4个工作日（-1个工作日）
            - 办理流程环节“现场核查”：时限 由 2个工作日 缩短为 1个工作日（-1个工作日）

        目录信息变更（1处）
          - 窗口“商事登记综合受理窗口”（jy-1）：地点由“荔湾区政务服务中心一楼B区5至9号窗口”改为“荔湾区政务服务中心一楼B区5至10号窗口”

        """

    // MARK: diff

    @Test func diffTwoFolders() throws {
        let new = try copyOfSample()
        try changeSample(new)
        let r = try runZhinan(["diff", Self.sample, new, "--standards", Self.standards])
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stdout == Self.expectedNotice)
        #expect(!r.stdout.contains("内部修改"))  // 监督检查 is internal

        let staff = try runZhinan(["diff", Self.sample, new, "--standards", Self.standards, "--internal"])
        #expect(staff.stdout.contains("    - 监督检查：由“对承诺免于现场核查取得许可的经营者，"), "\(staff.stdout)")
        #expect(staff.stdout.contains("”改为“内部修改。对承诺免于现场核查取得许可的经营者，"), "\(staff.stdout)")

        let en = try runZhinan(["diff", Self.sample, new, "--standards", Self.standards, "--lang", "en"])
        #expect(en.stdout.contains("    - Time limits: promised shortened from 5 working days to 4 working days (-1 working day)\n"))
    }

    @Test func diffJSONIsTheLibrarysJSON() throws {
        let new = try copyOfSample()
        try changeSample(new)
        let r = try runZhinan(["diff", Self.sample, new, "--standards", Self.standards, "--format", "json"])
        #expect(r.status == 0)
        let compiler = CatalogCompiler(options: CompileOptions(standards: StandardsLocator(explicit: Self.standards)))
        let old = try #require(compiler.compile(folder: Self.sample).catalog).publicView()
        let changed = try #require(compiler.compile(folder: new).catalog).publicView()
        #expect(r.stdout == CatalogDiff.compare(old, changed).json())
        #expect(try JSONSerialization.jsonObject(with: Data(r.stdout.utf8)) is [String: Any])
    }

    @Test func diffOfACatalogWithItselfSaysNothingChanged() throws {
        let r = try runZhinan(["diff", Self.sample, Self.sample, "--standards", Self.standards])
        #expect(r.status == 0)
        #expect(r.stdout.hasSuffix("两个版本之间没有变更。\n"))
    }

    @Test func diffOfABrokenCatalogPrintsItsDiagnosticsAndExits1() throws {
        let new = try copyOfSample()
        try edit(new + "/" + Self.foodItem, "  承诺: 5个工作日", "  承诺: 50个工作日")
        let r = try runZhinan(["diff", Self.sample, new, "--standards", Self.standards])
        #expect(r.status == 1)
        #expect(r.stdout.contains("\(new)/\(Self.foodItem):59:7: error: "))
        #expect(!r.stdout.contains("变更公告"))
        let json = try runZhinan(["diff", Self.sample, new, "--standards", Self.standards, "--format", "json"])
        #expect(json.status == 1 && json.stdout.hasPrefix("{\"version\":1,\"diagnostics\":["))
    }

    @Test func diffUsageAndUnreadableFoldersExit2() throws {
        #expect(try runZhinan(["diff", Self.sample]).status == 2)
        #expect(try runZhinan(["diff", Self.sample, Self.sample, Self.sample]).status == 2)
        let missing = try runZhinan(["diff", Self.sample, "/nonexistent/catalog", "--standards", Self.standards])
        #expect(missing.status == 2)
        #expect(missing.stderr.contains("找不到目录文件夹“/nonexistent/catalog”"))
    }

    // MARK: diff --git

    /// Runs git in `folder`, with an identity so commits work anywhere.
    @discardableResult
    func git(_ arguments: [String], in folder: String) throws -> String {
        var env = ProcessInfo.processInfo.environment
        for (k, v) in ["GIT_AUTHOR_NAME": "t", "GIT_AUTHOR_EMAIL": "t@example.com", "GIT_COMMITTER_NAME": "t",
                       "GIT_COMMITTER_EMAIL": "t@example.com", "GIT_CONFIG_NOSYSTEM": "1", "HOME": folder] {
            env[k] = v
        }
        let r = try runProcess("/usr/bin/env", ["git", "-C", folder] + arguments, environment: env)
        #expect(r.status == 0, "git \(arguments.joined(separator: " ")) failed")
        return r.stdout
    }

    @Test func diffTwoGitRevisions() throws {
        // A repository holding standards/ and catalogs/liwan, committed twice.
        let repo = try makeFolder([:])
        try git(["init", "-q"], in: repo)
        try FileManager.default.copyItem(atPath: Self.standards, toPath: repo + "/standards")
        try FileManager.default.createDirectory(atPath: repo + "/catalogs", withIntermediateDirectories: true)
        let catalog = try copyOfSample(into: repo + "/catalogs", named: "liwan")
        try git(["add", "-A"], in: repo)
        try git(["commit", "-q", "-m", "first"], in: repo)
        try changeSample(catalog)
        try git(["commit", "-q", "-a", "-m", "second"], in: repo)
        // The working tree differs from both: only the revisions count.
        try edit(catalog + "/" + Self.foodItem, "事项名称: 食品经营许可（新办）", "事项名称: 未提交的名称")

        let tmp = try makeFolder([:])
        let r = try runZhinan(["diff", catalog, "--git", "HEAD~1", "HEAD"], environment: ["TMPDIR": tmp])
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stdout == Self.expectedNotice)
        // The extracted revisions are cleaned up.
        #expect(try FileManager.default.contentsOfDirectory(atPath: tmp) == [])

        // Run from inside the catalog with a relative path, as people do.
        let here = try runZhinan(["diff", ".", "--git", "HEAD~1", "HEAD"], in: catalog)
        #expect(here.stdout == Self.expectedNotice)

    }

    @Test func diffGitNamesRevisionsInDiagnostics() throws {
        let repo = try makeFolder([:])
        try git(["init", "-q"], in: repo)
        try FileManager.default.copyItem(atPath: Self.standards, toPath: repo + "/standards")
        let catalog = try copyOfSample(into: repo, named: "liwan")
        try git(["add", "-A"], in: repo)
        try git(["commit", "-q", "-m", "first"], in: repo)
        try edit(catalog + "/" + Self.foodItem, "  承诺: 5个工作日", "  承诺: 50个工作日")
        try git(["commit", "-q", "-a", "-m", "broken"], in: repo)

        let r = try runZhinan(["diff", catalog, "--git", "HEAD~1", "HEAD"])
        #expect(r.status == 1)
        #expect(r.stdout.contains("HEAD:liwan/\(Self.foodItem):59:7: error: "), "\(r.stdout)")
    }

    @Test func diffGitProblemsExit2() throws {
        let notARepository = try copyOfSample()
        let outside = try runZhinan(["diff", notARepository, "--git", "HEAD~1", "HEAD"])
        #expect(outside.status == 2)
        #expect(outside.stderr.contains("不在 git 仓库中"))

        let repo = try makeFolder([:])
        try git(["init", "-q"], in: repo)
        let catalog = try copyOfSample(into: repo, named: "liwan")
        try git(["add", "-A"], in: repo)
        try git(["commit", "-q", "-m", "first"], in: repo)
        let unknown = try runZhinan(["diff", catalog, "--git", "HEAD", "no-such-rev", "--lang", "en"])
        #expect(unknown.status == 2)
        #expect(unknown.stderr.contains("the git repository has no revision \"no-such-rev\""))
        let tooMany = try runZhinan(["diff", catalog, "--git", "HEAD", "HEAD", "HEAD"])
        #expect(tooMany.status == 2)
    }

    // MARK: stats

    @Test func statsOfTheSampleCatalog() throws {
        let compiler = CatalogCompiler(options: CompileOptions(standards: StandardsLocator(explicit: Self.standards)))
        let catalog = try #require(compiler.compile(folder: Self.sample).catalog)
        let stats = CatalogStats.compute(catalog)
        // A few figures read off the sample files: 12 items, three of them 即办件.
        #expect(stats.itemCount == 12)
        #expect(stats.immediateItems == 3)
        #expect(stats.itemsByWindowCategory.map(\.count).reduce(0, +) >= stats.itemCount)

        let html = StatsDashboard(stats: stats, catalog: catalog).html()
        for (format, expected) in [("text", stats.text()), ("json", stats.json()), ("csv", stats.csv()), ("html", html)] {
            let r = try runZhinan(["stats", Self.sample, "--standards", Self.standards, "--format", format])
            #expect(r.status == 0, "\(r.stderr)")
            #expect(r.stdout == expected, "--format \(format)")
        }
        let dated = try runZhinan(["stats", Self.sample, "--standards", Self.standards, "--format", "html"],
                                  environment: ["SOURCE_DATE_EPOCH": "1796205600"])
        #expect(dated.stdout == StatsDashboard(stats: stats, catalog: catalog, buildDate: "2026-12-02").html())
        let bad = try runZhinan(["stats", Self.sample, "--standards", Self.standards, "--format", "html"],
                                environment: ["SOURCE_DATE_EPOCH": "soon"])
        #expect(bad.status == 2 && bad.stdout.isEmpty)
        #expect(bad.stderr.hasPrefix("zhinan: error: 环境变量 SOURCE_DATE_EPOCH 的值“soon”不是自 1970-01-01 起的秒数"))
        let en = try runZhinan(["stats", Self.sample, "--standards", Self.standards, "--lang", "en"])
        #expect(en.stdout == stats.text(language: .en))
        let fromLANG = try runZhinan(["stats", Self.sample, "--standards", Self.standards], environment: ["LANG": "en_US.UTF-8"])
        #expect(fromLANG.stdout == stats.text(language: .en))
    }

    /// The dashboard's national figures for both samples, worked out from their items:
    /// liwan 12 items all declaring 到现场次数 (6 × 0, 6 × 1) and 网上办理深度 (9 reach 互联网受理;
    /// the 6 with 0 visits reach 互联网办理); 行政许可 (0.5 + 0.6 + 0.75 + 1 + 0.5 + 3/7) / 6.
    @Test(arguments: [
        ("liwan-yichuang", [["最多跑一次（到现场次数 ≤ 1）", "12", "12", "100.0%"], ["零跑动（到现场次数为 0）", "6", "12", "50.0%"],
                            ["网上可办（达到互联网受理）", "9", "12", "75.0%"], ["全程网办（达到互联网办理且零跑动）", "6", "12", "50.0%"]],
         [["行政许可", "6", "63.0%"], ["行政给付", "0", "无可比较的事项"], ["行政确认", "0", "无可比较的事项"],
          ["其他行政权力", "0", "无可比较的事项"], ["公共服务", "1", "33.3%"]]),
        ("guangdong-zhijian", [["最多跑一次（到现场次数 ≤ 1）", "14", "14", "100.0%"], ["零跑动（到现场次数为 0）", "12", "14", "85.7%"],
                               ["网上可办（达到互联网受理）", "13", "14", "92.9%"], ["全程网办（达到互联网办理且零跑动）", "12", "14", "85.7%"]],
         [["行政许可", "11", "51.4%"], ["其他行政权力", "0", "无可比较的事项"], ["公共服务", "0", "无可比较的事项"]]),
    ])
    func dashboardOfTheSamplesShowsTheNationalFigures(sample: String, visits: [[String]], byType: [[String]]) throws {
        let r = try runZhinan(["stats", Self.root + "/catalogs/" + sample, "--standards", Self.standards, "--format", "html"])
        #expect(r.status == 0, "\(r.stderr)")
        func rows(_ caption: String) -> [[String]] {
            let body = r.stdout.components(separatedBy: "<caption>\(caption)</caption>").dropFirst().first ?? ""
            return body.components(separatedBy: "</tbody>")[0].components(separatedBy: "\n").filter { $0.hasPrefix("<tr><td") }.map {
                $0.components(separatedBy: "</td>").dropLast().map { String($0.split(separator: ">").last ?? "") }
            }
        }
        #expect(rows("跑动与网办") == visits)
        #expect(rows("按事项类型的时限压缩") == byType)
        let text = try runZhinan(["stats", Self.root + "/catalogs/" + sample, "--standards", Self.standards]).stdout
        #expect(text.contains("  最多跑一次（到现场次数 ≤ 1）：\(visits[0][1]) 项，占 \(visits[0][3])\n"))
        #expect(text.contains("  全程网办（网上办理深度达到互联网办理且到现场次数为 0）：\(visits[3][1]) 项，占 \(visits[3][3])\n"))
    }

    @Test func statsOfABrokenCatalogExits1AndOfNothing2() throws {
        let broken = try copyOfSample()
        try edit(broken + "/" + Self.foodItem, "  承诺: 5个工作日", "  承诺: 50个工作日")
        let r = try runZhinan(["stats", broken, "--standards", Self.standards, "--format", "csv"])
        #expect(r.status == 1)
        #expect(r.stdout.contains(": error: "))
        #expect(try runZhinan(["stats", "/nonexistent/catalog"]).status == 2)
        #expect(try runZhinan(["stats", Self.sample, "--format", "xml"]).status == 2)
    }
}
