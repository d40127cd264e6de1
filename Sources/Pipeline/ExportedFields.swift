import Foundation
import RegistryModel

/// The month's records' values as exported, from ingest to the ledger write, in a `SpillFile`
/// instead of in every record: only the ledger needs them (`source_record.fields`), and held
/// as strings they were a large part of the month's peak (measured: BENCHMARKS.md, history,
/// `e99f2b8`). Written as the JSON the ledger stores, in record order, on the thread that
/// normalises; read back a share of records at a time, each share one read.
final class ExportedFieldsWriter {
    private let appender: SpillFile.Appender
    /// Where each record's JSON ends in the file, in record order.
    private var ends: [Int] = []

    init(in directory: URL = FileManager.default.temporaryDirectory) throws {
        appender = SpillFile.Appender(to: try SpillFile(in: directory))
    }

    func append(_ values: FieldValues) {
        ends.append(appender.append(values.jsonBytes).upperBound)
    }

    /// Everything appended, readable.
    func finish() throws -> ExportedFields {
        try appender.flush()
        return ExportedFields(file: appender.file, ends: ends)
    }
}

/// The exported values as written, read by record index.
struct ExportedFields: Sendable {
    private let file: SpillFile
    private let ends: [Int]

    fileprivate init(file: SpillFile, ends: [Int]) {
        self.file = file
        self.ends = ends
    }

    var count: Int { ends.count }

    /// The JSON of the records in `range`, in order.
    func json(_ range: Range<Int>) throws -> [String] {
        guard !range.isEmpty else { return [] }
        let start = range.lowerBound == 0 ? 0 : ends[range.lowerBound - 1]
        let bytes = try file.read(start ..< ends[range.upperBound - 1])
        return range.map { index in
            let from = (index == 0 ? 0 : ends[index - 1]) - start
            return String(decoding: bytes[from ..< ends[index] - start], as: UTF8.self)
        }
    }
}
