internal import RPCCore

#if canImport(Glibc)
internal import Glibc
#elseif canImport(Darwin)
internal import Darwin
#endif

/// Where the CLI writes: standard output for results, standard error for errors and progress.
///
/// The standard console writes to the process's streams; a capturing console keeps the text so that
/// tests can read it.
public final class Console: Sendable {
    private enum Kind {
        case standard
        case capturing
    }

    private let kind: Kind
    private let captured = LockedBox<(output: String, error: String)>(("", ""))
    private let terminals: (output: Bool, error: Bool)

    private init(kind: Kind, terminals: (output: Bool, error: Bool)) {
        self.kind = kind
        self.terminals = terminals
    }

    /// The process's standard output and standard error.
    public static func standard() -> Console {
        Console(kind: .standard, terminals: (isatty(1) == 1, isatty(2) == 1))
    }

    /// A console that keeps what is written (for tests); `terminal` pretends both streams are terminals.
    public static func capturing(terminal: Bool = false) -> Console {
        Console(kind: .capturing, terminals: (terminal, terminal))
    }

    /// Whether standard output is a terminal.
    public var outputIsTerminal: Bool { self.terminals.output }

    /// Whether standard error is a terminal (progress bars are drawn only then).
    public var errorIsTerminal: Bool { self.terminals.error }

    /// Writes text to standard output as it is.
    public func write(_ text: String) {
        switch self.kind {
        case .standard:
            Self.writeAll(text, to: 1)
        case .capturing:
            self.captured.withLock { $0.output += text }
        }
    }

    /// Writes a line to standard output.
    public func line(_ text: String = "") {
        self.write(text + "\n")
    }

    /// Writes text to standard error as it is.
    public func writeError(_ text: String) {
        switch self.kind {
        case .standard:
            Self.writeAll(text, to: 2)
        case .capturing:
            self.captured.withLock { $0.error += text }
        }
    }

    /// Writes a line to standard error.
    public func errorLine(_ text: String) {
        self.writeError(text + "\n")
    }

    /// Writes every byte of `text` to a file descriptor (retrying short writes and EINTR).
    private static func writeAll(_ text: String, to descriptor: Int32) {
        var bytes = Array(text.utf8)[...]
        while !bytes.isEmpty {
            let written = bytes.withUnsafeBytes { systemWrite(descriptor, $0.baseAddress, $0.count) }
            if written < 0 {
                if errno == EINTR { continue }
                return
            }
            bytes = bytes.dropFirst(written)
        }
    }

    /// What a capturing console received on standard output.
    public var capturedOutput: String { self.captured.withLock { $0.output } }

    /// What a capturing console received on standard error.
    public var capturedError: String { self.captured.withLock { $0.error } }
}

/// `write(2)` (the name is shadowed inside ``Console``).
private func systemWrite(_ descriptor: Int32, _ buffer: UnsafeRawPointer?, _ count: Int) -> Int {
    write(descriptor, buffer, count)
}
