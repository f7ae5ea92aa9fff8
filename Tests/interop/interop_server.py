#!/usr/bin/env python3
"""grpcio implementation of grpc.testing.TestService, with health and reflection.

The peer for our Swift interop-client (test_interop_client.py), and the known-good server the
Python interop client is checked against. Listens on 127.0.0.1 only:

    python interop_server.py --port 50051

Behaviour (grpc/grpc doc/interop-test-descriptions.md, "Server" section):
  * EmptyCall, UnaryCall (response_size, response_type: only COMPRESSABLE, else
    INVALID_ARGUMENT), CacheableUnaryCall, StreamingInputCall, StreamingOutputCall,
    FullDuplexCall, HalfDuplexCall; ResponseParameters.interval_us is slept before each response.
  * Echo Status: response_status with a non-zero code closes the call with that code and message.
  * Echo Metadata: x-grpc-test-echo-initial comes back in the initial metadata,
    x-grpc-test-echo-trailing-bin in the trailers.
  * CompressedResponse: response_compressed / ResponseParameters.compressed = true sends that
    message gzip-compressed, false sends it uncompressed.
  * CompressedRequest: expect_compressed = true on a message that arrived uncompressed fails the
    call with INVALID_ARGUMENT. grpcio hides the compressed flag, so this server turns grpc
    core's per-message decompression off and decompresses request messages itself: it sees
    exactly which messages were compressed.
  * grpc.health.v1.Health ("" and grpc.testing.TestService are SERVING) and server reflection,
    served as grpc.reflection.v1alpha.ServerReflection and grpc.reflection.v1.ServerReflection
    (the two have the same messages).
  * SIGTERM or SIGINT: graceful stop, exit status 0.
"""

from __future__ import annotations

import argparse
import gzip
import signal
import sys
import threading
import time
import zlib
from concurrent import futures

import grpc
from grpc_health.v1 import health, health_pb2, health_pb2_grpc
from grpc_reflection.v1alpha import reflection, reflection_pb2_grpc

import interop_protos

TEST_SERVICE = "grpc.testing.TestService"
REFLECTION_V1 = "grpc.reflection.v1.ServerReflection"
ECHO_INITIAL_KEY = "x-grpc-test-echo-initial"
ECHO_TRAILING_KEY = "x-grpc-test-echo-trailing-bin"

_CODES = {code.value[0]: code for code in grpc.StatusCode}


class _Received:
    """A request message and whether it arrived compressed."""

    __slots__ = ("message", "compressed")

    def __init__(self, message, compressed: bool):
        self.message = message
        self.compressed = compressed


def _decompress(raw: bytes) -> tuple[bool, bytes]:
    """Per-message decompression is off on this server: undo gzip / deflate here."""
    if raw[:2] == b"\x1f\x8b":
        return True, gzip.decompress(raw)
    if len(raw) >= 2 and raw[0] & 0x0F == 8 and ((raw[0] << 8) | raw[1]) % 31 == 0:
        return True, zlib.decompress(raw)
    return False, raw


def _received(message_type):
    def deserialize(raw: bytes) -> _Received:
        compressed, data = _decompress(raw)
        return _Received(message_type.FromString(data), compressed)

    return deserialize


def _plain(deserializer):
    """Wraps a stock deserializer for services that do not care about compression."""

    def deserialize(raw: bytes):
        return deserializer(_decompress(raw)[1]) if deserializer else _decompress(raw)[1]

    return deserialize


class TestService:
    def __init__(self, pb):
        self.pb = pb
        self.m = pb.messages_pb2

    # -- shared behaviour ------------------------------------------------------------------

    def _echo_metadata(self, context) -> None:
        initial, trailing = [], []
        for md in context.invocation_metadata():
            if md.key == ECHO_INITIAL_KEY:
                initial.append((md.key, md.value))
            elif md.key == ECHO_TRAILING_KEY:
                trailing.append((md.key, md.value))
        if initial:
            context.send_initial_metadata(initial)
        if trailing:
            context.set_trailing_metadata(trailing)

    def _check_compressed(self, received: _Received, context) -> None:
        message = received.message
        if message.HasField("expect_compressed") and message.expect_compressed.value and not received.compressed:
            context.abort(grpc.StatusCode.INVALID_ARGUMENT, "expected a compressed request message")

    def _echo_status(self, message, context) -> None:
        if message.HasField("response_status") and message.response_status.code != 0:
            code = _CODES.get(message.response_status.code, grpc.StatusCode.UNKNOWN)
            context.abort(code, message.response_status.message)

    def _check_response_type(self, message, context) -> None:
        if message.response_type != self.m.COMPRESSABLE:
            context.abort(grpc.StatusCode.INVALID_ARGUMENT, f"unsupported response_type {message.response_type}")

    def _payload(self, size: int):
        return self.m.Payload(type=self.m.COMPRESSABLE, body=b"\x00" * size)

    def _stream_responses(self, request, context, state: dict):
        """Yields one response per ResponseParameters; state carries compression across calls."""
        for params in request.response_parameters:
            if params.interval_us > 0:
                time.sleep(params.interval_us / 1e6)
            compress = params.HasField("compressed") and params.compressed.value
            if compress and not state.get("compression_on"):
                context.set_compression(grpc.Compression.Gzip)
                state["compression_on"] = True
            if state.get("compression_on") and not compress:
                context.disable_next_message_compression()
            yield self.m.StreamingOutputCallResponse(payload=self._payload(params.size))

    # -- methods ---------------------------------------------------------------------------

    def EmptyCall(self, received: _Received, context):
        self._echo_metadata(context)
        return self.pb.empty_pb2.Empty()

    def UnaryCall(self, received: _Received, context):
        request = received.message
        self._echo_metadata(context)
        self._check_compressed(received, context)
        self._echo_status(request, context)
        self._check_response_type(request, context)
        if request.HasField("response_compressed") and request.response_compressed.value:
            context.set_compression(grpc.Compression.Gzip)
        return self.m.SimpleResponse(payload=self._payload(request.response_size))

    def CacheableUnaryCall(self, received: _Received, context):
        self._echo_metadata(context)
        context.send_initial_metadata((("cache-control", "max-age=60, public"),))
        return self.m.SimpleResponse(payload=self.m.Payload(body=str(time.time_ns()).encode()))

    def StreamingInputCall(self, request_iterator, context):
        self._echo_metadata(context)
        total = 0
        for received in request_iterator:
            self._check_compressed(received, context)
            total += len(received.message.payload.body)
        return self.m.StreamingInputCallResponse(aggregated_payload_size=total)

    def StreamingOutputCall(self, received: _Received, context):
        request = received.message
        self._echo_metadata(context)
        self._echo_status(request, context)
        self._check_response_type(request, context)
        yield from self._stream_responses(request, context, {})

    def FullDuplexCall(self, request_iterator, context):
        self._echo_metadata(context)
        state: dict = {}
        for received in request_iterator:
            request = received.message
            self._echo_status(request, context)
            self._check_response_type(request, context)
            yield from self._stream_responses(request, context, state)

    def HalfDuplexCall(self, request_iterator, context):
        self._echo_metadata(context)
        requests = [received.message for received in request_iterator]
        state: dict = {}
        for request in requests:
            self._echo_status(request, context)
            self._check_response_type(request, context)
            yield from self._stream_responses(request, context, state)

    def handler(self) -> grpc.GenericRpcHandler:
        m, empty = self.m, self.pb.empty_pb2.Empty
        ser = lambda message: message.SerializeToString()  # noqa: E731
        handlers = {
            "EmptyCall": grpc.unary_unary_rpc_method_handler(
                self.EmptyCall, request_deserializer=_received(empty), response_serializer=ser
            ),
            "UnaryCall": grpc.unary_unary_rpc_method_handler(
                self.UnaryCall, request_deserializer=_received(m.SimpleRequest), response_serializer=ser
            ),
            "CacheableUnaryCall": grpc.unary_unary_rpc_method_handler(
                self.CacheableUnaryCall, request_deserializer=_received(m.SimpleRequest), response_serializer=ser
            ),
            "StreamingInputCall": grpc.stream_unary_rpc_method_handler(
                self.StreamingInputCall,
                request_deserializer=_received(m.StreamingInputCallRequest),
                response_serializer=ser,
            ),
            "StreamingOutputCall": grpc.unary_stream_rpc_method_handler(
                self.StreamingOutputCall,
                request_deserializer=_received(m.StreamingOutputCallRequest),
                response_serializer=ser,
            ),
            "FullDuplexCall": grpc.stream_stream_rpc_method_handler(
                self.FullDuplexCall,
                request_deserializer=_received(m.StreamingOutputCallRequest),
                response_serializer=ser,
            ),
            "HalfDuplexCall": grpc.stream_stream_rpc_method_handler(
                self.HalfDuplexCall,
                request_deserializer=_received(m.StreamingOutputCallRequest),
                response_serializer=ser,
            ),
        }
        return grpc.method_handlers_generic_handler(TEST_SERVICE, handlers)


class _Collector:
    """Stands in for a grpc.Server to catch what generated add_*_to_server functions register."""

    def __init__(self):
        self.services: dict[str, dict[str, grpc.RpcMethodHandler]] = {}

    def add_generic_rpc_handlers(self, handlers) -> None:
        pass  # the same handlers also come through add_registered_method_handlers

    def add_registered_method_handlers(self, service: str, handlers) -> None:
        self.services[service] = handlers


def _stock_services(health_servicer) -> list[grpc.GenericRpcHandler]:
    """Health and reflection, with request deserializers that undo compression first."""
    collector = _Collector()
    health_pb2_grpc.add_HealthServicer_to_server(health_servicer, collector)
    names = (
        TEST_SERVICE,
        health_pb2.DESCRIPTOR.services_by_name["Health"].full_name,
        reflection.SERVICE_NAME,
        REFLECTION_V1,
    )
    reflection_pb2_grpc.add_ServerReflectionServicer_to_server(reflection.ReflectionServicer(names), collector)
    services = dict(collector.services)
    services[REFLECTION_V1] = services[reflection.SERVICE_NAME]  # same messages, other package
    result = []
    for service, handlers in services.items():
        wrapped = {
            name: handler._replace(request_deserializer=_plain(handler.request_deserializer))
            for name, handler in handlers.items()
        }
        result.append(grpc.method_handlers_generic_handler(service, wrapped))
    return result


def serve(port: int) -> int:
    pb = interop_protos.load()
    server = grpc.server(
        futures.ThreadPoolExecutor(max_workers=32, thread_name_prefix="interop"),
        options=[("grpc.per_message_decompression", 0), ("grpc.so_reuseport", 0)],
    )
    health_servicer = health.HealthServicer()
    health_servicer.set("", health_pb2.HealthCheckResponse.SERVING)
    health_servicer.set(TEST_SERVICE, health_pb2.HealthCheckResponse.SERVING)
    server.add_generic_rpc_handlers((TestService(pb).handler(), *_stock_services(health_servicer)))
    address = f"127.0.0.1:{port}"
    try:
        bound = server.add_insecure_port(address)
    except RuntimeError as error:
        print(f"interop_server.py: cannot listen on {address}: {error}", file=sys.stderr, flush=True)
        return 1
    if bound != port and port != 0:
        print(f"interop_server.py: cannot listen on {address}", file=sys.stderr, flush=True)
        return 1

    stop = threading.Event()
    for signum in (signal.SIGTERM, signal.SIGINT):
        signal.signal(signum, lambda *_: stop.set())
    server.start()
    print(f"interop_server.py: listening on 127.0.0.1:{bound}", flush=True)
    while not stop.wait(0.5):
        pass
    health_servicer.enter_graceful_shutdown()
    server.stop(grace=2).wait(timeout=5)
    print("interop_server.py: stopped", flush=True)
    return 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--port", type=int, required=True, help="TCP port on 127.0.0.1 (0: any free port)")
    parser.add_argument("--use_tls", default="false", help="only false is supported")
    args = parser.parse_args(argv)
    if args.use_tls.lower() not in ("false", "0", "no"):
        parser.error("--use_tls: TLS is not supported by this server")
    return serve(args.port)


if __name__ == "__main__":
    sys.exit(main())
