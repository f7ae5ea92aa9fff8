internal import RPCCore
internal import RPCProtobuf
internal import Testing

@Suite("proto3 JSON mapping")
struct JSONMappingTests {
    typealias AllTypes = Motcua_Testing_V1_AllTypes
    typealias Specials = Motcua_Testing_V1_JsonSpecials

    // MARK: - Field names and defaults

    @Test("Field names are the json_name: lowerCamelCase, digits after underscores, explicit names")
    func fieldNames() {
        let message = Specials.with {
            $0.onlineLevel4Count = 7
            $0.renamedField = "x"
        }
        #expect(message.jsonValue() == ["onlineLevel4Count": 7, "customName": "x"])
        let all = AllTypes.with {
            $0.int32Value = 1
            $0.repeatedSint64 = [2]
        }
        #expect(all.jsonValue().objectValue?.keys == ["int32Value", "repeatedSint64"])
    }

    @Test("Fields at their default value are omitted; an empty message is {}")
    func defaultsOmitted() {
        #expect(AllTypes().jsonValue() == [:])
        #expect(AllTypes().jsonString() == "{}")
        #expect(Google_Protobuf_Empty().jsonString() == "{}")
        let message = AllTypes.with {
            $0.int32Value = 0
            $0.stringValue = ""
            $0.boolValue = false
            $0.colour = .unspecified
            $0.repeatedInt32 = []
            $0.stringToInt32 = [:]
        }
        #expect(message.jsonValue() == [:])
    }

    @Test("includingDefaults writes every field without presence, but no unset message or oneof")
    func includingDefaults() {
        let json = AllTypes().jsonValue(includingDefaults: true)
        let object = json.objectValue ?? [:]
        #expect(object["int32Value"] == 0)
        #expect(object["int64Value"] == "0")
        #expect(object["uint64Value"] == "0")
        #expect(object["floatValue"] == .double(0))
        #expect(object["boolValue"] == false)
        #expect(object["stringValue"] == "")
        #expect(object["bytesValue"] == "")
        #expect(object["colour"] == "COLOUR_UNSPECIFIED")
        #expect(object["level"] == "LEVEL_LOW")
        #expect(object["repeatedInt32"] == [])
        #expect(object["stringToInt32"] == .object([:]))
        #expect(object["inner"] == nil)
        #expect(object["choiceString"] == nil)
        #expect(object.count == 33)
        // Nested messages get the option too.
        let nested = AllTypes.with { $0.inner = .init() }.jsonValue(includingDefaults: true)
        #expect(nested["inner"] == ["id": 0, "label": ""])
        #expect(AllTypes.with { $0.inner = .init() }.jsonValue()["inner"] == .object([:]))
    }

    @Test("Keys follow field declaration order, not the alphabet")
    func fieldOrder() {
        let message = AllTypes.with {
            $0.stringValue = "s"
            $0.int32Value = 1
            $0.boolValue = true
            $0.choice = .choiceString("c")
            $0.inner = .with { $0.label = "l" }
        }
        #expect(message.jsonString() == #"{"int32Value":1,"boolValue":true,"stringValue":"s","inner":{"label":"l"},"choiceString":"c"}"#)
    }

    // MARK: - Scalars

    @Test("32-bit integers are numbers; 64-bit integers are decimal strings")
    func integers() {
        let message = AllTypes.with {
            $0.int32Value = .min
            $0.int64Value = .min
            $0.uint32Value = .max
            $0.uint64Value = .max
            $0.sint32Value = -5
            $0.sint64Value = -9_007_199_254_740_993
            $0.fixed32Value = 7
            $0.fixed64Value = 18_446_744_073_709_551_615
            $0.sfixed32Value = -7
            $0.sfixed64Value = .max
        }
        #expect(
            message.jsonValue() == [
                "int32Value": -2_147_483_648,
                "int64Value": "-9223372036854775808",
                "uint32Value": 4_294_967_295,
                "uint64Value": "18446744073709551615",
                "sint32Value": -5,
                "sint64Value": "-9007199254740993",
                "fixed32Value": 7,
                "fixed64Value": "18446744073709551615",
                "sfixed32Value": -7,
                "sfixed64Value": "9223372036854775807",
            ]
        )
        #expect(message.jsonString().hasPrefix(#"{"int32Value":-2147483648,"int64Value":"-9223372036854775808","#))
    }

    @Test("Floats and doubles: shortest form, integral values without fraction, NaN and infinities as strings")
    func floatingPoint() {
        #expect(AllTypes.with { $0.floatValue = 0.1 }.jsonString() == #"{"floatValue":0.1}"#)
        #expect(AllTypes.with { $0.doubleValue = 0.1 }.jsonString() == #"{"doubleValue":0.1}"#)
        #expect(AllTypes.with { $0.doubleValue = 2 }.jsonString() == #"{"doubleValue":2}"#)
        #expect(AllTypes.with { $0.doubleValue = -1.5e-7 }.jsonString() == #"{"doubleValue":-1.5e-07}"#)
        #expect(AllTypes.with { $0.doubleValue = 1e300 }.jsonString() == #"{"doubleValue":1e+300}"#)
        #expect(AllTypes.with { $0.doubleValue = 0.857_142_857_142_857_1 }.jsonString() == #"{"doubleValue":0.8571428571428571}"#)
        #expect(AllTypes.with { $0.doubleValue = .nan }.jsonValue() == ["doubleValue": "NaN"])
        #expect(AllTypes.with { $0.floatValue = .infinity }.jsonValue() == ["floatValue": "Infinity"])
        #expect(AllTypes.with { $0.doubleValue = -.infinity }.jsonValue() == ["doubleValue": "-Infinity"])
        #expect(AllTypes.with { $0.doubleValue = -0.0 }.jsonString() == #"{"doubleValue":-0}"#)
        #expect(AllTypes.with { $0.repeatedFloat = [1.25, 3.4028235e38] }.jsonString() == #"{"repeatedFloat":[1.25,3.4028235e+38]}"#)
    }

    @Test("Booleans and strings (UTF-8 as it is, control characters escaped)")
    func boolsAndStrings() {
        let message = AllTypes.with {
            $0.boolValue = true
            $0.stringValue = "Xã Nậm Kè \"quoted\" \\ tab\tnew\nline \u{1} 🇻🇳"
        }
        #expect(
            message.jsonString()
                == #"{"boolValue":true,"stringValue":"Xã Nậm Kè \"quoted\" \\ tab\tnew\nline \u0001 🇻🇳"}"#
        )
    }

    @Test("Bytes are standard base64 with padding")
    func bytes() {
        let cases: [([UInt8], String)] = [
            ([], ""), ([0x66], "Zg=="), ([0x66, 0x6F], "Zm8="), ([0x66, 0x6F, 0x6F], "Zm9v"),
            ([0xFB, 0xFF, 0xBF], "+/+/"), (Array("Đ".utf8), "xJA="),
        ]
        for (bytes, text) in cases {
            #expect(ProtoJSON.bytes(bytes) == .string(text))
        }
        #expect(AllTypes.with { $0.bytesValue = [0, 1, 2] }.jsonValue() == ["bytesValue": "AAEC"])
        #expect(AllTypes.with { $0.repeatedBytes = [[0xFF], []] }.jsonValue() == ["repeatedBytes": ["/w==", ""]])
    }

    // MARK: - Enums

    @Test("Enums are their proto names; undeclared values are numbers; aliases use the first name")
    func enums() {
        #expect(AllTypes.with { $0.colour = .green }.jsonValue() == ["colour": "COLOUR_GREEN"])
        #expect(AllTypes.with { $0.level = .high }.jsonValue() == ["level": "LEVEL_HIGH"])
        #expect(AllTypes.with { $0.colour = .init(rawValue: 42) }.jsonValue() == ["colour": 42])
        #expect(AllTypes.with { $0.colour = .init(rawValue: -3) }.jsonValue() == ["colour": -3])
        #expect(Specials.with { $0.mood = .glad }.jsonValue() == ["mood": "MOOD_HAPPY"])
        #expect(
            Specials.with { $0.moods = [.sad, .init(rawValue: 9), .unspecified] }.jsonValue()
                == ["moods": ["MOOD_SAD", 9, "MOOD_UNSPECIFIED"]]
        )
        #expect(Motcua_Catalog_V1_UnitLevel.commune.jsonValue() == "UNIT_LEVEL_COMMUNE")
        #expect(Motcua_Catalog_V1_UnitLevel.commune.protoName == "UNIT_LEVEL_COMMUNE")
        #expect(Motcua_Catalog_V1_UnitLevel(rawValue: 77).protoName == nil)
    }

    // MARK: - Repeated, maps, oneofs, nesting

    @Test("Repeated fields are arrays, in order")
    func repeated() {
        let message = AllTypes.with {
            $0.repeatedInt32 = [3, -1, 2]
            $0.repeatedUint64 = [1, .max]
            $0.repeatedBool = [true, false]
            $0.repeatedString = ["Hà Nội", ""]
            $0.repeatedInner = [.with { $0.id = 1 }, .init()]
        }
        #expect(
            message.jsonValue() == [
                "repeatedInt32": [3, -1, 2],
                "repeatedBool": [true, false],
                "repeatedString": ["Hà Nội", ""],
                "repeatedInner": [["id": 1], [:]],
                "repeatedUint64": ["1", "18446744073709551615"],
            ]
        )
    }

    @Test("Maps are objects with string keys in ascending key order")
    func maps() {
        let message = AllTypes.with {
            $0.stringToInt32 = ["b": 2, "a": 1, "c": 0]
            $0.int64ToString = [10: "ten", -1: "minus one", 2: "two"]
            $0.stringToInner = ["x": .with { $0.label = "X" }]
            $0.boolToColour = [true: .red, false: .init(rawValue: 8)]
            $0.uint32ToBytes = [5: [0xFF]]
        }
        #expect(
            message.jsonString()
                == #"{"stringToInt32":{"a":1,"b":2,"c":0},"int64ToString":{"-1":"minus one","2":"two","10":"ten"},"#
                + #""stringToInner":{"x":{"label":"X"}},"boolToColour":{"false":8,"true":"COLOUR_RED"},"#
                + #""uint32ToBytes":{"5":"/w=="}}"#
        )
        // Dictionary order never leaks into the output.
        for _ in 0..<5 {
            let shuffled = AllTypes.with { $0.stringToInt32 = Dictionary(uniqueKeysWithValues: (0..<50).map { ("k\($0)", Int32($0)) }.shuffled()) }
            #expect(shuffled.jsonValue()["stringToInt32"]?.objectValue?.keys == (0..<50).map { "k\($0)" }.sorted())
        }
    }

    @Test("A oneof is its set member, written even when it holds a default value")
    func oneofs() {
        #expect(AllTypes.with { $0.choice = .choiceInt64(0) }.jsonValue() == ["choiceInt64": "0"])
        #expect(AllTypes.with { $0.choice = .choiceString("") }.jsonValue() == ["choiceString": ""])
        #expect(AllTypes.with { $0.choice = .choiceInner(.init()) }.jsonValue() == ["choiceInner": [:]])
        #expect(AllTypes.with { $0.choice = .choiceBytes([1]) }.jsonValue() == ["choiceBytes": "AQ=="])
        #expect(AllTypes.with { $0.choice = .choiceColour(.blue) }.jsonValue() == ["choiceColour": "COLOUR_BLUE"])
        #expect(AllTypes().jsonValue(includingDefaults: true)["choiceInt64"] == nil)
        let expression = Motcua_Testing_V1_Expression.with {
            $0.kind = .sum(.with {
                $0.left = .with { $0.kind = .literal(1) }
                $0.right = .with { $0.kind = .negated(.with { $0.kind = .literal(2) }) }
            })
        }
        #expect(expression.jsonValue() == ["sum": ["left": ["literal": "1"], "right": ["negated": ["literal": "2"]]]])
    }

    @Test("Nested and recursive messages are nested objects")
    func nesting() {
        let chain = Motcua_Testing_V1_Node.with {
            $0.data = [1]
            $0.child = .with { $0.child = .init() }
        }
        #expect(chain.jsonValue() == ["child": ["child": [:]], "data": "AQ=="])
        let tree = Motcua_Testing_V1_Tree.with {
            $0.name = "root"
            $0.children = [.with { $0.name = "a" }]
            $0.named = ["b": .with { $0.name = "b" }]
        }
        #expect(tree.jsonValue() == ["name": "root", "children": [["name": "a"]], "named": ["b": ["name": "b"]]])
    }

    // MARK: - Well-known types

    @Test("Timestamp: RFC 3339 in UTC with 0, 3, 6 or 9 fractional digits")
    func timestamps() {
        func text(_ seconds: Int64, _ nanos: Int32 = 0) -> JSONValue {
            Google_Protobuf_Timestamp.with {
                $0.seconds = seconds
                $0.nanos = nanos
            }.jsonValue()
        }
        #expect(text(0) == "1970-01-01T00:00:00Z")
        #expect(text(1_643_353_500) == "2022-01-28T07:05:00Z")
        #expect(text(63_072_020, 21_000_000) == "1972-01-01T00:00:20.021Z")
        #expect(text(1, 500_000) == "1970-01-01T00:00:01.000500Z")
        #expect(text(1, 1) == "1970-01-01T00:00:01.000000001Z")
        #expect(text(-1) == "1969-12-31T23:59:59Z")
        #expect(text(-1, 999_000_000) == "1969-12-31T23:59:59.999Z")
        #expect(text(951_782_400) == "2000-02-29T00:00:00Z")
        #expect(text(-62_135_596_800) == "0001-01-01T00:00:00Z")
        #expect(text(253_402_300_799, 999_999_999) == "9999-12-31T23:59:59.999999999Z")
        // As a field, in a repeated field and as a map value.
        let message = Specials.with {
            $0.at = .with { $0.seconds = 1_640_995_200 }
            $0.history = [.with { $0.seconds = 0 }]
        }
        #expect(message.jsonValue() == ["at": "2022-01-01T00:00:00Z", "history": ["1970-01-01T00:00:00Z"]])
        // A real contract message: Procedure.updated_at.
        let procedure = Motcua_Catalog_V1_Procedure.with { $0.updatedAt = .with { $0.seconds = 1_643_353_500 } }
        #expect(procedure.jsonValue() == ["updatedAt": "2022-01-28T07:05:00Z"])
    }

    @Test("Duration: seconds with an s suffix and 0, 3, 6 or 9 fractional digits")
    func durations() {
        func text(_ seconds: Int64, _ nanos: Int32 = 0) -> JSONValue {
            Google_Protobuf_Duration.with {
                $0.seconds = seconds
                $0.nanos = nanos
            }.jsonValue()
        }
        #expect(text(0) == "0s")
        #expect(text(3) == "3s")
        #expect(text(1, 500_000_000) == "1.500s")
        #expect(text(-1, -500_000_000) == "-1.500s")
        #expect(text(0, -500_000_000) == "-0.500s")
        #expect(text(0, 1_000) == "0.000001s")
        #expect(text(0, 1) == "0.000000001s")
        #expect(text(315_576_000_000, 999_999_999) == "315576000000.999999999s")
        #expect(text(2, -500_000_000) == "1.500s")
        let message = Specials.with { $0.timings = ["slow": .with { $0.seconds = 90 }, "fast": .with { $0.nanos = 250_000_000 }] }
        #expect(message.jsonValue() == ["timings": ["fast": "0.250s", "slow": "90s"]])
    }

    @Test("Wrappers are their value, written when set even if that value is the default")
    func wrappers() {
        let message = Specials.with {
            $0.doubleWrapper = .with { $0.value = 1.5 }
            $0.floatWrapper = .with { $0.value = 0.1 }
            $0.int64Wrapper = .with { $0.value = -9_007_199_254_740_993 }
            $0.uint64Wrapper = .with { $0.value = .max }
            $0.int32Wrapper = .init()
            $0.uint32Wrapper = .with { $0.value = 4 }
            $0.boolWrapper = .init()
            $0.stringWrapper = .with { $0.value = "Điện Biên" }
            $0.bytesWrapper = .with { $0.value = [0xFF, 0xEE] }
            $0.nothing = .init()
        }
        #expect(
            message.jsonValue() == [
                "doubleWrapper": 1.5,
                "floatWrapper": 0.1,
                "int64Wrapper": "-9007199254740993",
                "uint64Wrapper": "18446744073709551615",
                "int32Wrapper": 0,
                "uint32Wrapper": 4,
                "boolWrapper": false,
                "stringWrapper": "Điện Biên",
                "bytesWrapper": "/+4=",
                "nothing": [:],
            ]
        )
        #expect(Specials().jsonValue(includingDefaults: true)["int32Wrapper"] == nil)
        #expect(Google_Protobuf_StringValue().jsonValue() == "")
    }

    // MARK: - Serialization

    @Test("Pretty serialization: two-space indentation, one member per line, empty containers inline")
    func pretty() {
        let value: JSONValue = ["a": 1, "b": [true, nil], "c": [:], "d": [], "e": ["f": "g"]]
        #expect(
            value.serialized(pretty: true) == """
                {
                  "a": 1,
                  "b": [
                    true,
                    null
                  ],
                  "c": {},
                  "d": [],
                  "e": {
                    "f": "g"
                  }
                }
                """
        )
        #expect(value.serialized() == #"{"a":1,"b":[true,null],"c":{},"d":[],"e":{"f":"g"}}"#)
    }

    @Test("Escaping: quote, backslash, named controls, other controls as \\u00XX; non-ASCII kept")
    func escaping() {
        let value: JSONValue = .string("\"\\\n\r\t\u{8}\u{C}\u{0}\u{1F}/ưở😈\u{7F}")
        #expect(value.serialized() == #""\"\\\n\r\t\b\f\u0000\u001f/ưở😈"# + "\u{7F}\"")
        let key: JSONValue = ["k\"ey": "v"]
        #expect(key.serialized() == #"{"k\"ey":"v"}"#)
    }

    @Test("A contract message serializes deterministically, in field order")
    func contractMessage() {
        let procedure = Motcua_Catalog_V1_Procedure.with {
            $0.code = "1.001193"
            $0.name = "Đăng ký khai sinh"
            $0.field = "Hộ tịch"
            $0.implementingLevel = .commune
            $0.onlineLevel = 4
            $0.onlineScheme = .fullProcess
            $0.legalDeadline = .with {
                $0.amount = 1
                $0.unit = .workingDays
            }
            $0.fees = [.with {
                $0.name = "Lệ phí"
                $0.amountVnd = 8_000
            }]
            $0.revision = 12
        }
        let expected = #"{"code":"1.001193","name":"Đăng ký khai sinh","field":"Hộ tịch","implementingLevel":"IMPLEMENTING_LEVEL_COMMUNE","#
            + #""onlineLevel":4,"onlineScheme":"ONLINE_SCHEME_FULL_PROCESS","legalDeadline":{"amount":1,"unit":"DEADLINE_UNIT_WORKING_DAYS"},"#
            + #""fees":[{"name":"Lệ phí","amountVnd":"8000"}],"revision":"12"}"#
        #expect(procedure.jsonString() == expected)
        #expect(procedure.jsonString() == procedure.jsonString())
        let report = Motcua_Statistics_V1_Counts.with {
            $0.newTotal = 8_479
            $0.onlineRate = 0.25
        }
        #expect(report.jsonValue() == ["newTotal": "8479", "onlineRate": 0.25])
    }
}
