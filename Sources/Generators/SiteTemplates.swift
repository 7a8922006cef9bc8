import Mustache

/// A theme's templates (the bundled ones with the theme's replacements and additions),
/// read, parsed and checked once, before any page is made; one value serves any number of
/// catalogs.
///
/// Checked: each is UTF-8 and parses.
struct SiteTemplates: Sendable {
    let theme: Theme
    /// The templates for swift-mustache, by name without `.mustache`.
    let library: MustacheLibrary
    /// The same for the fast renderer (FastMustache.swift), when it can read them all and
    /// `fastRendering` asked for it; pages it cannot reproduce go to swift-mustache.
    let fastLibrary: FastLibrary?

    init(_ theme: Theme, fastRendering: Bool = true) throws {
        try theme.validate()
        TemplateEscaping.register()
        var library = MustacheLibrary()
        var sources: [String: String] = [:]
        for file in Theme.templateNames + theme.addedTemplateNames {
            let bytes = try theme.file(named: file)
            guard let text = String(validating: bytes, as: UTF8.self) else {
                throw GeneratorError.invalidUTF8(file)
            }
            do {
                library.register(try MustacheTemplate(string: TemplateEscaping.source(text)), named: Self.name(file))
            } catch let error as MustacheTemplate.ParserError {
                let line = TemplateEscaping.templateLine(error.context.lineNumber)
                throw GeneratorError.templateSyntax(
                    file: file, message: "line \(line), column \(error.context.columnNumber): \(error.error)")
            } catch {
                throw GeneratorError.templateSyntax(file: file, message: "\(error)")
            }
            sources[Self.name(file)] = text
        }
        self.theme = theme
        self.library = library
        fastLibrary = fastRendering ? try? FastLibrary(sources) : nil
    }

    static func name(_ file: String) -> String { String(file.dropLast(".mustache".count)) }
}
