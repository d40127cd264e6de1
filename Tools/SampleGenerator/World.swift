import RegistryModel

/// The sample's institutions: kinds in fixed shares, unique brands, and the hard linking
/// cases placed on purpose (chains across counties, brands one character apart, sister
/// companies, re-registrations that drop the former code or change the name).
struct World {
    let institutions: [Institution]

    static func build(seed: UInt64, count: Int) -> World {
        var rng = SplitMix64(seed: seed, stream: 0)
        var kinds: [Kind] = []
        let total = InstitutionFactory.kindShares.reduce(0) { $0 + $1.1 }
        for (kind, share) in InstitutionFactory.kindShares {
            kinds += Array(repeating: kind, count: Int((Double(count) * share / total).rounded()))
        }
        while kinds.count < count { kinds.append(.outOfScope) }
        kinds = Array(kinds.prefix(count))
        rng.shuffle(&kinds)

        var trainingBrands = Names.brandPool
        rng.shuffle(&trainingBrands)
        var businessBrands = Names.businessBrandPool
        rng.shuffle(&businessBrands)
        var nextTraining = 0
        var nextBusiness = 0
        func freshTrainingBrand() -> String {
            defer { nextTraining += 1 }
            return trainingBrands[nextTraining % trainingBrands.count]
        }

        var plans: [InstitutionPlan] = kinds.map { kind in
            switch kind {
            case .socialGroup: return InstitutionPlan(kind: kind, brand: "")
            case .outOfScope:
                defer { nextBusiness += 1 }
                return InstitutionPlan(kind: kind, brand: businessBrands[nextBusiness % businessBrands.count])
            default: return InstitutionPlan(kind: kind, brand: freshTrainingBrand())
            }
        }

        // Each institution plays at most one special role, drawn at random so that the
        // roles do not cluster among the first truth ids.
        var taken = Set<Int>()
        func take(_ kinds: Set<Kind>, after: Int = -1) -> Int? {
            let candidates = plans.indices.filter { $0 > after && !taken.contains($0) && kinds.contains(plans[$0].kind) }
            guard !candidates.isEmpty else { return nil }
            let index = candidates[rng.below(candidates.count)]
            taken.insert(index)
            return index
        }
        let training: Set<Kind> = [.subject, .mixed, .arts, .highSchool]
        let pairs = max(2, count / 50)

        for chain in 0..<pairs {
            guard let a = take(training), let b = take(training) else { break }
            let brand = Names.chainBrand(chain)
            let countyA = Places.randomCounty(using: &rng)
            var countyB = Places.randomCounty(using: &rng)
            while countyB == countyA { countyB = Places.randomCounty(using: &rng) }
            plans[a].brand = brand
            plans[a].county = countyA
            plans[b].brand = brand
            plans[b].county = countyB
            plans[a].brandFixed = true
            plans[b].brandFixed = true
            plans[a].hardCases.insert(.sameBrandOtherCounty)
            plans[b].hardCases.insert(.sameBrandOtherCounty)
        }
        for pair in 0..<pairs {
            guard let a = take(training), let b = take(training.union([.disguised])) else { break }
            let brands = Names.oneCharacterPair(pair)
            let county = Places.randomCounty(using: &rng)
            plans[a].brand = brands.0
            plans[b].brand = brands.1
            plans[a].county = county
            plans[b].county = county
            plans[a].brandFixed = true
            plans[b].brandFixed = true
            plans[a].hardCases.insert(.oneCharBrand)
            plans[b].hardCases.insert(.oneCharBrand)
        }
        for _ in 0..<pairs {
            // The sister must come after its partner, which the factory copies from.
            guard let a = take([.subject, .mixed]), let b = take([.outOfScope], after: a) else { break }
            plans[b].brand = plans[a].brand
            plans[b].sisterOf = a
            plans[a].hardCases.insert(.sisterCompany)
            plans[b].hardCases.insert(.sisterCompany)
        }
        for brand in Names.traditionalBrands {
            guard let index = take([.subject, .arts, .alreadyNonprofit]) else { break }
            plans[index].brand = brand
            plans[index].brandFixed = true
        }
        let specials = max(2, count / 100)
        for _ in 0..<specials {
            if let index = take([.subject]) { plans[index].foreignCapital = true }
            if let index = take([.subject]) { plans[index].listed = true }
            if let index = take([.subject, .mixed]) { plans[index].newAfterPolicy = true }
            if let index = take([.outOfScope, .arts, .subject]) { plans[index].countyConflict = true }
        }
        // A few new subject institutions to be preschool too (banned outright).
        if let index = take([.preschool]) { plans[index].newAfterPolicy = true }

        let factory = InstitutionFactory(seed: seed)
        var institutions: [Institution] = []
        institutions.reserveCapacity(count)
        // A name or code already given to another institution is drawn again from the
        // institution's own spare streams, so only what clashed changes.
        var registry = Registry()
        for (index, plan) in plans.enumerated() {
            let partner = plan.sisterOf.map { institutions[$0] }
            var variation = Variation()
            var institution = factory.make(index: index, plan: plan, partner: partner)
            while true {
                let clash = registry.clash(institution, index: index)
                if clash == Variation() { break }
                variation.name += clash.name
                variation.enterpriseCode += clash.enterpriseCode
                variation.nonprofitCode += clash.nonprofitCode
                precondition(
                    variation.name + variation.enterpriseCode + variation.nonprofitCode < 1_000,
                    "no free name or code for \(institution.id) after 1000 draws")
                institution = factory.make(index: index, plan: plan, partner: partner, variation: variation)
            }
            registry.add(institution, index: index)
            institutions.append(institution)
        }

        // Re-registrations: some lose the former code in every civil-affairs export, some
        // take a name that shares little beyond the brand, or not even that.
        let reregistered = institutions.indices.filter { institutions[$0].kind != .alreadyNonprofit && institutions[$0].nonprofit?.type == "民办非企业单位" }
        for index in reregistered {
            if rng.chance(0.25) {
                institutions[index].nonprofit?.showsFormerCode = false
                institutions[index].hardCases.insert(.reregWithoutFormerCode)
            }
            if rng.chance(0.12), let nonprofit = institutions[index].nonprofit {
                let brand = freshTrainingBrand()
                let trade = rng.pick(["学堂培训学校", "书院", "教育培训中心", "文化培训学校"])
                let prefix = nonprofit.division == BayannurDivision.city ? "巴彦淖尔市" : institutions[index].county.name
                var name = "\(prefix)\(brand)\(trade)"
                var attempt = 0
                while !registry.isFree(name: name, for: index) {
                    attempt += 1
                    precondition(attempt < 1_000, "no free new name for \(institutions[index].id)")
                    var draw = SplitMix64(seed: seed, stream: 7, index: UInt64(index) << 16 | UInt64(attempt))
                    name = "\(prefix)\(Names.replacementBrand(business: false, attempt: attempt, using: &draw))\(trade)"
                }
                registry.add(name: name, index: index)
                institutions[index].nonprofit?.name = name
                institutions[index].hardCases.insert(.nameChangedBeyondAffixes)
            }
        }
        // Bilingual names exist only where every file can carry Mongolian script: civil affairs.
        // One such school per county at most: a county registers a name once.
        var bilingual = 0
        for index in institutions.indices where bilingual < 2 && institutions[index].kind == .alreadyNonprofit {
            let name = "\(institutions[index].county.name)蒙古语言文字培训学校（ᠮᠣᠩᠭᠣᠯ）"
            guard registry.isFree(name: name, for: index) else { continue }
            registry.add(name: name, index: index)
            institutions[index].nonprofit?.name = name
            bilingual += 1
        }
        return World(institutions: institutions)
    }
}

/// The names and codes given out so far, and to which institution (by index). A name is
/// unique in the whole world: one with a county in it is the county's, one without
/// (巴彦淖尔市…, 内蒙古…) the city's. A credit code is unique, and so is the organisation
/// code inside it (positions 9-17), which older systems key on.
struct Registry {
    private var owners: [String: Int] = [:]

    func isFree(name: String, for index: Int) -> Bool { (owners[name] ?? index) == index }

    private func isFree(code: String, for index: Int) -> Bool {
        (owners[code] ?? index) == index && (owners[Self.organizationKey(code)] ?? index) == index
    }

    private static func organizationKey(_ code: String) -> String {
        "organization code " + String(code.utf8.dropFirst(8).prefix(9))!
    }

    /// What of the institution is already another's: 1 where a new draw is needed.
    func clash(_ institution: Institution, index: Int) -> Variation {
        var clash = Variation()
        let names = [institution.enterprise?.name, institution.nonprofit?.name].compactMap { $0 }
        if names.contains(where: { !isFree(name: $0, for: index) }) { clash.name = 1 }
        if let code = institution.enterprise?.code, !isFree(code: code, for: index) { clash.enterpriseCode = 1 }
        if let code = institution.nonprofit?.code {
            let sharesOwn = institution.enterprise.map { Self.organizationKey($0.code) == Self.organizationKey(code) } ?? false
            if sharesOwn || !isFree(code: code, for: index) { clash.nonprofitCode = 1 }
        }
        return clash
    }

    mutating func add(_ institution: Institution, index: Int) {
        for name in [institution.enterprise?.name, institution.nonprofit?.name].compactMap({ $0 }) { add(name: name, index: index) }
        for code in [institution.enterprise?.code, institution.nonprofit?.code].compactMap({ $0 }) {
            owners[code] = index
            owners[Self.organizationKey(code)] = index
        }
    }

    mutating func add(name: String, index: Int) { owners[name] = index }
}
