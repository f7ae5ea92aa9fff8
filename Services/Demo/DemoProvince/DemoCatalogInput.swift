public import DomainModel

extension DemoProvince {
    /// An administrative unit as the generator needs it (from the catalog's `ListUnits`).
    public struct Unit: Hashable, Sendable {
        public var code: String
        /// Full Vietnamese name with its type, e.g. `Xã Nậm Kè`.
        public var name: String
        public var level: UnitLevel
        public var type: UnitType
        /// The unit one tier up; empty for the province.
        public var parentCode: String

        public init(code: String, name: String, level: UnitLevel, type: UnitType, parentCode: String) {
            self.code = code
            self.name = name
            self.level = level
            self.type = type
            self.parentCode = parentCode
        }
    }

    /// A procedure as the generator needs it (from the catalog's `ListProcedures`).
    public struct Procedure: Hashable, Sendable {
        public var code: String
        public var field: String
        public var implementingLevel: ImplementingLevel
        /// Old online level, 1 to 4.
        public var onlineLevel: Int
        public var deadline: LegalDeadline
        /// The total of its fees in đồng (0: free).
        public var feeVND: Int64

        public init(code: String, field: String, implementingLevel: ImplementingLevel, onlineLevel: Int, deadline: LegalDeadline, feeVND: Int64) {
            self.code = code
            self.field = field
            self.implementingLevel = implementingLevel
            self.onlineLevel = onlineLevel
            self.deadline = deadline
            self.feeVND = feeVND
        }

        /// Whether a dossier can be filed online (old levels 3 and 4).
        public var acceptsOnline: Bool { self.onlineLevel >= 3 }
    }

    /// What the generator reads from the catalog: the units in force in 2022, the procedures and the holiday calendar.
    /// The order of the lists does not matter (the generator sorts them by code).
    public struct Catalog: Sendable {
        public var units: [Unit]
        public var procedures: [Procedure]
        public var calendar: WorkingCalendar

        public init(units: [Unit], procedures: [Procedure], calendar: WorkingCalendar) {
            self.units = units
            self.procedures = procedures
            self.calendar = calendar
        }
    }
}
