import Assess
@testable import Linkage
@testable import Pipeline
import RegistryModel
import Testing

/// The month's institutions are held by position in id order: each must meet its own records,
/// in input order, its own line of last month, and whether its memory changed.
struct MonthInstitutionsTests {
    let known = InstitutionID(sequence: 1)
    let withRecords = InstitutionID(sequence: 2)
    let merged = InstitutionID(sequence: 4)
    let new = InstitutionID(sequence: 7)
    let retiredLastMonth = InstitutionID(sequence: 9)

    /// What the ledger remembers of `ids`, sorted by id as the month reads it.
    func remembered(_ ids: [InstitutionID]) -> [KnownMemory] {
        ids.sorted().map { KnownMemory(id: $0, memory: HeldMemory(profile: InstitutionProfile(id: $0))) }
    }

    func link(_ ordinal: Int, to institution: InstitutionID) -> RecordLink {
        RecordLink(ref: RecordRef(sourceFile: "企业登记信息_临河区_202110.csv", ordinal: ordinal), institution: institution,
                   rule: .creditCode, score: 1, evidence: "统一社会信用代码相同")
    }

    func line(_ id: InstitutionID, status: ReregistrationStatus) -> (id: InstitutionID, line: PreviousLine) {
        (id, PreviousLine(LedgerLine(
            institutionID: id, name: "临河区智远教育科技有限公司", creditCode: nil, formerCreditCodes: [], countyCode: "150802",
            countyName: "临河区", category: .subject, department: .education, stages: [.compulsory], reregistrationRequired: true,
            reregistrationStatus: status, completedOn: nil, overdue: false, daysOverdue: 0, flags: [], firstSeenBatch: "2021-09",
            lastSeenBatch: "2021-09", sourceRecordCount: 1)))
    }

    @Test func eachInstitutionMeetsItsRecordsItsLastLineAndWhetherItChanged() throws {
        let memories = remembered([known, withRecords, merged])
        // Records interleaved between two institutions, one of them new this month.
        let linkage = LinkageResult(
            links: [link(1, to: withRecords), link(2, to: new), link(3, to: withRecords), link(4, to: new), link(5, to: new)],
            profiles: [InstitutionProfile(id: withRecords), InstitutionProfile(id: new)],
            merges: [Merge(retired: merged, survivor: withRecords, rule: .creditCode, evidence: "代码相同")],
            reviews: [], nextSequence: 8)
        var institutions = try MonthInstitutions(known: memories, linkage: linkage)
        // In no particular order; the merged and the retired institution's lines are not needed.
        for (id, status) in [(retiredLastMonth, ReregistrationStatus.exited), (known, .inProgress), (merged, .notStarted)] {
            institutions.setPrevious(line(id, status: status).line, of: id)
        }

        #expect(institutions.ids == [known, withRecords, new])
        #expect(institutions.ids.indices.map { Array(institutions.records(of: $0)) } == [[], [0, 2], [1, 3, 4]])
        #expect(institutions.changed == [false, true, true])
        #expect(institutions.previous.map { $0?.status } == [.inProgress, nil, nil])
    }

    @Test func anEmptyMonthWithoutAPreviousOneHoldsWhatTheLedgerRemembers() throws {
        let institutions = try MonthInstitutions(
            known: remembered([known]),
            linkage: LinkageResult(links: [], profiles: [], merges: [], reviews: [], nextSequence: 2))
        #expect(institutions.ids == [known] && institutions.records(of: 0).isEmpty)
        #expect(institutions.changed == [false] && institutions.previous.map { $0 == nil } == [true])
    }

    /// Merges move what the ledger held: a known institution into a new one whose id falls
    /// between known ids, and another into the first, taken already, which so comes back. Each
    /// memory carries its requirement's category, which a merge keeps, so a memory made afresh
    /// instead of moved would show; a known institution with records takes linkage's profile.
    @Test func mergesMoveMemoriesIntoNewAndTakenOnes() throws {
        let between = InstitutionID(sequence: 3)
        var linked = InstitutionProfile(id: known)
        linked.cores = ["智远"]
        var memories = remembered([known, withRecords, merged])
        memories[1].memory.requirementCategory = .nonSubject
        memories[2].memory.requirementCategory = .subject
        let linkage = LinkageResult(
            links: [link(1, to: between), link(2, to: known)],
            profiles: [linked, InstitutionProfile(id: between), InstitutionProfile(id: merged)],
            merges: [Merge(retired: merged, survivor: between, rule: .fuzzy, evidence: "加权证据"),
                     Merge(retired: withRecords, survivor: merged, rule: .creditCode, evidence: "代码相同")],
            reviews: [], nextSequence: 8)
        let institutions = try MonthInstitutions(known: memories, linkage: linkage)
        #expect(institutions.ids == [known, between, merged])
        #expect(institutions.memories.map(\.profile.id) == [known, between, merged])
        #expect(institutions.memories.map(\.requirementCategory) == [nil, .subject, .nonSubject])
        #expect(Array(institutions.memories[0].profile.cores) == ["智远"], "a known institution with records takes this month's profile")
        #expect(institutions.changed == [true, true, true])
        #expect(institutions.records(of: 0).elementsEqual([1]) && institutions.records(of: 1).elementsEqual([0]))
        #expect(institutions.records(of: 2).isEmpty)
    }
}
