import Catalog
import Foundation
import TestSupport
import Testing

@testable import Generators

/// Random text that joins `< > & " '` to marks of every kind, in every text field a page
/// shows, never gives a page an element or an attribute its template did not write.
///
/// Each case (a seed) makes a catalog of two items and a bundle whose every text is a random
/// string, builds every page (index, manual index, each item's guide, checklist, flow page
/// with its SVG and manual, the bundle's guide and checklist, the booklet, each window's
/// list), parses each with libxml2's
/// HTML parser, and compares the multisets of element names and of (element, attribute)
/// names with the same page built from the same catalog with each of `< > & " '` replaced
/// by a harmless ASCII character of the same width and grapheme class, so that everything
/// else (paragraphs, link or not, flowchart line breaks) comes out the same.
@Suite struct EscapingPropertyTests {
    static let seeds = 0..<200

    @Test(arguments: seeds) func noPageGainsAnElementOrAttribute(seed: Int) throws {
        let texts = RandomTexts(seed: UInt64(seed))
        let hostile = Self.catalog(texts.text, url: texts.url)
        let benign = Self.catalog({ Self.benign(texts.values[$0]!) }, url: { Self.benignURL(texts.values[$0]!) })
        for fastRendering in [true, false] {
            let a = try Self.pages(of: hostile, fastRendering: fastRendering)
            let b = try Self.pages(of: benign, fastRendering: fastRendering)
            #expect(a.keys.sorted() == b.keys.sorted())
            // The 12 pages of the items, the bundle and the indexes; the booklet; each window's list, public and internal.
            #expect(a.count == 12 + 1 + 2 * hostile.windows.count)
            for (role, page) in a {
                guard let expected = b[role] else { continue }
                let found = Self.shape(page), wanted = Self.shape(expected)
                if found != wanted {
                    let extra = found.subtracting(wanted), missing = wanted.subtracting(found)
                    Issue.record("seed \(seed), \(fastRendering ? "fast" : "swift-mustache"), \(role): extra \(extra), missing \(missing)")
                }
            }
        }
    }

    /// The property catches the old escaping: a page with one hostile name, escaped by
    /// whole `Character`s, gains an element.
    @Test func theComparisonSeesAnInjectedElement() {
        let page = Array("<html><body><h1>结婚登记\u{600}<img src=x onerror=alert(1)></h1></body></html>".utf8)
        let benign = Array("<html><body><h1>结婚登记\u{600}1img src=x onerror=alert(1)2</h1></body></html>".utf8)
        #expect(Self.shape(page).subtracting(Self.shape(benign)) == Multiset(["img", "img@src", "img@onerror"]))
    }

    // MARK: Pages

    /// The bundled templates, parsed once for all cases: for the fast renderer, and for
    /// swift-mustache alone.
    static let fast = try! SiteTemplates(.standard, fastRendering: true)
    static let swiftMustache = try! SiteTemplates(.standard, fastRendering: false)

    /// Every HTML page of the site, keyed by what it is rather than its path (paths hold
    /// hashes of the codes).
    static func pages(of catalog: Catalog, fastRendering: Bool) throws -> [String: [UInt8]] {
        let templates = fastRendering ? fast : swiftMustache
        #expect((templates.fastLibrary != nil) == fastRendering)
        let g = SiteGenerator(catalog: catalog, templates: templates)
        var roles: [String: String] = [:]
        for (i, item) in catalog.items.enumerated() {
            let paths = g.pagePaths(for: item)
            for path in paths.publicPages + paths.internalPages {
                roles[path] = "item\(i)/" + path.split(separator: "/").first! + "/" + path.split(separator: "/").last!
            }
        }
        for (i, w) in catalog.windows.enumerated() {
            for audience in ["public", "internal"] {
                roles["\(audience)/windows/\(PathSegment.forCode(w.id)).html"] = "window\(i)/\(audience)"
            }
        }
        for (i, bundle) in catalog.bundles.enumerated() {
            for page in PageNames.bundlePublic {
                roles["public/" + PageNames.bundleFolder(PathSegment.forCode(bundle.code)) + page] = "bundle\(i)/\(page)"
            }
        }
        let (pub, int) = try g.files()
        var out: [String: [UInt8]] = [:]
        for (audience, files) in [("public", pub), ("internal", int)] {
            for file in files where file.path.hasSuffix(".html") {
                let path = audience + "/" + file.path
                out[roles[path] ?? path] = file.contents
            }
        }
        return out
    }

    /// Element names, and `element@attribute` for each attribute, as libxml2 parses the page.
    static func shape(_ page: [UInt8]) -> Multiset {
        var names: [String] = []
        for element in HTMLCheck.elements(in: page) {
            names.append(element.name)
            names += element.attributes.map { element.name + "@" + $0.name }
        }
        return Multiset(names)
    }

    struct Multiset: Equatable, CustomStringConvertible {
        var counts: [String: Int] = [:]
        init(_ names: [String]) { for n in names { counts[n, default: 0] += 1 } }
        func subtracting(_ other: Multiset) -> Multiset {
            var out = Multiset([])
            for (n, c) in counts where c > other.counts[n, default: 0] { out.counts[n] = c - other.counts[n, default: 0] }
            return out
        }
        var description: String { counts.sorted { $0.key < $1.key }.map { "\($0.key)×\($0.value)" }.joined(separator: " ") }
    }

    // MARK: Texts

    /// `< > & " '` replaced by `1 2 3 [ |`: ASCII of the same width in the flowchart's text
    /// measure and the same grapheme-break class, none of them in a random text.
    static func benign(_ text: String) -> String {
        var out = String.UnicodeScalarView()
        for s in text.unicodeScalars {
            switch s {
            case "<": out.append("1")
            case ">": out.append("2")
            case "&": out.append("3")
            case "\"": out.append("[")
            case "'": out.append("|")
            default: out.append(s)
            }
        }
        return String(out)
    }

    /// The benign URL is a link exactly when the hostile one is.
    static func benignURL(_ url: String) -> String {
        HTML.linkableURL(url) != nil ? benign(url) : "x" + benign(url)
    }

    /// Random strings from a seed, one per named field, kept for the benign build.
    final class RandomTexts {
        private var random: SplitMix64
        private(set) var values: [String: String] = [:]

        init(seed: UInt64) { random = SplitMix64(seed: seed) }

        private func below(_ n: Int) -> Int { Int(random.next() % UInt64(n)) }

        private func scalar(_ range: ClosedRange<UInt32>) -> String {
            String(Unicode.Scalar(range.lowerBound + UInt32(below(Int(range.upperBound - range.lowerBound) + 1)))!)
        }

        /// One piece of a random text: a special character, a mark of some class, a line
        /// break, or ordinary text.
        private func piece() -> String {
            let specials = ["<", ">", "&", "\"", "'"]
            switch below(16) {
            case 0, 1, 2, 3: return specials[below(5)]
            case 4: return scalar(0x300...0x36F)  // combining marks
            case 5: return ["\u{600}", "\u{601}", "\u{602}", "\u{603}", "\u{604}", "\u{605}", "\u{6DD}", "\u{110BD}"][below(8)]  // prepend
            case 6: return ["\u{200D}", "\u{200C}"][below(2)]  // ZWJ, ZWNJ
            case 7: return scalar(0x1F3FB...0x1F3FF)  // emoji modifiers
            case 8: return below(2) == 0 ? scalar(0xFE00...0xFE0F) : scalar(0xE0100...0xE01EF)  // variation selectors
            case 9: return [scalar(0x1100...0x115F), scalar(0x1160...0x11A7), scalar(0x11A8...0x11FF)][below(3)]  // Hangul L V T
            case 10: return scalar(0x1F1E6...0x1F1FF)  // regional indicators
            case 11: return ["\r", "\n", "\r\n"][below(3)]
            case 12: return ["\u{903}", "\u{93E}"][below(2)]  // spacing marks
            case 13: return ["img src=x onerror=alert(1)", "script", "svg onload=alert(1)", "a href=javascript:x", " x=y"][below(5)]
            case 14: return ["👩", "❤", "☝"][below(3)]
            default: return scalar(0x4E00...0x9FA5)
            }
        }

        /// A random text for the field `key`: the same key gives the same text.
        func text(_ key: String) -> String {
            if let v = values[key] { return v }
            // A special joined to a mark first, then random pieces; the key keeps texts apart.
            var s = ["\u{600}<", "<\u{301}", "\"\u{301}", "'\u{200D}", "&\u{1F3FB}", ">\u{FE0F}"][below(6)]
            for _ in 0..<(1 + below(10)) { s += piece() }
            s += "·" + key
            values[key] = s
            return s
        }

        /// A random URL for `key`: an http(s) URL with a random tail, a link or not.
        func url(_ key: String) -> String {
            if let v = values[key] { return v }
            var s = below(2) == 0 ? "https://example.org/" : "http://a.example/?q="
            for _ in 0..<(1 + below(4)) { s += below(3) == 0 ? ["&", "'", "\u{301}"][below(3)] : piece() }
            values[key] = s
            return s
        }
    }

    // MARK: The catalog

    /// Two items and a bundle whose every text is `t(field)` and every URL `u(field)`.
    static func catalog(_ t: (String) -> String, url u: (String) -> String) -> Catalog {
        func item(_ n: Int) -> Item {
            let k = "i\(n)."
            let steps = (0..<4).map { t(k + "step\($0)") }
            let flow = [
                FlowStep(
                    name: steps[0], role: t(k + "role0"), timeLimit: .immediate, note: t(k + "note0"),
                    transitions: [Transition(condition: t(k + "cond0"), target: steps[1])]),
                FlowStep(
                    name: steps[1], role: t(k + "role1"), timeLimit: .workingDays(2),
                    transitions: [
                        Transition(condition: t(k + "cond1"), target: steps[2]),
                        Transition(condition: t(k + "cond2"), target: steps[3]),
                    ]),
                FlowStep(name: steps[2], role: t(k + "role2"), timeLimit: .workingDays(3), outcome: .granted),
                FlowStep(name: steps[3], isTimed: false, note: t(k + "note3"), outcome: .refused),
            ]
            return Item(
                code: "440100-XK-0000\(n)-" + t(k + "code"), name: t(k + "name"), type: t(k + "type"),
                serviceObjects: [t(k + "object0"), t(k + "object1")], agencyID: t("agency.id"), scope: t(k + "scope"),
                windowIDs: [t("window.id")], handlingForms: [t(k + "form0"), t(k + "form1")],
                legalBasis: [LegalBasis(lawID: t("law.id"), article: t(k + "article"), text: t(k + "clause"))],
                caseType: .promised, conditions: [t(k + "condition0"), t(k + "condition1")],
                materials: [
                    MaterialRequirement(
                        name: t(k + "material0"), libraryID: t("shared.id"), form: .copy, copies: 2, medium: t(k + "medium"),
                        source: t(k + "source"), necessity: .deferrable, requirement: t(k + "requirement"),
                        condition: t(k + "materialCondition"), reviewPoints: t(k + "reviewPoints"), shareable: false),
                    MaterialRequirement(name: t(k + "material1"), form: .original, copies: 1, necessity: .optional, shareable: true, exemption: .dataSharing),
                ],
                timeLimits: TimeLimits(statutory: .workingDays(20), promised: .workingDays(5)),
                fees: .charged([Fee(name: t(k + "fee"), standard: t(k + "standard"), basis: t(k + "feeBasis"))]),
                rightsAndObligations: t(k + "rights"),
                consultation: Consultation(phone: t(k + "phone"), address: t(k + "address"), website: u(k + "website"), email: t(k + "email")),
                flow: flow, remedies: Remedies(reconsideration: t(k + "reconsideration"), litigation: t(k + "litigation")),
                certificate: Certificate(name: t(k + "certificate"), validity: t(k + "validity"), sample: u(k + "sample")),
                staff: [StaffRole(role: t(k + "role1"), duties: t(k + "duties"), qualification: t(k + "qualification"))],
                progressQuery: t(k + "progress"), supervision: t(k + "supervision"),
                additionalElements: [
                    AdditionalElement(key: "extraText", title: t(k + "extraTitle"), isInternal: false, value: .text(t(k + "extraText"))),
                    AdditionalElement(
                        key: "extraList", title: t(k + "extraListTitle"), isInternal: true,
                        value: .list([t(k + "extraList0"), t(k + "extraList1")])),
                ])
        }
        // The second item asks 情形 questions: the questionnaire, the 仅当 words and the
        // data the script reads carry random text too.
        var scenarios = item(2)
        let k = "i2."
        let questions = (0..<2).map { q in
            ScenarioQuestion(id: t(k + "qid\(q)"), question: t(k + "question\(q)"), options: [t(k + "q\(q)opt0"), t(k + "q\(q)opt1")])
        }
        func when(_ q: Int, _ o: Int) -> Applicability {
            Applicability(clauses: [ScenarioClause(questionID: questions[q].id, options: [questions[q].options[o]])])
        }
        scenarios.questions = questions
        scenarios.materials[0].applicability = when(0, 1)
        scenarios.flow[3].applicability = when(1, 0)
        if case .charged(var fees)? = scenarios.fees {
            fees[0].applicability = when(1, 1)
            scenarios.fees = .charged(fees)
        }
        scenarios.conditionApplicability = [ConditionApplicability(index: 1, applicability: when(0, 0))]
        scenarios.scenarioVariants = [
            ScenarioVariant(
                applicability: when(1, 1), caseType: .immediate,
                timeLimits: TimeLimits(statutory: .workingDays(20), promised: .workingDays(1)))
        ]
        let items = [item(1), scenarios]
        let bundle = ServiceBundle(
            code: "440100-YJS-" + t("bundle.code"), name: t("bundle.name"), mode: .mixed,
            stages: [
                BundleStage(name: t("bundle.stage0"), itemCodes: [items[0].code]),
                BundleStage(name: t("bundle.stage1"), itemCodes: [items[1].code]),
            ],
            leadAgencyID: t("agency.id"), windowCategory: "经营类", promised: .workingDays(8), note: t("bundle.note"))
        return Catalog(
            name: t("catalog.name"), region: t("catalog.region"), standards: [t("catalog.standard")],
            agencies: [
                Agency(
                    id: t("agency.id"), name: t("agency.name"), creditCode: t("agency.credit"), address: t("agency.address"),
                    phone: t("agency.phone"), website: u("agency.website"))
            ],
            windows: [
                ServiceWindow(
                    id: t("window.id"), name: t("window.name"), category: "经营类", location: t("window.location"),
                    hours: t("window.hours"), phone: t("window.phone"))
            ],
            laws: [
                Law(
                    id: t("law.id"), name: t("law.name"), level: t("law.level"), documentNumber: t("law.number"),
                    effectiveDate: t("law.date"), url: u("law.url"))
            ],
            sharedMaterials: [SharedMaterial(id: t("shared.id"), name: t("shared.name"), source: t("shared.source"), shareable: true)],
            items: items,
            bundles: [bundle.merged(with: Dictionary(uniqueKeysWithValues: items.map { ($0.code, $0) }))],
            internalElements: [ElementKey.staff, ElementKey.supervision, ElementKey.materialReviewPoints])
    }
}
