import Support
import Testing
import RegistryModel

@Suite struct FieldTests {
    @Test func ordinalIsThePositionInAllCases() {
        #expect(Field.allCases.map(\.ordinal) == Array(Field.allCases.indices))
    }

    @Test func valuesAreKeptPerField() {
        var collected = FieldValues.Builder()
        collected[.scope] = "美术培训"
        collected[.name] = "临河区启明星艺术培训学校"
        collected[.phone] = ""
        collected[.address] = "临河区新华街18号"
        collected[.address] = nil
        let values = collected.values
        #expect(values[.scope] == "美术培训")
        #expect(values[.name] == "临河区启明星艺术培训学校")
        #expect(values[.phone] == "", "an empty value is present, not missing")
        #expect(values[.address] == nil && values[.creditCode] == nil && values[.completedOn] == nil)
        #expect(values.present.map(\.field) == [.name, .phone, .scope])
        #expect(values.json == #"{"name":"临河区启明星艺术培训学校","phone":"","scope":"美术培训"}"#)
    }

    /// Packed values compare by content, whatever order a reader set them in.
    @Test func valuesSetInAnyOrderAreEqual() {
        let long = String(repeating: "经营范围：课外辅导；", count: 40)
        let forward = FieldValues([.name: "临河区启明星艺术培训学校", .scope: long, .completedOn: "2021-12-01"])
        var collected = FieldValues.Builder()
        collected[.completedOn] = "2021-12-01"
        collected[.scope] = long
        collected[.name] = "临河区启明星艺术培训学校"
        #expect(collected.values == forward)
        #expect(forward[.scope] == long)
        #expect(forward != FieldValues([.name: "临河区启明星艺术培训学校", .scope: long]))
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

@Suite struct JSONTextTests {
    @Test(arguments: [
        ("临河区智远培训学校", "\"临河区智远培训学校\""),
        ("a\"b\\c", "\"a\\\"b\\\\c\""),
        ("一\n二\t三", "\"一\\n二\\t三\""),
        ("\u{2028}\u{2029}", "\"\\u2028\\u2029\""),
        ("\u{1}", "\"\\u0001\""),
        ("\u{1F}", "\"\\u001f\""),
        ("段\u{2028}落\"尾", "\"段\\u2028落\\\"尾\""),
        ("\u{2027}", "\"\u{2027}\""),
    ])
    func stringsAreEscapedForJSONLines(text: String, json: String) {
        #expect(JSONText.string(text) == json)
    }

    @Test func objectsKeepTheirKeyOrder() {
        #expect(JSONText.object([("b", "1"), ("a", JSONText.optional(nil))]) == "{\"b\":1,\"a\":null}")
    }

    /// Nested objects are closed as they are added, and the outer object goes on after them
    /// with its own separators.
    @Test func nestedObjectsAreClosedInPlace() {
        func sighting(_ word: String, _ status: String?) -> JSONText.Object {
            var object = JSONText.Object()
            object.add("word", word)
            object.addIfPresent("status", status)
            return object
        }
        var object = JSONText.Object()
        object.add("first", object: sighting("存续", "active"))
        object.add("none", objects: [])
        object.add("all", objects: [sighting("注销", nil), sighting("吊销", "revoked")])
        object.add("empty", object: JSONText.Object())
        object.add("count", 2)
        #expect(object.close() == #"{"first":{"word":"存续","status":"active"},"none":[],"all":[{"word":"注销"},{"word":"吊销","status":"revoked"}],"empty":{},"count":2}"#)
    }
}

@Suite struct JSONValueTests {
    @Test func readsBackWhatJSONTextWrites() throws {
        let tricky = ["临河区 \"智远\" 培训\\学校", "line\nbreak\ttab", "\u{2028}\u{2029}", "\u{1}", "😀 𠀀", ""]
        var object = JSONText.Object()
        object.add("texts", strings: tricky)
        object.add("none", nil)
        object.add("yes", true)
        object.add("count", 42)
        let value = try JSONValue.parse(object.close())
        #expect(try value.strings("texts") == tricky)
        #expect(value["none"] == JSONValue.null)
        #expect(value["yes"]?.bool == true)
        #expect(value["count"]?.int == 42)
    }

    @Test func readsEscapesOtherWritersUse() throws {
        let value = try JSONValue.parse(#" { "a" : [ "\u4e34\u6cb3", "\ud83d\ude00", "\/" ], "b": -1.5e2, "c": {} } "#)
        #expect(try value.strings("a") == ["临河", "😀", "/"])
        #expect(value["b"] == .number(-150))
        #expect(value["c"] == .object([:]))
    }

    @Test func ofAKeyWrittenTwiceTheLastCountsAndMemberOrderDoesNotMatter() throws {
        #expect(try JSONValue.parse(#"{"a": 1, "b": 2, "a": 3}"#)["a"] == .number(3))
        #expect(try JSONValue.parse(#"{"a": 1, "b": [true]}"#) == JSONValue.parse(#"{"b": [true], "a": 1}"#))
        #expect(try JSONValue.parse(#"{"a": 1}"#) != JSONValue.parse(#"{"a": 2}"#))
    }

    @Test(arguments: [#"{"a": "unterminated}"#, #"{"a" 1}"#, #"[1, 2"#, #"{"a": tru}"#, #"{"a": 1} x"#, #""\u12"#, ""])
    func refusesDamagedText(_ text: String) {
        #expect(throws: JSONValue.ParseError.self) { try JSONValue.parse(text) }
    }

    /// A member left unparsed comes back as its exact text, however its strings hide brackets
    /// and quotes; the other members are parsed as usual.
    @Test func leavesOneMemberUnparsedAsItsText() throws {
        let history = #"{"names": ["智远\"}]{[\\", "x"], "empty": {}, "n": [1, [2, {"m": null}]]}"#
        let (value, unparsed) = try JSONValue.parse(#" {"profile": {"id": "BYN-00000001"}, "history": "# + history + #" , "n": 3} "#,
                                                    leavingUnparsed: "history")
        #expect(unparsed == history)
        #expect(try JSONValue.parse(try #require(unparsed))["names"] == .array([.string("智远\"}]{[\\"), .string("x")]))
        #expect(value["profile"]?["id"]?.string == "BYN-00000001" && value["n"]?.int == 3 && value["history"] == nil)
        #expect(try JSONValue.parse(#"{"a": "[1]"}"#, leavingUnparsed: "history").unparsed == nil)
        #expect(try JSONValue.parse(#"{"history": "[1]"}"#, leavingUnparsed: "history").unparsed == #""[1]""#)
    }

    @Test(arguments: [#"{"history": {"a": [1}"#, #"{"history": ["unterminated]}"#, #"{"history": [1] x"#, #"[1]"#])
    func refusesDamagedTextAroundAnUnparsedMember(_ text: String) {
        #expect(throws: JSONValue.ParseError.self) { try JSONValue.parse(text, leavingUnparsed: "history") }
    }

    @Test func saysWhichMemberIsMissing() throws {
        let value = try JSONValue.parse(#"{"batch": "2021-09"}"#)
        #expect(try value.requiredString("batch") == "2021-09")
        #expect(throws: JSONValue.ParseError.self) { try value.requiredString("word") }
        #expect(throws: JSONValue.ParseError.self) { try value.requiredDay("batch") }
    }
}

@Suite struct UTF8ComparisonTests {
    /// Byte comparisons must agree with String's for normalised text, which is all they see.
    @Test func agreesWithStringOnNormalisedText() {
        let texts = ["", "a", "ab", "b", "临河区", "临河区智远", "五原县", "巴彦淖尔市", "BYN-00000001", "BYN-00000010", "😀", "ᠪᠠᠶᠠᠨ"]
        for a in texts {
            for b in texts {
                #expect(a.hasSameUTF8(as: b) == (a == b), "\(a) == \(b)")
                #expect(a.utf8Precedes(b) == (a < b), "\(a) < \(b)")
            }
        }
    }
}

@Suite struct SortedWithoutDuplicatesTests {
    @Test func keepsEachElementOnceInOrder() {
        #expect(["语文", "org:1", "数学", "语文", "org:1", "语文"].sortedWithoutDuplicates() == ["org:1", "数学", "语文"])
        #expect([3, 1, 2, 3, 1].sortedWithoutDuplicates() == [1, 2, 3])
        #expect([String]().sortedWithoutDuplicates().isEmpty)
    }
}
