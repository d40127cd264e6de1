import RegistryModel
import Testing

struct CountySetTests {
    @Test func readsInCountyOrderWhateverTheOrderGiven() {
        let set = CountySet([.hangginRear, .linhe, .dengkou, .linhe])
        #expect(Array(set) == [.linhe, .dengkou, .hangginRear])
        #expect(set.first == .linhe)
        #expect(CountySet().first == nil && CountySet().isEmpty)
    }

    @Test func joinsAndMeets() {
        let a: CountySet = [.wuyuan, .uratRear], b: CountySet = [.uratRear, .linhe]
        #expect(a.union(b) == [.linhe, .wuyuan, .uratRear])
        #expect(a.intersection(b) == [.uratRear])
        #expect(a.contains(.wuyuan) && !a.contains(.linhe))
    }
}
