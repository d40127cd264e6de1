internal import CLibCSV
import RegistryModel

/// Reads a CSV export through libcsv's push parser, fed 1 MiB at a time.
///
/// Fields are parsed on raw bytes and decoded one by one afterwards: GB18030 never uses a
/// comma, quote or newline byte inside a multi-byte character, so this is sound for both
/// encodings. Rows above the header (titles) and blank rows are not records.
final class CSVReader {
    /// Rows searched for a header before the file is declared unrecognisable.
    static let headerSearchLimit = 30

    private let file: ChunkedFile
    private let decoder: FieldDecoder
    private let resolver: NameResolver
    private let pins: FilePins
    private let delimiter: UInt8
    private let emit: (IngestEvent) -> Void

    // The row being parsed: every field's bytes end to end, and where each field ends.
    // Written for every field libcsv reports, from its callback only, so exclusive access
    // need not be checked at each write. Measured: BENCHMARKS.md, history, `5632289`.
    @exclusivity(unchecked) private var rowBytes: [UInt8] = []
    @exclusivity(unchecked) private var fieldEnds: [Int] = []

    private var header: RecognisedHeader?
    private var namesSeen: [String] = []
    private var rowsBeforeHeader = 0
    private var ordinal = 0
    private var failure: IngestError?
    private var stopAfterHeader = false

    init(file: ChunkedFile, encoding: TextEncoding, resolver: NameResolver, pins: FilePins,
         emit: @escaping (IngestEvent) -> Void) {
        self.file = file
        self.decoder = FieldDecoder(encoding: encoding)
        self.resolver = resolver
        self.pins = pins
        self.delimiter = pins.delimiter
        self.emit = emit
        rowBytes.reserveCapacity(1 << 16)
        fieldEnds.reserveCapacity(64)
    }

    /// Reads the whole file, emitting every record or reject; returns its header.
    func read() throws -> RecognisedHeader {
        try parse()
        guard let header else { throw unrecognised() }
        return header
    }

    /// Reads only as far as the header, to recognise the file before any record is used.
    func recogniseHeader() throws -> RecognisedHeader {
        stopAfterHeader = true
        try parse()
        guard let header else { throw unrecognised() }
        return header
    }

    private func unrecognised() -> IngestError {
        .unrecognisedLayout(file: file.displayName, namesSeen: namesSeen, missing: NameResolver.requirement)
    }

    private var finished: Bool { failure != nil || (stopAfterHeader && header != nil) }

    private func parse() throws {
        var parser = csv_parser()
        guard csv_init(&parser, 0) == 0 else {
            throw IngestError.unreadableFile(file: file.displayName, reason: "libcsv 无法初始化")
        }
        defer { csv_free(&parser) }
        // Spaces inside and around values are data (names carry them); keep every byte.
        csv_set_space_func(&parser) { _ in 0 }
        csv_set_delim(&parser, delimiter)

        let context = Unmanaged.passUnretained(self).toOpaque()
        var atStart = true
        try withExtendedLifetime(self) {
            try file.forEachChunk { chunk in
                var bytes = UnsafeRawBufferPointer(chunk)
                if atStart {
                    atStart = false
                    // libcsv would leave a UTF-8 BOM glued to the first header.
                    if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { bytes = UnsafeRawBufferPointer(rebasing: bytes[3...]) }
                }
                let parsed = csv_parse(&parser, bytes.baseAddress, bytes.count, onField, onRowEnd, context)
                if parsed != bytes.count, failure == nil {
                    failure = .unreadableFile(file: file.displayName, reason: String(cString: csv_strerror(csv_error(&parser))))
                }
                return !finished
            }
            guard !finished else { return }
            // The file ended inside a quoted field (libcsv's FIELD_BEGUN state, 2, with the
            // field quoted). CSV_STRICT_FINI would say so only in strict mode, which also
            // aborts on any stray quote mid-file; so ask the parser's state directly.
            if parser.pstate == 2, parser.quoted != 0 {
                failure = .unterminatedQuote(file: file.displayName, recordsBefore: ordinal)
                return
            }
            csv_fini(&parser, onField, onRowEnd, context)
        }
        if let failure { throw failure }
    }

    fileprivate func appendField(_ data: UnsafeRawPointer?, _ length: Int) {
        if let data, length > 0 {
            rowBytes.append(contentsOf: UnsafeRawBufferPointer(start: data, count: length))
        }
        fieldEnds.append(rowBytes.count)
    }

    fileprivate func endRow() {
        defer {
            rowBytes.removeAll(keepingCapacity: true)
            fieldEnds.removeAll(keepingCapacity: true)
        }
        guard !finished, !isBlankRow else { return }
        if let header {
            handleRecord(header)
        } else {
            lookForHeader()
        }
    }

    // MARK: Rows

    private func withField<T>(_ index: Int, _ body: (UnsafeRawBufferPointer) -> T) -> T {
        let start = index == 0 ? 0 : fieldEnds[index - 1]
        return rowBytes.withUnsafeBytes { body(UnsafeRawBufferPointer(rebasing: $0[start..<fieldEnds[index]])) }
    }

    /// Excel writes an empty line as a row of delimiters: that is a blank line too.
    private var isBlankRow: Bool {
        rowBytes.allSatisfy { $0 == 0x20 || $0 == 0x09 || $0 == 0x0D || $0 == 0x0A }
    }

    private func decodedField(_ index: Int) -> String? {
        withField(index) { decoder.decode($0) }
    }

    private func lookForHeader() {
        let names = (0..<fieldEnds.count).map { decodedField($0) ?? "" }
        if namesSeen.isEmpty || names.filter(RecordChecks.hasVisibleText).count > namesSeen.filter(RecordChecks.hasVisibleText).count {
            namesSeen = names
        }
        if resolver.recognises(names) {
            do {
                header = try RecognisedHeader(names: names, resolver: resolver, pins: pins, file: file.displayName)
            } catch {
                failure = error as? IngestError
            }
            return
        }
        rowsBeforeHeader += 1
        if rowsBeforeHeader >= Self.headerSearchLimit { failure = unrecognised() }
    }

    private func handleRecord(_ header: RecognisedHeader) {
        ordinal += 1
        let ref = RecordRef(sourceFile: file.displayName, ordinal: ordinal)
        let texts = (0..<fieldEnds.count).map(decodedField)
        if let reason = rejectReason(texts, header) {
            emit(.reject(Reject(ref: ref, reason: reason)))
            return
        }
        var collected = FieldValues.Builder()
        for (index, field) in header.fieldsByColumn.enumerated() {
            guard let field else { continue }
            // Two columns for one field (名称 and 企业名称): the first with a value wins.
            if let existing = collected[field], RecordChecks.hasVisibleText(existing) { continue }
            collected[field] = texts[index]
        }
        if let reason = RecordChecks.identity(collected) {
            emit(.reject(Reject(ref: ref, reason: reason)))
            return
        }
        emit(.record(RawRecord(ref: ref, kind: header.kind, layout: header.layout, values: collected.values)))
    }

    private func rejectReason(_ texts: [String?], _ header: RecognisedHeader) -> RejectReason? {
        let firstValue = texts.lazy.compactMap { $0 }.first(where: RecordChecks.hasVisibleText)
        if let reason = RecordChecks.footer(firstValue: firstValue) { return reason }
        let mayBeDamaged = rowBytes.withUnsafeBytes(decoder.mayHoldDamage)
        if mayBeDamaged {
            let named = texts.enumerated().compactMap { index, text in
                text.map { (name: header.columnName(index), value: $0) }
            }
            if let reason = RecordChecks.damagedText(named) { return reason }
        }
        if texts.count != header.names.count {
            return .raggedRow(expected: header.names.count, found: texts.count)
        }
        if let undecodable = texts.firstIndex(where: { $0 == nil }) {
            return .undecodableBytes(field: header.columnName(undecodable), encoding: decoder.encoding)
        }
        return nil
    }
}

private let onField: @convention(c) (UnsafeMutableRawPointer?, Int, UnsafeMutableRawPointer?) -> Void = { data, length, context in
    Unmanaged<CSVReader>.fromOpaque(context!).takeUnretainedValue().appendField(data, length)
}

private let onRowEnd: @convention(c) (Int32, UnsafeMutableRawPointer?) -> Void = { _, context in
    Unmanaged<CSVReader>.fromOpaque(context!).takeUnretainedValue().endRow()
}
