import Diagnostics
import Testing

/// `zhinan fix --dry-run`'s unified diff.
@Suite struct SourceEditsTests {
    /// CRLF line ends: each line is its own line of the diff, `\r` kept, as diff -u shows it.
    @Test func crlfFilesDiffLineByLine() {
        let old = "a: 1\r\nb: 委托他人办里\r\nc: 3\r\n", new = "a: 1\r\nb: 委托他人办理\r\nc: 3\r\n"
        #expect(UnifiedDiff.render(old: old, new: new, path: "items/a.yaml") == """
            --- a/items/a.yaml
            +++ b/items/a.yaml
            @@ -1,3 +1,3 @@
             a: 1\r
            -b: 委托他人办里\r
            +b: 委托他人办理\r
             c: 3\r

            """)
    }

    @Test func lastLineWithoutABreakAndAnAbsolutePath() {
        #expect(UnifiedDiff.render(old: "x\ny", new: "x\nz", path: "/tmp/a.yaml") == """
            --- a/tmp/a.yaml
            +++ b/tmp/a.yaml
            @@ -1,2 +1,2 @@
             x
            -y
            \\ No newline at end of file
            +z
            \\ No newline at end of file

            """)
        #expect(UnifiedDiff.render(old: "same\r\n", new: "same\r\n", path: "a") == "")
    }
}
