/// A JSON value whose objects keep their members in insertion order.
///
/// The proto3 JSON mapping of generated messages (``ProtoJSONConvertible``) produces it, and
/// ``serialized(pretty:)`` turns it into text deterministically: object keys in the order they
/// were added (field order for messages), UTF-8, escaped as RFC 8259 requires.
///
/// Literals build values directly, which keeps tests short:
///
/// ```swift
/// let value: JSONValue = ["code": "1.001193", "onlineLevel": 4, "fees": []]
/// ```
public enum JSONValue: Hashable, Sendable {
    case null
    case bool(Bool)
    /// An integer, written without fraction or exponent.
    case integer(Int64)
    /// A number, written in the shortest form that reads back as the same `Double`
    /// (integral values without a fraction). Non-finite values are written as the strings
    /// `"NaN"`, `"Infinity"` and `"-Infinity"`, as the proto3 mapping does.
    case double(Double)
    case string(String)
    case array([JSONValue])
    case object(JSONObject)
}

extension JSONValue {
    /// The members of an object, or nil.
    public var objectValue: JSONObject? {
        if case .object(let object) = self { return object }
        return nil
    }

    /// The elements of an array, or nil.
    public var arrayValue: [JSONValue]? {
        if case .array(let elements) = self { return elements }
        return nil
    }

    /// The text of a string, or nil.
    public var stringValue: String? {
        if case .string(let text) = self { return text }
        return nil
    }

    /// The member `key` of an object; nil for a missing key or a value that is not an object.
    public subscript(key: String) -> JSONValue? {
        self.objectValue?[key]
    }
}

extension JSONValue: ExpressibleByNilLiteral {
    public init(nilLiteral: ()) { self = .null }
}

extension JSONValue: ExpressibleByBooleanLiteral {
    public init(booleanLiteral value: Bool) { self = .bool(value) }
}

extension JSONValue: ExpressibleByIntegerLiteral {
    public init(integerLiteral value: Int64) { self = .integer(value) }
}

extension JSONValue: ExpressibleByFloatLiteral {
    public init(floatLiteral value: Double) { self = .double(value) }
}

extension JSONValue: ExpressibleByStringLiteral {
    public init(stringLiteral value: String) { self = .string(value) }
}

extension JSONValue: ExpressibleByArrayLiteral {
    public init(arrayLiteral elements: JSONValue...) { self = .array(elements) }
}

extension JSONValue: ExpressibleByDictionaryLiteral {
    public init(dictionaryLiteral elements: (String, JSONValue)...) {
        self = .object(JSONObject(elements.map { JSONObject.Member(key: $0.0, value: $0.1) }))
    }
}

extension JSONValue: CustomStringConvertible {
    /// The compact serialization.
    public var description: String { self.serialized() }
}
