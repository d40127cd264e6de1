/// A date field as read: a real day, an impossible one (kept as its parts), or text that is
/// no date form Normalize knows.
public enum DateReading: Sendable, Hashable {
    case day(Day)
    /// The parts read, with no such day (2021-02-30, month 13): at most four digits of year
    /// and two of month and day, so 32 bits each (every record carries two readings).
    case impossible(year: Int32, month: Int32, day: Int32)
    /// Not a date form Normalize knows (the exported text stays in the ledger's copy of the
    /// record's values).
    case unreadable

    public var day: Day? {
        if case .day(let day) = self { day } else { nil }
    }
}

/// Where a county came from. The order of the cases is the precedence (first wins).
public enum CountySource: String, Sendable, Hashable, CaseIterable, Codable, Comparable {
    /// Positions 3-8 of the credit code.
    case creditCode = "credit_code"
    /// The registering authority (登记机关 / 登记管理机关), e.g. 临河区市场监督管理局.
    case authority
    /// The address (住所 / 注册地址).
    case address
    /// A region in the name: `巴彦淖尔市临河区…`, `…（临河）…`.
    case name

    public static func < (a: CountySource, b: CountySource) -> Bool {
        allCases.firstIndex(of: a)! < allCases.firstIndex(of: b)!
    }
}

/// What one source says about the county.
public enum CountyFinding: Sendable, Hashable {
    case county(County)
    /// Bayannur, registered or named at city (or league) level: says nothing about the county.
    case cityLevel
    /// A division code outside Bayannur (from the credit code only), its six digits as a
    /// number: every record keeps its county evidence, and a String here made each piece of
    /// it 32 bytes instead of 8.
    case outsideBayannur(divisionCode: Int32)
}

/// One piece of county evidence.
public struct CountyEvidence: Sendable, Hashable {
    // The finding first: its five bytes, then the source's one, make eight in an array; the
    // other way round, alignment made them twelve.
    public let finding: CountyFinding
    public let source: CountySource

    public init(source: CountySource, finding: CountyFinding) {
        self.source = source
        self.finding = finding
    }
}

/// The county a record is placed in, the source that decided it, and whether the sources
/// disagree (two different counties). See Normalize's README for the precedence.
public struct CountyResolution: Sendable, Hashable {
    public let county: County?
    public let source: CountySource?
    /// Two sources name different counties.
    public let conflict: Bool
    // What each source said, kept in place. Every record carries its resolution, and an array
    // of its own would be an allocation per record, a 32-byte header before a few 8-byte
    // findings. Measured: BENCHMARKS.md, history, `6518a9d`.
    private let fromCreditCode: CountyFinding?
    private let fromAuthority: CountyFinding?
    private let fromAddress: CountyFinding?
    private let fromName: CountyFinding?

    /// `evidence` holds at most one finding per source.
    public init(county: County?, source: CountySource?, evidence: [CountyEvidence], conflict: Bool) {
        func finding(from source: CountySource) -> CountyFinding? {
            evidence.first { $0.source == source }?.finding
        }
        assert(Set(evidence.map(\.source)).count == evidence.count, "one finding per source")
        self.county = county
        self.source = source
        self.conflict = conflict
        fromCreditCode = finding(from: .creditCode)
        fromAuthority = finding(from: .authority)
        fromAddress = finding(from: .address)
        fromName = finding(from: .name)
    }

    /// What `source` said, if anything.
    public func finding(from source: CountySource) -> CountyFinding? {
        switch source {
        case .creditCode: fromCreditCode
        case .authority: fromAuthority
        case .address: fromAddress
        case .name: fromName
        }
    }

    /// Every source that said something, in precedence order.
    public var evidence: [CountyEvidence] {
        CountySource.allCases.compactMap { source in
            finding(from: source).map { CountyEvidence(source: source, finding: $0) }
        }
    }

    public static let unknown = CountyResolution(county: nil, source: nil, evidence: [], conflict: false)
}

/// Keys for matching a name across registries. All are NFKC-normalised, spaces removed,
/// brackets full-width and traditional characters folded to simplified.
public struct NameKeys: Sendable, Hashable {
    /// The whole name, folded: equal names compare equal.
    public let full: String
    /// The name without region prefixes and bracketed regions, and with 有限责任公司 written
    /// 有限公司 (`巴彦淖尔市临河区智远教育科技有限责任公司` → `智远教育科技有限公司`): the name
    /// linkage compares, in the same county.
    public let regionless: String
    /// The brand core: regionless, with legal-form and generic suffixes removed (`智远`).
    /// Never empty when the name is not: when stripping would leave nothing, the last
    /// non-empty stage is kept.
    public let core: String

    public init(full: String, regionless: String, core: String) {
        self.full = full
        self.regionless = regionless
        self.core = core
    }
}

/// The legal form an organisation type or code shows.
public enum OrganizationForm: String, Sendable, Hashable, CaseIterable, Codable {
    case enterprise
    case individualBusiness = "individual_business"
    case farmersCooperative = "farmers_cooperative"
    /// 民办非企业单位 (also 民办非企业单位（法人）, 社会服务机构).
    case privateNonEnterprise = "private_non_enterprise"
    case socialGroup = "social_group"
    case foundation
    case publicInstitution = "public_institution"
}

/// What the enterprise / organisation type (企业类型, 社会组织类型) says.
public struct OrganizationTypeFacts: Sendable, Hashable {
    /// The normalised type text (NFKC, no spaces, brackets as `（）`).
    public let text: String
    /// The legal form, when a keyword shows it; nil (and flagged) when none does.
    public let form: OrganizationForm?
    /// 外商投资, 外资, 台港澳, 港澳台, 中外合资, 外国法人独资 …
    public let foreignCapital: Bool
    /// 股份有限公司（上市…）, in either bracket width; 非上市 is not listed.
    public let listed: Bool

    public init(text: String, form: OrganizationForm?, foreignCapital: Bool, listed: Bool) {
        self.text = text
        self.form = form
        self.foreignCapital = foreignCapital
        self.listed = listed
    }
}

/// Registration status in a market-regulation (市场监管) export.
public enum MarketStatus: String, Sendable, Hashable, CaseIterable, Codable {
    case active            // 存续, 在业, 存续（在营、开业、在册）, 开业, 在营, 在册
    case revoked           // 吊销, 吊销，未注销
    case cancelled         // 注销
    case movedOut = "moved_out"  // 迁出
    case suspended         // 停业
    case annulled          // 撤销
    case liquidating       // 清算
}

/// Registration status in a civil-affairs (民政) export, including the bureau's applications.
public enum CivilStatus: String, Sendable, Hashable, CaseIterable, Codable {
    case normal                 // 正常
    case cancelled              // 注销
    case annulled               // 撤销
    case applicationAccepted = "application_accepted"  // 受理中
    case underReview = "under_review"                  // 审查中
}

/// A status word read against its registry's vocabulary. Unknown words are kept, never guessed.
public enum RegistrationStatus: Sendable, Hashable {
    case market(MarketStatus)
    case civil(CivilStatus)
    /// A word not in the registry's vocabulary (normalised text).
    case unknown(String)
}

/// 业务类型 in a civil-affairs business list.
public enum BusinessType: Sendable, Hashable {
    case establishment   // 成立登记
    case accepted        // 受理
    case change          // 变更登记
    case cancellation    // 注销登记
    case unknown(String)
}

/// 注册资本 / 注册资金 / 开办资金, read when the form is simple.
public struct CapitalReading: Sendable, Hashable {
    /// The amount in 万元 (ten thousand units of the currency), nil when not simple to read.
    public let tenThousands: Double?
    /// The currency when one other than 人民币 is named (`美元`), else nil.
    public let currency: String?

    public init(tenThousands: Double?, currency: String?) {
        self.tenThousands = tenThousands
        self.currency = currency
    }
}

/// Per-record findings of Normalize. Raw values are the words downstream stages and review
/// files use.
public enum SourceFlag: String, Sendable, Hashable, CaseIterable, Codable, Comparable {
    /// The credit code fails a check (Excel-mangled codes included).
    case invalidCreditCode = "invalid_credit_code"
    /// The credit code was destroyed by Excel (`9.11508E+17`).
    case excelMangledCode = "excel_mangled_code"
    /// The former credit code fails a check.
    case invalidFormerCreditCode = "invalid_former_credit_code"
    /// A date field names no real day (2021-02-30).
    case impossibleDate = "impossible_date"
    /// A date field is in no form Normalize knows.
    case unreadableDate = "unreadable_date"
    /// The status word is not in the registry's vocabulary.
    case unknownStatus = "unknown_status"
    /// The business type is not 成立登记, 受理, 变更登记 or 注销登记.
    case unknownBusinessType = "unknown_business_type"
    /// The organisation type shows no known legal form.
    case unknownOrganizationType = "unknown_organization_type"
    /// The code, authority, address and name place the record in different counties.
    case countyConflict = "county_conflict"

    public static func < (a: SourceFlag, b: SourceFlag) -> Bool {
        allCases.firstIndex(of: a)! < allCases.firstIndex(of: b)!
    }
}

/// A record after Normalize: every field read once, the same way whichever export it came
/// from. The hand-off from Normalize to Linkage and Classify. The values exactly as exported
/// are not kept here: the pipeline carries them to the ledger on their own (a month holds a
/// million records, and only the ledger needs the exported text).
public struct SourceRecord: Sendable, Hashable {
    public let ref: RecordRef
    public let kind: SourceKind
    public let layout: FileLayout

    /// The name for display: NFKC, spaces removed, brackets `（）`, digits and Latin half-width.
    public let name: String?
    public let nameKeys: NameKeys?

    public let creditCode: CreditCodeReading?
    /// 原统一社会信用代码, where the export has it.
    public let formerCreditCode: CreditCodeReading?
    /// 注册号, 登记证号, 组织机构代码: NFKC, spaces removed, upper case.
    public let registrationNumber: String?
    public let certificateNumber: String?
    public let organizationCode: String?

    public let organizationType: OrganizationTypeFacts?
    /// NFKC, spaces removed, the middle dot of minority names unified to `·`. The
    /// representative's ID number and the phone, personal data, are not read: the follow-up
    /// contacts come from the ledger's copy of the exported values.
    public let legalRepresentative: String?

    public let establishedOn: DateReading?
    /// 办结日期 in a business list.
    public let completedOn: DateReading?

    public let county: CountyResolution
    public let status: RegistrationStatus?
    /// The status word exactly as exported (`存续（在营、开业、在册）`), which a tracked
    /// sighting shows.
    public let exportedStatus: String?
    public let businessType: BusinessType?

    /// Normalised text (NFKC, whitespace folded; brackets ASCII as NFKC leaves them).
    public let scope: String?
    public let address: String?
    public let supervisor: String?
    public let capital: CapitalReading?

    /// Sorted, without duplicates.
    public let flags: [SourceFlag]

    public init(
        ref: RecordRef, kind: SourceKind, layout: FileLayout,
        name: String?, nameKeys: NameKeys?,
        creditCode: CreditCodeReading?, formerCreditCode: CreditCodeReading?,
        registrationNumber: String?, certificateNumber: String?, organizationCode: String?,
        organizationType: OrganizationTypeFacts?, legalRepresentative: String?,
        establishedOn: DateReading?, completedOn: DateReading?,
        county: CountyResolution, status: RegistrationStatus?, exportedStatus: String?, businessType: BusinessType?,
        scope: String?, address: String?, supervisor: String?,
        capital: CapitalReading?, flags: [SourceFlag]
    ) {
        self.ref = ref
        self.kind = kind
        self.layout = layout
        self.name = name
        self.nameKeys = nameKeys
        self.creditCode = creditCode
        self.formerCreditCode = formerCreditCode
        self.registrationNumber = registrationNumber
        self.certificateNumber = certificateNumber
        self.organizationCode = organizationCode
        self.organizationType = organizationType
        self.legalRepresentative = legalRepresentative
        self.establishedOn = establishedOn
        self.completedOn = completedOn
        self.county = county
        self.status = status
        self.exportedStatus = exportedStatus
        self.businessType = businessType
        self.scope = scope
        self.address = address
        self.supervisor = supervisor
        self.capital = capital
        self.flags = flags
    }

    /// A 民办非企业单位: by its type text or, failing that, by a 52 code.
    public var isPrivateNonEnterprise: Bool {
        if let form = organizationType?.form { return form == .privateNonEnterprise }
        return creditCode?.category == .privateNonEnterprise
    }

    /// Nothing says it is another form: a 民办非企业单位, or a record whose export names no form
    /// and carries no readable code (old civil snapshots show only a 民证字 number).
    public var mayBePrivateNonEnterprise: Bool {
        if let form = organizationType?.form { return form == .privateNonEnterprise }
        return creditCode?.category.map { $0 == .privateNonEnterprise } ?? true
    }
}
