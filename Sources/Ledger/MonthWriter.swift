import GRDB
import RegistryModel
import Support

/// Adds one month's rows inside the transaction `Ledger.write(month:)` opened. The batch row
/// goes first (every other row refers to it), and new ids are minted before their states.
/// Rows may come in as many pieces as the caller likes: a million-record month's lines and
/// states are written a chunk at a time as they are made, never all held at once.
public struct MonthWriter {
    let db: Database
    public let month: String

    /// The batch row; its summary may be set once the month's lines are all known.
    public func insert(batch: BatchRow) throws {
        precondition(batch.month == month, "the batch row of \(batch.month) written as \(month)")
        try db.execute(
            sql: """
                INSERT INTO batch (month, as_of, deadline, input_digest, tool_version, records, accepted, rejected, warnings, summary)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """,
            arguments: [month, batch.asOf.iso, batch.deadline.iso, batch.inputDigest, batch.toolVersion,
                        batch.records, batch.accepted, batch.rejected, JSONText.array(batch.warnings), batch.summary])
    }

    /// `summary.json` exactly as written.
    public func setSummary(_ summary: String) throws {
        try db.execute(sql: "UPDATE batch SET summary = ? WHERE month = ?", arguments: [summary, month])
    }

    public func insert(files: [FileRow]) throws {
        for file in files {
            try db.execute(
                sql: "INSERT INTO batch_file VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                arguments: [month, file.source.name, file.sha256, file.bytes, file.source.kind.rawValue,
                            file.source.layout.rawValue, file.source.format.rawValue, file.source.encoding.rawValue,
                            file.records, file.accepted, file.rejected])
        }
    }

    /// Ids minted this month, with their sequence numbers.
    public func mint(_ ids: [InstitutionID]) throws {
        let mint = try db.cachedStatement(sql: "INSERT OR IGNORE INTO institution (id, sequence, first_seen) VALUES (?, ?, ?)")
        for id in ids {
            try mint.execute(arguments: [id.rawValue, id.sequence ?? 0, month])
        }
    }

    /// The pipeline's state of institutions the month touched (opaque JSON).
    public func insert(states: [(InstitutionID, String)]) throws {
        // What comes once per record or institution goes through `RowInserter`; the rest is small.
        let state = RowInserter(try db.cachedStatement(sql: "INSERT INTO institution_state (month, institution_id, state) VALUES (?, ?, ?)"))
        for (id, json) in states {
            state.bind(1, month)
            state.bind(2, id.rawValue)
            state.bind(3, json)
            try state.insert()
        }
    }

    /// Accepted records and where linkage placed them, in pieces as the caller likes.
    public func insert(_ records: [RecordRow]) throws {
        let record = RowInserter(try db.cachedStatement(sql: "INSERT INTO source_record VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)"))
        for row in records {
            record.bind(1, month)
            record.bind(2, row.ref.sourceFile)
            record.bind(3, row.ref.ordinal)
            record.bind(4, row.kind.rawValue)
            record.bind(5, row.institution.rawValue)
            record.bind(6, row.rule.rawValue)
            record.bind(7, row.score)
            record.bind(8, row.evidence)
            record.bind(9, row.fieldsJSON)
            try record.insert()
        }
    }

    public func insert(rejects: [Reject]) throws {
        let reject = try db.cachedStatement(sql: "INSERT INTO reject VALUES (?, ?, ?, ?)")
        for row in rejects {
            try reject.execute(arguments: [month, row.ref.sourceFile, row.ref.ordinal, row.reason.message])
        }
    }

    public func insert(lines: [LineRow]) throws {
        let line = RowInserter(try db.cachedStatement(
            sql: "INSERT INTO ledger_line VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"))
        for row in lines {
            let l = row.line
            line.bind(1, month)
            line.bind(2, l.institutionID.rawValue)
            line.bind(3, l.name)
            line.bind(4, l.creditCode)
            line.bind(5, l.formerCreditCodes.joined(separator: " "))
            line.bind(6, l.countyCode)
            line.bind(7, l.category.rawValue)
            line.bind(8, l.department?.rawValue)
            line.bind(9, l.stages.map(\.rawValue).joined(separator: " "))
            line.bind(10, l.reregistrationRequired)
            line.bind(11, l.reregistrationStatus.rawValue)
            line.bind(12, l.completedOn?.iso)
            line.bind(13, l.overdue)
            line.bind(14, l.daysOverdue)
            line.bind(15, l.flags.map(\.rawValue).joined(separator: " "))
            line.bind(16, l.firstSeenBatch)
            line.bind(17, l.lastSeenBatch)
            line.bind(18, l.sourceRecordCount)
            line.bind(19, row.evidence)
            try line.insert()
        }
    }

    public func insert(statusChanges: [StatusChangeRow]) throws {
        // One per institution in a first month: through `RowInserter` too.
        let statusChange = RowInserter(try db.cachedStatement(sql: "INSERT INTO status_change VALUES (?, ?, ?, ?, ?)"))
        for change in statusChanges {
            statusChange.bind(1, month)
            statusChange.bind(2, change.institution.rawValue)
            statusChange.bind(3, change.from?.rawValue)
            statusChange.bind(4, change.to.rawValue)
            statusChange.bind(5, change.reason)
            try statusChange.insert()
        }
    }

    /// The month's review list, numbered in the order given: `reviews`, then `lineReviews`,
    /// whose evidence SQLite copies from the lines this month already wrote. Flagged
    /// institutions' evidence (a fifth of a gigabyte at a million records) is then never held
    /// for the whole month.
    /// Review items at positions `first`, `first + 1` …: a month writes each kind as it is
    /// found, not all at the end, where a million records' category reviews and their evidence
    /// would be held (measured: BENCHMARKS.md, history, `1c67c32`).
    public func insert(reviews: [ReviewItem], from first: Int) throws {
        let reviewItem = RowInserter(try db.cachedStatement(sql: "INSERT INTO review_item VALUES (?, ?, ?, ?, ?, ?)"))
        for (offset, review) in reviews.enumerated() {
            reviewItem.bind(1, month)
            reviewItem.bind(2, first + offset)
            reviewItem.bind(3, review.kind.rawValue)
            reviewItem.bind(4, review.institutionIDs.map(\.rawValue).joined(separator: " "))
            reviewItem.bind(5, review.summary)
            reviewItem.bind(6, review.evidence)
            try reviewItem.insert()
        }
    }

    /// Reviews of lines at positions `first`, `first + 1` …, each with its line's evidence.
    public func insert(lineReviews: [LineReview], from first: Int) throws {
        let lineReview = RowInserter(try db.cachedStatement(sql: """
            INSERT INTO review_item (month, position, kind, institution_ids, summary, evidence)
            SELECT month, ?, ?, institution_id, ?, evidence FROM ledger_line WHERE month = ? AND institution_id = ?
            """))
        for (offset, review) in lineReviews.enumerated() {
            lineReview.bind(1, first + offset)
            lineReview.bind(2, review.kind.rawValue)
            lineReview.bind(3, review.summary)
            lineReview.bind(4, month)
            lineReview.bind(5, review.institution.rawValue)
            try lineReview.insert()
            precondition(db.changesCount == 1, "a review of \(review.institution), but \(month) wrote no line for it")
        }
    }

    /// Institutions found to be one: the retired id points at its survivor from now on.
    public func insert(merges: [MergeRow]) throws {
        for merge in merges {
            try db.execute(sql: "INSERT OR REPLACE INTO merge VALUES (?, ?, ?, ?, ?)",
                           arguments: [merge.retired.rawValue, merge.survivor.rawValue, month, merge.rule.rawValue, merge.evidence])
            try db.execute(sql: "UPDATE institution SET retired_into = ?, retired_in = ? WHERE id = ?",
                           arguments: [merge.survivor.rawValue, month, merge.retired.rawValue])
        }
    }

    /// The sequence number the next new id gets: never lowered, so that no id is handed out
    /// twice, even when a month is replaced.
    public func raiseNextSequence(to next: Int) throws {
        let stored = try Ledger.nextSequence(in: db)
        try db.execute(sql: "UPDATE meta SET value = ? WHERE key = 'next_sequence'", arguments: [String(max(next, stored))])
    }
}
