import Testing

@testable import RPCCore

@Suite("Metadata")
struct MetadataTests {
    @Test("keys are lower-cased and values keep their order")
    func keysAndOrder() {
        var metadata = Metadata()
        metadata.addString("a", forKey: "X-Key")
        metadata.addString("b", forKey: "x-key")
        metadata.addBinary([1, 2], forKey: "x-data-bin")
        #expect(metadata["x-key"] == [.string("a"), .string("b")])
        #expect(metadata.firstString(forKey: "X-KEY") == "a")
        #expect(metadata.firstBinary(forKey: "x-data-bin") == [1, 2])
        #expect(metadata.count == 3)
    }

    @Test("replace and remove")
    func replaceAndRemove() {
        var metadata: Metadata = ["k": .string("1"), "other": .string("x")]
        metadata.replaceOrAdd(.string("2"), forKey: "k")
        #expect(metadata["k"] == [.string("2")])
        metadata.removeAllValues(forKey: "k")
        #expect(metadata["k"].isEmpty)
        #expect(metadata.count == 1)
    }

    @Test("binary keys end in -bin")
    func binaryKeys() {
        #expect(Metadata.isBinaryKey("trace-bin"))
        #expect(!Metadata.isBinaryKey("trace"))
    }
}

@Suite("Base64 for -bin metadata")
struct Base64Tests {
    @Test("encodes padded and unpadded", arguments: [
        ([UInt8](), "", ""),
        ([0xab], "qw==", "qw"),
        ([0xab, 0xab], "q6s=", "q6s"),
        ([0xab, 0xab, 0xab], "q6ur", "q6ur"),
    ])
    func encode(bytes: [UInt8], padded: String, unpadded: String) {
        #expect(Base64.encode(bytes, padded: true) == padded)
        #expect(Base64.encode(bytes, padded: false) == unpadded)
        #expect(Base64.decode(padded) == bytes)
        #expect(Base64.decode(unpadded) == bytes)
    }

    @Test("rejects malformed input")
    func malformed() {
        #expect(Base64.decode("q") == nil)
        #expect(Base64.decode("q6*r") == nil)
        #expect(Base64.decode("qw==qw") == nil)
    }

    @Test("round-trips every byte value")
    func roundTrip() {
        let bytes = (0...255).map { UInt8($0) }
        #expect(Base64.decode(Base64.encode(bytes, padded: false)) == bytes)
    }
}
