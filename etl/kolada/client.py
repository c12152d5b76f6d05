"""Kolada's API v3 over HTTP: one polite client, pages followed to the end, every failure a
``KoladaError`` with one Swedish line that names the address.

Retries (429 honouring ``Retry-After``, 5xx, timeouts, dropped connections) are httpx-retries'
``RetryTransport`` with exponential backoff; every request has a timeout; requests are spaced to
a polite rate (Kolada documents no limit; its clients keep to about five a second).
"""

from __future__ import annotations

import json
import os
import time
from collections.abc import Iterator
from dataclasses import dataclass

import httpx
from httpx_retries import Retry, RetryTransport

DEFAULT_BASE_URL = "https://api.kolada.se/v3"
BASE_URL_VARIABLE = "KOLADA_BASE_URL"
PAGE_SIZE = 5000  # Kolada's maximum and default
MAX_IDS = 25  # v3 refuses longer comma lists
RETRY_STATUSES = (429, 500, 502, 503, 504)


class KoladaError(Exception):
    """Kolada could not be reached or answered with something unusable; ``str()`` is the one
    line to show."""


@dataclass(frozen=True)
class Page:
    """One page as received: its address, its bytes, the parsed ``values`` and the address of
    the next page (None on the last)."""

    url: str
    body: bytes
    values: list
    next_url: str | None


def base_url(given: str | None = None) -> str:
    """``--base-url``, else ``KOLADA_BASE_URL``, else Kolada's own address; no trailing slash."""
    return (given or os.environ.get(BASE_URL_VARIABLE) or DEFAULT_BASE_URL).rstrip("/")


def chunks(ids: list[str], size: int = MAX_IDS) -> list[list[str]]:
    """``ids`` in lists of at most ``size`` (Kolada's limit per comma list)."""
    return [ids[i : i + size] for i in range(0, len(ids), size)]


class Client:
    """A session with Kolada. ``rate``: requests per second at most; ``timeout``: seconds per
    request (connect, read, write); ``retries`` and ``backoff``: as httpx-retries counts them
    (the waits are ``backoff`` × 2ⁿ seconds, jittered, or what ``Retry-After`` asks)."""

    def __init__(
        self,
        base: str,
        *,
        rate: float = 5.0,
        timeout: float = 30.0,
        retries: int = 5,
        backoff: float = 0.5,
    ):
        self.base = base.rstrip("/")
        self.requests = 0
        self._interval = 1.0 / rate if rate > 0 else 0.0
        self._last = 0.0
        retry = Retry(
            total=retries,
            backoff_factor=backoff,
            status_forcelist=RETRY_STATUSES,
            respect_retry_after_header=True,
            max_backoff_wait=120.0,
        )
        self._http = httpx.Client(
            transport=RetryTransport(retry=retry),
            timeout=httpx.Timeout(timeout),
            headers={"Accept": "application/json", "User-Agent": "rod-trad"},
            follow_redirects=True,
            event_hooks={"request": [self._count]},
        )

    def __enter__(self) -> Client:
        return self

    def __exit__(self, *exc) -> None:
        self._http.close()

    def pages(self, path: str, params: dict[str, str] | None = None) -> Iterator[Page]:
        """Every page of ``path`` (relative to the base), following ``next_url`` until it is
        absent or empty, or a page has no values."""
        url: str | None = f"{self.base}/{path.lstrip('/')}"
        query = {"per_page": str(PAGE_SIZE), **(params or {})}
        seen: set[str] = set()
        while url:
            page = self._get(url, query)
            yield page
            seen.add(page.url)
            url = page.next_url
            query = None  # next_url carries the whole query
            if not page.values or url in seen:  # an empty page, or a server going round
                break

    def _count(self, request: httpx.Request) -> None:
        # A hook on every attempt, retries included: the pacing applies to each of them.
        wait = self._last + self._interval - time.monotonic()
        if wait > 0:
            time.sleep(wait)
        self._last = time.monotonic()
        self.requests += 1

    def _get(self, url: str, query: dict[str, str] | None) -> Page:
        shown = url if query is None else str(httpx.URL(url, params=query))
        try:
            response = self._http.get(url, params=query)
        except httpx.TimeoutException:
            raise KoladaError(f"Kolada svarade inte i tid på {shown}.") from None
        except httpx.HTTPError as error:
            raise KoladaError(
                f"Kunde inte nå Kolada på {shown} ({_reason(error)}); kontrollera "
                "nätverket eller försök senare."
            ) from None
        shown = str(response.url)
        if response.status_code != 200:
            raise KoladaError(
                f"Kolada svarade {response.status_code} {response.reason_phrase} på {shown}."
            )
        return _page(shown, response.content)


def _page(url: str, body: bytes) -> Page:
    """The page parsed once, or a ``KoladaError`` for a page that is cut or not Kolada's shape
    (then nothing of it is kept)."""
    try:
        document = json.loads(body)
    except (UnicodeDecodeError, json.JSONDecodeError):
        raise KoladaError(
            f"Kolada skickade en trasig sida (inte hel JSON) på {url}; inget av den har sparats."
        ) from None
    values = document.get("values") if isinstance(document, dict) else None
    if not isinstance(values, list):
        raise KoladaError(
            f"Kolada skickade en sida utan listan values på {url}; inget av den har sparats."
        )
    # v3 says next_url; v2 said next_page, and some v3 mirrors still do.
    nxt = document.get("next_url") or document.get("next_page")
    return Page(url, body, values, nxt if isinstance(nxt, str) and nxt.strip() else None)


def _reason(error: httpx.HTTPError) -> str:
    if isinstance(error, httpx.ConnectError):
        return "ingen anslutning"
    if isinstance(error, httpx.RemoteProtocolError):
        return "anslutningen bröts mitt i svaret"
    return type(error).__name__
