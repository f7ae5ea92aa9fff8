/// Streams opened by one call, cancelled when the call's scope ends.
final class ClientCallTracker: Sendable {
    private let state = LockedBox<(streams: [any ClientInbound], tasks: [Task<Void, Never>])>(([], []))

    func track(_ inbound: any ClientInbound, producer: Task<Void, Never>) {
        self.state.withLock {
            $0.streams.append(inbound)
            $0.tasks.append(producer)
        }
    }

    func cancelAll() {
        let (streams, tasks) = self.state.withLock { state in
            let taken = (state.streams, state.tasks)
            state = ([], [])
            return taken
        }
        for task in tasks { task.cancel() }
        for stream in streams { stream.cancel() }
    }
}

/// Opens a transport stream for a call and adapts it to typed requests and responses.
enum ClientCallRunner {
    static func open<Input: RPCMessage, Output: RPCMessage>(
        transport: any ClientTransport,
        request: StreamingClientRequest<Input>,
        context: ClientContext,
        tracker: ClientCallTracker
    ) async throws -> StreamingClientResponse<Output> {
        let stream = try await transport.openStream(
            descriptor: context.descriptor,
            metadata: request.metadata,
            options: context.options
        )
        let outbound = stream.outbound
        let inbound = stream.inbound
        let compressByDefault = context.options.compression != nil
        let producer = Task {
            let writer = RPCWriter<Input> { message, compressed in
                try await outbound.writeMessage(message.serializedBytes(), compress: compressed ?? compressByDefault)
            }
            do {
                try await request.producer(writer)
                outbound.finish()
            } catch {
                inbound.cancel()
            }
        }
        tracker.track(inbound, producer: producer)

        let trailers = LockedBox<Metadata?>(nil)
        let finished = LockedBox(false)
        // The first part is either the response headers or a Trailers-Only status.
        var headers = Metadata()
        var pending: ClientResponsePart? = nil
        let first = await withTaskCancellationHandler {
            await inbound.next()
        } onCancel: {
            inbound.cancel()
        }
        switch first {
        case .metadata(let metadata):
            headers = metadata
        case .status(let status, let metadata):
            if status.code != .ok { throw RPCError(status: status, metadata: metadata) }
            pending = first
        case .message, .none:
            pending = first
        }
        let pendingBox = LockedBox(pending)
        let messages = RPCAsyncSequence<Received<Output>> {
            if finished.withLock({ $0 }) { return nil }
            while true {
                let part: ClientResponsePart?
                if let buffered = pendingBox.withLock({ box -> ClientResponsePart? in
                    let value = box
                    box = nil
                    return value
                }) {
                    part = buffered
                } else {
                    part = await withTaskCancellationHandler { await inbound.next() } onCancel: { inbound.cancel() }
                }
                switch part {
                case .message(let received):
                    do {
                        return Received(message: try Output(serializedBytes: received.bytes), wasCompressed: received.wasCompressed)
                    } catch {
                        inbound.cancel()
                        finished.withLock { $0 = true }
                        throw error
                    }
                case .status(let status, let metadata):
                    finished.withLock { $0 = true }
                    trailers.withLock { $0 = metadata }
                    if status.code == .ok { return nil }
                    throw RPCError(status: status, metadata: metadata)
                case .metadata:
                    continue  // a second HEADERS frame that is not trailers: ignored
                case .none:
                    finished.withLock { $0 = true }
                    throw RPCError(code: .internalError, message: "the stream ended without a status")
                }
            }
        }
        return StreamingClientResponse(metadata: headers, receivedMessages: messages, trailers: trailers)
    }
}
