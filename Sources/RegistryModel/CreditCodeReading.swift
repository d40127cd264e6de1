/// Position 1 of a credit code: the kind of authority that registered the body (GB 32100).
public enum CreditCodeAuthority: String, Sendable, Hashable, CaseIterable, Codable {
    case organizationalEstablishment = "1"  // 机构编制
    case foreignAffairs = "2"               // 外交
    case justice = "3"                      // 司法行政
    case culture = "4"                      // 文化
    case civilAffairs = "5"                 // 民政
    case tourism = "6"                      // 旅游
    case religion = "7"                     // 宗教
    case tradeUnion = "8"                   // 工会
    case marketRegulation = "9"             // 工商 / 市场监管
    case militaryEstablishment = "A"        // 中央军委改革和编制办公室
    case agriculture = "N"                  // 农业
    case other = "Y"                        // 其他

    public var chineseName: String {
        switch self {
        case .organizationalEstablishment: "机构编制"
        case .foreignAffairs: "外交"
        case .justice: "司法行政"
        case .culture: "文化"
        case .civilAffairs: "民政"
        case .tourism: "旅游"
        case .religion: "宗教"
        case .tradeUnion: "工会"
        case .marketRegulation: "工商（市场监管）"
        case .militaryEstablishment: "中央军委改革和编制办公室"
        case .agriculture: "农业"
        case .other: "其他"
        }
    }
}

/// Something wrong with a credit code as an export carried it. A problem never removes the
/// code from its record: the cleaned code stays, with the problems beside it.
public enum CreditCodeProblem: Sendable, Hashable {
    /// Excel turned an all-digit code into a number in scientific notation (`9.11508E+17`):
    /// the digits after the sixth are gone and cannot be recovered from the file.
    case excelScientificNotation
    /// All digits, ending in `000`, failing the check: probably Excel kept only 15 significant
    /// digits of a number. A suspicion, reported beside the check failure.
    case excelPrecisionLoss
    /// Not 18 characters after cleaning.
    case wrongLength(Int)
    /// Characters outside the 31-character alphabet (I, O, S, V, Z, punctuation, Chinese …).
    case invalidCharacters(String)
    /// Positions 2-8 (category and division) must be digits.
    case nonDigitPrefix
    /// Position 18 is not the GB 32100 check character of positions 1-17.
    case checkCharacterMismatch(expected: Character, found: Character)
    /// Position 17 is not the GB 11714 check character of positions 9-16.
    case organizationCheckMismatch(expected: Character, found: Character)

    /// A stable English code that scripts and the `problems` list in JSON use.
    public var code: String {
        switch self {
        case .excelScientificNotation: "excel_scientific_notation"
        case .excelPrecisionLoss: "excel_precision_loss"
        case .wrongLength: "wrong_length"
        case .invalidCharacters: "invalid_characters"
        case .nonDigitPrefix: "non_digit_prefix"
        case .checkCharacterMismatch: "check_character_mismatch"
        case .organizationCheckMismatch: "organization_check_mismatch"
        }
    }

    /// The explanation for a clerk, in Chinese.
    public var chinese: String {
        switch self {
        case .excelScientificNotation:
            "代码被 Excel 转成了科学计数法（如 9.11508E+17），第 7 位以后的字符已丢失，无法从文件恢复，请向导出单位索取原始代码"
        case .excelPrecisionLoss:
            "代码全为数字且以 000 结尾，校验不通过，疑似 Excel 只保留了 15 位有效数字"
        case .wrongLength(let count):
            "长度应为 18 位，实际 \(count) 位"
        case .invalidCharacters(let characters):
            "含有代码字符集以外的字符：\(characters)（代码不使用 I、O、S、V、Z）"
        case .nonDigitPrefix:
            "第 2-8 位（机构类别和登记管理机关行政区划码）应为数字"
        case .checkCharacterMismatch(let expected, let found):
            "第 18 位校验码应为 \(expected)，实际为 \(found)（GB 32100）"
        case .organizationCheckMismatch(let expected, let found):
            "第 9-17 位组织机构代码的校验码应为 \(expected)，实际为 \(found)（GB 11714）"
        }
    }

    /// The explanation in English.
    public var english: String {
        switch self {
        case .excelScientificNotation:
            "Excel turned the code into scientific notation; the characters after the sixth are lost"
        case .excelPrecisionLoss:
            "all digits ending in 000 and failing the check: Excel probably kept only 15 significant digits"
        case .wrongLength(let count):
            "length \(count), expected 18"
        case .invalidCharacters(let characters):
            "characters outside the code alphabet: \(characters)"
        case .nonDigitPrefix:
            "positions 2-8 (category and division) must be digits"
        case .checkCharacterMismatch(let expected, let found):
            "GB 32100 check character should be \(expected), found \(found)"
        case .organizationCheckMismatch(let expected, let found):
            "GB 11714 check character (position 17) should be \(expected), found \(found)"
        }
    }

    /// `中文说明 (code: English)`, the house form for reasons.
    public var message: String { "\(chinese) (\(code): \(english))" }
}

/// What cleaning did to a code before it was checked: reported, never hidden.
public enum CreditCodeCleanup: String, Sendable, Hashable, CaseIterable, Codable {
    case removedByteOrderMark = "removed_bom"
    case removedSpaces = "removed_spaces"
    case removedHyphens = "removed_hyphens"
    case foldedFullWidth = "folded_full_width"
    case upperCased = "upper_cased"

    public var chinese: String {
        switch self {
        case .removedByteOrderMark: "已去除 BOM"
        case .removedSpaces: "已去除空格"
        case .removedHyphens: "已去除连字符"
        case .foldedFullWidth: "已将全角字符转为半角"
        case .upperCased: "已将小写字母转为大写"
        }
    }
}

/// A credit code as read from one field: the cleaned code, its parts, and what is wrong
/// with it. Made by Normalize; valid or not, it stays on the record.
public struct CreditCodeReading: Sendable, Hashable {
    /// The value exactly as the export had it.
    public let original: String
    /// The cleaned code: BOM, spaces and hyphens removed, full width folded, upper case.
    /// Never repaired beyond that.
    public let code: String
    public let cleanups: [CreditCodeCleanup]
    public let problems: [CreditCodeProblem]

    public init(original: String, code: String, cleanups: [CreditCodeCleanup], problems: [CreditCodeProblem]) {
        self.original = original
        self.code = code
        self.cleanups = cleanups
        self.problems = problems
    }

    /// 18 characters of the alphabet that pass both check characters (GB 32100 and GB 11714).
    public var isValid: Bool { problems.isEmpty }

    /// Excel destroyed it (scientific notation, or suspected lost digits).
    public var isExcelMangled: Bool {
        problems.contains { $0 == .excelScientificNotation || $0 == .excelPrecisionLoss }
    }

    /// Whether the code has the shape of a credit code (18 characters, digits at 2-8), so
    /// that its parts mean something even if a check character fails.
    public var hasWellFormedPrefix: Bool {
        code.utf8.count == 18 && !problems.contains(.nonDigitPrefix)
            && !problems.contains(.excelScientificNotation)
    }

    /// Positions `range` (0-based, in bytes) as text, read in place: linkage asks every
    /// record's code for its organisation code.
    private func positions(_ range: Range<Int>) -> String {
        var code = code
        return code.withUTF8 { String(decoding: UnsafeBufferPointer(rebasing: $0[range]), as: UTF8.self) }
    }

    /// Position 1, when the code is well formed.
    public var authority: CreditCodeAuthority? {
        guard hasWellFormedPrefix else { return nil }
        return CreditCodeAuthority(rawValue: String(code.prefix(1)))
    }

    /// Positions 1-2 as text (`52`), when the code is well formed.
    public var categoryCode: String? {
        hasWellFormedPrefix ? String(code.prefix(2)) : nil
    }

    /// Positions 1-2, when they are a category the pipeline knows.
    public var category: CreditCodeCategory? {
        categoryCode.flatMap(CreditCodeCategory.init(rawValue:))
    }

    /// Positions 3-8: the GB/T 2260 division of the registering authority.
    public var divisionCode: String? {
        guard hasWellFormedPrefix else { return nil }
        return positions(2 ..< 8)
    }

    /// Positions 9-17: the GB 11714 organisation code.
    public var organizationCode: String? {
        guard hasWellFormedPrefix else { return nil }
        return positions(8 ..< 17)
    }

    /// The county positions 3-8 place the record in (150891 and 152801 count as 临河区);
    /// nil for city level, outside Bayannur or a malformed code.
    public var county: County? {
        divisionCode.flatMap(BayannurDivision.county(forDivisionCode:))
    }
}
