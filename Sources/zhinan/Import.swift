import ArgumentParser
import Compiler
import Diagnostics
import Foundation
import Import
import Standards

struct ImportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import",
        abstract: "把已有的实施清单导入为目录。 Bring existing 实施清单 data into a new catalog.",
        discussion: """
            zhinan import national DIR -o CATALOG 读取国家交换表（export --format national 写出的 \
            CSV，或平台导出的同名表和 items/*.json）；zhinan import xlsx FILE.xlsx -o CATALOG 读取 \
            Excel 工作簿中以交换表命名的工作表，或一行一个事项的表。它们写出同样的 CATALOG/catalog.yaml 和每个事项一个文件。\
            源数据没有的要素写成注释“# 待补充：要素”，zhinan check 会把它们报为缺少要素。\
            zhinan import docx GUIDE.docx 按标题拆分一份 Word 办事指南（尽力而为）。\
            导入出错时给出代码 ZN950–ZN959（CATALOG 已存在或不能写入为 ZN962）和位置，不写入任何文件；未导入的值（ZN960）和丢弃的时刻（ZN961）是摘要中的警告。\
            --diagnostics-format json|sarif|github 把它们按 check 的格式写到标准输出。

            Reads a source and writes a new catalog an officer then completes: never a value \
            the source does not hold. import national reads the exchange tables as CSV (or \
            JSON), import xlsx the same tables as the sheets of an Excel workbook (or a sheet of \
            one row per item). A problem in \
            the source is reported with its code (ZN950–ZN959) and place, and nothing is \
            written (ZN962: CATALOG exists or cannot be written). import docx splits one Word guide at its headings (best effort). Values \
            left out (ZN960) and times dropped from dates (ZN961) are the summary's warnings; \
            --diagnostics-format json|sarif|github prints them, or the error, as check does.
            """,
        subcommands: [National.self, XLSX.self, DOCX.self]
    )

    struct National: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "national",
            abstract: "导入国家交换表（实施清单）。 Import the national exchange tables (实施清单).",
            discussion: """
                读取 DIR 中的 task_general_basic.csv、task_general_extend.csv、\
                task_general_material.csv、task_general_fee_project.csv、task_general_questions.csv \
                （也可带 up_/dn_ 前缀；UTF-8，可带 BOM），没有这些表时读取 items/*.json。编码值可以是国家代码或名称，\
                列表用逗号分隔。写出 CATALOG/catalog.yaml（实施机关来自 dept_name/dept_code，窗口来自 \
                transact_addr/transact_time，法规来自办理依据）和 CATALOG/items/<实施编码>.yaml，要素按标准的顺序。\
                源数据没有的要素写成“# 待补充：要素”注释；最后打印摘要：事项数、填入的要素数、各要素的待补充数、\
                未导入的值和行（文件:行 列）。

                Reads the five national exchange tables from DIR (also with an up_/dn_ prefix; UTF-8, \
                with or without a BOM), or items/*.json when the tables are not there. Coded values \
                may be the national code or the name; lists are comma-separated. Writes \
                CATALOG/catalog.yaml (agencies from dept_name/dept_code, windows from \
                transact_addr/transact_time, laws from the 办理依据 lines) and one \
                CATALOG/items/<实施编码>.yaml per item, elements in the standards' order. What the \
                source lacks is written as a comment "# 待补充：<element>", which zhinan check \
                reports as a missing element. Prints a summary: items, elements filled, \
                placeholders per element, values and rows left out (file:line column).
                Nothing is written unless the whole import succeeds (a temporary folder beside \
                CATALOG, then renamed). Exit status: 0 when the catalog was written; 1 for a \
                problem in the tables (bad CSV quoting, a missing column, a repeated 实施编码, a \
                file in GB18030 or UTF-16), each located; 2 when DIR holds no tables, CATALOG \
                exists (without --force) or cannot be written, or for a usage error.
                """
        )

        @Argument(help: "The folder holding the tables (export --format national's output, or the platform's).")
        var folder: String

        @OptionGroup var target: ImportTarget

        func run() throws {
            try target.run(sources: [.catalog(folder)], located: ImportTarget.located(inFolder: folder)) { try NationalImport.read(folder: folder, profile: $0) }
        }
    }

    struct XLSX: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "xlsx",
            abstract: "导入 Excel 工作簿中的国家交换表。 Import the national exchange tables kept as an Excel workbook's sheets.",
            discussion: """
                读取 FILE.xlsx 中名为 task_general_basic、task_general_extend、task_general_material、\
                task_general_fee_project、task_general_questions 的工作表（也可带 up_/dn_ 前缀；只有基本信息表是必需的），\
                每个工作表的第一行是字段名，与 zhinan import national 读取的 CSV 表相同，写出的目录也相同。\
                读取共享字符串、内联字符串、数字、日期（按单元格格式，或生效日期/废止日期列中的数字）、\
                合并单元格（左上角的值用于整个范围）、单元格中的换行；公式只用 Excel 保存的结果，从不计算。\
                不是 xlsx、已加密、超出安全上限（压缩炸弹、条目过多、不安全的条目名）或含 DOCTYPE 的工作簿被拒绝，\
                不写入任何文件。

                没有交换表工作表（或用 --sheet 指定了工作表）时，按“一行一个事项”读取：前 10 行中含“事项名称”\
                的一行是表头，认得中心常用的列名（事项名称、实施编码、事项类型、实施主体、法定办结时限、承诺办结时限、\
                办件类型、受理条件、申请材料、收费标准、咨询电话、监督投诉电话、办理地点、办理时间……，见 docs/import.md），\
                以及标准给要素的其他名称（别名、繁体、标准名称，如申请条件、事項名稱）；以数字保存的代码按单元格的补零格式还原前导零；\
                申请材料单元格每行一项，时限写法如“20个工作日”“二十个工作日”“20天”“即办”。.csv 文件按同样的表头读取。

                Reads the sheets named task_general_basic, task_general_extend, \
                task_general_material, task_general_fee_project and task_general_questions (also \
                with an up_/dn_ prefix; only the basic one is required) of FILE.xlsx, each with \
                the field names in its first row: the same tables zhinan import national reads as \
                CSV, written out as the same catalog. Shared and inline strings, numbers, dates \
                (by the cell's format, or a number in plan_effective_date/plan_cancel_date), \
                merged cells (the top-left value fills the range) and line breaks in cells are \
                read; formulas give the value Excel saved and are never evaluated. A file that \
                is not an .xlsx, is encrypted, breaks a safety limit (a zip bomb, too many \
                entries, an unsafe entry name) or holds a DOCTYPE is refused, and nothing is \
                written.

                Without the tables' sheets (or with --sheet), a sheet is read as one row per \
                item: the row among the first 10 naming 事项名称 is the header, and the headings \
                centres use are known (事项名称, 实施编码, 事项类型, 实施主体, 法定办结时限, \
                承诺办结时限, 办件类型, 受理条件, 申请材料, 收费标准, 咨询电话, 监督投诉电话, 办理地点, \
                办理时间 …; docs/import.md lists them), and the other names the standards give \
                an element (别名, 繁体, 标准名称: 申请条件, 事項名稱). A code kept as a number in a \
                zero-padded format (000000) keeps its leading zeros. A 申请材料 cell lists one material a \
                line; time limits such as 20个工作日, 二十个工作日, 20天 or 即办 become day counts. \
                A .csv file is read the same way. Exit status as for import national.
                """
        )

        @Argument(help: "The Excel workbook (.xlsx), or an item sheet saved as CSV (.csv).")
        var file: String

        @Option(help: ArgumentHelp("Read this sheet as one row per item (by default: the exchange tables' sheets if the workbook has them, else every sheet with a header of known headings).", valueName: "NAME"))
        var sheet: String?

        @Option(help: ArgumentHelp("A YAML map of your column headings to the element names zhinan knows (所需材料: 申请材料), for an item sheet.", valueName: "MAP.yaml"))
        var map: String?

        @OptionGroup var target: ImportTarget

        func run() throws {
            let name = URL(fileURLWithPath: file).lastPathComponent
            try target.run(sources: [.workbook(file)], located: ImportTarget.located(file: file, name: name)) { profile in
                let headings = try map.map { try HeadingMap(path: $0, profile: profile) } ?? HeadingMap()
                return try XLSXImport.read(path: file, file: name, sheet: sheet, map: headings, profile: profile)
            }
        }
    }

    struct DOCX: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "docx",
            abstract: "导入一份 Word 办事指南（尽力而为）。 Import one Word guide (best effort).",
            discussion: """
                按标题拆分 GUIDE.docx：有 Word 标题样式或顶层编号（一、（二）第一条 3.），去掉编号和冒号后是已知要素名称的段落是标题（与 import xlsx \
                的列名相同，见 docs/import.md；办理流程中编号的步骤不是），“二、事项名称：……”写在一行也可以，同一要素的第二节接在第一节之后；每节的文字放进该要素，申请材料一节中的\
                表格每行一项材料。第一个标题之前或无法归入要素的文字写成注释“未识别：……”，从不丢弃。需要“实施编码”一节。

                Splits GUIDE.docx at its headings: a paragraph in a Word heading style or numbered \
                at the top level (一、, （二）, 第一条, 3.) that, without its numbering and colon, is an \
                element name import xlsx knows (docs/import.md), never a numbered step of 办理流程; \
                "二、事项名称：…" on one line too. A second section for an element is appended. Each section's text goes to that element; a table \
                in the 申请材料 section gives one material a row. Text before the first heading \
                or not placed is kept as a comment "未识别：…", never dropped. The guide needs a \
                实施编码 section. Refusals and exit status as for import xlsx.
                """
        )

        @Argument(help: "The Word guide (.docx).")
        var file: String

        @OptionGroup var target: ImportTarget

        func run() throws {
            let name = URL(fileURLWithPath: file).lastPathComponent
            try target.run(sources: [.workbook(file)], located: ImportTarget.located(file: file, name: name)) { try DOCXImport.read(path: file, file: name, profile: $0) }
        }
    }
}

/// What every import does around its reader: refuse an existing CATALOG (without --force)
/// or one inside the source, load the profiles, read, write the folder in one step, and
/// print the summary; an ``ImportError`` is printed with its code and nothing is written.
struct ImportTarget: ParsableArguments {
    @Option(name: .shortAndLong, help: ArgumentHelp("The catalog folder to write.", valueName: "CATALOG"))
    var output: String

    @Option(name: .customLong("standard"), parsing: .upToNextOption, help: ArgumentHelp(
        "The standards the catalog follows.", valueName: "ID"))
    var standardIDs: [String] = NationalImportDefaults.standards

    @Flag(help: "Replace CATALOG when it exists.")
    var force = false

    @Option(name: .customLong("diagnostics-format"), help: "Diagnostics format: text, json, sarif or github, as check's --format. Other than text, the error (ZN950–ZN959, or ZN962 for a CATALOG that exists or cannot be written) or the summary's warnings (ZN960–ZN961) go to standard output in that format; the summary's counts stay on standard error.")
    var diagnosticsFormat: DiagnosticFormat = .text

    @OptionGroup var profiles: ProfileOptions

    /// A source file's name in the messages (`book.xlsx[清单]`, `task_general_basic.csv`) →
    /// its path as given (`data/book.xlsx[清单]`), as `check` locates files: what json, sarif
    /// and github output name, so a CI tool finds the file from the working folder.
    static func located(file: String, name: String) -> @Sendable (String) -> String {
        let folder = (file as NSString).deletingLastPathComponent
        return { label in
            guard !folder.isEmpty, label == name || label.hasPrefix(name + "[") else { return label }
            return (folder.hasSuffix("/") ? folder : folder + "/") + label
        }
    }

    /// The tables' names inside `folder` (`task_general_basic.csv`, `items/1.json`) → their
    /// paths as given; the folder itself and paths already under it stay.
    static func located(inFolder folder: String) -> @Sendable (String) -> String {
        let prefix = folder.hasSuffix("/") ? folder : folder + "/"
        return { label in label == folder || label.hasPrefix(prefix) ? label : prefix + label }
    }

    /// Prints `diagnostics` to standard output in `--diagnostics-format` (not text), each
    /// file named by `located`.
    private func report(_ diagnostics: [Diagnostic], located: (String) -> String = { $0 }) {
        let output = OutputOptions.given(format: diagnosticsFormat, lang: profiles.lang)
        let diagnostics = diagnostics.map { d in
            var d = d
            if let file = d.span?.file { d.span?.file = located(file) }
            return d
        }
        writeDiagnostics(diagnostics.sortedForOutput(), sources: SourceTexts(), fileCount: 1, omitted: DiagnosticTally(), output: output, toStandardError: false)
    }

    /// A refusal that concerns CATALOG, not the source (ZN962): `zhinan: error: …` on standard
    /// error as text; in another --diagnostics-format, a diagnostic on standard output (and
    /// `nothing was written` on standard error), as every import error is.
    private func refusal(zh: String, en: String) -> ExitCode {
        if diagnosticsFormat == .text {
            emitError("zhinan: error: \(profiles.language == .zh ? zh : en)\n")
        } else {
            report([ImportError(code: .output, file: output, zh: zh, en: en).diagnostic])
            emitError(profiles.language == .zh ? "未写入任何文件\n" : "nothing was written\n")
        }
        return Status.unusable
    }

    /// Runs `read` and writes its catalog; `sources` are what CATALOG may not hold or be in.
    func run(sources: [OutputGuard.Source], located: (String) -> String = { $0 }, _ read: (ImportProfile) throws -> ImportedCatalog) throws {
        let language = profiles.language
        let zh = language == .zh
        if let empty = OutputGuard.emptyPath(output, language) { throw refusal(zh: empty, en: empty) }
        let destination = URL(fileURLWithPath: output).standardizedFileURL
        var st = stat()
        let exists = lstat(destination.path, &st) == 0
        if exists && !force {
            throw refusal(zh: "“\(output)”已经存在，未改动；要替换它请加 --force", en: "\"\(output)\" already exists and was left alone; add --force to replace it")
        }
        if exists && (st.st_mode & S_IFMT) != S_IFDIR {
            throw refusal(zh: "“\(output)”不是文件夹，未改动", en: "\"\(output)\" is not a folder; it was left alone")
        }
        if let problem = OutputGuard.problem(output: output, sources: sources, language: language) {
            throw refusal(zh: problem, en: problem)
        }
        guard standardIDs.contains(NationalImportDefaults.profile) else {
            throw refusal(zh: "国家交换表的导入需要标准 \(NationalImportDefaults.profile)；请在 --standard 中加上它",
                          en: "importing the national tables needs the standard \(NationalImportDefaults.profile); add it to --standard")
        }
        let parent = destination.deletingLastPathComponent().path
        let (effective, _) = try profiles.load(catalog: nil, ids: standardIDs, from: parent)
        let profile = ImportProfile(effective, standards: standardIDs)
        let imported: ImportedCatalog
        do {
            imported = try read(profile)
        } catch let error as ImportError {
            if diagnosticsFormat == .text { emitError(error.message(chinese: zh) + "\n") } else { report([error.diagnostic], located: located) }
            emitError(zh ? "未写入任何文件\n" : "nothing was written\n")
            throw error.unusable ? Status.unusable : Status.problems
        }
        let writer = ImportWriter(catalog: imported, profile: profile)
        let files = writer.files()
        do {
            try CatalogFolderWriter(destination: destination).write(files, replacing: exists)
        } catch {
            throw refusal(zh: "无法写入“\(output)”：\(error.localizedDescription)；未写入任何文件", en: "cannot write \"\(output)\": \(error.localizedDescription); nothing was written")
        }
        let summary = writer.summary(of: files)
        let text = diagnosticsFormat == .text
        emitError(summary.lines(chinese: zh, listingSkipped: text).map { $0 + "\n" }.joined())
        if text { emit(output + "\n") } else { report(summary.skipped.map(\.diagnostic), located: located) }
    }
}

enum NationalImportDefaults {
    static let profile = "GB/T 39554.2-2020"
    static let standards = ["GB/T 39554.2-2020", "DB44/T 1147-2013", "DB44/T 1148-2013"]
}

/// Writes a catalog folder in one step: the files go into a temporary folder beside the
/// destination, which is then renamed into place (the old folder, with --force, is moved
/// aside first and removed last). On failure the temporary folder is removed and the
/// destination is as it was.
struct CatalogFolderWriter {
    var destination: URL

    func write(_ files: [(path: String, text: String)], replacing: Bool) throws {
        let fm = FileManager.default
        let parent = destination.deletingLastPathComponent()
        let stamp = "\(getpid())-\(UInt32.random(in: 0...UInt32.max))"
        let staging = parent.appendingPathComponent(".\(destination.lastPathComponent).import-\(stamp)")
        try fm.createDirectory(at: staging, withIntermediateDirectories: false)
        do {
            try fm.createDirectory(at: staging.appendingPathComponent("items"), withIntermediateDirectories: false)
            for file in files {
                let url = staging.appendingPathComponent(file.path)
                guard fm.createFile(atPath: url.path, contents: Data(file.text.utf8)) else {
                    throw CocoaError(.fileWriteUnknown, userInfo: [NSFilePathErrorKey: url.path])
                }
            }
            if replacing {
                let aside = parent.appendingPathComponent(".\(destination.lastPathComponent).old-\(stamp)")
                try fm.moveItem(at: destination, to: aside)
                do { try fm.moveItem(at: staging, to: destination) } catch {
                    try? fm.moveItem(at: aside, to: destination)
                    throw error
                }
                try? fm.removeItem(at: aside)
            } else {
                try fm.moveItem(at: staging, to: destination)
            }
        } catch {
            try? fm.removeItem(at: staging)
            throw error
        }
    }
}
