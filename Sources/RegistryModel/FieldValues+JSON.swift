import Support

extension FieldValues {
    /// The present values as a JSON object keyed by the fields' raw values.
    public var json: String {
        String(decoding: jsonBytes, as: UTF8.self)
    }

    /// `json` as bytes, as the month's spill file of exported values takes it. Made for every
    /// record, so no String is made (and checked as UTF-8) on the way to bytes, and the keys
    /// are escaped once. Measured: BENCHMARKS.md, history, `5632289`.
    public var jsonBytes: [UInt8] {
        // A member is its value, its key (up to 22 bytes) and six bytes of punctuation.
        var object = JSONText.Object(reservingCapacity: valueByteCount + 28 * presentCount + 2)
        forEachPresent { field, value in object.add(encodedKey: Self.encodedKeys[field.ordinal], value) }
        return object.closedBytes()
    }

    /// Each field's key, by ordinal.
    private static let encodedKeys = Field.byOrdinal.map { JSONText.Object.encodedKey($0.rawValue) }

    /// The values `json` wrote; members that name no field, or are no string, are left out.
    public init(json: String) {
        var collected = Builder()
        if case .object(let members)? = try? JSONValue.parse(json) {
            for (key, value) in members.pairs { if let field = Field(rawValue: key) { collected[field] = value.string } }
        }
        self = collected.values
    }
}
