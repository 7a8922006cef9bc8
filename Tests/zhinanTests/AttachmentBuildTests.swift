import Catalog
import Foundation
import TestSupport
import Testing

/// The files items name (空表, 样表, 审批结果's 样本, GB/T 39554.2-2020) reach the built site
/// at attachments/<path>, public and internal, and nothing outside the catalog does.
@Suite struct AttachmentBuildTests {
    /// A profile of a test locality on top of the national one, with materials.
    static let profile = """
        编号: TEST/T 1-2026
        名称: 附件测试
        继承: GB/T 39554.2-2020
        要素:
          - 名称: 申请材料
            键: materials
            类型: 材料列表

        """

    static let catalog = """
        目录名称: 附件测试目录
        行政区划: "440103"
        标准: [TEST/T 1-2026]

        """

    static let item = """
        事项名称: 特种设备使用登记
        事项编码: 440103-XK-00001-001
        事项类型: 行政许可
        申请材料:
          - 材料: 特种设备使用登记表
            原件份数: 1
            复印件份数: 2
            空表: forms/登记表.docx
            样表: forms/样表/登记表样表.pdf
        审批结果:
          类型: 证照
          名称: 特种设备使用登记证
          样本: samples/登记证.pdf
          送达方式: [窗口领取]
        基本编码: "000104001000"
        实施编码: 11440100MB2C1234814000104001000
        行使层级: 县级
        实施主体性质: 法定机关
        权力来源: 法定本级行使
        到现场次数: 0
        监督投诉:
          电话: "12345"

        """

    /// A catalog folder with the item, its files, and a standards folder with the test profile.
    static func setUp(files: [String: String] = [:]) throws -> (catalog: String, standards: String) {
        var all = ["catalog.yaml": catalog, "items/a.yaml": item, "forms/登记表.docx": "DOCX", "forms/样表/登记表样表.pdf": "PDF-1"]
        all["samples/登记证.pdf"] = "SAMPLE"
        all.merge(files) { _, new in new }
        let dir = try makeFolder(.text(all))
        let standards = try makeFolder([:])
        for name in try FileManager.default.contentsOfDirectory(atPath: repositoryRoot() + "/standards") where name.hasSuffix(".yaml") {
            try FileManager.default.copyItem(atPath: repositoryRoot() + "/standards/" + name, toPath: standards + "/" + name)
        }
        try profile.write(toFile: standards + "/TEST-T-1-2026.yaml", atomically: true, encoding: .utf8)
        return (dir, standards)
    }

    static func read(_ path: String) -> String? { try? String(contentsOfFile: path, encoding: .utf8) }

    @Test func attachmentsArePublishedAndFollowChanges() throws {
        let (catalog, standards) = try Self.setUp()
        let out = try makeFolder([:]) + "/site"
        let r = try runZhinan(["build", catalog, "-o", out, "--standards", standards])
        #expect(r.status == 0, "\(r.stdout)\(r.stderr)")
        for root in ["public", "internal"] {
            #expect(Self.read("\(out)/\(root)/attachments/forms/登记表.docx") == "DOCX")
            #expect(Self.read("\(out)/\(root)/attachments/forms/样表/登记表样表.pdf") == "PDF-1")
            #expect(Self.read("\(out)/\(root)/attachments/samples/登记证.pdf") == "SAMPLE")
        }
        // Only the files named are published: nothing else of the catalog folder.
        #expect(Self.read("\(out)/public/attachments/items/a.yaml") == nil)
        #expect(Self.read("\(out)/public/attachments/catalog.yaml") == nil)
        // The YAML is unchanged but a file is not: the next build copies it again.
        try "PDF-2".write(toFile: catalog + "/forms/样表/登记表样表.pdf", atomically: true, encoding: .utf8)
        let again = try runZhinan(["build", catalog, "-o", out, "--standards", standards])
        #expect(again.status == 0, "\(again.stdout)\(again.stderr)")
        #expect(Self.read("\(out)/public/attachments/forms/样表/登记表样表.pdf") == "PDF-2")
    }

    @Test func aLinkLeavingTheCatalogIsNotPublished() throws {
        let secret = try makeFolder(.text(["secret.pdf": "SECRET"]))
        let (catalog, standards) = try Self.setUp()
        try FileManager.default.removeItem(atPath: catalog + "/samples/登记证.pdf")
        try FileManager.default.createSymbolicLink(atPath: catalog + "/samples/登记证.pdf", withDestinationPath: secret + "/secret.pdf")
        let out = try makeFolder([:]) + "/site"
        let r = try runZhinan(["build", catalog, "-o", out, "--standards", standards])
        #expect(r.status == 1)
        #expect(r.stdout.contains("[ZN506]") || r.stderr.contains("[ZN506]"), "\(r.stdout)\(r.stderr)")
        #expect(!FileManager.default.fileExists(atPath: out))
    }

    @Test func aMissingAttachmentIsAnErrorAtItsLine() throws {
        let (catalog, standards) = try Self.setUp()
        try FileManager.default.removeItem(atPath: catalog + "/forms/登记表.docx")
        let r = try runZhinan(["check", catalog, "--standards", standards, "--lang", "en"])
        #expect(r.status == 1)
        #expect((r.stdout + r.stderr).contains("items/a.yaml:8:9: error: 空表 \"forms/登记表.docx\" does not exist in the catalog folder"), "\(r.stdout)\(r.stderr)")
    }

    /// A file over the limit is an error at its line, and no site is written. (A sparse
    /// file: its size is what counts, not the disk it takes.)
    @Test func anAttachmentOverTheLimitIsAnError() throws {
        let (catalog, standards) = try Self.setUp()
        let big = catalog + "/samples/登记证.pdf"
        #expect(truncate(big, off_t(Attachments.maxBytes + 1)) == 0)
        let out = try makeFolder([:]) + "/site"
        let r = try runZhinan(["build", catalog, "-o", out, "--standards", standards, "--lang", "en"])
        #expect(r.status == 1)
        #expect((r.stdout + r.stderr).contains("error: 样本 \"samples/登记证.pdf\" is 20.0 MB, over the site's limit of 20 MB for an attachment"), "\(r.stdout)\(r.stderr)")
        #expect((r.stdout + r.stderr).contains("[ZN508]"))
        #expect(!FileManager.default.fileExists(atPath: out))
        // At the limit it is published.
        #expect(truncate(big, off_t(Attachments.maxBytes)) == 0)
        #expect(try runZhinan(["build", catalog, "-o", out, "--standards", standards]).status == 0)
    }
}
