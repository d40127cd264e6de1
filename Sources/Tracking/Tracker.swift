import RegistryModel

/// The tracking stage: keeps each institution's registrations across monthly batches and
/// derives its re-registration status as of a batch date, by `contract.md`'s rules.
public struct Tracker: Sendable {
    /// The day the policy took effect (2021-07-24): requirement is fixed by what the
    /// institution was then (or when first seen, if later).
    public let policyStart: Day
    /// The re-registration deadline (2021-12-31 unless configured otherwise).
    public let deadline: Day

    public static let standardPolicyStart = Day(year: 2021, month: 7, day: 24)!
    public static let standardDeadline = Day(year: 2021, month: 12, day: 31)!

    public init(policyStart: Day = Tracker.standardPolicyStart, deadline: Day = Tracker.standardDeadline) {
        self.policyStart = policyStart
        self.deadline = deadline
    }

    // MARK: Remembering a batch

    /// Adds one batch's records of one institution to its history. Snapshot records replace
    /// what is known of their registration (name, type, date, current status word); business
    /// lists add dated events. Registrations this batch does not mention keep their state.
    /// Applying the same batch twice gives the same history.
    public func update(
        _ history: RegistrationHistory?, with records: [SourceRecord], batch: String, asOf: Day
    ) -> RegistrationHistory {
        var result = history ?? RegistrationHistory(
            registrations: [], firstSeenBatch: batch, lastSeenBatch: batch, firstSeenOn: asOf)
        guard !records.isEmpty else { return result }
        if batch < result.firstSeenBatch {
            result.firstSeenBatch = batch
            result.firstSeenOn = asOf
        }
        if batch > result.lastSeenBatch { result.lastSeenBatch = batch }
        // Snapshots first, so that a business row finds the registration its snapshot row made.
        let ordered = records.sorted {
            ($0.layout == .snapshot ? 0 : 1, $0.ref) < ($1.layout == .snapshot ? 0 : 1, $1.ref)
        }
        for record in ordered {
            let facts = RecordFacts(record)
            let index: Int
            if let found = Self.match(facts, in: result.registrations) {
                index = found
            } else {
                result.registrations.append(TrackedRegistration(
                    registry: record.kind, creditCode: nil, creditCodeValid: false, otherNumber: nil, name: nil,
                    nameKey: nil, form: nil, establishedOn: nil, sightings: [], business: [],
                    firstSeenBatch: batch, lastSeenBatch: batch))
                index = result.registrations.count - 1
            }
            Self.apply(facts, record: record, to: &result.registrations[index], batch: batch, asOf: asOf)
        }
        return result
    }

    /// What one record says about the registration it belongs to.
    struct RecordFacts {
        let registry: SourceKind
        /// The cleaned code, when it has the length of one and Excel did not destroy it.
        let code: String?
        let codeValid: Bool
        let otherNumber: String?
        let nameKey: String?

        init(_ record: SourceRecord) {
            registry = record.kind
            if let reading = record.creditCode, !reading.isExcelMangled, reading.code.utf8.count == 18 {
                code = reading.code
                codeValid = reading.isValid
            } else {
                code = nil
                codeValid = false
            }
            otherNumber = record.registrationNumber ?? record.certificateNumber ?? record.organizationCode
            nameKey = record.nameKeys?.full
        }
    }

    /// The registration a record belongs to: the same code in the same registry; else, for a
    /// valid code, a registration of the same name that has no valid code yet (an application,
    /// a mistyped or Excel-mangled code in an earlier month); else, for a record without a
    /// usable code, the same 注册号/登记证号 or the same name.
    static func match(_ facts: RecordFacts, in registrations: [TrackedRegistration]) -> Int? {
        let candidates = registrations.indices.filter { registrations[$0].registry == facts.registry }
        if let code = facts.code, let index = candidates.first(where: { registrations[$0].creditCode == code }) {
            return index
        }
        if facts.codeValid {
            guard let key = facts.nameKey else { return nil }
            return candidates.first { !registrations[$0].creditCodeValid && registrations[$0].nameKey == key }
        }
        if let number = facts.otherNumber, let index = candidates.first(where: { registrations[$0].otherNumber == number }) {
            return index
        }
        guard let key = facts.nameKey else { return nil }
        return candidates.first { registrations[$0].nameKey == key }
    }

    static func apply(_ facts: RecordFacts, record: SourceRecord, to registration: inout TrackedRegistration, batch: String, asOf: Day) {
        if batch > registration.lastSeenBatch { registration.lastSeenBatch = batch }
        if batch < registration.firstSeenBatch { registration.firstSeenBatch = batch }
        if let code = facts.code, facts.codeValid || registration.creditCode == nil {
            registration.creditCode = code
            registration.creditCodeValid = facts.codeValid
        }
        if registration.otherNumber == nil { registration.otherNumber = facts.otherNumber }
        if let name = record.name {
            registration.name = name
            registration.nameKey = facts.nameKey
        }
        if let form = record.organizationType?.form {
            registration.form = form
        } else if registration.form == nil, let category = record.creditCode?.category {
            registration.form = Self.form(of: category)
        }
        let isSnapshot = record.layout == .snapshot
        if isSnapshot, let day = record.establishedOn?.day { registration.establishedOn = day }

        var eventDay: Day? = nil
        if !isSnapshot, let type = record.businessType {
            let kind = BusinessKind(type)
            let word: String = if case .unknown(let text) = type { text } else { kind.chinese }
            let event = BusinessEvent(
                type: kind.rawValue, word: word, completedOn: record.completedOn?.day, seenOn: asOf, batch: batch)
            eventDay = event.day
            let same = registration.business.contains {
                $0.type == event.type && $0.word == event.word && $0.completedOn == event.completedOn
                    && ($0.completedOn != nil || $0.batch == event.batch)
            }
            if !same {
                registration.business.append(event)
                registration.business.sort { ($0.day, $0.batch) < ($1.day, $1.batch) }
            }
        }

        if let status = record.status {
            let word: String = switch status {
            case .unknown(let text): text
            default: Self.compact(record.exportedStatus) ?? status.canonical ?? ""
            }
            // A snapshot describes the registry on the as-of date; a business row the state
            // once its business was done.
            let sighting = StatusSighting(
                on: isSnapshot ? asOf : (eventDay ?? asOf), batch: batch, word: word, status: status.canonical)
            insert(sighting, into: &registration.sightings)
        }
    }

    /// Inserts in date order, unless the sighting before it already says the same word; an
    /// identical word just after it is dropped.
    static func insert(_ sighting: StatusSighting, into sightings: inout [StatusSighting]) {
        let position = sightings.firstIndex { $0.on > sighting.on } ?? sightings.count
        if position > 0 {
            let before = sightings[position - 1]
            if before.word == sighting.word && before.status == sighting.status { return }
        }
        // A later sighting of the same word says nothing new once this earlier one is known.
        if position < sightings.count, sightings[position].word == sighting.word, sightings[position].status == sighting.status {
            sightings.remove(at: position)
        }
        sightings.insert(sighting, at: position)
    }

    static func compact(_ text: String?) -> String? {
        guard let text else { return nil }
        let kept = text.unicodeScalars.filter { !$0.properties.isWhitespace && $0 != "\u{FEFF}" }
        let result = String(String.UnicodeScalarView(kept))
        return result.isEmpty ? nil : result
    }

    static func form(of category: CreditCodeCategory) -> OrganizationForm? {
        switch category {
        case .privateNonEnterprise: .privateNonEnterprise
        case .socialGroup: .socialGroup
        case .foundation: .foundation
        case .enterprise: .enterprise
        case .individualBusiness: .individualBusiness
        case .farmersCooperative: .farmersCooperative
        case .publicInstitution: .publicInstitution
        case .institution: nil
        }
    }
}
