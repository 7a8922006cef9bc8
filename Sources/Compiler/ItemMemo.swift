import Foundation

/// What one compilation of a folder learnt about each item file, kept for the next one so
/// that `zhinan serve` re-binds and re-checks only the items whose file changed.
///
/// An item's outcome depends only on its own bytes and on its context (the profiles and
/// catalog.yaml): a file whose bytes and context are both as they were is taken from the
/// memo instead of being parsed, bound and checked again. The checks across items
/// (duplicate codes, bundles, suppressions) always run again, on the kept outcomes.
///
/// Each compilation keeps only the files it saw, so the memo holds one entry per item file
/// of the catalog as it is now, however many edits came before.
public final class ItemMemo: @unchecked Sendable {
    /// A class, so moving an entry to the next compilation copies a reference, not the item.
    final class Entry: Sendable {
        let digest: String
        let context: String
        let outcome: CatalogCompiler.ItemOutcome

        init(digest: String, context: String, outcome: CatalogCompiler.ItemOutcome) {
            self.digest = digest
            self.context = context
            self.outcome = outcome
        }
    }

    private let lock = NSLock()
    private var entries: [String: Entry] = [:]
    private var next: [String: Entry] = [:]
    private var reused = 0
    private var compiled = 0

    public init() {}

    /// The digest of the profiles and every file of the catalog but the items, at the last
    /// compilation: what every item's pages share.
    public private(set) var commonDigest = ""

    /// What the last compilation bound its items with (its loader and the context of
    /// catalog.yaml and the profiles); nil when it could not bind them.
    var lastBinding: (loader: SourceLoader, context: CatalogCompiler.ItemContext)? {
        lock.lock()
        defer { lock.unlock() }
        return binding
    }
    private var binding: (loader: SourceLoader, context: CatalogCompiler.ItemContext)?

    /// Sets (or, with no context, clears) what ``lastBinding`` returns.
    func use(_ loader: SourceLoader?, _ context: CatalogCompiler.ItemContext?) {
        lock.lock()
        binding = loader.flatMap { loader in context.map { (loader, $0) } }
        lock.unlock()
    }

    /// Each item file's content digest at the last compilation, by the path diagnostics use.
    public var itemDigests: [String: String] {
        lock.lock()
        defer { lock.unlock() }
        return entries.mapValues(\.digest)
    }

    /// How many item files the last compilation took from the memo, and how many it compiled.
    public var lastCounts: (reused: Int, compiled: Int) {
        lock.lock()
        defer { lock.unlock() }
        return (reused, compiled)
    }

    func begin(commonDigest: String) {
        lock.lock()
        next = [:]
        reused = 0
        compiled = 0
        self.commonDigest = commonDigest
        lock.unlock()
    }

    func end() {
        lock.lock()
        entries = next
        next = [:]
        lock.unlock()
    }

    /// The outcome kept for `path`, when its bytes and context are unchanged and `isCurrent`
    /// holds for it (the files it names are as they were).
    func outcome(
        path: String, digest: String, context: String, isCurrent: (CatalogCompiler.ItemOutcome) -> Bool
    ) -> CatalogCompiler.ItemOutcome? {
        lock.lock()
        let found = next[path] ?? entries[path]
        lock.unlock()
        guard let entry = found, entry.digest == digest, entry.context == context, isCurrent(entry.outcome) else { return nil }
        lock.lock()
        defer { lock.unlock() }
        next[path] = entry
        reused += 1
        return entry.outcome
    }

    func keep(path: String, digest: String, context: String, outcome: CatalogCompiler.ItemOutcome) {
        lock.lock()
        next[path] = Entry(digest: digest, context: context, outcome: outcome)
        compiled += 1
        lock.unlock()
    }
}
