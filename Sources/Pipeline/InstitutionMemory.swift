import Foundation
import Linkage
import RegistryModel
import Support
import Tracking

/// What the pipeline remembers of one institution from month to month; the ledger keeps it
/// as JSON (`institution_state`), written by `jsonText`. A month reads it as a `HeldMemory`
/// and makes it whole when the institution is assessed.
struct InstitutionMemory {
    var profile: InstitutionProfile
    var history: RegistrationHistory
    /// Fixed when the institution is first seen (contract: `reregistration_required`).
    var requirement: RequirementDecision?
    /// The category the requirement was decided on.
    var requirementCategory: Category?

    /// Written by hand (see `InstitutionProfile.jsonObject`); read back through `JSONValue`.
    var jsonText: String {
        var object = JSONText.Object()
        object.add("profile", object: profile.jsonObject)
        object.add("history", object: history.jsonObject)
        if let requirement { object.add("requirement", object: requirement.jsonObject) }
        object.addIfPresent("requirementCategory", requirementCategory?.rawValue)
        return object.close()
    }
}

/// An institution's memory as the month holds it from reading the ledger until the
/// institution is assessed: the profile decoded, because linkage compares every one, and the
/// history as the ledger stored it, decoded (and given this month's records) only in the
/// institution's chunk. Half a million decoded histories were the largest thing a month held
/// before linkage, and this month's histories, built for every institution up front, the
/// largest after it.
struct HeldMemory {
    var profile: InstitutionProfile
    var history: History
    var requirement: RequirementDecision?
    var requirementCategory: Category?

    enum History {
        /// As the ledger stored it (JSON), in memory: what `read` gives, until the month moves
        /// it into its spill file (`spilling(to:)`).
        case stored(String)
        /// As the ledger stored it, in the month's spill file: where a month holds it between
        /// reading the ledger and assessing the institution (about 0.35 GB of JSON for half a
        /// million institutions).
        case spilled(SpillFile, Range<Int>)
        /// Made this month, by a merge. Boxed: few memories are, and in place it made every
        /// memory 16 bytes larger.
        indirect case merged(RegistrationHistory)
        /// An institution first seen this month.
        case none
    }

    static func read(_ text: String) throws -> HeldMemory {
        let (json, history) = try JSONValue.parse(text, leavingUnparsed: "history")
        guard let history else { throw JSONValue.ParseError(offset: 0, reason: "缺少“history”") }
        return HeldMemory(
            profile: try InstitutionProfile(json: try json.required("profile")),
            history: .stored(history),
            requirement: try json["requirement"].flatMap { $0 == .null ? nil : try RequirementDecision(json: $0) },
            requirementCategory: try json.optional("requirementCategory", as: Category.self))
    }

    /// The memory with its requirement's reason taken from `reasons` when the same bytes are
    /// there (and left there when not).
    func sharingReason(in reasons: inout TextPool) -> HeldMemory {
        guard let requirement else { return self }
        var shared = self
        shared.requirement = RequirementDecision(
            requirement: requirement.requirement, referenceDay: requirement.referenceDay, reason: reasons.shared(requirement.reason))
        return shared
    }

    /// A stored history moved into the spill file, to be read back when the institution is
    /// assessed; other histories stay as they are.
    func spilling(to appender: SpillFile.Appender) -> HeldMemory {
        guard case .stored(let text) = history else { return self }
        var spilled = self
        spilled.history = .spilled(appender.file, appender.append(text.utf8))
        return spilled
    }

    /// A newly seen institution, before its records are added.
    init(profile: InstitutionProfile) {
        self.init(profile: profile, history: .none, requirement: nil, requirementCategory: nil)
    }

    private init(profile: InstitutionProfile, history: History, requirement: RequirementDecision?, requirementCategory: Category?) {
        self.profile = profile
        self.history = history
        self.requirement = requirement
        self.requirementCategory = requirementCategory
    }

    /// Two institutions found to be one: profiles and histories joined; a requirement is
    /// kept from whichever side was a subject or mixed institution when first seen.
    /// `kept` is nil when the survivor had no memory of its own yet.
    static func merging(_ lost: HeldMemory, into kept: HeldMemory?, profile: InstitutionProfile?) throws -> HeldMemory {
        let kept = kept ?? HeldMemory(profile: lost.profile, history: lost.history, requirement: nil, requirementCategory: nil)
        let sides = [kept, lost].filter { $0.requirementCategory != nil }
        let category = sides.first { $0.requirementCategory?.isSubjectOrMixed == true }?.requirementCategory
            ?? sides.first?.requirementCategory
        let history: RegistrationHistory? = switch (try kept.decodedHistory(), try lost.decodedHistory()) {
        case (let kept?, let lost?): kept.merged(with: lost)
        case (let one, let other): one ?? other
        }
        return HeldMemory(profile: profile ?? kept.profile, history: history.map(History.merged) ?? .none, requirement: nil,
                          requirementCategory: category)
    }

    /// The whole memory, its history as held.
    func memory() throws -> InstitutionMemory {
        guard let history = try decodedHistory() else {
            // Linkage makes new institutions only around records, which `memory(adding:)` adds.
            preconditionFailure("\(profile.id) is remembered with neither a history nor records")
        }
        return InstitutionMemory(profile: profile, history: history, requirement: requirement,
                                 requirementCategory: requirementCategory)
    }

    /// The whole memory, with this month's records added to the history.
    func memory(adding records: [SourceRecord], tracker: Tracker, batch: String, asOf: Day) throws -> InstitutionMemory {
        guard !records.isEmpty else { return try memory() }
        return InstitutionMemory(profile: profile, history: tracker.update(try decodedHistory(), with: records, batch: batch, asOf: asOf),
                                 requirement: requirement, requirementCategory: requirementCategory)
    }

    private func decodedHistory() throws -> RegistrationHistory? {
        switch history {
        case .stored(let text): try RegistrationHistory(json: try JSONValue.parse(text))
        case .spilled(let file, let range): try RegistrationHistory(json: try JSONValue.parse(try file.text(range)))
        case .merged(let history): history
        case .none: nil
        }
    }
}
