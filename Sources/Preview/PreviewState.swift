import Diagnostics

/// What the preview server shows, as of the latest build: the folder of the last site
/// built without errors, and the diagnostics of the latest build (which may have errors).
public struct PreviewState: Sendable {
    /// The private folder holding `public/` and `internal/` of the last good build; nil
    /// until a build has succeeded.
    public var root: String?
    /// Counts the builds; open pages reload when it changes.
    public var generation = 0
    /// The latest build's diagnostics, in output order, and the texts they quote.
    public var diagnostics: [Diagnostic] = []
    public var sources = SourceTexts()
    public var fileCount = 0
    /// Why the latest build could not be made at all (no catalog folder, a broken theme …).
    public var problem: LocalizedText?
    /// Each item's page folder (`items/<segment>/`) and the file it was made from.
    public var itemFolders: [String: String] = [:]
    public var language: Language

    public init(language: Language) {
        self.language = language
    }

    /// Errors and warnings of the latest build.
    public var tally: DiagnosticTally { DiagnosticTally(diagnostics) }

    /// The item file whose page `path` (`public/items/<segment>/…`) is, if any.
    func itemFile(ofPage path: String) -> String? {
        let parts = path.split(separator: "/", maxSplits: 3)
        guard parts.count >= 3, parts[1] == "items" else { return nil }
        return itemFolders["items/\(parts[2])/"]
    }
}
