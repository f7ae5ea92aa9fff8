internal import DomainModel
internal import RPCProtobuf

extension Motcua_Catalog_V1_Date {
    init(_ date: CivilDate) {
        self.init()
        self.year = Int32(date.year)
        self.month = Int32(date.month)
        self.day = Int32(date.day)
    }

    /// The date, or throws an `invalidArgument` error for `field`.
    func parsed(field: String) throws(SubmissionError) -> CivilDate {
        guard let date = CivilDate(year: Int(self.year), month: Int(self.month), day: Int(self.day)) else {
            throw SubmissionError.invalid(
                field: field, "\(self.year)-\(self.month)-\(self.day) is not a valid date (year 1–9999, month 1–12, a day of that month)")
        }
        return date
    }
}

extension Optional where Wrapped == Motcua_Catalog_V1_Date {
    /// The date if set (nil when absent), or throws for a malformed one.
    func parsedIfPresent(field: String) throws(SubmissionError) -> CivilDate? {
        guard let date = self else { return nil }
        return try date.parsed(field: field)
    }
}

extension Google_Protobuf_Timestamp {
    init(_ instant: UnixInstant) {
        self.init()
        self.seconds = instant.seconds
        self.nanos = instant.nanoseconds
    }

    /// The instant, or throws an `invalidArgument` error for `field`.
    func parsed(field: String) throws(SubmissionError) -> UnixInstant {
        guard let instant = UnixInstant(seconds: self.seconds, nanoseconds: self.nanos) else {
            throw SubmissionError.invalid(
                field: field, "must be a timestamp between 0001-01-01T00:00:00Z and 9999-12-31T23:59:59Z with nanos 0 to 999999999")
        }
        return instant
    }
}
