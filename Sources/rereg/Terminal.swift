import ArgumentParser
import Foundation
import Pipeline
import RegistryModel

/// Messages for the person at the terminal go to stderr; stdout stays for data.
enum Terminal {
    static func error(_ message: String) {
        FileHandle.standardError.write(Data((message + "\n").utf8))
    }

    /// Runs the work; a fatal problem becomes one sentence and a non-zero exit.
    static func fatal<T>(_ work: () throws -> T) throws -> T {
        do {
            return try work()
        } catch {
            clearProgress()
            Self.error("\(error)")
            throw ExitCode((error as? PipelineError)?.exitCode ?? 1)
        }
    }

    private static let interactive = isatty(STDERR_FILENO) == 1

    /// The stage being worked on, on one self-overwriting line; nothing when stderr is piped.
    static let progress: @Sendable (String) -> Void = { stage in
        guard interactive else { return }
        FileHandle.standardError.write(Data("\r\u{1B}[K…\(stage)".utf8))
    }

    static func clearProgress() {
        if interactive { FileHandle.standardError.write(Data("\r\u{1B}[K".utf8)) }
    }

    /// The paragraph a clerk reads when a batch ends.
    static func report(_ result: BatchResult, timings: Bool) {
        clearProgress()
        if timings {
            for timing in result.timings {
                error(String(format: "stage %-22@ %8.3f s %12.0f records/s  peak RSS %8.1f MiB",
                             timing.stage, timing.seconds, timing.recordsPerSecond, Double(timing.peakResidentKiB) / 1024))
            }
        }
        for warning in result.warnings { error("警告：\(warning)") }
        let rate = String(format: "%.1f%%", result.summary.completionRate * 100)
        let recorded = if result.unchanged {
            "与已记录的导出文件相同，未重复记录，已重新生成输出文件"
        } else if let replaced = result.replaced {
            replaced.sameDay ? "导出文件有更正，已替换台账中原来的 \(result.month) 批次"
                : "批次日期由 \(replaced.asOf.iso) 更正为 \(result.asOf.iso)，已替换台账中原来的 \(result.month) 批次"
        } else {
            "已记入台账"
        }
        error("""
            批次 \(result.month)（截至 \(result.asOf.iso)）\(recorded)：读取 \(result.files.count) 个文件、\
            \(result.records) 条记录，接受 \(result.accepted) 条，拒绝 \(result.rejected) 条；\
            台账共 \(result.institutions) 家机构，须重新登记 \(result.summary.required) 家，\
            已完成 \(result.summary.completed) 家、已退出 \(result.summary.exited) 家，完成率 \(rate)，\
            逾期 \(result.summary.overdue) 家。输出在 \(result.outputFolder.path)/
            """)
    }
}
