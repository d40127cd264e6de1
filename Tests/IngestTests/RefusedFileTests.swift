import Foundation
import Testing
@testable import Ingest
import RegistryModel

/// Files that stop the batch, each with a message that names the file and what to do.
@Suite struct RefusedFileTests {
    @Test("two columns for one field: refused, naming both, never one dropped", arguments: [
        "企业名称,统一社会信用代码,企业名称,统一社会信用代码\n临河区甲教育科技有限公司,91150802MA0N2XKQ5U,临河区乙培训学校有限公司,91150802MA0N2XKR3U\n",
        "企业名称,统一社会信用代码,名称\n临河区甲教育科技有限公司,91150802MA0N2XKQ5U,临河区乙培训学校有限公司\n",
    ])
    func duplicatedColumns(_ csv: String) throws {
        let input = try folder(with: ["企业登记信息_202109.csv": csv])
        defer { try? FileManager.default.removeItem(at: input) }
        let error = try #require(ingestError(input))
        guard case .duplicateColumns(let file, 1, "企业名称", 3, let second) = error else {
            Issue.record("\(error)")
            return
        }
        #expect(file == "企业登记信息_202109.csv" && ["企业名称", "名称"].contains(second))
        #expect("\(error)".contains("第 3 列"))
    }

    @Test func aFileNestedPastTheLimitIsRefusedInOurWordsAndAnEmptyFileToo() throws {
        let depth = 100_000
        let deep = try folder(with: ["企业信息.xml": "<?xml version=\"1.0\" encoding=\"UTF-8\"?>"
            + String(repeating: "<a>", count: depth) + String(repeating: "</a>", count: depth)])
        let empty = try folder(with: ["企业登记信息_202109.csv": ""])
        defer { for url in [deep, empty] { try? FileManager.default.removeItem(at: url) } }
        let tooDeep = try #require(ingestError(deep))
        #expect(tooDeep == .tooDeepXML(file: "企业信息.xml"))
        #expect(!"\(tooDeep)".contains("XML_PARSE_HUGE"))
        #expect(ingestError(empty) == .emptyFile(file: "企业登记信息_202109.csv"))
    }

    @Test func officeLockFilesAndHiddenFilesAreLeftUnreadAndNamed() throws {
        let input = try folder(with: ["企业登记信息_202109.csv": "企业名称,统一社会信用代码\n临河区智远教育科技有限公司,91150802MA0N2XKQ5U\n",
                                      "~$企业登记信息_202109.csv": "\u{05}user", ".DS_Store": "\u{00}\u{00}"])
        defer { try? FileManager.default.removeItem(at: input) }
        let ingestor = try Ingestor(folder: input)
        #expect(try ingestor.survey().map(\.name) == ["企业登记信息_202109.csv"])
        let ignored = ingestor.ignoredFiles
        #expect(ignored.map(\.name) == [".DS_Store", "~$企业登记信息_202109.csv"])
        #expect(ignored.last?.reason.contains("锁文件") == true)
    }

    @Test func aLinkToAFileIsThatFileAndALinkToNothingStopsTheBatch() throws {
        let elsewhere = try folder(with: ["企业登记信息.csv": "企业名称,统一社会信用代码\n临河区智远教育科技有限公司,91150802MA0N2XKQ5U\n"])
        let input = try temporaryFolder()
        defer { for url in [elsewhere, input] { try? FileManager.default.removeItem(at: url) } }
        try FileManager.default.createSymbolicLink(at: input.appendingPathComponent("企业登记信息_202109.csv"),
                                                   withDestinationURL: elsewhere.appendingPathComponent("企业登记信息.csv"))
        let files = try Ingestor(folder: input).survey()
        #expect(files.map(\.name) == ["企业登记信息_202109.csv"] && files.first?.kind == .marketRegulation)

        try FileManager.default.createSymbolicLink(at: input.appendingPathComponent("社会组织_202109.csv"),
                                                   withDestinationURL: elsewhere.appendingPathComponent("moved-away.csv"))
        let error = #expect(throws: IngestError.self) { try Ingestor(folder: input).survey() }
        #expect(error.map { "\($0)" }?.contains("社会组织_202109.csv") == true)
    }

    @Test func externalEntityIsRefusedWithoutReadingTheFile() throws {
        let secretFolder = try temporaryFolder()
        let secret = secretFolder.appendingPathComponent("secret.txt")
        try "TOP-SECRET-42".write(to: secret, atomically: true, encoding: .utf8)
        let xml = """
            <?xml version="1.0" encoding="UTF-8"?>
            <!DOCTYPE DATA [<!ENTITY leak SYSTEM "file://\(secret.path)"><!ENTITY remote SYSTEM "http://127.0.0.1:9/x">]>
            <DATA><RECORD><QYMC>&leak;</QYMC><TYSHXYDM>&remote;</TYSHXYDM></RECORD></DATA>
            """
        let input = try folder(with: ["xxe.xml": xml])
        var seen: [String] = []
        let error = #expect(throws: IngestError.self) {
            let ingestor = try Ingestor(folder: input)
            for file in try ingestor.survey() {
                _ = try ingestor.read(file) { event in
                    if case .record(let record) = event { seen.append(contentsOf: record.values.present.map(\.value)) }
                }
            }
        }
        #expect(error == .hostileXML(file: "xxe.xml", what: " DOCTYPE 声明"))
        #expect(!seen.joined().contains("TOP-SECRET"))
        #expect(error.map { "\($0)" }?.contains("TOP-SECRET") == false)
    }

    @Test func billionLaughsIsRefusedBeforeAnyExpansion() throws {
        var entities = "<!ENTITY lol0 \"lol\">"
        for level in 1...9 {
            entities += "<!ENTITY lol\(level) \"" + String(repeating: "&lol\(level - 1);", count: 10) + "\">"
        }
        let xml = "<?xml version=\"1.0\"?><!DOCTYPE DATA [\(entities)]><DATA><RECORD><QYMC>&lol9;</QYMC><QYLX>x</QYLX></RECORD></DATA>"
        #expect(ingestError(try folder(with: ["bomb.xml": xml])) == .hostileXML(file: "bomb.xml", what: " DOCTYPE 声明"))
    }

    @Test func unknownHeadersStopTheBatchNamingWhatWasSeenAndWhatIsMissing() throws {
        let csv = "报表,,\n编号,项目,金额\n1,办公用品,300\n"
        let error = ingestError(try folder(with: ["报销单.csv": csv]))
        guard case .unrecognisedLayout(let file, let names, let missing)? = error else {
            Issue.record("expected unrecognisedLayout, got \(String(describing: error))")
            return
        }
        #expect(file == "报销单.csv")
        #expect(names == ["编号", "项目", "金额"])
        #expect(missing.contains("企业名称"))
        #expect("\(error!)".contains("“编号”、“项目”、“金额”"))
    }

    @Test func namesThatFitNeitherRegistryStopTheBatchUntilTheManifestSays() throws {
        let csv = "名称,统一社会信用代码,住所\n临河区某某培训学校,52150802MJY123456X,临河区\n"
        #expect(ingestError(try folder(with: ["名录.csv": csv])) == .undecidableSource(file: "名录.csv", namesSeen: ["名称", "统一社会信用代码", "住所"]))

        let manifest = #"{"files": {"名录.csv": {"source": "civil_affairs"}}}"#
        let pinned = try ingest(try folder(with: ["名录.csv": csv, "manifest.json": manifest]))
        #expect(pinned.records.map(\.kind) == [.civilAffairs])
    }

    @Test func manifestColumnsMapAnExportsOwnNames() throws {
        let csv = "单位全称,信用编码,地点\n临河区启明星培训学校,52150802MJY123456X,临河区\n"
        let manifest = #"""
            {"as_of": "2021-10-31",
             "files": {"自定义.csv": {"source": "civil_affairs", "columns": {"单位全称": "name", "信用编码": "credit_code", "地点": "address"}}}}
            """#
        let ingested = try ingest(try folder(with: ["自定义.csv": csv, "manifest.json": manifest]))
        let record = try #require(ingested.records.first)
        #expect(record.values[.name] == "临河区启明星培训学校")
        #expect(record.values[.creditCode] == "52150802MJY123456X")
        #expect(record.values[.address] == "临河区")
    }

    @Test func manifestNamingAnUnknownFieldIsRefused() throws {
        let manifest = #"{"files": {"a.csv": {"columns": {"单位全称": "full_name"}}}}"#
        #expect(throws: IngestError.self) { try Ingestor(folder: try folder(with: ["manifest.json": manifest])) }
    }

    @Test(arguments: [
        ("名录.xlsx", [UInt8]([0x50, 0x4B, 0x03, 0x04, 0x14, 0x00]), "Excel 工作簿"),
        ("名录.csv", [UInt8]([0x50, 0x4B, 0x03, 0x04, 0x14, 0x00]), "Excel 工作簿"),
        ("名录.xls", [UInt8]([0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1]), "Excel 工作簿"),
        ("名录.csv", [UInt8]([0xFF, 0xFE, 0x0D, 0x54, 0x2F, 0x4E]), "UTF-16 编码的文本"),
        ("说明.txt", Array("企业名称,统一社会信用代码\n".utf8), "“.txt”类型的文件"),
    ])
    func unsupportedFilesAreNamedWithAdvice(name: String, bytes: [UInt8], seen: String) throws {
        let error = ingestError(try folder(with: [name: bytes]))
        guard case .unsupportedFile(let file, let what, let advice)? = error else {
            Issue.record("expected unsupportedFile, got \(String(describing: error))")
            return
        }
        #expect(file == name)
        #expect(what == seen)
        #expect(!advice.isEmpty)
    }

    @Test func bytesThatAreNeitherUTF8NorGB18030StopTheBatch() throws {
        var bytes = Array("企业名称,统一社会信用代码,企业类型\n".utf8)
        for _ in 0..<50 { bytes += [0xFF, 0xC0, 0x80, 0xFE, 0x2C, 0x0A] }
        let error = ingestError(try folder(with: ["坏.csv": bytes]))
        guard case .unrecognisedEncoding(let file, _)? = error else {
            Issue.record("expected unrecognisedEncoding, got \(String(describing: error))")
            return
        }
        #expect(file == "坏.csv")
    }

    @Test func anUnterminatedQuoteStopsTheBatchInsteadOfSwallowingRows() throws {
        let csv = "企业名称,统一社会信用代码,企业类型\n甲公司,91150802MA0N2XKQ3B,有限公司\n\"乙公司,91150802MA0N2XKQ3C,有限公司\n丙公司,x,y\n"
        #expect(ingestError(try folder(with: ["a.csv": csv])) == .unterminatedQuote(file: "a.csv", recordsBefore: 1))
    }

    @Test func truncatedXMLStopsTheBatch() throws {
        let xml = "<?xml version=\"1.0\"?><DATA><RECORD><QYMC>甲</QYMC><QYLX>有限公司</QYLX></RECORD><RECORD><QYMC>乙"
        guard case .malformedXML(let file, _, _)? = ingestError(try folder(with: ["t.xml": xml])) else {
            Issue.record("expected malformedXML")
            return
        }
        #expect(file == "t.xml")
    }

    @Test func aMissingFolderIsNamed() {
        #expect(throws: IngestError.unreadableFolder(path: "/nonexistent/2021-09", reason: "文件夹不存在")) {
            try Ingestor(folder: URL(fileURLWithPath: "/nonexistent/2021-09"))
        }
    }
}
