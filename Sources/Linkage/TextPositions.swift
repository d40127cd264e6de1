import RegistryModel

/// Which position (of a record, or of a known institution) first held each text: linkage's
/// lookups by code, number and name, a million entries each. A `Dictionary` keyed by text
/// hashed every key through a seeded SipHash and compared keys at every occupied slot it
/// probed, reaching into each key's string: hashing and probing were a fifth of linkage at
/// a million records. Here a slot keeps the text's hash (`TextPool.hash`) beside the
/// position: a probe compares numbers, and the text itself is checked, by the caller's
/// `holds`, only where the hashes agree.
struct TextPositions {
    private struct Slot {
        /// 0 marks an empty slot; no text hashes to 0.
        var hash: UInt64 = 0
        var position: Int32 = 0
    }

    private var slots: [Slot] = []
    private var count = 0

    /// The position recorded for `text`; `holds(position)` says whether the text at a
    /// position with the same hash is this one.
    func position(of text: String, holds: (Int32) -> Bool) -> Int32? {
        guard !slots.isEmpty else { return nil }
        return probe(TextPool.hash(text), holds: holds).found
    }

    /// The position recorded for `text` already; or, when there is none, nil, and `position`
    /// is recorded for it.
    mutating func recorded(_ text: String, else position: Int32, holds: (Int32) -> Bool) -> Int32? {
        if (count + 1) * 4 > slots.count * 3 { grow() }
        let hash = TextPool.hash(text)
        let (index, found) = probe(hash, holds: holds)
        if let found { return found }
        slots[index] = Slot(hash: hash, position: position)
        count += 1
        return nil
    }

    /// The slot holding the text with this hash, or the empty slot where it would go.
    private func probe(_ hash: UInt64, holds: (Int32) -> Bool) -> (index: Int, found: Int32?) {
        let mask = slots.count - 1
        var index = Int(truncatingIfNeeded: hash) & mask
        while slots[index].hash != 0 {
            if slots[index].hash == hash, holds(slots[index].position) { return (index, slots[index].position) }
            index = (index + 1) & mask
        }
        return (index, nil)
    }

    private mutating func grow() {
        let old = slots
        slots = Array(repeating: Slot(), count: max(16, old.count * 2))
        let mask = slots.count - 1
        for slot in old where slot.hash != 0 {
            var index = Int(truncatingIfNeeded: slot.hash) & mask
            while slots[index].hash != 0 { index = (index + 1) & mask }
            slots[index] = slot
        }
    }
}
