import CLibXML2

/// Parses HTML with libxml2's HTML parser and reports what it complains about. A reusable
/// test helper: every generated page must come out of it with no issue.
///
/// The system libxml2 (2.9.14) predates HTML5, so it reports HTML5 and SVG elements as
/// unknown (`Tag nav invalid`, XML_HTML_UNKNOWN_TAG). That one error is accepted only for the
/// element names in ``allowedUnknownTags``; every other error and warning is reported.
enum HTMLCheck {
    /// The HTML5 and inline-SVG element names the generators emit.
    static let allowedUnknownTags: Set<String> = [
        // HTML5 sectioning and forms
        "nav", "main", "header", "footer", "section", "article", "aside", "figure", "figcaption",
        "mark", "time",
        // inline SVG
        "svg", "g", "rect", "path", "text", "tspan", "marker", "defs", "title", "desc", "polyline",
        "polygon", "line", "circle", "ellipse", "use", "symbol", "style", "clippath", "clipPath",
        "lineargradient", "linearGradient", "foreignobject", "foreignObject",
    ]

    struct Issue: CustomStringConvertible, Equatable {
        var code: Int
        var line: Int
        var message: String
        var name: String?
        var description: String { "line \(line): [\(code)] \(message)" }
    }

    /// XML_HTML_UNKNOWN_TAG.
    static let unknownTag = 801

    /// Every issue libxml2 reports for the document, in order, with allowed unknown tags left out.
    static func issues(in html: [UInt8], allowing allowed: Set<String> = allowedUnknownTags) -> [Issue] {
        allIssues(in: html).filter { issue in
            !(issue.code == unknownTag && issue.name.map { allowed.contains($0) } == true)
        }
    }

    /// Every issue libxml2 reports, including unknown tags.
    static func allIssues(in html: [UInt8]) -> [Issue] {
        final class Collector { var issues: [Issue] = [] }
        guard let ctxt = htmlNewParserCtxt() else { return [Issue(code: -1, line: 0, message: "no parser context")] }
        defer { htmlFreeParserCtxt(ctxt) }
        let collector = Collector()
        let retained = Unmanaged.passRetained(collector)
        defer { retained.release() }
        // The HTML parser's SAX handler is not a SAX2 one, so libxml2 2.9 ignores its
        // `serror`; the structured handler is per thread, and the parse below is synchronous.
        xmlSetStructuredErrorFunc(retained.toOpaque()) { userData, error in
            guard let userData, let error else { return }
            let collector = Unmanaged<Collector>.fromOpaque(userData).takeUnretainedValue()
            let e = error.pointee
            let message = e.message.map { String(cString: $0) } ?? ""
            collector.issues.append(
                Issue(
                    code: Int(e.code), line: Int(e.line),
                    message: message.hasSuffix("\n") ? String(message.dropLast()) : message,
                    name: e.str1.map { String(cString: $0) }))
        }
        defer { xmlSetStructuredErrorFunc(nil, nil) }
        let options = Int32(HTML_PARSE_NONET.rawValue) | Int32(HTML_PARSE_NOIMPLIED.rawValue)
        let doc = html.withUnsafeBufferPointer { buffer in
            buffer.baseAddress!.withMemoryRebound(to: CChar.self, capacity: buffer.count) {
                htmlCtxtReadMemory(ctxt, $0, Int32(buffer.count), "page.html", "UTF-8", options)
            }
        }
        if let doc { xmlFreeDoc(doc) }
        return collector.issues
    }
}

extension HTMLCheck {
    /// An element of a parsed page: its name and attributes, in document order.
    struct Element {
        var name: String
        var attributes: [(name: String, value: String)]
    }

    /// Every element of the page as libxml2's HTML parser builds it.
    static func elements(in html: [UInt8]) -> [Element] {
        xmlSetStructuredErrorFunc(nil) { _, _ in }  // silence; issues(in:) reports them
        defer { xmlSetStructuredErrorFunc(nil, nil) }
        let options = Int32(HTML_PARSE_NONET.rawValue)
        let doc = html.withUnsafeBufferPointer { buffer in
            buffer.baseAddress!.withMemoryRebound(to: CChar.self, capacity: buffer.count) {
                htmlReadMemory($0, Int32(buffer.count), "page.html", "UTF-8", options)
            }
        }
        guard let doc else { return [] }
        defer { xmlFreeDoc(doc) }
        var out: [Element] = []
        func walk(_ node: xmlNodePtr?) {
            var node = node
            while let n = node {
                if n.pointee.type == XML_ELEMENT_NODE {
                    var attributes: [(String, String)] = []
                    var a = n.pointee.properties
                    while let attr = a {
                        let name = String(cString: attr.pointee.name)
                        var value = ""
                        var child = attr.pointee.children
                        while let c = child {
                            if let content = c.pointee.content { value += String(cString: content) }
                            child = c.pointee.next
                        }
                        attributes.append((name, value))
                        a = attr.pointee.next
                    }
                    out.append(Element(name: String(cString: n.pointee.name), attributes: attributes))
                }
                walk(n.pointee.children)
                node = n.pointee.next
            }
        }
        walk(xmlDocGetRootElement(doc))
        return out
    }
}
