import Evaluation
import Foundation
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
    let url = FileManager.default.temporaryDirectory.appendingPathComponent("rereg-e2e-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    return url
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
