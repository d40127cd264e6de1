import Foundation
import Testing
@testable import Ingest
import RegistryModel

/// The committed fixtures: one folder holding both registries in CSV and XML, GB18030 and UTF-8.
@Suite struct FixtureFolderTests {
    let ingested: Ingested

    init() throws {
        ingested = try ingest(fixturesFolder)
    }

    @Test func recognisesEveryFileWithItsSourceEncodingAndLayout() {
        let seen = ingested.files.map { "\($0.name) \($0.kind.rawValue) \($0.encoding.rawValue) \($0.format.rawValue) \($0.layout.rawValue)" }
        #expect(seen == [
            "scjg_qy_2021-09.xml market_regulation gb18030 xml snapshot",
            "市场监管_企业_2021-09.csv market_regulation gb18030 csv snapshot",
            "民政_业务_2021-11.xml civil_affairs utf-8 xml business_list",
            "民政_社会组织_2021-09.csv civil_affairs utf-8 csv snapshot",
        ])
    }

    @Test func everyRecordIsAcceptedOrRejectedExactlyOnce() {
        for report in ingested.reports {
            let refs = (ingested.records(in: report.file.name).map(\.ref) + ingested.rejects(in: report.file.name).map(\.ref))
                .map(\.ordinal).sorted()
            #expect(refs == Array(1...report.records), "\(report.file.name)")
        }
        #expect(ingested.records.count == 8)
        #expect(ingested.rejects.count == 4)
    }

    @Test func gb18030CSVReadsExactValuesBelowATitleRowAndBlankLines() throws {
        let file = "市场监管_企业_2021-09.csv"
        let first = try #require(ingested.record(file, 1))
        #expect(first.kind == .marketRegulation)
        #expect(first.values[.name] == "巴彦淖尔市临河区智远教育科技有限公司")
        #expect(first.values[.creditCode] == "91150802MA0N2XKQ3B")
        #expect(first.values[.legalRepresentative] == "王  建国", "spaces inside a value are kept")
        #expect(first.values[.scope] == "文化艺术交流活动策划；教育信息咨询，不含培训")
        #expect(first.values[.status] == "存续（在营、开业、在册）")
        #expect(first.values[.address] == "内蒙古自治区巴彦淖尔市临河区新华街 18 号")
        #expect(first.values[.capital] == "100(万)")
    }

    @Test func gb18030KeepsMongolianScriptAndQuotedQuotesCommasAndNewlines() throws {
        let second = try #require(ingested.record("市场监管_企业_2021-09.csv", 2))
        #expect(second.values[.name] == "ᠪᠠᠶᠠᠨᠨᠠᠭᠤᠷ五原县博学教育咨询有限公司")
        #expect(second.values[.scope] == "中小学生课外辅导（不含\"学科类\"培训）\n作文辅导")
        #expect(second.values[.address] == "五原县隆兴昌镇ᠪᠠᠶᠠᠨᠨᠠᠭᠤᠷ路")
        #expect(second.values[.establishedOn] == "2019/7/1")
    }

    @Test func raggedRowAndFooterAreRejectedWithTheirReasons() {
        let rejects = ingested.rejects(in: "市场监管_企业_2021-09.csv")
        #expect(rejects.map(\.ref.ordinal) == [3, 4])
        #expect(rejects.first?.reason == .raggedRow(expected: 10, found: 9))
        #expect(rejects.first?.reason.message.contains("expected 10 fields, found 9") == true)
        #expect(rejects.last?.reason == .footerRow(text: "合计"))
    }

    @Test func utf8BOMIsStrippedAndDelimiterOnlyRowsAreBlankLines() throws {
        let file = "民政_社会组织_2021-09.csv"
        let first = try #require(ingested.record(file, 1))
        #expect(first.kind == .civilAffairs)
        #expect(first.values[.name] == "临河区智远培训学校", "the BOM must not hide the first header")
        #expect(first.values[.establishedOn] == "2021年11月20日")
        let second = try #require(ingested.record(file, 2), "the row of commas is not a record")
        #expect(second.values[.name] == "乌拉特前旗启航艺术培训中心")
        #expect(second.values[.legalRepresentative] == "N/A", "ingest keeps values exactly; nulls are Normalize's")
        #expect(second.values[.establishedOn] == "２０１３年０５月０８日")
    }

    @Test func mojibakeRowsAreRejectedNotRepaired() {
        #expect(ingested.rejects(in: "民政_社会组织_2021-09.csv").map(\.reason) == [.replacementCharacter(field: "社会组织名称")])
        #expect(ingested.rejects(in: "民政_业务_2021-11.xml").map(\.reason) == [.replacementCharacter(field: "SHZZMC")])
    }

    @Test func xmlDeclaredGBKIsReadAsGB18030WithPinyinElements() throws {
        let file = "scjg_qy_2021-09.xml"
        let first = try #require(ingested.record(file, 1))
        #expect(first.values[.name] == "巴彦淖尔市临河区（临河）学而优教育咨询有限公司")
        #expect(first.values[.organizationType] == "有限责任公司(台港澳与境内合资)")
        #expect(first.values[.establishedOn] == "44561")
        #expect(first.values[.status] == "吊销，未注销")
        #expect(first.values[.address] == "临河区ᠪᠠᠶᠠᠨᠨᠠᠭᠤᠷ街")
        let second = try #require(ingested.record(file, 2))
        #expect(second.values[.creditCode] == "9.11508E+17")
        #expect(second.values[.legalRepresentative] == "")
        #expect(second.values[.scope] == "家政服务；住家教师 & 课业辅导")
        #expect(second.values[.address] == nil)
    }

    @Test func xmlAttributeRecordsAreABusinessList() throws {
        let file = "民政_业务_2021-11.xml"
        let first = try #require(ingested.record(file, 1))
        #expect(first.layout == .businessList)
        #expect(first.values[.businessType] == "成立登记")
        #expect(first.values[.formerCreditCode] == "91150821MA0Q7LRT4X")
        #expect(first.values[.completedOn] == "2021/11/30")
        let application = try #require(ingested.record(file, 2))
        #expect(application.values[.status] == "受理中")
        #expect(application.values[.creditCode] == "")
    }
}
