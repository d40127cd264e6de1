/// The fields the pipeline knows, whatever a registry's export calls them.
///
/// Ingest maps each export's column or element names onto these (the synonym table is a
/// data file in Ingest); columns that map to none are ignored. The raw values are the
/// words a manifest's column mapping uses.
public enum Field: String, Sendable, Hashable, CaseIterable, Codable {
    /// 企业名称 / 社会组织名称
    case name
    /// 统一社会信用代码
    case creditCode = "credit_code"
    /// 原统一社会信用代码: the enterprise's code before it re-registered as a non-profit.
    case formerCreditCode = "former_credit_code"
    /// 注册号 (pre-2015 enterprise registration number)
    case registrationNumber = "registration_number"
    /// 登记证号 (civil-affairs certificate number)
    case certificateNumber = "certificate_number"
    /// 组织机构代码 (GB 11714)
    case organizationCode = "organization_code"
    /// 企业类型 / 社会组织类型
    case organizationType = "organization_type"
    /// 法定代表人 / 法人代表
    case legalRepresentative = "legal_representative"
    /// 法定代表人身份证号: personal data, kept only in the ledger.
    case legalRepresentativeID = "legal_representative_id"
    /// 联系电话: personal data, kept only in the ledger.
    case phone
    /// 成立日期 / 注册日期 / 成立登记日期
    case establishedOn = "established_on"
    /// 经营范围 / 业务范围
    case scope
    /// 登记状态 / 经营状态
    case status
    /// 登记机关 / 登记管理机关
    case authority
    /// 业务主管单位
    case supervisor
    /// 住所 / 注册地址
    case address
    /// 注册资本 / 注册资金 / 开办资金
    case capital
    /// 业务类型 (成立登记, 受理, 变更登记, 注销登记) in a business list.
    case businessType = "business_type"
    /// 办结日期: the day the business was completed.
    case completedOn = "completed_on"

    /// `allCases` made once: the synthesised `allCases` builds its array at every call.
    static let byOrdinal = allCases

    /// Position in `allCases`, so that a record's values fit in a fixed array. A switch,
    /// because this runs for every field of every record.
    public var ordinal: Int {
        switch self {
        case .name: 0
        case .creditCode: 1
        case .formerCreditCode: 2
        case .registrationNumber: 3
        case .certificateNumber: 4
        case .organizationCode: 5
        case .organizationType: 6
        case .legalRepresentative: 7
        case .legalRepresentativeID: 8
        case .phone: 9
        case .establishedOn: 10
        case .scope: 11
        case .status: 12
        case .authority: 13
        case .supervisor: 14
        case .address: 15
        case .capital: 16
        case .businessType: 17
        case .completedOn: 18
        }
    }
}

/// The values of one record, by field, exactly as the export had them (decoded, nothing else).
///
/// Only the present values are kept: a bit per field says which, and the values follow in
/// field order (so equal values are equal). A `[String?]` of 19 slots took 336 bytes before
/// its strings, for every record of a month. The values stay `String`s, not bytes, because
/// Normalize keeps a value it need not change as it is, and then the record's reading and
/// the export share one string (BENCHMARKS.md, history, `e99f2b8`).
public struct FieldValues: Sendable, Hashable {
    /// Bit `ordinal` is set for each field with a value.
    private let presence: UInt32
    private let values: [String]

    public init(_ pairs: [Field: String]) {
        var builder = Builder()
        for (field, value) in pairs { builder[field] = value }
        self = builder.values
    }

    fileprivate init(slots: [String?]) {
        var presence: UInt32 = 0
        var values: [String] = []
        values.reserveCapacity(slots.count { $0 != nil })
        for (ordinal, slot) in slots.enumerated() {
            guard let slot else { continue }
            presence |= 1 << ordinal
            values.append(slot)
        }
        self.presence = presence
        self.values = values
    }

    public subscript(field: Field) -> String? {
        let bit: UInt32 = 1 << field.ordinal
        guard presence & bit != 0 else { return nil }
        return values[(presence & (bit - 1)).nonzeroBitCount]
    }

    /// The fields that carry a value, in `Field.allCases` order.
    public var present: [(field: Field, value: String)] {
        var result: [(field: Field, value: String)] = []
        result.reserveCapacity(values.count)
        forEachPresent { result.append(($0, $1)) }
        return result
    }

    /// Each field that carries a value, with it, in `Field.allCases` order.
    func forEachPresent(_ body: (Field, String) -> Void) {
        var position = 0
        for field in Field.byOrdinal where presence & (1 << field.ordinal) != 0 {
            body(field, values[position])
            position += 1
        }
    }

    /// How many fields carry a value.
    var presentCount: Int { values.count }

    /// The bytes of every value, in UTF-8.
    var valueByteCount: Int { values.reduce(0) { $0 + $1.utf8.count } }

    /// A record's values while a reader collects them, one slot per field; `values` keeps
    /// the present ones.
    public struct Builder: Sendable {
        private var slots: [String?] = Array(repeating: nil, count: Field.byOrdinal.count)

        public init() {}

        public subscript(field: Field) -> String? {
            get { slots[field.ordinal] }
            set { slots[field.ordinal] = newValue }
        }

        public var values: FieldValues {
            FieldValues(slots: slots)
        }
    }
}
