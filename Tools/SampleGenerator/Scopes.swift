/// Business-scope (经营范围 / 业务范围) texts and the trades that go with them. The truth
/// follows from which template an institution got, never from keywords in the text, so
/// the texts can be as misleading as real ones.
enum Stage: String, CaseIterable, Comparable {
    case preschool, compulsory
    case highSchool = "high_school"

    static func < (a: Stage, b: Stage) -> Bool {
        allCases.firstIndex(of: a)! < allCases.firstIndex(of: b)!
    }
}

struct ScopeTemplate {
    let items: [String]
    let stages: [Stage]
}

enum Scopes {
    static let subject: [ScopeTemplate] = [
        .init(items: ["中小学生语文、数学、英语课外辅导", "教育信息咨询"], stages: [.compulsory]),
        .init(items: ["义务教育阶段学科类培训（语文、数学、英语、物理、化学）"], stages: [.compulsory]),
        .init(items: ["小学、初中文化课辅导", "作文培训", "教育咨询服务（不含涉许可审批的教育培训活动）"], stages: [.compulsory]),
        .init(items: ["初中数学、物理、化学辅导", "高中数学、英语辅导"], stages: [.compulsory, .highSchool]),
        .init(items: ["小学英语、初中英语培训", "少儿英语口语培训"], stages: [.compulsory]),
        .init(items: ["中小学课后辅导", "语文阅读与写作培训", "数学培优"], stages: [.compulsory]),
        .init(items: ["初中、高中全科辅导", "中考、高考备考辅导"], stages: [.compulsory, .highSchool]),
        .init(items: ["小学生数学、语文一对一辅导", "学习方法指导"], stages: [.compulsory]),
    ]
    static let highSchool: [ScopeTemplate] = [
        .init(items: ["高中语文、数学、英语、物理、化学辅导", "高考复读辅导"], stages: [.highSchool]),
        .init(items: ["普通高中学科类培训", "艺考生文化课辅导"], stages: [.highSchool]),
    ]
    static let preschool: [ScopeTemplate] = [
        .init(items: ["幼小衔接", "拼音、识字培训", "数学思维培训"], stages: [.preschool]),
        .init(items: ["学龄前儿童拼音、识字、算术培训", "幼儿英语启蒙"], stages: [.preschool]),
    ]
    static let mixed: [ScopeTemplate] = [
        .init(items: ["中小学生语文、数学辅导", "少儿美术、舞蹈培训"], stages: [.compulsory]),
        .init(items: ["小学英语培训", "少儿书法、围棋培训", "篮球培训"], stages: [.compulsory]),
        .init(items: ["初中数学、物理辅导", "机器人编程培训"], stages: [.compulsory]),
    ]
    static let arts: [ScopeTemplate] = [
        .init(items: ["少儿美术培训", "书法培训", "舞蹈培训（不含\"学科类\"培训）"], stages: []),
        .init(items: ["音乐培训（钢琴、古筝、声乐）", "艺术考级辅导"], stages: []),
        .init(items: ["美术、书法培训", "文化艺术交流活动策划"], stages: []),
        .init(items: ["少儿舞蹈、拉丁舞培训", "演出经纪"], stages: []),
    ]
    static let sports: [ScopeTemplate] = [
        .init(items: ["篮球、足球培训", "体育赛事策划（不含高危险性体育项目）"], stages: []),
        .init(items: ["跆拳道培训", "健身服务"], stages: []),
        .init(items: ["游泳培训", "体育场馆服务"], stages: []),
    ]
    static let vocational: [ScopeTemplate] = [
        .init(items: ["职业技能培训（电工、焊工、育婴员）", "职业技能鉴定咨询"], stages: []),
        .init(items: ["会计职业技能培训", "计算机操作员培训"], stages: []),
        .init(items: ["家政服务员、养老护理员职业技能培训"], stages: []),
    ]
    static let science: [ScopeTemplate] = [
        .init(items: ["机器人编程培训", "青少年科技创新活动组织", "教育软件开发"], stages: []),
        .init(items: ["少儿编程培训", "人工智能教育技术服务"], stages: []),
        .init(items: ["科技创新教育服务", "3D打印、无人机科普培训"], stages: []),
    ]
    /// Subject training under another name: the truth calls these undetermined with the risk flag.
    static let disguised: [ScopeTemplate] = [
        .init(items: ["文化艺术交流活动策划", "中小学生研学旅行服务", "课后托管服务"], stages: [.compulsory]),
        .init(items: ["家政服务（住家教师、育儿嫂）", "家庭教育咨询"], stages: []),
        .init(items: ["教育信息咨询", "思维素养训练", "国学素养培训（面向中小学生）"], stages: [.compulsory]),
        .init(items: ["研学旅行", "夏令营、冬令营组织服务", "中小学生素质拓展"], stages: [.compulsory]),
        .init(items: ["众筹私教服务", "学习能力测评", "思维训练"], stages: []),
        .init(items: ["高端家政服务", "住家家教", "家庭服务"], stages: []),
    ]

    /// Companies that are not training institutions at all, with scopes that trip naive keyword rules.
    struct OutOfScopeTrade {
        let trade: String
        let individualTrade: String?
        let items: [String]
    }

    static let outOfScope: [OutOfScopeTrade] = [
        .init(trade: "机动车驾驶员培训", individualTrade: nil, items: ["机动车驾驶员培训", "道路普通货物运输"]),
        .init(trade: "保安服务", individualTrade: nil, items: ["门卫、巡逻、守护、随身护卫、安全检查、区域秩序维护", "保安培训"]),
        .init(trade: "人力资源服务", individualTrade: nil, items: ["劳务派遣", "人力资源服务", "成年人的非文化教育培训"]),
        .init(trade: "企业管理咨询", individualTrade: nil, items: ["企业管理咨询", "业务培训（不含教育培训、职业技能培训等需取得许可的培训）", "会议及展览服务"]),
        .init(trade: "资产管理", individualTrade: nil, items: ["资产托管", "资产管理", "投资咨询（不含金融、证券、期货）"]),
        .init(trade: "体育用品", individualTrade: "体育用品商店", items: ["体育用品销售", "文具用品零售", "服装鞋帽批发零售"]),
        .init(trade: "建筑工程", individualTrade: nil, items: ["体育场地设施工程施工", "园林绿化工程", "市政公用工程"]),
        .init(trade: "网络科技", individualTrade: nil, items: ["互联网信息服务（除新闻、出版、教育、医疗保健、药品和医疗器械以外的内容）", "软件开发", "计算机系统服务"]),
        .init(trade: "物业服务", individualTrade: nil, items: propertyServices),
        .init(trade: "农业科技", individualTrade: nil, items: ["农作物种植", "农业技术推广服务", "农业技术培训", "化肥销售"]),
        .init(trade: "商贸", individualTrade: "百货商店", items: ["日用百货、五金交电、建材销售", "文化用品、教学用具销售"]),
        .init(trade: "餐饮管理", individualTrade: "饭店", items: ["餐饮服务", "餐饮管理", "厨师技能培训（不含职业技能培训）"]),
        .init(trade: "职业技能培训", individualTrade: nil, items: ["特种作业人员安全技术培训（成人）", "安全生产技术咨询"]),
        .init(trade: "文具", individualTrade: "文具店", items: ["文具用品、办公用品零售", "图书零售", "打字复印"]),
    ]

    /// The first scope items of the trades above that are schools for adults: training
    /// institutions, non-subject (labelling-guide.md), though not for school children.
    static let adultSchoolItems = ["机动车驾驶员培训", "特种作业人员安全技术培训（成人）"]

    /// The property company that lists 家教服务 among forty services.
    private static let propertyServices = [
        "物业管理", "房屋租赁", "停车场服务", "保洁服务", "绿化养护", "家政服务", "家教服务", "搬家服务", "水电维修",
        "管道疏通", "开锁服务", "电梯维护", "洗衣服务", "干洗服务", "代收代缴水电费", "房屋中介", "装饰装修",
        "建材销售", "日用品销售", "礼仪服务", "会务服务", "票务代理", "快递代收", "洗车服务", "汽车美容",
        "保安服务（不含武装守护押运）", "消防设施维护", "门禁系统安装", "监控系统安装", "弱电工程", "宠物寄养",
        "老年人照护服务", "托管服务", "餐饮配送", "花卉销售", "广告制作", "复印打字", "摄影服务", "婚庆服务", "会议服务",
    ]

    /// What a sister company does (same person and address as a training institution, different trade).
    static let sisterTrades: [(trade: String, items: [String])] = [
        ("文化传媒", ["广告设计、制作、代理、发布", "文化活动策划", "影视策划"]),
        ("商贸", ["图书、文具、教学用具销售", "办公用品销售"]),
        ("信息技术", ["计算机软硬件技术开发", "网站建设", "电子产品销售"]),
        ("文化传播", ["图书、报刊零售", "文化活动组织策划（不含培训）"]),
    ]

    static let socialGroups: [(name: String, scope: String, supervisor: String)] = [
        ("篮球协会", "组织篮球比赛；开展群众性篮球活动", "体育局"),
        ("书法家协会", "书法交流；书法展览；书法普及", "文学艺术界联合会"),
        ("摄影家协会", "摄影创作交流；摄影展览", "文学艺术界联合会"),
        ("围棋协会", "围棋推广；组织围棋比赛", "体育局"),
        ("民办教育协会", "行业自律；政策宣传；业务交流", "教育局"),
        ("老年体育协会", "组织老年人体育健身活动", "体育局"),
        ("个体劳动者协会", "个体劳动者服务；行业交流", "市场监督管理局"),
        ("家庭教育研究会", "家庭教育研究；学术交流", "教育局"),
    ]

    static let enterpriseSuffix = "（依法须经批准的项目，经相关部门批准后方可开展经营活动）"

    /// Joins items the way the registry wrote them. Most use `；`; a few use ASCII commas
    /// (a CSV must quote them) or put each item on its own line (a multi-line field).
    static func text(_ items: [String], joiner: String, enterprise: Bool, suffix: Bool) -> String {
        var text = items.joined(separator: joiner)
        if enterprise && suffix { text += Self.enterpriseSuffix }
        return text
    }

    static func randomJoiner(using rng: inout SplitMix64) -> String {
        switch rng.below(100) {
        case 0..<80: "；"
        case 80..<88: ","
        case 88..<93: "\n"
        case 93..<97: "，"
        default: "、"
        }
    }
}
