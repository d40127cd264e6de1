import Testing
import RegistryModel
@testable import Normalize

@Suite("Credit codes: cleaning, checks, parts, Excel damage")
struct CreditCodeTests {
    /// Published as valid in python-stdnum's tests/test_cn_uscc.doctest (found online there),
    /// among them Inner Mongolia codes (1522…). All pass both check characters.
    @Test("published valid codes pass both checks", arguments: [
        "91110000600037341L", "121200004013590816", "91110000710926094P", "91120224064012553U",
        "911522010783710635", "91152201078371135X", "911522010783762860", "91152201078376307G",
        "9115220107837757XE", "9115220107837941X1", "91152201082151522J", "91310000631696382C",
        "91310115MA1K3BTP2B", "9131012056010553X5", "91340600MA2PBM9HXD", "91340600MA2PBNE723",
        "91440300568520498A", "9144030071526726XG", "91620105L015101280", "91620105MA73NBBLXE",
        "92340602MA2PBMEM24", "92340621MA2UK3PJXE", "92340603MA2UK3DT5H",
    ])
    func publishedValid(code: String) throws {
        let reading = try #require(CreditCodeReader.read(code))
        #expect(reading.code == code)
        #expect(reading.problems == [])
        #expect(reading.isValid)
        #expect(reading.cleanups == [])
    }

    @Test("published invalid codes fail with the exact problems", arguments: [
        // python-stdnum: invalid check character
        ("91110000600037341N", [CreditCodeProblem.checkCharacterMismatch(expected: "L", found: "N")]),
        // the task's example of a mistyped check character
        ("91110000600037341M", [.checkCharacterMismatch(expected: "L", found: "M")]),
        // python-stdnum: invalid length
        ("12345", [.wrongLength(5)]),
        // python-stdnum: letters outside the alphabet
        ("9111000060003IOZSV", [.invalidCharacters("IOZSV")]),
        // python-stdnum: a letter in position 1; A is an authority (GB 32100), so the check fails
        ("A1110000600037341L", [.checkCharacterMismatch(expected: "K", found: "L")]),
        // GB 11714 check wrong at position 17 while position 18 matches positions 1-17
        ("91150802MA0N12341F", [.organizationCheckMismatch(expected: "0", found: "1")]),
        // a letter in the division
        ("9115080AMA0N12340C", [.nonDigitPrefix, .checkCharacterMismatch(expected: "0", found: "C")]),
        ("9111000060003734", [.wrongLength(16)]),
        ("91110000600037341L1", [.wrongLength(19)]),
        ("91110000600037341临", [.invalidCharacters("临")]),
    ])
    func publishedInvalid(code: String, problems: [CreditCodeProblem]) throws {
        let reading = try #require(CreditCodeReader.read(code))
        #expect(reading.problems == problems)
        #expect(!reading.isValid)
    }

    @Test("export mess is cleaned, reported, and the code then checked", arguments: [
        ("\u{FEFF}91110000600037341L", "91110000600037341L", [CreditCodeCleanup.removedByteOrderMark]),
        ("91 110000 600037341L", "91110000600037341L", [.removedSpaces]),
        ("9111-0000-6000-3734-1L", "91110000600037341L", [.removedHyphens]),
        ("91110000600037341l", "91110000600037341L", [.upperCased]),
        ("９１１１００００６０００３７３４１Ｌ", "91110000600037341L", [.foldedFullWidth]),
        ("９１１１００００６０００３７３４１ｌ", "91110000600037341L", [.foldedFullWidth, .upperCased]),
        ("\u{3000}91150802MA0N12340C\u{3000}", "91150802MA0N12340C", [.removedSpaces]),
        ("91150802ma0n12340c", "91150802MA0N12340C", [.upperCased]),
        ("\u{FEFF} 9115-0802ma0n12340c", "91150802MA0N12340C", [.removedByteOrderMark, .removedSpaces, .removedHyphens, .upperCased]),
    ])
    func cleaned(input: String, code: String, cleanups: [CreditCodeCleanup]) throws {
        let reading = try #require(CreditCodeReader.read(input))
        #expect(reading.code == code)
        #expect(reading.cleanups == cleanups)
        #expect(reading.isValid)
        #expect(reading.original == input)
    }

    @Test("Excel's scientific notation is its own problem, kept, not repaired", arguments: [
        ("9.11508E+17", "9.11508E+17"),
        ("9.11508e17", "9.11508E17"),
        ("9.11508E17", "9.11508E17"),
        ("5.21508e+17", "5.21508E+17"),
        ("９．１１５０８Ｅ＋１７", "9.11508E+17"),
    ])
    func excelScientific(input: String, code: String) throws {
        let reading = try #require(CreditCodeReader.read(input))
        #expect(reading.code == code)
        #expect(reading.problems == [.excelScientificNotation])
        #expect(reading.isExcelMangled)
        #expect(!reading.isValid)
        #expect(reading.divisionCode == nil)
        #expect(reading.county == nil)
    }

    @Test("an E mistyped among a code's digits is a damaged code, not Excel's notation")
    func mistypedLetterIsNotScientific() throws {
        let reading = try #require(CreditCodeReader.read("91E508023388837792"))
        #expect(!reading.isExcelMangled)
        #expect(reading.problems.contains(.nonDigitPrefix))
    }

    @Test("lost digits: all digits ending 000 and failing the check")
    func excelPrecision() throws {
        let reading = try #require(CreditCodeReader.read("911508021234567000"))
        #expect(reading.problems == [
            .organizationCheckMismatch(expected: "2", found: "0"),
            .checkCharacterMismatch(expected: "B", found: "0"), .excelPrecisionLoss,
        ])
        #expect(reading.isExcelMangled)
    }

    @Test("empty values and null tokens are no code", arguments: ["", "  ", "N/A", "无", "-", "—", "/", "null"])
    func nullCode(input: String) {
        #expect(CreditCodeReader.read(input) == nil)
    }

    @Test("parts: authority, category, division, county", arguments: [
        ("91150802MA0N12340C", CreditCodeAuthority.marketRegulation, CreditCodeCategory.enterprise, "150802", County.linhe as County?),
        ("52150802MA0R56785B", .civilAffairs, .privateNonEnterprise, "150802", .linhe),
        ("91150891MA0Q111132", .marketRegulation, .enterprise, "150891", .linhe),
        ("52150800MA0P22225J", .civilAffairs, .privateNonEnterprise, "150800", nil),
        ("9115280111456789X4", .marketRegulation, .enterprise, "152801", .linhe),
        ("52152800MA0N55551D", .civilAffairs, .privateNonEnterprise, "152800", nil),
        ("92150821MA0R3333X1", .marketRegulation, .individualBusiness, "150821", .wuyuan),
        ("52150822MA0R44442M", .civilAffairs, .privateNonEnterprise, "150822", .dengkou),
        ("91150823MA0R666681", .marketRegulation, .enterprise, "150823", .uratFront),
        ("52150826MA0R77770A", .civilAffairs, .privateNonEnterprise, "150826", .hangginRear),
        ("91110000600037341L", .marketRegulation, .enterprise, "110000", nil),
        ("121200004013590816", .organizationalEstablishment, .publicInstitution, "120000", nil),
    ])
    func parts(code: String, authority: CreditCodeAuthority, category: CreditCodeCategory, division: String, county: County?) throws {
        let reading = try #require(CreditCodeReader.read(code))
        #expect(reading.isValid)
        #expect(reading.authority == authority)
        #expect(reading.category == category)
        #expect(reading.divisionCode == division)
        #expect(reading.county == county)
    }

    @Test("a code failing its check still shows its parts")
    func partsOfInvalid() throws {
        let reading = try #require(CreditCodeReader.read("52150802MA0R56785C"))
        #expect(!reading.isValid)
        #expect(reading.category == .privateNonEnterprise)
        #expect(reading.county == .linhe)
    }

    @Test("problem messages are Chinese first, then code and English")
    func messages() {
        let problem = CreditCodeProblem.checkCharacterMismatch(expected: "L", found: "N")
        #expect(problem.message == "第 18 位校验码应为 L，实际为 N（GB 32100） (check_character_mismatch: GB 32100 check character should be L, found N)")
        #expect(CreditCodeProblem.excelScientificNotation.code == "excel_scientific_notation")
    }
}
