import Foundation
import Linkage
import Normalize
import Classify
import RegistryModel

let normalizer: Normalizer = {
    do { return try Normalizer() } catch { fatalError("Normalize's data files do not load: \(error)") }
}()

let policyStart = Day(iso: "2021-07-24")!

/// Scopes read as the pipeline reads them: by the classifier's rules.
let classifier = try! Classifier()

func makeLinker(groupChunk: Int = 16_384) -> Linker {
    Linker(policyStart: policyStart, teaching: { classifier.teaching($0) }, groupChunk: groupChunk)
}

/// A valid credit code: both check characters computed for the given 16 characters
/// (positions 1-8 and the organisation code's first eight).
func creditCode(_ first16: String) -> String {
    let bytes = Array(first16.utf8)
    precondition(bytes.count == 16)
    let organizationCheck = CreditCodeRules.organizationCheckCharacter(forFirst8: bytes[8..<16])!
    let first17 = bytes + [organizationCheck]
    return String(decoding: first17 + [CreditCodeRules.checkCharacter(forFirst17: first17)!], as: UTF8.self)
}

/// Builds a month's records as the exports would carry them, normalised for real.
struct MonthBuilder {
    private(set) var records: [SourceRecord] = []

    @discardableResult
    mutating func enterprise(
        _ name: String, code: String?, representative: String, address: String,
        scope: String = "中小学生语文、数学、英语课外辅导", established: String = "2018-05-10", status: String = "存续"
    ) -> RecordRef {
        add(.marketRegulation, [
            .name: name, .creditCode: code ?? "", .legalRepresentative: representative, .address: address,
            .scope: scope, .establishedOn: established, .status: status, .organizationType: "有限责任公司(自然人投资或控股)",
        ])
    }

    @discardableResult
    mutating func nonprofit(
        _ name: String, code: String?, former: String? = nil, representative: String, address: String,
        registered: String = "2021-11-20", status: String = "正常",
        scope: String = "义务教育阶段语文、数学、英语培训"
    ) -> RecordRef {
        var values: [Field: String] = [
            .name: name, .creditCode: code ?? "", .legalRepresentative: representative, .address: address,
            .scope: scope, .establishedOn: registered, .status: status, .organizationType: "民办非企业单位",
        ]
        if let former { values[.formerCreditCode] = former }
        return add(.civilAffairs, values)
    }

    /// The for-profit of the running example: 巴彦淖尔市临河区智远教育科技有限公司.
    @discardableResult
    mutating func zhiyuanCompany() -> RecordRef {
        enterprise("巴彦淖尔市临河区智远教育科技有限公司", code: creditCode("91150802MA0N2XKQ"),
                   representative: "王建国", address: "临河区新华街18号")
    }

    /// Its non-profit successor, 临河区智远培训学校, registered without a former code.
    @discardableResult
    mutating func zhiyuanSchool(representative: String, address: String) -> RecordRef {
        nonprofit("临河区智远培训学校", code: creditCode("52150802MJY12345"), representative: representative, address: address)
    }

    /// Ordinary enterprises with distinct brands, so that term frequencies look like a real month.
    mutating func background(count: Int, county: String = "临河区") {
        let brands = ["春雨", "明德", "启航", "博雅", "育才", "新星", "慧心", "童梦", "阳光", "远航", "书香", "弘毅",
                      "卓越", "英才", "思源", "润泽", "致知", "立人", "知行", "博识", "鸿儒", "晨曦", "文华", "优学"]
        let surnames = ["刘", "陈", "杨", "黄", "赵", "吴", "周", "徐", "孙", "马", "朱", "胡", "郭", "何", "高", "林"]
        for index in 0..<count {
            let brand = brands[index % brands.count] + (index >= brands.count ? String(index) : "")
            enterprise(
                "巴彦淖尔市\(county)\(brand)教育咨询有限公司",
                code: creditCode("91150802MA0B\(String(format: "%04d", index))"),
                representative: surnames[index % surnames.count] + "某\(index)",
                address: "\(county)团结路\(index + 100)号")
        }
    }

    /// Enterprises of other trades (building, catering, retail), as a real month's export
    /// mostly holds: their scopes never state training.
    mutating func otherTrades(count: Int, county: String = "临河区") {
        let brands = ["鑫兴", "恒达", "宏源", "金泰", "瑞丰", "华盛", "永安", "隆基", "万和", "东升", "富民", "佳美"]
        let trades = [("建筑工程", "房屋建筑工程施工；市政道路工程"), ("餐饮管理", "餐饮服务；食品销售"),
                      ("商贸", "日用百货、五金交电销售"), ("农牧业科技", "农作物种植；牲畜养殖")]
        let surnames = ["郑", "谢", "韩", "唐", "冯", "于", "董", "萧", "程", "曹", "袁", "邓"]
        for index in 0..<count {
            let brand = brands[index % brands.count] + (index >= brands.count ? String(index) : "")
            let (trade, scope) = trades[index % trades.count]
            enterprise(
                "巴彦淖尔市\(county)\(brand)\(trade)有限公司",
                code: creditCode("91150802MA0D\(String(format: "%04d", index))"),
                representative: surnames[index % surnames.count] + "某\(index)",
                address: "\(county)胜利路\(index + 100)号", scope: scope)
        }
    }

    @discardableResult
    mutating func add(_ kind: SourceKind, _ values: [Field: String]) -> RecordRef {
        let ref = RecordRef(sourceFile: kind == .civilAffairs ? "民政.csv" : "市场监管.csv",
                            ordinal: records.filter { $0.kind == kind }.count + 1)
        records.append(normalizer.normalize(RawRecord(ref: ref, kind: kind, layout: .snapshot, values: FieldValues(values))))
        return ref
    }
}

extension LinkageResult {
    func institution(of ref: RecordRef) -> InstitutionID? { links.first { $0.ref == ref }?.institution }
    func link(of ref: RecordRef) -> RecordLink? { links.first { $0.ref == ref } }
}
