import RegistryModel
import Testing

@testable import SampleGenerator

@Suite struct CodesTests {
    @Test(arguments: ["91", "92", "52"])
    func generatedCreditCodesPassBothChecks(prefix: String) {
        var rng = SplitMix64(seed: 1)
        for style in [Codes.OrganizationStyle.numeric, .marketAssigned, .civilAssigned] {
            for _ in 0..<200 {
                let code = Array(Codes.creditCode(prefix: prefix, division: "150802", style: style, using: &rng).utf8)
                #expect(code.count == 18)
                #expect(CreditCodeRules.organizationCheckCharacter(forFirst8: code[8..<16]) == code[16])
                #expect(CreditCodeRules.checkCharacter(forFirst17: code[0..<17]) == code[17])
            }
        }
    }

    @Test func allDigitCodesAreAllDigits() {
        var rng = SplitMix64(seed: 2)
        let code = Codes.creditCode(prefix: "91", division: "150821", style: .numeric, allDigits: true, using: &rng)
        #expect(Codes.isAllDigits(code))
        #expect(Mess.excelScientific(code).hasPrefix("9.11508") || Mess.excelScientific(code).hasPrefix("9.11509"))
    }

    @Test func excelShowsSixSignificantDigits() {
        #expect(Mess.excelScientific("911508021234567890") == "9.11508E+17")
        #expect(Mess.excelScientific("911508500000000000") == "9.11509E+17")
        #expect(Mess.excelScientific("910000000000000000") == "9.1E+17")
    }

    @Test func residentIDCheckDigit() {
        var rng = SplitMix64(seed: 3)
        let id = Array(Codes.residentID(area: "150802", born: Day(1980, 5, 17), using: &rng))
        let weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2]
        let sum = zip(id.prefix(17), weights).reduce(0) { $0 + Int(String($1.0))! * $1.1 }
        #expect(id.count == 18)
        #expect(id[17] == Array("10X98765432")[sum % 11])
        #expect(String(id[6..<14]) == "19800517")
    }
}

@Suite struct DayTests {
    @Test func excelSerialOfTheDeadline() {
        #expect(Day(2021, 12, 31).excelSerial == 44561)
        #expect(Day(2021, 12, 31).iso == "2021-12-31")
    }

    @Test(arguments: [(2020, 2, 29), (2021, 1, 1), (1999, 12, 31), (2024, 3, 1)])
    func componentsRoundTrip(date: (Int, Int, Int)) {
        let day = Day(date.0, date.1, date.2)
        #expect(day.components == date)
    }

    @Test func formsOfOneDate() {
        let day = Day(2021, 12, 31)
        #expect(DateStyle.chineseFullWidth.format(day) == "２０２１年１２月３１日")
        #expect(DateStyle.slashShort.format(Day(2021, 9, 3)) == "2021/9/3")
        #expect(DateStyle.isoTime.format(day) == "2021-12-31 00:00:00")
    }
}

@Suite struct WorldTests {
    @Test func sameSeedSameWorld() {
        let a = World.build(seed: 11, count: 120).institutions
        let b = World.build(seed: 11, count: 120).institutions
        #expect(a.map { $0.enterprise?.name ?? $0.nonprofit?.name ?? "" } == b.map { $0.enterprise?.name ?? $0.nonprofit?.name ?? "" })
        #expect(a.map { $0.enterprise?.code ?? "" } == b.map { $0.enterprise?.code ?? "" })
    }

    @Test func hardCasesAndCompletionAsPromisedInTheTruthReadme() {
        let world = World.build(seed: 2021, count: 400)
        let asOf = YearMonth(year: 2022, month: 1).lastDay
        let truths = world.institutions.map { InstitutionTruth($0, asOf: asOf, invalidCode: false) }
        let hard = truths.filter { !$0.hardCases.isEmpty }.count
        #expect(Double(hard) / Double(truths.count) >= 0.10)
        let required = truths.filter(\.required)
        let done = required.filter { $0.status == "completed" || $0.status == "exited" }.count
        let rate = Double(done) / Double(required.count)
        #expect(rate > 0.75 && rate < 0.95)
    }

    @Test func mojibakeCarriesReplacementCharacters() {
        let damaged = Mess.mojibake("临河区智远教育科技有限公司", encoder: GB18030Encoder())
        #expect(damaged.unicodeScalars.contains("\u{FFFD}"))
    }
}
