/// What ``WireDepthScanner`` needs to know about a message type: which fields hold sub-messages
/// (to follow them) and which hold strings (to check them).
protocol WireSchema {
    /// The fully-qualified name of the message, for error messages.
    var messageName: String { get }

    /// What field `number` holds; `.other` for unknown fields.
    func field(_ number: UInt32) -> WireFieldKind<Self>

    /// The name of field `number`, for error messages.
    func fieldName(_ number: UInt32) -> String
}

/// The kinds of length-delimited field the scanner treats specially.
enum WireFieldKind<Schema> {
    /// A sub-message of the given type: scanned recursively, one nesting level deeper.
    case message(Schema)
    /// A proto3 `string`: must be valid UTF-8 without NUL characters.
    case string
    /// Anything else (scalars, bytes, packed arrays, unknown fields): skipped.
    case other
}

/// Why ``WireDepthScanner`` rejected an encoded message.
struct WireScanError: Error, CustomStringConvertible {
    enum Reason: Equatable {
        /// A varint longer than 10 bytes, or a tag beyond 32 bits.
        case malformedVarint
        /// A field (or a length) runs past the end of its message.
        case truncated
        /// A tag with field number 0.
        case invalidFieldNumber
        /// Wire types 6 and 7 do not exist.
        case invalidWireType(UInt8)
        /// Wire types 3 and 4 (groups) are not supported by protobuf-c.
        case groupNotSupported
        /// Sub-messages nested deeper than the limit.
        case tooDeep(limit: Int)
        /// A string field that is not valid UTF-8.
        case invalidUTF8(field: String)
        /// A string field containing U+0000, which protobuf-c's NUL-terminated strings cannot hold.
        case nulInString(field: String)
    }

    var reason: Reason
    /// Byte offset in the input where the problem was found.
    var offset: Int

    var description: String {
        switch self.reason {
        case .malformedVarint:
            return "malformed varint at byte \(self.offset)"
        case .truncated:
            return "truncated input: a field at byte \(self.offset) runs past the end of its message"
        case .invalidFieldNumber:
            return "invalid field number 0 at byte \(self.offset)"
        case .invalidWireType(let type):
            return "invalid wire type \(type) at byte \(self.offset)"
        case .groupNotSupported:
            return "groups (wire types 3 and 4) are not supported, at byte \(self.offset)"
        case .tooDeep(let limit):
            return "nesting deeper than \(limit) levels"
        case .invalidUTF8(let field):
            return "string field \(field) is not valid UTF-8"
        case .nulInString(let field):
            return "string field \(field) contains a NUL character, which protobuf-c cannot represent"
        }
    }
}

/// Checks encoded protobuf bytes before they are handed to protobuf-c, which has no recursion limit
/// and no UTF-8 validation.
///
/// It walks the wire format once, following length-delimited fields that the schema says are
/// sub-messages, and rejects:
/// - nesting deeper than the limit (100, like protobuf C++ and Go; protobuf-c overflows the stack
///   near 10,000 levels),
/// - malformed varints, unknown wire types, groups, and lengths running past the end,
/// - string fields that are not valid UTF-8 or contain NUL.
///
/// Recursion depth is bounded by the limit, so hostile input cannot exhaust the stack here either.
enum WireDepthScanner {
    static func scan<Schema: WireSchema>(
        _ bytes: UnsafeBufferPointer<UInt8>,
        schema: Schema,
        maximumDepth: Int
    ) throws(WireScanError) {
        try self.scanMessage(bytes, start: 0, end: bytes.count, schema: schema, depth: 0, maximumDepth: maximumDepth)
    }

    private static func scanMessage<Schema: WireSchema>(
        _ bytes: UnsafeBufferPointer<UInt8>,
        start: Int,
        end: Int,
        schema: Schema,
        depth: Int,
        maximumDepth: Int
    ) throws(WireScanError) {
        var position = start
        while position < end {
            let tagOffset = position
            let tag = try self.readVarint(bytes, &position, end: end)
            guard tag <= UInt64(UInt32.max) else {
                throw WireScanError(reason: .malformedVarint, offset: tagOffset)
            }
            let number = UInt32(truncatingIfNeeded: tag >> 3)
            guard number != 0 else {
                throw WireScanError(reason: .invalidFieldNumber, offset: tagOffset)
            }
            switch UInt8(truncatingIfNeeded: tag & 7) {
            case 0:
                _ = try self.readVarint(bytes, &position, end: end)
            case 1:
                guard end - position >= 8 else { throw WireScanError(reason: .truncated, offset: tagOffset) }
                position += 8
            case 5:
                guard end - position >= 4 else { throw WireScanError(reason: .truncated, offset: tagOffset) }
                position += 4
            case 2:
                let length = try self.readVarint(bytes, &position, end: end)
                guard length <= UInt64(end - position) else {
                    throw WireScanError(reason: .truncated, offset: tagOffset)
                }
                let fieldEnd = position + Int(length)
                switch schema.field(number) {
                case .message(let nested):
                    guard depth < maximumDepth else {
                        throw WireScanError(reason: .tooDeep(limit: maximumDepth), offset: tagOffset)
                    }
                    try self.scanMessage(
                        bytes,
                        start: position,
                        end: fieldEnd,
                        schema: nested,
                        depth: depth + 1,
                        maximumDepth: maximumDepth
                    )
                case .string:
                    switch UTF8Check.check(UnsafeBufferPointer(rebasing: bytes[position..<fieldEnd])) {
                    case .valid:
                        break
                    case .invalid:
                        let name = "\(schema.messageName).\(schema.fieldName(number))"
                        throw WireScanError(reason: .invalidUTF8(field: name), offset: tagOffset)
                    case .containsNUL:
                        let name = "\(schema.messageName).\(schema.fieldName(number))"
                        throw WireScanError(reason: .nulInString(field: name), offset: tagOffset)
                    }
                case .other:
                    break
                }
                position = fieldEnd
            case 3, 4:
                throw WireScanError(reason: .groupNotSupported, offset: tagOffset)
            case let wireType:
                throw WireScanError(reason: .invalidWireType(wireType), offset: tagOffset)
            }
        }
    }

    /// Reads a base-128 varint of at most 10 bytes (the 10th may only carry the top bit).
    private static func readVarint(
        _ bytes: UnsafeBufferPointer<UInt8>,
        _ position: inout Int,
        end: Int
    ) throws(WireScanError) -> UInt64 {
        let start = position
        var result: UInt64 = 0
        var shift: UInt64 = 0
        while true {
            guard position < end else { throw WireScanError(reason: .truncated, offset: start) }
            let byte = bytes[position]
            position += 1
            if shift == 63 && byte > 1 {
                throw WireScanError(reason: .malformedVarint, offset: start)
            }
            result |= UInt64(byte & 0x7F) << shift
            if byte & 0x80 == 0 { return result }
            shift += 7
            if shift > 63 { throw WireScanError(reason: .malformedVarint, offset: start) }
        }
    }
}

/// UTF-8 validation following the Unicode definition (no overlong forms, no surrogates,
/// nothing above U+10FFFF), as protobuf C++ and Go apply it to proto3 strings.
enum UTF8Check {
    enum Result: Equatable {
        case valid
        case invalid
        /// Valid UTF-8 that contains U+0000.
        case containsNUL
    }

    static func check(_ bytes: UnsafeBufferPointer<UInt8>) -> Result {
        var sawNUL = false
        var index = 0
        let count = bytes.count
        while index < count {
            let lead = bytes[index]
            if lead < 0x80 {
                if lead == 0 { sawNUL = true }
                index += 1
                continue
            }
            let length: Int
            var lower: UInt8 = 0x80
            var upper: UInt8 = 0xBF
            switch lead {
            case 0xC2...0xDF:
                length = 2
            case 0xE0:
                length = 3
                lower = 0xA0
            case 0xE1...0xEC, 0xEE...0xEF:
                length = 3
            case 0xED:
                length = 3
                upper = 0x9F
            case 0xF0:
                length = 4
                lower = 0x90
            case 0xF1...0xF3:
                length = 4
            case 0xF4:
                length = 4
                upper = 0x8F
            default:
                return .invalid
            }
            guard count - index >= length else { return .invalid }
            let second = bytes[index + 1]
            guard second >= lower && second <= upper else { return .invalid }
            for offset in 2..<length where bytes[index + offset] & 0xC0 != 0x80 {
                return .invalid
            }
            index += length
        }
        return sawNUL ? .containsNUL : .valid
    }
}
