"""A Streamlit session without a browser, for the load benchmark (bench/load.py).

It speaks the protocol the browser speaks: Streamlit's own protobufs (``BackMsg`` up,
``ForwardMsg`` down) over the WebSocket ``/_stcore/stream``, with the ``websockets`` library
Streamlit itself depends on. A session first loads the page's address over HTTP (where nginx
hands out its sticky cookie), opens the WebSocket with that cookie, and asks for a run of the
page as a browser does on load. An interaction is what a click sends: a page link asks for a
run of its page with its query string, a segmented control sends its new value as a widget
state. The interaction ends with the run's ``script_finished``, when the browser would have
the whole page.

The client reads only what a resident's browser would use next: the page links, the
segmented controls, and what marks an error (an exception, our Swedish crash message, a
"hittades inte" title). It draws nothing, so one process can drive 25 sessions on a 2-core
machine where 25 Chromium tabs could not.
"""

from __future__ import annotations

import asyncio
import http.cookiejar
import time
import urllib.request
from dataclasses import dataclass, field
from urllib.parse import urlsplit

import websockets
from streamlit.proto.BackMsg_pb2 import BackMsg
from streamlit.proto.ForwardMsg_pb2 import ForwardMsg

from ui.data import CRASH_MESSAGE

FINISHED = ForwardMsg.ScriptFinishedStatus
RUN_DONE = {FINISHED.FINISHED_SUCCESSFULLY, FINISHED.FINISHED_FRAGMENT_RUN_SUCCESSFULLY}
NOT_FOUND = "hittades inte"  # ui.public_view.not_found's title ends so
TIMEOUT = 60.0  # seconds an interaction may take before it counts as an error


class LostSession(RuntimeError):
    """The server closed the WebSocket or started a new session in its place."""


@dataclass(frozen=True)
class Link:
    page: str  # the page's URL path ("omrade")
    page_script_hash: str
    query_string: str  # "id=O1"
    label: str


@dataclass(frozen=True)
class Choice:
    """A segmented control (``st.segmented_control``): its widget id and option texts."""

    widget_id: str
    label: str
    options: tuple[str, ...]
    selected: str | None


@dataclass
class Page:
    """What one run of a page showed, as far as a next click needs it."""

    links: list[Link] = field(default_factory=list)
    choices: list[Choice] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)
    messages: int = 0
    message_bytes: int = 0


def sticky_cookie(base_url: str, path: str) -> str:
    """Load the page's address as a browser does first; the cookies it is given, as a
    ``Cookie`` header (nginx's sticky cookie; Streamlit sets none on the page itself)."""
    jar = http.cookiejar.CookieJar()
    opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(jar))
    with opener.open(f"{base_url}/{path}", timeout=30) as response:
        response.read()
    return "; ".join(f"{cookie.name}={cookie.value}" for cookie in jar)


class Session:
    """One browser tab on the dashboard, driven over the protocol."""

    def __init__(self, base_url: str) -> None:
        self.base_url = base_url
        self.session_id: str | None = None
        self.page = Page()
        self.page_name = ""
        self.query_string = ""
        self.picked: dict[str, str] = {}  # widget id → the option this session picked last
        self._socket = None

    async def open(self, path: str = "", query_string: str = "") -> Page:
        """Load ``/<path>?<query_string>`` in a new tab: the HTTP page, the WebSocket, the run."""
        cookie = await asyncio.to_thread(sticky_cookie, self.base_url, path)
        parts = urlsplit(self.base_url)
        self._socket = await websockets.connect(
            f"ws://{parts.netloc}/_stcore/stream",
            subprotocols=["streamlit"],
            origin=f"{parts.scheme}://{parts.netloc}",
            additional_headers={"Cookie": cookie} if cookie else None,
            max_size=None,
            open_timeout=TIMEOUT,
        )
        return await self._run(path, query_string)

    async def follow(self, link: Link) -> Page:
        """Click a page link."""
        return await self._run(link.page, link.query_string, link.page_script_hash)

    async def pick(self, choice: Choice, option: str) -> Page:
        """Pick ``option`` in a segmented control of the page shown."""
        back = BackMsg()
        state = back.rerun_script.widget_states.widgets.add()
        state.id = choice.widget_id
        state.string_array_value.data.append(option)
        return await self._run(self.page_name, self.query_string, widget_states=back)

    async def close(self) -> None:
        if self._socket is not None:
            await self._socket.close()

    async def _run(
        self,
        page_name: str,
        query_string: str,
        page_script_hash: str = "",
        widget_states: BackMsg | None = None,
    ) -> Page:
        back = widget_states or BackMsg()
        back.rerun_script.page_name = page_name
        back.rerun_script.query_string = query_string
        back.rerun_script.page_script_hash = page_script_hash
        self.page_name, self.query_string = page_name, query_string
        try:
            await self._socket.send(back.SerializeToString())
            self.page = await asyncio.wait_for(self._read_run(), TIMEOUT)
        except websockets.ConnectionClosed as closed:
            raise LostSession(f"the WebSocket closed ({closed})") from closed
        return self.page

    async def _read_run(self) -> Page:
        page = Page()
        while True:
            frame = await self._socket.recv()
            page.messages += 1
            page.message_bytes += len(frame)
            msg = ForwardMsg()
            msg.ParseFromString(frame)
            kind = msg.WhichOneof("type")
            if kind == "new_session":
                self._note_session(msg)
            elif kind == "delta" and msg.delta.WhichOneof("type") == "new_element":
                _read_element(msg.delta.new_element, page)
            elif kind == "script_finished":
                if msg.script_finished in RUN_DONE:
                    return page
                if msg.script_finished == FINISHED.FINISHED_WITH_COMPILE_ERROR:
                    page.problems.append("the script did not compile")
                    return page
                page = Page()  # finished early for a rerun: the rerun draws the page

    def _note_session(self, msg: ForwardMsg) -> None:
        if not msg.new_session.HasField("initialize"):
            return
        session_id = msg.new_session.initialize.session_id
        if self.session_id is not None and session_id != self.session_id:
            raise LostSession(f"session {self.session_id} became {session_id}")
        self.session_id = session_id


def _read_element(element, page: Page) -> None:
    kind = element.WhichOneof("type")
    if kind == "page_link":
        link = element.page_link
        page.links.append(Link(link.page, link.page_script_hash, link.query_string, link.label))
    elif kind == "button_group" and len(element.button_group.options) > 1:
        group = element.button_group
        options = tuple(o.content for o in group.options)
        selected = options[group.default[0]] if group.default else None
        page.choices.append(Choice(group.id, group.label, options, selected))
    elif kind == "exception":
        page.problems.append(f"exception: {element.exception.type}")
    elif kind == "alert" and CRASH_MESSAGE in element.alert.body:
        page.problems.append("the page showed the crash message")
    elif kind == "heading" and element.heading.body.endswith(NOT_FOUND):
        page.problems.append(f"not found: {element.heading.body}")


async def timed(action) -> tuple[float, Page]:
    """Seconds from the click to the end of its run, and the page it drew."""
    start = time.perf_counter()
    page = await action
    return time.perf_counter() - start, page
