#!/usr/bin/env python3
"""grpcio implementation of gRPC's interop test cases (grpc/grpc doc/interop-test-descriptions.md).

Each case is a function ``case(ctx)`` that raises AssertionError (or grpc.RpcError) when the
server under test does not do what the spec asks. test_interop_server.py runs them in-process
against our Swift interop-server; they also run from the command line:

    python interop_client.py --server_host 127.0.0.1 --server_port 50051 --test_case all

What grpcio cannot do, and how it is handled:
  * It never shows the compressed-flag bit of a received message. Cases that must check it
    (server_compressed_*) use a second channel with grpc core's per-message decompression turned
    off ("grpc.per_message_decompression": 0): a message the server sent compressed then arrives
    as gzip (or zlib) bytes, an uncompressed one as plain protobuf, so the flag is observable.
  * It cannot switch compression per message on a client stream: client_compressed_streaming
    sends its whole second call gzip-compressed (the spec only requires the message with
    expect_compressed=true to be compressed; the other one may be).
"""

from __future__ import annotations

import argparse
import gzip
import queue
import sys
import traceback
import zlib
from typing import Callable

import grpc

import interop_protos

DEADLINE = 20.0  # seconds, for every RPC; nothing here may hang
ZEROS = b"\x00"

ECHO_INITIAL_KEY = "x-grpc-test-echo-initial"
ECHO_INITIAL_VALUE = "test_initial_metadata_value"
ECHO_TRAILING_KEY = "x-grpc-test-echo-trailing-bin"
ECHO_TRAILING_VALUE = b"\xab\xab\xab"

TEST_SERVICE = "grpc.testing.TestService"


def pb():
    return interop_protos.load()


# ---------------------------------------------------------------------------------------------
# helpers


def expect(condition: bool, message: str) -> None:
    """assert that survives python -O and carries a message outside pytest's rewriting."""
    if not condition:
        raise AssertionError(message)


def expect_status(error: grpc.RpcError, code: grpc.StatusCode, what: str, details: str | None = None) -> None:
    expect(
        error.code() == code,
        f"{what}: expected status {code.name}, got {error.code().name} ({error.details()!r})",
    )
    if details is not None:
        expect(
            error.details() == details,
            f"{what}: expected status message {details!r}, got {error.details()!r}",
        )


def expect_rpc_error(fn: Callable[[], object], code: grpc.StatusCode, what: str, details: str | None = None) -> grpc.RpcError:
    try:
        result = fn()
    except grpc.RpcError as error:
        expect_status(error, code, what, details)
        return error
    raise AssertionError(f"{what}: expected status {code.name}, but the call succeeded ({_short(result)})")


def _short(value: object) -> str:
    text = " ".join(repr(value).split())
    return text if len(text) < 200 else text[:200] + "..."


def payload(size: int):
    return pb().messages_pb2.Payload(type=pb().messages_pb2.COMPRESSABLE, body=ZEROS * size)


def expect_payload(message, size: int, what: str) -> None:
    body = message.payload.body
    expect(len(body) == size, f"{what}: expected a payload body of {size} bytes, got {len(body)}")
    expect(body.count(0) == size, f"{what}: payload body is not all zeros")


def decode_maybe_compressed(raw: bytes) -> tuple[bool, bytes]:
    """For messages received with decompression off: (was it compressed?, the protobuf bytes)."""
    if raw[:2] == b"\x1f\x8b":
        return True, gzip.decompress(raw)
    # zlib header (deflate): CM=8 and the check bits; our messages never start with such a tag.
    if len(raw) >= 2 and raw[0] & 0x0F == 8 and ((raw[0] << 8) | raw[1]) % 31 == 0:
        return True, zlib.decompress(raw)
    return False, raw


class RequestStream:
    """A request iterator the test feeds one message at a time (for lock-step bidi calls)."""

    _END = object()

    def __init__(self, idle_timeout: float = DEADLINE):
        self._queue: queue.Queue = queue.Queue()
        self._idle_timeout = idle_timeout

    def send(self, message) -> None:
        self._queue.put(message)

    def close(self) -> None:
        self._queue.put(self._END)

    def __iter__(self):
        while True:
            try:
                item = self._queue.get(timeout=self._idle_timeout)
            except queue.Empty:
                return  # safety net: half-close rather than hold a thread forever
            if item is self._END:
                return
            yield item


class Context:
    """The channels a case may use, all to one server."""

    def __init__(self, host: str, port: int):
        self.target = f"{host}:{port}"
        self.channel = grpc.insecure_channel(self.target)
        self._raw_channel: grpc.Channel | None = None
        self._stub = None

    @property
    def stub(self):
        if self._stub is None:
            self._stub = pb().test_pb2_grpc.TestServiceStub(self.channel)
        return self._stub

    @property
    def raw_channel(self) -> grpc.Channel:
        """A channel that hands compressed messages over still compressed (see module doc)."""
        if self._raw_channel is None:
            self._raw_channel = grpc.insecure_channel(
                self.target, options=[("grpc.per_message_decompression", 0)]
            )
        return self._raw_channel

    def wait_ready(self, timeout: float = DEADLINE) -> None:
        grpc.channel_ready_future(self.channel).result(timeout=timeout)

    def close(self) -> None:
        self.channel.close()
        if self._raw_channel is not None:
            self._raw_channel.close()

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.close()


def _raw_method(ctx: Context, method: str, kind: str, request_type):
    factory = getattr(ctx.raw_channel, kind)
    return factory(
        f"/{TEST_SERVICE}/{method}",
        request_serializer=request_type.SerializeToString,
        response_deserializer=None,  # raw bytes
    )


# ---------------------------------------------------------------------------------------------
# the cases


def empty_unary(ctx: Context) -> None:
    response = ctx.stub.EmptyCall(pb().empty_pb2.Empty(), timeout=DEADLINE)
    expect(response is not None, "empty_unary: response is null")
    expect(isinstance(response, pb().empty_pb2.Empty), f"empty_unary: response is a {type(response).__name__}")
    expect(response.SerializeToString() == b"", "empty_unary: response is not zero bytes")


def large_unary(ctx: Context) -> None:
    m = pb().messages_pb2
    request = m.SimpleRequest(response_type=m.COMPRESSABLE, response_size=314159, payload=payload(271828))
    response = ctx.stub.UnaryCall(request, timeout=DEADLINE)
    expect_payload(response, 314159, "large_unary")


def client_compressed_unary(ctx: Context) -> None:
    m = pb().messages_pb2

    def request(expect_compressed: bool):
        return m.SimpleRequest(
            response_type=m.COMPRESSABLE,
            response_size=314159,
            payload=payload(271828),
            expect_compressed=m.BoolValue(value=expect_compressed),
        )

    # 1. the feature probe: uncompressed, but expect_compressed=true -> INVALID_ARGUMENT
    expect_rpc_error(
        lambda: ctx.stub.UnaryCall(request(True), timeout=DEADLINE),
        grpc.StatusCode.INVALID_ARGUMENT,
        "client_compressed_unary probe (uncompressed request with expect_compressed=true)",
    )
    # 2. compressed, expect_compressed=true
    response = ctx.stub.UnaryCall(request(True), timeout=DEADLINE, compression=grpc.Compression.Gzip)
    expect_payload(response, 314159, "client_compressed_unary (compressed request)")
    # 3. uncompressed, expect_compressed=false
    response = ctx.stub.UnaryCall(request(False), timeout=DEADLINE, compression=grpc.Compression.NoCompression)
    expect_payload(response, 314159, "client_compressed_unary (uncompressed request)")


def server_compressed_unary(ctx: Context) -> None:
    m = pb().messages_pb2
    call = _raw_method(ctx, "UnaryCall", "unary_unary", m.SimpleRequest)
    for compressed in (True, False):
        what = f"server_compressed_unary (response_compressed={str(compressed).lower()})"
        request = m.SimpleRequest(
            response_type=m.COMPRESSABLE,
            response_size=314159,
            payload=payload(271828),
            response_compressed=m.BoolValue(value=compressed),
        )
        raw = call(request, timeout=DEADLINE)
        was_compressed, data = decode_maybe_compressed(raw)
        if compressed:
            expect(was_compressed, f"{what}: the response does not have the compressed flag set")
        else:
            expect(not was_compressed, f"{what}: the response has the compressed flag set")
        expect_payload(m.SimpleResponse.FromString(data), 314159, what)


def client_streaming(ctx: Context) -> None:
    m = pb().messages_pb2
    sizes = (27182, 8, 1828, 45904)
    requests = [m.StreamingInputCallRequest(payload=payload(size)) for size in sizes]
    response = ctx.stub.StreamingInputCall(iter(requests), timeout=DEADLINE)
    expect(
        response.aggregated_payload_size == 74922,
        f"client_streaming: aggregated_payload_size {response.aggregated_payload_size}, expected 74922",
    )


def client_compressed_streaming(ctx: Context) -> None:
    m = pb().messages_pb2

    def request(expect_compressed: bool, size: int):
        return m.StreamingInputCallRequest(
            payload=payload(size), expect_compressed=m.BoolValue(value=expect_compressed)
        )

    # 1. the probe: one uncompressed message with expect_compressed=true -> INVALID_ARGUMENT
    expect_rpc_error(
        lambda: ctx.stub.StreamingInputCall(iter([request(True, 27182)]), timeout=DEADLINE),
        grpc.StatusCode.INVALID_ARGUMENT,
        "client_compressed_streaming probe (uncompressed message with expect_compressed=true)",
    )
    # 2. compressed message (expect_compressed=true), then one with expect_compressed=false
    #    (grpcio compresses both: it has no per-message switch on the client side)
    response = ctx.stub.StreamingInputCall(
        iter([request(True, 27182), request(False, 45904)]),
        timeout=DEADLINE,
        compression=grpc.Compression.Gzip,
    )
    expect(
        response.aggregated_payload_size == 73086,
        f"client_compressed_streaming: aggregated_payload_size {response.aggregated_payload_size}, expected 73086",
    )


def server_streaming(ctx: Context) -> None:
    m = pb().messages_pb2
    sizes = [31415, 9, 2653, 58979]
    request = m.StreamingOutputCallRequest(
        response_type=m.COMPRESSABLE,
        response_parameters=[m.ResponseParameters(size=size) for size in sizes],
    )
    responses = list(ctx.stub.StreamingOutputCall(request, timeout=DEADLINE))
    got = [len(r.payload.body) for r in responses]
    expect(got == sizes, f"server_streaming: response sizes {got}, expected {sizes}")
    for index, response in enumerate(responses):
        expect_payload(response, sizes[index], f"server_streaming response {index}")


def server_compressed_streaming(ctx: Context) -> None:
    m = pb().messages_pb2
    plan = [(True, 31415), (False, 92653)]
    request = m.StreamingOutputCallRequest(
        response_type=m.COMPRESSABLE,
        response_parameters=[
            m.ResponseParameters(size=size, compressed=m.BoolValue(value=compressed)) for compressed, size in plan
        ],
    )
    call = _raw_method(ctx, "StreamingOutputCall", "unary_stream", m.StreamingOutputCallRequest)
    raws = list(call(request, timeout=DEADLINE))
    expect(len(raws) == 2, f"server_compressed_streaming: {len(raws)} responses, expected exactly 2")
    for index, ((compressed, size), raw) in enumerate(zip(plan, raws)):
        what = f"server_compressed_streaming response {index} (compressed={str(compressed).lower()})"
        was_compressed, data = decode_maybe_compressed(raw)
        if compressed:
            expect(was_compressed, f"{what}: the message does not have the compressed flag set")
        else:
            expect(not was_compressed, f"{what}: the message has the compressed flag set")
        expect_payload(m.StreamingOutputCallResponse.FromString(data), size, what)


def ping_pong(ctx: Context) -> None:
    m = pb().messages_pb2
    steps = [(31415, 27182), (9, 8), (2653, 1828), (58979, 45904)]
    requests = RequestStream()
    call = ctx.stub.FullDuplexCall(iter(requests), timeout=DEADLINE)
    try:
        for index, (response_size, request_size) in enumerate(steps):
            requests.send(
                m.StreamingOutputCallRequest(
                    response_type=m.COMPRESSABLE,
                    response_parameters=[m.ResponseParameters(size=response_size)],
                    payload=payload(request_size),
                )
            )
            try:
                response = next(call)
            except StopIteration:
                raise AssertionError(f"ping_pong: the stream ended after {index} responses, expected 4")
            expect_payload(response, response_size, f"ping_pong response {index}")
        requests.close()
        rest = list(call)
        expect(not rest, f"ping_pong: {len(rest)} responses after the 4th, expected exactly 4")
        expect(call.code() == grpc.StatusCode.OK, f"ping_pong: status {call.code()}")
    finally:
        requests.close()
        call.cancel()


def empty_stream(ctx: Context) -> None:
    call = ctx.stub.FullDuplexCall(iter([]), timeout=DEADLINE)
    responses = list(call)
    expect(not responses, f"empty_stream: {len(responses)} responses, expected 0")
    expect(call.code() == grpc.StatusCode.OK, f"empty_stream: status {call.code()}")


def timeout_on_sleeping_server(ctx: Context) -> None:
    m = pb().messages_pb2
    requests = RequestStream()
    requests.send(m.StreamingOutputCallRequest(response_type=m.COMPRESSABLE, payload=payload(27182)))
    # no half-close: the client waits for the deadline
    call = ctx.stub.FullDuplexCall(iter(requests), timeout=0.001)
    try:
        expect_rpc_error(
            lambda: list(call), grpc.StatusCode.DEADLINE_EXCEEDED, "timeout_on_sleeping_server"
        )
    finally:
        requests.close()


def cancel_after_begin(ctx: Context) -> None:
    requests = RequestStream()
    future = ctx.stub.StreamingInputCall.future(iter(requests), timeout=DEADLINE)
    try:
        future.cancel()
        expect(
            future.code() == grpc.StatusCode.CANCELLED,
            f"cancel_after_begin: status {future.code()}, expected CANCELLED",
        )
    finally:
        requests.close()


def cancel_after_first_response(ctx: Context) -> None:
    m = pb().messages_pb2
    requests = RequestStream()
    requests.send(
        m.StreamingOutputCallRequest(
            response_type=m.COMPRESSABLE,
            response_parameters=[m.ResponseParameters(size=31415)],
            payload=payload(27182),
        )
    )
    call = ctx.stub.FullDuplexCall(iter(requests), timeout=DEADLINE)
    try:
        response = next(call)
        expect_payload(response, 31415, "cancel_after_first_response (first response)")
        call.cancel()
        expect(
            call.code() == grpc.StatusCode.CANCELLED,
            f"cancel_after_first_response: status {call.code()}, expected CANCELLED",
        )
    finally:
        requests.close()


def _echo_status_check(ctx: Context, case: str, message: str, bidi: bool) -> None:
    m = pb().messages_pb2
    status = m.EchoStatus(code=2, message=message)
    unary = m.SimpleRequest(response_type=m.COMPRESSABLE, response_status=status)
    expect_rpc_error(
        lambda: ctx.stub.UnaryCall(unary, timeout=DEADLINE),
        grpc.StatusCode.UNKNOWN,
        f"{case} (UnaryCall)",
        details=message,
    )
    if bidi:
        stream = m.StreamingOutputCallRequest(response_type=m.COMPRESSABLE, response_status=status)
        expect_rpc_error(
            lambda: list(ctx.stub.FullDuplexCall(iter([stream]), timeout=DEADLINE)),
            grpc.StatusCode.UNKNOWN,
            f"{case} (FullDuplexCall)",
            details=message,
        )


def status_code_and_message(ctx: Context) -> None:
    _echo_status_check(ctx, "status_code_and_message", "test status message", bidi=True)


def special_status_message(ctx: Context) -> None:
    message = "\t\ntest with whitespace\r\nand Unicode BMP \u263a and non-BMP \U0001f608\t\n"
    _echo_status_check(ctx, "special_status_message", message, bidi=False)


def _expect_echoed_metadata(what: str, initial, trailing) -> None:
    initial = [(md.key, md.value) for md in initial or ()]
    trailing = [(md.key, md.value) for md in trailing or ()]
    expect(
        (ECHO_INITIAL_KEY, ECHO_INITIAL_VALUE) in initial,
        f"{what}: initial metadata lacks {ECHO_INITIAL_KEY}={ECHO_INITIAL_VALUE!r}; got {initial}",
    )
    expect(
        (ECHO_TRAILING_KEY, ECHO_TRAILING_VALUE) in trailing,
        f"{what}: trailing metadata lacks {ECHO_TRAILING_KEY}={ECHO_TRAILING_VALUE!r}; got {trailing}",
    )


def custom_metadata(ctx: Context) -> None:
    m = pb().messages_pb2
    metadata = ((ECHO_INITIAL_KEY, ECHO_INITIAL_VALUE), (ECHO_TRAILING_KEY, ECHO_TRAILING_VALUE))

    unary = m.SimpleRequest(response_type=m.COMPRESSABLE, response_size=314159, payload=payload(271828))
    response, call = ctx.stub.UnaryCall.with_call(unary, metadata=metadata, timeout=DEADLINE)
    expect_payload(response, 314159, "custom_metadata (UnaryCall)")
    _expect_echoed_metadata("custom_metadata (UnaryCall)", call.initial_metadata(), call.trailing_metadata())

    stream = m.StreamingOutputCallRequest(
        response_type=m.COMPRESSABLE,
        response_parameters=[m.ResponseParameters(size=314159)],
        payload=payload(271828),
    )
    call = ctx.stub.FullDuplexCall(iter([stream]), metadata=metadata, timeout=DEADLINE)
    responses = list(call)
    expect(call.code() == grpc.StatusCode.OK, f"custom_metadata (FullDuplexCall): status {call.code()}")
    expect(len(responses) == 1, f"custom_metadata (FullDuplexCall): {len(responses)} responses, expected 1")
    expect_payload(responses[0], 314159, "custom_metadata (FullDuplexCall)")
    _expect_echoed_metadata("custom_metadata (FullDuplexCall)", call.initial_metadata(), call.trailing_metadata())


def _call_empty(ctx: Context, path: str):
    empty = pb().empty_pb2.Empty
    method = ctx.channel.unary_unary(
        path, request_serializer=empty.SerializeToString, response_deserializer=empty.FromString
    )
    return method(empty(), timeout=DEADLINE)


def unimplemented_method(ctx: Context) -> None:
    expect_rpc_error(
        lambda: _call_empty(ctx, f"/{TEST_SERVICE}/UnimplementedCall"),
        grpc.StatusCode.UNIMPLEMENTED,
        "unimplemented_method",
    )


def unimplemented_service(ctx: Context) -> None:
    expect_rpc_error(
        lambda: _call_empty(ctx, "/grpc.testing.UnimplementedService/UnimplementedCall"),
        grpc.StatusCode.UNIMPLEMENTED,
        "unimplemented_service",
    )


CASES: dict[str, Callable[[Context], None]] = {
    case.__name__: case
    for case in (
        empty_unary,
        large_unary,
        client_streaming,
        server_streaming,
        ping_pong,
        empty_stream,
        timeout_on_sleeping_server,
        cancel_after_begin,
        cancel_after_first_response,
        status_code_and_message,
        special_status_message,
        custom_metadata,
        unimplemented_method,
        unimplemented_service,
        client_compressed_unary,
        server_compressed_unary,
        client_compressed_streaming,
        server_compressed_streaming,
    )
}


def run_case(name: str, host: str, port: int) -> None:
    """Runs one case on its own channel; raises on failure."""
    with Context(host, port) as ctx:
        ctx.wait_ready()
        CASES[name](ctx)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--server_host", default="127.0.0.1")
    parser.add_argument("--server_port", type=int, required=True)
    parser.add_argument("--test_case", default="all", help="a case name, or 'all': " + ", ".join(CASES))
    parser.add_argument("--use_tls", default="false", help="only false is supported")
    args = parser.parse_args(argv)
    if args.use_tls.lower() not in ("false", "0", "no"):
        parser.error("--use_tls: TLS is not supported by this client")
    names = list(CASES) if args.test_case == "all" else [args.test_case]
    unknown = [name for name in names if name not in CASES]
    if unknown:
        parser.error(f"unknown test case {unknown[0]!r}; known: {', '.join(CASES)}")

    passed = failed = 0
    for name in names:
        try:
            run_case(name, args.server_host, args.server_port)
        except Exception as error:  # noqa: BLE001 - report and go on
            failed += 1
            print(f"FAIL {name}: {type(error).__name__}: {error}", flush=True)
            if not isinstance(error, AssertionError):
                traceback.print_exc()
        else:
            passed += 1
            print(f"PASS {name}", flush=True)
    print(f"interop_client: {passed} passed, {failed} failed", flush=True)
    return 0 if failed == 0 else 1


if __name__ == "__main__":
    sys.exit(main())
