import CLibXML2
import Foundation

/// A document written through libxml2's `xmlTextWriter` into memory: UTF-8, two-space
/// indentation, text escaped by libxml2 (`\r` as `&#13;`, so it survives a parse).
final class XMLWriter {
    private let buffer: xmlBufferPtr
    private let writer: xmlTextWriterPtr
    private var finished = false

    init() throws {
        xmlInitParser()
        guard let buffer = xmlBufferCreate() else { throw ExportError.xml("xmlBufferCreate failed") }
        guard let writer = xmlNewTextWriterMemory(buffer, 0) else {
            xmlBufferFree(buffer)
            throw ExportError.xml("xmlNewTextWriterMemory failed")
        }
        self.buffer = buffer
        self.writer = writer
        try check(xmlTextWriterSetIndent(writer, 1), "xmlTextWriterSetIndent")
        try check(withXMLChars("  ") { xmlTextWriterSetIndentString(writer, $0) }, "xmlTextWriterSetIndentString")
        try check(xmlTextWriterStartDocument(writer, "1.0", "UTF-8", nil), "xmlTextWriterStartDocument")
    }

    deinit {
        if !finished { xmlFreeTextWriter(writer) }
        xmlBufferFree(buffer)
    }

    /// Starts an element; with `namespace`, declares it as the default namespace.
    func start(_ name: String, namespace: String? = nil) throws {
        let rc = withXMLChars(name) { n in
            if let namespace {
                return withXMLChars(namespace) { xmlTextWriterStartElementNS(writer, nil, n, $0) }
            }
            return xmlTextWriterStartElement(writer, n)
        }
        try check(rc, "start <\(name)>")
    }

    func attribute(_ name: String, _ value: String) throws {
        try checkCharacters(value, at: "@" + name)
        try check(withXMLChars(name) { n in withXMLChars(value) { xmlTextWriterWriteAttribute(writer, n, $0) } }, "attribute \(name)")
    }

    func text(_ value: String, at path: @autoclosure () -> String) throws {
        try checkCharacters(value, at: path())
        guard !value.isEmpty else { return }
        try check(withXMLChars(value) { xmlTextWriterWriteString(writer, $0) }, "text of \(path())")
    }

    func end() throws {
        try check(xmlTextWriterEndElement(writer), "end element")
    }

    /// `<name>value</name>`.
    func element(_ name: String, _ value: String, at path: @autoclosure () -> String) throws {
        try start(name)
        try text(value, at: path())
        try end()
    }

    /// Ends the document and returns its bytes.
    func finish() throws -> [UInt8] {
        try check(xmlTextWriterEndDocument(writer), "xmlTextWriterEndDocument")
        xmlFreeTextWriter(writer)  // flushes into the buffer
        finished = true
        guard let content = xmlBufferContent(buffer) else { return [] }
        return Array(UnsafeBufferPointer(start: content, count: Int(xmlBufferLength(buffer))))
    }

    private func check(_ rc: Int32, _ what: @autoclosure () -> String) throws {
        if rc < 0 { throw ExportError.xml("libxml2 could not write (\(what()))") }
    }

    /// XML 1.0 holds no NUL and no other C0 control but tab, line feed and carriage return;
    /// refuse them rather than write a document no parser reads.
    private func checkCharacters(_ value: String, at path: @autoclosure () -> String) throws {
        // Fast path: no C0 control but tab, LF and CR, and no byte 0xEF (which starts every
        // character from U+F000, U+FFFE and U+FFFF among them); otherwise look closer.
        if !value.utf8.contains(where: { ($0 < 0x20 && $0 != 0x9 && $0 != 0xA && $0 != 0xD) || $0 == 0xEF }) { return }
        for scalar in value.unicodeScalars {
            let v = scalar.value
            let allowed = v == 0x9 || v == 0xA || v == 0xD || (0x20...0xD7FF).contains(v)
                || (0xE000...0xFFFD).contains(v) || v >= 0x10000
            if !allowed {
                let hex = String(v, radix: 16, uppercase: true)
                throw ExportError.xml("\(path()) holds U+\(String(repeating: "0", count: max(0, 4 - hex.count)) + hex), which XML 1.0 cannot represent")
            }
        }
    }
}

/// Calls `body` with `text` as a NUL-terminated `xmlChar` string.
/// Text content has been checked to hold no NUL, so the C string is the whole text.
func withXMLChars<R>(_ text: String, _ body: (UnsafePointer<xmlChar>) throws -> R) rethrows -> R {
    try text.withCString { c in
        try c.withMemoryRebound(to: xmlChar.self, capacity: strlen(c) + 1) { try body($0) }
    }
}

/// Validates XML documents against an XSD with libxml2's schema validator. Every message
/// libxml2 has goes through structured error handlers set on the parser, schema-parser and
/// validation contexts themselves; nothing is printed.
public enum XMLSchemaValidation {
    /// Throws ``ExportError/invalidXML(_:)`` listing every problem when `document` is not
    /// well-formed or does not validate against `schema`, and ``ExportError/xml(_:)`` when the
    /// schema itself does not compile.
    public static func validate(_ document: [UInt8], against schema: [UInt8], documentName: String = "catalog.xml") throws {
        xmlInitParser()
        let handler: xmlStructuredErrorFunc = { userData, error in
            guard let userData, let error else { return }
            Unmanaged<Collector>.fromOpaque(userData).takeUnretainedValue().add(error.pointee)
        }

        // The schema: parsed as a document first, so that its own syntax errors reach a
        // handler too (a memory schema-parser context lets them go to stderr).
        let schemaProblems = Collector()
        let schemaContext = Unmanaged.passRetained(schemaProblems)
        defer { schemaContext.release() }
        guard let schemaDoc = parse(schema, name: "catalog.xsd", into: schemaProblems) else {
            throw ExportError.xml("the XSD is not well-formed: " + schemaProblems.messages.joined(separator: "; "))
        }
        defer { xmlFreeDoc(schemaDoc) }  // after the schema, which may point into it
        guard let pctxt = xmlSchemaNewDocParserCtxt(schemaDoc) else { throw ExportError.xml("xmlSchemaNewDocParserCtxt failed") }
        xmlSchemaSetParserStructuredErrors(pctxt, handler, schemaContext.toOpaque())
        let compiled = xmlSchemaParse(pctxt)
        xmlSchemaFreeParserCtxt(pctxt)
        guard let compiled else {
            throw ExportError.xml("the XSD does not compile: " + schemaProblems.messages.joined(separator: "; "))
        }
        defer { xmlSchemaFree(compiled) }

        // The document, read from its bytes (what is validated is what is written) as a
        // stream: the validator follows the parser's events, and no tree of it is built.
        let problems = Collector()
        let context = Unmanaged.passRetained(problems)
        defer { context.release() }
        guard let vctxt = xmlSchemaNewValidCtxt(compiled) else { throw ExportError.xml("xmlSchemaNewValidCtxt failed") }
        defer { xmlSchemaFreeValidCtxt(vctxt) }
        xmlSchemaSetValidStructuredErrors(vctxt, handler, context.toOpaque())
        // The stream's parser reports well-formedness errors through libxml2's structured
        // handler for this thread (otherwise they go to stderr): the collector's, meanwhile.
        let savedHandler = __xmlStructuredError().pointee
        let savedContext = __xmlStructuredErrorContext().pointee
        xmlSetStructuredErrorFunc(context.toOpaque(), handler)
        defer { xmlSetStructuredErrorFunc(savedContext, savedHandler) }
        let rc: Int32 = document.withUnsafeBufferPointer { buffer in
            guard let base = buffer.baseAddress, buffer.count <= Int(Int32.max) else { return -2 }
            return base.withMemoryRebound(to: CChar.self, capacity: buffer.count) { chars in
                guard let input = xmlParserInputBufferCreateMem(chars, Int32(buffer.count), XML_CHAR_ENCODING_UTF8) else {
                    return -1
                }
                // The stream's parser takes the input buffer over and frees it.
                return xmlSchemaValidateStream(vctxt, input, XML_CHAR_ENCODING_UTF8, nil, nil)
            }
        }
        if rc == -2 { throw ExportError.invalidXML(["\(documentName) is empty or too large to read"]) }
        if rc > 0 || !problems.errors.isEmpty {
            throw ExportError.invalidXML(problems.messages.isEmpty ? ["\(documentName) is not well-formed"] : problems.messages)
        }
        if rc < 0 { throw ExportError.xml("the schema validator failed internally (\(rc))") }
    }

    /// Parses `bytes` with no network access, every message going to `collector`; nil when
    /// the document is not well-formed.
    private static func parse(_ bytes: [UInt8], name: String, into collector: Collector) -> xmlDocPtr? {
        guard let pctxt = xmlNewParserCtxt() else {
            collector.messages.append("xmlNewParserCtxt failed")
            return nil
        }
        defer { xmlFreeParserCtxt(pctxt) }
        // libxml2 2.9 hands a parser's structured handler the context's userData (the context
        // itself); the collector rides in its _private field.
        let retained = Unmanaged.passRetained(collector)
        defer { retained.release() }
        pctxt.pointee._private = retained.toOpaque()
        pctxt.pointee.sax.pointee.serror = { userData, error in
            guard let userData, let error else { return }
            let ctxt = userData.assumingMemoryBound(to: xmlParserCtxt.self)
            guard let collector = ctxt.pointee._private else { return }
            Unmanaged<Collector>.fromOpaque(collector).takeUnretainedValue().add(error.pointee)
        }
        let options = Int32(XML_PARSE_NONET.rawValue | XML_PARSE_NOERROR.rawValue | XML_PARSE_NOWARNING.rawValue)
        let doc = bytes.withUnsafeBufferPointer { buffer in
            buffer.baseAddress.map { base in
                base.withMemoryRebound(to: CChar.self, capacity: buffer.count) {
                    xmlCtxtReadMemory(pctxt, $0, Int32(buffer.count), name, "UTF-8", options)
                }
            } ?? nil
        }
        guard let doc, pctxt.pointee.wellFormed != 0 else {
            if let doc { xmlFreeDoc(doc) }
            if collector.messages.isEmpty, let last = xmlCtxtGetLastError(pctxt) { collector.add(last.pointee) }
            return nil
        }
        return doc
    }

    /// Messages from libxml2's handlers, in the order they came.
    private final class Collector {
        var messages: [String] = []
        var errors: [String] = []
        func add(_ e: xmlError) {
            var message = e.message.map { String(cString: $0) } ?? "error \(e.code)"
            while message.last?.isNewline == true { message.removeLast() }
            let text = e.line > 0 ? "line \(e.line): \(message)" : message
            messages.append(text)
            if e.level.rawValue >= XML_ERR_ERROR.rawValue { errors.append(text) }
        }
    }
}
