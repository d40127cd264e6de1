import Foundation
import RegistryModel

/// The date a batch describes: `--as-of`, else the manifest's, else the last day of the
/// month a `YYYY-MM` folder is named for.
enum BatchDate {
    static func resolve(option: String?, manifest: String?, folderName: String) throws -> Day {
        if let option {
            guard let day = Day(iso: option) else { throw PipelineError.invalidAsOf(option, origin: "--as-of") }
            return day
        }
        if let manifest {
            guard let day = Day(iso: manifest) else { throw PipelineError.invalidAsOf(manifest, origin: "manifest.json") }
            return day
        }
        if let day = lastDay(ofMonthNamed: folderName) { return day }
        throw PipelineError.unknownAsOf(folderName: folderName)
    }

    /// `2021-11` → 2021-11-30.
    static func lastDay(ofMonthNamed name: String) -> Day? {
        guard let first = Day(iso: name + "-01") else { return nil }
        let nextMonth = first.month == 12
            ? Day(year: first.year + 1, month: 1, day: 1)
            : Day(year: first.year, month: first.month + 1, day: 1)
        return nextMonth?.adding(days: -1)
    }
}

/// Problems that stop a batch, besides those of ingest.
public enum PipelineError: Error, CustomStringConvertible {
    /// The exit code a command ends with: 3 when the month is recorded and only its files are
    /// missing (contract.md), 1 for every other fatal problem.
    public var exitCode: Int32 {
        if case .recordedButFilesNotWritten = self { 3 } else { 1 }
    }

    case invalidAsOf(String, origin: String)
    case unknownAsOf(folderName: String)
    case cannotWriteOutput(path: String, reason: String)
    case unknownBatch(String)
    case noMonths(String)
    /// A month's folder without a single export.
    case emptyMonth(folder: String, ignored: [String])
    /// `rereg show` found nothing.
    case notInLedger(String)
    /// A temporary file that holds part of the month until the write (`SpillFile`, in `TMPDIR`).
    case temporaryFile(reason: String)
    /// The month is in the ledger; its files are not (contract.md: exit 3).
    case recordedButFilesNotWritten(month: String, folder: String, reason: String)

    public var description: String {
        switch self {
        case .invalidAsOf(let value, let origin):
            "\(origin) 中的批次日期“\(value)”无法识别：请写成 YYYY-MM-DD，例如 2021-11-30。"
        case .unknownAsOf(let folderName):
            "无法确定批次日期：文件夹“\(folderName)”不是 YYYY-MM 形式，manifest.json 中也没有 as_of；请用 --as-of YYYY-MM-DD 指定。"
        case .cannotWriteOutput(let path, let reason):
            "无法写入输出文件夹“\(path)”：\(reason)。"
        case .emptyMonth(let folder, let ignored):
            "文件夹“\(folder)”中没有导出文件（.csv 或 .xml）\(ignored.isEmpty ? "" : "，只有 " + ignored.map { "“\($0)”" }.joined(separator: "、"))：请检查是否放错了文件夹；确实要记录一个没有任何导出的月份，请加 --empty-month。"
        case .notInLedger(let query):
            "台账中找不到“\(query)”：请输入机构编号、统一社会信用代码或名称的一部分。"
        case .noMonths(let path):
            "文件夹“\(path)”中没有 YYYY-MM 形式的月份文件夹，无法重建台账。"
        case .temporaryFile(let reason):
            "临时目录（\(FileManager.default.temporaryDirectory.path)）中暂存本月数据（记录字段、机构历史）的临时文件无法使用：\(reason)。台账未改动；可用环境变量 TMPDIR 指定空间足够的目录。"
        case .unknownBatch(let month):
            "台账中没有 \(month) 批次：请先运行 rereg batch。"
        case .recordedButFilesNotWritten(let month, let folder, let reason):
            "批次 \(month) 已记入台账，但输出文件没有写成（\(folder)：\(reason)）：排除原因后运行 rereg report --batch \(month) --out \(folder) 生成文件，不必重新记录。"
        }
    }
}
