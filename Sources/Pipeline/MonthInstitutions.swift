import Linkage
import RegistryModel

/// Every institution the month assesses, in id order, with what assessing each one needs
/// held by its position. Keyed by id, the same facts took four hash tables (memories, the
/// records' positions, last month's lines, what changed); in lists, with last month's lines
/// read after linkage, the 250k second month's peak fell by 45 MB.
struct MonthInstitutions: Sendable {
    let ids: [InstitutionID]
    /// What the ledger remembers of each, with this month's merges and profiles.
    let memories: [HeldMemory]
    /// Whether its memory changed this month (records added, a merge), so its state is written.
    let changed: [Bool]
    /// Its line last month, if it had one.
    let previous: [PreviousLine?]
    /// The month's records institution by institution (input order within each): positions in
    /// the month's records, the i-th institution's from `recordStarts[i]` to `recordStarts[i + 1]`.
    private let recordOrder: [Int32]
    private let recordStarts: [Int32]

    /// Carries what linkage found into the institutions' memories: merged institutions join
    /// profiles and histories, and every institution with records this month takes its new
    /// profile (its records join its history when it is assessed). `previousLines` are last
    /// month's, in id order.
    init(memories known: consuming [InstitutionID: HeldMemory], linkage: LinkageResult, previousLines: [LedgerLine]) throws {
        var memories = consume known
        var changedIDs = Set<InstitutionID>()
        let profiles = Dictionary(uniqueKeysWithValues: linkage.profiles.map { ($0.id, $0) })
        for merge in linkage.merges {
            guard let lost = memories.removeValue(forKey: merge.retired) else { continue }
            memories[merge.survivor] = try HeldMemory.merging(lost, into: memories[merge.survivor], profile: profiles[merge.survivor])
            changedIDs.insert(merge.survivor)
        }
        let links = linkage.links
        // Sized once: grown insert by insert, it rehashed half a million entries at each
        // doubling (visible, if small, in the 1M profile).
        memories.reserveCapacity(memories.count + linkage.profiles.count { memories[$0.id] == nil })
        var withRecords = Set<InstitutionID>(minimumCapacity: profiles.count)
        for link in links where withRecords.insert(link.institution).inserted {
            if memories[link.institution] == nil {
                memories[link.institution] = HeldMemory(profile: profiles[link.institution]!)
            } else if let profile = profiles[link.institution] {
                memories[link.institution]!.profile = profile
            }
        }

        ids = memories.keys.sorted()
        self.memories = ids.map { memories[$0]! }
        changed = ids.map { changedIDs.contains($0) || withRecords.contains($0) }

        // Records by institution, then by position: sorted positions, not a list per institution.
        let order = links.indices.sorted { a, b in
            links[a].institution == links[b].institution ? a < b : links[a].institution < links[b].institution
        }
        var starts: [Int32] = []
        starts.reserveCapacity(ids.count + 1)
        var next = 0
        for id in ids {
            starts.append(Int32(next))
            while next < order.count && links[order[next]].institution == id { next += 1 }
        }
        starts.append(Int32(next))
        precondition(next == order.count, "a record linked to an institution the month does not hold")
        recordStarts = starts
        recordOrder = order.map { Int32($0) }
        var line = 0
        previous = ids.map { id in
            while line < previousLines.count && previousLines[line].institutionID < id { line += 1 }
            return line < previousLines.count && previousLines[line].institutionID == id ? PreviousLine(previousLines[line]) : nil
        }
    }

    var count: Int { ids.count }

    /// Positions in the month's records of the records of the institution at `position`.
    func records(of position: Int) -> ArraySlice<Int32> {
        recordOrder[Int(recordStarts[position]) ..< Int(recordStarts[position + 1])]
    }
}
