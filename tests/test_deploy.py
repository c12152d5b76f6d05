"""Two replicas behind Debian's nginx, set up as in deploy/: every browser sticks to one replica,
keeps working while a build swaps the warehouse under both and sees the new data on its next
rerun, and moves to the other replica when its own one stops. Streamlit's internals are out of
reach through nginx, and nginx keeps the front-end files.

The site file deploy/nginx/rod-trad.conf runs as it is, with the replicas started by
deploy/run-replica.sh (tools/proxy.py, shared with the load benchmark).
"""

from __future__ import annotations

import contextlib
import gzip
import http.cookies
import re
import time
import urllib.error
import urllib.request
from dataclasses import dataclass, field
from pathlib import Path

import pytest

from tests.support.tools import missing
from tests.test_live_swap import renamed_source, run_build
from tools.proxy import NGINX, Proxy, nginx, start_replica
from tools.server import (
    CHROMIUM,
    CHROMIUM_ARGS,
    chromium_missing_reason,
    free_port,
    stop,
    wait_healthy,
)

COOKIE = "rod_trad_replica"
pytestmark = [pytest.mark.browser, pytest.mark.slow]


def get(url: str, method: str = "GET", headers: dict[str, str] | None = None):
    """(status, headers, body) of one request, errors included."""
    request = urllib.request.Request(url, method=method, headers=headers or {})
    try:
        with urllib.request.urlopen(request, timeout=10) as response:
            return response.status, response.headers, response.read()
    except urllib.error.HTTPError as error:
        return error.code, error.headers, error.read()


def active_sessions(replica: str) -> int:
    """The replica's own count of open sessions, asked of it directly (nginx hides it)."""
    _, _, body = get(f"http://{replica}/_stcore/metrics")
    return int(re.search(rb"^active_sessions (\d+)", body, re.MULTILINE).group(1))


def sticky_keys(proxy: Proxy, replicas: list[str], per_replica: int) -> dict[str, list[str]]:
    """Cookies as nginx hands them to new browsers, ``per_replica`` for each replica.

    Which replica a cookie leads to is nginx's hash of a random value, so ask until each
    replica has its share (fewer than two for a replica after 64 cookies: odds below 2^-50)."""
    found: dict[str, list[str]] = {replica: [] for replica in replicas}
    for _ in range(64):
        _, headers, _ = get(f"{proxy.url}/_stcore/health")
        jar = http.cookies.SimpleCookie()
        for header in headers.get_all("Set-Cookie"):  # Streamlit sets its XSRF cookie too
            jar.load(header)
        cookie = jar[COOKIE]
        assert cookie["path"] == "/" and cookie["httponly"] and cookie["samesite"] == "Lax"
        replica = logged_replica(proxy, cookie.value)
        if len(found[replica]) < per_replica:
            found[replica].append(cookie.value)
        if all(len(keys) == per_replica for keys in found.values()):
            return found
    pytest.fail(f"nginx sent 64 new browsers to replicas {found}")


def logged_replica(proxy: Proxy, key: str) -> str:
    """The one replica nginx sent ``key``'s requests to (nginx logs just after it answers)."""
    deadline = time.monotonic() + 5
    while not (replicas := proxy.replicas_of(key)) and time.monotonic() < deadline:
        time.sleep(0.05)
    assert len(replicas) == 1, f"the requests of {key} went to {replicas or 'no replica'}"
    return replicas.pop()


@dataclass
class Session:
    """One browser (its own cookie jar) with one tab on the dashboard."""

    page: object
    key: str = ""
    replica: str = ""
    sockets: list = field(default_factory=list)
    assets: list[str] = field(default_factory=list)

    def open(self, url: str) -> None:
        self.page.on("websocket", lambda socket: self.sockets.append(socket))
        self.page.on("response", self._note_asset)
        self.page.goto(url)

    def _note_asset(self, response) -> None:
        if "/static/js/" in response.url:
            self.assets.append(response.url)

    def shows(self, name: str) -> None:
        from playwright.sync_api import expect

        # The municipality's name: in the sidebar (internal), as the start page's title (public).
        expect(self.page.get_by_text(name, exact=True).first).to_be_visible(timeout=30_000)
        assert self.page.get_by_test_id("stException").count() == 0

    def rerun(self) -> None:
        self.page.keyboard.press("r")  # Streamlit's shortcut for a rerun

    def connected(self) -> bool:
        return bool(self.sockets) and not self.sockets[-1].is_closed()

    def wait_for_sockets(self, count: int, timeout: float = 30) -> None:
        """Until the tab has opened ``count`` WebSockets and the last one is open."""
        deadline = time.monotonic() + timeout
        while not (len(self.sockets) >= count and self.connected()):
            assert time.monotonic() < deadline, f"{len(self.sockets)} WebSockets, not {count}"
            self.page.wait_for_timeout(100)


def check_internals_are_hidden(proxy: Proxy, replica: str) -> None:
    for path in ["/_stcore/metrics", "/_stcore/agent/openapi.json", "/_stcore/script-health-check",
                 "/_stcore/upload_file/a/b", "/indicator/_stcore/metrics"]:  # fmt: skip
        status, _, _ = get(f"{proxy.url}{path}")
        assert status == 404, f"{path} answered {status} through nginx"
    assert get(f"http://{replica}/_stcore/metrics")[0] == 200  # nginx is what hides it
    assert get(f"{proxy.url}/", method="POST")[0] == 405
    # What the browser needs before it opens the WebSocket:
    assert get(f"{proxy.url}/_stcore/health")[0] == 200
    assert get(f"{proxy.url}/_stcore/host-config")[0] == 200

    status, headers, body = get(f"{proxy.url}/", headers={"Accept-Encoding": "gzip"})
    assert status == 200
    # Swedish pages say so, for screen readers; Streamlit's own page says English.
    page = gzip.decompress(body) if headers["Content-Encoding"] == "gzip" else body
    assert b'<html lang="sv">' in page
    assert b'<html lang="en">' in get(f"http://{replica}/")[2]
    assert headers["X-Content-Type-Options"] == "nosniff"
    assert headers["Referrer-Policy"] == "same-origin"
    assert headers["Content-Security-Policy"] == "frame-ancestors 'self'"
    assert headers["Server"] == "nginx"  # no version


def missing_reason() -> str | None:
    if not Path(NGINX).exists():
        return f"nginx is not installed at {NGINX} (apt-get install nginx)"
    return chromium_missing_reason()


# The replicas' ROD_TRAD_MODE (public unless told otherwise), and the page with a CSV download
# in that mode, with its button.
DOWNLOADS = {
    "public": ("indikator?id=N15505", "Ladda ner värdena (CSV)"),
    "internal": ("indicator", "Ladda ner som CSV"),
}


@pytest.mark.parametrize("mode", ["public"])
def test_sessions_stick_to_a_replica_and_see_a_new_build(tmp_path, mode):
    reason = missing_reason()
    if reason:
        missing(reason)
    from playwright.sync_api import sync_playwright

    db = tmp_path / "w.duckdb"
    run_build(renamed_source(tmp_path, "Förstaby"), db, "--public")  # later builds keep it
    ports = [free_port(), free_port()]
    processes = {f"127.0.0.1:{port}": start_replica(port, db, mode) for port in ports}
    replicas = list(processes)
    with contextlib.ExitStack() as stack:
        for process in processes.values():
            stack.callback(stop, process)
        for replica, process in processes.items():
            wait_healthy(f"http://{replica}", process, timeout=60)
        proxy = stack.enter_context(nginx(tmp_path / "nginx", ports))
        check_internals_are_hidden(proxy, replicas[0])

        pw = stack.enter_context(sync_playwright())
        browser = pw.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        stack.callback(browser.close)
        # Two browsers per replica with cookies nginx handed out, and a newcomer that gets its
        # cookie from nginx with its first page.
        sessions = []
        for replica, keys in sticky_keys(proxy, replicas, per_replica=2).items():
            for key in keys:
                context = browser.new_context()
                context.add_cookies([{"name": COOKIE, "value": key, "url": proxy.url}])
                sessions.append(Session(context.new_page(), key, replica))
        newcomer = Session(browser.new_context().new_page())
        sessions.append(newcomer)
        for session in sessions:
            session.open(f"{proxy.url}/")
        for session in sessions:
            session.shows("Förstaby")
        cookies = {c["name"]: c["value"] for c in newcomer.page.context.cookies()}
        assert COOKIE in cookies, f"the browser kept no cookie from nginx: {cookies}"
        newcomer.key = cookies[COOKIE]
        newcomer.replica = logged_replica(proxy, newcomer.key)

        # Sticky: every request of a browser went to its replica, and so did its WebSocket
        # (each replica counts the sessions it holds).
        for session in sessions:
            assert proxy.replicas_of(session.key) == {session.replica}
        for replica in replicas:
            expected = sum(s.replica == replica for s in sessions)
            assert active_sessions(replica) == expected, replica

        # A build swaps the warehouse under both replicas: every session keeps its WebSocket
        # and shows the new build on its next rerun.
        run_build(renamed_source(tmp_path, "Andraby"), db)
        for session in sessions:
            session.rerun()
        for session in sessions:
            session.shows("Andraby")
            assert len(session.sockets) == 1 and session.connected()

        # One replica stops. nginx's passive health check sends its browsers to the other
        # replica, where they open new sessions; the other replica's browsers keep theirs.
        # All of them show the next build.
        gone, kept = replicas
        stop(processes[gone])
        for session in sessions:
            session.wait_for_sockets(1 + (session.replica == gone))
        run_build(renamed_source(tmp_path, "Tredjeby"), db)
        for session in sessions:
            session.rerun()
        for session in sessions:
            session.shows("Tredjeby")
            assert len(session.sockets) == 1 + (session.replica == gone) and session.connected()
        assert active_sessions(kept) == len(sessions)

        # A CSV download: the file lives in the memory of the session's replica (/media/).
        downloader = next(s for s in sessions if s.replica == kept)
        page, label = DOWNLOADS[mode]
        downloader.page.goto(f"{proxy.url}/{page}")
        button = downloader.page.get_by_role("button", name=label)
        with downloader.page.expect_download(timeout=30_000) as download:
            button.click(timeout=30_000)
        assert Path(download.value.path()).read_bytes().count(b"\n") > 1
        media = [(u, status) for u, status, path in proxy.requests(downloader.key)
                 if path.startswith("/media/")]  # fmt: skip
        assert media and set(media) == {(kept, 200)}

        # nginx keeps the hashed front-end files: they are served with both replicas gone.
        asset = sessions[0].assets[0]
        browser.close()
        stop(processes[kept])
        status, headers, body = get(asset, headers={"Accept-Encoding": "gzip"})
        assert status == 200 and gzip.decompress(body)
        assert headers["Content-Encoding"] == "gzip"  # nginx's; Streamlit sends them plain
        cache_control = headers["Cache-Control"]
        assert "immutable" in cache_control and "max-age=31536000" in cache_control
        assert get(f"{proxy.url}/")[0] == 502
