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

/// Counties as bits, one per county, read in `County` order: what a linkage profile or a
/// group of records is placed in, without a list of its own (half a million profiles each
/// kept one, an allocation apiece, through linkage).
public struct CountySet: Sendable, Hashable, Sequence, ExpressibleByArrayLiteral {
    private var bits: UInt8 = 0

    public init() {}

    public init(_ counties: some Sequence<County>) {
        for county in counties { insert(county) }
    }

    public init(arrayLiteral counties: County...) { self.init(counties) }

    /// Linkage asks for a county's bit for every record: a switch, not a search of `allCases`.
    private static func bit(_ county: County) -> UInt8 {
        switch county {
        case .linhe: 1 << 0
        case .wuyuan: 1 << 1
        case .dengkou: 1 << 2
        case .uratFront: 1 << 3
        case .uratMiddle: 1 << 4
        case .uratRear: 1 << 5
        case .hangginRear: 1 << 6
        }
    }

    private static let inOrder = County.allCases

    public var isEmpty: Bool { bits == 0 }

    /// The first in `County` order.
    public var first: County? { first { _ in true } }

    public func contains(_ county: County) -> Bool { bits & Self.bit(county) != 0 }

    public mutating func insert(_ county: County) { bits |= Self.bit(county) }

    public func union(_ other: CountySet) -> CountySet {
        var union = self
        union.bits |= other.bits
        return union
    }

    public func intersection(_ other: CountySet) -> CountySet {
        var intersection = self
        intersection.bits &= other.bits
        return intersection
    }

    public func makeIterator() -> some IteratorProtocol<County> {
        Self.inOrder.lazy.filter(contains).makeIterator()
    }
}
