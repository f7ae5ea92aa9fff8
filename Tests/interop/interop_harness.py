"""Helpers shared by conftest.py and the interop tests: binaries, ports, server processes.

Environment:
  MOTCUA_BIN_DIR        where the Swift executables are (default .build/debug; relative paths
                        are taken from the repo root)
  MOTCUA_INTEROP_IMPL   swift (default): the Swift interop-server / interop-client are under test;
                        python: the Python interop_server.py / interop_client.py stand in for them,
                        which checks the test logic itself (make interop-selfcheck)
  MOTCUA_PROTO_DIR      proto root to generate the grpc.testing stubs from (default <repo>/proto)
"""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import time
from pathlib import Path

import grpc
import pytest

import interop_protos

HERE = Path(__file__).resolve().parent

REPO_ROOT = interop_protos.REPO_ROOT
LOOPBACK = "127.0.0.1"
READY_TIMEOUT = 30.0  # seconds for a server to accept connections and report SERVING
STOP_TIMEOUT = 10.0  # seconds for a server to exit after SIGTERM

_running: list["ServerProcess"] = []  # started and not yet stopped


def implementation() -> str:
    impl = os.environ.get("MOTCUA_INTEROP_IMPL", "swift").strip().lower() or "swift"
    if impl not in ("swift", "python"):
        raise pytest.UsageError(f"MOTCUA_INTEROP_IMPL must be swift or python, not {impl!r}")
    return impl


def bin_dir() -> Path:
    path = Path(os.environ.get("MOTCUA_BIN_DIR") or ".build/debug")
    return path if path.is_absolute() else REPO_ROOT / path


def swift_binary(name: str) -> Path:
    path = bin_dir() / name
    if not (path.is_file() and os.access(path, os.X_OK)):
        pytest.fail(
            f"{path} does not exist: build it first (swift build --build-tests, as make test does), "
            "or point MOTCUA_BIN_DIR at the folder that holds it",
            pytrace=False,
        )
    return path


def python_tool(script: str) -> list[str]:
    return [sys.executable, str(HERE / script)]


def child_env() -> dict[str, str]:
    env = dict(os.environ)
    env["PYTHONUNBUFFERED"] = "1"  # the stubs folder is in os.environ once conftest made it
    return env


def free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind((LOOPBACK, 0))
        return sock.getsockname()[1]


# ---------------------------------------------------------------------------------------------
# servers


class ServerProcess:
    """A server started on 127.0.0.1:port, its output in a log file."""

    def __init__(self, name: str, argv: list[str], port: int, log_dir: Path):
        self.name = name
        self.argv = argv
        self.port = port
        self.log_path = log_dir / f"{name}-{port}.log"
        self.process: subprocess.Popen | None = None

    @property
    def target(self) -> str:
        return f"{LOOPBACK}:{self.port}"

    def start(self) -> "ServerProcess":
        with open(self.log_path, "wb") as log:
            self.process = subprocess.Popen(
                self.argv,
                cwd=REPO_ROOT,
                env=child_env(),
                stdin=subprocess.DEVNULL,
                stdout=log,
                stderr=subprocess.STDOUT,
                start_new_session=True,
            )
        _running.append(self)
        return self

    def log_tail(self, lines: int = 60) -> str:
        try:
            text = self.log_path.read_text(errors="replace")
        except OSError:
            return "(no output)"
        tail = text.splitlines()[-lines:]
        return "\n".join(tail) if tail else "(no output)"

    def _fail(self, message: str):
        pytest.fail(f"{self.name}: {message}\ncommand: {' '.join(self.argv)}\n--- output ---\n{self.log_tail()}", pytrace=False)

    def wait_ready(self, timeout: float = READY_TIMEOUT) -> "ServerProcess":
        """Waits until the port accepts connections and grpc.health.v1 Check("") is SERVING."""
        from grpc_health.v1 import health_pb2, health_pb2_grpc

        deadline = time.monotonic() + timeout
        last = "no connection yet"
        accepting = False
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                self._remove()
                self._fail(f"exited with status {self.process.returncode} before it was ready")
            if not accepting:
                try:
                    socket.create_connection((LOOPBACK, self.port), timeout=1).close()
                    accepting = True
                except OSError as error:
                    last = f"connect: {error}"
                    time.sleep(0.1)
                    continue
            try:
                with grpc.insecure_channel(self.target) as channel:
                    stub = health_pb2_grpc.HealthStub(channel)
                    reply = stub.Check(health_pb2.HealthCheckRequest(service=""), timeout=2)
                if reply.status == health_pb2.HealthCheckResponse.SERVING:
                    return self
                last = f"health Check(\"\") = {health_pb2.HealthCheckResponse.ServingStatus.Name(reply.status)}"
            except grpc.RpcError as error:
                last = f"health Check(\"\") failed: {error.code().name} {error.details()!r}"
            time.sleep(0.2)
        self.kill()
        self._fail(f"not ready on {self.target} within {timeout:.0f} s ({last})")

    def ensure_alive(self) -> "ServerProcess":
        """Fails at once (with its output) if the server has exited, instead of waiting on RPCs."""
        if self.process is not None and self.process.poll() is not None:
            self._remove()
            self._fail(f"has exited (status {self.process.returncode}) while the tests were using it")
        return self

    def stop(self, timeout: float = STOP_TIMEOUT) -> int:
        """SIGTERM, then waits; fails the test unless it exits 0 within the timeout."""
        if self.process is None:
            return 0
        if self.process.poll() is not None:
            self._remove()
            self._fail(f"had already exited (status {self.process.returncode}) before SIGTERM")
        self.process.send_signal(signal.SIGTERM)
        try:
            code = self.process.wait(timeout=timeout)
        except subprocess.TimeoutExpired:
            code = None
        if code is None:
            self.kill()
            self._fail(f"still running {timeout:.0f} s after SIGTERM (killed)")
        self._remove()
        if code != 0:
            self._fail(f"exited with status {code} after SIGTERM, expected 0")
        return code

    def kill(self) -> None:
        if self.process is not None and self.process.poll() is None:
            self.process.kill()
            try:
                self.process.wait(timeout=5)
            except subprocess.TimeoutExpired:
                pass
        self._remove()

    def _remove(self) -> None:
        if self in _running:
            _running.remove(self)


def interop_server_argv(port: int) -> list[str]:
    if implementation() == "python":
        return [*python_tool("interop_server.py"), "--port", str(port)]
    return [str(swift_binary("interop-server")), "--port", str(port)]


def interop_client_argv(port: int, case: str) -> list[str]:
    args = ["--server_host", LOOPBACK, "--server_port", str(port), "--test_case", case]
    if implementation() == "python":
        return [*python_tool("interop_client.py"), *args]
    return [str(swift_binary("interop-client")), *args]
