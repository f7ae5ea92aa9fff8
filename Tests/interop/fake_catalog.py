"""A minimal stand-in for catalog-server, for the submission tests when no working catalog-server binary is at hand.

It serves what submission-server asks the catalog (GetProcedure, ListProcedures, ListUnits, ListCalendarDays,
WatchCatalog) plus grpc.health.v1, from a handful of fixed procedures and Điện Biên units and a small holiday calendar
covering the years around today. Started in-process on a free 127.0.0.1 port: ``FakeCatalog.start()``.
"""

from __future__ import annotations

import datetime as dt
import threading
from concurrent import futures

import grpc
from grpc_health.v1 import health, health_pb2, health_pb2_grpc

import interop_protos


def _pb():
    return interop_protos.catalog().catalog_pb2


def _procedures(pb):
    wd = pb.DEADLINE_UNIT_WORKING_DAYS
    rows = [
        ("DEMO-HT-X001", "Đăng ký khai sinh", "Hộ tịch", 4, pb.ONLINE_SCHEME_FULL_PROCESS, 1, []),
        ("DEMO-HT-X002", "Đăng ký kết hôn", "Hộ tịch", 3, pb.ONLINE_SCHEME_PARTIAL, 5, [("Lệ phí đăng ký kết hôn", 30000)]),
        ("DEMO-CT-X002", "Chứng thực chữ ký trong các giấy tờ, văn bản", "Chứng thực", 2, pb.ONLINE_SCHEME_NONE, 1, []),
    ]
    result = {}
    for code, name, field, level, scheme, days, fees in rows:
        result[code] = pb.Procedure(
            code=code, name=name, field=field, implementing_level=pb.IMPLEMENTING_LEVEL_COMMUNE, online_level=level,
            online_scheme=scheme, legal_deadline=pb.LegalDeadline(amount=days, unit=wd),
            fees=[pb.Fee(name=n, amount_vnd=a) for n, a in fees], issues_paper_result=True, demo=True,
        )
    return result


def _units(pb):
    d = pb.Date(year=2004, month=1, day=1)
    return [
        pb.Unit(code="11", name="Tỉnh Điện Biên", level=pb.UNIT_LEVEL_PROVINCE, type=pb.UNIT_TYPE_PROVINCE, valid_from=d),
        pb.Unit(code="096", name="Huyện Mường Nhé", level=pb.UNIT_LEVEL_DISTRICT, type=pb.UNIT_TYPE_DISTRICT, parent_code="11", valid_from=d),
        pb.Unit(code="03162", name="Xã Nậm Kè", level=pb.UNIT_LEVEL_COMMUNE, type=pb.UNIT_TYPE_COMMUNE, parent_code="096", valid_from=d),
        pb.Unit(code="03157", name="Xã Chung Chải", level=pb.UNIT_LEVEL_COMMUNE, type=pb.UNIT_TYPE_COMMUNE, parent_code="096", valid_from=d),
        pb.Unit(code="03154", name="Xã Sín Thầu", level=pb.UNIT_LEVEL_COMMUNE, type=pb.UNIT_TYPE_COMMUNE, parent_code="096", valid_from=d),
    ]


def _calendar(pb):
    days = []
    this_year = dt.date.today().year
    for year in range(2021, this_year + 3):
        for month, day, name in ((1, 1, "Tết Dương lịch"), (4, 30, "Ngày Chiến thắng"), (5, 1, "Ngày Quốc tế Lao động"), (9, 2, "Quốc khánh")):
            days.append(pb.CalendarDay(date=pb.Date(year=year, month=month, day=day), kind=pb.CALENDAR_DAY_KIND_PUBLIC_HOLIDAY, name=name))
    return days


class _Servicer:
    def __init__(self, stop: threading.Event):
        pb = _pb()
        self.pb = pb
        self.procedures = _procedures(pb)
        self.units = _units(pb)
        self.days = _calendar(pb)
        self.stop = stop

    def GetProcedure(self, request, context):
        found = self.procedures.get(request.code)
        if found is None:
            context.abort(grpc.StatusCode.NOT_FOUND, f"no procedure {request.code}")
        return found

    def ListProcedures(self, request, context):
        rows = [
            p for p in self.procedures.values()
            if (request.online_level == 0 or p.online_level == request.online_level)
            and (request.implementing_level == 0 or p.implementing_level == request.implementing_level)
        ]
        return self.pb.ListProceduresResponse(procedures=rows[: request.page_size or 50], total_size=len(rows))

    def ListUnits(self, request, context):
        return self.pb.ListUnitsResponse(units=self.units, as_of=request.as_of)

    def ListCalendarDays(self, request, context):
        return self.pb.ListCalendarDaysResponse(days=self.days, covered_years=sorted({d.date.year for d in self.days}))

    def WatchCatalog(self, request, context):
        yield self.pb.WatchCatalogResponse(started=self.pb.WatchStarted(current_sequence=0))
        while context.is_active() and not self.stop.wait(0.2):
            pass


class FakeCatalog:
    """The fake catalog server; ``target`` is its host:port."""

    def __init__(self, port: int = 0):
        self._stop = threading.Event()
        self.server = grpc.server(futures.ThreadPoolExecutor(max_workers=16))
        servicer = _Servicer(self._stop)
        grpc_module = interop_protos.catalog().catalog_pb2_grpc
        handlers = {
            name: getattr(servicer, name)
            for name in ("GetProcedure", "ListProcedures", "ListUnits", "ListCalendarDays", "WatchCatalog")
        }
        generic = grpc_module.CatalogServiceServicer()
        for name, method in handlers.items():
            setattr(generic, name, method)
        grpc_module.add_CatalogServiceServicer_to_server(generic, self.server)
        health_servicer = health.HealthServicer()
        health_servicer.set("", health_pb2.HealthCheckResponse.SERVING)
        health_pb2_grpc.add_HealthServicer_to_server(health_servicer, self.server)
        self.port = self.server.add_insecure_port(f"127.0.0.1:{port}")
        self.target = f"127.0.0.1:{self.port}"

    @classmethod
    def start(cls, port: int = 0) -> "FakeCatalog":
        catalog = cls(port)
        catalog.server.start()
        return catalog

    def stop(self):
        self._stop.set()
        self.server.stop(grace=1).wait(5)


def main() -> None:
    """Serves the stand-in catalog on --port until SIGTERM or SIGINT (for the submission benchmark)."""
    import argparse
    import signal

    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--port", type=int, required=True)
    port = parser.parse_args().port
    catalog = FakeCatalog.start(port)
    print(f"fake catalog serving on {catalog.target}", flush=True)
    done = threading.Event()
    signal.signal(signal.SIGTERM, lambda *_: done.set())
    signal.signal(signal.SIGINT, lambda *_: done.set())
    done.wait()
    catalog.stop()


if __name__ == "__main__":
    main()
