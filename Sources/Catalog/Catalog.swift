/// A compiled catalog of service items (事项目录): what `zhinan` emits after binding,
/// resolving and checking the sources. Plain values with English keys; no I/O.
///
/// Values that the standards define as code sets (事项类型, 服务对象, 介质 …) are kept as the
/// Chinese text the profile allows, so a locality can add a value without a new release.
/// Values whose meaning the compiler or the generators rely on are Swift enums whose raw
/// values are the standard's Chinese terms.
public struct Catalog: Codable, Sendable, Equatable {
    /// The version of this JSON shape; bumped on any incompatible change.
    public var formatVersion: Int
    /// 目录名称.
    public var name: String
    /// 行政区划: the six-digit GB/T 2260 code.
    public var region: String
    /// 标准: ids of the profiles the catalog follows, e.g. `DB44/T 1147-2013`.
    public var standards: [String]
    /// 内控线: a promised limit above this share of the statutory one is warned about.
    public var internalControlLine: Ratio?
    /// 时限说明: how the catalog's time limits are counted (from when, what time is left out),
    /// printed under every guide's 办理时限; nothing is printed without it.
    public var timeLimitNote: String?
    /// 实施机关.
    public var agencies: [Agency]
    /// 窗口.
    public var windows: [ServiceWindow]
    /// 法规.
    public var laws: [Law]
    /// 材料库: materials shared by many items.
    public var sharedMaterials: [SharedMaterial]
    /// The items, sorted by 事项编码.
    public var items: [Item]
    /// 一件事 bundles of several items, sorted by 编码.
    public var bundles: [ServiceBundle]
    /// Keys (see ``ElementKey``) of the elements that are internal and must never reach a
    /// public output. Filled from the profiles by the compiler.
    public var internalElements: [String]
    /// The code sets of the profiles followed (窗口类别, 行使层级 …): name → values in the
    /// profile's order, each with its national code where the standard gives one. Filled
    /// from the profiles by the compiler; outputs read national codes and orders here.
    public var codeSets: [String: [CodeValue]]

    public init(
        formatVersion: Int = Catalog.currentFormatVersion, name: String, region: String,
        standards: [String], internalControlLine: Ratio? = nil, timeLimitNote: String? = nil, agencies: [Agency] = [],
        windows: [ServiceWindow] = [], laws: [Law] = [], sharedMaterials: [SharedMaterial] = [],
        items: [Item] = [], bundles: [ServiceBundle] = [], internalElements: [String] = [],
        codeSets: [String: [CodeValue]] = [:]
    ) {
        self.formatVersion = formatVersion
        self.name = name
        self.region = region
        self.standards = standards
        self.internalControlLine = internalControlLine
        self.timeLimitNote = timeLimitNote
        self.agencies = agencies
        self.windows = windows
        self.laws = laws
        self.sharedMaterials = sharedMaterials
        self.items = items
        self.bundles = bundles
        self.internalElements = internalElements
        self.codeSets = codeSets
    }

    /// The 窗口类别 in the profiles' order, then any of `extra` the profiles do not list (a
    /// catalog compiled without them), in code point order.
    public func windowCategoryOrder(extra: some Sequence<String>) -> [String] {
        codeSetOrder("窗口类别", fallback: ["工程类", "经营类", "公民类", "综合"], extra: extra)
    }

    /// The distinct 事项类型 of `types` in the profiles' order (GB/T 39046-2020's: 行政许可,
    /// 行政处罚 … 其他行政权力, 公共服务, for a catalog compiled without them), then any the
    /// profiles do not list, in code point order.
    public func typeOrder(of types: some Sequence<String>) -> [String] {
        let present = Set(types)
        return codeSetOrder("事项类型", fallback: Self.standardTypes, extra: present).filter(present.contains)
    }

    /// 事项类型 of GB/T 39046-2020 (A.1), in its order.
    static let standardTypes = [
        "行政许可", "行政处罚", "行政强制", "行政征收", "行政给付", "行政检查", "行政确认", "行政奖励", "行政裁决",
        "其他行政权力", "公共服务",
    ]

    /// The values of code set `set` in the profiles' order (`fallback` without it), then any
    /// of `extra` not among them, in code point order.
    private func codeSetOrder(_ set: String, fallback: [String], extra: some Sequence<String>) -> [String] {
        let listed = codeSets[set].map { $0.map(\.name) } ?? fallback
        let known = Set(listed)
        return listed + Set(extra).subtracting(known).sorted { $0.unicodeScalars.lexicographicallyPrecedes($1.unicodeScalars) }
    }

    /// The national code of `value` in code set `set`, if the profiles give one.
    public func nationalCode(of value: String, in set: String) -> String? {
        codeSets[set]?.first { $0.name == value }?.code
    }

    /// The format version this library writes.
    public static let currentFormatVersion = 1
}

/// A fraction such as the 内控线 `2/3`.
public struct Ratio: Codable, Sendable, Equatable, Hashable {
    public var numerator: Int
    public var denominator: Int
    public init(numerator: Int, denominator: Int) {
        self.numerator = numerator
        self.denominator = denominator
    }
    /// The ratio as a number.
    public var value: Double { Double(numerator) / Double(denominator) }
}

/// 实施机关: an agency that carries out items.
public struct Agency: Codable, Sendable, Equatable, Identifiable {
    public var id: String
    public var name: String
    /// 统一社会信用代码 (GB 32100).
    public var creditCode: String?
    public var address: String?
    public var phone: String?
    public var website: String?
    public init(
        id: String, name: String, creditCode: String? = nil, address: String? = nil,
        phone: String? = nil, website: String? = nil
    ) {
        self.id = id
        self.name = name
        self.creditCode = creditCode
        self.address = address
        self.phone = phone
        self.website = website
    }
}

/// 窗口: a window of the service centre where items are accepted.
public struct ServiceWindow: Codable, Sendable, Equatable, Identifiable {
    public var id: String
    public var name: String
    /// 类别: a value of the profiles' code set 窗口类别 (工程类, 经营类, 公民类, 综合 by default; a
    /// locality's profile may add its own, e.g. 综窗, 专窗).
    public var category: String
    /// 地点.
    public var location: String?
    /// 办公时间.
    public var hours: String?
    public var phone: String?
    public init(
        id: String, name: String, category: String, location: String? = nil,
        hours: String? = nil, phone: String? = nil
    ) {
        self.id = id
        self.name = name
        self.category = category
        self.location = location
        self.hours = hours
        self.phone = phone
    }
}

/// 法规: a law or regulation cited by items.
public struct Law: Codable, Sendable, Equatable, Identifiable {
    public var id: String
    public var name: String
    /// 层级: 法律, 行政法规, 地方性法规, 部门规章, 地方政府规章 or 规范性文件.
    public var level: String
    /// 文号, e.g. 国务院令第373号.
    public var documentNumber: String?
    /// 施行日期 as written (YYYY-MM-DD).
    public var effectiveDate: String?
    public var url: String?
    public init(
        id: String, name: String, level: String, documentNumber: String? = nil,
        effectiveDate: String? = nil, url: String? = nil
    ) {
        self.id = id
        self.name = name
        self.level = level
        self.documentNumber = documentNumber
        self.effectiveDate = effectiveDate
        self.url = url
    }
}

/// 材料库 entry: a material many items ask for.
public struct SharedMaterial: Codable, Sendable, Equatable, Identifiable {
    public var id: String
    public var name: String
    /// 来源.
    public var source: String?
    /// 可共享: the window can fetch it from another system, so applicants need not submit it.
    public var shareable: Bool
    public var form: MaterialForm?
    public var copies: Int?
    public var medium: String?
    public var requirement: String?
    public init(
        id: String, name: String, source: String? = nil, shareable: Bool = false,
        form: MaterialForm? = nil, copies: Int? = nil, medium: String? = nil,
        requirement: String? = nil
    ) {
        self.id = id
        self.name = name
        self.source = source
        self.shareable = shareable
        self.form = form
        self.copies = copies
        self.medium = medium
        self.requirement = requirement
    }
}
