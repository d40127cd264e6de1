import Foundation
import RegistryModel
import Support

/// Decides each institution's category, department, stages and risk flags from its current
/// records, with the evidence. Build one per batch (it compiles the rules once); it is
/// `Sendable`, so institutions may be classified from several tasks.
///
/// The decision, in order (see README.md for the reasons):
/// 1. the records that decide: a registered 民办非企业单位 if there is one, else the active
///    enterprise registration, else a pending application, else whatever records there are;
/// 2. a 社会团体, 基金会 or 事业单位 is `out_of_scope`;
/// 3. disguise vocabulary with youth or subject content is `undetermined` + `disguised_subject_risk`;
/// 4. no training content, or only adult-only training (驾驶员, 保安, 成年人的…) → `out_of_scope`;
///    training in passing in a scope about something else, with no training name → `out_of_scope`;
/// 5. subject content → `subject` (with non-subject content: `mixed`), department education;
/// 6. non-subject content only → `non_subject`, department of the strongest evidence;
/// 7. training words with no visible content → `undetermined`.
public struct Classifier: Sendable {
    let rules: [Rule]
    let reader: TextReader

    /// Where the rules came from, for the report.
    public let rulesSource: String
    /// Number of rules loaded.
    public var ruleCount: Int { rules.count }

    /// The rules shipped with the module, or the deployment's file when `rulesFile` is given.
    public init(rulesFile: URL? = nil) throws {
        let book = try rulesFile.map(RuleBook.load) ?? RuleBook.bundled()
        self.init(book: book, source: rulesFile?.path ?? "Classify/Data/\(RuleBook.fileName)")
    }

    /// The default rules file shipped with the module.
    public static var defaultRulesURL: URL? { RuleBook.bundledURL }

    /// Rules given as text in the rules-file format (for tests and tools).
    public init(rulesText: String, name: String = "rules.tsv") throws {
        self.init(book: try RuleBook(text: rulesText, fileName: name), source: name)
    }

    init(book: RuleBook, source: String) {
        rules = book.rules
        reader = TextReader(rules: book.rules)
        rulesSource = source
    }

    // MARK: Which records decide

    enum Role: Int, Comparable {
        case registeredNonprofit = 0, activeEnterprise, application, other
        static func < (a: Role, b: Role) -> Bool { a.rawValue < b.rawValue }

        var chinese: String {
            switch self {
            case .registeredNonprofit: "已登记的民政登记（正常）"
            case .activeEnterprise: "存续的市场主体登记"
            case .application: "民政受理中的申请"
            case .other: "已注销、吊销等的登记（无现行登记）"
            }
        }
    }

    static func role(of record: SourceRecord) -> Role {
        switch record.kind {
        case .civilAffairs:
            switch record.status {
            case .civil(.normal)?: return .registeredNonprofit
            case .civil(.applicationAccepted)?, .civil(.underReview)?: return .application
            case .civil(.cancelled)?, .civil(.annulled)?, .market?: return .other
            case .unknown?, nil:
                switch record.businessType {
                case .accepted?: return .application
                case .cancellation?: return .other
                default: return .registeredNonprofit
                }
            }
        case .marketRegulation:
            switch record.status {
            case .market(.active)?, .market(.suspended)?, .market(.liquidating)?, .unknown?, nil: return .activeEnterprise
            default: return .other
            }
        }
    }

    // MARK: Classifying

    /// Classifies one institution from its records this batch (both registries, applications
    /// included). `policyStart` is the day the policy took effect (2021-07-24).
    public func classify(_ records: [SourceRecord], policyStart: Day) -> Classification {
        let byRank = classify(records, policyStart: policyStart, decidingRole: nil)
        // An enterprise whose scope does not say what it teaches, applying as a non-profit whose
        // scope does: the application makes the category clear (contract.md, requirement).
        guard [.undetermined, .outOfScope].contains(byRank.category),
              records.contains(where: { Self.role(of: $0) == .activeEnterprise }),
              records.contains(where: { Self.role(of: $0) == .application }) else { return byRank }
        let byApplication = classify(records, policyStart: policyStart, decidingRole: .application)
        // A disguise stays flagged: subject teaching named by the application makes it subject
        // (contract.md), anything else leaves it undetermined.
        guard byRank.flags.contains(.disguisedSubjectRisk) else {
            return [.subject, .mixed, .nonSubject].contains(byApplication.category) ? byApplication : byRank
        }
        guard [.subject, .mixed].contains(byApplication.category) else { return byRank }
        return Classification(
            category: byApplication.category, department: byApplication.department, stages: byApplication.stages,
            flags: byApplication.flags.union(byRank.flags), evidence: byApplication.evidence + byRank.evidence.filter { $0.rule == "decision.disguise" },
            reviewReason: byRank.reviewReason ?? byApplication.reviewReason, decidingRecords: byApplication.decidingRecords)
    }

    /// Classifies from the records of `decidingRole`, or of the best role the records have.
    private func classify(_ records: [SourceRecord], policyStart: Day, decidingRole: Role?) -> Classification {
        var evidence: [ClassificationEvidence] = []
        let sorted = records.sorted { $0.ref < $1.ref }
        guard !sorted.isEmpty else {
            return Classification(
                category: .undetermined, department: nil, stages: [], flags: [],
                evidence: [], reviewReason: "没有可用的记录", decidingRecords: [])
        }
        let roles = sorted.map(Self.role)
        let best = decidingRole ?? roles.min()!
        let deciding = zip(sorted, roles).filter { $0.1 == best }.map(\.0)
        // Records under one name are one line naming them all (a handful of records: a list
        // searched in order beats hashing their names).
        var names: [(name: String, records: [RecordRef])] = []
        for record in deciding {
            let name = record.name ?? record.creditCode?.code ?? "（无名称）"
            if let index = names.firstIndex(where: { $0.name == name }) {
                names[index].records.append(record.ref)
            } else {
                names.append((name, [record.ref]))
            }
        }
        let decidingNote = decidingRole == nil ? "据此判断：\(best.chinese)"
            : "据此判断：\(best.chinese)（存续的市场主体登记看不出所教内容）"
        for (name, records) in names {
            evidence.append(ClassificationEvidence(rule: "decision.records", phrase: name, field: .name, records: records,
                                                   source: nil, note: decidingNote))
        }

        // 2. Not a training institution by legal form.
        if deciding.allSatisfy({ Self.form($0).map(Self.nonTrainingForms.contains) ?? false }) {
            for record in deciding {
                let text = record.organizationType?.text ?? record.creditCode.map { "代码 \($0.code.prefix(2))…" } ?? ""
                evidence.append(decision(
                    "decision.out_of_scope_form", text, "社会团体、基金会、事业单位不是校外培训机构",
                    field: .organizationType, record: record.ref))
            }
            return Classification(
                category: .outOfScope, department: nil, stages: [], flags: [], evidence: evidence,
                reviewReason: nil, decidingRecords: deciding.map(\.ref))
        }

        var reading = read(deciding)
        // A school's scope that names a subject or an art bare (`特色英语`) names what it teaches.
        if reading.nameTrainingLike && reading.subject.isEmpty && reading.nonSubject.isEmpty {
            for hint in reading.contentHints {
                // The school's name is the training word its item lacks.
                let taught = Hit(rule: hint.rule, field: hint.field, record: hint.record, offset: hint.offset, withTraining: true)
                if rules[hint.rule].kind == .subject { reading.subject.append(taught) } else { reading.nonSubject.append(taught) }
            }
        }
        // A subject word in the name alone is not teaching when the scope says what is taught
        // and names no subject (`英语角教育咨询`): at most undetermined.
        var nameOnlySubject: [Hit] = []
        if reading.hasScope && !reading.subject.isEmpty && reading.subject.allSatisfy({ $0.field == .name }) {
            nameOnlySubject = reading.subject
            reading.subject = []
        }
        evidence += reading.evidence(rules: rules)

        var stages = Set(reading.stageHits.compactMap { rules[$0.rule].stage })
        var flags = Set<InstitutionFlag>()
        var reviewReason: String? = nil
        var category: Category
        var department: Department? = nil

        let hasSubject = !reading.subject.isEmpty
        let hasYouth = !reading.youth.isEmpty
        let openSubject = reading.subject.contains { rules[$0.rule].strongSubject || $0.withTraining }
        let disguises = reading.disguise
        let selfEvident = disguises.filter { rules[$0.rule].disguise == .selfEvident }
        let strong = disguises.filter { rules[$0.rule].disguise == .strong }
        let weak = disguises.filter { [.weak, .weakName].contains(rules[$0.rule].disguise) }
        let departments = reading.departmentScores(rules: rules)
        // Self-evident words flag alone. Strong words flag with youth words in the same clause
        // (or anywhere, when the word is in the name), beside subject teaching anywhere (研学
        // beside 数学培训: the camp is where the subjects are taught), and alone where nothing
        // else is clearly taught: a disguise does not say who is taught. Weak words (咨询,
        // 文化传播, 家政服务) flag with youth or subject words only when the scope states no
        // training content openly.
        let disguiseRisk: [Hit] = {
            if !selfEvident.isEmpty { return selfEvident }
            let strongHits = strong.filter { $0.field == .name || $0.withContent || hasSubject || departments.isEmpty }
            if !strongHits.isEmpty { return strongHits }
            guard hasSubject || hasYouth else { return [] }
            if !weak.isEmpty && !openSubject && departments.isEmpty { return weak }
            return []
        }()

        let scopeItems = reading.items, trainingItems = reading.trainingItems, contentItems = reading.contentItems
        let share = scopeItems > 0 ? Double(trainingItems) / Double(scopeItems) : 1
        let shareText = "经营/业务范围共 \(scopeItems) 项，涉及培训 \(trainingItems) 项（\(reading.trainingItemTexts.prefix(4).joined(separator: "、"))）"
        let trainingName = reading.nameTrainingLike
        let anyTraining = hasSubject || !departments.isEmpty || !reading.training.isEmpty || !nameOnlySubject.isEmpty

        if !disguiseRisk.isEmpty && !openSubject {
            // 3. Disguised forms: a person decides.
            category = .undetermined
            flags.insert(.disguisedSubjectRisk)
            let words = phraseList(disguiseRisk)
            let content = hasSubject ? "并有学科类内容" : hasYouth ? "并有面向中小学生/儿童的内容" : "未写明培训对象和内容"
            reviewReason = "以“\(words)”等名义出现，\(content)，疑似隐形变异学科类培训，需人工核实"
            evidence.append(decision("decision.disguise", words, reviewReason!, field: nil, record: nil))
        } else if !reading.adult.isEmpty && (!anyTraining || (reading.hasScope && !reading.scopeTraining)) {
            // 4a. Adult-only training.
            // A school for adults (驾驶员, 考研, 成人高考) is non-subject vocational training, for
            // 人社 (labelling-guide.md); a company that trains its clients or staff in passing
            // is no training institution.
            let words = phraseList(reading.adult)
            if trainingName || reading.adultItems * 2 >= max(scopeItems, 1) {
                category = .nonSubject
                department = .humanResources
                evidence.append(decision(
                    "decision.non_subject_adult", words, "只涉及成人、驾驶员、职业资格等培训：非学科类（职业技能、成人培训），归口人力资源和社会保障部门",
                    field: .scope, record: nil))
            } else {
                category = .outOfScope
                evidence.append(decision(
                    "decision.out_of_scope_adult", words, "只在其他业务之外附带成人、员工、业务等培训，不是校外培训机构",
                    field: .scope, record: nil))
            }
        } else if !anyTraining {
            // 4b. Nothing about training at all.
            category = .outOfScope
            evidence.append(decision(
                "decision.out_of_scope_none", reading.hasScope ? shareText : "（无经营范围）",
                "名称和经营/业务范围都不涉及培训", field: nil, record: nil))
        } else if !trainingName && scopeItems >= 3 && !hasSubject
                    && ((contentItems == 0 && share <= 1.0 / 3.0) || (scopeItems >= 5 && share < 0.2)) {
            // 4c. Training in passing in a scope about something else.
            category = .outOfScope
            evidence.append(decision(
                "decision.out_of_scope_share", shareText,
                "培训只是众多经营项目之一，名称也不含培训字样，不是培训机构", field: .scope, record: nil))
        } else if !trainingName && scopeItems >= 5 && hasSubject && share < 0.2 {
            category = .undetermined
            reviewReason = "经营范围以其他业务为主，但列有学科类培训内容，需人工核实是否实际从事培训"
            evidence.append(decision("decision.subject_in_passing", shareText, reviewReason!, field: .scope, record: nil))
        } else if hasSubject {
            // 5. Subject content (also under a disguise that names it openly: flagged, and reviewed).
            category = departments.isEmpty ? .subject : .mixed
            department = .education
            evidence.append(decision(
                category == .subject ? "decision.subject" : "decision.mixed",
                phraseList(reading.subject),
                category == .subject ? "有学科类培训内容，归口教育部门" : "学科类与非学科类培训兼有，归口教育部门",
                field: nil, record: nil))
            if !disguiseRisk.isEmpty {
                flags.insert(.disguisedSubjectRisk)
                let words = phraseList(disguiseRisk)
                reviewReason = "以“\(words)”等名义出现，且范围写明学科类培训，需人工核实"
                evidence.append(decision("decision.disguise", words, reviewReason!, field: nil, record: nil))
            }
        } else if let top = departments.first {
            // 6. Non-subject only.
            category = .nonSubject
            department = top.department
            let others = departments.dropFirst().map { "\($0.department.chineseName) \($0.score)" }.joined(separator: "，")
            evidence.append(decision(
                "decision.non_subject", top.phrases.joined(separator: "、"),
                "非学科类培训，归口\(top.department.chineseName)部门（得分 \(top.score)\(others.isEmpty ? "" : "；其他：\(others)")）",
                field: nil, record: nil))
        } else if reading.subjectExcluded && nameOnlySubject.isEmpty {
            // 7a. Training whose scope says it is not subject training (`…培训（不含学科类）`).
            category = .nonSubject
            evidence.append(decision(
                "decision.non_subject_excluded", shareText, "经营/业务范围写明不含学科类培训，所教内容未列入规则：非学科类，归口待定",
                field: .scope, record: nil))
        } else {
            // 7. Training without visible content.
            category = .undetermined
            reviewReason = nameOnlySubject.isEmpty
                ? "有培训字样（\(phraseList(reading.training))），但看不出是学科类还是非学科类，需人工判断"
                : "名称含“\(phraseList(nameOnlySubject))”，但经营/业务范围未写明学科类培训，需人工判断"
            evidence.append(decision("decision.no_content", shareText, reviewReason!, field: nil, record: nil))
        }

        if category == .outOfScope { stages = [] }

        // Flags that need subject or mixed.
        if category.isSubjectOrMixed {
            if stages.contains(.preschool) {
                flags.insert(.preschoolSubject)
                evidence.append(decision("flag.preschool_subject", "学龄前", "面向学龄前儿童的学科类培训（已禁止）", field: nil, record: nil))
            }
            for record in sorted {
                guard let type = record.organizationType else { continue }
                if type.foreignCapital && flags.insert(.foreignCapital).inserted {
                    evidence.append(decision("flag.foreign_capital", type.text, "学科类机构的企业类型显示外资或港澳台资本",
                                             field: .organizationType, record: record.ref))
                }
                if type.listed && flags.insert(.listedCompany).inserted {
                    evidence.append(decision("flag.listed_company", type.text, "学科类机构登记为上市公司",
                                             field: .organizationType, record: record.ref))
                }
            }
            if let first = firstRegistration(sorted), first.day > policyStart {
                flags.insert(.newAfterPolicy)
                evidence.append(decision(
                    "flag.new_after_policy", first.day.iso, "最早的登记日期在政策实施（\(policyStart.iso)）之后",
                    field: first.field, record: first.record))
            }
            for record in deciding {
                guard let supervisor = record.supervisor, Self.nonEducationSupervisor(supervisor) else { continue }
                flags.insert(.subjectInNonSubject)
                evidence.append(decision(
                    "flag.subject_in_non_subject", supervisor, "业务主管单位不是教育部门，但业务范围含学科类培训",
                    field: .supervisor, record: record.ref))
            }
        }
        if category == .nonSubject {
            // Other current records (e.g. the old enterprise still active) still show subject teaching.
            let others = zip(sorted, roles).filter { $0.1 != best && $0.1 != .other }.map(\.0)
            let otherReading = read(others)
            if let hit = otherReading.subject.first {
                flags.insert(.subjectInNonSubject)
                evidence.append(decision(
                    "flag.subject_in_non_subject", rules[hit.rule].phrase,
                    "按现行登记为非学科类，但其另一条现行登记的范围仍含学科类培训", field: hit.field, record: hit.record))
            }
        }
        if reviewReason == nil && flags.contains(.subjectInNonSubject) {
            reviewReason = "非学科类登记的机构范围含学科类培训（规划禁止），需人工核实"
        }
        return Classification(
            category: category, department: department, stages: stages, flags: flags,
            evidence: evidence, reviewReason: reviewReason, decidingRecords: deciding.map(\.ref))
    }

    /// Reads a name or scope text alone, for tools and tests: the phrases the rules find in it.
    public func phrases(in text: String, field: Field = .scope) -> [ClassificationEvidence] {
        let ref = RecordRef(sourceFile: "", ordinal: 0)
        var reading = InstitutionReading()
        reading.add(reader.read(text, field: field, record: ref), field: field)
        return reading.evidence(rules: rules)
    }

    /// What a scope says is taught, outside its exclusions (`文化活动组织策划（不含培训）` teaches
    /// nothing, nor does `教育信息咨询` alone, a sister trade): what linkage asks of a non-profit
    /// and of its possible predecessors.
    public func teaching(_ scope: String) -> ScopeTeaching {
        let reading = reader.read(scope, field: .scope, record: RecordRef(sourceFile: "", ordinal: 0))
        if !reading.subject.isEmpty { return .subject }
        if !reading.nonSubject.isEmpty { return .otherContent }
        return reading.namesTraining || reading.contentItems > 0 ? .unstated : .none
    }

    // MARK: Helpers

    private func read(_ records: [SourceRecord]) -> InstitutionReading {
        var reading = InstitutionReading()
        for record in records {
            if let name = record.name {
                reading.add(reader.read(name, field: .name, record: record.ref), field: .name)
            }
            if let scope = record.scope {
                reading.add(reader.read(scope, field: .scope, record: record.ref), field: .scope)
            }
        }
        return reading
    }

    static let nonTrainingForms: Set<OrganizationForm> = [.socialGroup, .foundation, .publicInstitution]

    static func form(_ record: SourceRecord) -> OrganizationForm? {
        if let form = record.organizationType?.form { return form }
        switch record.creditCode?.category {
        case .socialGroup?: return .socialGroup
        case .foundation?: return .foundation
        case .publicInstitution?, .institution?: return .publicInstitution
        case .privateNonEnterprise?: return .privateNonEnterprise
        case .enterprise?: return .enterprise
        case .individualBusiness?: return .individualBusiness
        default: return nil
        }
    }

    static func nonEducationSupervisor(_ text: String) -> Bool {
        guard !text.contains("教育") else { return false }
        return ["文化", "旅游", "体育", "人力资源", "人社", "科技", "科学技术"].contains { text.contains($0) }
    }

    /// The earliest registration day among the records: 成立日期, or the 办结日期 of a 受理 or
    /// 成立登记. A non-profit carrying a former enterprise code is not a first registration.
    private func firstRegistration(_ records: [SourceRecord]) -> (day: Day, field: Field, record: RecordRef)? {
        var best: (day: Day, field: Field, record: RecordRef)? = nil
        var derived = false
        for record in records {
            var candidates: [(Day, Field)] = []
            if let day = record.establishedOn?.day { candidates.append((day, .establishedOn)) }
            switch record.businessType {
            case .accepted?, .establishment?:
                if let day = record.completedOn?.day { candidates.append((day, .completedOn)) }
            default: break
            }
            for (day, field) in candidates where best == nil || day < best!.day {
                best = (day, field, record.ref)
                derived = record.formerCreditCode != nil
            }
        }
        return derived ? nil : best
    }

    /// The hits' phrases, each once, in order: `数学、语文`.
    private func phraseList(_ hits: [Hit]) -> String {
        hits.map { rules[$0.rule].phrase }.sortedWithoutDuplicates().joined(separator: "、")
    }

    private func decision(_ rule: String, _ phrase: String, _ note: String, field: Field?, record: RecordRef?) -> ClassificationEvidence {
        ClassificationEvidence(rule: rule, phrase: phrase, field: field, records: record.map { [$0] } ?? [], source: nil, note: note)
    }
}

/// The hits of all deciding records together.
struct InstitutionReading {
    var subject: [Hit] = []
    var nonSubject: [Hit] = []
    var stageHits: [Hit] = []
    var youth: [Hit] = []
    var training: [Hit] = []
    var adult: [Hit] = []
    var disguise: [Hit] = []
    var nameMarkers: [Hit] = []
    var contentHints: [Hit] = []
    var items = 0, trainingItems = 0, contentItems = 0, adultItems = 0
    var trainingItemTexts: [String] = []
    var hasScope = false
    /// A scope excludes subject training in so many words.
    var subjectExcluded = false
    /// Training or training content found in a scope (not only in a name).
    var scopeTraining = false
    var nameTrainingLike = false

    mutating func add(_ field: FieldReading, field kind: Field) {
        subject += field.subject
        nonSubject += field.nonSubject
        stageHits += field.stages
        youth += field.youth
        training += field.training
        adult += field.adult
        disguise += field.disguise
        nameMarkers += field.nameMarkers
        contentHints += field.contentHints
        if kind == .scope {
            hasScope = true
            if field.subjectExcluded { subjectExcluded = true }
            if !field.subject.isEmpty || !field.nonSubject.isEmpty || !field.training.isEmpty { scopeTraining = true }
            // The record with the most training items speaks for the scope.
            if field.trainingItems > trainingItems || items == 0 {
                items = field.items
                trainingItems = field.trainingItems
                contentItems = field.contentItems
                adultItems = field.adultItems
                trainingItemTexts = field.trainingItemTexts
            }
        } else if kind == .name {
            if !field.training.isEmpty || !field.nameMarkers.isEmpty || !field.subject.isEmpty || !field.nonSubject.isEmpty {
                nameTrainingLike = true
            }
        }
    }

    struct DepartmentScore {
        let department: Department
        let score: Int
        let inName: Bool
        let firstOffset: Int
        let phrases: [String]
    }

    /// Non-subject departments, strongest first: distinct phrases (a phrase in the name counts
    /// twice), then name, then the order of the rules file's departments.
    func departmentScores(rules: [Rule]) -> [DepartmentScore] {
        var byDepartment: [Department: [Hit]] = [:]
        for hit in nonSubject {
            guard let department = rules[hit.rule].department else { continue }
            byDepartment[department, default: []].append(hit)
        }
        return byDepartment.map { department, hits in
            let phrases = hits.map { rules[$0.rule].phrase }.sortedWithoutDuplicates()
            let inName = hits.contains { $0.field == .name }
            return DepartmentScore(
                department: department, score: phrases.count + (inName ? 2 : 0), inName: inName,
                firstOffset: hits.map(\.offset).min() ?? 0, phrases: phrases)
        }.sorted {
            if $0.score != $1.score { return $0.score > $1.score }
            return $0.department < $1.department
        }
    }

    func evidence(rules: [Rule]) -> [ClassificationEvidence] {
        var result: [ClassificationEvidence] = []
        // The same phrase in the same field of several records (a registration, its re-export, its
        // application) is one finding naming them all: a clerk reads each phrase once. An
        // institution has a handful of findings: a list searched in order beats hashing them.
        for hits in [subject, nonSubject, stageHits, disguise, adult, training] {
            var findings: [(rule: Int, field: Field, records: [RecordRef])] = []
            for hit in hits.sorted(by: { ($0.record, $0.field.ordinal, $0.offset) < ($1.record, $1.field.ordinal, $1.offset) }) {
                if let index = findings.firstIndex(where: { $0.rule == hit.rule && $0.field == hit.field }) {
                    if findings[index].records.last != hit.record { findings[index].records.append(hit.record) }
                } else {
                    findings.append((hit.rule, hit.field, [hit.record]))
                }
            }
            for finding in findings {
                let rule = rules[finding.rule]
                result.append(ClassificationEvidence(
                    rule: rule.kind.rawValue, phrase: rule.phrase, field: finding.field, records: finding.records,
                    source: rule.source, note: rule.findingNote))
            }
        }
        return result
    }
}
