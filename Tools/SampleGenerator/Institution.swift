import RegistryModel

/// What an institution really is. The truth's category and department follow from it.
enum Kind: String, CaseIterable {
    case subject, highSchool, preschool, mixed
    case arts, sports, vocational, science
    case disguised, alreadyNonprofit, socialGroup, outOfScope

    var category: String {
        switch self {
        case .subject, .highSchool, .preschool, .alreadyNonprofit: "subject"
        case .mixed: "mixed"
        case .arts, .sports, .vocational, .science: "non_subject"
        case .disguised: "undetermined"
        case .socialGroup, .outOfScope: "out_of_scope"
        }
    }

    var department: String? {
        switch self {
        case .subject, .highSchool, .preschool, .alreadyNonprofit, .mixed: "education"
        case .arts: "culture_tourism"
        case .sports: "sports"
        case .vocational: "human_resources"
        case .science: "science_technology"
        case .disguised, .socialGroup, .outOfScope: nil
        }
    }

    /// Subject or mixed training: a for-profit one must re-register.
    var isSubjectOrMixed: Bool { self == .subject || self == .highSchool || self == .preschool || self == .mixed || self == .alreadyNonprofit }
}

/// The hard linking cases the truth records per institution.
enum HardCase: String, CaseIterable, Comparable {
    case sameBrandOtherCounty = "same_brand_other_county"
    case oneCharBrand = "one_char_brand"
    case sisterCompany = "sister_company"
    case reregWithoutFormerCode = "rereg_without_former_code"
    case nameChangedBeyondAffixes = "name_changed_beyond_affixes"

    static func < (a: HardCase, b: HardCase) -> Bool { a.rawValue < b.rawValue }
}

struct Person {
    var name: String
    var residentID: String
    var mobile: String
}

/// A dated change of registration status.
struct StatusEvent {
    var day: Day
    var status: String
}

/// The market-regulation registration (91… enterprise or 92… individual business).
struct Enterprise {
    var name: String
    var code: String
    var type: String
    var isIndividual: Bool
    var division: String
    var established: Day
    var capital: Double
    var scope: String
    var activeStatus: String
    /// 注销, 吊销, 吊销，未注销, 撤销 or 迁出: the registration ends.
    var end: StatusEvent?
    /// 停业 or 清算: shown as the status, but the registration goes on.
    var suspension: StatusEvent?

    func status(on day: Day) -> String {
        if let end, end.day <= day { return end.status }
        if let suspension, suspension.day <= day { return suspension.status }
        return activeStatus
    }

    func isActive(on day: Day) -> Bool { !(end.map { $0.day <= day } ?? false) }
}

/// The civil-affairs registration (52… 民办非企业单位 or 51… 社会团体) and the
/// application that leads to it.
struct Nonprofit {
    var name: String
    var code: String
    var type: String
    var division: String
    var applied: Day?
    var reviewFrom: Day?
    /// 成立登记: the day the registration was granted.
    var established: Day
    var certificate: String
    var capital: Double
    var supervisor: String
    var scope: String
    var address: String
    var representative: String
    var cancelled: Day?
    /// A charter amendment (变更登记) in the business list.
    var amended: Day?
    /// Whether its records carry the enterprise's former code.
    var showsFormerCode: Bool
}

/// Subject training removed from the enterprise's scope.
struct ScopeChange {
    var day: Day
    var scope: String
    var kind: Kind
    var stages: [Stage]
}

struct Institution {
    let id: String
    var kind: Kind
    var county: County
    var brand: String
    var person: Person
    var address: String
    var stages: [Stage]
    var enterprise: Enterprise?
    var nonprofit: Nonprofit?
    var scopeChange: ScopeChange?
    var countyConflict = false
    var mongolianAddress = false
    var hardCases: Set<HardCase> = []

    /// The first day any registration of it exists.
    var firstDay: Day {
        let days = [enterprise?.established, nonprofit?.applied ?? nonprofit?.established].compactMap { $0 }
        guard let first = days.min() else { preconditionFailure("\(id) has no registration") }
        return first
    }

    func exists(on day: Day) -> Bool { firstDay <= day }

    /// Whether the enterprise-type column shows foreign, Hong Kong, Macao or Taiwan capital.
    var hasForeignCapital: Bool {
        guard let type = enterprise?.type else { return false }
        return ["外商投资", "外资", "台港澳", "中外合资", "外国法人"].contains { type.contains($0) }
    }

    var isListed: Bool {
        guard let type = enterprise?.type else { return false }
        return type.contains("(上市") || type.contains("（上市")
    }
}
