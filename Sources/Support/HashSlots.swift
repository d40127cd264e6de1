/// Open addressing over 64-bit hashes kept beside each value: growing rehashes nothing, and a
/// value is looked at only where hashes agree. What the month's text pools (`TextPool`) and
/// linkage's lookups by text (`TextPositions`) are built on: a `Dictionary` or `Set` keyed by
/// text hashes every key through a seeded SipHash, again at each growth, and compares keys at
/// every slot it probes.
///
/// Inlinable, so that other modules' tables are specialised for their values: linkage's
/// lookups run a million times a month.
public struct HashSlots<Value> {
    @usableFromInline
    struct Slot {
        /// 0 marks an empty slot: a hash of 0 is stored as 1.
        @usableFromInline var hash: UInt64
        @usableFromInline var value: Value

        @inlinable init(hash: UInt64, value: Value) {
            self.hash = hash
            self.value = value
        }
    }

    @usableFromInline var slots: [Slot] = []
    @usableFromInline var count = 0
    /// What an empty slot holds (never returned).
    @usableFromInline let placeholder: Value

    @inlinable public init(placeholder: Value) {
        self.placeholder = placeholder
    }

    /// The value added with this hash that `matches`, if any.
    @inlinable public func value(hash: UInt64, where matches: (Value) -> Bool) -> Value? {
        guard !slots.isEmpty else { return nil }
        return probe(Self.stored(hash), where: matches).found
    }

    /// The value added with this hash that `matches`; or, when there is none, nil, and `value`
    /// is added with the hash.
    @inlinable public mutating func value(hash: UInt64, where matches: (Value) -> Bool, elseAdding value: Value) -> Value? {
        if (count + 1) * 4 > slots.count * 3 { grow() }
        let hash = Self.stored(hash)
        let (index, found) = probe(hash, where: matches)
        if let found { return found }
        slots[index] = Slot(hash: hash, value: value)
        count += 1
        return nil
    }

    /// The slot holding a matching value with this hash, or the empty slot where it would go.
    @inlinable func probe(_ hash: UInt64, where matches: (Value) -> Bool) -> (index: Int, found: Value?) {
        let mask = slots.count - 1
        var index = Int(truncatingIfNeeded: hash) & mask
        while slots[index].hash != 0 {
            if slots[index].hash == hash, matches(slots[index].value) { return (index, slots[index].value) }
            index = (index + 1) & mask
        }
        return (index, nil)
    }

    @inlinable static func stored(_ hash: UInt64) -> UInt64 { hash == 0 ? 1 : hash }

    @inlinable mutating func grow() {
        let old = slots
        slots = Array(repeating: Slot(hash: 0, value: placeholder), count: max(16, old.count * 2))
        let mask = slots.count - 1
        for slot in old where slot.hash != 0 {
            var index = Int(truncatingIfNeeded: slot.hash) & mask
            while slots[index].hash != 0 { index = (index + 1) & mask }
            slots[index] = slot
        }
    }
}

extension HashSlots: Sendable where Value: Sendable {}
extension HashSlots.Slot: Sendable where Value: Sendable {}
