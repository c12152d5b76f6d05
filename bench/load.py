"""Load and capacity of the public pages: concurrent sessions through nginx, 1 and 2 replicas.

    python -m bench.load --db PATH [--label example|large] [--seconds 30] [--think 0]
                         [--phases 1:1,1:5,1:10,2:10,2:25,2:25:swap] [--base COMMIT]

A benchmark, not a test. The replicas are started by deploy/run-replica.sh in public mode and
put behind Debian's nginx with deploy/nginx/rod-trad.conf (tools/proxy.py), all on loopback.
Each phase ``R:S`` runs S sessions (bench/load_client.py: Streamlit's protocol over its
WebSocket, no browser) against R replicas for ``--seconds``; ``:swap`` also swaps the public
warehouse under the replicas halfway (a copy of the file put in its place with
``os.replace``, as a build does, so that every replica sees a new warehouse version).

First ``--warm`` seconds of clicks that are not reported, as on a server that has been up a
while (the caches hold what the pages read most). A session opens the start page, then clicks
as a resident would, with ``--think`` seconds between clicks (0: at once, the most load the
sessions can make): an area on the start page, a goal of the area, an indicator of the goal, on
the indicator's page another kind of period ("Visa värden per") when there are several, then
back to the start page.

Reported per phase: latency p50/p95 per kind of click (from the click to the end of its run),
errors (exceptions, the crash message, "hittades inte", timeouts), lost sessions (a closed
WebSocket, a new session in place of the old), the replicas' CPU per interaction (utime + stime
from /proc/<pid>/stat over the phase, divided by the interactions it ran) and capacity
(interactions per second over the phase). ``--base COMMIT`` measures the code at that commit in
the same run, before the working tree, and the report shows both with their ratios. Written to
``bench/out/load-<label>.md``.
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import datetime as dt
import os
import random
import shutil
import subprocess
import tempfile
import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

import warehouse
from bench.generate import OUT, ROOT
from bench.incremental import checkout
from bench.load_client import LostSession, Page, Session, timed
from bench.run import Log, log_progress, percentile, save_report
from tools.proxy import nginx, start_replica
from tools.server import free_port, stop, wait_healthy

PHASES = "1:1,1:5,1:10,2:10,2:25,2:25:swap"
KINDS = ("area", "goal", "indicator", "period", "start")
# The page a click on each page leads to next (the page's URL path → the link's page).
NEXT = {"": "omrade", "omrade": "mal", "mal": "indikator", "indikator": ""}
KIND_OF = {"omrade": "area", "mal": "goal", "indikator": "indicator", "": "start"}
TARGETS = {"cpu_ms": 60.0, "p95_s": 1.0}


@dataclass(frozen=True)
class Phase:
    replicas: int
    sessions: int
    swap: bool = False

    @property
    def name(self) -> str:
        swap = ", warehouse swap" if self.swap else ""
        return f"{self.replicas} × {self.sessions}{swap}"


def parse_phases(text: str) -> list[Phase]:
    phases = []
    for part in text.split(","):
        replicas, sessions, *rest = part.strip().split(":")
        phases.append(Phase(int(replicas), int(sessions), rest == ["swap"]))
    return phases


@dataclass
class Result:
    phase: Phase
    seconds: float = 0.0
    clicks: list[tuple[str, float]] = field(default_factory=list)
    # With one session on one replica, each click's own CPU (nothing else runs on the replica).
    click_cpu: list[tuple[str, float]] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)
    lost: int = 0
    cpu_seconds: float = 0.0
    client_cpu_seconds: float = 0.0  # this process's, on the same cores as the replicas
    opened: int = 0
    open_seconds: list[float] = field(default_factory=list)
    swapped_at: float | None = None
    clicks_after_swap: int = 0
    load: float = 0.0

    @property
    def interactions(self) -> int:
        return len(self.clicks)

    def latency(self, q: float, kind: str | None = None) -> float:
        return percentile([s for k, s in self.clicks if kind in (None, k)], q)

    @property
    def cpu_ms(self) -> float:
        return 1000 * self.cpu_seconds / self.interactions if self.interactions else float("nan")

    def click_cpu_ms(self, q: float, kind: str | None = None) -> float:
        return 1000 * percentile([s for k, s in self.click_cpu if kind in (None, k)], q)

    @property
    def capacity(self) -> float:
        return self.interactions / self.seconds if self.seconds else float("nan")


# --- one resident ----------------------------------------------------------------------------


async def resident(
    number: int, base_url: str, result: Result, go: asyncio.Event, stop_at: list[float],
    think: float, cpu_of: int | None = None,
) -> None:  # fmt: skip
    """One session: open the start page, wait for ``go``, then click until ``stop_at[0]``.
    ``cpu_of``: the pid of the one replica, whose CPU each click is then measured by."""
    rng = random.Random(number)
    session = Session(base_url)
    try:
        start, page = await timed(session.open())
        result.open_seconds.append(start)
        _note_problems(result, "open", page)
        result.opened += 1
        await go.wait()
        picked_here = False
        while time.monotonic() < stop_at[0]:
            kind, action = _next_click(session, page, rng, picked_here)
            picked_here = kind == "period"
            cpu_before = cpu_seconds(cpu_of) if cpu_of else 0.0
            seconds, page = await timed(action)
            result.clicks.append((kind, seconds))
            if cpu_of:
                result.click_cpu.append((kind, cpu_seconds(cpu_of) - cpu_before))
            if result.swapped_at is not None:
                result.clicks_after_swap += 1
            _note_problems(result, kind, page)
            if think:
                await asyncio.sleep(rng.uniform(0.5 * think, 1.5 * think))
    except LostSession as lost:
        result.lost += 1
        result.errors.append(f"session {number}: {lost}")
    except TimeoutError:
        result.errors.append(f"session {number}: no answer within the timeout")
    except Exception as problem:  # anything else that stops a session is an error to report
        result.errors.append(f"session {number}: {type(problem).__name__}: {problem}")
    finally:
        with contextlib.suppress(Exception):
            await session.close()


def _next_click(session: Session, page: Page, rng: random.Random, picked_here: bool):
    """The next click on ``page``: another period kind once per indicator page, else the link
    to the next page of the walk (a random one of them), else back to the start page."""
    if page.choices and not picked_here:
        choice = page.choices[0]
        current = session.picked.get(choice.widget_id, choice.selected)
        options = [o for o in choice.options if o != current]
        option = rng.choice(options)
        session.picked[choice.widget_id] = option
        return "period", session.pick(choice, option)
    wanted = NEXT.get(session.page_name, "")
    links = [link for link in page.links if link.page == wanted]
    if not links:
        wanted = ""
        links = [link for link in page.links if link.page == ""] or page.links
    return KIND_OF.get(wanted, "start"), session.follow(rng.choice(links))


def _note_problems(result: Result, kind: str, page: Page) -> None:
    result.errors.extend(f"{kind}: {problem}" for problem in page.problems)


# --- one phase -------------------------------------------------------------------------------


def cpu_seconds(pid: int) -> float:
    """utime + stime of the process (all its threads: Streamlit's and DuckDB's)."""
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def swap_warehouse(public_db: Path) -> None:
    """Put a copy of the public warehouse in its place, as a build swaps in a new one."""
    building = warehouse.files.building_path(public_db)
    try:
        warehouse.files.copy(public_db, building)
        warehouse.files.swap_in(building, public_db)
    finally:
        warehouse.files.discard(building)


async def run_phase(
    phase: Phase, base_url: str, pids: list[int], public_db: Path, seconds: float, think: float
) -> Result:
    result = Result(phase)
    go = asyncio.Event()
    stop_at = [float("inf")]
    alone = pids[0] if len(pids) == 1 and phase.sessions == 1 else None
    tasks = [
        asyncio.create_task(resident(n, base_url, result, go, stop_at, think, alone))
        for n in range(phase.sessions)
    ]
    while result.opened + len(result.errors) < phase.sessions and not all(t.done() for t in tasks):
        await asyncio.sleep(0.05)
    before = sum(cpu_seconds(pid) for pid in pids)
    client_before = time.process_time()
    start = time.monotonic()
    stop_at[0] = start + seconds
    go.set()
    if phase.swap:
        await asyncio.sleep(seconds / 2)
        await asyncio.to_thread(swap_warehouse, public_db)
        result.swapped_at = time.monotonic() - start
    await asyncio.gather(*tasks)
    result.seconds = time.monotonic() - start
    result.cpu_seconds = sum(cpu_seconds(pid) for pid in pids) - before
    result.client_cpu_seconds = time.process_time() - client_before
    result.load = os.getloadavg()[0]
    return result


# --- replicas behind nginx -------------------------------------------------------------------


@contextlib.contextmanager
def replicas(code: Path, db: Path, count: int, logs: Path) -> Iterator[list[tuple[int, int]]]:
    """``count`` public replicas of the checkout ``code`` on ``db``: (port, pid) of each."""
    with contextlib.ExitStack() as stack:
        started = []
        for _ in range(count):
            port = free_port()
            log = stack.enter_context((logs / f"replica-{port}.log").open("wb"))
            process = start_replica(port, db, "public", root=code, output=log)
            stack.callback(stop, process)
            started.append((port, process))
        for port, process in started:
            wait_healthy(f"http://127.0.0.1:{port}", process, timeout=120)
        yield [(port, process.pid) for port, process in started]


def measure_code(
    code: Path, db: Path, phases: list[Phase], seconds: float, think: float, warm: float, log: Log
) -> list[Result]:
    results = []
    public_db = warehouse.files.public_path(db)
    with tempfile.TemporaryDirectory(prefix="rod-trad-load-") as tmp:
        tmp_path = Path(tmp)
        count = max(p.replicas for p in phases)
        with replicas(code, db, count, tmp_path) as running:
            if warm:
                # A server that has been up a while: two walkers per replica, not reported.
                with nginx(tmp_path / "nginx-warm", [port for port, _ in running]) as proxy:
                    pids = [pid for _, pid in running]
                    walk = run_phase(Phase(count, 2 * count), proxy.url, pids, public_db, warm, 0)
                    asyncio.run(walk)
            for number, phase in enumerate(phases):
                used = running[: phase.replicas]
                with nginx(tmp_path / f"nginx-{number}", [port for port, _ in used]) as proxy:
                    _warm(proxy.url, log)
                    result = asyncio.run(
                        run_phase(phase, proxy.url, [pid for _, pid in used], public_db,
                                  seconds, think)
                    )  # fmt: skip
                log(
                    f"  {phase.name}: {result.interactions} clicks, p95 "
                    f"{result.latency(95):.2f} s, {result.cpu_ms:.0f} ms CPU/click, "
                    f"{len(result.errors)} errors, {result.lost} lost"
                )
                results.append(result)
    return results


def _warm(base_url: str, log: Log) -> None:
    """One walk before the phase, so that a phase does not pay for Python's first imports."""
    result = Result(Phase(1, 1))
    stop_at = [time.monotonic() + 3]

    async def walk() -> None:
        go = asyncio.Event()
        go.set()
        await resident(-1, base_url, result, go, stop_at, 0)

    asyncio.run(walk())
    if result.errors:
        log(f"  warm-up: {result.errors[:3]}")


# --- report ----------------------------------------------------------------------------------


def render(
    label: str, db: Path, runs: dict[str, list[Result]], seconds: float, think: float
) -> str:
    lines = [
        f"# Load on the public pages: {label}",
        "",
        f"`python -m bench.load`, {dt.datetime.now():%Y-%m-%d %H:%M}, warehouse "
        f"`{db.name}`, {seconds:.0f} s per phase, think time {think:g} s, "
        f"{os.cpu_count()} cores. Latency is from the click to the end of its run; CPU is the "
        "replicas' own (utime + stime) per interaction.",
        "",
        "| code | replicas × sessions | clicks | p50 | p95 | p95 by kind | CPU/click | "
        "client CPU/click | clicks/s | errors | lost | load |",
        "|---|---|---:|---:|---:|---|---:|---:|---:|---:|---:|---:|",
    ]
    for code, results in runs.items():
        for r in results:
            kinds = ", ".join(
                f"{k} {r.latency(95, k):.2f}" for k in KINDS if any(c == k for c, _ in r.clicks)
            )
            lines.append(
                f"| {code} | {r.phase.name} | {r.interactions} | {r.latency(50):.2f} s | "
                f"{r.latency(95):.2f} s | {kinds} | {r.cpu_ms:.0f} ms | "
                f"{1000 * r.client_cpu_seconds / max(r.interactions, 1):.0f} ms | "
                f"{r.capacity:.1f} | "
                f"{len(r.errors)} | {r.lost} | {r.load:.1f} |"
            )
    if len(runs) == 2:
        (old, before), (new, after) = runs.items()
        lines += ["", f"Ratios {new} / {old}:", "", "| phase | p95 | CPU/click | clicks/s |",
                  "|---|---:|---:|---:|"]  # fmt: skip
        for b, a in zip(before, after, strict=True):
            lines.append(
                f"| {a.phase.name} | {a.latency(95) / b.latency(95):.2f} | "
                f"{a.cpu_ms / b.cpu_ms:.2f} | {a.capacity / b.capacity:.2f} |"
            )
    alone = [(c, r) for c, rs in runs.items() for r in rs if r.click_cpu]
    if alone:
        lines += ["", "CPU per click with one session on one replica (ms, by /proc ticks of "
                  "10 ms): median, p90 and mean, by kind of click:", "",
                  "| code | all | " + " | ".join(KINDS) + " |",
                  "|---|" + "---:|" * (len(KINDS) + 1)]  # fmt: skip
        for code, r in alone:
            cells = [f"{r.click_cpu_ms(50, k):.0f} / {r.click_cpu_ms(90, k):.0f}" for k in KINDS]
            lines.append(
                f"| {code} | {r.click_cpu_ms(50):.0f} / {r.click_cpu_ms(90):.0f} / "
                f"{r.cpu_ms:.0f} | " + " | ".join(cells) + " |"
            )
    swaps = [(c, r) for c, rs in runs.items() for r in rs if r.phase.swap]
    for code, r in swaps:
        lines.append(
            f"\nSwap ({code}): the warehouse was replaced {r.swapped_at:.1f} s into the phase; "
            f"{r.clicks_after_swap} clicks ran after it, with {len(r.errors)} errors and "
            f"{r.lost} lost sessions in the whole phase."
        )
    errors = [(c, e) for c, rs in runs.items() for r in rs for e in r.errors]
    if errors:
        lines += ["", "Errors (first 20):", ""] + [f"- {c}: {e}" for c, e in errors[:20]]
    return "\n".join(lines) + "\n"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m bench.load",
        description=__doc__,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("--db", type=Path, required=True,
                        help="the warehouse; its public warehouse beside it is served")  # fmt: skip
    parser.add_argument("--label", help="names the report (default: the file's stem)")
    parser.add_argument("--phases", default=PHASES, help=f"replicas:sessions[:swap],… ({PHASES})")
    parser.add_argument("--seconds", type=float, default=30, help="length of a phase (30)")
    parser.add_argument("--think", type=float, default=0, help="seconds between clicks (0)")
    parser.add_argument("--warm", type=float, default=30,
                        help="seconds of unreported clicks before the phases (30)")  # fmt: skip
    parser.add_argument("--base", help="also measure the code at this commit, first")
    parser.add_argument("--out", type=Path, help="default: bench/out/load-<label>.md")
    args = parser.parse_args(argv)
    db = args.db.resolve()
    if not warehouse.files.public_path(db).exists():
        parser.error(f"no public warehouse beside {db} (python -m etl build --public)")
    if not shutil.which("nginx") and not Path("/usr/sbin/nginx").exists():
        parser.error("nginx is not installed (apt-get install nginx)")
    label = args.label or db.stem
    phases = parse_phases(args.phases)
    runs: dict[str, list[Result]] = {}
    with tempfile.TemporaryDirectory(prefix="rod-trad-base-") as tmp:
        codes = {"working tree": ROOT}
        if args.base:
            short = _short(args.base)
            codes = {short: checkout(short, Path(tmp)), **codes}
        for name, code in codes.items():
            log_progress(f"{name}: {len(phases)} phases on {db.name}")
            runs[name] = measure_code(
                code, db, phases, args.seconds, args.think, args.warm, log_progress
            )
    report = render(label, db, runs, args.seconds, args.think)
    save_report(report, args.out or OUT / f"load-{label}.md")
    return 0


def _short(commit: str) -> str:
    return subprocess.run(["git", "rev-parse", "--short", f"{commit}^{{commit}}"], cwd=ROOT,
                          capture_output=True, text=True, check=True).stdout.strip()  # fmt: skip


if __name__ == "__main__":
    raise SystemExit(main())
