import Foundation
import Testing
@testable import Ingest

@Suite struct CSVTableReaderTests {
    @Test func excelsQuotedCellsStayWhole() throws {
        let text = "\u{FEFF}决定,机构编号,备注\r\n同一机构,BYN-00000001,\"法定代表人相同，住所相同\"\r\n"
            + "类别,BYN-00000002,\"范围写明\"\"素质拓展\"\"\r\n见走访记录\"\r\n\r\n"
        let rows = try CSVTableReader.rows(in: Array(text.utf8))
        #expect(rows == [
            ["决定", "机构编号", "备注"],
            ["同一机构", "BYN-00000001", "法定代表人相同，住所相同"],
            ["类别", "BYN-00000002", "范围写明\"素质拓展\"\r\n见走访记录"],
        ])
    }

    @Test func gb18030AsExcelInChinaSavesIt() throws {
        let text = "决定,机构编号\r\n不同机构,BYN-00000003\r\n"
        let bytes = [UInt8](text.data(using: String.Encoding(rawValue: 0x8000_0632))!)
        #expect(bytes.count < text.utf8.count, "the fixture really is GB18030")
        #expect(try CSVTableReader.rows(in: bytes) == [["决定", "机构编号"], ["不同机构", "BYN-00000003"]])
    }

    @Test func aQuoteLeftOpenIsAnError() {
        #expect(throws: CSVTableReader.Failure.self) { try CSVTableReader.rows(in: Array("a,b\n1,\"open\n".utf8)) }
    }
}
