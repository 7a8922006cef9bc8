import Testing

@Suite struct HTMLCheckTests {
    @Test func reportsBrokenMarkup() {
        let issues = HTMLCheck.issues(in: Array("<!DOCTYPE html><html><body><p>a</b><div></span></div></body></html>".utf8))
        #expect(!issues.isEmpty)
    }

    @Test func acceptsAllowedHTML5TagsOnly() {
        let ok = HTMLCheck.issues(in: Array("<!DOCTYPE html><html lang=\"zh-CN\"><head><meta charset=\"utf-8\"><title>t</title></head><body><nav>x</nav><main><svg viewBox=\"0 0 1 1\"><g><rect x=\"0\" y=\"0\" width=\"1\" height=\"1\"/><text>文</text></g></svg></main></body></html>".utf8))
        #expect(ok == [])
        let bad = HTMLCheck.issues(in: Array("<!DOCTYPE html><html><head><title>t</title></head><body><blink2>x</blink2></body></html>".utf8))
        #expect(bad.map(\.code) == [HTMLCheck.unknownTag])
    }
}
