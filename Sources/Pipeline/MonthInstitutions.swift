import Algorithms
import Assess
import Linkage
import RegistryModel

/// Every institution the month assesses, in id order, with what assessing each one needs
/// held by its position: in lists, not four hash tables keyed by id (memories, the records'
/// positions, last month's lines, what changed). Measured: BENCHMARKS.md, history, `eca1857`.
struct MonthInstitutions: Sendable {
    let ids: [InstitutionID]
    /// What the ledger remembers of each, with this month's merges and profiles.
    let memories: [HeldMemory]
    /// Whether its memory changed this month (records added, a merge), so its state is written.
    let changed: [Bool]
    /// Its line last month, if it had one (`setPrevious(_:of:)`).
    private(set) var previous: [PreviousLine?]
    /// The month's records institution by institution (input order within each): positions in
    /// the month's records, the i-th institution's from `recordStarts[i]` to `recordStarts[i + 1]`.
    private let recordOrder: [Int32]
    private let recordStarts: [Int32]

    /// Carries what linkage found into the institutions' memories: merged institutions join
    /// profiles and histories, and every institution with records this month takes its new
    /// profile (its records join its history when it is assessed). `known` is what the ledger
    /// remembers, sorted by id.
    init(known: consuming [KnownMemory], linkage: LinkageResult) throws {
        var held = HeldMemories(known: known)
        var changedIDs = Set<InstitutionID>()
        // Linkage's profiles are sorted by id: found by binary search, not through a table of
        // half a million entries built beside every memory (BENCHMARKS.md, history, `c4c220b`).
        let profiles = linkage.profiles
        func profile(_ id: InstitutionID) -> InstitutionProfile? {
            let position = profiles.partitioningIndex { $0.id >= id }
            return position < profiles.count && profiles[position].id == id ? profiles[position] : nil
        }
        for merge in linkage.merges {
            guard let lost = held.take(merge.retired) else { continue }
            held[merge.survivor] = try HeldMemory.merging(lost, into: held[merge.survivor], profile: profile(merge.survivor))
            changedIDs.insert(merge.survivor)
        }

        // Records by institution, then by position: sorted positions, not a list per institution.
        let links = linkage.links
        var order = Array(0 ..< Int32(links.count))
        order.sort { a, b in
            let (x, y) = (links[Int(a)].institution, links[Int(b)].institution)
            return x == y ? a < b : x < y
        }
        for (index, position) in order.enumerated()
        where index == 0 || links[Int(order[index - 1])].institution != links[Int(position)].institution {
            let id = links[Int(position)].institution
            if held[id] == nil {
                held[id] = HeldMemory(profile: profile(id)!)
            } else if let profile = profile(id) {
                held.update(id) { $0.profile = profile }
            }
        }

        (ids, memories) = held.inIdOrder()
        var starts: [Int32] = []
        starts.reserveCapacity(ids.count + 1)
        var next = 0
        for id in ids {
            starts.append(Int32(next))
            while next < order.count && links[Int(order[next])].institution == id { next += 1 }
        }
        starts.append(Int32(next))
        precondition(next == order.count, "a record linked to an institution the month does not hold")
        recordStarts = starts
        recordOrder = order
        // Changed this month: merged, or given records (a run of its own in `recordOrder`).
        changed = zip(ids, zip(starts, starts.dropFirst())).map { id, run in changedIDs.contains(id) || run.1 > run.0 }
        previous = Array(repeating: nil, count: ids.count)
    }

    /// Places an institution's line of last month, read one at a time into its place, not
    /// gathered in a list of half a million lines and sorted first (measured: BENCHMARKS.md,
    /// history, `e5c692b`). Lines of institutions the month does not hold are not needed.
    mutating func setPrevious(_ line: PreviousLine, of id: InstitutionID) {
        let position = ids.partitioningIndex { $0 >= id }
        if position < ids.count, ids[position] == id { previous[position] = line }
    }

    var count: Int { ids.count }

    /// Positions in the month's records of the records of the institution at `position`.
    func records(of position: Int) -> ArraySlice<Int32> {
        recordOrder[Int(recordStarts[position]) ..< Int(recordStarts[position + 1])]
    }
}

/// What the ledger remembers of one institution.
struct KnownMemory {
    let id: InstitutionID
    var memory: HeldMemory
}

/// The memories a month holds while linkage's merges and new institutions are carried into
/// them: the known in a list sorted by id, and those the ledger did not hold beside it. A hash
/// table of half a million entries, its buckets about half full, would be held through
/// linkage (measured: BENCHMARKS.md, history, `bf307a2`). Found by binary search over
/// `InstitutionID`'s order, which is total for the ids the ledger stores (every one minted
/// from its sequence number).
private struct HeldMemories {
    private var known: [KnownMemory]
    /// Whether the known memory at a position was taken by a merge.
    private var taken: [Bool]
    /// Institutions the ledger did not hold (new this month), and known ones a merge took and
    /// another merge brought back.
    private var added: [InstitutionID: HeldMemory] = [:]

    init(known: consuming [KnownMemory]) {
        self.known = known
        assert(zip(self.known, self.known.dropFirst()).allSatisfy { $0.id < $1.id }, "known memories sorted by id, each once")
        taken = Array(repeating: false, count: self.known.count)
    }

    /// The position of `id` among the known memories not taken.
    private func position(_ id: InstitutionID) -> Int? {
        let position = known.partitioningIndex { $0.id >= id }
        return position < known.count && known[position].id == id && !taken[position] ? position : nil
    }

    subscript(id: InstitutionID) -> HeldMemory? {
        get { position(id).map { known[$0].memory } ?? added[id] }
        set {
            if let position = position(id) {
                if let newValue { known[position].memory = newValue } else { taken[position] = true }
            } else {
                added[id] = newValue
            }
        }
    }

    /// Changes the memory of `id` in place; `id` must be held.
    mutating func update(_ id: InstitutionID, _ change: (inout HeldMemory) -> Void) {
        if let position = position(id) { change(&known[position].memory) } else { change(&added[id]!) }
    }

    /// The memory of `id`, no longer held.
    mutating func take(_ id: InstitutionID) -> HeldMemory? {
        defer { self[id] = nil }
        return self[id]
    }

    /// Every memory held, in id order.
    consuming func inIdOrder() -> (ids: [InstitutionID], memories: [HeldMemory]) {
        let addedIDs = added.keys.sorted()
        var ids: [InstitutionID] = [], memories: [HeldMemory] = []
        ids.reserveCapacity(known.count + addedIDs.count)
        memories.reserveCapacity(known.count + addedIDs.count)
        var next = 0
        for id in addedIDs {
            while next < known.count && known[next].id < id {
                if !taken[next] { ids.append(known[next].id); memories.append(known[next].memory) }
                next += 1
            }
            ids.append(id)
            memories.append(added[id]!)
        }
        for position in next ..< known.count where !taken[position] {
            ids.append(known[position].id)
            memories.append(known[position].memory)
        }
        return (ids, memories)
    }
}
