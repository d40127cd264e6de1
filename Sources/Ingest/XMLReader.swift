#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
internal import CLibXML2
import RegistryModel

/// Reads an XML export with libxml2's streaming text reader.
///
/// Records are the repeated elements under the record container, found from the data
/// rather than assumed: the first element whose attributes (`<row QYMC="…"/>`) or leaf
/// children (`<RECORD><QYMC>…</QYMC></RECORD>`) map to known fields fixes the record
/// element's name and depth; every element with that name at that depth is a record.
///
/// The file is untrusted: no network, no DTD loading, no entity substitution, and a
/// document with a DOCTYPE or an entity reference is refused outright (tech-notes.md).
final class XMLReader {
    private struct Element {
        let name: String
        let depth: Int
        var attributes: [(name: String, value: String)]
        var children: [(name: String, value: String)] = []
        var text = ""
        var hasChildElements = false

        var namedValues: [(name: String, value: String)] { attributes + children }

        /// A field element holds text and no elements of its own.
        var isField: Bool { !hasChildElements && (attributes.isEmpty || RecordChecks.hasVisibleText(text)) }
    }

    /// Elements held back while the record element is still unknown.
    static let pendingLimit = 1000

    private let path: String
    private let displayName: String
    private let encoding: TextEncoding
    private let resolver: NameResolver
    private let pins: FilePins
    private let emit: (IngestEvent) -> Void

    private var descriptor: Int32 = -1
    private var firstError: (line: Int, message: String)?

    private var stack: [Element] = []
    private var recordElement: (name: String, depth: Int)?
    private var header: RecognisedHeader?
    private var pending: [Element] = []
    private var namesSeen: [String] = []
    /// The field each element name maps to, looked up once per name: every record repeats the
    /// same dozen names, so each is folded once, not once per record. Measured: BENCHMARKS.md,
    /// history, `5632289`.
    private var fieldsByName: [String: Field?] = [:]
    private var ordinal = 0
    private var stopAfterHeader = false

    init(file: ChunkedFile, encoding: TextEncoding, resolver: NameResolver, pins: FilePins,
         emit: @escaping (IngestEvent) -> Void) {
        path = file.path
        displayName = file.displayName
        self.encoding = encoding
        self.resolver = resolver
        self.pins = pins
        self.emit = emit
    }

    func read() throws -> RecognisedHeader {
        try parse()
        guard let header else { throw unrecognised() }
        return header
    }

    func recogniseHeader() throws -> RecognisedHeader {
        stopAfterHeader = true
        return try read()
    }

    private func unrecognised() -> IngestError {
        .unrecognisedLayout(file: displayName, namesSeen: namesSeen, missing: NameResolver.requirement)
    }

    private func parse() throws {
        XMLSafety.installDenyAllEntityLoader()
        // Refused before libxml2 sees it: libxml2 parses a DOCTYPE's internal subset (and
        // its entity declarations) before the reader reports the DOCTYPE node.
        if try XMLSafety.declaresDocumentType(ChunkedFile(path: path, displayName: displayName)) {
            throw IngestError.hostileXML(file: displayName, what: " DOCTYPE 声明")
        }
        descriptor = open(path, O_RDONLY)
        guard descriptor >= 0 else {
            throw IngestError.unreadableFile(file: displayName, reason: String(cString: strerror(errno)))
        }
        let context = Unmanaged.passUnretained(self).toOpaque()
        // The encoding found in the bytes overrides the prolog (IGNORE_ENC): GBK-declared
        // files are read as GB18030, its superset, so that Mongolian script survives.
        let encodingName = encoding == .gb18030 ? "GB18030" : "UTF-8"
        let options = Int32(XML_PARSE_NONET.rawValue | XML_PARSE_NOCDATA.rawValue | XML_PARSE_IGNORE_ENC.rawValue)
        guard let reader = xmlReaderForIO(readCallback, closeCallback, context, displayName, encodingName, options) else {
            Glibc.close(descriptor)
            throw IngestError.unreadableFile(file: displayName, reason: "libxml2 无法打开")
        }
        defer { xmlFreeTextReader(reader) }
        xmlTextReaderSetStructuredErrorHandler(reader, errorCallback, context)
        try withExtendedLifetime(self) {
            while !(stopAfterHeader && header != nil) {
                let status = xmlTextReaderRead(reader)
                if status == 0 { break }
                guard status == 1 else {
                    let error = firstError ?? (line: 0, message: "未知错误")
                    // libxml2 stops at 256 levels and suggests the one option that must never
                    // be used (it lifts the limits that keep a hostile file bounded).
                    if error.message.hasPrefix("Excessive depth") { throw IngestError.tooDeepXML(file: displayName) }
                    throw IngestError.malformedXML(file: displayName, line: error.line, message: error.message)
                }
                try handleNode(reader)
            }
        }
    }

    private func handleNode(_ reader: xmlTextReaderPtr) throws {
        switch xmlTextReaderNodeType(reader) {
        case Int32(XML_READER_TYPE_DOCUMENT_TYPE.rawValue):
            throw IngestError.hostileXML(file: displayName, what: " DOCTYPE 声明")
        case Int32(XML_READER_TYPE_ENTITY_REFERENCE.rawValue), Int32(XML_READER_TYPE_ENTITY.rawValue):
            throw IngestError.hostileXML(file: displayName, what: "实体引用")
        case Int32(XML_READER_TYPE_ELEMENT.rawValue):
            let element = Element(
                name: string(xmlTextReaderConstLocalName(reader)),
                depth: Int(xmlTextReaderDepth(reader)),
                attributes: attributes(reader))
            if xmlTextReaderIsEmptyElement(reader) == 1 {
                try close(element)
            } else {
                stack.append(element)
            }
        case Int32(XML_READER_TYPE_TEXT.rawValue), Int32(XML_READER_TYPE_CDATA.rawValue),
             Int32(XML_READER_TYPE_SIGNIFICANT_WHITESPACE.rawValue):
            if !stack.isEmpty { stack[stack.count - 1].text += string(xmlTextReaderConstValue(reader)) }
        case Int32(XML_READER_TYPE_END_ELEMENT.rawValue):
            if let element = stack.popLast() { try close(element) }
        default:
            break
        }
    }

    private func attributes(_ reader: xmlTextReaderPtr) -> [(name: String, value: String)] {
        var attributes: [(name: String, value: String)] = []
        while xmlTextReaderMoveToNextAttribute(reader) == 1 {
            attributes.append((string(xmlTextReaderConstLocalName(reader)), string(xmlTextReaderConstValue(reader))))
        }
        xmlTextReaderMoveToElement(reader)
        return attributes
    }

    private func string(_ pointer: UnsafePointer<xmlChar>?) -> String {
        pointer.map { String(cString: $0) } ?? ""
    }

    // MARK: Records

    private func close(_ element: Element) throws {
        if let recordElement {
            if element.name == recordElement.name, element.depth == recordElement.depth {
                handleRecord(element)
                return
            }
        } else {
            let names = element.namedValues.map(\.name)
            if !element.isField, resolver.recognises(names) {
                try fixRecordElement(element, names: names)
                return
            }
            if !element.isField {
                if namesSeen.isEmpty { namesSeen = names }
                if pending.count < Self.pendingLimit { pending.append(element) }
            }
        }
        guard !stack.isEmpty else { return }
        stack[stack.count - 1].hasChildElements = true
        if element.isField {
            stack[stack.count - 1].children.append((element.name, element.text))
        }
    }

    private func fixRecordElement(_ element: Element, names: [String]) throws {
        header = try RecognisedHeader(names: names, resolver: resolver, pins: pins, file: displayName)
        recordElement = (element.name, element.depth)
        // Earlier elements of the same kind whose own fields were too few to recognise
        // are records all the same.
        let earlier = pending.filter { $0.name == element.name && $0.depth == element.depth }
        pending = []
        if stopAfterHeader { return }
        earlier.forEach(handleRecord)
        handleRecord(element)
    }

    private func handleRecord(_ element: Element) {
        guard let header else { return }
        ordinal += 1
        let ref = RecordRef(sourceFile: displayName, ordinal: ordinal)
        let named = element.namedValues
        var collected = FieldValues.Builder()
        var knownFields = 0
        for (name, value) in named {
            guard let field = field(for: name) else { continue }
            knownFields += 1
            if let existing = collected[field], RecordChecks.hasVisibleText(existing) { continue }
            collected[field] = value
        }
        let firstValue = named.lazy.map(\.value).first(where: RecordChecks.hasVisibleText)
        let reason = RecordChecks.footer(firstValue: firstValue)
            ?? RecordChecks.damagedText(named)
            ?? (knownFields == 0 ? .noKnownFields : nil)
            ?? RecordChecks.identity(collected)
        if let reason {
            emit(.reject(Reject(ref: ref, reason: reason)))
        } else {
            emit(.record(RawRecord(ref: ref, kind: header.kind, layout: header.layout, values: collected.values)))
        }
    }

    private func field(for name: String) -> Field? {
        if let known = fieldsByName[name] { return known }
        let field = resolver.field(for: name)
        fieldsByName[name] = field
        return field
    }

    // MARK: Callbacks

    fileprivate func readInput(into buffer: UnsafeMutablePointer<CChar>, length: Int32) -> Int32 {
        while true {
            let count = Glibc.read(descriptor, buffer, Int(length))
            if count < 0 && errno == EINTR { continue }
            return Int32(count)
        }
    }

    fileprivate func closeInput() {
        if descriptor >= 0 { Glibc.close(descriptor) }
        descriptor = -1
    }

    fileprivate func recordError(_ message: String, line: Int) {
        if firstError == nil {
            firstError = (line, message.trimmingCharacters(in: .whitespacesAndNewlines))
        }
    }
}

private let readCallback: xmlInputReadCallback = { context, buffer, length in
    guard let context, let buffer else { return -1 }
    return Unmanaged<XMLReader>.fromOpaque(context).takeUnretainedValue().readInput(into: buffer, length: length)
}

private let closeCallback: xmlInputCloseCallback = { context in
    guard let context else { return -1 }
    Unmanaged<XMLReader>.fromOpaque(context).takeUnretainedValue().closeInput()
    return 0
}

// libxml2 2.12 made the error `const`: this callback is written for Debian 12's 2.9.14.
private let errorCallback: xmlStructuredErrorFunc = { context, error in
    guard let context, let error else { return }
    Unmanaged<XMLReader>.fromOpaque(context).takeUnretainedValue()
        .recordError(error.pointee.message.map { String(cString: $0) } ?? "", line: Int(error.pointee.line))
}

/// Process-wide libxml2 settings that keep untrusted files from reaching anything else.
enum XMLSafety {
    private static let entityLoaderInstalled: Void = {
        xmlSetExternalEntityLoader { _, _, _ in nil }
        // Errors reach each reader's own handler; nothing is printed behind the clerk's back.
        xmlSetStructuredErrorFunc(nil) { _, _ in }
    }()

    /// No external entity or DTD is ever loaded, whatever a document asks for.
    static func installDenyAllEntityLoader() {
        _ = entityLoaderInstalled
    }

    /// Whether the prolog (everything before the root element) holds `<!DOCTYPE`.
    static func declaresDocumentType(_ file: ChunkedFile) throws -> Bool {
        let marker = Array("<!DOCTYPE".utf8)
        var window: [UInt8] = []
        var found = false
        try file.forEachChunk { chunk in
            window.append(contentsOf: chunk)
            var index = 0
            while index < window.count {
                guard window[index] == UInt8(ascii: "<") else { index += 1; continue }
                guard index + marker.count <= window.count else { break }
                if window[index..<(index + marker.count)].elementsEqual(marker) { found = true; return false }
                let next = window[index + 1]
                // `<?…` and `<!--…` belong to the prolog; any other `<` opens the root element.
                if next != UInt8(ascii: "?"), next != UInt8(ascii: "!") { return false }
                index += 1
            }
            window = Array(window[min(index, window.count)...])
            return true
        }
        return found
    }
}
