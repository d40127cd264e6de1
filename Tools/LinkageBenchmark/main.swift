// Linkage alone on a generated month: ingest and normalise every record (kept, as the
// pipeline keeps them), then link them against an empty ledger, and again against the
// institutions the first run made (a second month of the same exports). Prints seconds and
// the growth of peak memory that linkage itself causes.
//
//   LinkageBenchmark FOLDER
import ArgumentParser
import Evaluation
import Classify
import Foundation
import Linkage
import Normalize
import RegistryModel

#if canImport(Glibc)
import Glibc
#endif

func peakResidentMiB() -> Double {
    var usage = rusage()
    getrusage(RUSAGE_SELF.rawValue, &usage)
    return Double(usage.ru_maxrss) / 1024
}

func seconds(since start: ContinuousClock.Instant) -> Double {
    let duration = ContinuousClock.now - start
    return Double(duration.components.seconds) + Double(duration.components.attoseconds) / 1e18
}

struct Options: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "LinkageBenchmark")
    @Argument(help: "A generated month folder.") var folder: String
    @Flag(help: "List the records the second run placed in new institutions.") var showNew = false
}
let options = Options.parseOrExit()
let folder = options.folder
do {
    let records = try SampleMonths.records(in: URL(fileURLWithPath: folder), normalizer: try Normalizer())
    let classifier = try Classifier()
    let before = peakResidentMiB()
    let linker = Linker(policyStart: Day(year: 2021, month: 7, day: 24)!, teaching: { [classifier] in classifier.teaching($0) })
    var start = ContinuousClock.now
    let first = linker.link(records, known: [], nextSequence: 1)
    let firstSeconds = seconds(since: start)
    let afterFirst = peakResidentMiB()
    start = ContinuousClock.now
    let second = linker.link(records, known: first.profiles, nextSequence: first.nextSequence)
    let secondSeconds = seconds(since: start)
    print(String(format: "records %d; peak RSS after ingest + normalise %.0f MiB", records.count, before))
    print(String(format: "link, empty ledger: %.2f s, %.0f records/s, %d institutions, %d reviews; peak RSS %.0f MiB (+%.0f)",
                 firstSeconds, Double(records.count) / firstSeconds, first.profiles.count, first.reviews.count, afterFirst,
                 afterFirst - before))
    print(String(format: "link, against those institutions: %.2f s, %.0f records/s, %d new ids; peak RSS %.0f MiB (+%.0f)",
                 secondSeconds, Double(records.count) / secondSeconds, second.nextSequence - first.nextSequence,
                 peakResidentMiB(), peakResidentMiB() - before))
    if options.showNew {
        for ((record, link), earlier) in zip(zip(records, second.links), first.links) where (link.institution.sequence ?? 0) >= first.nextSequence {
            print("new:", record.ref.sourceFile, record.ref.ordinal, record.name ?? "-", record.creditCode?.code ?? "-",
                  record.creditCode?.isValid ?? false, record.county.county?.code ?? "-", link.rule.rawValue,
                  "first:", earlier.institution.rawValue, earlier.rule.rawValue)
        }
    }
} catch {
    FileHandle.standardError.write(Data("LinkageBenchmark: \(error)\n".utf8))
    exit(1)
}
