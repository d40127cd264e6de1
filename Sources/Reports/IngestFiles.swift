import RegistryModel

/// The files that describe what ingest did with a month's exports.
public enum IngestFiles {
    /// `rejects.csv`: one row per record that was not accepted (contract.md).
    public static func writeRejects(_ rejects: [Reject], to path: String) throws {
        let writer = try CSVWriter(path: path, header: ["source_file", "record_ref", "reason"])
        for reject in rejects.sorted(by: { $0.ref < $1.ref }) {
            try writer.write([reject.ref.sourceFile, String(reject.ref.ordinal), reject.reason.message])
        }
        try writer.close()
    }

    /// One file's line in `files.csv`.
    public struct FileLine: Sendable {
        public let source: SourceFile
        public let byteCount: Int
        public let records: Int
        public let accepted: Int
        public let rejected: Int

        public init(source: SourceFile, byteCount: Int, records: Int, accepted: Int, rejected: Int) {
            self.source = source
            self.byteCount = byteCount
            self.records = records
            self.accepted = accepted
            self.rejected = rejected
        }
    }

    /// `files.csv`: what each input file was recognised as, and its counts.
    public static func writeFiles(_ lines: [FileLine], to path: String) throws {
        let writer = try CSVWriter(
            path: path,
            header: ["source_file", "source", "layout", "format", "encoding", "bytes", "records", "accepted", "rejected"])
        for line in lines {
            try writer.write([
                line.source.name, line.source.kind.rawValue, line.source.layout.rawValue, line.source.format.rawValue,
                line.source.encoding.rawValue, String(line.byteCount), String(line.records), String(line.accepted),
                String(line.rejected),
            ])
        }
        try writer.close()
    }
}
