import CLibXML2

/// One XML part of an Office document, parsed by libxml2 with everything a hostile file
/// could use switched off: no network (XML_PARSE_NONET), no DTD loaded and no entity
/// substituted (neither XML_PARSE_DTDLOAD nor XML_PARSE_NOENT), libxml2's size limits kept
/// (no XML_PARSE_HUGE), and a document with a DOCTYPE refused before it is parsed (Office
/// parts never have one; entity expansion needs one).
final class XMLPart {
    private let doc: xmlDocPtr

    enum Problem: Error, Equatable {
        case doctype
        case malformed(line: Int, message: String)
    }

    init(_ bytes: [UInt8]) throws(Problem) {
        if Self.hasDoctype(bytes) { throw .doctype }
        _ = Self.initialized
        let options = Int32(XML_PARSE_NONET.rawValue | XML_PARSE_NOERROR.rawValue | XML_PARSE_NOWARNING.rawValue)
        xmlResetLastError()
        let parsed = bytes.withUnsafeBufferPointer { b in
            b.baseAddress!.withMemoryRebound(to: CChar.self, capacity: b.count) {
                xmlReadMemory($0, Int32(b.count), "part.xml", nil, options)
            }
        }
        guard let parsed else {
            let error = xmlGetLastError()
            let message = error?.pointee.message.map { String(cString: $0) } ?? "not XML"
            throw .malformed(line: Int(error?.pointee.line ?? 0),
                             message: message.trimmingCharacters(in: [" ", "\n"]))
        }
        if parsed.pointee.intSubset != nil || parsed.pointee.extSubset != nil {
            xmlFreeDoc(parsed)
            throw .doctype
        }
        doc = parsed
    }

    deinit { xmlFreeDoc(doc) }

    /// libxml2's one-time set-up, run once however many threads parse (a static let is
    /// initialised exactly once).
    private static let initialized: Void = xmlInitParser()

    static func hasDoctype(_ bytes: [UInt8]) -> Bool {
        let needle = Array("<!DOCTYPE".utf8)
        guard bytes.count >= needle.count else { return false }
        var i = 0
        while i <= bytes.count - needle.count {
            if bytes[i] == 0x3C && bytes[i + 1] == 0x21 && bytes[(i)..<(i + needle.count)].elementsEqual(needle) { return true }
            i += 1
        }
        return false
    }

    /// The root element.
    var root: XMLElement? {
        xmlDocGetRootElement(doc).map { XMLElement(node: $0, owner: self) }
    }
}

/// An element of an ``XMLPart`` (which it keeps alive), by local name: Office parts put
/// everything in one namespace per part, so prefixes are ignored.
struct XMLElement {
    fileprivate let node: xmlNodePtr
    fileprivate let owner: XMLPart

    var name: String { String(cString: node.pointee.name) }

    /// Child elements, in order; only those named `name` when given.
    func children(_ name: String? = nil) -> [XMLElement] {
        var out: [XMLElement] = []
        var child = node.pointee.children
        while let c = child {
            if c.pointee.type == XML_ELEMENT_NODE, name == nil || xmlStrEqual(c.pointee.name, name) == 1 {
                out.append(XMLElement(node: c, owner: owner))
            }
            child = c.pointee.next
        }
        return out
    }

    func first(_ name: String) -> XMLElement? {
        var child = node.pointee.children
        while let c = child {
            if c.pointee.type == XML_ELEMENT_NODE, xmlStrEqual(c.pointee.name, name) == 1 { return XMLElement(node: c, owner: owner) }
            child = c.pointee.next
        }
        return nil
    }

    /// The attribute's value by local name (`r:id` is `id`), nil when absent.
    subscript(_ attribute: String) -> String? {
        var a = node.pointee.properties
        while let p = a {
            if xmlStrEqual(p.pointee.name, attribute) == 1 {
                var text = ""
                var t = p.pointee.children
                while let n = t {
                    if let content = n.pointee.content { text += String(cString: content) }
                    t = n.pointee.next
                }
                return text
            }
            a = p.pointee.next
        }
        return nil
    }

    /// The element's own text: its text and CDATA children, concatenated.
    var text: String {
        var out = ""
        var child = node.pointee.children
        while let c = child {
            if c.pointee.type == XML_TEXT_NODE || c.pointee.type == XML_CDATA_SECTION_NODE, let content = c.pointee.content {
                out += String(cString: content)
            }
            child = c.pointee.next
        }
        return out
    }

    /// The line the element starts on (for messages).
    var line: Int { Int(xmlGetLineNo(node)) }
}
