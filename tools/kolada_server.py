"""A stand-in for Kolada's API v3 on 127.0.0.1, serving real values in v3's shape.

Built from ``../shared/data/real``: the v3 metadata of March 2026 (KPIs, municipalities,
municipality groups with members) and the values of the open-numbers extract (v2, August 2024:
every municipality, län and riket; T, and K/M where the KPI is divided by gender). The pages
themselves are constructed here in the v3 shape that ``docs/kolada.md`` describes (``values``,
``count``, ``next_url``; three genders under one row; ``isdeleted``); a group's value is the
unweighted mean of its members, as Kolada computes it (the extract has no group rows).

Faults for the tests, each for the next ``times`` requests whose path contains ``match``:
``429`` (with ``Retry-After``), ``500``, ``hang`` (answers after ``hang_seconds``), ``drop``
(the connection closes halfway through the body) and ``cut`` (a whole response whose JSON is
cut short). ``revisions`` change or delete values from ``revised_on`` on, for ``from_date``.

``derived`` adds KPIs that Kolada does not have, for load only (bench/kolada.py): each is a
real KPI's values times a factor, under an id of its own, with a title that says it is
synthetic. Used by the tests (``tests/``) and the Kolada benchmark (``bench/``).
"""

from __future__ import annotations

import csv
import json
import threading
import time
from collections import defaultdict
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import parse_qs, unquote, urlencode, urlsplit

from tools.server import ROOT, free_port

# The real data lives beside the checkout (../shared) and is only ever read from there.
REAL_DATA = ROOT.parent / "shared" / "data" / "real"
V3 = REAL_DATA / "rkolada_sysdata" / "flattened_csv"
VALUES = REAL_DATA / "open_numbers_kolada_v2_2024-08"
MAX_LIST = 25


@dataclass
class Fault:
    kind: str
    match: str
    times: int = 1


@dataclass
class Kolada:
    """The data the stand-in serves and what it was asked."""

    page_size: int = 5000
    hang_seconds: float = 3.0
    faults: list[Fault] = field(default_factory=list)
    requests: list[str] = field(default_factory=list)
    # (kpi, area, year, gender) -> new value (None: deleted), and the day it changed
    revisions: dict[tuple[str, str, int, str], float | None] = field(default_factory=dict)
    revised_on: str = "9999-12-31"
    group_values: set[str] = field(default_factory=set)  # groups whose mean is served
    # synthetic KPI id -> (the real KPI it is made from, the factor on its values)
    derived: dict[str, tuple[str, float]] = field(default_factory=dict)
    lock: threading.Lock = field(default_factory=threading.Lock)

    def __post_init__(self) -> None:
        self.kpis = {
            row["id"]: _kpi_metadata(row) for row in _read(V3 / "kolada_kpi_v3_2026-03.csv")
        }
        for kpi, (real, factor) in self.derived.items():
            times = f"{factor:g}".replace(".", ",")
            self.kpis[kpi] = {
                **self.kpis[real],
                "id": kpi,
                "title": f"Syntetiskt, för belastningsprov: {real} × {times}",
                "description": f"Inte ett nyckeltal i Kolada: värdena är {real}:s gånger {times}.",
            }
        self.areas = _read(V3 / "kolada_municipality_v3_2026-03.csv")
        groups: dict[str, dict] = {}
        for row in _read(V3 / "kolada_municipality_groups_members_v3_2026-03.csv"):
            group = groups.setdefault(
                row["group_id"], {"id": row["group_id"], "title": row["group_title"], "members": []}
            )
            group["members"].append({"id": row["member_id"], "title": row["member_title"]})
        self.groups = groups
        self._values: dict[str, dict[tuple[str, int], dict[str, float | None]]] = {}

    def fault(self, path: str) -> str | None:
        with self.lock:
            for fault in self.faults:
                if fault.match in path and fault.times > 0:
                    fault.times -= 1
                    return fault.kind
        return None

    def values(self, kpi: str) -> dict[tuple[str, int], dict[str, float | None]]:
        """(area, year) -> gender -> value, for every municipality, län and riket."""
        if kpi in self.derived and kpi not in self._values:
            real, factor = self.derived[kpi]
            self._values[kpi] = {
                key: {g: None if v is None else round(v * factor, 4) for g, v in genders.items()}
                for key, genders in self.values(real).items()
            }
        if kpi not in self._values:
            rows: dict[tuple[str, int], dict[str, float | None]] = defaultdict(dict)
            name = kpi.lower()
            total = (
                VALUES / "datapoints--by--geo--year" / f"ddf--datapoints--{name}--by--geo--year.csv"
            )
            split = (
                VALUES
                / "datapoints--by--geo--gender--year"
                / f"ddf--datapoints--{name}--by--geo--gender--year.csv"
            )
            for row in _read(total) if total.exists() else []:
                rows[row["geo"], int(row["year"])]["T"] = _number(row[name])
            for row in _read(split) if split.exists() else []:
                rows[row["geo"], int(row["year"])][row["gender"]] = _number(row[name])
            self._values[kpi] = dict(rows)
        return self._values[kpi]

    def data_rows(self, kpi: str, years: list[int], from_date: str | None) -> list[dict]:
        """v3 data objects for every area and group with members among the areas."""
        table = self.values(kpi)
        out = []
        wanted = set(years)
        for (area, year), genders in sorted(table.items()):
            if year in wanted:
                out.append(self._row(kpi, area, year, genders, from_date))
        for group in self.groups.values():
            if group["id"] not in self.group_values:
                continue
            for year in sorted(wanted):
                members = [table.get((m["id"], year), {}).get("T") for m in group["members"]]
                present = [v for v in members if v is not None]
                if present:
                    mean = {"T": sum(present) / len(present)}
                    out.append(self._row(kpi, group["id"], year, mean, from_date, len(present)))
        if from_date is not None:
            out = [row for row in out if row["values"]]
        return out

    def _row(self, kpi, area, year, genders, from_date, count=1) -> dict:
        entries = []
        for gender, value in genders.items():
            key = (kpi, area, year, gender)
            revised = key in self.revisions
            if revised:
                value = self.revisions[key]
            if from_date is not None and not (revised and from_date <= self.revised_on):
                continue
            entries.append(
                {
                    "gender": gender,
                    "count": count,
                    "status": "",
                    "value": value,
                    "isdeleted": revised and value is None,
                }
            )
        return {"kpi": kpi, "municipality": area, "period": year, "values": entries}


class _Handler(BaseHTTPRequestHandler):
    kolada: Kolada

    def log_message(self, *args) -> None:  # the tests read kolada.requests instead
        pass

    def do_GET(self) -> None:
        kolada = self.server.kolada  # type: ignore[attr-defined]
        parts = urlsplit(self.path)
        query = {k: v[-1] for k, v in parse_qs(parts.query).items()}
        path = unquote(parts.path).removeprefix("/v3/").strip("/")
        with kolada.lock:
            kolada.requests.append(self.path)
        fault = kolada.fault(path)
        if fault in ("429", "500"):
            self._send(int(fault), b'{"error": "try again"}', {"Retry-After": "1"})
            return
        if fault == "hang":
            time.sleep(kolada.hang_seconds)
        segments = path.split("/")
        if any(len(s.split(",")) > MAX_LIST for s in segments):
            self._send(400, b'{"error": "too many ids in one list"}')
            return
        try:
            rows = self._rows(kolada, segments, query)
        except KeyError:
            self._send(404, b'{"error": "unknown"}')
            return
        size = min(int(query.get("per_page", 5000)), kolada.page_size)
        page = int(query.get("page", 1))
        chunk = rows[(page - 1) * size : page * size]
        more = page * size < len(rows)
        host = f"http://{self.headers['Host']}"
        next_url = f"{host}/v3/{path}?{urlencode({**query, 'page': page + 1})}" if more else None
        body = json.dumps({"count": len(chunk), "values": chunk, "next_url": next_url}).encode()
        if fault == "cut":
            body = body[: len(body) // 2]
        self._send(200, body, dropped=fault == "drop")

    def _rows(self, kolada: Kolada, segments: list[str], query: dict[str, str]) -> list[dict]:
        kind, ids = segments[0], (segments[1].split(",") if len(segments) > 1 else None)
        if kind == "kpi":
            rows = list(kolada.kpis.values())
            return [kolada.kpis[i] for i in ids if i in kolada.kpis] if ids else rows
        if kind == "municipality":
            return [a for a in kolada.areas if ids is None or a["id"] in ids]
        if kind == "municipality_groups":
            groups = kolada.groups.values()
            title = query.get("title")
            return [
                g
                for g in groups
                if (ids is None or g["id"] in ids) and (title is None or title in g["title"])
            ]
        if kind == "data" and segments[1] == "kpi" and segments[3] == "year":
            years = [int(y) for y in segments[4].split(",")]
            return [
                row
                for kpi in segments[2].split(",")
                for row in kolada.data_rows(kpi, years, query.get("from_date"))
            ]
        raise KeyError(kind)

    def _send(self, status: int, body: bytes, headers=None, *, dropped: bool = False) -> None:
        self.send_response(status)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(body)))
        for name, value in (headers or {}).items():
            self.send_header(name, value)
        self.end_headers()
        self.wfile.write(body[: len(body) // 2] if dropped else body)
        if dropped:
            self.close_connection = True


@contextmanager
def kolada_server(kolada: Kolada | None = None) -> Iterator[tuple[str, Kolada]]:
    """``(base URL ending in /v3, the stand-in)`` for the duration of the block."""
    kolada = kolada or Kolada()
    server = ThreadingHTTPServer(("127.0.0.1", free_port()), _Handler)
    server.kolada = kolada  # type: ignore[attr-defined]
    server.daemon_threads = True
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/v3", kolada
    finally:
        server.shutdown()
        server.server_close()


def _read(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8", newline="") as file:
        return list(csv.DictReader(file))


def _number(text: str) -> float | None:
    return float(text) if text.strip() else None


def _kpi_metadata(row: dict[str, str]) -> dict:
    meta: dict = {k: (v if v != "" else None) for k, v in row.items()}
    for flag in ("is_divided_by_gender", "has_ou_data"):
        meta[flag] = row[flag] == "True"
    return meta
