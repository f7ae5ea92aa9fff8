/// Vietnam's civil time (Asia/Ho_Chi_Minh): UTC+7 all year, no daylight saving time since 1975.
///
/// Every day boundary in the catalog (receipt dates, due dates, "today") is a midnight in this time.
public enum VietnamTime {
    /// +07:00.
    public static let utcOffsetSeconds: Int64 = 7 * 3600

    /// The date in Vietnam at an instant.
    public static func date(of instant: UnixInstant) -> CivilDate {
        let local = instant.seconds + self.utcOffsetSeconds
        return CivilDate(daysSinceEpoch: Int(UnixInstant.floorDivide(local, 86_400)))
    }

    /// 00:00:00 of the date in Vietnam (17:00:00 UTC the day before).
    public static func startOfDay(_ date: CivilDate) -> UnixInstant {
        self.clamped(Int64(date.daysSinceEpoch) * 86_400 - self.utcOffsetSeconds)
    }

    /// 23:59:59 of the date in Vietnam: the last whole second of the day.
    public static func endOfDay(_ date: CivilDate) -> UnixInstant {
        self.clamped(Int64(date.daysSinceEpoch + 1) * 86_400 - self.utcOffsetSeconds - 1)
    }

    private static func clamped(_ seconds: Int64) -> UnixInstant {
        let bounds = UnixInstant.supportedSeconds
        return UnixInstant(uncheckedSeconds: min(max(seconds, bounds.lowerBound), bounds.upperBound), nanoseconds: 0)
    }
}
