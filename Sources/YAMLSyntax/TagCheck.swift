import Diagnostics

/// Whether a core-schema tag fits what it is written on. `!!int 食品经营许可` or `!!map` on a
/// list would otherwise pass quietly as whatever the text is; other YAML tools refuse them.
enum TagCheck {
    /// The problem with `tag` on a scalar, if any.
    static func mismatch(_ tag: CoreTag, on scalar: YAMLScalar, file: String, at range: SourceRange) -> Diagnostic? {
        let plain = YAMLScalar(scalar.text)
        let fits: Bool
        switch tag {
        case .str: fits = true
        case .int: fits = plain.int != nil
        case .float: fits = plain.isNumber
        case .bool: fits = plain.bool != nil
        case .null: fits = plain.isNull
        case .map, .seq: fits = false
        }
        if fits { return nil }
        let shown = scalar.text.count > 40 ? String(scalar.text.prefix(40)) + "…" : scalar.text
        return Diagnostic(
            YAMLCodes.unsupportedTag, at: SourceSpan(file: file, range: range),
            message: LocalizedText(
                zh: "标签“!!\(tag.rawValue)”与内容“\(shown)”不符（\(describe(tag).zh)）；删除标签，或改写内容",
                en: "the tag \"!!\(tag.rawValue)\" does not fit \"\(shown)\" (\(describe(tag).en)); delete the tag or fix the value"))
    }

    /// The problem with `tag` on a mapping or a list, if any.
    static func mismatch(_ tag: CoreTag, onMapping isMapping: Bool, file: String, at range: SourceRange) -> Diagnostic? {
        if tag == (isMapping ? .map : .seq) { return nil }
        return Diagnostic(
            YAMLCodes.unsupportedTag, at: SourceSpan(file: file, range: range),
            message: LocalizedText(
                zh: "标签“!!\(tag.rawValue)”不能用在\(isMapping ? "映射" : "列表")上（\(describe(tag).zh)）",
                en: "the tag \"!!\(tag.rawValue)\" cannot be put on \(isMapping ? "a mapping" : "a list") (\(describe(tag).en))"))
    }

    static func describe(_ tag: CoreTag) -> (zh: String, en: String) {
        switch tag {
        case .str: ("文字", "text")
        case .int: ("它表示整数", "it means a whole number")
        case .float: ("它表示数字", "it means a number")
        case .bool: ("它表示 true 或 false", "it means true or false")
        case .null: ("它表示空值", "it means an empty value")
        case .map: ("它表示映射", "it means a mapping")
        case .seq: ("它表示列表", "it means a list")
        }
    }
}
