"""The build is idempotent and atomic: readers see the old or the new warehouse, never a mix."""

from __future__ import annotations

import csv
import hashlib
import os
import random
import signal
import subprocess
import sys
import time
from pathlib import Path

import duckdb
import pytest

from etl.build import WAREHOUSE_TABLES, build

ROOT = Path(__file__).resolve().parents[1]
TINY = ROOT / "tests" / "fixtures" / "tiny"


def table_contents(db: Path) -> dict[str, list[tuple]]:
    """Every warehouse table's rows in a stable order; load_log without its build time."""
    with duckdb.connect(db, read_only=True) as con:
        contents = {}
        for table in WAREHOUSE_TABLES:
            columns = "* exclude (built_at)" if table == "load_log" else "*"
            query = f"select {columns} from {table} order by all"  # noqa: S608 - fixed names
            contents[table] = con.execute(query).fetchall()
        return contents


def fingerprint(db: Path) -> tuple:
    """Row count and an order-independent hash of every table (cheap on large tables)."""
    with duckdb.connect(db, read_only=True) as con:
        return tuple(
            con.execute(
                f"select count(*), sum(hash(t)::hugeint) from (select {columns} from {table}) t"  # noqa: S608
            ).fetchone()
            for table in WAREHOUSE_TABLES
            for columns in ["* exclude (built_at)" if table == "load_log" else "*"]
        )


def test_build_reports_row_counts_and_load_log(tmp_path):
    result = build([TINY], tmp_path / "w.duckdb")
    assert result.row_counts["goals"] == 4
    assert result.row_counts["goal_links"] == 3
    assert result.row_counts["outcomes"] == 3
    with duckdb.connect(result.path, read_only=True) as con:
        log = con.execute(
            "select table_name, row_count, sha256 from load_log order by table_name"
        ).fetchall()
    goals_sha = hashlib.sha256((TINY / "goals.csv").read_bytes()).hexdigest()
    assert ("goals", 4, goals_sha) in log
    assert len(log) == len(list(TINY.glob("*.csv")))


def test_building_twice_gives_identical_tables(tmp_path):
    first, second = tmp_path / "a.duckdb", tmp_path / "b.duckdb"
    build([TINY], first)
    build([TINY], second)
    assert table_contents(first) == table_contents(second)
    # Rebuilding in place also changes nothing but the build time.
    before = table_contents(first)
    build([TINY], first)
    assert table_contents(first) == before


def test_build_leaves_no_temporary_files(tmp_path):
    build([TINY], tmp_path / "w.duckdb")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["w.duckdb"]


def test_abandoned_build_file_of_a_dead_process_is_removed(tmp_path):
    dead = subprocess.run([sys.executable, "-c", "import os; print(os.getpid())"],
                          capture_output=True, text=True, check=True)  # fmt: skip
    leftover = tmp_path / f".building-{dead.stdout.strip()}-w.duckdb"
    leftover.write_bytes(b"half a database")
    build([TINY], tmp_path / "w.duckdb")
    assert not leftover.exists()


def write_large_source(folder: Path, rows: int) -> Path:
    """A copy of the tiny model with many outcome rows, so a build takes a second or two."""
    folder.mkdir()
    for file in TINY.glob("*.csv"):
        (folder / file.name).write_bytes(file.read_bytes())
    rng = random.Random(7)
    with (folder / "outcomes.csv").open("w", newline="", encoding="utf-8") as f:
        writer = csv.writer(f, delimiter=";")
        writer.writerow(["indicator_id", "period", "value", "subject", "gender"])
        for i in range(rows):
            subject = f"{i % 2900:04d}"
            year = 1990 + (i // 2900) % 30
            month = 1 + i // (2900 * 30)
            period = f"{year}-{month:02d}"
            writer.writerow(["N15505", period, f"{rng.uniform(100, 300):.1f}".replace(".", ","),
                             subject, "T"])  # fmt: skip
    return folder


@pytest.mark.slow
def test_kill_9_during_build_never_damages_the_previous_warehouse(tmp_path):
    db = tmp_path / "w.duckdb"
    build([TINY], db)
    old = fingerprint(db)
    big = write_large_source(tmp_path / "big", rows=300_000)
    command = [sys.executable, "-m", "etl", "build", str(big), "--db", str(db), "--quiet"]

    # Time one full build of the new source to spread the kills over its whole length.
    reference_db = tmp_path / "reference.duckdb"
    started = time.perf_counter()
    subprocess.run([*command[:-3], "--db", str(reference_db), "--quiet"], check=True, cwd=ROOT)
    duration = time.perf_counter() - started
    new = fingerprint(reference_db)

    rng = random.Random(2026)
    kills = 0
    for attempt in range(40):
        if kills >= 20:
            break
        process = subprocess.Popen(command, cwd=ROOT)
        time.sleep(rng.uniform(0.05, duration * 0.9))
        if process.poll() is None:
            os.kill(process.pid, signal.SIGKILL)
            kills += 1
        process.wait()
        state = fingerprint(db)  # must open, and hold one complete warehouse
        assert state in (old, new), f"attempt {attempt}: warehouse is neither old nor new"
        if state == new:  # the build finished before the kill: start again from the old one
            build([TINY], db)
    assert kills >= 20, f"only {kills} builds were still running when killed"
    assert fingerprint(db) == old
