import Catalog
import Mustache

// The 窗口受理清单 (one sheet per window: every item it accepts, with its materials in short
// form) and the 审批清单 booklet (the whole catalog by 事项类型 and 实施机关).

/// One item on a window's sheet: its index entry (answering for its names) with its materials.
struct WindowItemView {
    var entry: IndexEntry
    var materials: ListView<MaterialRow>?
    /// Said when 情形差异 change 办件类型 or 办理时限: the sheet shows the item's own.
    var scenarioNote: String?
}

/// `windows/<窗口>.html`.
struct WindowListPage {
    var site: Chrome
    var windowName: String
    var category: String
    var location: String?
    var hours: String?
    var windowPhone: LinkView?
    var windowItems: [WindowItemView]
    var count: Int
    /// The site index, relative to the page.
    var home: String
}

/// One row of the booklet.
struct BookletRow {
    var entryCode: String
    var entryName: String
    var href: String
    var entryCaseType: String?
    var statutory: String?
    var promised: String?
    var feeText: String
    /// As ``WindowItemView/scenarioNote``.
    var scenarioNote: String?
}

/// The items of one 实施机关 within a 事项类型.
struct BookletAgency {
    var title: String
    var count: Int
    var bookletRows: [BookletRow]
}

/// One 事项类型.
struct BookletType {
    var title: String
    var anchor: String
    var count: Int
    var bookletAgencies: [BookletAgency]
}

/// `booklet.html`: the 审批清单.
struct BookletPage {
    var site: Chrome
    var itemCount: Int
    var bookletTypes: [BookletType]
}

extension ViewBuilder {
    /// Each window's file under `windows/`, in catalog order (the folder-safe segment of its id).
    func windowListPath(_ w: ServiceWindow) -> String { "windows/\(PathSegment.forCode(w.id)).html" }

    /// Links to every window's sheet from a page at `root`.
    func windowListLinks(root: String) -> [LinkView] {
        catalog.windows.map { LinkView(text: $0.name, sitePath: root + windowListPath($0)) }
    }

    func windowList(_ w: ServiceWindow, isInternal: Bool) -> WindowListPage {
        let items = catalog.items.filter { $0.windowIDs.contains(w.id) }.map { item in
            var e = entry(item, page: isInternal ? "manual.html" : "index.html")
            e.href = "../" + e.href
            return WindowItemView(
                entry: e, materials: ListView(materialRows(item, linkShared: false, withReview: false)),
                scenarioNote: Self.scenarioNote(item))
        }
        var site = chrome(root: "../", isInternal: isInternal)
        site.printStyleHTML = printStyle(authority: w.name, code: nil)
        return WindowListPage(
            site: site, windowName: w.name, category: w.category, location: w.location,
            hours: w.hours, windowPhone: w.phone.map(LinkView.init(phone:)), windowItems: items,
            count: items.count, home: "../index.html")
    }

    func booklet() -> BookletPage {
        // The standard's order of 事项类型 (the profiles'), any other type after them.
        let types = catalog.typeOrder(of: catalog.items.map(\.type))
        let agencyOrder = catalog.agencies.map(\.id)
        let groups = types.enumerated().map { i, type in
            let ofType = catalog.items.filter { $0.type == type }
            var ids: [String] = agencyOrder.filter { id in ofType.contains { $0.agencyID == id } }
            for item in ofType where !ids.contains(item.agencyID) { ids.append(item.agencyID) }
            let agencies = ids.map { id in
                let rows = ofType.filter { $0.agencyID == id }.map { item in
                    BookletRow(
                        entryCode: item.code, entryName: item.name, href: "items/\(segment(item))/index.html",
                        entryCaseType: item.caseType?.rawValue, statutory: item.timeLimits?.statutory?.text,
                        promised: item.timeLimits?.promised?.text, feeText: Self.feeText(item.fees),
                        scenarioNote: Self.scenarioNote(item))
                }
                return BookletAgency(title: self.agencies[id]?.name ?? id, count: rows.count, bookletRows: rows)
            }
            return BookletType(title: type, anchor: "type-\(i + 1)", count: ofType.count, bookletAgencies: agencies)
        }
        return BookletPage(site: chrome(root: "", isInternal: false), itemCount: catalog.items.count, bookletTypes: groups)
    }

    /// 收费 in a few words: 不收费, the fees' names, or — when the catalog does not say.
    static func feeText(_ fees: Fees?) -> String {
        switch fees {
        case nil: "—"
        case .free?: "不收费"
        case .charged(let list)?:
            list.isEmpty ? "不收费" : list.map { "\($0.name)：\($0.standard)" + (($0.applicability?.clauses.isEmpty ?? true) ? "" : "（仅部分情形）") }
                .joined(separator: "；")
        }
    }

    /// What a sheet that shows an item's own 办件类型 and 办理时限 says when 情形差异 change them.
    static func scenarioNote(_ item: Item) -> String? {
        item.scenarioVariants.contains { $0.caseType != nil || $0.timeLimits != nil } ? "因情形而异，见办事指南" : nil
    }
}

extension WindowItemView: FastParent, FastValueConvertible, MustacheParent {
    var fastValue: FastValue { .parent(self) }
    func child(_ key: ViewKey) -> FastValue? {
        switch key {
        case .entry: entry.fast
        case .materials: materials.fast
        case .scenarioNote: scenarioNote.fast
        default: entry.child(key)
        }
    }
    func child(named key: String) -> Any? {
        switch key {
        case "entry": entry
        case "materials": materials
        case "scenarioNote": scenarioNote
        default: entry.child(named: key)
        }
    }
}

extension WindowListPage: FastParent, FastValueConvertible, MustacheParent {
    var fastValue: FastValue { .parent(self) }
    func child(_ key: ViewKey) -> FastValue? {
        switch key {
        case .site: site.fast
        case .windowName: windowName.fast
        case .category: category.fast
        case .location: location.fast
        case .hours: hours.fast
        case .windowPhone: windowPhone.fast
        case .windowItems: windowItems.fast
        case .count: count.fast
        case .home: home.fast
        default: nil
        }
    }
    func child(named key: String) -> Any? { ViewKey(rawValue: key).flatMap(mustacheChild) }
    private func mustacheChild(_ key: ViewKey) -> Any? {
        switch key {
        case .site: site
        case .windowName: windowName
        case .category: category
        case .location: location
        case .hours: hours
        case .windowPhone: windowPhone
        case .windowItems: windowItems
        case .count: count
        case .home: home
        default: nil
        }
    }
}

extension BookletRow: FastParent, FastValueConvertible, MustacheParent {
    var fastValue: FastValue { .parent(self) }
    func child(_ key: ViewKey) -> FastValue? {
        switch key {
        case .entryCode: entryCode.fast
        case .entryName: entryName.fast
        case .href: href.fast
        case .entryCaseType: entryCaseType.fast
        case .statutory: statutory.fast
        case .promised: promised.fast
        case .feeText: feeText.fast
        case .scenarioNote: scenarioNote.fast
        default: nil
        }
    }
    func child(named key: String) -> Any? { ViewKey(rawValue: key).flatMap(mustacheChild) }
    private func mustacheChild(_ key: ViewKey) -> Any? {
        switch key {
        case .entryCode: entryCode
        case .entryName: entryName
        case .href: href
        case .entryCaseType: entryCaseType
        case .statutory: statutory
        case .promised: promised
        case .feeText: feeText
        case .scenarioNote: scenarioNote
        default: nil
        }
    }
}

extension BookletAgency: FastParent, FastValueConvertible, MustacheParent {
    var fastValue: FastValue { .parent(self) }
    func child(_ key: ViewKey) -> FastValue? {
        switch key {
        case .title: title.fast
        case .count: count.fast
        case .bookletRows: bookletRows.fast
        default: nil
        }
    }
    func child(named key: String) -> Any? {
        switch key {
        case "title": title
        case "count": count
        case "bookletRows": bookletRows
        default: nil
        }
    }
}

extension BookletType: FastParent, FastValueConvertible, MustacheParent {
    var fastValue: FastValue { .parent(self) }
    func child(_ key: ViewKey) -> FastValue? {
        switch key {
        case .title: title.fast
        case .anchor: anchor.fast
        case .count: count.fast
        case .bookletAgencies: bookletAgencies.fast
        default: nil
        }
    }
    func child(named key: String) -> Any? {
        switch key {
        case "title": title
        case "anchor": anchor
        case "count": count
        case "bookletAgencies": bookletAgencies
        default: nil
        }
    }
}

extension BookletPage: FastParent, FastValueConvertible, MustacheParent {
    var fastValue: FastValue { .parent(self) }
    func child(_ key: ViewKey) -> FastValue? {
        switch key {
        case .site: site.fast
        case .itemCount: itemCount.fast
        case .bookletTypes: bookletTypes.fast
        default: nil
        }
    }
    func child(named key: String) -> Any? {
        switch key {
        case "site": site
        case "itemCount": itemCount
        case "bookletTypes": bookletTypes
        default: nil
        }
    }
}
