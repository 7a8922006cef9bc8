import Catalog
import Diagnostics

/// One item file compiled alone, with catalog.yaml and the profiles of the last
/// compilation that used an ``ItemMemo``: what `zhinan serve` shows of a saved item first,
/// before the whole catalog is compiled again.
///
/// The item's own checks run (parsing, binding, its rules); the checks across items
/// (duplicate codes, bundles) and suppressions do not, so a preview is never the last
/// word: the whole compilation that follows is.
public struct ItemPreview: Sendable {
    /// The bound item; nil when the file did not parse or bind.
    public var item: Item?
    /// The file's own diagnostics, in the order found; empty for a clean file.
    public var diagnostics: [Diagnostic]
    /// The file may hold a suppression comment, which only a whole compilation applies.
    public var mayHoldSuppressions: Bool
}

extension CatalogCompiler {
    /// Compiles the item file at `path` (`relativePath` inside the catalog folder) with the
    /// context of `memo`'s last compilation, leaving the memo as it is; nil when that
    /// compilation could not bind items (no catalog.yaml, or its standards unknown).
    public static func previewItem(path: String, relativePath: String, memo: ItemMemo) -> ItemPreview? {
        guard let (loader, context) = memo.lastBinding else { return nil }
        var buffers = WorkerBuffers()
        let outcome = compileItem(path: path, relativePath: relativePath, loader: loader, context: context, buffers: &buffers)
        return ItemPreview(
            item: outcome.item?.item, diagnostics: outcome.parseDiagnostics + outcome.diagnostics,
            mayHoldSuppressions: outcome.suppresses)
    }
}
