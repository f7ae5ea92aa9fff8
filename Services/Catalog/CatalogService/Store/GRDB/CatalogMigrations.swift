internal import GRDB

/// The schema of `catalog.sqlite`. Migrations are append-only: never edit a registered one.
enum CatalogMigrations {
    static var migrator: DatabaseMigrator {
        var migrator = DatabaseMigrator()
        migrator.registerMigration("v1: units, procedures, calendar, change log") { db in
            try db.execute(sql: """
                CREATE TABLE catalog_meta (
                    key   TEXT PRIMARY KEY NOT NULL,
                    value TEXT NOT NULL
                );

                CREATE TABLE admin_unit (
                    code        TEXT NOT NULL,
                    valid_from  TEXT NOT NULL,            -- YYYY-MM-DD
                    valid_to    TEXT,                     -- YYYY-MM-DD, inclusive; NULL while in force
                    name        TEXT NOT NULL,
                    level       TEXT NOT NULL CHECK (level IN ('province', 'district', 'commune')),
                    type        TEXT NOT NULL,
                    parent_code TEXT,
                    PRIMARY KEY (code, valid_from)
                );
                CREATE INDEX admin_unit_by_parent ON admin_unit (parent_code);

                CREATE TABLE procedure (
                    code                TEXT PRIMARY KEY NOT NULL,
                    name                TEXT NOT NULL,
                    name_folded         TEXT NOT NULL,    -- VietnameseFolding.fold(name)
                    search_text         TEXT NOT NULL,    -- folded code + ' ' + name_folded
                    field               TEXT NOT NULL,
                    field_key           TEXT NOT NULL,    -- VietnameseFolding.fold(field)
                    implementing_level  TEXT NOT NULL CHECK (implementing_level IN ('province', 'district', 'commune')),
                    online_level        INTEGER NOT NULL CHECK (online_level BETWEEN 1 AND 4),
                    online_scheme       TEXT NOT NULL,
                    deadline_amount     INTEGER NOT NULL,
                    deadline_unit       TEXT NOT NULL,
                    issues_paper_result INTEGER NOT NULL,
                    is_demo             INTEGER NOT NULL,
                    revision            INTEGER NOT NULL, -- change_log sequence of the last change, 0 for the seed
                    updated_at          INTEGER NOT NULL  -- Unix seconds
                );
                CREATE INDEX procedure_by_field ON procedure (field_key);
                CREATE INDEX procedure_by_level ON procedure (implementing_level, online_level);

                CREATE TABLE procedure_fee (
                    procedure_code TEXT NOT NULL REFERENCES procedure (code) ON DELETE CASCADE,
                    position       INTEGER NOT NULL,
                    name           TEXT NOT NULL,
                    amount_vnd     INTEGER NOT NULL,
                    PRIMARY KEY (procedure_code, position)
                );

                CREATE TABLE calendar_day (
                    date TEXT PRIMARY KEY NOT NULL,       -- YYYY-MM-DD
                    kind TEXT NOT NULL,
                    name TEXT NOT NULL
                );

                CREATE TABLE change_log (
                    sequence     INTEGER PRIMARY KEY AUTOINCREMENT,
                    subject_kind TEXT NOT NULL CHECK (subject_kind IN ('procedure', 'unit', 'calendar_day')),
                    subject_key  TEXT NOT NULL,
                    action       TEXT NOT NULL CHECK (action IN ('created', 'updated', 'removed')),
                    changed_at   INTEGER NOT NULL         -- Unix seconds
                );
                """)
        }
        return migrator
    }
}
