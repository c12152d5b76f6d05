"""Replicas of the dashboard behind Debian's nginx, as deploy/ sets them up, on this machine.

Used by the deploy test (``tests/test_deploy.py``) and the load benchmark (``bench/load.py``).
The site file deploy/nginx/rod-trad.conf runs as it is: ``render_site`` changes only what a
test machine needs changed (its listen port, the replicas' ports, the cache folder). The
replicas are started by deploy/run-replica.sh, the launcher an operator uses.
"""

from __future__ import annotations

import contextlib
import os
import re
import shutil
import subprocess
import sys
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import IO

from tools.server import free_port, is_healthy

ROOT = Path(__file__).resolve().parents[1]
SITE = ROOT / "deploy" / "nginx" / "rod-trad.conf"
LAUNCHER = "deploy/run-replica.sh"
NGINX = "/usr/sbin/nginx"

_LISTEN = re.compile(r"^[ \t]*listen [^;]+;\n", re.MULTILINE)
_REPLICA = re.compile(r"^([ \t]*)server 127\.0\.0\.1:\d+( [^;]*)?;\n", re.MULTILINE)
_CACHE_PATH = re.compile(r"^proxy_cache_path \S+", re.MULTILINE)


def render_site(text: str, listen_port: int, replica_ports: list[int], cache: Path) -> str:
    """The site file for this machine: listen on ``listen_port`` of loopback, send to the
    replicas on ``replica_ports`` (with the parameters of the file's own replica lines), keep
    static files in ``cache``. Everything else stays as the operator gets it."""
    listens = _LISTEN.findall(text)
    replicas = list(_REPLICA.finditer(text))
    caches = _CACHE_PATH.findall(text)
    if not (listens and replicas and len(caches) == 1):
        raise ValueError("deploy/nginx/rod-trad.conf changed shape")
    indent, params = replicas[0].group(1), replicas[0].group(2) or ""
    lines = "".join(f"{indent}server 127.0.0.1:{port}{params};\n" for port in replica_ports)
    text = text[: replicas[0].start()] + lines + text[replicas[-1].end() :]
    first_listen = f"    listen 127.0.0.1:{listen_port};\n"
    text = _LISTEN.sub(lambda m: first_listen if m.group(0) == listens[0] else "", text)
    return _CACHE_PATH.sub(f"proxy_cache_path {cache}", text)


def main_config(prefix: Path, site: Path) -> str:
    """What Debian's /etc/nginx/nginx.conf gives the site, in the test's own folder, plus an
    access log that names each request's replica and sticky key."""
    user = "user root;" if os.geteuid() == 0 else ""  # workers must reach the tmp folders
    temp = "\n".join(
        f"    {kind}_temp_path {prefix / 'temp' / kind};"
        for kind in ("client_body", "proxy", "fastcgi", "uwsgi", "scgi")
    )
    return f"""{user}
worker_processes 1;
pid {prefix / "nginx.pid"};
error_log {prefix / "error.log"} info;
events {{ worker_connections 256; }}
http {{
{temp}
    include {site};
    log_format sessions '$rod_trad_affinity|$upstream_addr|$status|$request_method|$uri';
    access_log {prefix / "access.log"} sessions;
}}
"""


@dataclass
class Proxy:
    url: str
    access_log: Path
    error_log: Path

    def requests(self, key: str) -> list[tuple[str, int, str]]:
        """(replica, status, path) of every request nginx has logged with the sticky ``key``:
        the replica that answered, or "-" where nginx answered from its cache."""
        rows = []
        for line in self.access_log.read_text(encoding="utf-8").splitlines():
            logged_key, upstream, status, _method, path = line.split("|", 4)
            if logged_key == key:
                rows.append((upstream.split(", ")[-1], int(status), path))
        return rows

    def replicas_of(self, key: str) -> set[str]:
        return {upstream for upstream, _, _ in self.requests(key) if upstream != "-"}


@contextlib.contextmanager
def nginx(prefix: Path, replica_ports: list[int]) -> Iterator[Proxy]:
    """Debian's nginx as a child process, with deploy/nginx/rod-trad.conf in front of the
    replicas; stopped on exit."""
    (prefix / "temp").mkdir(parents=True)
    port = free_port()
    site = prefix / "rod-trad.conf"
    rendered = render_site(SITE.read_text("utf-8"), port, replica_ports, prefix / "cache")
    site.write_text(rendered, encoding="utf-8")
    conf = prefix / "nginx.conf"
    conf.write_text(main_config(prefix, site), encoding="utf-8")
    args = [NGINX, "-p", str(prefix), "-c", str(conf), "-e", str(prefix / "error.log")]
    checked = subprocess.run([*args, "-t"], capture_output=True, text=True, check=False)
    if checked.returncode != 0:
        raise RuntimeError(checked.stderr)
    process = subprocess.Popen([*args, "-g", "daemon off;"])
    proxy = Proxy(f"http://127.0.0.1:{port}", prefix / "access.log", prefix / "error.log")
    try:
        deadline = time.monotonic() + 10
        while not is_healthy(proxy.url):
            if process.poll() is not None:
                raise RuntimeError(proxy.error_log.read_text("utf-8"))
            if time.monotonic() > deadline:
                raise TimeoutError("nginx did not answer")
            time.sleep(0.1)
        yield proxy
    finally:
        process.terminate()
        process.wait(timeout=10)


def start_replica(
    port: int, db: Path, mode: str, *, root: Path = ROOT, output: IO | int = subprocess.PIPE
) -> subprocess.Popen:
    """deploy/run-replica.sh of the checkout ``root`` on ``port``, reading ``db`` in ``mode``,
    with this interpreter's streamlit; its output to ``output``."""
    env = {
        **os.environ,
        "ROD_TRAD_DB": str(db),
        "ROD_TRAD_MODE": mode,
        "STREAMLIT": shutil.which("streamlit", path=str(Path(sys.executable).parent)) or "",
    }
    return subprocess.Popen([str(root / LAUNCHER), str(port)], cwd=root, env=env,
                            stdout=output, stderr=subprocess.STDOUT)  # fmt: skip
