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

struct PostingsTests {
    @Test func eachKeyListsItsMembersInMemberOrder() {
        let held = [["智远", "明辰"], [], ["明辰"], ["智远", "明辰", "德发"]]
        let postings = Postings(members: held.count) { held[$0] }
        #expect(postings["明辰"].map(Array.init) == [0, 2, 3])
        #expect(postings["智远"].map(Array.init) == [0, 3])
        #expect(postings["德发"].map(Array.init) == [3])
        #expect(postings["新辰"] == nil)
    }
}
