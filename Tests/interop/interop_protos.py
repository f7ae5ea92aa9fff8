"""Python stubs for grpc.testing and motcua.*, generated from the repo's proto/ at run time (never committed).

The interop protos live at proto/grpc/testing/*.proto with package grpc.testing, so protoc
names the generated modules ``grpc.testing.*_pb2``. ``grpc`` is grpcio's own package, so those
names cannot be imported as they are: the modules are moved into a package of their own,
``motcua_interop_pb``, and their ``from grpc.testing import ...`` lines are rewritten to match.
The descriptors keep their real file names (grpc/testing/*.proto) and full names
(grpc.testing.*), which is what goes over the wire and what reflection serves.

The MotCua protos (proto/motcua/**/*.proto, packages motcua.*) need no renaming: they are
generated into the same folder as they are, so ``motcua.catalog.v1.catalog_pb2`` imports as
itself (``motcua`` is a namespace package there); see ``catalog()``.

Environment:
  MOTCUA_PROTO_DIR           proto root to compile from (default: <repo>/proto)
  MOTCUA_INTEROP_STUBS_DIR   a directory that already holds generated stubs (set by conftest.py
                             so that the subprocesses it starts do not generate them again)
"""

from __future__ import annotations

import atexit
import importlib
import os
import re
import shutil
import subprocess
import sys
import tempfile
import types
from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parents[2]
PACKAGE = "motcua_interop_pb"
STUBS_ENV = "MOTCUA_INTEROP_STUBS_DIR"
PROTO_ENV = "MOTCUA_PROTO_DIR"
REQUIRED = ("empty.proto", "messages.proto", "test.proto")

_IMPORT_RE = re.compile(r"^from grpc\.testing import (\w+) as ", re.MULTILINE)
_loaded: types.SimpleNamespace | None = None


class StubError(RuntimeError):
    pass


def proto_dir() -> Path:
    return Path(os.environ.get(PROTO_ENV) or REPO_ROOT / "proto").resolve()


def generate(out_dir: Path, root: Path | None = None) -> Path:
    """Compiles <root>/grpc/testing/*.proto into <out_dir>/motcua_interop_pb/ and <root>/motcua/**/*.proto
    into <out_dir>/motcua/. Returns out_dir."""
    root = (root or proto_dir()).resolve()
    testing = root / "grpc" / "testing"
    missing = [name for name in REQUIRED if not (testing / name).is_file()]
    if missing:
        raise StubError(
            f"interop protos missing in {testing}: {', '.join(missing)} "
            f"(expected grpc.testing empty/messages/test.proto; set {PROTO_ENV} to use another proto root)"
        )
    protos = sorted(str(p) for p in testing.glob("*.proto"))
    out_dir = Path(out_dir)
    staging = out_dir / "_protoc"
    staging.mkdir(parents=True, exist_ok=True)
    cmd = [
        sys.executable, "-m", "grpc_tools.protoc", "-I", str(root),
        f"--python_out={staging}", f"--grpc_python_out={staging}", *protos,
    ]
    result = subprocess.run(cmd, capture_output=True, text=True, timeout=120)
    if result.returncode != 0:
        raise StubError(
            f"grpc_tools.protoc failed ({result.returncode}):\n{result.stdout}{result.stderr}"
        )
    package = out_dir / PACKAGE
    package.mkdir(exist_ok=True)
    (package / "__init__.py").write_text("# generated at test time from proto/grpc/testing\n")
    for generated in sorted((staging / "grpc" / "testing").glob("*.py")):
        text = _IMPORT_RE.sub(rf"from {PACKAGE} import \1 as ", generated.read_text())
        (package / generated.name).write_text(text)
    shutil.rmtree(staging, ignore_errors=True)
    _generate_motcua(out_dir, root)
    return out_dir


def _generate_motcua(out_dir: Path, root: Path) -> None:
    """Compiles every proto/motcua/**/*.proto into <out_dir>/motcua/... (module names as protoc gives them)."""
    protos = sorted(str(p) for p in (root / "motcua").rglob("*.proto"))
    if not protos:
        return
    cmd = [
        sys.executable, "-m", "grpc_tools.protoc", "-I", str(root),
        f"--python_out={out_dir}", f"--grpc_python_out={out_dir}", *protos,
    ]
    result = subprocess.run(cmd, capture_output=True, text=True, timeout=120)
    if result.returncode != 0:
        raise StubError(
            f"grpc_tools.protoc failed on proto/motcua ({result.returncode}):\n{result.stdout}{result.stderr}"
        )


def _stubs_on_path() -> None:
    """Puts the generated stubs on sys.path, generating them first unless conftest.py already did."""
    stubs_dir = os.environ.get(STUBS_ENV)
    if not stubs_dir:
        stubs_dir = tempfile.mkdtemp(prefix="motcua-interop-stubs-")
        atexit.register(shutil.rmtree, stubs_dir, True)
        generate(Path(stubs_dir))
    if stubs_dir not in sys.path:
        sys.path.insert(0, stubs_dir)


def load() -> types.SimpleNamespace:
    """Returns the generated modules: empty_pb2, messages_pb2, test_pb2, test_pb2_grpc."""
    global _loaded
    if _loaded is not None:
        return _loaded
    _stubs_on_path()
    modules = {
        name: importlib.import_module(f"{PACKAGE}.{name}")
        for name in ("empty_pb2", "messages_pb2", "test_pb2", "test_pb2_grpc")
    }
    _loaded = types.SimpleNamespace(**modules)
    return _loaded


_catalog: types.SimpleNamespace | None = None


def catalog() -> types.SimpleNamespace:
    """Returns the motcua.catalog.v1 modules: catalog_pb2, catalog_pb2_grpc."""
    global _catalog
    if _catalog is None:
        _stubs_on_path()
        _catalog = types.SimpleNamespace(
            catalog_pb2=importlib.import_module("motcua.catalog.v1.catalog_pb2"),
            catalog_pb2_grpc=importlib.import_module("motcua.catalog.v1.catalog_pb2_grpc"),
        )
    return _catalog
