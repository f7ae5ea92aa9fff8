internal import CNGHTTP2
internal import NIOCore

/// One header field, as text. Binary metadata is base64 text at this level.
struct HeaderField: Sendable, Hashable {
    var name: String
    var value: String
}

/// What the peer did, collected while nghttp2 parses input and handled after `receive` returns.
enum HTTP2Event {
    /// A complete header block: request headers (server), response headers or trailers (client).
    case headers(streamID: Int32, fields: [HeaderField], endStream: Bool)
    /// A chunk of DATA payload.
    case data(streamID: Int32, bytes: ByteBuffer)
    /// END_STREAM on a DATA frame.
    case endStream(streamID: Int32)
    /// The stream is closed (error code 0 is a normal close).
    case streamClosed(streamID: Int32, errorCode: UInt32)
    /// The peer's header block was over the limit; the stream has been reset.
    case headersTooLarge(streamID: Int32)
    case goAway(lastStreamID: Int32, errorCode: UInt32, debugData: String)
    case ping(ack: Bool, opaque: UInt64)
}

/// An error reported by nghttp2.
struct HTTP2SessionError: Error, CustomStringConvertible {
    var code: Int32
    var operation: String

    var description: String {
        "\(self.operation) failed: \(String(cString: nghttp2_strerror(self.code))) (\(self.code))"
    }
}

/// HTTP/2 settings and protections for one session.
struct HTTP2SessionSettings: Sendable {
    var maxConcurrentStreams: UInt32 = 1000
    var initialWindowSize: UInt32 = 1 << 20
    var connectionWindowSize: Int32 = 16 << 20
    var maxHeaderListSize: UInt32 = 16 << 10
    var maxFrameSize: UInt32 = 16 << 10
    /// Rapid-reset protection (CVE-2023-44487): a burst and a rate per second of peer RST_STREAMs.
    var streamResetBurst: UInt64 = 1000
    var streamResetRate: UInt64 = 33
    /// CONTINUATION flood protection: at most this many CONTINUATION frames per header block.
    var maxContinuations: Int = 8
}

/// The only code that talks to nghttp2: one `nghttp2_session`, server or client side.
///
/// Confined to one event loop. Callbacks only record ``HTTP2Event``s; the owner handles them after ``receive(_:)``
/// returns. Outbound DATA is buffered here per stream and handed to nghttp2 through a data provider, which ends the
/// stream (client) or sends trailers (server) once the buffer is drained.
final class NGHTTP2Session {
    enum Role { case server, client }

    private struct OutboundStream {
        var buffer: ByteBuffer
        var trailers: [HeaderField]? = nil
        var endStream = false
        var deferred = false
    }

    /// The header block being received. HTTP/2 sends one header block at a time per connection (HEADERS then its
    /// CONTINUATIONs), so one is enough.
    private struct PendingHeaders {
        var streamID: Int32 = 0
        var fields: [HeaderField] = []
        var size = 0
        var tooLarge = false
    }

    private var session: OpaquePointer?
    private var events: [HTTP2Event] = []
    private var pendingHeaders = PendingHeaders()
    /// The buffer being parsed by `receive`, so DATA chunks can be sliced from it instead of copied.
    private var inputBuffer: ByteBuffer? = nil
    private var inputBase: UnsafeRawPointer? = nil
    private var outbound: [Int32: OutboundStream] = [:]
    private var receiving = false
    private let maxHeaderListSize: Int
    private let allocator = ByteBufferAllocator()

    init(role: Role, settings: HTTP2SessionSettings) throws(HTTP2SessionError) {
        self.maxHeaderListSize = Int(settings.maxHeaderListSize)
        var callbacks: OpaquePointer?
        nghttp2_session_callbacks_new(&callbacks)
        defer { nghttp2_session_callbacks_del(callbacks) }
        nghttp2_session_callbacks_set_on_begin_headers_callback(callbacks, onBeginHeaders)
        nghttp2_session_callbacks_set_on_header_callback(callbacks, onHeader)
        nghttp2_session_callbacks_set_on_frame_recv_callback(callbacks, onFrameRecv)
        nghttp2_session_callbacks_set_on_data_chunk_recv_callback(callbacks, onDataChunkRecv)
        nghttp2_session_callbacks_set_on_stream_close_callback(callbacks, onStreamClose)

        var option: OpaquePointer?
        nghttp2_option_new(&option)
        defer { nghttp2_option_del(option) }
        nghttp2_option_set_no_auto_window_update(option, 1)
        nghttp2_option_set_peer_max_concurrent_streams(option, 100)
        nghttp2_option_set_max_send_header_block_length(option, 64 << 10)
        nghttp2_option_set_max_outbound_ack(option, 1000)
        nghttp2_option_set_max_settings(option, 32)
        nghttp2_option_set_stream_reset_rate_limit(option, settings.streamResetBurst, settings.streamResetRate)
        nghttp2_option_set_max_continuations(option, settings.maxContinuations)

        var session: OpaquePointer?
        let userData = Unmanaged.passUnretained(self).toOpaque()
        let rv: Int32
        switch role {
        case .server: rv = nghttp2_session_server_new2(&session, callbacks, userData, option)
        case .client: rv = nghttp2_session_client_new2(&session, callbacks, userData, option)
        }
        guard rv == 0, let session else { throw HTTP2SessionError(code: rv, operation: "nghttp2_session_new") }
        self.session = session

        var entries = [
            nghttp2_settings_entry(settings_id: Int32(NGHTTP2_SETTINGS_MAX_CONCURRENT_STREAMS.rawValue), value: settings.maxConcurrentStreams),
            nghttp2_settings_entry(settings_id: Int32(NGHTTP2_SETTINGS_INITIAL_WINDOW_SIZE.rawValue), value: settings.initialWindowSize),
            nghttp2_settings_entry(settings_id: Int32(NGHTTP2_SETTINGS_MAX_HEADER_LIST_SIZE.rawValue), value: settings.maxHeaderListSize),
            nghttp2_settings_entry(settings_id: Int32(NGHTTP2_SETTINGS_MAX_FRAME_SIZE.rawValue), value: settings.maxFrameSize),
        ]
        if role == .client {
            entries.append(nghttp2_settings_entry(settings_id: Int32(NGHTTP2_SETTINGS_ENABLE_PUSH.rawValue), value: 0))
        }
        let settingsRV = nghttp2_submit_settings(session, UInt8(NGHTTP2_FLAG_NONE.rawValue), &entries, entries.count)
        guard settingsRV == 0 else { throw HTTP2SessionError(code: settingsRV, operation: "nghttp2_submit_settings") }
        let windowRV = nghttp2_session_set_local_window_size(
            session, UInt8(NGHTTP2_FLAG_NONE.rawValue), 0, settings.connectionWindowSize)
        guard windowRV == 0 else { throw HTTP2SessionError(code: windowRV, operation: "nghttp2_session_set_local_window_size") }
    }

    deinit {
        nghttp2_session_del(self.session)
    }

    // MARK: - Input and output

    /// Feeds bytes read from the socket and returns what happened.
    ///
    /// - Throws: a fatal connection error; the caller flushes pending output (a GOAWAY) and closes.
    func receive(_ buffer: ByteBuffer) throws(HTTP2SessionError) -> [HTTP2Event] {
        precondition(!self.receiving, "NGHTTP2Session.receive is not re-entrant")
        self.receiving = true
        defer { self.receiving = false }
        self.inputBuffer = buffer
        defer {
            self.inputBuffer = nil
            self.inputBase = nil
        }
        let rv = buffer.withUnsafeReadableBytes { bytes -> Int in
            guard let base = bytes.baseAddress else { return 0 }
            self.inputBase = base
            return nghttp2_session_mem_recv(self.session, base.assumingMemoryBound(to: UInt8.self), bytes.count)
        }
        let events = self.events
        self.events.removeAll(keepingCapacity: true)
        if rv < 0 { throw HTTP2SessionError(code: Int32(rv), operation: "nghttp2_session_mem_recv") }
        return events
    }

    /// Appends every frame nghttp2 wants to send to `output`.
    func send(into output: inout ByteBuffer) throws(HTTP2SessionError) {
        while true {
            var pointer: UnsafePointer<UInt8>? = nil
            let count = nghttp2_session_mem_send(self.session, &pointer)
            if count < 0 { throw HTTP2SessionError(code: Int32(count), operation: "nghttp2_session_mem_send") }
            guard count > 0, let pointer else { return }
            output.writeBytes(UnsafeRawBufferPointer(start: pointer, count: count))
        }
    }

    var wantsRead: Bool { nghttp2_session_want_read(self.session) != 0 }
    var wantsWrite: Bool { nghttp2_session_want_write(self.session) != 0 }

    /// The highest stream id the peer opened that this side has processed.
    var lastProcessedStreamID: Int32 { nghttp2_session_get_last_proc_stream_id(self.session) }

    // MARK: - Streams

    /// Server: sends response headers, then DATA from ``enqueueData(streamID:_:)`` and trailers.
    func submitResponse(streamID: Int32, fields: [HeaderField]) throws(HTTP2SessionError) {
        self.outbound[streamID] = OutboundStream(buffer: self.allocator.buffer(capacity: 0))
        var provider = Self.dataProvider()
        let rv = Self.withNameValues(fields) { nva, count in
            nghttp2_submit_response(self.session, streamID, nva, count, &provider)
        }
        guard rv == 0 else { throw HTTP2SessionError(code: rv, operation: "nghttp2_submit_response") }
    }

    /// Server: answers with one HEADERS frame carrying END_STREAM (a Trailers-Only gRPC response, or an HTTP error).
    func submitHeadersOnly(streamID: Int32, fields: [HeaderField]) throws(HTTP2SessionError) {
        let rv = Self.withNameValues(fields) { nva, count in
            nghttp2_submit_response(self.session, streamID, nva, count, nil)
        }
        guard rv == 0 else { throw HTTP2SessionError(code: rv, operation: "nghttp2_submit_response") }
    }

    /// Client: opens a stream with request headers; DATA follows from ``enqueueData(streamID:_:)``.
    func submitRequest(fields: [HeaderField]) throws(HTTP2SessionError) -> Int32 {
        var provider = Self.dataProvider()
        let streamID = Self.withNameValues(fields) { nva, count in
            nghttp2_submit_request(self.session, nil, nva, count, &provider, nil)
        }
        guard streamID > 0 else { throw HTTP2SessionError(code: streamID, operation: "nghttp2_submit_request") }
        self.outbound[streamID] = OutboundStream(buffer: self.allocator.buffer(capacity: 0))
        return streamID
    }

    /// Queues DATA payload for a stream.
    func enqueueData(streamID: Int32, _ bytes: inout ByteBuffer) {
        guard var stream = self.outbound[streamID] else { return }
        self.outbound[streamID] = nil  // avoid a copy-on-write of the buffer
        if stream.buffer.readableBytes == 0 {
            swap(&stream.buffer, &bytes)
        } else {
            stream.buffer.writeBuffer(&bytes)
        }
        self.outbound[streamID] = stream
        self.resumeIfDeferred(streamID)
    }

    /// Server: sends trailers once queued DATA is out.
    func enqueueTrailers(streamID: Int32, fields: [HeaderField]) {
        guard self.outbound[streamID] != nil else { return }
        self.outbound[streamID]!.trailers = fields
        self.resumeIfDeferred(streamID)
    }

    /// Client: half-closes once queued DATA is out.
    func enqueueEndStream(streamID: Int32) {
        guard self.outbound[streamID] != nil else { return }
        self.outbound[streamID]!.endStream = true
        self.resumeIfDeferred(streamID)
    }

    /// Bytes queued for a stream and not yet handed to nghttp2.
    func queuedBytes(streamID: Int32) -> Int { self.outbound[streamID]?.buffer.readableBytes ?? 0 }

    /// Whether a stream still has queued DATA or pending trailers/end.
    func hasPendingOutput(streamID: Int32) -> Bool { self.outbound[streamID] != nil }

    func resetStream(streamID: Int32, errorCode: UInt32) {
        nghttp2_submit_rst_stream(self.session, UInt8(NGHTTP2_FLAG_NONE.rawValue), streamID, errorCode)
    }

    /// Whether the stream exists and its remote side is still open (the peer may send more).
    func isRemoteOpen(streamID: Int32) -> Bool {
        nghttp2_session_get_stream_remote_close(self.session, streamID) == 0
    }

    /// Reports consumed DATA bytes so that nghttp2 sends WINDOW_UPDATE for the connection.
    func consumeConnection(_ count: Int) {
        guard count > 0 else { return }
        nghttp2_session_consume_connection(self.session, count)
    }

    /// Reports consumed DATA bytes so that nghttp2 sends WINDOW_UPDATE for the stream.
    func consumeStream(streamID: Int32, _ count: Int) {
        guard count > 0 else { return }
        nghttp2_session_consume_stream(self.session, streamID, count)
    }

    // MARK: - Connection

    /// Sends GOAWAY with the highest possible stream id: a notice that shutdown is coming.
    func submitShutdownNotice() {
        nghttp2_submit_shutdown_notice(self.session)
    }

    /// Sends GOAWAY with the last processed stream id.
    func submitGoAway(errorCode: UInt32, debugData: String = "") {
        var debug = Array(debugData.utf8)
        nghttp2_submit_goaway(
            self.session, UInt8(NGHTTP2_FLAG_NONE.rawValue), self.lastProcessedStreamID, errorCode, &debug, debug.count)
    }

    /// Sends a PING with the given payload.
    func submitPing(opaque: UInt64) {
        var value = opaque.bigEndian
        withUnsafeBytes(of: &value) { bytes in
            _ = nghttp2_submit_ping(
                self.session, UInt8(NGHTTP2_FLAG_NONE.rawValue), bytes.baseAddress!.assumingMemoryBound(to: UInt8.self))
        }
    }

    /// Ends the session with GOAWAY(errorCode); no further streams are processed.
    func terminate(errorCode: UInt32) {
        nghttp2_session_terminate_session(self.session, errorCode)
    }

    // MARK: - Internals

    private func resumeIfDeferred(_ streamID: Int32) {
        guard self.outbound[streamID]?.deferred == true else { return }
        self.outbound[streamID]!.deferred = false
        nghttp2_session_resume_data(self.session, streamID)
    }

    private static func dataProvider() -> nghttp2_data_provider {
        nghttp2_data_provider(source: nghttp2_data_source(ptr: nil), read_callback: readDataCallback)
    }

    /// Calls `body` with an `nghttp2_nv` array pointing at the fields' bytes (nghttp2 copies them).
    private static func withNameValues<R>(_ fields: [HeaderField], _ body: (UnsafePointer<nghttp2_nv>, Int) -> R) -> R {
        var total = 0
        for field in fields { total += field.name.utf8.count + field.value.utf8.count }
        return withUnsafeTemporaryAllocation(of: UInt8.self, capacity: max(total, 1)) { bytes in
            withUnsafeTemporaryAllocation(of: nghttp2_nv.self, capacity: max(fields.count, 1)) { nva in
                var offset = 0
                for (index, field) in fields.enumerated() {
                    let name = bytes.baseAddress! + offset
                    offset = Self.copy(field.name, into: bytes, at: offset)
                    let value = bytes.baseAddress! + offset
                    let valueStart = offset
                    offset = Self.copy(field.value, into: bytes, at: offset)
                    nva.initializeElement(
                        at: index,
                        to: nghttp2_nv(
                            name: name, value: value, namelen: field.name.utf8.count, valuelen: offset - valueStart,
                            flags: UInt8(NGHTTP2_NV_FLAG_NONE.rawValue)))
                }
                return body(UnsafePointer(nva.baseAddress!), fields.count)
            }
        }
    }

    private static func copy(_ text: String, into bytes: UnsafeMutableBufferPointer<UInt8>, at offset: Int) -> Int {
        var text = text
        return text.withUTF8 { utf8 in
            guard let source = utf8.baseAddress, utf8.count > 0 else { return offset }
            (bytes.baseAddress! + offset).update(from: source, count: utf8.count)
            return offset + utf8.count
        }
    }

    fileprivate static func from(_ userData: UnsafeMutableRawPointer?) -> NGHTTP2Session {
        Unmanaged<NGHTTP2Session>.fromOpaque(userData!).takeUnretainedValue()
    }

    // MARK: - Callbacks (called by nghttp2 during receive/send)

    fileprivate func beginHeaders(streamID: Int32) {
        self.pendingHeaders.streamID = streamID
        self.pendingHeaders.fields.removeAll(keepingCapacity: true)
        self.pendingHeaders.size = 0
        self.pendingHeaders.tooLarge = false
    }

    fileprivate func header(streamID: Int32, name: UnsafePointer<UInt8>, nameLength: Int, value: UnsafePointer<UInt8>, valueLength: Int) -> Bool {
        if self.pendingHeaders.streamID != streamID { self.beginHeaders(streamID: streamID) }
        self.pendingHeaders.size += nameLength + valueLength + 32
        if self.pendingHeaders.size > self.maxHeaderListSize {
            self.pendingHeaders.tooLarge = true
            return false
        }
        let name = String(decoding: UnsafeBufferPointer(start: name, count: nameLength), as: UTF8.self)
        let value = String(decoding: UnsafeBufferPointer(start: value, count: valueLength), as: UTF8.self)
        self.pendingHeaders.fields.append(HeaderField(name: name, value: value))
        return true
    }

    fileprivate func frameReceived(_ frame: UnsafePointer<nghttp2_frame>) {
        let header = frame.pointee.hd
        let endStream = header.flags & UInt8(NGHTTP2_FLAG_END_STREAM.rawValue) != 0
        switch UInt32(header.type) {
        case NGHTTP2_HEADERS.rawValue:
            if self.pendingHeaders.streamID == header.stream_id && self.pendingHeaders.tooLarge {
                self.events.append(.headersTooLarge(streamID: header.stream_id))
            } else {
                let fields = self.pendingHeaders.streamID == header.stream_id ? self.pendingHeaders.fields : []
                self.events.append(.headers(streamID: header.stream_id, fields: fields, endStream: endStream))
            }
            self.pendingHeaders.streamID = 0
            self.pendingHeaders.fields.removeAll(keepingCapacity: true)
        case NGHTTP2_DATA.rawValue:
            if endStream { self.events.append(.endStream(streamID: header.stream_id)) }
        case NGHTTP2_GOAWAY.rawValue:
            let goaway = frame.pointee.goaway
            var debug = ""
            if goaway.opaque_data_len > 0, let data = goaway.opaque_data {
                debug = String(decoding: UnsafeBufferPointer(start: data, count: goaway.opaque_data_len), as: UTF8.self)
            }
            self.events.append(.goAway(lastStreamID: goaway.last_stream_id, errorCode: goaway.error_code, debugData: debug))
        case NGHTTP2_PING.rawValue:
            let ack = header.flags & UInt8(NGHTTP2_FLAG_ACK.rawValue) != 0
            let opaque = withUnsafeBytes(of: frame.pointee.ping.opaque_data) { UInt64(bigEndian: $0.loadUnaligned(as: UInt64.self)) }
            self.events.append(.ping(ack: ack, opaque: opaque))
        default:
            break
        }
    }

    fileprivate func dataChunk(streamID: Int32, data: UnsafePointer<UInt8>, length: Int) {
        // nghttp2 passes DATA payload as a pointer into the input: slice it out of the input buffer (no copy).
        if let input = self.inputBuffer, let base = self.inputBase {
            let offset = UnsafeRawPointer(data) - base
            if offset >= 0, offset + length <= input.readableBytes,
                let slice = input.getSlice(at: input.readerIndex + offset, length: length)
            {
                self.events.append(.data(streamID: streamID, bytes: slice))
                return
            }
        }
        var buffer = self.allocator.buffer(capacity: length)
        buffer.writeBytes(UnsafeRawBufferPointer(start: data, count: length))
        self.events.append(.data(streamID: streamID, bytes: buffer))
    }

    fileprivate func streamClosed(streamID: Int32, errorCode: UInt32) {
        self.outbound[streamID] = nil
        self.events.append(.streamClosed(streamID: streamID, errorCode: errorCode))
    }

    fileprivate func readData(streamID: Int32, into target: UnsafeMutablePointer<UInt8>, length: Int, flags: UnsafeMutablePointer<UInt32>) -> Int {
        guard var stream = self.outbound[streamID] else {
            flags.pointee |= NGHTTP2_DATA_FLAG_EOF.rawValue
            return 0
        }
        let count = min(length, stream.buffer.readableBytes)
        if count > 0 {
            stream.buffer.withUnsafeReadableBytes { bytes in
                UnsafeMutableRawPointer(target).copyMemory(from: bytes.baseAddress!, byteCount: count)
            }
            stream.buffer.moveReaderIndex(forwardBy: count)
        }
        if stream.buffer.readableBytes == 0 {
            if let trailers = stream.trailers {
                flags.pointee |= NGHTTP2_DATA_FLAG_EOF.rawValue | NGHTTP2_DATA_FLAG_NO_END_STREAM.rawValue
                self.outbound[streamID] = nil
                _ = Self.withNameValues(trailers) { nva, fieldCount in
                    nghttp2_submit_trailer(self.session, streamID, nva, fieldCount)
                }
                return count
            }
            if stream.endStream {
                flags.pointee |= NGHTTP2_DATA_FLAG_EOF.rawValue
                self.outbound[streamID] = nil
                return count
            }
            if count == 0 {
                stream.deferred = true
                self.outbound[streamID] = stream
                return Int(NGHTTP2_ERR_DEFERRED.rawValue)
            }
            stream.buffer.clear()
        }
        self.outbound[streamID] = stream
        return count
    }
}

// MARK: - C callbacks: non-capturing, recover the session from user_data

private let onBeginHeaders: nghttp2_on_begin_headers_callback = { _, frame, userData in
    NGHTTP2Session.from(userData).beginHeaders(streamID: frame!.pointee.hd.stream_id)
    return 0
}

private let onHeader: nghttp2_on_header_callback = { _, frame, name, nameLength, value, valueLength, _, userData in
    let accepted = NGHTTP2Session.from(userData).header(
        streamID: frame!.pointee.hd.stream_id, name: name!, nameLength: nameLength, value: value!, valueLength: valueLength)
    return accepted ? 0 : NGHTTP2_ERR_TEMPORAL_CALLBACK_FAILURE.rawValue
}

private let onFrameRecv: nghttp2_on_frame_recv_callback = { _, frame, userData in
    NGHTTP2Session.from(userData).frameReceived(frame!)
    return 0
}

private let onDataChunkRecv: nghttp2_on_data_chunk_recv_callback = { _, _, streamID, data, length, userData in
    NGHTTP2Session.from(userData).dataChunk(streamID: streamID, data: data!, length: length)
    return 0
}

private let onStreamClose: nghttp2_on_stream_close_callback = { _, streamID, errorCode, userData in
    NGHTTP2Session.from(userData).streamClosed(streamID: streamID, errorCode: errorCode)
    return 0
}

private let readDataCallback: nghttp2_data_source_read_callback = { _, streamID, buffer, length, flags, _, userData in
    NGHTTP2Session.from(userData).readData(streamID: streamID, into: buffer!, length: length, flags: flags!)
}
