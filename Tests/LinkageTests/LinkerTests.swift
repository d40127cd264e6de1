import Foundation
import Testing
@testable import Linkage
import RegistryModel

@Suite struct WithinMonthTests {
    let linker = makeLinker()

    @Test func formerCodeLinksTheNonProfitToItsEnterprise() {
        var month = MonthBuilder()
        let enterpriseCode = creditCode("91150802MA0N2XKQ")
        let enterprise = month.enterprise("巴彦淖尔市临河区智远教育科技有限公司", code: enterpriseCode,
                                          representative: "王建国", address: "临河区新华街18号")
        let school = month.nonprofit("临河区智远培训学校", code: creditCode("52150802MJY12345"), former: enterpriseCode,
                                     representative: "王建国", address: "临河区新华街18号")
        let result = linker.link(month.records, known: [], nextSequence: 1)
        #expect(result.institution(of: enterprise) == InstitutionID(sequence: 1))
        #expect(result.institution(of: school) == InstitutionID(sequence: 1))
        #expect(result.link(of: school)?.rule == .formerCreditCode)
        #expect(result.link(of: enterprise)?.rule == .new)
        #expect(result.nextSequence == 2)
    }

    /// Groups' facts are read a chunk of groups at a time: how many at a time changes nothing.
    @Test func theResultDoesNotDependOnHowManyGroupsAreReadAtATime() {
        var month = MonthBuilder()
        month.zhiyuanCompany()
        month.zhiyuanSchool(representative: "王建国", address: "临河区新华街18号")
        month.background(count: 30)
        month.otherTrades(count: 12)
        month.background(count: 5)  // the same five enterprises exported twice
        let whole = linker.link(month.records, known: [], nextSequence: 1)
        let inThrees = makeLinker(groupChunk: 3).link(month.records, known: [], nextSequence: 1)
        #expect(inThrees.links == whole.links)
        #expect(inThrees.profiles == whole.profiles)
        #expect(inThrees.merges == whole.merges)
        #expect(inThrees.reviews == whole.reviews)
        #expect(Set(whole.links.map(\.institution)).count == 1 + 30 + 12, "the school joins its company, the twins their firsts")
    }

    @Test func exactDuplicatesShareTheirInstitution() {
        var month = MonthBuilder()
        let code = creditCode("91150821MA0Q7LRT")
        let first = month.enterprise("五原县博学教育咨询有限公司", code: code, representative: "李敏", address: "五原县隆兴昌镇")
        let twin = month.enterprise("五原县博学教育咨询有限公司", code: code, representative: "李敏", address: "五原县隆兴昌镇")
        let result = linker.link(month.records, known: [], nextSequence: 1)
        #expect(result.institution(of: first) == result.institution(of: twin))
        #expect(result.link(of: twin)?.rule == .creditCode)
    }

    /// A coded record joined, by its 注册号, to a larger group of code-less records keeps its
    /// code in the group: a name the group shares with another enterprise's code must not join
    /// them. (The group once lost the code when the code-less side became the root.)
    @Test func aGroupKeepsItsCodeWhicheverSideOfAJoinSurvives() {
        var month = MonthBuilder()
        let coded = month.add(.marketRegulation, [
            .name: "巴彦淖尔市临河区启明教育咨询有限公司", .creditCode: creditCode("91150802MA0N7ABC"),
            .registrationNumber: "150802000012345", .address: "临河区胜利路1号", .legalRepresentative: "赵刚"])
        let application = month.add(.civilAffairs, [
            .name: "临河区启明培训中心", .certificateNumber: "临民证字第0042号", .address: "临河区胜利路1号"])
        let registration = month.add(.civilAffairs, [
            .name: "临河区启明培训学校", .certificateNumber: "临民证字第0042号", .registrationNumber: "150802000012345",
            .address: "临河区胜利路1号"])
        let namesake = month.add(.marketRegulation, [
            .name: "临河区启明培训中心", .creditCode: creditCode("91150802MA0N8DEF"), .address: "临河区解放街9号",
            .legalRepresentative: "孙丽"])
        let result = linker.link(month.records, known: [], nextSequence: 1)
        #expect(result.institution(of: application) == result.institution(of: coded))
        #expect(result.institution(of: registration) == result.institution(of: coded))
        #expect(result.institution(of: namesake) != result.institution(of: coded))
    }

    @Test func variantNamesWithAnExcelMangledCodeJoinByNameAndCounty() {
        var month = MonthBuilder()
        let code = creditCode("91150802MA0N5PQR")
        let clean = month.enterprise("巴彦淖尔市临河区学而优教育咨询有限公司", code: code, representative: "张三", address: "临河区")
        let mangled = month.enterprise("巴彦淖尔市临河区 学而优教育咨询有限公司", code: "9.11508E+17", representative: "张三", address: "临河区")
        let result = linker.link(month.records, known: [], nextSequence: 1)
        #expect(result.institution(of: clean) == result.institution(of: mangled))
        #expect(result.link(of: mangled)?.rule == .nameCounty)
    }

    @Test func aNonProfitThatKeptItsNameJoinsItsEnterpriseGroupAcrossAMistypedCode() throws {
        var month = MonthBuilder()
        let enterpriseCode = creditCode("91150800MA05A1JB")
        let enterprise = month.enterprise("内蒙古天达教育科技有限公司", code: enterpriseCode, representative: "高梅",
                                          address: "临河区临狼路恒大名都2号楼3单元503")
        let registered = creditCode("52150802MJ288756")
        // The snapshot mistypes one character of the code (the check fails) but names the enterprise.
        let mistyped = "52150802EJ" + registered.dropFirst(10)
        #expect(!CreditCodeRules.isValid(mistyped))
        let snapshot = month.nonprofit("临河区天达学科培训学校", code: mistyped, former: enterpriseCode, representative: "高梅",
                                       address: "临河区临狼路恒大名都2号楼3单元503")
        // The bureau's list of completed business carries the right code, and the application before it none.
        let listed = month.nonprofit("临河区天达学科培训学校", code: registered, representative: "高梅",
                                     address: "临河区临狼路恒大名都2号楼3单元503")
        let application = month.nonprofit("临河区天达学科培训学校", code: nil, representative: "高梅",
                                          address: "临河区临狼路恒大名都2号楼3单元503", registered: "", status: "受理中")
        let result = linker.link(month.records, known: [], nextSequence: 1)
        let id = try #require(result.institution(of: enterprise))
        #expect(result.institution(of: snapshot) == id)
        #expect(result.institution(of: listed) == id)
        #expect(result.institution(of: application) == id)
        #expect(result.nextSequence == 2)
    }

    @Test func reRegistrationWithoutFormerCodeLinksOnWeightedEvidence() throws {
        var month = MonthBuilder()
        month.background(count: 40)
        let enterprise = month.zhiyuanCompany()
        let school = month.zhiyuanSchool(representative: "王建国", address: "临河区新华街18号")
        let result = linker.link(month.records, known: [], nextSequence: 1)
        #expect(result.institution(of: school) == result.institution(of: enterprise))
        let link = try #require(result.link(of: school))
        #expect(link.rule == .fuzzy)
        #expect(link.score >= 0.99)
        #expect(link.evidence.contains("品牌“智远”一致"))
        #expect(result.reviews.isEmpty)
    }

    @Test func theSameBrandInAnotherCountyIsAnotherInstitution() {
        var month = MonthBuilder()
        month.background(count: 40)
        let wuyuan = month.enterprise("五原县智远教育科技有限公司", code: creditCode("91150821MA0C0001"),
                                      representative: "赵刚", address: "五原县胜利路3号")
        let linhe = month.zhiyuanCompany()
        let school = month.zhiyuanSchool(representative: "王建国", address: "临河区新华街18号")
        let result = linker.link(month.records, known: [], nextSequence: 1)
        #expect(result.institution(of: school) == result.institution(of: linhe))
        #expect(result.institution(of: school) != result.institution(of: wuyuan))
    }

    @Test func aChainBranchAloneInAnotherCountyIsNotLinked() {
        var month = MonthBuilder()
        month.background(count: 40)
        let wuyuan = month.enterprise("五原县智远教育科技有限公司", code: creditCode("91150821MA0C0001"),
                                      representative: "赵刚", address: "五原县胜利路3号")
        let school = month.zhiyuanSchool(representative: "王建国", address: "临河区新华街18号")
        let result = linker.link(month.records, known: [], nextSequence: 1)
        #expect(result.institution(of: school) != result.institution(of: wuyuan))
    }

    @Test func brandsOneCharacterApartAreKeptApart() {
        var month = MonthBuilder()
        month.background(count: 40)
        let zhiyuan = month.enterprise("巴彦淖尔市临河区致远教育科技有限公司", code: creditCode("91150802MA0C0002"),
                                       representative: "李强", address: "临河区胜利北路7号")
        let school = month.zhiyuanSchool(representative: "王建国", address: "临河区新华街18号")
        let result = linker.link(month.records, known: [], nextSequence: 1)
        #expect(result.institution(of: school) != result.institution(of: zhiyuan))
        #expect(result.reviews.isEmpty)
    }

    @Test func aSisterCompanyIsNotThePredecessor() {
        var month = MonthBuilder()
        month.background(count: 40)
        let media = month.enterprise("巴彦淖尔市临河区智远文化传媒有限公司", code: creditCode("91150802MA0C0003"),
                                     representative: "王建国", address: "临河区新华街18号",
                                     scope: "广告设计、制作、代理、发布；文艺演出策划")
        let education = month.zhiyuanCompany()
        let school = month.zhiyuanSchool(representative: "王建国", address: "临河区新华街18号")
        let result = linker.link(month.records, known: [], nextSequence: 1)
        #expect(result.institution(of: school) == result.institution(of: education))
        #expect(result.institution(of: media) != result.institution(of: education))
    }

    @Test func anApplicationInTheBusinessListJoinsTheRegistrationOfItsName() throws {
        var month = MonthBuilder()
        month.background(count: 40)
        let code = creditCode("91150802MA0N2XKQ")
        // A chain's school in another county, applying under the same name without its region.
        let chain = month.nonprofit("磴口县智远培训学校", code: nil, representative: "格日勒", address: "磴口县团结路199号",
                                    status: "审查中")
        let enterprise = month.zhiyuanCompany()
        let registration = month.nonprofit("临河区智远培训学校", code: creditCode("52150802MJY12345"), former: code,
                                           representative: "王建国", address: "临河区新华街18号")
        // The month's business list still shows the application, without a code.
        let application = month.nonprofit("临河区智远培训学校", code: nil, representative: "王建国", address: "临河区新华街18号",
                                          status: "受理中")
        let result = linker.link(month.records, known: [], nextSequence: 1)
        #expect(result.institution(of: registration) == result.institution(of: enterprise))
        #expect(result.institution(of: application) == result.institution(of: enterprise))
        #expect(result.institution(of: chain) != result.institution(of: enterprise))
    }

    @Test func aChainsApplicationsJoinTheRegistrationOfTheirOwnCounty() throws {
        var month = MonthBuilder()
        month.background(count: 40)
        // One brand's schools in two counties, each registered this month while the business
        // list still shows its application: the two registrations do not make the name useless.
        let hangjin = month.nonprofit("杭锦后旗阴山培训学校", code: creditCode("52150826MJ151485"),
                                      representative: "薛春", address: "杭锦后旗蛮会镇新华路125号")
        let linhe = month.nonprofit("临河区阴山培训学校", code: creditCode("52150802MJ258567"),
                                    representative: "阿拉坦", address: "临河区建设路14号")
        let hangjinApplication = month.nonprofit("杭锦后旗阴山培训学校", code: nil, representative: "薛春",
                                                 address: "杭锦后旗蛮会镇新华路125号", status: "受理中")
        let linheApplication = month.nonprofit("临河区阴山培训学校", code: nil, representative: "阿拉坦",
                                               address: "临河区建设路14号", status: "受理中")
        let result = linker.link(month.records, known: [], nextSequence: 1)
        #expect(result.institution(of: hangjinApplication) == result.institution(of: hangjin))
        #expect(result.institution(of: linheApplication) == result.institution(of: linhe))
        #expect(result.institution(of: hangjin) != result.institution(of: linhe))
    }

    @Test func anApplicationWhoseNameIsOneCharacterOffJoinsItsRegistration() throws {
        var month = MonthBuilder()
        month.background(count: 40)
        let registration = month.nonprofit("五原县致灵培训学校", code: creditCode("52150821MJ639003"),
                                           representative: "姜秀楠", address: "五原县人民路85号凯旋城3号楼")
        // The bureau's snapshot still lists the application, typed with another 灵.
        let application = month.nonprofit("五原县致凌培训学校", code: nil, representative: "姜秀楠",
                                          address: "五原县人民路85号凯旋城3号楼2楼", status: "受理中")
        // Another brand one character apart, under another representative: another institution.
        let other = month.nonprofit("五原县致远培训学校", code: nil, representative: "赵刚", address: "五原县胜利路3号",
                                    status: "受理中")
        let result = linker.link(month.records, known: [], nextSequence: 1)
        #expect(result.institution(of: application) == result.institution(of: registration))
        #expect(result.institution(of: other) != result.institution(of: registration))
        let link = try #require(result.link(of: application))
        #expect(link.rule == .nameCounty && link.score < 1 && link.evidence.contains("仅差一字"))
    }

    @Test func aTieBetweenTwoTrainingCompaniesGoesToReviewNamingBoth() throws {
        var month = MonthBuilder()
        month.background(count: 40)
        // Two training companies of one owner at one address under one brand: the school may
        // have replaced either, so neither is linked and a person sees both.
        let education = month.zhiyuanCompany()
        let culture = month.enterprise("巴彦淖尔市临河区智远文化艺术培训有限公司", code: creditCode("91150802MA0C0004"),
                                       representative: "王建国", address: "临河区新华街18号",
                                       scope: "中小学生语文、数学辅导；少儿美术培训")
        let school = month.zhiyuanSchool(representative: "王建国", address: "临河区新华街18号")
        let result = linker.link(month.records, known: [], nextSequence: 1)
        let civil = try #require(result.institution(of: school))
        #expect(civil != result.institution(of: education) && civil != result.institution(of: culture))
        let named = Set(result.reviews.filter { $0.civil == civil }.map(\.enterprise))
        #expect(named == Set([result.institution(of: education), result.institution(of: culture)].compactMap { $0 }))
    }

    @Test func aSisterTeachingOnlyArtsIsNotASubjectSchoolsPredecessor() throws {
        var month = MonthBuilder()
        // As in the exports, about half the training companies teach arts or sports only.
        month.background(count: 30)
        for index in 0..<30 {
            month.enterprise("巴彦淖尔市临河区彩虹\(index)艺术培训有限公司", code: creditCode("91150802MA0D\(String(format: "%04d", index))"),
                             representative: "艺某\(index)", address: "临河区胜利路\(index + 10)号", scope: "少儿美术、书法培训；舞蹈培训")
        }
        // One owner's two training companies at one address under one brand: the subject
        // school replaced the one that taught subjects, not the one that teaches drawing.
        let education = month.zhiyuanCompany()
        let arts = month.enterprise("巴彦淖尔市临河区智远文化艺术有限公司", code: creditCode("91150802MA0C0005"),
                                    representative: "王建国", address: "临河区新华街18号", scope: "少儿美术、书法培训；舞蹈培训")
        let school = month.zhiyuanSchool(representative: "王建国", address: "临河区新华街18号")
        let result = linker.link(month.records, known: [], nextSequence: 1)
        #expect(result.institution(of: school) == result.institution(of: education))
        #expect(result.institution(of: arts) != result.institution(of: education))
        let evidence = try #require(result.link(of: school)).evidence
        #expect(evidence.contains("企业经营范围含学科类内容"), "\(evidence)")
    }

    @Test func aSchoolLeftWithoutPredecessorShowsItsBestCandidate() throws {
        var month = MonthBuilder()
        month.background(count: 40)
        // Only brand and county agree: far from a link, but the split is a clerk's to see.
        let enterprise = month.zhiyuanCompany()
        let school = month.zhiyuanSchool(representative: "李华", address: "临河区胜利路9号")
        let result = linker.link(month.records, known: [], nextSequence: 1)
        #expect(result.institution(of: school) != result.institution(of: enterprise))
        let review = try #require(result.reviews.first)
        #expect(review.civil == result.institution(of: school) && review.enterprise == result.institution(of: enterprise))
        #expect(review.probability >= 0.2 && review.probability < 0.5)
    }

    @Test func aGrayZonePairGoesToReviewUnlinked() throws {
        var month = MonthBuilder()
        month.background(count: 40)
        // Same brand, county and premises, but another representative: likely, not certain.
        let enterprise = month.zhiyuanCompany()
        let school = month.zhiyuanSchool(representative: "李华", address: "临河区新华街18号")
        let result = linker.link(month.records, known: [], nextSequence: 1)
        #expect(result.institution(of: school) != result.institution(of: enterprise))
        let review = try #require(result.reviews.first)
        #expect(review.civil == result.institution(of: school))
        #expect(review.enterprise == result.institution(of: enterprise))
        #expect(review.probability >= 0.5 && review.probability < 0.99)
    }
}

@Suite struct AcrossMonthsTests {
    let linker = makeLinker()

    @Test func idsStayStableAndAnApplicationBecomesItsRegistration() {
        let enterpriseCode = creditCode("91150802MA0N2XKQ")
        var september = MonthBuilder()
        september.background(count: 30)
        let enterprise = september.enterprise("巴彦淖尔市临河区智远教育科技有限公司", code: enterpriseCode,
                                              representative: "王建国", address: "临河区新华街18号")
        let first = linker.link(september.records, known: [], nextSequence: 1)
        let id = first.institution(of: enterprise)!

        var october = MonthBuilder()
        october.background(count: 30)
        let enterpriseAgain = october.enterprise("巴彦淖尔市临河区智远教育科技有限公司", code: enterpriseCode,
                                                 representative: "王建国", address: "临河区新华街18号")
        let application = october.nonprofit("临河区智远培训学校", code: nil, former: enterpriseCode,
                                            representative: "王建国", address: "临河区新华街18号", registered: "", status: "受理中")
        let second = linker.link(october.records, known: first.profiles, nextSequence: first.nextSequence)
        #expect(second.institution(of: enterpriseAgain) == id)
        #expect(second.institution(of: application) == id)
        #expect(second.nextSequence == first.nextSequence, "no new ids for institutions already known")
        #expect(Set(second.links.map(\.institution)) == Set(first.links.map(\.institution)))

        var november = MonthBuilder()
        let registration = november.zhiyuanSchool(representative: "王建国", address: "临河区新华街18号")
        let third = linker.link(november.records, known: second.profiles, nextSequence: second.nextSequence)
        #expect(third.institution(of: registration) == id)
        #expect(third.link(of: registration)?.rule == .nameCounty)
    }

    @Test func anApplicationKnownOnlyByNameJoinsWhenItsRegistrationNamesTheEnterprise() throws {
        let enterpriseCode = creditCode("91150825MA0C0009")
        var november = MonthBuilder()
        november.background(count: 30)
        let enterprise = november.enterprise("乌拉特后旗起航课外辅导班", code: enterpriseCode, representative: "马林",
                                             address: "乌拉特后旗巴音宝力格镇团结路8号")
        // The application has a new name and representative: nothing ties it to the enterprise yet.
        let application = november.nonprofit("乌拉特后旗起航培训中心", code: nil, representative: "赵敏",
                                              address: "乌拉特后旗巴音宝力格镇新华街2号", registered: "", status: "受理中")
        let first = linker.link(november.records, known: [], nextSequence: 1)
        let enterpriseID = try #require(first.institution(of: enterprise))
        let applicationID = try #require(first.institution(of: application))
        #expect(applicationID != enterpriseID)

        var december = MonthBuilder()
        let registration = december.nonprofit("乌拉特后旗起航培训中心", code: creditCode("52150825MJ009538"), former: enterpriseCode,
                                               representative: "赵敏", address: "乌拉特后旗巴音宝力格镇新华街2号")
        let second = linker.link(december.records, known: first.profiles, nextSequence: first.nextSequence)
        #expect(second.institution(of: registration) == enterpriseID)
        #expect(second.merges.map(\.retired) == [applicationID], "the application's own id is retired, not left as a ghost")
        #expect(second.merges.first?.rule == .nameCounty)
    }

    @Test func aRecordWhoseOnlyIdentifierIsADamagedCodeKeepsItsId() throws {
        var month = MonthBuilder()
        month.background(count: 20)
        // Three companies of one name (a generated world's coincidence); one code has a letter among its digits.
        month.enterprise("巴彦淖尔市德兴人力资源服务有限公司", code: creditCode("91150802MA07RW5R"), representative: "甲", address: "临河区一号")
        month.enterprise("巴彦淖尔市德兴人力资源服务有限公司", code: creditCode("91150802MA01C3K0"), representative: "乙", address: "临河区二号")
        let damaged = month.enterprise("巴彦淖尔市德兴人力资源服务有限公司", code: "91E508023388837792", representative: "丙",
                                       address: "临河区三号")
        let first = linker.link(month.records, known: [], nextSequence: 1)
        let again = linker.link(month.records, known: first.profiles, nextSequence: first.nextSequence)
        #expect(again.institution(of: damaged) == first.institution(of: damaged))
        #expect(again.nextSequence == first.nextSequence, "the same month again mints nothing")
    }

    @Test func aClerksSameDecisionMergesAndRetiresTheNewerId() {
        var month = MonthBuilder()
        month.background(count: 40)
        let enterprise = month.zhiyuanCompany()
        let school = month.zhiyuanSchool(representative: "李华", address: "临河区新华街18号")
        let first = linker.link(month.records, known: [], nextSequence: 1)
        let enterpriseID = first.institution(of: enterprise)!
        let schoolID = first.institution(of: school)!
        #expect(first.reviews.count == 1)

        let decided = linker.link(month.records, known: first.profiles, decisions: [.same(schoolID, enterpriseID)],
                                  nextSequence: first.nextSequence)
        #expect(decided.institution(of: school) == enterpriseID)
        #expect(decided.merges == [Merge(retired: schoolID, survivor: enterpriseID, rule: .reviewDecision,
                                          evidence: "人工决定：\(schoolID) 与 \(enterpriseID) 为同一机构")])
        #expect(decided.reviews.isEmpty)
        #expect(decided.nextSequence == first.nextSequence, "a merge mints nothing")
    }

    @Test func aClerksDifferentDecisionOutlastsLaterEvidence() {
        var month = MonthBuilder()
        month.background(count: 40)
        let enterprise = month.zhiyuanCompany()
        month.zhiyuanSchool(representative: "李华", address: "临河区新华街18号")
        let first = linker.link(month.records, known: [], nextSequence: 1)
        let enterpriseID = first.institution(of: enterprise)!
        let schoolID = InstitutionID(sequence: first.nextSequence - 1)
        #expect(first.reviews.map(\.civil) == [schoolID])

        // Next month the school's representative matches too: alone, that would link them.
        var next = MonthBuilder()
        next.background(count: 40)
        next.zhiyuanCompany()
        let school = next.zhiyuanSchool(representative: "王建国", address: "临河区新华街18号")
        let undecided = linker.link(next.records, known: first.profiles, nextSequence: first.nextSequence)
        #expect(undecided.institution(of: school) == enterpriseID)
        #expect(undecided.merges.map(\.retired) == [schoolID])

        let decided = linker.link(next.records, known: first.profiles, decisions: [.different(schoolID, enterpriseID)],
                                  nextSequence: first.nextSequence)
        #expect(decided.institution(of: school) == schoolID)
        #expect(decided.merges.isEmpty)
        #expect(decided.reviews.isEmpty, "a decided pair is not asked again")
    }
}

/// Profiles share their facts until one is changed (copy on write): a change must never reach
/// another copy, however the profile is held (an array, a dictionary's value, a merge).
@Suite struct InstitutionProfileValueTests {
    @Test func aChangedCopyLeavesTheOriginalAsItWas() {
        var original = InstitutionProfile(id: InstitutionID(sequence: 1))
        original.creditCodes = ["52150802MJ0012345A"]
        var copy = original
        copy.creditCodes.append("91150802MA0Q1234X5")
        copy.hasCivil = true
        copy.id = InstitutionID(sequence: 2)
        #expect(original.creditCodes == ["52150802MJ0012345A"] && !original.hasCivil && original.id == InstitutionID(sequence: 1))
        #expect(copy.creditCodes == ["52150802MJ0012345A", "91150802MA0Q1234X5"] && copy.hasCivil)

        var byID = [original.id: original]
        byID[original.id]!.counties.insert(.linhe)
        #expect(original.counties.isEmpty && byID[original.id]!.counties == [.linhe])
        let merged = original.merged(with: copy)
        #expect(merged.creditCodes.count == 2 && original.creditCodes.count == 1)
        #expect(original != copy && original == byID[original.id].map { var same = $0; same.counties = []; return same })
    }
}

