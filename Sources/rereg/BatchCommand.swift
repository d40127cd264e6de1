import ArgumentParser
import Foundation
import Pipeline
import RegistryModel

struct BatchCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "batch", abstract: "Reads one month's exports and records the batch in the ledger.")

    @Argument(help: "The folder holding one month's .csv and .xml exports.")
    var inputFolder: String

    @Option(name: .customLong("as-of"), help: "The date the batch describes (YYYY-MM-DD).")
    var asOf: String?

    @OptionGroup var ledger: LedgerOption
    @OptionGroup var writer: WriterOption

    @Option(help: "Where this batch's files go (default output/<YYYY-MM>/).")
    var out: String?

    @OptionGroup var files: FileOptions

    @Flag(help: "Print each stage's time, throughput and peak memory to stderr (for the benchmark).")
    var timings = false

    @Flag(help: "Record the month even when its folder holds no export (every institution keeps its last known state).")
    var emptyMonth = false

    func run() throws {
        var settings = files.settings
        settings.writerWait = writer.seconds
        var request = BatchRequest(
            inputFolder: URL(fileURLWithPath: inputFolder), asOf: asOf, ledgerPath: ledger.path,
            outputFolder: out.map { URL(fileURLWithPath: $0) }, settings: settings, progress: Terminal.progress)
        request.allowEmptyMonth = emptyMonth
        let result = try Terminal.fatal { try BatchRunner.run(request) }
        Terminal.report(result, timings: timings)
    }
}

struct LedgerOption: ParsableArguments {
    @Option(name: .customLong("ledger"), help: "The SQLite ledger file.")
    var path: String = "output/ledger.sqlite"
}

/// For the commands that write the ledger: one writes at a time, the others wait.
struct WriterOption: ParsableArguments {
    @Option(name: .customLong("wait"), help: "Seconds to wait for another rereg writing the same ledger before refusing.")
    var seconds: Int = 60

    func validate() throws {
        guard seconds >= 0 else { throw ValidationError("--wait 须为不小于 0 的秒数。") }
    }
}

struct FileOptions: ParsableArguments {
    @Option(help: "The re-registration deadline (YYYY-MM-DD).")
    var deadline: String = "2021-12-31"

    @Option(help: "Write ledger.xlsx only up to this many institutions.")
    var workbookLimit: Int = 100_000

    @Flag(help: "Write ledger.xlsx whatever the number of institutions.")
    var forceWorkbook = false

    var settings: BatchSettings {
        var settings = BatchSettings()
        if let deadline = Day(iso: deadline) { settings.deadline = deadline }
        settings.workbookLimit = workbookLimit
        settings.forceWorkbook = forceWorkbook
        return settings
    }

    func validate() throws {
        guard Day(iso: deadline) != nil else { throw ValidationError("截止日期“\(deadline)”无法识别：请写成 YYYY-MM-DD。") }
    }
}
