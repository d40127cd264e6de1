import RegistryModel

/// Reads a 统一社会信用代码 as an export carried it: cleans what exports do to codes (BOM,
/// spaces, hyphens, full width, lower case), then checks length, alphabet, the GB 11714
/// check on positions 9-17 and the GB 32100 check character. Never repairs: an Excel-mangled
/// or mistyped code keeps its cleaned form, with the problems beside it.
public enum CreditCodeReader {
    /// Reads `text`, or returns nil when it is empty or a null token (`N/A`, `无` …).
    public static func read(_ text: String) -> CreditCodeReading? {
        var cleanups: Set<CreditCodeCleanup> = []
        var out: [UInt8] = []
        let bytes = Array(text.utf8)
        out.reserveCapacity(bytes.count)
        var index = 0
        while index < bytes.count {
            let byte = bytes[index]
            let b1 = index + 1 < bytes.count ? bytes[index + 1] : 0
            let b2 = index + 2 < bytes.count ? bytes[index + 2] : 0
            switch byte {
            case 0x20, 0x09...0x0D:
                cleanups.insert(.removedSpaces)
                index += 1
            case UInt8(ascii: "-"):
                cleanups.insert(.removedHyphens)
                index += 1
            case UInt8(ascii: "a")...UInt8(ascii: "z"):
                cleanups.insert(.upperCased)
                out.append(byte - 0x20)
                index += 1
            case 0xC2 where b1 == 0xA0:
                cleanups.insert(.removedSpaces)
                index += 2
            case 0xEF where b1 == 0xBB && b2 == 0xBF:
                cleanups.insert(.removedByteOrderMark)
                index += 3
            case 0xEF where b1 == 0xBC && b2 == 0x8D:  // U+FF0D full-width hyphen-minus
                cleanups.insert(.removedHyphens)
                index += 3
            case 0xEF where (b1 == 0xBC && b2 >= 0x81) || (b1 == 0xBD && b2 <= 0x9E):
                cleanups.insert(.foldedFullWidth)
                var ascii = b1 == 0xBC ? b2 - 0x81 + 0x21 : b2 - 0x80 + 0x60
                if ascii >= 0x61 && ascii <= 0x7A {
                    cleanups.insert(.upperCased)
                    ascii -= 0x20
                }
                out.append(ascii)
                index += 3
            case 0xE3 where b1 == 0x80 && b2 == 0x80:  // U+3000
                cleanups.insert(.removedSpaces)
                index += 3
            case 0xE2 where b1 == 0x80 && (0x8B...0x8D).contains(b2):  // zero-width
                cleanups.insert(.removedSpaces)
                index += 3
            case 0xE2 where b1 == 0x80 && (0x90...0x95).contains(b2):  // U+2010-2015 dashes
                cleanups.insert(.removedHyphens)
                index += 3
            case 0xE2 where b1 == 0x88 && b2 == 0x92:  // U+2212 minus
                cleanups.insert(.removedHyphens)
                index += 3
            default:
                out.append(byte)
                index += 1
            }
        }
        // Every change above records a cleanup, so none means the code is the text itself:
        // sharing its string keeps a heap copy of 18 bytes per code out of every record.
        let code = cleanups.isEmpty ? text : String(decoding: out, as: UTF8.self)
        if out.isEmpty || (out.count <= 6 && TextFolding.nullTokens.contains(code)) { return nil }
        let ordered = CreditCodeCleanup.allCases.filter(cleanups.contains)
        return CreditCodeReading(original: text, code: code, cleanups: ordered, problems: problems(of: out))
    }

    /// The problems of a cleaned code (ASCII upper case expected); empty when it is valid.
    public static func problems(of code: [UInt8]) -> [CreditCodeProblem] {
        if isScientificNotation(code) { return [.excelScientificNotation] }
        var problems: [CreditCodeProblem] = []
        let characterCount = String(decoding: code, as: UTF8.self).unicodeScalars.count
        var invalid: [Unicode.Scalar] = []
        for scalar in String(decoding: code, as: UTF8.self).unicodeScalars {
            let ok = scalar.isASCII && CreditCodeRules.value(of: UInt8(scalar.value)) != nil
            if !ok && !invalid.contains(scalar) { invalid.append(scalar) }
        }
        if characterCount != 18 { problems.append(.wrongLength(characterCount)) }
        if !invalid.isEmpty {
            var text = ""
            text.unicodeScalars.append(contentsOf: invalid)
            problems.append(.invalidCharacters(text))
        }
        guard characterCount == 18, code.count == 18 else { return problems }
        if !code[1..<8].allSatisfy({ $0 >= 0x30 && $0 <= 0x39 }) { problems.append(.nonDigitPrefix) }
        guard invalid.isEmpty else { return problems }
        if let expected = CreditCodeRules.organizationCheckCharacter(forFirst8: code[8..<16]), expected != code[16] {
            problems.append(.organizationCheckMismatch(
                expected: Character(Unicode.Scalar(expected)), found: Character(Unicode.Scalar(code[16]))))
        }
        if let expected = CreditCodeRules.checkCharacter(forFirst17: code[0..<17]), expected != code[17] {
            problems.append(.checkCharacterMismatch(
                expected: Character(Unicode.Scalar(expected)), found: Character(Unicode.Scalar(code[17]))))
            if code.allSatisfy({ $0 >= 0x30 && $0 <= 0x39 }) && code[15...].allSatisfy({ $0 == 0x30 }) {
                problems.append(.excelPrecisionLoss)
            }
        }
        return problems
    }

    /// `9.11508E+17`, `9.11508e17`, `9E+17` after cleaning (upper case): digits, an optional
    /// fraction, `E`, an optional sign, and an exponent of at most three digits. (An 18-digit
    /// code with one E mistyped among its digits, `91E508023388837792`, is a damaged code,
    /// not a number Excel wrote.)
    static func isScientificNotation(_ code: [UInt8]) -> Bool {
        var index = 0
        func digits() -> Int {
            let start = index
            while index < code.count, code[index] >= 0x30, code[index] <= 0x39 { index += 1 }
            return index - start
        }
        guard digits() > 0 else { return false }
        if index < code.count, code[index] == UInt8(ascii: ".") {
            index += 1
            guard digits() > 0 else { return false }
        }
        guard index < code.count, code[index] == UInt8(ascii: "E") else { return false }
        index += 1
        if index < code.count, code[index] == UInt8(ascii: "+") { index += 1 }
        guard (1...3).contains(digits()) else { return false }
        return index == code.count
    }
}
