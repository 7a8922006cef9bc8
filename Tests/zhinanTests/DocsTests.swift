import Foundation
import TestSupport
import Testing

/// The format reference in docs/: the generated part is fresh, and what points at the
/// documentation points at files the repository has.
@Suite struct DocsTests {
    @Test func theGeneratedReferenceIsFresh() throws {
        let r = try runZhinan(["schema", "--markdown"], in: repositoryRoot())
        #expect(r.status == 0, "\(r.stderr)")
        let path = repositoryRoot() + "/docs/reference.md"
        let stored = try String(contentsOfFile: path, encoding: .utf8)
        #expect(stored == r.stdout, "docs/reference.md is stale: run zhinan schema --markdown > docs/reference.md")
        // It has every profile's elements and the hints.
        for text in ["### DB44/T 1147-2013", "### DB44/T 1148-2013", "### GB/T 39046-2020", "| 审批条件 | `conditions` |", "受理条件、申请条件", "## catalog.yaml"] {
            #expect(stored.contains(text), "\(text)")
        }
    }

    @Test func theDocumentationIsInTheRepository() throws {
        let root = repositoryRoot()
        for file in ["README.md", "getting-started.md", "catalog.md", "items.md", "bundles.md", "suppressions.md", "commands.md", "reference.md", "import.md"] {
            #expect(FileManager.default.fileExists(atPath: root + "/docs/" + file), "\(file)")
        }
        for file in ["README.md", "standards/README.md"] {
            let text = try String(contentsOfFile: root + "/" + file, encoding: .utf8)
            #expect(!text.contains("FORMAT.md"), "\(file) points at FORMAT.md, which is not in the repository")
            #expect(text.contains("docs/"), "\(file)")
        }
        let explain = try runZhinan(["explain", "ZN310", "--lang", "en"]).stdout
        #expect(explain.contains("docs/catalog.md") && !explain.contains("FORMAT"))
        // Every command of the help has its section in docs/commands.md.
        let commands = try String(contentsOfFile: root + "/docs/commands.md", encoding: .utf8)
        for command in ["check", "fix", "new catalog", "new item", "build", "export", "import national", "import xlsx", "import docx", "explain", "schema", "diff", "stats"] {
            #expect(commands.contains("## zhinan \(command)"), "\(command)")
        }
    }

    @Test func theSetUpLineNamesEveryPackageTheBuildNeeds() throws {
        let readme = try String(contentsOfFile: repositoryRoot() + "/README.md", encoding: .utf8)
        #expect(readme.contains("apt-get install libyaml-dev libxml2-dev zlib1g-dev libsqlite3-dev pkg-config"))
        #expect(readme.contains("fetches the Swift"))
    }
}
