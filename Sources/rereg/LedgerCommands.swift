import ArgumentParser
import Foundation
import Pipeline
import RegistryModel

struct ReportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "report", abstract: "Renders a recorded batch's files again from the ledger alone.")

    @Option(help: "The batch month (YYYY-MM).")
    var batch: String

    @OptionGroup var ledger: LedgerOption

    @Option(help: "Where the files go (default output/<YYYY-MM>/).")
    var out: String?

    @OptionGroup var files: FileOptions

    func run() throws {
        let destination = URL(fileURLWithPath: out ?? "output/\(batch)")
        try Terminal.fatal { try BatchRendering.publish(month: batch, ledgerPath: ledger.path, to: destination, settings: files.settings) }
        Terminal.error("已根据台账重新生成 \(batch) 批次的文件：\(destination.standardizedFileURL.path)/")
    }
}

struct ReplayCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "replay", abstract: "Rebuilds the ledger from every month folder in order, keeping decisions.")

    @Argument(help: "The folder holding one YYYY-MM folder per month.")
    var inputRoot: String

    @OptionGroup var ledger: LedgerOption
    @OptionGroup var writer: WriterOption

    @Option(help: "Where each month's files go (default output/).")
    var outRoot: String = "output"

    @OptionGroup var files: FileOptions

    func run() throws {
        var settings = files.settings
        settings.writerWait = writer.seconds
        let results = try Terminal.fatal {
            try Replay.run(inputRoot: URL(fileURLWithPath: inputRoot), ledgerPath: ledger.path,
                           outputRoot: URL(fileURLWithPath: outRoot), settings: settings, progress: Terminal.progress)
        }
        for result in results { Terminal.report(result, timings: false) }
    }
}

struct ShowCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "show", abstract: "Shows the whole history of one institution (by id, credit code or name).")

    @Argument(help: "An institution id (BYN-…), a credit code or part of a name.")
    var query: String

    @OptionGroup var ledger: LedgerOption

    func run() throws {
        print(try Terminal.fatal { try InstitutionReport.text(for: query, ledgerPath: ledger.path) }, terminator: "")
    }
}

struct DecideCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "decide", abstract: "Records a clerk's decisions file; they apply from the next batch.")

    @Argument(help: "A UTF-8 CSV: decision,institution_id,other_institution_id,category,note")
    var file: String

    @OptionGroup var ledger: LedgerOption
    @OptionGroup var writer: WriterOption

    func run() throws {
        let outcome = try Terminal.fatal {
            try Decisions.apply(file: URL(fileURLWithPath: file), ledgerPath: ledger.path, wait: writer.seconds)
        }
        Terminal.error("已记录 \(outcome.added) 项决定，撤销 \(outcome.revoked) 项；下一次运行 rereg batch 时生效。")
    }
}
