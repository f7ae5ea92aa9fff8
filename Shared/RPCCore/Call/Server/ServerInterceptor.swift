/// Intercepts server calls: for authentication, logging, metrics. Interceptors run in registration order, outermost
/// first, around the handler.
public protocol ServerInterceptor: Sendable {
    func intercept<Input: Sendable, Output: Sendable>(
        request: StreamingServerRequest<Input>,
        context: ServerContext,
        next: @Sendable (StreamingServerRequest<Input>, ServerContext) async throws -> StreamingServerResponse<Output>
    ) async throws -> StreamingServerResponse<Output>
}
