import RegistryModel

/// Reads the date forms exports use: `2021-12-31`, `2021/12/31`, `2021/9/1`, `2021.12.31`,
/// `20211231`, `2021年12月31日`, full-width digits (after NFKC), a time after the day
/// (`2021-12-31 00:00:00`, `2021-12-31T08:00:00`), and, only in date columns, Excel serial
/// numbers (1899-12-30 + n; `44561` and `44561.0` are 2021-12-31) within a plausible range.
public enum DateReader {
    /// Excel serials accepted: 1990-01-01 (32874) … 2100-12-31 (73415).
    public static let plausibleSerials = 32_874...73_415

    /// Reads `text`; nil when it is empty or a null token.
    /// - Parameter allowExcelSerial: true only for columns known to hold dates.
    public static func read(_ text: String, allowExcelSerial: Bool = true) -> DateReading? {
        guard let folded = TextFolding.fold(text) else { return nil }
        return read(bytes: Array(folded.utf8), allowExcelSerial: allowExcelSerial)
    }

    static let year: [UInt8] = Array("年".utf8)
    static let month: [UInt8] = Array("月".utf8)
    static let day: [UInt8] = Array("日".utf8)

    static func read(bytes: [UInt8], allowExcelSerial: Bool) -> DateReading {
        var index = 0
        func isDigit(_ i: Int) -> Bool { i < bytes.count && bytes[i] >= 0x30 && bytes[i] <= 0x39 }
        func number(maxDigits: Int) -> (value: Int, digits: Int)? {
            var value = 0, digits = 0
            while isDigit(index) && digits < maxDigits {
                value = value * 10 + Int(bytes[index] - 0x30)
                index += 1
                digits += 1
            }
            return digits == 0 ? nil : (value, digits)
        }
        func separator(_ chinese: [UInt8]) -> Bool {
            guard index < bytes.count else { return false }
            switch bytes[index] {
            case UInt8(ascii: "-"), UInt8(ascii: "/"), UInt8(ascii: "."):
                index += 1
                return true
            default:
                if bytes[index...].starts(with: chinese) {
                    index += chinese.count
                    return true
                }
                return false
            }
        }

        // All digits (maybe with a fraction): compact YYYYMMDD or an Excel serial.
        var digitRun = 0
        while isDigit(digitRun) { digitRun += 1 }
        var allNumeric = digitRun > 0
        if digitRun < bytes.count {
            allNumeric = allNumeric && bytes[digitRun] == UInt8(ascii: ".")
                && digitRun + 1 < bytes.count
                && bytes[(digitRun + 1)...].allSatisfy { $0 >= 0x30 && $0 <= 0x39 }
        }
        if allNumeric {
            let value = bytes[0..<digitRun].reduce(0) { $0 &* 10 &+ Int($1 - 0x30) }
            if digitRun == 8 && digitRun == bytes.count {
                return reading(value / 10_000, value / 100 % 100, value % 100)
            }
            if allowExcelSerial && digitRun <= 5 && plausibleSerials.contains(value),
               let day = Day(excelSerial: value) {
                return .day(day)
            }
            return .unreadable
        }

        guard let y = number(maxDigits: 4), y.digits == 4, separator(year),
              let m = number(maxDigits: 2), separator(month),
              let d = number(maxDigits: 2)
        else { return .unreadable }
        if bytes[index...].starts(with: day) { index += day.count }
        if index < bytes.count {
            // A time may follow the day: `2021-12-31 00:00:00`, `2021-12-31T00:00:00`.
            guard bytes[index] == 0x20 || bytes[index] == UInt8(ascii: "T"),
                  index + 1 < bytes.count, isDigit(index + 1)
            else { return .unreadable }
        }
        return reading(y.value, m.value, d.value)
    }

    static func reading(_ y: Int, _ m: Int, _ d: Int) -> DateReading {
        if let day = Day(year: y, month: m, day: d) { return .day(day) }
        return .impossible(year: Int32(clamping: y), month: Int32(clamping: m), day: Int32(clamping: d))
    }
}
