/// A JSON value for JSONL files whose key order we fix ourselves (JSONEncoder only sorts).
enum JSONValue: Sendable, Hashable {
    case string(String)
    case int(Int)
    case bool(Bool)
    case strings([String])
    case null

    static func optional(_ text: String?) -> JSONValue { text.map(JSONValue.string) ?? .null }

    func write(into out: inout String) {
        switch self {
        case .string(let text): JSONValue.quote(text, into: &out)
        case .int(let value): out += String(value)
        case .bool(let value): out += value ? "true" : "false"
        case .null: out += "null"
        case .strings(let texts):
            out += "["
            for (index, text) in texts.enumerated() {
                if index > 0 { out += "," }
                JSONValue.quote(text, into: &out)
            }
            out += "]"
        }
    }

    /// One object on one line, keys in the given order.
    static func line(_ pairs: [(String, JSONValue)]) -> String {
        var out = "{"
        for (index, (key, value)) in pairs.enumerated() {
            if index > 0 { out += "," }
            quote(key, into: &out)
            out += ":"
            value.write(into: &out)
        }
        out += "}\n"
        return out
    }

    static func quote(_ text: String, into out: inout String) {
        out += "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            case "\u{2028}": out += "\\u2028"
            case "\u{2029}": out += "\\u2029"
            default:
                if scalar.value < 0x20 {
                    let hex = String(scalar.value, radix: 16)
                    out += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
                } else {
                    out.unicodeScalars.append(scalar)
                }
            }
        }
        out += "\""
    }
}
