import GRDB

/// The ledger's tables. Migrations are named and never edited once shipped: a change is a
/// new migration (GRDB's Migrations guide).
enum Schema {
    static var migrator: DatabaseMigrator {
        var migrator = DatabaseMigrator()
        migrator.registerMigration("v1: batches, institutions, records, decisions") { db in
            try db.execute(sql: """
                CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);

                -- One row per recorded month.
                CREATE TABLE batch (
                    month TEXT PRIMARY KEY,            -- YYYY-MM
                    as_of TEXT NOT NULL,
                    deadline TEXT NOT NULL,
                    input_digest TEXT NOT NULL,        -- SHA-256 over file names and checksums
                    tool_version TEXT NOT NULL,
                    records INTEGER NOT NULL,
                    accepted INTEGER NOT NULL,
                    rejected INTEGER NOT NULL,
                    warnings TEXT NOT NULL,            -- JSON array of sentences
                    summary TEXT NOT NULL              -- summary.json as written
                );
                CREATE TABLE batch_file (
                    month TEXT NOT NULL REFERENCES batch(month) ON DELETE CASCADE,
                    name TEXT NOT NULL,
                    sha256 TEXT NOT NULL,
                    bytes INTEGER NOT NULL,
                    source TEXT NOT NULL,
                    layout TEXT NOT NULL,
                    format TEXT NOT NULL,
                    encoding TEXT NOT NULL,
                    records INTEGER NOT NULL,
                    accepted INTEGER NOT NULL,
                    rejected INTEGER NOT NULL,
                    PRIMARY KEY (month, name)
                );

                -- Every id ever minted; a retired id points at the institution it was merged into.
                CREATE TABLE institution (
                    id TEXT PRIMARY KEY,
                    sequence INTEGER NOT NULL UNIQUE,
                    first_seen TEXT NOT NULL,
                    retired_into TEXT REFERENCES institution(id),
                    retired_in TEXT
                );
                -- What the pipeline remembers of an institution after a month (linkage profile,
                -- tracking history, requirement), written when the month touched it.
                CREATE TABLE institution_state (
                    month TEXT NOT NULL REFERENCES batch(month) ON DELETE CASCADE,
                    institution_id TEXT NOT NULL REFERENCES institution(id),
                    state TEXT NOT NULL,
                    PRIMARY KEY (institution_id, month)
                );

                -- Every input record: where it went and why. `fields` keeps the values as
                -- exported, personal data included (for linking; never in the outputs).
                CREATE TABLE source_record (
                    month TEXT NOT NULL REFERENCES batch(month) ON DELETE CASCADE,
                    source_file TEXT NOT NULL,
                    record_ref INTEGER NOT NULL,
                    kind TEXT NOT NULL,
                    institution_id TEXT NOT NULL,
                    link_rule TEXT NOT NULL,
                    link_score REAL NOT NULL,
                    link_evidence TEXT NOT NULL,
                    fields TEXT NOT NULL,
                    PRIMARY KEY (month, source_file, record_ref)
                );
                CREATE INDEX source_record_institution ON source_record(institution_id, month);
                CREATE TABLE reject (
                    month TEXT NOT NULL REFERENCES batch(month) ON DELETE CASCADE,
                    source_file TEXT NOT NULL,
                    record_ref INTEGER NOT NULL,
                    reason TEXT NOT NULL,
                    PRIMARY KEY (month, source_file, record_ref)
                );

                -- The ledger as a month left it: one ledger.jsonl line per institution (lists
                -- space-separated), with the classification's evidence and the status reason.
                CREATE TABLE ledger_line (
                    month TEXT NOT NULL REFERENCES batch(month) ON DELETE CASCADE,
                    institution_id TEXT NOT NULL,
                    name TEXT NOT NULL,
                    credit_code TEXT,
                    former_credit_codes TEXT NOT NULL,
                    county_code TEXT,
                    category TEXT NOT NULL,
                    department TEXT,
                    stages TEXT NOT NULL,
                    required INTEGER NOT NULL,
                    status TEXT NOT NULL,
                    completed_on TEXT,
                    overdue INTEGER NOT NULL,
                    days_overdue INTEGER NOT NULL,
                    flags TEXT NOT NULL,
                    first_seen TEXT NOT NULL,
                    last_seen TEXT NOT NULL,
                    source_record_count INTEGER NOT NULL,
                    evidence TEXT NOT NULL,
                    PRIMARY KEY (month, institution_id)
                );
                CREATE INDEX ledger_line_institution ON ledger_line(institution_id, month);
                CREATE TABLE status_change (
                    month TEXT NOT NULL REFERENCES batch(month) ON DELETE CASCADE,
                    institution_id TEXT NOT NULL,
                    from_status TEXT,
                    to_status TEXT NOT NULL,
                    reason TEXT NOT NULL,
                    PRIMARY KEY (month, institution_id)
                );
                CREATE TABLE review_item (
                    month TEXT NOT NULL REFERENCES batch(month) ON DELETE CASCADE,
                    position INTEGER NOT NULL,
                    kind TEXT NOT NULL,
                    institution_ids TEXT NOT NULL,     -- space-separated
                    summary TEXT NOT NULL,
                    evidence TEXT NOT NULL,
                    PRIMARY KEY (month, position)
                );
                CREATE TABLE merge (
                    retired TEXT PRIMARY KEY REFERENCES institution(id),
                    survivor TEXT NOT NULL REFERENCES institution(id),
                    month TEXT NOT NULL REFERENCES batch(month) ON DELETE CASCADE,
                    rule TEXT NOT NULL,
                    evidence TEXT NOT NULL
                );

                -- A clerk's decisions, keyed by institution ids; kept until revoked, and
                -- carried into a replayed ledger.
                CREATE TABLE decision (
                    id INTEGER PRIMARY KEY AUTOINCREMENT,
                    kind TEXT NOT NULL CHECK (kind IN ('same', 'different', 'category')),
                    institution_id TEXT NOT NULL,
                    other_institution_id TEXT,
                    category TEXT,
                    note TEXT NOT NULL DEFAULT '',
                    revoked INTEGER NOT NULL DEFAULT 0
                );
                """)
        }
        return migrator
    }
}
