/// The members of a JSON object, in order.
///
/// Keys are expected to be unique (the proto3 mapping never repeats one); lookups return the first
/// member with the key.
public struct JSONObject: Hashable, Sendable {
    /// One `"key": value` pair.
    public struct Member: Hashable, Sendable {
        public var key: String
        public var value: JSONValue

        public init(key: String, value: JSONValue) {
            self.key = key
            self.value = value
        }
    }

    /// The members in order.
    public var members: [Member]

    public init(_ members: [Member] = []) {
        self.members = members
    }

    /// The keys in order.
    public var keys: [String] { self.members.map(\.key) }

    public var isEmpty: Bool { self.members.isEmpty }

    public var count: Int { self.members.count }

    /// The value of the first member named `key`, or nil.
    public subscript(key: String) -> JSONValue? {
        self.members.first { $0.key == key }?.value
    }

    /// Adds a member at the end.
    public mutating func append(_ key: String, _ value: JSONValue) {
        self.members.append(Member(key: key, value: value))
    }
}

extension JSONObject: ExpressibleByDictionaryLiteral {
    public init(dictionaryLiteral elements: (String, JSONValue)...) {
        self.init(elements.map { Member(key: $0.0, value: $0.1) })
    }
}
