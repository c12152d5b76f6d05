"""Where does a build spend its time? Every SQL statement of one build, timed.

    python -m bench.profile bench/out/source-large [--db bench/out/profile.duckdb] [--top 25]

Runs ``etl.build.load_warehouse`` (validation, load and status engine, as ``build`` does) with
every statement the door runs timed (``warehouse.traced``, which splits multi-statement scripts
into their statements), and the Python work between statements (hashing and inspecting files,
building problem lists) shown as gaps. Prints the statements in order and a summary per calling
function. Nothing in etl/ or attainment/ is changed.
"""

from __future__ import annotations

import argparse
import contextlib
import sys
import time
from collections import defaultdict
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import duckdb

import warehouse
from bench.generate import OUT, ROOT
from etl import sources
from etl.build import load_warehouse


class Timings:
    """The time of every statement the door runs (``warehouse.traced``), and of the Python work
    between statements."""

    def __init__(self) -> None:
        # (caller, statement, wall seconds, CPU seconds of all the process's threads)
        self.records: list[tuple[str, str, float, float]] = []
        self._last = _clocks()

    def record(self, caller: str, text: str, started: tuple[float, float]) -> None:
        gap = started[0] - self._last[0]
        if gap > 0.05:
            cpu_gap = started[1] - self._last[1]
            self.records.append((caller, "(python between statements)", gap, cpu_gap))
        self._last = _clocks()
        self.records.append((caller, text, self._last[0] - started[0], self._last[1] - started[1]))

    @contextlib.contextmanager
    def statement(self, name: str, text: str) -> Iterator[None]:
        caller, started = f"{_caller()} [{name}]", _clocks()
        try:
            yield
        finally:
            self.record(caller, _summary(text), started)


def _clocks() -> tuple[float, float]:
    return time.perf_counter(), time.process_time()


def _caller() -> str:
    """The function in etl/ or attainment/ that ran the statement."""
    frame = sys._getframe(2)
    while frame is not None:
        path = Path(frame.f_code.co_filename)
        if ROOT in path.parents and path.parent.name not in ("bench", "warehouse"):
            return f"{path.relative_to(ROOT)}:{frame.f_code.co_name}"
        frame = frame.f_back
    return "?"


def _summary(statement: str) -> str:
    lines = [
        line.strip()
        for line in statement.splitlines()
        if line.strip() and not line.strip().startswith("--")
    ]
    return " ".join(lines)[:110]


# Python helpers of the staging that read whole files; timed as steps of their own.
_PYTHON_STEPS = (
    (sources, "_sha256"),
    (sources, "_inspect_csv"),
    (sources, "_rewrite_as_utf8"),
    (sources, "_read_header"),
    (sources, "_csv_rejects"),
)


def _timed_python(timed: Timings, module: Any, name: str) -> Callable[..., Any]:
    original = getattr(module, name)

    def wrapper(*args: Any, **kwargs: Any) -> Any:
        started = _clocks()
        try:
            return original(*args, **kwargs)
        finally:
            timed.record(f"{module.__name__.replace('.', '/')}.py:{name}", "(python)", started)

    return wrapper


def profile(source: Path, db: Path) -> Timings:
    db.parent.mkdir(parents=True, exist_ok=True)
    db.unlink(missing_ok=True)
    Path(f"{db}.wal").unlink(missing_ok=True)
    timed = Timings()
    with duckdb.connect(db) as con:
        warehouse.execute(con, "door/progress_bar", on=False)
        originals = [(module, name, getattr(module, name)) for module, name in _PYTHON_STEPS]
        try:
            for module, name, _ in originals:
                setattr(module, name, _timed_python(timed, module, name))
            with warehouse.traced(timed.statement):
                load_warehouse(con, [source])
                warehouse.execute(con, "door/checkpoint")
        finally:
            for module, name, original in originals:
                setattr(module, name, original)
    db.unlink(missing_ok=True)
    return timed


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench.profile", description=__doc__)
    parser.add_argument("source", type=Path)
    parser.add_argument("--db", type=Path, default=OUT / "profile.duckdb")
    parser.add_argument("--top", type=int, default=30, help="statements listed (30)")
    args = parser.parse_args(argv)
    wall, cpu = _clocks()
    timed = profile(args.source, args.db)
    wall, cpu = (now - then for now, then in zip(_clocks(), (wall, cpu), strict=True))
    records = timed.records
    print(
        f"total {wall:.1f} s wall, {cpu:.1f} s CPU ({cpu / wall:.1f} cores busy on average), "
        f"{len(records)} statements\n"
    )
    print(f"## The {args.top} costliest statements, by CPU time\n")
    print(
        "CPU time (all threads) varies far less than wall time on a shared machine; "
        "*cores* = CPU / wall.\n"
    )
    print("| CPU s | share of CPU | wall s | cores | caller | statement |")
    print("|---:|---:|---:|---:|---|---|")
    for caller, text, seconds, cpu_s in sorted(records, key=lambda r: -r[3])[: args.top]:
        text = text.replace("|", "\\|")
        print(
            f"| {cpu_s:.1f} | {cpu_s / cpu:.0%} | {seconds:.1f} "
            f"| {cpu_s / max(seconds, 1e-9):.1f} | {caller} | `{text}` |"
        )
    by_caller: dict[str, list[float]] = defaultdict(lambda: [0.0, 0.0])
    for caller, _, seconds, cpu_s in records:
        by_caller[caller][0] += seconds
        by_caller[caller][1] += cpu_s
    print("\n## Per calling function\n")
    print("| CPU s | share of CPU | wall s | caller |\n|---:|---:|---:|---|")
    for caller, (seconds, cpu_s) in sorted(by_caller.items(), key=lambda kv: -kv[1][1]):
        print(f"| {cpu_s:.1f} | {cpu_s / cpu:.0%} | {seconds:.1f} | {caller} |")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
