"""The suite end to end, exactly as `make run` starts it: scripts/run-suite.sh with the debug executables of
MOTCUA_BIN_DIR, three free ports and a temporary data directory.

The first start loads the DEMO province through the public RPCs (`motcua demo load`: 37,582 dossiers of October 2021 –
April 2022 with their histories through ImportDossiers, six live ones through SubmitDossier; about 156,000 events,
loaded and applied by statistics in well under a minute with debug builds). The article's figures are then checked
through the CLI's --json output and through a grpcio client: for 1 January – 16 February 2022 the province report
shows 8,479 dossiers (carried over from 2021 plus new), a handful online, 17 of the 129 communes without any dossier
(Nậm Kè, Chung Chải, Sín Thầu, Phì Nhừ, Mường Lói, Thanh Xương and Nà Tấu among them), Tìa Dình and Phường Him Lam
with exactly one, Xuân Lao and Nậm Khăn with a few. Then the suite is stopped (SIGINT, as Ctrl-C: the three servers
get SIGTERM and must exit 0) and started again on the same data: nothing is loaded again and every figure is the same.
"""

from __future__ import annotations

import importlib
import json
import os
import re
import signal
import subprocess
import sys
import time
from pathlib import Path

import grpc
import pytest

import interop_protos
from interop_harness import REPO_ROOT, bin_dir, free_port, implementation

BINARIES = ("catalog-server", "submission-server", "statistics-server", "motcua")
SCRIPT = REPO_ROOT / "scripts" / "run-suite.sh"
READY_LINE = "run-suite: running:"
FIRST_START_TIMEOUT = 420.0  # the demo load with debug builds on a busy machine
RESTART_TIMEOUT = 90.0
DEADLINE = 30.0
PERIOD = ("2022-01-01", "2022-02-16")  # the CLI's inclusive --from/--to: the statistics period [2022-01-01, 2022-02-17)

NAMED_WITHOUT_DOSSIER = {  # the article's names, with their GSO codes (domain brief, section 5)
    "03162": "Xã Nậm Kè", "03157": "Xã Chung Chải", "03154": "Xã Sín Thầu", "03208": "Xã Phì Nhừ",
    "03367": "Xã Mường Lói", "03334": "Xã Thanh Xương", "03316": "Xã Nà Tấu",
}
TIA_DINH, HIM_LAM, XUAN_LAO, NAM_KHAN = "03384", "03127", "03302", "03174"
COLUMNS = (
    "carried_over", "new_online", "new_direct", "new_postal", "new_assisted", "new_total", "to_handle", "resolved_early",
    "resolved_on_time", "resolved_late", "resolved_late_with_apology", "resolved_late_without_apology", "resolved_total",
    "returned", "in_progress_within", "in_progress_overdue", "in_progress_total",
)


def _missing() -> list[str]:
    return [name for name in BINARIES if not (bin_dir() / name).is_file() or not os.access(bin_dir() / name, os.X_OK)]


pytestmark = [
    pytest.mark.skipif(implementation() == "python", reason="the suite has no Python stand-in"),
    pytest.mark.skipif(bool(_missing()), reason=f"{', '.join(_missing())} missing in {bin_dir()} (set MOTCUA_BIN_DIR)"),
    pytest.mark.timeout(900),
]


# ---------------------------------------------------------------------------------------------
# the suite, as make run starts it


class Suite:
    """scripts/run-suite.sh in the background, its output in a log file."""

    def __init__(self, data_dir: Path, ports: dict[str, int], log_dir: Path):
        self.data_dir = data_dir
        self.ports = ports
        self.log_dir = log_dir
        self.process: subprocess.Popen | None = None
        self.log_path: Path | None = None
        self.starts = 0
        self.server_pids: set[int] = set()

    def address(self, name: str) -> str:
        return f"127.0.0.1:{self.ports[name]}"

    @property
    def env(self) -> dict[str, str]:
        env = dict(os.environ)
        env.update({
            "MOTCUA_CATALOG_ADDRESS": self.address("catalog"), "MOTCUA_SUBMISSION_ADDRESS": self.address("submission"),
            "MOTCUA_STATISTICS_ADDRESS": self.address("statistics"), "PYTHONUNBUFFERED": "1",
        })
        return env

    def output(self) -> str:
        return self.log_path.read_text(errors="replace") if self.log_path and self.log_path.exists() else ""

    def fail(self, message: str):
        tail = "\n".join(self.output().splitlines()[-60:])
        logs = ""
        for name in ("catalog", "submission", "statistics"):
            path = self.data_dir / "logs" / f"{name}.log"
            if path.exists():
                logs += f"\n--- {path.name} (last lines) ---\n" + "\n".join(path.read_text(errors="replace").splitlines()[-15:])
        pytest.fail(f"{message}\n--- run-suite.sh output ---\n{tail}{logs}", pytrace=False)

    def start(self, timeout: float) -> float:
        """Starts the script and waits for its ready line; returns the seconds it took."""
        self.starts += 1
        self.log_path = self.log_dir / f"run-suite-{self.starts}.log"
        argv = [
            "bash", str(SCRIPT), "--bin-dir", str(bin_dir()), "--data-dir", str(self.data_dir),
            "--catalog-port", str(self.ports["catalog"]), "--submission-port", str(self.ports["submission"]),
            "--statistics-port", str(self.ports["statistics"]), "--log-level", "info",
        ]
        began = time.monotonic()
        with open(self.log_path, "wb") as log:
            self.process = subprocess.Popen(
                argv, cwd=REPO_ROOT, env=self.env, stdin=subprocess.DEVNULL, stdout=log, stderr=subprocess.STDOUT,
                start_new_session=True)
        while time.monotonic() - began < timeout:
            text = self.output()
            self.server_pids.update(int(pid) for pid in re.findall(r"\(pid (\d+)\)", text))
            if READY_LINE in text:
                return time.monotonic() - began
            if self.process.poll() is not None:
                self.fail(f"run-suite.sh exited with status {self.process.returncode} before it was ready")
            time.sleep(0.25)
        self.stop(timeout=30, check=False)
        self.fail(f"run-suite.sh was not ready within {timeout:.0f} s")

    def stop(self, timeout: float = 60.0, check: bool = True) -> int:
        """SIGINT, as Ctrl-C in the terminal: the script stops the three servers (SIGTERM) and exits."""
        if self.process is None or self.process.poll() is not None:
            return self.process.returncode if self.process else 0
        self.process.send_signal(signal.SIGINT)
        try:
            code = self.process.wait(timeout=timeout)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait(timeout=10)
            self.kill_servers()
            if check:
                self.fail(f"run-suite.sh still running {timeout:.0f} s after SIGINT (killed)")
            return -1
        if check and code != 0:
            self.fail(f"run-suite.sh exited with status {code} after SIGINT, expected 0")
        return code

    def kill_servers(self) -> None:
        for pid in self.server_pids:
            try:
                os.kill(pid, signal.SIGKILL)
            except ProcessLookupError:
                pass

    def motcua(self, *args: str) -> str:
        result = subprocess.run(
            [str(bin_dir() / "motcua"), *args], cwd=REPO_ROOT, env=self.env, capture_output=True, text=True, timeout=300)
        if result.returncode != 0:
            pytest.fail(f"motcua {' '.join(args)} exited {result.returncode}: {result.stderr.strip()}", pytrace=False)
        return result.stdout

    def motcua_json(self, *args: str):
        return json.loads(self.motcua("--json", *args))


@pytest.fixture(scope="module")
def suite(tmp_path_factory):
    root = tmp_path_factory.mktemp("demo-suite")
    ports = {name: free_port() for name in ("catalog", "submission", "statistics")}
    suite = Suite(root / "data", ports, root)
    suite.first_start_seconds = suite.start(FIRST_START_TIMEOUT)
    yield suite
    try:
        suite.stop(check=False)
    finally:
        suite.kill_servers()


# ---------------------------------------------------------------------------------------------
# grpcio stubs generated from proto/


def _modules():
    interop_protos.catalog()  # puts the generated stubs on sys.path
    return {
        name: importlib.import_module(f"motcua.{name}")
        for name in ("catalog.v1.catalog_pb2", "statistics.v1.statistics_pb2", "statistics.v1.statistics_pb2_grpc",
                     "submission.v1.submission_pb2", "submission.v1.submission_pb2_grpc")
    }


def statistics_stub(channel):
    return _modules()["statistics.v1.statistics_pb2_grpc"].StatisticsServiceStub(channel)


def article_period():
    cpb, pb = _modules()["catalog.v1.catalog_pb2"], _modules()["statistics.v1.statistics_pb2"]
    return pb.Period(from_date=cpb.Date(year=2022, month=1, day=1), to_date=cpb.Date(year=2022, month=2, day=17))


def columns(counts) -> dict[str, int]:
    return {name: getattr(counts, name) for name in COLUMNS}


def camel(name: str) -> str:
    head, *rest = name.split("_")
    return head + "".join(part.title() for part in rest)


def fingerprint(suite: Suite):
    """Everything the article's picture is made of, plus breakdowns, as plain data (grpcio)."""
    pb, cpb = _modules()["statistics.v1.statistics_pb2"], _modules()["catalog.v1.catalog_pb2"]
    result = {}
    with grpc.insecure_channel(suite.address("statistics")) as channel:
        stub = statistics_stub(channel)
        for breakdown in (pb.BREAKDOWN_UNSPECIFIED, pb.BREAKDOWN_CHILD_UNIT, pb.BREAKDOWN_ONLINE_LEVEL, pb.BREAKDOWN_FIELD):
            report = stub.GetReport(pb.GetReportRequest(unit_code="11", period=article_period(), breakdown=breakdown), timeout=DEADLINE)
            result[f"report-{breakdown}"] = (columns(report.total), [(row.key, tuple(columns(row.counts).values())) for row in report.rows])
        activity = stub.ListUnitActivity(
            pb.ListUnitActivityRequest(parent_code="11", period=article_period(), level=cpb.UNIT_LEVEL_COMMUNE), timeout=DEADLINE)
        result["activity"] = [(u.unit.code, u.no_dossier, tuple(columns(u.counts).values())) for u in activity.units]
        year = pb.Period(from_date=cpb.Date(year=2021, month=10, day=1), to_date=cpb.Date(year=2022, month=5, day=1))
        series = stub.GetTimeSeries(pb.GetTimeSeriesRequest(unit_code="11", period=year, granularity=pb.GRANULARITY_MONTH), timeout=DEADLINE)
        result["series"] = [(p.new_total, p.new_online, p.resolved_total, p.in_progress_total) for p in series.points]
        status = stub.GetFeedStatus(pb.GetFeedStatusRequest(), timeout=DEADLINE)
        result["feed"] = (status.applied_sequence, status.dossiers)
    return result


# ---------------------------------------------------------------------------------------------
# the first start


def test_first_start_loads_the_demo_and_prints_the_picture(suite):
    output = suite.output()
    assert "loading the DEMO province" in output
    assert "Demo province loaded" in output and "37,582 dossiers imported" in output
    assert "8,479 dossiers = " in output and "17 of 129 communes received no dossier" in output
    for name in NAMED_WITHOUT_DOSSIER.values():
        assert name in output
    assert "motcua stats report 11" in output and "scripts/grpcio_report.py" in output
    for name in ("catalog", "submission", "statistics"):
        assert (suite.data_dir / name / f"{name}.sqlite").is_file()
    assert (suite.data_dir / ".demo-loaded").is_file()
    print(f"first start (debug build, demo loaded): {suite.first_start_seconds:.1f} s")


def test_loading_again_adds_nothing(suite):
    """demo load is idempotent (source ids, request ids); its summary gives the columns statistics must show."""
    head = suite.motcua_json("stats", "feed")["appliedSequence"]
    summary = suite.motcua_json("demo", "load", "--no-wait")
    assert summary["imported"] == 0 and summary["alreadyImported"] == 37_582
    assert all(live["replayed"] for live in summary["live"]) and len(summary["live"]) == 6
    assert suite.motcua_json("stats", "feed", "--wait")["appliedSequence"] == head
    suite.expected = summary["article"]["expected"]
    assert suite.expected["toHandle"] == "8479"


# ---------------------------------------------------------------------------------------------
# the article's figures through the CLI's --json output


def test_article_figures_through_the_cli(suite):
    report = suite.motcua_json("stats", "report", "11", "--from", PERIOD[0], "--to", PERIOD[1])
    total = report["total"]
    assert report["unit"]["name"] == "Tỉnh Điện Biên"
    assert report["period"]["toDate"] == {"year": 2022, "month": 2, "day": 17}
    assert total["toHandle"] == "8479"
    assert int(total["carriedOver"]) + int(total["newTotal"]) == 8_479
    assert int(total["carriedOver"]) > 0
    assert 0 < int(total["newOnline"]) <= 10 and total["onlineRate"] < 0.005  # a handful online
    expected = getattr(suite, "expected", None) or suite.motcua_json("demo", "load", "--no-wait")["article"]["expected"]
    assert {camel(name): total[camel(name)] for name in COLUMNS} == {camel(name): expected[camel(name)] for name in COLUMNS}

    activity = suite.motcua_json(
        "stats", "activity", "11", "--level", "commune", "--from", PERIOD[0], "--to", PERIOD[1], "--without-dossier")
    assert activity["unitCount"] == 129 and activity["withoutDossierCount"] == 17 and len(activity["units"]) == 17
    codes = {unit["unit"]["code"]: unit["unit"]["name"] for unit in activity["units"]}
    assert NAMED_WITHOUT_DOSSIER.items() <= codes.items()
    everyone = suite.motcua_json("stats", "activity", "11", "--level", "commune", "--from", PERIOD[0], "--to", PERIOD[1])
    received = {unit["unit"]["code"]: int(unit["counts"]["newTotal"]) for unit in everyone["units"]}
    assert received[TIA_DINH] == 1 and received[HIM_LAM] == 1
    assert 2 <= received[XUAN_LAO] <= 4 and 2 <= received[NAM_KHAN] <= 4
    assert sum(1 for value in received.values() if value == 0) == 17

    picture = suite.motcua_json("demo", "picture")
    assert picture["total"]["toHandle"] == "8479" and picture["withoutDossierCount"] == 17
    assert {unit["code"] for unit in picture["withoutDossier"]} == set(codes)


# ---------------------------------------------------------------------------------------------
# ... and through a grpcio client


def test_article_figures_through_grpcio(suite):
    pb, cpb = _modules()["statistics.v1.statistics_pb2"], _modules()["catalog.v1.catalog_pb2"]
    with grpc.insecure_channel(suite.address("statistics")) as channel:
        stub = statistics_stub(channel)
        report = stub.GetReport(pb.GetReportRequest(unit_code="11", period=article_period()), timeout=DEADLINE)
        assert report.total.to_handle == 8_479 == report.total.carried_over + report.total.new_total
        assert 0 < report.total.new_online <= 10
        if getattr(suite, "expected", None):
            assert {camel(k): str(v) for k, v in columns(report.total).items()} == {camel(k): suite.expected[camel(k)] for k in COLUMNS}
        by_level = stub.GetReport(
            pb.GetReportRequest(unit_code="11", period=article_period(), breakdown=pb.BREAKDOWN_ONLINE_LEVEL), timeout=DEADLINE)
        online_by_level = {row.key: row.counts.new_online for row in by_level.rows}
        assert online_by_level.get("3", 0) + online_by_level.get("4", 0) == report.total.new_online  # online only at 3/4
        activity = stub.ListUnitActivity(
            pb.ListUnitActivityRequest(
                parent_code="11", period=article_period(), level=cpb.UNIT_LEVEL_COMMUNE, only_without_dossier=True,
                sort=pb.UNIT_ACTIVITY_SORT_NAME),
            timeout=DEADLINE)
        assert (activity.unit_count, activity.without_dossier_count, len(activity.units)) == (129, 17, 17)
        assert set(NAMED_WITHOUT_DOSSIER) <= {unit.unit.code for unit in activity.units}
        few = stub.ListUnitActivity(pb.ListUnitActivityRequest(parent_code="101", period=article_period()), timeout=DEADLINE)
        tia_dinh = next(unit for unit in few.units if unit.unit.code == TIA_DINH)
        assert tia_dinh.unit.name == "Xã Tìa Dình" and tia_dinh.counts.new_total == 1 and tia_dinh.counts.new_online == 1
    # The README's stock grpcio example (stubs generated from proto/ by grpc_tools) says the same.
    result = subprocess.run(
        [sys.executable, str(REPO_ROOT / "scripts" / "grpcio_report.py"), "--statistics", suite.address("statistics"),
         "--catalog", suite.address("catalog"), "--json"],
        cwd=REPO_ROOT, capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stderr
    example = json.loads(result.stdout)
    assert example["report"]["total"]["toHandle"] == "8479"
    assert example["activity"]["withoutDossierCount"] == 17


# ---------------------------------------------------------------------------------------------
# stop (Ctrl-C) and start again: same data, nothing reloaded, same figures


def test_restart_reuses_the_data_and_keeps_the_figures(suite):
    before = fingerprint(suite)
    suite.stop()  # asserts exit status 0 (every server exited 0 after SIGTERM)
    stopped = suite.output()
    assert "stopping the three servers" in stopped and "every server exited 0" in stopped
    seconds = suite.start(RESTART_TIMEOUT)
    output = suite.output()
    assert "reusing the data" in output and "loading the DEMO province" not in output
    assert "8,479 dossiers = " in output
    after = fingerprint(suite)
    assert after == before
    report = suite.motcua_json("stats", "report", "11", "--from", PERIOD[0], "--to", PERIOD[1])
    assert report["total"]["toHandle"] == "8479"
    print(f"second start (debug build, data reused): {seconds:.1f} s")
    suite.stop()
