internal import DomainModel
internal import RPCProtobuf

extension Motcua_Catalog_V1_Date {
    init(_ date: CivilDate) {
        self.init()
        self.year = Int32(date.year)
        self.month = Int32(date.month)
        self.day = Int32(date.day)
    }

    /// The date, or nil when it is not a valid date.
    var civilDate: CivilDate? { CivilDate(year: Int(self.year), month: Int(self.month), day: Int(self.day)) }

    /// The date, or throws an `invalidArgument` error for `field`.
    func parsed(field: String) throws(DomainError) -> CivilDate {
        guard let date = self.civilDate else {
            throw DomainError.invalid(
                field: field, "\(self.year)-\(self.month)-\(self.day) is not a valid date (year 1–9999, month 1–12, a day of that month)")
        }
        return date
    }
}

extension Google_Protobuf_Timestamp {
    init(_ instant: UnixInstant) {
        self.init()
        self.seconds = instant.seconds
        self.nanos = instant.nanoseconds
    }

    /// The instant, or nil outside the range of `google.protobuf.Timestamp`.
    var instant: UnixInstant? { UnixInstant(seconds: self.seconds, nanoseconds: self.nanos) }

    /// The date in Vietnam of the instant, or nil when it is out of range.
    var vietnamDate: CivilDate? { self.instant.map(VietnamTime.date(of:)) }
}
