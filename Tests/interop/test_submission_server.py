"""grpcio against our Swift submission-server: every RPC of motcua.submission.v1.SubmissionService, the catalog
unreachable, graceful shutdown with an open feed, and a SIGKILL in the middle of a concurrent submit load.

submission-server needs a catalog. The catalog is the built `catalog-server` (MOTCUA_BIN_DIR, default .build/debug)
with a fresh temporary --data-dir; when that binary does not serve (a branch without the catalog), the in-process
stand-in of fake_catalog.py takes its place. MOTCUA_CATALOG_IMPL chooses: auto (default), swift (the binary or fail),
python (always the stand-in).
"""

from __future__ import annotations

import datetime as dt
import os
import re
import socket
import threading
import time
import warnings

import grpc
import pytest
from google.protobuf import timestamp_pb2
from grpc_health.v1 import health_pb2, health_pb2_grpc
from grpc_reflection.v1alpha.proto_reflection_descriptor_database import ProtoReflectionDescriptorDatabase

import interop_protos
from fake_catalog import FakeCatalog
from interop_harness import LOOPBACK, READY_TIMEOUT, ServerProcess, bin_dir, free_port, implementation, swift_binary

DEADLINE = 20.0
SERVICE = "motcua.submission.v1.SubmissionService"
VIETNAM = dt.timezone(dt.timedelta(hours=7))
CODE_RE = re.compile(r"^(\d{2,5})-(\d{6})-(\d{4,})$")

pytestmark = pytest.mark.skipif(
    implementation() == "python", reason="the submission service has no Python stand-in (MOTCUA_INTEROP_IMPL=python)"
)


# ---------------------------------------------------------------------------------------------
# stubs and helpers


def _submission_modules():
    interop_protos.catalog()  # puts the generated stubs on sys.path
    import importlib

    return (
        importlib.import_module("motcua.submission.v1.submission_pb2"),
        importlib.import_module("motcua.submission.v1.submission_pb2_grpc"),
    )


@pytest.fixture(scope="module")
def pb():
    return _submission_modules()[0]


@pytest.fixture(scope="module")
def cpb():
    return interop_protos.catalog().catalog_pb2


# grpcio probes bandwidth with pings between calls; a burst of short sequential calls can trip the server's ping
# policy (GOAWAY too_many_pings), which is not what these tests are about.
CHANNEL_OPTIONS = [("grpc.http2.bdp_probe", 0)]


def stub_for(target):
    channel = grpc.insecure_channel(target, options=CHANNEL_OPTIONS)
    grpc.channel_ready_future(channel).result(timeout=DEADLINE)
    return channel, _submission_modules()[1].SubmissionServiceStub(channel)


def rpc_error(call, *args, **kwargs):
    with pytest.raises(grpc.RpcError) as error:
        call(*args, timeout=DEADLINE, **kwargs)
    return error.value


def assert_invalid(error, field):
    assert error.code() == grpc.StatusCode.INVALID_ARGUMENT, (error.code(), error.details())
    assert error.details().startswith(field + ":"), error.details()


def today_vietnam():
    return dt.datetime.now(VIETNAM).date()


def vietnam_time(year, month, day, hour=9, minute=0):
    instant = dt.datetime(year, month, day, hour, minute, tzinfo=VIETNAM)
    return timestamp_pb2.Timestamp(seconds=int(instant.timestamp()))


def applicant(pb, name="Giàng A Páo", id_number="011095001234"):
    return pb.Applicant(full_name=name, id_number=id_number, phone="0912 345 678", email="pao@example.vn", address="Bản Nậm Kè")


def submit_request(pb, procedure, request_id, unit="03162", channel=None, assisted=False, caller="portal", note="", name="Giàng A Páo"):
    return pb.SubmitDossierRequest(
        caller=caller, request_id=request_id, procedure_code=procedure, unit_code=unit,
        channel=channel if channel is not None else pb.CHANNEL_DIRECT, assisted_by_staff=assisted,
        applicant=applicant(pb, name=name), note=note,
        attachments=[pb.Attachment(name="to-khai.pdf", component="Tờ khai", media_type="application/pdf", size_bytes=2048)],
    )


def read_events(stub, pb, after, count, timeout=DEADLINE):
    """(started, events): opens StreamEvents after `after` and reads `count` events, then cancels the call."""
    call = stub.StreamEvents(pb.StreamEventsRequest(after_sequence=after), timeout=timeout)
    started = None
    events = []
    try:
        for message in call:
            if message.HasField("started"):
                started = message.started
                if count == 0:
                    break
            else:
                events.append(message.event)
                if len(events) >= count:
                    break
    finally:
        call.cancel()
    return started, events


def current_sequence(stub, pb):
    started, _ = read_events(stub, pb, 0, 0)
    return started.current_sequence


# ---------------------------------------------------------------------------------------------
# servers


def _catalog_impl():
    impl = os.environ.get("MOTCUA_CATALOG_IMPL", "auto").strip().lower() or "auto"
    if impl not in ("auto", "swift", "python"):
        raise pytest.UsageError(f"MOTCUA_CATALOG_IMPL must be auto, swift or python, not {impl!r}")
    return impl


def _serving_or_exited(server: ServerProcess) -> bool:
    """True once the server reports SERVING, False if it exits first (a placeholder binary does)."""
    deadline = time.monotonic() + READY_TIMEOUT
    while time.monotonic() < deadline:
        if server.process.poll() is not None:
            server.kill()
            return False
        try:
            with grpc.insecure_channel(server.target) as channel:
                reply = health_pb2_grpc.HealthStub(channel).Check(health_pb2.HealthCheckRequest(service=""), timeout=1)
            if reply.status == health_pb2.HealthCheckResponse.SERVING:
                return True
        except grpc.RpcError:
            pass
        time.sleep(0.2)
    server.kill()
    pytest.fail(f"catalog-server not SERVING within {READY_TIMEOUT:.0f} s\n{server.log_tail()}", pytrace=False)


@pytest.fixture(scope="module")
def catalog_target(log_dir, tmp_path_factory):
    """host:port of a catalog: the built catalog-server, or the in-process stand-in (see the module docstring)."""
    impl = _catalog_impl()
    if impl != "python":
        path = bin_dir() / "catalog-server"
        if impl == "swift" or (path.is_file() and os.access(path, os.X_OK)):
            data_dir = tmp_path_factory.mktemp("catalog") / "catalog"
            port = free_port()
            argv = [str(swift_binary("catalog-server")), "--port", str(port), "--data-dir", str(data_dir)]
            server = ServerProcess("catalog-server", argv, port, log_dir).start()
            if _serving_or_exited(server):
                yield server.target
                server.stop()
                return
            if impl == "swift":
                pytest.fail(f"{path} exited without serving\n{server.log_tail()}", pytrace=False)
            warnings.warn(f"{path} does not serve (exited at once): using the in-process stand-in catalog")
    fake = FakeCatalog.start()
    yield fake.target
    fake.stop()


def submission_argv(data_dir, catalog):
    return lambda port: [
        str(swift_binary("submission-server")), "--port", str(port), "--data-dir", str(data_dir), "--catalog", catalog,
        "--log-level", "info",
    ]


@pytest.fixture(scope="module")
def submission_server(start_server, tmp_path_factory, catalog_target):
    """A submission-server on a fresh data folder, shared by the module's tests; must exit 0 on SIGTERM."""
    data_dir = tmp_path_factory.mktemp("submission") / "submission"
    server = start_server("submission-server", submission_argv(data_dir, catalog_target))
    yield server
    server.stop()


@pytest.fixture
def stub(submission_server):
    submission_server.ensure_alive()
    channel, stub = stub_for(submission_server.target)
    with channel:
        yield stub


@pytest.fixture(scope="module")
def procedures(catalog_target, cpb):
    """Procedure codes from the catalog: 'online' (commune level, online level 4) and 'paper' (online level 2)."""
    channel = grpc.insecure_channel(catalog_target)
    catalog = interop_protos.catalog().catalog_pb2_grpc.CatalogServiceStub(channel)
    with channel:
        online = catalog.ListProcedures(
            cpb.ListProceduresRequest(online_level=4, implementing_level=cpb.IMPLEMENTING_LEVEL_COMMUNE, page_size=5), timeout=DEADLINE)
        paper = catalog.ListProcedures(
            cpb.ListProceduresRequest(online_level=2, implementing_level=cpb.IMPLEMENTING_LEVEL_COMMUNE, page_size=5), timeout=DEADLINE)
    assert online.procedures and paper.procedures
    return {"online": online.procedures[0].code, "paper": paper.procedures[0].code}


# ---------------------------------------------------------------------------------------------
# health and reflection


def test_health_and_reflection(submission_server):
    with grpc.insecure_channel(submission_server.target) as channel:
        reply = health_pb2_grpc.HealthStub(channel).Check(health_pb2.HealthCheckRequest(service=SERVICE), timeout=DEADLINE)
        assert reply.status == health_pb2.HealthCheckResponse.SERVING
        services = ProtoReflectionDescriptorDatabase(channel).get_services()
        assert SERVICE in services


# ---------------------------------------------------------------------------------------------
# SubmitDossier, GetDossier, LookupDossier


def test_submit_is_idempotent_and_gets_a_code(stub, pb, procedures):
    request = submit_request(pb, procedures["online"], "idem-1", channel=pb.CHANNEL_ONLINE, assisted=True)
    first = stub.SubmitDossier(request, timeout=DEADLINE)
    dossier = first.dossier
    match = CODE_RE.match(dossier.code)
    assert match, dossier.code
    assert match.group(1) == "03162"
    received_on = dt.date(dossier.received_on.year, dossier.received_on.month, dossier.received_on.day)
    assert match.group(2) == received_on.strftime("%y%m%d")
    assert received_on in (today_vietnam(), today_vietnam() - dt.timedelta(days=1))
    assert not first.replayed
    assert dossier.status == pb.DOSSIER_STATUS_NEW
    assert dossier.channel == pb.CHANNEL_ONLINE and dossier.assisted_by_staff
    assert dossier.unit_name == "Xã Nậm Kè"
    assert dossier.online_level == 4
    assert dossier.version == 1 and len(dossier.history) == 1
    due = dt.date(dossier.due_date.year, dossier.due_date.month, dossier.due_date.day)
    assert due > received_on
    # The same request again: the same dossier, nothing new.
    again = stub.SubmitDossier(request, timeout=DEADLINE)
    assert again.replayed and again.dossier.code == dossier.code
    # The same id with other content.
    changed = submit_request(pb, procedures["online"], "idem-1", channel=pb.CHANNEL_ONLINE, assisted=True, note="khác")
    error = rpc_error(stub.SubmitDossier, changed)
    assert error.code() == grpc.StatusCode.ALREADY_EXISTS, error.details()
    assert dossier.code in error.details()


def test_get_and_lookup(stub, pb, procedures):
    dossier = stub.SubmitDossier(submit_request(pb, procedures["online"], "lookup-1", name="Lò Thị Mai"), timeout=DEADLINE).dossier
    full = stub.GetDossier(pb.GetDossierRequest(code=dossier.code), timeout=DEADLINE)
    assert full.applicant.full_name == "Lò Thị Mai"
    assert full.attachments[0].name == "to-khai.pdf"
    assert full.history[0].action == pb.DOSSIER_ACTION_SUBMIT
    view = stub.LookupDossier(pb.LookupDossierRequest(code=dossier.code, id_number=" 011095001234 "), timeout=DEADLINE)
    assert view.code == dossier.code
    assert view.status == pb.DOSSIER_STATUS_ACCEPTED and view.status_name == "Được tiếp nhận"
    assert [f.name for f in view.DESCRIPTOR.fields if f.name in ("applicant", "attachments")] == []
    assert "Lò Thị Mai" not in str(view)
    wrong = rpc_error(stub.LookupDossier, pb.LookupDossierRequest(code=dossier.code, id_number="011095009999"))
    assert wrong.code() == grpc.StatusCode.NOT_FOUND
    unknown_code = CODE_RE.match(dossier.code).group(1) + "-" + CODE_RE.match(dossier.code).group(2) + "-9999"
    unknown = rpc_error(stub.LookupDossier, pb.LookupDossierRequest(code=unknown_code, id_number="011095001234"))
    assert unknown.code() == grpc.StatusCode.NOT_FOUND
    assert rpc_error(stub.GetDossier, pb.GetDossierRequest(code=unknown_code)).code() == grpc.StatusCode.NOT_FOUND


def test_invalid_arguments_name_the_field(stub, pb, procedures):
    bad_unit = submit_request(pb, procedures["online"], "bad-1", unit="3162")
    assert_invalid(rpc_error(stub.SubmitDossier, bad_unit), "unit_code")
    unknown = submit_request(pb, "9.999999", "bad-2")
    assert_invalid(rpc_error(stub.SubmitDossier, unknown), "procedure_code")
    paper_online = submit_request(pb, procedures["paper"], "bad-3", channel=pb.CHANNEL_ONLINE)
    assert_invalid(rpc_error(stub.SubmitDossier, paper_online), "channel")
    no_key = submit_request(pb, procedures["online"], "")
    assert_invalid(rpc_error(stub.SubmitDossier, no_key), "request_id")
    assert_invalid(rpc_error(stub.GetDossier, pb.GetDossierRequest(code="not-a-code")), "code")
    assert_invalid(rpc_error(stub.ListDossiers, pb.ListDossiersRequest(page_size=-1)), "page_size")
    assert_invalid(rpc_error(stub.ListDossiers, pb.ListDossiersRequest(page_token="garbage!")), "page_token")
    call = stub.StreamEvents(pb.StreamEventsRequest(after_sequence=-1), timeout=DEADLINE)
    with pytest.raises(grpc.RpcError) as error:
        list(call)
    assert_invalid(error.value, "after_sequence")


# ---------------------------------------------------------------------------------------------
# ListDossiers


def test_list_pages_with_tokens(stub, pb, procedures):
    codes = [
        stub.SubmitDossier(submit_request(pb, procedures["online"], f"list-{i}", unit="03157"), timeout=DEADLINE).dossier.code
        for i in range(7)
    ]
    numbers = sorted(int(CODE_RE.match(code).group(3)) for code in codes)
    assert numbers == list(range(numbers[0], numbers[0] + 7))
    request = pb.ListDossiersRequest(unit_code="03157", page_size=3)
    seen, sizes = [], []
    while True:
        page = stub.ListDossiers(request, timeout=DEADLINE)
        assert page.total_size == 7
        sizes.append(len(page.dossiers))
        seen += [d.code for d in page.dossiers]
        if not page.next_page_token:
            break
        request = pb.ListDossiersRequest(unit_code="03157", page_size=3, page_token=page.next_page_token)
    assert sizes == [3, 3, 1]
    assert seen == list(reversed(codes))
    assert all(d.applicant_name == "Giàng A Páo" for d in stub.ListDossiers(pb.ListDossiersRequest(unit_code="03157"), timeout=DEADLINE).dossiers)
    first = stub.ListDossiers(pb.ListDossiersRequest(unit_code="03157", page_size=3), timeout=DEADLINE)
    other = pb.ListDossiersRequest(unit_code="03162", page_size=3, page_token=first.next_page_token)
    assert_invalid(rpc_error(stub.ListDossiers, other), "page_token")
    filtered = stub.ListDossiers(
        pb.ListDossiersRequest(unit_code="03157", statuses=[pb.DOSSIER_STATUS_RESOLVED], channel=pb.CHANNEL_DIRECT), timeout=DEADLINE)
    assert filtered.total_size == 0
    tomorrow = today_vietnam() + dt.timedelta(days=2)
    cpb = interop_protos.catalog().catalog_pb2
    future = stub.ListDossiers(
        pb.ListDossiersRequest(unit_code="03157", received_from=cpb.Date(year=tomorrow.year, month=tomorrow.month, day=tomorrow.day)),
        timeout=DEADLINE)
    assert future.total_size == 0


# ---------------------------------------------------------------------------------------------
# TransitionDossier


def step(pb, code, action, version, **extra):
    return pb.TransitionDossierRequest(code=code, action=action, expected_version=version, actor="can-bo-1", **extra)


def test_transitions(stub, pb, procedures, cpb):
    dossier = stub.SubmitDossier(submit_request(pb, procedures["online"], "flow-1"), timeout=DEADLINE).dossier
    assert dossier.status == pb.DOSSIER_STATUS_ACCEPTED
    moved = stub.TransitionDossier(step(pb, dossier.code, pb.DOSSIER_ACTION_START_PROCESSING, 1), timeout=DEADLINE)
    assert moved.dossier.status == pb.DOSSIER_STATUS_PROCESSING and moved.dossier.version == 2
    stale = rpc_error(stub.TransitionDossier, step(pb, dossier.code, pb.DOSSIER_ACTION_RESOLVE, 1))
    assert stale.code() == grpc.StatusCode.ABORTED, stale.details()
    # A supplement pauses the clock; receiving it the same day leaves the due date.
    paused = stub.TransitionDossier(
        step(pb, dossier.code, pb.DOSSIER_ACTION_REQUEST_SUPPLEMENT, 2, note="Bổ sung giấy chứng sinh"), timeout=DEADLINE).dossier
    assert paused.status == pb.DOSSIER_STATUS_SUPPLEMENT_REQUESTED and paused.HasField("paused_since")
    resumed = stub.TransitionDossier(step(pb, dossier.code, pb.DOSSIER_ACTION_RECEIVE_SUPPLEMENT, 3), timeout=DEADLINE).dossier
    assert resumed.status == pb.DOSSIER_STATUS_PROCESSING and resumed.supplement_requests == 1
    assert not resumed.HasField("paused_since")
    # An apology must name a later working day.
    bad_apology = step(
        pb, dossier.code, pb.DOSSIER_ACTION_ISSUE_APOLOGY, 4,
        apology=pb.Apology(new_date=resumed.due_date, reason="Chờ xác minh"))
    assert_invalid(rpc_error(stub.TransitionDossier, bad_apology), "apology.new_date")
    no_payment = step(pb, dossier.code, pb.DOSSIER_ACTION_RECORD_PAYMENT, 4)
    assert_invalid(rpc_error(stub.TransitionDossier, no_payment), "payment")
    stub.TransitionDossier(step(pb, dossier.code, pb.DOSSIER_ACTION_REQUEST_PAYMENT, 4), timeout=DEADLINE)
    paid = stub.TransitionDossier(
        step(pb, dossier.code, pb.DOSSIER_ACTION_RECORD_PAYMENT, 5,
             payment=pb.Payment(method=pb.PAYMENT_METHOD_ONLINE_NATIONAL_PORTAL, amount_vnd=8000)), timeout=DEADLINE).dossier
    assert paid.status == pb.DOSSIER_STATUS_PROCESSING and paid.history[-1].payment.amount_vnd == 8000
    resolved = stub.TransitionDossier(
        step(pb, dossier.code, pb.DOSSIER_ACTION_RESOLVE, 6, caller="agency-stp", request_id="resolve-1"), timeout=DEADLINE)
    assert resolved.dossier.status == pb.DOSSIER_STATUS_RESOLVED and not resolved.replayed
    retried = stub.TransitionDossier(
        step(pb, dossier.code, pb.DOSSIER_ACTION_RESOLVE, 6, caller="agency-stp", request_id="resolve-1"), timeout=DEADLINE)
    assert retried.replayed and retried.dossier.version == 7
    refused = rpc_error(stub.TransitionDossier, step(pb, dossier.code, pb.DOSSIER_ACTION_REQUEST_SUPPLEMENT, 7))
    assert refused.code() == grpc.StatusCode.FAILED_PRECONDITION, refused.details()
    assert "status 9 (resolved)" in refused.details() and "request_supplement" in refused.details()
    assert "status 5 (supplement_requested)" in refused.details()
    done = stub.TransitionDossier(step(pb, dossier.code, pb.DOSSIER_ACTION_RETURN_RESULT, 7), timeout=DEADLINE).dossier
    assert done.status == pb.DOSSIER_STATUS_RESULT_RETURNED and done.HasField("returned_at")
    assert [h.status for h in done.history] == [2, 4, 5, 4, 6, 4, 9, 10]
    view = stub.LookupDossier(pb.LookupDossierRequest(code=dossier.code, id_number="011095001234"), timeout=DEADLINE)
    assert view.history[2].notice == "Bổ sung giấy chứng sinh"
    unknown = rpc_error(stub.TransitionDossier, step(pb, "03162-000101-0001", pb.DOSSIER_ACTION_ACCEPT, 1))
    assert unknown.code() == grpc.StatusCode.NOT_FOUND


# ---------------------------------------------------------------------------------------------
# ImportDossiers


def imported(pb, procedure, source_id, unit="03154", history=None, received=(2022, 1, 10, 8)):
    return pb.ImportedDossier(
        source_system="igate-dienbien", source_id=source_id, procedure_code=procedure, unit_code=unit,
        channel=pb.CHANNEL_DIRECT, applicant=applicant(pb, name=f"Người nộp {source_id}"), received_at=vietnam_time(*received),
        received_by="mot-cua", history=history or [],
    )


def test_import_with_history(stub, pb, procedures):
    history = [
        pb.ImportedStep(action=pb.DOSSIER_ACTION_START_PROCESSING, occurred_at=vietnam_time(2022, 1, 10, 10), actor="cb-tuphap"),
        pb.ImportedStep(action=pb.DOSSIER_ACTION_RESOLVE, occurred_at=vietnam_time(2022, 1, 12, 15), status=pb.DOSSIER_STATUS_RESOLVED),
        pb.ImportedStep(action=pb.DOSSIER_ACTION_RETURN_RESULT, occurred_at=vietnam_time(2022, 1, 13, 9)),
    ]
    bad_history = [pb.ImportedStep(action=pb.DOSSIER_ACTION_RETURN_RESULT, occurred_at=vietnam_time(2022, 1, 10, 10))]
    batches = [
        pb.ImportDossiersRequest(dossiers=[imported(pb, procedures["online"], "A-1", history=history), imported(pb, "9.999999", "A-2")]),
        pb.ImportDossiersRequest(dossiers=[
            imported(pb, procedures["online"], "A-3", history=bad_history),
            imported(pb, procedures["online"], "A-4", received=(2021, 12, 30, 14)),
        ]),
    ]
    response = stub.ImportDossiers(iter(batches), timeout=DEADLINE)
    assert response.received == 4 and response.imported == 2 and response.already_imported == 0
    assert [(r.position, r.field) for r in response.rejected] == [(2, "procedure_code"), (3, "history[0].action")]
    assert [r.position for r in response.results] == [1, 4]
    codes = {r.source_id: r.code for r in response.results}
    assert codes["A-1"] == "03154-220110-0001"
    assert codes["A-4"] == "03154-211230-0001"
    dossier = stub.GetDossier(pb.GetDossierRequest(code=codes["A-1"]), timeout=DEADLINE)
    assert dossier.status == pb.DOSSIER_STATUS_RESULT_RETURNED and dossier.version == 4
    assert dossier.origin.source_system == "igate-dienbien" and dossier.origin.source_id == "A-1"
    assert [h.occurred_at.seconds for h in dossier.history] == [
        vietnam_time(2022, 1, 10, 8).seconds, vietnam_time(2022, 1, 10, 10).seconds, vietnam_time(2022, 1, 12, 15).seconds,
        vietnam_time(2022, 1, 13, 9).seconds,
    ]
    assert dossier.finished_at.seconds == vietnam_time(2022, 1, 12, 15).seconds
    # Importing the same again creates nothing.
    again = stub.ImportDossiers(iter([pb.ImportDossiersRequest(dossiers=[imported(pb, procedures["online"], "A-1", history=history)])]), timeout=DEADLINE)
    assert again.imported == 0 and again.already_imported == 1 and again.results[0].code == codes["A-1"]
    changed = stub.ImportDossiers(iter([pb.ImportDossiersRequest(dossiers=[imported(pb, procedures["online"], "A-1")])]), timeout=DEADLINE)
    assert [(r.position, r.field) for r in changed.rejected] == [(1, "source_id")]


# ---------------------------------------------------------------------------------------------
# StreamEvents


def test_stream_events_resume_and_follow(stub, pb, procedures):
    stub.SubmitDossier(submit_request(pb, procedures["online"], "feed-0", channel=pb.CHANNEL_ONLINE, assisted=True), timeout=DEADLINE)
    head = current_sequence(stub, pb)
    assert head >= 1
    started, everything = read_events(stub, pb, 0, head)
    assert started.current_sequence == head and not started.reset_required
    assert [e.sequence for e in everything] == list(range(1, head + 1))
    last = everything[-1]
    assert last.action == pb.DOSSIER_ACTION_SUBMIT and last.status == pb.DOSSIER_STATUS_NEW
    assert last.unit_code == "03162" and last.procedure_code == procedures["online"] and last.online_level == 4
    assert last.channel == pb.CHANNEL_ONLINE and last.assisted_by_staff and last.dossier_version == 1
    assert last.HasField("received_at") and last.HasField("due_date") and last.HasField("occurred_at")
    personal = {"applicant", "full_name", "id_number", "phone", "email", "address", "note", "actor"}
    assert personal.isdisjoint(f.name for f in last.DESCRIPTOR.fields)
    # Resume after any sequence: exactly the rest.
    for after in sorted({0, 1, head // 2, head - 1}):
        _, rest = read_events(stub, pb, after, head - after)
        assert [e.sequence for e in rest] == list(range(after + 1, head + 1))
        assert rest == everything[after:]
    # Live follow: catch up on the last 2, then 3 new ones as they commit.
    received = []

    def follow():
        _, events = read_events(stub, pb, head - 2, 5, timeout=60)
        received.extend(events)

    follower = threading.Thread(target=follow)
    follower.start()
    time.sleep(0.5)
    for i in range(3):
        stub.SubmitDossier(submit_request(pb, procedures["online"], f"feed-live-{i}"), timeout=DEADLINE)
    follower.join(60)
    assert [e.sequence for e in received] == list(range(head - 1, head + 4))
    # Ahead of the feed: reset.
    started, events = read_events(stub, pb, head + 1000, 1)
    assert started.reset_required and events[0].sequence == 1


# ---------------------------------------------------------------------------------------------
# the catalog unreachable


def test_catalog_unreachable_means_unavailable_and_nothing_written(start_server, tmp_path_factory, pb, procedures):
    with socket.socket() as sock:
        sock.bind((LOOPBACK, 0))
        dead = f"{LOOPBACK}:{sock.getsockname()[1]}"  # bound, not listening: connections are refused
        data_dir = tmp_path_factory.mktemp("no-catalog") / "submission"
        server = start_server("submission-server-no-catalog", submission_argv(data_dir, dead))
        try:
            channel, stub = stub_for(server.target)
            with channel:
                error = rpc_error(stub.SubmitDossier, submit_request(pb, procedures["online"], "down-1"))
                assert error.code() == grpc.StatusCode.UNAVAILABLE, error.details()
                assert current_sequence(stub, pb) == 0
                listing = stub.ListDossiers(pb.ListDossiersRequest(), timeout=DEADLINE)
                assert listing.total_size == 0
        finally:
            server.stop()


# ---------------------------------------------------------------------------------------------
# shutdown and crash


def test_sigterm_ends_open_feeds_promptly(start_server, tmp_path_factory, catalog_target, pb):
    data_dir = tmp_path_factory.mktemp("sigterm") / "submission"
    server = start_server("submission-server-sigterm", submission_argv(data_dir, catalog_target))
    channel, stub = stub_for(server.target)
    outcome = {}

    def follow():
        try:
            for _ in stub.StreamEvents(pb.StreamEventsRequest(after_sequence=0), timeout=60):
                pass
            outcome["ended"] = "ok"
        except grpc.RpcError as error:
            outcome["ended"] = error.code().name

    follower = threading.Thread(target=follow)
    follower.start()
    time.sleep(0.5)
    began = time.monotonic()
    server.stop()  # asserts exit status 0 within the harness's limit
    elapsed = time.monotonic() - began
    follower.join(10)
    channel.close()
    assert elapsed < 5, f"stopping took {elapsed:.1f} s with a feed open"
    assert "ended" in outcome


def test_sigkill_during_concurrent_submits_loses_nothing_acknowledged(start_server, log_dir, tmp_path_factory, catalog_target, pb, procedures):
    data_dir = tmp_path_factory.mktemp("crash") / "submission"
    server = start_server("submission-server-crash", submission_argv(data_dir, catalog_target))
    units = ["03162", "03157", "03154"]
    procedure = procedures["online"]

    def request(rid):
        index = int(rid.rsplit("-", 1)[1])
        return submit_request(pb, procedure, rid, unit=units[index % 3], caller="crash-test", note=rid, name=f"Crash {rid}")

    channel, stub = stub_for(server.target)
    acknowledged: dict[str, str] = {}
    attempted: set[str] = set()
    lock = threading.Lock()
    stop = threading.Event()

    def load(worker):
        i = 0
        while not stop.is_set():
            rid = f"w{worker}-{i}"
            i += 1
            with lock:
                attempted.add(rid)
            try:
                reply = stub.SubmitDossier(request(rid), timeout=10)
            except grpc.RpcError:
                return
            with lock:
                acknowledged[rid] = reply.dossier.code

    workers = [threading.Thread(target=load, args=(w,)) for w in range(32)]
    for worker in workers:
        worker.start()
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        with lock:
            if len(acknowledged) >= 600:
                break
        time.sleep(0.01)
    server.process.kill()  # SIGKILL in the middle of the load
    server.process.wait(10)
    server.kill()
    stop.set()
    for worker in workers:
        worker.join(30)
    channel.close()
    with lock:
        acked = dict(acknowledged)
        tried = set(attempted)
    assert len(acked) >= 100, f"only {len(acked)} submissions were acknowledged before the kill"
    assert len(tried) > len(acked), "the kill should have caught calls in flight"
    print(f"crash: {len(acked)} acknowledged, {len(tried) - len(acked)} in flight at the SIGKILL")

    # Restart on the same data folder.
    restarted = start_server("submission-server-crash-restart", submission_argv(data_dir, catalog_target))
    channel, stub = stub_for(restarted.target)
    with channel:
        # Every acknowledged dossier is there, with its content.
        for rid, code in acked.items():
            dossier = stub.GetDossier(pb.GetDossierRequest(code=code), timeout=DEADLINE)
            assert dossier.history[0].note == rid and dossier.applicant.full_name == f"Crash {rid}"
        # Retrying every attempted request creates each dossier exactly once: acknowledged ones are replayed as they were.
        final: dict[str, str] = {}
        for rid in sorted(tried):
            reply = stub.SubmitDossier(request(rid), timeout=DEADLINE)
            final[rid] = reply.dossier.code
            if rid in acked:
                assert reply.replayed and reply.dossier.code == acked[rid]
        assert len(set(final.values())) == len(tried)
        total = stub.ListDossiers(pb.ListDossiersRequest(page_size=1), timeout=DEADLINE).total_size
        assert total == len(tried)
        # Per unit and day, numbers run 1..n without gaps.
        by_day: dict[tuple[str, str], list[int]] = {}
        for code in final.values():
            unit, day, number = CODE_RE.match(code).groups()
            by_day.setdefault((unit, day), []).append(int(number))
        for key, numbers in by_day.items():
            assert sorted(numbers) == list(range(1, len(numbers) + 1)), key
        # The feed has one SUBMIT event per dossier, sequences 1..n without a gap.
        head = current_sequence(stub, pb)
        assert head == total
        _, events = read_events(stub, pb, 0, head, timeout=120)
        assert [e.sequence for e in events] == list(range(1, head + 1))
        assert sorted(e.dossier_code for e in events) == sorted(final.values())
        assert all(e.action == pb.DOSSIER_ACTION_SUBMIT for e in events)
    restarted.stop()
