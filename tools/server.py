"""Serve the dashboard with ``streamlit run`` on a free localhost port, and drive Debian's Chromium.

Used by the browser tests (``tests/``) and the page benchmark (``bench/``).
"""

from __future__ import annotations

import contextlib
import os
import random
import shutil
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
CHROMIUM = "/usr/bin/chromium"
# Flags that keep Chromium from reaching for the network, which this machine doesn't have.
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


def chromium_missing_reason() -> str | None:
    if not Path(CHROMIUM).exists():
        return f"Chromium is not installed at {CHROMIUM} (apt-get install chromium)"
    try:
        import playwright.sync_api  # noqa: F401
    except ImportError:
        return "the playwright package is not installed (pip install -r requirements-dev.txt)"
    return None


# ROD_TRAD_PORTS=8750-8799: the ports the servers started here may use, on a machine shared
# with others; unset, any free port.
PORTS_ENV = "ROD_TRAD_PORTS"
_handed_out: set[int] = set()  # a port is handed out once: its server may not have bound it yet


def free_port() -> int:
    given = os.environ.get(PORTS_ENV, "").strip()
    if not given:
        with socket.socket() as s:
            s.bind(("127.0.0.1", 0))
            return s.getsockname()[1]
    low, high = (int(p) for p in given.split("-"))
    for port in random.sample(range(low, high + 1), high - low + 1):
        if port in _handed_out:
            continue
        with socket.socket() as s:
            try:
                s.bind(("127.0.0.1", port))
            except OSError:
                continue
        _handed_out.add(port)
        return port
    raise RuntimeError(f"no free port in {PORTS_ENV}={given}")


@contextlib.contextmanager
def streamlit_server(db: Path, timeout: float = 60, *, mode: str | None = None) -> Iterator[str]:
    """Serve the dashboard on the warehouse ``db`` (in ``mode``, ROD_TRAD_MODE, if given);
    yields the base URL."""
    env = {**os.environ, "ROD_TRAD_DB": str(db), "STREAMLIT_BROWSER_GATHER_USAGE_STATS": "false"}
    if mode is not None:
        env["ROD_TRAD_MODE"] = mode
    # A free port can be taken by another process (a parallel test worker) before Streamlit
    # binds it: then Streamlit exits at once and we start it again on another port.
    for attempt in range(3):
        port = free_port()
        process = start_streamlit(port, env)
        url = f"http://127.0.0.1:{port}"
        try:
            wait_healthy(url, process, timeout)
            break
        except PortTaken:
            if attempt == 2:
                raise
        except BaseException:
            stop(process)
            raise
    try:
        yield url
    finally:
        stop(process)


class PortTaken(RuntimeError):
    """Streamlit could not bind its port."""


def start_streamlit(port: int, env: dict[str, str]) -> subprocess.Popen:
    streamlit = shutil.which("streamlit", path=str(Path(sys.executable).parent)) or "streamlit"
    return subprocess.Popen(
        [
            streamlit,
            "run",
            "dashboard.py",
            "--server.headless=true",
            f"--server.port={port}",
            "--server.address=127.0.0.1",
        ],  # fmt: skip
        cwd=ROOT,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
    )


def stop(process: subprocess.Popen) -> None:
    """Stop a server: politely, then firmly after 10 s."""
    process.terminate()
    try:
        process.wait(timeout=10)
    except subprocess.TimeoutExpired:
        process.kill()
        process.wait()


def wait_healthy(url: str, process: subprocess.Popen, timeout: float) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if process.poll() is not None:
            output = process.stdout.read().decode(errors="replace") if process.stdout else ""
            if "already in use" in output:
                raise PortTaken(output)
            raise RuntimeError(f"streamlit exited with {process.returncode}:\n{output}")
        if is_healthy(url):
            return
        time.sleep(0.2)
    raise TimeoutError(f"streamlit did not answer on {url} within {timeout} s")


def is_healthy(url: str) -> bool:
    try:
        with urllib.request.urlopen(f"{url}/_stcore/health", timeout=2) as response:
            return response.status == 200
    except OSError:
        return False
