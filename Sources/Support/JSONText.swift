/// JSON text built by hand where Codable would be too slow (a line per record or per
/// institution, a million times a batch). Keys and values are written in the order given,
/// so the same data always gives the same bytes.
public enum JSONText {
    /// A JSON string literal: quotes, backslashes, control characters and the line and
    /// paragraph separators U+2028/U+2029 escaped (some line readers split on them); other
    /// characters written as UTF-8, not as `\u` escapes, so that Chinese stays readable.
    public static func string(_ text: String) -> String {
        var out: [UInt8] = []
        appendString(text, to: &out)
        return String(decoding: out, as: UTF8.self)
    }

    /// Appends the string literal to `out`: the one escaping routine behind every writer here.
    /// It works on bytes, and copies the text whole when nothing needs escaping (nearly always),
    /// not appending to a `String` piece by piece (measured: BENCHMARKS.md, history, `8e619f3`).
    static func appendString(_ text: String, to out: inout [UInt8]) {
        out.append(UInt8(ascii: "\""))
        var text = text
        text.withUTF8 { bytes in
            if needsEscaping(bytes) { appendEscaped(bytes, to: &out) } else { out.append(contentsOf: bytes) }
        }
        out.append(UInt8(ascii: "\""))
    }

    private static func appendEscaped(_ bytes: UnsafeBufferPointer<UInt8>, to out: inout [UInt8]) {
        var index = 0
        while index < bytes.count {
            let byte = bytes[index]
            index += 1
            switch byte {
            case UInt8(ascii: "\""): out.append(contentsOf: #"\""#.utf8)
            case UInt8(ascii: "\\"): out.append(contentsOf: #"\\"#.utf8)
            case UInt8(ascii: "\n"): out.append(contentsOf: #"\n"#.utf8)
            case UInt8(ascii: "\r"): out.append(contentsOf: #"\r"#.utf8)
            case UInt8(ascii: "\t"): out.append(contentsOf: #"\t"#.utf8)
            case 0..<0x20: appendUnicodeEscape(UInt32(byte), to: &out)
            case 0xE2 where index + 1 < bytes.count && bytes[index] == 0x80 && (bytes[index + 1] == 0xA8 || bytes[index + 1] == 0xA9):
                appendUnicodeEscape(bytes[index + 1] == 0xA8 ? 0x2028 : 0x2029, to: &out)
                index += 2
            default: out.append(byte)
            }
        }
    }

    /// `\u` and four lower-case hex digits.
    private static func appendUnicodeEscape(_ value: UInt32, to out: inout [UInt8]) {
        out.append(contentsOf: #"\u"#.utf8)
        for shift: UInt32 in [12, 8, 4, 0] {
            let digit = UInt8((value >> shift) & 0xF)
            out.append(digit < 10 ? UInt8(ascii: "0") + digit : UInt8(ascii: "a") + digit - 10)
        }
    }

    /// Whether any byte needs an escape: a control character, a quote, a backslash, or U+2028
    /// or U+2029 (E2 80 A8 / E2 80 A9 in UTF-8).
    private static func needsEscaping(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        var index = 0
        while index < bytes.count {
            let byte = bytes[index]
            if byte < 0x20 || byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "\\") { return true }
            if byte == 0xE2, index + 2 < bytes.count, bytes[index + 1] == 0x80, bytes[index + 2] == 0xA8 || bytes[index + 2] == 0xA9 {
                return true
            }
            index += 1
        }
        return false
    }

    /// `null` or the string literal.
    public static func optional(_ text: String?) -> String {
        text.map(string) ?? "null"
    }

    /// `true` or `false`.
    public static func bool(_ value: Bool) -> String {
        value ? "true" : "false"
    }

    /// An integer in decimal.
    public static func int(_ value: Int) -> String {
        String(value)
    }

    /// `["a","b"]`.
    public static func array(_ texts: [String]) -> String {
        var out: [UInt8] = []
        appendArray(texts[...], to: &out)
        return String(decoding: out, as: UTF8.self)
    }

    /// Appends `["a","b"]` to `out`.
    static func appendArray(_ texts: ArraySlice<String>, to out: inout [UInt8]) {
        out.append(UInt8(ascii: "["))
        for (position, text) in texts.enumerated() {
            if position > 0 { out.append(UInt8(ascii: ",")) }
            appendString(text, to: &out)
        }
        out.append(UInt8(ascii: "]"))
    }

    /// An object from ordered (key, already-encoded value) pairs.
    public static func object(_ members: [(String, String)]) -> String {
        var object = Object()
        for (key, value) in members { object.add(key, json: value) }
        return object.close()
    }

    /// An object written member by member into one byte buffer, in the order added: what the
    /// writers that run once per record or institution use, without a string per value.
    public struct Object {
        private var bytes: [UInt8] = [UInt8(ascii: "{")]

        /// `capacity`: the bytes expected, so that the object is not copied as it grows.
        public init(reservingCapacity capacity: Int = 256) {
            bytes.reserveCapacity(capacity)
        }

        private mutating func key(_ key: String) {
            if bytes.count > 1 { bytes.append(UInt8(ascii: ",")) }
            JSONText.appendString(key, to: &bytes)
            bytes.append(UInt8(ascii: ":"))
        }

        /// A key as `add(encodedKey:_:)` takes it: for a writer that runs once per record,
        /// encoded once.
        public static func encodedKey(_ key: String) -> [UInt8] {
            var bytes: [UInt8] = []
            JSONText.appendString(key, to: &bytes)
            return bytes
        }

        /// A string member whose key was encoded by `encodedKey(_:)`.
        public mutating func add(encodedKey: [UInt8], _ value: String) {
            if bytes.count > 1 { bytes.append(UInt8(ascii: ",")) }
            bytes.append(contentsOf: encodedKey)
            bytes.append(UInt8(ascii: ":"))
            JSONText.appendString(value, to: &bytes)
        }

        /// A string, or `null`.
        public mutating func add(_ key: String, _ value: String?) {
            self.key(key)
            if let value { JSONText.appendString(value, to: &bytes) } else { bytes.append(contentsOf: "null".utf8) }
        }

        /// A string, or no member at all (what `Codable` writes for nil).
        public mutating func addIfPresent(_ key: String, _ value: String?) {
            if let value { add(key, value) }
        }

        public mutating func add(_ key: String, _ value: Bool) {
            self.key(key)
            bytes.append(contentsOf: (value ? "true" : "false").utf8)
        }

        public mutating func add(_ key: String, _ value: Int) {
            self.key(key)
            bytes.append(contentsOf: String(value).utf8)
        }

        public mutating func add(_ key: String, strings: [String]) {
            add(key, strings: strings[...])
        }

        /// Concrete, not generic over collections: a generic call from another module is not
        /// specialised, and profiles write seven lists each.
        public mutating func add(_ key: String, strings: ArraySlice<String>) {
            self.key(key)
            JSONText.appendArray(strings, to: &bytes)
        }

        /// A value already encoded (an object, an array of objects).
        public mutating func add(_ key: String, json: String) {
            self.key(key)
            bytes.append(contentsOf: json.utf8)
        }

        /// An object built on its own, appended as bytes: no String is made (and checked as
        /// UTF-8) for a nested object, only for the outermost.
        public mutating func add(_ key: String, object: Object) {
            self.key(key)
            append(closed: object)
        }

        /// An array of objects built on their own.
        public mutating func add(_ key: String, objects: [Object]) {
            self.key(key)
            bytes.append(UInt8(ascii: "["))
            for (position, object) in objects.enumerated() {
                if position > 0 { bytes.append(UInt8(ascii: ",")) }
                append(closed: object)
            }
            bytes.append(UInt8(ascii: "]"))
        }

        /// A nested object's bytes, closed (an object being built has no `}` yet).
        private mutating func append(closed object: Object) {
            bytes.append(contentsOf: object.bytes)
            bytes.append(UInt8(ascii: "}"))
        }

        public consuming func close() -> String {
            String(decoding: closedBytes(), as: UTF8.self)
        }

        /// The object's UTF-8, closed: for a writer that stores bytes, no String is made (and
        /// checked as UTF-8) on the way.
        public consuming func closedBytes() -> [UInt8] {
            bytes.append(UInt8(ascii: "}"))
            return bytes
        }
    }
}
