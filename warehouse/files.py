"""The warehouse file: where it is, its version, and how a build replaces it atomically.

The warehouse is one DuckDB file. A build writes a new file beside it, checkpoints and closes
it, then replaces the old file with one ``os.replace``. A reader therefore sees either the old
warehouse or the new one, never a half-built one, and a build killed at any moment leaves the
previous warehouse complete: the only trace is a ``.building-<pid>-<name>`` file that the next
build removes.
"""

from __future__ import annotations

import contextlib
import os
import shutil
from pathlib import Path

ENV = "ROD_TRAD_DB"
ROOT = Path(__file__).resolve().parents[1]


def default_path() -> Path:
    """The warehouse file: $ROD_TRAD_DB, else data/warehouse.duckdb in the repository."""
    return Path(os.environ.get(ENV, ROOT / "data" / "warehouse.duckdb"))


def public_path(db_path: Path) -> Path:
    """The public warehouse written beside ``db_path`` by every build (etl/publish.py):
    ``data/warehouse.duckdb`` → ``data/warehouse.public.duckdb``."""
    return db_path.with_name(f"{db_path.stem}.public{db_path.suffix}")


def version(path: Path) -> str | None:
    """A string that changes whenever a build replaces the file (None when there is none).

    A build swaps in a new file with ``os.replace``, so the inode changes with every build.
    """
    try:
        st = path.stat()
    except FileNotFoundError:
        return None
    return f"{st.st_ino}-{st.st_mtime_ns}-{st.st_size}"


def building_path(db_path: Path) -> Path:
    """Where a build of ``db_path`` writes, after removing what killed builds left behind."""
    db_path.parent.mkdir(parents=True, exist_ok=True)
    for leftover in db_path.parent.glob(f".building-*-{db_path.name}*"):
        pid = leftover.name.removeprefix(".building-").split("-", 1)[0]
        if pid.isdigit() and not _process_alive(int(pid)):
            leftover.unlink(missing_ok=True)
    # The name starts with the pid: DuckDB names a file's database after the file name up to
    # its first dot, and ".warehouse.public.duckdb…" would be "warehouse", the name the public
    # build gives the warehouse it attaches (etl/publish.py).
    building = db_path.with_name(f".building-{os.getpid()}-{db_path.name}")
    building.unlink(missing_ok=True)
    return building


def copy(db_path: Path, building: Path) -> None:
    """Start a build from a copy of the warehouse. A finished warehouse is one checkpointed file,
    so a plain copy is a complete database, whichever build last replaced it."""
    shutil.copyfile(db_path, building)


def swap_in(building: Path, db_path: Path) -> None:
    """Replace ``db_path`` with the finished build, durably."""
    _fsync(building)
    os.replace(building, db_path)
    _fsync(db_path.parent)


def discard(building: Path) -> None:
    building.unlink(missing_ok=True)
    Path(f"{building}.wal").unlink(missing_ok=True)


def _process_alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


def _fsync(path: Path) -> None:
    """Flush a file or a directory entry to disk so the rename survives a power cut too."""
    with contextlib.suppress(OSError):
        fd = os.open(path, os.O_RDONLY)
        try:
            os.fsync(fd)
        finally:
            os.close(fd)
