internal import RPCCore
public import RPCProtobuf

/// What a running command uses: the context, the clients for the chosen addresses and the output
/// mode. ``run(_:_:)`` opens it and closes the connections at the end.
public struct CommandSession: Sendable {
    public let context: CLIContext
    public let clients: ServiceClients
    /// Whether `--json` was given.
    public let json: Bool

    public var console: Console { self.context.console }

    /// Runs `body` with a session for `global`, closing the connections afterwards.
    public static func run(
        _ global: GlobalOptions,
        _ body: (CommandSession) async throws -> Void
    ) async throws {
        let context = CLIContext.current
        let session = CommandSession(context: context, clients: try global.clients(in: context), json: global.json)
        defer { session.clients.closeAll() }
        try await body(session)
    }

    /// Prints a response: its proto3 JSON (every field, defaults included, pretty) with `--json`,
    /// else `text()`.
    public func output(_ message: some ProtoJSONConvertible, text: () -> String) {
        if self.json {
            self.console.line(message.jsonValue(includingDefaults: true).serialized(pretty: true))
        } else {
            self.console.write(text())
        }
    }

    /// Prints a JSON value (pretty) with `--json`, else `text()`.
    public func output(json value: @autoclosure () -> JSONValue, text: () -> String) {
        if self.json {
            self.console.line(value().serialized(pretty: true))
        } else {
            self.console.write(text())
        }
    }

    /// Prints one message of a stream: one compact JSON object per line with `--json`, else `text()`.
    public func outputStreamed(_ message: some ProtoJSONConvertible, text: () -> String) {
        if self.json {
            self.console.line(message.jsonValue(includingDefaults: true).serialized())
        } else {
            self.console.write(text())
        }
    }

    /// Runs a call that follows a stream until Ctrl-C: with an explicit `--timeout`, reaching the
    /// deadline ends the command normally ("watch for N seconds").
    public func following(_ global: GlobalOptions, _ body: () async throws -> Void) async throws {
        do {
            try await body()
        } catch let error as ServiceCallError where error.error.code == .deadlineExceeded && global.timeout != nil {
            return
        }
    }

    /// A note for humans on standard error (never mixed into `--json` output).
    public func note(_ text: String) {
        self.console.errorLine(text)
    }
}
