import Diagnostics
import Foundation
import Standards
import YAMLSyntax

/// Finds the `standards/` folder and loads its profiles.
///
/// Where it looks, first match wins: the folder given (`--standards`), `$ZHINAN_STANDARDS`,
/// a `standards/` folder in the catalog folder or any folder above it, then one above the
/// `zhinan` executable (a checkout's own `standards/`).
public struct StandardsLocator: Sendable {
    public var explicit: String?
    public var environment: [String: String]
    public var executable: String?

    public init(explicit: String? = nil, environment: [String: String] = ProcessInfo.processInfo.environment,
                executable: String? = CommandLine.arguments.first) {
        self.explicit = explicit
        self.environment = environment
        self.executable = executable
    }

    /// The standards folder for a catalog folder, if one is found.
    public func folder(for catalog: String) -> String? {
        if let explicit { return explicit }
        if let env = environment["ZHINAN_STANDARDS"], !env.isEmpty { return env }
        var starts = [URL(fileURLWithPath: catalog).standardizedFileURL]
        if let executable {
            starts.append(URL(fileURLWithPath: executable).resolvingSymlinksInPath().deletingLastPathComponent())
        }
        for start in starts {
            var url = start
            while true {
                let candidate = url.appendingPathComponent("standards")
                var isDirectory: ObjCBool = false
                if FileManager.default.fileExists(atPath: candidate.path, isDirectory: &isDirectory), isDirectory.boolValue,
                   hasProfiles(candidate.path) {
                    return relativeIfPossible(candidate.path)
                }
                let parent = url.deletingLastPathComponent()
                if parent.path == url.path { break }
                url = parent
            }
        }
        return nil
    }

    private func hasProfiles(_ folder: String) -> Bool {
        ((try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []).contains { $0.hasSuffix(".yaml") }
    }

    private func relativeIfPossible(_ path: String) -> String {
        let cwd = FileManager.default.currentDirectoryPath
        return path.hasPrefix(cwd + "/") ? String(path.dropFirst(cwd.count + 1)) : path
    }

    /// Loads every profile in `folder`, with their diagnostics and texts.
    public static func load(folder: String, loader: SourceLoader) -> (ProfileLibrary, [SourceFile], [Diagnostic]) {
        var library = ProfileLibrary()
        let (files, problems) = loader.load(folder: folder)
        var diagnostics = problems
        for file in files {
            diagnostics += file.diagnostics
            guard let root = file.root else { continue }
            let (profile, found) = ProfileLoader().load(root, file: file.path)
            diagnostics += found
            if let profile, let duplicate = library.add(profile) { diagnostics.append(duplicate) }
        }
        return (library, files, diagnostics)
    }
}
