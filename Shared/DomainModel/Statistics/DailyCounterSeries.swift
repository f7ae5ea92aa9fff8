/// The daily deltas of every ``StatCounter`` for one key (a unit), in memory, answering "the sum of each counter
/// over the days before D" in a few dozen additions: days are grouped in blocks of 32 whose totals are kept, so a
/// sum adds the totals of the blocks before D's block and the days of D's block before D.
///
/// Adding a delta is O(1). Days are day numbers (``CivilDate/daysSinceEpoch``).
public struct DailyCounterSeries: Sendable {
    static let blockShift = 5
    static let blockDays = 1 << blockShift

    struct Block: Sendable {
        /// `blockDays × StatCounter.count` deltas, day-major.
        var days: ContiguousArray<Int32>
        /// The sum of each counter over the block.
        var totals: ContiguousArray<Int64>

        init() {
            self.days = ContiguousArray(repeating: 0, count: DailyCounterSeries.blockDays * StatCounter.count)
            self.totals = ContiguousArray(repeating: 0, count: StatCounter.count)
        }
    }

    /// The block index of `blocks[0]`.
    private var firstBlock = 0
    private var blocks: [Block?] = []

    public init() {}

    /// Whether no delta was ever added.
    public var isEmpty: Bool { self.blocks.isEmpty }

    /// The first and last day that may hold a delta, if any.
    public var dayRange: ClosedRange<Int>? {
        guard !self.blocks.isEmpty else { return nil }
        let first = self.firstBlock << Self.blockShift
        return first...(first + self.blocks.count * Self.blockDays - 1)
    }

    /// Adds `delta` to a counter on a day.
    public mutating func add(_ counter: StatCounter, day: Int, _ delta: Int64) {
        guard delta != 0 else { return }
        let index = self.ensureBlock(for: day)
        let offset = (day - ((self.firstBlock + index) << Self.blockShift)) * StatCounter.count + counter.rawValue
        self.blocks[index]!.days[offset] &+= Int32(truncatingIfNeeded: delta)
        self.blocks[index]!.totals[counter.rawValue] &+= delta
    }

    /// Adds a vector of deltas on a day.
    public mutating func add(_ deltas: CounterVector, day: Int) {
        for counter in StatCounter.allCases where deltas[counter] != 0 {
            self.add(counter, day: day, deltas[counter])
        }
    }

    /// Each counter summed over the days before `day`, added to `sums`.
    public func addSums(before day: Int, into sums: inout CounterVector) {
        guard !self.blocks.isEmpty else { return }
        let target = (day >> Self.blockShift) - self.firstBlock
        let whole = min(max(target, 0), self.blocks.count)
        var values = sums.values
        for index in 0..<whole {
            guard let block = self.blocks[index] else { continue }
            for counter in 0..<StatCounter.count { values[counter] &+= block.totals[counter] }
        }
        if target >= 0, target < self.blocks.count, let block = self.blocks[target] {
            let daysBefore = day - ((self.firstBlock + target) << Self.blockShift)
            for dayOffset in 0..<daysBefore {
                let base = dayOffset * StatCounter.count
                for counter in 0..<StatCounter.count { values[counter] &+= Int64(block.days[base + counter]) }
            }
        }
        sums = CounterVector(values: values)
    }

    /// Each counter summed over the days before `day`.
    public func sums(before day: Int) -> CounterVector {
        var sums = CounterVector()
        self.addSums(before: day, into: &sums)
        return sums
    }

    /// Adds the deltas of each day of [from, to) to `daily[day - from]`.
    public func addDailyDeltas(from: Int, to: Int, into daily: inout [CounterVector]) {
        guard !self.blocks.isEmpty, from < to else { return }
        for day in from..<to {
            let index = (day >> Self.blockShift) - self.firstBlock
            guard index >= 0, index < self.blocks.count, let block = self.blocks[index] else { continue }
            let base = (day - ((self.firstBlock + index) << Self.blockShift)) * StatCounter.count
            var vector = daily[day - from]
            var changed = false
            for counter in 0..<StatCounter.count {
                let value = block.days[base + counter]
                if value != 0 {
                    vector[StatCounter(rawValue: counter)!] += Int64(value)
                    changed = true
                }
            }
            if changed { daily[day - from] = vector }
        }
    }

    private mutating func ensureBlock(for day: Int) -> Int {
        let block = day >> Self.blockShift
        if self.blocks.isEmpty {
            self.firstBlock = block
            self.blocks = [Block()]
            return 0
        }
        if block < self.firstBlock {
            self.blocks.insert(contentsOf: Array(repeating: nil, count: self.firstBlock - block), at: 0)
            self.firstBlock = block
        } else if block >= self.firstBlock + self.blocks.count {
            self.blocks.append(contentsOf: Array(repeating: nil, count: block - self.firstBlock - self.blocks.count + 1))
        }
        let index = block - self.firstBlock
        if self.blocks[index] == nil { self.blocks[index] = Block() }
        return index
    }
}
