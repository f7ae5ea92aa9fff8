/// The counters of one key summed per block of 16 days (no daily detail): the per-cell counters kept in memory, from
/// which sums before a day come from the whole blocks before it plus, read from storage, the days of its block.
public struct BlockCounterSeries: Sendable {
    /// Days per block: 1 << blockShift.
    public static let blockShift = 4

    /// The block of a day.
    @inlinable
    public static func block(of day: Int) -> Int { day >> self.blockShift }

    /// The first day of a block.
    @inlinable
    public static func firstDay(of block: Int) -> Int { block << self.blockShift }

    private var firstBlock = 0
    private var totals: [ContiguousArray<Int64>?] = []

    public init() {}

    /// Adds deltas to a block.
    public mutating func add(_ deltas: CounterVector, block: Int) {
        if self.totals.isEmpty {
            self.firstBlock = block
            self.totals = [nil]
        } else if block < self.firstBlock {
            self.totals.insert(contentsOf: Array(repeating: nil, count: self.firstBlock - block), at: 0)
            self.firstBlock = block
        } else if block >= self.firstBlock + self.totals.count {
            self.totals.append(contentsOf: Array(repeating: nil, count: block - self.firstBlock - self.totals.count + 1))
        }
        let index = block - self.firstBlock
        var values = self.totals[index] ?? ContiguousArray(repeating: 0, count: StatCounter.count)
        for counter in 0..<StatCounter.count { values[counter] &+= deltas.values[counter] }
        self.totals[index] = values
    }

    /// Each counter summed over the blocks before `block`, added to `sums`.
    public func addSums(beforeBlock block: Int, into sums: inout CounterVector) {
        let end = min(max(block - self.firstBlock, 0), self.totals.count)
        guard end > 0 else { return }
        var values = sums.values
        for index in 0..<end {
            guard let block = self.totals[index] else { continue }
            for counter in 0..<StatCounter.count { values[counter] &+= block[counter] }
        }
        sums = CounterVector(values: values)
    }
}
