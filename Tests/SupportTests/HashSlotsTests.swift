import Testing
@testable import Support

struct HashSlotsTests {
    /// Every value under one hash, and that hash 0, which marks an empty slot: each is still
    /// told apart by `matches`, and found after the table has grown around them.
    @Test func valuesUnderOneHashAreToldApartByTheirMatch() {
        var slots = HashSlots<Int>(placeholder: -1)
        for value in 0 ..< 100 {
            #expect(slots.value(hash: 0, where: { $0 == value }, elseAdding: value) == nil)
        }
        #expect(slots.value(hash: 0, where: { $0 == 42 }, elseAdding: 1_000) == 42)
        #expect((0 ..< 100).allSatisfy { value in slots.value(hash: 0) { $0 == value } == value })
        #expect(slots.value(hash: 0) { $0 == 1_000 } == nil)
        #expect(slots.value(hash: 7) { $0 == 42 } == nil, "another hash holds nothing")
    }
}
