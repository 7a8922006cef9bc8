import Foundation

#if canImport(FoundationXML)
    import FoundationXML
#endif

enum XMLWellFormedness {
    /// Whether `text` parses as XML.
    static func check(_ text: String) -> Bool {
        let parser = XMLParser(data: Data(text.utf8))
        return parser.parse()
    }
}
