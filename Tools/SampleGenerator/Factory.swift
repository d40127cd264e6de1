import RegistryModel

/// What the world builder decides about an institution before it is made: the choices
/// that tie institutions together (hard cases) or must occur a minimum number of times.
struct InstitutionPlan {
    var kind: Kind
    var brand: String
    var county: County?
    /// Index of the training institution this one is a sister company of.
    var sisterOf: Int?
    var foreignCapital = false
    var listed = false
    var newAfterPolicy = false
    var countyConflict = false
    var hardCases: Set<HardCase> = []
    /// The brand is the point of a hard case (chain, one character apart, traditional):
    /// when a name is taken, the rest of the name changes, never the brand.
    var brandFixed = false
}

/// How many times the world builder has asked again because a name or code was taken.
/// All zero makes the institution exactly as drawn; anything else is drawn from streams of
/// its own, so the rest of the institution stays the same.
struct Variation: Equatable {
    /// New brand, or for a fixed brand or a social group a new rest of the name.
    var name = 0
    var enterpriseCode = 0
    var nonprofitCode = 0
}

/// Makes one institution and its life over the months from its own random stream, so
/// that the large mode can make millions one at a time without keeping them.
struct InstitutionFactory {
    let seed: UInt64

    /// Shares of each kind in the world. Out-of-scope companies are over a third of the
    /// market-regulation records, as in real exports.
    static let kindShares: [(Kind, Double)] = [
        (.subject, 27.5), (.highSchool, 3), (.preschool, 2.5), (.mixed, 5),
        (.arts, 6), (.sports, 4), (.vocational, 2.5), (.science, 3),
        (.disguised, 4.5), (.alreadyNonprofit, 4), (.socialGroup, 2.5), (.outOfScope, 35.5),
    ]

    static func truthID(_ index: Int) -> String {
        let digits = String(index + 1)
        return "T" + String(repeating: "0", count: max(0, 6 - digits.count)) + digits
    }

    func make(index: Int, plan: InstitutionPlan, partner: Institution?, variation: Variation = Variation()) -> Institution {
        var rng = SplitMix64(seed: seed, stream: 1, index: UInt64(index))
        let kind = plan.kind
        // A sister company follows its partner's brand, also when that one had to change.
        var brand = partner?.brand ?? plan.brand
        let keepsBrand = plan.brandFixed || partner != nil || kind == .socialGroup
        if variation.name > 0 && !keepsBrand {
            var draw = redraw(.brand, index: index, attempt: variation.name)
            brand = Names.replacementBrand(business: kind == .outOfScope, attempt: variation.name, using: &draw)
        }
        let draws = Redraws(
            name: variation.name > 0 && keepsBrand ? redraw(.nameStyle, index: index, attempt: variation.name) : nil,
            enterpriseCode: variation.enterpriseCode > 0 ? redraw(.enterpriseCode, index: index, attempt: variation.enterpriseCode) : nil,
            nonprofitCode: variation.nonprofitCode > 0 ? redraw(.nonprofitCode, index: index, attempt: variation.nonprofitCode) : nil,
            wideCivilCode: variation.nonprofitCode > 20)
        let county = partner?.county ?? plan.county ?? Places.randomCounty(using: &rng)
        let developmentZone = county == .linhe && rng.chance(0.12)
        let person = partner?.person ?? Self.person(county: county, using: &rng)
        let address = partner?.address ?? Places.address(county: county, developmentZone: developmentZone, using: &rng)
        var institution = Institution(
            id: Self.truthID(index), kind: kind, county: county, brand: brand, person: person,
            address: address, stages: [])
        institution.hardCases = plan.hardCases
        institution.mongolianAddress = rng.chance(0.02)

        switch kind {
        case .alreadyNonprofit:
            makeAlreadyNonprofit(&institution, draws: draws, using: &rng)
        case .socialGroup:
            makeSocialGroup(&institution, draws: draws, using: &rng)
        default:
            var division = developmentZone ? BayannurDivision.developmentZone : (rng.chance(0.08) ? BayannurDivision.city : county.code)
            if let partner, let partnerDivision = partner.enterprise?.division { division = partnerDivision }
            if plan.countyConflict {
                let others = County.allCases.filter { $0 != county }
                division = others[rng.below(others.count)].code
                institution.countyConflict = true
            }
            makeEnterprise(&institution, plan: plan, division: division, draws: draws, using: &rng)
            if kind.isSubjectOrMixed {
                planReregistration(&institution, draws: draws, using: &rng)
            } else {
                planOtherEvents(&institution, using: &rng)
            }
        }
        return institution
    }

    /// The streams a re-asked institution draws its new name or code from.
    private enum Redraw: UInt64 {
        case brand = 3, nameStyle, enterpriseCode, nonprofitCode
    }

    private func redraw(_ purpose: Redraw, index: Int, attempt: Int) -> SplitMix64 {
        SplitMix64(seed: seed, stream: purpose.rawValue, index: UInt64(index) << 16 | UInt64(attempt & 0xFFFF))
    }

    /// Separate random streams for what the world builder asked to draw again (nil: keep the first draw).
    private struct Redraws {
        var name: SplitMix64?
        var enterpriseCode: SplitMix64?
        var nonprofitCode: SplitMix64?
        /// Letters may follow `MJ` too once the digits are crowded (millions of institutions).
        var wideCivilCode: Bool
    }

    private static func person(county: County, using rng: inout SplitMix64) -> Person {
        let area = rng.chance(0.8) ? (rng.chance(0.2) ? BayannurDivision.formerLinhe : county.code) : rng.pick(["150102", "150203", "152601", "620102", "140105"])
        let born = Day.random(in: Day(1962, 1, 1)...Day(1996, 12, 31), using: &rng)
        return Person(name: Names.person(using: &rng), residentID: Codes.residentID(area: area, born: born, using: &rng), mobile: Codes.mobile(using: &rng))
    }

    // MARK: - Registrations

    private static let companyTypes: [(String, Double)] = [
        ("有限责任公司(自然人投资或控股)", 68), ("有限责任公司(自然人独资)", 15), ("有限责任公司(非自然人投资或控股的法人独资)", 5),
        ("其他有限责任公司", 6), ("股份有限公司(非上市、自然人投资或控股)", 6),
    ]
    private static let foreignTypes = ["有限责任公司(外商投资、非独资)", "有限责任公司(台港澳与境内合资)", "有限责任公司(外国法人独资)", "有限责任公司(中外合资)"]
    private static let capitals: [Double] = [3, 5, 10, 10, 20, 30, 50, 50, 100, 100, 200, 500]

    private func makeEnterprise(
        _ institution: inout Institution, plan: InstitutionPlan, division: String, draws: Redraws, using rng: inout SplitMix64
    ) {
        let kind = institution.kind
        let county = institution.county
        let established: Day
        if plan.newAfterPolicy {
            established = Day.random(in: Day(2021, 7, 26)...Day(2021, 10, 31), using: &rng)
        } else if !kind.isSubjectOrMixed && rng.chance(0.04) {
            established = Day.random(in: Day(2021, 8, 1)...Day(2022, 1, 25), using: &rng)
        } else {
            let year = 2008 + rng.weighted([1, 1, 1, 2, 2, 3, 3, 4, 5, 6, 7, 8, 8, 6])
            let last = year == 2021 ? Day(2021, 7, 20) : Day(year, 12, 31)
            established = Day.random(in: Day(year, 1, 1)...last, using: &rng)
        }

        let individualShare: Double = switch kind {
        case .subject, .preschool: 0.22
        case .arts: 0.2
        case .sports, .disguised: 0.1
        case .outOfScope: 0.3
        default: 0
        }
        let outOfScopeTrade = rng.pick(Scopes.outOfScope)
        var isIndividual = !plan.foreignCapital && !plan.listed && plan.sisterOf == nil && rng.chance(individualShare)
        if kind == .outOfScope && outOfScopeTrade.individualTrade == nil { isIndividual = false }

        let type: String
        if isIndividual {
            type = "个体工商户"
        } else if plan.foreignCapital {
            type = rng.pick(Self.foreignTypes)
        } else if plan.listed {
            type = "股份有限公司(上市、自然人投资或控股)"
        } else {
            type = Self.companyTypes[rng.weighted(Self.companyTypes.map(\.1))].0
        }

        let template: ScopeTemplate
        var trade: String
        var individualTrade: String
        switch kind {
        case .subject:
            template = rng.pick(Scopes.subject)
            trade = rng.pick(["教育科技", "教育科技", "教育咨询", "教育信息咨询", "文化教育", "教育培训", "培训学校"])
            individualTrade = rng.pick(["课外辅导班", "辅导中心", "教育培训部", "托管辅导中心"])
        case .highSchool:
            template = rng.pick(Scopes.highSchool)
            trade = rng.pick(["教育科技", "教育咨询", "文化教育"])
            individualTrade = "辅导中心"
        case .preschool:
            template = rng.pick(Scopes.preschool)
            trade = rng.pick(["教育科技", "幼儿教育咨询", "早教服务"])
            individualTrade = rng.pick(["幼小衔接中心", "早教中心"])
        case .mixed:
            template = rng.pick(Scopes.mixed)
            trade = rng.pick(["教育科技", "文化艺术培训", "教育咨询"])
            individualTrade = "培训中心"
        case .arts:
            template = rng.pick(Scopes.arts)
            trade = rng.pick(["文化艺术", "艺术培训", "美术培训", "舞蹈艺术", "音乐文化"])
            individualTrade = rng.pick(["美术工作室", "舞蹈工作室", "书法培训部"])
        case .sports:
            template = rng.pick(Scopes.sports)
            trade = rng.pick(["体育文化发展", "体育培训", "体育健身"])
            individualTrade = rng.pick(["跆拳道馆", "篮球训练营"])
        case .vocational:
            template = rng.pick(Scopes.vocational)
            trade = rng.pick(["职业技能培训学校", "职业培训", "职业技能培训"])
            individualTrade = "培训部"
        case .science:
            template = rng.pick(Scopes.science)
            trade = rng.pick(["机器人教育科技", "智能科技", "创客教育科技", "科技"])
            individualTrade = "科技工作室"
        case .disguised:
            template = rng.pick(Scopes.disguised)
            trade = rng.pick(["文化传播", "教育咨询", "家政服务", "研学旅行", "文化艺术交流", "素质拓展", "国学文化"])
            individualTrade = rng.pick(["家政服务部", "文化工作室"])
        default:
            if let sister = plan.sisterOf {
                let sisterTrade = Scopes.sisterTrades[sister % Scopes.sisterTrades.count]
                template = ScopeTemplate(items: sisterTrade.items, stages: [])
                trade = sisterTrade.trade
            } else {
                template = ScopeTemplate(items: outOfScopeTrade.items, stages: [])
                trade = outOfScopeTrade.trade
            }
            individualTrade = outOfScopeTrade.individualTrade ?? "经营部"
        }
        if plan.listed { trade = "教育科技" }
        institution.stages = template.stages

        var name: String
        if isIndividual {
            name = Names.individualName(brand: institution.brand, county: county, trade: individualTrade)
        } else {
            var style = Names.EnterpriseNameStyle(
                prefix: rng.weighted([30, 25, 20, 5, 8]), trade: trade,
                form: plan.listed ? "股份有限公司" : rng.pick(Names.forms))
            name = Names.enterpriseName(brand: institution.brand, county: county, style: style)
            if var draw = draws.name {
                style.prefix = draw.weighted([30, 25, 20, 5, 8])
                if !plan.listed { style.form = draw.pick(Names.forms) }
                name = Names.enterpriseName(brand: institution.brand, county: county, style: style)
            }
        }
        if isIndividual, var draw = draws.name {
            let trades = kind == .disguised ? ["文化工作室", "家政服务部", "文化传播部", "咨询服务部"] : ["培训部", "工作室", "培训中心", "辅导中心", "学习中心"]
            name = Names.individualName(brand: institution.brand, county: county, trade: draw.pick(trades))
        }

        let numeric = established < Day(2015, 10, 1)
        let codePrefix = isIndividual ? "92" : "91"
        let codeStyle: Codes.OrganizationStyle = numeric ? .numeric : .marketAssigned
        var code = Codes.creditCode(prefix: codePrefix, division: division, style: codeStyle, using: &rng)
        if var draw = draws.enterpriseCode {
            code = Codes.creditCode(prefix: codePrefix, division: division, style: codeStyle, using: &draw)
        }
        let joiner = Scopes.randomJoiner(using: &rng)
        let scope = Scopes.text(template.items, joiner: joiner, enterprise: true, suffix: rng.chance(0.5))
        let capital = plan.listed ? 51_300 : isIndividual ? rng.pick([1.0, 2, 3, 5]) : rng.pick(Self.capitals)
        let active = ["存续", "存续", "在业", "存续（在营、开业、在册）"][rng.below(4)]
        institution.enterprise = Enterprise(
            name: name, code: code, type: type, isIndividual: isIndividual, division: division,
            established: established, capital: capital, scope: scope, activeStatus: active)
    }

    private static let endStatuses: [(String, Double)] = [("注销", 55), ("吊销", 12), ("吊销，未注销", 10), ("迁出", 13), ("撤销", 10)]

    private static func endStatus(using rng: inout SplitMix64) -> String {
        endStatuses[rng.weighted(endStatuses.map(\.1))].0
    }

    /// A subject or mixed for-profit: re-register, leave subject training, close, or
    /// nothing yet. Done dates are spread so the completion rate rises from about 20% at
    /// the end of September to about 85% at the end of January.
    private func planReregistration(_ institution: inout Institution, draws: Redraws, using rng: inout SplitMix64) {
        guard var enterprise = institution.enterprise else { return }
        let established = enterprise.established
        let earliest = max(Policy.start.plus(days: 2), established.plus(days: 10))
        let buckets: [(ClosedRange<Day>, Double)] = [
            (Day(2021, 8, 5)...Day(2021, 9, 30), 23), (Day(2021, 10, 1)...Day(2021, 10, 31), 21),
            (Day(2021, 11, 1)...Day(2021, 11, 30), 20), (Day(2021, 12, 1)...Day(2021, 12, 31), 27),
            (Day(2022, 1, 1)...Day(2022, 1, 31), 9),
        ]
        var doneDay: Day? = nil
        if rng.chance(0.86) {
            let bucket = buckets[rng.weighted(buckets.map(\.1))].0
            var day = Day.random(in: bucket, using: &rng)
            if bucket.lowerBound == Day(2021, 12, 1) && rng.chance(0.6) { day = Day.random(in: Day(2021, 12, 15)...Day(2021, 12, 31), using: &rng) }
            doneDay = max(day, earliest.plus(days: 14))
        }

        let way: Int  // 0 re-register, 1 remove subject training, 2 end the registration
        if institution.kind == .preschool {
            way = rng.chance(0.5) ? 1 : 2
        } else {
            way = [0, 1, 2][rng.weighted([75, 10, 15])]
        }

        if let done = doneDay {
            switch way {
            case 0:
                institution.nonprofit = makeNonprofit(for: institution, registeredOn: done, draws: draws, using: &rng)
                if rng.chance(0.55) {
                    enterprise.end = StatusEvent(day: done.plus(days: rng.int(7...75)), status: "注销")
                }
                if done <= Day(2021, 11, 30) && rng.chance(0.015) {
                    institution.nonprofit?.cancelled = done.plus(days: rng.int(30...60))
                }
            case 1:
                let (kind, template) = Self.nonSubjectReplacement(using: &rng)
                let scope = Scopes.text(template.items, joiner: "；", enterprise: true, suffix: rng.chance(0.5))
                institution.scopeChange = ScopeChange(day: done, scope: scope, kind: kind, stages: template.stages)
            default:
                enterprise.end = StatusEvent(day: done, status: Self.endStatus(using: &rng))
            }
        } else if way == 0 && rng.chance(0.5) {
            // Applied, still under way at the end of the sample.
            let registeredOn = Day.random(in: Day(2022, 2, 10)...Day(2022, 3, 31), using: &rng)
            var nonprofit = makeNonprofit(for: institution, registeredOn: registeredOn, draws: draws, using: &rng)
            let applied = Day.random(in: max(earliest, Day(2021, 11, 15))...Day(2022, 1, 25), using: &rng)
            nonprofit.applied = applied
            nonprofit.reviewFrom = rng.chance(0.6) ? applied.plus(days: rng.int(3...20)) : nil
            institution.nonprofit = nonprofit
        } else if rng.chance(0.15) {
            enterprise.suspension = StatusEvent(day: Day.random(in: Day(2021, 9, 1)...Day(2022, 1, 20), using: &rng), status: rng.chance(0.7) ? "停业" : "清算")
        }
        institution.enterprise = enterprise
    }

    private static func nonSubjectReplacement(using rng: inout SplitMix64) -> (Kind, ScopeTemplate) {
        switch rng.below(4) {
        case 0: (.arts, rng.pick(Scopes.arts))
        case 1: (.sports, rng.pick(Scopes.sports))
        case 2: (.science, rng.pick(Scopes.science))
        default: (.arts, ScopeTemplate(items: ["少儿美术、书法培训", "研学旅行服务（不含学科类培训）"], stages: []))
        }
    }

    private static let nonprofitScopes: [Kind: [String]] = [
        .subject: ["义务教育阶段语文、数学、英语学科类培训", "中小学生学科类课外培训", "初中物理、化学学科类培训", "小学语文、数学学科类培训"],
        .highSchool: ["普通高中学科类培训"],
        .mixed: ["中小学生学科类培训；艺术类培训", "义务教育阶段学科类培训；体育、艺术类培训"],
        .alreadyNonprofit: ["中小学文化课补习", "小学、初中学科培训", "文化课辅导；学习方法指导"],
    ]

    private func makeNonprofit(for institution: Institution, registeredOn: Day, draws: Redraws, using rng: inout SplitMix64) -> Nonprofit {
        let county = institution.county
        let cityLevel = rng.chance(0.1) || institution.enterprise?.division == BayannurDivision.developmentZone
        let division = cityLevel ? BayannurDivision.city : county.code
        var code = Codes.creditCode(prefix: "52", division: division, style: .civilAssigned, using: &rng)
        if var draw = draws.nonprofitCode {
            code = Codes.creditCode(prefix: "52", division: division, style: draws.wideCivilCode ? .civilAssignedWide : .civilAssigned, using: &draw)
        }
        // Offices opened the window on the policy's first working days; nobody applied before.
        let applied = min(max(registeredOn.plus(days: -rng.int(12...45)), Policy.start.plus(days: rng.int(2...16))), registeredOn.plus(days: -5))
        let reviewFrom = applied.plus(days: rng.int(3...12))
        let scopes = Self.nonprofitScopes[institution.kind] ?? Self.nonprofitScopes[.subject]!
        var name = Names.nonprofitName(
            brand: institution.brand, county: county, cityLevel: cityLevel, style: rng.below(3) == 0 ? 1 : 0,
            trade: rng.pick(Names.nonprofitTrades))
        if var draw = draws.name {
            name = Names.nonprofitName(
                brand: institution.brand, county: county, cityLevel: cityLevel, style: draw.below(2), trade: draw.pick(Names.nonprofitTrades))
        }
        return Nonprofit(
            name: name, code: code, type: "民办非企业单位", division: division, applied: applied,
            reviewFrom: reviewFrom < registeredOn ? reviewFrom : nil, established: registeredOn,
            certificate: Self.certificate(division: division, year: 2021, institution: institution.id, using: &rng), capital: rng.pick([3.0, 5, 10, 10, 20, 30]),
            supervisor: "\(cityLevel ? "巴彦淖尔市" : county.name)教育局", scope: rng.pick(scopes),
            address: rng.chance(0.75) ? institution.address : Places.address(county: county, developmentZone: false, using: &rng),
            representative: rng.chance(0.9) ? institution.person.name : Names.person(using: &rng),
            showsFormerCode: true)
    }

    /// 登记证号 are unique per registering authority: the number comes from the institution's
    /// own id, never from chance, so that two schools never share one.
    private static func certificate(
        division: String, year: Int, institution id: String, using rng: inout SplitMix64, socialGroup: Bool = false
    ) -> String {
        let abbreviation = switch County(rawValue: division) {
        case .linhe: "临"
        case .wuyuan: "五"
        case .dengkou: "磴"
        case .uratFront: "前"
        case .uratMiddle: "中"
        case .uratRear: "后"
        case .hangginRear: "杭"
        case nil: "市"
        }
        // The sample was first drawn with a random number here (which let two schools share
        // a number); the draw stays so that the rest of the world is drawn as before.
        _ = rng.int(1...299)
        let number = Int(id.drop { !$0.isNumber }) ?? 0
        let padded = number < 10 ? "000\(number)" : number < 100 ? "00\(number)" : number < 1000 ? "0\(number)" : "\(number)"
        return "巴\(abbreviation)\(socialGroup ? "民社" : "民非")字第\(year)\(padded)号"
    }

    private func makeAlreadyNonprofit(_ institution: inout Institution, draws: Redraws, using rng: inout SplitMix64) {
        let county = institution.county
        let cityLevel = rng.chance(0.1)
        let division = cityLevel ? BayannurDivision.city : county.code
        let established = Day.random(in: Day(2006, 3, 1)...Day(2019, 12, 31), using: &rng)
        var code = Codes.creditCode(prefix: "52", division: division, style: Self.civilStyle(established: established), using: &rng)
        if var draw = draws.nonprofitCode {
            code = Codes.creditCode(prefix: "52", division: division, style: Self.civilStyle(established: established, wide: draws.wideCivilCode), using: &draw)
        }
        institution.stages = [.compulsory]
        let trades = ["培训学校", "培训中心", "文化学校", "补习学校"]
        var name = Names.nonprofitName(brand: institution.brand, county: county, cityLevel: cityLevel, style: rng.below(3) == 0 ? 1 : 0, trade: rng.pick(trades))
        if var draw = draws.name {
            name = Names.nonprofitName(brand: institution.brand, county: county, cityLevel: cityLevel, style: draw.below(2), trade: draw.pick(trades))
        }
        let amended = rng.chance(0.3) ? Day.random(in: Day(2021, 8, 1)...Day(2022, 1, 28), using: &rng) : nil
        institution.nonprofit = Nonprofit(
            name: name, code: code, type: "民办非企业单位", division: division, applied: nil, reviewFrom: nil,
            established: established, certificate: Self.certificate(division: division, year: established.components.year, institution: institution.id, using: &rng),
            capital: rng.pick([3.0, 5, 10]), supervisor: "\(cityLevel ? "巴彦淖尔市" : county.name)教育局",
            scope: rng.pick(Self.nonprofitScopes[.alreadyNonprofit]!), address: institution.address,
            representative: institution.person.name, amended: amended, showsFormerCode: false)
    }

    /// Civil affairs' own codes since 2016; before, organisation codes of digits.
    private static func civilStyle(established: Day, wide: Bool = false) -> Codes.OrganizationStyle {
        if established < Day(2016, 1, 1) { return .numeric }
        return wide ? .civilAssignedWide : .civilAssigned
    }

    private func makeSocialGroup(_ institution: inout Institution, draws: Redraws, using rng: inout SplitMix64) {
        let county = institution.county
        let group = rng.pick(Scopes.socialGroups)
        let cityLevel = rng.chance(0.4)
        let division = cityLevel ? BayannurDivision.city : county.code
        let established = Day.random(in: Day(1996, 1, 1)...Day(2018, 12, 31), using: &rng)
        var code = Codes.creditCode(prefix: "51", division: division, style: Self.civilStyle(established: established), using: &rng)
        if var draw = draws.nonprofitCode {
            code = Codes.creditCode(prefix: "51", division: division, style: Self.civilStyle(established: established, wide: draws.wideCivilCode), using: &draw)
        }
        let prefix = cityLevel ? "巴彦淖尔市" : county.name
        var name = "\(prefix)\(group.name)"
        if var draw = draws.name {
            // A county has one 篮球协会; further ones are for an audience, or take a brand-like name.
            let qualifier = draw.below(3) > 0 ? draw.pick(Names.socialGroupQualifiers.filter { !group.name.contains($0) }) : Names.replacementBrand(business: false, attempt: 0, using: &draw)
            name = "\(prefix)\(qualifier)\(group.name)"
        }
        institution.nonprofit = Nonprofit(
            name: name, code: code, type: "社会团体", division: division, applied: nil, reviewFrom: nil,
            established: established, certificate: Self.certificate(division: division, year: established.components.year, institution: institution.id, using: &rng, socialGroup: true),
            capital: rng.pick([3.0, 5]), supervisor: "\(prefix)\(group.supervisor)", scope: group.scope,
            address: institution.address, representative: institution.person.name, showsFormerCode: false)
    }

    /// Institutions that need not re-register still close, are revoked or pause.
    private func planOtherEvents(_ institution: inout Institution, using rng: inout SplitMix64) {
        guard var enterprise = institution.enterprise else { return }
        let roll = rng.unit()
        if roll < 0.06 {
            let from = max(Day(2021, 8, 1), enterprise.established.plus(days: 30))
            if from < Day(2022, 1, 31) {
                enterprise.end = StatusEvent(day: Day.random(in: from...Day(2022, 1, 31), using: &rng), status: Self.endStatus(using: &rng))
            }
        } else if roll < 0.10 && institution.kind == .outOfScope && enterprise.established < Day(2012, 1, 1) {
            enterprise.end = StatusEvent(day: Day.random(in: Day(2013, 1, 1)...Day(2019, 12, 31), using: &rng), status: rng.chance(0.6) ? "吊销，未注销" : "吊销")
        } else if roll < 0.13 {
            enterprise.suspension = StatusEvent(day: Day.random(in: Day(2021, 8, 1)...Day(2022, 1, 20), using: &rng), status: rng.chance(0.7) ? "停业" : "清算")
        }
        institution.enterprise = enterprise
    }
}
