/// JSON read back from the ledger: the counterpart of `JSONText`. A small parser over UTF-8
/// bytes into a tree, because `JSONDecoder` took seconds to read back half a million
/// institution states; types build themselves from the tree (`init(json:)`).
public enum JSONValue: Sendable, Equatable {
    case null
    case bool(Bool)
    case number(Double)
    case string(String)
    case array([JSONValue])
    case object(Members)

    /// An object's members in the order written; of a key written twice, the last counts.
    /// Found by a linear search: the ledger's objects have a dozen keys at most, cheaper to
    /// search than to hash into a dictionary (measured: BENCHMARKS.md, history, `ea9c071`).
    public struct Members: Sendable, Equatable, ExpressibleByDictionaryLiteral {
        public private(set) var pairs: [(key: String, value: JSONValue)]

        init(_ pairs: [(key: String, value: JSONValue)]) { self.pairs = pairs }

        public init(dictionaryLiteral elements: (String, JSONValue)...) {
            pairs = elements.map { (key: $0.0, value: $0.1) }
        }

        public subscript(key: String) -> JSONValue? {
            pairs.last { $0.key == key }?.value
        }

        /// Equal when they hold the same keys with equal values, in whatever order.
        public static func == (a: Members, b: Members) -> Bool {
            Dictionary(a.pairs, uniquingKeysWith: { _, last in last }) == Dictionary(b.pairs, uniquingKeysWith: { _, last in last })
        }
    }

    public struct ParseError: Error, CustomStringConvertible {
        public let offset: Int
        public let reason: String
        public var description: String { "JSON 第 \(offset) 字节：\(reason)" }

        public init(offset: Int, reason: String) {
            self.offset = offset
            self.reason = reason
        }
    }

    public static func parse(_ text: String) throws -> JSONValue {
        var text = text
        return try text.withUTF8 { bytes in
            var parser = Parser(bytes: bytes)
            let value = try parser.value()
            parser.skipWhitespace()
            guard parser.index == bytes.count else { throw parser.error("多余的内容") }
            return value
        }
    }

    /// Parses an object except for one member, whose value is checked only for where it ends
    /// and returned as its text, to be parsed when (and if) it is needed.
    public static func parse(_ text: String, leavingUnparsed key: String) throws -> (JSONValue, unparsed: String?) {
        var text = text
        return try text.withUTF8 { bytes in
            var parser = Parser(bytes: bytes)
            parser.skipWhitespace()
            guard parser.index < bytes.count, bytes[parser.index] == UInt8(ascii: "{") else { throw parser.error("应为对象") }
            let value = try parser.object(leavingUnparsed: key)
            parser.skipWhitespace()
            guard parser.index == bytes.count else { throw parser.error("多余的内容") }
            let unparsed = parser.unparsed.map { String(decoding: UnsafeBufferPointer(rebasing: bytes[$0]), as: UTF8.self) }
            return (value, unparsed)
        }
    }

    // MARK: Reading members

    public subscript(key: String) -> JSONValue? {
        if case .object(let members) = self { members[key] } else { nil }
    }

    public var string: String? {
        if case .string(let text) = self { text } else { nil }
    }

    public var bool: Bool? {
        if case .bool(let value) = self { value } else { nil }
    }

    public var int: Int? {
        if case .number(let value) = self, let int = Int(exactly: value) { int } else { nil }
    }

    public var array: [JSONValue]? {
        if case .array(let values) = self { values } else { nil }
    }

    /// A member that must be there: what a value written by `JSONText` always has.
    public func required(_ key: String) throws -> JSONValue {
        guard let value = self[key], value != .null else { throw ParseError(offset: 0, reason: "缺少“\(key)”") }
        return value
    }

    public func requiredString(_ key: String) throws -> String {
        guard let text = try required(key).string else { throw ParseError(offset: 0, reason: "“\(key)”不是字符串") }
        return text
    }

    public func requiredBool(_ key: String) throws -> Bool {
        guard let value = try required(key).bool else { throw ParseError(offset: 0, reason: "“\(key)”不是布尔值") }
        return value
    }

    /// An optional string member: absent and `null` both mean nil.
    public func optionalString(_ key: String) throws -> String? {
        guard let value = self[key], value != .null else { return nil }
        guard let text = value.string else { throw ParseError(offset: 0, reason: "“\(key)”不是字符串") }
        return text
    }

    /// An array of strings; absent means empty.
    public func strings(_ key: String) throws -> [String] {
        guard let value = self[key], value != .null else { return [] }
        guard let values = value.array else { throw ParseError(offset: 0, reason: "“\(key)”不是数组") }
        return try values.map { element in
            guard let text = element.string else { throw ParseError(offset: 0, reason: "“\(key)”含非字符串") }
            return text
        }
    }

    /// An array of raw values (enums stored by their raw value); absent means empty.
    public func strings<T: RawRepresentable>(_ key: String, as type: T.Type) throws -> [T] where T.RawValue == String {
        try strings(key).map { text in
            guard let value = T(rawValue: text) else { throw ParseError(offset: 0, reason: "“\(key)”的值“\(text)”无法识别") }
            return value
        }
    }

    /// An array of objects built by `make`; absent means empty.
    public func objects<T>(_ key: String, _ make: (JSONValue) throws -> T) throws -> [T] {
        guard let value = self[key], value != .null else { return [] }
        guard let values = value.array else { throw ParseError(offset: 0, reason: "“\(key)”不是数组") }
        return try values.map(make)
    }

    /// A member read through a `RawRepresentable` (enums stored by their raw value).
    public func optional<T: RawRepresentable>(_ key: String, as type: T.Type) throws -> T? where T.RawValue == String {
        guard let text = try optionalString(key) else { return nil }
        guard let value = T(rawValue: text) else { throw ParseError(offset: 0, reason: "“\(key)”的值“\(text)”无法识别") }
        return value
    }

    public func required<T: RawRepresentable>(_ key: String, as type: T.Type) throws -> T where T.RawValue == String {
        guard let value = try optional(key, as: type) else { throw ParseError(offset: 0, reason: "缺少“\(key)”") }
        return value
    }

    // MARK: Parsing

    private struct Parser {
        let bytes: UnsafeBufferPointer<UInt8>
        var index = 0
        /// Where the member left unparsed lies.
        var unparsed: Range<Int>?

        func error(_ reason: String) -> ParseError { ParseError(offset: index, reason: reason) }

        mutating func skipWhitespace() {
            while index < bytes.count, bytes[index] == 0x20 || bytes[index] == 0x0A || bytes[index] == 0x0D || bytes[index] == 0x09 {
                index += 1
            }
        }

        mutating func value() throws -> JSONValue {
            skipWhitespace()
            guard index < bytes.count else { throw error("意外结束") }
            switch bytes[index] {
            case UInt8(ascii: "{"): return try object()
            case UInt8(ascii: "["): return try array()
            case UInt8(ascii: "\""): return .string(try string())
            case UInt8(ascii: "t"): try literal("true"); return .bool(true)
            case UInt8(ascii: "f"): try literal("false"); return .bool(false)
            case UInt8(ascii: "n"): try literal("null"); return .null
            default: return .number(try number())
            }
        }

        mutating func literal(_ word: StaticString) throws {
            let count = word.utf8CodeUnitCount
            guard index + count <= bytes.count,
                  (0 ..< count).allSatisfy({ bytes[index + $0] == word.utf8Start[$0] }) else { throw error("无法识别的值") }
            index += count
        }

        mutating func object(leavingUnparsed unparsedKey: String? = nil) throws -> JSONValue {
            index += 1
            var members: [(key: String, value: JSONValue)] = []
            skipWhitespace()
            if index < bytes.count, bytes[index] == UInt8(ascii: "}") { index += 1; return .object(Members(members)) }
            while true {
                skipWhitespace()
                guard index < bytes.count, bytes[index] == UInt8(ascii: "\"") else { throw error("应为键") }
                let key = try string()
                skipWhitespace()
                guard index < bytes.count, bytes[index] == UInt8(ascii: ":") else { throw error("应为“:”") }
                index += 1
                if key == unparsedKey {
                    skipWhitespace()
                    let start = index
                    try skipValue()
                    unparsed = start ..< index
                } else {
                    members.append((key, try value()))
                }
                skipWhitespace()
                guard index < bytes.count else { throw error("对象未结束") }
                if bytes[index] == UInt8(ascii: ",") { index += 1; continue }
                guard bytes[index] == UInt8(ascii: "}") else { throw error("应为“,”或“}”") }
                index += 1
                return .object(Members(members))
            }
        }

        /// Moves past a value, following only strings and brackets: its text is parsed later.
        mutating func skipValue() throws {
            skipWhitespace()
            guard index < bytes.count else { throw error("意外结束") }
            guard bytes[index] == UInt8(ascii: "{") || bytes[index] == UInt8(ascii: "[") else {
                _ = try value()
                return
            }
            var depth = 0
            repeat {
                guard index < bytes.count else { throw error("对象或数组未结束") }
                switch bytes[index] {
                case UInt8(ascii: "\""):
                    try skipString()
                    continue
                case UInt8(ascii: "{"), UInt8(ascii: "["): depth += 1
                case UInt8(ascii: "}"), UInt8(ascii: "]"): depth -= 1
                default: break
                }
                index += 1
            } while depth > 0
        }

        mutating func skipString() throws {
            index += 1
            while index < bytes.count {
                switch bytes[index] {
                case UInt8(ascii: "\\"): index += 2
                case UInt8(ascii: "\""): index += 1; return
                default: index += 1
                }
            }
            throw error("字符串未结束")
        }

        mutating func array() throws -> JSONValue {
            index += 1
            var values: [JSONValue] = []
            skipWhitespace()
            if index < bytes.count, bytes[index] == UInt8(ascii: "]") { index += 1; return .array(values) }
            while true {
                values.append(try value())
                skipWhitespace()
                guard index < bytes.count else { throw error("数组未结束") }
                if bytes[index] == UInt8(ascii: ",") { index += 1; continue }
                guard bytes[index] == UInt8(ascii: "]") else { throw error("应为“,”或“]”") }
                index += 1
                return .array(values)
            }
        }

        /// A string literal; the text between escapes is copied whole.
        mutating func string() throws -> String {
            index += 1
            let start = index
            while index < bytes.count, bytes[index] != UInt8(ascii: "\""), bytes[index] != UInt8(ascii: "\\") { index += 1 }
            guard index < bytes.count else { throw error("字符串未结束") }
            if bytes[index] == UInt8(ascii: "\"") {
                defer { index += 1 }
                return String(decoding: UnsafeBufferPointer(rebasing: bytes[start ..< index]), as: UTF8.self)
            }
            var out = Array(bytes[start ..< index])
            while index < bytes.count {
                let byte = bytes[index]
                if byte == UInt8(ascii: "\"") {
                    index += 1
                    return String(decoding: out, as: UTF8.self)
                }
                guard byte == UInt8(ascii: "\\") else { out.append(byte); index += 1; continue }
                guard index + 1 < bytes.count else { break }
                let escaped = bytes[index + 1]
                index += 2
                switch escaped {
                case UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "/"): out.append(escaped)
                case UInt8(ascii: "n"): out.append(0x0A)
                case UInt8(ascii: "r"): out.append(0x0D)
                case UInt8(ascii: "t"): out.append(0x09)
                case UInt8(ascii: "b"): out.append(0x08)
                case UInt8(ascii: "f"): out.append(0x0C)
                case UInt8(ascii: "u"):
                    var scalar = try hex4()
                    if scalar >= 0xD800 && scalar < 0xDC00, index + 1 < bytes.count,
                       bytes[index] == UInt8(ascii: "\\"), bytes[index + 1] == UInt8(ascii: "u") {
                        index += 2
                        let low = try hex4()
                        scalar = 0x10000 + ((scalar - 0xD800) << 10) + (low - 0xDC00)
                    }
                    out.append(contentsOf: String(Unicode.Scalar(scalar) ?? "\u{FFFD}").utf8)
                default: throw error("无效的转义")
                }
            }
            throw error("字符串未结束")
        }

        mutating func hex4() throws -> UInt32 {
            guard index + 4 <= bytes.count else { throw error("\\u 转义不完整") }
            var value: UInt32 = 0
            for _ in 0 ..< 4 {
                let byte = bytes[index]
                let digit: UInt32
                switch byte {
                case UInt8(ascii: "0") ... UInt8(ascii: "9"): digit = UInt32(byte - UInt8(ascii: "0"))
                case UInt8(ascii: "a") ... UInt8(ascii: "f"): digit = UInt32(byte - UInt8(ascii: "a") + 10)
                case UInt8(ascii: "A") ... UInt8(ascii: "F"): digit = UInt32(byte - UInt8(ascii: "A") + 10)
                default: throw error("\\u 转义含非十六进制字符")
                }
                value = value << 4 | digit
                index += 1
            }
            return value
        }

        mutating func number() throws -> Double {
            let start = index
            while index < bytes.count, bytes[index] == UInt8(ascii: "-") || bytes[index] == UInt8(ascii: "+")
                || bytes[index] == UInt8(ascii: ".") || bytes[index] == UInt8(ascii: "e") || bytes[index] == UInt8(ascii: "E")
                || (bytes[index] >= UInt8(ascii: "0") && bytes[index] <= UInt8(ascii: "9")) {
                index += 1
            }
            guard index > start, let value = Double(String(decoding: UnsafeBufferPointer(rebasing: bytes[start ..< index]), as: UTF8.self))
            else { throw error("无法识别的值") }
            return value
        }
    }
}
