import ArgumentParser
import Compiler
import Diagnostics
import Foundation

struct New: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "新建文件。 Create new files.",
        subcommands: [Item.self, CatalogFolder.self]
    )

    struct CatalogFolder: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "catalog",
            abstract: "新建目录文件夹。 Write a new catalog folder that checks clean.",
            discussion: """
                Writes FOLDER/catalog.yaml with every field commented, FOLDER/items/ with one \
                example item, and FOLDER/.gitignore for build output (_site/, *.sqlite). The \
                folder must not exist or be empty. zhinan check FOLDER passes on the result; \
                zhinan new item FOLDER --code C adds items.
                Exit status: 0 when the catalog was written, 1 when the profiles have errors \
                or a file cannot be written, 2 for a usage error (an unknown standard, a folder \
                that is not empty).
                """
        )

        @Argument(help: "The folder to create.")
        var folder: String

        @Option(name: .customLong("standard"), parsing: .upToNextOption, help: ArgumentHelp(
            "The standards the catalog follows (default: DB44/T 1147-2013 and DB44/T 1148-2013).", valueName: "ID"))
        var standardIDs: [String] = ["DB44/T 1147-2013", "DB44/T 1148-2013"]

        @Option(help: ArgumentHelp("The catalog's name (目录名称).", valueName: "NAME"))
        var name: String = "示例目录"

        @OptionGroup var profiles: ProfileOptions

        func run() throws {
            let language = profiles.language
            // An empty FOLDER (an unset variable) would have its files written at the root, `/items`.
            if let empty = OutputGuard.emptyPath(folder, language) {
                emitError("zhinan: error: \(empty)\n")
                throw Status.unusable
            }
            let entries = (try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []
            var isFolder: ObjCBool = false
            let exists = FileManager.default.fileExists(atPath: folder, isDirectory: &isFolder)
            if exists && (!isFolder.boolValue || !entries.isEmpty) {
                emitError(language == .zh
                    ? "zhinan: error: “\(folder)”已经存在且不是空文件夹，未改动；请给出新的文件夹\n"
                    : "zhinan: error: \"\(folder)\" exists and is not an empty folder; it was left alone; give a new folder\n")
                throw Status.unusable
            }
            // The standards folder is looked for from where the catalog will be.
            let parent = URL(fileURLWithPath: folder).deletingLastPathComponent().path
            let (profile, _) = try profiles.load(catalog: nil, ids: standardIDs, from: parent)
            // The example item's code: in the standard's format when it has one.
            let preferred = "\(CatalogSkeleton.region)-XK-00001-001"
            let itemCode = ItemSkeleton.problem(withCode: preferred, in: profile) == nil ? preferred : "example-001"
            let item = ItemSkeleton.example(
                for: profile, code: itemCode, name: "（示例）某某许可", agency: CatalogSkeleton.agencyID,
                window: CatalogSkeleton.windowID, law: CatalogSkeleton.lawID)
            let files = [
                ("catalog.yaml", CatalogSkeleton.yaml(name: name, standards: standardIDs, codeSets: profile.codeSets)),
                ("items/\(itemCode).yaml", item),
                (".gitignore", "# zhinan build 和 export 的输出\n_site/\n*.sqlite\n"),
            ]
            do {
                try FileManager.default.createDirectory(atPath: folder + "/items", withIntermediateDirectories: true)
                for (path, text) in files {
                    try Data(text.utf8).write(to: URL(fileURLWithPath: folder + "/" + path), options: .atomic)
                }
            } catch {
                emitError(language == .zh
                    ? "zhinan: error: 无法写入 \(folder)：\(error.localizedDescription)\n"
                    : "zhinan: error: cannot write \(folder): \(error.localizedDescription)\n")
                throw Status.problems
            }
            for (path, _) in files { emit(folder + "/" + path + "\n") }
        }
    }

    struct Item: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "新建事项文件，列出标准规定的全部要素。 Write a new item file with every element the standards define.",
            discussion: """
                Writes CATALOG/items/<CODE>.yaml: required elements with 【待填写】 placeholders \
                (an item still holding one does not pass zhinan check), optional ones commented \
                out. Prints the path written.
                Exit status: 0 when the file was written, 1 when it exists (without --force) or \
                the catalog or profiles have errors, 2 for a usage error (a code that does not \
                match the standard's 事项编码格式) or a catalog folder that cannot be read.
                """
        )

        @Argument(help: "The catalog folder (the one holding catalog.yaml).")
        var catalog: String

        @Option(help: ArgumentHelp("The item's code (事项编码), in the standard's format.", valueName: "CODE"))
        var code: String

        @Option(help: ArgumentHelp("The item's name (事项名称); a placeholder when omitted.", valueName: "NAME"))
        var name: String?

        @Flag(help: "Overwrite the file if it exists.")
        var force = false

        @OptionGroup var profiles: ProfileOptions

        func run() throws {
            let language = profiles.language
            if let empty = OutputGuard.emptyPath(catalog, language) {
                emitError("zhinan: error: \(empty)\n")
                throw Status.unusable
            }
            let (profile, header) = try profiles.load(catalog: catalog, ids: [])
            if let problem = ItemSkeleton.problem(withCode: code, in: profile) {
                emitError("zhinan: error: \(problem[language])\n")
                throw Status.unusable
            }
            let folder = (catalog.hasSuffix("/") ? catalog : catalog + "/") + "items"
            let path = folder + "/" + code + ".yaml"
            if FileManager.default.fileExists(atPath: path) && !force {
                emitError(language == .zh
                    ? "zhinan: error: \(path) 已经存在，未改动；要覆盖它请加 --force\n"
                    : "zhinan: error: \(path) already exists and was left alone; add --force to overwrite it\n")
                throw Status.problems
            }
            let text = ItemSkeleton.yaml(
                for: profile, code: code, name: name, agency: header?.firstAgency, window: header?.firstWindow)
            do {
                try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
                try Data(text.utf8).write(to: URL(fileURLWithPath: path), options: .atomic)
            } catch {
                emitError(language == .zh
                    ? "zhinan: error: 无法写入 \(path)：\(error.localizedDescription)\n"
                    : "zhinan: error: cannot write \(path): \(error.localizedDescription)\n")
                throw Status.problems
            }
            emit(path + "\n")
        }
    }
}
