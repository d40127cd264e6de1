import Assess
import RegistryModel
import Testing

/// Tracking's answers, scripted: Assess decides from them and counts how often it asked.
final class ScriptedTracking: RegistrationTracking, @unchecked Sendable {
    var asked: [Category] = []

    func decideRequirement(category: Category, history: RegistrationHistory) -> RequirementDecision {
        asked.append(category)
        let required = [.subject, .mixed].contains(category)
        return RequirementDecision(requirement: required ? .required : .notRequired, referenceDay: Day(iso: "2021-07-24")!,
                                   reason: required ? "政策实施时为营利性学科类机构" : "不属于须重新登记的学科类机构")
    }

    func status(of history: RegistrationHistory, requirement: Requirement, currentCategory: Category, asOf: Day) -> TrackedStatus {
        TrackedStatus(status: requirement.isRequired ? .notStarted : .notRequired, completedOn: nil, overdue: false, daysOverdue: 0,
                      formerRegistrationActive: false, reason: "尚未申请")
    }
}

@Suite("Assess: one institution's month, from what the other stages read")
struct AssessorTests {
    let history = RegistrationHistory(registrations: [TrackedRegistration(
        registry: .marketRegulation, creditCode: "91150802MA0N2XKQ5U", creditCodeValid: true, otherNumber: nil,
        name: "巴彦淖尔市临河区智远教育科技有限公司", nameKey: "智远教育科技有限公司", form: .enterprise, establishedOn: nil,
        sightings: [], business: [], firstSeenBatch: "2021-09", lastSeenBatch: "2021-11")],
        firstSeenBatch: "2021-09", lastSeenBatch: "2021-11", firstSeenOn: Day(iso: "2021-09-30")!)

    func classification(_ category: Category, _ department: Department?) -> Classification {
        Classification(category: category, department: department, stages: [], flags: [], evidence: [],
                       reviewReason: category == .undetermined ? "类别待定" : nil, decidingRecords: [])
    }

    func month(_ classification: Classification?, requirement: RequirementDecision?, basis: Category?, decided: Category? = nil)
        -> InstitutionMonth {
        InstitutionMonth(
            id: InstitutionID(sequence: 12), records: [], classification: classification, history: history,
            requirement: requirement, requirementCategory: basis, previous: nil, decidedCategory: decided,
            ambiguousLink: false, knownCodes: ["91150802MA0N2XKQ5U"], knownCounty: .linhe)
    }

    @Test func anUndeterminedInstitutionsRequirementIsSettledWhenItsCategoryBecomesClear() {
        let tracking = ScriptedTracking()
        let assessor = Assessor(tracking: tracking, asOf: Day(iso: "2021-11-30")!)
        let first = assessor.assess(month(classification(.undetermined, nil), requirement: nil, basis: nil))
        #expect(!first.line.line.reregistrationRequired && first.requirementChanged && first.categoryReview != nil)
        let clear = assessor.assess(month(classification(.subject, .education), requirement: first.requirement,
                                          basis: first.requirementCategory))
        #expect(clear.line.line.reregistrationRequired && clear.requirementChanged && clear.requirementCategory == .subject)
        // Once settled, a later change of course does not re-decide it.
        let later = assessor.assess(month(classification(.nonSubject, .cultureTourism), requirement: clear.requirement,
                                          basis: clear.requirementCategory))
        #expect(later.line.line.reregistrationRequired && !later.requirementChanged)
        #expect(tracking.asked == [.undetermined, .subject])
    }

    @Test func oneDepartmentRule() {
        let assessor = Assessor(tracking: ScriptedTracking(), asOf: Day(iso: "2021-11-30")!)
        let decision = RequirementDecision(requirement: .required, referenceDay: Day(iso: "2021-07-24")!, reason: "")
        func department(_ classified: Classification?, decided: Category? = nil) -> Department? {
            assessor.assess(month(classified, requirement: decision, basis: .subject, decided: decided)).line.line.department
        }
        #expect(department(classification(.mixed, .sports)) == .education)
        #expect(department(classification(.outOfScope, nil)) == nil)
        #expect(department(classification(.nonSubject, .sports)) == .sports)
        // A clerk who calls it non-subject leaves the classifier's department, never education.
        #expect(department(classification(.subject, .education), decided: .nonSubject) == nil)
        #expect(department(classification(.undetermined, .sports), decided: .undetermined) == nil)
        #expect(department(classification(.undetermined, .sports)) == .sports)
    }

    @Test func theLineShowsTheRegistrationsNameAndFallsBackOnTheKnownCounty() {
        let assessor = Assessor(tracking: ScriptedTracking(), asOf: Day(iso: "2021-11-30")!)
        let line = assessor.assess(month(nil, requirement: nil, basis: nil)).line.line
        #expect(line.name == "巴彦淖尔市临河区智远教育科技有限公司" && line.creditCode == "91150802MA0N2XKQ5U")
        #expect(line.countyCode == "150802" && line.formerCreditCodes.isEmpty && line.category == .undetermined)
    }
}
