import Foundation
import TestSupport
import Testing

/// `zhinan build` end to end, through the built binary.
@Suite struct BuildCommandTests {
    func files(under root: String) throws -> [String: Data] {
        var out: [String: Data] = [:]
        let fm = FileManager.default
        let e = fm.enumerator(atPath: root)
        while let p = e?.nextObject() as? String {
            var isDir: ObjCBool = false
            if fm.fileExists(atPath: root + "/" + p, isDirectory: &isDir), !isDir.boolValue {
                out[p] = fm.contents(atPath: root + "/" + p)
            }
        }
        return out
    }

    /// The files `zhinan build` writes for the sample catalog `name`, by path under OUT.
    func builtSample(_ name: String) throws -> [String: Data] {
        let out = try makeFolder([:]) + "/site"
        let r = try runZhinan(["build", "catalogs/" + name, "-o", out, "--lang", "en"], in: repositoryRoot())
        #expect(r.status == 0, "\(r.stdout)\(r.stderr)")
        return try files(under: out)
    }

    @Test(arguments: ["guangdong-zhijian", "liwan-yichuang"])
    func buildsTheSampleWithNothingInternalInPublic(name: String) throws {
        let all = try builtSample(name)
        #expect(all.keys.contains("public/index.html"))
        #expect(all.keys.contains { $0.hasPrefix("internal/items/") && $0.hasSuffix("/manual.html") })
        // Every internal text of the catalog: 审批人员 duties, 审查要点, 监督检查.
        let sources = try files(under: repositoryRoot() + "/catalogs/" + name + "/items")
        var secrets: Set<String> = []
        for (_, data) in sources {
            let text = String(decoding: data, as: UTF8.self)
            for line in text.split(separator: "\n") {
                for key in ["审查要点: ", "监督检查: ", "职责: "] where line.contains(key) {
                    let value = line.components(separatedBy: key)[1].trimmingCharacters(in: .whitespaces)
                    if value.count >= 8 { secrets.insert(value) }
                }
            }
        }
        #expect(secrets.count > 5)
        // The stats dashboard is for staff: internal/stats.html, linked from the internal index.
        #expect(all.keys.contains("internal/stats.html"))
        #expect(!all.keys.contains("public/stats.html"))
        #expect(String(decoding: all["internal/stats.html"] ?? Data(), as: UTF8.self).contains("<svg class=\"chart\""))
        #expect(String(decoding: all["internal/index.html"] ?? Data(), as: UTF8.self).contains("<a href=\"stats.html\">"))
        #expect(!String(decoding: all["public/index.html"] ?? Data(), as: UTF8.self).contains("stats.html"))
        for (path, data) in all where path.hasPrefix("public/") {
            let text = String(decoding: data, as: UTF8.self)
            for secret in secrets { #expect(!text.contains(secret), "\(path) shows internal text: \(secret)") }
        }
        let manuals = all.filter { $0.key.hasPrefix("internal/") }.map { String(decoding: $0.value, as: UTF8.self) }.joined()
        #expect(secrets.allSatisfy { manuals.contains($0) })
    }

    /// Every page of the built site, bundle guides included, and every link between them:
    /// each relative `href` or `src` of every HTML page leads to a file of the output.
    @Test(arguments: ["guangdong-zhijian", "liwan-yichuang"])
    func everyLinkOfTheBuiltSiteLeadsToAFile(name: String) throws {
        let all = try builtSample(name)
        let bundleFiles = (try? FileManager.default.contentsOfDirectory(atPath: repositoryRoot() + "/catalogs/" + name + "/bundles")) ?? []
        let bundlePages = all.keys.filter { $0.hasPrefix("public/bundles/") }
        #expect(bundlePages.count == 2 * bundleFiles.count { $0.hasSuffix(".yaml") }, "\(bundlePages.sorted())")
        if name == "liwan-yichuang" { #expect(bundlePages.count >= 4) }

        let link = try NSRegularExpression(pattern: #"(?:href|src)="([^"]*)""#)
        var checked = 0
        for (path, data) in all where path.hasSuffix(".html") {
            let html = String(decoding: data, as: UTF8.self)
            let folder = (path as NSString).deletingLastPathComponent
            for match in link.matches(in: html, range: NSRange(html.startIndex..., in: html)) {
                var target = String(html[Range(match.range(at: 1), in: html)!])
                if target.isEmpty || target.hasPrefix("#") || target.contains(":") { continue }
                target = String(target.prefix { $0 != "#" && $0 != "?" })
                if target.hasSuffix("/") || target.isEmpty { target += "index.html" }
                var parts: [Substring] = []
                for part in (folder + "/" + target).split(separator: "/") where part != "." {
                    if part == ".." { _ = parts.popLast() } else { parts.append(part) }
                }
                let resolved = parts.joined(separator: "/")
                #expect(all[resolved] != nil, "\(path) links to \(target), which the build did not write")
                checked += 1
            }
        }
        #expect(checked > 100)
    }

    /// How time limits are counted is the catalog's to say (时限说明 in catalog.yaml): without
    /// it no guide or bundle page claims anything about it; with it every one prints it.
    @Test func theTimeLimitNoteIsWhatTheCatalogSays() throws {
        let catalog = try makeFolder([:]) + "/catalog"
        try FileManager.default.copyItem(atPath: repositoryRoot() + "/catalogs/liwan-yichuang", toPath: catalog)
        let standards = repositoryRoot() + "/standards"
        let pages = ["public/items/440103-XK-00102-001/index.html", "public/bundles/440103-YJS-001/index.html"]
        func build() throws -> [String] {
            let out = try makeFolder([:]) + "/site"
            let r = try runZhinan(["build", catalog, "-o", out, "--standards", standards])
            #expect(r.status == 0, "\(r.stdout)\(r.stderr)")
            return pages.map { (try? String(contentsOfFile: out + "/" + $0, encoding: .utf8)) ?? "" }
        }
        for page in try build() {
            #expect(page.contains("<h2>办理时限</h2>") || page.contains("承诺办结时限"))
            #expect(!page.contains("不计时环节"))
            #expect(!page.contains("受理之日起计算"))
        }
        let note = "办理时限自受理之日起计算；依法需要听证、招标、拍卖、检验、检测、检疫、鉴定和专家评审的，所需时间不计算在办理时限内（《中华人民共和国行政许可法》第四十五条）。"
        let yaml = try String(contentsOfFile: catalog + "/catalog.yaml", encoding: .utf8)
        try yaml.replacingOccurrences(of: "内控线: 2/3\n", with: "内控线: 2/3\n时限说明: \(note)\n")
            .write(toFile: catalog + "/catalog.yaml", atomically: true, encoding: .utf8)
        for page in try build() {
            #expect(page.contains("<p class=\"note\">\(note)"), "\(page)")
        }
        // The exports carry it as the catalog's timeLimitNote (meta time_limit_note in SQLite).
        for format in ["json", "xml", "sqlite"] {
            let file = try makeFolder([:]) + "/catalog." + format
            let r = try runZhinan(["export", catalog, "--format", format, "-o", file, "--standards", standards])
            #expect(r.status == 0, "\(format): \(r.stdout)\(r.stderr)")
            let data = FileManager.default.contents(atPath: file) ?? Data()
            #expect(data.range(of: Data(note.utf8)) != nil, "\(format)")
        }
    }

    @Test func twoBuildsAreByteIdenticalAndReplaceTheFirst() throws {
        let parent = try makeFolder([:])
        let a = try runZhinan(["build", "catalogs/liwan-yichuang", "-o", parent + "/a"], in: repositoryRoot())
        let b = try runZhinan(["build", "catalogs/liwan-yichuang", "-o", parent + "/b", "--jobs", "1"], in: repositoryRoot())
        #expect(a.status == 0 && b.status == 0)
        #expect(try files(under: parent + "/a") == files(under: parent + "/b"))
        let again = try runZhinan(["build", "catalogs/liwan-yichuang", "-o", parent + "/a"], in: repositoryRoot())
        #expect(again.status == 0)
        #expect(try FileManager.default.contentsOfDirectory(atPath: parent).sorted() == ["a", "b"])
    }

    /// SOURCE_DATE_EPOCH dates the printed pages (UTC day): two builds with the same value
    /// are byte-identical; a change of it makes every page again; a value that is not a
    /// number of seconds is a usage error and writes nothing.
    @Test func sourceDateEpochDatesThePrintedPagesReproducibly() throws {
        let parent = try makeFolder([:])
        let date = ["SOURCE_DATE_EPOCH": "1796205600"]  // 2026-12-02 10:00 UTC
        let a = try runZhinan(["build", "catalogs/liwan-yichuang", "-o", parent + "/a"], environment: date, in: repositoryRoot())
        let b = try runZhinan(["build", "catalogs/liwan-yichuang", "-o", parent + "/b", "--jobs", "1"], environment: date, in: repositoryRoot())
        #expect(a.status == 0 && b.status == 0, "\(a.stderr)\(b.stderr)")
        #expect(try files(under: parent + "/a") == files(under: parent + "/b"))
        let guide = try String(contentsOfFile: parent + "/a/public/items/440103-XK-00102-001/index.html", encoding: .utf8)
        #expect(guide.contains(" @bottom-left { content: \"版本 2 · 生成于 2026\\2d 12\\2d 02\"; font-size: 8pt; color: #333; } }</style>"))
        let booklet = try String(contentsOfFile: parent + "/a/public/booklet.html", encoding: .utf8)
        #expect(booklet.contains(" @bottom-left { content: \"生成于 2026\\2d 12\\2d 02\"; font-size: 8pt; color: #333; } }</style>"))

        // Without it the pages carry no date (never the clock), and the cache does not keep the dated ones.
        let undated = try runZhinan(["build", "catalogs/liwan-yichuang", "-o", parent + "/a"], in: repositoryRoot())
        #expect(undated.status == 0)
        let again = try String(contentsOfFile: parent + "/a/public/items/440103-XK-00102-001/index.html", encoding: .utf8)
        #expect(again.contains(" @bottom-left { content: \"版本 2\"; font-size: 8pt; color: #333; } }</style>"))
        #expect(!again.contains("生成于"))

        for bad in ["abc", "-1", "1.5", "１２", "253402300800"] {
            let r = try runZhinan(["build", "catalogs/liwan-yichuang", "-o", parent + "/bad", "--lang", "en"],
                                  environment: ["SOURCE_DATE_EPOCH": bad], in: repositoryRoot())
            #expect(r.status == 2, "\(bad)")
            #expect(r.stderr == "zhinan: error: SOURCE_DATE_EPOCH \"\(bad)\" is not a number of seconds since 1970-01-01; set it to a non-negative integer (e.g. the output of git log -1 --format=%ct) or leave it unset\n")
            #expect(!FileManager.default.fileExists(atPath: parent + "/bad"))
        }
    }

    @Test func aForeignOutputFolderIsRefusedUnlessForced() throws {
        let parent = try makeFolder(.text(["out/mine.txt": "keep me"]))
        let r = try runZhinan(["build", repositoryRoot() + "/catalogs/liwan-yichuang", "-o", parent + "/out", "--lang", "en"])
        #expect(r.status == 2)
        #expect(r.stderr.contains("holds files zhinan did not write (mine.txt)"))
        #expect(try files(under: parent + "/out").keys.sorted() == ["mine.txt"])
        let forced = try runZhinan(["build", repositoryRoot() + "/catalogs/liwan-yichuang", "-o", parent + "/out", "--force"])
        #expect(forced.status == 0)
        #expect(try files(under: parent + "/out")["mine.txt"] == nil)
    }

    @Test func aCatalogWithAnErrorWritesNothing() throws {
        let root = repositoryRoot() + "/catalogs/liwan-yichuang"
        let catalog = try String(contentsOfFile: root + "/catalog.yaml", encoding: .utf8)
        let item = try String(contentsOfFile: root + "/items/jingying/shipin-jingying-xuke.yaml", encoding: .utf8)
        let dir = try makeFolder(.text(["catalog.yaml": catalog, "items/a.yaml": item.replacingOccurrences(of: "承诺: 5个工作日", with: "承诺: 50个工作日")]))
        let r = try runZhinan(["build", dir, "-o", dir + "-site", "--standards", repositoryRoot() + "/standards"])
        #expect(r.status == 1)
        #expect(r.stdout.contains("[ZN601]"))
        #expect(!FileManager.default.fileExists(atPath: dir + "-site"))
    }

    @Test func aThemeReplacesAnAssetByName() throws {
        let theme = try makeFolder(.text(["site.css": "body { color: #123456; }\n"]))
        let out = try makeFolder([:]) + "/site"
        let r = try runZhinan(["build", "catalogs/liwan-yichuang", "-o", out, "--theme", theme], in: repositoryRoot())
        #expect(r.status == 0)
        #expect(try String(contentsOfFile: out + "/public/assets/site.css", encoding: .utf8) == "body { color: #123456; }\n")
    }
}
