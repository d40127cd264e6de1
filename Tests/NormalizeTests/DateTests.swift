import Testing
import RegistryModel
@testable import Normalize

@Suite("Dates: every export form, Excel serials, impossible days")
struct DateTests {
    @Test("the forms in domain.md and their variants", arguments: [
        ("2021-12-31", "2021-12-31"),
        ("2021/12/31", "2021-12-31"),
        ("2021.12.31", "2021-12-31"),
        ("20211231", "2021-12-31"),
        ("2021年12月31日", "2021-12-31"),
        ("２０２１年１２月３１日", "2021-12-31"),
        ("２０２１－１２－３１", "2021-12-31"),
        ("2021-12-31 00:00:00", "2021-12-31"),
        ("2021-12-31T08:30:00", "2021-12-31"),
        ("2021/12/31 0:00", "2021-12-31"),
        (" 2021-12-31 ", "2021-12-31"),
        ("2021/9/1", "2021-09-01"),
        ("2021-9-1", "2021-09-01"),
        ("2021.9.1", "2021-09-01"),
        ("2021年9月1日", "2021-09-01"),
        ("2021年7月24日", "2021-07-24"),
        ("2013年05月06日", "2013-05-06"),
        ("２０１３/５/６", "2013-05-06"),
        ("2020-02-29", "2020-02-29"),
        ("44561", "2021-12-31"),
        ("44561.0", "2021-12-31"),
        ("44561.75", "2021-12-31"),
        ("44197", "2021-01-01"),
        ("32874", "1990-01-01"),
        ("73415", "2100-12-31"),
    ])
    func reads(input: String, iso: String) {
        #expect(DateReader.read(input) == .day(day(iso)))
    }

    @Test("impossible days are kept as parts, not a crash", arguments: [
        ("2021-02-30", 2021, 2, 30),
        ("2021-02-29", 2021, 2, 29),
        ("2021/13/01", 2021, 13, 1),
        ("20210431", 2021, 4, 31),
        ("2021年0月1日", 2021, 0, 1),
        ("2021-12-00", 2021, 12, 0),
    ])
    func impossible(input: String, y: Int, m: Int, d: Int) {
        #expect(DateReader.read(input) == .impossible(year: Int32(y), month: Int32(m), day: Int32(d)))
    }

    @Test("not dates", arguments: [
        "2021", "21-12-31", "2021-12", "二〇二一年十二月三十一日", "32873", "73416", "123", "1234567",
        "2021-12-31 abc", "abc", "2021年12月31号",
    ])
    func unreadable(input: String) {
        #expect(DateReader.read(input) == .unreadable)
    }

    @Test("Excel serials only in date columns")
    func serialOnlyInDateColumns() {
        #expect(DateReader.read("44561", allowExcelSerial: false) == .unreadable)
        #expect(DateReader.read("20211231", allowExcelSerial: false) == .day(day("2021-12-31")))
    }

    @Test("null tokens are no date", arguments: ["", "N/A", "无", "-", "/"])
    func nullDate(input: String) {
        #expect(DateReader.read(input) == nil)
    }

    @Test("Day: validity, order, arithmetic, ISO")
    func dayValue() {
        #expect(Day(year: 2021, month: 2, day: 29) == nil)
        #expect(Day(year: 2000, month: 2, day: 29) != nil)
        #expect(Day(year: 1900, month: 2, day: 29) == nil)
        #expect(day("2021-12-31").days(to: day("2022-01-31")) == 31)
        #expect(day("2021-12-31").daysSinceEpoch == 18992)
        #expect(Day(daysSinceEpoch: 0) == day("1970-01-01"))
        #expect(Day(excelSerial: 44561) == day("2021-12-31"))
        #expect(day("2021-07-24") < day("2021-12-31"))
        #expect(day("2021-12-31").adding(days: 1) == day("2022-01-01"))
        #expect(Day(year: 2021, month: 9, day: 1)!.iso == "2021-09-01")
        #expect(day("2021-09-01").yearMonth == "2021-09")
        #expect(Day(iso: "2021-9-1") == nil)
        #expect(Day(iso: "2021-02-30") == nil)
        #expect(Day(iso: "2021-1２-01") == nil)
        #expect(Day(iso: "2021-12-01 ") == nil)
    }

    /// Every part is written with its leading zeros, and read back from what was written.
    @Test func isoFormIsPaddedAndReadsBack() {
        #expect(Day(year: 5, month: 1, day: 2)!.iso == "0005-01-02")
        #expect(Day(year: 9999, month: 12, day: 31)!.iso == "9999-12-31")
        var day = Day(year: 1999, month: 12, day: 25)!
        for _ in 0 ..< 800 {
            #expect(Day(iso: day.iso) == day)
            day = day.adding(days: 1)!
        }
    }

    /// A day keeps its parts in one word: every part must come back, and the word must order
    /// as the days do, across month and year ends and at the extremes.
    @Test func dayPartsComeBackAndOrderAsTheCalendar() {
        let first = Day(year: 1, month: 1, day: 1)!, last = Day(year: 9999, month: 12, day: 31)!
        #expect((first.year, first.month, first.day) == (1, 1, 1))
        #expect((last.year, last.month, last.day) == (9999, 12, 31))
        var previous = day("1999-12-25")
        for offset in 1 ... 800 {
            let next = Day(daysSinceEpoch: previous.daysSinceEpoch + 1)!
            #expect(previous < next && !(next < previous))
            #expect(Day(year: next.year, month: next.month, day: next.day) == next, "day \(offset)")
            previous = next
        }
        #expect(first < previous && previous < last)
    }
}
