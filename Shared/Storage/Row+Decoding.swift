public import GRDB

extension Row {
    /// The value of a column, or a ``StorageError/Code/corrupt`` error when it is missing, NULL or of another type
    /// (instead of GRDB's fatal error), so that a damaged row fails one call rather than the process.
    public func decode<Value: DatabaseValueConvertible>(_ column: String, as type: Value.Type = Value.self) throws(StorageError) -> Value {
        guard let value = try self.decodeIfPresent(column, as: type) else {
            throw StorageError(code: .corrupt, message: "column \(column) is missing or NULL")
        }
        return value
    }

    /// The value of a column, nil when NULL, or a ``StorageError/Code/corrupt`` error for a missing column or a value
    /// of another type.
    public func decodeIfPresent<Value: DatabaseValueConvertible>(_ column: String, as type: Value.Type = Value.self) throws(StorageError) -> Value? {
        guard self.hasColumn(column) else {
            throw StorageError(code: .corrupt, message: "column \(column) is missing")
        }
        let raw: DatabaseValue = self[column]
        if raw.isNull { return nil }
        guard let value = Value.fromDatabaseValue(raw) else {
            throw StorageError(code: .corrupt, message: "column \(column) holds \(raw), not a \(Value.self)")
        }
        return value
    }

    /// A column holding the raw value of an enumeration, or a ``StorageError/Code/corrupt`` error for an unknown value.
    public func decode<Value: RawRepresentable>(_ column: String, as type: Value.Type = Value.self) throws(StorageError) -> Value
    where Value.RawValue: DatabaseValueConvertible {
        let raw = try self.decode(column, as: Value.RawValue.self)
        guard let value = Value(rawValue: raw) else {
            throw StorageError(code: .corrupt, message: "column \(column) holds an unknown value \(raw)")
        }
        return value
    }
}
