/// The arithmetic of the resident ID number (GB 11643-1999): what the sample generator writes
/// and what masking recognises in free text.
public enum ResidentIDRules {
    static let weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2]
    static let checks: [UInt8] = Array("10X98765432".utf8)

    /// The check character (position 18) for the first 17 digits, or nil when they are not
    /// 17 ASCII digits.
    public static func checkCharacter<Bytes: Collection<UInt8>>(forFirst17 bytes: Bytes) -> UInt8? {
        guard bytes.count == 17 else { return nil }
        var sum = 0
        for (byte, weight) in zip(bytes, weights) {
            guard byte >= 0x30 && byte <= 0x39 else { return nil }
            sum += Int(byte - 0x30) * weight
        }
        return checks[sum % 11]
    }
}
