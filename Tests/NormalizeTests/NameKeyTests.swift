import Testing
import RegistryModel
@testable import Normalize

@Suite("Names: display name and matching keys")
struct NameKeyTests {
    @Test("brand cores", arguments: [
        ("巴彦淖尔市临河区智远教育科技有限公司", "智远教育科技有限公司", "智远"),
        ("临河区智远培训学校", "智远培训学校", "智远"),
        ("五原县博学教育咨询有限公司", "博学教育咨询有限公司", "博学"),
        ("内蒙古自治区巴彦淖尔市临河区智远教育培训学校有限公司", "智远教育培训学校有限公司", "智远"),
        ("内蒙古巴彦淖尔智远文化传播有限公司", "智远文化传播有限公司", "智远"),
        ("智远教育（临河）有限公司", "智远教育有限公司", "智远"),
        ("智远教育(临河)有限公司", "智远教育有限公司", "智远"),
        ("智远教育（巴彦淖尔）有限公司", "智远教育有限公司", "智远"),
        ("临河智远艺术培训中心", "智远艺术培训中心", "智远"),
        ("乌拉特前旗启航文化传媒有限责任公司", "启航文化传媒有限公司", "启航"),
        ("杭锦后旗小天才教育信息咨询有限公司", "小天才教育信息咨询有限公司", "小天才"),
        ("巴彦淖尔经济技术开发区博雅培训学校", "博雅培训学校", "博雅"),
        ("磴口县新文化教育培训中心", "新文化教育培训中心", "新文化"),
        ("临河区博学书法工作室（个体工商户）", "博学书法工作室（个体工商户）", "博学书法"),
        ("巴彦淖尔市临河区ABC英语培训学校", "ABC英语培训学校", "ABC英语"),
        ("智远教育科技有限公司临河区分公司", "智远教育科技有限公司临河区分公司", "智远"),
        ("教育", "教育", "教育"),
        ("临河区", "临河区", "临河区"),
    ])
    func keys(name: String, regionless: String, core: String) throws {
        let keys = try #require(normalizer.nameKeys(name))
        #expect(keys.regionless == regionless)
        #expect(keys.core == core)
    }

    @Test("traditional characters fold in keys, not in the display name", arguments: [
        ("臨河區智遠教育科技有限公司", "临河区智远教育科技有限公司", "智远"),
        ("巴彥淖爾市博學藝術培訓學校", "巴彦淖尔市博学艺术培训学校", "博学"),
        ("五原縣華語書畫培訓中心", "五原县华语书画培训中心", "华语书画"),
    ])
    func traditional(name: String, full: String, core: String) throws {
        let keys = try #require(normalizer.nameKeys(name))
        #expect(keys.full == full)
        #expect(keys.core == core)
        let record = normalizer.normalize(rawRecord([.name: name]))
        #expect(record.name == name)
    }

    @Test("records with the same brand in different forms share the core")
    func sameInstitution() throws {
        let a = normalizer.normalize(rawRecord(.marketRegulation, [.name: "巴彦淖尔市临河区 智远教育科技有限公司"]))
        let b = normalizer.normalize(rawRecord(.civilAffairs, [.name: "临河区智远培训学校"]))
        #expect(a.name == "巴彦淖尔市临河区智远教育科技有限公司")
        #expect(a.nameKeys?.core == b.nameKeys?.core)
        #expect(a.nameKeys?.full != b.nameKeys?.full)
    }
}
