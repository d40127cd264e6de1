// Streams a month folder through Ingest (and, with --normalize, Normalize) and keeps
// nothing: what the stages cost on their own, and that their memory stays flat.
//
//   IngestBenchmark FOLDER [--normalize]
import Foundation
import Ingest
import Normalize
import RegistryModel

#if canImport(Glibc)
import Glibc
#endif

let arguments = CommandLine.arguments.dropFirst()
guard let folder = arguments.first(where: { !$0.hasPrefix("--") }) else {
    FileHandle.standardError.write(Data("usage: IngestBenchmark FOLDER [--normalize]\n".utf8))
    exit(2)
}
let normalizing = arguments.contains("--normalize")

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
    for file in files {
        _ = try ingestor.read(file) { event in
            switch event {
            case .record(let raw):
                records += 1
                // Use the result, so that the work cannot be optimised away.
                if normalizing { checksum &+= normalizer.normalize(raw).name?.utf8.count ?? 0 }
            case .reject: rejects += 1
            }
        }
    }
    let end = ContinuousClock.now
    let bytes = files.reduce(0) { $0 + $1.byteCount }
    func seconds(_ duration: Duration) -> Double {
        Double(duration.components.seconds) + Double(duration.components.attoseconds) / 1e18
    }
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
