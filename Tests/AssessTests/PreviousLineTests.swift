import Assess
import RegistryModel
import Testing

/// An institution without records this month keeps last month's stages and flags from the
/// compact form of its line: every stage and flag must come back, in the order lines keep them.
@Suite struct PreviousLineTests {
    @Test func stagesAndFlagsComeBackInTheirOrder() {
        for (stages, flags) in [([Stage](), [InstitutionFlag]()), (Stage.allCases, InstitutionFlag.allCases),
                                ([.compulsory, .highSchool], [.disguisedSubjectRisk, .countyConflict, .ambiguousLink])] {
            let line = LedgerLine(
                institutionID: InstitutionID(sequence: 7), name: "乌拉特前旗启智教育咨询有限公司", creditCode: "91150823MA0Q4B7X2K",
                formerCreditCodes: [], countyCode: "150823", countyName: "乌拉特前旗", category: .mixed, department: .education,
                stages: stages, reregistrationRequired: true, reregistrationStatus: .inProgress, completedOn: nil, overdue: false,
                daysOverdue: 0, flags: InstitutionFlag.allCases.filter(flags.contains), firstSeenBatch: "2021-09",
                lastSeenBatch: "2021-10", sourceRecordCount: 2)
            let previous = PreviousLine(line)
            #expect(previous.stages == stages)
            #expect(previous.flags == line.flags)
            #expect(previous.status == .inProgress && previous.category == .mixed && previous.countyCode == "150823")
        }
    }
}
