import Foundation
import Testing
@testable import Ingest
import RegistryModel

/// Record-level behaviour: what is a record, what is rejected and why.
@Suite struct RecordTests {
    @Test func crlfAndLfFilesGiveTheSameRecords() throws {
        let lines = ["企业名称,统一社会信用代码,经营范围", "甲公司,91150802MA0N2XKQ3B,\"教育咨询,\r\n不含培训\"", "", "乙公司,91150802MA0N2XKQ3C,美术"]
        let crlf = try ingest(try folder(with: ["a.csv": lines.joined(separator: "\r\n") + "\r\n"])).records
        let lf = try ingest(try folder(with: ["a.csv": lines.joined(separator: "\n")])).records
        #expect(crlf.map(\.values[.name]) == ["甲公司", "乙公司"])
        #expect(lf.map(\.values[.name]) == ["甲公司", "乙公司"])
        #expect(crlf.map(\.ref.ordinal) == [1, 2], "a blank line is not a record")
        #expect(lf.first?.values[.scope] == "教育咨询,\r\n不含培训")
    }

    @Test func aRowWithAnExtraFieldIsRagged() throws {
        let csv = "企业名称,统一社会信用代码,企业类型\n甲公司,91150802MA0N2XKQ3B,有限公司,多余\n"
        let ingested = try ingest(try folder(with: ["a.csv": csv]))
        #expect(ingested.rejects.map(\.reason) == [.raggedRow(expected: 3, found: 4)])
    }

    @Test func aRecordWithNeitherNameNorCodeIsRejected() throws {
        let csv = "企业名称,统一社会信用代码,企业类型\n  ,,有限公司\n"
        let ingested = try ingest(try folder(with: ["a.csv": csv]))
        #expect(ingested.rejects.map(\.reason) == [.missingIdentity])
    }

    @Test func exactDuplicateRowsAreBothRecords() throws {
        let csv = "企业名称,统一社会信用代码\n甲公司,91150802MA0N2XKQ3B\n甲公司,91150802MA0N2XKQ3B\n"
        let ingested = try ingest(try folder(with: ["a.csv": csv]))
        #expect(ingested.records.map(\.ref.ordinal) == [1, 2])
    }

    @Test func anInvalidGB18030SequenceRejectsOnlyItsRow() throws {
        var bytes = try fixtureBytes("市场监管_企业_2021-09.csv")
        // 0xFF can never start a GB18030 character.
        bytes += Array("坏公司".data(using: .utf8)!).isEmpty ? [] : [0xFF, 0x41] + Array(",x,y,z,1,2,3,4,5,6\r\n".utf8)
        let ingested = try ingest(try folder(with: ["a.csv": bytes]))
        #expect(ingested.files.first?.encoding == .gb18030)
        #expect(ingested.rejects.last?.reason == .undecodableBytes(field: "企业名称", encoding: .gb18030))
        #expect(ingested.records.count == 2)
    }

    @Test func aCutUTF8SequenceRejectsItsRowEvenWhereItsRepairIsAsLong() throws {
        // F0 9F 98 opens a four-byte character and stops: decoding would put U+FFFD (three
        // bytes) in its place, so the repaired value is exactly as long as the bytes read.
        var csv = Array("企业名称,统一社会信用代码\n".utf8)
        for index in 1...200 { csv += Array("临河区第\(index)号教育科技有限公司,91150802MA0N2XKQ3B\n".utf8) }
        csv += Array("临河区".utf8) + [0xF0, 0x9F, 0x98] + Array("A公司,91150802MA0N2XKQ3C\n".utf8)
        let ingested = try ingest(try folder(with: ["a.csv": csv]))
        #expect(ingested.files.first?.encoding == .utf8)
        #expect(ingested.rejects.map(\.reason) == [.undecodableBytes(field: "企业名称", encoding: .utf8)])
        #expect(ingested.records.count == 200)
    }

    @Test func aGB18030ValueCarryingTheReplacementCharacterIsRejected() throws {
        var bytes = try fixtureBytes("市场监管_企业_2021-09.csv")
        // 84 31 A4 37 is U+FFFD in GB18030: an earlier program could not read this name.
        bytes += Array("ABC".utf8) + [0x84, 0x31, 0xA4, 0x37] + Array(",91150802MA0N2XKQ3B,x,y,z,1,2,3,4,5\r\n".utf8)
        let ingested = try ingest(try folder(with: ["a.csv": bytes]))
        #expect(ingested.files.first?.encoding == .gb18030)
        #expect(ingested.rejects.last?.reason == .replacementCharacter(field: "企业名称"))
        #expect(ingested.records.count == 2)
    }

    @Test func aValueCarryingANulByteIsRejectedNotStored() throws {
        var csv = Array("企业名称,统一社会信用代码,经营范围\n临河区甲教育科技有限公司,91150802MA0N2XKQ3B,小学语文辅导\n".utf8)
        csv += Array("临河区乙教育科技有限公司,91150802MA0N2XKQ3C,小学".utf8) + [0x00] + Array("数学辅导\n".utf8)
        let ingested = try ingest(try folder(with: ["a.csv": csv]))
        #expect(ingested.rejects.map(\.reason) == [.nulByte(field: "经营范围")])
        #expect(ingested.records.count == 1)
        #expect(!ingested.records.contains { $0.values.present.contains { $0.value.utf8.contains(0) } })
    }

    @Test func valuesCrossingChunkBoundariesArriveWhole() throws {
        // Well over one 1 MiB chunk, with three-byte characters falling across chunk ends.
        var csv = "企业名称,统一社会信用代码,经营范围\n"
        let count = 12_000
        for index in 1...count {
            csv += "巴彦淖尔市临河区第\(index)号教育科技有限公司,9115080200000\(index),\"中小学生语文、数学辅导，\n英语口语\"\n"
        }
        let ingested = try ingest(try folder(with: ["big.csv": csv]))
        #expect(ingested.records.count == count)
        #expect(ingested.rejects.isEmpty)
        #expect(ingested.records.last?.values[.name] == "巴彦淖尔市临河区第\(count)号教育科技有限公司")
        #expect(Set(ingested.records.map(\.values[.scope])) == ["中小学生语文、数学辅导，\n英语口语"])
    }

    @Test func xmlRecordsNeedNotAllCarryEveryField() throws {
        let xml = """
            <?xml version="1.0" encoding="UTF-8"?>
            <export><title>巴彦淖尔市社会组织</title>
            <items>
              <item><SHZZMC>甲学校</SHZZMC></item>
              <item><SHZZMC>乙学校</SHZZMC><TYSHXYDM>52150802MJY123456X</TYSHXYDM></item>
              <item><BZ>合计</BZ></item>
            </items></export>
            """
        let ingested = try ingest(try folder(with: ["a.xml": xml]))
        #expect(ingested.records.map(\.values[.name]) == ["甲学校", "乙学校"], "the first item counts although alone it is too thin to recognise")
        #expect(ingested.records.map(\.ref.ordinal) == [1, 2])
        #expect(ingested.rejects.map(\.reason) == [.footerRow(text: "合计")])
    }
}

@Suite struct EncodingSnifferTests {
    private func verdict(_ bytes: [UInt8], chunk: Int) -> TextEncoding? {
        var sniffer = EncodingSniffer()
        var start = 0
        while start < bytes.count {
            let end = min(start + chunk, bytes.count)
            bytes[start..<end].withUnsafeBufferPointer { sniffer.feed($0) }
            start = end
        }
        sniffer.finish()
        return sniffer.verdict
    }

    @Test(arguments: [1, 2, 3, 5, 4096])
    func sequencesCutByChunkEndsAreCountedWhole(chunk: Int) throws {
        let utf8 = Array("企业名称ᠪᠠᠶᠠᠨ,社会组织名称\n".utf8)
        #expect(verdict(utf8, chunk: chunk) == .utf8)
        let gb18030 = try fixtureBytes("市场监管_企业_2021-09.csv")
        #expect(verdict(gb18030, chunk: chunk) == .gb18030)
    }

    @Test func pureASCIIIsUTF8() {
        #expect(verdict(Array("QYMC,TYSHXYDM\n".utf8), chunk: 7) == .utf8)
    }
}

@Suite struct RecordChecksTests {
    @Test(arguments: [
        ("合计", true), ("合 计：3家", true), ("\u{3000}总计", true), ("  小计", true), ("共计123", true),
        ("1", false), ("临河区智远培训学校", false), ("计合", false),
    ])
    func footersAreTheirWordsWhateverTheSpaces(value: String, isFooter: Bool) {
        #expect((RecordChecks.footer(firstValue: value) != nil) == isFooter)
    }

    @Test(arguments: [
        ("a", true), ("临河", true), (" \t ", false), ("\u{3000}", false), ("\u{FEFF}", false), ("\u{00A0}\u{2003}", false), ("", false),
    ])
    func visibleTextIsAnythingButWhiteSpace(value: String, visible: Bool) {
        #expect(RecordChecks.hasVisibleText(value) == visible)
    }
}

@Suite struct WhiteSpaceTableTests {
    /// The spelled-out table must say what Unicode's White_Space property says, for every scalar.
    @Test func agreesWithUnicodeForEveryScalar() {
        for value in UInt32(0) ... 0x10FFFF {
            guard let scalar = Unicode.Scalar(value) else { continue }
            if RecordChecks.isWhiteSpace(scalar) != scalar.properties.isWhitespace {
                Issue.record("U+\(String(value, radix: 16, uppercase: true))")
                return
            }
        }
    }
}
