"""Run a command and measure what it alone costs: wall time, CPU time and peak memory.

A child's peak RSS (``ru_maxrss``) on Linux counts the memory of the process that forked it, up
to the exec: a command started from a test worker or a benchmark holding hundreds of MB would
be charged for them. So the command is started by a small launcher (≈ 10 MB), which forks it,
waits for it and sends its rusage back on a pipe.
"""

from __future__ import annotations

import os
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

_LAUNCHER = """
import os, sys
fd, argv = int(sys.argv[1]), sys.argv[2:]
pid = os.fork()
if pid == 0:
    os.execv(argv[0], argv)
_, status, usage = os.wait4(pid, 0)
os.write(fd, f"{usage.ru_maxrss} {usage.ru_utime + usage.ru_stime}".encode())
sys.exit(os.waitstatus_to_exitcode(status))
"""


@dataclass(frozen=True)
class Measured:
    returncode: int
    stdout: str
    stderr: str
    seconds: float  # wall clock
    cpu_seconds: float  # user + system of the command itself
    peak_rss_kib: int  # of the command itself


def measured(command: list[str], cwd: Path, timeout: float | None = None) -> Measured:
    """Run ``command`` (its first item an executable's path) in ``cwd``; a command still
    running after ``timeout`` seconds is killed, with its launcher, and raises TimeoutExpired."""
    read, write = os.pipe()
    started = time.perf_counter()
    with tempfile.TemporaryFile("w+", encoding="utf-8") as errors:
        proc = subprocess.Popen(
            [sys.executable, "-S", "-c", _LAUNCHER, str(write), *command],
            cwd=cwd,
            stdout=subprocess.PIPE,
            stderr=errors,
            text=True,
            pass_fds=(write,),
            start_new_session=True,  # so that a kill reaches the command too
        )
        os.close(write)
        try:
            out, _ = proc.communicate(timeout=timeout)  # a few lines: no pipe fills up
        except subprocess.TimeoutExpired:
            os.killpg(proc.pid, 9)
            proc.wait()
            os.close(read)
            raise
        seconds = time.perf_counter() - started
        with os.fdopen(read, "rb") as pipe:
            usage = pipe.read().split()
        errors.seek(0)
        return Measured(
            proc.returncode, out, errors.read(), seconds, float(usage[1]), int(usage[0])
        )
