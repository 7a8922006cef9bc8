import Catalog

/// The rows of the national 实施清单 elements (GB/T 39554.2-2020) that are lists: the
/// profiles' code sets with their national codes, and each item's 业务办理项, 联办机构,
/// 网上办理深度, 特别程序, 送达方式, 常见问题 and the materials its 告知承诺 replaces. The
/// item's single-valued elements are columns of `items` (see ``CatalogSQLite/ddl``).
struct NationalInserters {
    let codeSets: Database.Inserter
    let handlingItems: Database.Inserter
    let jointAgencies: Database.Inserter
    let onlineDepths: Database.Inserter
    let specialProcedures: Database.Inserter
    let deliveryMethods: Database.Inserter
    let faqs: Database.Inserter
    let replaced: Database.Inserter

    init(_ db: Database) throws {
        codeSets = try db.inserter("code_sets", ["set_name", "position", "name", "code"])
        handlingItems = try db.inserter("handling_items", ["item_code", "position", "code", "name"])
        jointAgencies = try db.inserter("item_joint_agencies", ["item_code", "position", "agency_id"])
        onlineDepths = try db.inserter("item_online_depths", ["item_code", "position", "value"])
        specialProcedures = try db.inserter("special_procedures", [
            "item_code", "position", "kind", "limit_kind", "limit_days", "law_id", "article", "text", "note",
        ])
        deliveryMethods = try db.inserter("delivery_methods", ["item_code", "position", "value"])
        faqs = try db.inserter("faqs", ["item_code", "position", "question", "answer"])
        replaced = try db.inserter("commitment_replaced_materials", ["item_code", "position", "material_name"])
    }

    var all: [Database.Inserter] {
        [codeSets, handlingItems, jointAgencies, onlineDepths, specialProcedures, deliveryMethods, faqs, replaced]
    }

    /// The code sets, by name in code point order, each in the profile's order.
    func insert(codeSets sets: [String: [CodeValue]]) throws {
        for name in sets.keys.sorted(by: { $0.unicodeScalars.lexicographicallyPrecedes($1.unicodeScalars) }) {
            for (i, v) in sets[name]!.enumerated() { try codeSets.insert(name, i, v.name, v.code) }
        }
    }

    /// The list-valued national elements of `item` (after the item's own row).
    func insert(_ item: Item) throws {
        let code = item.code, n = item.national
        for (i, h) in n.handlingItems.enumerated() { try handlingItems.insert(code, i, h.code, h.name) }
        for (i, a) in n.jointAgencyIDs.enumerated() { try jointAgencies.insert(code, i, a) }
        for (i, d) in n.onlineDepth.enumerated() { try onlineDepths.insert(code, i, d) }
        for (i, p) in n.specialProcedures.enumerated() {
            try specialProcedures.insert(
                code, i, p.kind, CatalogSQLite.kind(p.limit), p.limit?.days, p.basis?.lawID, p.basis?.article,
                p.basis?.text, p.note)
        }
        for (i, d) in (item.result?.delivery ?? []).enumerated() { try deliveryMethods.insert(code, i, d) }
        for (i, f) in n.faqs.enumerated() { try faqs.insert(code, i, f.question, f.answer) }
        for (i, m) in (n.commitment?.replacedMaterials ?? []).enumerated() { try replaced.insert(code, i, m) }
    }
}
