internal import RPCCore
internal import RPCProtobuf
internal import Testing

@Suite("Round trips through protobuf-c")
struct RoundTripTests {
    typealias AllTypes = Motcua_Testing_V1_AllTypes

    @Test("Every scalar kind keeps its value, including extremes")
    func scalars() throws {
        let message = AllTypes.with {
            $0.int32Value = .min
            $0.int64Value = .min
            $0.uint32Value = .max
            $0.uint64Value = .max
            $0.sint32Value = -123_456
            $0.sint64Value = .max
            $0.fixed32Value = 0xDEAD_BEEF
            $0.fixed64Value = .max
            $0.sfixed32Value = -1
            $0.sfixed64Value = .min
            $0.floatValue = -.infinity
            $0.doubleValue = .pi
            $0.boolValue = true
        }
        #expect(try roundTrip(message) == message)
    }

    @Test("Strings with Vietnamese diacritics and emoji")
    func unicodeStrings() throws {
        let texts = ["Tiếng Việt có dấu: ắ ằ ẳ ẵ ặ ơ ư đ", "Chúc mừng năm mới 🎉🧧", "👨‍👩‍👧‍👦 🇻🇳", ""]
        for text in texts {
            let message = Helloworld_HelloRequest.with { $0.name = text }
            #expect(try roundTrip(message).name == text)
        }
        let all = AllTypes.with {
            $0.stringValue = "Phở bò 🍜"
            $0.repeatedString = ["Hà Nội", "", "Thành phố Hồ Chí Minh", "Huế 🏯"]
        }
        #expect(try roundTrip(all) == all)
    }

    @Test("Bytes keep every byte value")
    func bytes() throws {
        let message = AllTypes.with {
            $0.bytesValue = Array(0...255)
            $0.repeatedBytes = [[], [0], [0xFF, 0x00, 0xC3]]
        }
        #expect(try roundTrip(message) == message)
    }

    @Test("Enums, including values the proto does not declare")
    func enums() throws {
        let message = AllTypes.with {
            $0.colour = .blue
            $0.level = .high
            $0.repeatedColour = [
                .red, Motcua_Testing_V1_Colour(rawValue: 42), .unspecified, Motcua_Testing_V1_Colour(rawValue: -5),
            ]
        }
        let decoded = try roundTrip(message)
        #expect(decoded == message)
        #expect(decoded.repeatedColour[1].rawValue == 42)
        #expect(decoded.repeatedColour[1].description == "42")
        #expect(decoded.colour.description == "COLOUR_BLUE")

        let unknown = AllTypes.with { $0.colour = Motcua_Testing_V1_Colour(rawValue: 1_000) }
        #expect(try roundTrip(unknown).colour.rawValue == 1_000)
    }

    @Test("Nested messages: absent, empty and filled are told apart")
    func nestedMessages() throws {
        #expect(try roundTrip(AllTypes()).inner == nil)

        let empty = AllTypes.with { $0.inner = .init() }
        #expect(empty.serializedBytes() == [0x92, 0x01, 0x00])
        #expect(try roundTrip(empty).inner == AllTypes.Inner())

        let filled = AllTypes.with {
            $0.inner = .with {
                $0.id = 7; $0.label = "bảy"
            }
        }
        #expect(try roundTrip(filled) == filled)
    }

    @Test("Repeated fields of every kind keep their order")
    func repeatedFields() throws {
        let message = AllTypes.with {
            $0.repeatedInt32 = [0, 1, -1, .max, .min, 300]
            $0.repeatedSint64 = [-1, 1, .min, .max]
            $0.repeatedFixed32 = [7, 0, .max]
            $0.repeatedDouble = [0.5, -0.0, .greatestFiniteMagnitude]
            $0.repeatedBool = [true, false, true]
            $0.repeatedUint64 = [1, .max]
            $0.repeatedFloat = [2, -3.5]
            $0.repeatedInner = [.with { $0.id = 1 }, .init(), .with { $0.label = "ba" }]
        }
        #expect(try roundTrip(message) == message)
    }

    @Test("Maps with scalar, string, bytes, enum and message values")
    func maps() throws {
        let message = AllTypes.with {
            $0.stringToInt32 = ["một": 1, "hai": 2, "": 0, "ba": -3]
            $0.int64ToString = [5: "năm", -1: "âm một", 0: ""]
            $0.stringToInner = ["a": .with { $0.id = 1 }, "b": .init()]
            $0.boolToColour = [true: .blue, false: .red]
            $0.uint32ToBytes = [1: [1, 2, 3], 2: [], .max: [0xFF]]
        }
        #expect(try roundTrip(message) == message)
    }

    @Test("Map encoding is deterministic and sorted by key")
    func mapOrder() throws {
        let message = AllTypes.with { $0.stringToInt32 = ["b": 2, "a": 1, "c": 3] }
        let expected: [UInt8] =
            lengthDelimited(field: 40, [0x0A, 0x01, 0x61, 0x10, 0x01])
            + lengthDelimited(field: 40, [0x0A, 0x01, 0x62, 0x10, 0x02])
            + lengthDelimited(field: 40, [0x0A, 0x01, 0x63, 0x10, 0x03])
        #expect(message.serializedBytes() == expected)
    }

    @Test("Oneof members of every kind, including zero values")
    func oneofs() throws {
        let choices: [AllTypes.OneOf_Choice] = [
            .choiceString("chọn"),
            .choiceString(""),
            .choiceInt64(0),
            .choiceInt64(-9),
            .choiceInner(.init()),
            .choiceInner(.with { $0.id = 3 }),
            .choiceBytes([]),
            .choiceBytes([0, 1]),
            .choiceColour(.unspecified),
            .choiceColour(.green),
        ]
        for choice in choices {
            let message = AllTypes.with { $0.choice = choice }
            #expect(try roundTrip(message).choice == choice, "\(choice)")
        }
        #expect(try roundTrip(AllTypes()).choice == nil)
    }

    @Test("Recursive messages: self-recursive, through repeated fields and maps, through a oneof")
    func recursiveMessages() throws {
        var node = Motcua_Testing_V1_Node.with { $0.data = [0] }
        for level in 1...50 {
            let child = node
            node = .with {
                $0.child = child
                $0.data = [UInt8(level)]
            }
        }
        #expect(try roundTrip(node) == node)

        let tree = Motcua_Testing_V1_Tree.with {
            $0.name = "gốc"
            $0.children = [.with { $0.name = "lá" }, .with { $0.children = [.with { $0.name = "cháu" }] }]
            $0.named = ["nhánh": .with { $0.named = ["con": .init()] }]
        }
        #expect(try roundTrip(tree) == tree)

        // -(1 + 2)
        let expression = Motcua_Testing_V1_Expression.with {
            $0.kind = .negated(
                .with {
                    $0.kind = .sum(
                        .with {
                            $0.left = .with { $0.kind = .literal(1) }
                            $0.right = .with { $0.kind = .literal(2) }
                        }
                    )
                }
            )
        }
        #expect(try roundTrip(expression) == expression)
    }

    @Test("Copies of a recursive message are independent values")
    func recursiveValueSemantics() {
        var original = Motcua_Testing_V1_Node.with { $0.child = .with { $0.data = [1] } }
        let copy = original
        original.child?.data = [2]
        #expect(copy.child?.data == [1])
        #expect(original.child?.data == [2])
    }

    @Test("Empty messages pack to zero bytes and zero bytes decode to the defaults")
    func emptyMessages() throws {
        #expect(Grpc_Testing_Empty().serializedBytes() == [])
        #expect(Google_Protobuf_Empty().serializedBytes() == [])
        #expect(Grpc_Testing_SimpleRequest().serializedBytes() == [])
        #expect(AllTypes().serializedBytes() == [])
        #expect(try Grpc_Testing_Empty(serializedBytes: []) == Grpc_Testing_Empty())
        #expect(try AllTypes(serializedBytes: []) == AllTypes())
    }

    @Test("A 16 MiB bytes field round-trips")
    func largeBytes() throws {
        let body = (0..<(16 * 1024 * 1024)).map { UInt8(truncatingIfNeeded: $0 &* 31) }
        let message = Grpc_Testing_Payload.with { $0.body = body }
        let encoded = message.serializedBytes()
        #expect(encoded.count == body.count + 1 + varint(UInt64(body.count)).count)
        let decoded = try Grpc_Testing_Payload(serializedBytes: encoded)
        #expect(decoded.body == body)
    }

    @Test("Interop messages round-trip")
    func interopMessages() throws {
        let request = Grpc_Testing_StreamingOutputCallRequest.with {
            $0.responseType = .compressable
            $0.responseParameters = [
                .with { $0.size = 31_415 },
                .with {
                    $0.size = 9
                    $0.intervalUs = 100
                    $0.compressed = .with { $0.value = true }
                },
            ]
            $0.payload = .with { $0.body = [UInt8](repeating: 0, count: 27_182) }
            $0.responseStatus = .with {
                $0.code = 2
                $0.message = "test status message"
            }
        }
        #expect(try roundTrip(request) == request)

        let response = Grpc_Testing_SimpleResponse.with {
            $0.username = "người dùng"
            $0.serverID = "server-1"
            $0.grpclbRouteType = .backend
            $0.hostname = "localhost"
        }
        #expect(try roundTrip(response) == response)
    }

    @Test("Encoding and decoding from many tasks at once")
    func concurrentUse() async throws {
        try await withThrowingTaskGroup(of: Void.self) { group in
            for index in 0..<32 {
                group.addTask {
                    let message = Helloworld_HelloRequest.with { $0.name = "khách \(index)" }
                    for _ in 0..<100 {
                        let decoded = try Helloworld_HelloRequest(serializedBytes: message.serializedBytes())
                        #expect(decoded == message)
                    }
                }
            }
            try await group.waitForAll()
        }
    }
}
