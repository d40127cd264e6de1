import Foundation
import TestSupport
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
    try TestScratch.folder("normalize")
}

func rawRecord(_ pairs: [Field: String]) -> RawRecord { rawRecord(.marketRegulation, layout: .snapshot, pairs) }
