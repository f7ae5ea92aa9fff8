internal import RPCCore

/// A progress bar on standard error, drawn only when standard error is a terminal:
///
/// ```
/// Importing procedures [██████████████░░░░░░░░░░░░░░░░]  1200/1764  68%
/// ```
public final class ProgressBar: Sendable {
    private let console: Console
    private let label: String
    private let total: Int
    private let enabled: Bool
    private let state = LockedBox<(done: Int, drawnPercent: Int)>((0, -1))

    /// - Parameter enabled: draw at all (normally: standard error is a terminal).
    public init(console: Console, label: String, total: Int, enabled: Bool) {
        self.console = console
        self.label = label
        self.total = max(total, 0)
        self.enabled = enabled
    }

    /// The bar for a count, as drawn (without the carriage return).
    public static func render(label: String, done: Int, total: Int, width: Int = 30) -> String {
        let fraction = total == 0 ? 1 : min(1, Double(done) / Double(total))
        let filled = Int((fraction * Double(width)).rounded(.down))
        let bar = String(repeating: "█", count: filled) + String(repeating: "░", count: width - filled)
        let percent = Int((fraction * 100).rounded(.down))
        let counts = TextWidth.pad("\(done)/\(total)", to: 2 * String(total).count + 1, alignRight: true)
        return "\(label) [\(bar)] \(counts) \(TextWidth.pad("\(percent)%", to: 4, alignRight: true))"
    }

    /// Records that `count` more items were sent and redraws when the percentage changed.
    public func advance(by count: Int) {
        guard self.enabled else { return }
        let line: String? = self.state.withLock { state in
            state.done += count
            let percent = self.total == 0 ? 100 : state.done * 100 / self.total
            guard percent != state.drawnPercent else { return nil }
            state.drawnPercent = percent
            return Self.render(label: self.label, done: state.done, total: self.total)
        }
        if let line { self.console.writeError("\r" + line) }
    }

    /// Ends the bar's line (and clears it when `clear`).
    public func finish(clear: Bool = false) {
        guard self.enabled else { return }
        if clear {
            self.console.writeError("\r" + String(repeating: " ", count: 80) + "\r")
        } else {
            self.console.writeError("\n")
        }
    }
}
