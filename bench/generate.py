"""Generate a large synthetic goal model as a CSV source folder in the interchange format.

At the ``large`` scale (fraction 1.0) the model has 1,000 goals (vision → 6 områden → 60 kf-mål
→ 400 nämndmål → 533 verksamhetsmål, some with two parents), 3,000 indicators linked 1–5 per
goal below område, a target per link and year, and outcomes for 290 municipalities and riket:

* every indicator has a value per tertial for 12 years (3,000 × 36 × 291 ≈ 31.4 M rows);
* every tenth indicator also has K and M series (+ 6.3 M rows);
* 7 indicators in 30 also have yearly values (+ 2.4 M rows);

≈ 40.2 M outcome rows in all. A fraction ``f`` scales the goals and indicators (so the outcome
rows, ≈ 40 M × f); the 291 subjects and the 12 years stay. A separate goal fraction scales the
goals alone: the ``city`` scale has ten times the goals of ``large`` (≈ 10,000) but a tenth of
its indicators (300, so ≈ 4 M outcome rows), the shape of a big city where every board and unit
sets its own goals on the same few hundred key figures. Everything is synthetic.

The goal model is small and made in Python with a seeded ``random.Random``; targets and
outcomes are written by DuckDB (``queries/bench/generate/``) straight from ``range()`` with
hash-based pseudo-random values, so forty million rows never pass through Python. The same
scale gives the same data.

    python -m bench.generate --scale large --out bench/out/source-large
"""

from __future__ import annotations

import argparse
import json
import random
import time
from dataclasses import asdict, dataclass
from pathlib import Path

import duckdb
import pyarrow as pa

import warehouse

GENERATOR_VERSION = 1
ROOT = Path(__file__).resolve().parents[1]
OUT = ROOT / "bench" / "out"

SCALES = {"tiny": 0.001, "small": 0.02, "medium": 0.25, "large": 1.0}

# A big city: ≈ 10,000 goals (some 270 nämndmål per board, 90 verksamhetsmål per unit) on 300
# indicators, so about a hundred goals follow each indicator.
CITY = "city"
CITY_FRACTION, CITY_GOAL_FRACTION = 0.1, 10.0

MUNICIPALITY = "9999"  # fictional, like the example municipality
FIRST_YEAR = 2014
YEARS = 12
SUBJECTS = 291  # riket (0000), the municipality (9999) and 289 other fictional codes 9002…9290
TERTIALS = 3 * YEARS
ASSESSED_PERIODS = (f"{FIRST_YEAR + YEARS - 2}", f"{FIRST_YEAR + YEARS - 1}-T2")

# Every GENDERED_EVERY-th indicator (from index 3) also has K and M series; indicators whose
# index mod YEARLY_OF is below YEARLY_COUNT also have yearly values.
GENDERED_EVERY = 10
YEARLY_COUNT, YEARLY_OF = 7, 30

NÄMNDER = 15
ENHETER = 60


@dataclass(frozen=True)
class Size:
    """Counts of one scale: ``fraction`` scales the indicators, ``goal_fraction`` the goals."""

    fraction: float
    goal_fraction: float
    areas: int
    kf_goals: int
    board_goals: int
    unit_goals: int
    indicators: int

    @classmethod
    def of(cls, fraction: float, goal_fraction: float | None = None) -> Size:
        """The goals scale with ``goal_fraction`` when given, else with ``fraction``."""
        goals = fraction if goal_fraction is None else goal_fraction
        for name, value in (("scale fraction", fraction), ("goal fraction", goals)):
            if not 0 < value <= 10:
                raise ValueError(f"{name} must be in (0, 10], got {value}")
        return cls(
            fraction=fraction,
            goal_fraction=goals,
            areas=max(1, round(6 * goals)),
            kf_goals=max(1, round(60 * goals)),
            board_goals=max(1, round(400 * goals)),
            unit_goals=max(1, round(533 * goals)),
            indicators=max(6, round(3000 * fraction)),
        )

    @property
    def goals(self) -> int:
        return 1 + self.areas + self.kf_goals + self.board_goals + self.unit_goals

    @property
    def gendered(self) -> int:
        return len(range(3, self.indicators, GENDERED_EVERY))

    @property
    def yearly(self) -> int:
        return sum(1 for i in range(self.indicators) if i % YEARLY_OF < YEARLY_COUNT)

    @property
    def tertial_series(self) -> int:
        return self.indicators + 2 * self.gendered

    @property
    def outcome_rows(self) -> int:
        return SUBJECTS * (self.tertial_series * TERTIALS + self.yearly * YEARS)


def parse_scale(text: str) -> tuple[str, float]:
    """``large`` → ("large", 1.0); ``0.1`` → ("0.1", 0.1)."""
    if text in SCALES:
        return text, SCALES[text]
    try:
        fraction = float(text)
    except ValueError:
        raise argparse.ArgumentTypeError(
            f"scale: one of {', '.join(SCALES)} or a fraction such as 0.1"
        ) from None
    Size.of(fraction)  # validates the range
    return text, fraction


# --- the goal model (small; Python) ----------------------------------------------------------


def _organisation() -> list[dict]:
    rows = [
        {"org_id": "KF", "name": "Kommunfullmäktige", "type": "fullmäktige", "parent_id": None},
        {"org_id": "KS", "name": "Kommunstyrelsen", "type": "styrelse", "parent_id": "KF"},
    ]
    for n in range(1, NÄMNDER + 1):
        rows.append(
            {"org_id": f"N{n:02}", "name": f"Nämnd {n}", "type": "nämnd", "parent_id": "KF"}
        )
    for n in range(1, NÄMNDER + 1):
        rows.append(
            {
                "org_id": f"F{n:02}",
                "name": f"Förvaltning {n}",
                "type": "förvaltning",
                "parent_id": f"N{n:02}",
            }
        )
    for e in range(1, ENHETER + 1):
        rows.append(
            {
                "org_id": f"E{e:03}",
                "name": f"Enhet {e}",
                "type": "enhet",
                "parent_id": f"F{(e - 1) % NÄMNDER + 1:02}",
            }
        )
    rows.append({"org_id": "B1", "name": "Bostadsbolaget", "type": "bolag", "parent_id": "KS"})
    for row in rows:
        row["short_name"] = row["org_id"]
    return rows


def _goals(size: Size, rng: random.Random) -> list[dict]:
    goals: list[dict] = []

    def add(goal_id: str, level: str, parents: list[str], responsible: str, **extra) -> None:
        goals.append(
            {
                "goal_id": goal_id,
                "title": f"{level.capitalize()} {goal_id} (syntetiskt)",
                "level": level,
                "parent_ids": ";".join(parents) or None,
                "responsible": responsible,
                "valid_from": str(extra.get("valid_from", FIRST_YEAR)),
                "valid_to": str(extra["valid_to"]) if extra.get("valid_to") else None,
                "description": f"Syntetiskt mål för prestandatest, nivå {level}.",
                "agenda2030": extra.get("agenda2030"),
                "public": "nej" if rng.random() < 0.05 else "ja",
                "weight": extra.get("weight"),
            }
        )

    last_year = FIRST_YEAR + YEARS - 1
    add("V", "vision", [], "KF")
    areas = [f"O{a}" for a in range(1, size.areas + 1)]
    for a, goal_id in enumerate(areas):
        add(goal_id, "område", ["V"], "KF", agenda2030=f"{a % 17 + 1}")
    kf = [f"KF{k:02}" for k in range(1, size.kf_goals + 1)]
    for k, goal_id in enumerate(kf):
        # One kf-mål in ten was replaced three years before the end.
        add(
            goal_id,
            "kf-mål",
            [areas[k % len(areas)]],
            "KF;KS",
            valid_to=last_year - 3 if k % 10 == 9 else None,
            agenda2030=f"{k % 17 + 1};{k % 17 + 1}.{k % 3 + 1}",
        )
    boards = [f"NM{j:03}" for j in range(1, size.board_goals + 1)]
    for j, goal_id in enumerate(boards):
        parents = [kf[j % len(kf)]]
        if j % 7 == 3 and len(kf) > 1:  # feeds two kf-mål
            parents.append(kf[(j + len(kf) // 2 + 1) % len(kf)])
            parents = list(dict.fromkeys(parents))
        add(
            goal_id,
            "nämndmål",
            parents,
            f"N{j % NÄMNDER + 1:02}",
            valid_from=FIRST_YEAR + 4 if j % 8 == 0 else FIRST_YEAR,
            weight="2" if j % 9 == 0 else None,
        )
    for m in range(size.unit_goals):
        goal_id = f"VM{m + 1:04}"
        parents = [boards[m % len(boards)]]
        if m % 5 == 2 and len(boards) > 1:  # feeds two nämndmål
            parents.append(boards[(m + 37) % len(boards)])
            parents = list(dict.fromkeys(parents))
        org = f"F{m % NÄMNDER + 1:02};E{m % ENHETER + 1:03}"
        add(
            goal_id, "verksamhetsmål", parents, org, valid_to=last_year - 2 if m % 12 == 0 else None
        )
    return goals


def _indicators(size: Size) -> list[dict]:
    rows = []
    for i in range(size.indicators):
        direction = ("higher", "higher", "higher", "higher", "lower", "lower", "neutral")[i % 7]
        kolada = i % 3 == 0
        rows.append(
            {
                "indicator_id": _indicator_id(i),
                "title": f"Nyckeltal {i + 1} (syntetiskt)",
                "direction": direction,
                "unit": "%" if i % 2 else "antal",
                "decimals": "1",
                "source": "kolada" if kolada else "egen",
                "kolada_kpi": f"N{10000 + i}" if kolada else None,
                "description": "Syntetiskt nyckeltal för prestandatest.",
                "public": "ja",
            }
        )
    return rows


def _indicator_id(i: int) -> str:
    return f"I{i + 1:05}"


def _links(goals: list[dict], size: Size, rng: random.Random) -> list[dict]:
    """1–5 indicators per goal below område."""
    links = []
    for goal in goals:
        if goal["level"] in ("vision", "område"):
            continue
        for i in sorted(rng.sample(range(size.indicators), rng.randint(1, 5))):
            links.append(
                {
                    "goal_id": goal["goal_id"],
                    "indicator_id": _indicator_id(i),
                    "weight": "2" if rng.random() < 0.2 else None,
                    "_i": i,
                }
            )
    return links


def _assessments(goals: list[dict], rng: random.Random) -> list[dict]:
    """The nämnd's own assessments of kf-mål, nämndmål and half the verksamhetsmål."""
    rows = []
    statuses = ("uppfyllt", "delvis", "ej uppfyllt", "ej bedömt")
    for period in ASSESSED_PERIODS:
        year = int(period[:4])
        for goal in goals:
            if goal["level"] in ("vision", "område"):
                continue
            if goal["level"] == "verksamhetsmål" and rng.random() < 0.5:
                continue
            if goal["valid_to"] and int(goal["valid_to"]) < year:
                continue
            status = rng.choices(statuses, weights=(40, 35, 20, 5))[0]
            rows.append(
                {
                    "goal_id": goal["goal_id"],
                    "period": period,
                    "status": status,
                    "assessed_by": goal["responsible"].split(";")[0],
                    "analysis": f"Syntetisk analys av {goal['goal_id']} för {period}.",
                    "actions": "Fortsatt arbete enligt plan." if rng.random() < 0.5 else None,
                    "override_reason": "Nämndens samlade bedömning."
                    if rng.random() < 0.3
                    else None,
                    "assessed_on": f"{year + 1}-02-15" if len(period) == 4 else f"{year}-09-30",
                }
            )
    return rows


def generate(
    out: Path, fraction: float = 1.0, seed: int = 2024, goal_fraction: float | None = None
) -> dict:
    """Write the source folder ``out`` (replacing its CSV files); return a summary."""
    size = Size.of(fraction, goal_fraction)
    out.mkdir(parents=True, exist_ok=True)
    for old in out.glob("*.csv"):
        old.unlink()
    rng = random.Random(seed)
    started = time.perf_counter()
    goals = _goals(size, rng)
    links = _links(goals, size, rng)
    for n, link in enumerate(links):
        link["link_no"] = n
    small = {
        "settings": [
            {"key": "municipality_code", "value": MUNICIPALITY},
            {"key": "municipality_name", "value": "Benchby kommun (syntetisk)"},
            {"key": "data_notice", "value": "Syntetiska data för prestandatest (bench/)."},
            {"key": "rule_preset", "value": "two_thirds"},
            {"key": "max_outcome_age_years", "value": "1"},
        ],
        "organisation": _organisation(),
        "goals": goals,
        "indicators": _indicators(size),
        "goal_indicators": links,
        "assessments": _assessments(goals, rng),
    }
    tables = {table: pa.Table.from_pylist(records) for table, records in small.items()}
    rows: dict[str, int] = {}
    with duckdb.connect() as con:
        warehouse.script(con, "bench/generate/macros")
        for table, data in tables.items():
            if table == "goal_indicators":  # the link's indicator index and number: for targets
                data = data.drop_columns(["_i", "link_no"])
            con.register("generated_rows", data)
            path = str(out / f"{table}.csv")
            [(rows[table],)] = warehouse.rows(con, "bench/generate/rows", path=path)
            con.unregister("generated_rows")
        # Targets and outcomes: large, so DuckDB writes them straight from range().
        con.register("link_rows", tables["goal_indicators"])
        con.register("goal_rows", tables["goals"])
        con.register("indicator_rows", tables["indicators"])
        years = {"first_year": FIRST_YEAR, "years": YEARS}
        [(rows["targets"],)] = warehouse.rows(
            con,
            "bench/generate/targets",
            path=str(out / "targets.csv"),
            gendered_every=GENDERED_EVERY,
            **years,
        )
        [(rows["outcomes"],)] = warehouse.rows(
            con,
            "bench/generate/outcomes",
            path=str(out / "outcomes.csv"),
            subjects=SUBJECTS,
            municipality=MUNICIPALITY,
            indicators=size.indicators,
            tertial_series=size.tertial_series,
            gendered_every=GENDERED_EVERY,
            yearly_series=size.yearly,
            yearly_of=YEARLY_OF,
            yearly_count=YEARLY_COUNT,
            **years,
        )
    summary = {
        "generator_version": GENERATOR_VERSION,
        "seed": seed,
        "size": asdict(size) | {"goals": size.goals, "subjects": SUBJECTS, "years": YEARS},
        "rows": rows,
        "bytes": sum(p.stat().st_size for p in out.glob("*.csv")),
        "seconds": round(time.perf_counter() - started, 2),
    }
    (out / "GENERATED.json").write_text(json.dumps(summary, indent=2) + "\n", encoding="utf-8")
    return summary


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench.generate", description=__doc__)
    parser.add_argument(
        "--scale",
        type=parse_scale,
        default=("large", 1.0),
        help=f"{', '.join(SCALES)} or a fraction of large (default large)",
    )
    parser.add_argument(
        "--goal-fraction",
        type=float,
        help=f"scale the goals alone, e.g. {CITY_GOAL_FRACTION:g} with --scale {CITY_FRACTION:g} "
        "for a big city (default: the scale's fraction)",
    )
    parser.add_argument("--out", type=Path, help="the source folder (bench/out/source-<scale>)")
    parser.add_argument("--seed", type=int, default=2024)
    args = parser.parse_args(argv)
    label, fraction = args.scale
    out = args.out or OUT / f"source-{label}"
    summary = generate(out, fraction, args.seed, args.goal_fraction)
    print(json.dumps(summary, indent=2))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
