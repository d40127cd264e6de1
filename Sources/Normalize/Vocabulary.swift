import RegistryModel

/// Status words, business types and organisation-type keywords, from the data files.
/// Words are keyed by their compact form (NFKC, spaces removed), so the width of brackets
/// and commas in an export does not matter.
struct Vocabulary: Sendable {
    let market: [String: MarketStatus]
    let civil: [String: CivilStatus]
    let businessTypes: [String: BusinessType]
    /// Keyword bytes and what they show, in file order.
    let organizationKeywords: [(bytes: [UInt8], fact: OrganizationFact)]

    enum OrganizationFact: Sendable, Hashable {
        case form(OrganizationForm)
        case foreignCapital
        case listed
    }

    init(
        statusRows: [(line: Int, columns: [String])],
        businessRows: [(line: Int, columns: [String])],
        organizationRows: [(line: Int, columns: [String])]
    ) throws {
        var market: [String: MarketStatus] = [:]
        var civil: [String: CivilStatus] = [:]
        for (line, columns) in statusRows {
            let bad = NormalizeError.badDataLine(
                file: "status-words.tsv", line: line, text: columns.joined(separator: "\t"),
                expected: "market_regulation|civil_affairs<TAB>词<TAB>状态")
            guard columns.count == 3, let word = TextFolding.compact(columns[1]) else { throw bad }
            switch SourceKind(rawValue: columns[0]) {
            case .marketRegulation?:
                guard let status = MarketStatus(rawValue: columns[2]) else { throw bad }
                market[word] = status
            case .civilAffairs?:
                guard let status = CivilStatus(rawValue: columns[2]) else { throw bad }
                civil[word] = status
            case nil:
                throw bad
            }
        }
        self.market = market
        self.civil = civil

        var business: [String: BusinessType] = [:]
        for (line, columns) in businessRows {
            let bad = NormalizeError.badDataLine(
                file: "business-types.tsv", line: line, text: columns.joined(separator: "\t"),
                expected: "词<TAB>establishment|accepted|change|cancellation")
            guard columns.count == 2, let word = TextFolding.compact(columns[0]) else { throw bad }
            switch columns[1] {
            case "establishment": business[word] = .establishment
            case "accepted": business[word] = .accepted
            case "change": business[word] = .change
            case "cancellation": business[word] = .cancellation
            default: throw bad
            }
        }
        businessTypes = business

        var keywords: [(bytes: [UInt8], fact: OrganizationFact)] = []
        for (line, columns) in organizationRows {
            let bad = NormalizeError.badDataLine(
                file: "organization-types.tsv", line: line, text: columns.joined(separator: "\t"),
                expected: "关键词<TAB>法律形式|foreign_capital|listed_company")
            guard columns.count == 2, let word = TextFolding.compact(columns[0]) else { throw bad }
            let fact: OrganizationFact
            switch columns[1] {
            case "foreign_capital": fact = .foreignCapital
            case "listed_company": fact = .listed
            case let form:
                guard let form = OrganizationForm(rawValue: form) else { throw bad }
                fact = .form(form)
            }
            keywords.append((Array(word.utf8), fact))
        }
        organizationKeywords = keywords
    }

    func status(_ compact: String, kind: SourceKind) -> RegistrationStatus {
        switch kind {
        case .marketRegulation: market[compact].map(RegistrationStatus.market) ?? .unknown(compact)
        case .civilAffairs: civil[compact].map(RegistrationStatus.civil) ?? .unknown(compact)
        }
    }

    func businessType(_ compact: String) -> BusinessType {
        businessTypes[compact] ?? .unknown(compact)
    }

    func organizationType(_ compact: String) -> OrganizationTypeFacts {
        let bytes = Array(compact.utf8)
        var form: OrganizationForm? = nil
        var foreign = false
        var listed = false
        for (keyword, fact) in organizationKeywords where bytes.firstOffset(of: keyword) != nil {
            switch fact {
            case .form(let f): if form == nil { form = f }
            case .foreignCapital: foreign = true
            case .listed: listed = true
            }
        }
        return OrganizationTypeFacts(
            text: TextFolding.fullWidthBrackets(compact), form: form, foreignCapital: foreign, listed: listed)
    }
}

/// Reads capital amounts when the form is simple: `100(万)`, `50(万人民币元)`,
/// `51,300(万)`, `10.000000万人民币`, `500万美元`, `30000元`. A bare number (the unit only in
/// the column header) is not guessed: its amount is nil.
public enum CapitalReader {
    static let wan: [UInt8] = Array("万".utf8)
    static let yuan: [UInt8] = Array("元".utf8)
    static let currencies: [(bytes: [UInt8], name: String)] = [
        ("美元", "美元"), ("港元", "港元"), ("港币", "港元"), ("欧元", "欧元"), ("日元", "日元"),
        ("英镑", "英镑"), ("澳门元", "澳门元"), ("新台币", "新台币"),
    ].map { (Array($0.0.utf8), $0.1) }

    public static func read(_ text: String) -> CapitalReading? {
        guard let compact = TextFolding.compact(text) else { return nil }
        var number: [UInt8] = []
        var rest: [UInt8] = []
        var inNumber = true
        var sawDigit = false
        for byte in compact.utf8 {
            if inNumber {
                if byte >= 0x30 && byte <= 0x39 { number.append(byte); sawDigit = true; continue }
                if byte == UInt8(ascii: ".") && sawDigit { number.append(byte); continue }
                if byte == UInt8(ascii: ",") && sawDigit { continue }
                if !sawDigit { return CapitalReading(tenThousands: nil, currency: nil) }
                inNumber = false
            }
            rest.append(byte)
        }
        let currency = currencies.first { rest.firstOffset(of: $0.bytes) != nil }?.name
        guard sawDigit, let value = Double(String(decoding: number, as: UTF8.self)) else {
            return CapitalReading(tenThousands: nil, currency: currency)
        }
        if rest.firstOffset(of: wan) != nil { return CapitalReading(tenThousands: value, currency: currency) }
        if rest.firstOffset(of: yuan) != nil { return CapitalReading(tenThousands: value / 10_000, currency: currency) }
        return CapitalReading(tenThousands: nil, currency: currency)
    }
}
