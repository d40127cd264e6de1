import Foundation
import Ingest
import Normalize
import RegistryModel

/// The generator's sample months and their truth (`input/YYYY-MM/`, `truth/YYYY-MM/`), read
/// the way every evaluation needs them: through the real Ingest and Normalize stages.
public struct SampleMonths {
    public let inputRoot: URL
    public let truthRoot: URL
    /// Months that have both exports and truth, in order.
    public let months: [String]

    public init(root: URL, only: Set<String>? = nil) throws {
        let (inputRoot, truthRoot) = (root.appendingPathComponent("input"), root.appendingPathComponent("truth"))
        self.inputRoot = inputRoot
        self.truthRoot = truthRoot
        let manager = FileManager.default
        months = ((try? manager.contentsOfDirectory(atPath: truthRoot.path)) ?? [])
            .filter { manager.fileExists(atPath: truthRoot.appendingPathComponent("\($0)/institutions.csv").path) }
            .filter { manager.fileExists(atPath: inputRoot.appendingPathComponent($0).path) }
            .filter { only?.contains($0) ?? true }
            .sorted()
        guard !months.isEmpty else {
            throw EvaluationError("no month has both \(inputRoot.path)/YYYY-MM and \(truthRoot.path)/YYYY-MM/institutions.csv")
        }
    }

    /// record → truth_id for one month (footer rows have none).
    public func truthIDs(_ month: String) throws -> [RecordRef: String] {
        var ids: [RecordRef: String] = [:]
        for row in try CSVTable(truthRoot.appendingPathComponent("\(month)/records.csv")).rows {
            guard let id = row["truth_id"], !id.isEmpty, let ordinal = Int(row["record_ref"] ?? "") else { continue }
            ids[RecordRef(sourceFile: row["source_file"] ?? "", ordinal: ordinal)] = id
        }
        return ids
    }

    /// truth_id → its row of `institutions.csv` for one month.
    public func institutions(_ month: String) throws -> [String: [String: String]] {
        var rows: [String: [String: String]] = [:]
        for row in try CSVTable(truthRoot.appendingPathComponent("\(month)/institutions.csv")).rows {
            rows[row["truth_id"] ?? ""] = row
        }
        return rows
    }

    /// The month's accepted records, normalised as the pipeline does, in file order.
    public func records(_ month: String, normalizer: Normalizer) throws -> [SourceRecord] {
        try Self.records(in: inputRoot.appendingPathComponent(month), normalizer: normalizer)
    }

    /// The accepted records of the export files in `folder`, normalised as the pipeline does
    /// (the month's texts shared), in file order.
    public static func records(in folder: URL, normalizer: Normalizer) throws -> [SourceRecord] {
        let ingestor = try Ingestor(folder: folder)
        var records: [SourceRecord] = []
        var texts = SharedTexts()
        for file in try ingestor.survey() {
            _ = try ingestor.read(file) { event in
                if case .record(let raw) = event { records.append(normalizer.normalize(raw, sharing: &texts)) }
            }
        }
        return records
    }

    /// The registries that have a file in the month's input folder (whether or not any of
    /// its records was accepted).
    public func sourceKinds(_ month: String) throws -> Set<SourceKind> {
        Set(try Ingestor(folder: inputRoot.appendingPathComponent(month)).survey().map(\.kind))
    }
}

public struct EvaluationError: Error, CustomStringConvertible {
    public let description: String
    public init(_ description: String) { self.description = description }
}

/// A CSV with a header row, read whole through Ingest's libcsv reader (truth files are small).
public struct CSVTable {
    public let rows: [[String: String]]

    public init(_ url: URL) throws {
        guard let parsed = try? CSVTableReader.rows(of: url) else { throw EvaluationError("cannot read \(url.path)") }
        guard let header = parsed.first else { rows = []; return }
        rows = parsed.dropFirst().map { values in
            Dictionary(uniqueKeysWithValues: header.enumerated().map { ($1, $0 < values.count ? values[$0] : "") })
        }
    }
}

/// Fixed-width text for the evaluation tables.
public enum Columns {
    public static func left(_ text: String, _ width: Int) -> String {
        text.count >= width ? text : text + String(repeating: " ", count: width - text.count)
    }

    public static func right(_ text: String, _ width: Int) -> String {
        text.count >= width ? text : String(repeating: " ", count: width - text.count) + text
    }

    public static func ratio(_ a: Int, _ b: Int) -> String {
        b == 0 ? "   n/a" : String(format: "%.4f", Double(a) / Double(b))
    }
}
