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
outcomes are written by DuckDB straight from ``range()`` with hash-based pseudo-random values,
so forty million rows never pass through Python. The same scale gives the same data.

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


# --- targets and outcomes (large; DuckDB) ----------------------------------------------------

_MACROS = f"""
-- A deterministic pseudo-random number in [0, 1) per key and salt.
create or replace temp macro rnd(k, salt) as (hash(k, salt) % 1000003)::double / 1000003;
create or replace temp macro ind_base(i) as 25 + 65 * rnd(i, 'base');
-- Change per tertial, ± 0.2.
create or replace temp macro ind_trend(i) as 0.4 * (rnd(i, 'trend') - 0.5);
create or replace temp macro subject_offset(s) as if(s = 1, 0, 20 * (rnd(s, 'subject') - 0.5));
create or replace temp macro gender_offset(g) as
    case g when 'K' then 1.5 when 'M' then -1.5 else 0 end;
-- t: the tertial index from {FIRST_YEAR}-T1 = 0 (a year is valued at its T3).
create or replace temp macro series_value(i, s, g, t, period) as round(
    ind_base(i) + ind_trend(i) * t + subject_offset(s) + gender_offset(g)
    + 4 * (rnd(hash(i, s, g, period), 'noise') - 0.5), 1);
create or replace temp macro subject_code(s) as
    case s when 0 then '0000' when 1 then '{MUNICIPALITY}' else printf('%04d', 9000 + s) end;
create or replace temp macro indicator_id(i) as printf('I%05d', i + 1);
"""


def _outcomes_sql(size: Size) -> str:
    """Tertial series (T for every indicator, then K and M for the gendered ones), then yearly."""
    per_series = TERTIALS * SUBJECTS
    per_yearly = YEARS * SUBJECTS
    last_year = FIRST_YEAR + YEARS - 1
    tertial = f"""
        select r, p, s, t, period, year,
            if(k < {size.indicators}, k,
                ((k - {size.indicators}) // 2) * {GENDERED_EVERY} + 3) as i,
            case when k < {size.indicators} then 'T'
                when (k - {size.indicators}) % 2 = 0 then 'K' else 'M' end as g,
        from (
            select range as r, range // {per_series} as k, (range // {SUBJECTS}) % {TERTIALS} as p,
                range % {SUBJECTS} as s, p as t, {FIRST_YEAR} + p // 3 as year,
                printf('%d-T%d', year, p % 3 + 1) as period,
            from range({size.tertial_series * per_series})
        )
    """  # noqa: S608 - numbers only
    yearly = f"""
        select r, p, s, 3 * p + 2 as t, year::varchar as period, year,
            (k // {YEARLY_COUNT}) * {YEARLY_OF} + k % {YEARLY_COUNT} as i, 'T' as g,
        from (
            select range as r, range // {per_yearly} as k, (range // {SUBJECTS}) % {YEARS} as p,
                range % {SUBJECTS} as s, {FIRST_YEAR} + p as year,
            from range({size.yearly * per_yearly})
        )
    """  # noqa: S608 - numbers only
    return f"""
        select
            indicator_id(i) as indicator_id,
            period,
            -- 1 % missing values (an empty cell, never 0).
            if(rnd(hash(i, s, g, period), 'missing') < 0.01, null,
                series_value(i, s, g, t, period)) as value,
            subject_code(s) as subject,
            g as gender,
            if(year = {last_year}, 'ja', null) as preliminary,
        from ({tertial} union all {yearly})
    """  # noqa: S608 - numbers only


_TARGETS_SQL = f"""
    with links as (
        select l.goal_id, l.indicator_id, l._i as i, l.link_no, ind.direction,
            coalesce(g.valid_from::integer, {FIRST_YEAR}) as valid_from,
            coalesce(g.valid_to::integer, {FIRST_YEAR + YEARS - 1}) as valid_to,
            l._i % {GENDERED_EVERY} = 3 as gendered,
        from link_rows l
        join goal_rows g using (goal_id)
        join indicator_rows ind using (indicator_id)
        where rnd(l.link_no, 'no target') >= 0.05  -- 5 % of the links have no target
    ),
    rows as (
        select l.*, y.year, ge.gender,
            ind_base(i) + ind_trend(i) * (3 * (y.year - {FIRST_YEAR}) + 2)
                + gender_offset(ge.gender) + 6 * (rnd(hash(l.link_no, y.year), 'target') - 0.5)
                as v,
            rnd(l.link_no, 'comparator') as c,
        from links l
        join (select range as year from range({FIRST_YEAR}, {FIRST_YEAR + YEARS})) y
            on y.year between l.valid_from and l.valid_to
        join (values ('T'), ('K')) ge(gender) on ge.gender = 'T' or l.gendered
    )
    select goal_id, indicator_id, year::varchar as period,
        case
            when direction = 'neutral' then 'between'
            when direction = 'higher' then if(c < 0.75, '>=', 'increase')
            else if(c < 0.75, '<=', 'decrease')
        end as comparator,
        if(direction <> 'neutral' and c < 0.75, round(v, 1), null) as value,
        if(direction = 'neutral', round(v - 2, 1), null) as low,
        if(direction = 'neutral', round(v + 2, 1), null) as high,
        case when rnd(link_no, 'tolerance') < 0.33 then '0.5' end as tolerance,
        null as subject,
        if(gender = 'T', null, gender) as gender,
    from rows
    order by link_no, year, gender desc
"""  # noqa: S608 - no user input


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
    rows: dict[str, int] = {}
    with duckdb.connect() as con:
        con.execute(_MACROS)
        for table, records in small.items():
            con.register(f"{table}_arrow", pa.Table.from_pylist(records))
            con.execute(f"create temp table {table}_rows as from {table}_arrow")
            con.unregister(f"{table}_arrow")
        con.execute("create or replace temp table link_rows as from goal_indicators_rows")
        con.execute("create or replace temp table goal_rows as from goals_rows")
        con.execute("create or replace temp table indicator_rows as from indicators_rows")
        for table in small:
            hidden = " exclude (_i, link_no)" if table == "goal_indicators" else ""
            query = f"select *{hidden} from {table}_rows"  # noqa: S608 - our own names
            rows[table] = _copy(con, query, out / f"{table}.csv")
        rows["targets"] = _copy(con, _TARGETS_SQL, out / "targets.csv")
        rows["outcomes"] = _copy(con, _outcomes_sql(size), out / "outcomes.csv")
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


def _copy(con: duckdb.DuckDBPyConnection, query: str, path: Path) -> int:
    [(count,)] = con.execute(f"copy ({query}) to '{path}' (header, delimiter ',')").fetchall()
    return int(count)


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
