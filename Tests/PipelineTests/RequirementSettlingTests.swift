import Foundation
import Testing

/// Requirement is settled when the category first becomes clear (contract.md), not frozen
/// while the institution is undetermined, and an application does not lend the institution
/// its name or its missing code: months written as the two registries export them.
@Suite struct RequirementSettlingTests {
    static let enterpriseCode = "91150824MA0Q7H2R94"
    static let nonprofitCode = "52150824MJ1234561T"

    static func market(_ scope: String) -> Data {
        marketExport(["乌拉特中旗河睿教育培训有限公司,\(enterpriseCode),有限责任公司(自然人投资或控股),张敏,2018-03-02,\(scope),存续,"
                      + "乌拉特中旗市场监督管理局,乌拉特中旗海流图镇团结路12号"])
    }

    static func civil(_ rows: [String]) -> Data { civilExport(rows) }

    @Test func anUndeterminedInstitutionIsRequiredOnceItsRegistrationShowsSubjectTeaching() throws {
        let work = try temporaryFolder()
        let months: [(String, Data, Data)] = [
            ("2021-09", Self.market("小升初衔接辅导；教育信息咨询"), Self.civil([])),
            // The application, without a code yet, names the enterprise as its former code.
            ("2021-10", Self.market("小升初衔接辅导；教育信息咨询"), Self.civil([
                "巴彦淖尔市乌拉特中旗河睿培训学校,,民办非企业单位,张敏,,审查中,乌拉特中旗海流图镇团结路12号,教育培训,\(Self.enterpriseCode)",
            ])),
            ("2021-11", Self.market("小升初衔接辅导；教育信息咨询"), Self.civil([
                "乌拉特中旗河睿培训学校,\(Self.nonprofitCode),民办非企业单位,张敏,2021-11-08,正常,乌拉特中旗海流图镇团结路12号,"
                    + "\"初中语文、化学培训\",\(Self.enterpriseCode)",
            ])),
        ]
        var lines: [String: [String: Any]] = [:]
        for (month, market, civil) in months {
            let line = try batch(month, market: market, civil: civil, in: work).first {
                ($0["former_credit_codes"] as? [String] ?? []).contains(Self.enterpriseCode) || $0["credit_code"] as? String == Self.enterpriseCode
            }
            lines[month] = try #require(line, "\(month): no line holds the enterprise")
        }
        #expect(lines["2021-09"]?["category"] as? String == "undetermined")
        #expect(lines["2021-09"]?["reregistration_required"] as? Bool == false)
        // An application is not a registration: the enterprise's name and code stand until 成立登记.
        #expect(lines["2021-10"]?["credit_code"] as? String == Self.enterpriseCode)
        #expect(lines["2021-10"]?["name"] as? String == "乌拉特中旗河睿教育培训有限公司")
        #expect((lines["2021-10"]?["former_credit_codes"] as? [String])?.isEmpty == true)
        #expect(lines["2021-11"]?["credit_code"] as? String == Self.nonprofitCode)
        #expect(lines["2021-11"]?["former_credit_codes"] as? [String] == [Self.enterpriseCode])
        #expect(lines["2021-11"]?["category"] as? String == "subject")
        #expect(lines["2021-11"]?["reregistration_required"] as? Bool == true)
        #expect(lines["2021-11"]?["reregistration_status"] as? String == "completed")
        #expect(lines["2021-11"]?["completed_on"] as? String == "2021-11-08")
    }
}
