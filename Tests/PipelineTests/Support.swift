import Evaluation
import Foundation
import TestSupport
import Ingest
import Testing

/// The package's root, for the committed sample months.
let packageRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
let sampleMonths = ["2021-09", "2021-10", "2021-11", "2021-12", "2022-01"]

/// The real `rereg` binary, built beside the test bundle.
let reregBinary: URL = {
    let candidates = [Bundle.main.bundleURL, URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()]
        .flatMap { [$0, $0.deletingLastPathComponent()] }
        .map { $0.appendingPathComponent("rereg") }
    return candidates.first { FileManager.default.isExecutableFile(atPath: $0.path) } ?? candidates[0]
}()

struct Run {
    let status: Int32
    let stderr: String
}

/// Runs rereg and waits for it.
@discardableResult
func rereg(_ arguments: [String], in folder: URL) throws -> Run {
    let process = Process()
    process.executableURL = reregBinary
    process.arguments = arguments
    process.currentDirectoryURL = folder
    let errors = Pipe()
    process.standardError = errors
    process.standardOutput = FileHandle.nullDevice
    try process.run()
    let data = errors.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    return Run(status: process.terminationStatus, stderr: String(decoding: data, as: UTF8.self))
}

func temporaryFolder() throws -> URL {
    try TestScratch.folder("e2e")
}

/// Every file under a folder, path → bytes.
func contents(of folder: URL) throws -> [String: Data] {
    var result: [String: Data] = [:]
    guard let enumerator = FileManager.default.enumerator(at: folder, includingPropertiesForKeys: nil) else { return [:] }
    for case let url as URL in enumerator where !url.hasDirectoryPath {
        result[String(url.path.dropFirst(folder.path.count))] = try Data(contentsOf: url)
    }
    return result
}

/// The data rows of a CSV rereg wrote (BOM and header dropped), read through libcsv: review.csv
/// carries newlines inside quoted evidence.
func csvRows(_ url: URL) throws -> [[String]] {
    Array(try CSVTableReader.rows(of: url).dropFirst())
}

func sha256(_ url: URL) throws -> String {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/usr/bin/sha256sum")
    process.arguments = [url.path]
    let output = Pipe()
    process.standardOutput = output
    try process.run()
    let data = output.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    return String(decoding: data, as: UTF8.self).split(separator: " ").first.map(String.init) ?? ""
}

/// A market-regulation snapshot as Excel in China saves it: GB18030, pinyin headers.
func marketExport(_ rows: [String]) -> Data {
    ("QYMC,TYSHXYDM,QYLX,FDDBR,CLRQ,JYFW,DJZT,DJJG,ZS\r\n" + rows.map { $0 + "\r\n" }.joined())
        .data(using: String.Encoding(rawValue: 0x8000_0632))!
}

/// A civil-affairs snapshot: UTF-8 with a BOM, Chinese headers, and a 社会团体 that is no
/// training institution.
func civilExport(_ rows: [String]) -> Data {
    Data(("\u{FEFF}社会组织名称,统一社会信用代码,社会组织类型,法定代表人,成立登记日期,登记状态,住所,业务范围,原统一社会信用代码\n"
          + "乌拉特中旗书法家协会,51150824MJ0000000X,社会团体,李强,2015-06-01,正常,乌拉特中旗海流图镇,书法交流,\n"
          + rows.map { $0 + "\n" }.joined()).utf8)
}

/// Writes a month's two exports under `work/MONTH`, runs `rereg batch` on them into
/// `work/ledger.sqlite` and `work/out/MONTH`, and returns the month's ledger lines.
func batch(_ month: String, market: Data, civil: Data, in work: URL) throws -> [[String: Any]] {
    let input = work.appendingPathComponent(month)
    try FileManager.default.createDirectory(at: input, withIntermediateDirectories: true)
    try market.write(to: input.appendingPathComponent("企业登记信息.csv"))
    try civil.write(to: input.appendingPathComponent("社会组织登记信息.csv"))
    let run = try rereg(["batch", input.path, "--ledger", "ledger.sqlite", "--out", "out/\(month)"], in: work)
    #expect(run.status == 0, "\(run.stderr)")
    let text = try String(contentsOf: work.appendingPathComponent("out/\(month)/ledger.jsonl"), encoding: .utf8)
    return try text.split(separator: "\n").compactMap { try JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any] }
}
