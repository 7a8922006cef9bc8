import ArgumentParser
import Compiler
import Diagnostics
import Foundation

struct New: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "新建文件。 Create new files.",
        subcommands: [Item.self]
    )

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
