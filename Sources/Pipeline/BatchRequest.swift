import Foundation
import Ledger
import RegistryModel

/// What a batch is asked to do (`rereg batch`).
public struct BatchRequest: Sendable {
    public var inputFolder: URL
    public var asOf: String?
    public var ledgerPath: String
    public var outputFolder: URL?
    public var settings: BatchSettings
    /// Record a month whose folder holds no export (every institution keeps its last known
    /// state); otherwise such a month is refused, as a folder copied wrong more likely is.
    public var allowEmptyMonth = false
    /// Told the stage being worked on; the command line shows it on a terminal only.
    public var progress: @Sendable (String) -> Void

    public init(inputFolder: URL, asOf: String? = nil, ledgerPath: String = "output/ledger.sqlite",
                outputFolder: URL? = nil, settings: BatchSettings = BatchSettings(),
                progress: @escaping @Sendable (String) -> Void = { _ in }) {
        self.inputFolder = inputFolder
        self.asOf = asOf
        self.ledgerPath = ledgerPath
        self.outputFolder = outputFolder
        self.settings = settings
        self.progress = progress
    }
}

/// The policy's dates and the limits of the files for people.
public struct BatchSettings: Sendable {
    public var policyStart = Day(year: 2021, month: 7, day: 24)!
    public var deadline = Day(year: 2021, month: 12, day: 31)!
    /// `ledger.xlsx` is written up to this many institutions, beyond only when forced.
    public var workbookLimit = 100_000
    public var forceWorkbook = false
    /// How many institutions' states are decoded, histories updated, or months assessed and
    /// written at a time: enough for both cores, few enough that old and new forms are never
    /// all held at once (larger chunks held more memory for no time saved: BENCHMARKS.md,
    /// history, `9962ccf`, and "Tried and not kept"). The results do not depend on it; tests
    /// lower it to run a small month in many chunks.
    public var institutionChunk = 4_096
    /// How many seconds a batch waits for another rereg writing the same ledger, then refuses.
    public var writerWait = Ledger.defaultBusyTimeout

    public init() {}
}

/// What a batch did.
public struct BatchResult: Sendable {
    public let month: String
    public let asOf: Day
    public let outputFolder: URL
    public let files: [FileRow]
    /// Loud warnings (a registry missing this month).
    public let warnings: [String]
    /// The same exports as the month already recorded: nothing was recorded again.
    public let unchanged: Bool
    /// The month was already recorded and this batch replaced it: its batch date then, when
    /// that was another (a correction of the as-of date), or nil (corrected exports).
    public var replaced: (asOf: Day, sameDay: Bool)? = nil
    public let institutions: Int
    public let summary: ProgressCounts
    /// Per stage, for the benchmark; never written to a file.
    public let timings: [StageTiming]

    public var records: Int { files.reduce(0) { $0 + $1.records } }
    public var accepted: Int { files.reduce(0) { $0 + $1.accepted } }
    public var rejected: Int { files.reduce(0) { $0 + $1.rejected } }
}
