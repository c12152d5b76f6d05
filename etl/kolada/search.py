"""``python -m etl kolada search``: the KPIs whose title or description holds every word asked
for, from Kolada's catalogue kept in a folder (fetched once into it) or asked live."""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from pathlib import Path

from etl.kolada.client import Client

CATALOGUE = "kpi_catalogue.json"
_DISCONTINUED = re.compile(r"\(-\d{4}\)\s*$")
# Kolada writes the unit last in the title, after a comma: "Kostnad förskola, kr/inskrivet barn".
_UNIT = re.compile(r",\s*([^,]{1,40})$")


@dataclass(frozen=True)
class Match:
    id: str
    title: str
    unit: str
    operating_area: str
    latest_period: str
    discontinued: bool


def catalogue(client: Client, folder: Path | None) -> list[dict]:
    """Every KPI's metadata: from ``folder`` if fetched into it before, else from Kolada (and
    then kept in ``folder``, when one is given)."""
    kept = folder / CATALOGUE if folder else None
    if kept and kept.exists():
        return json.loads(kept.read_text("utf-8"))
    values = [v for page in client.pages("kpi") for v in page.values]
    if kept:
        kept.parent.mkdir(parents=True, exist_ok=True)
        temporary = kept.with_name(f".{kept.name}.incoming")
        temporary.write_text(json.dumps(values, ensure_ascii=False), "utf-8")
        temporary.replace(kept)
    return values


def search(kpis: list[dict], text: str) -> list[Match]:
    """The KPIs whose title or description holds every word of ``text`` (any case)."""
    words = text.casefold().split()
    found = []
    for kpi in kpis:
        title = str(kpi.get("title") or "")
        haystack = f"{title} {kpi.get('description') or ''}".casefold()
        if words and all(word in haystack for word in words):
            unit = _UNIT.search(_DISCONTINUED.sub("", title))
            found.append(
                Match(
                    id=str(kpi.get("id") or ""),
                    title=title,
                    unit=unit.group(1).strip() if unit else "",
                    operating_area=str(kpi.get("operating_area") or ""),
                    latest_period=str(kpi.get("publ_period") or ""),
                    discontinued=bool(_DISCONTINUED.search(title)),
                )
            )
    return sorted(found, key=lambda m: (m.discontinued, m.id))
