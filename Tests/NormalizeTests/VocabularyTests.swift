import Testing
import RegistryModel
@testable import Normalize

@Suite("Status words, business types, organisation types, capital")
struct VocabularyTests {
    @Test("market regulation statuses", arguments: [
        ("存续", MarketStatus.active),
        ("在业", .active),
        ("存续（在营、开业、在册）", .active),
        ("存续(在营、开业、在册)", .active),
        ("存续 （在营、开业、在册）", .active),
        ("开业", .active),
        ("吊销", .revoked),
        ("吊销，未注销", .revoked),
        ("吊销,未注销", .revoked),
        ("注销", .cancelled),
        ("迁出", .movedOut),
        ("停业", .suspended),
        ("撤销", .annulled),
        ("清算", .liquidating),
    ])
    func market(word: String, status: MarketStatus) {
        let record = normalizer.normalize(rawRecord(.marketRegulation, [.name: "甲", .status: word]))
        #expect(record.status == .market(status))
        #expect(!record.flags.contains(.unknownStatus))
    }

    @Test("civil affairs statuses", arguments: [
        ("正常", CivilStatus.normal),
        ("注销", .cancelled),
        ("撤销", .annulled),
        ("受理中", .applicationAccepted),
        ("审查中", .underReview),
        (" 正常 ", .normal),
    ])
    func civil(word: String, status: CivilStatus) {
        let record = normalizer.normalize(rawRecord(.civilAffairs, [.name: "甲", .status: word]))
        #expect(record.status == .civil(status))
    }

    @Test("unknown or other-registry words are kept and flagged", arguments: [
        (SourceKind.marketRegulation, "正常", "正常"),
        (.civilAffairs, "存续", "存续"),
        (.marketRegulation, "待 核 准", "待核准"),
    ])
    func unknownStatus(kind: SourceKind, word: String, kept: String) {
        let record = normalizer.normalize(rawRecord(kind, [.name: "甲", .status: word]))
        #expect(record.status == .unknown(kept))
        #expect(record.flags.contains(.unknownStatus))
    }

    @Test("business types", arguments: [
        ("成立登记", BusinessType.establishment),
        ("受理", .accepted),
        ("变更登记", .change),
        ("注销登记", .cancellation),
        ("年检", .unknown("年检")),
    ])
    func business(word: String, type: BusinessType) {
        let record = normalizer.normalize(rawRecord(.civilAffairs, layout: .businessList, [.name: "甲", .businessType: word]))
        #expect(record.businessType == type)
        #expect(record.flags.contains(.unknownBusinessType) == (type == .unknown("年检")))
    }

    @Test("organisation types", arguments: [
        ("有限责任公司(自然人投资或控股)", OrganizationForm.enterprise as OrganizationForm?, false, false),
        ("个体工商户", .individualBusiness, false, false),
        ("个体户", .individualBusiness, false, false),
        ("有限责任公司(外商投资、非独资)", .enterprise, true, false),
        ("有限责任公司（台港澳法人独资）", .enterprise, true, false),
        ("有限责任公司(港澳台投资、非独资)", .enterprise, true, false),
        ("中外合资经营企业", .enterprise, true, false),
        ("有限责任公司(外国法人独资)", .enterprise, true, false),
        ("外资企业", .enterprise, true, false),
        ("股份有限公司(上市、自然人投资或控股)", .enterprise, false, true),
        ("股份有限公司（上市、国有控股）", .enterprise, false, true),
        ("股份有限公司(非上市、自然人投资或控股)", .enterprise, false, false),
        ("民办非企业单位", .privateNonEnterprise, false, false),
        ("民办非企业单位（法人）", .privateNonEnterprise, false, false),
        ("社会团体", .socialGroup, false, false),
        ("个人独资企业", .enterprise, false, false),
        ("农民专业合作社", .farmersCooperative, false, false),
        ("其他", nil, false, false),
    ])
    func organization(text: String, form: OrganizationForm?, foreign: Bool, listed: Bool) throws {
        let record = normalizer.normalize(rawRecord([.name: "甲", .organizationType: text]))
        let type = try #require(record.organizationType)
        #expect(type.form == form)
        #expect(type.foreignCapital == foreign)
        #expect(type.listed == listed)
        #expect(record.flags.contains(.unknownOrganizationType) == (form == nil))
    }

    @Test("organisation type text keeps full-width brackets")
    func organizationText() {
        let record = normalizer.normalize(rawRecord([.name: "甲", .organizationType: "有限责任公司 (自然人投资或控股)"]))
        #expect(record.organizationType?.text == "有限责任公司（自然人投资或控股）")
    }

    @Test("capital", arguments: [
        ("100(万)", 100.0 as Double?, nil as String?),
        ("50(万人民币元)", 50.0, nil),
        ("51,300(万)", 51300.0, nil),
        ("10.000000万人民币", 10.0, nil),
        ("３０万元", 30.0, nil),
        ("500万美元", 500.0, "美元"),
        ("30000元", 3.0, nil),
        ("100", nil, nil),
        ("人民币一百万元", nil, nil),
    ])
    func capital(text: String, amount: Double?, currency: String?) throws {
        let reading = try #require(CapitalReader.read(text))
        #expect(reading.tenThousands == amount)
        #expect(reading.currency == currency)
    }
}
