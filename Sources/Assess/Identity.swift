import RegistryModel

/// The name, code and county a ledger line shows: those of the institution's most
/// authoritative current registration (the non-profit once it exists).
struct Identity {
    let name: String
    let creditCode: String?
    let county: County?

    init(history: RegistrationHistory, records: [SourceRecord], previous: PreviousLine?, knownCounty: County?) {
        let ranked = history.registrations.sorted { Self.rank($0) > Self.rank($1) }
        let best = ranked.first { $0.name != nil }
        name = best?.name ?? previous?.name ?? records.compactMap(\.name).first ?? ""
        creditCode = best?.creditCode.flatMap { $0.utf8.count == 18 ? $0 : nil } ?? previous?.creditCode
        let authoritative = records.first { $0.creditCode?.code == best?.creditCode } ?? records.first
        county = authoritative?.county.county ?? records.compactMap(\.county.county).first
            ?? previous?.countyCode.flatMap(County.init(rawValue:)) ?? knownCounty
    }

    /// Earlier codes: every other valid code the institution's registrations carried.
    func formerCreditCodes(_ knownCodes: [String]) -> [String] {
        Array(Set(knownCodes.filter { $0 != creditCode && CreditCodeRules.isValid($0) })).sorted()
    }

    /// A non-profit registration first, then another civil one, then the enterprise; an
    /// application is not a registration yet: its name and missing code do not replace the
    /// enterprise's.
    private static func rank(_ registration: TrackedRegistration) -> (Int, Int, String) {
        let role = switch registration.role {
        case .nonprofit: registration.isRegistered ? 3 : 0
        case .otherCivil: 2
        case .forProfit: 1
        }
        return (role, registration.creditCodeValid ? 1 : 0, registration.lastSeenBatch)
    }
}
