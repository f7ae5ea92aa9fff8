"""Our Swift interop-server against grpcio: the 18 interop cases, health, reflection, SIGTERM.

The server runs as `interop-server --port N` on 127.0.0.1 (from MOTCUA_BIN_DIR, default
.build/debug); see conftest.py.
"""

from __future__ import annotations

import collections

import grpc
import pytest
from google.protobuf import descriptor_pb2, descriptor_pool
from grpc_health.v1 import health_pb2, health_pb2_grpc
from grpc_reflection.v1alpha import reflection_pb2
from grpc_reflection.v1alpha.proto_reflection_descriptor_database import ProtoReflectionDescriptorDatabase

import interop_client
from interop_harness import interop_server_argv

DEADLINE = 20.0
TEST_SERVICE = "grpc.testing.TestService"
HEALTH_SERVICE = "grpc.health.v1.Health"
REFLECTION_V1 = "grpc.reflection.v1.ServerReflection"
REFLECTION_V1_METHOD = f"/{REFLECTION_V1}/ServerReflectionInfo"


# ---------------------------------------------------------------------------------------------
# the interop cases (interop_client.py), each on its own channel


@pytest.mark.parametrize("case", list(interop_client.CASES))
def test_interop_case(interop_server, case):
    interop_server.ensure_alive()
    interop_client.run_case(case, "127.0.0.1", interop_server.port)


# ---------------------------------------------------------------------------------------------
# grpc.health.v1


@pytest.fixture
def channel(interop_server):
    interop_server.ensure_alive()
    with grpc.insecure_channel(interop_server.target) as channel:
        grpc.channel_ready_future(channel).result(timeout=DEADLINE)
        yield channel


def test_health_check_overall_is_serving(channel):
    reply = health_pb2_grpc.HealthStub(channel).Check(health_pb2.HealthCheckRequest(service=""), timeout=DEADLINE)
    assert reply.status == health_pb2.HealthCheckResponse.SERVING


def test_health_check_unknown_service_is_not_found(channel):
    with pytest.raises(grpc.RpcError) as error:
        health_pb2_grpc.HealthStub(channel).Check(
            health_pb2.HealthCheckRequest(service="no.such.Service"), timeout=DEADLINE
        )
    assert error.value.code() == grpc.StatusCode.NOT_FOUND, error.value.details()


def test_health_watch_first_message_is_serving(channel):
    call = health_pb2_grpc.HealthStub(channel).Watch(health_pb2.HealthCheckRequest(service=""), timeout=DEADLINE)
    try:
        first = next(call)
        assert first.status == health_pb2.HealthCheckResponse.SERVING
    finally:
        call.cancel()


# ---------------------------------------------------------------------------------------------
# reflection


ClientCallDetails = collections.namedtuple(
    "ClientCallDetails", ("method", "timeout", "metadata", "credentials", "wait_for_ready", "compression")
)


class _DefaultDeadline(grpc.StreamStreamClientInterceptor):
    """ProtoReflectionDescriptorDatabase sets no deadline; give its calls one."""

    def intercept_stream_stream(self, continuation, details, request_iterator):
        if details.timeout is None:
            details = ClientCallDetails(
                details.method, DEADLINE, details.metadata, details.credentials,
                details.wait_for_ready, details.compression,
            )
        return continuation(details, request_iterator)


@pytest.fixture
def reflection_db(channel):
    return ProtoReflectionDescriptorDatabase(grpc.intercept_channel(channel, _DefaultDeadline()))


def test_reflection_lists_services(reflection_db):
    services = set(reflection_db.get_services())
    for expected in (TEST_SERVICE, HEALTH_SERVICE, REFLECTION_V1):
        assert expected in services, f"{expected} missing from list_services: {sorted(services)}"


def test_reflection_resolves_method_types(reflection_db):
    pool = descriptor_pool.DescriptorPool(reflection_db)
    service = pool.FindServiceByName(TEST_SERVICE)
    unary = service.methods_by_name["UnaryCall"]
    assert unary.input_type.full_name == "grpc.testing.SimpleRequest"
    assert unary.output_type.full_name == "grpc.testing.SimpleResponse"
    duplex = service.methods_by_name["FullDuplexCall"]
    assert duplex.client_streaming and duplex.server_streaming
    assert duplex.input_type.full_name == "grpc.testing.StreamingOutputCallRequest"


def _reflection_v1(channel, request):
    """One request on grpc.reflection.v1 (same messages as v1alpha, so v1alpha's classes serve)."""
    method = channel.stream_stream(
        REFLECTION_V1_METHOD,
        request_serializer=reflection_pb2.ServerReflectionRequest.SerializeToString,
        response_deserializer=reflection_pb2.ServerReflectionResponse.FromString,
    )
    responses = list(method(iter([request]), timeout=DEADLINE))
    assert len(responses) == 1, f"expected one response, got {len(responses)}"
    return responses[0]


def test_reflection_v1_list_services_raw(channel):
    response = _reflection_v1(channel, reflection_pb2.ServerReflectionRequest(list_services=""))
    assert response.WhichOneof("message_response") == "list_services_response", response
    services = {service.name for service in response.list_services_response.service}
    for expected in (TEST_SERVICE, HEALTH_SERVICE, REFLECTION_V1):
        assert expected in services, f"{expected} missing from v1 list_services: {sorted(services)}"


def test_reflection_v1_file_containing_symbol_raw(channel):
    response = _reflection_v1(channel, reflection_pb2.ServerReflectionRequest(file_containing_symbol=TEST_SERVICE))
    assert response.WhichOneof("message_response") == "file_descriptor_response", response
    files = []
    for raw in response.file_descriptor_response.file_descriptor_proto:
        files.append(descriptor_pb2.FileDescriptorProto.FromString(raw))
    defining = [f for f in files if f.package == "grpc.testing" and any(s.name == "TestService" for s in f.service)]
    assert defining, f"no file defines {TEST_SERVICE}: {[f.name for f in files]}"


# ---------------------------------------------------------------------------------------------
# shutdown


def test_sigterm_exits_zero(start_server):
    server = start_server("interop-server-sigterm", interop_server_argv)
    # an open client connection must not keep the server from exiting
    with grpc.insecure_channel(server.target) as channel:
        health_pb2_grpc.HealthStub(channel).Check(health_pb2.HealthCheckRequest(service=""), timeout=DEADLINE)
        assert server.stop() == 0


# ---------------------------------------------------------------------------------------------
# plain HTTP/2 peers (nghttp from nghttp2-client): what a non-gRPC request gets


def _nghttp(args: list[str]) -> str:
    import shutil
    import subprocess

    nghttp = shutil.which("nghttp")
    if nghttp is None:
        pytest.fail("nghttp (Debian package nghttp2-client) is not installed: run `make deps`")
    result = subprocess.run([nghttp, "-v", "-n", *args], capture_output=True, text=True, timeout=DEADLINE)
    return result.stdout + result.stderr


def test_non_grpc_content_type_gets_http_415(interop_server, tmp_path):
    interop_server.ensure_alive()
    body = tmp_path / "body"
    body.write_bytes(b"hello")
    out = _nghttp(["-H", "content-type: text/plain", "-d", str(body),
                   f"http://{interop_server.target}/{TEST_SERVICE}/EmptyCall"])
    assert ":status: 415" in out, out


def test_unknown_method_is_trailers_only_unimplemented(interop_server, tmp_path):
    interop_server.ensure_alive()
    body = tmp_path / "body"
    body.write_bytes(b"\x00\x00\x00\x00\x00")
    out = _nghttp(["-H", "content-type: application/grpc", "-H", "te: trailers", "-d", str(body),
                   f"http://{interop_server.target}/{TEST_SERVICE}/NoSuchMethod"])
    assert ":status: 200" in out, out
    assert "grpc-status: 12" in out, out


def test_malformed_request_message_is_internal(interop_server, tmp_path):
    interop_server.ensure_alive()
    body = tmp_path / "body"
    # A SimpleRequest whose field 3 (payload) claims 100 bytes but carries 2: malformed protobuf.
    body.write_bytes(b"\x00\x00\x00\x00\x04\x1a\x64\x01\x02")
    out = _nghttp(["-H", "content-type: application/grpc", "-H", "te: trailers", "-d", str(body),
                   f"http://{interop_server.target}/{TEST_SERVICE}/UnaryCall"])
    assert "grpc-status: 13" in out, out


_PING_PROBE = """
import sys, time, grpc
import interop_client
pb = interop_client.pb()
with grpc.insecure_channel(sys.argv[1]) as channel:
    stub = pb.test_pb2_grpc.TestServiceStub(channel)
    for _ in range(300):
        stub.UnaryCall(pb.messages_pb2.SimpleRequest(response_size=20000), timeout=20)
        time.sleep(0.005)
print("done")
"""


def test_bdp_pings_between_short_calls_are_not_ping_abuse(interop_server):
    """grpcio sends BDP pings right after it receives data, so between short calls they arrive while no call is
    active. The server must not take them for abuse (GOAWAY ENHANCE_YOUR_CALM too_many_pings): sending HEADERS or
    DATA resets the ping strikes. grpcio logs such a GOAWAY on stderr, which this test reads."""
    import os
    import subprocess
    import sys

    interop_server.ensure_alive()
    env = dict(os.environ, PYTHONPATH=os.path.dirname(__file__))
    result = subprocess.run([sys.executable, "-c", _PING_PROBE, interop_server.target],
                            capture_output=True, text=True, timeout=120, env=env)
    assert result.returncode == 0, result.stderr[-2000:]
    assert "done" in result.stdout
    assert "too_many_pings" not in result.stderr, result.stderr[-2000:]
