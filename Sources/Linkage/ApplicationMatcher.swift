import RegistryModel

/// Step 2b: an application under a name one character off. A civil institution known only
/// by its applications (no code, no number, no enterprise) is the civil institution of its
/// county whose name differs from its own in one character, under the same legal
/// representative: application rows (the bureau's snapshot, its business list) carry typos
/// that the registration corrects (`致凌`/`致灵`, `学较`/`学校`). Left apart, the application
/// stays in progress and is counted beside its registration.
///
/// Two brands one character apart are two institutions; what tells them apart here is the
/// representative, and an application that two institutions could claim joins neither.
struct ApplicationMatcher {
    struct Match {
        let application: InstitutionID
        let institution: InstitutionID
        let evidence: String
    }

    /// A typo forgiven is not a code: the crosswalk says so.
    static let score = 0.95

    /// Applications are keyed by representative and county; names are compared within a key.
    private var applicationsByKey: [String: [(id: InstitutionID, name: String)]] = [:]

    init(_ profiles: Dictionary<InstitutionID, InstitutionProfile>.Values) {
        for profile in profiles where Self.isApplicationOnly(profile) {
            for (key, name) in Self.keys(of: profile) { applicationsByKey[key, default: []].append((profile.id, name)) }
        }
    }

    /// Each application that exactly one of `institutions` (those seen this batch) claims.
    func matches(for institutions: [InstitutionProfile]) -> [Match] {
        guard !applicationsByKey.isEmpty else { return [] }
        var claims: [InstitutionID: [(institution: InstitutionID, evidence: String)]] = [:]
        for profile in institutions where profile.hasCivil {
            for (key, name) in Self.keys(of: profile) {
                for candidate in applicationsByKey[key] ?? [] where candidate.id != profile.id
                    && Self.oneCharacterApart(candidate.name, name) {
                    let evidence = "同一旗县区、法定代表人相同，名称“\(candidate.name)”与“\(name)”仅差一字，此前仅有申请记录"
                    if !(claims[candidate.id] ?? []).contains(where: { $0.institution == profile.id }) {
                        claims[candidate.id, default: []].append((profile.id, evidence))
                    }
                }
            }
        }
        return claims.keys.sorted().compactMap { application in
            let claimants = claims[application]!
            guard claimants.count == 1 else { return nil }
            return Match(application: application, institution: claimants[0].institution, evidence: claimants[0].evidence)
        }
    }

    static func isApplicationOnly(_ profile: InstitutionProfile) -> Bool {
        profile.hasCivil && !profile.hasEnterprise && profile.creditCodes.isEmpty && profile.formerCreditCodes.isEmpty
            && profile.otherNumbers.isEmpty
    }

    /// `representative|county` with the name (without its region) for each pair the profile shows.
    private static func keys(of profile: InstitutionProfile) -> [(String, String)] {
        var keys: [(String, String)] = []
        for nameCounty in profile.nameCounties {
            guard let bar = nameCounty.lastIndex(of: "|") else { continue }
            let county = nameCounty[nameCounty.index(after: bar)...]
            guard county != "?" else { continue }
            let name = String(nameCounty[..<bar])
            for representative in profile.legalRepresentatives { keys.append((representative + "|" + county, name)) }
        }
        return keys
    }

    /// One character different (`SuccessorScorer.differByOneCharacter`, as brands are compared),
    /// in names of four characters at least, so that one character is not the whole brand.
    static func oneCharacterApart(_ a: String, _ b: String) -> Bool {
        a.unicodeScalars.count >= 4 && SuccessorScorer.differByOneCharacter(a, b)
    }
}
