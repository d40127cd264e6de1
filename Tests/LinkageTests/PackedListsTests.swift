@testable import Linkage
import Testing

struct PackedListsTests {
    @Test func listsComeBackWholeAfterJoining() {
        var first = PackedLists<Int>()
        first.appendList { $0 += [1, 2] }
        first.appendList { _ in }
        var second = PackedLists<Int>()
        second.appendList { $0.append(3) }
        second.appendList { $0 += [4, 5, 6] }

        let joined = PackedLists(joining: [first, second, PackedLists()])
        #expect(joined.count == 4)
        #expect((0 ..< joined.count).map { Array(joined[$0]) } == [[1, 2], [], [3], [4, 5, 6]])
    }
}
