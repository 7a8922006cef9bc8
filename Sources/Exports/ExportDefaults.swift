import Catalog

/// What the exports leave out so that a catalog without the national 实施清单 elements
/// (GB/T 39554.2-2020) exports exactly as before they existed, and how a reader puts it back:
///
/// - an item's `national` when no national element is set;
/// - a material's `verifyOriginal` and a time limit's `noStatutoryLimit` when false;
/// - an item's `questions`, `conditionApplicability` and `scenarioVariants` (情形) when empty;
/// - the catalog's `codeSets` when there are none; otherwise they are written as a list of
///   `{name, values}` sorted by name (a JSON object keyed by Chinese names has no place in
///   the XML, and both are made from one tree).
///
/// The fields are additive and optional in both schemas, so the format version stays the
/// same: a document written before them is still valid, and reads back unchanged.
enum ExportDefaults {
    /// The catalog's tree (its items already taken out) as exported.
    static func root(_ tree: JSONValue) -> JSONValue {
        guard case .object(var members) = tree else { return tree }
        if case .object(let sets)? = members["codeSets"] {
            if sets.isEmpty {
                members["codeSets"] = nil
            } else {
                members["codeSets"] = .array(
                    sets.keys.sorted { $0.unicodeScalars.lexicographicallyPrecedes($1.unicodeScalars) }.map {
                        .object(["name": .string($0), "values": sets[$0]!])
                    })
            }
        }
        return .object(members)
    }

    /// The item's 情形 lists, left out when empty.
    static let scenarioLists = ["questions", "conditionApplicability", "scenarioVariants"]

    /// An item's tree as exported.
    static func item(_ tree: JSONValue) -> JSONValue {
        guard case .object(var members) = tree else { return tree }
        // An empty ``NationalElements`` encodes as its lists, all empty (nil optionals are absent).
        if case .object(let national)? = members["national"], national.values.allSatisfy({ $0 == .array([]) }) {
            members["national"] = nil
        }
        for key in scenarioLists where members[key] == .array([]) { members[key] = nil }
        if case .object(var limits)? = members["timeLimits"], limits["noStatutoryLimit"] == .boolean(false) {
            limits["noStatutoryLimit"] = nil
            members["timeLimits"] = .object(limits)
        }
        if case .array(let materials)? = members["materials"] {
            members["materials"] = .array(materials.map { m in
                guard case .object(var fields) = m, fields["verifyOriginal"] == .boolean(false) else { return m }
                fields["verifyOriginal"] = nil
                return .object(fields)
            })
        }
        return .object(members)
    }

    /// A whole catalog's tree (items included) as exported.
    static func whole(_ tree: JSONValue) -> JSONValue {
        guard case .object(var members) = root(tree) else { return tree }
        if case .array(let items)? = members["items"] { members["items"] = .array(items.map(item)) }
        return .object(members)
    }

    /// The whole catalog's tree as read, with what ``root(_:)`` and ``item(_:)``
    /// left out put back, ready for `Catalog`'s `Decodable`.
    static func restore(_ tree: JSONValue, emptyNational: JSONValue) -> JSONValue {
        guard case .object(var members) = tree else { return tree }
        var sets: [String: JSONValue] = [:]
        if case .array(let list)? = members["codeSets"] {
            for entry in list {
                if case .object(let set) = entry, case .string(let name)? = set["name"] { sets[name] = set["values"] ?? .array([]) }
            }
        }
        members["codeSets"] = .object(sets)
        if case .array(let items)? = members["items"] {
            members["items"] = .array(items.map { item in
                guard case .object(var fields) = item else { return item }
                if fields["national"] == nil { fields["national"] = emptyNational }
                for key in scenarioLists where fields[key] == nil { fields[key] = .array([]) }
                if case .object(var limits)? = fields["timeLimits"], limits["noStatutoryLimit"] == nil {
                    limits["noStatutoryLimit"] = .boolean(false)
                    fields["timeLimits"] = .object(limits)
                }
                if case .array(let materials)? = fields["materials"] {
                    fields["materials"] = .array(materials.map { m in
                        guard case .object(var f) = m, f["verifyOriginal"] == nil else { return m }
                        f["verifyOriginal"] = .boolean(false)
                        return .object(f)
                    })
                }
                return .object(fields)
            })
        }
        return .object(members)
    }
}
