/// The 旗县区 of Bayannur (巴彦淖尔市) that the ledger counts by, with GB/T 2260 codes.
public enum County: String, Sendable, Hashable, CaseIterable, Codable, Comparable {
    case linhe = "150802"
    case wuyuan = "150821"
    case dengkou = "150822"
    case uratFront = "150823"
    case uratMiddle = "150824"
    case uratRear = "150825"
    case hangginRear = "150826"

    public var code: String { rawValue }

    public var name: String {
        switch self {
        case .linhe: "临河区"
        case .wuyuan: "五原县"
        case .dengkou: "磴口县"
        case .uratFront: "乌拉特前旗"
        case .uratMiddle: "乌拉特中旗"
        case .uratRear: "乌拉特后旗"
        case .hangginRear: "杭锦后旗"
        }
    }

    /// The name without its 区/县/旗 suffix, as names and addresses abbreviate it (`（临河）`).
    public var shortName: String {
        switch self {
        case .linhe: "临河"
        case .wuyuan: "五原"
        case .dengkou: "磴口"
        case .uratFront: "乌拉特前"
        case .uratMiddle: "乌拉特中"
        case .uratRear: "乌拉特后"
        case .hangginRear: "杭锦后"
        }
    }

    public static func < (a: County, b: County) -> Bool { a.rawValue < b.rawValue }
}

/// Division codes (GB/T 2260) that occur in Bayannur records besides the counties.
public enum BayannurDivision {
    /// 巴彦淖尔市: registered at city level, which says nothing about the county.
    public static let city = "150800"
    /// 巴彦淖尔盟, the city's code before 2003.
    public static let formerLeague = "152800"
    /// 临河市, 临河区's code before 2003.
    public static let formerLinhe = "152801"
    /// 巴彦淖尔经济技术开发区: not in GB/T 2260, but real codes carry it; it lies in 临河区.
    public static let developmentZone = "150891"

    /// The county a six-digit division code places a record in, or nil when the code is
    /// city level or outside Bayannur.
    public static func county(forDivisionCode code: String) -> County? {
        switch code {
        case formerLinhe, developmentZone: .linhe
        default: County(rawValue: code)
        }
    }
}
