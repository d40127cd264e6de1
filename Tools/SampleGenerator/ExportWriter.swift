import RegistryModel

/// A file being written, CSV or XML, behind one interface.
enum ExportWriter {
    case csv(CSVExport, footer: String?)
    case xml(XMLExport)

    init(spec: FileSpec, folder: String, rng: SplitMix64, truth: TruthLog?) throws {
        let path = folder + "/" + spec.name
        switch spec.format {
        case .csv(let title, let blankAfterTitle, let footer, let crlf, let rowMess):
            let mojibakeSafe = spec.encoding == .gb18030 ? RowMessProfile(
                duplicateRate: rowMess.duplicateRate, blankLineRate: rowMess.blankLineRate, raggedRate: rowMess.raggedRate) : rowMess
            self = .csv(try CSVExport(
                path: path, name: spec.name, encoding: spec.encoding, crlf: crlf, title: title, blankAfterTitle: blankAfterTitle,
                header: spec.columns.map(\.1), rowMess: mojibakeSafe, rng: rng, truth: truth), footer: footer)
        case .xml(let style, let declared, let duplicateRate):
            self = .xml(try XMLExport(
                path: path, name: spec.name, encoding: spec.encoding, declaredEncoding: declared, style: style,
                fieldNames: spec.columns.map(\.1), duplicateRate: duplicateRate, rng: rng, truth: truth))
        }
    }

    func add(_ fields: [String], truthID: String, invalidCode: Bool) throws {
        switch self {
        case .csv(let export, _): try export.add(fields, truthID: truthID, invalidCode: invalidCode)
        case .xml(let export): try export.add(fields, truthID: truthID, invalidCode: invalidCode)
        }
    }

    /// `rows`: the institution rows written, which a footer counts.
    func finish(rows: Int) throws {
        switch self {
        case .csv(let export, let footer): try export.finish(footerWord: footer, footerCount: rows)
        case .xml(let export): try export.finish()
        }
    }

    var records: Int {
        switch self {
        case .csv(let export, _): export.records
        case .xml(let export): export.records
        }
    }

    var bytesWritten: Int {
        switch self {
        case .csv(let export, _): export.bytesWritten
        case .xml(let export): export.bytesWritten
        }
    }
}

/// A file spec with its writer and renderer while a month is written.
final class OpenExport {
    let spec: FileSpec
    let writer: ExportWriter
    let renderer: RowRenderer
    private var rng: SplitMix64
    private(set) var rows = 0

    init(spec: FileSpec, folder: String, asOf: Day, seed: UInt64, stream: UInt64, truth: TruthLog?) throws {
        self.spec = spec
        writer = try ExportWriter(spec: spec, folder: folder, rng: SplitMix64(seed: seed, stream: stream, index: 1), truth: truth)
        renderer = RowRenderer(spec: spec, asOf: asOf)
        rng = SplitMix64(seed: seed, stream: stream, index: 2)
    }

    /// Writes the institution's rows for this file, if it has any.
    func write(_ institution: Institution) throws {
        for subject in spec.subjects(of: institution, asOf: renderer.asOf) {
            try write(institution, as: subject)
        }
    }

    func write(_ institution: Institution, as subject: RowSubject) throws {
        rows += 1
        let row = renderer.render(institution, as: subject, serial: rows, using: &rng)
        try writer.add(row.fields, truthID: institution.id, invalidCode: row.invalidCode)
    }

    func finish() throws { try writer.finish(rows: rows) }
}
