import Catalog

/// What the exports leave out so that a catalog without the national 实施清单 elements
/// (GB/T 39554.2-2020) exports exactly as before they existed, and how a reader puts it back:
///
/// - an item's `national` when no national element is set;
/// - a material's `verifyOriginal` and a time limit's `noStatutoryLimit` (the item's and
///   each 情形差异's) when false;
/// - an item's `questions`, `conditionApplicability` and `scenarioVariants` (情形) when empty,
///   and a bundle's `questions` when empty;
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
        members["bundles"] = eachObject(members["bundles"]) { fields in
            if fields["questions"] == .array([]) { fields["questions"] = nil }
        }
        return .object(members)
    }

    /// Each object of the array `list` (bundles, materials, 情形差异) edited by `edit`.
    static func eachObject(_ list: JSONValue?, _ edit: (inout [String: JSONValue]) -> Void) -> JSONValue? {
        guard case .array(let bundles)? = list else { return list }
        return .array(bundles.map { b in
            guard case .object(var fields) = b else { return b }
            edit(&fields)
            return .object(fields)
        })
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
        mapTimeLimits(&members, dropNoStatutoryLimit)
        members["materials"] = eachObject(members["materials"]) { m in
            if m["verifyOriginal"] == .boolean(false) { m["verifyOriginal"] = nil }
        }
        return .object(members)
    }

    /// `transform` applied to an item's `timeLimits` and to each of its 情形差异's.
    static func mapTimeLimits(_ item: inout [String: JSONValue], _ transform: (JSONValue) -> JSONValue) {
        item["timeLimits"] = item["timeLimits"].map(transform)
        item["scenarioVariants"] = eachObject(item["scenarioVariants"]) { $0["timeLimits"] = $0["timeLimits"].map(transform) }
    }

    /// A ``TimeLimits`` tree without `noStatutoryLimit: false`.
    static func dropNoStatutoryLimit(_ tree: JSONValue) -> JSONValue {
        guard case .object(var limits) = tree, limits["noStatutoryLimit"] == .boolean(false) else { return tree }
        limits["noStatutoryLimit"] = nil
        return .object(limits)
    }

    /// A ``TimeLimits`` tree as read, `noStatutoryLimit: false` put back where it was left out.
    static func restoreNoStatutoryLimit(_ tree: JSONValue) -> JSONValue {
        guard case .object(var limits) = tree, limits["noStatutoryLimit"] == nil else { return tree }
        limits["noStatutoryLimit"] = .boolean(false)
        return .object(limits)
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
        members["bundles"] = eachObject(members["bundles"]) { fields in
            if fields["questions"] == nil { fields["questions"] = .array([]) }
        }
        if case .array(let items)? = members["items"] {
            members["items"] = .array(items.map { item in
                guard case .object(var fields) = item else { return item }
                if fields["national"] == nil { fields["national"] = emptyNational }
                for key in scenarioLists where fields[key] == nil { fields[key] = .array([]) }
                mapTimeLimits(&fields, restoreNoStatutoryLimit)
                fields["materials"] = eachObject(fields["materials"]) { m in
                    if m["verifyOriginal"] == nil { m["verifyOriginal"] = .boolean(false) }
                }
                return .object(fields)
            })
        }
        return .object(members)
    }
}
