/// A small, fast, deterministic pseudo-random generator (SplitMix64), so that every run generates the same data.
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

    /// 0 ..< bound.
    mutating func below(_ bound: Int) -> Int {
        Int(self.next() % UInt64(max(1, bound)))
    }

    /// True with probability `p`.
    mutating func chance(_ p: Double) -> Bool {
        Double(self.next() >> 11) / Double(1 << 53) < p
    }
}
