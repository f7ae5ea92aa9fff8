/// One value per ``StatCounter``: a day's deltas, or the sums of the deltas over the days before a date.
public struct CounterVector: Hashable, Sendable, CustomStringConvertible {
    /// Indexed by ``StatCounter/rawValue``.
    public private(set) var values: [Int64]

    /// All zero.
    public init() {
        self.values = Array(repeating: 0, count: StatCounter.count)
    }

    /// The values in ``StatCounter`` order (missing ones are zero, extra ones ignored).
    public init(values: [Int64]) {
        var all = Array(values.prefix(StatCounter.count))
        if all.count < StatCounter.count { all += Array(repeating: 0, count: StatCounter.count - all.count) }
        self.values = all
    }

    public subscript(counter: StatCounter) -> Int64 {
        get { self.values[counter.rawValue] }
        set { self.values[counter.rawValue] = newValue }
    }

    /// Whether every value is zero.
    public var isZero: Bool { self.values.allSatisfy { $0 == 0 } }

    public static func += (lhs: inout CounterVector, rhs: CounterVector) {
        for index in 0..<StatCounter.count { lhs.values[index] += rhs.values[index] }
    }

    public static func -= (lhs: inout CounterVector, rhs: CounterVector) {
        for index in 0..<StatCounter.count { lhs.values[index] -= rhs.values[index] }
    }

    public static func + (lhs: CounterVector, rhs: CounterVector) -> CounterVector {
        var sum = lhs
        sum += rhs
        return sum
    }

    public static func - (lhs: CounterVector, rhs: CounterVector) -> CounterVector {
        var difference = lhs
        difference -= rhs
        return difference
    }

    /// The non-zero values, e.g. `[received_online: 2, due: 1]`.
    public var description: String {
        let parts = StatCounter.allCases.filter { self[$0] != 0 }.map { "\($0.name): \(self[$0])" }
        return "[" + parts.joined(separator: ", ") + "]"
    }
}
