import Foundation
import Normalize
import RegistryModel

/// Normalises records on a second thread while ingest parses the next ones: the two stages
/// together take the longer of the two instead of their sum. Records come back in the order
/// they were added, and their exported values go, in the same order, to a temporary file
/// (`ExportedFields`) that the ledger write reads back.
final class BackgroundNormalizer: @unchecked Sendable {
    /// Records handed over at a time: large enough that the hand-over costs nothing, small
    /// enough that the queue never holds much of a file.
    static let chunkSize = 4_096
    /// Chunks handed over and not yet normalised, at most. Ingest reads faster than records
    /// are normalised: with no bound, raw records pile up in the queue and raise ingest's
    /// peak. Measured: BENCHMARKS.md, history, `59caa7f`.
    static let chunksAhead = 4

    private let room = DispatchSemaphore(value: chunksAhead)

    private let normalizer: Normalizer
    private let queue = DispatchQueue(label: "rereg.normalise")
    /// Touched by the ingesting thread only.
    private var pending: [RawRecord] = []
    /// Touched on `queue` only.
    private var normalized: [SourceRecord] = []
    /// Touched on `queue` only.
    private let exported: ExportedFieldsWriter
    /// Touched on `queue` only: the month's texts, each kept once by the records.
    private var texts = SharedTexts()
    private var busy = Duration.zero

    init(_ normalizer: Normalizer) throws {
        self.normalizer = normalizer
        exported = try ExportedFieldsWriter()
        pending.reserveCapacity(Self.chunkSize)
    }

    func add(_ raw: RawRecord) {
        pending.append(raw)
        if pending.count >= Self.chunkSize { handOver() }
    }

    /// Waits for every record added; returns them, their exported values, and the time spent
    /// normalising.
    func finish() throws -> (records: [SourceRecord], exported: ExportedFields, duration: Duration) {
        handOver()
        return try queue.sync {
            let records = normalized
            normalized = []
            texts = SharedTexts()
            return (records, try exported.finish(), busy)
        }
    }

    private func handOver() {
        guard !pending.isEmpty else { return }
        let chunk = pending
        pending = []
        pending.reserveCapacity(Self.chunkSize)
        room.wait()
        queue.async { [self] in
            let start = ContinuousClock.now
            for raw in chunk { exported.append(raw.values) }
            for raw in chunk { normalized.append(normalizer.normalize(raw, sharing: &texts)) }
            busy += ContinuousClock.now - start
            room.signal()
        }
    }
}
