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
