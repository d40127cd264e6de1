import Foundation
import Testing
import RegistryModel
@testable import Pipeline

/// The month's exported values wait for the ledger write in a temporary file.
@Suite struct ExportedFieldsTests {
    /// Enough records to cross the writer's 1 MiB flush several times; values with quotes, line
    /// breaks, Mongolian script and empty text, which the JSON must carry exactly.
    @Test func everyRecordComesBackAsWrittenWhateverTheShare() throws {
        let writer = try ExportedFieldsWriter()
        let values = (0..<6_000).map { index in
            FieldValues([
                .name: "巴彦淖尔市临河区第\(index)培训学校",
                .scope: String(repeating: "文化艺术交流活动（不含“学科类”培训）；", count: 1 + index % 17) + "\"\n\t",
                .address: index % 3 == 0 ? "" : "临河区ᠪᠠᠶᠠᠨᠨᠠᠭᠤᠷ街\(index)号",
                .legalRepresentativeID: "15080219800101123X",
            ])
        }
        for value in values { writer.append(value) }
        let exported = try writer.finish()

        #expect(exported.count == values.count)
        for share in [0..<1, 0..<0, 1_234..<4_321, 5_999..<6_000, 0..<6_000] {
            let json = try exported.json(share)
            #expect(json == share.map { values[$0].json }, "\(share)")
        }
        #expect(try exported.json(17..<18).map { FieldValues(json: $0) } == [values[17]])
    }

    @Test func noFileIsLeftInTheTemporaryFolder() throws {
        let folder = try temporaryFolder()
        let writer = try ExportedFieldsWriter(in: folder)
        writer.append(FieldValues([.name: "临河区智远培训学校"]))
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path) == [],
                "the file is unlinked as soon as it is made")
        #expect(try writer.finish().json(0..<1) == [#"{"name":"临河区智远培训学校"}"#])
    }

    /// A temporary folder that cannot be used stops the month with one sentence, before the
    /// ledger is touched.
    @Test func aFolderThatCannotBeUsedIsSaidPlainly() throws {
        let missing = try temporaryFolder().appendingPathComponent("不存在")
        #expect {
            try ExportedFieldsWriter(in: missing)
        } throws: { error in
            let text = "\(error)"
            return error is PipelineError && text.contains("TMPDIR") && text.contains("台账未改动")
        }
    }
}
