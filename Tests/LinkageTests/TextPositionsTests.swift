@testable import Linkage
import Testing

struct TextPositionsTests {
    /// Thousands of codes, so that the table grows many times: each keeps its first holder.
    @Test func eachTextKeepsItsFirstPositionAsTheTableGrows() {
        let codes = (0 ..< 5_000).map { "91150802MA0\(String($0, radix: 36).uppercased())" }
        let holders = codes + codes  // every code held twice: at i and at i + 5,000
        var positions = TextPositions()
        for (index, code) in holders.enumerated() {
            let earlier = positions.recorded(code, else: Int32(index)) { holders[Int($0)] == code }
            #expect(earlier == (index < codes.count ? nil : Int32(index - codes.count)))
        }
        #expect(codes.indices.allSatisfy { index in positions.position(of: codes[index]) { holders[Int($0)] == codes[index] } == Int32(index) })
        #expect(positions.position(of: "52150802MA0N2XKQ3B") { holders[Int($0)] == "52150802MA0N2XKQ3B" } == nil)
    }

    /// Slots are found by hash; the caller's `holds` decides whether a slot's text is this one.
    /// Two positions recorded for one text (the first one's holder said it was not the text)
    /// are both kept, and a lookup returns the one whose holder says it is.
    @Test func aSlotCountsOnlyWhenItsHolderHoldsTheText() {
        var positions = TextPositions()
        #expect(positions.recorded("临河区智远教育科技有限公司|150802", else: 1) { _ in false } == nil)
        #expect(positions.recorded("临河区智远教育科技有限公司|150802", else: 2) { $0 == 1 } == 1)
        #expect(positions.recorded("临河区智远教育科技有限公司|150802", else: 3) { _ in false } == nil)
        #expect(positions.position(of: "临河区智远教育科技有限公司|150802") { $0 == 3 } == 3)
        #expect(positions.position(of: "临河区智远教育科技有限公司|150802") { _ in false } == nil)
    }
}
