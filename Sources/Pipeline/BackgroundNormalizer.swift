import Foundation
import Normalize
import RegistryModel

/// Normalises records on a second thread while ingest parses the next ones: the two stages
/// together take the longer of the two instead of their sum. Records come back in the order
/// they were added.
final class BackgroundNormalizer: @unchecked Sendable {
    /// Records handed over at a time: large enough that the hand-over costs nothing, small
    /// enough that the queue never holds much of a file.
    static let chunkSize = 4_096

    private let normalizer: Normalizer
    private let queue = DispatchQueue(label: "rereg.normalise")
    /// Touched by the ingesting thread only.
    private var pending: [RawRecord] = []
    /// Touched on `queue` only.
    private var normalized: [SourceRecord] = []
    private var busy = Duration.zero

    init(_ normalizer: Normalizer) {
        self.normalizer = normalizer
        pending.reserveCapacity(Self.chunkSize)
    }

    func add(_ raw: RawRecord) {
        pending.append(raw)
        if pending.count >= Self.chunkSize { handOver() }
    }

    /// Waits for every record added; returns them, and the time spent normalising.
    func finish() -> (records: [SourceRecord], duration: Duration) {
        handOver()
        return queue.sync {
            let records = normalized
            normalized = []
            return (records, busy)
        }
    }

    private func handOver() {
        guard !pending.isEmpty else { return }
        let chunk = pending
        pending = []
        pending.reserveCapacity(Self.chunkSize)
        queue.async { [self] in
            let start = ContinuousClock.now
            normalized.append(contentsOf: chunk.map(normalizer.normalize))
            busy += ContinuousClock.now - start
        }
    }
}
