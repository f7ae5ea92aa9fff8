internal import RPCCore
internal import RPCProtobuf
internal import Testing

@Suite("Malformed and hostile input")
struct MalformedInputTests {
    typealias Node = Motcua_Testing_V1_Node

    @Test("Truncated input fails with INTERNAL")
    func truncated() {
        // payload (field 3) announces 5 bytes, only 1 follows.
        expectInternalError(
            Grpc_Testing_SimpleRequest.self,
            decoding: [0x1A, 0x05, 0x12],
            messageContains: "error parsing grpc.testing.SimpleRequest",
            "truncated"
        )
        // A varint cut in the middle.
        expectInternalError(
            Grpc_Testing_SimpleRequest.self,
            decoding: [0x10, 0xAF, 0x96],
            messageContains: "truncated"
        )
        // A fixed64 with 3 of its 8 bytes.
        expectInternalError(
            Motcua_Testing_V1_AllTypes.self,
            decoding: [0x41, 0x01, 0x02, 0x03],
            messageContains: "truncated"
        )
        // A tag with nothing after it.
        expectInternalError(Grpc_Testing_SimpleRequest.self, decoding: [0x10], messageContains: "truncated")
    }

    @Test("Every prefix of a valid encoding decodes or fails with INTERNAL, never crashes")
    func everyPrefix() {
        let bytes = KnownEncodingTests.allTypesBytes
        var failures = 0
        for length in 0..<bytes.count {
            do {
                _ = try Motcua_Testing_V1_AllTypes(serializedBytes: Array(bytes[..<length]))
            } catch {
                #expect(error.code == .internalError)
                #expect(error.message.hasPrefix("error parsing motcua.testing.v1.AllTypes"))
                failures += 1
            }
        }
        #expect(failures > bytes.count / 2)
    }

    @Test("Malformed varints, wire types, field numbers and groups fail with INTERNAL")
    func malformed() {
        // An 11-byte varint.
        expectInternalError(
            Grpc_Testing_SimpleRequest.self,
            decoding: [0x10] + [UInt8](repeating: 0xFF, count: 10) + [0x01],
            messageContains: "malformed varint"
        )
        // A 10-byte varint whose last byte carries more than the top bit.
        expectInternalError(
            Grpc_Testing_SimpleRequest.self,
            decoding: [0x10] + [UInt8](repeating: 0xFF, count: 9) + [0x02],
            messageContains: "malformed varint"
        )
        // Wire types 6 and 7 do not exist.
        expectInternalError(Grpc_Testing_SimpleRequest.self, decoding: [0x0E, 0x00], messageContains: "wire type 6")
        expectInternalError(Grpc_Testing_SimpleRequest.self, decoding: [0x0F, 0x00], messageContains: "wire type 7")
        // Field number 0.
        expectInternalError(Grpc_Testing_SimpleRequest.self, decoding: [0x00, 0x00], messageContains: "field number 0")
        // A group (start group, field 1; end group, field 1).
        expectInternalError(Grpc_Testing_SimpleRequest.self, decoding: [0x0B, 0x0C], messageContains: "groups")
        // A length prefix larger than the input.
        expectInternalError(
            Grpc_Testing_Payload.self,
            decoding: [0x12] + varint(UInt64(Int32.max)) + [0x00],
            messageContains: "truncated"
        )
    }

    @Test("A known field with the wrong wire type fails with INTERNAL")
    func wrongWireType() {
        // payload (field 3, a message) sent as a varint.
        expectInternalError(
            Grpc_Testing_SimpleRequest.self,
            decoding: [0x18, 0x01],
            messageContains: "error parsing grpc.testing.SimpleRequest"
        )
    }

    @Test("100 levels of nesting decode")
    func nestingAtLimit() throws {
        let decoded = try Node(serializedBytes: nestedNodeBytes(depth: 100))
        var depth = 0
        var current = decoded.child
        while let node = current {
            depth += 1
            current = node.child
        }
        #expect(depth == 100)
    }

    @Test("101 levels of nesting fail with INTERNAL")
    func nestingPastLimit() {
        expectInternalError(
            Node.self,
            decoding: nestedNodeBytes(depth: 101),
            messageContains: "error parsing motcua.testing.v1.Node: nesting deeper than 100 levels"
        )
    }

    @Test("10,000 levels of nesting fail with INTERNAL instead of overflowing the stack")
    func deepNesting() {
        let bytes = nestedNodeBytes(depth: 10_000)
        #expect(bytes.count > 20_000)
        expectInternalError(Node.self, decoding: bytes, messageContains: "nesting deeper than 100 levels")
    }

    @Test("Deep nesting through repeated fields, maps and oneofs is limited too")
    func deepNestingOtherPaths() {
        // Tree.children (field 2, repeated)
        var tree: [UInt8] = []
        for _ in 0..<5_000 { tree = lengthDelimited(field: 2, tree) }
        expectInternalError(
            Motcua_Testing_V1_Tree.self,
            decoding: tree,
            messageContains: "nesting deeper than 100 levels"
        )

        // Tree.named (field 3, map<string, Tree>): entry value is field 2 of the entry; each level
        // is two messages deep (entry, then tree).
        var named: [UInt8] = []
        for _ in 0..<60 { named = lengthDelimited(field: 3, lengthDelimited(field: 2, named)) }
        expectInternalError(
            Motcua_Testing_V1_Tree.self,
            decoding: named,
            messageContains: "nesting deeper than 100 levels"
        )

        // Expression.negated (field 2, oneof)
        var expression: [UInt8] = [0x08, 0x01]
        for _ in 0..<3_000 { expression = lengthDelimited(field: 2, expression) }
        expectInternalError(
            Motcua_Testing_V1_Expression.self,
            decoding: expression,
            messageContains: "nesting deeper than 100 levels"
        )
    }

    @Test(
        "Invalid UTF-8 in a string field fails with INTERNAL",
        arguments: [
            [0xC3, 0x28],  // bad continuation byte
            [0xC0, 0xAF],  // overlong "/"
            [0xE0, 0x80, 0xAF],  // overlong, 3 bytes
            [0xED, 0xA0, 0x80],  // UTF-16 surrogate U+D800
            [0xF4, 0x90, 0x80, 0x80],  // above U+10FFFF
            [0xF8, 0x88, 0x80, 0x80, 0x80],  // 5-byte form
            [0x61, 0xE1, 0xBB],  // cut in the middle of a character
            [0xFF],
        ] as [[UInt8]]
    )
    func invalidUTF8(text: [UInt8]) {
        expectInternalError(
            Helloworld_HelloRequest.self,
            decoding: lengthDelimited(field: 1, text),
            messageContains: "error parsing helloworld.HelloRequest",
            "helloworld.HelloRequest.name",
            "UTF-8"
        )
    }

    @Test("Invalid UTF-8 is found in nested, repeated, map and oneof strings")
    func invalidUTF8Everywhere() {
        let bad: [UInt8] = [0xC3, 0x28]
        // SimpleRequest.response_status.message
        expectInternalError(
            Grpc_Testing_SimpleRequest.self,
            decoding: lengthDelimited(field: 7, lengthDelimited(field: 2, bad)),
            messageContains: "grpc.testing.EchoStatus.message"
        )
        // AllTypes.repeated_string
        expectInternalError(
            Motcua_Testing_V1_AllTypes.self,
            decoding: lengthDelimited(field: 26, [0x61]) + lengthDelimited(field: 26, bad),
            messageContains: "repeated_string"
        )
        // AllTypes.string_to_int32 key
        expectInternalError(
            Motcua_Testing_V1_AllTypes.self,
            decoding: lengthDelimited(field: 40, lengthDelimited(field: 1, bad)),
            messageContains: "StringToInt32Entry.key"
        )
        // AllTypes.choice_string
        expectInternalError(
            Motcua_Testing_V1_AllTypes.self,
            decoding: lengthDelimited(field: 50, bad),
            messageContains: "choice_string"
        )
        // ServerReflectionRequest.list_services (oneof)
        expectInternalError(
            Grpc_Reflection_V1alpha_ServerReflectionRequest.self,
            decoding: lengthDelimited(field: 7, bad),
            messageContains: "list_services"
        )
    }

    @Test("Invalid UTF-8 in a bytes field is fine")
    func bytesAreNotText() throws {
        let decoded = try Grpc_Testing_Payload(serializedBytes: lengthDelimited(field: 2, [0xC3, 0x28, 0xFF]))
        #expect(decoded.body == [0xC3, 0x28, 0xFF])
    }

    @Test("A NUL character in a received string fails with INTERNAL")
    func nulInString() {
        expectInternalError(
            Helloworld_HelloRequest.self,
            decoding: lengthDelimited(field: 1, [0x61, 0x00, 0x62]),
            messageContains: "NUL"
        )
    }
}
