import Glibc
import RegistryModel

/// Writes the monthly sample: one input folder and one truth folder per month.
struct MonthsWriter {
    let seed: UInt64
    let world: World
    let inputRoot: String
    let truthRoot: String

    struct MonthSummary {
        let month: YearMonth
        let files: [(spec: FileSpec, records: Int, bytes: Int)]
        let records: [RecordTruth]
        let institutions: [InstitutionTruth]
    }

    func write(months: [YearMonth]) throws -> [MonthSummary] {
        var summaries: [MonthSummary] = []
        for (index, month) in months.enumerated() {
            summaries.append(try write(month: month, isFirst: index == 0, monthIndex: index))
        }
        return summaries
    }

    private func write(month: YearMonth, isFirst: Bool, monthIndex: Int) throws -> MonthSummary {
        let asOf = month.lastDay
        let inputFolder = inputRoot + "/" + month.label
        let truthFolder = truthRoot + "/" + month.label
        try FileSystem.recreateFolder(inputFolder)
        try FileSystem.recreateFolder(truthFolder)

        let truth = TruthLog()
        let specs = MonthPlans.files(for: month, isFirst: isFirst)
        var files: [(FileSpec, Int, Int)] = []
        for (fileIndex, spec) in specs.enumerated() {
            let export = try OpenExport(
                spec: spec, folder: inputFolder, asOf: asOf, seed: seed,
                stream: UInt64(1000 + monthIndex * 32 + fileIndex), truth: truth)
            for (institution, subject) in orderedRows(for: spec, asOf: asOf) {
                try export.write(institution, as: subject)
            }
            try export.finish()
            files.append((spec, export.writer.records, export.writer.bytesWritten))
        }

        let records = truth.records.sorted()
        try FileSystem.write(truthFolder + "/records.csv", lines: [RecordTruth.header] + records.map(\.csvLine))
        let institutions = world.institutions.filter { $0.exists(on: asOf) }
            .map { InstitutionTruth($0, asOf: asOf, invalidCode: truth.invalidCodeIDs.contains($0.id)) }
            .sorted { $0.id < $1.id }
        try FileSystem.write(truthFolder + "/institutions.csv", lines: [InstitutionTruth.header] + institutions.map(\.csvLine))
        let fileLines = files.sorted { $0.0.name < $1.0.name }.map { spec, count, _ in
            let layout = if case .civilBusiness = spec.source { "business_list" } else { "snapshot" }
            return [spec.name, spec.registry.rawValue, layout, spec.formatLabel, String(count)].map(CSVText.quoted).joined(separator: ",")
        }
        try FileSystem.write(truthFolder + "/files.csv", lines: ["source_file,registry,layout,format,records"] + fileLines)
        return MonthSummary(month: month, files: files.map { ($0.0, $0.1, $0.2) }, records: records, institutions: institutions)
    }

    /// Snapshots list by registering authority and date, as registry systems export
    /// them; business lists by the day the business was done.
    private func orderedRows(for spec: FileSpec, asOf: Day) -> [(Institution, RowSubject)] {
        var rows: [(key: (Int, String, Int), institution: Institution, subject: RowSubject)] = []
        for institution in world.institutions {
            for subject in spec.subjects(of: institution, asOf: asOf) {
                let key: (Int, String, Int)
                switch subject {
                case .business(let item, let day): key = (day.daysSinceEpoch, institution.id, item == .accepted ? 0 : 1)
                case .nonprofit:
                    let nonprofit = institution.nonprofit!
                    key = (Int(nonprofit.division) ?? 0, institution.id, nonprofit.established.daysSinceEpoch)
                case .enterprise:
                    let enterprise = institution.enterprise!
                    key = (Int(enterprise.division) ?? 0, "", enterprise.established.daysSinceEpoch * 1_000_000 + (Int(institution.id.dropFirst()) ?? 0))
                }
                rows.append((key, institution, subject))
            }
        }
        rows.sort { $0.key < $1.key }
        return rows.map { ($0.institution, $0.subject) }
    }
}

/// The few file-system operations the generator needs, through Glibc (no Foundation).
enum FileSystem {
    static func makeFolder(_ path: String) throws {
        var current = path.hasPrefix("/") ? "" : "."
        for part in path.split(separator: "/") {
            current += "/" + part
            if mkdir(current, 0o755) != 0 && errno != EEXIST { throw GeneratorError.io(path: current, errno: errno) }
        }
    }

    /// Empties a folder of the generator's own outputs (.csv, .xml) so a re-run leaves no stale file.
    static func recreateFolder(_ path: String) throws {
        try makeFolder(path)
        guard let directory = opendir(path) else { throw GeneratorError.io(path: path, errno: errno) }
        defer { closedir(directory) }
        var stale: [String] = []
        while let entry = readdir(directory) {
            let name = withUnsafeBytes(of: entry.pointee.d_name) { raw in
                String(decoding: raw.prefix { $0 != 0 }, as: UTF8.self)
            }
            if name.hasSuffix(".csv") || name.hasSuffix(".xml") { stale.append(name) }
        }
        for name in stale { unlink(path + "/" + name) }
    }

    static func write(_ path: String, lines: [String]) throws {
        let file = try OutputFile(path: path, encoding: .utf8)
        for line in lines { file.append(line + "\n") }
        try file.close()
    }
}
