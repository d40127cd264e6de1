import Foundation
import Linkage
import RegistryModel
import Tracking

/// What the pipeline remembers of one institution from month to month; the ledger keeps it
/// as JSON (`institution_state`), written by `jsonText` and read by `decode`.
struct InstitutionMemory {
    var profile: InstitutionProfile
    var history: RegistrationHistory
    /// Fixed when the institution is first seen (contract: `reregistration_required`).
    var requirement: RequirementDecision?
    /// The category the requirement was decided on.
    var requirementCategory: Category?

    /// Two institutions found to be one: profiles and histories joined; a requirement is
    /// kept from whichever side was a subject or mixed institution when first seen.
    func merged(with other: InstitutionMemory, profile: InstitutionProfile) -> InstitutionMemory {
        let sides = [self, other].filter { $0.requirementCategory != nil }
        let category = sides.first { $0.requirementCategory?.isSubjectOrMixed == true }?.requirementCategory
            ?? sides.first?.requirementCategory
        return InstitutionMemory(profile: profile, history: history.merged(with: other.history), requirement: nil,
                                 requirementCategory: category)
    }

    /// Written by hand (see `InstitutionProfile.jsonObject`); read back through `JSONValue`.
    var jsonText: String {
        var object = JSONText.Object()
        object.add("profile", object: profile.jsonObject)
        object.add("history", object: history.jsonObject)
        if let requirement { object.add("requirement", object: requirement.jsonObject) }
        object.addIfPresent("requirementCategory", requirementCategory?.rawValue)
        return object.close()
    }

    static func decode(_ text: String) throws -> InstitutionMemory {
        let json = try JSONValue.parse(text)
        return InstitutionMemory(
            profile: try InstitutionProfile(json: try json.required("profile")),
            history: try RegistrationHistory(json: try json.required("history")),
            requirement: try json["requirement"].flatMap { $0 == .null ? nil : try RequirementDecision(json: $0) },
            requirementCategory: try json.optional("requirementCategory", as: Category.self))
    }
}
