import Foundation
import TestSupport
import RegistryModel
@testable import Reports

/// Fake but realistic batches: a few hundred institutions across the 7 旗县区, five monthly
/// batches 2021-09 … 2022-01, deterministic (a fixed LCG), with personal data in the
/// contacts so that the feed tests have something to leak.
enum FakeBatch {
    struct Generator {
        var state: UInt64
        mutating func next() -> UInt64 {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return state >> 33
        }
        mutating func int(_ range: Range<Int>) -> Int { range.lowerBound + Int(next() % UInt64(range.count)) }
        mutating func chance(_ percent: Int) -> Bool { int(0..<100) < percent }
        mutating func pick<T>(_ items: [T]) -> T { items[int(0..<items.count)] }
    }

    static let months = ["2021-09", "2021-10", "2021-11", "2021-12", "2022-01"]
    static let asOfs = [
        Day(year: 2021, month: 9, day: 30)!, Day(year: 2021, month: 10, day: 31)!, Day(year: 2021, month: 11, day: 30)!,
        Day(year: 2021, month: 12, day: 31)!, Day(year: 2022, month: 1, day: 31)!,
    ]
    static let deadline = Day(year: 2021, month: 12, day: 31)!

    /// The plan of one institution over the five months.
    struct Plan {
        let id: InstitutionID
        let brand: String
        let county: County?
        let category: Category
        let department: Department?
        let stages: [Stage]
        let required: Bool
        let alreadyNonprofit: Bool
        /// Batch index from which it is known.
        let firstMonth: Int
        /// Batch index of completion or exit (nil: never within the five months).
        let doneMonth: Int?
        let exits: Bool
        let completedDay: Int
        let flags: [InstitutionFlag]
        let contact: Contact
    }

    static let brands = [
        "智远", "启明", "博学", "育才", "新东方向", "学而思远", "卓越", "明德", "书香", "英才", "金榜", "乐学", "思源", "精英",
        "优学", "名师", "状元", "睿智", "博雅", "阳光", "北斗", "河套", "黄河", "巴彦", "阴山", "天赋", "致远", "弘毅",
    ]
    static let surnames = ["王", "李", "张", "刘", "陈", "杨", "赵", "黄", "周", "吴", "高", "马", "乌", "包", "白"]
    static let givenNames = ["伟", "芳", "娜", "敏", "静", "丽", "强", "磊", "军", "洋", "勇", "艳", "杰", "娟", "涛", "其其格", "巴特尔"]

    static func plans(count: Int = 320, seed: UInt64 = 2021) -> [Plan] {
        var g = Generator(state: seed)
        let countyWeights: [(County?, Int)] = [
            (.linhe, 34), (.wuyuan, 12), (.dengkou, 7), (.uratFront, 11), (.uratMiddle, 6), (.uratRear, 4),
            (.hangginRear, 14), (nil, 2),
        ]
        var plans: [Plan] = []
        for index in 1...count {
            var roll = g.int(0..<90)
            var county: County? = .linhe
            for (candidate, weight) in countyWeights {
                if roll < weight { county = candidate; break }
                roll -= weight
            }
            let categoryRoll = g.int(0..<100)
            let category: Category = categoryRoll < 58 ? .subject : categoryRoll < 68 ? .mixed : categoryRoll < 93 ? .nonSubject : .outOfScope
            let department: Department? = switch category {
            case .subject, .mixed: .education
            case .nonSubject: g.pick([.cultureTourism, .cultureTourism, .sports, .sports, .scienceTechnology, .humanResources])
            default: nil
            }
            let stages: [Stage] = switch category {
            case .subject, .mixed: g.chance(12) ? [.preschool, .compulsory] : g.chance(20) ? [.compulsory, .highSchool] : [.compulsory]
            case .nonSubject: g.chance(30) ? [.preschool, .compulsory] : [.compulsory]
            default: []
            }
            let alreadyNonprofit = category.isSubjectOrMixed && g.chance(8)
            let required = category.isSubjectOrMixed && !alreadyNonprofit
            let firstMonth = g.chance(88) ? 0 : g.int(1..<5)
            var doneMonth: Int? = nil
            if required {
                // Most finish around the deadline; some never.
                let r = g.int(0..<100)
                doneMonth = r < 12 ? 0 : r < 30 ? 1 : r < 55 ? 2 : r < 78 ? 3 : r < 86 ? 4 : nil
                if let done = doneMonth, done < firstMonth { doneMonth = firstMonth }
            }
            var flags: [InstitutionFlag] = []
            if category.isSubjectOrMixed, stages.contains(.preschool) { flags.append(.preschoolSubject) }
            if category == .nonSubject, g.chance(8) { flags.append(.disguisedSubjectRisk) }
            if category == .nonSubject, g.chance(4) { flags.append(.subjectInNonSubject) }
            if category.isSubjectOrMixed, g.chance(2) { flags.append(.foreignCapital) }
            if g.chance(3) { flags.append(.invalidCreditCode) }
            let contact = Contact(
                legalRepresentative: g.pick(surnames) + g.pick(givenNames),
                idNumber: (county?.code ?? "150800") + String(1965 + g.int(0..<35)) + twoDigits(g.int(1..<13))
                    + twoDigits(g.int(1..<29)) + String(g.int(100..<1000)) + g.pick(["1", "3", "5", "X", "8"]),
                phone: g.pick(["138", "139", "150", "152", "186", "187", "158", "135"]) + String(g.int(10_000_000..<100_000_000)))
            plans.append(Plan(
                id: InstitutionID(sequence: index), brand: g.pick(brands) + (index % 3 == 0 ? "" : g.pick(["", "学", "教育", "文化"])),
                county: county, category: category, department: department, stages: stages, required: required,
                alreadyNonprofit: alreadyNonprofit, firstMonth: firstMonth, doneMonth: doneMonth,
                exits: g.chance(22), completedDay: g.int(1..<28), flags: flags, contact: contact))
        }
        return plans
    }

    static func twoDigits(_ value: Int) -> String { value < 10 ? "0\(value)" : String(value) }

    /// The ledger lines after batch `month` (0…4).
    static func lines(_ plans: [Plan], month: Int) -> [LedgerLine] {
        let asOf = asOfs[month]
        return plans.filter { $0.firstMonth <= month }.map { plan in
            let county = plan.county
            var status: ReregistrationStatus = plan.alreadyNonprofit ? .alreadyNonprofit : .notRequired
            var completedOn: Day? = nil
            var category = plan.category
            var flags = plan.flags
            let completed = plan.required && plan.doneMonth.map { $0 <= month } == true
            if plan.required {
                status = .notStarted
                if let done = plan.doneMonth, done <= month {
                    if plan.exits {
                        status = .exited
                        category = .nonSubject
                    } else {
                        status = .completed
                        let m = asOfs[done]
                        completedOn = Day(year: m.year, month: m.month, day: min(plan.completedDay, m.day))
                        if done == month, plan.completedDay % 4 == 0 { flags.append(.formerRegistrationActive) }
                    }
                } else if let done = plan.doneMonth, done == month + 1 {
                    status = .inProgress
                } else if plan.doneMonth == nil, plan.completedDay % 3 == 0, month >= 2 {
                    status = .inProgress
                }
            }
            let overdue = plan.required && (status == .notStarted || status == .inProgress) && asOf > deadline
            let name: String
            if completed && !plan.exits {
                name = "\(county?.shortName ?? "巴彦淖尔")\(plan.brand)培训学校"
            } else {
                name = "巴彦淖尔市\(county?.name ?? "")\(plan.brand)\(plan.category == .outOfScope ? "物业服务" : "教育科技")有限公司"
            }
            let suffix = String(plan.id.sequence ?? 0, radix: 36).uppercased()
            let code = "91\(county?.code ?? "150800")MA0" + String(repeating: "0", count: max(0, 7 - suffix.count)) + suffix
            return LedgerLine(
                institutionID: plan.id, name: name,
                creditCode: completed && !plan.exits ? "52" + code.dropFirst(2) : code,
                formerCreditCodes: completed && !plan.exits ? [code] : [], countyCode: county?.code,
                countyName: county?.name, category: category, department: plan.department, stages: plan.stages,
                reregistrationRequired: plan.required, reregistrationStatus: status, completedOn: completedOn,
                overdue: overdue, daysOverdue: overdue ? deadline.days(to: asOf) : 0, flags: flags.sorted(),
                firstSeenBatch: months[plan.firstMonth], lastSeenBatch: months[month], sourceRecordCount: completed ? 2 : 1)
        }
    }

    static func counts(_ lines: [LedgerLine]) -> (ProgressCounts, [String: ProgressCounts]) {
        var overall = ProgressCounts()
        var byCounty: [String: ProgressCounts] = [:]
        for line in lines {
            overall.count(line)
            if line.reregistrationRequired { byCounty[line.countyCode ?? "unknown", default: ProgressCounts()].count(line) }
        }
        return (overall, byCounty)
    }

    /// The report for batch `month` (default: the last, 2022-01, past the deadline).
    static func report(month: Int = 4, count: Int = 320, missingRegistry: Bool = false) -> BatchReport {
        let plans = plans(count: count)
        let lines = lines(plans, month: month)
        let previous = month > 0 ? self.lines(plans, month: month - 1) : []
        let (summary, byCounty) = counts(lines)
        let trend = (0...month).map { TrendPoint(month: months[$0], asOf: asOfs[$0], counts: counts(self.lines(plans, month: $0)).0) }
        var contacts: [InstitutionID: Contact] = [:]
        for plan in plans { contacts[plan.id] = plan.contact }
        let review = lines.filter { $0.flags.contains(.disguisedSubjectRisk) }.prefix(6).map {
            ReviewItem(kind: .flag, institutionIDs: [$0.institutionID], summary: "是否以“研学”“思维训练”名义开展学科类培训？",
                       evidence: "规则 disguise（classify-rules.tsv:88）：经营/业务范围 “思维训练” [market-2022-01.csv#\($0.institutionID.sequence ?? 0)]")
        } + [
            ReviewItem(kind: .link, institutionIDs: [InstitutionID(sequence: 12), InstitutionID(sequence: 13)],
                       summary: "“临河区智远培训学校”是否即“巴彦淖尔市临河区智远教育科技有限公司”重新登记而来？",
                       evidence: "品牌“智远”一致、同在临河区、法定代表人一致；原统一社会信用代码缺失 <script>alert(1)</script>"),
            ReviewItem(kind: .category, institutionIDs: [InstitutionID(sequence: 40)], summary: "经营范围仅写“教育咨询”，类别待定",
                       evidence: "规则 decision.no_content：未见学科或非学科内容"),
        ]
        let files = [
            FileQuality(name: "民政-社会组织-\(months[month]).csv", registry: .civilAffairs, format: .csv, encoding: .gb18030,
                        records: 212, accepted: 209, rejected: 3),
            FileQuality(name: "市场监管-企业-\(months[month]).xml", registry: .marketRegulation, format: .xml, encoding: .utf8,
                        records: 418, accepted: 414, rejected: 4),
            FileQuality(name: "民政-成立登记公告-\(months[month]).csv", registry: .civilAffairs, format: .csv, encoding: .utf8,
                        records: 37, accepted: 37, rejected: 0),
        ]
        let rejectRows = [
            RejectRow(file: files[0].name, ordinal: 211, reason: RejectReason.footerRow(text: "合计").message),
            RejectRow(file: files[0].name, ordinal: 57, reason: RejectReason.replacementCharacter(field: "社会组织名称").message),
            RejectRow(file: files[0].name, ordinal: 98, reason: RejectReason.raggedRow(expected: 14, found: 12).message),
            RejectRow(file: files[1].name, ordinal: 3, reason: RejectReason.missingIdentity.message),
            RejectRow(file: files[1].name, ordinal: 77, reason: RejectReason.missingIdentity.message),
            RejectRow(file: files[1].name, ordinal: 150, reason: RejectReason.raggedRow(expected: 14, found: 15).message),
            RejectRow(file: files[1].name, ordinal: 418, reason: RejectReason.footerRow(text: "总计").message),
        ]
        let groups = [
            RejectGroup(code: "footer_row", reason: RejectReason.footerRow(text: "合计").message, count: 2,
                        examples: [RecordRef(sourceFile: files[0].name, ordinal: 211), RecordRef(sourceFile: files[1].name, ordinal: 418)]),
            RejectGroup(code: "missing_identity", reason: RejectReason.missingIdentity.message, count: 2,
                        examples: [RecordRef(sourceFile: files[1].name, ordinal: 3)]),
            RejectGroup(code: "ragged_row", reason: "字段数与表头不符 (ragged_row)", count: 2,
                        examples: [RecordRef(sourceFile: files[0].name, ordinal: 98)]),
            RejectGroup(code: "mojibake", reason: RejectReason.replacementCharacter(field: "社会组织名称").message, count: 1,
                        examples: [RecordRef(sourceFile: files[0].name, ordinal: 57)]),
        ]
        return BatchReport(
            asOf: asOfs[month], deadline: deadline, batchMonth: months[month],
            previousBatchMonth: month > 0 ? months[month - 1] : nil, lines: lines, previousLines: previous,
            summary: summary, summaryByCounty: byCounty, trend: trend, reviewItems: Array(review),
            rejectGroups: groups, rejectRows: rejectRows, files: files, duplicatesMerged: 5,
            invalidCodes: lines.filter { $0.flags.contains(.invalidCreditCode) }.count,
            missingRegistryWarning: missingRegistry ? "本批缺少市场监管部门的企业登记数据：相关机构沿用上一批次的状态。" : nil,
            contacts: contacts)
    }

    /// A fresh temporary folder per test.
    static func temporaryFolder() throws -> URL {
        try TestScratch.folder("reports")
    }
}
