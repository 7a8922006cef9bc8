import Standards

/// The headings the standards' profiles give the elements an item sheet or a Word guide
/// fills: every name of an element (名称, 别名, 繁体, 标准名称), every heading that stands
/// for a field of one (法定办结时限 → 办理时限.法定) and every 提示别名, each read as the
/// built-in heading of ``ItemSheet`` that fills the same element. Read from the effective
/// profile, never copied: a name a profile adds is a heading the next import knows.
///
/// Which element a name means is the profiles' own answer (``EffectiveProfile``): an
/// element's own name before another's 别名, the first element declaring a name in the
/// order of 标准, a 提示别名 only where no element has that name. A built-in heading keeps
/// its built-in meaning whatever a profile says of it (结果名称, which DB44/T 1148 hints at
/// 审批证件, stays 审批结果.名称), and `--map` comes before both.
enum ProfileHeadings {
    /// Profile heading → the built-in heading it stands for.
    static func headings(_ profile: EffectiveProfile) -> [String: String] {
        // The element (键) or field (键.字段) a name stands for, by the profiles.
        func target(_ name: String, hints: Bool) -> String? {
            if let (spec, _) = profile.element(named: name) { return spec.key }
            if let alias = profile.fieldAlias(named: name) { return alias.elementKey + "." + alias.field }
            guard hints, let (spec, hint, _) = profile.hinted(name) else { return nil }
            return hint.field.map { spec.key + "." + $0 } ?? spec.key
        }
        // Each element a built-in heading names (a name the profiles accept, not a hint),
        // filled by the first such heading in Unicode order: they fill the same field.
        var builtIn: [String: String] = [:]
        for heading in ItemSheet.headings.keys.sorted() {
            if let t = target(heading, hints: false), builtIn[t] == nil { builtIn[t] = heading }
        }
        var names = profile.elements.flatMap { [$0.name] + $0.synonyms + $0.traditional + ($0.standardName.map { [$0] } ?? []) }
        names += profile.fieldAliases.keys.sorted()
        names += profile.profiles.flatMap { $0.elements.flatMap { $0.hints.map(\.name) } }
        var out: [String: String] = [:]
        for name in names where ItemSheet.headings[name] == nil && out[name] == nil {
            if let t = target(name, hints: true), let heading = builtIn[t] { out[name] = heading }
        }
        return out
    }

    /// The names the profiles give elements no column fills (办理时限 as a whole, 审批证件):
    /// a heading that is one is told apart from a heading zhinan does not know at all.
    static func unimportable(_ profile: EffectiveProfile) -> Set<String> {
        let known = headings(profile)
        let names = profile.elements.flatMap { [$0.name] + $0.synonyms + $0.traditional + ($0.standardName.map { [$0] } ?? []) }
        return Set(names.filter { ItemSheet.headings[$0] == nil && known[$0] == nil })
    }
}
