import Foundation
import GRDB
import RegistryModel

extension Ledger {
    /// The pipeline's state of every institution alive before `month` (latest per id), as
    /// written by the months before it, handed to `body` `chunk` states at a time: a
    /// million-record ledger holds 0.7 GB of them, decoded as they are read, never all held.
    public func states(before month: String, chunk: Int, _ body: ([(InstitutionID, String)]) throws -> Void) throws {
        try database.read { db in
            let rows = try Row.fetchCursor(db, sql: """
                SELECT s.institution_id, s.state FROM institution_state s
                JOIN institution i ON i.id = s.institution_id
                WHERE s.month = (SELECT max(month) FROM institution_state
                                 WHERE institution_id = s.institution_id AND month < ?)
                  AND (i.retired_into IS NULL OR i.retired_in >= ?)
                """, arguments: [month, month])
            var states: [(InstitutionID, String)] = []
            states.reserveCapacity(chunk)
            while let row = try rows.next() {
                states.append((InstitutionID(rawValue: row[0]), row[1]))
                if states.count == chunk {
                    try body(states)
                    states.removeAll(keepingCapacity: true)
                }
            }
            if !states.isEmpty { try body(states) }
        }
    }

    /// Retired id → the id it was merged into, for merges made before `month`.
    public func retired(before month: String) throws -> [InstitutionID: InstitutionID] {
        try database.read { db in
            let rows = try Row.fetchAll(db, sql: "SELECT id, retired_into FROM institution WHERE retired_in < ?", arguments: [month])
            return Dictionary(uniqueKeysWithValues: rows.map { (InstitutionID(rawValue: $0[0]), InstitutionID(rawValue: $0[1])) })
        }
    }

    public func files(_ month: String) throws -> [FileRow] {
        try database.read { db in
            try Row.fetchAll(db, sql: "SELECT * FROM batch_file WHERE month = ? ORDER BY name", arguments: [month]).map { row in
                FileRow(
                    source: SourceFile(
                        name: row["name"], kind: SourceKind(rawValue: row["source"])!, layout: FileLayout(rawValue: row["layout"])!,
                        format: FileFormat(rawValue: row["format"])!, encoding: TextEncoding(rawValue: row["encoding"])!),
                    sha256: row["sha256"], bytes: row["bytes"], records: row["records"], accepted: row["accepted"],
                    rejected: row["rejected"])
            }
        }
    }

    /// The month's lines, by id, without the evidence behind them: a million lines carry a
    /// gigabyte of it, which only `rereg show` prints (`history(of:)`).
    public func lines(_ month: String) throws -> [LedgerLine] {
        var all: [LedgerLine] = []
        try lines(month) { all.append($0) }
        return all.sorted { $0.institutionID < $1.institutionID }
    }

    /// The month's lines one at a time, in no particular order, without their evidence: for a
    /// reader that keeps only part of each, so that half a million whole lines are never held.
    /// Measured: BENCHMARKS.md, history, `02f9fac`.
    public func lines(_ month: String, each: (LedgerLine) throws -> Void) throws {
        try database.read { db in
            let rows = try Row.fetchCursor(db, sql: "SELECT \(Self.lineColumns(withEvidence: false)) FROM ledger_line WHERE month = ?",
                                           arguments: [month])
            while let row = try rows.next() { try each(Self.lineRow(row).line) }
        }
    }

    /// The columns `lineRow` reads, by position: a million rows read by name spend their time
    /// comparing column names. Without evidence, `lineRow` reads it as empty.
    static func lineColumns(withEvidence: Bool) -> String {
        """
        institution_id, name, credit_code, former_credit_codes, county_code, category, department, stages, required, status,
        completed_on, overdue, days_overdue, flags, first_seen, last_seen, source_record_count, \(withEvidence ? "evidence" : "''"), month
        """
    }

    static func lineRow(_ row: Row) -> LineRow {
        func list(_ column: Int) -> [Substring] { (row[column] as String).split(separator: " ") }
        let countyCode: String? = row[4]
        return LineRow(
            line: LedgerLine(
                institutionID: InstitutionID(rawValue: row[0]), name: row[1], creditCode: row[2],
                formerCreditCodes: list(3).map(String.init), countyCode: countyCode,
                countyName: countyCode.flatMap(County.init(rawValue:))?.name, category: Category(rawValue: row[5])!,
                department: (row[6] as String?).flatMap(Department.init(rawValue:)),
                stages: list(7).compactMap { Stage(rawValue: String($0)) }, reregistrationRequired: row[8],
                reregistrationStatus: ReregistrationStatus(rawValue: row[9])!,
                completedOn: (row[10] as String?).flatMap(Day.init(iso:)), overdue: row[11],
                daysOverdue: row[12], flags: list(13).compactMap { InstitutionFlag(rawValue: String($0)) },
                firstSeenBatch: row[14], lastSeenBatch: row[15], sourceRecordCount: row[16]),
            evidence: row[17])
    }

    /// The month's records and their links; the exported values' column read only when asked
    /// for (the crosswalk needs none, and a million records' values are half a gigabyte).
    public func records(_ month: String, withFields: Bool = true) throws -> [RecordRow] {
        try database.read { db in
            var records: [RecordRow] = []
            let rows = try Row.fetchCursor(db, sql: "SELECT \(Self.recordColumns(withFields: withFields)) FROM source_record WHERE month = ?", arguments: [month])
            while let row = try rows.next() { records.append(Self.recordRow(row)) }
            return records.sorted { $0.ref < $1.ref }
        }
    }

    /// The columns `recordRow` reads, by position; without fields, an empty object stands in.
    static func recordColumns(withFields: Bool) -> String {
        "source_file, record_ref, kind, institution_id, link_rule, link_score, link_evidence, \(withFields ? "fields" : "'{}'"), month"
    }

    /// Per institution, the legal representative's name, ID number and phone from the
    /// month's records (the last record that shows each): personal data, for the feeds.
    public func contacts(_ month: String) throws -> [InstitutionID: (name: String?, idNumber: String?, phone: String?)] {
        try database.read { db in
            var contacts: [InstitutionID: (name: String?, idNumber: String?, phone: String?)] = [:]
            let rows = try Row.fetchCursor(db, sql: """
                SELECT institution_id, json_extract(fields, '$.legal_representative'),
                       json_extract(fields, '$.legal_representative_id'), json_extract(fields, '$.phone')
                FROM source_record WHERE month = ? ORDER BY source_file, record_ref
                """, arguments: [month])
            while let row = try rows.next() {
                let id = InstitutionID(rawValue: row[0])
                let old = contacts[id]
                contacts[id] = ((row[1] as String?) ?? old?.name, (row[2] as String?) ?? old?.idNumber, (row[3] as String?) ?? old?.phone)
            }
            return contacts
        }
    }

    /// Records that repeat another record of the same file and institution value for value.
    /// Grouped by the columns, not counted over their concatenation: SQLite then sorts the
    /// rows' own values instead of a joined string made per row. Measured: BENCHMARKS.md,
    /// history, `bb98a95`.
    public func duplicateCount(_ month: String) throws -> Int {
        try database.read { db in
            try Int.fetchOne(db, sql: """
                SELECT coalesce(sum(copies - 1), 0) FROM (
                    SELECT count(*) AS copies FROM source_record WHERE month = ?
                    GROUP BY institution_id, source_file, fields)
                """, arguments: [month]) ?? 0
        }
    }

    public func rejects(_ month: String) throws -> [(ref: RecordRef, reason: String)] {
        try database.read { db in
            try Row.fetchAll(db, sql: "SELECT source_file, record_ref, reason FROM reject WHERE month = ?", arguments: [month])
                .map { (RecordRef(sourceFile: $0[0], ordinal: $0[1]), $0[2] as String) }
                .sorted { $0.ref < $1.ref }
        }
    }

    public func reviews(_ month: String) throws -> [ReviewItem] {
        try database.read { db in
            try Row.fetchAll(db, sql: "SELECT * FROM review_item WHERE month = ? ORDER BY position", arguments: [month]).map { row in
                ReviewItem(kind: ReviewItem.Kind(rawValue: row["kind"])!,
                          institutionIDs: (row["institution_ids"] as String).split(separator: " ").map { InstitutionID(rawValue: String($0)) },
                          summary: row["summary"], evidence: row["evidence"])
            }
        }
    }

    public func statusChanges(_ month: String) throws -> [StatusChangeRow] {
        try database.read { db in
            try Row.fetchAll(db, sql: "SELECT * FROM status_change WHERE month = ? ORDER BY institution_id", arguments: [month]).map(Self.statusChangeRow)
        }
    }

    public func merges(_ month: String) throws -> [MergeRow] {
        try database.read { db in
            try Row.fetchAll(db, sql: "SELECT * FROM merge WHERE month = ? ORDER BY retired", arguments: [month]).map(Self.mergeRow)
        }
    }

    static func recordRow(_ row: Row) -> RecordRow {
        return RecordRow(
            ref: RecordRef(sourceFile: row[0], ordinal: row[1]), kind: SourceKind(rawValue: row[2])!,
            institution: InstitutionID(rawValue: row[3]), rule: LinkRule(rawValue: row[4])!,
            score: row[5], evidence: row[6], fieldsJSON: row[7])
    }

    static func statusChangeRow(_ row: Row) -> StatusChangeRow {
        StatusChangeRow(institution: InstitutionID(rawValue: row["institution_id"]),
                        from: (row["from_status"] as String?).flatMap(ReregistrationStatus.init(rawValue:)),
                        to: ReregistrationStatus(rawValue: row["to_status"])!, reason: row["reason"])
    }

    static func mergeRow(_ row: Row) -> MergeRow {
        MergeRow(retired: InstitutionID(rawValue: row["retired"]), survivor: InstitutionID(rawValue: row["survivor"]),
                 rule: LinkRule(rawValue: row["rule"])!, evidence: row["evidence"])
    }
}
