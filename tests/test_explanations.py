"""Every sentence of every explanation states what the engine's tables hold.

For every goal and period of the example municipality and of the property test's generated
models, ``attainment.explain`` is run and each of its sentences is matched against the known
sentence forms; the facts it states are checked against the engine's tables (goal_status,
indicator_status, assessments), and its what-if claims ("två indikatorutfall till som uppfyllt
gör målet delvis uppfyllt") against the independent reference implementation of the rules
(tests/engine_reference.py), applied to the engine's inputs with those inputs changed. A
sentence of no known form fails the test too, so a new sentence needs a check here.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

import duckdb
import pytest
from hypothesis import HealthCheck, given, settings

from attainment.explain import explain
from tests import engine_reference as ref
from tests.test_engine_property import Case, cases, engine_tables

WORDS = {"en": 1, "ett": 1, "två": 2, "tre": 3, "fyra": 4, "fem": 5, "sex": 6, "sju": 7}
WORDS |= {"åtta": 8, "nio": 9, "tio": 10}
PHRASES = {"uppfyllt": "uppfyllt", "delvis uppfyllt": "delvis", "ej uppfyllt": "ej uppfyllt"}
RANK = {"ej uppfyllt": 1, "delvis": 2, "uppfyllt": 3}

BASIS = re.compile(
    r"Den beräknade statusen bygger på (?:(en|\w+) indikator(?:er)?)?(?: och )?(?:(\w+) delmål)?\."
)
LEFT_OUT = re.compile(
    r"(\w+) underlag räknas inte: (.+)\. Täckningen är (\d+)\u00a0% "
    r"\(minst (\d+)\u00a0% krävs\)\."
)
LIFT = re.compile(
    r"(\w+) (indikatorutfall|delmål|underlag) till som uppfyllt gör målet "
    r"(uppfyllt|delvis uppfyllt|ej uppfyllt)\."
)
DATA = re.compile(
    r"Målvärde och utfall för (\w+) underlag till behövs för att målet ska kunna bedömas\."
)
OVERRIDE = re.compile(
    r"Nämndens bedömning \((.+?)\) avviker från den beräknade statusen \((.+?)\) och gäller\. "
    r"(?:Motivering: (.*)|Ingen motivering till avvikelsen har angetts\.)",
    re.S,
)
# better_than: "Meritvärde ska vara bättre än riket (83,1): utfallet är 83,1 (2024), delvis
# uppfyllt." and "… ska vara bättre än riket, som saknar värde för 2024."
NUMBER = r"−?[\d\u00a0]+(?:,\d+)?"
COMPARED = re.compile(
    rf"(.+) ska vara bättre än (.+) \(({NUMBER})\): utfallet är ({NUMBER}) \((\S+)\), "
    r"(uppfyllt|delvis uppfyllt|ej uppfyllt)\."
)
NO_REFERENCE = re.compile(r"(.+) ska vara bättre än (.+), som saknar värde för (\S+)\.")
HIGHEST = "Målet når redan den högsta statusen."
NO_INPUTS = (
    "Målet har inga indikatorer och inga delmål som gäller perioden och kan därför inte bedömas."
)


def number(word: str | None) -> int:
    if word is None:
        return 0
    return WORDS.get(word.lower(), None) or int(word)


def sv_number(text: str) -> float:
    return float(text.replace("\u00a0", "").replace("−", "-").replace(",", "."))


def comparisons_of(con, goal_id: str, period: str) -> list[tuple]:
    """(title, value, value_period, reference_value, status, decimals) of the goal's
    better_than rows that have an outcome of their own, from the engine's table."""
    return con.execute(
        "select i.title, s.value, s.value_period, s.reference_value, s.status, "
        "coalesce(i.decimals, 1) from indicator_status s join indicators i using (indicator_id) "
        "where s.goal_id = ? and s.period = ? and s.comparator = 'better_than' "
        "and s.value is not null",
        [goal_id, period],
    ).fetchall()


def compared_claim(m: re.Match, comparisons: list[tuple]) -> bool:
    """Whether a better_than sentence states one of the goal's better_than rows."""
    if m.re is NO_REFERENCE:
        title, _, when = m.groups()
        return any(c[0] == title and c[2] == when and c[3] is None for c in comparisons)
    title, _, reference, value, when, phrase = m.groups()
    return any(
        c[0] == title
        and c[2] == when
        and c[3] is not None
        and c[4] == PHRASES[phrase]
        # the numbers as shown, to the indicator's decimals
        and abs(sv_number(reference) - c[3]) <= 0.5 * 10 ** -c[5] + 1e-9
        and abs(sv_number(value) - c[1]) <= 0.5 * 10 ** -c[5] + 1e-9
        for c in comparisons
    )


def inputs_of(con, goal_id: str, period: str) -> list[tuple[str, str, str, float]]:
    """(kind, id, status, weight) of every input, straight from the engine's tables, in the
    order of the goal's inputs (indicators first)."""
    indicators = con.execute(
        "select 'indikator', indicator_id, status, weight from indicator_status "
        "where goal_id = ? and period = ? order by indicator_id, subject, gender",
        [goal_id, period],
    ).fetchall()
    children = con.execute(
        "select 'mål', c.goal_id, c.effective_status, l.weight from goal_links l "
        "join goal_status c on c.goal_id = l.child_id and c.period = ? "
        "where l.parent_id = ? order by c.goal_id",
        [period, goal_id],
    ).fetchall()
    return indicators + children


def greedy_lift(inputs, rules: ref.Rules) -> tuple[int, str, list] | None:
    """The reference's answer: turn the inputs not yet uppfyllt to uppfyllt, the greatest
    weight × (1 − score) first, until the status is better (docs/rules.md)."""
    current = ref.roll_up([(s, w) for _, _, s, w in inputs], rules)["computed_status"]
    if current not in RANK or current == "uppfyllt":
        return None

    def gain(item):
        _, _, status, weight = item
        score = ref.score_of(status, rules) if status in ref.ASSESSABLE else 0.0
        return -weight * (1 - score)

    order = sorted((i for i in inputs if i[2] != "uppfyllt"), key=gain)
    for k in range(1, len(order) + 1):
        lifted = {id(i) for i in order[:k]}
        changed = [("uppfyllt" if id(i) in lifted else i[2], i[3]) for i in inputs]
        status = ref.roll_up(changed, rules)["computed_status"]
        if status in RANK and RANK[status] > RANK[current]:
            return k, status, order[:k]
    return None


def data_needed(inputs, rules: ref.Rules) -> int:
    """The fewest inputs without data (heaviest first) that must get data for coverage."""
    missing = sorted((i for i in inputs if i[2] not in ref.ASSESSABLE), key=lambda i: -i[3])
    for k in range(1, len(missing) + 1):
        taken = {id(i) for i in missing[:k]}
        changed = [("ej uppfyllt" if id(i) in taken else i[2], i[3]) for i in inputs]
        if ref.roll_up(changed, rules)["computed_status"] != ref.EJ_BEDOMT:
            return k
    return len(missing)


def check_goal(con, goal_id: str, period: str, rules: ref.Rules) -> Iterator[str]:
    """What is wrong with the explanation of one goal in one period (nothing, if all holds)."""
    where = f"{goal_id} {period}"
    [(computed, coverage, assessed, reason)] = con.execute(
        "select s.computed_status, s.coverage, a.status, a.override_reason from goal_status s "
        "left join assessments a using (goal_id, period) where s.goal_id = ? and s.period = ?",
        [goal_id, period],
    ).fetchall()
    inputs = inputs_of(con, goal_id, period)
    reference = ref.roll_up([(s, w) for _, _, s, w in inputs], rules)
    if reference["computed_status"] != computed:
        yield f"{where}: the engine's status {computed} is not the reference's on its inputs"
    explained = explain(con, goal_id, period)
    lift = greedy_lift(inputs, rules)
    left_out = [i for i in inputs if i[2] not in ref.ASSESSABLE]
    comparisons = comparisons_of(con, goal_id, period)
    seen_lift = seen_data = False
    compared = 0
    for sentence in explained.sentences:
        if m := BASIS.fullmatch(sentence):
            shown = (number(m.group(1)), number(m.group(2)))
            actual = (
                sum(k == "indikator" for k, *_ in inputs),
                sum(k == "mål" for k, *_ in inputs),
            )
            if shown != actual:
                yield f"{where}: {sentence!r} but the engine has {actual}"
        elif m := LEFT_OUT.fullmatch(sentence):
            if number(m.group(1)) != len(left_out):
                yield f"{where}: {sentence!r} but {len(left_out)} inputs do not score"
            if int(m.group(3)) != round(coverage * 100):
                yield f"{where}: {sentence!r} but goal_status.coverage is {coverage}"
            if int(m.group(4)) != round(rules.min_coverage * 100):
                yield f"{where}: {sentence!r} but min_coverage is {rules.min_coverage}"
        elif m := LIFT.fullmatch(sentence):
            seen_lift = True
            claim = (number(m.group(1)), PHRASES[m.group(3)])
            if lift is None or claim != lift[:2]:
                yield f"{where}: {sentence!r} but the reference says {lift and lift[:2]}"
            elif {k for k, *_ in lift[2]} != {
                "indikatorutfall": {"indikator"}, "delmål": {"mål"}
            }.get(m.group(2), {"indikator", "mål"}):  # fmt: skip
                yield f"{where}: {sentence!r} names the wrong kind of inputs"
        elif m := DATA.fullmatch(sentence):
            seen_data = True
            if computed != ref.EJ_BEDOMT or number(m.group(1)) != data_needed(inputs, rules):
                yield f"{where}: {sentence!r} but {data_needed(inputs, rules)} are needed"
        elif m := OVERRIDE.fullmatch(sentence):
            if (m.group(1), m.group(2), m.group(3)) != (assessed, computed, reason):
                yield f"{where}: {sentence!r} but assessments hold {assessed}, {reason!r}"
        elif m := COMPARED.fullmatch(sentence) or NO_REFERENCE.fullmatch(sentence):
            compared += 1
            if not compared_claim(m, comparisons):
                yield f"{where}: {sentence!r} but indicator_status holds {comparisons}"
        elif sentence == HIGHEST:
            if computed != "uppfyllt":
                yield f"{where}: {sentence!r} but the computed status is {computed}"
        elif sentence == NO_INPUTS:
            if inputs:
                yield f"{where}: {sentence!r} but it has {len(inputs)} inputs"
        else:
            yield f"{where}: a sentence of no known form: {sentence!r}"
    if compared != len(comparisons):
        yield f"{where}: {compared} better_than sentences for {len(comparisons)} rows"
    if lift is not None and not seen_lift:
        yield f"{where}: the reference lifts it with {lift[:2]}, the explanation does not say so"
    if computed == ref.EJ_BEDOMT and left_out and not seen_data:
        yield f"{where}: cannot be assessed for want of data, but no sentence says how much"
    if (
        assessed is not None
        and assessed != computed
        and not any(OVERRIDE.fullmatch(s) for s in explained.sentences)
    ):
        yield f"{where}: the nämnd's assessment differs, but no sentence says so"


def check_warehouse(
    con: duckdb.DuckDBPyConnection, *, assessed_periods: bool = False
) -> tuple[list[str], list[tuple[str, str]]]:
    """Problems with the explanation of every goal in every period (or in every period that
    has assessments: the reports, where a reader meets the explanations), and the (goal,
    period) pairs checked."""
    settings_ = dict(con.execute("select key, value from settings").fetchall())
    rules = ref.Rules.from_settings(settings_)
    goals = con.execute(
        "select goal_id, period from goal_status join periods using (period) "
        "where has_assessments or not $assessed order by all",
        {"assessed": assessed_periods},
    ).fetchall()
    return [problem for g, p in goals for problem in check_goal(con, g, p, rules)], goals


@pytest.mark.slow
def test_every_explanation_of_the_example_states_the_engines_facts(example_db: Path) -> None:
    with duckdb.connect(str(example_db), read_only=True) as con:
        problems, checked = check_warehouse(con, assessed_periods=True)
        latest = con.execute("select goal_id, period from goal_status where period = '2026-T2'")
        assert set(latest.fetchall()) <= set(checked)  # every goal of the latest report
    assert problems == [], "\n".join(problems[:20])


@pytest.mark.slow
@settings(
    max_examples=25,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)
@given(cases())
def test_every_explanation_of_generated_models_states_the_engines_facts(case: Case) -> None:
    con = engine_tables(case)
    try:
        problems, _ = check_warehouse(con)
    finally:
        con.close()
    assert problems == [], "\n".join(problems[:20])
