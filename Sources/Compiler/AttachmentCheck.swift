import Catalog
import Diagnostics
import Glibc

/// Checks the files items name (空表, 样表, 审批结果's 样本) against the catalog folder: each
/// must be a regular file inside it, reached without a link that leads outside (the path's
/// form is checked when binding, ``Attachments/problem(_:)``). The build copies them into
/// the site at `attachments/<path>` after the same check.
struct AttachmentCheck: Sendable {
    /// The catalog folder as given, and with links resolved (nil when that fails).
    let folder: String
    let realFolder: String?

    init(folder: String) {
        self.folder = folder
        realFolder = FolderWalk.realPath(folder)
    }

    /// Reports each reference that does not lead to a file of the catalog folder within the
    /// size limit, and returns where each path led (what a kept outcome is checked against).
    @discardableResult
    func check(_ references: [AttachmentReference], _ reporter: inout Reporter) -> [String: Place] {
        var places: [String: Place] = [:]
        for r in references {
            let found = places[r.path] ?? place(r.path)
            places[r.path] = found
            switch found {
            case .file: continue
            case .tooLarge(let bytes):
                let mb = String(format: "%.1f", Double(bytes) / 1_048_576), limit = Attachments.maxBytes >> 20
                reporter.report(CompilerCodes.attachmentTooLarge, at: r.range,
                    zh: "\(r.field)“\(r.path)”有 \(mb) MB，超过网站附件的上限 \(limit) MB；请压缩（扫描件降低分辨率、另存为 PDF）后再引用",
                    en: "\(r.field) \"\(r.path)\" is \(mb) MB, over the site's limit of \(limit) MB for an attachment; make it smaller (scan at a lower resolution, save as PDF) and name it again")
            case .missing:
                reporter.report(CompilerCodes.attachmentMissing, at: r.range,
                    zh: "\(r.field)“\(r.path)”在目录文件夹中不存在，或不是普通文件；请检查路径（相对于目录文件夹）或把文件放到这里",
                    en: "\(r.field) \"\(r.path)\" does not exist in the catalog folder, or is not a plain file; check the path (relative to the catalog folder) or put the file there")
            case .outside:
                reporter.report(CompilerCodes.attachmentOutside, at: r.range,
                    zh: "\(r.field)“\(r.path)”经符号链接指向目录文件夹之外；zhinan 只发布目录文件夹中的文件，请把文件本身复制进来",
                    en: "\(r.field) \"\(r.path)\" leads through a symbolic link outside the catalog folder; zhinan publishes only files of the catalog folder: copy the file itself in")
            }
        }
        return places
    }

    /// Where `path` (relative to the catalog folder) leads now.
    func place(_ path: String) -> Place {
        Self.locate(path, in: folder, realFolder: realFolder)
    }

    /// Where a path leads.
    enum Place: Equatable { case file, missing, outside, tooLarge(Int) }

    /// Where `path` (relative, of an allowed form) leads from `folder`.
    static func locate(_ path: String, in folder: String, realFolder: String?) -> Place {
        guard let realFolder, let real = FolderWalk.realPath(folder + "/" + path) else { return .missing }
        guard real.hasPrefix(realFolder == "/" ? "/" : realFolder + "/") else { return .outside }
        var st = stat()
        guard stat(real, &st) == 0, (st.st_mode & S_IFMT) == S_IFREG else { return .missing }
        return st.st_size > Attachments.maxBytes ? .tooLarge(Int(st.st_size)) : .file
    }
}

extension CatalogCompiler {
    /// The file an attachment `path` (relative to the catalog `folder`) names, with every
    /// link resolved, when it is a regular file inside the folder and the path is of an
    /// allowed form; nil otherwise. The build copies from here, checking again what
    /// compiling checked, so a file swapped for a link since is not followed.
    public static func attachmentSource(_ path: String, in folder: String) -> String? {
        guard Attachments.problem(path) == nil, let realFolder = FolderWalk.realPath(folder),
              AttachmentCheck.locate(path, in: folder, realFolder: realFolder) == .file
        else { return nil }
        return FolderWalk.realPath(folder + "/" + path)
    }
}
