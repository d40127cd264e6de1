// Streams a month folder through Ingest (and, with --normalize, Normalize) and keeps
// nothing: what the stages cost on their own, and that their memory stays flat.
// With --libcsv-only, runs libcsv's parser alone over one CSV file with callbacks that do
// nothing: the ceiling for any reader built on libcsv in one thread.
//
//   IngestBenchmark FOLDER [--normalize]
//   IngestBenchmark --libcsv-only FILE.csv
import ArgumentParser
import CLibCSV
import Foundation
import Ingest
import Normalize
import RegistryModel

#if canImport(Glibc)
import Glibc
#endif

struct Options: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "IngestBenchmark")
    @Argument(help: "A month folder, or with --libcsv-only one CSV file.") var path: String
    @Flag(help: "Normalise the records too.") var normalize = false
    @Flag(help: "Run libcsv's parser alone over one CSV file.") var libcsvOnly = false
}
let options = Options.parseOrExit()

nonisolated func seconds(_ duration: Duration) -> Double {
    Double(duration.components.seconds) + Double(duration.components.attoseconds) / 1e18
}

/// Outside the main actor: a C callback made in main-actor code checks its executor on every
/// call, which cost libcsv's space callback (once per byte) ten times the parse itself.
nonisolated func libcsvAlone(path: String) throws -> (bytes: Int, fields: Int, seconds: Double) {
    guard let handle = FileHandle(forReadingAtPath: path) else { throw CocoaError(.fileReadNoSuchFile) }
    var parser = csv_parser()
    csv_init(&parser, 0)
    defer { csv_free(&parser) }
    csv_set_space_func(&parser) { _ in 0 }
    var fields = 0
    let start = ContinuousClock.now
    var bytes = 0
    let countField: @convention(c) (UnsafeMutableRawPointer?, Int, UnsafeMutableRawPointer?) -> Void = { _, _, context in
        context!.assumingMemoryBound(to: Int.self).pointee += 1
    }
    while let chunk = try handle.read(upToCount: 1 << 20), !chunk.isEmpty {
        bytes += chunk.count
        chunk.withUnsafeBytes { buffer in
            withUnsafeMutablePointer(to: &fields) { _ = csv_parse(&parser, buffer.baseAddress, buffer.count, countField, { _, _ in }, $0) }
        }
    }
    withUnsafeMutablePointer(to: &fields) { _ = csv_fini(&parser, countField, { _, _ in }, $0) }
    return (bytes, fields, seconds(ContinuousClock.now - start))
}

if options.libcsvOnly {
    guard let run = try? libcsvAlone(path: options.path) else {
        FileHandle.standardError.write(Data("IngestBenchmark: cannot read \(options.path)\n".utf8))
        exit(1)
    }
    print(String(format: "libcsv alone: %.1f MB, %d fields, %.2f s, throughput %.1f MB/s", Double(run.bytes) / 1e6, run.fields,
                 run.seconds, Double(run.bytes) / 1e6 / run.seconds))
    exit(0)
}

let folder = options.path
let normalizing = options.normalize

func peakResidentMiB() -> Double {
    var usage = rusage()
    getrusage(RUSAGE_SELF.rawValue, &usage)
    return Double(usage.ru_maxrss) / 1024
}

do {
    let ingestor = try Ingestor(folder: URL(fileURLWithPath: folder))
    let normalizer = try Normalizer()
    let start = ContinuousClock.now
    let files = try ingestor.survey()
    let surveyed = ContinuousClock.now
    var records = 0, rejects = 0, checksum = 0
    var texts = SharedTexts()
    for file in files {
        _ = try ingestor.read(file) { event in
            switch event {
            case .record(let raw):
                records += 1
                // Use the result, so that the work cannot be optimised away.
                if normalizing { checksum &+= normalizer.normalize(raw, sharing: &texts).name?.utf8.count ?? 0 }
            case .reject: rejects += 1
            }
        }
    }
    let end = ContinuousClock.now
    let bytes = files.reduce(0) { $0 + $1.byteCount }
    let total = seconds(end - start)
    print(String(format: "files %d, %.1f MB, records %d, rejected %d%@", files.count, Double(bytes) / 1e6, records, rejects,
                 normalizing ? ", normalised" : ""))
    print(String(format: "survey (encoding, checksum, header) %.2f s, read %.2f s, total %.2f s", seconds(surveyed - start),
                 seconds(end - surveyed), total))
    print(String(format: "throughput %.1f MB/s, %.0f records/s, peak RSS %.1f MiB", Double(bytes) / 1e6 / total,
                 Double(records + rejects) / total, peakResidentMiB()))
} catch {
    FileHandle.standardError.write(Data("IngestBenchmark: \(error)\n".utf8))
    exit(1)
}
