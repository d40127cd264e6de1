import RegistryModel

/// Real-looking identifiers: credit codes whose check characters hold, resident ID
/// numbers with a valid GB 11643 check digit, mobile numbers.
enum Codes {
    /// How positions 9-16 (the organisation code's body) are made.
    enum OrganizationStyle {
        /// Eight digits: codes of bodies registered before 2015, the only ones that can be all digits.
        case numeric
        /// `MA` + six characters: enterprises and individual businesses registered since 2015.
        case marketAssigned
        /// `MJ` + six digits: civil affairs' own assignment since 2016.
        case civilAssigned
        /// `MJ` + six characters of the alphabet: for when a world of millions has used up
        /// most of the million all-digit ones.
        case civilAssignedWide
    }

    private static let digits = Array("0123456789".utf8)
    private static let alphabet = CreditCodeRules.alphabet

    /// A valid 18-character credit code. `allDigits` asks for a code Excel will turn into
    /// scientific notation (only possible with the numeric style).
    static func creditCode(
        prefix: String, division: String, style: OrganizationStyle, allDigits: Bool = false,
        using rng: inout SplitMix64
    ) -> String {
        precondition(prefix.utf8.count == 2 && division.utf8.count == 6)
        while true {
            var body: [UInt8]
            switch style {
            case .numeric:
                body = (0..<8).map { _ in digits[rng.below(10)] }
            case .marketAssigned:
                body = Array("MA0".utf8) + (0..<5).map { _ in alphabet[rng.below(alphabet.count)] }
            case .civilAssigned:
                body = Array("MJ".utf8) + (0..<6).map { _ in digits[rng.below(10)] }
            case .civilAssignedWide:
                body = Array("MJ".utf8) + (0..<6).map { _ in alphabet[rng.below(alphabet.count)] }
            }
            guard let organizationCheck = CreditCodeRules.organizationCheckCharacter(forFirst8: body) else { continue }
            let first17 = Array(prefix.utf8) + Array(division.utf8) + body + [organizationCheck]
            guard let check = CreditCodeRules.checkCharacter(forFirst17: first17) else { continue }
            let code = first17 + [check]
            if allDigits && !code.allSatisfy({ $0 >= 0x30 && $0 <= 0x39 }) { continue }
            return String(decoding: code, as: UTF8.self)
        }
    }

    /// Whether every character is a digit, so that Excel reads the code as a number.
    static func isAllDigits(_ code: String) -> Bool {
        code.utf8.allSatisfy { $0 >= 0x30 && $0 <= 0x39 }
    }

    /// A resident ID number (GB 11643): area, birth date, sequence, check digit.
    static func residentID(area: String, born: Day, using rng: inout SplitMix64) -> String {
        let (y, m, d) = born.components
        let sequence = rng.int(1...999)
        let sequenceText = sequence < 10 ? "00\(sequence)" : sequence < 100 ? "0\(sequence)" : "\(sequence)"
        let first17 = "\(area)\(y)\(pad2(m))\(pad2(d))\(sequenceText)"
        return first17 + String(UnicodeScalar(ResidentIDRules.checkCharacter(forFirst17: first17.utf8)!))
    }

    static func mobile(using rng: inout SplitMix64) -> String {
        let prefixes = ["130", "131", "132", "133", "135", "136", "137", "138", "139", "150", "151", "152", "155",
                        "156", "158", "159", "176", "177", "180", "183", "185", "186", "187", "188", "189", "199"]
        var text = rng.pick(prefixes)
        for _ in 0..<8 { text.append(Character(Unicode.Scalar(UInt8(0x30 + rng.below(10))))) }
        return text
    }
}
