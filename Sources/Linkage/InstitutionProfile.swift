import RegistryModel
import Support

/// What linkage knows of one institution: every identifier, name and place its records
/// have carried. The ledger keeps it between batches, so that next month's records are
/// linked against everything seen before. Lists are sorted and unique, so that a profile
/// compares and serialises the same way every run (`InstitutionProfile+JSON.swift`).
public struct InstitutionProfile: Sendable, Hashable {
    /// The facts, behind one reference that is copied on write: a month places, lists and
    /// remembers half a million profiles, and copying a struct of a dozen arrays costs a
    /// reference count each. Measured: BENCHMARKS.md, history, `7903a36`.
    private var storage: Storage

    public init(id: InstitutionID) { storage = Storage(Facts(id: id)) }

    // In this order the facts take 93 bytes and their object 112, an allocator size class;
    // with the id first and the counties in a list of their own, 113 bytes took 160.
    struct Facts: Sendable, Hashable {
        /// Where each kind's run ends in `texts`, by `TextKind.rawValue`.
        private(set) var textEnds = SIMD8<Int32>()
        var id: InstitutionID
        /// The text facts, kind after kind in `TextKind` order: one list where a list per
        /// kind made seven allocations a profile, and a month holds half a million profiles.
        private(set) var texts: [String] = []
        var counties = CountySet()
        var otherCounties: CountySet?
        var enterpriseTeaching: ScopeTeaching?
        var civilTeaching: ScopeTeaching?
        var hasEnterprise = false
        var hasCivil = false
        var civilRegisteredOn: Day?
        var enterpriseEstablishedOn: Day?

        init(id: InstitutionID) { self.id = id }

        func run(_ kind: TextKind) -> ArraySlice<String> {
            texts[(kind.rawValue == 0 ? 0 : Int(textEnds[kind.rawValue - 1])) ..< Int(textEnds[kind.rawValue])]
        }

        /// Every kind's run at once (by `TextKind` order), in exactly their room: grown kind
        /// by kind, the list kept up to as much again unused.
        mutating func setTexts(_ runs: [ArraySlice<String>]) {
            precondition(runs.count == TextKind.allCases.count, "a profile keeps \(TextKind.allCases.count) kinds of text")
            var joined: [String] = []
            joined.reserveCapacity(runs.reduce(0) { $0 + $1.count })
            for (kind, run) in runs.enumerated() {
                joined.append(contentsOf: run)
                textEnds[kind] = Int32(joined.count)
            }
            texts = joined
        }

        mutating func replace(_ kind: TextKind, with run: ArraySlice<String>) {
            setTexts(TextKind.allCases.map { $0 == kind ? run : self.run($0) })
        }
    }

    /// The kinds of text a profile lists, in the order `Facts.texts` keeps them.
    enum TextKind: Int, CaseIterable {
        case creditCodes, formerCreditCodes, otherNumbers, nameCounties, cores, legalRepresentatives, addresses
    }

    /// Changed only in place, when no other profile shares it (`facts`).
    private final class Storage: @unchecked Sendable {
        var facts: Facts
        init(_ facts: Facts) { self.facts = facts }
    }

    /// The facts to change: this profile's own, copied first if another profile shares them.
    private var facts: Facts {
        get { storage.facts }
        _modify {
            if !isKnownUniquelyReferenced(&storage) { storage = Storage(storage.facts) }
            yield &storage.facts
        }
    }

    public static func == (a: InstitutionProfile, b: InstitutionProfile) -> Bool {
        a.storage === b.storage || a.storage.facts == b.storage.facts
    }

    public func hash(into hasher: inout Hasher) { storage.facts.hash(into: &hasher) }

    /// Changed only when a provisional id is minted (`LinkState.rename`).
    public internal(set) var id: InstitutionID {
        get { storage.facts.id }
        _modify { yield &facts.id }
    }
    /// Well-formed credit codes of its registrations (enterprise and non-profit).
    public var creditCodes: ArraySlice<String> {
        get { texts(.creditCodes) }
        set { facts.replace(.creditCodes, with: newValue) }
    }
    /// Codes its records name as 原统一社会信用代码.
    public var formerCreditCodes: ArraySlice<String> {
        get { texts(.formerCreditCodes) }
        set { facts.replace(.formerCreditCodes, with: newValue) }
    }
    /// 注册号, 登记证号 and organisation codes, each with its kind as prefix (`org:`, `reg:`, `cert:`).
    public var otherNumbers: ArraySlice<String> {
        get { texts(.otherNumbers) }
        set { facts.replace(.otherNumbers, with: newValue) }
    }
    /// Full name keys, for exact matching with the county.
    public var nameCounties: ArraySlice<String> {
        get { texts(.nameCounties) }
        set { facts.replace(.nameCounties, with: newValue) }
    }
    /// Brand cores.
    public var cores: ArraySlice<String> {
        get { texts(.cores) }
        set { facts.replace(.cores, with: newValue) }
    }
    public var counties: CountySet {
        get { storage.facts.counties }
        _modify { yield &facts.counties }
    }
    /// Counties another source of its records named, where a record's sources disagree (a
    /// code registered in 临河区 for a school whose name and address say 五原县); nil if none.
    public var otherCounties: CountySet? {
        get { storage.facts.otherCounties }
        _modify { yield &facts.otherCounties }
    }
    public var legalRepresentatives: ArraySlice<String> {
        get { texts(.legalRepresentatives) }
        set { facts.replace(.legalRepresentatives, with: newValue) }
    }
    public var addresses: ArraySlice<String> {
        get { texts(.addresses) }
        set { facts.replace(.addresses, with: newValue) }
    }
    /// What its enterprise scopes say is taught (nil: no enterprise scope seen).
    public var enterpriseTeaching: ScopeTeaching? {
        get { storage.facts.enterpriseTeaching }
        _modify { yield &facts.enterpriseTeaching }
    }
    /// What its civil-affairs scopes (业务范围) say is taught (nil: none seen).
    public var civilTeaching: ScopeTeaching? {
        get { storage.facts.civilTeaching }
        _modify { yield &facts.civilTeaching }
    }
    /// Whether its enterprise scope states training (nil: no enterprise scope seen).
    public var scopeTrains: Bool? { enterpriseTeaching?.trains }
    /// Has a market-regulation registration.
    public var hasEnterprise: Bool {
        get { storage.facts.hasEnterprise }
        _modify { yield &facts.hasEnterprise }
    }
    /// Has a civil-affairs registration or application.
    public var hasCivil: Bool {
        get { storage.facts.hasCivil }
        _modify { yield &facts.hasCivil }
    }
    /// The earliest date a civil-affairs registration of it was made, if any.
    public var civilRegisteredOn: Day? {
        get { storage.facts.civilRegisteredOn }
        _modify { yield &facts.civilRegisteredOn }
    }
    /// The earliest establishment date of its enterprise registration, if any.
    public var enterpriseEstablishedOn: Day? {
        get { storage.facts.enterpriseEstablishedOn }
        _modify { yield &facts.enterpriseEstablishedOn }
    }

    /// One kind of its text facts.
    func texts(_ kind: TextKind) -> ArraySlice<String> { storage.facts.run(kind) }

    /// Every kind of text at once, by `TextKind` order (reading a stored profile).
    mutating func setTexts(_ runs: [ArraySlice<String>]) {
        facts.setTexts(runs)
    }

    /// The profile with another's facts added (a merge, or this batch's records).
    func merged(with other: InstitutionProfile) -> InstitutionProfile {
        let added = TextKind.allCases.map { union(texts($0), other.texts($0)) }
        let counties = counties.union(other.counties)
        let others = (otherCounties ?? []).union(other.otherCounties ?? [])
        let otherCounties = others.isEmpty ? nil : others
        let enterpriseTeaching = [enterpriseTeaching, other.enterpriseTeaching].compactMap { $0 }.max()
        let civilTeaching = [civilTeaching, other.civilTeaching].compactMap { $0 }.max()
        let hasEnterprise = hasEnterprise || other.hasEnterprise
        let hasCivil = hasCivil || other.hasCivil
        let civilRegisteredOn = earliest(civilRegisteredOn, other.civilRegisteredOn)
        let enterpriseEstablishedOn = earliest(enterpriseEstablishedOn, other.enterpriseEstablishedOn)
        // A month's records mostly show what their institution showed before: the profile is
        // then kept, shared with the memory that holds it, not copied (half a million
        // institutions, next to their memories, through linkage).
        if added.allSatisfy({ $0 == nil }), counties == self.counties, otherCounties == self.otherCounties,
           enterpriseTeaching == self.enterpriseTeaching, civilTeaching == self.civilTeaching, hasEnterprise == self.hasEnterprise, hasCivil == self.hasCivil,
           civilRegisteredOn == self.civilRegisteredOn, enterpriseEstablishedOn == self.enterpriseEstablishedOn {
            return self
        }
        var merged = self
        if added.contains(where: { $0 != nil }) {
            merged.facts.setTexts(TextKind.allCases.map { added[$0.rawValue] ?? texts($0) })
        }
        merged.counties = counties
        merged.otherCounties = otherCounties
        merged.enterpriseTeaching = enterpriseTeaching
        merged.civilTeaching = civilTeaching
        merged.hasEnterprise = hasEnterprise
        merged.hasCivil = hasCivil
        merged.civilRegisteredOn = civilRegisteredOn
        merged.enterpriseEstablishedOn = enterpriseEstablishedOn
        return merged
    }

    /// What the records at these positions show, as a profile to merge into an institution's
    /// (`merged(with:)` keeps the receiver's id, not this placeholder).
    static func facts(of positions: ArraySlice<Int32>, in records: [SourceRecord], keys allKeys: [RecordKeys],
                      teaching: (String) -> ScopeTeaching) -> InstitutionProfile {
        var facts = InstitutionProfile(id: InstitutionID(rawValue: "facts"))
        var runs = [[String]](repeating: [], count: TextKind.allCases.count)
        func add(_ text: String?, _ kind: TextKind) { if let text { runs[kind.rawValue].append(text) } }
        for position in positions {
            let record = records[Int(position)], keys = allKeys[Int(position)]
            add(keys.creditCode, .creditCodes)
            add(keys.formerCreditCode, .formerCreditCodes)
            runs[TextKind.otherNumbers.rawValue] += keys.otherNumbers
            add(keys.nameCounty, .nameCounties)
            add(record.nameKeys?.core, .cores)
            if let county = record.county.county { facts.counties.insert(county) }
            if record.county.conflict {
                for case .county(let county) in record.county.evidence.map(\.finding) where county != record.county.county {
                    facts.otherCounties = (facts.otherCounties ?? []).union([county])
                }
            }
            add(record.legalRepresentative, .legalRepresentatives)
            // An address naming only the region (`巴彦淖尔市临河区`) says nothing about premises.
            add(record.address.map(AddressKey.make).flatMap { $0.isEmpty ? nil : $0 }, .addresses)
            switch record.kind {
            case .marketRegulation:
                facts.hasEnterprise = true
                if let teaching = record.scope.map(teaching) { facts.enterpriseTeaching = max(facts.enterpriseTeaching ?? .none, teaching) }
                facts.enterpriseEstablishedOn = earliest(facts.enterpriseEstablishedOn, record.establishedOn?.day)
            case .civilAffairs:
                facts.hasCivil = true
                if let teaching = record.scope.map(teaching) { facts.civilTeaching = max(facts.civilTeaching ?? .none, teaching) }
                // Registered on that day, whatever became of it (a 注销 non-profit was one), and
                // whether or not the export names its form (old snapshots carry only a 民证字 number).
                let registered = switch record.status {
                case .civil(.normal)?, .civil(.cancelled)?, .civil(.annulled)?: true
                default: false
                }
                if record.mayBePrivateNonEnterprise && registered {
                    facts.civilRegisteredOn = earliest(facts.civilRegisteredOn, record.establishedOn?.day ?? record.completedOn?.day)
                }
            }
        }
        facts.setTexts(runs.map { $0[...] })
        return facts
    }
}

/// `b`'s texts that `a` lacks joined to it, sorted; nil when it lacks none. Compared and
/// sorted by bytes: the keys are normalised already, bytes order them as `String` does, and
/// `String`'s comparison normalises every Chinese key again (a profile is merged for every
/// record of a month).
private func union(_ a: ArraySlice<String>, _ b: ArraySlice<String>) -> ArraySlice<String>? {
    // Most runs of a group's facts are empty or hold one text, and most profiles they join
    // are new: answered without making a list.
    if b.isEmpty { return nil }
    if a.isEmpty && b.count == 1 { return b }
    var added: [String] = []
    for item in b where !a.contains(where: { $0.hasSameUTF8(as: item) }) && !added.contains(where: { $0.hasSameUTF8(as: item) }) {
        added.append(item)
    }
    guard !added.isEmpty else { return nil }
    return (Array(a) + added).sorted { $0.utf8Precedes($1) }[...]
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
    let otherNumbers: ShortList<String>
    /// The name as linkage compares it: without regions, one spelling of the legal form
    /// (`NameKeys.regionless`), so that `巴彦淖尔市杭锦后旗X培训学校` meets `杭锦后旗X培训学校`.
    let name: String?
    // The two one-byte fields last: the keys take 80 bytes a record; with the flag among the
    // strings, padding made them 88.
    let county: County?
    /// Whether `creditCode` passes its check.
    private let creditCodeIsValid: Bool

    init(_ record: SourceRecord) {
        creditCode = Self.matchable(record.creditCode)
        formerCreditCode = Self.matchable(record.formerCreditCode)
        creditCodeIsValid = record.creditCode?.isValid == true
        var numbers: [String] = []
        if let organization = record.creditCode.flatMap({ Self.matchable($0) == nil ? nil : $0.organizationCode }) {
            numbers.append("org:" + organization)
        }
        if let organization = record.organizationCode, organization.utf8.count >= 9 {
            numbers.append("org:" + organization.replacingOccurrences(of: "-", with: ""))
        }
        // A code too damaged to read (a letter among the digits) still names its registration
        // when the export repeats it letter for letter next month.
        if let reading = record.creditCode, creditCode == nil, !reading.isExcelMangled, reading.code.utf8.count >= 15 {
            numbers.append("text:" + reading.code)
        }
        if let number = record.registrationNumber, number.utf8.count >= 10 { numbers.append("reg:" + number) }
        if let number = record.certificateNumber, number.utf8.count >= 4 { numbers.append("cert:" + number) }
        otherNumbers = ShortList(numbers.sortedWithoutDuplicates())
        name = record.nameKeys?.regionless
        county = record.county.county
    }

    /// Positions 1-2 of the record's code when it is valid.
    var validCategory: Substring? {
        creditCodeIsValid ? creditCode?.prefix(2) : nil
    }

    /// `name|county code` (`?` for an unknown county). Made when asked, as the address
    /// key is made only for the profile: neither is kept in every record's keys. Measured:
    /// BENCHMARKS.md, history, `30b6ce8`.
    var nameCounty: String? {
        name.map { $0 + "|" + (county?.code ?? "?") }
    }

    private static func matchable(_ reading: CreditCodeReading?) -> String? {
        guard let reading, reading.hasWellFormedPrefix, !reading.isExcelMangled else { return nil }
        return reading.code
    }
}

/// Addresses compared without the province, city and county every local address repeats.
enum AddressKey {
    private static let prefixes: [[UInt8]] = (["内蒙古自治区", "内蒙古", "巴彦淖尔市", "巴彦淖尔"]
        + County.allCases.flatMap { [$0.name, $0.shortName] }).map { Array($0.utf8) }

    static func make(_ address: String) -> String {
        var address = withoutMongolianScript(address)
        return address.withUTF8 { bytes in
            var start = 0
            var stripped = true
            while stripped {
                stripped = false
                for prefix in prefixes where bytes.count - start >= prefix.count
                    && prefix.indices.allSatisfy({ bytes[start + $0] == prefix[$0] }) {
                    start += prefix.count
                    stripped = true
                }
            }
            let rest = bytes[start...].filter { $0 != UInt8(ascii: " ") }
            return String(decoding: rest, as: UTF8.self)
        }
    }
}

extension AddressKey {
    /// The address without Mongolian script (U+1800–U+18AF, and the narrow no-break space
    /// that joins its suffixes): bilingual exports put `ᠪᠠᠶᠠᠨᠨᠠᠭᠤᠷ ᠬᠣᠲᠠ` (Bayannur city) before
    /// the Chinese address, which names the same premises.
    static func withoutMongolianScript(_ address: String) -> String {
        // Nearly no address has any (its lead bytes are E1 and E2): it is then kept as it is,
        // not copied.
        guard address.utf8.contains(where: { $0 == 0xE1 || $0 == 0xE2 }) else { return address }
        var address = address
        return address.withUTF8 { bytes in
            var kept: [UInt8] = []
            kept.reserveCapacity(bytes.count)
            var index = 0
            var removed = false
            while index < bytes.count {
                if index + 2 < bytes.count,
                   (bytes[index] == 0xE1 && (0xA0...0xA2).contains(bytes[index + 1]))
                   || (bytes[index] == 0xE2 && bytes[index + 1] == 0x80 && bytes[index + 2] == 0xAF) {
                    index += 3
                    removed = true
                    continue
                }
                kept.append(bytes[index])
                index += 1
            }
            guard removed else { return String(decoding: bytes, as: UTF8.self) }
            // The space that separated the Mongolian text from the Chinese goes with it.
            while kept.first == UInt8(ascii: " ") { kept.removeFirst() }
            return String(decoding: kept, as: UTF8.self)
        }
    }
}
