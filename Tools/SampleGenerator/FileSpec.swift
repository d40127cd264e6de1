import RegistryModel

/// A column (or XML field) an export may carry; its label is the file's own.
enum Column {
    case serial, name, code, formerCode, organizationType, representative, residentID, phone
    case established, status, authority, supervisor, address, scope, capital, certificate
    case province, region, businessType, completedOn
}

/// What a file lists.
enum FileSource {
    /// Every social organisation registered by the as-of date.
    case civilSnapshot
    /// The civil-affairs business done after `after` up to the as-of date.
    case civilBusiness(after: Day)
    /// Enterprises and individual businesses registered by the as-of date.
    case market(MarketFilter)
}

enum MarketFilter {
    case all, companies, individuals, individualsAndCountiesOtherThanLinhe, companiesInLinhe
}

enum FileFormat {
    case csv(title: String?, blankAfterTitle: Bool, footer: String?, crlf: Bool, rowMess: RowMessProfile)
    case xml(style: XMLExport.Style, declaredEncoding: String, duplicateRate: Double)
}

/// One export file of a month: what it lists, how it is laid out and how messy it is.
struct FileSpec {
    var name: String
    var source: FileSource
    var format: FileFormat
    var encoding: OutputEncoding
    var columns: [(Column, String)]
    var mess: MessProfile

    var registry: SourceKind {
        if case .market = source { return .marketRegulation }
        return .civilAffairs
    }

    var formatLabel: String {
        switch format {
        case .csv(let title, _, let footer, let crlf, _):
            "CSV, \(encoding.label), \(crlf ? "CRLF" : "LF")\(title == nil ? "" : ", title row")\(footer == nil ? "" : ", footer row")"
        case .xml(let style, let declared, _):
            "XML \(style == .attributes ? "attribute-per-field" : "element-per-field"), bytes \(encoding.label), declared \(declared)"
        }
    }
}

/// A civil-affairs business item in a monthly list.
enum BusinessItem {
    case accepted, registered, amended, cancelled

    var label: String {
        switch self {
        case .accepted: "受理"
        case .registered: "成立登记"
        case .amended: "变更登记"
        case .cancelled: "注销登记"
        }
    }
}

/// One row to write: an institution as one registry sees it.
enum RowSubject {
    case enterprise
    case nonprofit
    case business(BusinessItem, Day)
}

extension FileSpec {
    /// The rows an institution contributes to this file as of `day`.
    func subjects(of institution: Institution, asOf day: Day) -> [RowSubject] {
        switch source {
        case .civilSnapshot:
            guard let nonprofit = institution.nonprofit, nonprofit.established <= day else { return [] }
            return [.nonprofit]
        case .civilBusiness(let after):
            guard let nonprofit = institution.nonprofit else { return [] }
            let window = { (event: Day?) -> Bool in event.map { $0 > after && $0 <= day } ?? false }
            var items: [RowSubject] = []
            if window(nonprofit.applied) { items.append(.business(.accepted, nonprofit.applied!)) }
            if nonprofit.applied != nil && window(nonprofit.established) { items.append(.business(.registered, nonprofit.established)) }
            if window(nonprofit.amended) { items.append(.business(.amended, nonprofit.amended!)) }
            if window(nonprofit.cancelled) { items.append(.business(.cancelled, nonprofit.cancelled!)) }
            return items
        case .market(let filter):
            guard let enterprise = institution.enterprise, enterprise.established <= day else { return [] }
            let linhe = institution.county == .linhe
            let keep = switch filter {
            case .all: true
            case .companies: !enterprise.isIndividual
            case .individuals: enterprise.isIndividual
            case .individualsAndCountiesOtherThanLinhe: enterprise.isIndividual || !linhe
            case .companiesInLinhe: !enterprise.isIndividual && linhe
            }
            return keep ? [.enterprise] : []
        }
    }
}

/// Turns an institution into a row of strings for a file, with the file's value mess.
struct RowRenderer {
    let spec: FileSpec
    let asOf: Day

    func render(_ institution: Institution, as subject: RowSubject, serial: Int, using rng: inout SplitMix64) -> (fields: [String], invalidCode: Bool) {
        var invalid = false
        let mess = spec.mess
        var fields: [String] = []
        fields.reserveCapacity(spec.columns.count)
        for (column, _) in spec.columns {
            var value = clean(column, institution, subject)
            switch column {
            case .code, .formerCode:
                if !value.isEmpty {
                    let mangled = Mess.code(value, profile: mess, using: &rng)
                    value = mangled.text
                    if column == .code { invalid = invalid || mangled.invalid }
                }
            case .name:
                value = Mess.name(value, profile: mess, using: &rng)
            case .organizationType where value == "个体工商户" && rng.chance(mess.individualShortRate):
                value = "个体户"
            case .address where institution.mongolianAddress && mess.allowsMongolian:
                value = Places.mongolianCity + " " + value
            case .serial:
                value = String(serial)
            default:
                break
            }
            if value.isEmpty { value = Mess.null(profile: mess, using: &rng) }
            fields.append(value)
        }
        // Dates are formatted here rather than in `clean` so each draws from the file's profile.
        for (index, (column, _)) in spec.columns.enumerated() where column == .established || column == .completedOn {
            if let day = date(column, institution, subject) { fields[index] = Mess.date(day, profile: mess, using: &rng) }
        }
        return (fields, invalid)
    }

    private func date(_ column: Column, _ institution: Institution, _ subject: RowSubject) -> Day? {
        switch (column, subject) {
        case (.established, .enterprise): institution.enterprise?.established
        case (.established, .nonprofit): institution.nonprofit?.established
        case (.completedOn, .business(_, let day)): day
        default: nil
        }
    }

    private func clean(_ column: Column, _ institution: Institution, _ subject: RowSubject) -> String {
        switch subject {
        case .enterprise:
            guard let enterprise = institution.enterprise else { return "" }
            switch column {
            case .name: return enterprise.name
            case .code: return enterprise.code
            case .organizationType: return enterprise.type
            case .representative: return institution.person.name
            case .residentID: return institution.person.residentID
            case .phone: return institution.person.mobile
            case .status: return enterprise.status(on: asOf)
            case .authority: return Places.marketAuthority(division: enterprise.division)
            case .address: return institution.address
            case .scope:
                if let change = institution.scopeChange, change.day <= asOf { return change.scope }
                return enterprise.scope
            case .capital:
                var rng = SplitMix64(seed: UInt64(enterprise.established.daysSinceEpoch), stream: 9)
                return Mess.enterpriseCapital(enterprise.capital, profile: spec.mess, using: &rng)
            case .province: return "内蒙古自治区"
            case .region: return "巴彦淖尔市"
            default: return ""
            }
        case .nonprofit, .business:
            guard let nonprofit = institution.nonprofit else { return "" }
            var item: BusinessItem? = nil
            if case .business(let business, _) = subject { item = business }
            switch column {
            case .name: return nonprofit.name
            case .code: return item == .accepted ? "" : nonprofit.code
            case .formerCode: return nonprofit.showsFormerCode ? institution.enterprise?.code ?? "" : ""
            case .organizationType: return nonprofit.type
            case .representative: return nonprofit.representative
            // The generator knows only the founder's ID and phone; a new principal's stay empty.
            case .residentID: return nonprofit.representative == institution.person.name ? institution.person.residentID : ""
            case .phone: return nonprofit.representative == institution.person.name ? institution.person.mobile : ""
            case .status:
                switch item {
                case .accepted: return nonprofit.reviewFrom.map { $0 <= asOf } ?? false ? "审查中" : "受理中"
                case .cancelled: return "注销"
                default: return nonprofit.cancelled.map { $0 <= asOf } ?? false ? "注销" : "正常"
                }
            case .authority: return Places.civilAuthority(division: nonprofit.division)
            case .supervisor: return nonprofit.supervisor
            case .address: return nonprofit.address
            case .scope: return nonprofit.scope
            case .capital:
                var rng = SplitMix64(seed: UInt64(nonprofit.established.daysSinceEpoch), stream: 10)
                return Mess.nonprofitCapital(nonprofit.capital, using: &rng)
            case .certificate: return item == .accepted ? "" : nonprofit.certificate
            case .province: return "内蒙古自治区"
            case .region: return "巴彦淖尔市"
            case .businessType: return item?.label ?? ""
            default: return ""
            }
        }
    }
}
