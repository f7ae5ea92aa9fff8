internal import RPCCore

/// The building blocks of the generated proto3 JSON code: one function per field type.
///
/// Generated `jsonValue(includingDefaults:)` methods call these; they are public so that hand-written
/// code can map individual values the same way.
public enum ProtoJSON {
    /// `int32`, `sint32`, `sfixed32`: a number.
    public static func int32(_ value: Int32) -> JSONValue { .integer(Int64(value)) }

    /// `uint32`, `fixed32`: a number.
    public static func uint32(_ value: UInt32) -> JSONValue { .integer(Int64(value)) }

    /// `int64`, `sint64`, `sfixed64`: a decimal string (JSON numbers lose precision beyond 2^53).
    public static func int64(_ value: Int64) -> JSONValue { .string(String(value)) }

    /// `uint64`, `fixed64`: a decimal string.
    public static func uint64(_ value: UInt64) -> JSONValue { .string(String(value)) }

    /// `double`: a number, or `"NaN"`, `"Infinity"`, `"-Infinity"`.
    public static func double(_ value: Double) -> JSONValue {
        if value.isNaN { return .string("NaN") }
        if value.isInfinite { return .string(value < 0 ? "-Infinity" : "Infinity") }
        return .double(value)
    }

    /// `float`: a number with the float's own shortest decimal form (`0.1`, not
    /// `0.10000000149011612`), or `"NaN"`, `"Infinity"`, `"-Infinity"`.
    public static func float(_ value: Float) -> JSONValue {
        if !value.isFinite { return Self.double(Double(value)) }
        return .double(Double(value.description) ?? Double(value))
    }

    /// `bool`.
    public static func bool(_ value: Bool) -> JSONValue { .bool(value) }

    /// `string`.
    public static func string(_ value: String) -> JSONValue { .string(value) }

    /// `bytes`: standard base64 (RFC 4648 §4) with padding.
    public static func bytes(_ value: [UInt8]) -> JSONValue { .string(Base64.encode(value, padded: true)) }

    /// A map field: an object whose keys are the map keys as strings, in the order `areInIncreasingOrder`
    /// gives (ascending keys), so that the output does not depend on dictionary order.
    public static func map<Key, Value>(
        _ map: [Key: Value],
        by areInIncreasingOrder: (Key, Key) -> Bool,
        key: (Key) -> String,
        value: (Value) -> JSONValue
    ) -> JSONValue {
        let keys = map.keys.sorted(by: areInIncreasingOrder)
        return .object(JSONObject(keys.map { JSONObject.Member(key: key($0), value: value(map[$0]!)) }))
    }

    /// The JSON key of a `bool` map key.
    public static func boolKey(_ key: Bool) -> String { key ? "true" : "false" }
}

/// Collects the members of a message's JSON object in field order, leaving out default values
/// unless asked to keep them. Used by the generated code.
public struct ProtoJSONObjectBuilder {
    /// Whether fields at their default value are written.
    public let includingDefaults: Bool
    private var object = JSONObject()

    public init(includingDefaults: Bool) {
        self.includingDefaults = includingDefaults
    }

    /// Adds a field without presence: left out when `isDefault`, unless defaults are included.
    public mutating func add(_ name: String, _ value: @autoclosure () -> JSONValue, isDefault: Bool) {
        if !isDefault || self.includingDefaults {
            self.object.append(name, value())
        }
    }

    /// Adds a field that is present (a set oneof member).
    public mutating func add(_ name: String, _ value: JSONValue) {
        self.object.append(name, value)
    }

    /// Adds a message field (or message or enum oneof member) when it is set.
    public mutating func add(_ name: String, message: (some ProtoJSONConvertible)?) {
        if let message {
            self.object.append(name, message.jsonValue(includingDefaults: self.includingDefaults))
        }
    }

    /// Adds an enum field: left out at value 0, unless defaults are included.
    public mutating func add<Enum: ProtoJSONEnum>(_ name: String, enum value: Enum) {
        self.add(name, value.jsonValue(includingDefaults: false), isDefault: value.rawValue == 0)
    }

    /// Adds a repeated message or enum field: left out when empty, unless defaults are included.
    public mutating func add(_ name: String, repeated values: [some ProtoJSONConvertible]) {
        let includingDefaults = self.includingDefaults
        self.add(
            name, .array(values.map { $0.jsonValue(includingDefaults: includingDefaults) }), isDefault: values.isEmpty)
    }

    /// Adds a repeated scalar field: left out when empty, unless defaults are included.
    public mutating func add<Element>(_ name: String, repeated values: [Element], _ transform: (Element) -> JSONValue) {
        self.add(name, .array(values.map(transform)), isDefault: values.isEmpty)
    }

    /// Adds a map field with scalar values (see ``ProtoJSON/map(_:by:key:value:)``).
    public mutating func add<Key, Value>(
        _ name: String,
        map: [Key: Value],
        by areInIncreasingOrder: (Key, Key) -> Bool,
        key: (Key) -> String,
        value: (Value) -> JSONValue
    ) {
        self.add(name, ProtoJSON.map(map, by: areInIncreasingOrder, key: key, value: value), isDefault: map.isEmpty)
    }

    /// Adds a map field with message or enum values.
    public mutating func add<Key, Value: ProtoJSONConvertible>(
        _ name: String,
        map: [Key: Value],
        by areInIncreasingOrder: (Key, Key) -> Bool,
        key: (Key) -> String
    ) {
        let includingDefaults = self.includingDefaults
        self.add(name, map: map, by: areInIncreasingOrder, key: key) {
            $0.jsonValue(includingDefaults: includingDefaults)
        }
    }

    /// The object.
    public var value: JSONValue { .object(self.object) }
}
