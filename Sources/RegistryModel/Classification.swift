/// What kind of training an institution does, as `contract.md` defines `category`.
public enum Category: String, Sendable, Hashable, CaseIterable, Codable {
    /// 学科类: training on the content of the subject curricula (语文, 数学, 外语 …).
    case subject
    /// 非学科类: arts, sports, vocational skills, science and technology.
    case nonSubject = "non_subject"
    /// Both subject and non-subject training. Belongs to education.
    case mixed
    /// A person must decide (disguised forms, training with no visible content …): goes to review.
    case undetermined
    /// Not a training institution at all (its scope mentions training only in passing).
    case outOfScope = "out_of_scope"

    /// Subject or mixed: the categories that make a for-profit institution re-register.
    public var isSubjectOrMixed: Bool { self == .subject || self == .mixed }

    public var chineseName: String {
        switch self {
        case .subject: "学科类"
        case .nonSubject: "非学科类"
        case .mixed: "学科与非学科兼有"
        case .undetermined: "待定（需人工判断）"
        case .outOfScope: "非培训机构"
        }
    }
}

/// The competent department (归口管理).
public enum Department: String, Sendable, Hashable, CaseIterable, Codable, Comparable {
    case education
    case cultureTourism = "culture_tourism"
    case sports
    case humanResources = "human_resources"
    case scienceTechnology = "science_technology"

    public var chineseName: String {
        switch self {
        case .education: "教育"
        case .cultureTourism: "文化和旅游"
        case .sports: "体育"
        case .humanResources: "人力资源和社会保障"
        case .scienceTechnology: "科技"
        }
    }

    public static func < (a: Department, b: Department) -> Bool {
        allCases.firstIndex(of: a)! < allCases.firstIndex(of: b)!
    }
}

/// The school stage of the students an institution serves.
public enum Stage: String, Sendable, Hashable, CaseIterable, Codable, Comparable {
    /// 学龄前 (幼儿).
    case preschool
    /// 义务教育: 小学 and 初中.
    case compulsory
    /// 普通高中.
    case highSchool = "high_school"

    public var chineseName: String {
        switch self {
        case .preschool: "学龄前"
        case .compulsory: "义务教育"
        case .highSchool: "高中"
        }
    }

    public static func < (a: Stage, b: Stage) -> Bool {
        allCases.firstIndex(of: a)! < allCases.firstIndex(of: b)!
    }
}

/// The institution flags of `contract.md` (a closed list: a new flag needs a new issue).
/// Ordered as declared (`allCases`), the order the ledger lists them in.
public enum InstitutionFlag: String, Sendable, Hashable, CaseIterable, Codable, Comparable {
    case formerRegistrationActive = "former_registration_active"
    case disguisedSubjectRisk = "disguised_subject_risk"
    case preschoolSubject = "preschool_subject"
    case foreignCapital = "foreign_capital"
    case listedCompany = "listed_company"
    case newAfterPolicy = "new_after_policy"
    case subjectInNonSubject = "subject_in_non_subject"
    case countyConflict = "county_conflict"
    case invalidCreditCode = "invalid_credit_code"
    case ambiguousLink = "ambiguous_link"

    /// The flags Classify decides; the others belong to linkage and tracking.
    public static let classifierFlags: Set<InstitutionFlag> = [
        .disguisedSubjectRisk, .preschoolSubject, .foreignCapital, .listedCompany, .newAfterPolicy,
        .subjectInNonSubject,
    ]

    public var chineseName: String {
        switch self {
        case .formerRegistrationActive: "已重新登记但原营业执照仍存续"
        case .disguisedSubjectRisk: "疑似隐形变异学科类培训"
        case .preschoolSubject: "面向学龄前儿童的学科类培训"
        case .foreignCapital: "学科类机构含外资"
        case .listedCompany: "学科类机构为上市公司"
        case .newAfterPolicy: "政策实施后新设的学科类机构"
        case .subjectInNonSubject: "非学科类机构的范围含学科类培训"
        case .countyConflict: "各记录所属旗县区不一致"
        case .invalidCreditCode: "统一社会信用代码校验不通过"
        case .ambiguousLink: "记录归并存疑"
        }
    }

    public static func < (a: InstitutionFlag, b: InstitutionFlag) -> Bool { a.rawValue < b.rawValue }
}

/// One piece of evidence behind a classification, in words a clerk can check against the
/// record: which rule, which phrase, in which field of which record.
public struct ClassificationEvidence: Sendable, Hashable {
    /// The rule: a rule kind of the rules file (`subject`, `non_subject`, `disguise` …) or
    /// a decision rule of the classifier (`decision.out_of_scope_share` …).
    public let rule: String
    /// The phrase matched, or for a decision rule the figures it rests on.
    public let phrase: String
    /// The field the phrase is in (nil for decision rules over the whole institution).
    public let field: Field?
    /// The records it comes from, in order (none for decision rules over the whole institution).
    public let records: [RecordRef]
    /// Where the rule is written (`classify-rules.tsv:42`), when it comes from the rules file.
    public let source: String?
    /// What it means, in Chinese.
    public let note: String

    public init(rule: String, phrase: String, field: Field?, records: [RecordRef], source: String?, note: String) {
        self.rule = rule
        self.phrase = phrase
        self.field = field
        self.records = records
        self.source = source
        self.note = note
    }

    /// One line for review files: `规则 subject（classify-rules.tsv:12）：经营范围 “语文” [a.csv#3] — …`.
    public var text: String { text(marks: []) }

    /// The line with its records shown by their marks (`[①②]`) where `marks` has them (an
    /// institution has a handful of records: a list searched in order beats hashing them).
    func text(marks: [(record: RecordRef, mark: String)]) -> String {
        var line = "规则 "
        line.reserveCapacity(160)
        line += rule
        if let source {
            line += "（"
            line += source
            line += "）"
        }
        line += "："
        if let field {
            line += Self.fieldName(field)
            line += " "
        }
        line += "“"
        line += phrase
        line += "”"
        if !records.isEmpty {
            line += " ["
            for (position, record) in records.enumerated() {
                if let mark = marks.first(where: { $0.record == record })?.mark {
                    line += mark
                } else {
                    if position > 0 { line += ", " }
                    line += record.sourceFile
                    line += "#"
                    line += String(record.ordinal)
                }
            }
            line += "]"
        }
        if !note.isEmpty {
            line += " — "
            line += note
        }
        return line
    }

    /// ①…⑳, ㉑…㊿, then (51)…: how the evidence refers to the records it lists once.
    static func mark(_ number: Int) -> String {
        let scalar: UInt32? = switch number {
        case 1 ... 20: 0x2460 + UInt32(number - 1)
        case 21 ... 35: 0x3251 + UInt32(number - 21)
        case 36 ... 50: 0x32B1 + UInt32(number - 36)
        default: nil
        }
        return scalar.flatMap(Unicode.Scalar.init).map { String(Character($0)) } ?? "(\(number))"
    }

    static func fieldName(_ field: Field) -> String {
        switch field {
        case .name: "名称"
        case .scope: "经营/业务范围"
        case .organizationType: "企业/组织类型"
        case .supervisor: "业务主管单位"
        case .establishedOn: "成立日期"
        case .completedOn: "办结日期"
        case .status: "登记状态"
        default: field.rawValue
        }
    }
}

/// What Classify concludes about one institution from its current records.
public struct Classification: Sendable, Hashable {
    public let category: Category
    /// The competent department; nil for `out_of_scope` and `undetermined`.
    public let department: Department?
    public let stages: Set<Stage>
    /// Only the flags in `InstitutionFlag.classifierFlags`.
    public let flags: Set<InstitutionFlag>
    /// In the order the classifier weighed it: records used, phrases found, decision.
    public let evidence: [ClassificationEvidence]
    /// Why a person must look at it (always set for `undetermined`, also for risk flags).
    public let reviewReason: String?
    /// The records the category was decided from (the institution's current registration).
    public let decidingRecords: [RecordRef]

    public init(
        category: Category, department: Department?, stages: Set<Stage>, flags: Set<InstitutionFlag>,
        evidence: [ClassificationEvidence], reviewReason: String?, decidingRecords: [RecordRef]
    ) {
        self.category = category
        self.department = department
        self.stages = stages
        self.flags = flags
        self.evidence = evidence
        self.reviewReason = reviewReason
        self.decidingRecords = decidingRecords
    }

    /// The evidence as a person reads it: the records it comes from listed once, numbered
    /// (`记录：① a.csv#3；② b.xml#7`), then each finding naming its records by number.
    public var evidenceLines: [String] {
        var marks: [(record: RecordRef, mark: String)] = []
        for item in evidence {
            for record in item.records where !marks.contains(where: { $0.record == record }) {
                marks.append((record, ClassificationEvidence.mark(marks.count + 1)))
            }
        }
        let lines = evidence.map { $0.text(marks: marks) }
        guard !marks.isEmpty else { return lines }
        let legend = marks.map { "\($0.mark) \($0.record.sourceFile)#\($0.record.ordinal)" }
        return ["记录：" + legend.joined(separator: "；")] + lines
    }

    public var needsReview: Bool { reviewReason != nil }
    public var sortedStages: [Stage] { stages.sorted() }
    public var sortedFlags: [InstitutionFlag] { flags.sorted() }
}
