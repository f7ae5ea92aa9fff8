import DomainModel
import Synchronization

/// A settable clock for the engine.
final class TestClock: Sendable {
    private let current: Mutex<UnixInstant>

    init(_ start: UnixInstant) {
        self.current = Mutex(start)
    }

    var now: UnixInstant { self.current.withLock { $0 } }

    func set(_ instant: UnixInstant) { self.current.withLock { $0 = instant } }

    func advance(seconds: Int64) { self.current.withLock { $0 = $0.adding(seconds: seconds) } }

    var function: @Sendable () -> UnixInstant { { self.now } }
}

/// `date(2022, 2, 9)`.
func date(_ year: Int, _ month: Int, _ day: Int) -> CivilDate {
    guard let date = CivilDate(year: year, month: month, day: day) else { fatalError("invalid test date") }
    return date
}

/// A wall-clock time in Vietnam (UTC+7).
func vietnamInstant(_ year: Int, _ month: Int, _ day: Int, _ hour: Int = 9, _ minute: Int = 0, _ second: Int = 0) -> UnixInstant {
    let seconds = Int64(date(year, month, day).daysSinceEpoch) * 86_400 + Int64(hour * 3600 + minute * 60 + second) - 7 * 3600
    guard let instant = UnixInstant(seconds: seconds) else { fatalError("instant out of range") }
    return instant
}
