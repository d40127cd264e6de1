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
        #expect(Day(excelSerial: Day(2021, 12, 31).excelSerial) == Day(2021, 12, 31))
        #expect(Day(2021, 12, 31).iso == "2021-12-31")
    }

    @Test(arguments: [(2020, 2, 29), (2021, 1, 1), (1999, 12, 31), (2024, 3, 1)])
    func componentsRoundTrip(date: (Int, Int, Int)) {
        let day = Day(date.0, date.1, date.2)
        #expect(day.components == date)
        #expect(day == Day(year: date.0, month: date.1, day: date.2))
    }

    @Test func randomDaysStayInTheirRange() {
        var rng = SplitMix64(seed: 4)
        let range = Day(2021, 12, 15)...Day(2022, 1, 3)
        let days = (0..<500).map { _ in Day.random(in: range, using: &rng) }
        #expect(days.allSatisfy { range.contains($0) })
        #expect(Set(days).count == range.lowerBound.days(to: range.upperBound) + 1)
        #expect(Day(2021, 12, 31).plus(days: 1) == Day(2022, 1, 1))
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

    /// Built once for the tests that need a world where collisions would be common.
    static let largeWorld = World.build(seed: 2021, count: 20_000).institutions

    /// Every registration's name (enterprise and non-profit) with the county it is registered in,
    /// mapped to the institutions that carry it.
    static func nameOwners(_ institutions: [Institution]) -> [String: Set<String>] {
        var owners: [String: Set<String>] = [:]
        for institution in institutions {
            for name in [institution.enterprise?.name, institution.nonprofit?.name].compactMap({ $0 }) {
                owners["\(name) @ \(institution.county.code)", default: []].insert(institution.id)
            }
        }
        return owners
    }

    static func codeOwners(_ institutions: [Institution]) -> [String: Set<String>] {
        var owners: [String: Set<String>] = [:]
        for institution in institutions {
            for code in [institution.enterprise?.code, institution.nonprofit?.code].compactMap({ $0 }) {
                owners[code, default: []].insert(institution.id)
                owners["organization code " + String(code.dropFirst(8).prefix(9)), default: []].insert(institution.id)
            }
        }
        return owners
    }

    @Test func theCheckFindsSharedNamesAndCodes() {
        let world = World.build(seed: 5, count: 60).institutions
        var twins = Array(world.prefix(2))
        twins[1].county = twins[0].county
        twins[1].enterprise = twins[0].enterprise
        twins[1].nonprofit = twins[0].nonprofit
        #expect(Self.nameOwners(twins).values.contains { $0.count > 1 })
        #expect(Self.codeOwners(twins).values.contains { $0.count > 1 })
    }

    /// A registry gives a name (per county; one without a county per city) and a code to one
    /// body only: a world of 20,000 has no name or code twice.
    @Test func namesAndCodesAreUniqueInALargeWorld() {
        let institutions = Self.largeWorld
        let sharedNames = Self.nameOwners(institutions).filter { $0.value.count > 1 }
        #expect(sharedNames.count == 0, "shared (name, county), e.g. \(sharedNames.keys.sorted().prefix(3))")
        var worldNames: [String: Set<String>] = [:]
        for institution in institutions {
            for name in [institution.enterprise?.name, institution.nonprofit?.name].compactMap({ $0 }) {
                worldNames[name, default: []].insert(institution.id)
            }
        }
        let sharedWorldNames = worldNames.filter { $0.value.count > 1 }
        #expect(sharedWorldNames.count == 0, "names shared across counties, e.g. \(sharedWorldNames.keys.sorted().prefix(3))")
        let sharedCodes = Self.codeOwners(institutions).filter { $0.value.count > 1 }
        #expect(sharedCodes.count == 0, "shared codes, e.g. \(sharedCodes.keys.sorted().prefix(3))")
        let codes = institutions.flatMap { [$0.enterprise?.code, $0.nonprofit?.code].compactMap { $0 } }
        #expect(codes.allSatisfy(CreditCodeRules.isValid))
        #expect(codes.contains(where: Codes.isAllDigits), "Excel still has all-digit codes to mangle")
    }

    @Test func hardCasesKeepTheirBrandsInALargeWorld() {
        let institutions = Self.largeWorld
        let chains = Dictionary(grouping: institutions.filter { $0.hardCases.contains(.sameBrandOtherCounty) }, by: \.brand)
        #expect(chains.count == 400)
        #expect(chains.values.allSatisfy { $0.count == 2 && $0[0].county != $0[1].county })
        let oneChar = institutions.filter { $0.hardCases.contains(.oneCharBrand) }
        #expect(oneChar.count == 800)
        for institution in oneChar {
            let partners = oneChar.filter {
                $0.id != institution.id && $0.county == institution.county && $0.brand.count == institution.brand.count
                    && zip($0.brand, institution.brand).filter { $0 != $1 }.count == 1
            }
            #expect(!partners.isEmpty, "\(institution.id) \(institution.brand) has no brand one character apart")
        }
        let sisters = institutions.filter { $0.hardCases.contains(.sisterCompany) }
        #expect(sisters.count == 800)
        #expect(Dictionary(grouping: sisters, by: { "\($0.brand) \($0.county.code)" }).values.allSatisfy { $0.count >= 2 })
    }

    @Test func mojibakeCarriesReplacementCharacters() {
        let damaged = Mess.mojibake("临河区智远教育科技有限公司", encoder: GB18030Encoder())
        #expect(damaged.unicodeScalars.contains("\u{FFFD}"))
    }
}
