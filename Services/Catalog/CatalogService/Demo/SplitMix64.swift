/// A small deterministic pseudo-random generator (SplitMix64, Steele, Lea and Flood 2014): the same seed gives the
/// same sequence on every platform and Swift version, unlike `SystemRandomNumberGenerator`.
struct SplitMix64: RandomNumberGenerator {
    private var state: UInt64

    init(seed: UInt64) {
        self.state = seed
    }

    mutating func next() -> UInt64 {
        self.state &+= 0x9E37_79B9_7F4A_7C15
        var z = self.state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    /// A number in 0..<1 from the top 53 bits.
    mutating func unit() -> Double {
        Double(self.next() >> 11) / Double(UInt64(1) << 53)
    }

    /// An index in 0..<count (count > 0), without the bias of a plain modulo for small counts.
    mutating func index(_ count: Int) -> Int {
        Int(self.unit() * Double(count))
    }

    /// One of the elements (non-empty).
    mutating func pick<T>(_ elements: [T]) -> T {
        elements[self.index(elements.count)]
    }

    /// The elements in a shuffled order (Fisher–Yates, driven by this generator only).
    mutating func shuffled<T>(_ elements: [T]) -> [T] {
        var result = elements
        guard result.count > 1 else { return result }
        for i in stride(from: result.count - 1, to: 0, by: -1) {
            let j = self.index(i + 1)
            result.swapAt(i, j)
        }
        return result
    }
}
