/// A calendar day, counted from 1970-01-01 (proleptic Gregorian), so that dates can be
/// compared and shifted without Foundation's time zones.
struct Day: Hashable, Comparable, Sendable {
    let number: Int

    init(number: Int) { self.number = number }

    /// Howard Hinnant's days-from-civil.
    init(_ year: Int, _ month: Int, _ day: Int) {
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yearOfEra = y - era * 400
        let dayOfYear = (153 * (month + (month > 2 ? -3 : 9)) + 2) / 5 + day - 1
        let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
        number = era * 146_097 + dayOfEra - 719_468
    }

    var components: (year: Int, month: Int, day: Int) {
        let z = number + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let dayOfEra = z - era * 146_097
        let yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36524 - dayOfEra / 146_096) / 365
        let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
        let mp = (5 * dayOfYear + 2) / 153
        let day = dayOfYear - (153 * mp + 2) / 5 + 1
        let month = mp < 10 ? mp + 3 : mp - 9
        return (yearOfEra + era * 400 + (month <= 2 ? 1 : 0), month, day)
    }

    /// Excel's serial number: days since 1899-12-30.
    var excelSerial: Int { number + 25_569 }

    var iso: String {
        let (y, m, d) = components
        return "\(y)-\(pad2(m))-\(pad2(d))"
    }

    func adding(days: Int) -> Day { Day(number: number + days) }

    static func < (a: Day, b: Day) -> Bool { a.number < b.number }
    static func - (a: Day, b: Day) -> Int { a.number - b.number }

    /// A day drawn uniformly from a closed range.
    static func random(in range: ClosedRange<Day>, using rng: inout SplitMix64) -> Day {
        Day(number: rng.int(range.lowerBound.number...range.upperBound.number))
    }
}

func pad2(_ value: Int) -> String { value < 10 ? "0\(value)" : "\(value)" }

/// A batch month; its as-of date is its last day.
struct YearMonth: Hashable, Comparable, Sendable {
    let year: Int
    let month: Int

    /// Parses `YYYY-MM`.
    init?(_ text: String) {
        let parts = text.split(separator: "-")
        guard parts.count == 2, let y = Int(parts[0]), let m = Int(parts[1]), (1...12).contains(m) else { return nil }
        year = y
        month = m
    }

    init(year: Int, month: Int) {
        self.year = year
        self.month = month
    }

    var first: Day { Day(year, month, 1) }
    var next: YearMonth { month == 12 ? YearMonth(year: year + 1, month: 1) : YearMonth(year: year, month: month + 1) }
    var lastDay: Day { next.first.adding(days: -1) }
    var label: String { "\(year)-\(pad2(month))" }

    static func < (a: YearMonth, b: YearMonth) -> Bool { (a.year, a.month) < (b.year, b.month) }
}

/// Dates the policy fixes.
enum Policy {
    /// The opinion of 2021-07-24: what an institution was on this day decides whether it must re-register.
    static let start = Day(2021, 7, 24)
    static let deadline = Day(2021, 12, 31)
}
