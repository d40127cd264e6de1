import Support
import Testing

@Suite struct TextPoolTests {
    /// Where a string's bytes live: two strings sharing one allocation have the same address.
    private func storage(_ text: String) -> UnsafeRawPointer? {
        var text = text
        return text.withUTF8 { UnsafeRawPointer($0.baseAddress) }
    }

    /// A string with its own allocation, as each record's field had before pooling.
    private func copy(_ text: String) -> String {
        String(decoding: Array(text.utf8), as: UTF8.self)
    }

    @Test func equalBytesComeBackAsTheFirstText() {
        var pool = TextPool()
        let first = "巴彦淖尔市临河区智远教育科技有限公司"
        let again = copy(first)
        #expect(storage(first) != storage(again))
        #expect(storage(pool.shared(first)) == storage(first))
        let shared = pool.shared(again)
        #expect(shared == first)
        #expect(storage(shared) == storage(first), "the second copy is given the first one's storage")
    }

    @Test func differentTextsStayThemselves() {
        var pool = TextPool()
        let scope = "文化艺术交流活动；教育咨询服务（不含教育培训活动）"
        let other = "文化艺术交流活动；教育咨询服务（不含教育培训活动)"
        _ = pool.shared(scope)
        #expect(pool.shared(other) == other)
        // Canonically equivalent but not the same bytes: String's == says equal, the pool
        // must not hand one out for the other.
        let composed = "Café Zhiyuan Education Ltd."
        let decomposed = "Cafe\u{301} Zhiyuan Education Ltd."
        #expect(composed == decomposed)
        _ = pool.shared(composed)
        #expect(Array(pool.shared(decomposed).utf8) == Array(decomposed.utf8))
    }

    @Test func manyTextsAllComeBackThroughGrowth() {
        var pool = TextPool()
        let texts = (0..<5_000).map { "临河区新华街\($0)号院内培训楼" }
        let first = texts.map { pool.shared($0) }
        #expect(first == texts)
        for (text, kept) in zip(texts, first) {
            let shared = pool.shared(copy(text))
            #expect(shared == text && storage(shared) == storage(kept))
        }
    }
}
