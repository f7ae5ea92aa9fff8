internal import GRDB

/// The schema of `submission.sqlite`.
///
/// Instants are INTEGER nanoseconds since 1970-01-01T00:00:00Z (dossier instants lie in 2000–2099, see
/// `DossierCode`); dates are INTEGER days since 1970-01-01 (dates in Vietnam). Statuses, channels, actions and payment
/// methods are their national or proto numbers.
///
/// Indexes are kept to what reads need, since every index costs every submission a page write: the code (unique,
/// which also makes a unit's daily numbers unique, and finds the highest number of a unit's day by its prefix), the
/// receipt instant (listing), the unit and receipt instant (a desk's listing), the import origin. SQLite appends the
/// rowid to every index entry, which orders ties.
enum SubmissionMigrations {
    static var migrator: DatabaseMigrator {
        var migrator = DatabaseMigrator()
        migrator.registerMigration("v1: dossiers, history, events, retry keys, imports") { db in
            try db.execute(sql: """
                CREATE TABLE dossiers (
                    id INTEGER PRIMARY KEY,
                    code TEXT NOT NULL UNIQUE,
                    unit_code TEXT NOT NULL,
                    unit_name TEXT NOT NULL,
                    receipt_day INTEGER NOT NULL,
                    daily_number INTEGER NOT NULL,
                    procedure_code TEXT NOT NULL,
                    procedure_name TEXT NOT NULL,
                    procedure_field TEXT NOT NULL,
                    online_level INTEGER NOT NULL,
                    online_scheme TEXT NOT NULL,
                    deadline_amount INTEGER NOT NULL,
                    deadline_unit TEXT NOT NULL,
                    fee_bearing INTEGER NOT NULL,
                    channel INTEGER NOT NULL,
                    assisted INTEGER NOT NULL,
                    applicant_name TEXT NOT NULL,
                    applicant_id_number TEXT NOT NULL,
                    applicant_phone TEXT NOT NULL,
                    applicant_email TEXT NOT NULL,
                    applicant_address TEXT NOT NULL,
                    attachments TEXT NOT NULL,
                    received_at INTEGER NOT NULL,
                    source_system TEXT,
                    source_id TEXT,
                    version INTEGER NOT NULL,
                    updated_at INTEGER NOT NULL,
                    status INTEGER NOT NULL,
                    resume_status INTEGER,
                    due_day INTEGER NOT NULL,
                    due_at INTEGER NOT NULL,
                    promised_day INTEGER,
                    paused_since INTEGER,
                    supplement_requests INTEGER NOT NULL,
                    apologies INTEGER NOT NULL,
                    finished_at INTEGER,
                    returned_at INTEGER,
                    last_change_at INTEGER NOT NULL
                );
                CREATE INDEX dossiers_received ON dossiers(received_at);
                CREATE INDEX dossiers_unit_received ON dossiers(unit_code, received_at);
                CREATE UNIQUE INDEX dossiers_origin ON dossiers(source_system, source_id) WHERE source_system IS NOT NULL;

                CREATE TABLE history (
                    dossier_id INTEGER NOT NULL,
                    step INTEGER NOT NULL,
                    action INTEGER NOT NULL,
                    from_status INTEGER,
                    occurred_at INTEGER NOT NULL,
                    recorded_at INTEGER NOT NULL,
                    actor TEXT NOT NULL,
                    note TEXT NOT NULL,
                    apology_day INTEGER,
                    apology_reason TEXT,
                    payment_method INTEGER,
                    payment_amount INTEGER,
                    status INTEGER NOT NULL,
                    resume_status INTEGER,
                    due_day INTEGER NOT NULL,
                    due_at INTEGER NOT NULL,
                    promised_day INTEGER,
                    paused_since INTEGER,
                    supplement_requests INTEGER NOT NULL,
                    apologies INTEGER NOT NULL,
                    finished_at INTEGER,
                    returned_at INTEGER,
                    PRIMARY KEY (dossier_id, step)
                ) WITHOUT ROWID;

                CREATE TABLE events (
                    sequence INTEGER PRIMARY KEY,
                    dossier_id INTEGER NOT NULL,
                    step INTEGER NOT NULL
                );

                CREATE TABLE requests (
                    caller TEXT NOT NULL,
                    request_id TEXT NOT NULL,
                    fingerprint BLOB NOT NULL,
                    code TEXT NOT NULL,
                    PRIMARY KEY (caller, request_id)
                ) WITHOUT ROWID;

                CREATE TABLE imports (
                    source_system TEXT NOT NULL,
                    source_id TEXT NOT NULL,
                    fingerprint BLOB NOT NULL,
                    code TEXT NOT NULL,
                    PRIMARY KEY (source_system, source_id)
                ) WITHOUT ROWID;
                """)
        }
        return migrator
    }
}
