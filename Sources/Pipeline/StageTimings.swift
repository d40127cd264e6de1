#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// How long one stage took and how much memory the process had used by its end: what the
/// benchmark prints. Never written to an output file (re-runs must be byte-identical).
public struct StageTiming: Sendable {
    public let stage: String
    public let seconds: Double
    public let records: Int
    /// The process's peak resident set so far, in KiB.
    public let peakResidentKiB: Int

    public var recordsPerSecond: Double { seconds > 0 ? Double(records) / seconds : 0 }
}

/// Measures stages in order; a stage that ran beside another (normalising while ingest
/// streams) is added with the time measured on its own thread.
struct StageClock {
    private(set) var timings: [StageTiming] = []
    private var started = ContinuousClock.now

    /// Ends the current stage.
    mutating func finish(_ stage: String, records: Int) {
        let now = ContinuousClock.now
        timings.append(StageTiming(stage: stage, seconds: (now - started).seconds, records: records,
                                   peakResidentKiB: Self.peakResidentKiB()))
        started = now
    }

    /// Records a stage whose time was measured elsewhere.
    mutating func add(_ stage: String, duration: Duration, records: Int) {
        timings.append(StageTiming(stage: stage, seconds: duration.seconds, records: records,
                                   peakResidentKiB: Self.peakResidentKiB()))
    }

    static func peakResidentKiB() -> Int {
        var usage = rusage()
        getrusage(RUSAGE_SELF.rawValue, &usage)
        return Int(usage.ru_maxrss)
    }
}

extension Duration {
    var seconds: Double {
        let (seconds, attoseconds) = components
        return Double(seconds) + Double(attoseconds) / 1e18
    }
}
