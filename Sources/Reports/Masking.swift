import RegistryModel

/// Masks personal data before it leaves the office (PIPL: the minimum necessary).
public enum Masking {
    /// A resident ID number with only the first 6 and last 4 characters kept:
    /// `15080219850612123X` → `150802********123X`. Spaces are dropped and `x` is upper-cased
    /// first. A value of 10 characters or fewer keeps nothing (all `*`), since keeping 10
    /// would show it whole. Nil or blank stays nil.
    public static func idNumber(_ raw: String?) -> String? {
        guard let raw else { return nil }
        let characters = Array(raw.uppercased().filter { !$0.isWhitespace })
        guard !characters.isEmpty else { return nil }
        guard characters.count > 10 else { return String(repeating: "*", count: characters.count) }
        return String(characters.prefix(6)) + String(repeating: "*", count: characters.count - 10)
            + String(characters.suffix(4))
    }

    /// A phone number with only the first 3 and last 4 digits kept: `13812345678` →
    /// `138****5678`. Separators and a leading `+86`/`0086`/`86` are dropped first; a landline
    /// `0478-8123456` becomes `047****3456`. Fewer than 8 digits keep nothing. Nil or a value
    /// without digits stays nil.
    public static func phone(_ raw: String?) -> String? {
        guard let raw else { return nil }
        var digits = raw.unicodeScalars.compactMap { scalar -> Character? in
            guard let value = scalar.properties.numericType == .decimal ? scalar.properties.numericValue : nil
            else { return nil }
            return Character(String(Int(value)))
        }
        if digits.count == 15, digits.starts(with: Array("0086")) {
            digits.removeFirst(4)
        } else if digits.count == 13, digits.starts(with: Array("86")) {
            digits.removeFirst(2)
        }
        guard !digits.isEmpty else { return nil }
        guard digits.count >= 8 else { return String(repeating: "*", count: digits.count) }
        return String(digits.prefix(3)) + String(repeating: "*", count: digits.count - 7) + String(digits.suffix(4))
    }
}

extension Masking {
    /// A free-text field (a name, a legal representative) with every personal number in it
    /// masked: an ID number typed into the wrong column must not leave the office whole. A
    /// number counts when it stands alone (not inside a longer run of digits) and is shaped
    /// like one: 18 characters with a birth date and GB 11643's check character, the old
    /// 15-digit form with a birth date, or a mobile number (11 digits, 1[3-9]…). Credit codes
    /// and 注册号 live in fields of their own, which this is never applied to.
    public static func personalNumbers(in text: String) -> String {
        // Most fields hold no run of 11 digits at all: returned as they are, read in place.
        var longest = 0, run = 0
        for byte in text.utf8 {
            run = isDigit(byte) ? run + 1 : 0
            longest = max(longest, run)
        }
        guard longest >= 11 else { return text }
        let bytes = Array(text.utf8)
        var result: [UInt8] = []
        var index = 0
        while index < bytes.count {
            guard isDigit(bytes[index]) else {
                result.append(bytes[index])
                index += 1
                continue
            }
            var end = index
            while end < bytes.count, isDigit(bytes[end]) { end += 1 }
            // The 18th character of an ID number may be X.
            if end - index == 17, end < bytes.count, bytes[end] | 0x20 == UInt8(ascii: "x") { end += 1 }
            let token = bytes[index..<end]
            let masked: String? = switch token.count {
            case 18 where isIDNumber18(token): idNumber(String(decoding: token, as: UTF8.self))
            case 15 where hasBirthDate(token.dropFirst(6), centuryDigits: false): idNumber(String(decoding: token, as: UTF8.self))
            case 11 where token.first == UInt8(ascii: "1") && (UInt8(ascii: "3")...UInt8(ascii: "9")).contains(token.dropFirst().first!):
                phone(String(decoding: token, as: UTF8.self))
            default: nil
            }
            if let masked { result += masked.utf8 } else { result += token }
            index = end
        }
        return String(decoding: result, as: UTF8.self)
    }

    private static func isDigit(_ byte: UInt8) -> Bool { byte >= 0x30 && byte <= 0x39 }

    /// GB 11643: a birth date at 7–14 and the check character over the first 17.
    private static func isIDNumber18(_ bytes: ArraySlice<UInt8>) -> Bool {
        guard hasBirthDate(bytes.dropFirst(6), centuryDigits: true),
              let check = ResidentIDRules.checkCharacter(forFirst17: bytes.prefix(17)) else { return false }
        let last = bytes[bytes.endIndex - 1]
        return last == check || (check == UInt8(ascii: "X") && last == UInt8(ascii: "x"))
    }

    /// A plausible date of birth where the bytes begin: YYYYMMDD, or YYMMDD in the old form.
    private static func hasBirthDate(_ bytes: ArraySlice<UInt8>, centuryDigits: Bool) -> Bool {
        func number(_ offset: Int, _ count: Int) -> Int {
            let start = bytes.startIndex + offset
            return bytes[start..<(start + count)].reduce(0) { $0 * 10 + Int($1 - 0x30) }
        }
        let year = centuryDigits ? 4 : 2
        if centuryDigits, !(1900...2030).contains(number(0, 4)) { return false }
        return (1...12).contains(number(year, 2)) && (1...31).contains(number(year + 2, 2))
    }
}
