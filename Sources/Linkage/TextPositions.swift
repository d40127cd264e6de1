import RegistryModel
import Support

/// Which position (of a record, or of a known institution) first held each text: linkage's
/// lookups by code, number and name, a million entries each. Keyed by text, a `Dictionary`
/// hashes every key through a seeded SipHash and compares keys at every occupied slot it
/// probes, reaching into each key's string (measured: BENCHMARKS.md, history, `a01696b`).
/// In `HashSlots` a probe compares hashes (`TextPool.hash`), and the text itself is checked,
/// by the caller's `holds`, only where the hashes agree.
struct TextPositions {
    private var slots = HashSlots<Int32>(placeholder: 0)

    /// The position recorded for `text`; `holds(position)` says whether the text at a
    /// position with the same hash is this one.
    func position(of text: String, holds: (Int32) -> Bool) -> Int32? {
        slots.value(hash: TextPool.hash(text), where: holds)
    }

    /// The position recorded for `text` already; or, when there is none, nil, and `position`
    /// is recorded for it.
    mutating func recorded(_ text: String, else position: Int32, holds: (Int32) -> Bool) -> Int32? {
        slots.value(hash: TextPool.hash(text), where: holds, elseAdding: position)
    }
}
