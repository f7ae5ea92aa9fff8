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

    /// True with probability `p`.
    mutating func chance(_ p: Double) -> Bool {
        self.unit() < p
    }

    /// An index in 0..<count (count > 0).
    mutating func index(_ count: Int) -> Int {
        min(count - 1, Int(self.unit() * Double(count)))
    }

    /// A number in the closed range.
    mutating func int(_ range: ClosedRange<Int>) -> Int {
        range.lowerBound + self.index(range.count)
    }

    /// One of the elements (non-empty).
    mutating func pick<T>(_ elements: [T]) -> T {
        elements[self.index(elements.count)]
    }

    /// A generator of its own for one part of the generation, so that changing one part leaves the others as they were.
    mutating func fork(_ salt: UInt64) -> SplitMix64 {
        SplitMix64(seed: self.next() ^ (salt &* 0x2545_F491_4F6C_DD1D))
    }
}

/// Indexes picked with probability proportional to their weights (cumulative sums, binary search).
struct WeightedPicker: Sendable {
    private let cumulative: [Double]

    init(weights: [Double]) {
        var total = 0.0
        self.cumulative = weights.map { weight in
            total += max(weight, 0)
            return total
        }
    }

    var isEmpty: Bool { (self.cumulative.last ?? 0) <= 0 }

    func pick(_ random: inout SplitMix64) -> Int {
        let target = random.unit() * (self.cumulative.last ?? 0)
        var low = 0
        var high = self.cumulative.count - 1
        while low < high {
            let middle = (low + high) / 2
            if self.cumulative[middle] > target { high = middle } else { low = middle + 1 }
        }
        return low
    }
}
