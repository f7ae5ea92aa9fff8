"""Fixtures for the interop tests: generated stubs, and servers started on free 127.0.0.1 ports.

See interop_harness.py for the environment variables (MOTCUA_BIN_DIR, MOTCUA_INTEROP_IMPL,
MOTCUA_PROTO_DIR).
"""

from __future__ import annotations

import os
import shutil
import sys
import tempfile
from pathlib import Path

import pytest

HERE = Path(__file__).resolve().parent
if str(HERE) not in sys.path:
    sys.path.insert(0, str(HERE))

import interop_harness  # noqa: E402
import interop_protos  # noqa: E402
from interop_harness import ServerProcess, free_port, interop_server_argv, python_tool  # noqa: E402

_stubs_dir: str | None = None


# ---------------------------------------------------------------------------------------------
# session: generate the Python stubs once, into a temporary folder


def pytest_sessionstart(session):
    global _stubs_dir
    _stubs_dir = tempfile.mkdtemp(prefix="motcua-interop-stubs-")
    try:
        interop_protos.generate(Path(_stubs_dir))
    except interop_protos.StubError as error:
        pytest.exit(f"cannot generate the grpc.testing Python stubs: {error}", returncode=1)
    os.environ[interop_protos.STUBS_ENV] = _stubs_dir
    interop_protos.load()


def pytest_sessionfinish(session, exitstatus):
    for server in list(interop_harness._running):
        server.kill()
    if _stubs_dir:
        shutil.rmtree(_stubs_dir, ignore_errors=True)


@pytest.hookimpl(hookwrapper=True)
def pytest_runtest_makereport(item, call):
    outcome = yield
    report = outcome.get_result()
    if report.failed:
        for server in interop_harness._running:
            report.sections.append((f"{server.name} output (last lines)", server.log_tail()))


@pytest.fixture(scope="session")
def log_dir(tmp_path_factory) -> Path:
    return tmp_path_factory.mktemp("server-logs")


@pytest.fixture(scope="session")
def start_server(log_dir):
    """start_server(name, argv_for_port) -> a ready ServerProcess; stopped (exit 0 asserted) by the caller or at the end."""
    started: list[ServerProcess] = []

    def start(name: str, argv_for_port) -> ServerProcess:
        port = free_port()
        server = ServerProcess(name, argv_for_port(port), port, log_dir).start()
        started.append(server)
        return server.wait_ready()

    yield start
    for server in started:
        server.kill()


@pytest.fixture(scope="module")
def interop_server(start_server):
    """The interop server under test (Swift interop-server; interop_server.py in python mode), shared by a module's tests."""
    server = start_server("interop-server", interop_server_argv)
    yield server
    server.stop()


@pytest.fixture(scope="module")
def python_interop_server(start_server):
    """The reference grpcio interop server (interop_server.py), the peer of our interop-client."""
    server = start_server("interop_server.py", lambda port: [*python_tool("interop_server.py"), "--port", str(port)])
    yield server
    server.stop()
