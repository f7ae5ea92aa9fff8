internal import DomainModel
internal import GRDB

/// The schema of `statistics.sqlite`. Migrations are append-only: never edit a registered one.
///
/// - `feed_cursor`: the sequence of the last feed event applied, written in the same transaction as what it produced.
/// - `dossier_facts`: what the statistics keep of each dossier (``DossierFacts``), days as day numbers.
/// - `stat_cell`: the cells (receiving unit × procedure as recorded at receipt).
/// - `cell_day` / `unit_day`: the daily counters per cell and per unit, one column per ``StatCounter``; keyed day
///   first, so that a batch of events (whose days are close together) dirties few pages, and a period is a key range.
/// - `catalog_copy`: the last catalog data fetched, to answer while the catalog is unreachable.
enum StatisticsMigrations {
    static var counterColumns: String {
        StatCounter.allCases.map { "\($0.name) INTEGER NOT NULL DEFAULT 0" }.joined(separator: ",\n    ")
    }

    static var migrator: DatabaseMigrator {
        var migrator = DatabaseMigrator()
        migrator.registerMigration("v1: feed cursor, dossier facts, cells, daily counters, catalog copy") { db in
            try db.execute(sql: """
                CREATE TABLE feed_cursor (
                    id            INTEGER PRIMARY KEY CHECK (id = 1),
                    last_sequence INTEGER NOT NULL
                );
                INSERT INTO feed_cursor (id, last_sequence) VALUES (1, 0);

                CREATE TABLE stat_cell (
                    id             INTEGER PRIMARY KEY,
                    unit_code      TEXT NOT NULL,
                    procedure_code TEXT NOT NULL,
                    field          TEXT NOT NULL,
                    online_level   INTEGER NOT NULL,
                    online_scheme  TEXT NOT NULL,             -- full_process, partial, none, unspecified
                    UNIQUE (unit_code, procedure_code, field, online_level, online_scheme)
                );
                CREATE INDEX stat_cell_by_unit ON stat_cell (unit_code);

                CREATE TABLE dossier_facts (
                    code                TEXT PRIMARY KEY NOT NULL,
                    cell_id             INTEGER NOT NULL REFERENCES stat_cell (id),
                    version             INTEGER NOT NULL,
                    last_sequence       INTEGER NOT NULL,
                    status              INTEGER NOT NULL,     -- national catalogue number, 0 unknown
                    channel             INTEGER NOT NULL,     -- 1 direct, 2 online, 3 postal
                    assisted            INTEGER NOT NULL,
                    fee_bearing         INTEGER NOT NULL,
                    received_day        INTEGER NOT NULL,     -- days since 1970-01-01 (dates in Vietnam)
                    due_day             INTEGER,
                    finished_day        INTEGER,
                    paused_day          INTEGER,
                    apologies           INTEGER NOT NULL,
                    supplement_requests INTEGER NOT NULL,
                    paid_online         INTEGER NOT NULL
                ) WITHOUT ROWID;

                CREATE TABLE cell_day (
                    cell_id INTEGER NOT NULL,
                    day     INTEGER NOT NULL,
                    \(Self.counterColumns),
                    PRIMARY KEY (day, cell_id)
                ) WITHOUT ROWID;

                CREATE TABLE unit_day (
                    unit_code TEXT NOT NULL,
                    day       INTEGER NOT NULL,
                    \(Self.counterColumns),
                    PRIMARY KEY (day, unit_code)
                ) WITHOUT ROWID;

                CREATE TABLE catalog_copy (
                    key        TEXT PRIMARY KEY NOT NULL,
                    bytes      BLOB NOT NULL
                );
                """)
        }
        return migrator
    }
}
