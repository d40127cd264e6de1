import Foundation
import Ledger
import RegistryModel

/// `rereg replay`: rebuilds the ledger from every month folder in order, keeping the clerk's
/// decisions. The new ledger replaces the old one only when every month has been recorded.
public enum Replay {
    public static func run(inputRoot: URL, ledgerPath: String, outputRoot: URL, settings: BatchSettings,
                           progress: @escaping @Sendable (String) -> Void) throws -> [BatchResult] {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: inputRoot.path)) ?? []
        let months = names.filter { BatchDate.lastDay(ofMonthNamed: $0) != nil }.sorted()
        guard !months.isEmpty else { throw PipelineError.noMonths(inputRoot.path) }

        // The ledger's one writer until the rebuilt one replaces it.
        let lock = try WriterLock(ledgerPath: ledgerPath, waiting: settings.writerWait)
        defer { withExtendedLifetime(lock) {} }
        let rebuilt = ledgerPath + ".replay"
        defer { try? FileManager.default.removeItem(atPath: rebuilt + ".lock") }
        for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: rebuilt + suffix) }
        do {
            // The clerk's decisions are the one thing the month folders do not hold: taken from
            // the old ledger, or, when it is damaged or lost, from the files kept beside it.
            let target = try Ledger(path: rebuilt)
            var fromLedger: [DecisionRow]?
            if FileManager.default.fileExists(atPath: ledgerPath) {
                do {
                    fromLedger = try Ledger(path: ledgerPath).decisions(includingRevoked: true)
                } catch where Ledger.damage(in: error, path: ledgerPath) != nil {
                    fromLedger = nil
                }
            }
            if let fromLedger {
                try target.add(fromLedger)
            } else {
                for file in Decisions.keptFiles(beside: ledgerPath) {
                    progress("取回决定 \(file.lastPathComponent)")
                    _ = try Decisions.apply(try Decisions.read(file, knownBy: nil), to: target)
                }
            }
            var results: [BatchResult] = []
            for month in months {
                progress("重建 \(month)")
                results.append(try BatchRunner.run(BatchRequest(
                    inputFolder: inputRoot.appendingPathComponent(month), ledgerPath: rebuilt,
                    outputFolder: outputRoot.appendingPathComponent(month), settings: settings, progress: progress)))
            }
            // rename(2) replaces the old ledger in one step.
            guard rename(rebuilt, ledgerPath) == 0 else {
                throw PipelineError.cannotWriteOutput(path: ledgerPath, reason: String(cString: strerror(errno)))
            }
            return results
        } catch {
            for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: rebuilt + suffix) }
            throw error
        }
    }
}
