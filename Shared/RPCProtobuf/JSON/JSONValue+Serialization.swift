extension JSONValue {
    /// The JSON text of the value.
    ///
    /// Deterministic: object members in their order, no trailing spaces, `\n` line ends when
    /// `pretty` (two-space indentation, `"key": value`, empty containers as `[]` and `{}`).
    /// Strings are UTF-8 with `"`, `\` and the control characters escaped (`\n`, `\t`, … or
    /// `\u001f`); every other character is written as it is.
    public func serialized(pretty: Bool = false) -> String {
        var writer = JSONWriter(pretty: pretty)
        writer.write(self, depth: 0)
        return String(decoding: writer.bytes, as: UTF8.self)
    }

    /// The text of a number as ``serialized(pretty:)`` writes it (`"NaN"` and the infinities quoted).
    static func numberText(_ value: Double) -> String {
        if value.isNaN { return "\"NaN\"" }
        if value.isInfinite { return value < 0 ? "\"-Infinity\"" : "\"Infinity\"" }
        if value == 0 { return value.sign == .minus ? "-0" : "0" }
        if value == value.rounded(.towardZero), abs(value) < 9_007_199_254_740_992 {
            return String(Int64(value))
        }
        return value.description
    }
}

/// Appends the UTF-8 text of JSON values to a byte buffer.
private struct JSONWriter {
    let pretty: Bool
    var bytes: [UInt8] = []

    init(pretty: Bool) {
        self.pretty = pretty
    }

    mutating func write(_ value: JSONValue, depth: Int) {
        switch value {
        case .null:
            self.bytes.append(contentsOf: "null".utf8)
        case .bool(let flag):
            self.bytes.append(contentsOf: (flag ? "true" : "false").utf8)
        case .integer(let number):
            self.bytes.append(contentsOf: String(number).utf8)
        case .double(let number):
            self.bytes.append(contentsOf: JSONValue.numberText(number).utf8)
        case .string(let text):
            self.writeString(text)
        case .array(let elements):
            guard !elements.isEmpty else {
                self.bytes.append(contentsOf: "[]".utf8)
                return
            }
            self.bytes.append(UInt8(ascii: "["))
            for (index, element) in elements.enumerated() {
                if index > 0 { self.bytes.append(UInt8(ascii: ",")) }
                self.newline(depth: depth + 1)
                self.write(element, depth: depth + 1)
            }
            self.newline(depth: depth)
            self.bytes.append(UInt8(ascii: "]"))
        case .object(let object):
            guard !object.isEmpty else {
                self.bytes.append(contentsOf: "{}".utf8)
                return
            }
            self.bytes.append(UInt8(ascii: "{"))
            for (index, member) in object.members.enumerated() {
                if index > 0 { self.bytes.append(UInt8(ascii: ",")) }
                self.newline(depth: depth + 1)
                self.writeString(member.key)
                self.bytes.append(UInt8(ascii: ":"))
                if self.pretty { self.bytes.append(UInt8(ascii: " ")) }
                self.write(member.value, depth: depth + 1)
            }
            self.newline(depth: depth)
            self.bytes.append(UInt8(ascii: "}"))
        }
    }

    private mutating func newline(depth: Int) {
        guard self.pretty else { return }
        self.bytes.append(UInt8(ascii: "\n"))
        self.bytes.append(contentsOf: repeatElement(UInt8(ascii: " "), count: 2 * depth))
    }

    private static let hexDigits = Array("0123456789abcdef".utf8)

    private mutating func writeString(_ text: String) {
        self.bytes.append(UInt8(ascii: "\""))
        for byte in text.utf8 {
            switch byte {
            case UInt8(ascii: "\""): self.bytes.append(contentsOf: "\\\"".utf8)
            case UInt8(ascii: "\\"): self.bytes.append(contentsOf: "\\\\".utf8)
            case 0x0A: self.bytes.append(contentsOf: "\\n".utf8)
            case 0x0D: self.bytes.append(contentsOf: "\\r".utf8)
            case 0x09: self.bytes.append(contentsOf: "\\t".utf8)
            case 0x08: self.bytes.append(contentsOf: "\\b".utf8)
            case 0x0C: self.bytes.append(contentsOf: "\\f".utf8)
            case 0x00..<0x20:
                self.bytes.append(contentsOf: "\\u00".utf8)
                self.bytes.append(Self.hexDigits[Int(byte >> 4)])
                self.bytes.append(Self.hexDigits[Int(byte & 0x0F)])
            default:
                self.bytes.append(byte)
            }
        }
        self.bytes.append(UInt8(ascii: "\""))
    }
}
