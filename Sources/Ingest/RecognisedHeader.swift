import RegistryModel

/// What ingest pins per file before it reads a record: from the manifest, or defaults.
struct FilePins {
    var kind: SourceKind?
    var layout: FileLayout?
    var encoding: TextEncoding?
    var delimiter: UInt8 = UInt8(ascii: ",")

    init(_ entry: Manifest.FileEntry?) {
        kind = entry?.source
        layout = entry?.layout
        encoding = entry?.encoding
        if let delimiter = entry?.delimiter?.utf8.first { self.delimiter = delimiter }
    }
}

/// A file's recognised header: its column names, the field each maps to, and what they
/// say about the file.
struct RecognisedHeader {
    let names: [String]
    let fieldsByColumn: [Field?]
    let kind: SourceKind
    let layout: FileLayout

    init(names: [String], resolver: NameResolver, pins: FilePins, file: String) throws {
        self.names = names
        fieldsByColumn = names.map(resolver.field(for:))
        // Two columns for one field: keeping either would drop the other's values unseen.
        for (index, field) in fieldsByColumn.enumerated() {
            guard let field, let first = fieldsByColumn[..<index].firstIndex(of: field) else { continue }
            throw IngestError.duplicateColumns(
                file: file, firstColumn: first + 1, firstName: names[first], secondColumn: index + 1, secondName: names[index])
        }
        kind = try resolver.kind(of: names, pinned: pins.kind, file: file)
        layout = resolver.layout(of: names, pinned: pins.layout)
    }

    /// The header's name for a column, or its position when a ragged row runs past the header.
    func columnName(_ index: Int) -> String {
        index < names.count && RecordChecks.hasVisibleText(names[index]) ? names[index] : "第\(index + 1)列"
    }
}
