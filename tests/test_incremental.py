"""The incremental build (etl/incremental.py): after new outcomes arrive it keeps the outcome rows
of the unchanged files, and its warehouse equals a full build's, table by table; anything it is
not sure of gives a full build; a failure or a kill leaves the old warehouse as it was."""

from __future__ import annotations

import os
import random
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import duckdb
import pytest

from etl.build import build
from etl.problems import InvalidInput
from tests.conftest import minimal_tables, write_csv_source, write_xlsx_source
from tests.test_build import fingerprint, table_contents

# Each test builds several warehouses: left out of make test-fast.
pytestmark = pytest.mark.slow

ROOT = Path(__file__).resolve().parents[1]
SUBJECTS = ("0180", "0000", "BUN")


def outcomes_of(*periods: str, value: float = 200.0) -> list[dict]:
    """One outcome per period, subject and gender, in plain form (the fast path takes them)."""
    return [
        {"indicator_id": "N15505", "period": period, "value": f"{value + n:.1f}",
         "subject": subject, "gender": gender, "source": "Kolada"}
        for n, (period, subject, gender) in enumerate(
            (p, s, g) for p in periods for s in SUBJECTS for g in ("T", "K")
        )
    ]  # fmt: skip


def model(tmp_path: Path) -> Path:
    """The minimal goal model without outcomes, with targets for 2023-2025 so that statuses
    change as outcomes arrive."""
    tables = minimal_tables(without=("outcomes",))
    tables["targets"] = [
        {"goal_id": "N1", "indicator_id": "N15505", "period": period, "comparator": ">=",
         "value": value}
        for period, value in (("2023", "205"), ("2024", "210"), ("2025", "215"))
    ]  # fmt: skip
    return write_csv_source(tmp_path / "model", tables)


def outcomes_folder(tmp_path: Path, name: str, rows: list[dict]) -> Path:
    return write_csv_source(tmp_path / name, {"outcomes": rows})


def messages(sources: list[Path], db: Path, **options) -> tuple[list[str], object]:
    said: list[str] = []
    result = build(sources, db, said.append, **options)
    return said, result


def assert_same_as_a_full_build(db: Path, sources: list[Path], tmp_path: Path) -> None:
    reference = tmp_path / f"full-{len(list(tmp_path.glob('full-*')))}.duckdb"
    assert not build(sources, reference, full=True).incremental
    assert table_contents(db) == table_contents(reference)


def test_an_incremental_build_gives_what_a_full_build_gives(tmp_path):
    model_folder = model(tmp_path)
    old = outcomes_folder(tmp_path, "utfall-2023", outcomes_of("2023"))
    db = tmp_path / "w.duckdb"
    assert not build([model_folder, old], db).incremental  # no warehouse yet

    # A period's outcomes arrive as a folder of their own.
    new = outcomes_folder(tmp_path, "utfall-2024", outcomes_of("2024", value=208))
    said, result = messages([model_folder, old, new], db)
    assert result.incremental
    assert said[0] == (
        "Återanvänder lagret: behåller målmodellen och utfallen från 1 oförändrad fil och läser 1 "
        "ny eller ändrad fil."
    )
    assert result.row_counts["outcomes"] == 12
    assert_same_as_a_full_build(db, [model_folder, old, new], tmp_path)
    with duckdb.connect(db, read_only=True) as con:
        used = con.execute(
            "select distinct period, value_period from indicator_status order by all"
        ).fetchall()
    assert used == [("2023", "2023"), ("2024", "2024")]  # the new period has statuses too

    # A corrected file (one value changed, one row gone) and another new period.
    corrected = outcomes_of("2024", value=211)[1:]
    outcomes_folder(tmp_path, "utfall-2024", corrected)
    newest = outcomes_folder(tmp_path, "utfall-2025", outcomes_of("2025", value=214))
    sources = [model_folder, old, new, newest]
    said, result = messages(sources, db)
    assert result.incremental and result.row_counts["outcomes"] == 17
    assert "läser 2 nya eller ändrade filer" in said[0]
    assert_same_as_a_full_build(db, sources, tmp_path)

    # A folder left out: its outcomes go.
    said, result = messages([model_folder, old, newest], db)
    assert result.incremental and result.row_counts["outcomes"] == 12
    assert "tar bort utfallen från 1 fil som inte längre är med" in said[0]
    assert_same_as_a_full_build(db, [model_folder, old, newest], tmp_path)

    # Nothing changed at all.
    result = build([model_folder, old, newest], db)
    assert result.incremental
    assert_same_as_a_full_build(db, [model_folder, old, newest], tmp_path)


def test_outcomes_kept_from_a_row_by_row_build_are_the_ones_a_full_build_reads(tmp_path):
    model_folder = model(tmp_path)
    odd = outcomes_of("2023")
    odd[0]["value"] = "200,0"  # a decimal comma: this file is read row by row
    old = outcomes_folder(tmp_path, "utfall-2023", odd)
    db = tmp_path / "w.duckdb"
    build([model_folder, old], db)
    new = outcomes_folder(tmp_path, "utfall-2024", outcomes_of("2024"))
    assert build([model_folder, old, new], db).incremental
    assert_same_as_a_full_build(db, [model_folder, old, new], tmp_path)


def test_a_model_in_a_workbook_and_files_beside_the_outcomes_are_kept_too(tmp_path):
    tables = minimal_tables(without=("outcomes",))
    workbook = write_xlsx_source(tmp_path / "model.xlsx", tables)
    old = outcomes_folder(tmp_path, "utfall-2023", outcomes_of("2023"))
    (old / "x_readme.csv").write_text("note\nfrån Kolada\n", encoding="utf-8")
    db = tmp_path / "w.duckdb"
    build([workbook, old], db)
    new = outcomes_folder(tmp_path, "utfall-2024", outcomes_of("2024"))
    assert build([workbook, old, new], db).incremental
    assert_same_as_a_full_build(db, [workbook, old, new], tmp_path)


@pytest.mark.parametrize("change", ["model", "workbook", "odd new file", "other code", "--full"])
def test_anything_but_new_or_changed_plain_outcome_files_gives_a_full_build(tmp_path, change):
    model_folder = model(tmp_path)
    old = outcomes_folder(tmp_path, "utfall-2023", outcomes_of("2023"))
    db = tmp_path / "w.duckdb"
    build([model_folder, old], db)
    new = outcomes_folder(tmp_path, "utfall-2024", outcomes_of("2024"))
    sources, options = [model_folder, old, new], {}
    if change == "model":
        goals = (model_folder / "goals.csv").read_text(encoding="utf-8")
        (model_folder / "goals.csv").write_text(goals.replace("Kunskap", "Lärande"), "utf-8")
    elif change == "workbook":
        sources[2] = write_xlsx_source(tmp_path / "utfall.xlsx", {"outcomes": outcomes_of("2024")})
    elif change == "odd new file":
        (new / "outcomes.csv").write_text(
            (new / "outcomes.csv").read_text(encoding="utf-8").replace("Kolada", " Kolada "),
            encoding="utf-8",
        )
    elif change == "other code":
        # A warehouse built by another version of the code (as if upgraded in between).
        with duckdb.connect(db) as con:
            con.execute("update load_log set code_sha256 = 'older'")
    else:
        options["full"] = True
    said, result = messages(sources, db, **options)
    assert not result.incremental
    if change == "odd new file":  # planned, then declined by the fast path
        assert (
            "Lagret kan inte återanvändas (de nya utfallen måste kontrolleras rad för rad); "
            "bygger om det från grunden."
        ) in said
    else:
        assert not any("återanvänd" in m.lower() for m in said)
    assert_same_as_a_full_build(db, sources, tmp_path)


@pytest.mark.parametrize(
    "change",
    ["delete from outcomes where subject = 'BUN'", "delete from targets where period = '2025'"],
)
def test_a_warehouse_changed_by_hand_is_not_reused(tmp_path, change):
    model_folder = model(tmp_path)
    old = outcomes_folder(tmp_path, "utfall-2023", outcomes_of("2023"))
    db = tmp_path / "w.duckdb"
    build([model_folder, old], db)
    with duckdb.connect(db) as con:
        con.execute(change)
    new = outcomes_folder(tmp_path, "utfall-2024", outcomes_of("2024"))
    said, result = messages([model_folder, old, new], db)
    assert not result.incremental
    assert any("(lagret stämmer inte med dess inläsningslogg)" in m for m in said)
    assert result.row_counts["outcomes"] == 12
    assert_same_as_a_full_build(db, [model_folder, old, new], tmp_path)


def test_a_new_file_repeating_kept_outcomes_fails_naming_both_rows_and_changes_nothing(tmp_path):
    model_folder = model(tmp_path)
    old = outcomes_folder(tmp_path, "utfall-2023", outcomes_of("2023"))
    db = tmp_path / "w.duckdb"
    build([model_folder, old], db)
    before = db.read_bytes()
    repeat = outcomes_of("2024") + outcomes_of("2023")[2:3]  # file row 8 = old file row 4
    new = outcomes_folder(tmp_path, "utfall-2024", repeat)
    said: list[str] = []
    with pytest.raises(InvalidInput) as raised:
        build([model_folder, old, new], db, said.append)
    assert any(m.startswith("Lagret kan inte återanvändas") for m in said)
    [problem] = raised.value.problems
    assert (problem.file, problem.row) == (str(new / "outcomes.csv"), 8)
    assert f"finns redan ({old / 'outcomes.csv'}, rad 4)" in problem.found
    assert db.read_bytes() == before
    assert sorted(p.name for p in tmp_path.iterdir() if p.is_file()) == ["w.duckdb"]


def write_outcomes(path: Path, rows: int, first_year: int) -> Path:
    """``rows`` plain outcomes of the minimal model's indicator, month by month from
    ``first_year`` for 2,000 municipality codes."""
    path.parent.mkdir(parents=True, exist_ok=True)
    rng = random.Random(first_year)
    with path.open("w", encoding="utf-8") as f:
        f.write("indicator_id,period,value,subject,gender\n")
        for i in range(rows):
            month = i // 2000
            period = f"{first_year + month // 12}-{month % 12 + 1:02d}"
            f.write(f"N15505,{period},{rng.uniform(100, 300):.1f},{1000 + i % 2000},T\n")
    return path


@pytest.mark.slow
def test_kill_9_during_an_incremental_build_never_damages_the_warehouse(tmp_path):
    model_folder = model(tmp_path)
    old = write_outcomes(tmp_path / "utfall-old" / "outcomes.csv", 300_000, 1990).parent
    new = write_outcomes(tmp_path / "utfall-new" / "outcomes.csv", 300_000, 2005).parent
    db, saved = tmp_path / "w.duckdb", tmp_path / "saved.duckdb"
    build([model_folder, old], db)
    shutil.copyfile(db, saved)
    before = fingerprint(db)
    command = [sys.executable, "-m", "etl", "build", str(model_folder), str(old), str(new),
               "--db", str(db), "--quiet"]  # fmt: skip

    started = time.perf_counter()
    assert build([model_folder, old, new], db).incremental
    duration = time.perf_counter() - started + 1.0  # and the interpreter's start
    after = fingerprint(db)
    assert after != before

    rng = random.Random(9)
    kills = 0
    for attempt in range(24):
        if kills >= 12:
            break
        shutil.copyfile(saved, db)
        process = subprocess.Popen(command, cwd=ROOT)
        time.sleep(rng.uniform(0.3, duration))
        if process.poll() is None:
            os.kill(process.pid, signal.SIGKILL)
            kills += 1
        process.wait()
        state = fingerprint(db)  # must open, and hold one complete warehouse
        assert state in (before, after), f"attempt {attempt}: the warehouse is neither old nor new"
    assert kills >= 8, f"only {kills} builds were still running when killed"
