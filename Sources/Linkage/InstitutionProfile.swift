import RegistryModel

/// What linkage knows of one institution: every identifier, name and place its records
/// have carried. The ledger keeps it between batches, so that next month's records are
/// linked against everything seen before. Lists are sorted and unique, so that a profile
/// compares and serialises the same way every run.
public struct InstitutionProfile: Sendable, Hashable, Codable {
    public let id: InstitutionID
    /// Well-formed credit codes of its registrations (enterprise and non-profit).
    public var creditCodes: [String] = []
    /// Codes its records name as 原统一社会信用代码.
    public var formerCreditCodes: [String] = []
    /// 注册号, 登记证号 and organisation codes, each with its kind as prefix (`org:`, `reg:`, `cert:`).
    public var otherNumbers: [String] = []
    /// Full name keys, for exact matching with the county.
    public var nameCounties: [String] = []
    /// Brand cores.
    public var cores: [String] = []
    public var counties: [County] = []
    public var legalRepresentatives: [String] = []
    public var addresses: [String] = []
    /// Scope texts, at most one per registry (the latest).
    public var scopes: [String] = []
    /// Has a market-regulation registration.
    public var hasEnterprise = false
    /// Has a civil-affairs registration or application.
    public var hasCivil = false
    /// The earliest date a civil-affairs registration of it was made, if any.
    public var civilRegisteredOn: Day?
    /// The earliest establishment date of its enterprise registration, if any.
    public var enterpriseEstablishedOn: Day?

    public init(id: InstitutionID) { self.id = id }

    /// The profile with another's facts added (a merge, or this batch's records).
    func merged(with other: InstitutionProfile) -> InstitutionProfile {
        var merged = self
        merged.creditCodes = union(creditCodes, other.creditCodes)
        merged.formerCreditCodes = union(formerCreditCodes, other.formerCreditCodes)
        merged.otherNumbers = union(otherNumbers, other.otherNumbers)
        merged.nameCounties = union(nameCounties, other.nameCounties)
        merged.cores = union(cores, other.cores)
        merged.counties = Array(Set(counties + other.counties)).sorted()
        merged.legalRepresentatives = union(legalRepresentatives, other.legalRepresentatives)
        merged.addresses = union(addresses, other.addresses)
        merged.scopes = union(scopes, other.scopes).suffix(4).map { $0 }
        merged.hasEnterprise = hasEnterprise || other.hasEnterprise
        merged.hasCivil = hasCivil || other.hasCivil
        merged.civilRegisteredOn = earliest(civilRegisteredOn, other.civilRegisteredOn)
        merged.enterpriseEstablishedOn = earliest(enterpriseEstablishedOn, other.enterpriseEstablishedOn)
        return merged
    }

    /// The profile with one record's facts added.
    func adding(_ record: SourceRecord) -> InstitutionProfile {
        var facts = InstitutionProfile(id: id)
        let keys = RecordKeys(record)
        facts.creditCodes = keys.creditCode.map { [$0] } ?? []
        facts.formerCreditCodes = keys.formerCreditCode.map { [$0] } ?? []
        facts.otherNumbers = keys.otherNumbers
        facts.nameCounties = keys.nameCounty.map { [$0] } ?? []
        facts.cores = record.nameKeys.map { [$0.core] } ?? []
        facts.counties = record.county.county.map { [$0] } ?? []
        facts.legalRepresentatives = record.legalRepresentative.map { [$0] } ?? []
        facts.addresses = keys.address.map { [$0] } ?? []
        facts.scopes = record.scope.map { [$0] } ?? []
        switch record.kind {
        case .marketRegulation:
            facts.hasEnterprise = true
            facts.enterpriseEstablishedOn = record.establishedOn?.day
        case .civilAffairs:
            facts.hasCivil = true
            if record.isPrivateNonEnterprise, case .civil(.normal)? = record.status {
                facts.civilRegisteredOn = record.establishedOn?.day ?? record.completedOn?.day
            }
        }
        return merged(with: facts)
    }
}

private func union(_ a: [String], _ b: [String]) -> [String] {
    b.allSatisfy(a.contains) ? a : Array(Set(a + b)).sorted()
}

private func earliest(_ a: Day?, _ b: Day?) -> Day? {
    switch (a, b) {
    case let (a?, b?): min(a, b)
    case (let a?, nil): a
    case (nil, let b): b
    }
}

/// The identifying keys of one record, read once.
struct RecordKeys {
    /// A credit code worth matching on: 18 well-formed characters, not destroyed by Excel.
    /// A code failing its check still identifies when it recurs letter for letter.
    let creditCode: String?
    let formerCreditCode: String?
    /// Positions 1-2 of the record's code when it is valid.
    let validCategory: Substring?
    let otherNumbers: [String]
    /// The full name key.
    let name: String?
    /// `full name|county code` (`?` for an unknown county).
    let nameCounty: String?
    let address: String?

    init(_ record: SourceRecord) {
        creditCode = Self.matchable(record.creditCode)
        formerCreditCode = Self.matchable(record.formerCreditCode)
        validCategory = record.creditCode.flatMap { $0.isValid ? $0.code.prefix(2) : nil }
        var numbers: [String] = []
        if let organization = record.creditCode.flatMap({ Self.matchable($0) == nil ? nil : $0.organizationCode }) {
            numbers.append("org:" + organization)
        }
        if let organization = record.organizationCode, organization.utf8.count >= 9 {
            numbers.append("org:" + organization.replacingOccurrences(of: "-", with: ""))
        }
        if let number = record.registrationNumber, number.utf8.count >= 10 { numbers.append("reg:" + number) }
        if let number = record.certificateNumber, number.utf8.count >= 4 { numbers.append("cert:" + number) }
        otherNumbers = Array(Set(numbers)).sorted()
        name = record.nameKeys?.full
        nameCounty = name.map { $0 + "|" + (record.county.county?.code ?? "?") }
        address = record.address.map(AddressKey.make)
    }

    private static func matchable(_ reading: CreditCodeReading?) -> String? {
        guard let reading, reading.hasWellFormedPrefix, !reading.isExcelMangled else { return nil }
        return reading.code
    }
}

/// Addresses compared without the province, city and county every local address repeats.
enum AddressKey {
    private static let prefixes = ["内蒙古自治区", "内蒙古", "巴彦淖尔市", "巴彦淖尔"]
        + County.allCases.flatMap { [$0.name, $0.shortName] }

    static func make(_ address: String) -> String {
        var key = Substring(address)
        var stripped = true
        while stripped {
            stripped = false
            for prefix in prefixes where key.hasPrefix(prefix) {
                key = key.dropFirst(prefix.count)
                stripped = true
            }
        }
        return String(key.filter { $0 != " " })
    }
}
