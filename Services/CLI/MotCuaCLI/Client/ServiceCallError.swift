public import RPCCore

/// An RPC that did not end with `OK`, with the service and address it was sent to.
public struct ServiceCallError: Error, Sendable, CustomStringConvertible {
    public var service: ServiceKind
    public var address: ServiceAddress
    public var error: RPCError

    public init(service: ServiceKind, address: ServiceAddress, error: RPCError) {
        self.service = service
        self.address = address
        self.error = error
    }

    /// Whether the server could not be reached at all (as opposed to a server that answered
    /// `UNAVAILABLE`, e.g. while it loads its data).
    public var isUnreachable: Bool {
        self.error.code == .unavailable
            && (self.error.message.hasPrefix("cannot connect to")
                || self.error.message.hasPrefix("cannot start the call"))
    }

    /// The one-line message (without the `motcua: ` prefix), e.g.
    /// `NOT_FOUND: unknown procedure code 'X'` or
    /// `cannot reach submission at 127.0.0.1:50052 (UNAVAILABLE)`.
    public var description: String {
        if self.isUnreachable {
            return "cannot reach \(self.service.rawValue) at \(self.address) (\(self.error.code))"
        }
        let message = Self.oneLine(self.error.message)
        var text = message.isEmpty ? "\(self.error.code)" : "\(self.error.code): \(message)"
        if self.error.code == .unimplemented {
            text += " (is \(self.address) the \(self.service.rawValue) server? see --\(self.service.rawValue))"
        } else if self.error.code == .deadlineExceeded {
            text += " (\(self.service.rawValue) at \(self.address); see --timeout)"
        }
        return text
    }

    /// The text on one line: line breaks and tabs become spaces, runs of spaces one space.
    static func oneLine(_ text: String) -> String {
        var result = ""
        var pendingSpace = false
        for character in text {
            if character.isWhitespace {
                pendingSpace = !result.isEmpty
                continue
            }
            if pendingSpace { result.append(" ") }
            pendingSpace = false
            result.append(character)
        }
        return result
    }
}
