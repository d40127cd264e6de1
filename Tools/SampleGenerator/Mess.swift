import RegistryModel

/// The damage real exports do to values: date forms, full-width characters, mangled
/// codes, spaces in names, null words. Each function leaves the value alone most of the
/// time; the file's `MessProfile` says how often it strikes.
enum DateStyle: CaseIterable {
    case iso, slash, slashShort, dot, compact, chinese, chineseFullWidth, isoTime, excelSerial

    func format(_ day: Day) -> String {
        let (y, m, d) = day.components
        switch self {
        case .iso: return day.iso
        case .slash: return "\(y)/\(pad2(m))/\(pad2(d))"
        case .slashShort: return "\(y)/\(m)/\(d)"
        case .dot: return "\(y).\(pad2(m)).\(pad2(d))"
        case .compact: return "\(y)\(pad2(m))\(pad2(d))"
        case .chinese: return "\(y)年\(m)月\(d)日"
        case .chineseFullWidth: return Mess.fullWidth("\(y)年\(m)月\(d)日")
        case .isoTime: return "\(day.iso) 00:00:00"
        case .excelSerial: return String(day.excelSerial)
        }
    }
}

/// How much value-level mess a file carries, and what its encoding can hold.
struct MessProfile {
    var dateStyle: DateStyle = .iso
    /// Share of dates written in some other form than the file's own.
    var otherDateRate = 0.06
    /// The words this file uses for an empty value.
    var nullWords = [""]
    var codeRate = 0.03
    var nameRate = 0.04
    /// Share of 个体工商户 written as 个体户.
    var individualShortRate = 0.0
    /// The file went through Excel: all-digit codes became `9.11508E+17`.
    var excel = false
    /// UTF-8 only: a BOM glued to a code by concatenated exports.
    var allowsBOM = false
    /// False for a GBK-declared file, which cannot carry Mongolian script.
    var allowsMongolian = true
    var capitalStyle = 0

    static let none = MessProfile(otherDateRate: 0, codeRate: 0, nameRate: 0)
}

enum Mess {
    /// ASCII to full-width forms (U+FF01…), space to the ideographic space U+3000.
    static func fullWidth(_ text: String) -> String {
        var scalars = String.UnicodeScalarView()
        for scalar in text.unicodeScalars {
            switch scalar.value {
            case 0x21...0x7E: scalars.append(Unicode.Scalar(scalar.value + 0xFEE0)!)
            case 0x20: scalars.append("\u{3000}")
            default: scalars.append(scalar)
            }
        }
        return String(scalars)
    }

    static func date(_ day: Day, profile: MessProfile, using rng: inout SplitMix64) -> String {
        if rng.chance(profile.otherDateRate) { return rng.pick(DateStyle.allCases).format(day) }
        return profile.dateStyle.format(day)
    }

    /// What Excel shows for an 18-digit number in a General cell: six significant digits.
    static func excelScientific(_ digits: String) -> String {
        let bytes = Array(digits.utf8).map { Int($0) - 0x30 }
        var mantissa = bytes.prefix(6).reduce(0) { $0 * 10 + $1 }
        var exponent = bytes.count - 1
        if bytes.count > 6 && bytes[6] >= 5 { mantissa += 1 }
        if mantissa >= 1_000_000 { mantissa /= 10; exponent += 1 }
        var fraction = String(String(mantissa).dropFirst())
        while fraction.hasSuffix("0") { fraction.removeLast() }
        let lead = String(String(mantissa).first!)
        return (fraction.isEmpty ? lead : "\(lead).\(fraction)") + "E+\(exponent)"
    }

    /// A code as some export wrote it; `invalid` when the result fails the checks
    /// whatever a cleaner does (Excel's rounding, a mistyped character).
    static func code(_ code: String, profile: MessProfile, using rng: inout SplitMix64) -> (text: String, invalid: Bool) {
        if profile.excel && Codes.isAllDigits(code) { return (excelScientific(code), true) }
        guard rng.chance(profile.codeRate) else { return (code, false) }
        switch rng.below(profile.allowsBOM ? 8 : 7) {
        case 0: return (fullWidth(code), false)
        case 1 where code.utf8.contains(where: { $0 >= 0x41 }): return (code.lowercased(), false)
        case 2: return (group(code, separator: " "), false)
        case 3: return (group(code, separator: "-"), false)
        case 4: return (" \(code) ", false)
        case 5, 6: return (mistype(code, using: &rng), true)
        case 7: return ("\u{FEFF}\(code)", false)
        default: return (fullWidth(code), false)
        }
    }

    private static func group(_ code: String, separator: String) -> String {
        let characters = Array(code)
        guard characters.count == 18 else { return code }
        return String(characters[0..<2]) + separator + String(characters[2..<8]) + separator + String(characters[8..<17]) + separator + String(characters[17])
    }

    /// One character replaced by another of the alphabet: any single substitution fails the check.
    private static func mistype(_ code: String, using rng: inout SplitMix64) -> String {
        var bytes = Array(code.utf8)
        let position = rng.int(2...17)
        let alphabet = Array("0123456789ABCDEFGHJKLMNPQRTUWXY".utf8)
        var replacement = bytes[position]
        while replacement == bytes[position] { replacement = alphabet[rng.below(alphabet.count)] }
        bytes[position] = replacement
        return String(decoding: bytes, as: UTF8.self)
    }

    /// Names with ASCII brackets for full-width ones, or a stray space inside.
    static func name(_ name: String, profile: MessProfile, using rng: inout SplitMix64) -> String {
        var characters = Array(name)
        // Half-width brackets are the commonest slip, wherever a name has brackets at all.
        if profile.nameRate > 0 && rng.chance(0.25) && name.contains("（") {
            return String(characters.map { $0 == "（" ? "(" : $0 == "）" ? ")" : $0 })
        }
        guard rng.chance(profile.nameRate) else { return name }
        let roll = rng.below(4)
        if roll < 2 && name.contains("（") {
            return String(characters.map { $0 == "（" ? "(" : $0 == "）" ? ")" : $0 })
        }
        switch roll {
        case 2 where characters.count > 4:
            characters.insert("\u{3000}", at: rng.int(2...(characters.count - 2)))
            return String(characters)
        case 3 where characters.count > 4:
            characters.insert(" ", at: rng.int(2...(characters.count - 2)))
            return String(characters) + (rng.chance(0.3) ? " " : "")
        default:
            return rng.chance(0.5) ? " " + name : name + "  "
        }
    }

    static func null(profile: MessProfile, using rng: inout SplitMix64) -> String {
        rng.pick(profile.nullWords)
    }

    /// 注册资本 in 万元, in the forms market-regulation exports use.
    static func enterpriseCapital(_ wan: Double, profile: MessProfile, using rng: inout SplitMix64) -> String {
        let whole = Int(wan)
        let grouped = whole >= 1000 ? "\(whole / 1000),\(String(whole % 1000 + 1000).dropFirst())" : "\(whole)"
        let style = rng.chance(0.1) ? rng.below(5) : profile.capitalStyle
        switch style {
        case 0: return "\(grouped)(万)"
        case 1: return "\(grouped)(万人民币元)"
        case 2: return "\(whole).000000万人民币"
        case 3: return "\(whole)万元"
        default: return "\(whole)"
        }
    }

    static func nonprofitCapital(_ wan: Double, using rng: inout SplitMix64) -> String {
        let whole = Int(wan)
        switch rng.below(3) {
        case 0: return "\(whole)万元"
        case 1: return "\(whole * 10000)"
        default: return "\(whole).00"
        }
    }

    /// What a GBK row looks like after a program decoded it as UTF-8: mostly U+FFFD.
    static func mojibake(_ text: String, encoder: GB18030Encoder) -> String {
        let bytes = (try? encoder.encode(Array(text.utf8))) ?? Array(text.utf8)
        return String(decoding: bytes, as: UTF8.self)
    }
}
