import Catalog
import Diagnostics
import Foundation
import Standards
import YAMLSyntax

/// What compiling a catalog folder gave: the catalog (when catalog.yaml could be bound),
/// the diagnostics in output order (all, or the first ``CompileOptions/maxDiagnostics``),
/// and the texts they quote.
public struct CompilationResult: Sendable {
    public var catalog: Catalog?
    public var diagnostics: [Diagnostic]
    public var sources: SourceTexts
    /// How many files were read (items, catalog.yaml and profiles).
    public var fileCount: Int
    /// Set when the folder itself cannot be used: the run exits 2.
    public var unusable: LocalizedText?
    /// The file each item of ``catalog`` was read from, by 事项编码.
    public var itemSources: [String: String] = [:]
    /// The diagnostics ``CompileOptions/maxDiagnostics`` left out of ``diagnostics``, counted.
    public var omitted = DiagnosticTally()
}

/// Settings of a compilation.
public struct CompileOptions: Sendable {
    public var load: LoadOptions
    public var standards: StandardsLocator
    /// The most diagnostics kept, the first in output order; 0 keeps all. The rest are
    /// only counted, so the memory diagnostics take stays within this however many files
    /// report (the problems of the profiles, which are trusted, are always kept).
    public var maxDiagnostics: Int

    public init(load: LoadOptions = LoadOptions(), standards: StandardsLocator = StandardsLocator(), maxDiagnostics: Int = 0) {
        self.load = load
        self.standards = standards
        self.maxDiagnostics = maxDiagnostics
    }
}

extension CatalogCompiler {
    /// Removes the profiles' 规则 settings of codes whose severity is fixed
    /// (``DiagnosticCode/isFixed``), each reported as ZN209 where it is written.
    static func dropFixedRuleSettings(from profile: inout EffectiveProfile) -> [Diagnostic] {
        var found: [Diagnostic] = []
        for (id, setting) in profile.rules.sorted(by: { $0.key < $1.key }) {
            guard let code = Suppressions.codes[id], code.isFixed else { continue }
            profile.rules[id] = nil
            guard let at = setting.location else { continue }
            found.append(Diagnostic(
                StandardsCodes.fixedRule, at: at,
                message: LocalizedText(
                    zh: "\(id)（\(code.title.zh)）保证发布的内容完整，标准配置不能关闭它或改变它的级别；请删除这一行",
                    en: "\(id) (\(code.title.en)) keeps what is published whole; no profile may switch it off or change its severity; delete this line")))
        }
        return found
    }
}

/// Compiles a catalog folder: loads its files, binds them through the profiles of the
/// standards it follows, resolves references, runs the rules.
public struct CatalogCompiler: Sendable {
    public var options: CompileOptions

    public init(options: CompileOptions = CompileOptions()) {
        self.options = options
    }

    public func compile(folder: String) -> CompilationResult {
        compile(folder: folder, memo: nil)
    }

    /// Compiles `folder`, taking from `memo` the outcome of each item file whose bytes and
    /// context are unchanged since the last compilation with it, and keeping the new ones.
    public func compile(folder: String, memo: ItemMemo?) -> CompilationResult {
        var result = CompilationResult(catalog: nil, diagnostics: [], sources: SourceTexts(), fileCount: 0)
        memo?.use(nil, nil)
        if let problem = SourceLoader.folderProblem(folder) {
            result.unusable = problem
            return result
        }
        let loader = SourceLoader(options: options.load)
        let sink = DiagnosticSink(limit: options.maxDiagnostics)

        // The standards.
        guard let standardsFolder = options.standards.folder(for: folder) else {
            result.diagnostics.append(Diagnostic(
                CompilerCodes.noStandards, at: nil,
                message: LocalizedText(
                    zh: "找不到标准配置文件夹 standards/；请用 --standards 指定", en: "no standards/ folder of profiles was found; name one with --standards")))
            return result
        }
        let (library, profileFiles, profileProblems) = StandardsLocator.load(folder: standardsFolder, loader: loader)
        sink.keepAll(profileProblems)
        result.fileCount += profileFiles.count
        // Texts are kept only for the files diagnostics quote (see `quoteSources`), so a
        // large clean catalog is not held in memory twice.
        var texts: [String: String] = [:]
        for f in profileFiles { texts[f.path] = f.text }

        // The catalog's own files: catalog.yaml and anything outside items/ first, read
        // whole; the items afterwards, each read, parsed, bound and checked by one worker
        // that keeps the typed item and drops the tree.
        let (found, problems) = loader.list(folder: folder)
        result.diagnostics += problems
        result.fileCount += found.count
        var others: [Int: SourceFile] = [:]
        for (i, f) in found.enumerated() where !f.relative.hasPrefix("items/") {
            let file = loader.read(path: f.path, relativePath: f.relative)
            texts[f.path] = file.text
            others[i] = file
        }
        let catalogIndex = found.firstIndex { $0.relative == "catalog.yaml" || $0.relative == "catalog.yml" }
        let catalogFile = catalogIndex.flatMap { others[$0] }
        // With a memo: what an item's outcome depends on besides its file (the profiles and
        // catalog.yaml), and what every item's pages share. Without one nothing is hashed.
        let memoKey = memo.map { memo -> (ItemMemo, String) in
            var contextHash = ContentHash()
            for f in profileFiles.sorted(by: { $0.path < $1.path }) {
                contextHash.update(string: f.path)
                contextHash.update(string: f.text)
            }
            contextHash.update(string: catalogFile?.text ?? "")
            let memoContext = contextHash.finalize()
            var commonHash = ContentHash()
            commonHash.update(string: memoContext)
            for (i, f) in found.enumerated() where others[i] != nil {
                commonHash.update(string: f.relative)
                commonHash.update(string: others[i]!.text)
            }
            memo.begin(commonDigest: commonHash.finalize())
            return (memo, memoContext)
        }
        defer { memo?.end() }

        // catalog.yaml, and the profiles it names before the rest of it: its code sets come from them.
        var headerDiagnostics: [Diagnostic] = []
        var context: ItemContext? = nil
        var header: CatalogHeader? = nil
        var profile: EffectiveProfile? = nil
        var standardIDs: [(id: String, range: SourceRange)] = []
        if let catalogFile, let catalogRoot = catalogFile.root {
            standardIDs = Self.standardIDs(in: catalogRoot)
            switch library.resolve(standardIDs.map(\.id)) {
            case .success(var p):
                headerDiagnostics += Self.dropFixedRuleSettings(from: &p)
                profile = p
                // Only the profiles followed count as read for this catalog: others in the
                // folder (loaded and checked all the same) do not change its count.
                result.fileCount -= profileFiles.count - p.profiles.count
            case .failure(let error):
                headerDiagnostics.append(Self.describe(error, standardIDs: standardIDs, file: catalogFile.path, library: library))
            }
            var binder = CatalogBinder(file: catalogFile.path, codeSets: profile?.codeSets ?? [:])
            let bound = binder.bind(catalogRoot)
            header = bound
            headerDiagnostics += binder.diagnostics
            // Without its standards nothing can be said of the items but noise.
            if let profile, !standardIDs.isEmpty {
                context = ItemContext(
                    profile: profile, header: bound,
                    tables: BindingTables(codeSets: profile.codeSets, profile: profile, elsewhere: Self.elsewhere(library, besides: profile)),
                    timeRules: TimeRules(internalControlLine: bound.catalog.internalControlLine),
                    followsManual: profile.profiles.contains { $0.document == "业务手册" },
                    nationalRules: NationalRules(profile: profile),
                    attachments: AttachmentCheck(folder: folder))
            }
        }

        // Items, in parallel; everything after listing is per file. Each worker settles its
        // item's diagnostics into the sink as it finishes (see `ItemOutcome.settle`), so
        // they are never all held at once.
        let itemIndices = found.indices.filter { found[$0].relative.hasPrefix("items/") }
        let itemContext = context
        memo?.use(loader, context)
        var outcomes = parallelMap(count: itemIndices.count, jobs: options.load.jobs, makeState: { WorkerBuffers() }) { k, buffers -> ItemOutcome in
            let f = found[itemIndices[k]]
            var outcome = Self.compileItem(path: f.path, relativePath: f.relative, loader: loader, context: itemContext, buffers: &buffers, memo: memoKey)
            outcome.settle(into: sink, suppressionsApply: itemContext != nil)
            return outcome
        }
        let itemPaths = Set(itemIndices.map { found[$0].path })

        for i in found.indices {
            if let file = others[i] { result.diagnostics += file.diagnostics }
        }
        guard let catalogFile else {
            let path = folder.hasSuffix("/") ? folder + "catalog.yaml" : folder + "/catalog.yaml"
            result.diagnostics.append(Diagnostic(
                CompilerCodes.catalogFileMissing, at: SourceSpan(file: path, range: SourceRange(at: .init(line: 1, column: 1))),
                message: LocalizedText(zh: "目录文件夹中没有 catalog.yaml，无法检查其中的事项", en: "the catalog folder has no catalog.yaml, so its items cannot be checked")))
            return finish(result, sink: sink, texts: texts, rereadable: itemPaths, loader: loader)
        }
        guard catalogFile.root != nil, let header else {
            return finish(result, sink: sink, texts: texts, rereadable: itemPaths, loader: loader)
        }
        result.diagnostics += headerDiagnostics
        guard let profile, context != nil else {
            return finish(result, sink: sink, texts: texts, rereadable: itemPaths, loader: loader)
        }
        for (i, f) in found.enumerated()
        where i != catalogIndex && !f.relative.hasPrefix("items/") && !f.relative.hasPrefix("bundles/") {
            result.diagnostics.append(Diagnostic(
                CompilerCodes.notAnItem, at: SourceSpan(file: f.path, range: SourceRange(at: .init(line: 1, column: 1))),
                message: LocalizedText(zh: "该文件不在 items/ 文件夹中，不作为事项读取", en: "the file is not under items/ and is not read as an item")))
        }

        var items: [BoundItem] = []
        var codes: [String: BoundItem] = [:]
        var itemFolders = FolderClaims(parent: "items", what: (zh: "事项编码", en: "item code"))
        for (k, outcome) in outcomes.enumerated() {
            guard let item = outcome.item else { continue }
            var reporter = Reporter(file: item.spans.file, settings: profile.rules)
            var refused = false
            if !item.item.code.isEmpty, let first = codes[item.item.code] {
                reporter.report(CompilerCodes.duplicateItemCode, at: item.spans.code ?? item.spans.start,
                    zh: "事项编码“\(item.item.code)”已被 \(first.spans.file) 使用", en: "the item code \"\(item.item.code)\" is already used by \(first.spans.file)",
                    notes: [DiagnosticNote(LocalizedText(zh: "第一次使用在这里", en: "first used here"),
                                           at: SourceSpan(file: first.spans.file, range: first.spans.code ?? first.spans.start))])
                refused = true
            } else if !item.item.code.isEmpty {
                refused = !itemFolders.claim(item.item.code, at: item.spans.code ?? item.spans.start, reporter: &reporter)
            }
            if refused {
                // A file that is checked again for its suppressions takes its findings there.
                if outcome.recheck { outcomes[k].late += reporter.diagnostics } else { result.diagnostics += reporter.diagnostics }
                continue
            }
            codes[item.item.code] = item
            items.append(item)
            result.itemSources[item.item.code] = item.spans.file
        }

        // Bundles, once every item is known.
        let byCode = Dictionary(items.map { ($0.item.code, $0.item) }, uniquingKeysWith: { a, _ in a })
        let refusedCodes = Set(outcomes.compactMap { $0.item == nil ? $0.writtenCode : nil })
        var bundles: [ServiceBundle] = []
        var bundleCodes: [String: (String, SourceRange)] = [:]
        var bundleFolders = FolderClaims(parent: "bundles", what: (zh: "一件事编码", en: "bundle code"))
        for (i, f) in found.enumerated() where f.relative.hasPrefix("bundles/") {
            guard let file = others[i], let root = file.root else { continue }
            var binder = BundleBinder(file: file.path, profile: profile, header: header)
            let bound = binder.bind(root)
            result.diagnostics += binder.diagnostics
            guard let bound else { continue }
            var reporter = Reporter(file: file.path, settings: profile.rules)
            if let first = bundleCodes[bound.bundle.code] {
                reporter.report(CompilerCodes.duplicateBundleCode, at: bound.codeRange,
                    zh: "一件事编码“\(bound.bundle.code)”已被 \(first.0) 使用", en: "the bundle code \(bound.bundle.code) is already used by \(first.0)",
                    notes: [DiagnosticNote(LocalizedText(zh: "第一次使用在这里", en: "first used here"), at: SourceSpan(file: first.0, range: first.1))])
                result.diagnostics += reporter.diagnostics
                continue
            }
            if let item = codes[bound.bundle.code] {
                reporter.report(CompilerCodes.duplicateBundleCode, at: bound.codeRange,
                    zh: "一件事编码“\(bound.bundle.code)”与事项 \(item.spans.file) 的事项编码相同", en: "the bundle code \(bound.bundle.code) is the code of the item in \(item.spans.file)")
                result.diagnostics += reporter.diagnostics
                continue
            }
            if !bundleFolders.claim(bound.bundle.code, at: bound.codeRange, reporter: &reporter) {
                result.diagnostics += reporter.diagnostics
                continue
            }
            bundleCodes[bound.bundle.code] = (file.path, bound.codeRange)
            let (bundle, found) = BundleRules(items: byCode, header: header, settings: profile.rules, refusedCodes: refusedCodes).check(bound)
            result.diagnostics += found
            bundles.append(bundle)
        }

        var catalog = header.catalog
        catalog.items = items.map(\.item).sorted { $0.code < $1.code }
        catalog.bundles = bundles.sorted { $0.code < $1.code }
        catalog.codeSets = Self.codeSets(of: profile)
        catalog.internalElements = (profile.elements.filter { !$0.isPublic }.map(\.key) + [ElementKey.materialReviewPoints]).sorted()
        result.catalog = catalog
        // Suppressions: items holding one were left for now (their suppressions may silence
        // a duplicate code, found only now); they are checked again, a few at a time, with
        // what was found about them since, and their suppressions applied.
        let waiting = outcomes.indices.filter { outcomes[$0].recheck }
        let chunk = 64 * options.load.jobs
        for start in stride(from: 0, to: waiting.count, by: chunk) {
            let part = waiting[start..<min(start + chunk, waiting.count)].map { ($0, outcomes[$0].late) }
            let settled = parallelMap(count: part.count, jobs: options.load.jobs, makeState: { WorkerBuffers() }) { j, buffers -> [Diagnostic] in
                let f = found[itemIndices[part[j].0]]
                let again = Self.compileItem(path: f.path, relativePath: f.relative, loader: loader, context: itemContext, buffers: &buffers, memo: memoKey)
                let all = again.parseDiagnostics + again.diagnostics + part[j].1
                guard again.parsed, let text = again.text else { return all }
                return Suppressions.apply(all, files: [(f.path, text)], settings: profile.rules)
            }
            for diagnostics in settled { sink.add(diagnostics) }
        }
        // And over the other files that parsed: catalog.yaml and bundles, read whole.
        var parsed: [(path: String, text: String)] = []
        for i in found.indices {
            if let file = others[i], file.root != nil { parsed.append((file.path, file.text)) }
        }
        result.diagnostics = Suppressions.apply(result.diagnostics, files: parsed, settings: profile.rules)
        return finish(result, sink: sink, texts: texts, rereadable: itemPaths, loader: loader)
    }

    /// What binding an item needs from catalog.yaml and the profiles.
    struct ItemContext: Sendable {
        var profile: EffectiveProfile
        var header: CatalogHeader
        var tables: BindingTables
        var timeRules: TimeRules
        var followsManual: Bool
        var nationalRules: NationalRules
        /// Checks the files items name (空表, 样表, 样本) against the catalog folder.
        var attachments: AttachmentCheck
    }

    /// One item file, read, parsed and (when catalog.yaml and its profiles could be read)
    /// bound and checked.
    struct ItemOutcome: Sendable {
        var parseDiagnostics: [Diagnostic]
        /// The file parsed into a tree (suppressions are read only from such files).
        var parsed = false
        var item: BoundItem?
        var diagnostics: [Diagnostic]
        /// The file's text, kept only when the file has diagnostics to quote or holds a
        /// suppression comment.
        var text: String?
        /// The file may hold a suppression comment.
        var suppresses = false
        /// Set by ``settle(into:suppressionsApply:)``: the file's suppressions must wait for
        /// the diagnostics found after every item (a duplicate 事项编码), so it is checked
        /// again then, with those (`late`).
        var recheck = false
        var late: [Diagnostic] = []
        /// Where each file the item names (空表, 样表, 样本) led when it was checked: a kept
        /// outcome holds only while they still do.
        var attachments: [String: AttachmentCheck.Place] = [:]
        /// For a file refused whole (no item): the 事项编码 its text writes at the start of a
        /// line, so a bundle naming it is not also told the item does not exist.
        var writtenCode: String?

        /// Hands the file's diagnostics to `sink` and drops them with the text, or, when
        /// suppressions apply and the file may hold one, drops them to check it again later.
        mutating func settle(into sink: DiagnosticSink, suppressionsApply: Bool) {
            if suppressionsApply && parsed && suppresses {
                recheck = true
            } else {
                sink.add(parseDiagnostics + diagnostics)
            }
            (parseDiagnostics, diagnostics, text) = ([], [], nil)
        }
    }

    /// What one worker reuses from item to item.
    struct WorkerBuffers {
        var bytes: [UInt8] = []
        let yaml = YAMLScratch()
    }

    /// The value of a line `事项编码: …` (quotes and a comment dropped), read from the bytes
    /// alone, for a file that did not bind.
    static func writtenCode(_ bytes: ArraySlice<UInt8>) -> String? {
        let key = Array("事项编码:".utf8)
        var lineStart = bytes.startIndex
        while lineStart < bytes.endIndex {
            let lineEnd = bytes[lineStart...].firstIndex(of: UInt8(ascii: "\n")) ?? bytes.endIndex
            if bytes[lineStart..<lineEnd].starts(with: key) {
                var value = String(decoding: bytes[(lineStart + key.count)..<lineEnd], as: UTF8.self)
                if let hash = value.range(of: " #") { value = String(value[..<hash.lowerBound]) }
                value = value.trimmingCharacters(in: .whitespaces.union(CharacterSet(charactersIn: "\"'\r")))
                return value.isEmpty ? nil : value
            }
            lineStart = lineEnd + 1
        }
        return nil
    }

    static func compileItem(
        path: String, relativePath: String, loader: SourceLoader, context: ItemContext?, buffers: inout WorkerBuffers,
        memo: (ItemMemo, String)? = nil
    ) -> ItemOutcome {
        var file: SourceFile
        let count = SourceLoader.readRegularFile(path, limit: loader.options.maxFileSize, into: &buffers.bytes)
        var digest: String? = nil
        if let count, let (memo, key) = memo {
            let d = ContentHash.digest(buffers.bytes[..<count])
            let kept = memo.outcome(path: path, digest: d, context: key) { kept in
                // What the attachment checks saw is still so (a file named may have grown, gone or become a link).
                guard let context else { return true }
                return kept.attachments.allSatisfy { context.attachments.place($0.key) == $0.value }
            }
            if let kept { return kept }
            digest = d
        }
        if let count {
            file = loader.parse(buffers.bytes[..<count], path: path, relativePath: relativePath, scratch: buffers.yaml)
        } else {
            file = loader.readThroughFoundation(path: path, relativePath: relativePath)
        }
        var outcome = ItemOutcome(parseDiagnostics: file.diagnostics, item: nil, diagnostics: [], text: nil)
        outcome.parsed = file.root != nil
        if let context, let root = file.root {
            file.root = nil
            var itemBinder = ItemBinder(file: path, profile: context.profile, header: context.header, tables: context.tables)
            if let item = itemBinder.bind(root) {
                var reporter = itemBinder.b.reporter
                context.timeRules.check(item, &reporter)
                FlowRules().check(item, &reporter)
                ScenarioRules(timeRules: context.timeRules).check(item, &reporter)
                if context.followsManual { StaffRules().check(item, &reporter) }
                context.nationalRules.check(item, header: context.header, &reporter)
                outcome.attachments = context.attachments.check(item.spans.attachments, &reporter)
                // Only the duplicate-code check reads spans from here on.
                var kept = item
                kept.spans = ItemSpans(file: item.spans.file, start: item.spans.start, code: item.spans.code)
                outcome.item = kept
                outcome.diagnostics = reporter.diagnostics
            } else {
                outcome.diagnostics = itemBinder.diagnostics
            }
        }
        if outcome.item == nil {
            outcome.writtenCode = count.map { Self.writtenCode(buffers.bytes[..<$0]) } ?? Self.writtenCode(Array(file.text.utf8)[...])
        }
        let suppresses = count.map { Suppressions.mayHold(buffers.bytes[..<$0]) } ?? file.text.contains("zhinan-ignore")
        outcome.suppresses = suppresses
        if !outcome.parseDiagnostics.isEmpty || !outcome.diagnostics.isEmpty || suppresses {
            if let count {
                outcome.text = SourceLoader.quotableText(buffers.bytes[..<count], diagnostics: file.diagnostics) ?? ""
            } else {
                outcome.text = file.text
            }
        }
        if let digest, let (memo, key) = memo { memo.keep(path: path, digest: digest, context: key, outcome: outcome) }
        return outcome
    }

    /// Settles the rest of the diagnostics into `sink`, takes from it those kept, in output
    /// order, and gives the result the texts they quote: those of the files they and their
    /// notes point into, as loading them would have (an item's file is read again).
    private func finish(
        _ result: CompilationResult, sink: DiagnosticSink, texts: [String: String], rereadable: Set<String>, loader: SourceLoader
    ) -> CompilationResult {
        var result = result
        sink.add(result.diagnostics)
        (result.diagnostics, result.omitted) = sink.result()
        var own: [String: [Diagnostic]] = [:]
        var wanted: Set<String> = []
        for d in result.diagnostics {
            if let f = d.span?.file {
                wanted.insert(f)
                own[f, default: []].append(d)
            }
            for n in d.notes { if let f = n.span?.file { wanted.insert(f) } }
        }
        for file in wanted.sorted() {
            if let text = texts[file] {
                result.sources.add(file: file, text: text)
            } else if rereadable.contains(file), let bytes = SourceLoader.readRegularFile(file, limit: loader.options.maxFileSize) {
                result.sources.add(file: file, text: SourceLoader.quotableText(bytes[...], diagnostics: own[file] ?? []) ?? "")
            }
        }
        return result
    }

    /// Every code set of the effective profile, values in the profile's order with their
    /// national codes: what ``Catalog/codeSets`` holds for the outputs.
    static func codeSets(of profile: EffectiveProfile) -> [String: [CodeValue]] {
        var sets: [String: [CodeValue]] = [:]
        for name in profile.codeSets.keys {
            sets[name] = profile.codeValues(name).map { CodeValue(name: $0.name, code: $0.code) }
        }
        return sets
    }

    /// The element names and field aliases of the library's profiles that `profile` does not
    /// follow, each with the id of the first profile (by id) defining it.
    static func elsewhere(_ library: ProfileLibrary, besides profile: EffectiveProfile) -> [String: String] {
        var owners: [String: String] = [:]
        for (id, p) in library.profiles.sorted(by: { $0.key < $1.key }) where !profile.follows(id) {
            let names = p.elements.flatMap { [$0.name] + $0.synonyms + $0.traditional } + p.aliases.map(\.name)
            for name in names where owners[name] == nil && profile.element(named: name) == nil && profile.fieldAlias(named: name) == nil {
                owners[name] = id
            }
        }
        return owners
    }

    /// The ids under 标准 in catalog.yaml, read ahead of binding the rest.
    static func standardIDs(in root: YAMLNode) -> [(id: String, range: SourceRange)] {
        guard let pair = root.mapping?.first(where: { $0.key.text == "标准" || $0.key.text == "標準" }) else { return [] }
        let nodes = pair.value.sequence ?? [pair.value]
        return nodes.compactMap { n in n.text.map { ($0, n.range) } }
    }

    static func describe(
        _ error: ProfileLibrary.ResolveError, standardIDs: [(id: String, range: SourceRange)], file: String, library: ProfileLibrary
    ) -> Diagnostic {
        switch error {
        case .unknown(let id, let suggestion, let from):
            let at = standardIDs.first { $0.id == id }?.range ?? standardIDs.first?.range ?? SourceRange(at: .init(line: 1, column: 1))
            let known = library.profiles.keys.sorted().joined(separator: "、")
            let via = from.map { "（由 \($0) 继承）" } ?? ""
            return Diagnostic(
                StandardsCodes.unknownProfile, at: SourceSpan(file: from.flatMap { library.profiles[$0]?.file } ?? file, range: from == nil ? at : SourceRange(at: .init(line: 1, column: 1))),
                message: LocalizedText(
                    zh: "找不到标准“\(id)”\(via)" + (suggestion.map { "，是否想写“\($0)”？" } ?? "；已有：\(known)"),
                    en: "no profile has the id \"\(id)\"" + (from.map { " (inherited by \($0))" } ?? "") + (suggestion.map { "; did you mean \"\($0)\"?" } ?? "; known: \(known)")))
        case .cycle(let chain):
            return Diagnostic(
                StandardsCodes.inheritanceCycle, at: SourceSpan(file: library.profiles[chain[0]]?.file ?? file, range: SourceRange(at: .init(line: 1, column: 1))),
                message: LocalizedText(zh: "标准之间循环继承：\(chain.joined(separator: " → "))", en: "profiles inherit in a cycle: \(chain.joined(separator: " → "))"))
        case .conflict(let key, let first, let second):
            return Diagnostic(
                StandardsCodes.conflictingElement, at: SourceSpan(file: library.profiles[second]?.file ?? file, range: SourceRange(at: .init(line: 1, column: 1))),
                message: LocalizedText(zh: "\(first) 与 \(second) 对要素“\(key)”规定了不同的类型", en: "\(first) and \(second) give the element \"\(key)\" different types"))
        }
    }
}
