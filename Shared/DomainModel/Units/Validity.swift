/// The days a version of something is in force: from a first day through an optional last day (inclusive).
public struct Validity: Hashable, Sendable, CustomStringConvertible {
    public var from: CivilDate
    /// The last day in force; nil while still in force.
    public var through: CivilDate?

    public init(from: CivilDate, through: CivilDate? = nil) {
        self.from = from
        self.through = through
    }

    /// Whether the date is within the validity.
    public func contains(_ date: CivilDate) -> Bool {
        date >= self.from && (self.through.map { date <= $0 } ?? true)
    }

    /// Whether the two validities share at least one day.
    public func overlaps(_ other: Validity) -> Bool {
        let startsBeforeOtherEnds = other.through.map { self.from <= $0 } ?? true
        let otherStartsBeforeThisEnds = self.through.map { other.from <= $0 } ?? true
        return startsBeforeOtherEnds && otherStartsBeforeThisEnds
    }

    public var description: String { "\(self.from)…\(self.through.map(\.iso8601) ?? "")" }
}
