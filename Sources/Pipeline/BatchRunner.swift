import Classify
import Foundation
import Ingest
import Ledger
import Normalize
import RegistryModel
import Reports
import Support

/// The one place that knows the order of the stages: ingest → normalise → link → classify
/// and track → ledger (one transaction) → files (staged, moved into place after the commit).
public enum BatchRunner {
    public static func run(_ request: BatchRequest) throws -> BatchResult {
        do {
            return try runAsTheWriter(request)
        } catch {
            throw Ledger.damage(in: error, path: request.ledgerPath) ?? error
        }
    }

    private static func runAsTheWriter(_ request: BatchRequest) throws -> BatchResult {
        var clock = StageClock()
        let ingestor = try Ingestor(folder: request.inputFolder)
        let asOf = try BatchDate.resolve(
            option: request.asOf, manifest: ingestor.manifest.asOf,
            folderName: request.inputFolder.standardizedFileURL.lastPathComponent)
        let month = asOf.yearMonth
        let outputURL = request.outputFolder ?? URL(fileURLWithPath: "output").appendingPathComponent(month)

        // One writer at a time, from before the ledger is read: a second batch waits, then
        // computes its month from what the first recorded.
        let lock = try WriterLock(ledgerPath: request.ledgerPath, waiting: request.settings.writerWait)
        defer { withExtendedLifetime(lock) {} }
        // An existing ledger is checked before any work: a month older than its newest is refused.
        let ledgerExisted = FileManager.default.fileExists(atPath: request.ledgerPath)
        let existingLedger = ledgerExisted ? try Ledger(path: request.ledgerPath) : nil
        try existingLedger?.checkIntact()
        if let newest = try existingLedger?.months().last, month < newest {
            throw LedgerError.olderMonth(month: month, newest: newest)
        }

        request.progress("识别文件")
        let inputFiles = try ingestor.survey()
        let ignored = ingestor.ignoredFiles
        guard !inputFiles.isEmpty || request.allowEmptyMonth else {
            throw PipelineError.emptyMonth(folder: request.inputFolder.path, ignored: ignored.map(\.name))
        }
        let digest = try ingestor.inputDigest(of: inputFiles)
        let recordedBefore = try existingLedger?.batch(month)
        // The same exports as of the same day again: nothing new to record. Another as-of date
        // within the month is a correction, recorded anew like corrected exports.
        if let ledger = existingLedger, let recorded = recordedBefore, recorded.inputDigest == digest, recorded.asOf == asOf {
            // The same exports again: nothing new to record; the files are rendered anew.
            request.progress("输出文件")
            let files = try ledger.files(month)
            try publishRecorded(month: month, from: ledger, to: outputURL, settings: request.settings)
            let lines = try ledger.lines(month)
            return BatchResult(month: month, asOf: asOf, outputFolder: outputURL.standardizedFileURL, files: files,
                               warnings: recorded.warnings, unchanged: true, institutions: lines.count,
                               summary: Summary(lines).overall, timings: [])
        }

        let ledger = try existingLedger ?? Ledger(path: request.ledgerPath)
        let recorded: RecordedMonth
        do {
            // Recording happens in its own function so that the month's records are released
            // before the files are rendered from the ledger.
            recorded = try record(inputFiles, ignoring: ignored, from: ingestor, month: month, asOf: asOf, digest: digest,
                                  into: ledger, request: request, clock: &clock)
        } catch {
            // A ledger this run created holds nothing a fatal error should leave behind.
            if !ledgerExisted {
                for suffix in ["", "-wal", "-shm", "-journal"] { try? FileManager.default.removeItem(atPath: request.ledgerPath + suffix) }
            }
            throw error
        }
        // Rendering reads half a million lines at a million records: begun while the
        // month's records and memories are still being freed, it would be the month's peak
        // (measured: BENCHMARKS.md, history, `c4c220b`).
        Parallel.finishReleasing()
        request.progress("输出文件")
        try publishRecorded(month: month, from: ledger, to: outputURL, settings: request.settings)
        clock.finish("outputs", records: recorded.institutions)
        var result = BatchResult(month: month, asOf: asOf, outputFolder: outputURL.standardizedFileURL, files: recorded.files,
                                 warnings: recorded.warnings, unchanged: false, institutions: recorded.institutions,
                                 summary: recorded.summary, timings: clock.timings)
        result.replaced = recordedBefore.map { ($0.asOf, $0.asOf == asOf) }
        return result
    }

    /// The files of a month the ledger holds: a failure here leaves the month recorded, and
    /// says so, with what to run once the cause is mended.
    private static func publishRecorded(month: String, from ledger: Ledger, to destination: URL, settings: BatchSettings) throws {
        do {
            try BatchRendering.publish(month: month, from: ledger, to: destination, settings: settings)
        } catch {
            throw PipelineError.recordedButFilesNotWritten(month: month, folder: destination.standardizedFileURL.path,
                                                         reason: OutputFolder.reason(error))
        }
    }

    private struct RecordedMonth {
        let files: [FileRow]
        let warnings: [String]
        let institutions: Int
        let summary: ProgressCounts
    }

    /// Ingest and normalise (streaming into memory), then link, then classify and track inside
    /// the one write transaction.
    private static func record(
        _ inputFiles: [InputFile], ignoring ignored: [(name: String, reason: String)], from ingestor: Ingestor, month: String, asOf: Day, digest: String, into ledger: Ledger,
        request: BatchRequest, clock: inout StageClock
    ) throws -> RecordedMonth {
        request.progress("读取记录")
        let normalizer = try BackgroundNormalizer(try Normalizer())
        var rejects: [Reject] = []
        var files: [FileRow] = []
        for file in inputFiles {
            request.progress("读取 \(file.name)")
            let report = try ingestor.read(file) { event in
                switch event {
                case .record(let raw): normalizer.add(raw)
                case .reject(let reject): rejects.append(reject)
                }
            }
            files.append(FileRow(source: file.source, sha256: file.sha256, bytes: file.byteCount, records: report.records,
                                 accepted: report.accepted, rejected: report.rejected))
        }
        let (records, exported, normalizing) = try normalizer.finish()
        // Normalising ran beside ingest: "ingest" is the wall time of both, "normalise" the
        // second thread's busy time.
        clock.finish("ingest", records: records.count + rejects.count)
        clock.add("normalise", duration: normalizing, records: records.count)

        let warnings = ignored.map { "已跳过文件夹中的“\($0.name)”：\($0.reason)。(ignored_file)" }
            + SourceKind.allCases.filter { kind in !files.contains { $0.source.kind == kind } }.map { kind in
                "本月没有\(kind.chineseName)的导出文件：其机构保留上月已知状态。(missing_registry: \(kind.rawValue))"
            }
        let computation = BatchComputation(month: month, asOf: asOf, settings: request.settings, ledger: ledger,
                                           classifier: try Classifier())
        let summary = try computation.record(records: records, exported: exported, rejects: rejects, files: files, digest: digest,
                                           warnings: warnings, progress: request.progress, clock: &clock)
        Parallel.release(consume records)
        return RecordedMonth(files: files, warnings: warnings, institutions: summary.institutions, summary: summary.overall)
    }
}
