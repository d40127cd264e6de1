import Foundation
import Testing
@testable import Linkage
import RegistryModel

/// Step 4's weights: term frequencies within the compared enterprise's trade, premises by how
/// many enterprises share them, one predecessor at most, and sister companies left to a person.
@Suite struct SuccessorEvidenceTests {
    let linker = makeLinker()

    /// A month like the exports: mostly training enterprises, a quarter of other trades.
    func mixedMonth() -> MonthBuilder {
        var month = MonthBuilder()
        month.background(count: 300)
        month.otherTrades(count: 100)
        return month
    }

    @Test func aSisterCompanyAloneGoesToReviewHoweverManyFieldsAgree() throws {
        var month = mixedMonth()
        // Same owner, premises and brand as the school, but another trade; the school's own
        // predecessor is not in this export.
        let media = month.enterprise("巴彦淖尔市临河区智远文化传媒有限公司", code: creditCode("91150802MA0C0003"),
                                     representative: "王建国", address: "临河区新华街18号",
                                     scope: "广告设计、制作、代理、发布；文艺演出策划")
        let school = month.zhiyuanSchool(representative: "王建国", address: "临河区新华街18号")
        let result = linker.link(month.records, known: [], nextSequence: 1)
        #expect(result.institution(of: school) != result.institution(of: media))
        let review = try #require(result.reviews.first)
        #expect(review.civil == result.institution(of: school))
        #expect(review.enterprise == result.institution(of: media))
        #expect(review.evidence.contains("企业经营范围不含培训"))
    }

    @Test func aRenamedSchoolAtItsSisterCompanysPremisesJoinsTheTrainingPredecessor() throws {
        var month = mixedMonth()
        let education = month.zhiyuanCompany()
        let media = month.enterprise("巴彦淖尔市临河区智远文化传媒有限公司", code: creditCode("91150802MA0C0003"),
                                     representative: "王建国", address: "临河区新华街18号",
                                     scope: "广告设计、制作、代理、发布；文艺演出策划")
        // A new name: only the representative and the premises tie it to the two companies.
        let school = month.nonprofit("临河区启明星培训学校", code: creditCode("52150802MJY12345"),
                                     representative: "王建国", address: "临河区新华街18号")
        let result = linker.link(month.records, known: [], nextSequence: 1)
        #expect(result.institution(of: school) == result.institution(of: education))
        #expect(result.institution(of: media) != result.institution(of: education))
        let link = try #require(result.link(of: school))
        #expect(link.rule == .fuzzy)
        #expect(link.score >= SuccessorMatcher.linkProbability)
    }

    @Test func aCountyOneSourceNamesIsNoDisagreementWhenTheRecordsSourcesConflict() throws {
        var month = mixedMonth()
        // Registered under a 临河区 code, but its name and premises are in 五原县.
        let enterprise = month.enterprise("巴彦淖尔市五原县思星培训学校有限公司", code: creditCode("91150802MA0YM8D4"),
                                          representative: "蒋涵雪", address: "巴彦淖尔市五原县隆兴昌镇人民路新天地商城1层230室")
        let school = month.nonprofit("五原县思星学科培训学校", code: creditCode("52150821MJ437512"), representative: "贾凯",
                                     address: "巴彦淖尔市五原县隆兴昌镇人民路新天地商城1层230室")
        let enterpriseRecord = try #require(month.records.first { $0.ref == enterprise })
        #expect(enterpriseRecord.county.conflict)
        let result = linker.link(month.records, known: [], nextSequence: 1)
        #expect(result.institution(of: school) == result.institution(of: enterprise))
        let link = try #require(result.link(of: school))
        #expect(link.evidence.contains("同属五原县（另一来源）"))
        #expect(!link.evidence.contains("旗县区不同"))
    }

    @Test func anAddressThatNamesOnlyTheRegionIsNoSharedPremises() {
        var month = mixedMonth()
        let enterprise = month.enterprise("巴彦淖尔市临河区智远教育科技有限公司", code: creditCode("91150802MA0N2XKQ"),
                                          representative: "王建国", address: "巴彦淖尔市临河区")
        let school = month.zhiyuanSchool(representative: "李华", address: "内蒙古自治区巴彦淖尔市临河区")
        let result = linker.link(month.records, known: [], nextSequence: 1)
        #expect(result.institution(of: school) != result.institution(of: enterprise))
        #expect(!result.links.contains { $0.evidence.contains("住所一致") })
        #expect(result.reviews.allSatisfy { !$0.evidence.contains("住所一致") })
    }

    @Test func premisesManyEnterprisesRegisterAtWeighLessThanUniquePremises() throws {
        var month = mixedMonth()
        // Thirty companies registered at one business centre.
        for index in 0..<30 {
            month.enterprise("巴彦淖尔市临河区众创\(index)商贸有限公司", code: creditCode("91150802MA0E\(String(format: "%04d", index))"),
                             representative: "钱某\(index)", address: "临河区胜利路创业大厦1号")
        }
        let busy = month.enterprise("巴彦淖尔市临河区智远教育科技有限公司", code: creditCode("91150802MA0N2XKQ"),
                                    representative: "王建国", address: "临河区胜利路创业大厦1号")
        let quiet = month.enterprise("巴彦淖尔市临河区明远教育科技有限公司", code: creditCode("91150802MA0N2XKR"),
                                     representative: "赵刚", address: "临河区新华街18号")
        let result = linker.link(month.records, known: [], nextSequence: 1)
        let profiles = Dictionary(uniqueKeysWithValues: result.profiles.map { ($0.id, $0) })
        let enterprises = result.profiles.filter { $0.hasEnterprise && !$0.hasCivil }
        let scorer = SuccessorScorer(enterprises: enterprises)
        var civil = InstitutionProfile(id: InstitutionID(rawValue: "new:civil"))
        civil.addresses = ["胜利路创业大厦1号", "新华街18号"]
        civil.hasCivil = true
        func addressBits(_ ref: RecordRef) throws -> Double {
            let id = try #require(result.institution(of: ref))
            let enterprise = try #require(profiles[id])
            let evidence = scorer.score(civil: civil, enterprise: enterprise)
            return try #require(evidence.weights.first { $0.label == "住所一致" }).bits
        }
        #expect(try addressBits(quiet) - addressBits(busy) >= log2(31) - 0.01)
    }

    @Test func aCandidateIsOnlyAsLikelyAsItsRivalsLeaveRoomFor() throws {
        var month = mixedMonth()
        let education = month.zhiyuanCompany()
        let result = linker.link(month.records, known: [], nextSequence: 1)
        var school = InstitutionProfile(id: InstitutionID(rawValue: "new:school"))
        school.cores = ["智远"]
        school.legalRepresentatives = ["王建国"]
        school.addresses = ["新华街18号"]
        school.counties = [.linhe]
        school.hasCivil = true
        let educationID = try #require(result.institution(of: education))
        let alone = try #require(SuccessorCandidates(enterprises: result.profiles.filter(\.hasEnterprise))
            .weighed(school, different: []).first)
        #expect(alone.enterprise == educationID)
        // Alone, it takes the odds the other candidates would have had: more than its own evidence says.
        #expect(alone.evidence.bits > alone.evidence.pairBits)

        // A second company of the same owner, brand and premises that also trains: either may be it.
        var twin = mixedMonth()
        twin.zhiyuanCompany()
        twin.enterprise("巴彦淖尔市临河区智远培训学校有限公司", code: creditCode("91150802MA0C0004"),
                        representative: "王建国", address: "临河区新华街18号")
        let twins = linker.link(twin.records, known: [], nextSequence: 1)
        let contested = try #require(SuccessorCandidates(enterprises: twins.profiles.filter(\.hasEnterprise))
            .weighed(school, different: []).first)
        #expect(contested.evidence.bits < contested.evidence.pairBits)
        #expect(contested.evidence.probability < 0.6)
    }

    @Test func theDiagnosisNamesARivalWithTheSameVerdictsAsIndistinguishable() throws {
        var month = mixedMonth()
        let education = month.zhiyuanCompany()
        // Same brand and county, another owner and premises: against a school that shares only
        // the brand and county with both, nothing tells the two apart.
        let namesake = month.enterprise("巴彦淖尔市临河区智远培训学校有限公司", code: creditCode("91150802MA0C0004"),
                                        representative: "孙丽", address: "临河区胜利路9号")
        let result = linker.link(month.records, known: [], nextSequence: 1)
        let profiles = Dictionary(uniqueKeysWithValues: result.profiles.map { ($0.id, $0) })
        let diagnosis = SuccessorDiagnosis(enterprises: result.profiles.filter { $0.hasEnterprise && !$0.hasCivil })
        var school = InstitutionProfile(id: InstitutionID(rawValue: "new:school"))
        school.cores = ["智远"]
        school.counties = [.linhe]
        school.legalRepresentatives = ["周敏"]
        school.hasCivil = true
        let educationID = try #require(result.institution(of: education))
        let educationProfile = try #require(profiles[educationID])
        let namesakeID = try #require(result.institution(of: namesake))
        let rivals = diagnosis.rivalsAtLeastAsStrong(civil: school, enterprise: educationProfile)
        #expect(rivals.count == 1)
        #expect(rivals.first?.enterprise == namesakeID)
        #expect(rivals.first?.samePattern == true)

        // The founder's name on the school sets its true predecessor apart.
        school.legalRepresentatives = ["王建国"]
        #expect(diagnosis.rivalsAtLeastAsStrong(civil: school, enterprise: educationProfile).isEmpty)
    }
}

@Suite struct MistypedFormerCodeTests {
    let linker = makeLinker()

    @Test func aFormerCodeOneTypoFromAnEnterprisesCodeNamesItOverABrandAndAPerson() throws {
        var month = MonthBuilder()
        month.background(count: 300)
        month.otherTrades(count: 100)
        let predecessorCode = creditCode("91150802MA0QG3Y4")
        let predecessor = month.enterprise("巴彦淖尔市慧峰培训学校（临河）有限公司", code: predecessorCode, representative: "孙宇",
                                           address: "临河区光明路锦绣家园14号楼4单元202")
        let namesake = month.enterprise("巴彦淖尔市志阳教育咨询有限公司", code: creditCode("91150891MA03PAEC"), representative: "敖登",
                                        address: "临河区创业路商业综合楼6号楼2单元604")
        // The application renamed the school and changed its representative; its former code has
        // its last character mistyped, so it fails the check and names no enterprise exactly.
        let last = predecessorCode.last!
        let mistyped = String(predecessorCode.dropLast()) + (last == "4" ? "5" : "4")
        #expect(!CreditCodeRules.isValid(mistyped))
        let application = month.nonprofit("临河区志阳书院", code: nil, former: mistyped, representative: "敖登",
                                          address: "临河区新华西街131号", registered: "", status: "受理中")
        let result = linker.link(month.records, known: [], nextSequence: 1)
        #expect(result.institution(of: application) == result.institution(of: predecessor))
        #expect(result.institution(of: application) != result.institution(of: namesake))
        let link = try #require(result.link(of: application))
        #expect(link.evidence.contains("原统一社会信用代码仅差一位"))
    }

    @Test func aFormerCodeOneTypoFromAnEnterprisesMistypedCodeIsNoOtherEnterprise() throws {
        var month = MonthBuilder()
        month.background(count: 300)
        month.otherTrades(count: 100)
        let rightCode = creditCode("91150823MA09L8WN")
        // This month's enterprise export mistypes one character of its own code.
        let index = rightCode.index(rightCode.startIndex, offsetBy: 12)
        let mistyped = String(rightCode[..<index]) + (rightCode[index] == "0" ? "1" : "0") + String(rightCode[rightCode.index(after: index)...])
        #expect(!CreditCodeRules.isValid(mistyped))
        let enterprise = month.enterprise("乌拉特前旗华杰文化艺术培训有限公司", code: mistyped, representative: "阎晨杰",
                                          address: "巴彦淖尔市乌拉特前旗乌拉山镇西山嘴路221号")
        let application = month.nonprofit("巴彦淖尔市乌拉特前旗华杰培训中心", code: nil, former: rightCode, representative: "周涛",
                                          address: "巴彦淖尔市乌拉特前旗乌拉山镇西山嘴路221号", registered: "", status: "受理中")
        let result = linker.link(month.records, known: [], nextSequence: 1)
        #expect(result.institution(of: application) == result.institution(of: enterprise))
        let link = try #require(result.link(of: application))
        #expect(link.evidence.contains("原统一社会信用代码仅差一位"))
    }

    @Test(arguments: [
        ("91150802MA0QG3Y45M", "91150802MA0QG3Y454", true),  // one substitution
        ("91150802MA0QG3Y45M", "91150802MA0QG3Y4M5", true),  // neighbours swapped
        ("91150802MA0QG3Y45M", "91150802MA0QG3Y544", false), // two substitutions
        ("91150802MA0QG3Y45M", "91150802AM0QG3Y45M", true),
        ("91150802MA0QG3Y45M", "91150802MA0QG3Y45M1", false),
    ])
    func oneTypoApart(_ a: String, _ b: String, _ expected: Bool) {
        #expect(SuccessorScorer.oneTypoApart(a, b) == expected)
        #expect(SuccessorScorer.oneTypoVariants(a).contains(b) == expected)
    }

    @Test func aCodeIsNotOneTypoFromItselfNorThreeAway() {
        #expect(!SuccessorScorer.oneTypoApart("91150802MA0QG3Y45M", "91150802MA0QG3Y45M"))
        #expect(!SuccessorScorer.oneTypoApart("91150802MA0QG3Y45M", "91150802MA0QG3YABC"))
        #expect(!SuccessorScorer.oneTypoApart("91150802MA0QG3Y45M", "91150802MA0QG3Y5M4"))
    }

    /// Dice over character bigrams, a repeated bigram counted as often as both texts have it.
    @Test(arguments: [
        ("临河区朔方路146号", "临河区朔方路146号", 1.0),
        ("临河区朔方路146号", "临河区朔方路148号", 14.0 / 18.0),
        ("哈哈哈哈", "哈哈", 0.5),              // three 哈哈 against one
        ("学", "学", 1.0),                      // a single character is its own bigram
        ("学", "学校", 0.0),
        ("", "学校", 0.0),
    ])
    func bigramDice(_ a: String, _ b: String, _ expected: Double) {
        #expect(abs(SuccessorScorer.bigramDice(a, b) - expected) < 1e-12)
        #expect(abs(SuccessorScorer.bigramDice(b, a) - expected) < 1e-12)
    }
}

@Suite struct AddressKeyTests {
    @Test(arguments: [
        ("ᠪᠠᠶᠠᠨᠨᠠᠭᠤᠷ ᠬᠣᠲᠠ 内蒙古自治区巴彦淖尔市临河区朔方路146号", "临河区朔方路146号"),
        ("ᠪᠠᠶᠠᠨᠨᠠᠭᠤᠷ ᠬᠣᠲᠠ 杭锦后旗陕坝镇建设街金川小区3号楼2单元104", "巴彦淖尔市杭锦后旗陕坝镇建设街金川小区3号楼2单元104"),
    ])
    func aBilingualAddressIsTheSamePremisesAsItsChinese(_ bilingual: String, _ chinese: String) {
        #expect(AddressKey.make(bilingual) == AddressKey.make(chinese))
    }

    @Test func theMongolianCityNameDoesNotMakeTwoPremisesLookNear() {
        let a = AddressKey.make("ᠪᠠᠶᠠᠨᠨᠠᠭᠤᠷ ᠬᠣᠲᠠ 内蒙古自治区巴彦淖尔市临河区朔方路146号")
        let b = AddressKey.make("ᠪᠠᠶᠠᠨᠨᠠᠭᠤᠷ ᠬᠣᠲᠠ 内蒙古自治区巴彦淖尔市临河区利民街311号10号商铺")
        #expect(SuccessorScorer.bigramDice(a, b) < 0.6)
    }
}
