import RegistryModel

/// The institutions of one linkage run as they are placed, merged and named.
struct LinkState {
    private(set) var profiles: [InstitutionID: InstitutionProfile]
    private(set) var merges: [Merge] = []
    /// Retired or renamed id → the id that replaced it.
    private var replacedBy: [InstitutionID: InstitutionID]
    private var touched = Set<InstitutionID>()
    private var provisionalCount = 0

    init(known: [InstitutionProfile], retired: [InstitutionID: InstitutionID]) {
        profiles = Dictionary(uniqueKeysWithValues: known.map { ($0.id, $0) })
        replacedBy = retired
    }

    /// The id an id now goes by, following merges and renames.
    func resolve(_ id: InstitutionID) -> InstitutionID {
        var current = id
        while let next = replacedBy[current] { current = next }
        return current
    }

    mutating func provisional() -> InstitutionID {
        provisionalCount += 1
        let id = InstitutionID(rawValue: "new:\(provisionalCount)")
        profiles[id] = InstitutionProfile(id: id)
        return id
    }

    /// Adds what a group of records shows (`InstitutionProfile.facts`) to an institution.
    mutating func add(_ facts: InstitutionProfile, to id: InstitutionID) {
        let id = resolve(id)
        profiles[id] = (profiles[id] ?? InstitutionProfile(id: id)).merged(with: facts)
        touched.insert(id)
    }

    /// Known ids survive provisional ones; of two known ids the older (smaller) survives.
    func survivorOrder(_ a: InstitutionID, _ b: InstitutionID) -> (survivor: InstitutionID, loser: InstitutionID) {
        let (x, y) = (resolve(a), resolve(b))
        switch (x.isProvisional, y.isProvisional) {
        case (false, true): return (x, y)
        case (true, false): return (y, x)
        default: return x < y ? (x, y) : (y, x)
        }
    }

    mutating func merge(_ loser: InstitutionID, into survivor: InstitutionID, rule: LinkRule, evidence: String) {
        let (loser, survivor) = (resolve(loser), resolve(survivor))
        guard loser != survivor, let lost = profiles.removeValue(forKey: loser) else { return }
        let kept = profiles[survivor] ?? InstitutionProfile(id: survivor)
        profiles[survivor] = kept.merged(with: lost)
        replacedBy[loser] = survivor
        touched.insert(survivor)
        touched.remove(loser)
        // A provisional id was never published: absorbing it is placement, not a merge.
        if !loser.isProvisional {
            merges.append(Merge(retired: loser, survivor: survivor, rule: rule, evidence: evidence))
        }
    }

    mutating func rename(_ provisional: InstitutionID, to id: InstitutionID) {
        guard let profile = profiles.removeValue(forKey: provisional) else { return }
        var renamed = profile
        renamed.id = id
        profiles[id] = renamed
        replacedBy[provisional] = id
        touched.remove(provisional)
        touched.insert(id)
    }

    /// Whether `retired` was merged away and `id` resolves through it.
    func wasMerged(_ retired: InstitutionID, from id: InstitutionID) -> Bool {
        var current = id
        while let next = replacedBy[current] {
            if current == retired { return true }
            current = next
        }
        return current == retired
    }

    func touchedProfiles() -> [InstitutionProfile] {
        touched.sorted().compactMap { profiles[$0] }
    }
}
