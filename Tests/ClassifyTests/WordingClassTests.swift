import Testing
@testable import RegistryModel
@testable import Classify

/// The wording classes that independent exports and real registrations showed rereg missing:
/// one case from the reports and variants of our own for each, so that a fix is a class, not a row.
@Suite("Classify: wording classes seen outside the sample world")
struct WordingClassTests {
    /// How licensed schools write subject teaching (文化课 / 文化培训 / 课程辅导 for 中小学, lists of subjects).
    static let schoolCases: [Case] = [
        Case("中小学文化培训", "临河区博文培训学校有限公司", "中小学文化培训", .subject, .education),
        Case("中小学文化教育类培训", "五原县启智教育科技有限公司", "中小学文化教育类培训；教育信息咨询", .subject, .education),
        Case("中小学生课程辅导", "磴口县明远教育咨询有限公司", "中小学生课程辅导", .subject, .education),
        Case("中小学生文化辅导", "杭锦后旗新禾文化教育有限公司", "中小学生文化辅导、心理咨询", .subject, .education),
        Case("小初高文化补习", "乌拉特前旗学思堂教育咨询有限公司", "小初高文化补习", .subject, .education),
        Case("初中文化课补习 (own variant)", "乌拉特后旗青禾教育有限公司", "初中文化课补习；图书零售", .subject, .education),
        Case("subjects listed, training in the next clause", "临河区育英教育科技有限公司", "数学、英语、物理、化学，短期培训",
             .subject, .education),
        Case("subjects listed in a school (own variant)", "五原县博雅培训学校", "高中数学、物理、化学；课外读物销售",
             .subject, .education),
        Case("学科类 alone", "磴口县育才培训学校有限公司", "学科类", .subject, .education),
        Case("学科类 with its subjects in brackets", "乌拉特中旗智学教育科技有限公司", "学科类（语文、数学、英语）", .subject, .education),
        Case("文化培训 in a 培训学校", "临河区明德培训学校", "文化培训", .subject, .education),
        Case("特色英语 in a 培训学校", "杭锦后旗启航培训学校", "特色英语", .subject, .education),
        Case("少儿英语 alone (own variant)", "临河区小树教育科技有限公司", "少儿英语", .subject, .education),
        Case("a school's bare subject beside consulting", "乌拉特前旗启明教育培训学校有限公司", "英语、语言；教育信息咨询",
             .subject, .education),
        Case("文化类培训", "磴口县明远培训学校有限公司", "文化类培训", .subject, .education),
        Case("文化教育类培训", "五原县明德培训学校有限公司", "文化教育类培训", .subject, .education),
        Case("文化类课程培训", "临河区博识教育培训中心有限公司", "文化类课程培训", .subject, .education),
        Case("中高考补习", "杭锦后旗启程教育培训学校有限公司", "中高考补习培训", .subject, .education),
        Case("英文、国文", "乌拉特后旗育英培训学校有限公司", "英文、国文培训", .subject, .education),
        Case("subjects by their short names", "杭锦后旗启新辅导中心", "小学语数外同步提高；日用百货销售", .subject, .education),
        Case("理化生", "临河区博思教育咨询有限公司", "初中理化生辅导、文化艺术交流活动策划", .subject, .education),
        Case("one subject, training in the next clause", "磴口县新知文化传播有限公司", "英语，暑期培训；图书零售", .subject, .education),
        Case("课外补习 for 中小学生", "五原县育人培训学校有限公司", "中小学生各科课外补习、教育培训咨询服务", .subject, .education),
        Case("a licence's part labels split its items", "乌拉特中旗学友学习中心",
             "许可项目：初中文化课补习（依法须经批准的项目，经相关部门批准后方可开展经营活动）一般项目：文具用品零售；玩具销售",
             .subject, .education),
        Case("subjects listed under 许可项目 beside consulting", "磴口县思源教育信息咨询有限公司",
             "许可项目：语文、数学、英语，短期辅导（依法须经批准的项目）一般项目：计算机系统服务", .subject, .education),
    ]

    /// Any subject item makes the institution subject or mixed, whatever else it teaches.
    static let mixedCases: [Case] = [
        Case("subject half kept beside arts and sports", "临河区启明教育科技有限公司", "中小学文化教育课程辅导；文化艺术培训；体校及体育培训",
             .mixed, .education),
        Case("arts first, then 小初高文化补习", "五原县艺博文化艺术培训有限公司", "艺术特色培训，小初高文化补习", .mixed, .education),
        Case("sports first, then 初中数学辅导 (own variant)", "磴口县飞跃体育文化有限公司", "青少年篮球培训；初中数学辅导", .mixed, .education),
    ]

    /// Words in a name or inside 不含… are not teaching; so are goods and research.
    static let notTaughtCases: [Case] = [
        Case("英语 only in the name", "临河区英语角教育咨询有限公司", "教育信息咨询；商务信息咨询", .undetermined, nil),
        Case("学科 inside 优学科技", "巴彦淖尔市优学科技有限公司", "计算机软件开发；技术咨询；技术培训；电子产品销售", .outOfScope, nil),
        Case("training excluded, robots researched", "巴彦淖尔市智创教育科技有限公司",
             "教育信息咨询（不含培训）；智能机器人研发；软件开发；电子产品销售", .outOfScope, nil),
        Case("education consulting excluding 升学 and 学历", "临河区博思文化发展有限公司",
             "教育咨询（不含升学、学历、职业技能培训及学前教育）；文化艺术交流活动策划；会议服务", .outOfScope, nil),
        Case("teaching equipment seller", "巴彦淖尔市华教教育装备有限公司", "教育装备、教学实训设备、实验室设备销售及安装；教学软件开发",
             .outOfScope, nil),
        Case("biology R&D with training (a real Inner Mongolia company)", "内蒙古华祺生物技术有限公司",
             "农牧业生物高新技术研发、产业化推广、咨询、培训；农作物种植；纯种牛羊繁育；饲料销售", .outOfScope, nil),
        Case("laboratory goods named by subject (own variant)", "临河区博源仪器有限公司", "化学、物理实验仪器销售；实验室设备安装",
             .outOfScope, nil),
        Case("非学科类 arts training", "巴彦淖尔市天华文化传媒有限公司", "非学科类艺术培训（不含中小学文化课培训）；玩具销售",
             .nonSubject, .cultureTourism),
        Case("成人高考 beside vocational training", "磴口县兴业职业技能培训有限公司", "成人高考辅导，育婴员培训", .nonSubject, .humanResources),
        Case("arts this rule file does not know, subject training excluded", "临河区贤鹏教育咨询有限公司",
             "手球培训（不含中小学学科类培训）", .nonSubject, nil),
        Case("skating", "五原县冰雪体育文化有限公司", "青少年滑冰、滑雪培训", .nonSubject, .sports),
        Case("pottery and handicraft", "临河区陶然文化教育有限公司", "陶艺、手工制作培训；礼仪服务。", .nonSubject, .cultureTourism),
        Case("English translation is not teaching", "临河区环宇翻译有限公司", "英文翻译；商务信息咨询", .outOfScope, nil),
        Case("physics in engineering (own variant)", "五原县宏达科技有限公司", "物理防护工程施工、技术培训；化学防腐材料销售",
             .outOfScope, nil),
    ]

    @Test("licensed schools' wording", arguments: schoolCases)
    func schoolWording(_ c: Case) { check(c) }

    @Test("mixed scopes keep their subject half", arguments: mixedCases)
    func mixedScope(_ c: Case) { check(c) }

    @Test("names, exclusions, goods and research are not teaching", arguments: notTaughtCases)
    func notTaught(_ c: Case) { check(c) }

    @Test("disguise words flag without a youth word beside them, and are never out of scope",
          arguments: [
            ("巴彦淖尔市远航文化传播有限公司", "夏令营组织；企业管理咨询；市场调查；素质拓展"),
            ("临河区明心教育咨询有限公司", "国学素养培训、教育咨询服务"),
            ("五原县慧思文化有限公司", "思维训练；图书销售"),
            ("杭锦后旗行知旅行社有限公司", "研学旅行服务；旅游咨询；票务代理"),
            ("巴彦淖尔市畅游旅行社有限公司", "国内旅游业务；入境旅游业务；研学旅行"),
          ])
    func disguise(_ name: String, _ scope: String) {
        let result = Fixture.classify([Fixture.enterprise(name, scope)])
        #expect(result.flags.contains(.disguisedSubjectRisk), "\(result.evidence.map(\.text))")
        #expect(result.category == .undetermined)
        #expect(result.reviewReason != nil)
    }

    /// Schools for adults are training institutions: non-subject, for 人社 (labelling-guide.md);
    /// training adults in passing is no training institution.
    static let adultCases: [Case] = [
        Case("驾驶员培训", "巴彦淖尔市安达机动车驾驶员培训有限公司", "机动车驾驶员培训；道路普通货物运输", .nonSubject, .humanResources),
        Case("adult safety training under a training name", "乌拉特后旗安平职业技能培训有限公司",
             "特种作业人员安全技术培训（成人）；安全生产技术咨询", .nonSubject, .humanResources),
        Case("adult English", "临河区环球语言服务有限公司", "成人英语培训；英语翻译服务", .nonSubject, .humanResources),
        Case("adults' exam English and mathematics", "临河区博远企业管理咨询有限公司", "考研英语、数学辅导；会议及展览服务",
             .nonSubject, .humanResources),
        Case("college English tests", "五原县启航职业技能培训有限公司", "大学英语四、六级培训。", .nonSubject, .humanResources),
        Case("staff training in passing", "临河区恒通物流有限公司", "普通货物运输；仓储服务；企业员工培训；装卸搬运", .outOfScope, nil),
    ]

    @Test("adult learners: a school for them is non-subject, training them in passing is none", arguments: adultCases)
    func adults(_ c: Case) { check(c) }

    @Test("an application's scope makes clear what an enterprise's did not")
    func applicationMakesTheCategoryClear() {
        let enterprise = Fixture.enterprise("乌拉特中旗河睿教育信息咨询有限公司", "教育信息咨询；文化艺术交流活动策划")
        let application = Fixture.nonprofit("乌拉特中旗河睿培训学校", "初中语文、化学培训", status: "受理中", established: "")
        #expect(Fixture.classify([enterprise]).category == .outOfScope)
        let result = Fixture.classify([enterprise, application])
        #expect(result.category == .subject, "\(result.evidence.map(\.text))")
        #expect(result.evidence.contains { $0.note.contains("看不出所教内容") })
    }

    @Test("an application naming subject teaching makes a disguised scope subject, still flagged")
    func applicationMakesADisguiseSubject() {
        let enterprise = Fixture.enterprise("磴口县树慧教育科技有限公司", "中小学生教育咨询；学生托管服务")
        #expect(Fixture.classify([enterprise]).flags.contains(.disguisedSubjectRisk))
        let subject = Fixture.classify([enterprise, Fixture.nonprofit("磴口县树慧培训学校", "小学、初中语文、数学学科类培训", status: "受理中", established: "")])
        #expect(subject.category == .subject && subject.flags.contains(.disguisedSubjectRisk), "\(subject.evidence.map(\.text))")
        // An application for drawing lessons says nothing about what the disguise hid.
        let arts = Fixture.classify([enterprise, Fixture.nonprofit("磴口县树慧艺术培训学校", "少儿美术、书法培训", status: "受理中", established: "")])
        #expect(arts.category == .undetermined && arts.flags.contains(.disguisedSubjectRisk))
    }

    @Test("adult vocational training is non-subject, for human resources")
    func adultVocational() {
        let result = Fixture.classify([Fixture.enterprise("巴彦淖尔市河套技工培训学校", "育婴员培训（面向成年人）；养老护理员培训")])
        #expect(result.category == .nonSubject, "\(result.evidence.map(\.text))")
        #expect(result.department == .humanResources)
    }

    @Test("a bracketed learner group keeps an item whole")
    func bracketedItem() {
        let result = Fixture.classify([Fixture.enterprise("临河区银球体育文化有限公司", "乒乓球培训(面向小学、初中学生)")])
        #expect(result.category == .nonSubject, "\(result.evidence.map(\.text))")
        #expect(result.department == .sports)
    }

    @Test("exchange-activity filler does not make a subject school mixed")
    func fillerIsNotArts() {
        let result = Fixture.classify([Fixture.enterprise("临河区启智教育科技有限公司", "中小学语文、数学辅导；组织文化艺术交流活动")])
        #expect(result.category == .subject, "\(result.evidence.map(\.text))")
    }

    @Test("foreign natural-person capital is foreign capital")
    func foreignNaturalPerson() {
        let result = Fixture.classify([Fixture.enterprise("临河区环球教育科技有限公司", "中小学英语辅导", type: "有限责任公司(外国自然人独资)")])
        #expect(result.flags.contains(.foreignCapital))
    }

    private func check(_ c: Case) {
        let result = Fixture.classify([Fixture.enterprise(c.name, c.scope, type: c.type)])
        #expect(result.category == c.category, "\(result.evidence.map(\.text))")
        #expect(result.department == c.department)
    }
}



/// What linkage asks of a scope (is this enterprise a subject school's predecessor, or a
/// sister company of another trade?), read by the same rules as the category.
@Suite("Classify: what a scope says is taught")
struct ScopeTeachingTests {
    static let classifier = try! Classifier()

    @Test("subjects, other content, training unsaid, or none (a sister trade, education as a trade, training excluded)",
          arguments: [
              ("小学语数外同步提高班；日用百货销售；商务信息咨询；工艺美术品销售", ScopeTeaching.subject),
              ("初中历史、地理同步辅导,教学用具销售", .subject),
              ("化学、生物提高辅导；软件开发；信息技术咨询服务", .subject),
              ("小学及初中学科类培训：化学、生物", .subject),
              ("少儿美术、书法", .otherContent),
              ("篮球、足球培训(面向中小学生)；游泳培训", .otherContent),
              ("编程、机器人培训(面向小学、初中学生)", .otherContent),
              ("教育培训（凭许可证经营）；学生托管服务", .unstated),
              ("机动车驾驶员培训", .unstated),
              ("夏令营组织；企业管理咨询；市场调查", .unstated),
              ("教育信息咨询；会议服务", ScopeTeaching.none),
              ("教育咨询服务；教育服务；市场调查", .none),
              ("软件开发；电子产品销售；技术咨询", .none),
              ("文化活动组织策划（不含培训）", .none),
              ("教学用具销售；培训设备销售", .none),
              ("农牧业生物高新技术研发", .none),
          ])
    func teaching(_ scope: String, _ expected: ScopeTeaching) {
        let teaching = Self.classifier.teaching(scope)
        #expect(teaching == expected)
    }
}
