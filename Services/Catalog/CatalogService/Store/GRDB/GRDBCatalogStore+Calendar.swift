public import DomainModel
internal import GRDB

extension GRDBCatalogStore {
    public func calendarDays(from start: CivilDate?, through end: CivilDate?) async throws -> [CalendarDay] {
        try await self.read { db in
            try Row.fetchAll(
                db, sql: "SELECT * FROM calendar_day WHERE date >= ? AND date <= ? ORDER BY date",
                arguments: [start?.iso8601 ?? "", end?.iso8601 ?? "~"]
            ).map(CatalogRows.calendarDay)
        }
    }

    public func workingCalendar() async throws -> WorkingCalendar {
        WorkingCalendar(days: try await self.calendarDays(from: nil, through: nil))
    }

    public func setCalendarDays(_ days: [CalendarDay], removing dates: [CivilDate], at instant: UnixInstant) async throws -> CatalogWriteResult {
        try await self.write { db in
            var result = CatalogWriteResult()
            for day in days {
                let previous = try Row.fetchOne(db, sql: "SELECT * FROM calendar_day WHERE date = ?", arguments: [day.date.iso8601])
                    .map(CatalogRows.calendarDay)
                if previous == day {
                    result.unchanged += 1
                    continue
                }
                try db.execute(
                    sql: "INSERT OR REPLACE INTO calendar_day (date, kind, name) VALUES (?, ?, ?)",
                    arguments: [day.date.iso8601, day.kind.rawValue, day.name])
                if previous == nil { result.created += 1 } else { result.updated += 1 }
                _ = try Self.record(previous == nil ? .created : .updated, .calendarDay(day.date), at: instant, db)
            }
            for date in dates {
                try db.execute(sql: "DELETE FROM calendar_day WHERE date = ?", arguments: [date.iso8601])
                guard db.changesCount > 0 else { continue }
                result.removed += 1
                _ = try Self.record(.removed, .calendarDay(date), at: instant, db)
            }
            try Self.pruneChangeLog(db)
            result.sequence = try Self.latestSequence(db)
            return result
        }
    }
}
