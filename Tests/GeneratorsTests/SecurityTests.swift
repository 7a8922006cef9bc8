import Catalog
import Foundation
import Testing

@testable import Generators

/// Hostile text in every field of a catalog must come out as text.
@Suite struct InjectionTests {
    static let script = "<script>alert(1)</script>"
    static let attr = "\"onload=alert(1)"
    static let quote = "'x"
    static let js = "javascript:alert(1)"
    /// All payloads in one string, for text fields.
    static let p = script + attr + quote + js

    static var catalog: Catalog {
        let p = Self.p
        let flow = [
            FlowStep(name: p, role: p, timeLimit: .workingDays(1), note: p, transitions: [Transition(condition: p, target: p + "2")]),
            FlowStep(name: p + "2", role: p, outcome: .granted),
        ]
        func item(_ code: String) -> Item {
            Item(
                code: code, name: p, type: p, serviceObjects: [p, p], agencyID: "a" + p, scope: p,
                windowIDs: ["w" + p], handlingForms: [p], legalBasis: [LegalBasis(lawID: "l" + p, article: p, text: p)],
                caseType: .promised, conditions: [p],
                materials: [
                    MaterialRequirement(
                        name: p, libraryID: "m" + p, form: .copy, copies: 1, medium: p, source: p,
                        necessity: .deferrable, requirement: p, condition: p, reviewPoints: p, shareable: false),
                    MaterialRequirement(name: p, libraryID: "m" + p, shareable: true, exemption: .dataSharing),
                ],
                timeLimits: TimeLimits(statutory: .workingDays(3), promised: .workingDays(1)),
                fees: .charged([Fee(name: p, standard: p, basis: p)]), rightsAndObligations: p + "\n" + p,
                consultation: Consultation(phone: p, address: p, website: js, email: p), flow: flow,
                remedies: Remedies(reconsideration: p, litigation: p),
                certificate: Certificate(name: p, validity: p, sample: js), staff: [StaffRole(role: p, duties: p, qualification: p)],
                progressQuery: p, supervision: p,
                additionalElements: [
                    AdditionalElement(key: p, title: p, isInternal: false, value: .text(p)),
                    AdditionalElement(key: p, title: p, isInternal: true, value: .list([p, p])),
                ])
        }
        let items = [item(p), item(attr), item(quote), item(js), item("../../etc/passwd"), item(".hidden")]
        let bundle = ServiceBundle(
            code: p, name: p, mode: .mixed,
            stages: [BundleStage(name: p, itemCodes: [p, attr]), BundleStage(name: p, itemCodes: [quote, js])],
            leadAgencyID: "a" + p, windowCategory: "经营类", promised: .workingDays(1), note: p + "\n" + p)
        let bundles = [
            bundle.merged(with: Dictionary(uniqueKeysWithValues: items.map { ($0.code, $0) })),
            ServiceBundle(
                code: "../../etc/passwd", name: p, mode: .parallel, stages: [BundleStage(itemCodes: [p + "missing"])],
                leadAgencyID: p, windowCategory: "综合", note: p),
        ]
        return Catalog(
            name: p, region: p, standards: [p],
            agencies: [Agency(id: "a" + p, name: p, creditCode: p, address: p, phone: p, website: js)],
            windows: [ServiceWindow(id: "w" + p, name: p, category: "经营类", location: p, hours: p, phone: p)],
            laws: [Law(id: "l" + p, name: p, level: p, documentNumber: p, effectiveDate: p, url: js)],
            sharedMaterials: [SharedMaterial(id: "m" + p, name: p, source: p, shareable: true)],
            items: items, bundles: bundles,
            internalElements: [ElementKey.staff, ElementKey.supervision, ElementKey.materialReviewPoints])
    }

    static let files: [OutputFile] = {
        let g = try! SiteGenerator(catalog: catalog)
        return try! g.publicFiles() + g.internalFiles()
    }()

    /// `html` without its JSON-LD block (checked on its own by ``jsonLDHoldsThePayloadAsData()``).
    static func withoutJSONLD(_ html: String) -> String {
        guard let start = html.range(of: "<script type=\"application/ld+json\">"),
            let end = html.range(of: "</script>", range: start.upperBound..<html.endIndex)
        else { return html }
        return String(html[..<start.lowerBound]) + String(html[end.upperBound...])
    }

    /// The guide's JSON-LD holds the payload as JSON data: no `<` or `>` in the element,
    /// and the name reads back as written.
    @Test func jsonLDHoldsThePayloadAsData() throws {
        var seen = 0
        for file in Self.files where file.path.hasSuffix("/index.html") && file.path.hasPrefix("items/") {
            let html = String(decoding: file.contents, as: UTF8.self)
            let start = try #require(html.range(of: "<script type=\"application/ld+json\">"))
            let end = try #require(html.range(of: "</script>", range: start.upperBound..<html.endIndex))
            let json = html[start.upperBound..<end.lowerBound]
            #expect(!json.contains("<") && !json.contains(">"), "\(file.path)")
            let object = try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any]
            #expect(object?["serviceType"] as? String == Self.p, "\(file.path)")
            seen += 1
        }
        #expect(seen > 0)
    }

    @Test func noPayloadSurvivesInHTML() {
        for file in Self.files where file.path.hasSuffix(".html") {
            let html = Self.withoutJSONLD(String(decoding: file.contents, as: UTF8.self))
            #expect(!html.contains("<script>alert"), "\(file.path)")
            #expect(!html.replacingOccurrences(of: "&quot;onload=", with: "").contains("onload="), "\(file.path)")
            #expect(!html.contains("'x"), "\(file.path)")
            #expect(!html.lowercased().contains("href=\"javascript:"), "\(file.path)")
            #expect(html.contains("&lt;script&gt;alert(1)&lt;/script&gt;&quot;onload=alert(1)&#39;x"), "\(file.path)")
        }
    }

    @Test func parsedPagesHaveOnlyOurScriptAndSafeLinks() {
        for file in Self.files where file.path.hasSuffix(".html") {
            for element in HTMLCheck.elements(in: file.contents) {
                if element.name == "script" {
                    // The index's search and its index, or a guide's JSON-LD (data, not code).
                    let attributes = element.attributes.map { "\($0.name)=\($0.value)" }
                    #expect(
                        attributes == ["src=assets/search.js"] || attributes == ["src=search-index.js"]
                            || attributes == ["type=application/ld+json"], "\(file.path): \(attributes)")
                }
                for (name, value) in element.attributes {
                    #expect(!name.lowercased().hasPrefix("on"), "\(file.path): <\(element.name) \(name)=…>")
                    if ["href", "src", "action", "formaction", "xlink:href"].contains(name.lowercased()) {
                        let v = value.lowercased()
                        let relative = !v.contains(":")
                        let tel = v.hasPrefix("tel:") && v.dropFirst(4).allSatisfy { $0.isASCII && ($0.isNumber || $0 == "+") }
                        #expect(relative || tel || v.hasPrefix("http://") || v.hasPrefix("https://"), "\(file.path): \(name)=\(value)")
                    }
                }
            }
        }
    }

    @Test func hostilePagesStillParse() {
        for file in Self.files where file.path.hasSuffix(".html") {
            let issues = HTMLCheck.issues(in: file.contents)
            #expect(issues.isEmpty, "\(file.path): \(issues)")
        }
    }

    @Test func itemFoldersStayInsideItems() {
        for file in Self.files {
            let parts = file.path.split(separator: "/", omittingEmptySubsequences: false)
            #expect(!parts.contains { $0 == ".." || $0 == "." || $0.isEmpty || $0.hasPrefix(".") }, "\(file.path)")
            #expect(!file.path.contains { "<>\"'\\:?#%".contains($0) }, "\(file.path)")
            if parts.first == "items" || parts.first == "bundles" { #expect(parts.count == 3, "\(file.path)") }
        }
        // Six items, each with its own folder.
        let folders = Set(Self.files.filter { $0.path.hasPrefix("items/") }.map { $0.path.split(separator: "/")[1] })
        #expect(folders.count == 6)
        let bundleFolders = Set(Self.files.filter { $0.path.hasPrefix("bundles/") }.map { $0.path.split(separator: "/")[1] })
        #expect(bundleFolders.count == 2)
    }

    @Test func searchIndexKeepsPayloadsAsData() throws {
        let file = try #require(Self.files.first { $0.path == "search-index.json" })
        let object = try JSONSerialization.jsonObject(with: Data(file.contents)) as? [String: Any]
        let items = try #require(object?["items"] as? [[String: Any]])
        #expect(items.count == 6)
        #expect(items.allSatisfy { ($0["url"] as? String)?.hasPrefix("items/") == true })
        #expect(items.contains { $0["name"] as? String == Self.p })
        let bundles = try #require(object?["bundles"] as? [[String: Any]])
        #expect(bundles.count == 2)
        #expect(bundles.allSatisfy { ($0["url"] as? String)?.hasPrefix("bundles/") == true })
    }

    @Test func bundlePagesEscapeEverything() throws {
        let guide = try #require(Self.files.first { $0.path.hasPrefix("bundles/") && $0.path.hasSuffix("/index.html") })
        let html = String(decoding: guide.contents, as: UTF8.self)
        // The bundle's name, note and stage names, and the members' names in the chart.
        #expect(html.components(separatedBy: "&lt;script&gt;alert(1)&lt;/script&gt;").count > 8)
        #expect(!html.contains("<script>"))
    }
}

/// Internal elements never reach a public file, and all of them reach the manual.
@Suite struct InternalElementTests {
    static let staff = "INTERNAL-MARKER-STAFF"
    static let review = "INTERNAL-MARKER-REVIEW"
    static let supervision = "INTERNAL-MARKER-SUPERVISION"
    static let additional = "INTERNAL-MARKER-ADDITIONAL"
    static let role = "INTERNAL-MARKER-ROLE"
    static let certificate = "INTERNAL-MARKER-CERTIFICATE"
    static let markers = [staff, review, supervision, additional, role, certificate]

    static var catalog: Catalog {
        var c = Fixtures.catalog
        for i in c.items.indices {
            c.items[i].staff = [StaffRole(role: staff, duties: staff, qualification: staff)]
            for j in c.items[i].materials.indices { c.items[i].materials[j].reviewPoints = review }
            c.items[i].supervision = supervision
            c.items[i].additionalElements.append(
                AdditionalElement(key: "integrity", title: "廉政风险防控", isInternal: true, value: .list([additional])))
            for j in c.items[i].flow.indices { c.items[i].flow[j].role = role }
            c.items[i].certificate = Certificate(name: certificate)
        }
        // A locality whose profile makes step roles and certificates internal too.
        c.internalElements += [ElementKey.stepRole, ElementKey.certificate]
        return c
    }

    @Test func noMarkerInAnyPublicFile() throws {
        let files = try SiteGenerator(catalog: Self.catalog).publicFiles()
        for file in files {
            let text = String(decoding: file.contents, as: UTF8.self)
            for marker in Self.markers { #expect(!text.contains(marker), "\(marker) in \(file.path)") }
        }
        let guide = try #require(files.first { $0.path == "items/\(Fixtures.exampleCode)/index.html" })
        #expect(!String(decoding: guide.contents, as: UTF8.self).contains("<h2>审批证件</h2>"))
    }

    /// A bundle's page is made from its members as the public view has them: what a
    /// locality keeps internal (here the members' 申请材料 and 办理时限) does not reach it
    /// through the bundle's merged materials or its figures.
    @Test func bundlePagesUseThePublicViewOfTheirMembers() throws {
        let material = "INTERNAL-MARKER-MATERIAL"
        var c = Self.catalog
        for i in c.items.indices {
            c.items[i].materials.append(MaterialRequirement(name: material, form: .original, copies: 1))
        }
        c.bundles = [Fixtures.bundle.merged(with: Dictionary(uniqueKeysWithValues: c.items.map { ($0.code, $0) }))]
        #expect(c.bundles[0].materials.contains { $0.name == material })
        c.internalElements += [ElementKey.materials, ElementKey.timeLimits]
        let files = try SiteGenerator(catalog: c).publicFiles()
        var bundlePages = 0
        for file in files {
            let text = String(decoding: file.contents, as: UTF8.self)
            #expect(!text.contains(material), "\(file.path)")
            for marker in Self.markers { #expect(!text.contains(marker), "\(marker) in \(file.path)") }
            if file.path.hasPrefix("bundles/") {
                bundlePages += 1
                #expect(!text.contains("<div class=\"limit-label\">逐项办理合计</div>"), "\(file.path)")
                #expect(!text.contains("可压缩") && !text.contains("关键路径</span>"), "\(file.path)")
                #expect(!text.contains("特种设备使用登记表"), "\(file.path)")
            }
        }
        #expect(bundlePages == 2)
    }

    @Test func everyMarkerInTheManual() throws {
        let files = try SiteGenerator(catalog: Self.catalog).internalFiles()
        let manual = try #require(files.first { $0.path == "items/\(Fixtures.exampleCode)/manual.html" })
        let text = String(decoding: manual.contents, as: UTF8.self)
        for marker in Self.markers { #expect(text.contains(marker), "\(marker)") }
    }
}
