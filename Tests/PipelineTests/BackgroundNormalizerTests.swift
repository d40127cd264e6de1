import Foundation
import Testing
import Normalize
import RegistryModel
@testable import Pipeline

/// Normalising beside ingest, with no more than a few chunks waiting.
@Suite struct BackgroundNormalizerTests {
    /// More chunks than may wait at once, and a part chunk: ingest must wait for room and go
    /// on, and every record come back in the order it was added.
    @Test(.timeLimit(.minutes(1))) func recordsComeBackInOrderWhenIngestRunsAhead() throws {
        let background = try BackgroundNormalizer(try Normalizer())
        let count = BackgroundNormalizer.chunkSize * (BackgroundNormalizer.chunksAhead + 3) + 7
        for ordinal in 1 ... count {
            background.add(RawRecord(
                ref: RecordRef(sourceFile: "企业登记信息_临河区_202112.csv", ordinal: ordinal), kind: .marketRegulation, layout: .snapshot,
                values: FieldValues([.name: "巴彦淖尔市临河区第\(ordinal)号培训学校", .creditCode: "91150802MA0N2XKQ3B"])))
        }
        let (records, exported, _) = try background.finish()
        #expect(records.map(\.ref.ordinal) == Array(1 ... count))
        #expect(records.last?.name == "巴彦淖尔市临河区第\(count)号培训学校")
        #expect(exported.count == count)
    }
}
