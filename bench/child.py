"""The measured loads, each run in its own process by ``bench.run`` (so its peak RSS is its own).

    python -m bench.child build SOURCE DB   # etl.build.build([SOURCE], DB)
    python -m bench.child plain CSV DB      # plain DuckDB: create table as read_csv + checkpoint
    python -m bench.child status WAREHOUSE DB  # compute_status on DB, a fresh copy of WAREHOUSE

Prints one JSON object on stdout: the wall time of the load itself (imports excluded) and,
for the build, the time of each progress message the build reports.
"""

from __future__ import annotations

import json
import shutil
import sys
import time
from pathlib import Path


def build(source: Path, db: Path) -> dict:
    from etl.build import build as etl_build

    db.unlink(missing_ok=True)
    messages: list[tuple[float, str]] = []
    started = time.perf_counter()

    def report(message: str) -> None:
        messages.append((time.perf_counter() - started, message))

    result = etl_build([source], db, report)
    seconds = time.perf_counter() - started
    return {"seconds": seconds, "messages": messages, "row_counts": result.row_counts}


def plain(csv: Path, db: Path) -> dict:
    import duckdb

    import warehouse

    db.unlink(missing_ok=True)
    started = time.perf_counter()
    with duckdb.connect(db) as con:
        [(rows,)] = warehouse.rows(con, "bench/plain_outcomes", path=str(csv))
        warehouse.execute(con, "door/checkpoint")
    seconds = time.perf_counter() - started
    db.unlink(missing_ok=True)
    return {"seconds": seconds, "rows": rows}


def status(source: Path, db: Path) -> dict:
    """The status engine alone, on a copy of a built warehouse (the copy is left for a look)."""
    import duckdb

    import warehouse  # always this tree's door (after the first folder on the path, see run_child)
    from attainment.compute import compute_status

    shutil.copyfile(source, db)
    Path(f"{db}.wal").unlink(missing_ok=True)
    with duckdb.connect(db) as con:
        # The period parsers; an older engine (bench/compare.py) needs the same ones.
        warehouse.script(con, "shared/periods")
        cpu_before, started = time.process_time(), time.perf_counter()
        compute_status(con)
        seconds, cpu = time.perf_counter() - started, time.process_time() - cpu_before
    return {"seconds": seconds, "status_cpu_seconds": cpu}


def main(argv: list[str]) -> int:
    command, source, db = argv
    result = {"build": build, "plain": plain, "status": status}[command](Path(source), Path(db))
    print(json.dumps(result))
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
