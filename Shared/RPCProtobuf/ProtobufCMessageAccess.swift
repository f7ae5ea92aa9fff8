internal import CProtoMessages
internal import CProtobufC

// Reads and writes the members of protobuf-c C structs on behalf of generated code.
//
// Members are located through the protobuf-c field descriptors (`offset`, `quantifier_offset`,
// `flags`), so generated Swift names fields only by number. Layouts used, per protobuf-c 1.4.1:
// - singular scalar: the C value at `offset` (`protobuf_c_boolean` is a 4-byte int);
// - string: `char *` at `offset` (NUL-terminated); bytes: `ProtobufCBinaryData` at `offset`;
// - message: pointer to the sub-struct at `offset`, NULL when absent;
// - repeated: `size_t` count at `quantifier_offset`, pointer to the array at `offset`
//   (messages are arrays of pointers); maps are repeated entry messages (key = 1, value = 2);
// - oneof member: the selected field number (a 4-byte enum) at `quantifier_offset`.

/// A fixed-size value that protobuf-c stores inline (integers, floats, bools, enum raw values).
protocol ProtobufCScalar: BitwiseCopyable {
    /// The size of one element in protobuf-c's arrays.
    static var cStride: Int { get }
    static func load(from memory: UnsafeRawPointer) -> Self
    func store(to memory: UnsafeMutableRawPointer)
    static func loadArray(from memory: UnsafeRawPointer, count: Int) -> [Self]
    static func storeArray(_ values: [Self], to memory: UnsafeMutableRawPointer)
}

extension ProtobufCScalar {
    static var cStride: Int { MemoryLayout<Self>.stride }

    static func load(from memory: UnsafeRawPointer) -> Self {
        memory.load(as: Self.self)
    }

    func store(to memory: UnsafeMutableRawPointer) {
        memory.storeBytes(of: self, as: Self.self)
    }

    static func loadArray(from memory: UnsafeRawPointer, count: Int) -> [Self] {
        [Self](unsafeUninitializedCapacity: count) { buffer, initialized in
            UnsafeMutableRawPointer(buffer.baseAddress!).copyMemory(from: memory, byteCount: count * Self.cStride)
            initialized = count
        }
    }

    static func storeArray(_ values: [Self], to memory: UnsafeMutableRawPointer) {
        values.withUnsafeBytes { bytes in
            memory.copyMemory(from: bytes.baseAddress!, byteCount: bytes.count)
        }
    }
}

extension Int32: ProtobufCScalar {}
extension Int64: ProtobufCScalar {}
extension UInt32: ProtobufCScalar {}
extension UInt64: ProtobufCScalar {}
extension Float: ProtobufCScalar {}
extension Double: ProtobufCScalar {}

extension Bool: ProtobufCScalar {
    // protobuf_c_boolean is an int.
    static var cStride: Int { MemoryLayout<Int32>.stride }

    static func load(from memory: UnsafeRawPointer) -> Bool {
        memory.load(as: Int32.self) != 0
    }

    func store(to memory: UnsafeMutableRawPointer) {
        memory.storeBytes(of: self ? 1 : 0, as: Int32.self)
    }

    static func loadArray(from memory: UnsafeRawPointer, count: Int) -> [Bool] {
        (0..<count).map { Bool.load(from: memory + $0 * Self.cStride) }
    }

    static func storeArray(_ values: [Bool], to memory: UnsafeMutableRawPointer) {
        for (index, value) in values.enumerated() {
            value.store(to: memory + index * Self.cStride)
        }
    }
}

/// Field lookup shared by ``ProtobufCEncoder`` and ``ProtobufCDecoder``.
private func fieldDescriptor(
    _ descriptor: UnsafePointer<ProtobufCMessageDescriptor>,
    _ number: UInt32
) -> UnsafePointer<ProtobufCFieldDescriptor> {
    guard let field = protobuf_c_message_descriptor_get_field(descriptor, number) else {
        let message = String(cString: descriptor.pointee.name)
        preconditionFailure("\(message) has no field \(number) in CProtoMessages: run proto/generate.sh")
    }
    return field
}

private func messageDescriptor(
    of field: UnsafePointer<ProtobufCFieldDescriptor>
) -> UnsafePointer<ProtobufCMessageDescriptor> {
    field.pointee.descriptor.assumingMemoryBound(to: ProtobufCMessageDescriptor.self)
}

private func isOneofMember(_ field: UnsafePointer<ProtobufCFieldDescriptor>) -> Bool {
    field.pointee.flags & PROTOBUF_C_FIELD_FLAG_ONEOF.rawValue != 0
}

// MARK: - Encoding

/// Writes Swift field values into a C message struct allocated in a ``ProtobufCArena``.
///
/// Strings, bytes, arrays and sub-messages are copied into the arena, which the caller frees after
/// packing. A string containing U+0000 cannot be held in a C string, so it is written as an
/// unknown field with the same number instead: the bytes on the wire are the same.
struct ProtobufCEncoder {
    private let message: UnsafeMutableRawPointer
    private let descriptor: UnsafePointer<ProtobufCMessageDescriptor>
    private let arena: ProtobufCArena

    init(message: UnsafeMutableRawPointer, descriptor: UnsafePointer<ProtobufCMessageDescriptor>, arena: ProtobufCArena)
    {
        self.message = message
        self.descriptor = descriptor
        self.arena = arena
    }

    func setScalar<Value: ProtobufCScalar>(_ value: Value, field number: UInt32) {
        let field = fieldDescriptor(self.descriptor, number)
        value.store(to: self.message + Int(field.pointee.offset))
        self.selectOneofCase(field)
    }

    func setString(_ value: String, field number: UInt32) {
        let field = fieldDescriptor(self.descriptor, number)
        if value.isEmpty && !isOneofMember(field) { return }
        guard let copy = self.copyCString(value) else {
            self.appendUnknownLengthDelimited(number, Array(value.utf8))
            return
        }
        self.storePointer(copy, at: field.pointee.offset)
        self.selectOneofCase(field)
    }

    func setBytes(_ value: [UInt8], field number: UInt32) {
        let field = fieldDescriptor(self.descriptor, number)
        if value.isEmpty && !isOneofMember(field) { return }
        let binary = self.copyBinary(value)
        (self.message + Int(field.pointee.offset)).storeBytes(of: binary, as: ProtobufCBinaryData.self)
        self.selectOneofCase(field)
    }

    func setMessage<Value: ProtobufCBridged>(_ value: Value?, field number: UInt32) {
        guard let value else { return }
        let field = fieldDescriptor(self.descriptor, number)
        self.storePointer(self.encodeSubmessage(value, messageDescriptor(of: field)), at: field.pointee.offset)
        self.selectOneofCase(field)
    }

    func setRepeatedScalar<Value: ProtobufCScalar>(_ values: [Value], field number: UInt32) {
        guard !values.isEmpty else { return }
        let field = fieldDescriptor(self.descriptor, number)
        let array = self.arena.allocate(byteCount: values.count * Value.cStride)
        Value.storeArray(values, to: array)
        self.storeRepeated(field, count: values.count, array: array)
    }

    func setRepeatedString(_ values: [String], field number: UInt32) {
        guard !values.isEmpty else { return }
        let field = fieldDescriptor(self.descriptor, number)
        let array = self.pointerArray(count: values.count)
        for (index, value) in values.enumerated() {
            guard let copy = self.copyCString(value) else {
                // Keep the order of the elements: send all of them as unknown fields.
                for value in values { self.appendUnknownLengthDelimited(number, Array(value.utf8)) }
                return
            }
            array[index] = copy
        }
        self.storeRepeated(field, count: values.count, array: UnsafeMutableRawPointer(array))
    }

    func setRepeatedBytes(_ values: [[UInt8]], field number: UInt32) {
        guard !values.isEmpty else { return }
        let field = fieldDescriptor(self.descriptor, number)
        let stride = MemoryLayout<ProtobufCBinaryData>.stride
        let array = self.arena.allocate(byteCount: values.count * stride)
        for (index, value) in values.enumerated() {
            (array + index * stride).storeBytes(of: self.copyBinary(value), as: ProtobufCBinaryData.self)
        }
        self.storeRepeated(field, count: values.count, array: array)
    }

    func setRepeatedMessage<Value: ProtobufCBridged>(_ values: [Value], field number: UInt32) {
        guard !values.isEmpty else { return }
        let field = fieldDescriptor(self.descriptor, number)
        let nested = messageDescriptor(of: field)
        let array = self.pointerArray(count: values.count)
        for (index, value) in values.enumerated() {
            array[index] = self.encodeSubmessage(value, nested)
        }
        self.storeRepeated(field, count: values.count, array: UnsafeMutableRawPointer(array))
    }

    /// Writes a map as repeated entry messages, in key order so that the encoding is deterministic.
    func setMap<Key: Hashable, Value>(
        _ map: [Key: Value],
        field number: UInt32,
        keysInOrder: (Key, Key) -> Bool,
        entry encodeEntry: (ProtobufCEncoder, Key, Value) -> Void
    ) {
        guard !map.isEmpty else { return }
        let field = fieldDescriptor(self.descriptor, number)
        let entryDescriptor = messageDescriptor(of: field)
        let array = self.pointerArray(count: map.count)
        for (index, element) in map.sorted(by: { keysInOrder($0.key, $1.key) }).enumerated() {
            let entry = self.arena.makeMessage(entryDescriptor)
            encodeEntry(
                ProtobufCEncoder(message: entry, descriptor: entryDescriptor, arena: self.arena),
                element.key,
                element.value
            )
            array[index] = entry
        }
        self.storeRepeated(field, count: map.count, array: UnsafeMutableRawPointer(array))
    }

    // Helpers -------------------------------------------------------------------------------

    private func encodeSubmessage<Value: ProtobufCBridged>(
        _ value: Value,
        _ nested: UnsafePointer<ProtobufCMessageDescriptor>
    ) -> UnsafeMutableRawPointer {
        let memory = self.arena.makeMessage(nested)
        value.encode(to: ProtobufCEncoder(message: memory, descriptor: nested, arena: self.arena))
        return memory
    }

    private func selectOneofCase(_ field: UnsafePointer<ProtobufCFieldDescriptor>) {
        guard isOneofMember(field) else { return }
        (self.message + Int(field.pointee.quantifier_offset)).storeBytes(of: field.pointee.id, as: UInt32.self)
    }

    private func storePointer(_ pointer: UnsafeMutableRawPointer, at offset: UInt32) {
        (self.message + Int(offset)).storeBytes(of: pointer, as: UnsafeMutableRawPointer.self)
    }

    private func storeRepeated(
        _ field: UnsafePointer<ProtobufCFieldDescriptor>,
        count: Int,
        array: UnsafeMutableRawPointer
    ) {
        (self.message + Int(field.pointee.quantifier_offset)).storeBytes(of: count, as: Int.self)
        self.storePointer(array, at: field.pointee.offset)
    }

    private func pointerArray(count: Int) -> UnsafeMutablePointer<UnsafeMutableRawPointer> {
        self.arena.allocate(byteCount: count * MemoryLayout<UnsafeMutableRawPointer>.stride)
            .bindMemory(to: UnsafeMutableRawPointer.self, capacity: count)
    }

    /// A NUL-terminated copy of `value`, or nil if it contains U+0000.
    private func copyCString(_ value: String) -> UnsafeMutableRawPointer? {
        var value = value
        return value.withUTF8 { utf8 -> UnsafeMutableRawPointer? in
            if utf8.contains(0) { return nil }
            let memory = self.arena.allocate(byteCount: utf8.count + 1)
            if let base = utf8.baseAddress, utf8.count > 0 {
                memory.copyMemory(from: base, byteCount: utf8.count)
            }
            memory.storeBytes(of: 0, toByteOffset: utf8.count, as: UInt8.self)
            return memory
        }
    }

    private func copyBinary(_ value: [UInt8]) -> ProtobufCBinaryData {
        let memory = value.withUnsafeBytes { self.arena.copy($0) }
        return ProtobufCBinaryData(len: value.count, data: memory.assumingMemoryBound(to: UInt8.self))
    }

    /// Adds a length-delimited unknown field; protobuf-c packs unknown fields after the known ones.
    private func appendUnknownLengthDelimited(_ number: UInt32, _ bytes: [UInt8]) {
        var encoded: [UInt8] = []
        var length = UInt64(bytes.count)
        while length >= 0x80 {
            encoded.append(UInt8(truncatingIfNeeded: length) | 0x80)
            length >>= 7
        }
        encoded.append(UInt8(length))
        encoded += bytes
        let data = encoded.withUnsafeBytes { self.arena.copy($0) }

        let header = self.message.assumingMemoryBound(to: ProtobufCMessage.self)
        let count = Int(header.pointee.n_unknown_fields)
        let fields = self.arena.allocate(byteCount: (count + 1) * MemoryLayout<ProtobufCMessageUnknownField>.stride)
            .bindMemory(to: ProtobufCMessageUnknownField.self, capacity: count + 1)
        if count > 0, let existing = header.pointee.unknown_fields {
            fields.initialize(from: existing, count: count)
        }
        (fields + count).initialize(
            to: ProtobufCMessageUnknownField(
                tag: number,
                wire_type: PROTOBUF_C_WIRE_TYPE_LENGTH_PREFIXED,
                len: encoded.count,
                data: data.assumingMemoryBound(to: UInt8.self)
            )
        )
        header.pointee.unknown_fields = fields
        header.pointee.n_unknown_fields = UInt32(count + 1)
    }
}

// MARK: - Decoding

/// Reads Swift field values out of a C message struct returned by `protobuf_c_message_unpack`.
///
/// Strings were checked by ``WireDepthScanner`` before unpacking (valid UTF-8, no NUL), so they
/// convert without further checks.
struct ProtobufCDecoder {
    private let message: UnsafeRawPointer
    private let descriptor: UnsafePointer<ProtobufCMessageDescriptor>

    init(message: UnsafeRawPointer, descriptor: UnsafePointer<ProtobufCMessageDescriptor>) {
        self.message = message
        self.descriptor = descriptor
    }

    func scalar<Value: ProtobufCScalar>(field number: UInt32) -> Value {
        Value.load(from: self.message + Int(fieldDescriptor(self.descriptor, number).pointee.offset))
    }

    func string(field number: UInt32) -> String {
        Self.string(at: self.message + Int(fieldDescriptor(self.descriptor, number).pointee.offset))
    }

    func bytes(field number: UInt32) -> [UInt8] {
        Self.bytes(at: self.message + Int(fieldDescriptor(self.descriptor, number).pointee.offset))
    }

    func message<Value: ProtobufCBridged>(field number: UInt32) -> Value? {
        let field = fieldDescriptor(self.descriptor, number)
        guard let nested = self.message.load(fromByteOffset: Int(field.pointee.offset), as: UnsafeRawPointer?.self)
        else {
            return nil
        }
        return Value(from: ProtobufCDecoder(message: nested, descriptor: messageDescriptor(of: field)))
    }

    /// The field number of the selected member of the oneof that `field` belongs to, or 0.
    func oneofCase(field number: UInt32) -> UInt32 {
        let field = fieldDescriptor(self.descriptor, number)
        return self.message.load(fromByteOffset: Int(field.pointee.quantifier_offset), as: UInt32.self)
    }

    func repeatedScalar<Value: ProtobufCScalar>(field number: UInt32) -> [Value] {
        guard let (_, count, array) = self.repeated(number) else { return [] }
        return Value.loadArray(from: array, count: count)
    }

    func repeatedString(field number: UInt32) -> [String] {
        guard let (_, count, array) = self.repeated(number) else { return [] }
        let stride = MemoryLayout<UnsafeRawPointer>.stride
        return (0..<count).map { Self.string(at: array + $0 * stride) }
    }

    func repeatedBytes(field number: UInt32) -> [[UInt8]] {
        guard let (_, count, array) = self.repeated(number) else { return [] }
        let stride = MemoryLayout<ProtobufCBinaryData>.stride
        return (0..<count).map { Self.bytes(at: array + $0 * stride) }
    }

    func repeatedMessage<Value: ProtobufCBridged>(field number: UInt32) -> [Value] {
        guard let (field, count, array) = self.repeated(number) else { return [] }
        let nested = messageDescriptor(of: field)
        let stride = MemoryLayout<UnsafeRawPointer>.stride
        return (0..<count).map { index in
            let element = array.load(fromByteOffset: index * stride, as: UnsafeRawPointer.self)
            return Value(from: ProtobufCDecoder(message: element, descriptor: nested))
        }
    }

    /// Reads a map from its repeated entry messages; a key seen twice keeps its last value.
    func map<Key: Hashable, Value>(
        field number: UInt32,
        _ decodeEntry: (ProtobufCDecoder) -> (Key, Value)
    ) -> [Key: Value] {
        guard let (field, count, array) = self.repeated(number) else { return [:] }
        let entryDescriptor = messageDescriptor(of: field)
        let stride = MemoryLayout<UnsafeRawPointer>.stride
        var map = [Key: Value](minimumCapacity: count)
        for index in 0..<count {
            let entry = array.load(fromByteOffset: index * stride, as: UnsafeRawPointer.self)
            let (key, value) = decodeEntry(ProtobufCDecoder(message: entry, descriptor: entryDescriptor))
            map[key] = value
        }
        return map
    }

    // Helpers -------------------------------------------------------------------------------

    private func repeated(
        _ number: UInt32
    ) -> (field: UnsafePointer<ProtobufCFieldDescriptor>, count: Int, array: UnsafeRawPointer)? {
        let field = fieldDescriptor(self.descriptor, number)
        let count = self.message.load(fromByteOffset: Int(field.pointee.quantifier_offset), as: Int.self)
        guard count > 0,
            let array = self.message.load(fromByteOffset: Int(field.pointee.offset), as: UnsafeRawPointer?.self)
        else { return nil }
        return (field, count, array)
    }

    private static func string(at member: UnsafeRawPointer) -> String {
        guard let cString = member.load(as: UnsafePointer<CChar>?.self) else { return "" }
        return String(cString: cString)
    }

    private static func bytes(at member: UnsafeRawPointer) -> [UInt8] {
        let binary = member.load(as: ProtobufCBinaryData.self)
        guard binary.len > 0, let data = binary.data else { return [] }
        return Array(UnsafeBufferPointer(start: data, count: binary.len))
    }
}
