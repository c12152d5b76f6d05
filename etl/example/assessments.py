"""The assessments: a status and an analysis for every nämnd goal and KF goal in each report.

The status is the one the engine computes from the generated data, except where the model
says the nämnd decided otherwise (manual_status.csv, overrides.csv).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from etl.example.config import ASSESSMENT_PERIODS, FULL_TEXT_PERIODS, period_end, period_year
from etl.example.model import ExampleModel, Goal, Notes
from etl.example.statuses import Statuses, evaluate
from etl.example.tables import Row
from etl.example.texts import children_sentence, conclusion_sentence, indicator_sentence

ASSESSED_LEVELS = ("nämndmål", "kf-mål")  # verksamhetsmål are never assessed
STATUS_LADDER = ("ej uppfyllt", "delvis", "uppfyllt")

# Goals without indicators are assessed on the nämnd's own follow-up alone. The engine computes
# "ej bedömt" for them, so the assessment gives its basis as the override reason.
MANUAL_REASON = (
    "Målet saknar indikatorer. Statusen är nämndens samlade bedömning utifrån den egna "
    "uppföljningen av verksamheten."
)


@dataclass(frozen=True)
class Assessment:
    goal_id: str
    period: str
    status: str
    computed: str
    assessed_by: str
    analysis: str
    actions: str
    override_reason: str
    assessed_on: str


def generate_assessments(model: ExampleModel, tables: dict[str, list[Row]]) -> list[Assessment]:
    """The assessments of every report, for the other tables of the source (``tables``).

    A goal's computed status rolls up the effective statuses of its children, and an assessment
    sets its goal's effective status, which may differ from the computed one (manual statuses
    and overrides). Goals are therefore assessed one height of the goal chain at a time, leaves
    first, and before each height the warehouse is rebuilt with the assessments so far, so that
    the statuses read for that height include every assessment below it. Goals of one height
    never feed each other, so one build per height is enough (three for the example).
    tests/test_example_data.py checks the result against a build of the written files.
    """
    statuses = evaluate(model, tables, ASSESSMENT_PERIODS)
    heights = {
        status.height
        for (goal_id, _), status in statuses.goals.items()
        if model.goal_by_id[goal_id].level in ASSESSED_LEVELS
    }
    assessments: list[Assessment] = []
    for height in sorted(heights):
        if assessments:
            written = {**tables, "assessments": assessment_rows(model, assessments)}
            statuses = evaluate(model, written, ASSESSMENT_PERIODS)
        assessments += [
            assessment
            for goal in model.goals
            if goal.level in ASSESSED_LEVELS
            for report in ASSESSMENT_PERIODS
            if (status := statuses.goals.get((goal.goal_id, report))) and status.height == height
            if (assessment := assess_goal(model, goal, report, statuses))
        ]
    found = {(a.goal_id, a.period) for a in assessments}
    missing = [key for key in [*model.overrides, *model.manual_status] if key not in found]
    if missing:
        raise ValueError(f"overrides or manual statuses of missing assessments: {missing}")
    return assessments


def assess_goal(
    model: ExampleModel, goal: Goal, report: str, statuses: Statuses
) -> Assessment | None:
    checks = statuses.checks.get((goal.goal_id, report), [])
    # The children valid in the report: those the engine has a status for.
    children = [
        statuses.goals[(child, report)].effective
        for child in model.children.get(goal.goal_id, [])
        if (child, report) in statuses.goals
    ]
    full_text = report in FULL_TEXT_PERIODS
    if not checks and not children and not full_text:
        return None  # goals without indicators were first assessed in 2025
    computed = statuses.goals[(goal.goal_id, report)].computed
    status, reason = final_status(model, goal.goal_id, report, computed)
    notes = model.notes.get(goal.goal_id)

    sentences: list[str] = []
    if not checks:
        sentences.append(
            "Målet saknar mätbara indikatorer och bedömningen bygger på nämndens egen uppföljning "
            "av verksamheten."
        )
    # At most two indicator sentences keep the text readable; the rest is in the dashboard.
    for n, check in enumerate(checks[:2]):
        sentences.append(indicator_sentence(check, report, mention_latest=n == 0))
    if status == "ej bedömt" and notes and notes.no_data:
        sentences.append(notes.no_data)
    elif full_text:
        # The analysis describes what the evidence says; where the nämnd's final status differs,
        # the override reason (or its absence) tells the rest.
        sentences += _drivers(notes, computed if computed != "ej bedömt" else status)
    if goal.level == "kf-mål" and children:
        sentences.append(children_sentence(children))
    sentences.append(conclusion_sentence(goal.goal_id, status, report))

    actions = ""
    if full_text and notes and status != "uppfyllt":
        actions = f"{notes.actions} {_follow_up(report)}"
    org = assessed_by(goal)
    return Assessment(
        goal.goal_id,
        report,
        status,
        computed,
        org,
        " ".join(sentences),
        actions,
        reason,
        assessed_on(model, org, report),
    )


def final_status(model: ExampleModel, goal_id: str, report: str, computed: str) -> tuple[str, str]:
    """The status the nämnd adopts, and its override reason when it differs on purpose."""
    manual = model.manual_status.get((goal_id, report))
    if manual:
        return manual, MANUAL_REASON
    if (goal_id, report) in model.overrides:
        shift, reason = model.overrides[(goal_id, report)]
        return shifted(computed, shift), reason
    return computed, ""


def shifted(status: str, shift: int) -> str:
    index = STATUS_LADDER.index(status) + shift if status in STATUS_LADDER else -1
    if not 0 <= index < len(STATUS_LADDER):
        raise ValueError(f"cannot move {status!r} by {shift}; change overrides.csv")
    return STATUS_LADDER[index]


def assessed_by(goal: Goal) -> str:
    # KF goals are assessed by kommunstyrelsen, which prepares the annual and interim reports.
    return "KS" if goal.level == "kf-mål" else goal.responsible[0]


def assessed_on(model: ExampleModel, org_id: str, report: str) -> str:
    """The meeting date: the årsredovisning is assessed in February of the following year and
    the delårsrapport per 31 August in September."""
    org = model.org_by_id[org_id]
    if "-T" in report:
        date = org.interim_report_date
    else:
        day = org.annual_report_day
        date = f"{period_year(report) + 1}-02-{day:02d}" if day else ""
    if not date:
        raise ValueError(f"{org_id} assesses goals but has no meeting date in organisation.csv")
    return date


def _drivers(notes: Notes | None, status: str) -> list[str]:
    if notes is None or status == "ej bedömt":
        return []
    if status == "uppfyllt":
        return [notes.positive]
    if status == "ej uppfyllt":
        return [notes.negative]
    return [notes.positive, notes.negative]


def _follow_up(report: str) -> str:
    if "-T" in report:
        return f"Effekten av åtgärderna redovisas i årsredovisningen {report[:4]}."
    return f"Åtgärderna följs upp i delårsrapporten {period_year(report) + 1}."


def assessment_rows(model: ExampleModel, assessments: Iterable[Assessment]) -> list[Row]:
    ordered = sorted(assessments, key=lambda a: (model.goal_order[a.goal_id], period_end(a.period)))
    return [
        {
            "goal_id": a.goal_id,
            "period": a.period,
            "status": a.status,
            "assessed_by": a.assessed_by,
            "analysis": a.analysis,
            "actions": a.actions,
            "override_reason": a.override_reason,
            "assessed_on": a.assessed_on,
        }
        for a in ordered
    ]
