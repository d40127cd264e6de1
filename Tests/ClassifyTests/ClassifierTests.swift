import Foundation
import Testing
import Normalize
@testable import RegistryModel
@testable import Classify

/// Shared, built once: the real normaliser and the shipped rules.
enum Fixture {
    static let normalizer = try! Normalizer()
    static let classifier = try! Classifier()
    static let policyStart = Day(year: 2021, month: 7, day: 24)!

    static func enterprise(
        _ name: String, _ scope: String, type: String = "有限责任公司(自然人独资)", status: String = "存续",
        established: String = "2016-05-12", ordinal: Int = 1, file: String = "market.csv"
    ) -> SourceRecord {
        normalizer.normalize(RawRecord(
            ref: RecordRef(sourceFile: file, ordinal: ordinal), kind: .marketRegulation, layout: .snapshot,
            values: FieldValues([.name: name, .scope: scope, .organizationType: type, .status: status,
                                 .establishedOn: established])))
    }

    static func nonprofit(
        _ name: String, _ scope: String, type: String = "民办非企业单位", status: String = "正常",
        established: String = "2021-11-02", supervisor: String = "临河区教育局", former: String? = nil, ordinal: Int = 1
    ) -> SourceRecord {
        var values: [Field: String] = [.name: name, .scope: scope, .organizationType: type, .status: status,
                                       .establishedOn: established, .supervisor: supervisor]
        values[.formerCreditCode] = former
        return normalizer.normalize(RawRecord(
            ref: RecordRef(sourceFile: "civil.csv", ordinal: ordinal), kind: .civilAffairs, layout: .snapshot,
            values: FieldValues(values)))
    }

    static func classify(_ records: [SourceRecord]) -> Classification {
        classifier.classify(records, policyStart: policyStart)
    }
}

struct Case: CustomTestStringConvertible, Sendable {
    let label: String
    let name: String
    let scope: String
    let category: RegistryModel.Category
    let department: Department?
    let flags: Set<InstitutionFlag>
    let stages: Set<Stage>?
    var type: String = "有限责任公司(自然人独资)"

    init(_ label: String, _ name: String, _ scope: String, _ category: RegistryModel.Category, _ department: Department?,
         flags: Set<InstitutionFlag> = [], stages: Set<Stage>? = nil, type: String = "有限责任公司(自然人独资)") {
        self.label = label; self.name = name; self.scope = scope; self.category = category
        self.department = department; self.flags = flags; self.stages = stages; self.type = type
    }
    var testDescription: String { label }
}

@Suite("Classify: categories, departments and stages")
struct CategoryTests {
    static let clear: [Case] = [
        Case("open subject training", "巴彦淖尔市临河区智远教育科技有限公司", "中小学生语文、数学、英语课外辅导；教育信息咨询",
             .subject, .education, stages: [.compulsory]),
        Case("subject list in brackets", "五原县博学教育咨询有限公司", "义务教育阶段学科类培训（语文、数学、英语、物理、化学）",
             .subject, .education, stages: [.compulsory]),
        Case("high school", "临河区启航文化教育有限公司", "高中语文、数学、英语、物理、化学辅导；高考复读辅导",
             .subject, .education, stages: [.highSchool]),
        Case("middle and high school", "磴口县明德教育科技有限公司", "初中、高中全科辅导；中考、高考备考辅导",
             .subject, .education, stages: [.compulsory, .highSchool]),
        Case("作文 and 奥数 alone", "杭锦后旗文心培训学校有限公司", "作文培训、奥数培训",
             .subject, .education),
        Case("preschool subject (banned)", "乌拉特前旗小树苗幼儿教育咨询有限公司", "幼小衔接；拼音、识字培训；数学思维培训",
             .subject, .education, flags: [.preschoolSubject], stages: [.preschool]),
        Case("mixed", "临河区新星教育科技有限公司", "中小学生语文、数学辅导；少儿美术、舞蹈培训",
             .mixed, .education, stages: [.compulsory]),
        Case("mixed with science", "五原县睿智教育科技有限公司", "初中数学、物理辅导；机器人编程培训",
             .mixed, .education, stages: [.compulsory]),
        Case("arts with a subject exclusion", "临河区彩虹艺术培训有限公司", "少儿美术培训；书法培训；舞蹈培训（不含\"学科类\"培训）",
             .nonSubject, .cultureTourism),
        Case("arts excluding named subjects", "临河区墨香书画培训有限公司", "美术、书法培训（不含语文、数学、英语等学科类培训）",
             .nonSubject, .cultureTourism),
        Case("music with instruments", "五原县和声音乐文化有限公司", "音乐培训（钢琴、古筝、声乐）；艺术考级辅导",
             .nonSubject, .cultureTourism),
        Case("sports with a bracket exclusion", "临河区飞翔体育文化发展有限公司", "篮球、足球培训；体育赛事策划（不含高危险性体育项目）",
             .nonSubject, .sports),
        Case("chess is sports", "磴口县黑白围棋俱乐部", "少儿围棋、象棋培训", .nonSubject, .sports,
             type: "个体工商户"),
        Case("vocational", "巴彦淖尔市技能职业技能培训学校有限公司", "职业技能培训（电工、焊工、育婴员）；职业技能鉴定咨询",
             .nonSubject, .humanResources),
        Case("vocational: 家政服务员 training is not a disguise", "临河区巧手职业培训有限公司", "家政服务员、养老护理员职业技能培训",
             .nonSubject, .humanResources),
        Case("science", "临河区未来机器人教育科技有限公司", "机器人编程培训；青少年科技创新活动组织；教育软件开发",
             .nonSubject, .scienceTechnology),
        Case("after-school care, no content", "临河区小太阳托管服务部", "小学生课后托管服务；午托服务",
             .undetermined, nil, type: "个体工商户"),
        Case("training name, no content", "乌拉特中旗博雅教育科技有限公司", "教育培训；教育咨询服务（不含涉许可审批的教育培训活动）",
             .undetermined, nil),
    ]

    @Test("clear and unclear cases", arguments: clear)
    func classifies(_ c: Case) {
        let result = Fixture.classify([Fixture.enterprise(c.name, c.scope, type: c.type)])
        #expect(result.category == c.category, "\(result.evidence.map(\.text))")
        #expect(result.department == c.department)
        #expect(result.flags == c.flags)
        if let stages = c.stages { #expect(result.stages == stages) }
        #expect(!result.evidence.isEmpty)
        if result.category == .undetermined { #expect(result.reviewReason != nil) }
    }
}

@Suite("Classify: traps in business-scope text (domain.md)")
struct TrapTests {
    static let property = [
        "物业管理", "房屋租赁", "停车场服务", "保洁服务", "绿化养护", "家政服务", "家教服务", "搬家服务", "水电维修",
        "管道疏通", "开锁服务", "电梯维护", "洗衣服务", "干洗服务", "代收代缴水电费", "房屋中介", "装饰装修",
        "建材销售", "日用品销售", "礼仪服务", "会务服务", "票务代理", "快递代收", "洗车服务", "汽车美容",
        "保安服务（不含武装守护押运）", "消防设施维护", "门禁系统安装", "监控系统安装", "弱电工程", "宠物寄养",
        "老年人照护服务", "托管服务", "餐饮配送", "花卉销售", "广告制作", "复印打字", "摄影服务", "婚庆服务", "会议服务",
    ].joined(separator: "、")

    static let traps: [Case] = [
        Case("保安培训", "巴彦淖尔市金盾保安服务有限公司", "门卫、巡逻、守护、随身护卫、安全检查、区域秩序维护；保安培训", .outOfScope, nil),
        Case("成年人的非文化教育培训", "临河区众诚人力资源服务有限公司", "劳务派遣；人力资源服务；成年人的非文化教育培训", .outOfScope, nil),
        Case("业务培训（不含教育培训…）", "五原县远景企业管理咨询有限公司",
             "企业管理咨询；业务培训（不含教育培训、职业技能培训等需取得许可的培训）；会议及展览服务", .outOfScope, nil),
        Case("资产托管", "巴彦淖尔市恒信资产管理有限公司", "资产托管；资产管理；投资咨询（不含金融、证券、期货）", .outOfScope, nil),
        Case("体育用品", "临河区动力体育用品商店", "体育用品销售；文具用品零售；服装鞋帽批发零售", .outOfScope, nil, type: "个体工商户"),
        Case("体育场地设施工程", "巴彦淖尔市鸿达建筑工程有限公司", "体育场地设施工程施工；园林绿化工程；市政公用工程", .outOfScope, nil),
        Case("education inside an exclusion", "临河区云端网络科技有限公司",
             "互联网信息服务（除新闻、出版、教育、医疗保健、药品和医疗器械以外的内容）；软件开发；计算机系统服务", .outOfScope, nil),
        Case("property company listing 家教服务 among forty", "巴彦淖尔市安居物业服务有限公司", property, .outOfScope, nil),
        Case("farm training", "五原县丰收农业科技有限公司", "农作物种植；农业技术推广服务；农业技术培训；化肥销售", .outOfScope, nil),
        Case("教学用具 sales", "临河区文汇商贸有限公司", "日用百货、五金交电、建材销售；文化用品、教学用具销售", .outOfScope, nil),
        Case("cook training", "临河区香满园餐饮管理有限公司", "餐饮服务；餐饮管理；厨师技能培训（不含职业技能培训）", .outOfScope, nil),
        Case("chemistry as trade, not subject", "乌拉特前旗化工化学试剂有限公司", "化学试剂销售；化工产品销售；化学品仓储", .outOfScope, nil),
        Case("geography as trade", "临河区测绘地理信息有限公司", "地理信息系统开发；测绘服务；地图编制", .outOfScope, nil),
        Case("biology as trade", "杭锦后旗绿源生物科技有限公司", "生物肥料生产；生物技术推广；农作物种子销售", .outOfScope, nil),
        Case("教育装备 and 培训场地租赁", "临河区智造教育装备有限公司", "教育装备销售；培训场地租赁；办公设备销售", .outOfScope, nil),
        Case("corporate 素质拓展 without youth", "临河区远航户外拓展有限公司", "企业员工素质拓展训练；户外拓展；会议服务", .outOfScope, nil),
        Case("culture company, training excluded", "临河区星光文化传播有限公司", "图书、报刊零售；文化活动组织策划（不含培训）", .outOfScope, nil),
        Case("未经许可不得", "临河区启智文化发展有限公司", "文化艺术交流活动策划；未经许可不得开展学科类培训", .outOfScope, nil),
    ]

    @Test("naive keyword traps are not training institutions", arguments: traps)
    func trap(_ c: Case) {
        let result = Fixture.classify([Fixture.enterprise(c.name, c.scope, type: c.type)])
        #expect(result.category == c.category, "\(result.evidence.map(\.text))")
        #expect(result.department == nil)
        #expect(result.flags.isEmpty)
        #expect(result.evidence.contains { $0.rule.hasPrefix("decision.out_of_scope") })
    }

    @Test("the property company's reason names the share of training items")
    func propertyReason() {
        let result = Fixture.classify([Fixture.enterprise("巴彦淖尔市安居物业服务有限公司", Self.property)])
        let reason = result.evidence.first { $0.rule == "decision.out_of_scope_share" }
        #expect(reason?.phrase.contains("共 40 项") == true)
        #expect(reason?.phrase.contains("家教服务") == true)
    }
}

@Suite("Classify: disguised subject training (教监管厅函〔2021〕8号)")
struct DisguiseTests {
    static let disguised: [Case] = [
        Case("咨询 name with pupils", "临河区学而教育咨询有限公司", "教育咨询；中小学生学习规划指导", .undetermined, nil, flags: [.disguisedSubjectRisk]),
        Case("文化传播 with pupils", "五原县墨韵文化传播有限公司", "文化艺术交流活动策划；中小学生课后服务", .undetermined, nil, flags: [.disguisedSubjectRisk]),
        Case("家政服务 with 住家教师", "临河区贴心家政服务有限公司", "家政服务（住家教师、育儿嫂）；家庭教育咨询", .undetermined, nil, flags: [.disguisedSubjectRisk]),
        Case("住家家教 under 高端家政", "巴彦淖尔市尚品家政服务有限公司", "高端家政服务；住家家教；家庭服务", .undetermined, nil, flags: [.disguisedSubjectRisk]),
        Case("众筹私教", "临河区优学信息咨询有限公司", "众筹私教服务；学习能力测评；思维训练", .undetermined, nil, flags: [.disguisedSubjectRisk]),
        Case("游学 for pupils", "巴彦淖尔市远方旅行社有限公司", "国内旅游业务；中小学生游学服务", .undetermined, nil, flags: [.disguisedSubjectRisk]),
        Case("研学 and 素质拓展 for pupils", "临河区行知研学旅行有限公司", "研学旅行；夏令营、冬令营组织服务；中小学生素质拓展", .undetermined, nil, flags: [.disguisedSubjectRisk]),
        Case("研学 with after-school care", "杭锦后旗启航文化艺术交流有限公司", "文化艺术交流活动策划；中小学生研学旅行服务；课后托管服务", .undetermined, nil, flags: [.disguisedSubjectRisk]),
        Case("夏令营 for teenagers", "乌拉特中旗阳光文化传媒有限公司", "青少年夏令营组织服务；文艺演出", .undetermined, nil, flags: [.disguisedSubjectRisk]),
        Case("思维素养 and 国学素养", "临河区明理国学文化有限公司", "教育信息咨询；思维素养训练；国学素养培训（面向中小学生）", .undetermined, nil, flags: [.disguisedSubjectRisk]),
        Case("思维训练 hidden inside arts", "五原县童画艺术培训有限公司", "少儿美术培训；小学数学思维训练", .undetermined, nil, flags: [.disguisedSubjectRisk]),
        Case("高端家政 for children", "临河区金牌家政服务有限公司", "高端家政服务；儿童陪伴与学习辅导", .undetermined, nil, flags: [.disguisedSubjectRisk]),
    ]

    @Test("disguise vocabulary with youth or subject content goes to review", arguments: disguised)
    func disguise(_ c: Case) {
        let result = Fixture.classify([Fixture.enterprise(c.name, c.scope, type: c.type)])
        #expect(result.category == c.category, "\(result.evidence.map(\.text))")
        #expect(result.department == nil)
        #expect(result.flags == c.flags)
        #expect(result.needsReview)
        #expect(result.evidence.contains { $0.rule == "disguise" })
    }

    @Test("a camp or study tour beside subject teaching in another clause is subject, flagged", arguments: [
        "义务教育阶段数学、英语、物理、化学培训服务；研学实践活动组织",
        "冬、夏令营组织；数学、英语学科辅导（面向小学、初中学生）；企业管理咨询",
    ])
    func campBesideSubjects(_ scope: String) {
        let result = Fixture.classify([Fixture.enterprise("乌拉特中旗尚学教育科技有限公司", scope)])
        #expect(result.category == .subject && result.flags == [.disguisedSubjectRisk], "\(result.evidence.map(\.text))")
        #expect(result.needsReview)
    }

    @Test("a camp beside sports teaching is not a disguise of subjects")
    func campBesideSports() {
        let result = Fixture.classify([Fixture.enterprise("临河区飞跃体育文化有限公司", "篮球、足球培训；夏令营组织")])
        #expect(result.category == .nonSubject && result.flags.isEmpty, "\(result.evidence.map(\.text))")
    }

    @Test("open subject training under a consulting name is subject, not disguised")
    func openConsulting() {
        let result = Fixture.classify([Fixture.enterprise("临河区博文教育咨询有限公司", "小学语文、数学辅导；教育咨询")])
        #expect(result.category == .subject)
        #expect(result.flags.isEmpty)
        #expect(!result.needsReview)
    }
}

@Suite("Classify: compliance flags and current records")
struct FlagTests {
    static let subjectScope = "小学、初中语文、数学、英语辅导"

    @Test("foreign capital on a subject institution")
    func foreign() {
        let result = Fixture.classify([Fixture.enterprise("临河区环宇教育科技有限公司", Self.subjectScope, type: "有限责任公司(台港澳法人独资)")])
        #expect(result.category == .subject)
        #expect(result.flags == [.foreignCapital])
    }

    @Test("foreign capital is not flagged on an arts school")
    func foreignArts() {
        let result = Fixture.classify([Fixture.enterprise("临河区环宇艺术培训有限公司", "少儿美术、舞蹈培训", type: "有限责任公司(外商投资企业法人独资)")])
        #expect(result.category == .nonSubject)
        #expect(result.flags.isEmpty)
    }

    @Test("listed company")
    func listed() {
        let result = Fixture.classify([Fixture.enterprise("巴彦淖尔市学海教育科技股份有限公司", Self.subjectScope, type: "股份有限公司(上市、自然人投资或控股)")])
        #expect(result.flags == [.listedCompany])
    }

    @Test("new after policy", arguments: [("2021-09-01", true), ("2021-07-24", false), ("2019-03-01", false)])
    func newAfterPolicy(_ day: String, _ flagged: Bool) {
        let result = Fixture.classify([Fixture.enterprise("临河区新苗教育科技有限公司", Self.subjectScope, established: day)])
        #expect(result.flags.contains(.newAfterPolicy) == flagged)
    }

    @Test("re-registered: the non-profit's 业务范围 decides, the old enterprise date is not new")
    func reregistered() {
        let enterprise = Fixture.enterprise("巴彦淖尔市临河区智远教育科技有限公司", "中小学生语文、数学课外辅导；少儿美术培训", status: "注销")
        let nonprofit = Fixture.nonprofit("临河区智远培训学校", "义务教育阶段语文、数学学科类培训")
        let result = Fixture.classify([enterprise, nonprofit])
        #expect(result.category == .subject)
        #expect(result.decidingRecords == [nonprofit.ref])
        #expect(!result.flags.contains(.newAfterPolicy))
    }

    @Test("scope changed to non-subject: category follows the current scope")
    func scopeChanged() {
        let result = Fixture.classify([Fixture.enterprise("临河区智远教育科技有限公司", "少儿美术培训；书法培训")])
        #expect(result.category == .nonSubject)
        #expect(result.department == .cultureTourism)
    }

    @Test("non-subject non-profit whose active old enterprise still lists subject teaching")
    func subjectInNonSubject() {
        let enterprise = Fixture.enterprise("临河区彩虹教育科技有限公司", "小学语文、数学辅导；少儿美术培训")
        let nonprofit = Fixture.nonprofit("临河区彩虹艺术培训学校", "少儿美术、书法培训", supervisor: "临河区文化旅游体育局")
        let result = Fixture.classify([enterprise, nonprofit])
        #expect(result.category == .nonSubject)
        #expect(result.department == .cultureTourism)
        #expect(result.flags == [.subjectInNonSubject])
        #expect(result.needsReview)
    }

    @Test("registered under a non-education supervisor but teaching subjects")
    func supervisorMismatch() {
        let nonprofit = Fixture.nonprofit("临河区健行体育培训中心", "青少年篮球培训；小学数学辅导", supervisor: "临河区体育局")
        let result = Fixture.classify([nonprofit])
        #expect(result.category == .mixed)
        #expect(result.flags.contains(.subjectInNonSubject))
    }

    @Test("social groups are not training institutions")
    func socialGroup() {
        let group = Fixture.nonprofit("巴彦淖尔市篮球协会", "组织篮球比赛；开展群众性篮球活动；篮球培训", type: "社会团体", supervisor: "巴彦淖尔市体育局")
        let result = Fixture.classify([group])
        #expect(result.category == .outOfScope)
    }

    @Test("already a non-profit before the policy: subject, not new")
    func alreadyNonprofit() {
        let result = Fixture.classify([Fixture.nonprofit("临河区育才补习学校", "中小学文化课补习", established: "2012-03-01")])
        #expect(result.category == .subject)
        #expect(result.flags.isEmpty)
    }
}

@Suite("Classify: the rules file")
struct RulesFileTests {
    @Test("a clerk's added phrase changes the result")
    func addedPhrase() throws {
        let shipped = try String(contentsOf: try #require(Classifier.defaultRulesURL), encoding: .utf8)
        let before = Fixture.classify([Fixture.enterprise("临河区神算珠心算培训有限公司", "珠心算培训")])
        #expect(before.category == .undetermined)
        let edited = try Classifier(rulesText: shipped + "\nsubject\t珠心算\tstrong\t算术训练\n")
        let after = edited.classify([Fixture.enterprise("临河区神算珠心算培训有限公司", "珠心算培训")], policyStart: Fixture.policyStart)
        #expect(after.category == .subject)
        #expect(after.evidence.contains { $0.phrase == "珠心算" && $0.source?.hasPrefix("rules.tsv:") == true })
    }

    @Test("a deployment file overrides the shipped rules")
    func overrideFile() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("classify-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = folder.appendingPathComponent("my-rules.tsv")
        try "subject\t语文\tweak\ntraining\t培训\t-\n".write(to: file, atomically: true, encoding: .utf8)
        let classifier = try Classifier(rulesFile: file)
        #expect(classifier.ruleCount == 2)
        let result = classifier.classify([Fixture.enterprise("某某", "美术培训")], policyStart: Fixture.policyStart)
        #expect(result.category == .undetermined)
    }

    @Test("bad lines are reported with file and line number", arguments: [
        ("subject\t语文\n", "应有 3 列"),
        ("subjects\t语文\tweak\n", "未知的类别"),
        ("non_subject\t美术\tarts\n", "取值"),
        ("subject\t语文\tweak\nstage\t小学\tprimary\n", "rules.tsv:2"),
    ])
    func badRule(_ text: String, _ expected: String) {
        #expect {
            _ = try Classifier(rulesText: text)
        } throws: { error in
            String(describing: error).contains(expected)
        }
    }

    @Test("every shipped rule loads")
    func shipped() {
        #expect(Fixture.classifier.ruleCount > 200)
    }
}

@Suite("Classify: evidence a clerk reads")
struct EvidenceTests {
    /// A registration exported twice and its application say the same: each finding once, naming
    /// every record it was read in.
    @Test func aFindingInSeveralRecordsIsOneLineNamingThemAll() {
        let scope = "语文、数学学科类培训（义务教育阶段）"
        let records = [
            Fixture.nonprofit("临河区智远培训学校", scope, ordinal: 4),
            Fixture.nonprofit("临河区智远培训学校", scope, ordinal: 9),
            Fixture.nonprofit("临河区智远培训学校", scope + "；数学", ordinal: 12),
        ]
        let evidence = Fixture.classify(records).evidence
        let math = evidence.filter { $0.phrase == "数学" && $0.field == .scope }
        #expect(math.count == 1)
        #expect(math.first?.records.map(\.ordinal) == [4, 9, 12])
        let deciding = evidence.filter { $0.rule == "decision.records" }
        #expect(deciding.count == 1)
        #expect(deciding.first?.text.contains("[civil.csv#4, civil.csv#9, civil.csv#12]") == true)
    }
}

extension EvidenceTests {
    /// Evidence lists the records once, numbered, and each finding names them by number.
    @Test func evidenceLinesNumberTheRecordsOnce() {
        let scope = "语文、数学学科类培训（义务教育阶段）"
        let records = [Fixture.nonprofit("临河区智远培训学校", scope, ordinal: 4), Fixture.nonprofit("临河区智远培训学校", scope, ordinal: 9)]
        let lines = Fixture.classify(records).evidenceLines
        #expect(lines.first == "记录：① civil.csv#4；② civil.csv#9")
        #expect(lines.contains { $0.contains("“数学” [①②]") })
        #expect(!lines.dropFirst().contains { $0.contains("civil.csv#") })
    }

    @Test(arguments: [(1, "①"), (20, "⑳"), (21, "㉑"), (35, "㉟"), (36, "㊱"), (50, "㊿"), (51, "(51)")])
    func recordMarks(_ number: Int, _ mark: String) {
        #expect(ClassificationEvidence.mark(number) == mark)
    }
}
