import Foundation

/// The look of the generated site: the bundled templates and assets, with any of them
/// replaced by file name.
///
/// - A `*.mustache` name replaces the bundled template of that name, or, when there is none,
///   adds a partial the other templates can include as `{{> name}}` (without `.mustache`).
/// - Any other name replaces the bundled asset of that name (`site.css`, `search.js`), or
///   adds an asset, written to `assets/<name>` in the public and the internal output.
///
/// Names are plain file names: no folders, no leading `.`. The command line reads a
/// `--theme DIR` into ``overrides``.
public struct Theme: Sendable, Equatable {
    public var overrides: [String: [UInt8]]

    public init(overrides: [String: [UInt8]] = [:]) {
        self.overrides = overrides
    }

    /// The bundled look, with nothing replaced.
    public static let standard = Theme()

    /// The bundled templates, in the order they are documented.
    public static let templateNames = [
        "layout.mustache", "guide.mustache", "checklist.mustache", "flow.mustache",
        "manual.mustache", "index.mustache", "manual-index.mustache", "link.mustache",
        "steps.mustache", "text.mustache", "bundle.mustache", "bundle-checklist.mustache",
        "window-list.mustache", "booklet.mustache",
        "guide-notice.mustache", "guide-special.mustache", "guide-national.mustache",
        "checklist-national.mustache", "manual-national.mustache", "fact-row.mustache",
        "questionnaire.mustache", "variants.mustache",
    ]

    /// The bundled assets, written to `assets/`.
    public static let assetNames = ["site.css", "search.js", "scenario.js"]

    /// The bytes of a bundled template or asset, e.g. to start a theme from.
    public static func bundledFile(named name: String) throws -> [UInt8] {
        guard templateNames.contains(name) || assetNames.contains(name),
            let url = Bundle.module.url(
                forResource: name, withExtension: nil, subdirectory: "Templates")
        else { throw GeneratorError.missingResource(name) }
        do {
            return Array(try Data(contentsOf: url))
        } catch {
            throw GeneratorError.missingResource(name)
        }
    }

    /// The file of that name: the override if there is one, else the bundled file.
    func file(named name: String) throws -> [UInt8] {
        if let bytes = overrides[name] { return bytes }
        return try Self.bundledFile(named: name)
    }

    /// Throws a ``GeneratorError`` when the theme cannot be used: a file name that is not
    /// plain, a template that is not UTF-8 or does not parse, templates that include each
    /// other in a cycle, or a partial named by page data. ``SiteGenerator`` checks the same.
    public func check() throws {
        _ = try SiteTemplates(self, fastRendering: false)
    }

    func validate() throws {
        for name in overrides.keys.sorted() {
            let ok =
                !name.isEmpty && !name.hasPrefix(".") && !name.contains("/")
                && !name.contains("\\") && !name.unicodeScalars.contains { $0.value < 0x20 }
            if !ok { throw GeneratorError.invalidThemeFileName(name) }
        }
    }

    /// Every asset name: the bundled ones and those the theme adds, sorted.
    var allAssetNames: [String] {
        let added = overrides.keys.filter { !$0.hasSuffix(".mustache") }
        return Set(Self.assetNames + added).sorted()
    }

    /// Template names the theme adds beyond the bundled ones.
    var addedTemplateNames: [String] {
        overrides.keys.filter { $0.hasSuffix(".mustache") && !Self.templateNames.contains($0) }
            .sorted()
    }
}
