import Foundation
import RegistryModel
import Support
import Testing
import Tracking

@Suite("Status words of the market-regulation registry")
struct MarketWordTests {
    /// Every word of domain.md's market-regulation list, with its place in the precedence
    /// for a required institution with no civil-affairs registration or application.
    @Test(arguments: [
        ("存续", ReregistrationStatus.notStarted), ("在业", .notStarted), ("存续（在营、开业、在册）", .notStarted),
        ("存续(在营、开业、在册)", .notStarted), ("开业", .notStarted), ("在营", .notStarted), ("在册", .notStarted),
        ("停业", .notStarted), ("清算", .notStarted),
        ("吊销", .exited), ("吊销，未注销", .exited), ("吊销,未注销", .exited), ("注销", .exited), ("迁出", .exited),
        ("撤销", .exited),
    ])
    func word(_ word: String, expected: ReregistrationStatus) {
        var november = Batch("2021-11")
        november.enterprise(status: "存续")
        var january = Batch("2022-01")
        january.enterprise(status: word)
        let result = required(history([november, january]), asOf: january.asOf)
        #expect(result.status == expected)
        #expect(result.overdue == (expected == .notStarted))
        #expect(result.daysOverdue == (expected == .notStarted ? 31 : 0))
        #expect(result.completedOn == nil)
        #expect(!result.formerRegistrationActive)
        #expect(result.reason.contains(word.replacingOccurrences(of: "(", with: "（").replacingOccurrences(of: ")", with: "）"))
                || result.reason.contains(word))
    }

    @Test("停业 and 清算 end nothing: the reason says so and the institution is overdue", arguments: ["停业", "清算"])
    func pausedIsNotExit(_ word: String) {
        var december = Batch("2021-12")
        december.enterprise(status: word)
        let result = required(history([december]), asOf: day("2022-01-31"))
        #expect(result.status == .notStarted)
        #expect(result.overdue && result.daysOverdue == 31)
        #expect(result.reason.contains("停业、清算不终止登记"))
    }
}

@Suite("Status words of the civil-affairs registry")
struct CivilWordTests {
    /// A 民办非企业单位 snapshot row beside an active enterprise.
    @Test(arguments: [
        ("正常", ReregistrationStatus.completed), ("受理中", .inProgress), ("审查中", .inProgress),
        ("注销", .exited), ("已注销", .exited), ("撤销", .exited),
    ])
    func snapshotWord(_ word: String, expected: ReregistrationStatus) {
        var december = Batch("2021-12")
        december.enterprise(status: "存续")
        december.nonprofit(status: word, registered: expected == .inProgress ? nil : "2021-11-20")
        let result = required(history([december]), asOf: december.asOf)
        #expect(result.status == expected)
        #expect(result.completedOn == (expected == .completed ? day("2021-11-20") : nil))
        #expect(result.formerRegistrationActive == (expected == .completed))
        #expect(!result.overdue)
    }

    /// Each 业务类型 of a business list, after an application in an earlier month.
    @Test(arguments: [
        ("成立登记", "正常", ReregistrationStatus.completed, "2021-12-08" as String?),
        ("受理", "审查中", .inProgress, nil),
        ("注销登记", "注销", .exited, nil),
    ])
    func businessType(_ type: String, status: String, expected: ReregistrationStatus, completedOn: String?) {
        var november = Batch("2021-11")
        november.enterprise()
        november.business("受理", completed: "2021-11-15", status: "受理中", code: nil)
        var december = Batch("2021-12")
        december.enterprise()
        december.business(type, completed: "2021-12-08", status: status, code: type == "受理" ? nil : nonprofitCode)
        let result = required(history([november, december]), asOf: december.asOf)
        #expect(result.status == expected)
        #expect(result.completedOn == completedOn.map(day))
    }

    @Test("变更登记 changes no status; an unknown 业务类型 is kept, reported and ignored")
    func changeAndUnknownBusiness() {
        var november = Batch("2021-11")
        november.enterprise()
        november.business("成立登记", completed: "2021-11-02", status: "正常")
        var december = Batch("2021-12")
        december.business("变更登记", completed: "2021-12-10", status: "正常")
        december.business("年检", completed: "2021-12-12", status: nil)
        let result = required(history([november, december]), asOf: december.asOf)
        #expect(result.status == .completed)
        #expect(result.completedOn == day("2021-11-02"))
        #expect(result.reason.contains("年检"))

        var other = Batch("2021-12")
        other.enterprise()
        other.business("年检", completed: "2021-12-12", status: nil, code: nil, name: "临河区某培训学校")
        let unknown = required(history([other]), asOf: other.asOf)
        #expect(unknown.status == .notStarted)
        #expect(unknown.reason.contains("业务类型“年检”"))
    }

    @Test("a 社会团体 registered by civil affairs is not a re-registration")
    func socialGroupIsNotCompletion() {
        var december = Batch("2021-12")
        december.enterprise()
        december.nonprofit(status: "正常", code: creditCode("51150802MJ0Y5E7C"), name: "临河区智远教育研究会",
                           registered: "2021-11-20", type: "社会团体", former: nil)
        #expect(required(history([december]), asOf: december.asOf).status == .notStarted)
    }

    @Test("an unknown status word keeps the last known state and is reported", arguments: [
        ("存续", ReregistrationStatus.notStarted), ("注销", .exited),
    ])
    func unknownWordKeepsState(_ before: String, expected: ReregistrationStatus) {
        var november = Batch("2021-11")
        november.enterprise(status: before)
        var december = Batch("2021-12")
        december.enterprise(status: "歇业待查")
        let result = required(history([november, december]), asOf: december.asOf)
        #expect(result.status == expected)
        #expect(result.reason.contains("歇业待查"))
        #expect(result.reason.contains("沿用"))
    }
}

@Suite("The contract's precedence")
struct PrecedenceTests {
    enum Setup: String, CaseIterable, Sendable {
        case nonprofitAndCancelledEnterprise, nonprofitAndActiveEnterprise, nonprofitAndSuspendedEnterprise
        case applicationAndCancelledEnterprise, applicationAndActiveEnterprise, cancelledNonprofitAndApplication
        case nothing
    }

    @Test(arguments: [
        (Setup.nonprofitAndCancelledEnterprise, ReregistrationStatus.completed, false),
        (.nonprofitAndActiveEnterprise, .completed, true),
        (.nonprofitAndSuspendedEnterprise, .completed, true),
        (.applicationAndCancelledEnterprise, .exited, false),
        (.applicationAndActiveEnterprise, .inProgress, false),
        (.cancelledNonprofitAndApplication, .exited, false),
        (.nothing, .notStarted, false),
    ])
    func precedence(_ setup: Setup, expected: ReregistrationStatus, formerActive: Bool) {
        var batch = Batch("2021-12")
        switch setup {
        case .nonprofitAndCancelledEnterprise: batch.enterprise(status: "注销"); batch.nonprofit()
        case .nonprofitAndActiveEnterprise: batch.enterprise(status: "在业"); batch.nonprofit()
        case .nonprofitAndSuspendedEnterprise: batch.enterprise(status: "停业"); batch.nonprofit()
        case .applicationAndCancelledEnterprise:
            batch.enterprise(status: "注销"); batch.business("受理", completed: "2021-12-03", status: "受理中", code: nil)
        case .applicationAndActiveEnterprise:
            batch.enterprise(status: "存续"); batch.business("受理", completed: "2021-12-03", status: "受理中", code: nil)
        case .cancelledNonprofitAndApplication:
            batch.enterprise(status: "存续")
            batch.nonprofit(status: "注销", registered: "2021-09-01")
            batch.business("受理", completed: "2021-12-03", status: "审查中", code: nil, name: "临河区智远文化培训学校")
        case .nothing: batch.enterprise(status: "存续")
        }
        let result = required(history([batch]), asOf: batch.asOf)
        #expect(result.status == expected)
        #expect(result.formerRegistrationActive == formerActive)
        #expect(result.flags == (formerActive ? [.formerRegistrationActive] : []))
    }

    /// Removing subject training from the scope (the category Classify gives the current
    /// records) is an exit; a category a person must still decide is not.
    @Test(arguments: [
        (RegistryModel.Category.subject, ReregistrationStatus.notStarted), (.mixed, .notStarted),
        (.nonSubject, .exited), (.outOfScope, .exited), (.undetermined, .notStarted),
    ])
    func scopeRemoved(_ category: RegistryModel.Category, expected: ReregistrationStatus) {
        var december = Batch("2021-12")
        december.enterprise(scope: "少儿美术、书法培训")
        let result = required(history([december]), asOf: day("2022-01-31"), category: category)
        #expect(result.status == expected)
        #expect(result.overdue == (expected == .notStarted))
    }

    @Test("a completed registration outranks a category that says non-subject")
    func completedOutranksScope() {
        var december = Batch("2021-12")
        december.enterprise()
        december.nonprofit()
        #expect(required(history([december]), asOf: december.asOf, category: .nonSubject).status == .completed)
    }

    @Test("when two non-profit registrations are 正常, completed_on is the earlier one")
    func earliestRegistration() {
        var december = Batch("2021-12")
        december.nonprofit(registered: "2021-12-01")
        december.nonprofit(code: secondNonprofitCode, name: "临河区智远文化培训学校", registered: "2021-10-09")
        let result = required(history([december]), asOf: december.asOf)
        #expect(result.completedOn == day("2021-10-09"))
    }
}

@Suite("Deadline figures")
struct DeadlineTests {
    @Test(arguments: [
        ("2021-11-30", false, 0), ("2021-12-31", false, 0), ("2022-01-01", true, 1), ("2022-01-31", true, 31),
        ("2022-02-28", true, 59),
    ])
    func overdue(_ asOf: String, overdue: Bool, days: Int) {
        var november = Batch("2021-11")
        november.enterprise()
        november.business("受理", completed: "2021-11-15", status: "受理中", code: nil)
        let history = history([november])
        let inProgress = required(history, asOf: day(asOf))
        #expect(inProgress.status == .inProgress)
        #expect(inProgress.overdue == overdue)
        #expect(inProgress.daysOverdue == days)
        // Completed and exited institutions are never overdue.
        var done = Batch("2021-11")
        done.enterprise(status: "注销")
        let exited = required(tracker.update(nil, with: done.records, batch: "2021-11", asOf: done.asOf), asOf: day(asOf))
        #expect(exited.status == .exited && !exited.overdue && exited.daysOverdue == 0)
    }

    @Test("the deadline is configurable")
    func configurableDeadline() {
        var november = Batch("2021-11")
        november.enterprise()
        let later = Tracker(policyStart: day("2021-07-24"), deadline: day("2022-01-15"))
        let result = later.status(of: history([november]), requirement: .required, currentCategory: .subject, asOf: day("2022-01-31"))
        #expect(result.daysOverdue == 16)
    }

    @Test("institutions that need not re-register carry their requirement's word, never overdue", arguments: [
        (Requirement.alreadyNonprofit, ReregistrationStatus.alreadyNonprofit), (.notRequired, .notRequired),
    ])
    func notRequired(_ requirement: Requirement, expected: ReregistrationStatus) {
        var december = Batch("2021-12")
        december.enterprise()
        let result = tracker.status(of: history([december]), requirement: requirement, currentCategory: .subject, asOf: day("2022-01-31"))
        #expect(result.status == expected)
        #expect(!result.overdue && result.daysOverdue == 0 && result.completedOn == nil && !result.formerRegistrationActive)
    }
}

@Suite("Across months")
struct AcrossMonthsTests {
    @Test("an institution absent from later months keeps its last known state")
    func absence() {
        var november = Batch("2021-11")
        november.enterprise()
        november.business("受理", completed: "2021-11-15", status: "受理中", code: nil)
        let december = Batch("2021-12")   // no records of it
        let january = Batch("2022-01")    // none either
        let result = required(history([november, december, january]), asOf: january.asOf)
        #expect(result.status == .inProgress)
        #expect(result.overdue && result.daysOverdue == 31)
    }

    @Test("a month without the civil-affairs registry keeps the completed registration")
    func missingCivilRegistry() {
        var november = Batch("2021-11")
        november.enterprise(status: "存续")
        november.nonprofit(registered: "2021-11-20")
        var december = Batch("2021-12")
        december.enterprise(status: "注销")   // only market regulation this month
        let result = required(history([november, december]), asOf: december.asOf)
        #expect(result.status == .completed)
        #expect(result.completedOn == day("2021-11-20"))
        #expect(!result.formerRegistrationActive)
    }

    @Test("a month without the market-regulation registry keeps the enterprise's end")
    func missingMarketRegistry() {
        var november = Batch("2021-11")
        november.enterprise(status: "吊销，未注销")
        var december = Batch("2021-12")
        december.business("受理", completed: "2021-12-03", status: "受理中", code: nil)
        let history = history([november, december])
        #expect(required(history, asOf: december.asOf).status == .exited)
        // and former_registration_active reads the latest market state it has.
        var january = Batch("2022-01")
        january.nonprofit(registered: "2022-01-10")
        let completed = required(tracker.update(history, with: january.records, batch: "2022-01", asOf: january.asOf), asOf: january.asOf)
        #expect(completed.status == .completed && !completed.formerRegistrationActive)
    }

    @Test("business dated after the as-of date counts only once its day has come")
    func eventAfterAsOf() {
        var december = Batch("2021-12")
        december.enterprise()
        december.business("受理", completed: "2021-12-02", status: "审查中", code: nil)
        december.business("成立登记", completed: "2022-01-05", status: "正常")
        let history = history([december])
        let atDecember = required(history, asOf: december.asOf)
        #expect(atDecember.status == .inProgress)
        #expect(atDecember.completedOn == nil)
        #expect(atDecember.reason.contains("晚于统计日"))
        let atJanuary = required(history, asOf: day("2022-01-31"))  // absent in January: nothing new
        #expect(atJanuary.status == .completed)
        #expect(atJanuary.completedOn == day("2022-01-05"))
    }

    @Test("a snapshot registration dated after the as-of date is not completed yet")
    func snapshotRegistrationAfterAsOf() {
        var december = Batch("2021-12")
        december.enterprise()
        december.nonprofit(status: "正常", registered: "2022-01-04")
        let history = history([december])
        #expect(required(history, asOf: december.asOf).status == .notStarted)
        #expect(required(history, asOf: day("2022-01-31")).status == .completed)
    }

    @Test("a non-profit registration cancelled later: completed, then exited")
    func nonprofitCancelledLater() {
        var october = Batch("2021-10")
        october.enterprise(status: "注销")
        october.nonprofit(registered: "2021-10-15")
        var december = Batch("2021-12")
        december.business("注销登记", completed: "2021-12-20", status: "注销")
        let history = history([october, december])
        let atNovember = required(history, asOf: day("2021-11-30"))
        #expect(atNovember.status == .completed && atNovember.completedOn == day("2021-10-15"))
        let atDecember = required(history, asOf: december.asOf)
        #expect(atDecember.status == .exited)
        #expect(atDecember.completedOn == nil && !atDecember.overdue)
        #expect(atDecember.reason.contains("注销登记 2021-12-20"))
    }

    @Test("a code Excel destroyed, or mistyped, in one month still finds its registration by name", arguments: [
        "9.11508E+17", String(enterpriseCode.dropLast()) + (enterpriseCode.hasSuffix("1") ? "2" : "1"),
    ])
    func damagedCode(_ code: String) {
        var november = Batch("2021-11")
        november.enterprise(status: "存续")
        var december = Batch("2021-12")
        december.enterprise(status: "注销", code: code)
        let history = history([november, december])
        #expect(history.registrations.count == 1)
        #expect(history.registrations[0].creditCode == enterpriseCode)
        #expect(required(history, asOf: december.asOf).status == .exited)
    }

    @Test("an application without a code becomes the registration that follows it")
    func applicationBecomesRegistration() {
        var october = Batch("2021-10")
        october.enterprise()
        october.business("受理", completed: "2021-10-03", status: "受理中", code: nil)
        var november = Batch("2021-11")
        november.business("成立登记", completed: "2021-11-02", status: "正常")
        november.nonprofit(registered: "2021-11-02")
        let history = history([october, november])
        #expect(history.registrations.filter { $0.registry == .civilAffairs }.count == 1)
        #expect(required(history, asOf: day("2021-10-31")).status == .inProgress)
        let result = required(history, asOf: november.asOf)
        #expect(result.status == .completed && result.completedOn == day("2021-11-02"))
        #expect(result.formerRegistrationActive)
    }

    @Test("the same batch applied twice changes nothing, and the history survives JSON")
    func idempotentAndSurvivesTheLedger() throws {
        var november = Batch("2021-11")
        november.enterprise()
        november.business("受理", completed: "2021-11-15", status: "受理中", code: nil)
        november.nonprofit(registered: "2021-11-28")
        let once = history([november])
        let twice = tracker.update(once, with: november.records, batch: november.month, asOf: november.asOf)
        #expect(once == twice)
        let text = once.jsonObject.close()
        #expect(try RegistrationHistory(json: JSONValue.parse(text)) == once)
        #expect(text.contains("\"first_seen_batch\":\"2021-11\""))
    }
}

@Suite("Requirement")
struct RequirementTests {
    enum Registrations: String, CaseIterable, Sendable {
        case enterprise, individualBusiness, nonprofitBeforePolicy, enterpriseAndLaterNonprofit
        case newEnterprise, newNonprofitOnly, applicationOnly
    }

    @Test(arguments: [
        (RegistryModel.Category.subject, Registrations.enterprise, Requirement.required),
        (.mixed, .enterprise, .required),
        (.subject, .individualBusiness, .required),
        (.subject, .nonprofitBeforePolicy, .alreadyNonprofit),
        (.mixed, .nonprofitBeforePolicy, .alreadyNonprofit),
        (.subject, .enterpriseAndLaterNonprofit, .required),
        (.subject, .newEnterprise, .required),
        (.subject, .newNonprofitOnly, .notRequired),
        // An application with no enterprise is no for-profit: the enterprise it replaces, if
        // any, is what must re-register (counted once, not beside its application).
        (.subject, .applicationOnly, .notRequired),
        (.nonSubject, .enterprise, .notRequired),
        (.undetermined, .enterprise, .notRequired),
        (.outOfScope, .enterprise, .notRequired),
        (.nonSubject, .nonprofitBeforePolicy, .notRequired),
    ])
    func requirement(_ category: RegistryModel.Category, _ registrations: Registrations, expected: Requirement) {
        var batch = Batch("2021-10")
        switch registrations {
        case .enterprise: batch.enterprise()
        case .individualBusiness:
            batch.enterprise(code: creditCode("92150802MA0C1D2E"), name: "临河区小明星学前辅导中心", type: "个体工商户",
                             scope: "学龄前儿童拼音、识字、珠心算培训")
        case .nonprofitBeforePolicy: batch.nonprofit(registered: "2015-03-02", former: nil)
        case .enterpriseAndLaterNonprofit: batch.enterprise(); batch.nonprofit(registered: "2021-09-10")
        case .newEnterprise: batch.enterprise(established: "2021-08-20", scope: "普通高中数学、物理学科培训")
        case .newNonprofitOnly: batch.nonprofit(registered: "2021-10-08", former: nil)
        case .applicationOnly: batch.business("受理", completed: "2021-10-03", status: "受理中", code: nil)
        }
        let decision = tracker.decideRequirement(category: category, history: history([batch]))
        #expect(decision.requirement == expected)
        #expect(tracker.requirement(category: category, history: history([batch])) == expected)
        #expect(!decision.reason.isEmpty)
    }
}
