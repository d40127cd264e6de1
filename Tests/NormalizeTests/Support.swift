import Foundation
import RegistryModel
@testable import Normalize

/// One normaliser for all tests, built from the bundled data files.
let normalizer: Normalizer = {
    do { return try Normalizer() } catch { fatalError("bundled data files do not load: \(error)") }
}()

func rawRecord(
    _ kind: SourceKind = .marketRegulation, layout: FileLayout = .snapshot, _ pairs: [Field: String]
) -> RawRecord {
    RawRecord(
        ref: RecordRef(sourceFile: "t.csv", ordinal: 1), kind: kind, layout: layout,
        values: FieldValues(pairs))
}

func day(_ iso: String) -> Day { Day(iso: iso)! }

/// A fresh temporary folder per test.
func temporaryFolder() throws -> URL {
    let url = FileManager.default.temporaryDirectory
        .appendingPathComponent("normalize-tests-\(UUID().uuidString)", isDirectory: true)
    try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    return url
}

func rawRecord(_ pairs: [Field: String]) -> RawRecord { rawRecord(.marketRegulation, layout: .snapshot, pairs) }
