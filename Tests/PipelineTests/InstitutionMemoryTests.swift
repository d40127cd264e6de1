import Linkage
@testable import Pipeline
import RegistryModel
import Support
import Testing
import Tracking

/// The state the ledger keeps is written and read by hand (`JSONText`, `JSONValue`): the two must agree
/// on every key, or next month would silently forget what this month learnt.
struct InstitutionMemoryTests {
    @Test func everyFieldSurvivesTheLedgerRoundTrip() throws {
        let memory = Self.memory(filled: true)
        let read = try HeldMemory.read(memory.jsonText).memory()
        #expect(read.profile == memory.profile)
        #expect(read.history == memory.history)
        #expect(read.requirement == memory.requirement)
        #expect(read.requirementCategory == memory.requirementCategory)
    }

    /// A month holds the stored histories in a spill file until each institution is assessed:
    /// many of them in one file, each must come back as its own.
    @Test func historiesComeBackFromTheSpillFile() throws {
        let memories = [Self.memory(filled: true), Self.memory(filled: false), Self.memory(filled: true)]
        let appender = SpillFile.Appender(to: try SpillFile(in: try temporaryFolder()))
        let held = try memories.map { try HeldMemory.read($0.jsonText).spilling(to: appender) }
        try appender.flush()
        for (memory, held) in zip(memories, held) {
            guard case .spilled = held.history else { Issue.record("the history stayed in memory"); continue }
            #expect(try held.memory().history == memory.history)
        }
    }

    @Test func absentValuesStayAbsent() throws {
        let memory = Self.memory(filled: false)
        let text = memory.jsonText
        let read = try HeldMemory.read(text).memory()
        #expect(read.profile == memory.profile)
        #expect(read.history == memory.history)
        #expect(read.requirement == nil && read.requirementCategory == nil)
        #expect(!text.contains("null"))
    }

    /// Ledgers written before the hand-written JSON hold what `JSONEncoder` wrote (keys sorted,
    /// nil left out): they must still read.
    @Test func readsStatesThatJSONEncoderWrote() throws {
        let stored = #"{"history":{"first_seen_batch":"2021-09","first_seen_on":"2021-09-30","last_seen_batch":"2021-10","#
            + #""registrations":[{"business":[{"batch":"2021-09","completed_on":"2021-09-16","seen_on":"2021-09-30","type":"establishment","word":"成立登记"}],"#
            + #""credit_code":"52150821MJ274431XG","credit_code_valid":true,"established_on":"2021-09-16","first_seen_batch":"2021-09","#
            + #""form":"private_non_enterprise","last_seen_batch":"2021-10","name":"五原县明辰培训学校","name_key":"五原县明辰培训学校","#
            + #""registry":"civil_affairs","sightings":[{"batch":"2021-09","on":"2021-09-16","status":"normal","word":"正常"}]}]},"#
            + #""profile":{"addresses":["隆兴昌镇新华街257号"],"civilRegisteredOn":"2021-09-16","cores":["明辰"],"counties":["150821"],"#
            + #""creditCodes":["52150821MJ274431XG"],"formerCreditCodes":[],"hasCivil":true,"hasEnterprise":false,"id":"BYN-00000001","#
            + #""legalRepresentatives":["谭博"],"nameCounties":["五原县明辰培训学校|150821"],"otherNumbers":[]},"#
            + #""requirement":{"reason":"已是民办非企业单位","referenceDay":"2021-07-24","requirement":"already_nonprofit"},"#
            + #""requirementCategory":"subject"}"#
        let memory = try HeldMemory.read(stored).memory()
        #expect(memory.profile.id == InstitutionID(sequence: 1))
        #expect(memory.profile.counties == [.wuyuan] && memory.profile.otherCounties == nil && memory.profile.enterpriseTeaching == nil)
        #expect(memory.history.registrations.first?.business.first?.completedOn == Day(year: 2021, month: 9, day: 16))
        #expect(memory.requirement?.requirement == .alreadyNonprofit && memory.requirementCategory == .subject)
        #expect(try HeldMemory.read(memory.jsonText).memory().history == memory.history)
    }

    /// Profiles stored before what a scope teaches was read say only whether the enterprise trains.
    @Test func readsWhetherAnOldProfilesEnterpriseTrains() throws {
        for (stored, teaching) in [("true", ScopeTeaching.unstated), ("false", ScopeTeaching.none)] {
            let json = try JSONValue.parse(#"{"id":"BYN-00000007","counties":["150802"],"hasEnterprise":true,"hasCivil":false,"scopeTrains":"#
                + stored + "}")
            let profile = try InstitutionProfile(json: json)
            #expect(profile.enterpriseTeaching == teaching && profile.civilTeaching == nil)
        }
    }

    /// A property added to the state but not to this fixture would go untested, and one missing
    /// from `jsonText` or `init(json:)` would be forgotten between months: every stored
    /// property of the filled fixture must hold a value.
    @Test func theFilledFixtureLeavesNoPropertyEmpty() {
        let memory = Self.memory(filled: true)
        // A profile keeps its facts behind a reference, copied on write: reflected through it.
        let profileFacts = Mirror(reflecting: Mirror(reflecting: memory.profile).descendant("storage")!).descendant("facts")!
        let parts: [(String, Any)] = [("profile", profileFacts), ("history", memory.history),
                                      ("registration", memory.history.registrations[0]),
                                      ("sighting", memory.history.registrations[0].sightings[0]),
                                      ("event", memory.history.registrations[0].business[0]), ("requirement", memory.requirement!)]
        for (part, value) in parts {
            for child in Mirror(reflecting: value).children {
                let mirror = Mirror(reflecting: child.value)
                let empty = (mirror.displayStyle == .optional || mirror.displayStyle == .collection) && mirror.children.isEmpty
                #expect(!empty, "\(part).\(child.label ?? "?") is empty: fill it here, and check jsonText and init(json:)")
            }
        }
    }

    static func memory(filled: Bool) -> InstitutionMemory {
        let day = Day(year: 2021, month: 9, day: 30)!
        var profile = InstitutionProfile(id: InstitutionID(sequence: 123))
        if filled {
            profile.creditCodes = ["91150802MA0Q1234X5", "52150802MJ0012345A"]
            profile.formerCreditCodes = ["91150802MA0Q1234X5"]
            profile.otherNumbers = ["org:MA0Q1234X", "reg:150802000012345"]
            profile.nameCounties = ["智远教育科技|150802"]
            profile.cores = ["智远"]
            profile.counties = [.linhe, .wuyuan]
            profile.otherCounties = [.dengkou]
            profile.legalRepresentatives = ["王 \"小\" 明\\"]
            profile.addresses = ["临河区新华街12号\n2楼"]
            profile.enterpriseTeaching = ScopeTeaching.none
            profile.civilTeaching = .subject
            profile.hasEnterprise = true
            profile.hasCivil = true
            profile.civilRegisteredOn = day
            profile.enterpriseEstablishedOn = Day(year: 2018, month: 3, day: 1)
        }
        let registration = TrackedRegistration(
            registry: filled ? .civilAffairs : .marketRegulation, creditCode: filled ? "52150802MJ0012345A" : nil,
            creditCodeValid: filled, otherNumber: filled ? "民证字第0012号" : nil, name: filled ? "临河区智远培训学校" : nil,
            nameKey: filled ? "智远培训学校" : nil, form: filled ? .privateNonEnterprise : nil,
            establishedOn: filled ? day : nil,
            sightings: [StatusSighting(on: day, batch: "2021-09", word: "成立登记", status: filled ? "registered" : nil)],
            business: filled ? [BusinessEvent(type: "成立登记", word: "办结", completedOn: day, seenOn: day, batch: "2021-09")] : [],
            firstSeenBatch: "2021-09", lastSeenBatch: "2021-10")
        let history = RegistrationHistory(registrations: [registration], firstSeenBatch: "2021-09", lastSeenBatch: "2021-10",
                                          firstSeenOn: day)
        return InstitutionMemory(
            profile: profile, history: history,
            requirement: filled ? RequirementDecision(requirement: .required, referenceDay: day, reason: "学科类，营利性") : nil,
            requirementCategory: filled ? .subject : nil)
    }
}
