/// A generated message or enum with its proto3 JSON mapping.
///
/// Every message and enum that `proto/generate.sh` generates conforms. The mapping follows
/// <https://protobuf.dev/programming-guides/json/>:
///
/// - field names are the proto `json_name` (lowerCamelCase unless the proto says otherwise);
/// - fields at their default value (0, `""`, `false`, empty bytes, enum value 0, empty repeated
///   fields and maps) are omitted unless `includingDefaults` is true; message fields and oneofs are
///   written only when set (with `includingDefaults` too, as the reference implementations do),
///   and a set oneof member is written even when it holds a default value;
/// - enums are their proto names (undeclared values as numbers); 64-bit integers are strings;
///   bytes are standard base64 with padding; float and double are numbers, or `"NaN"`,
///   `"Infinity"`, `"-Infinity"`;
/// - repeated fields are arrays, maps objects (keys as strings, in ascending key order);
/// - `google.protobuf.Timestamp` is an RFC 3339 string in UTC (`"2022-01-28T07:05:00Z"`, with 0, 3,
///   6 or 9 fractional digits), `google.protobuf.Duration` a string of seconds (`"1.500s"`, `"-3s"`,
///   same digits), the wrapper types (`google.protobuf.Int64Value`, …) their value as above.
public protocol ProtoJSONConvertible {
    /// The proto3 JSON mapping of the value.
    ///
    /// - Parameter includingDefaults: also write the fields that hold their default value
    ///   (ignored by enums).
    func jsonValue(includingDefaults: Bool) -> JSONValue
}

extension ProtoJSONConvertible {
    /// The proto3 JSON mapping of the value, without default-valued fields.
    public func jsonValue() -> JSONValue {
        self.jsonValue(includingDefaults: false)
    }

    /// The proto3 JSON text of the value (see ``JSONValue/serialized(pretty:)``).
    public func jsonString(includingDefaults: Bool = false, pretty: Bool = false) -> String {
        self.jsonValue(includingDefaults: includingDefaults).serialized(pretty: pretty)
    }
}

/// A generated (open) enum: its JSON value is the name of its value in the proto.
public protocol ProtoJSONEnum: ProtoJSONConvertible, RawRepresentable where RawValue == Int32 {
    /// The name declared in the proto for this value (the first one, for aliases), or nil for a
    /// value the proto does not declare.
    var protoName: String? { get }
}

extension ProtoJSONEnum {
    /// The proto name as a string, or the number for an undeclared value.
    public func jsonValue(includingDefaults: Bool) -> JSONValue {
        if let name = self.protoName { return .string(name) }
        return .integer(Int64(self.rawValue))
    }
}
