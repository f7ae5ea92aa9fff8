internal import RPCCore
internal import RPCProtobuf
internal import Testing

/// Encodings produced by protobuf C++ (`protoc --encode=<type>` from text format), checked in both
/// directions: our decoder reads them, and our encoder writes the same bytes (protobuf-c, like
/// C++, writes fields in field-number order).
@Suite("Known encodings")
struct KnownEncodingTests {
    typealias AllTypes = Motcua_Testing_V1_AllTypes

    /// `response_size: 314159 payload { body: "\0\0\0" } fill_username: true
    ///  response_compressed { value: true } response_status { code: 2 message: "lỗi" }
    ///  fill_grpclb_route_type: true`
    static let simpleRequestBytes: [UInt8] = [
        0x10, 0xAF, 0x96, 0x13, 0x1A, 0x05, 0x12, 0x03, 0x00, 0x00, 0x00, 0x20, 0x01, 0x32, 0x02, 0x08,
        0x01, 0x3A, 0x09, 0x08, 0x02, 0x12, 0x05, 0x6C, 0xE1, 0xBB, 0x97, 0x69, 0x50, 0x01,
    ]

    static let simpleRequest = Grpc_Testing_SimpleRequest.with {
        $0.responseSize = 314_159
        $0.payload = .with { $0.body = [0, 0, 0] }
        $0.fillUsername = true
        $0.responseCompressed = .with { $0.value = true }
        $0.responseStatus = .with {
            $0.code = 2
            $0.message = "lỗi"
        }
        $0.fillGrpclbRouteType = true
    }

    /// Every singular and repeated field kind of `motcua.testing.v1.AllTypes`, with
    /// `choice_string: ""` (an empty oneof member is still sent).
    static let allTypesBytes: [UInt8] = [
        0x08, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0x01, 0x10, 0xFE, 0xFF, 0xFF, 0xFF,
        0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0x01, 0x18, 0x03, 0x20, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF,
        0xFF, 0xFF, 0x01, 0x28, 0x05, 0x30, 0x07, 0x3D, 0x05, 0x00, 0x00, 0x00, 0x41, 0x06, 0x00, 0x00,
        0x00, 0x00, 0x00, 0x00, 0x00, 0x4D, 0xF9, 0xFF, 0xFF, 0xFF, 0x51, 0xF8, 0xFF, 0xFF, 0xFF, 0xFF,
        0xFF, 0xFF, 0xFF, 0x5D, 0x00, 0x00, 0xC0, 0x3F, 0x61, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x02,
        0xC0, 0x68, 0x01, 0x72, 0x13, 0x56, 0x69, 0xE1, 0xBB, 0x87, 0x74, 0x20, 0x4E, 0x61, 0x6D, 0x20,
        0xF0, 0x9F, 0x87, 0xBB, 0xF0, 0x9F, 0x87, 0xB3, 0x7A, 0x03, 0x01, 0x02, 0xFF, 0x80, 0x01, 0x02,
        0x88, 0x01, 0x02, 0x92, 0x01, 0x09, 0x08, 0x09, 0x12, 0x05, 0x74, 0x72, 0x6F, 0x6E, 0x67, 0xAA,
        0x01, 0x0D, 0x01, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0x01, 0xAC, 0x02, 0xB2,
        0x01, 0x02, 0x01, 0x02, 0xBA, 0x01, 0x04, 0x07, 0x00, 0x00, 0x00, 0xC2, 0x01, 0x08, 0x00, 0x00,
        0x00, 0x00, 0x00, 0x00, 0xE0, 0x3F, 0xCA, 0x01, 0x02, 0x01, 0x00, 0xD2, 0x01, 0x01, 0x61, 0xD2,
        0x01, 0x00, 0xD2, 0x01, 0x02, 0xC3, 0x9F, 0xDA, 0x01, 0x00, 0xDA, 0x01, 0x01, 0x00, 0xE2, 0x01,
        0x02, 0x01, 0x03, 0xEA, 0x01, 0x02, 0x08, 0x01, 0xEA, 0x01, 0x00, 0xF2, 0x01, 0x01, 0x01, 0xFA,
        0x01, 0x04, 0x00, 0x00, 0x00, 0x40, 0x92, 0x03, 0x00,
    ]

    static let allTypes = AllTypes.with {
        $0.int32Value = -1
        $0.int64Value = -2
        $0.uint32Value = 3
        $0.uint64Value = .max
        $0.sint32Value = -3
        $0.sint64Value = -4
        $0.fixed32Value = 5
        $0.fixed64Value = 6
        $0.sfixed32Value = -7
        $0.sfixed64Value = -8
        $0.floatValue = 1.5
        $0.doubleValue = -2.25
        $0.boolValue = true
        $0.stringValue = "Việt Nam 🇻🇳"
        $0.bytesValue = [0x01, 0x02, 0xFF]
        $0.colour = .green
        $0.level = .high
        $0.inner = .with {
            $0.id = 9
            $0.label = "trong"
        }
        $0.repeatedInt32 = [1, -1, 300]
        $0.repeatedSint64 = [-1, 1]
        $0.repeatedFixed32 = [7]
        $0.repeatedDouble = [0.5]
        $0.repeatedBool = [true, false]
        $0.repeatedString = ["a", "", "ß"]
        $0.repeatedBytes = [[], [0]]
        $0.repeatedColour = [.red, .blue]
        $0.repeatedInner = [.with { $0.id = 1 }, .init()]
        $0.repeatedUint64 = [1]
        $0.repeatedFloat = [2]
        $0.choice = .choiceString("")
    }

    @Test("grpc.testing.SimpleRequest decodes from, and encodes to, the C++ bytes")
    func simpleRequest() throws {
        #expect(try Grpc_Testing_SimpleRequest(serializedBytes: Self.simpleRequestBytes) == Self.simpleRequest)
        #expect(Self.simpleRequest.serializedBytes() == Self.simpleRequestBytes)
    }

    @Test("Every field kind decodes from, and encodes to, the C++ bytes")
    func allTypes() throws {
        #expect(try AllTypes(serializedBytes: Self.allTypesBytes) == Self.allTypes)
        #expect(Self.allTypes.serializedBytes() == Self.allTypesBytes)
    }

    @Test("Maps and a message oneof decode from the C++ bytes")
    func mapsAndOneof() throws {
        // int64_to_string { key: 5 value: "năm" } string_to_int32 { key: "một" value: 1 }
        // bool_to_colour { key: true value: COLOUR_BLUE } choice_inner { id: 4 }
        let bytes: [UInt8] = [
            0xC2, 0x02, 0x09, 0x0A, 0x05, 0x6D, 0xE1, 0xBB, 0x99, 0x74, 0x10, 0x01, 0xCA, 0x02, 0x08, 0x08,
            0x05, 0x12, 0x04, 0x6E, 0xC4, 0x83, 0x6D, 0xDA, 0x02, 0x04, 0x08, 0x01, 0x10, 0x03, 0xA2, 0x03,
            0x02, 0x08, 0x04,
        ]
        let expected = AllTypes.with {
            $0.int64ToString = [5: "năm"]
            $0.stringToInt32 = ["một": 1]
            $0.boolToColour = [true: .blue]
            $0.choice = .choiceInner(.with { $0.id = 4 })
        }
        #expect(try AllTypes(serializedBytes: bytes) == expected)
    }

    @Test("Map entries without key or value, and repeated keys (the last one wins)")
    func mapEdgeCases() throws {
        let bytes =
            lengthDelimited(field: 40, [])  // key "" -> 0
            + lengthDelimited(field: 40, [0x0A, 0x01, 0x78, 0x10, 0x01])  // "x" -> 1
            + lengthDelimited(field: 40, [0x0A, 0x01, 0x78, 0x10, 0x02])  // "x" -> 2
            + lengthDelimited(field: 42, [0x0A, 0x01, 0x79])  // "y" -> Inner() (value missing)
        let decoded = try AllTypes(serializedBytes: bytes)
        #expect(decoded.stringToInt32 == ["": 0, "x": 2])
        #expect(decoded.stringToInner == ["y": AllTypes.Inner()])
    }

    @Test("Small messages of the standard services and well-known types")
    func standardMessages() throws {
        #expect(try Grpc_Health_V1_HealthCheckResponse(serializedBytes: [0x08, 0x01]).status == .serving)
        #expect(Grpc_Health_V1_HealthCheckResponse.with { $0.status = .serving }.serializedBytes() == [0x08, 0x01])

        let hello: [UInt8] = [0x0A, 0x0C, 0x54, 0x68, 0xE1, 0xBA, 0xBF, 0x20, 0x67, 0x69, 0xE1, 0xBB, 0x9B, 0x69]
        #expect(try Helloworld_HelloRequest(serializedBytes: hello).name == "Thế giới")
        #expect(Helloworld_HelloRequest.with { $0.name = "Thế giới" }.serializedBytes() == hello)

        // host: "localhost" list_services: ""
        let reflection: [UInt8] = [0x0A, 0x09, 0x6C, 0x6F, 0x63, 0x61, 0x6C, 0x68, 0x6F, 0x73, 0x74, 0x3A, 0x00]
        let request = Grpc_Reflection_V1_ServerReflectionRequest.with {
            $0.host = "localhost"
            $0.messageRequest = .listServices("")
        }
        #expect(try Grpc_Reflection_V1_ServerReflectionRequest(serializedBytes: reflection) == request)
        #expect(request.serializedBytes() == reflection)

        let timestamp: [UInt8] = [0x08, 0x80, 0xE2, 0xCF, 0xAA, 0x06, 0x10, 0x05]
        let expected = Google_Protobuf_Timestamp.with {
            $0.seconds = 1_700_000_000
            $0.nanos = 5
        }
        #expect(try Google_Protobuf_Timestamp(serializedBytes: timestamp) == expected)
        #expect(expected.serializedBytes() == timestamp)
    }

    @Test("An undeclared enum value on the wire is kept")
    func unknownEnumValue() throws {
        // colour (field 16) = 42
        let decoded = try AllTypes(serializedBytes: [0x80, 0x01, 0x2A])
        #expect(decoded.colour.rawValue == 42)
        #expect(decoded.serializedBytes() == [0x80, 0x01, 0x2A])
    }

    @Test("Unknown fields are skipped")
    func unknownFields() throws {
        // SimpleRequest field 11 (orca_per_query_report, not declared here) with a double inside,
        // then field 2 (response_size) = 1; also fields 99 (varint), 100 (fixed32) and 101 (fixed64).
        let bytes =
            lengthDelimited(field: 11, [0x09, 0, 0, 0, 0, 0, 0, 0xF0, 0x3F])
            + [0x10, 0x01]
            + varint(99 << 3) + [0x05]
            + varint(100 << 3 | 5) + [1, 2, 3, 4]
            + varint(101 << 3 | 1) + [1, 2, 3, 4, 5, 6, 7, 8]
        let decoded = try Grpc_Testing_SimpleRequest(serializedBytes: bytes)
        #expect(decoded == .with { $0.responseSize = 1 })
    }

    @Test("Packed and unpacked encodings of a repeated scalar are both accepted")
    func packedAndUnpacked() throws {
        // repeated_int32 (field 21): unpacked 1, 2 then packed [3, 4]
        let bytes = varint(21 << 3) + [0x01] + varint(21 << 3) + [0x02] + lengthDelimited(field: 21, [0x03, 0x04])
        #expect(try AllTypes(serializedBytes: bytes).repeatedInt32 == [1, 2, 3, 4])
    }

    @Test("A string containing U+0000 is encoded correctly")
    func nulInStringEncoding() {
        let single = Motcua_Testing_V1_Text.with { $0.value = "a\u{0}b" }
        #expect(single.serializedBytes() == [0x0A, 0x03, 0x61, 0x00, 0x62])

        let repeated = Motcua_Testing_V1_Text.with { $0.values = ["x", "\u{0}", "y"] }
        #expect(repeated.serializedBytes() == [0x12, 0x01, 0x78, 0x12, 0x01, 0x00, 0x12, 0x01, 0x79])

        let oneof = Motcua_Testing_V1_Text.with { $0.choice = .choiceText("\u{0}") }
        #expect(oneof.serializedBytes() == [0x1A, 0x01, 0x00])
    }
}
