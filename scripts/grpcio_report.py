#!/usr/bin/env python3
"""A stock grpcio client of MotCua: the article's figures straight from the statistics service.

Generates the Python stubs from proto/ with grpc_tools (into a temporary folder, or --stubs DIR to keep them), then
calls StatisticsService.GetReport for the province (unit 11) over 1 January – 16 February 2022 (the period
[2022-01-01, 2022-02-17)) and ListUnitActivity for its 129 communes, and prints the report line and the communes that
received no dossier. Nothing here is MotCua-specific code: any gRPC client generated from proto/ works the same way.

    .venv/bin/python scripts/grpcio_report.py                                  # servers of `make run`
    .venv/bin/python scripts/grpcio_report.py --statistics 127.0.0.1:50053 --json

Needs grpcio and grpcio-tools (both in Tests/interop/requirements.txt, installed into .venv by `make deps`).
"""

from __future__ import annotations

import argparse
import importlib
import json
import subprocess
import sys
import tempfile
from pathlib import Path

import grpc
from google.protobuf import json_format

ROOT = Path(__file__).resolve().parents[1]
PROTO = ROOT / "proto"


def generate_stubs(out: Path) -> None:
    """protoc (from grpc_tools, which adds the well-known types) for every proto/motcua/**/*.proto."""
    protos = sorted(str(p) for p in (PROTO / "motcua").rglob("*.proto") if "testing" not in p.parts)
    subprocess.run(
        [sys.executable, "-m", "grpc_tools.protoc", "-I", str(PROTO), f"--python_out={out}", f"--grpc_python_out={out}", *protos],
        check=True,
    )
    sys.path.insert(0, str(out))


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--statistics", default="127.0.0.1:50053", help="statistics server (default 127.0.0.1:50053)")
    parser.add_argument("--catalog", default="127.0.0.1:50051", help="catalog server, for the district names (default 127.0.0.1:50051)")
    parser.add_argument("--unit", default="11", help="unit code (default 11, the province)")
    parser.add_argument("--json", action="store_true", help="print the two responses as proto3 JSON")
    parser.add_argument("--stubs", help="folder for the generated stubs (default: a temporary folder)")
    args = parser.parse_args()

    with tempfile.TemporaryDirectory(prefix="motcua-stubs-") as temporary:
        out = Path(args.stubs or temporary)
        out.mkdir(parents=True, exist_ok=True)
        generate_stubs(out)
        catalog_pb2 = importlib.import_module("motcua.catalog.v1.catalog_pb2")
        catalog_grpc = importlib.import_module("motcua.catalog.v1.catalog_pb2_grpc")
        stats_pb2 = importlib.import_module("motcua.statistics.v1.statistics_pb2")
        stats_grpc = importlib.import_module("motcua.statistics.v1.statistics_pb2_grpc")

        period = stats_pb2.Period(
            from_date=catalog_pb2.Date(year=2022, month=1, day=1), to_date=catalog_pb2.Date(year=2022, month=2, day=17))
        with grpc.insecure_channel(args.statistics) as channel:
            stats = stats_grpc.StatisticsServiceStub(channel)
            report = stats.GetReport(stats_pb2.GetReportRequest(unit_code=args.unit, period=period), timeout=30)
            activity = stats.ListUnitActivity(
                stats_pb2.ListUnitActivityRequest(
                    parent_code=args.unit, period=period, level=catalog_pb2.UNIT_LEVEL_COMMUNE, only_without_dossier=True,
                    sort=stats_pb2.UNIT_ACTIVITY_SORT_NAME),
                timeout=30)
        with grpc.insecure_channel(args.catalog) as channel:
            units = catalog_grpc.CatalogServiceStub(channel).ListUnits(
                catalog_pb2.ListUnitsRequest(as_of=catalog_pb2.Date(year=2022, month=2, day=16), level=catalog_pb2.UNIT_LEVEL_DISTRICT),
                timeout=30)
        districts = {unit.code: unit.name for unit in units.units}

    if args.json:
        print(json.dumps({
            "report": json_format.MessageToDict(report),
            "activity": json_format.MessageToDict(activity),
        }, ensure_ascii=False, indent=2))
        return 0
    t = report.total
    print(f"{report.unit.name}, 01/01/2022 – 16/02/2022: {t.to_handle:,} dossiers = {t.carried_over:,} carried over "
          f"+ {t.new_total:,} new ({t.new_online} online, {t.online_rate:.2%} of the new ones)")
    print(f"{activity.without_dossier_count} of {activity.unit_count} communes received no dossier:")
    for unit in activity.units:
        print(f"  {unit.unit.code}  {unit.unit.name}  ({districts.get(unit.unit.parent_code, unit.unit.parent_code)})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
