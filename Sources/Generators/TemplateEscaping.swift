import Markup
import Mustache

/// How swift-mustache is made to escape with ``Markup`` instead of its own `htmlEscape()`,
/// which compares whole `Character`s and so writes `<` raw when a mark joins it.
///
/// swift-mustache 2.1.1 escapes `{{name}}` through a `MustacheContentType`, but starts every
/// template and every partial with its own HTML type (`MustacheContext.init` and
/// `withPartial` name the struct, not the registry); only a `{{% CONTENT_TYPE: … }}` pragma,
/// which it looks up in its registry while parsing, changes it for the rest of that
/// template. So ``register()`` puts ours in the registry under `HTML` (a theme's own
/// `{{% CONTENT_TYPE: HTML }}` gets ours too), and ``source(_:)`` starts every template,
/// bundled or a theme's, with that pragma.
enum TemplateEscaping {
    /// The pragma put before every template's text, on its own line (a standalone tag, so
    /// the template's first line parses as it did).
    static let pragma = "{{% CONTENT_TYPE: HTML }}\n"

    /// The text swift-mustache parses for a template.
    static func source(_ template: String) -> String { pragma + template }

    /// The line of a template that swift-mustache's `lineNumber` (counted in ``source(_:)``) is.
    static func templateLine(_ lineNumber: Int) -> Int { max(1, lineNumber - 1) }

    /// Makes our escaping the registry's `HTML` content type (once; swift-mustache's registry
    /// is process-wide and locked). Must run before a template is parsed.
    static func register() { _ = registration }

    private static let registration: Void = MustacheContentTypes.register(SiteHTML(), named: "HTML")

    /// HTML text as ``Markup`` escapes it.
    struct SiteHTML: MustacheContentType {
        func escapeText(_ text: String) -> String { Markup.escape(text) }
    }
}
