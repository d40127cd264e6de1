import Testing
@testable import Classify

@Suite("Classify: the phrase matcher")
struct PhraseMatcherTests {
    /// Phrases inside other phrases end at the same byte: each is reported, by end position,
    /// then the longest first; a phrase that repeats is reported each time.
    @Test func reportsEveryPhraseEndingAtEachByte() {
        let phrases = ["学", "小学数学", "辅导", "数学", "数学辅导班"]
        let matcher = PhraseMatcher(phrases: phrases.map { Array($0.utf8) })
        let text = Array("小学数学辅导，数学".utf8)
        let found = text.withUnsafeBufferPointer { matcher.matches(in: $0) }.map { match in
            (phrases[match.phrase], String(decoding: text[match.start ..< match.end], as: UTF8.self))
        }
        let expected = [("学", "学"), ("小学数学", "小学数学"), ("数学", "数学"), ("学", "学"), ("辅导", "辅导"),
                        ("数学", "数学"), ("学", "学")]
        #expect(found.map(\.0) == expected.map(\.0))
        #expect(found.allSatisfy { $0.0 == $0.1 })
    }

    @Test func findsNothingInTextWithoutPhrases() {
        let matcher = PhraseMatcher(phrases: [Array("培训".utf8)])
        #expect(Array("餐饮服务".utf8).withUnsafeBufferPointer { matcher.matches(in: $0) }.isEmpty)
        #expect([UInt8]().withUnsafeBufferPointer { matcher.matches(in: $0) }.isEmpty)
    }
}
