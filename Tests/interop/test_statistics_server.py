"""grpcio against our Swift statistics-server, fed by the real catalog-server and submission-server.

The three binaries come from MOTCUA_BIN_DIR (default .build/debug), each on a free 127.0.0.1 port with a fresh
temporary --data-dir. Dossiers enter through the submission RPCs only: ImportDossiers for a January 2022 history whose
report columns are counted by hand below, SubmitDossier and TransitionDossier for live ones. Every StatisticsService
RPC is called and its numbers checked; statistics-server is killed (SIGKILL) and submission-server restarted while
the feed is being consumed, and the final numbers must not change.

The module is skipped when catalog-server or submission-server is missing or does not serve (a branch where the other
services are placeholders): point MOTCUA_BIN_DIR at a folder with all three binaries to run it.

The January 2022 scenario (period [2022-01-10, 2022-01-20)), commune 03162 Nậm Kè:

| id  | channel         | received | appointment | what happens                                        | in the period          |
|-----|-----------------|----------|-------------|-----------------------------------------------------|------------------------|
| D01 | direct          | 01-05    | 01-12       | resolved 01-11                                      | carried over, early    |
| D02 | online          | 01-11    | 01-13       | apology 01-13 (new date 01-17), resolved 01-14      | late with apology      |
| D03 | postal          | 01-12    | 01-20       | withdrawn 01-13                                     | returned               |
| D04 | direct          | 01-12    | 01-18       | open                                                | in progress, overdue   |
| D05 | online assisted | 01-14    | 01-25       | accepted, open                                      | in progress, within    |
| D06 | direct          | 01-10    | 01-13       | resolved 01-13                                      | on time                |
| D07 | direct          | 01-10    | 01-12       | resolved 01-14                                      | late without apology   |
| D08 | direct          | 01-10    | 01-14→01-19 | supplement 01-12…01-17 (3 working days), resolved 01-19 | on time            |
| D09 | direct          | 01-10    | 01-14       | two supplements (same day each), resolved 01-13     | early (766: late)      |
| D10 | direct          | 01-04    | 01-07       | resolved 01-05                                      | nothing                |
| D11 | direct          | 01-21    | 01-28       | open                                                | nothing (after)        |
| D12 | online          | 01-17    | 01-20       | rejected 01-17                                      | returned               |
| D13 | direct          | 01-10    | 01-12       | supplement requested 01-11, pending                 | in progress, overdue   |

Commune 03157 Chung Chải: D14 direct received 2021-12-20, appointment 01-04, open (carried over, overdue); D15 online
01-11, resolved 01-12 (early); D16 direct 01-13, stopped 01-14 (returned); D17 direct 01-18 of the online-capable
procedure, open (within; an adoption gap).
"""

from __future__ import annotations

import datetime as dt
import importlib
import os
import signal
import subprocess
import threading
import time

import grpc
import pytest
from google.protobuf import timestamp_pb2
from grpc_health.v1 import health_pb2, health_pb2_grpc
from grpc_reflection.v1alpha.proto_reflection_descriptor_database import ProtoReflectionDescriptorDatabase

import interop_protos
from interop_harness import READY_TIMEOUT, ServerProcess, bin_dir, free_port, implementation

DEADLINE = 20.0
SERVICE = "motcua.statistics.v1.StatisticsService"
VIETNAM = dt.timezone(dt.timedelta(hours=7))
CHANNEL_OPTIONS = [("grpc.http2.bdp_probe", 0)]
BINARIES = ("catalog-server", "submission-server", "statistics-server")


def _serves(name: str) -> bool:
    """Whether bin_dir()/name is a real server (its --help names --data-dir; placeholders print nothing)."""
    path = bin_dir() / name
    if not (path.is_file() and os.access(path, os.X_OK)):
        return False
    try:
        result = subprocess.run([str(path), "--help"], capture_output=True, text=True, timeout=30)
    except (OSError, subprocess.TimeoutExpired):
        return False
    return "--data-dir" in result.stdout + result.stderr


_missing = [name for name in BINARIES if not _serves(name)]
pytestmark = [
    pytest.mark.skipif(implementation() == "python", reason="the statistics service has no Python stand-in"),
    pytest.mark.skipif(
        bool(_missing),
        reason=f"{', '.join(_missing)} missing or a placeholder in {bin_dir()} (set MOTCUA_BIN_DIR to a folder with all three servers)",
    ),
]


# ---------------------------------------------------------------------------------------------
# stubs and helpers


def _modules():
    interop_protos.catalog()  # puts the generated stubs on sys.path
    return {
        name: importlib.import_module(f"motcua.{name}")
        for name in (
            "catalog.v1.catalog_pb2", "catalog.v1.catalog_pb2_grpc", "submission.v1.submission_pb2",
            "submission.v1.submission_pb2_grpc", "statistics.v1.statistics_pb2", "statistics.v1.statistics_pb2_grpc",
        )
    }


@pytest.fixture(scope="module")
def cpb():
    return _modules()["catalog.v1.catalog_pb2"]


@pytest.fixture(scope="module")
def spb():
    return _modules()["submission.v1.submission_pb2"]


@pytest.fixture(scope="module")
def pb():
    return _modules()["statistics.v1.statistics_pb2"]


def channel_to(target):
    channel = grpc.insecure_channel(target, options=CHANNEL_OPTIONS)
    grpc.channel_ready_future(channel).result(timeout=DEADLINE)
    return channel


def submission_stub(channel):
    return _modules()["submission.v1.submission_pb2_grpc"].SubmissionServiceStub(channel)


def statistics_stub(channel):
    return _modules()["statistics.v1.statistics_pb2_grpc"].StatisticsServiceStub(channel)


def catalog_stub(channel):
    return _modules()["catalog.v1.catalog_pb2_grpc"].CatalogServiceStub(channel)


def vietnam_time(year, month, day, hour=9, minute=0):
    instant = dt.datetime(year, month, day, hour, minute, tzinfo=VIETNAM)
    return timestamp_pb2.Timestamp(seconds=int(instant.timestamp()))


def date(cpb, year, month, day):
    return cpb.Date(year=year, month=month, day=day)


def period(pb, cpb, start: dt.date, end: dt.date):
    return pb.Period(from_date=date(cpb, start.year, start.month, start.day), to_date=date(cpb, end.year, end.month, end.day))


JAN = (dt.date(2022, 1, 10), dt.date(2022, 1, 20))


def columns(counts):
    """The stored columns of a Counts message as a dict (rates left out)."""
    names = (
        "carried_over", "new_online", "new_direct", "new_postal", "new_assisted", "new_total", "to_handle", "resolved_early",
        "resolved_on_time", "resolved_late", "resolved_late_with_apology", "resolved_late_without_apology", "resolved_total",
        "returned", "in_progress_within", "in_progress_overdue", "in_progress_total",
    )
    return {name: getattr(counts, name) for name in names}


def expect(**values):
    """A full column dict: the given values, the derived totals computed, everything else 0."""
    base = dict.fromkeys(
        ("carried_over", "new_online", "new_direct", "new_postal", "new_assisted", "resolved_early", "resolved_on_time",
         "resolved_late_with_apology", "resolved_late_without_apology", "returned", "in_progress_within",
         "in_progress_overdue"), 0)
    base.update(values)
    base["new_total"] = base["new_online"] + base["new_direct"] + base["new_postal"]
    base["to_handle"] = base["carried_over"] + base["new_total"]
    base["resolved_late"] = base["resolved_late_with_apology"] + base["resolved_late_without_apology"]
    base["resolved_total"] = base["resolved_early"] + base["resolved_on_time"] + base["resolved_late"]
    base["in_progress_total"] = base["in_progress_within"] + base["in_progress_overdue"]
    return base


def assert_identities(counts):
    c = columns(counts)
    assert c["to_handle"] == c["carried_over"] + c["new_total"] == c["resolved_total"] + c["returned"] + c["in_progress_total"], c
    assert c["new_total"] == c["new_online"] + c["new_direct"] + c["new_postal"], c
    assert c["in_progress_total"] == c["in_progress_within"] + c["in_progress_overdue"], c


def sum_columns(rows):
    total = {}
    for row in rows:
        for key, value in columns(row.counts).items():
            total[key] = total.get(key, 0) + value
    return total


EXPECTED_03162 = expect(
    carried_over=1, new_online=3, new_direct=6, new_postal=1, new_assisted=1, resolved_early=2, resolved_on_time=2,
    resolved_late_with_apology=1, resolved_late_without_apology=1, returned=2, in_progress_within=1, in_progress_overdue=2)
EXPECTED_03157 = expect(
    carried_over=1, new_online=1, new_direct=2, resolved_early=1, returned=1, in_progress_within=1, in_progress_overdue=1)


# ---------------------------------------------------------------------------------------------
# the scenario


def step(spb, action, day, hour=10, month=1, year=2022, **extra):
    return spb.ImportedStep(action=action, occurred_at=vietnam_time(year, month, day, hour), **extra)


def scenario_dossiers(spb, cpb, procedures):
    """The ImportedDossier messages of the module docstring's table."""
    A = spb  # actions and channels
    direct, online, postal = A.CHANNEL_DIRECT, A.CHANNEL_ONLINE, A.CHANNEL_POSTAL

    def dossier(source_id, unit, channel, received, due, history, procedure="paper", assisted=False):
        year, month, day = received
        return spb.ImportedDossier(
            source_system="statistics-test", source_id=source_id, procedure_code=procedures[procedure], unit_code=unit,
            channel=channel, assisted_by_staff=assisted,
            applicant=spb.Applicant(full_name="Lò Văn Test", id_number=f"0110950{source_id[1:]:0>5}"),
            received_at=vietnam_time(year, month, day, 8), due_date=date(cpb, *due), history=history)

    start = lambda day: step(spb, A.DOSSIER_ACTION_START_PROCESSING, day, 9)  # noqa: E731
    accept = lambda day: step(spb, A.DOSSIER_ACTION_ACCEPT, day, 9)  # noqa: E731
    resolve = lambda day: step(spb, A.DOSSIER_ACTION_RESOLVE, day, 16)  # noqa: E731
    return [
        dossier("D01", "03162", direct, (2022, 1, 5), (2022, 1, 12), [start(6), resolve(11)]),
        dossier("D02", "03162", online, (2022, 1, 11), (2022, 1, 13), [
            accept(11), step(spb, A.DOSSIER_ACTION_START_PROCESSING, 11, 11),
            step(spb, A.DOSSIER_ACTION_ISSUE_APOLOGY, 13, 15, apology=spb.Apology(new_date=date(cpb, 2022, 1, 17), reason="Chờ xác minh")),
            resolve(14), step(spb, A.DOSSIER_ACTION_RETURN_RESULT, 17)], procedure="online"),
        dossier("D03", "03162", postal, (2022, 1, 12), (2022, 1, 20), [step(spb, A.DOSSIER_ACTION_WITHDRAW, 13)]),
        dossier("D04", "03162", direct, (2022, 1, 12), (2022, 1, 18), [start(12)]),
        dossier("D05", "03162", online, (2022, 1, 14), (2022, 1, 25), [accept(14)], procedure="online", assisted=True),
        dossier("D06", "03162", direct, (2022, 1, 10), (2022, 1, 13), [start(10), resolve(13)]),
        dossier("D07", "03162", direct, (2022, 1, 10), (2022, 1, 12), [start(10), resolve(14)]),
        dossier("D08", "03162", direct, (2022, 1, 10), (2022, 1, 14), [
            start(10), step(spb, A.DOSSIER_ACTION_REQUEST_SUPPLEMENT, 12), step(spb, A.DOSSIER_ACTION_RECEIVE_SUPPLEMENT, 17),
            resolve(19)]),
        dossier("D09", "03162", direct, (2022, 1, 10), (2022, 1, 14), [
            start(10), step(spb, A.DOSSIER_ACTION_REQUEST_SUPPLEMENT, 11, 10), step(spb, A.DOSSIER_ACTION_RECEIVE_SUPPLEMENT, 11, 11),
            step(spb, A.DOSSIER_ACTION_REQUEST_SUPPLEMENT, 12, 10), step(spb, A.DOSSIER_ACTION_RECEIVE_SUPPLEMENT, 12, 11),
            resolve(13)]),
        dossier("D10", "03162", direct, (2022, 1, 4), (2022, 1, 7), [start(4), resolve(5)]),
        dossier("D11", "03162", direct, (2022, 1, 21), (2022, 1, 28), [start(21)]),
        dossier("D12", "03162", online, (2022, 1, 17), (2022, 1, 20), [step(spb, A.DOSSIER_ACTION_REJECT, 17)], procedure="online"),
        dossier("D13", "03162", direct, (2022, 1, 10), (2022, 1, 12), [step(spb, A.DOSSIER_ACTION_REQUEST_SUPPLEMENT, 11)]),
        dossier("D14", "03157", direct, (2021, 12, 20), (2022, 1, 4), [step(spb, A.DOSSIER_ACTION_START_PROCESSING, 21, month=12, year=2021)]),
        dossier("D15", "03157", online, (2022, 1, 11), (2022, 1, 17), [
            accept(11), step(spb, A.DOSSIER_ACTION_START_PROCESSING, 11, 11), resolve(12)], procedure="online"),
        dossier("D16", "03157", direct, (2022, 1, 13), (2022, 1, 24), [start(13), step(spb, A.DOSSIER_ACTION_STOP_PROCESSING, 14)]),
        dossier("D17", "03157", direct, (2022, 1, 18), (2022, 1, 25), [], procedure="online"),
    ]


def import_all(submission, spb, dossiers, batch=500):
    requests = [spb.ImportDossiersRequest(dossiers=dossiers[i:i + batch]) for i in range(0, len(dossiers), batch)]
    response = submission.ImportDossiers(iter(requests), timeout=120)
    assert not response.rejected, [(r.position, r.field, r.reason) for r in response.rejected[:5]]
    return {r.source_id: r.code for r in response.results}


def feed_head(submission, spb):
    call = submission.StreamEvents(spb.StreamEventsRequest(after_sequence=0), timeout=DEADLINE)
    try:
        for message in call:
            return message.started.current_sequence
    finally:
        call.cancel()


def wait_caught_up(statistics, pb, head, timeout=120.0):
    deadline = time.monotonic() + timeout
    status = None
    while time.monotonic() < deadline:
        try:
            status = statistics.GetFeedStatus(pb.GetFeedStatusRequest(), timeout=5)
            if status.applied_sequence >= head:
                return status
        except grpc.RpcError:
            pass
        time.sleep(0.05)
    pytest.fail(f"statistics-server did not reach sequence {head} within {timeout:.0f} s (status: {status})", pytrace=False)


# ---------------------------------------------------------------------------------------------
# servers


def server_argv(name, data_dir, *extra):
    return lambda port: [str(bin_dir() / name), "--port", str(port), "--data-dir", str(data_dir), "--log-level", "info", *extra]


@pytest.fixture(scope="module")
def catalog(start_server, tmp_path_factory):
    server = start_server("catalog-server", server_argv("catalog-server", tmp_path_factory.mktemp("catalog") / "catalog"))
    yield server
    server.stop()


@pytest.fixture(scope="module")
def procedures(catalog, cpb):
    """Commune-level procedures of the catalog: 'online' (online level 4) and 'paper' (online level 2)."""
    with channel_to(catalog.target) as channel:
        stub = catalog_stub(channel)
        online = stub.ListProcedures(
            cpb.ListProceduresRequest(online_level=4, implementing_level=cpb.IMPLEMENTING_LEVEL_COMMUNE, page_size=5), timeout=DEADLINE)
        paper = stub.ListProcedures(
            cpb.ListProceduresRequest(online_level=2, implementing_level=cpb.IMPLEMENTING_LEVEL_COMMUNE, page_size=5), timeout=DEADLINE)
    assert online.procedures and paper.procedures
    return {"online": online.procedures[0].code, "paper": paper.procedures[0].code,
            "online_name": online.procedures[0].name, "online_field": online.procedures[0].field}


@pytest.fixture(scope="module")
def submission(start_server, tmp_path_factory, catalog):
    data_dir = tmp_path_factory.mktemp("submission") / "submission"
    server = start_server("submission-server", server_argv("submission-server", data_dir, "--catalog", catalog.target))
    yield server
    server.stop()


@pytest.fixture(scope="module")
def scenario(submission, spb, cpb, procedures):
    """Imports the January 2022 scenario; returns its dossier codes by id."""
    with channel_to(submission.target) as channel:
        codes = import_all(submission_stub(channel), spb, scenario_dossiers(spb, cpb, procedures))
    assert len(codes) == 17
    return codes


@pytest.fixture(scope="module")
def statistics_server(start_server, tmp_path_factory, catalog, submission, scenario):
    data_dir = tmp_path_factory.mktemp("statistics") / "statistics"
    server = start_server(
        "statistics-server",
        server_argv("statistics-server", data_dir, "--catalog", catalog.target, "--submission", submission.target))
    yield server
    server.stop()


@pytest.fixture
def stats(statistics_server, submission, pb, spb):
    """A StatisticsService stub, once the server has applied every event the submission service has."""
    statistics_server.ensure_alive()
    with channel_to(submission.target) as channel:
        head = feed_head(submission_stub(channel), spb)
    with channel_to(statistics_server.target) as channel:
        stub = statistics_stub(channel)
        wait_caught_up(stub, pb, head)
        yield stub


def report_request(pb, cpb, unit, span=JAN, breakdown=0):
    return pb.GetReportRequest(unit_code=unit, period=period(pb, cpb, *span), breakdown=breakdown)


# ---------------------------------------------------------------------------------------------
# health and reflection


def test_health_and_reflection(statistics_server):
    with grpc.insecure_channel(statistics_server.target) as channel:
        reply = health_pb2_grpc.HealthStub(channel).Check(health_pb2.HealthCheckRequest(service=SERVICE), timeout=DEADLINE)
        assert reply.status == health_pb2.HealthCheckResponse.SERVING
        assert SERVICE in ProtoReflectionDescriptorDatabase(channel).get_services()


# ---------------------------------------------------------------------------------------------
# GetReport


def test_the_supplement_moved_the_appointment(submission, spb, scenario):
    """D08's appointment moved from 01-14 by the 3 working days of its pause (01-13, 01-14, 01-17) to 01-19."""
    with channel_to(submission.target) as channel:
        dossier = submission_stub(channel).GetDossier(spb.GetDossierRequest(code=scenario["D08"]), timeout=DEADLINE)
    assert (dossier.due_date.year, dossier.due_date.month, dossier.due_date.day) == (2022, 1, 19)


def test_report_commune_every_column(stats, pb, cpb):
    report = stats.GetReport(report_request(pb, cpb, "03162"), timeout=DEADLINE)
    assert report.unit.name == "Xã Nậm Kè" and report.unit.parent_code == "096"
    assert columns(report.total) == EXPECTED_03162
    assert report.total.online_rate == pytest.approx(0.3)
    assert report.total.on_time_rate == pytest.approx(4 / 6)
    assert_identities(report.total)
    assert report.as_of_sequence > 0 and not report.rows


def test_report_district_by_commune_sums_to_the_district(stats, pb, cpb):
    report = stats.GetReport(report_request(pb, cpb, "096", breakdown=pb.BREAKDOWN_CHILD_UNIT), timeout=DEADLINE)
    assert [row.key for row in report.rows] == sorted(row.key for row in report.rows)
    assert len(report.rows) == 11  # the 11 communes of Mường Nhé, all listed
    by_code = {row.key: row for row in report.rows}
    assert columns(by_code["03162"].counts) == EXPECTED_03162
    assert columns(by_code["03157"].counts) == EXPECTED_03157
    assert columns(by_code["03154"].counts) == expect()
    assert sum_columns(report.rows) == columns(report.total)
    for row in report.rows:
        assert_identities(row.counts)


def test_report_province_breakdowns_sum_to_the_total(stats, pb, cpb):
    plain = stats.GetReport(report_request(pb, cpb, "11"), timeout=DEADLINE)
    expected_total = {key: EXPECTED_03162[key] + EXPECTED_03157[key] for key in EXPECTED_03162}
    assert columns(plain.total) == expected_total
    for breakdown in (pb.BREAKDOWN_CHILD_UNIT, pb.BREAKDOWN_COMMUNE, pb.BREAKDOWN_FIELD, pb.BREAKDOWN_ONLINE_LEVEL, pb.BREAKDOWN_ONLINE_SCHEME):
        report = stats.GetReport(report_request(pb, cpb, "11", breakdown=breakdown), timeout=DEADLINE)
        assert columns(report.total) == expected_total, breakdown
        assert sum_columns(report.rows) == expected_total, breakdown
    communes = stats.GetReport(report_request(pb, cpb, "11", breakdown=pb.BREAKDOWN_COMMUNE), timeout=DEADLINE)
    assert len(communes.rows) == 129 and all(row.kind == pb.ROW_KIND_COMMUNE for row in communes.rows)
    assert columns({row.key: row for row in communes.rows}["03162"].counts) == EXPECTED_03162
    levels = stats.GetReport(report_request(pb, cpb, "03162", breakdown=pb.BREAKDOWN_ONLINE_LEVEL), timeout=DEADLINE)
    by_level = {row.key: row.counts for row in levels.rows}
    assert set(by_level) == {"2", "4"}
    assert by_level["4"].new_online == 3 and by_level["4"].resolved_late_with_apology == 1
    assert by_level["2"].new_direct == 6 and by_level["2"].new_postal == 1


# ---------------------------------------------------------------------------------------------
# ListUnitActivity


def test_unit_activity_of_the_129_communes_in_one_call(stats, pb, cpb):
    request = pb.ListUnitActivityRequest(
        parent_code="11", period=period(pb, cpb, *JAN), level=cpb.UNIT_LEVEL_COMMUNE, sort=pb.UNIT_ACTIVITY_SORT_NEW_TOTAL,
        descending=True)
    response = stats.ListUnitActivity(request, timeout=DEADLINE)
    assert response.unit_count == 129 and len(response.units) == 129
    assert response.without_dossier_count == 127
    assert response.without_online_dossier_count == 127
    assert [u.unit.code for u in response.units[:2]] == ["03162", "03157"]
    assert all(u.no_dossier for u in response.units[2:])
    assert response.units[0].counts.new_total == 10 and response.units[1].counts.new_total == 3
    assert columns(response.parent_counts)["to_handle"] == 11 + 4
    only = stats.ListUnitActivity(
        pb.ListUnitActivityRequest(
            parent_code="096", period=period(pb, cpb, *JAN), only_without_dossier=True, sort=pb.UNIT_ACTIVITY_SORT_NAME),
        timeout=DEADLINE)
    assert only.unit_count == 11 and only.without_dossier_count == 9 and len(only.units) == 9
    names = [u.unit.name for u in only.units]
    assert "Xã Sín Thầu" in names and "Xã Nậm Kè" not in names


# ---------------------------------------------------------------------------------------------
# GetTimeSeries


def test_time_series_by_day_week_and_month(stats, pb, cpb):
    days = stats.GetTimeSeries(pb.GetTimeSeriesRequest(unit_code="03162", period=period(pb, cpb, *JAN)), timeout=DEADLINE)
    assert len(days.points) == 10
    by_day = {p.start.day: p for p in days.points}
    assert by_day[10].new_direct == 5  # D06, D07, D08, D09, D13
    assert by_day[11].new_online == 1 and by_day[12].new_postal == 1 and by_day[12].new_direct == 1
    assert by_day[14].new_assisted == 1 and by_day[17].returned == 1
    assert sum(p.new_total for p in days.points) == 10
    assert sum(p.resolved_total for p in days.points) == 6
    assert days.points[-1].in_progress_total == 3
    weeks = stats.GetTimeSeries(
        pb.GetTimeSeriesRequest(unit_code="03162", period=period(pb, cpb, *JAN), granularity=pb.GRANULARITY_WEEK), timeout=DEADLINE)
    assert [(p.start.day, p.end.day) for p in weeks.points] == [(10, 17), (17, 20)]
    assert [p.new_total for p in weeks.points] == [9, 1]
    months = stats.GetTimeSeries(
        pb.GetTimeSeriesRequest(
            unit_code="096", period=period(pb, cpb, dt.date(2021, 12, 1), dt.date(2022, 2, 1)), granularity=pb.GRANULARITY_MONTH),
        timeout=DEADLINE)
    assert [p.new_total for p in months.points] == [1, 16]  # D14 in December; the other 16 in January


# ---------------------------------------------------------------------------------------------
# GetServiceIndex


def test_service_index_766(stats, pb, cpb):
    index = stats.GetServiceIndex(pb.GetServiceIndexRequest(unit_code="03162", period=period(pb, cpb, *JAN)), timeout=DEADLINE)
    by_code = {i.code: i for i in index.indicators}
    assert list(by_code) == ["2.1", "3.1", "3.2", "3.3", "3.6"]
    on_time = by_code["2.1"]
    assert (on_time.numerator, on_time.denominator) == (7, 11)  # late: D02, D04, D07, D09 (two supplement requests)
    assert on_time.points == pytest.approx(20 * 7 / 11)
    online = by_code["3.3"]
    assert (online.numerator, online.denominator, online.threshold) == (3, 10, 0.5)
    assert online.points == pytest.approx(0.3 / 0.5 * online.max_points)
    assert by_code["3.2"].numerator == 1  # one online-capable procedure with online dossiers
    assert by_code["3.1"].denominator > 0 and 0 < by_code["3.1"].numerator <= by_code["3.1"].denominator
    for indicator in index.indicators:
        expected = indicator.max_points if indicator.rate >= indicator.threshold else indicator.rate * indicator.max_points / indicator.threshold
        assert indicator.points == pytest.approx(expected)
    assert index.points == pytest.approx(sum(i.points for i in index.indicators))
    assert index.not_supported


# ---------------------------------------------------------------------------------------------
# GetAdoptionGaps


def test_adoption_gaps(stats, pb, cpb, procedures):
    gaps = stats.GetAdoptionGaps(pb.GetAdoptionGapsRequest(unit_code="11", period=period(pb, cpb, *JAN)), timeout=DEADLINE)
    assert [c.unit.code for c in gaps.communes] == ["03157"]
    gap = gaps.communes[0]
    assert (gap.rank, gap.in_person_online_capable, gap.online, gap.new_total) == (1, 1, 1, 3)
    assert gap.online_share == pytest.approx(0.5)
    assert [p.procedure_code for p in gap.procedures] == [procedures["online"]]
    assert gap.procedures[0].procedure_name == procedures["online_name"]
    assert gap.procedures[0].online_level == 4 and gap.procedures[0].in_person == 1
    assert gaps.total_in_person_online_capable == 1
    everyone = stats.GetAdoptionGaps(
        pb.GetAdoptionGapsRequest(unit_code="096", period=period(pb, cpb, *JAN), include_without_gap=True), timeout=DEADLINE)
    assert len(everyone.communes) == 11 and everyone.communes[0].unit.code == "03157"


# ---------------------------------------------------------------------------------------------
# GetFeedStatus, errors


def test_feed_status(stats, pb, submission):
    status = stats.GetFeedStatus(pb.GetFeedStatusRequest(), timeout=DEADLINE)
    assert status.state == pb.FEED_STATE_FOLLOWING
    assert status.applied_sequence == status.head_sequence > 0
    assert status.dossiers >= 17
    assert status.submission_address == submission.target
    assert status.last_applied_at.seconds > 0


def test_errors_name_the_field(stats, pb, cpb):
    def error(call, request):
        with pytest.raises(grpc.RpcError) as info:
            call(request, timeout=DEADLINE)
        return info.value

    bad = error(stats.GetReport, pb.GetReportRequest(unit_code="03162"))
    assert bad.code() == grpc.StatusCode.INVALID_ARGUMENT and bad.details().startswith("period:")
    bad = error(stats.GetReport, pb.GetReportRequest(unit_code="3162", period=period(pb, cpb, *JAN)))
    assert bad.code() == grpc.StatusCode.INVALID_ARGUMENT and bad.details().startswith("unit_code:")
    bad = error(stats.GetTimeSeries, pb.GetTimeSeriesRequest(unit_code="03162", period=period(pb, cpb, JAN[1], JAN[0])))
    assert bad.code() == grpc.StatusCode.INVALID_ARGUMENT and bad.details().startswith("period.to_date:")
    bad = error(stats.GetServiceIndex, pb.GetServiceIndexRequest(unit_code="99999", period=period(pb, cpb, *JAN)))
    assert bad.code() == grpc.StatusCode.NOT_FOUND
    bad = error(stats.ListUnitActivity, pb.ListUnitActivityRequest(
        parent_code="03162", period=period(pb, cpb, *JAN), level=cpb.UNIT_LEVEL_DISTRICT))
    assert bad.code() == grpc.StatusCode.INVALID_ARGUMENT and bad.details().startswith("level:")
    bad = error(stats.GetAdoptionGaps, pb.GetAdoptionGapsRequest(unit_code="11", period=period(pb, cpb, *JAN), procedure_limit=101))
    assert bad.code() == grpc.StatusCode.INVALID_ARGUMENT and bad.details().startswith("procedure_limit:")


# ---------------------------------------------------------------------------------------------
# live submissions and WatchReport


def test_live_submissions_and_watch_report(stats, pb, cpb, spb, submission, statistics_server, procedures):
    """SubmitDossier and TransitionDossier today in Sín Thầu (03154); WatchReport pushes each change."""
    with channel_to(submission.target) as channel:
        sub = submission_stub(channel)

        def submit(request_id, procedure, channel_kind):
            return sub.SubmitDossier(spb.SubmitDossierRequest(
                caller="statistics-test", request_id=request_id, procedure_code=procedures[procedure], unit_code="03154",
                channel=channel_kind, applicant=spb.Applicant(full_name="Sùng A Dế", id_number="011095009999")),
                timeout=DEADLINE).dossier

        first = submit("live-1", "paper", spb.CHANNEL_DIRECT)
        today = dt.date(first.received_on.year, first.received_on.month, first.received_on.day)
        span = (today, today + dt.timedelta(days=1))
        received = []
        call = stats.WatchReport(pb.WatchReportRequest(report=report_request(pb, cpb, "03154", span=span), min_interval_ms=100), timeout=60)

        def read():
            try:
                for message in call:
                    received.append(message)
            except grpc.RpcError:
                pass

        reader = threading.Thread(target=read, daemon=True)
        reader.start()
        deadline = time.monotonic() + DEADLINE
        while not received and time.monotonic() < deadline:
            time.sleep(0.05)
        assert received and received[0].revision == 1

        second = submit("live-2", "online", spb.CHANNEL_ONLINE)
        started = sub.TransitionDossier(spb.TransitionDossierRequest(
            code=first.code, action=spb.DOSSIER_ACTION_START_PROCESSING, expected_version=1, actor="cb-xa"), timeout=DEADLINE)
        sub.TransitionDossier(spb.TransitionDossierRequest(
            code=first.code, action=spb.DOSSIER_ACTION_RESOLVE, expected_version=started.dossier.version, actor="cb-xa"),
            timeout=DEADLINE)
        third = submit("live-3", "paper", spb.CHANNEL_DIRECT)
        sub.TransitionDossier(spb.TransitionDossierRequest(
            code=third.code, action=spb.DOSSIER_ACTION_WITHDRAW, expected_version=1, actor="cb-xa"), timeout=DEADLINE)
        assert second.code

        want = expect(new_online=1, new_direct=2, resolved_early=1, returned=1, in_progress_within=1)
        deadline = time.monotonic() + DEADLINE
        while time.monotonic() < deadline and not (received and columns(received[-1].report.total) == want):
            time.sleep(0.05)
        call.cancel()
        reader.join(timeout=5)
    assert columns(received[-1].report.total) == want
    revisions = [m.revision for m in received]
    assert revisions == list(range(1, len(revisions) + 1)) and len(revisions) >= 2
    report = stats.GetReport(report_request(pb, cpb, "03154", span=span), timeout=DEADLINE)
    assert columns(report.total) == want


# ---------------------------------------------------------------------------------------------
# crashes and restarts during feed consumption


def bulk_dossiers(spb, cpb, procedures, count, prefix):
    """`count` dossiers over 2021 in 12 communes, each with a few steps: a feed of about 3 × count events."""
    communes = ["03124", "03127", "03154", "03157", "03162", "03172", "03217", "03253", "03319", "03384", "03302", "03174"]
    dossiers = []
    for index in range(count):
        day = dt.date(2021, 1, 4) + dt.timedelta(days=index % 300)
        unit = communes[index % len(communes)]
        online = index % 5 == 0
        channel = spb.CHANNEL_ONLINE if online else spb.CHANNEL_DIRECT if index % 7 else spb.CHANNEL_POSTAL
        t = lambda days, hour: vietnam_time(*(day + dt.timedelta(days=days)).timetuple()[:3], hour)  # noqa: E731
        history = []
        if channel != spb.CHANNEL_DIRECT:
            history.append(spb.ImportedStep(action=spb.DOSSIER_ACTION_ACCEPT, occurred_at=t(0, 10)))
        history.append(spb.ImportedStep(action=spb.DOSSIER_ACTION_START_PROCESSING, occurred_at=t(1, 9)))
        if index % 3:
            history.append(spb.ImportedStep(action=spb.DOSSIER_ACTION_RESOLVE, occurred_at=t(2 + index % 9, 15)))
        due = day + dt.timedelta(days=6)
        dossiers.append(spb.ImportedDossier(
            source_system="bulk", source_id=f"{prefix}-{index}", procedure_code=procedures["online" if online else "paper"],
            unit_code=unit, channel=channel, applicant=spb.Applicant(full_name="Bulk", id_number=f"B{index:08d}"),
            received_at=t(0, 8), due_date=date(cpb, due.year, due.month, due.day), history=history))
    return dossiers


def province_fingerprint(stub, pb, cpb):
    """The province report of 2021 by commune and by field, as plain data."""
    span = (dt.date(2021, 1, 1), dt.date(2022, 1, 1))
    result = []
    for breakdown in (pb.BREAKDOWN_CHILD_UNIT, pb.BREAKDOWN_FIELD):
        report = stub.GetReport(report_request(pb, cpb, "11", span=span, breakdown=breakdown), timeout=DEADLINE)
        result.append((columns(report.total), [(row.key, tuple(columns(row.counts).values())) for row in report.rows]))
    activity = stub.ListUnitActivity(
        pb.ListUnitActivityRequest(parent_code="11", period=period(pb, cpb, *span), level=cpb.UNIT_LEVEL_COMMUNE), timeout=DEADLINE)
    result.append([(u.unit.code, tuple(columns(u.counts).values())) for u in activity.units])
    return result


@pytest.fixture(scope="module")
def bulk_submission(start_server, tmp_path_factory, catalog, spb, cpb, procedures):
    """A submission-server of its own with about 18,000 events of 2021, and its data folder."""
    data_dir = tmp_path_factory.mktemp("bulk-submission") / "submission"
    argv = server_argv("submission-server", data_dir, "--catalog", catalog.target)
    server = start_server("submission-server-bulk", argv)
    with channel_to(server.target) as channel:
        stub = submission_stub(channel)
        import_all(stub, spb, bulk_dossiers(spb, cpb, procedures, 6000, "bulk"))
        head = feed_head(stub, spb)
    assert head > 15_000
    yield server, argv, head
    if server.process is not None and server.process.poll() is None:
        server.stop()


@pytest.fixture(scope="module")
def bulk_reference(start_server, tmp_path_factory, catalog, bulk_submission, pb, cpb):
    """The numbers of an uninterrupted statistics-server over the bulk feed."""
    server, _, head = bulk_submission
    data_dir = tmp_path_factory.mktemp("statistics-reference") / "statistics"
    stats = start_server("statistics-reference", server_argv(
        "statistics-server", data_dir, "--catalog", catalog.target, "--submission", server.target))
    with channel_to(stats.target) as channel:
        stub = statistics_stub(channel)
        wait_caught_up(stub, pb, head)
        fingerprint = province_fingerprint(stub, pb, cpb)
    stats.stop()
    return fingerprint


def test_statistics_server_killed_during_consumption_gives_the_same_numbers(
    start_server, log_dir, tmp_path_factory, catalog, bulk_submission, bulk_reference, pb, cpb
):
    server, _, head = bulk_submission
    data_dir = tmp_path_factory.mktemp("statistics-killed") / "statistics"
    argv = server_argv("statistics-server", data_dir, "--catalog", catalog.target, "--submission", server.target)
    killed_at = []
    for attempt in range(3):
        port = free_port()
        stats = ServerProcess(f"statistics-killed-{attempt}", argv(port), port, log_dir).start()
        stats.wait_ready()
        with channel_to(stats.target) as channel:
            stub = statistics_stub(channel)
            deadline = time.monotonic() + 60
            applied = 0
            while time.monotonic() < deadline:
                applied = stub.GetFeedStatus(pb.GetFeedStatusRequest(), timeout=5).applied_sequence
                if applied > 0:
                    break
                time.sleep(0.01)
        stats.process.send_signal(signal.SIGKILL)
        stats.process.wait(timeout=10)
        stats.kill()
        killed_at.append(applied)
    # The first kill hit the middle of the catch-up.
    assert 0 < killed_at[0] < head, killed_at
    stats = start_server("statistics-after-kills", argv)
    with channel_to(stats.target) as channel:
        stub = statistics_stub(channel)
        status = wait_caught_up(stub, pb, head)
        assert status.applied_sequence == head
        assert province_fingerprint(stub, pb, cpb) == bulk_reference
    stats.stop()


def test_submission_server_restarted_during_consumption_gives_the_same_numbers(
    start_server, log_dir, tmp_path_factory, catalog, bulk_submission, bulk_reference, pb, cpb
):
    server, submission_argv, head = bulk_submission
    data_dir = tmp_path_factory.mktemp("statistics-resumed") / "statistics"
    stats = start_server("statistics-resumed", server_argv(
        "statistics-server", data_dir, "--catalog", catalog.target, "--submission", server.target))
    with channel_to(stats.target) as channel:
        stub = statistics_stub(channel)
        deadline = time.monotonic() + 60
        while stub.GetFeedStatus(pb.GetFeedStatusRequest(), timeout=5).applied_sequence == 0 and time.monotonic() < deadline:
            time.sleep(0.01)
        # SIGKILL the submission-server mid-feed, then start it again on the same port and data.
        server.process.send_signal(signal.SIGKILL)
        server.process.wait(timeout=10)
        server.kill()
        middle = stub.GetFeedStatus(pb.GetFeedStatusRequest(), timeout=5)
        assert middle.applied_sequence < head, "the feed was consumed before the submission-server went down"
        time.sleep(0.5)
        restarted = ServerProcess("submission-server-restarted", submission_argv(server.port), server.port, log_dir).start()
        restarted.wait_ready()
        status = wait_caught_up(stub, pb, head)
        assert status.applied_sequence == head and status.connections >= 2
        assert province_fingerprint(stub, pb, cpb) == bulk_reference
    stats.stop()
    restarted.stop()


def test_sigterm_with_an_open_watch_exits_promptly(start_server, tmp_path_factory, catalog, submission, pb, cpb):
    data_dir = tmp_path_factory.mktemp("statistics-watch") / "statistics"
    stats = start_server("statistics-watch", server_argv(
        "statistics-server", data_dir, "--catalog", catalog.target, "--submission", submission.target))
    with channel_to(stats.target) as channel:
        stub = statistics_stub(channel)
        call = stub.WatchReport(pb.WatchReportRequest(report=report_request(pb, cpb, "11")), timeout=60)
        first = next(call)
        assert first.revision == 1
        started = time.monotonic()
        stats.stop(timeout=8)  # asserts exit status 0
        assert time.monotonic() - started < 8
        call.cancel()
