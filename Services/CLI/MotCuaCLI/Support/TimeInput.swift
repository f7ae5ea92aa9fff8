public import ArgumentParser
public import DomainModel
public import RPCProtobuf

/// Parsing of the dates and instants users type (options, CSV cells).
public enum TimeInput {
    /// `YYYY-MM-DD` or `DD/MM/YYYY` (the Vietnamese order); nil otherwise.
    public static func date(_ text: String) -> CivilDate? {
        let text = text.trimmingWhitespace()
        if let date = CivilDate(iso8601: text) { return date }
        let parts = text.split(separator: "/", omittingEmptySubsequences: false)
        guard parts.count == 3, (1...2).contains(parts[0].count), (1...2).contains(parts[1].count), parts[2].count == 4,
            parts.allSatisfy({ $0.allSatisfy { $0.isASCII && $0.isNumber } }),
            let day = Int(parts[0]), let month = Int(parts[1]), let year = Int(parts[2])
        else { return nil }
        return CivilDate(year: year, month: month, day: day)
    }

    /// An instant: RFC 3339 with `Z` or an offset (`2022-01-28T09:30:00+07:00`), or a date and time
    /// in Vietnam (`2022-01-28 09:30`, `2022-01-28T09:30:15`, `28/01/2022 09:30`), or a date alone
    /// (its midnight in Vietnam). Fractions of a second are accepted. Nil otherwise.
    public static func instant(_ text: String) -> UnixInstant? {
        var text = Substring(text.trimmingWhitespace())
        guard !text.isEmpty else { return nil }
        if let date = Self.date(String(text)) { return VietnamTime.startOfDay(date) }
        // Split the date from the time at 'T' or the first space.
        guard let separator = text.firstIndex(where: { $0 == "T" || $0 == "t" || $0 == " " }),
            let date = Self.date(String(text[..<separator]))
        else { return nil }
        text = text[text.index(after: separator)...].drop { $0 == " " }
        // The zone: Z, +hh:mm, -hh:mm, +hhmm; none: Vietnam.
        var offsetSeconds = VietnamTime.utcOffsetSeconds
        if text.last == "Z" || text.last == "z" {
            offsetSeconds = 0
            text = text.dropLast()
        } else if let sign = text.lastIndex(where: { $0 == "+" || $0 == "-" }) {
            let zone = text[text.index(after: sign)...].filter { $0 != ":" }
            guard zone.count == 4, let hours = Int(zone.prefix(2)), let minutes = Int(zone.suffix(2)), hours < 24,
                minutes < 60
            else { return nil }
            offsetSeconds = Int64(hours * 3600 + minutes * 60) * (text[sign] == "-" ? -1 : 1)
            text = text[..<sign]
        }
        var nanoseconds: Int32 = 0
        if let dot = text.firstIndex(where: { $0 == "." || $0 == "," }) {
            let digits = text[text.index(after: dot)...]
            guard !digits.isEmpty, digits.count <= 9, digits.allSatisfy({ $0.isASCII && $0.isNumber }),
                let value = Int32(digits)
            else { return nil }
            var scaled = value
            for _ in digits.count..<9 { scaled *= 10 }
            nanoseconds = scaled
            text = text[..<dot]
        }
        let fields = text.split(separator: ":", omittingEmptySubsequences: false)
        guard (2...3).contains(fields.count),
            fields.allSatisfy({ $0.count == 2 && $0.allSatisfy { $0.isASCII && $0.isNumber } }),
            let hour = Int(fields[0]), let minute = Int(fields[1]), hour < 24, minute < 60
        else { return nil }
        let second = fields.count == 3 ? Int(fields[2]) ?? 99 : 0
        guard second < 60 else { return nil }
        let local = Int64(date.daysSinceEpoch) * 86_400 + Int64(hour * 3600 + minute * 60 + second)
        return UnixInstant(seconds: local - offsetSeconds, nanoseconds: nanoseconds)
    }
}

extension CivilDate {
    /// The proto date.
    public var proto: Motcua_Catalog_V1_Date {
        Motcua_Catalog_V1_Date.with {
            $0.year = Int32(self.year)
            $0.month = Int32(self.month)
            $0.day = Int32(self.day)
        }
    }
}

extension Motcua_Catalog_V1_Date {
    /// The civil date, or nil when the parts do not form one.
    public var civilDate: CivilDate? {
        CivilDate(year: Int(self.year), month: Int(self.month), day: Int(self.day))
    }
}

extension UnixInstant {
    /// The proto timestamp.
    public var proto: Google_Protobuf_Timestamp {
        Google_Protobuf_Timestamp.with {
            $0.seconds = self.seconds
            $0.nanos = self.nanoseconds
        }
    }
}

/// A date option: `YYYY-MM-DD` or `DD/MM/YYYY`.
public struct DateArgument: ExpressibleByArgument, Sendable, Hashable {
    public var date: CivilDate

    public init(_ date: CivilDate) {
        self.date = date
    }

    public init?(argument: String) {
        guard let date = TimeInput.date(argument) else { return nil }
        self.date = date
    }

    public var defaultValueDescription: String { self.date.iso8601 }
}

/// An instant option: `now`, RFC 3339, or a date and time in Vietnam (see ``TimeInput/instant(_:)``).
public struct InstantArgument: ExpressibleByArgument, Sendable, Hashable {
    /// nil: now.
    public var instant: UnixInstant?

    public init?(argument: String) {
        if argument.trimmingWhitespace().lowercased() == "now" {
            self.instant = nil
            return
        }
        guard let instant = TimeInput.instant(argument) else { return nil }
        self.instant = instant
    }

    /// The instant, `now` resolved with the context's clock.
    public func resolve(now: () -> UnixInstant) -> UnixInstant {
        self.instant ?? now()
    }
}
