import Catalog
import Diagnostics
import Foundation
import Standards
import YAMLSyntax

/// What compiling a catalog folder gave: the catalog (when catalog.yaml could be bound),
/// every diagnostic in output order, and the texts they quote.
public struct CompilationResult: Sendable {
    public var catalog: Catalog?
    public var diagnostics: [Diagnostic]
    public var sources: SourceTexts
    /// How many files were read (items, catalog.yaml and profiles).
    public var fileCount: Int
    /// Set when the folder itself cannot be used: the run exits 2.
    public var unusable: LocalizedText?
}

/// Settings of a compilation.
public struct CompileOptions: Sendable {
    public var load: LoadOptions
    public var standards: StandardsLocator

    public init(load: LoadOptions = LoadOptions(), standards: StandardsLocator = StandardsLocator()) {
        self.load = load
        self.standards = standards
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
        var result = CompilationResult(catalog: nil, diagnostics: [], sources: SourceTexts(), fileCount: 0)
        if let problem = SourceLoader.folderProblem(folder) {
            result.unusable = problem
            return result
        }
        let loader = SourceLoader(options: options.load)

        // The standards.
        guard let standardsFolder = options.standards.folder(for: folder) else {
            result.diagnostics.append(Diagnostic(
                CompilerCodes.noStandards, at: nil,
                message: LocalizedText(
                    zh: "找不到标准配置文件夹 standards/；请用 --standards 指定", en: "no standards/ folder of profiles was found; name one with --standards")))
            return result
        }
        let (library, profileFiles, profileProblems) = StandardsLocator.load(folder: standardsFolder, loader: loader)
        result.diagnostics += profileProblems
        for f in profileFiles { result.sources.add(file: f.path, text: f.text) }
        result.fileCount += profileFiles.count

        // The catalog's own files.
        let (files, problems) = loader.load(folder: folder)
        result.diagnostics += problems
        result.fileCount += files.count
        for f in files {
            result.sources.add(file: f.path, text: f.text)
            result.diagnostics += f.diagnostics
        }
        guard let catalogFile = files.first(where: { $0.relativePath == "catalog.yaml" || $0.relativePath == "catalog.yml" }) else {
            let path = folder.hasSuffix("/") ? folder + "catalog.yaml" : folder + "/catalog.yaml"
            result.diagnostics.append(Diagnostic(
                CompilerCodes.catalogFileMissing, at: SourceSpan(file: path, range: SourceRange(at: .init(line: 1, column: 1))),
                message: LocalizedText(zh: "目录文件夹中没有 catalog.yaml，无法检查其中的事项", en: "the catalog folder has no catalog.yaml, so its items cannot be checked")))
            result.diagnostics = result.diagnostics.sortedForOutput()
            return result
        }
        guard let catalogRoot = catalogFile.root else {
            result.diagnostics = result.diagnostics.sortedForOutput()
            return result
        }

        // The profiles catalog.yaml names, before the rest of it: its code sets come from them.
        let standardIDs = Self.standardIDs(in: catalogRoot)
        var profile: EffectiveProfile? = nil
        switch library.resolve(standardIDs.map(\.id)) {
        case .success(let p): profile = p
        case .failure(let error):
            result.diagnostics.append(Self.describe(error, standardIDs: standardIDs, file: catalogFile.path, library: library))
        }
        var binder = CatalogBinder(file: catalogFile.path, codeSets: profile?.codeSets ?? [:])
        let header = binder.bind(catalogRoot)
        result.diagnostics += binder.diagnostics
        // Without its standards nothing can be said of the items but noise.
        guard let profile, !standardIDs.isEmpty else {
            result.diagnostics = result.diagnostics.sortedForOutput()
            return result
        }

        // Items, in parallel; everything after parsing is per file.
        let itemFiles = files.filter { $0.relativePath.hasPrefix("items/") }
        let bundleFiles = files.filter { $0.relativePath.hasPrefix("bundles/") }
        for f in files where f.relativePath != catalogFile.relativePath && !f.relativePath.hasPrefix("items/") && !f.relativePath.hasPrefix("bundles/") {
            result.diagnostics.append(Diagnostic(
                CompilerCodes.notAnItem, at: SourceSpan(file: f.path, range: SourceRange(at: .init(line: 1, column: 1))),
                message: LocalizedText(zh: "该文件不在 items/ 文件夹中，不作为事项读取", en: "the file is not under items/ and is not read as an item")))
        }
        let timeRules = TimeRules(internalControlLine: header.catalog.internalControlLine)
        let followsManual = profile.profiles.contains { $0.document == "业务手册" }
        let bound = ParallelMap(count: itemFiles.count, jobs: options.load.jobs) { i -> (BoundItem?, [Diagnostic]) in
            let file = itemFiles[i]
            guard let root = file.root else { return (nil, []) }
            var itemBinder = ItemBinder(file: file.path, profile: profile, header: header)
            guard let item = itemBinder.bind(root) else { return (nil, itemBinder.diagnostics) }
            var reporter = itemBinder.b.reporter
            timeRules.check(item, &reporter)
            FlowRules().check(item, &reporter)
            if followsManual { StaffRules().check(item, &reporter) }
            return (item, reporter.diagnostics)
        }.run()

        var items: [BoundItem] = []
        var codes: [String: BoundItem] = [:]
        for (item, diagnostics) in bound {
            result.diagnostics += diagnostics
            guard let item else { continue }
            if !item.item.code.isEmpty, let first = codes[item.item.code] {
                var reporter = Reporter(file: item.spans.file, settings: profile.rules)
                reporter.report(CompilerCodes.duplicateItemCode, at: item.spans.code ?? item.spans.start,
                    zh: "事项编码“\(item.item.code)”已被 \(first.spans.file) 使用", en: "the item code \"\(item.item.code)\" is already used by \(first.spans.file)",
                    notes: [DiagnosticNote(LocalizedText(zh: "第一次使用在这里", en: "first used here"),
                                           at: SourceSpan(file: first.spans.file, range: first.spans.code ?? first.spans.start))])
                result.diagnostics += reporter.diagnostics
                continue
            }
            codes[item.item.code] = item
            items.append(item)
        }

        // Bundles, once every item is known.
        let byCode = Dictionary(items.map { ($0.item.code, $0.item) }, uniquingKeysWith: { a, _ in a })
        var bundles: [ServiceBundle] = []
        var bundleCodes: [String: (String, SourceRange)] = [:]
        for file in bundleFiles {
            guard let root = file.root else { continue }
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
            bundleCodes[bound.bundle.code] = (file.path, bound.codeRange)
            let (bundle, found) = BundleRules(items: byCode, header: header, settings: profile.rules).check(bound)
            result.diagnostics += found
            bundles.append(bundle)
        }

        var catalog = header.catalog
        catalog.items = items.map(\.item).sorted { $0.code < $1.code }
        catalog.bundles = bundles.sorted { $0.code < $1.code }
        catalog.internalElements = (profile.elements.filter { !$0.isPublic }.map(\.key) + [ElementKey.materialReviewPoints]).sorted()
        result.catalog = catalog
        result.diagnostics = Suppressions.apply(result.diagnostics, files: files.filter { $0.root != nil }.map { ($0.path, $0.text) }, settings: profile.rules)
        result.diagnostics = result.diagnostics.sortedForOutput()
        return result
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
