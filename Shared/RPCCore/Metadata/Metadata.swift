/// Request, response or trailing metadata: an ordered list of key/value pairs.
///
/// Keys are lower-case ASCII. Keys ending in `-bin` carry binary values (base64 on the wire); all other keys carry
/// printable ASCII strings. A key may appear more than once.
public struct Metadata: Sendable, Hashable, Sequence, ExpressibleByDictionaryLiteral, CustomStringConvertible {
    /// A metadata value: text for ordinary keys, bytes for `-bin` keys.
    public enum Value: Sendable, Hashable, CustomStringConvertible {
        case string(String)
        case binary([UInt8])

        public var description: String {
            switch self {
            case .string(let text): return text
            case .binary(let bytes): return Base64.encode(bytes, padded: true)
            }
        }
    }

    public struct Element: Sendable, Hashable {
        public var key: String
        public var value: Value
    }

    private var elements: [Element]

    public init() { self.elements = [] }

    public init(dictionaryLiteral elements: (String, Value)...) {
        self.elements = elements.map { Element(key: $0.0.lowercased(), value: $0.1) }
        self.elements.reserveCapacity(elements.count)
    }

    public var count: Int { self.elements.count }
    public var isEmpty: Bool { self.elements.isEmpty }

    public func makeIterator() -> IndexingIterator<[Element]> { self.elements.makeIterator() }

    /// Whether the key names a binary header (`-bin` suffix).
    public static func isBinaryKey(_ key: String) -> Bool { key.hasSuffix("-bin") }

    /// Appends a text value.
    public mutating func addString(_ value: String, forKey key: String) {
        self.elements.append(Element(key: key.lowercased(), value: .string(value)))
    }

    /// Appends a binary value.
    public mutating func addBinary(_ value: [UInt8], forKey key: String) {
        self.elements.append(Element(key: key.lowercased(), value: .binary(value)))
    }

    public mutating func add(_ value: Value, forKey key: String) {
        self.elements.append(Element(key: key.lowercased(), value: value))
    }

    public mutating func add(contentsOf other: Metadata) {
        self.elements.append(contentsOf: other.elements)
    }

    /// Removes every value of a key.
    public mutating func removeAllValues(forKey key: String) {
        let key = key.lowercased()
        self.elements.removeAll { $0.key == key }
    }

    /// Replaces every value of a key with one value.
    public mutating func replaceOrAdd(_ value: Value, forKey key: String) {
        self.removeAllValues(forKey: key)
        self.add(value, forKey: key)
    }

    /// All values of a key, in order.
    public subscript(key: String) -> [Value] {
        let key = key.lowercased()
        return self.elements.compactMap { $0.key == key ? $0.value : nil }
    }

    /// The first text value of a key.
    public func firstString(forKey key: String) -> String? {
        for case .string(let value) in self[key] { return value }
        return nil
    }

    /// The first binary value of a key.
    public func firstBinary(forKey key: String) -> [UInt8]? {
        for case .binary(let value) in self[key] { return value }
        return nil
    }

    public var description: String {
        "[" + self.elements.map { "\($0.key): \($0.value)" }.joined(separator: ", ") + "]"
    }
}
