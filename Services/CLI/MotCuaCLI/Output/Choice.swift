public import ArgumentParser
public import RPCProtobuf

/// A generated proto enum offered as a command-line choice.
///
/// Each value is written as its proto name without the enum's prefix, in lower case with dashes:
/// `UNIT_LEVEL_COMMUNE` is `commune`, `DEADLINE_UNIT_WORKING_DAYS` is `working-days`. The same words
/// are accepted in arguments and CSV files (as are the full proto names and the numbers) and shown
/// in tables, so what the CLI prints can be typed back.
public protocol Choice: ProtoJSONEnum, ExpressibleByArgument, Sendable {
    /// The proto names' common prefix, e.g. `UNIT_LEVEL_`.
    static var protoPrefix: String { get }
    /// Every declared value.
    static var knownValues: [Self] { get }
    init(rawValue: Int32)
}

extension Choice {
    /// Values a user may choose: every declared value but 0 (`…_UNSPECIFIED`, which means "any"
    /// or "not set").
    public static var choices: [Self] { Self.knownValues.filter { $0.rawValue != 0 } }

    /// The command-line word, e.g. `working-days`; the number for an undeclared value.
    public var token: String {
        guard let name = self.protoName else { return String(self.rawValue) }
        let bare = name.hasPrefix(Self.protoPrefix) ? String(name.dropFirst(Self.protoPrefix.count)) : name
        return String(bare.lowercased().map { $0 == "_" ? "-" : $0 })
    }

    /// Parses a word (`working-days`, `working_days`, `WORKING_DAYS`), a full proto name
    /// (`DEADLINE_UNIT_WORKING_DAYS`) or a number; nil otherwise. 0 (UNSPECIFIED) is not accepted.
    public init?(choice text: String) {
        let text = text.trimmingWhitespace()
        let normalized = String(text.lowercased().map { $0 == "_" ? "-" : $0 })
        if let number = Int32(text), number != 0 {
            self.init(rawValue: number)
            return
        }
        for value in Self.choices {
            if value.token == normalized || value.protoName?.lowercased() == text.lowercased() {
                self = value
                return
            }
        }
        return nil
    }

    /// `a, b or c`, for error messages.
    public static var choiceList: String {
        let tokens = Self.choices.map(\.token)
        guard tokens.count > 1 else { return tokens.first ?? "" }
        return tokens.dropLast().joined(separator: ", ") + " or " + tokens.last!
    }

    // ExpressibleByArgument
    public init?(argument: String) {
        self.init(choice: argument)
    }

    public static var allValueStrings: [String] { Self.choices.map(\.token) }

    public var defaultValueDescription: String { self.token }
}

extension Motcua_Catalog_V1_UnitLevel: Choice {
    public static let protoPrefix = "UNIT_LEVEL_"
}

extension Motcua_Catalog_V1_UnitType: Choice {
    public static let protoPrefix = "UNIT_TYPE_"
}

extension Motcua_Catalog_V1_ImplementingLevel: Choice {
    public static let protoPrefix = "IMPLEMENTING_LEVEL_"
}

extension Motcua_Catalog_V1_OnlineScheme: Choice {
    public static let protoPrefix = "ONLINE_SCHEME_"
}

extension Motcua_Catalog_V1_DeadlineUnit: Choice {
    public static let protoPrefix = "DEADLINE_UNIT_"
}

extension Motcua_Catalog_V1_CalendarDayKind: Choice {
    public static let protoPrefix = "CALENDAR_DAY_KIND_"
}

extension Motcua_Catalog_V1_ChangeAction: Choice {
    public static let protoPrefix = "CHANGE_ACTION_"
}

extension Motcua_Submission_V1_DossierStatus: Choice {
    public static let protoPrefix = "DOSSIER_STATUS_"
}

extension Motcua_Submission_V1_Channel: Choice {
    public static let protoPrefix = "CHANNEL_"
}

extension Motcua_Submission_V1_DossierAction: Choice {
    public static let protoPrefix = "DOSSIER_ACTION_"
}

extension Motcua_Submission_V1_PaymentMethod: Choice {
    public static let protoPrefix = "PAYMENT_METHOD_"
}

extension Motcua_Statistics_V1_Breakdown: Choice {
    public static let protoPrefix = "BREAKDOWN_"
}

extension Motcua_Statistics_V1_UnitActivitySort: Choice {
    public static let protoPrefix = "UNIT_ACTIVITY_SORT_"
}

extension Motcua_Statistics_V1_Granularity: Choice {
    public static let protoPrefix = "GRANULARITY_"
}

extension Motcua_Statistics_V1_RowKind: Choice {
    public static let protoPrefix = "ROW_KIND_"
}

extension Motcua_Statistics_V1_FeedState: Choice {
    public static let protoPrefix = "FEED_STATE_"
}
