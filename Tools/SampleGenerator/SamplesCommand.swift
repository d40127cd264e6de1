import ArgumentParser
import Glibc
import RegistryModel

@main
struct SamplesCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "rereg-samples",
        abstract: "Writes deterministic sample exports of Bayannur's two registries, with ground truth.",
        subcommands: [Months.self, Large.self])
}

extension SamplesCommand {
    struct Months: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "One input folder per month (both registries' exports) and its truth folder.")

        @Option(help: "Seed of the pseudo-random generator; the same seed writes the same bytes.")
        var seed: UInt64 = 2021
        @Option(help: "Number of institutions in the world.")
        var institutions: Int = 400
        @Option(help: "First month, YYYY-MM.")
        var from: String = "2021-09"
        @Option(help: "Last month, YYYY-MM.")
        var to: String = "2022-01"
        @Option(help: "Folder for the month folders of exports.")
        var input: String = "input"
        @Option(help: "Folder for the month folders of ground truth (keep it outside --input).")
        var truth: String = "truth"

        func run() throws {
            guard let first = YearMonth(from), let last = YearMonth(to), first <= last else {
                throw ValidationError("--from and --to must be months YYYY-MM with --from not after --to (got '\(from)', '\(to)').")
            }
            guard institutions >= 50 else { throw ValidationError("--institutions must be at least 50 (got \(institutions)).") }
            var months: [YearMonth] = []
            var month = first
            while month <= last { months.append(month); month = month.next }

            let world = World.build(seed: seed, count: institutions)
            let summaries = try MonthsWriter(seed: seed, world: world, inputRoot: input, truthRoot: truth).write(months: months)
            for summary in summaries {
                let rejected = summary.records.filter { $0.rejectCode != nil }.count
                print("\(summary.month.label): \(summary.institutions.count) institutions, \(summary.records.count) records (\(rejected) to reject) in \(summary.files.count) files")
            }
        }
    }

    struct Large: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "One big month (about --records records over both registries) for load tests, written as it is generated.")

        @Option(help: "Seed of the pseudo-random generator.")
        var seed: UInt64 = 7
        @Option(help: "Approximate number of records over all files.")
        var records: Int = 1_000_000
        @Option(help: "Month the files describe, YYYY-MM.")
        var month: String = "2021-12"
        @Option(help: "Folder to write the month's files into.")
        var out: String?
        @Option(help: "Instead of a month folder, write one UTF-8 CSV of market-regulation records to this path.")
        var singleUtf8Csv: String?

        func run() throws {
            guard let yearMonth = YearMonth(month) else { throw ValidationError("--month must be YYYY-MM (got '\(month)').") }
            guard records > 0 else { throw ValidationError("--records must be positive (got \(records)).") }
            let writer = LargeWriter(seed: seed, records: records, month: yearMonth)
            let results: [(name: String, records: Int, bytes: Int)]
            if let path = singleUtf8Csv {
                let slash = path.lastIndex(of: "/")
                let folder = slash.map { String(path[..<$0]) } ?? "."
                let name = slash.map { String(path[path.index(after: $0)...]) } ?? path
                results = try writer.write(specs: [LargeWriter.singleCSV(name: name)], folder: folder.isEmpty ? "/" : folder)
            } else {
                guard let out else { throw ValidationError("Give --out DIR, or --single-utf8-csv PATH.") }
                results = try writer.write(specs: LargeWriter.files(for: yearMonth), folder: out)
            }
            for result in results {
                print("\(result.name): \(result.records) records, \(result.bytes) bytes")
            }
            print("total: \(results.reduce(0) { $0 + $1.records }) records")
        }
    }
}
