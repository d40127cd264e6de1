import Foundation
import RegistryModel
import Support

/// The texts a month's records repeat word for word, each kept once (`TextPool`). Names
/// and addresses repeat when one institution is in both registries; organisation types,
/// scopes, supervisors and status words are copied from short standard lists. The wordings
/// have a pool of their own, small enough to stay in cache. Codes are not pooled: each
/// appears in few records, so a pool of them holds more than it saves (tried: BENCHMARKS.md,
/// "Tried and not kept").
public struct SharedTexts {
    var names = TextPool()
    var addresses = TextPool()
    var wordings = TextPool()

    public init() {}
}

/// Turns raw records into source records. Build one per batch (it reads the data files
/// once) and call `normalize(_:)` for every record; it is `Sendable`, so records may be
/// normalised from several tasks.
public struct Normalizer: Sendable {
    let names: NameKeyMaker
    let regions: RegionTable
    let vocabulary: Vocabulary

    /// Reads the data files: each from `dataDirectory` when that folder holds it (a
    /// deployment's own lists), else the copy bundled with the module.
    public init(dataDirectory: URL? = nil) throws {
        let files = DataFiles(overrideDirectory: dataDirectory)
        regions = try RegionTable(rows: files.rows("regions.tsv"))
        names = try NameKeyMaker(
            regions: regions, suffixRows: files.rows("name-suffixes.txt"),
            traditionalRows: files.rows("traditional.tsv"))
        vocabulary = try Vocabulary(
            statusRows: files.rows("status-words.tsv"), businessRows: files.rows("business-types.tsv"),
            organizationRows: files.rows("organization-types.tsv"))
    }

    /// One record on its own (its texts shared with nothing).
    public func normalize(_ raw: RawRecord) -> SourceRecord {
        var texts = SharedTexts()
        return normalize(raw, sharing: &texts)
    }

    /// A record whose texts are taken from `texts` when the same bytes are already there (and
    /// left there when not): normalise a month through one `SharedTexts`, and its records
    /// hold each name, address and standard wording once.
    public func normalize(_ raw: RawRecord, sharing texts: inout SharedTexts) -> SourceRecord {
        let values = raw.values
        var flags: Set<SourceFlag> = []

        let name = values[.name].flatMap(TextFolding.displayName).map { texts.names.shared($0) }
        let nameKeys = name.map(names.keys(displayName:))

        let code = values[.creditCode].flatMap(CreditCodeReader.read)
        if let code, !code.isValid {
            flags.insert(.invalidCreditCode)
            if code.isExcelMangled { flags.insert(.excelMangledCode) }
        }
        let former = values[.formerCreditCode].flatMap(CreditCodeReader.read)
        if let former, !former.isValid { flags.insert(.invalidFormerCreditCode) }

        let established = values[.establishedOn].flatMap { DateReader.read($0) }
        let completed = values[.completedOn].flatMap { DateReader.read($0) }
        for reading in [established, completed] {
            switch reading {
            case .impossible?: flags.insert(.impossibleDate)
            case .unreadable?: flags.insert(.unreadableDate)
            default: break
            }
        }

        let type = values[.organizationType].flatMap(TextFolding.compact).map(vocabulary.organizationType)
        if let type, type.form == nil { flags.insert(.unknownOrganizationType) }

        let status = values[.status].flatMap(TextFolding.compact).map { vocabulary.status($0, kind: raw.kind) }
        if case .unknown? = status { flags.insert(.unknownStatus) }
        let business = values[.businessType].flatMap(TextFolding.compact).map(vocabulary.businessType)
        if case .unknown? = business { flags.insert(.unknownBusinessType) }

        let address = values[.address].flatMap(TextFolding.fold)
        let authority = values[.authority].flatMap(TextFolding.fold)
        let county = resolveCounty(code: code, authority: authority, address: address, namePlace: nameKeys?.place)
        if county.conflict { flags.insert(.countyConflict) }

        func wording(_ text: String?) -> String? { text.map { texts.wordings.shared($0) } }
        return SourceRecord(
            ref: raw.ref, kind: raw.kind, layout: raw.layout,
            name: name, nameKeys: nameKeys.map { $0.keys.sharing(in: &texts.names, from: name ?? "") },
            creditCode: code, formerCreditCode: former,
            registrationNumber: values[.registrationNumber].flatMap(Self.identifier),
            certificateNumber: values[.certificateNumber].flatMap(Self.identifier),
            organizationCode: values[.organizationCode].flatMap(Self.identifier),
            organizationType: type?.sharing(in: &texts.wordings),
            legalRepresentative: values[.legalRepresentative].flatMap(Self.personName),
            establishedOn: established, completedOn: completed,
            county: county, status: status, exportedStatus: wording(values[.status]), businessType: business,
            scope: wording(values[.scope].flatMap(TextFolding.fold)),
            address: address.map { texts.addresses.shared($0) },
            supervisor: wording(values[.supervisor].flatMap(TextFolding.fold)),
            capital: values[.capital].flatMap(CapitalReader.read),
            flags: flags.sorted())
    }

    /// The county of a record from its sources, in this precedence (first county wins):
    ///
    /// 1. the credit code's positions 3-8 (150891 and 152801 count as 临河区; 150800,
    ///    152800 and other 1508xx/1528xx codes are city level and say nothing);
    /// 2. the registering authority (`临河区市场监督管理局`, `…临河分局`; `巴彦淖尔市民政局`
    ///    is city level);
    /// 3. the address (full county names only: `五原路` is a street in 临河区);
    /// 4. a region in the name (`巴彦淖尔市临河区…`, `临河…`, `…（临河）…`).
    ///
    /// The code and the authority are set by the registrar; address and name are typed by
    /// the applicant. `conflict` is raised when two sources name different counties;
    /// city-level and outside-Bayannur findings never conflict.
    public func resolveCounty(
        code: CreditCodeReading?, authority: String?, address: String?, name: String?
    ) -> CountyResolution {
        let namePlace = name.flatMap(TextFolding.displayName).map { names.keys(displayName: $0).place }
        return resolveCounty(code: code, authority: authority, address: address, namePlace: namePlace ?? nil)
    }

    func resolveCounty(
        code: CreditCodeReading?, authority: String?, address: String?, namePlace: CountyFinding?
    ) -> CountyResolution {
        var evidence: [CountyEvidence] = []
        if let division = code?.divisionCode {
            if let county = BayannurDivision.county(forDivisionCode: division) {
                evidence.append(CountyEvidence(source: .creditCode, finding: .county(county)))
            } else if division.hasPrefix("1508") || division.hasPrefix("1528") {
                evidence.append(CountyEvidence(source: .creditCode, finding: .cityLevel))
            } else if let number = Int32(division) {
                evidence.append(CountyEvidence(source: .creditCode, finding: .outsideBayannur(divisionCode: number)))
            }
        }
        if let authority, let finding = regions.find(in: Array(authority.utf8), includeShort: true) {
            evidence.append(CountyEvidence(source: .authority, finding: finding))
        }
        if let address, let finding = regions.find(in: Array(address.utf8), includeShort: false) {
            evidence.append(CountyEvidence(source: .address, finding: finding))
        }
        if let namePlace {
            evidence.append(CountyEvidence(source: .name, finding: namePlace))
        }
        var chosen: CountyEvidence? = nil
        var counties: Set<County> = []
        for item in evidence {
            guard case .county(let county) = item.finding else { continue }
            counties.insert(county)
            if chosen == nil { chosen = item }
        }
        guard let chosen, case .county(let county) = chosen.finding else {
            return CountyResolution(county: nil, source: nil, evidence: evidence, conflict: false)
        }
        return CountyResolution(county: county, source: chosen.source, evidence: evidence, conflict: counties.count > 1)
    }

    /// Name keys of any name text (display normalisation first).
    public func nameKeys(_ name: String) -> NameKeys? {
        TextFolding.displayName(name).map { names.keys(displayName: $0).keys }
    }

    /// Registration numbers, certificate numbers, organisation codes: NFKC, no spaces, upper case.
    static func identifier(_ text: String) -> String? {
        TextFolding.compact(text).map(TextFolding.asciiUpper)
    }

    static let dots: Set<Unicode.Scalar> = ["\u{2022}", "\u{30FB}", "\u{2027}", "\u{2219}", "\u{22C5}", "."]

    /// A person's name: NFKC, spaces removed, the middle dot of minority names unified to `·`.
    static func personName(_ text: String) -> String? {
        guard let compact = TextFolding.compact(text) else { return nil }
        guard compact.unicodeScalars.contains(where: dots.contains) else { return compact }
        var out = String.UnicodeScalarView()
        for scalar in compact.unicodeScalars { out.append(dots.contains(scalar) ? "\u{B7}" : scalar) }
        return String(out)
    }
}

private extension NameKeys {
    /// A key with the bytes of the (pooled) name it was made from is that name: most full
    /// keys and many regionless ones, which are then not looked up in the pool again.
    func sharing(in pool: inout TextPool, from name: String) -> NameKeys {
        func shared(_ key: String) -> String { key.hasSameUTF8(as: name) ? name : pool.shared(key) }
        return NameKeys(full: shared(full), regionless: shared(regionless), core: shared(core))
    }
}

private extension OrganizationTypeFacts {
    func sharing(in pool: inout TextPool) -> OrganizationTypeFacts {
        OrganizationTypeFacts(text: pool.shared(text), form: form, foreignCapital: foreignCapital, listed: listed)
    }
}
