/// JSON text built by hand where Codable would be too slow (a line per record or per
/// institution, a million times a batch). Keys and values are written in the order given,
/// so the same data always gives the same bytes.
public enum JSONText {
    /// A JSON string literal: quotes, backslashes, control characters and the line and
    /// paragraph separators U+2028/U+2029 escaped (some line readers split on them); other
    /// characters written as UTF-8, not as `\u` escapes, so that Chinese stays readable.
    public static func string(_ text: String) -> String {
        var out = ""
        appendString(text, to: &out)
        return out
    }

    /// Appends the string literal to `out`: the one escaping routine behind every writer here,
    /// scanning bytes and copying the text whole when nothing needs escaping (nearly always).
    public static func appendString(_ text: String, to out: inout String) {
        out.append("\"")
        let needsEscaping = text.utf8.withContiguousStorageIfAvailable(Self.needsEscaping) ?? Self.needsEscaping(Array(text.utf8))
        guard needsEscaping else {
            out.append(text)
            out.append("\"")
            return
        }
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": out.append("\\\"")
            case "\\": out.append("\\\\")
            case "\n": out.append("\\n")
            case "\r": out.append("\\r")
            case "\t": out.append("\\t")
            case let control where control.value < 0x20 || control == "\u{2028}" || control == "\u{2029}":
                let hex = String(control.value, radix: 16)
                out.append("\\u" + String(repeating: "0", count: 4 - hex.count) + hex)
            default: out.unicodeScalars.append(scalar)
            }
        }
        out.append("\"")
    }

    /// Whether any byte needs an escape: a control character, a quote, a backslash, or U+2028
    /// or U+2029 (E2 80 A8 / E2 80 A9 in UTF-8).
    private static func needsEscaping<Bytes: RandomAccessCollection>(_ bytes: Bytes) -> Bool where Bytes.Element == UInt8, Bytes.Index == Int {
        var index = bytes.startIndex
        while index < bytes.endIndex {
            let byte = bytes[index]
            if byte < 0x20 || byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "\\") { return true }
            if byte == 0xE2, index + 2 < bytes.endIndex, bytes[index + 1] == 0x80, bytes[index + 2] == 0xA8 || bytes[index + 2] == 0xA9 {
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
        var out = ""
        appendArray(texts, to: &out)
        return out
    }

    /// Appends `["a","b"]` to `out`.
    static func appendArray(_ texts: [String], to out: inout String) {
        out.append("[")
        for (position, text) in texts.enumerated() {
            if position > 0 { out.append(",") }
            appendString(text, to: &out)
        }
        out.append("]")
    }

    /// `[…]` of values already encoded.
    public static func array(json values: [String]) -> String {
        "[" + values.joined(separator: ",") + "]"
    }

    /// An object from ordered (key, already-encoded value) pairs.
    public static func object(_ members: [(String, String)]) -> String {
        var object = Object()
        for (key, value) in members { object.add(key, json: value) }
        return object.close()
    }

    /// An object written member by member into one string, in the order added: what the
    /// writers that run once per record or institution use, without a string per value.
    public struct Object {
        private var text = "{"

        public init() {}

        private mutating func key(_ key: String) {
            if text.utf8.count > 1 { text.append(",") }
            JSONText.appendString(key, to: &text)
            text.append(":")
        }

        /// A string, or `null`.
        public mutating func add(_ key: String, _ value: String?) {
            self.key(key)
            if let value { JSONText.appendString(value, to: &text) } else { text.append("null") }
        }

        /// A string, or no member at all (what `Codable` writes for nil).
        public mutating func addIfPresent(_ key: String, _ value: String?) {
            if let value { add(key, value) }
        }

        public mutating func add(_ key: String, _ value: Bool) {
            self.key(key)
            text.append(value ? "true" : "false")
        }

        public mutating func add(_ key: String, _ value: Int) {
            self.key(key)
            text.append(String(value))
        }

        public mutating func add(_ key: String, strings: [String]) {
            self.key(key)
            JSONText.appendArray(strings, to: &text)
        }

        /// A value already encoded (an object, an array of objects).
        public mutating func add(_ key: String, json: String) {
            self.key(key)
            text.append(json)
        }

        public consuming func close() -> String {
            text.append("}")
            return text
        }
    }
}

extension FieldValues {
    /// The present values as a JSON object keyed by the fields' raw values.
    public var json: String {
        var object = JSONText.Object()
        for field in Field.allCases { object.addIfPresent(field.rawValue, self[field]) }
        return object.close()
    }
}
