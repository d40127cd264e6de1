import Foundation
import RegistryModel

/// The kinds of line in the rules file (`Data/classify-rules.tsv`).
enum RuleKind: String, Sendable, CaseIterable {
    case subject
    case nonSubject = "non_subject"
    case stage
    case youth
    case training
    case nameMarker = "name_marker"
    case adult
    case nonTraining = "non_training"
    /// Goods, research or works (销售, 研发, 设备): an item ending in one is about that, not teaching.
    case goods
    case disguise
    case exclusion

    /// What a phrase of this kind means where the evidence lists it; nil for the kinds it does
    /// not list (they only shape how the others are read).
    var findingMeaning: String? {
        switch self {
        case .subject: "学科类内容"
        case .nonSubject: "非学科类内容"
        case .stage: "学段"
        case .disguise: "隐形变异用语"
        case .adult: "成人/非校外培训"
        case .training: "培训字样"
        case .youth, .nameMarker, .nonTraining, .goods, .exclusion: nil
        }
    }
}

/// How strong a disguise phrase is (see the README).
enum DisguiseStrength: String, Sendable {
    /// A teaching activity in itself (住家教师): flags on its own.
    case selfEvident = "self"
    /// Flags with youth or subject content, even when subject training is stated openly.
    case strong
    /// Flags with youth or subject content only when subject training is not stated openly.
    case weak
    /// Like weak, counted in names only (`咨询` is in too many scopes).
    case weakName = "weak_name"
}

/// One line of the rules file.
struct Rule: Sendable, Hashable {
    let kind: RuleKind
    let phrase: String
    let value: String
    let note: String
    /// `classify-rules.tsv:42`
    let source: String
    /// The note of its findings in the evidence (`学科类内容（strong）：…`), made once for the batch.
    let findingNote: String

    init(kind: RuleKind, phrase: String, value: String, note: String, source: String) {
        self.kind = kind
        self.phrase = phrase
        self.value = value
        self.note = note
        self.source = source
        let meaning = (kind.findingMeaning ?? "") + (value == "-" ? "" : "（\(value)）")
        findingNote = note.isEmpty ? meaning : "\(meaning)：\(note)"
    }

    var department: Department? { kind == .nonSubject ? Department(rawValue: value) : nil }
    var stage: Stage? { kind == .stage ? Stage(rawValue: value) : nil }
    var strongSubject: Bool { kind == .subject && value == "strong" }
    /// Education as a trade (教育咨询): maybe training, but it says nothing taught.
    var educationService: Bool { kind == .training && value == "service" }
    var disguise: DisguiseStrength? { kind == .disguise ? DisguiseStrength(rawValue: value) : nil }
}

/// The rules, parsed and checked.
struct RuleBook: Sendable {
    let rules: [Rule]

    static let fileName = "classify-rules.tsv"

    init(text: String, fileName: String) throws {
        var rules: [Rule] = []
        var seen = Set<String>()
        for (offset, rawLine) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let lineNumber = offset + 1
            var line = String(rawLine)
            if line.hasSuffix("\r") { line.removeLast() }
            if line.hasPrefix("\u{FEFF}") { line.removeFirst() }
            let trimmed = line.trimmingCharacters(in: .whitespaces)
            if trimmed.isEmpty || trimmed.hasPrefix("#") { continue }
            let columns = line.split(separator: "\t", omittingEmptySubsequences: false)
                .map { $0.trimmingCharacters(in: .whitespaces) }
            let source = "\(fileName):\(lineNumber)"
            guard columns.count >= 3 else {
                throw ClassifyError.badRule(source: source, line: line, reason: "应有 3 列（类别、短语、取值），用 Tab 分隔，实际 \(columns.count) 列")
            }
            guard let kind = RuleKind(rawValue: columns[0]) else {
                throw ClassifyError.badRule(
                    source: source, line: line,
                    reason: "未知的类别“\(columns[0])”，可用：\(RuleKind.allCases.map(\.rawValue).joined(separator: ", "))")
            }
            let phrase = columns[1].precomposedStringWithCompatibilityMapping
            guard !phrase.isEmpty else {
                throw ClassifyError.badRule(source: source, line: line, reason: "短语为空")
            }
            let value = columns[2]
            let valid: Bool
            switch kind {
            case .subject: valid = value == "strong" || value == "weak"
            case .nonSubject: valid = Department(rawValue: value).map { $0 != .education } ?? false
            case .stage: valid = Stage(rawValue: value) != nil
            case .disguise: valid = DisguiseStrength(rawValue: value) != nil
            case .exclusion: valid = !value.isEmpty
            case .training: valid = value == "-" || value == "service"
            case .youth, .nameMarker, .adult, .nonTraining, .goods: valid = true
            }
            guard valid else {
                throw ClassifyError.badRule(source: source, line: line, reason: "取值“\(value)”不适用于类别 \(kind.rawValue)")
            }
            let key = "\(kind.rawValue)\t\(phrase)\t\(value)"
            if !seen.insert(key).inserted { continue }
            rules.append(Rule(
                kind: kind, phrase: phrase, value: value,
                note: columns.count > 3 ? columns[3] : "", source: source))
        }
        guard rules.contains(where: { $0.kind == .subject }) else {
            throw ClassifyError.badRule(source: fileName, line: "", reason: "规则文件中没有任何学科类（subject）短语")
        }
        self.rules = rules
    }

    /// The default rules shipped with the module.
    static var bundledURL: URL? {
        Bundle.module.url(forResource: "Data/\(fileName)", withExtension: nil)
            ?? Bundle.module.url(forResource: fileName, withExtension: nil)
    }

    static func bundled() throws -> RuleBook {
        guard let url = bundledURL else { throw ClassifyError.missingRules(path: "Data/\(fileName)（随程序发布的默认规则）") }
        return try load(url)
    }

    static func load(_ url: URL) throws -> RuleBook {
        guard let data = FileManager.default.contents(atPath: url.path) else {
            throw ClassifyError.missingRules(path: url.path)
        }
        guard let text = String(data: data, encoding: .utf8) else {
            throw ClassifyError.notUTF8(path: url.path)
        }
        return try RuleBook(text: text, fileName: url.lastPathComponent)
    }
}
