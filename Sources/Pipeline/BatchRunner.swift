import Foundation
import Ingest
import Normalize
import RegistryModel
import Reports

/// What a batch is asked to do (`rereg batch`).
public struct BatchRequest: Sendable {
    public var inputFolder: URL
    public var asOf: String?
    public var outputFolder: URL?

    public init(inputFolder: URL, asOf: String? = nil, outputFolder: URL? = nil) {
        self.inputFolder = inputFolder
        self.asOf = asOf
        self.outputFolder = outputFolder
    }
}

/// What a batch did.
public struct BatchResult: Sendable {
    public let asOf: Day
    public let outputFolder: URL
    public let files: [FileReport]
    /// Per stage, for the benchmark; never written to a file.
    public let timings: [StageTiming]

    public var records: Int { files.reduce(0) { $0 + $1.records } }
    public var accepted: Int { files.reduce(0) { $0 + $1.accepted } }
    public var rejected: Int { files.reduce(0) { $0 + $1.rejected } }
    /// The registries that sent no file this month.
    public var missingSources: [SourceKind] {
        SourceKind.allCases.filter { kind in !files.contains { $0.file.kind == kind } }
    }
}

/// The one place that knows the order of the stages.
public enum BatchRunner {
    public static func run(_ request: BatchRequest) throws -> BatchResult {
        let ingestor = try Ingestor(folder: request.inputFolder)
        let asOf = try BatchDate.resolve(
            option: request.asOf, manifest: ingestor.manifest.asOf,
            folderName: request.inputFolder.standardizedFileURL.lastPathComponent)
        let normalizer = try Normalizer()
        var clock = StageClock()
        let inputFiles = try ingestor.survey()

        // Ingest streams records into Normalize one at a time; neither holds a file in memory.
        var rejects: [Reject] = []
        var records: [SourceRecord] = []
        var reports: [FileReport] = []
        var normalizing = Duration.zero
        for file in inputFiles {
            let report = try ingestor.read(file) { event in
                switch event {
                case .record(let raw):
                    let start = ContinuousClock.now
                    records.append(normalizer.normalize(raw))
                    normalizing += ContinuousClock.now - start
                case .reject(let reject):
                    rejects.append(reject)
                }
            }
            reports.append(report)
        }
        clock.finish("ingest", records: records.count + rejects.count, excluding: normalizing)
        clock.add("normalise", duration: normalizing, records: records.count)

        let outputURL = request.outputFolder
            ?? URL(fileURLWithPath: "output").appendingPathComponent(String(asOf.iso.prefix(7)))
        let output = try OutputFolder(final: outputURL)
        do {
            try IngestFiles.writeRejects(rejects, to: output.path("rejects.csv"))
            try IngestFiles.writeFiles(reports.map {
                IngestFiles.FileLine(source: $0.file.source, byteCount: $0.file.byteCount,
                                     records: $0.records, accepted: $0.accepted, rejected: $0.rejected)
            }, to: output.path("files.csv"))
            try output.publish()
        } catch {
            output.discard()
            throw error
        }
        clock.finish("outputs", records: records.count + rejects.count)
        return BatchResult(asOf: asOf, outputFolder: output.final, files: reports, timings: clock.timings)
    }
}
