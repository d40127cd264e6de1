/// The arithmetic of the 统一社会信用代码 (GB 32100-2015) and of the organisation code
/// (GB 11714) inside it. Cleaning up what exports do to codes is Normalize's job; this is
/// only what a well-formed code means.
public enum CreditCodeRules {
    /// The 31 characters a credit code may use: no I, O, S, V, Z. A character's value is its index.
    public static let alphabet: [UInt8] = Array("0123456789ABCDEFGHJKLMNPQRTUWXY".utf8)

    /// Weights 3^i mod 31 for positions 1...17.
    @usableFromInline static let weights: [Int] = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28]

    /// GB 11714's weights for positions 1...8 of the organisation code.
    @usableFromInline static let organizationWeights: [Int] = [3, 7, 9, 10, 5, 8, 4, 2]

    @usableFromInline static let values: [Int] = {
        var table = Array(repeating: -1, count: 256)
        for (index, byte) in alphabet.enumerated() { table[Int(byte)] = index }
        return table
    }()

    /// The value of an upper-case ASCII byte in the credit-code alphabet, or nil.
    @inlinable public static func value(of byte: UInt8) -> Int? {
        let value = values[Int(byte)]
        return value < 0 ? nil : value
    }

    /// The check character (position 18) for the first 17 characters, or nil when they are
    /// not 17 characters of the alphabet.
    @inlinable public static func checkCharacter<Bytes: Collection<UInt8>>(forFirst17 bytes: Bytes) -> UInt8? {
        guard bytes.count == 17 else { return nil }
        var sum = 0
        for (byte, weight) in zip(bytes, weights) {
            guard let value = value(of: byte) else { return nil }
            sum += value * weight
        }
        return alphabet[(31 - sum % 31) % 31]
    }

    /// Whether a cleaned code is 18 characters of the alphabet passing both check characters.
    public static func isValid(_ code: String) -> Bool {
        // Read in place: step 4 of linkage asks it of former codes for every candidate pair.
        var code = code
        return code.withUTF8 { bytes in
            guard bytes.count == 18,
                  let check = checkCharacter(forFirst17: bytes[0..<17]),
                  let organizationCheck = organizationCheckCharacter(forFirst8: bytes[8..<16])
            else { return false }
            return check == bytes[17] && organizationCheck == bytes[16]
        }
    }

    /// The GB 11714 check character (position 17) for the organisation code's first eight
    /// characters (positions 9-16), or nil when one is not 0-9 or A-Z.
    @inlinable public static func organizationCheckCharacter<Bytes: Collection<UInt8>>(forFirst8 bytes: Bytes) -> UInt8? {
        guard bytes.count == 8 else { return nil }
        var sum = 0
        for (byte, weight) in zip(bytes, organizationWeights) {
            let value: Int
            switch byte {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): value = Int(byte - UInt8(ascii: "0"))
            case UInt8(ascii: "A")...UInt8(ascii: "Z"): value = Int(byte - UInt8(ascii: "A")) + 10
            default: return nil
            }
            sum += value * weight
        }
        switch 11 - sum % 11 {
        case 10: return UInt8(ascii: "X")
        case 11: return UInt8(ascii: "0")
        case let digit: return UInt8(ascii: "0") + UInt8(digit)
        }
    }
}

/// What positions 1-2 of a credit code say about the registered body.
public enum CreditCodeCategory: String, Sendable, Hashable, CaseIterable, Codable {
    case institution = "11"          // 机关 (机构编制)
    case publicInstitution = "12"    // 事业单位
    case socialGroup = "51"          // 社会团体
    case privateNonEnterprise = "52" // 民办非企业单位: the non-profit form
    case foundation = "53"           // 基金会
    case enterprise = "91"           // 企业
    case individualBusiness = "92"   // 个体工商户
    case farmersCooperative = "93"   // 农民专业合作社

    public var chineseName: String {
        switch self {
        case .institution: "机关"
        case .publicInstitution: "事业单位"
        case .socialGroup: "社会团体"
        case .privateNonEnterprise: "民办非企业单位"
        case .foundation: "基金会"
        case .enterprise: "企业"
        case .individualBusiness: "个体工商户"
        case .farmersCooperative: "农民专业合作社"
        }
    }
}
