/// An instant: seconds and nanoseconds since 1970-01-01T00:00:00Z, as `google.protobuf.Timestamp` has it.
public struct UnixInstant: Hashable, Comparable, Sendable, CustomStringConvertible {
    /// Seconds of 0001-01-01T00:00:00Z and 9999-12-31T23:59:59Z: the range of `google.protobuf.Timestamp`.
    public static let supportedSeconds: ClosedRange<Int64> = -62_135_596_800...253_402_300_799

    public let seconds: Int64
    /// 0 to 999,999,999.
    public let nanoseconds: Int32

    /// An instant, or nil outside ``supportedSeconds`` or with nanoseconds outside 0..<1,000,000,000.
    public init?(seconds: Int64, nanoseconds: Int32 = 0) {
        guard Self.supportedSeconds.contains(seconds), (0..<1_000_000_000).contains(nanoseconds) else { return nil }
        self.seconds = seconds
        self.nanoseconds = nanoseconds
    }

    /// The instant `seconds` later, clamped to ``supportedSeconds``.
    public func adding(seconds: Int64) -> UnixInstant {
        let (sum, overflow) = self.seconds.addingReportingOverflow(seconds)
        let clamped = overflow
            ? (seconds > 0 ? Self.supportedSeconds.upperBound : Self.supportedSeconds.lowerBound)
            : min(max(sum, Self.supportedSeconds.lowerBound), Self.supportedSeconds.upperBound)
        return UnixInstant(uncheckedSeconds: clamped, nanoseconds: self.nanoseconds)
    }

    public static func < (lhs: UnixInstant, rhs: UnixInstant) -> Bool {
        (lhs.seconds, lhs.nanoseconds) < (rhs.seconds, rhs.nanoseconds)
    }

    /// The instant in UTC, e.g. `2022-01-28T02:00:00Z` (fractions omitted).
    public var description: String {
        let days = Int(Self.floorDivide(self.seconds, 86_400))
        let secondOfDay = Int(self.seconds - Int64(days) * 86_400)
        let date = CivilDate(daysSinceEpoch: days)
        return "\(date.iso8601)T\(Self.two(secondOfDay / 3600)):\(Self.two(secondOfDay / 60 % 60)):\(Self.two(secondOfDay % 60))Z"
    }

    init(uncheckedSeconds seconds: Int64, nanoseconds: Int32) {
        self.seconds = seconds
        self.nanoseconds = nanoseconds
    }

    static func floorDivide(_ value: Int64, _ divisor: Int64) -> Int64 {
        let quotient = value / divisor
        return (value % divisor != 0 && (value < 0) != (divisor < 0)) ? quotient - 1 : quotient
    }

    private static func two(_ value: Int) -> String { value < 10 ? "0\(value)" : "\(value)" }
}
