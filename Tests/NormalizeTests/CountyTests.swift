import Testing
import RegistryModel
@testable import Normalize

@Suite("County: code, authority, address, name; precedence and conflicts")
struct CountyTests {
    static let linheCode = "91150802MA0N12340C"

    @Test("one source at a time", arguments: [
        // code only
        (linheCode, nil, nil, nil, County.linhe as County?, CountySource.creditCode as CountySource?),
        ("91150891MA0Q111132", nil, nil, nil, .linhe, .creditCode),          // development zone
        ("9115280111456789X4", nil, nil, nil, .linhe, .creditCode),          // 临河市 before 2003
        ("92150821MA0R3333X1", nil, nil, nil, .wuyuan, .creditCode),
        ("52150800MA0P22225J", nil, nil, nil, nil, nil),                      // city level
        ("52152800MA0N55551D", nil, nil, nil, nil, nil),                      // league, pre-2003
        ("91110000600037341L", nil, nil, nil, nil, nil),                      // outside Bayannur
        // authority only
        (nil, "临河区市场监督管理局", nil, nil, .linhe, .authority),
        (nil, "巴彦淖尔市市场监督管理局临河分局", nil, nil, .linhe, .authority),
        (nil, "五原县民政局", nil, nil, .wuyuan, .authority),
        (nil, "乌拉特前旗市场监督管理局", nil, nil, .uratFront, .authority),
        (nil, "杭锦后旗民政局", nil, nil, .hangginRear, .authority),
        (nil, "巴彦淖尔经济技术开发区市场监督管理局", nil, nil, .linhe, .authority),
        (nil, "巴彦淖尔市民政局", nil, nil, nil, nil),
        (nil, "巴彦淖尔盟工商行政管理局", nil, nil, nil, nil),
        // address only
        (nil, nil, "内蒙古自治区巴彦淖尔市临河区新华西街12号", nil, .linhe, .address),
        (nil, nil, "巴彦淖尔市磴口县巴彦高勒镇", nil, .dengkou, .address),
        (nil, nil, "乌拉特中旗海流图镇", nil, .uratMiddle, .address),
        (nil, nil, "巴彦淖尔市五原路18号", nil, nil, nil),                      // a street, not 五原县
        (nil, nil, "临河区五原路18号", nil, .linhe, .address),
        (nil, nil, "五原县隆兴昌镇临河区驻五原办事处", nil, .wuyuan, .address),   // the county named first
        (nil, nil, "巴彦淖尔经济技术开发区创业路8号", nil, .linhe, .address),      // the longest term where it starts
        // name only
        (nil, nil, nil, "巴彦淖尔市临河区智远教育科技有限公司", .linhe, .name),
        (nil, nil, nil, "智远教育（临河）有限公司", .linhe, .name),
        (nil, nil, nil, "智远教育(临河)有限公司", .linhe, .name),
        (nil, nil, nil, "智远教育（五原）有限公司", .wuyuan, .name),
        (nil, nil, nil, "临河智远培训学校", .linhe, .name),
        (nil, nil, nil, "乌拉特后旗博学培训学校", .uratRear, .name),
        (nil, nil, nil, "智远教育科技有限公司", nil, nil),
    ] as [(String?, String?, String?, String?, County?, CountySource?)])
    func single(code: String?, authority: String?, address: String?, name: String?, county: County?, source: CountySource?) {
        let resolution = normalizer.resolveCounty(
            code: code.flatMap(CreditCodeReader.read), authority: authority.flatMap(TextFolding.fold),
            address: address.flatMap(TextFolding.fold), name: name)
        #expect(resolution.county == county)
        #expect(resolution.source == source)
        #expect(!resolution.conflict)
    }

    @Test("city-level code falls back to the address")
    func cityLevelFallsBack() {
        let resolution = normalizer.resolveCounty(
            code: CreditCodeReader.read("52150800MA0P22225J"), authority: "巴彦淖尔市民政局",
            address: "巴彦淖尔市杭锦后旗陕坝镇", name: "巴彦淖尔市博学培训学校")
        #expect(resolution.county == .hangginRear)
        #expect(resolution.source == .address)
        #expect(!resolution.conflict)
        #expect(resolution.evidence == [
            CountyEvidence(source: .creditCode, finding: .cityLevel),
            CountyEvidence(source: .authority, finding: .cityLevel),
            CountyEvidence(source: .address, finding: .county(.hangginRear)),
            CountyEvidence(source: .name, finding: .cityLevel),
        ])
    }

    @Test("precedence: code, authority, address, name; disagreement flagged", arguments: [
        (linheCode, "五原县市场监督管理局", nil, nil, County.linhe, CountySource.creditCode, true),
        (nil, "五原县市场监督管理局", "临河区胜利路", nil, .wuyuan, .authority, true),
        (nil, nil, "临河区胜利路", "五原县博学教育咨询有限公司", .linhe, .address, true),
        (linheCode, "临河区市场监督管理局", "临河区胜利路", "智远教育（临河）有限公司", .linhe, .creditCode, false),
        ("91150891MA0Q111132", "临河区市场监督管理局", nil, nil, .linhe, .creditCode, false),
        ("52150800MA0P22225J", nil, "五原县隆兴昌镇", "智远（临河）培训学校", .wuyuan, .address, true),
    ] as [(String?, String?, String?, String?, County, CountySource, Bool)])
    func precedence(code: String?, authority: String?, address: String?, name: String?, county: County, source: CountySource, conflict: Bool) {
        let resolution = normalizer.resolveCounty(
            code: code.flatMap(CreditCodeReader.read), authority: authority, address: address, name: name)
        #expect(resolution.county == county)
        #expect(resolution.source == source)
        #expect(resolution.conflict == conflict)
    }
}
