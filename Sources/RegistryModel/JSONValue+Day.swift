import Support

extension JSONValue {
    /// An optional ISO date member (`2021-09-16`).
    public func optionalDay(_ key: String) throws -> Day? {
        guard let text = try optionalString(key) else { return nil }
        guard let day = Day(iso: text) else { throw ParseError(offset: 0, reason: "“\(key)”不是日期：\(text)") }
        return day
    }

    public func requiredDay(_ key: String) throws -> Day {
        guard let day = try optionalDay(key) else { throw ParseError(offset: 0, reason: "缺少“\(key)”") }
        return day
    }
}
