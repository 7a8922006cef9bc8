/// The files of an imported catalog, and what the import did.
public struct ImportWriter {
    public let catalog: ImportedCatalog
    public let profile: ImportProfile

    public init(catalog: ImportedCatalog, profile: ImportProfile) {
        self.catalog = catalog
        self.profile = profile
    }

    /// catalog.yaml, then items/<实施编码>.yaml per item, as (path, text).
    public func files() -> [(path: String, text: String)] {
        var out = [(path: "catalog.yaml", text: ImportYAML.document(catalog.header, comments: [
            "由 zhinan import 导入。“# 待补充：”处是源数据没有的要素，请补齐后运行 zhinan check。",
        ]))]
        for item in catalog.items { out.append((path: "items/" + item.fileName, text: text(of: item))) }
        return out
    }

    /// One item in the profile's element order; a required element the source lacks is a placeholder.
    public func text(of item: ImportedItem) -> String {
        var entries: [ImportedEntry] = []
        var written: Set<String> = []
        for element in profile.elements {
            written.insert(element.name)
            if let value = item.elements[element.name] { entries.append(ImportedEntry(element.name, value)) }
            else if element.required { entries.append(ImportedEntry(element.name, .placeholder(element.name))) }
        }
        for (name, value) in item.elements.sorted(by: { $0.key < $1.key }) where !written.contains(name) {
            entries.append(ImportedEntry(name, value))
        }
        var text = ImportYAML.document(entries, comments: ["来源：\(item.source)"])
        if !item.notes.isEmpty {
            text += "# 未导入的源数据（请核对后处理）：\n" + item.notes.map { "#   " + ImportYAML.commentText($0) + "\n" }.joined()
        }
        return text
    }

    /// What the import did, counted from the files written.
    public struct Summary: Equatable {
        public var items = 0
        /// Elements written with a value (each element of each item counts once).
        public var filled = 0
        /// Placeholders left, per element (field), in first-seen order.
        public var placeholders: [(name: String, count: Int)] = []
        public var skipped: [SkippedRow] = []

        public static func == (a: Summary, b: Summary) -> Bool {
            a.items == b.items && a.filled == b.filled && a.skipped == b.skipped
                && a.placeholders.map(\.name) == b.placeholders.map(\.name) && a.placeholders.map(\.count) == b.placeholders.map(\.count)
        }

        /// The summary as lines, in zh or en; the values and rows left out listed too
        /// unless `listingSkipped` is false (they are then printed as diagnostics).
        public func lines(chinese: Bool, listingSkipped: Bool = true) -> [String] {
            var out = [chinese ? "已导入 \(items) 个事项，填入 \(filled) 个要素" : "imported \(items) items, \(filled) elements filled"]
            if !placeholders.isEmpty {
                out.append(chinese ? "待补充（源数据没有）：" : "placeholders left (not in the source):")
                out += placeholders.map { "  \($0.name): \($0.count)" }
            }
            if !skipped.isEmpty && listingSkipped {
                out.append(chinese ? "未导入的值和行：" : "values and rows left out:")
                out += skipped.map { s in
                    let place = s.line > 0 ? "\(s.file):\(s.line)" : s.file
                    return "  \(place) \(s.column): \(chinese ? s.zh : s.en)"
                }
            }
            return out
        }
    }

    public func summary(of files: [(path: String, text: String)]) -> Summary {
        var s = Summary()
        s.items = catalog.items.count
        s.skipped = catalog.skipped
        for item in catalog.items { s.filled += item.elements.filter { if case .placeholder = $0.value { false } else { true } }.count }
        var counts: [String: Int] = [:]
        var order: [String] = []
        for file in files {
            for line in file.text.split(separator: "\n") {
                let t = line.drop { $0 == " " }
                guard t.hasPrefix(ImportYAML.placeholderPrefix) else { continue }
                let name = String(t.dropFirst(ImportYAML.placeholderPrefix.count))
                if counts[name] == nil { order.append(name) }
                counts[name, default: 0] += 1
            }
        }
        s.placeholders = order.map { ($0, counts[$0]!) }
        return s
    }
}
