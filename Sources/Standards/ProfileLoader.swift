import Diagnostics
import Glibc
import YAMLSyntax

/// Reads a profile from its YAML tree, reporting every problem at its position.
public struct ProfileLoader: Sendable {
    public init() {}

    /// The profile in `root`, read from `file`; `nil` when it lacks what makes a profile.
    public func load(_ root: YAMLNode, file: String) -> (Profile?, [Diagnostic]) {
        var diagnostics: [Diagnostic] = []
        func report(_ code: DiagnosticCode, _ range: SourceRange, _ zh: String, _ en: String) {
            diagnostics.append(Diagnostic(code, at: SourceSpan(file: file, range: range), message: LocalizedText(zh: zh, en: en)))
        }
        guard let pairs = root.mapping else {
            report(StandardsCodes.badValue, root.range, "标准配置应当是一个映射（键: 值）", "a profile is a mapping (key: value)")
            return (nil, diagnostics)
        }
        var reader = MappingReader(pairs)
        func text(_ name: String, required: Bool) -> String? {
            guard let p = reader.take(name) else {
                if required {
                    report(StandardsCodes.missingField, root.range, "标准配置缺少“\(name)”", "the profile lacks \(name)")
                }
                return nil
            }
            guard let t = p.value.text else {
                report(StandardsCodes.badValue, p.value.range, "“\(name)”应当是文字", "\(name) must be text")
                return nil
            }
            return t
        }
        func textList(_ node: YAMLNode, _ what: String) -> [String] {
            if let t = node.text { return [t] }
            guard let items = node.sequence else {
                report(StandardsCodes.badValue, node.range, "“\(what)”应当是文字列表", "\(what) must be a list of text")
                return []
            }
            return items.compactMap { item in
                if let t = item.text { return t }
                report(StandardsCodes.badValue, item.range, "“\(what)”的每一项应当是文字", "each entry of \(what) must be text")
                return nil
            }
        }

        let id = text("编号", required: true)
        let title = text("名称", required: true)
        let document = text("文档", required: false)
        let parents = reader.take("继承").map { textList($0.value, "继承") } ?? []
        var profile = Profile(id: id ?? "", title: title ?? "", document: document, parents: parents, file: file)

        if let p = reader.take("代码集") {
            if let sets = p.value.mapping {
                for s in sets { codeSet(s, into: &profile, report: report) }
            } else {
                report(StandardsCodes.badValue, p.value.range, "“代码集”应当是 名称: [值, …] 的映射", "代码集 must map names to lists of values")
            }
        }
        if let p = reader.take("别名") {
            if let pairs = p.value.mapping {
                profile.aliases = pairs.compactMap { alias($0, report: report) }
            } else {
                report(StandardsCodes.badAlias, p.value.range, "“别名”应当是 标题: 要素 的映射", "别名 must map headings to elements")
            }
        }
        if let p = reader.take("参数") {
            if let params = p.value.mapping {
                for param in params {
                    if let t = param.value.text { profile.parameters[param.key.text] = t }
                    else { report(StandardsCodes.badValue, param.value.range, "参数“\(param.key.text)”应当是文字", "the parameter \(param.key.text) must be text") }
                }
                checkFormats(params, profile.parameters, report)
            } else {
                report(StandardsCodes.badValue, p.value.range, "“参数”应当是映射", "参数 must be a mapping")
            }
        }
        if let p = reader.take("规则") {
            if let rules = p.value.mapping {
                for rule in rules {
                    if var setting = ruleSetting(rule.value, report: report) {
                        setting.location = SourceSpan(file: file, range: rule.keyRange)
                        profile.rules[rule.key.text.uppercased()] = setting
                    }
                }
            } else {
                report(StandardsCodes.badValue, p.value.range, "“规则”应当是 代码: 设置 的映射", "规则 must map codes to settings")
            }
        }
        if let p = reader.take("要素") {
            if let list = p.value.sequence {
                var names: [String: SourceRange] = [:], keys: [String: SourceRange] = [:]
                for node in list {
                    guard let spec = element(node, report: report) else { continue }
                    for n in [spec.name] + spec.synonyms + spec.traditional {
                        if names[n] != nil {
                            report(StandardsCodes.duplicate, node.range, "要素名称“\(n)”重复", "the element name \(n) is used twice")
                        }
                        names[n] = node.range
                    }
                    if keys[spec.key] != nil {
                        report(StandardsCodes.duplicate, node.range, "要素的键“\(spec.key)”重复", "the element key \(spec.key) is used twice")
                    }
                    keys[spec.key] = node.range
                    profile.elements.append(spec)
                }
            } else {
                report(StandardsCodes.badValue, p.value.range, "“要素”应当是列表", "要素 must be a list")
            }
        } else if parents.isEmpty {
            report(StandardsCodes.missingField, root.range, "标准配置缺少“要素”", "the profile lacks 要素")
        }
        for extra in reader.unread {
            let hint = Suggestion.closest(to: extra.key.text, in: ["编号", "名称", "文档", "继承", "要素", "代码集", "别名", "规则", "参数"])
            report(StandardsCodes.unknownField, extra.keyRange,
                   "未知的字段“\(extra.key.text)”" + (hint.map { "，是否想写“\($0)”？" } ?? ""),
                   "unknown field \"\(extra.key.text)\"" + (hint.map { "; did you mean \"\($0)\"?" } ?? ""))
        }
        return (id == nil || title == nil ? nil : profile, diagnostics.sortedForOutput())
    }

    /// One set of 代码集: a list of values, each text or `{名称, 代码}`, or `{扩展: that list}`
    /// to add to the inherited set of the same name.
    private func codeSet(_ pair: YAMLPair, into profile: inout Profile, report: (DiagnosticCode, SourceRange, String, String) -> Void) {
        let name = pair.key.text
        var list = pair.value
        if let pairs = pair.value.mapping {
            var r = MappingReader(pairs)
            guard let extended = r.take("扩展") else {
                report(StandardsCodes.badCodeValue, pair.value.range, "代码集“\(name)”应当是值的列表，或 扩展: [值, …]", "the code set \(name) must be a list of values, or 扩展: [values]")
                return
            }
            for extra in r.unread {
                report(StandardsCodes.unknownField, extra.keyRange, "代码集“\(name)”中未知的字段“\(extra.key.text)”；只能写“扩展”", "unknown field \"\(extra.key.text)\" in the code set \(name); only 扩展 may be written")
            }
            profile.extendedCodeSets.insert(name)
            list = extended.value
        }
        guard let entries = list.sequence else {
            report(StandardsCodes.badCodeValue, list.range, "代码集“\(name)”应当是值的列表", "the code set \(name) must be a list of values")
            return
        }
        var values: [String] = [], codes: [String: String] = [:]
        for entry in entries {
            var value: String? = entry.text, code: String? = nil
            if let pairs = entry.mapping {
                var r = MappingReader(pairs)
                let namePair = r.take("名称"), codePair = r.take("代码")
                for extra in r.unread {
                    report(StandardsCodes.unknownField, extra.keyRange, "代码集的值中未知的字段“\(extra.key.text)”；只能写“名称”和“代码”", "unknown field \"\(extra.key.text)\" in a code set value; only 名称 and 代码 may be written")
                }
                value = namePair?.value.text
                if namePair == nil { report(StandardsCodes.missingField, entry.range, "代码集“\(name)”的值缺少“名称”", "a value of the code set \(name) lacks 名称") }
                else if value == nil { report(StandardsCodes.badCodeValue, namePair!.value.range, "“名称”应当是文字", "名称 must be text") }
                if let c = codePair {
                    code = c.value.text
                    if code == nil { report(StandardsCodes.badCodeValue, c.value.range, "“代码”应当是文字，如 \"4\"", "代码 must be text, such as \"4\"") }
                }
            } else if value == nil {
                report(StandardsCodes.badCodeValue, entry.range, "代码集“\(name)”的每个值应当是文字，或 {名称, 代码}", "each value of the code set \(name) is text, or {名称, 代码}")
            }
            guard let value else { continue }
            if values.contains(value) {
                report(StandardsCodes.badCodeValue, entry.range, "代码集“\(name)”中的值“\(value)”重复", "the value \(value) appears twice in the code set \(name)")
                continue
            }
            values.append(value)
            if let code { codes[value] = code }
        }
        profile.codeSets[name] = values
        profile.nationalCodes[name] = codes.isEmpty ? nil : codes
    }

    /// One entry of 别名: `标题: 要素` or `标题: 要素.字段`.
    private func alias(_ pair: YAMLPair, report: (DiagnosticCode, SourceRange, String, String) -> Void) -> ElementAlias? {
        let name = pair.key.text
        guard let target = pair.value.text else {
            report(StandardsCodes.badAlias, pair.keyRange, "别名“\(name)”应当指向一个要素（要素 或 要素.字段）", "the alias \(name) must name an element (要素 or 要素.字段)")
            return nil
        }
        let parts = target.split(separator: ".", omittingEmptySubsequences: false).map(String.init)
        guard parts.count <= 2, parts.allSatisfy({ !$0.isEmpty }), parts[0] != name else {
            report(StandardsCodes.badAlias, pair.keyRange, "别名“\(name)”的目标“\(target)”应当是 要素 或 要素.字段，且不能是它自己", "the alias \(name) must point to 要素 or 要素.字段 other than itself, not \"\(target)\"")
            return nil
        }
        return ElementAlias(name: name, element: parts[0], field: parts.count == 2 ? parts[1] : nil)
    }

    private func element(
        _ node: YAMLNode, report: (DiagnosticCode, SourceRange, String, String) -> Void
    ) -> ElementSpec? {
        guard let pairs = node.mapping else {
            report(StandardsCodes.badValue, node.range, "每个要素应当是映射（名称、键、类型…）", "each element is a mapping (名称, 键, 类型 …)")
            return nil
        }
        var r = MappingReader(pairs)
        func field(_ name: String) -> YAMLPair? { r.take(name) }
        func list(_ name: String) -> [String] {
            guard let p = field(name) else { return [] }
            if let t = p.value.text { return [t] }
            return p.value.sequence?.compactMap(\.text) ?? []
        }
        func flag(_ name: String, yes: String, no: String, default value: Bool) -> Bool {
            guard let p = field(name) else { return value }
            switch p.value.text {
            case yes, "true": return true
            case no, "false": return false
            default:
                report(StandardsCodes.badValue, p.value.range, "“\(name)”应当是“\(yes)”或“\(no)”", "\(name) must be \(yes) or \(no)")
                return value
            }
        }
        let name = field("名称")?.value.text
        let key = field("键")?.value.text
        let typeNode = field("类型")
        var type: ElementType? = nil
        if let t = typeNode?.value.text {
            type = ElementType(rawValue: t)
            if type == nil {
                let hint = Suggestion.closest(to: t, in: ElementType.allCases.map(\.rawValue))
                report(StandardsCodes.badValue, typeNode!.value.range,
                       "未知的类型“\(t)”" + (hint.map { "，是否想写“\($0)”？" } ?? "") + "；可用的类型见 standards/README.md",
                       "unknown type \"\(t)\"" + (hint.map { "; did you mean \"\($0)\"?" } ?? "") + "; standards/README.md lists the types")
            }
        }
        for (value, what) in [(name, "名称"), (key, "键")] where value == nil {
            report(StandardsCodes.missingField, node.range, "要素缺少“\(what)”", "the element lacks \(what)")
        }
        if typeNode == nil { report(StandardsCodes.missingField, node.range, "要素缺少“类型”", "the element lacks 类型") }
        let required = flag("必填", yes: "是", no: "否", default: false)
        let isPublic = flag("可见", yes: "公开", no: "内部", default: true)
        let standardName = field("标准名称")?.value.text
        let synonyms = list("别名"), traditional = list("繁体")
        let codeSet = field("代码集")?.value.text
        let help = field("说明")?.value.text
        let hints = field("提示别名").map { elementHints($0.value, report: report) } ?? []
        for extra in r.unread {
            let hint = Suggestion.closest(to: extra.key.text, in: ["名称", "键", "类型", "必填", "可见", "标准名称", "别名", "繁体", "代码集", "说明", "提示别名"])
            report(StandardsCodes.unknownField, extra.keyRange,
                   "要素中未知的字段“\(extra.key.text)”" + (hint.map { "，是否想写“\($0)”？" } ?? ""),
                   "unknown element field \"\(extra.key.text)\"" + (hint.map { "; did you mean \"\($0)\"?" } ?? ""))
        }
        guard let name, let key, let type else { return nil }
        if let fixed = type.fixedKey, fixed != key {
            report(StandardsCodes.typeKeyMismatch, typeNode!.value.range,
                   "类型“\(type.rawValue)”只能用于键“\(fixed)”，这里的键是“\(key)”",
                   "the type \(type.rawValue) goes only with the key \"\(fixed)\", not \"\(key)\"")
            return nil
        }
        if (type == .code || type == .codeList) && codeSet == nil {
            report(StandardsCodes.missingField, node.range, "类型为“\(type.rawValue)”的要素必须写明“代码集”", "an element of type \(type.rawValue) must name its 代码集")
        }
        return ElementSpec(
            name: name, key: key, type: type, isRequired: required, isPublic: isPublic,
            standardName: standardName, synonyms: synonyms, traditional: traditional, codeSet: codeSet, help: help,
            hints: hints)
    }

    /// 提示别名: a list whose entries are a name, or `{名称: …, 字段: …}`.
    private func elementHints(
        _ node: YAMLNode, report: (DiagnosticCode, SourceRange, String, String) -> Void
    ) -> [ElementHint] {
        let shape = ("“提示别名”的每一项应当是名称，或 {名称: …, 字段: …}", "each entry of 提示别名 must be a name or {名称: …, 字段: …}")
        let entries = node.sequence ?? [node]
        return entries.compactMap { entry in
            if let name = entry.text { return ElementHint(name) }
            guard let pairs = entry.mapping,
                  let name = pairs.first(where: { $0.key.text == "名称" })?.value.text,
                  pairs.allSatisfy({ ["名称", "字段"].contains($0.key.text) && $0.value.text != nil })
            else {
                report(StandardsCodes.badValue, entry.range, shape.0, shape.1)
                return nil
            }
            return ElementHint(name, field: pairs.first { $0.key.text == "字段" }?.value.text)
        }
    }

    private func ruleSetting(
        _ node: YAMLNode, report: (DiagnosticCode, SourceRange, String, String) -> Void
    ) -> RuleSetting? {
        func severity(_ text: String) -> Severity?? {
            switch text {
            case "错误", "error": return .some(.error)
            case "警告", "warning": return .some(.warning)
            case "提示", "note": return .some(.note)
            default: return nil
            }
        }
        if let t = node.text {
            if t == "关闭" || t == "否" { return RuleSetting(isEnabled: false) }
            if let s = severity(t) { return RuleSetting(severity: s) }
            report(StandardsCodes.badValue, node.range, "规则设置应当是“错误”“警告”“提示”或“关闭”", "a rule setting is 错误, 警告, 提示 or 关闭")
            return nil
        }
        report(StandardsCodes.badValue, node.range, "规则设置应当是“错误”“警告”“提示”或“关闭”", "a rule setting is 错误, 警告, 提示 or 关闭")
        return nil
    }

    /// Each code format of ``ProfileParameter/formats`` a POSIX extended regular expression
    /// (one that is not would accept every code), and its example, when given, fitting it.
    private func checkFormats(
        _ params: [YAMLPair], _ values: [String: String], _ report: (DiagnosticCode, SourceRange, String, String) -> Void
    ) {
        for (format, example) in ProfileParameter.formats {
            guard let pattern = values[format], let at = params.first(where: { $0.key.text == format })?.value.range else { continue }
            var regex = regex_t()
            guard regcomp(&regex, pattern, REG_EXTENDED | REG_NOSUB) == 0 else {
                report(StandardsCodes.badValue, at, "参数“\(format)”的值“\(pattern)”不是有效的 POSIX 扩展正则表达式",
                       "the parameter \(format), \"\(pattern)\", is not a valid POSIX extended regular expression")
                continue
            }
            defer { regfree(&regex) }
            if let example, let sample = values[example], let exampleAt = params.first(where: { $0.key.text == example })?.value.range,
               sample.utf8.contains(0) || regexec(&regex, sample, 0, nil, 0) != 0 {
                report(StandardsCodes.badValue, exampleAt, "参数“\(example)”的值“\(sample)”不符合“\(format)” \(pattern)",
                       "the parameter \(example), \"\(sample)\", does not match \(format) \(pattern)")
            }
        }
    }
}
