import Foundation
import Testing
import RegistryModel
@testable import Normalize

@Suite("Normalizer: whole records, flags, data override, rereg code output")
struct NormalizerTests {
    @Test("a market-regulation record, every field")
    func marketRecord() throws {
        let raw = rawRecord(.marketRegulation, [
            .name: "巴彦淖尔市临河区 智远教育科技有限公司",
            .creditCode: "\u{FEFF}91150802ma0n12340c",
            .organizationType: "有限责任公司(自然人投资或控股)",
            .legalRepresentative: " 巴特尔・其其格 ",
            .legalRepresentativeID: "15080219800101123X",
            .phone: "13800000000 ",
            .establishedOn: "２０１８年３月５日",
            .scope: "教育信息咨询；  文化艺术交流活动（不含培训）",
            .status: "存续（在营、开业、在册）",
            .authority: "临河区市场监督管理局",
            .address: "内蒙古自治区巴彦淖尔市临河区 新华西街 12 号",
            .capital: "100(万)",
            .registrationNumber: " 150802 000012345 ",
        ])
        let r = normalizer.normalize(raw)
        #expect(r.ref == raw.ref)
        #expect(r.name == "巴彦淖尔市临河区智远教育科技有限公司")
        #expect(r.nameKeys == NameKeys(full: "巴彦淖尔市临河区智远教育科技有限公司", regionless: "智远教育科技有限公司", core: "智远"))
        #expect(r.creditCode?.code == "91150802MA0N12340C")
        #expect(r.creditCode?.isValid == true)
        #expect(r.organizationType == OrganizationTypeFacts(text: "有限责任公司（自然人投资或控股）", form: .enterprise, foreignCapital: false, listed: false))
        #expect(r.legalRepresentative == "巴特尔·其其格")
        #expect(r.exportedStatus == "存续（在营、开业、在册）", "the word as exported, for the tracked sighting")
        #expect(r.establishedOn == .day(day("2018-03-05")))
        #expect(r.scope == "教育信息咨询; 文化艺术交流活动(不含培训)")
        #expect(r.status == .market(.active))
        #expect(r.county.evidence.contains(CountyEvidence(source: .authority, finding: .county(.linhe))))
        #expect(r.address == "内蒙古自治区巴彦淖尔市临河区 新华西街 12 号")
        #expect(r.capital == CapitalReading(tenThousands: 100, currency: nil))
        #expect(r.registrationNumber == "150802000012345")
        #expect(r.county.county == .linhe)
        #expect(r.county.source == .creditCode)
        #expect(r.flags == [])
        #expect(!r.isPrivateNonEnterprise)
    }

    @Test("a civil-affairs business-list record with its former code")
    func civilRecord() {
        let r = normalizer.normalize(rawRecord(.civilAffairs, layout: .businessList, [
            .name: "临河区智远培训学校",
            .creditCode: "52150802MA0R56785B",
            .formerCreditCode: "91150802MA0N12340C",
            .organizationType: "民办非企业单位",
            .businessType: "成立登记",
            .completedOn: "44561",
            .establishedOn: "2021/12/31",
            .status: "正常",
            .authority: "巴彦淖尔市民政局",
            .supervisor: "临河区教育局",
            .certificateNumber: "52150802ma0r56785b",
        ]))
        #expect(r.formerCreditCode?.code == "91150802MA0N12340C")
        #expect(r.formerCreditCode?.category == .enterprise)
        #expect(r.completedOn == .day(day("2021-12-31")))
        #expect(r.establishedOn?.day == day("2021-12-31"))
        #expect(r.businessType == .establishment)
        #expect(r.status == .civil(.normal))
        #expect(r.isPrivateNonEnterprise)
        #expect(r.supervisor == "临河区教育局")
        #expect(r.certificateNumber == "52150802MA0R56785B")
        #expect(r.county.county == .linhe)
        #expect(r.flags == [])
    }

    @Test("flags: bad codes, dates, words, county", arguments: [
        ([Field.creditCode: "9.11508E+17"], [SourceFlag.invalidCreditCode, .excelMangledCode]),
        ([.creditCode: "91110000600037341M"], [.invalidCreditCode]),
        ([.formerCreditCode: "91110000600037341N"], [.invalidFormerCreditCode]),
        ([.establishedOn: "2021-02-30"], [.impossibleDate]),
        ([.completedOn: "下周"], [.unreadableDate]),
        ([.status: "歇业"], [.unknownStatus]),
        ([.organizationType: "其他"], [.unknownOrganizationType]),
        ([.creditCode: "91150802MA0N12340C", .address: "五原县隆兴昌镇"], [.countyConflict]),
        ([.creditCode: "9.11508E+17", .establishedOn: "2021-02-30", .status: "歇业"],
         [.invalidCreditCode, .excelMangledCode, .impossibleDate, .unknownStatus]),
        ([.creditCode: "N/A", .establishedOn: "无", .status: "-"], []),
    ] as [([Field: String], [SourceFlag])])
    func flags(values: [Field: String], flags: [SourceFlag]) {
        var pairs = values
        pairs[.name] = "甲"
        let r = normalizer.normalize(rawRecord(.marketRegulation, pairs))
        #expect(r.flags == flags)
    }

    @Test("an Excel-mangled code stays on the record, cleaned, not repaired")
    func mangledStays() {
        let r = normalizer.normalize(rawRecord([.name: "甲", .creditCode: " 9.11508E+17 "]))
        #expect(r.creditCode?.code == "9.11508E+17")
        #expect(r.creditCode?.original == " 9.11508E+17 ")
        #expect(r.creditCode?.problems == [.excelScientificNotation])
    }

    @Test("a sole trader's or a school's way of calling itself is not its brand", arguments: [
        ("杭锦后旗慧桃作业辅导室", "慧桃"), ("乌拉特后旗弘梅学作业辅导室", "弘梅学"), ("杭锦后旗久丰欣宁学习中心", "久丰欣宁"),
        ("临河区小橙子托管班", "小橙子"), ("巴彦淖尔市慧桃培训学校", "慧桃"),
    ])
    func soleTraderCores(name: String, core: String) {
        #expect(normalizer.nameKeys(name)?.core == core)
    }

    @Test("a deployment folder overrides one data file; the others stay bundled")
    func dataOverride() throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        try "# local\n有限公司\n教育科技\n".write(
            to: folder.appendingPathComponent("name-suffixes.txt"), atomically: true, encoding: .utf8)
        let local = try Normalizer(dataDirectory: folder)
        #expect(local.nameKeys("临河区智远培训学校")?.core == "智远培训学校")
        #expect(local.nameKeys("临河区智远教育科技有限公司")?.core == "智远")
        #expect(local.normalize(rawRecord([.name: "甲", .status: "存续"])).status == .market(.active))
    }

    @Test("a bad data line stops the build of the normaliser with its line number")
    func badDataLine() throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        try "market_regulation\t存续\talive\n".write(
            to: folder.appendingPathComponent("status-words.tsv"), atomically: true, encoding: .utf8)
        #expect(throws: NormalizeError.badDataLine(
            file: "status-words.tsv", line: 1, text: "market_regulation\t存续\talive",
            expected: "market_regulation|civil_affairs<TAB>词<TAB>状态")) {
            try Normalizer(dataDirectory: folder)
        }
    }
}

@Suite("rereg code: explanations for clerks")
struct CodeExplanationTests {
    @Test("JSON lines", arguments: [
        ("91110000600037341L",
         #"{"input":"91110000600037341L","code":"91110000600037341L","valid":true,"problems":[],"explanations":[],"cleanups":[],"authority":"9","authority_name":"工商（市场监管）","category":"91","category_name":"企业","division":"110000","division_name":"北京市（巴彦淖尔市以外）","county_code":null,"county_name":null}"#),
        ("52150802ma0r56785b",
         #"{"input":"52150802ma0r56785b","code":"52150802MA0R56785B","valid":true,"problems":[],"explanations":[],"cleanups":["upper_cased"],"authority":"5","authority_name":"民政","category":"52","category_name":"民办非企业单位","division":"150802","division_name":"临河区","county_code":"150802","county_name":"临河区"}"#),
        ("91150891MA0Q111132",
         #"{"input":"91150891MA0Q111132","code":"91150891MA0Q111132","valid":true,"problems":[],"explanations":[],"cleanups":[],"authority":"9","authority_name":"工商（市场监管）","category":"91","category_name":"企业","division":"150891","division_name":"巴彦淖尔经济技术开发区（计入临河区）","county_code":"150802","county_name":"临河区"}"#),
        ("9.11508E+17",
         #"{"input":"9.11508E+17","code":"9.11508E+17","valid":false,"problems":["excel_scientific_notation"],"explanations":["代码被 Excel 转成了科学计数法（如 9.11508E+17），第 7 位以后的字符已丢失，无法从文件恢复，请向导出单位索取原始代码"],"cleanups":[]}"#),
        ("91110000600037341N",
         #"{"input":"91110000600037341N","code":"91110000600037341N","valid":false,"problems":["check_character_mismatch"],"explanations":["第 18 位校验码应为 L，实际为 N（GB 32100）"],"cleanups":[],"authority":"9","authority_name":"工商（市场监管）","category":"91","category_name":"企业","division":"110000","division_name":"北京市（巴彦淖尔市以外）","county_code":null,"county_name":null}"#),
        ("无",
         #"{"input":"无","code":null,"valid":false,"problems":[],"explanations":[],"cleanups":[]}"#),
        ("say \"hi\"",
         #"{"input":"say \"hi\"","code":"SAY\"HI\"","valid":false,"problems":["wrong_length","invalid_characters"],"explanations":["长度应为 18 位，实际 7 位","含有代码字符集以外的字符：S\"I（代码不使用 I、O、S、V、Z）"],"cleanups":["removed_spaces","upper_cased"]}"#),
    ])
    func json(input: String, line: String) {
        #expect(CreditCodeExplanation(input: input).jsonLine == line)
    }

    @Test("text for a clerk")
    func text() {
        #expect(CreditCodeExplanation(input: "52150800MA0P22225J").text == """
            输入：52150800MA0P22225J
              代码：52150800MA0P22225J
              结果：有效（两个校验码均正确）
              登记管理部门（第 1 位）：5 民政
              机构类别（第 1-2 位）：52 民办非企业单位
              登记管理机关行政区划（第 3-8 位）：150800 巴彦淖尔市
              组织机构代码（第 9-17 位）：MA0P22225
            """)
        #expect(CreditCodeExplanation(input: "9115280111456789X4").text.contains("152801 临河市（2003 年前的代码，今临河区），旗县区：150802 临河区"))
    }
}
