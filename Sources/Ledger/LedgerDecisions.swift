import Foundation
import GRDB
import RegistryModel

/// A clerk's decision, as stored.
public struct DecisionRow: Sendable, Hashable {
    public enum Kind: String, Sendable {
        case same, different, category
    }

    public var id: Int64?
    public var kind: Kind
    public var institution: InstitutionID
    public var other: InstitutionID?
    public var category: Category?
    public var note: String
    public var revoked: Bool

    public init(id: Int64? = nil, kind: Kind, institution: InstitutionID, other: InstitutionID? = nil,
                category: Category? = nil, note: String = "", revoked: Bool = false) {
        self.id = id
        self.kind = kind
        self.institution = institution
        self.other = other
        self.category = category
        self.note = note
        self.revoked = revoked
    }
}

/// A clerk's `revoke` line: the active decisions of these kinds about these ids are withdrawn.
public struct Revocation: Sendable {
    public var kinds: [DecisionRow.Kind]
    public var institution: InstitutionID
    public var other: InstitutionID?
    /// Where the clerk wrote it (`第 3 行`), for the sentence that refuses it.
    public var line: String

    public init(kinds: [DecisionRow.Kind], institution: InstitutionID, other: InstitutionID?, line: String) {
        self.kinds = kinds
        self.institution = institution
        self.other = other
        self.line = line
    }
}

extension Ledger {
    /// The clerk's decisions, oldest first; revoked ones only when asked for.
    public func decisions(includingRevoked: Bool = false) throws -> [DecisionRow] {
        try database.read { db in
            try Row.fetchAll(db, sql: "SELECT * FROM decision \(includingRevoked ? "" : "WHERE revoked = 0") ORDER BY id")
                .map(Self.decisionRow)
        }
    }

    /// Whether an id was ever minted in this ledger.
    public func knows(_ id: InstitutionID) throws -> Bool {
        try database.read { try Bool.fetchOne($0, sql: "SELECT 1 FROM institution WHERE id = ?", arguments: [id.rawValue]) ?? false }
    }

    /// Adds decisions (all or none); each applies from the next batch until revoked.
    public func add(_ decisions: [DecisionRow]) throws {
        _ = try record(decisions, revoking: [])
    }

    /// Records a decisions file in one transaction: each revocation withdraws the active
    /// decisions of its kinds about its ids, then the new decisions are added. A revocation that
    /// finds nothing to withdraw undoes the whole file (`LedgerError.nothingToRevoke`). Returns
    /// how many decisions were withdrawn.
    public func record(_ decisions: [DecisionRow], revoking revocations: [Revocation]) throws -> Int {
        try database.write { db in
            var revoked = 0
            for (index, revocation) in revocations.enumerated() {
                var count = 0
                for kind in revocation.kinds {
                    count += try Self.revoke(kind: kind, institution: revocation.institution, other: revocation.other, in: db)
                }
                guard count > 0 else { throw LedgerError.nothingToRevoke(index: index) }
                revoked += count
            }
            for decision in decisions { try Self.insert(decision, in: db) }
            return revoked
        }
    }

    private static func insert(_ decision: DecisionRow, in db: Database) throws {
        try db.execute(
            sql: "INSERT INTO decision (kind, institution_id, other_institution_id, category, note, revoked) VALUES (?, ?, ?, ?, ?, ?)",
            arguments: [decision.kind.rawValue, decision.institution.rawValue, decision.other?.rawValue,
                        decision.category?.rawValue, decision.note, decision.revoked])
    }

    /// Revokes the active decisions about these ids of this kind; returns how many.
    private static func revoke(kind: DecisionRow.Kind, institution: InstitutionID, other: InstitutionID?, in db: Database) throws -> Int {
        try db.execute(sql: """
            UPDATE decision SET revoked = 1
            WHERE revoked = 0 AND kind = ?
              AND ((institution_id = ? AND coalesce(other_institution_id, '') = ?)
                OR (institution_id = ? AND coalesce(other_institution_id, '') = ?))
            """, arguments: [kind.rawValue, institution.rawValue, other?.rawValue ?? "",
                             other?.rawValue ?? "", institution.rawValue])
        return db.changesCount
    }
}

/// Everything the ledger holds about one institution, for a clerk on the phone.
public struct InstitutionHistory: Sendable {
    public var id: InstitutionID
    public var firstSeen: String
    public var retiredInto: InstitutionID?
    /// Ids merged into this one.
    public var absorbed: [MergeRow]
    public var lines: [(month: String, row: LineRow)]
    public var records: [(month: String, row: RecordRow)]
    public var statusChanges: [(month: String, row: StatusChangeRow)]
    public var decisions: [DecisionRow]
}

extension Ledger {
    /// The ids whose id, credit code (current or former) or name matches the query, newest line first.
    public func find(_ query: String) throws -> [InstitutionID] {
        try database.read { db in
            if try Bool.fetchOne(db, sql: "SELECT 1 FROM institution WHERE id = ?", arguments: [query]) ?? false {
                return [InstitutionID(rawValue: query)]
            }
            // A part of a name is looked for as written: `%` and `_` are characters, not LIKE's
            // wildcards, and nothing matches everything.
            let text = query.trimmingCharacters(in: .whitespaces)
            guard !text.isEmpty else { return [] }
            let code = text.uppercased()
            let ids = try String.fetchAll(db, sql: """
                SELECT institution_id FROM ledger_line
                WHERE month = (SELECT max(month) FROM batch)
                  AND (instr(name, ?) > 0 OR credit_code = ? OR instr(' ' || former_credit_codes || ' ', ' ' || ? || ' ') > 0)
                UNION
                SELECT institution_id FROM source_record
                WHERE instr(json_extract(fields, '$.name'), ?) > 0 OR json_extract(fields, '$.credit_code') = ?
                ORDER BY 1
                """, arguments: [text, code, code, text, code])
            return ids.map(InstitutionID.init(rawValue:))
        }
    }

    public func history(of id: InstitutionID) throws -> InstitutionHistory? {
        try database.read { db -> InstitutionHistory? in
            guard let institution = try Row.fetchOne(db, sql: "SELECT * FROM institution WHERE id = ?", arguments: [id.rawValue]) else {
                return nil
            }
            let absorbed = try Row.fetchAll(db, sql: "SELECT * FROM merge WHERE survivor = ? ORDER BY month, retired",
                                            arguments: [id.rawValue]).map(Self.mergeRow)
            let ids = [id.rawValue] + absorbed.map(\.retired.rawValue)
            let placeholders = ids.map { _ in "?" }.joined(separator: ",")
            let lines = try Row.fetchAll(db, sql: "SELECT \(Self.lineColumns(withEvidence: true)) FROM ledger_line WHERE institution_id = ? ORDER BY month", arguments: [id.rawValue])
                .map { (month: $0[18] as String, row: Self.lineRow($0)) }
            let records = try Row.fetchAll(db, sql: "SELECT \(Self.recordColumns(withFields: true)) FROM source_record WHERE institution_id IN (\(placeholders)) ORDER BY month, source_file, record_ref",
                                           arguments: StatementArguments(ids))
                .map { (month: $0[8] as String, row: Self.recordRow($0)) }
            let changes = try Row.fetchAll(db, sql: "SELECT * FROM status_change WHERE institution_id = ? ORDER BY month", arguments: [id.rawValue])
                .map { (month: $0["month"] as String, row: Self.statusChangeRow($0)) }
            let decisions = try self.decisionsAbout(ids, db)
            return InstitutionHistory(
                id: id, firstSeen: institution["first_seen"],
                retiredInto: (institution["retired_into"] as String?).map(InstitutionID.init(rawValue:)),
                absorbed: absorbed, lines: lines, records: records, statusChanges: changes, decisions: decisions)
        }
    }

    private func decisionsAbout(_ ids: [String], _ db: Database) throws -> [DecisionRow] {
        let placeholders = ids.map { _ in "?" }.joined(separator: ",")
        return try Row.fetchAll(db, sql: """
            SELECT * FROM decision WHERE institution_id IN (\(placeholders)) OR other_institution_id IN (\(placeholders)) ORDER BY id
            """, arguments: StatementArguments(ids + ids)).map(Self.decisionRow)
    }

    static func decisionRow(_ row: Row) -> DecisionRow {
        DecisionRow(id: row["id"], kind: DecisionRow.Kind(rawValue: row["kind"])!,
                    institution: InstitutionID(rawValue: row["institution_id"]),
                    other: (row["other_institution_id"] as String?).map(InstitutionID.init(rawValue:)),
                    category: (row["category"] as String?).flatMap(Category.init(rawValue:)),
                    note: row["note"], revoked: row["revoked"])
    }
}
