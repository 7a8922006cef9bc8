import Catalog
import Diagnostics
import Standards

/// The rules of the national 实施清单 identification and handling elements: the code
/// relations of GB/T 39554.1-2020 (基本编码, 实施编码, 业务办理项), 行使层级 against the
/// catalog's 行政区划, 到现场次数, 网上办理深度, 委托部门 and 联办机构. Each rule runs only
/// where the profiles define the elements it relates, so a catalog without the national
/// profile checks as before.
struct NationalRules {
    /// The national codes of the code sets: set → value → code.
    let codes: [String: [String: String]]
    /// The 网上办理深度 values in the profile's order.
    let depthOrder: [String]
    /// Keys of the elements the profiles define.
    let keys: Set<String>

    init(profile: EffectiveProfile) {
        codes = profile.nationalCodes
        depthOrder = profile.codeSets["网上办理深度"] ?? []
        keys = Set(profile.elements.map(\.key))
    }

    /// The depth an item must reach before it needs 网办地址.
    static let firstOnlineDepth = "互联网收件"
    /// The depths each of which includes the ones before it (codes 1–5).
    static let cumulativeDepths = 5
    /// The 权力来源 that need a 委托部门.
    static let entrusted = ["上级委托", "同级委托"]
    /// The 办理形式 that need the applicant at the window.
    static let windowForms: Set<String> = ["窗口", "窗口办理"]

    /// ZN814 and ZN815 for the 到现场次数 a 情形差异 entry sets: the item's 必须现场办理原因
    /// and 办理形式 serve every scenario.
    func checkVariantVisits(_ bound: BoundItem, _ reporter: inout Reporter) {
        let item = bound.item, n = item.national, all = bound.spans.scenarios.variants
        guard all.count == item.scenarioVariants.count else { return }
        for (j, v) in item.scenarioVariants.enumerated() {
            guard let visits = v.onSiteVisits, let at = all[j].onSiteVisits else { continue }
            if visits >= 1, n.onSiteReason == nil, keys.contains(ElementKey.onSiteReason) {
                reporter.report(CompilerCodes.onSiteWithoutReason, at: at,
                    zh: "情形差异第\(j + 1)项的到现场次数为 \(visits)，但事项没有写“必须现场办理原因”；请在事项中写明该情形为什么必须到现场",
                    en: "entry \(j + 1) of 情形差异 sets 到现场次数 \(visits) but the item gives no 必须现场办理原因; say in the item why that scenario must come")
            }
            if visits == 0, !item.handlingForms.isEmpty, item.handlingForms.allSatisfy(Self.windowForms.contains) {
                reporter.report(CompilerCodes.zeroVisitsWindowOnly, at: at,
                    zh: "情形差异第\(j + 1)项的到现场次数为 0，办理形式却只有“\(item.handlingForms.joined(separator: "、"))”：不到现场无法在窗口办理",
                    en: "entry \(j + 1) of 情形差异 sets 到现场次数 0, yet 办理形式 is only \(item.handlingForms.joined(separator: ", ")): the window cannot be reached without coming",
                    notes: bound.spans.national.handlingForms.map { [reporter.note($0, zh: "办理形式写在这里", en: "办理形式 is here")] } ?? [])
            }
        }
    }

    func check(_ bound: BoundItem, header: CatalogHeader, _ reporter: inout Reporter) {
        let item = bound.item, n = item.national, spans = bound.spans.national
        checkBasicCode(item, spans, &reporter)
        checkImplementationCode(item, header: header, spans, &reporter)
        checkHandlingItems(n, spans, &reporter)
        checkExerciseLevel(n, region: header.catalog.region, spans, &reporter)
        if let visits = n.onSiteVisits, let at = spans.onSiteVisits {
            if visits >= 1, n.onSiteReason == nil, keys.contains(ElementKey.onSiteReason) {
                reporter.report(CompilerCodes.onSiteWithoutReason, at: at,
                    zh: "到现场次数为 \(visits)，但没有写“必须现场办理原因”；请写明为什么必须到现场",
                    en: "到现场次数 is \(visits) but 必须现场办理原因 is not given; say why the applicant must come")
            }
            if visits == 0, !item.handlingForms.isEmpty, item.handlingForms.allSatisfy(Self.windowForms.contains) {
                reporter.report(CompilerCodes.zeroVisitsWindowOnly, at: at,
                    zh: "到现场次数为 0，办理形式却只有“\(item.handlingForms.joined(separator: "、"))”：不到现场无法在窗口办理",
                    en: "到现场次数 is 0, yet 办理形式 is only \(item.handlingForms.joined(separator: ", ")): the window cannot be reached without coming",
                    notes: spans.handlingForms.map { [reporter.note($0, zh: "办理形式写在这里", en: "办理形式 is here")] } ?? [])
            }
        }
        checkVariantVisits(bound, &reporter)
        checkOnlineDepth(n, spans, &reporter)
        if let source = n.powerSource, Self.entrusted.contains(source), n.entrustingAgencyID == nil,
           keys.contains(ElementKey.entrustingAgency), let at = spans.powerSource {
            reporter.report(CompilerCodes.entrustedWithoutAgency, at: at,
                zh: "权力来源为“\(source)”，但没有写“委托部门”；请写明委托的机关",
                en: "权力来源 is \(source) but 委托部门 is not given; name the entrusting agency")
        }
        if item.caseType == .joint, n.jointAgencyIDs.isEmpty, keys.contains(ElementKey.jointAgencies), let at = bound.spans.caseType {
            reporter.report(CompilerCodes.jointWithoutAgencies, at: at,
                zh: "办件类型为联办件，但没有写“联办机构”；请列出共同办理的机关",
                en: "办件类型 is 联办件 but 联办机构 is not given; list the agencies that handle it together")
        }
    }

    private func checkBasicCode(_ item: Item, _ spans: NationalSpans, _ reporter: inout Reporter) {
        guard let code = item.national.basicCode, let at = spans.basicCode else { return }
        guard Self.isBasicCode(code) else {
            reporter.report(CompilerCodes.badBasicCode, at: at,
                zh: "基本编码“\(code)”应当是 12 位数字（这里是 \(code.count) 个字符）",
                en: "the 基本编码 \"\(code)\" must be 12 digits (it has \(code.count) characters)")
            return
        }
        let digits = String(Array(code)[2..<4])
        if let typeCode = codes["事项类型"]?[item.type], typeCode != digits {
            reporter.report(CompilerCodes.basicCodeTypeMismatch, at: at,
                zh: "基本编码“\(code)”的第 3、4 位是“\(digits)”，而事项类型“\(item.type)”的代码是“\(typeCode)”",
                en: "characters 3–4 of the 基本编码 \"\(code)\" are \"\(digits)\", but the code of the 事项类型 \(item.type) is \"\(typeCode)\"")
        }
    }

    private func checkImplementationCode(_ item: Item, header: CatalogHeader, _ spans: NationalSpans, _ reporter: inout Reporter) {
        let n = item.national
        guard let code = n.implementationCode, let at = spans.implementationCode else { return }
        let chars = Array(code)
        guard chars.count == 31, chars.allSatisfy({ $0.isASCII && ($0.isNumber || $0.isUppercase) }),
              chars[18].isASCII, let level = chars[18].wholeNumberValue, (1...7).contains(level),
              Self.isBasicCode(String(chars[19...]))
        else {
            reporter.report(CompilerCodes.badImplementationCode, at: at,
                zh: "实施编码“\(code)”应当是 31 位：统一社会信用代码（18 位）+ 行使层级代码（1 位，1 至 7）+ 基本编码（12 位数字）；这里是 \(chars.count) 个字符",
                en: "the 实施编码 \"\(code)\" must be 31 characters: 统一社会信用代码 (18) + 行使层级 code (1, 1 to 7) + 基本编码 (12 digits); it has \(chars.count)")
            return
        }
        let credit = String(chars[..<18]), levelCode = String(chars[18]), basic = String(chars[19...])
        if let agency = header.agencies[item.agencyID], let own = agency.creditCode, own != credit {
            reporter.report(CompilerCodes.implementationCodeMismatch, at: at,
                zh: "实施编码的前 18 位“\(credit)”不是实施机关“\(agency.name)”的统一社会信用代码“\(own)”",
                en: "the first 18 characters of the 实施编码, \"\(credit)\", are not the 统一社会信用代码 of the 实施机关 \(agency.name), \"\(own)\"")
        }
        if let levelName = n.exerciseLevel, let expected = codes["行使层级"]?[levelName], expected != levelCode {
            reporter.report(CompilerCodes.implementationCodeMismatch, at: at,
                zh: "实施编码的第 19 位“\(levelCode)”不是行使层级“\(levelName)”的代码“\(expected)”",
                en: "character 19 of the 实施编码, \"\(levelCode)\", is not the code of the 行使层级 \(levelName), \"\(expected)\"",
                notes: spans.exerciseLevel.map { [reporter.note($0, zh: "行使层级写在这里", en: "行使层级 is here")] } ?? [])
        }
        if let own = n.basicCode, Self.isBasicCode(own), own != basic {
            reporter.report(CompilerCodes.implementationCodeMismatch, at: at,
                zh: "实施编码的后 12 位“\(basic)”不是基本编码“\(own)”",
                en: "the last 12 characters of the 实施编码, \"\(basic)\", are not the 基本编码 \"\(own)\"",
                notes: spans.basicCode.map { [reporter.note($0, zh: "基本编码写在这里", en: "基本编码 is here")] } ?? [])
        }
    }

    private func checkHandlingItems(_ n: NationalElements, _ spans: NationalSpans, _ reporter: inout Reporter) {
        var seen: [String: SourceRange] = [:]
        for (entry, at) in zip(n.handlingItems, spans.handlingItemCodes) {
            let code = entry.code, chars = Array(code)
            guard chars.count == 33, chars[31...].allSatisfy({ $0.isASCII && $0.isNumber }) else {
                reporter.report(CompilerCodes.badHandlingItemCode, at: at,
                    zh: "业务办理项编码“\(code)”应当是 33 位：实施编码（31 位）加 2 位顺序号；这里是 \(chars.count) 个字符",
                    en: "the 业务办理项 code \"\(code)\" must be 33 characters: the 实施编码 (31) and a two-digit number; it has \(chars.count)")
                continue
            }
            if let first = seen[code] {
                reporter.report(CompilerCodes.duplicateHandlingItemCode, at: at,
                    zh: "业务办理项编码“\(code)”重复", en: "the 业务办理项 code \"\(code)\" is used twice",
                    notes: [reporter.note(first, zh: "第一次使用在这里", en: "first used here")])
                continue
            }
            seen[code] = at
            if let own = n.implementationCode, Array(own).count == 31, !code.hasPrefix(own) {
                reporter.report(CompilerCodes.handlingItemCodeMismatch, at: at,
                    zh: "业务办理项编码“\(code)”的前 31 位不是事项的实施编码“\(own)”",
                    en: "the first 31 characters of the 业务办理项 code \"\(code)\" are not the item's 实施编码 \"\(own)\"",
                    notes: spans.implementationCode.map { [reporter.note($0, zh: "实施编码写在这里", en: "实施编码 is here")] } ?? [])
            }
        }
    }

    /// The 行使层级 a catalog of this 行政区划 carries out: 省级 for `xx0000`, 市级 for
    /// `xxxx00`, 县级 otherwise (with 镇级 and 村级 below it); nil for a code of another form.
    static func levels(forRegion region: String) -> (expected: String, also: Set<String>)? {
        guard region.count == 6, region.allSatisfy(\.isNumber) else { return nil }
        if region.hasSuffix("0000") { return ("省级", []) }
        if region.hasSuffix("00") { return ("市级", []) }
        return ("县级", ["镇级", "村级"])
    }

    private func checkExerciseLevel(_ n: NationalElements, region: String, _ spans: NationalSpans, _ reporter: inout Reporter) {
        guard let level = n.exerciseLevel, let at = spans.exerciseLevel, level != "分级管理",
              let (expected, also) = Self.levels(forRegion: region), level != expected, !also.contains(level)
        else { return }
        reporter.report(CompilerCodes.exerciseLevelRegion, at: at,
            zh: "行使层级为“\(level)”，而目录的行政区划“\(region)”对应\(expected)",
            en: "the 行使层级 is \(level), but the catalog's 行政区划 \(region) is of the \(expected) level")
    }

    private func checkOnlineDepth(_ n: NationalElements, _ spans: NationalSpans, _ reporter: inout Reporter) {
        let indices = n.onlineDepth.map { depthOrder.firstIndex(of: $0) ?? -1 }
        var inOrder = true
        for i in indices.indices.dropFirst() where indices[i] <= indices[i - 1] {
            reporter.report(CompilerCodes.onlineDepthOrder, at: spans.onlineDepth[i],
                zh: "网上办理深度“\(n.onlineDepth[i])”应当写在“\(n.onlineDepth[i - 1])”之前（按代码集的顺序：\(depthOrder.joined(separator: "、"))）",
                en: "the depth \(n.onlineDepth[i]) comes before \(n.onlineDepth[i - 1]) (in the code set's order: \(depthOrder.joined(separator: ", ")))")
            inOrder = false
            break
        }
        let cumulative = depthOrder.prefix(Self.cumulativeDepths)
        if inOrder, let deepest = indices.filter({ $0 >= 0 && $0 < cumulative.count }).max(), let at = spans.onlineDepthList {
            let missing = cumulative.prefix(deepest).filter { !n.onlineDepth.contains($0) }
            if !missing.isEmpty {
                reporter.report(CompilerCodes.onlineDepthOrder, at: at,
                    zh: "网上办理深度达到“\(cumulative[deepest])”，却缺少它之前的“\(missing.joined(separator: "”“"))”",
                    en: "the depths reach \(cumulative[deepest]) but lack \(missing.joined(separator: ", ")) before it")
            }
        }
        if n.onlineURL == nil, keys.contains(ElementKey.onlineURL), let first = depthOrder.firstIndex(of: Self.firstOnlineDepth),
           let reached = zip(indices, spans.onlineDepth).first(where: { $0.0 >= first && depthOrder[$0.0] != "其他" }) {
            reporter.report(CompilerCodes.onlineWithoutURL, at: reached.1,
                zh: "网上办理深度达到“\(depthOrder[reached.0])”，但没有写“网办地址”；请写明网上办理的地址",
                en: "the 网上办理深度 reaches \(depthOrder[reached.0]) but 网办地址 is not given; give the address where it is handled online")
        }
    }

    /// Twelve ASCII digits.
    static func isBasicCode(_ code: String) -> Bool {
        code.utf8.count == 12 && code.utf8.allSatisfy { $0 >= 0x30 && $0 <= 0x39 }
    }
}
