"""grpcio against our Swift catalog-server: every RPC of motcua.catalog.v1.CatalogService.

Each server is the built `catalog-server` (from MOTCUA_BIN_DIR, default .build/debug) on a free
127.0.0.1 port with a fresh temporary --data-dir, so every server seeds the built-in data (the 2022
Điện Biên units, the 2021–2027 calendar, the DEMO catalog) on its first start. Read-only tests share
one server; tests that write use their own, so that the counts of the seed stay exact.
"""

from __future__ import annotations

import datetime as dt
import queue
import threading

import grpc
import pytest
from google.protobuf import timestamp_pb2
from grpc_health.v1 import health_pb2, health_pb2_grpc
from grpc_reflection.v1alpha.proto_reflection_descriptor_database import ProtoReflectionDescriptorDatabase

import interop_protos
from interop_harness import implementation, swift_binary

DEADLINE = 20.0
SERVICE = "motcua.catalog.v1.CatalogService"
VIETNAM = dt.timezone(dt.timedelta(hours=7))

pytestmark = pytest.mark.skipif(
    implementation() == "python", reason="the catalog has no Python stand-in (MOTCUA_INTEROP_IMPL=python)"
)


@pytest.fixture(scope="module")
def pb():
    return interop_protos.catalog().catalog_pb2


def catalog_argv(data_dir):
    return lambda port: [
        str(swift_binary("catalog-server")), "--port", str(port), "--data-dir", str(data_dir), "--log-level", "info",
    ]


def _start(start_server, tmp_path_factory, name):
    data_dir = tmp_path_factory.mktemp(name)
    return start_server(name, catalog_argv(data_dir / "catalog"))


@pytest.fixture(scope="module")
def catalog_server(start_server, tmp_path_factory):
    """A freshly seeded catalog-server shared by the read-only tests; must exit 0 on SIGTERM."""
    server = _start(start_server, tmp_path_factory, "catalog-server")
    yield server
    server.stop()


@pytest.fixture
def writable_server(start_server, tmp_path_factory):
    """A catalog-server of its own, for a test that changes the catalog."""
    server = _start(start_server, tmp_path_factory, "catalog-server-rw")
    yield server
    server.stop()


def _stub(server):
    server.ensure_alive()
    channel = grpc.insecure_channel(server.target)
    grpc.channel_ready_future(channel).result(timeout=DEADLINE)
    return channel, interop_protos.catalog().catalog_pb2_grpc.CatalogServiceStub(channel)


@pytest.fixture
def stub(catalog_server):
    channel, stub = _stub(catalog_server)
    with channel:
        yield stub


@pytest.fixture
def rw(writable_server):
    channel, stub = _stub(writable_server)
    with channel:
        yield stub


def date(pb, year, month, day):
    return pb.Date(year=year, month=month, day=day)


def vietnam_time(year, month, day, hour=9, minute=0):
    instant = dt.datetime(year, month, day, hour, minute, tzinfo=VIETNAM)
    return timestamp_pb2.Timestamp(seconds=int(instant.timestamp()))


def rpc_error(call, *args, **kwargs):
    with pytest.raises(grpc.RpcError) as error:
        call(*args, timeout=DEADLINE, **kwargs)
    return error.value


def assert_invalid(error, field):
    assert error.code() == grpc.StatusCode.INVALID_ARGUMENT, (error.code(), error.details())
    assert error.details().startswith(field + ":"), error.details()


def row(pb, code, name="Cấp giấy phép kiểm thử", field="Kiểm thử", online_level=3, amount=10):
    return pb.Procedure(
        code=code, name=name, field=field, implementing_level=pb.IMPLEMENTING_LEVEL_PROVINCE, online_level=online_level,
        legal_deadline=pb.LegalDeadline(amount=amount, unit=pb.DEADLINE_UNIT_WORKING_DAYS), issues_paper_result=True,
    )


def import_rows(pb, stub, *batches, validate_only=False):
    requests = [pb.ImportProceduresRequest(procedures=batch, validate_only=validate_only) for batch in batches]
    return stub.ImportProcedures(iter(requests), timeout=DEADLINE)


# ---------------------------------------------------------------------------------------------
# health and reflection


def test_health_serving_for_the_catalog_service(catalog_server):
    with grpc.insecure_channel(catalog_server.target) as channel:
        health = health_pb2_grpc.HealthStub(channel)
        for service in ("", SERVICE):
            reply = health.Check(health_pb2.HealthCheckRequest(service=service), timeout=DEADLINE)
            assert reply.status == health_pb2.HealthCheckResponse.SERVING, service
        database = ProtoReflectionDescriptorDatabase(channel)
        assert SERVICE in set(database.get_services())


# ---------------------------------------------------------------------------------------------
# units


def test_list_units(stub, pb):
    reply = stub.ListUnits(pb.ListUnitsRequest(as_of=date(pb, 2022, 2, 10)), timeout=DEADLINE)
    levels = [unit.level for unit in reply.units]
    assert levels.count(pb.UNIT_LEVEL_PROVINCE) == 1
    assert levels.count(pb.UNIT_LEVEL_DISTRICT) == 10
    assert levels.count(pb.UNIT_LEVEL_COMMUNE) == 129
    assert reply.units[0].name == "Tỉnh Điện Biên" and reply.units[0].type_name == "Tỉnh"
    assert reply.as_of == date(pb, 2022, 2, 10)

    muong_nhe = stub.ListUnits(pb.ListUnitsRequest(as_of=date(pb, 2022, 2, 10), parent_code="096"), timeout=DEADLINE)
    assert len(muong_nhe.units) == 11
    nam_ke = stub.ListUnits(pb.ListUnitsRequest(as_of=date(pb, 2022, 2, 10), query="nam ke"), timeout=DEADLINE)
    assert [unit.name for unit in nam_ke.units] == ["Xã Nậm Kè"]
    assert_invalid(rpc_error(stub.ListUnits, pb.ListUnitsRequest(as_of=date(pb, 2022, 2, 30))), "as_of")
    assert_invalid(rpc_error(stub.ListUnits, pb.ListUnitsRequest(parent_code="9x6")), "parent_code")


def test_get_unit(stub, pb):
    unit = stub.GetUnit(pb.GetUnitRequest(code="03162"), timeout=DEADLINE)
    assert unit.name == "Xã Nậm Kè" and unit.parent_code == "096" and unit.type == pb.UNIT_TYPE_COMMUNE
    assert unit.valid_from == date(pb, 2021, 1, 1) and not unit.HasField("valid_to")
    assert rpc_error(stub.GetUnit, pb.GetUnitRequest(code="99999")).code() == grpc.StatusCode.NOT_FOUND
    old = rpc_error(stub.GetUnit, pb.GetUnitRequest(code="03162", as_of=date(pb, 2019, 1, 1)))
    assert old.code() == grpc.StatusCode.NOT_FOUND
    assert_invalid(rpc_error(stub.GetUnit, pb.GetUnitRequest(code="3162")), "code")


def test_upsert_units(rw, pb):
    closed = rw.GetUnit(pb.GetUnitRequest(code="03155"), timeout=DEADLINE)
    closed.valid_to.CopyFrom(date(pb, 2023, 12, 31))
    new = pb.Unit(
        code="03999", name="Xã Sen Thượng Mới", type=pb.UNIT_TYPE_COMMUNE, parent_code="096", valid_from=date(pb, 2024, 1, 1)
    )
    reply = rw.UpsertUnits(pb.UpsertUnitsRequest(units=[closed, new]), timeout=DEADLINE)
    assert (reply.created, reply.updated, reply.unchanged) == (1, 1, 0)
    assert reply.sequence == 2
    after = rw.ListUnits(pb.ListUnitsRequest(as_of=date(pb, 2024, 6, 1), parent_code="096"), timeout=DEADLINE)
    names = [unit.name for unit in after.units]
    assert "Xã Sen Thượng Mới" in names and "Xã Sen Thượng" not in names

    orphan = pb.Unit(code="03998", name="Xã Mồ Côi", type=pb.UNIT_TYPE_COMMUNE, parent_code="199", valid_from=date(pb, 2024, 1, 1))
    assert_invalid(rpc_error(rw.UpsertUnits, pb.UpsertUnitsRequest(units=[orphan])), "units[0].parent_code")
    assert rpc_error(rw.GetUnit, pb.GetUnitRequest(code="03998")).code() == grpc.StatusCode.NOT_FOUND


# ---------------------------------------------------------------------------------------------
# procedures


def test_list_procedures_search_with_and_without_diacritics(stub, pb):
    for query in ("dang ky khai sinh", "Đăng ký khai sinh"):
        reply = stub.ListProcedures(pb.ListProceduresRequest(query=query), timeout=DEADLINE)
        assert reply.procedures[0].name == "Đăng ký khai sinh", query
        assert reply.procedures[0].code == "DEMO-HT-X001"
        assert reply.procedures[0].demo
        assert reply.total_size >= 4


def test_list_procedures_filters_and_totals(stub, pb):
    everything = stub.ListProcedures(pb.ListProceduresRequest(page_size=1), timeout=DEADLINE)
    assert everything.total_size == 1764
    level4 = stub.ListProcedures(pb.ListProceduresRequest(online_level=4), timeout=DEADLINE)
    assert level4.total_size == 587
    assert all(p.online_scheme == pb.ONLINE_SCHEME_FULL_PROCESS for p in level4.procedures)
    commune_civil = stub.ListProcedures(
        pb.ListProceduresRequest(field="ho tich", implementing_level=pb.IMPLEMENTING_LEVEL_COMMUNE, page_size=100), timeout=DEADLINE
    )
    assert commune_civil.total_size == 20
    assert {p.field for p in commune_civil.procedures} == {"Hộ tịch"}
    assert_invalid(rpc_error(stub.ListProcedures, pb.ListProceduresRequest(online_level=9)), "online_level")
    assert_invalid(rpc_error(stub.ListProcedures, pb.ListProceduresRequest(query="x" * 201)), "query")


def test_list_procedures_paging(stub, pb):
    request = pb.ListProceduresRequest(page_size=500)
    codes, pages = [], 0
    while True:
        reply = stub.ListProcedures(request, timeout=DEADLINE)
        assert reply.total_size == 1764
        codes += [p.code for p in reply.procedures]
        pages += 1
        if not reply.next_page_token:
            break
        request.page_token = reply.next_page_token
    assert pages == 4 and len(codes) == 1764 and len(set(codes)) == 1764
    clamped = stub.ListProcedures(pb.ListProceduresRequest(page_size=100000), timeout=DEADLINE)
    assert len(clamped.procedures) == 500
    first = stub.ListProcedures(pb.ListProceduresRequest(field="Y tế", page_size=5), timeout=DEADLINE)
    other_filter = pb.ListProceduresRequest(field="Giáo dục", page_size=5, page_token=first.next_page_token)
    assert_invalid(rpc_error(stub.ListProcedures, other_filter), "page_token")
    assert_invalid(rpc_error(stub.ListProcedures, pb.ListProceduresRequest(page_token="garbage!")), "page_token")
    assert_invalid(rpc_error(stub.ListProcedures, pb.ListProceduresRequest(page_size=-1)), "page_size")


def test_get_procedure(stub, pb):
    procedure = stub.GetProcedure(pb.GetProcedureRequest(code="DEMO-CA-X001"), timeout=DEADLINE)
    assert procedure.name == "Đăng ký thường trú"
    assert procedure.implementing_level == pb.IMPLEMENTING_LEVEL_COMMUNE
    assert procedure.online_level == 4 and procedure.online_scheme == pb.ONLINE_SCHEME_FULL_PROCESS
    assert (procedure.legal_deadline.amount, procedure.legal_deadline.unit) == (7, pb.DEADLINE_UNIT_WORKING_DAYS)
    assert procedure.fees[0].amount_vnd == 20000 and procedure.demo and procedure.revision == 0
    assert procedure.HasField("updated_at")
    assert rpc_error(stub.GetProcedure, pb.GetProcedureRequest(code="1.999999")).code() == grpc.StatusCode.NOT_FOUND
    assert_invalid(rpc_error(stub.GetProcedure, pb.GetProcedureRequest(code="đăng ký")), "code")


def test_list_fields(stub, pb):
    reply = stub.ListFields(pb.ListFieldsRequest(), timeout=DEADLINE)
    assert len(reply.fields) == 17
    assert sum(f.procedure_count for f in reply.fields) == 1764
    assert sum(f.online_level_4_count for f in reply.fields) == 587
    commune = stub.ListFields(pb.ListFieldsRequest(implementing_level=pb.IMPLEMENTING_LEVEL_COMMUNE), timeout=DEADLINE)
    assert sum(f.procedure_count for f in commune.fields) == 119
    assert_invalid(rpc_error(stub.ListFields, pb.ListFieldsRequest(implementing_level=7)), "implementing_level")


def test_import_procedures_good_bad_duplicate_all_or_nothing(rw, pb):
    good = import_rows(pb, rw, [row(pb, "9.000001"), row(pb, "9.000002")], [row(pb, "9.000003")])
    assert good.applied and good.received == 3 and good.created == 3 and not good.rejected
    stored = rw.GetProcedure(pb.GetProcedureRequest(code="9.000002"), timeout=DEADLINE)
    assert stored.name == "Cấp giấy phép kiểm thử" and not stored.demo and stored.online_scheme == pb.ONLINE_SCHEME_PARTIAL
    assert stored.revision == good.sequence - 1

    again = import_rows(pb, rw, [row(pb, "9.000001"), row(pb, "9.000002", name="Cấp lại giấy phép kiểm thử")])
    assert again.applied and (again.created, again.updated, again.unchanged) == (0, 1, 1)

    bad = import_rows(
        pb, rw,
        [row(pb, "9.000010"), row(pb, "bad code"), row(pb, "9.000012", amount=0)],
        [row(pb, "9.000010"), row(pb, "9.000014", online_level=5), row(pb, "DEMO-HT-X001")],
    )
    assert not bad.applied and bad.received == 6
    assert [(r.position, r.field) for r in bad.rejected] == [
        (2, "code"), (3, "legal_deadline.amount"), (4, "code"), (5, "online_level"), (6, "code"),
    ]
    assert "position 1" in bad.rejected[2].reason
    assert bad.sequence == again.sequence
    missing = rpc_error(rw.GetProcedure, pb.GetProcedureRequest(code="9.000010"))
    assert missing.code() == grpc.StatusCode.NOT_FOUND  # nothing of the rejected import was written

    dry = import_rows(pb, rw, [row(pb, "9.000020")], validate_only=True)
    assert not dry.applied and dry.created == 1
    assert rpc_error(rw.GetProcedure, pb.GetProcedureRequest(code="9.000020")).code() == grpc.StatusCode.NOT_FOUND


# ---------------------------------------------------------------------------------------------
# calendar and due dates


def test_compute_due_date(stub, pb):
    tet = stub.ComputeDueDate(
        pb.ComputeDueDateRequest(
            received_at=vietnam_time(2022, 1, 28, 10),
            deadline=pb.LegalDeadline(amount=3, unit=pb.DEADLINE_UNIT_WORKING_DAYS),
        ),
        timeout=DEADLINE,
    )
    assert tet.due_date == date(pb, 2022, 2, 9)
    assert tet.received_on == date(pb, 2022, 1, 28)
    assert len(tet.days_off) == 5
    assert tet.due_at.seconds == int(dt.datetime(2022, 2, 9, 23, 59, 59, tzinfo=VIETNAM).timestamp())

    compensatory = stub.ComputeDueDate(
        pb.ComputeDueDateRequest(
            received_at=vietnam_time(2021, 12, 31, 15),
            deadline=pb.LegalDeadline(amount=1, unit=pb.DEADLINE_UNIT_WORKING_DAYS),
        ),
        timeout=DEADLINE,
    )
    assert compensatory.due_date == date(pb, 2022, 1, 4)

    by_code = stub.ComputeDueDate(
        pb.ComputeDueDateRequest(received_at=vietnam_time(2022, 1, 28, 10), procedure_code="DEMO-HT-X001"), timeout=DEADLINE
    )
    assert by_code.due_date == date(pb, 2022, 2, 7) and by_code.deadline.amount == 1

    unknown = rpc_error(stub.ComputeDueDate, pb.ComputeDueDateRequest(received_at=vietnam_time(2022, 1, 28), procedure_code="1.999999"))
    assert unknown.code() == grpc.StatusCode.NOT_FOUND
    uncovered = rpc_error(
        stub.ComputeDueDate,
        pb.ComputeDueDateRequest(
            received_at=vietnam_time(2031, 3, 3), deadline=pb.LegalDeadline(amount=3, unit=pb.DEADLINE_UNIT_WORKING_DAYS)
        ),
    )
    assert uncovered.code() == grpc.StatusCode.FAILED_PRECONDITION
    assert_invalid(rpc_error(stub.ComputeDueDate, pb.ComputeDueDateRequest(received_at=vietnam_time(2022, 1, 28))), "deadline_source")


def test_list_calendar_days(stub, pb):
    reply = stub.ListCalendarDays(
        pb.ListCalendarDaysRequest(start_date=date(pb, 2022, 1, 1), end_date=date(pb, 2022, 2, 28)), timeout=DEADLINE
    )
    days = {(d.date.year, d.date.month, d.date.day): d.kind for d in reply.days}
    assert days[(2022, 1, 3)] == pb.CALENDAR_DAY_KIND_COMPENSATORY_DAY_OFF
    assert days[(2022, 1, 31)] == days[(2022, 2, 4)] == pb.CALENDAR_DAY_KIND_PUBLIC_HOLIDAY
    assert len(reply.days) == 7
    assert list(reply.covered_years) == list(range(2021, 2028))
    backwards = pb.ListCalendarDaysRequest(start_date=date(pb, 2022, 2, 1), end_date=date(pb, 2022, 1, 1))
    assert_invalid(rpc_error(stub.ListCalendarDays, backwards), "end_date")


def test_set_calendar_days(rw, pb):
    request = pb.SetCalendarDaysRequest(
        days=[
            pb.CalendarDay(date=date(pb, 2028, 1, 1), kind=pb.CALENDAR_DAY_KIND_PUBLIC_HOLIDAY, name="Tết Dương lịch"),
            pb.CalendarDay(date=date(pb, 2028, 1, 3), kind=pb.CALENDAR_DAY_KIND_COMPENSATORY_DAY_OFF, name="Nghỉ bù Tết Dương lịch"),
        ]
    )
    reply = rw.SetCalendarDays(request, timeout=DEADLINE)
    assert (reply.upserted, reply.removed) == (2, 0)
    due = rw.ComputeDueDate(
        pb.ComputeDueDateRequest(
            received_at=vietnam_time(2027, 12, 31, 10), deadline=pb.LegalDeadline(amount=1, unit=pb.DEADLINE_UNIT_WORKING_DAYS)
        ),
        timeout=DEADLINE,
    )
    assert due.due_date == date(pb, 2028, 1, 4)
    removal = rw.SetCalendarDays(pb.SetCalendarDaysRequest(remove=[date(pb, 2028, 1, 3)]), timeout=DEADLINE)
    assert removal.removed == 1 and removal.sequence == reply.sequence + 1
    on_weekend = pb.SetCalendarDaysRequest(
        days=[pb.CalendarDay(date=date(pb, 2028, 1, 1), kind=pb.CALENDAR_DAY_KIND_SWAPPED_DAY_OFF, name="Nghỉ hoán đổi")]
    )
    assert_invalid(rpc_error(rw.SetCalendarDays, on_weekend), "days[0].kind")


# ---------------------------------------------------------------------------------------------
# change feed


def _reader(call, messages):
    try:
        for message in call:
            messages.put(message)
    except grpc.RpcError as error:
        messages.put(error)


def test_watch_catalog_receives_a_change_after_an_import(rw, pb):
    call = rw.WatchCatalog(pb.WatchCatalogRequest(), timeout=60)
    messages: queue.Queue = queue.Queue()
    reader = threading.Thread(target=_reader, args=(call, messages), daemon=True)
    reader.start()
    try:
        first = messages.get(timeout=DEADLINE)
        assert first.WhichOneof("event") == "started", first
        start = first.started.current_sequence
        assert not first.started.reset_required

        imported = import_rows(pb, rw, [row(pb, "9.100001"), row(pb, "9.100002")])
        assert imported.applied
        changes = [messages.get(timeout=DEADLINE) for _ in range(2)]
        assert [c.WhichOneof("event") for c in changes] == ["change", "change"]
        assert [c.change.sequence for c in changes] == [start + 1, start + 2]
        assert [c.change.procedure_code for c in changes] == ["9.100001", "9.100002"]
        assert all(c.change.action == pb.CHANGE_ACTION_CREATED for c in changes)
    finally:
        call.cancel()
        reader.join(timeout=DEADLINE)

    # A reconnecting client replays what it missed; a negative sequence is INVALID_ARGUMENT.
    replay = rw.WatchCatalog(pb.WatchCatalogRequest(after_sequence=start + 1), timeout=DEADLINE)
    try:
        started = next(replay)
        assert started.started.current_sequence == start + 2
        assert next(replay).change.procedure_code == "9.100002"
    finally:
        replay.cancel()
    negative = rw.WatchCatalog(pb.WatchCatalogRequest(after_sequence=-1), timeout=DEADLINE)
    with pytest.raises(grpc.RpcError) as error:
        next(negative)
    assert_invalid(error.value, "after_sequence")


# ---------------------------------------------------------------------------------------------
# configuration and restart


def test_env_configuration_and_data_survive_a_restart(start_server, tmp_path_factory, monkeypatch, pb):
    data_dir = tmp_path_factory.mktemp("catalog-env") / "catalog"
    first = start_server("catalog-server-first", catalog_argv(data_dir))
    channel, stub = _stub(first)
    with channel:
        assert import_rows(pb, stub, [row(pb, "9.200001")]).applied
    assert first.stop() == 0

    # Configured by the environment alone this time: the same data folder, no options.
    def env_only(port):
        monkeypatch.setenv("MOTCUA_CATALOG_HOST", "127.0.0.1")
        monkeypatch.setenv("MOTCUA_CATALOG_PORT", str(port))
        monkeypatch.setenv("MOTCUA_CATALOG_DATA_DIR", str(data_dir))
        monkeypatch.setenv("MOTCUA_LOG_LEVEL", "info")
        return [str(swift_binary("catalog-server"))]

    second = start_server("catalog-server-env", env_only)
    channel, stub = _stub(second)
    with channel:
        kept = stub.GetProcedure(pb.GetProcedureRequest(code="9.200001"), timeout=DEADLINE)
        assert kept.name == "Cấp giấy phép kiểm thử"
        total = stub.ListProcedures(pb.ListProceduresRequest(page_size=1), timeout=DEADLINE).total_size
        assert total == 1765  # seeded once, not twice
    assert second.stop() == 0
    assert "catalog already seeded" in second.log_path.read_text(errors="replace")
