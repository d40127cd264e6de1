import Testing
import RegistryModel

@Suite struct FieldTests {
    @Test func ordinalIsThePositionInAllCases() {
        #expect(Field.allCases.map(\.ordinal) == Array(Field.allCases.indices))
    }

    @Test func valuesAreKeptPerField() {
        var values = FieldValues()
        values[.scope] = "美术培训"
        values[.name] = "临河区启明星艺术培训学校"
        #expect(values[.scope] == "美术培训")
        #expect(values.present.map(\.field) == [.name, .scope])
    }
}

@Suite struct InstitutionIDTests {
    @Test func idsAreMintedFromSequenceNumbersAndReadBack() {
        #expect(InstitutionID(sequence: 42).rawValue == "BYN-00000042")
        #expect(InstitutionID(sequence: 123_456_789).rawValue == "BYN-123456789")
        #expect(InstitutionID(sequence: 99_999_999) < InstitutionID(sequence: 123_456_789))
        #expect(InstitutionID(sequence: 42).sequence == 42)
        #expect(InstitutionID(sequence: 9) < InstitutionID(sequence: 10))
    }
}
