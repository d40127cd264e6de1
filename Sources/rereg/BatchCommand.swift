import ArgumentParser
import Foundation
import Pipeline

struct BatchCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "batch", abstract: "Reads one month's exports and records the batch.")

    @Argument(help: "The folder holding one month's .csv and .xml exports.")
    var inputFolder: String

    @Option(name: .customLong("as-of"), help: "The date the batch describes (YYYY-MM-DD).")
    var asOf: String?

    @Option(help: "The SQLite ledger file.")
    var ledger: String = "output/ledger.sqlite"

    @Option(help: "Where this batch's files go (default output/<YYYY-MM>/).")
    var out: String?

    @Flag(help: "Print each stage's time, throughput and peak memory to stderr (for the benchmark).")
    var timings = false

    func run() throws {
        let request = BatchRequest(
            inputFolder: URL(fileURLWithPath: inputFolder), asOf: asOf,
            outputFolder: out.map { URL(fileURLWithPath: $0) })
        let result: BatchResult
        do {
            result = try BatchRunner.run(request)
        } catch {
            Terminal.error("\(error)")
            throw ExitCode.failure
        }
        for kind in result.missingSources {
            Terminal.error("警告：本月没有\(kind.chineseName)的导出文件，其机构保留上月状态。")
        }
        if timings {
            for timing in result.timings {
                Terminal.error(String(format: "stage %-10@ %8.3f s %12.0f records/s  peak RSS %7.1f MiB",
                                      timing.stage, timing.seconds, timing.recordsPerSecond,
                                      Double(timing.peakResidentKiB) / 1024))
            }
        }
        Terminal.error("""
            批次 \(result.asOf.iso)：读取 \(result.files.count) 个文件、\(result.records) 条记录，\
            接受 \(result.accepted) 条，拒绝 \(result.rejected) 条。输出在 \(result.outputFolder.path)/
            """)
    }
}

/// Messages for the person at the terminal go to stderr; stdout stays for data.
enum Terminal {
    static func error(_ message: String) {
        FileHandle.standardError.write(Data((message + "\n").utf8))
    }
}
