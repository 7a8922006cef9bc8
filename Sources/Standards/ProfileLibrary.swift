import Diagnostics
import YAMLSyntax

/// The profiles available to a run, by id.
public struct ProfileLibrary: Sendable {
    public private(set) var profiles: [String: Profile] = [:]

    public init(_ profiles: [Profile] = []) {
        for p in profiles { self.profiles[p.id] = p }
    }

    /// Adds a profile; reports a second profile with the same id.
    public mutating func add(_ profile: Profile) -> Diagnostic? {
        if let existing = profiles[profile.id] {
            return Diagnostic(
                StandardsCodes.duplicate, at: SourceSpan(file: profile.file, range: SourceRange(at: .init(line: 1, column: 1))),
                message: LocalizedText(
                    zh: "编号“\(profile.id)”已由 \(existing.file) 使用",
                    en: "the id \"\(profile.id)\" is already used by \(existing.file)"))
        }
        profiles[profile.id] = profile
        return nil
    }

    /// The effective profile for a catalog that follows `ids`, in that order: each profile
    /// after the profiles it inherits from, elements merged by key. `nil` for an id that
    /// no profile has, or a cycle; the error names it.
    public func resolve(_ ids: [String]) -> Result<EffectiveProfile, ResolveError> {
        var order: [Profile] = []
        var state: [String: Bool] = [:]  // false: in progress, true: done
        func visit(_ id: String, chain: [String]) -> ResolveError? {
            if state[id] == true { return nil }
            if state[id] == false { return .cycle(chain + [id]) }
            guard let p = profiles[id] else {
                return .unknown(id, suggestion: Suggestion.closest(to: id, in: profiles.keys.sorted()), from: chain.last)
            }
            state[id] = false
            for parent in p.parents {
                if let e = visit(parent, chain: chain + [id]) { return e }
            }
            state[id] = true
            order.append(p)
            return nil
        }
        for id in ids {
            if let e = visit(id, chain: []) { return .failure(e) }
        }
        return EffectiveProfile.merge(order)
    }

    public enum ResolveError: Error, Equatable {
        /// No profile has this id; `from` is the profile that inherits it, if any.
        case unknown(String, suggestion: String?, from: String?)
        case cycle([String])
        /// Two profiles give one key different types.
        case conflict(key: String, first: String, second: String)
    }
}

/// What a catalog is checked against: the elements of all the profiles it follows, their
/// code sets, rule settings and parameters, later profiles overriding earlier ones.
public struct EffectiveProfile: Sendable {
    /// The profiles merged, parents before children.
    public var profiles: [Profile]
    /// Elements by key, in first-declared order.
    public var elements: [ElementSpec]
    public var codeSets: [String: [String]]
    /// The national codes of code-set values: set → value → code.
    public var nationalCodes: [String: [String: String]] = [:]
    public var rules: [String: RuleSetting]
    public var parameters: [String: String]
    /// Headings that stand for a field of an element (法定办结时限 → 办理时限.法定), by name.
    public private(set) var fieldAliases: [String: FieldAlias] = [:]

    private var byName: [String: (index: Int, spelling: Spelling)] = [:]
    /// 提示别名 by name: the element, the hint, and the id of the profile that gives it.
    private var byHint: [String: (index: Int, hint: ElementHint, profile: String)] = [:]

    /// How an element's name was written.
    public enum Spelling: Sendable, Equatable {
        case canonical, synonym, traditional
    }

    static func merge(_ order: [Profile]) -> Result<EffectiveProfile, ProfileLibrary.ResolveError> {
        var e = EffectiveProfile(profiles: order, elements: [], codeSets: [:], rules: [:], parameters: [:])
        var indexByKey: [String: (Int, String)] = [:]
        for p in order {
            for spec in p.elements {
                if let (i, owner) = indexByKey[spec.key] {
                    var merged = e.elements[i]
                    guard merged.type == spec.type else {
                        return .failure(.conflict(key: spec.key, first: owner, second: p.id))
                    }
                    merged.isRequired = merged.isRequired || spec.isRequired
                    merged.isPublic = merged.isPublic || spec.isPublic
                    merged.synonyms += spec.synonyms.filter { !merged.synonyms.contains($0) && $0 != merged.name }
                    if spec.name != merged.name && !merged.synonyms.contains(spec.name) { merged.synonyms.append(spec.name) }
                    merged.traditional += spec.traditional.filter { !merged.traditional.contains($0) }
                    merged.codeSet = spec.codeSet ?? merged.codeSet
                    merged.help = merged.help ?? spec.help
                    merged.standardName = merged.standardName ?? spec.standardName
                    e.elements[i] = merged
                    for h in spec.hints where e.byHint[h.name] == nil { e.byHint[h.name] = (i, h, p.id) }
                } else {
                    indexByKey[spec.key] = (e.elements.count, p.id)
                    for h in spec.hints where e.byHint[h.name] == nil { e.byHint[h.name] = (e.elements.count, h, p.id) }
                    e.elements.append(spec)
                }
            }
            for (name, values) in p.codeSets {
                if p.extendedCodeSets.contains(name), let inherited = e.codeSets[name] {
                    e.codeSets[name] = inherited + values.filter { !inherited.contains($0) }
                    e.nationalCodes[name] = (e.nationalCodes[name] ?? [:]).merging(p.nationalCodes[name] ?? [:]) { old, _ in old }
                } else {
                    e.codeSets[name] = values
                    e.nationalCodes[name] = p.nationalCodes[name]
                }
            }
            e.rules.merge(p.rules) { _, new in new }
            e.parameters.merge(p.parameters) { _, new in new }
        }
        e.addScenarioElements()
        for (i, spec) in e.elements.enumerated() {
            e.byName[spec.name] = (i, .canonical)
            for s in spec.synonyms where e.byName[s] == nil { e.byName[s] = (i, .synonym) }
            for t in spec.traditional where e.byName[t] == nil { e.byName[t] = (i, .traditional) }
        }
        e.addAliases(order.flatMap(\.aliases))
        return .success(e)
    }

    /// Adds FORMAT.md's 情形 elements (``Fields/scenarioElements``), which every catalog has,
    /// where no profile declares their 键: before 申请材料 (what they decide), else last. A
    /// name a profile's element already has keeps that meaning.
    private mutating func addScenarioElements() {
        let taken = Set(elements.flatMap { [$0.name] + $0.synonyms + $0.traditional })
        let missing = Fields.scenarioElements.filter { spec in
            !elements.contains { $0.key == spec.key } && !taken.contains(spec.name)
        }
        let at = elements.firstIndex { $0.key == "materials" } ?? elements.count
        guard !missing.isEmpty else { return }
        elements.insert(contentsOf: missing, at: at)
        // The 提示别名 point at elements by index: those after the insertion move along.
        for (name, found) in byHint where found.index >= at {
            byHint[name] = (found.index + missing.count, found.hint, found.profile)
        }
    }

    /// Makes the profiles' 别名 names of the elements they point to, where the profiles
    /// followed define that element (and, for a field, one with that field); an alias whose
    /// element is not followed waits for a catalog that follows it. A name an element already
    /// has keeps its meaning.
    private mutating func addAliases(_ aliases: [ElementAlias]) {
        for alias in aliases where byName[alias.name] == nil && fieldAliases[alias.name] == nil {
            guard let (i, _) = byName[alias.element] else { continue }
            let spec = elements[i]
            if let field = alias.field {
                guard case .record(let fields)? = Fields.shape(of: spec.type), fields.contains(where: { $0.name == field }) else { continue }
                fieldAliases[alias.name] = FieldAlias(name: alias.name, elementKey: spec.key, field: field)
            } else {
                elements[i].synonyms.append(alias.name)
                byName[alias.name] = (i, .synonym)
            }
        }
    }

    /// The heading `name` when it stands for a field of an element.
    public func fieldAlias(named name: String) -> FieldAlias? { fieldAliases[name] }

    /// A code set's values in order, each with its national code where the profiles give one.
    public func codeValues(_ set: String) -> [(name: String, code: String?)] {
        (codeSets[set] ?? []).map { ($0, nationalCodes[set]?[$0]) }
    }

    /// The element written under `name`, and how it was spelt.
    public func element(named name: String) -> (ElementSpec, Spelling)? {
        byName[name].map { (elements[$0.index], $0.spelling) }
    }

    /// The element a guide's heading `name` means, by a profile's 提示别名, when `name` is
    /// not itself a name of an element: the element, the hint, and the profile saying so.
    public func hinted(_ name: String) -> (element: ElementSpec, hint: ElementHint, profile: String)? {
        guard byName[name] == nil, let found = byHint[name] else { return nil }
        return (elements[found.index], found.hint, found.profile)
    }

    /// The element with this English key.
    public func element(key: String) -> ElementSpec? {
        elements.first { $0.key == key }
    }

    /// The element whose presence satisfies a requirement of the element with key `key`:
    /// GB/T 39554.2-2020's 审批结果 takes the place of DB44/T 1148's 审批证件, so either one
    /// meets a profile that requires the other. Nil when none stands in, or when the profiles
    /// followed do not define it.
    public func standIn(for key: String) -> ElementSpec? {
        let standIns = ["certificate": "result", "result": "certificate"]
        return standIns[key].flatMap { element(key: $0) }
    }

    /// The canonical names of all elements, for did-you-mean.
    public var elementNames: [String] { elements.map(\.name) }

    /// Whether a rule is on, and at what severity.
    public func setting(for code: DiagnosticCode) -> (enabled: Bool, severity: Severity) {
        let s = code.isFixed ? nil : rules[code.id]
        return (s?.isEnabled ?? true, s?.severity ?? code.defaultSeverity)
    }

    /// Whether the catalog follows a profile with this id (itself or through inheritance).
    public func follows(_ id: String) -> Bool { profiles.contains { $0.id == id } }

    /// The profiles that govern a document (办事指南, 业务手册).
    public func profiles(forDocument document: String) -> [Profile] {
        profiles.filter { $0.document == document }
    }
}
