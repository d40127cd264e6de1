import Testing
@testable import Normalize

@Suite("Text: NFKC, whitespace, null tokens, names")
struct TextFoldingTests {
    @Test("NFKC, with the fast paths giving Foundation's answer", arguments: [
        ("abc 123", "abc 123"),
        ("智远教育", "智远教育"),
        ("２０１３", "2013"),
        ("ＡＢＣｘｙｚ", "ABCxyz"),
        ("（临河）", "(临河)"),
        ("临河\u{3000}区", "临河 区"),
        ("“双减”、。《》", "“双减”、。《》"),
        ("㈱…", "(株)..."),
        ("１０．０００万", "10.000万"),
        ("ｶﾞ", "ガ"),
    ])
    func nfkc(input: String, expected: String) {
        #expect(TextFolding.nfkc(input) == expected)
        #expect(TextFolding.nfkc(input) == input.precomposedStringWithCompatibilityMapping)
    }

    @Test("fold: whitespace folded and trimmed, null tokens nil", arguments: [
        ("  a  b\t\tc ", "a b c" as String?),
        ("\u{FEFF}统一社会信用代码", "统一社会信用代码"),
        ("临河\u{200B}区", "临河区"),
        ("a\u{00A0}\u{3000}b", "a b"),
        ("行1\r\n行2", "行1 行2"),
        ("", nil),
        ("   ", nil),
        ("N/A", nil),
        ("n/a", nil),
        ("NA", nil),
        ("无", nil),
        ("-", nil),
        ("—", nil),
        ("/", nil),
        ("null", nil),
        ("NULL", nil),
        ("Ｎ／Ａ", nil),
        ("　无　", nil),
        ("无锡", "无锡"),
        ("NAME", "NAME"),
    ])
    func fold(input: String, expected: String?) {
        #expect(TextFolding.fold(input) == expected)
    }

    @Test("display names: spaces gone, brackets （）, digits and Latin half-width", arguments: [
        ("巴彦淖尔市 临河区 智远教育科技有限公司", "巴彦淖尔市临河区智远教育科技有限公司"),
        ("智远教育(临河)有限公司", "智远教育（临河）有限公司"),
        ("智远教育（临河）有限公司", "智远教育（临河）有限公司"),
        ("ＡＢＣ英语１号培训学校", "ABC英语1号培训学校"),
        ("临河区\u{3000}博学\u{3000}培训学校", "临河区博学培训学校"),
        ("N/A", nil as String?),
    ])
    func displayName(input: String, expected: String?) {
        #expect(TextFolding.displayName(input) == expected)
    }
}
