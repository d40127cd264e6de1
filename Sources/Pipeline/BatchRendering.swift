import Foundation
import Ledger
import RegistryModel
import Reports
import Support

/// Renders a recorded month's files from the ledger alone, so that a re-run, a re-render
/// (`rereg report`) and the first run give the same bytes.
public enum BatchRendering {
    /// `rereg report`: a recorded month's files from the ledger file alone.
    public static func publish(month: String, ledgerPath: String, to destination: URL, settings: BatchSettings) throws {
        guard FileManager.default.fileExists(atPath: ledgerPath) else { throw DecisionError.noLedger(ledgerPath) }
        try publish(month: month, from: try Ledger(path: ledgerPath), to: destination, settings: settings)
    }

    /// Renders into a staging folder and moves it into place.
    public static func publish(month: String, from ledger: Ledger, to destination: URL, settings: BatchSettings) throws {
        // Asked first, so that a month the ledger lacks leaves no folder behind.
        guard try ledger.batch(month) != nil else { throw PipelineError.unknownBatch(month) }
        let output = try OutputFolder(final: destination)
        do {
            try render(month: month, from: ledger, into: output, settings: settings)
            try output.publish()
        } catch {
            output.discard()
            throw error
        }
    }

    private static func render(month: String, from ledger: Ledger, into output: OutputFolder, settings: BatchSettings) throws {
        guard let batch = try ledger.batch(month) else { throw PipelineError.unknownBatch(month) }
        let months = try ledger.months().filter { $0 <= month }
        let previousMonth = months.dropLast().last
        // The reads are independent: about half of them go through a second connection, beside
        // the others, so that reading does not leave a core idle (BENCHMARKS.md, history,
        // `59ddd64`).
        let sideReader = try ledger.secondReader() ?? ledger
        let ((lines, previousLines, records, files, merges), (reviews, duplicates, contacts, rejects)) = try Parallel.both({
            (try ledger.lines(month), try previousMonth.map { try ledger.lines($0) } ?? [],
             try ledger.records(month, withFields: false), try ledger.files(month), try ledger.merges(month))
        }, {
            (try sideReader.reviews(month), try sideReader.duplicateCount(month), try sideReader.contacts(month),
             try sideReader.rejects(month).map { RejectRow(file: $0.ref.sourceFile, ordinal: $0.ref.ordinal, reason: $0.reason) })
        })

        let summary = Summary(lines)
        let report = BatchReport(
            asOf: batch.asOf, deadline: batch.deadline, batchMonth: month, previousBatchMonth: previousMonth,
            lines: lines, previousLines: previousLines, summary: summary.overall, summaryByCounty: summary.byCounty,
            trend: try months.compactMap { try ledger.batch($0) }.map { TrendPoint(month: $0.month, asOf: $0.asOf, counts: Self.counts($0)) },
            reviewItems: reviews, rejectGroups: Self.groups(rejects), rejectRows: rejects,
            files: files.map { FileQuality(name: $0.source.name, registry: $0.source.kind, format: $0.source.format,
                                           encoding: $0.source.encoding, records: $0.records, accepted: $0.accepted,
                                           rejected: $0.rejected) },
            duplicatesMerged: duplicates, merges: merges, invalidCodes: lines.filter { $0.flags.contains(.invalidCreditCode) }.count,
            missingRegistryWarning: batch.warnings.isEmpty ? nil : batch.warnings.joined(separator: " "),
            contacts: contacts.mapValues { Contact(legalRepresentative: $0.name, idNumber: $0.idNumber, phone: $0.phone) })

        // Everything is read; the files are independent of each other and written side by side.
        let staging = output.staging
        let path = { @Sendable (name: String) in staging.appendingPathComponent(name).path }
        let summaryJSON = ContractFiles.summaryJSON(asOf: batch.asOf, deadline: batch.deadline, summary: summary)
        try Parallel.run([
            { try ContractFiles.writeCrosswalk(records, to: path("crosswalk.csv")) },
            { try ContractFiles.writeRejects(rejects, to: path("rejects.csv")) },
            { try ContractFiles.writeLedgerJSONL(lines, to: path("ledger.jsonl")) },
            { try Data(summaryJSON.utf8).write(to: URL(fileURLWithPath: path("summary.json"))) },
            { try ContractFiles.writeLedgerCSV(lines, to: path("ledger.csv")) },
            { try ContractFiles.writeChanges(lines, previous: previousLines, merges: merges, to: path("changes.csv")) },
            { try ContractFiles.writeReview(reviews, lines: lines, to: path("review.csv")) },
            { try ContractFiles.writeFiles(files, to: path("files.csv")) },
            { try HTMLReport.write(report, into: staging) },
            { try DepartmentFeeds.write(report, into: staging) },
            {
                _ = try LedgerWorkbook.write(report, into: staging, lineLimit: settings.workbookLimit,
                                             force: settings.forceWorkbook)
            },
        ])
    }

    /// The stored summary's overall counts (the trend reads them without every month's lines).
    private static func counts(_ batch: BatchRow) -> ProgressCounts {
        var counts = ProgressCounts()
        if let stored = try? JSONValue.parse(batch.summary) {
            counts.required = stored["required"]?.int ?? 0
            counts.completed = stored["completed"]?.int ?? 0
            counts.exited = stored["exited"]?.int ?? 0
            counts.inProgress = stored["in_progress"]?.int ?? 0
            counts.notStarted = stored["not_started"]?.int ?? 0
            counts.overdue = stored["overdue"]?.int ?? 0
        }
        return counts
    }

    private static func groups(_ rejects: [RejectRow]) -> [RejectGroup] {
        var byCode: [String: [RejectRow]] = [:]
        for reject in rejects {
            let code = reject.reason.split(separator: "(").last.map { String($0.prefix { $0 != ":" }) } ?? reject.reason
            byCode[code, default: []].append(reject)
        }
        return byCode.keys.sorted().map { code in
            let rows = byCode[code]!
            return RejectGroup(code: code, reason: rows[0].reason, count: rows.count,
                               examples: rows.prefix(5).map { RecordRef(sourceFile: $0.file, ordinal: $0.ordinal) })
        }
    }
}
