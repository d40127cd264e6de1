import Foundation
import Testing

/// A split is healed when later evidence shows two ids are one institution: one line, the
/// retired id no longer counted, and changes.csv saying which id went into which.
@Suite struct SplitHealingTests {
    static let enterpriseCode = "91150826MA0R5T8K2B"
    static let nonprofitCode = "52150826MJ76543217"

    @Test func aFormerCodeSeenLaterMergesTheTwoIdsIntoOne() throws {
        let work = try temporaryFolder()
        let market = marketExport([
            "杭锦后旗行远教育服务有限公司,\(Self.enterpriseCode),有限责任公司(自然人独资),夏娟,2017-05-20,中小学生语文、数学辅导,存续,"
                + "杭锦后旗市场监督管理局,杭锦后旗陕坝镇建设街8号",
        ])
        // November: the school, registered under another name, representative and address,
        // without the former code: nothing ties it to the enterprise yet.
        let school = { (former: String) in
            "杭锦后旗明志培训学校,\(Self.nonprofitCode),民办非企业单位,王磊,2021-11-10,正常,杭锦后旗陕坝镇团结路2号,初中语文、数学培训,\(former)"
        }
        let november = try batch("2021-11", market: market, civil: civilExport([school("")]), in: work)
        let ids = { (lines: [[String: Any]], code: String) in
            lines.filter { $0["credit_code"] as? String == code || ($0["former_credit_codes"] as? [String] ?? []).contains(code) }
                .compactMap { $0["institution_id"] as? String }
        }
        let enterpriseID = try #require(ids(november, Self.enterpriseCode).first)
        let schoolID = try #require(ids(november, Self.nonprofitCode).first)
        #expect(enterpriseID != schoolID, "the fixture is a split in November")

        // December: the civil snapshot now carries the former code.
        let december = try batch("2021-12", market: market, civil: civilExport([school(Self.enterpriseCode)]), in: work)
        #expect(ids(december, Self.enterpriseCode) == ids(december, Self.nonprofitCode))
        #expect(ids(december, Self.enterpriseCode).count == 1)
        let survivor = try #require(ids(december, Self.enterpriseCode).first)
        let retired = survivor == enterpriseID ? schoolID : enterpriseID
        #expect(!december.contains { $0["institution_id"] as? String == retired }, "the retired id has no line")

        let summary = try #require(try JSONSerialization.jsonObject(
            with: Data(contentsOf: work.appendingPathComponent("out/2021-12/summary.json"))) as? [String: Any])
        #expect(summary["required"] as? Int == 1)
        #expect(summary["completed"] as? Int == 1)
        let changes = try csvRows(work.appendingPathComponent("out/2021-12/changes.csv"))
        #expect(changes.contains { $0[0] == retired && $0[3] == "并入 \(survivor)" }, "\(changes)")
        let report = try String(contentsOf: work.appendingPathComponent("out/2021-12/report.html"), encoding: .utf8)
        #expect(report.contains("\(retired) → \(survivor)"))
    }
}
