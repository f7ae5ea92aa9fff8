"""Our Swift interop-client against the grpcio reference server (interop_server.py).

Each case runs `interop-client --server_host 127.0.0.1 --server_port N --test_case NAME`
(from MOTCUA_BIN_DIR, default .build/debug); exit status 0 means the case passed.
"""

from __future__ import annotations

import subprocess

import pytest

import interop_client
from interop_harness import REPO_ROOT, child_env, interop_client_argv

CLIENT_TIMEOUT = 45  # seconds for one case, process start included


@pytest.mark.parametrize("case", list(interop_client.CASES))
def test_interop_client_case(python_interop_server, case):
    python_interop_server.ensure_alive()
    argv = interop_client_argv(python_interop_server.port, case)
    try:
        result = subprocess.run(
            argv,
            cwd=REPO_ROOT,
            env=child_env(),
            stdin=subprocess.DEVNULL,
            capture_output=True,
            text=True,
            errors="replace",
            timeout=CLIENT_TIMEOUT,
        )
    except subprocess.TimeoutExpired as timeout:
        pytest.fail(
            f"{' '.join(argv)}\ndid not finish within {CLIENT_TIMEOUT} s (killed)\n"
            f"--- stdout ---\n{_text(timeout.stdout)}\n--- stderr ---\n{_text(timeout.stderr)}",
            pytrace=False,
        )
    if result.returncode != 0:
        pytest.fail(
            f"{' '.join(argv)}\nexited with status {result.returncode}\n"
            f"--- stdout ---\n{result.stdout}\n--- stderr ---\n{result.stderr}",
            pytrace=False,
        )


def _text(data) -> str:
    if data is None:
        return ""
    return data.decode(errors="replace") if isinstance(data, bytes) else data
