internal import CProtoMessages
internal import CProtobufC
internal import RPCCore

/// How a generated Swift message maps onto its protobuf-c C struct.
///
/// The generator writes the conformance of every message (`extension X: ProtobufCBridged`): it
/// names the C descriptor and moves each field with ``ProtobufCEncoder`` / ``ProtobufCDecoder``,
/// which locate C struct members through the protobuf-c field descriptors. No generated code
/// touches a pointer.
protocol ProtobufCBridged: ProtobufMessage {
    /// The protobuf-c descriptor of the message.
    static var protobufC: ProtobufCMessageType { get }

    /// Stores every field into the C struct behind `encoder`.
    func encode(to encoder: ProtobufCEncoder)

    /// Reads every field from the unpacked C struct behind `decoder`.
    init(from decoder: ProtobufCDecoder)
}

/// A protobuf-c message descriptor (static C data, so safe to share between threads).
struct ProtobufCMessageType: @unchecked Sendable {
    let descriptor: UnsafePointer<ProtobufCMessageDescriptor>

    /// Finds the descriptor of the message with this fully-qualified name in CProtoMessages.
    init(_ fullName: String) {
        guard let type = ProtobufCRegistry.types[fullName] else {
            fatalError("CProtoMessages has no descriptor for \(fullName): run proto/generate.sh")
        }
        self = type
    }

    fileprivate init(descriptor: UnsafePointer<ProtobufCMessageDescriptor>) {
        self.descriptor = descriptor
    }

    var fullName: String { String(cString: self.descriptor.pointee.name) }
}

/// Every message descriptor compiled into CProtoMessages, by fully-qualified name.
enum ProtobufCRegistry {
    static let types: [String: ProtobufCMessageType] = {
        var count = 0
        guard let list = cprotomessages_message_descriptors(&count) else { return [:] }
        var types = [String: ProtobufCMessageType](minimumCapacity: count)
        for index in 0..<count {
            guard let descriptor = list[index] else { continue }
            let type = ProtobufCMessageType(descriptor: descriptor)
            types[type.fullName] = type
        }
        return types
    }()
}

/// Encodes and decodes generated messages with libprotobuf-c.
enum ProtobufCCodec {
    /// The deepest nesting of sub-messages accepted when decoding (as in protobuf C++ and Go).
    static let maximumNestingDepth = 100

    /// Builds the C struct in an arena, then packs it with `protobuf_c_message_pack`.
    static func encode<Message: ProtobufCBridged>(_ message: Message) -> [UInt8] {
        let descriptor = Message.protobufC.descriptor
        let arena = ProtobufCArena()
        defer { arena.deallocateAll() }
        let root = arena.makeMessage(descriptor)
        message.encode(to: ProtobufCEncoder(message: root, descriptor: descriptor, arena: arena))
        let packed = UnsafePointer(root.assumingMemoryBound(to: ProtobufCMessage.self))
        let size = protobuf_c_message_get_packed_size(packed)
        guard size > 0 else { return [] }
        return [UInt8](unsafeUninitializedCapacity: size) { buffer, initialized in
            initialized = protobuf_c_message_pack(packed, buffer.baseAddress)
            precondition(initialized == size, "protobuf-c packed \(initialized) bytes, expected \(size)")
        }
    }

    /// Checks the bytes with ``WireDepthScanner``, unpacks them with `protobuf_c_message_unpack`,
    /// converts the C struct to Swift and frees it.
    ///
    /// - Throws: ``RPCError`` with `INTERNAL` naming the message and what was wrong.
    static func decode<Message: ProtobufCBridged>(_ bytes: [UInt8]) throws(RPCError) -> Message {
        let descriptor = Message.protobufC.descriptor
        let result: Result<Message, RPCError> = bytes.withUnsafeBufferPointer { buffer in
            do throws(WireScanError) {
                try WireDepthScanner.scan(
                    buffer,
                    schema: ProtobufCWireSchema(descriptor: descriptor),
                    maximumDepth: Self.maximumNestingDepth
                )
            } catch {
                return .failure(Self.parseError(Message.self, "\(error)"))
            }
            guard let unpacked = protobuf_c_message_unpack(descriptor, nil, buffer.count, buffer.baseAddress) else {
                return .failure(Self.parseError(Message.self, "malformed input"))
            }
            defer { protobuf_c_message_free_unpacked(unpacked, nil) }
            return .success(
                Message(from: ProtobufCDecoder(message: UnsafeRawPointer(unpacked), descriptor: descriptor))
            )
        }
        return try result.get()
    }

    private static func parseError<Message: ProtobufMessage>(_ type: Message.Type, _ detail: String) -> RPCError {
        RPCError(code: .internalError, message: "error parsing \(Message.protoMessageName): \(detail)")
    }
}

/// Tells ``WireDepthScanner`` which fields of a protobuf-c message are sub-messages and strings.
struct ProtobufCWireSchema: WireSchema {
    let descriptor: UnsafePointer<ProtobufCMessageDescriptor>

    var messageName: String { String(cString: self.descriptor.pointee.name) }

    func field(_ number: UInt32) -> WireFieldKind<ProtobufCWireSchema> {
        guard let field = protobuf_c_message_descriptor_get_field(self.descriptor, number) else { return .other }
        switch field.pointee.type {
        case PROTOBUF_C_TYPE_MESSAGE:
            let nested = field.pointee.descriptor.assumingMemoryBound(to: ProtobufCMessageDescriptor.self)
            return .message(ProtobufCWireSchema(descriptor: nested))
        case PROTOBUF_C_TYPE_STRING:
            return .string
        default:
            return .other
        }
    }

    func fieldName(_ number: UInt32) -> String {
        guard let field = protobuf_c_message_descriptor_get_field(self.descriptor, number) else { return "\(number)" }
        return String(cString: field.pointee.name)
    }
}

/// A bump allocator for the C structs, strings and arrays of one encode call.
///
/// Everything is released at once by ``deallocateAll()``; nothing is freed piecemeal.
final class ProtobufCArena {
    private static let blockSize = 8192
    private static let alignment = 16

    private var blocks: [UnsafeMutableRawPointer] = []
    private var current: UnsafeMutableRawPointer?
    private var used = 0

    /// Returns `byteCount` bytes aligned to 16, valid until ``deallocateAll()``.
    func allocate(byteCount: Int) -> UnsafeMutableRawPointer {
        let size = (max(byteCount, 1) + Self.alignment - 1) & ~(Self.alignment - 1)
        if size > Self.blockSize / 4 {
            let block = UnsafeMutableRawPointer.allocate(byteCount: size, alignment: Self.alignment)
            self.blocks.append(block)
            return block
        }
        if let current = self.current, self.used + size <= Self.blockSize {
            defer { self.used += size }
            return current + self.used
        }
        let block = UnsafeMutableRawPointer.allocate(byteCount: Self.blockSize, alignment: Self.alignment)
        self.blocks.append(block)
        self.current = block
        self.used = size
        return block
    }

    /// Allocates a C message struct and initializes it with its defaults (`protobuf_c_message_init`).
    func makeMessage(_ descriptor: UnsafePointer<ProtobufCMessageDescriptor>) -> UnsafeMutableRawPointer {
        let memory = self.allocate(byteCount: descriptor.pointee.sizeof_message)
        memory.bindMemory(to: ProtobufCMessage.self, capacity: 1)
        protobuf_c_message_init(descriptor, memory)
        return memory
    }

    /// Copies bytes into the arena.
    func copy(_ bytes: UnsafeRawBufferPointer) -> UnsafeMutableRawPointer {
        let memory = self.allocate(byteCount: bytes.count)
        if let base = bytes.baseAddress, bytes.count > 0 {
            memory.copyMemory(from: base, byteCount: bytes.count)
        }
        return memory
    }

    func deallocateAll() {
        for block in self.blocks { block.deallocate() }
        self.blocks.removeAll()
        self.current = nil
        self.used = 0
    }

    deinit {
        self.deallocateAll()
    }
}
