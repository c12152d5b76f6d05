"""``python -m etl kolada fetch``: Kolada's pages for a municipality kept in a folder, exactly as
received, with a manifest that makes a rerun fetch only what is missing or changed.

The folder::

    DIR/manifest.json        what was asked for and which pages answered it
    DIR/pages/*.json         every page, byte for byte as Kolada sent it

A request's pages are written to a temporary name and enter the manifest only when every page
of it has arrived whole, so an interrupted or failed run leaves the folder as the last request
that succeeded left it; the manifest itself is replaced atomically. On a rerun, a request whose
pages are already there is skipped (metadata) or asked again with ``from_date`` = the day it
was last fetched (values), and the answer is kept beside the earlier one: a build reads them in
the order fetched, so a revised value replaces the earlier one and a deleted one removes it.
The KPIs asked again are asked together, up to 25 in one request (those last fetched on the
same day for the same years): a rerun mostly finds nothing changed, so it makes two requests
for 50 KPIs instead of 50 (the answer's entry lists the KPIs' own keys under ``covers``).

What is fetched: the metadata of every municipality (names, län, the ranking's population),
the peer group with its members (``auto``: the "Liknande kommuner, övergripande" group Kolada
lists for the municipality), the model's KPIs' metadata, and their values for the years asked
for. ``/data/kpi/{kpi}/year/{years}`` answers for every area at once: the municipality, riket,
the län, the peer group, its members and every other municipality for the ranking.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import os
import re
import tempfile
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from tqdm import tqdm

from etl.kolada import FORMAT, MANIFEST, PAGES
from etl.kolada.client import MAX_IDS, Client, KoladaError, chunks

PEER_TITLE = "Liknande kommuner, övergripande, {name},"
_UNSAFE = re.compile(r"[^A-Za-z0-9_-]+")


@dataclass(frozen=True)
class Request:
    """One question to Kolada: ``key`` names it in the manifest (the same question on a rerun
    has the same key); ``dates`` says whether Kolada can answer only what changed since a date."""

    key: str
    path: str
    params: dict[str, str] = field(default_factory=dict)
    dates: bool = False
    covers: tuple[str, ...] = ()  # the keys of the questions one request answers together


@dataclass
class Summary:
    """What a fetch did, for the command's last lines."""

    requests: int = 0  # HTTP requests, retries included
    fetched: int = 0  # questions asked (each one or more pages)
    skipped: int = 0  # questions already answered in the folder
    pages: int = 0
    rows: int = 0
    peer_group: str | None = None
    peer_title: str | None = None
    unknown_kpis: list[str] = field(default_factory=list)


def fetch(
    out: Path,
    client: Client,
    *,
    municipality: str,
    kpis: list[str],
    years: list[int],
    peers: str = "auto",
    progress: bool = True,
    now: Callable[[], dt.datetime] = lambda: dt.datetime.now(dt.UTC),
) -> Summary:
    """Fetch into ``out`` what a model of ``kpis`` for ``municipality`` needs."""
    store = Store(out, client.base, now)
    store.check_municipality(municipality)
    summary = Summary()
    with tqdm(desc="Hämtar från Kolada", unit=" frågor", disable=not progress or None) as bar:

        def ask(request: Request) -> list[dict]:
            bar.update(1)
            values = store.answer(client, request, summary)
            bar.set_postfix_str(f"{summary.pages} sidor, {summary.rows} rader")
            return values

        areas = ask(Request("municipality", "municipality"))
        if not any(a.get("id") == municipality for a in areas):
            raise KoladaError(f"Kommunkoden {municipality} finns inte bland Koladas kommuner.")
        group = _peer_group(ask, municipality, areas, peers)
        summary.peer_group, summary.peer_title = group.get("id"), group.get("title")
        known: set[str] = set()
        for part in chunks(store.missing_kpis(kpis), MAX_IDS):
            known |= {
                k.get("id") for k in ask(Request(f"kpi/{','.join(part)}", f"kpi/{','.join(part)}"))
            }
        known |= store.known_kpis()
        summary.unknown_kpis = [k for k in kpis if k not in known]
        asked = _value_requests(store, kpis, years)
        bar.total = bar.n + len(asked)
        for request in asked:
            ask(request)
    store.settle(municipality=municipality, peer_group=summary.peer_group, kpis=kpis, years=years)
    summary.requests = client.requests
    return summary


def _value_requests(store: Store, kpis: list[str], years: list[int]) -> list[Request]:
    """One request per KPI and list of years not fetched before; those fetched before asked
    again together, up to 25 KPIs a request, grouped by the day they were last fetched."""
    fresh: list[Request] = []
    again: dict[tuple[str, str, str], list[str]] = {}
    for part in chunks([str(y) for y in years]):
        span, listed = f"{part[0]}-{part[-1]}", ",".join(part)
        for kpi in kpis:
            key = f"data/{kpi}/{span}"
            last = store.last_fetched(key)
            if last is None:
                fresh.append(Request(key, f"data/kpi/{kpi}/year/{listed}", dates=True))
            else:
                again.setdefault((last[:10], span, listed), []).append(kpi)
    requests = []
    for (_, span, listed), known in again.items():
        for part in chunks(known):
            ids = ",".join(part)
            covers = tuple(f"data/{kpi}/{span}" for kpi in part) if len(part) > 1 else ()
            path = f"data/kpi/{ids}/year/{listed}"
            requests.append(Request(f"data/{ids}/{span}", path, dates=True, covers=covers))
    return requests + fresh


def _peer_group(ask, municipality: str, areas: list[dict], peers: str) -> dict:
    if peers != "auto":
        found = ask(Request(f"municipality_groups/{peers}", f"municipality_groups/{peers}"))
        if not found:
            raise KoladaError(f"Jämförelsegruppen {peers} finns inte i Kolada.")
        return found[0]
    name = next(a.get("title", "") for a in areas if a.get("id") == municipality)
    prefix = PEER_TITLE.format(name=name)
    found = ask(
        Request(f"municipality_groups?title={prefix}", "municipality_groups", {"title": prefix})
    )
    mine = [g for g in found if str(g.get("title", "")).startswith(prefix)]
    if not mine:
        raise KoladaError(
            f"Kolada listar ingen grupp ”{prefix} …” för {name}; ange gruppen med --peers G…."
        )
    # Each edition ends in its year ("…, Säter, 2025"): the newest one.
    return max(mine, key=lambda g: str(g.get("title", "")))


class Store:
    """The folder and its manifest."""

    def __init__(self, out: Path, base: str, now: Callable[[], dt.datetime]):
        self.out = out
        self.now = now
        path = out / MANIFEST
        try:
            out.mkdir(parents=True, exist_ok=True)
            (out / PAGES).mkdir(exist_ok=True)
            self.manifest = json.loads(path.read_text("utf-8")) if path.exists() else None
        except (OSError, json.JSONDecodeError, UnicodeDecodeError) as error:
            raise KoladaError(_storage_problem(path, error)) from None
        if self.manifest is None:
            self.manifest = {"format": FORMAT, "base_url": base, "requests": []}
        elif self.manifest.get("format") != FORMAT:
            raise KoladaError(f"{path} är inte en manifestfil från python -m etl kolada fetch.")

    def check_municipality(self, municipality: str) -> None:
        earlier = self.manifest.setdefault("municipality", municipality)
        if earlier != municipality:
            raise KoladaError(
                f"{self.out} innehåller Kolada-data för kommun {earlier}; använd en annan mapp "
                f"för {municipality}."
            )

    def entries(self, key: str) -> list[dict]:
        return [e for e in self.manifest["requests"] if e["key"] == key]

    def last_fetched(self, key: str) -> str | None:
        """When the question ``key`` was last answered, alone or with others (``covers``)."""
        return max(
            (
                e["fetched_at"]
                for e in self.manifest["requests"]
                if e["key"] == key or key in e.get("covers", ())
            ),
            default=None,
        )

    def missing_kpis(self, kpis: list[str]) -> list[str]:
        asked = {
            k
            for e in self.manifest["requests"]
            if e["key"].startswith("kpi/")
            for k in e["key"][4:].split(",")
        }
        return [k for k in kpis if k not in asked]

    def known_kpis(self) -> set[str]:
        return {
            value.get("id")
            for entry in self.manifest["requests"]
            if entry["key"].startswith("kpi/")
            for value in self.values(entry)
        }

    def values(self, entry: dict) -> list[dict]:
        rows: list[dict] = []
        for page in entry["pages"]:
            rows += json.loads((self.out / page["file"]).read_bytes())["values"]
        return rows

    def answer(self, client: Client, request: Request, summary: Summary) -> list[dict]:
        """The values answering ``request``: from the folder, or fetched and kept. For values
        asked with ``from_date``, only what this answer brought: the earlier pages are not read
        again (at 50 KPIs that was 30 MB of JSON parsed on every rerun, for nothing)."""
        params = dict(request.params)
        if not request.dates:
            earlier = self.entries(request.key)
            if earlier:
                summary.skipped += 1
                return [v for e in earlier for v in self.values(e)]
        else:
            last = [self.last_fetched(key) for key in request.covers or (request.key,)]
            if all(last):
                params["from_date"] = min(last)[:10]
        started = self.now()
        staged: list[tuple[Path, dict]] = []
        values: list[dict] = []
        try:
            for number, page in enumerate(client.pages(request.path, params), start=1):
                name = (
                    f"{_UNSAFE.sub('_', request.key)}--{started:%Y%m%dT%H%M%S%f}--{number:03}.json"
                )
                staged.append(
                    (
                        self._write_temporary(page.body),
                        {
                            "file": f"{PAGES}/{name}",
                            "url": page.url,
                            "sha256": hashlib.sha256(page.body).hexdigest(),
                            "bytes": len(page.body),
                        },
                    )
                )
                values += page.values
            for temporary, page in staged:
                os.replace(temporary, self.out / page["file"])
        except BaseException as error:
            for temporary, _ in staged:
                temporary.unlink(missing_ok=True)
            if isinstance(error, OSError):
                raise KoladaError(_storage_problem(self.out / PAGES, error)) from None
            raise
        entry = {
            "key": request.key,
            "url": staged[0][1]["url"] if staged else None,
            "from_date": params.get("from_date"),
            "fetched_at": started.isoformat(timespec="seconds"),
            "pages": [page for _, page in staged],
            "rows": len(values),
        }
        if request.covers:
            entry["covers"] = list(request.covers)
        self.manifest["requests"].append(entry)
        self._write_manifest()
        summary.fetched += 1
        summary.pages += len(staged)
        summary.rows += len(values)
        return values

    def settle(self, **settings) -> None:
        self.manifest.update(settings)
        self._write_manifest()

    def _write_temporary(self, body: bytes) -> Path:
        try:
            handle, name = tempfile.mkstemp(dir=self.out / PAGES, prefix=".incoming-")
            with os.fdopen(handle, "wb") as file:
                file.write(body)
        except OSError as error:
            raise KoladaError(_storage_problem(self.out / PAGES, error)) from None
        return Path(name)

    def _write_manifest(self) -> None:
        path = self.out / MANIFEST
        text = json.dumps(self.manifest, ensure_ascii=False, indent=1)
        try:
            handle, name = tempfile.mkstemp(dir=self.out, prefix=".manifest-")
            with os.fdopen(handle, "w", encoding="utf-8") as file:
                file.write(text)
                file.flush()
                os.fsync(file.fileno())
            os.replace(name, path)
        except OSError as error:
            raise KoladaError(_storage_problem(path, error)) from None


def _storage_problem(path: Path, error: Exception) -> str:
    if isinstance(error, OSError):
        return f"Kan inte skriva eller läsa {path}: {error.strerror or error}."
    return f"{path} är skadad (inte JSON); ta bort mappen eller välj en annan."
