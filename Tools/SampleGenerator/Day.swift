import RegistryModel

/// The generator's conveniences on RegistryModel's `Day`: it writes only literal dates it
/// knows to exist and shifts them by days within a few years of 2021, so nothing here is
/// optional.
extension Day {
    /// A day written as a literal in the generator (`Day(2021, 12, 31)`); traps if there is no such day.
    init(_ year: Int, _ month: Int, _ day: Int) {
        guard let value = Day(year: year, month: month, day: day) else {
            preconditionFailure("no such day: \(year)-\(month)-\(day)")
        }
        self = value
    }

    /// The day `days` later (earlier when negative); traps outside years 1...9999.
    func plus(days: Int) -> Day {
        guard let value = adding(days: days) else { preconditionFailure("\(iso) + \(days) days is out of range") }
        return value
    }

    var components: (year: Int, month: Int, day: Int) { (year, month, day) }

    /// Excel's serial number (days since 1899-12-30), the inverse of `init?(excelSerial:)`.
    var excelSerial: Int { daysSinceEpoch + 25_569 }

    /// A day drawn uniformly from a closed range.
    static func random(in range: ClosedRange<Day>, using rng: inout SplitMix64) -> Day {
        Day(epoch: rng.int(range.lowerBound.daysSinceEpoch...range.upperBound.daysSinceEpoch))
    }

    private init(epoch: Int) {
        guard let value = Day(daysSinceEpoch: epoch) else { preconditionFailure("day \(epoch) is out of range") }
        self = value
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
    var lastDay: Day { next.first.plus(days: -1) }
    var label: String { "\(year)-\(pad2(month))" }

    static func < (a: YearMonth, b: YearMonth) -> Bool { (a.year, a.month) < (b.year, b.month) }
}

/// Dates the policy fixes.
enum Policy {
    /// The opinion of 2021-07-24: what an institution was on this day decides whether it must re-register.
    static let start = Day(2021, 7, 24)
    static let deadline = Day(2021, 12, 31)
}
