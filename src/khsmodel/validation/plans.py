"""Rules for action plans (PLAN…): period, timeframes, numbering, responsibility, status, adoption.

The measures are the hot path (plans of 10 000 measures). Each part of a
measure has one function holding its rules (see :func:`_measures`): a pass over
the list that checks the common case cheaply, keeping ids and texts in sets and
dicts, and beside it the exact check that reports each finding at its path,
built only then.
"""

from __future__ import annotations

import datetime as dt
import sys
from collections.abc import Callable, Sequence

from .._base import Period, first_day, last_day
from ..plans import (
    ActionPlan,
    Adoption,
    Measure,
    MeasureRef,
    MeasureStatus,
    PlanStatus,
    ResponsibleParty,
)
from ..timeframes import (
    AtEvent,
    ByDate,
    Frequency,
    InMonth,
    InYear,
    NextMeeting,
    OnDate,
    Ongoing,
    Recurring,
    StartingFrom,
    Timeframe,
)
from . import common
from ._context import At, Ctx, Refs
from ._report import Rule, Severity
from .common import BAD, CTRL, text_problem

__all__ = ["RULES", "check_plan"]

E, W, INFO = Severity.ERROR, Severity.WARNING, Severity.INFO

RULES: tuple[Rule, ...] = (
    Rule("PLAN001", E, "The plan period starts after it ends.",
         "A plan period runs from its start to its end (a date, or the date of the "
         "event it ends at, such as \"partnerskapsmøtet 2022\"). An end before the "
         "start means the dates are swapped or a year is wrong, and no timeframe can "
         "be checked against it."),
    Rule("PLAN002", W, "A measure's timeframe lies entirely outside the plan period.",
         "A timeframe that resolves to dates (\"15 mars\", \"Medio juni\", \"2016\") "
         "should fall inside the period the plan covers; one that does not overlap "
         "it at all is flagged, usually a wrong year; so is a recurrence (\"Årlig i "
         "august\") with no occurrence in the period. Timeframes that cannot be "
         "resolved (\"Tidsplan i samarbeid med kommunene\"), that say no time "
         "(\"Etter behov\") or that run through the period (\"Løpende\") are fine."),
    Rule("PLAN003", E, "Two focus areas have the same number.",
         "Focus areas are cited by number (\"Fokusområde 2\") in decisions and "
         "follow-up; a number used twice makes such a citation ambiguous."),
    Rule("PLAN004", E, "Focus areas are not numbered 1, 2, 3 … in order.",
         "A gap (1, 2, 4) or a jump back usually means a focus area was lost or "
         "misnumbered when the plan was entered."),
    Rule("PLAN005", E, "Two measures of one focus area have the same number.",
         "Measures are cited by focus area and number (carried-over measures, "
         "follow-up reports); a number used twice in one focus area (or among the "
         "ongoing activities) makes such a citation ambiguous."),
    Rule("PLAN006", E, "Measures of a focus area are not numbered 1, 2, 3 … in order.",
         "A gap or a jump back in the numbering of measures usually means a measure "
         "was lost or misnumbered."),
    Rule("PLAN007", W, "Two measures of one focus area have the same text.",
         "The same measure entered twice (exactly the same text, under the same "
         "heading and phase) is usually a copy-and-paste mistake."),
    Rule("PLAN008", W, "No one is responsible for a measure.",
         "Every measure should say who is responsible (ansvarlig). Some source "
         "plans do not (the SSU plan 2021–2022 lists measures only), so this is a "
         "warning, not an error."),
    Rule("PLAN009", E, "A responsible refers to a party or body the partnership does not have.",
         "A responsible party must be a party of the partnership (by id), a body "
         "of it, or a known collective (\"Partene\", \"Kommunene\"); a dangling id "
         "cannot be printed with its name or followed up."),
    Rule("PLAN010", W, "A responsible names a unit that its party does not have.",
         "\"VV ved leder LMS\" is the party Vestre Viken with its unit LMS; the unit "
         "must be the id of one of the party's units, and a unit needs a party."),
    Rule("PLAN011", W, "A responsible names no party, body or collective.",
         "A responsible entry with only text (or nothing) cannot be resolved; give "
         "the party, body or collective it means, and keep the words in text."),
    Rule("PLAN012", E, "Phases of a focus area are out of order.",
         "Measures of \"Fase 1\" come before those of \"Fase 2\" in the source "
         "tables; a measure of an earlier phase after a later one is a data-entry "
         "mistake, and exporters group measures by phase in document order."),
    Rule("PLAN013", W, "A measure marked done has no dated progress entry saying so.",
         "A measure's status done should have a date: add a progress entry with "
         "status done and the date it was completed."),
    Rule("PLAN014", E, "A measure is recorded as done before it started.",
         "A progress entry with status done dated before the first entry with "
         "status started contradicts the order of events."),
    Rule("PLAN015", E, "A measure's status contradicts its last progress entry.",
         "Progress entries are a history, oldest first; the last one that has a "
         "status gives the measure's current status, and a different status on the "
         "measure itself contradicts it."),
    Rule("PLAN016", W, "Progress entries of a measure are not in date order.",
         "Follow-up notes are read as a history; an entry dated before the one above "
         "it is usually a wrong date."),
    Rule("PLAN017", E, "An adopted plan does not name the adopting body and date.",
         "A plan whose status is adopted, or that has adoptions, must say who "
         "adopted it and when (\"OSU besluttet 08.02.2016\"), each adoption its body "
         "and date, so the decision can be found; the case number belongs there too "
         "when the source gives it, but many plans are adopted without one being cited."),
    Rule("PLAN018", E, "An adopting body is not a body of the partnership.",
         "Each body that adopted the plan must be one of the partnership's bodies "
         "(by id)."),
    Rule("PLAN019", W, "A plan with an adoption has status draft or proposed.",
         "A plan that records its adoption is adopted (or superseded); status draft "
         "or proposed contradicts that."),
    Rule("PLAN020", W, "The adoption's case number is of another year than the adoption date.",
         "Meeting case numbers run per year (\"2/2016\"); a case of another year "
         "than the adoption date usually means a wrong case number or date."),
    Rule("PLAN021", E, "A carried-over measure refers to the plan itself.",
         "Carried-over measures (pågående aktiviteter som videreføres) continue a "
         "measure of an earlier plan; a reference to the plan's own id is a mistake."),
    Rule("PLAN022", W, "A carried-over measure's reference names no measure.",
         "A reference to an earlier plan should name the measure (its number, or "
         "its text as written) so the two can be linked."),
    Rule("PLAN023", E, "Two measures have the same id.",
         "Measure ids are how other documents and systems refer to a measure; they "
         "must be unique within the plan."),
    Rule("PLAN024", INFO, "A focus area has no measures.",
         "Some plans list a focus area without measures; worth knowing when "
         "following up, but not an error."),
    Rule("PLAN025", INFO, "The plan has no period, so its timeframes were not checked.",
         "Timeframes can only be compared with the plan period when there is one; "
         "give the period to have them checked."),
    Rule("PLAN026", W, "A responsible names more than one of party, body and collective.",
         "One responsible entry is one responsible: Vestre Viken, or OSU, or "
         "\"Kommunene\". An entry naming two cannot be followed up or printed as "
         "one; make one entry each (lead or contributors), keeping the words in text."),
    Rule("PLAN027", E, "A plan is adopted after its period ended.",
         "A plan is adopted before its period starts or during it (\"Vedtatt i OSU "
         "8. februar 2016\" for 2016-2017); an adoption dated after the period's last "
         "day means a wrong date or period. A period ending at a year or month "
         "(\"2023\") ends on its last day."),
    Rule("PLAN028", E, "Two adoptions of a plan name the same body.",
         "A joint plan is adopted once by each body (\"Vedtatt i OSU Helgeland …, og i "
         "SSU Nordland …\"); the same body twice is an adoption entered twice, or "
         "another body meant."),
)  # fmt: skip

_DONE = MeasureStatus.DONE
_STARTED = MeasureStatus.STARTED


class _PlanState:
    """What the measure loop needs from the plan, computed once, and the list of measures
    it is in (with the texts seen in it)."""

    __slots__ = (
        "at",
        "bodies",
        "by_text",
        "ctx",
        "end_ym",
        "fa_index",
        "good",
        "ids",
        "measures",
        "p_end",
        "p_start",
        "period_ok",
        "plan_id",
        "refs",
        "resolved_timeframes",
        "same",
        "start_ym",
        "units_of",
        "where",
    )

    def __init__(self, ctx: Ctx, plan: ActionPlan, at: At, refs: Refs) -> None:
        self.ctx = ctx
        self.at = at
        self.refs = refs
        self.plan_id = plan.id
        self.ids: dict[str, tuple[int | None, int]] = {}
        self.resolved_timeframes = 0
        period = plan.period
        # a period from or to a year or month (PartialDate) counts all its days
        self.p_start = period.first_day if period else None
        self.p_end = period.last_day if period else None
        self.period_ok = period is not None and not (
            self.p_start is not None and self.p_end is not None and self.p_end < self.p_start
        )
        p_start, p_end = self.p_start, self.p_end
        self.start_ym = (p_start.year, p_start.month) if p_start is not None else None
        self.end_ym = (p_end.year, p_end.month) if p_end is not None else None
        self.bodies = refs.bodies
        self.units_of = refs.units
        # Texts already found fine (Ctx.good): `x not in good` skips the character scan
        # of str.isprintable, the costliest step, for every text that recurs.
        self.good = ctx.good
        self.list_of(())

    def list_of(self, measures: Sequence[Measure], fa_index: int | None = None) -> None:
        """Start on a list of measures (a focus area's, or the ongoing activities)."""
        self.measures = measures
        self.fa_index = fa_index
        self.where = "the ongoing activities" if fa_index is None else "this focus area"
        self.by_text: dict[str, int] = {}
        self.same: dict[tuple[str, str | None, int | None], int] = {}

    def measure_at(self, j: int) -> At:
        """The path of measure ``j`` of the current list."""
        return _measure_at(self.at, self.fa_index, j)


def check_plan(ctx: Ctx, plan: ActionPlan, at: At, refs: Refs) -> None:
    """Every PLAN rule, plus the common rules for the plan's texts and references."""
    common.texts(ctx, plan, at)
    common.body_ref(ctx, refs, plan.owner, at.f("owner"))
    period = plan.period
    if period is not None:
        p_at = at.f("period")
        common.period_parts(ctx, refs, period, p_at)
        start, end = period.start, period.effective_end
        if start is not None and end is not None and last_day(end) < first_day(start):
            ctx.add(
                "PLAN001",
                common.period_end_at(period, p_at),
                f"the plan period ends {end.isoformat()}, before it starts "
                f"{start.isoformat()}; check whether the dates are swapped or a "
                "year is wrong",
            )
    _adoption(ctx, plan, at, refs)
    common.blocks(ctx, plan.introduction, at.f("introduction"))
    common.blocks(ctx, plan.purpose, at.f("purpose"))
    common.priority_groups(ctx, plan.priority_groups, at.f("priority_groups"))

    state = _PlanState(ctx, plan, at, refs)
    seen: dict[int, int] = {}
    expected = 1
    for i, fa in enumerate(plan.focus_areas):
        n = fa.number
        if n in seen:
            ctx.add(
                "PLAN003",
                at.f("focus_areas").i(i).f("number"),
                f"focus area number {n} is already used by focus_areas[{seen[n]}]; "
                "give each focus area its own number",
            )
        else:
            if n != expected:
                ctx.add(
                    "PLAN004",
                    at.f("focus_areas").i(i).f("number"),
                    f"focus area number {n} where {expected} was expected; number focus "
                    "areas 1, 2, 3 … in the order they appear",
                )
            seen[n] = i
            expected = max(expected, n + 1)
        if BAD(ctx.good, fa.title):
            text_problem(ctx, fa.title, at.f("focus_areas").i(i).f("title"))
        if fa.label is not None and CTRL(ctx.good, fa.label):
            text_problem(ctx, fa.label, at.f("focus_areas").i(i).f("label"), required=False)
        if fa.description:
            common.blocks(ctx, fa.description, at.f("focus_areas").i(i).f("description"))
        if not fa.measures:
            ctx.add(
                "PLAN024",
                at.f("focus_areas").i(i).f("measures"),
                f"focus area {n} ({fa.title!r}) has no measures",
            )
        else:
            _measures(state, fa.measures, i)
    if plan.ongoing_activities:
        _measures(state, plan.ongoing_activities, None)
    if period is None and state.resolved_timeframes:
        ctx.add(
            "PLAN025",
            at.f("period"),
            f"the plan has no period, so {state.resolved_timeframes} timeframe(s) that "
            "resolve to dates were not checked; give the plan period",
        )


def _adoption(ctx: Ctx, plan: ActionPlan, at: At, refs: Refs) -> None:
    if not plan.adoptions:
        if plan.status is PlanStatus.ADOPTED:
            ctx.add(
                "PLAN017",
                at.f("adoptions"),
                "the plan's status is adopted but it does not say who adopted it and "
                "when; add the adoption with body and date (and the case number if known)",
            )
        return
    if plan.status in (PlanStatus.DRAFT, PlanStatus.PROPOSED):
        ctx.add(
            "PLAN019",
            at.f("status"),
            f"the plan has an adoption but its status is {plan.status.value}; set status "
            "to adopted (or superseded), or remove the adoption",
        )
    period_end = plan.period.last_day if plan.period is not None else None
    period_start = plan.period.first_day if plan.period is not None else None
    if period_start is not None and period_end is not None and period_end < period_start:
        period_end = None  # a period that ends before it starts is PLAN001's: nothing to judge by
    seen: dict[str, int] = {}
    for i, adoption in enumerate(plan.adoptions):
        a_at = at.f("adoptions").i(i)
        _one_adoption(ctx, adoption, a_at, refs)
        day = adoption.date
        if day is not None and period_end is not None and day > period_end:
            ctx.add(
                "PLAN027",
                a_at.f("date"),
                f"the plan was adopted {day.isoformat()}, after its period ended "
                f"({period_end.isoformat()}); check the adoption date and the period",
            )
        body = adoption.body
        if body is not None:
            if body in seen:
                ctx.add(
                    "PLAN028",
                    a_at.f("body"),
                    f"adoptions[{seen[body]}] already names the body {body!r}; give each "
                    "adopting body once, or correct the body",
                )
            else:
                seen[body] = i


def _one_adoption(ctx: Ctx, adoption: Adoption, a_at: At, refs: Refs) -> None:
    """PLAN017, PLAN018 and PLAN020 for one adoption, with its texts and decision."""
    common.texts(ctx, adoption, a_at)
    common.number_text(ctx, adoption.case_number, a_at.f("case_number"))
    missing = (
        ("body", adoption.body is None, "the adopting body (its id)"),
        ("date", adoption.date is None, "the date of adoption"),
    )
    for name, is_missing, what in missing:
        if is_missing:
            ctx.add(
                "PLAN017",
                a_at.f(name),
                f"the plan is adopted but its adoption does not give {what}; add it",
            )
    if adoption.body is not None and not ctx.body_ok(refs, adoption.body):
        ctx.add(
            "PLAN018",
            a_at.f("body"),
            f"the adopting body {adoption.body!r} is not a body of the partnership; use "
            "the id of one of its bodies or add the body to the partnership",
        )
    cn = adoption.case_number
    if cn is not None and adoption.date is not None and cn.year != adoption.date.year:
        ctx.add(
            "PLAN020",
            a_at.f("case_number"),
            f"case {cn.text!r} is of {cn.year} but the plan was adopted "
            f"{adoption.date.isoformat()}; check the case number and the date",
        )
    if adoption.decision is not None:
        common.decision(ctx, refs, adoption.decision, a_at.f("decision"))


def _measure_at(at: At, fa_index: int | None, j: int) -> At:
    if fa_index is None:
        return at.f("ongoing_activities").i(j)
    return at.f("focus_areas").i(fa_index).f("measures").i(j)


def _measures(state: _PlanState, measures: Sequence[Measure], fa_index: int | None) -> None:
    """Every measure of one list: the rules part by part, findings in document order.

    Each part of a measure (its texts, responsibility, timeframe, phase, progress,
    reference to an earlier plan) has one function below holding its rules: a
    pass over the list that checks the common case (nothing to report) at little
    cost (plans of 10 000 measures; no path is built), and, side by side with it,
    the exact check that reports each finding at its path, run for a measure only
    when the pass found something. The findings of the parts are then put in
    document order (measure by measure, each measure's in the order of the parts).
    """
    state.list_of(measures, fa_index)
    numbers = [m.number for m in measures]
    if numbers != list(range(1, len(numbers) + 1)):
        _numbering(state, numbers)
    findings = state.ctx.findings
    start = len(findings)
    for part in _PARTS:
        part(state, measures)
    if len(findings) > start + 1:
        prefix = str(state.measure_at(0))[: -len("[0]")] + "["
        findings[start:] = sorted(findings[start:], key=lambda f: _index_in(f.path, prefix))


def _index_in(path: str, prefix: str) -> int:
    """The index of the measure a finding's path is in (``prefix`` is the list's path + "[")."""
    if not path.startswith(prefix):  # pragma: no cover - every finding of a part is in a measure
        return sys.maxsize
    return int(path[len(prefix) : path.index("]", len(prefix))])


# ---------------------------------------------------------------- PLAN005, PLAN006: numbering


def _numbering(state: _PlanState, numbers: Sequence[int]) -> None:
    """Run only when the numbers are not 1, 2, 3 …: which of them is used twice or out of order."""
    ctx, where = state.ctx, state.where
    seen: dict[int, int] = {}
    expected = 1
    for j, n in enumerate(numbers):
        if n in seen:
            ctx.add(
                "PLAN005",
                state.measure_at(j).f("number"),
                f"measure number {n} is already used by measure [{seen[n]}] of {where}; "
                "give each measure its own number",
            )
            continue
        if n != expected:
            ctx.add(
                "PLAN006",
                state.measure_at(j).f("number"),
                f"measure number {n} where {expected} was expected; number the "
                f"measures of {where} 1, 2, 3 … in the order they appear",
            )
        seen[n] = j
        expected = max(expected, n + 1)


# ---------------------------------------------------------------- DOC001, DOC002, PLAN007: texts


def _texts(state: _PlanState, measures: Sequence[Measure]) -> None:
    """The measures' own texts (DOC001/DOC002), PLAN007 for a text used twice, and their ids
    (PLAN023 and the id's DOC001/DOC002: :func:`_measure_id`).

    Texts already found fine (``Ctx.good``): ``x not in good`` skips the character
    scan of ``str.isprintable``, the costliest step, for every text that recurs.
    """
    ctx, good, by_text, ids = state.ctx, state.good, state.by_text, state.ids
    for j, m in enumerate(measures):
        text = m.text
        if text not in good and BAD(good, text):
            text_problem(ctx, text, state.measure_at(j).f("text"))
        if by_text.setdefault(text, j) != j:
            _duplicate_text(state, by_text[text], j)
        details = m.details
        if details:
            for detail in details:
                if detail not in good and BAD(good, detail):
                    for k, d in enumerate(details):  # each suspect line at its path
                        if BAD(good, d):
                            text_problem(ctx, d, state.measure_at(j).f("details").i(k))
                    break
        heading = m.heading
        if heading is not None and heading not in good and CTRL(good, heading):
            text_problem(ctx, heading, state.measure_at(j).f("heading"), required=False)
        label = m.label
        if label is not None and CTRL(good, label):
            text_problem(ctx, label, state.measure_at(j).f("label"), required=False)
        mid = m.id
        if mid is not None:
            if mid in ids or not mid or not mid.isprintable() or mid.isspace():
                _measure_id(state, mid, j)
            else:  # unique ids are not kept in ``good`` (the set would only grow)
                ids[mid] = (state.fa_index, j)


def _duplicate_text(state: _PlanState, first: int, j: int) -> None:
    """PLAN007 when an earlier measure has the same text, heading and phase.

    Only measures whose text was seen before get here; ``state.same`` holds their
    full keys, so many measures with one text stay linear.
    """
    measures, same = state.measures, state.same
    earlier, m = measures[first], measures[j]
    ep, mp = earlier.phase, m.phase
    same.setdefault((earlier.text, earlier.heading, ep.number if ep else None), first)
    i = same.setdefault((m.text, m.heading, mp.number if mp else None), j)
    if i != j:
        state.ctx.add(
            "PLAN007",
            state.measure_at(j).f("text"),
            f"measure {_named(measures[j])} has the same text as measure "
            f"{_named(measures[i])} of {state.where} ({measures[j].text!r}); remove the copy or "
            "tell the two apart",
        )


def _named(m: Measure) -> str:
    """A measure as a reader names it: its label as written ("1.3"), else its number."""
    return repr(m.label) if m.label else str(m.number)


def _measure_id(state: _PlanState, mid: str, j: int) -> None:
    """PLAN023 for an id used twice, DOC001/DOC002 for a bad one (:func:`_texts` found it suspect)."""
    ctx, ids = state.ctx, state.ids
    if BAD(ctx.good, mid):
        text_problem(ctx, mid, state.measure_at(j).f("id"))
    first = ids.get(mid)
    if first is not None:
        ctx.add(
            "PLAN023",
            state.measure_at(j).f("id"),
            f"measure id {mid!r} is already used by {_measure_at(state.at, *first)}; give "
            "each measure its own id",
        )
    else:
        ids[mid] = (state.fa_index, j)


# ---------------------------------------------------------------- PLAN008–011, PLAN026: responsibility


def _responsibility(state: _PlanState, measures: Sequence[Measure]) -> None:
    """PLAN008 for no responsible; the text; each responsible that may be wrong to
    :func:`_responsible`.

    Fine without a closer look: a known party (with one of its units), a known
    body or a collective, alone, with a text found fine.
    """
    ctx, good, bodies, units_of = state.ctx, state.good, state.bodies, state.units_of
    for j, m in enumerate(measures):
        resp = m.responsibility
        if resp is None:
            ctx.add(
                "PLAN008",
                state.measure_at(j).f("responsibility"),
                "no one is responsible for the measure; add who is responsible (ansvarlig), "
                "with the text as written",
            )
            continue
        rtext = resp.text
        if rtext not in good and BAD(good, rtext):
            text_problem(ctx, rtext, state.measure_at(j).f("responsibility").f("text"))
        suspects: list[ResponsibleParty] | None = None
        contributors = resp.contributors
        for rp in resp.lead + contributors if contributors else resp.lead:
            party, unit = rp.party, rp.unit
            if party is not None:
                suspect = (
                    party not in units_of if unit is None else unit not in units_of.get(party, ())
                ) or rp.body is not None or rp.collective is not None
            else:
                body = rp.body
                suspect = unit is not None or (
                    rp.collective is None
                    if body is None
                    else body not in (bodies or ()) or rp.collective is not None
                )
            rp_text = rp.text
            if suspect or (rp_text is not None and rp_text not in good and CTRL(good, rp_text)):
                suspects = [rp] if suspects is None else [*suspects, rp]
        if suspects is not None:
            for field, group in (("lead", resp.lead), ("contributors", resp.contributors)):
                for k, rp in enumerate(group):
                    if any(rp is s for s in suspects):
                        _responsible(state, rp, state.measure_at(j)
                                     .f("responsibility").f(field).i(k))  # fmt: skip


def _responsible(state: _PlanState, rp: ResponsibleParty, rp_at: At) -> None:
    """The exact checks of one responsible that :func:`_responsibility` found suspect."""
    ctx, refs = state.ctx, state.refs
    party, body, unit, text = rp.party, rp.body, rp.unit, rp.text
    named = [(k, v) for k, v in (("party", party), ("body", body),
                                  ("collective", rp.collective)) if v is not None]  # fmt: skip
    if len(named) > 1:
        ctx.add(
            "PLAN026",
            rp_at,
            "responsible names "
            + " and ".join(f"{name} {str(value)!r}" for name, value in named)
            + "; one entry is one responsible: make one entry each (lead or contributors)",
        )
    if party is None and body is None and rp.collective is None:
        ctx.add(
            "PLAN011",
            rp_at,
            (
                f"responsible {text!r} names no party, body or collective; give the one it means"
                if text
                else "this responsible entry is empty; give a party, body or collective"
            ),
        )
    if party is not None:
        if refs.parties is None:
            ctx.unresolved += 1
        elif party not in refs.parties:
            ctx.add(
                "PLAN009",
                rp_at.f("party"),
                f"responsible party {party!r} is not a party of the partnership; use "
                "the id of one of its parties, a body, or a collective",
            )
        elif unit is not None and unit not in refs.units.get(party, ()):
            units = sorted(refs.units.get(party, ()))
            ctx.add(
                "PLAN010",
                rp_at.f("unit"),
                f"party {party!r} has no unit {unit!r}"
                + (f" (its unit ids: {', '.join(units)})" if units else " (it lists no units)")
                + "; use the id of one of its units, or add the unit to the party",
            )
    elif unit is not None:
        ctx.add(
            "PLAN010",
            rp_at.f("unit"),
            f"unit {unit!r} is given without the party it belongs to; add the party",
        )
    if body is not None:
        if refs.bodies is None:
            ctx.unresolved += 1
        elif body not in refs.bodies:
            ctx.add(
                "PLAN009",
                rp_at.f("body"),
                f"responsible body {body!r} is not a body of the partnership; use the "
                "id of one of its bodies",
            )
    for name, value in (("party", party), ("unit", unit), ("body", body), ("text", text)):
        if value is not None and CTRL(ctx.good, value):
            text_problem(ctx, value, rp_at.f(name), required=False)


# ---------------------------------------------------------------- PLAN002: timeframes


def _timeframes(state: _PlanState, measures: Sequence[Measure]) -> None:
    """PLAN002 for a timeframe outside the plan period; counts those that resolve to dates
    (PLAN025); the text, and the body or event an interpretation names.

    The common kinds are compared inline, without building their date ranges.
    """
    good, bodies, period_ok = state.good, state.bodies, state.period_ok
    p_start, p_end, start_ym, end_ym = state.p_start, state.p_end, state.start_ym, state.end_ym
    resolved = 0
    for j, m in enumerate(measures):
        tf = m.timeframe
        if tf is None:
            continue
        ttext = tf.text
        if ttext not in good and BAD(good, ttext):
            text_problem(state.ctx, ttext, state.measure_at(j).f("timeframe").f("text"))
        interp = tf.interpretation
        if interp is None:
            continue
        kind = type(interp)
        outside = False
        if kind is InMonth and isinstance(interp, InMonth):
            resolved += 1
            ym = (interp.year, interp.month)
            if interp.part is None or (
                start_ym is not None and end_ym is not None and start_ym < ym < end_ym
            ):
                outside = (start_ym is not None and ym < start_ym) or (
                    end_ym is not None and ym > end_ym
                )
            else:  # a part of a month at the edge of the period: compare dates
                lo, hi = interp.date_range()
                outside = (p_start is not None and hi < p_start) or (
                    p_end is not None and lo > p_end
                )
        elif kind is OnDate and isinstance(interp, OnDate):
            resolved += 1
            day = interp.date
            outside = (p_start is not None and day < p_start) or (p_end is not None and day > p_end)
        elif kind is InYear and isinstance(interp, InYear):
            resolved += 1
            y = interp.year
            outside = (start_ym is not None and y < start_ym[0]) or (
                end_ym is not None and y > end_ym[0]
            )
        elif kind is ByDate and isinstance(interp, ByDate):
            resolved += 1
            outside = p_start is not None and interp.date < p_start
        elif kind is StartingFrom and isinstance(interp, StartingFrom):
            resolved += 1
            outside = p_end is not None and interp.start > p_end
        elif kind is Ongoing:
            pass  # the plan's period itself: inside it by definition
        elif kind is Recurring and isinstance(interp, Recurring):
            if period_ok and p_start is not None:
                _recurring(state, tf, interp, j)
        else:
            if isinstance(interp, AtEvent) or (
                isinstance(interp, NextMeeting) and (bodies is None or interp.body not in bodies)
            ):
                _event_interpretation(state, interp, j)
            rng = interp.date_range()
            if rng is not None and (rng[0] is not None or rng[1] is not None):
                resolved += 1
                s, e = rng
                outside = (e is not None and p_start is not None and e < p_start) or (
                    s is not None and p_end is not None and s > p_end
                )
        if outside and period_ok:
            _outside(state, tf, j)
    state.resolved_timeframes += resolved


def _outside(state: _PlanState, tf: Timeframe, j: int) -> None:
    rng = tf.date_range() or (None, None)
    s, e = rng
    p_start, p_end = state.p_start, state.p_end
    when = (
        f"{s.isoformat()}–{e.isoformat()}"
        if s and e and s != e
        else (s or e or dt.date.min).isoformat()
    )
    period = f"{p_start.isoformat() if p_start else '…'}–{p_end.isoformat() if p_end else '…'}"
    state.ctx.add(
        "PLAN002",
        state.measure_at(j).f("timeframe"),
        f"timeframe {tf.text!r} ({when}) lies outside the plan period {period}; check the "
        "year, or whether the measure belongs to another plan",
    )


def _recurring(state: _PlanState, tf: Timeframe, interp: Recurring, j: int) -> None:
    """PLAN002 for a recurrence with no occurrence in the plan's period ("Årlig i august" in a
    plan from September to June)."""
    if interp.frequency is Frequency.PER_MEETING:
        return  # its dates are the meetings', not the words'
    period = Period(start=state.p_start, end=state.p_end)
    if next(interp.occurrences(period), None) is not None:
        return
    p_start, p_end = state.p_start, state.p_end
    shown = f"{p_start.isoformat() if p_start else '…'}–{p_end.isoformat() if p_end else '…'}"
    state.ctx.add(
        "PLAN002",
        state.measure_at(j).f("timeframe"),
        f"timeframe {tf.text!r} recurs, but never inside the plan period {shown}; check the "
        "month, or whether the measure belongs to another plan",
    )


def _event_interpretation(state: _PlanState, interp: NextMeeting | AtEvent, j: int) -> None:
    """DOC004 for a meeting of a body the partnership does not have; the event's name."""
    ctx = state.ctx
    i_at = state.measure_at(j).f("timeframe").f("interpretation")
    body = interp.body
    if body is not None and not ctx.body_ok(state.refs, body):
        ctx.add("DOC004", i_at.f("body"), common.body_message(body))
    if isinstance(interp, AtEvent):
        if BAD(ctx.good, interp.name):
            text_problem(ctx, interp.name, i_at.f("name"))
    elif BAD(ctx.good, interp.body):
        text_problem(ctx, interp.body, i_at.f("body"))


# ---------------------------------------------------------------- PLAN012: phases


def _phases(state: _PlanState, measures: Sequence[Measure]) -> None:
    """PLAN012 for a phase after a later one; the phases' texts."""
    ctx, good = state.ctx, state.good
    max_phase = 0
    for j, m in enumerate(measures):
        phase = m.phase
        if phase is None:
            continue
        number = phase.number
        if number < max_phase:
            ctx.add(
                "PLAN012",
                state.measure_at(j).f("phase").f("number"),
                f"this measure is in phase {number} but comes after a measure of "
                f"phase {max_phase}; put the measures in phase order",
            )
        else:
            max_phase = number
        label, title = phase.label, phase.title
        if label not in good and BAD(good, label):
            text_problem(ctx, label, state.measure_at(j).f("phase").f("label"))
        if title is not None and title not in good and CTRL(good, title):
            text_problem(ctx, title, state.measure_at(j).f("phase").f("title"), required=False)


# ---------------------------------------------------------------- PLAN013–016: status and progress


def _progress(state: _PlanState, measures: Sequence[Measure]) -> None:
    """PLAN013–016 and the progress entries' texts and bodies: a pass over each measure's
    entries that stops at the first thing to report and sends the measure to
    :func:`_progress_findings`."""
    good, bodies = state.good, state.bodies
    for j, m in enumerate(measures):
        progress = m.progress
        if not progress:
            if m.status is _DONE:
                _not_dated_done(state, j)
            continue
        prev: dt.date | None = None
        first_started: dt.date | None = None
        first_done: dt.date | None = None
        latest: MeasureStatus | None = None
        for entry in progress:
            d = entry.date
            if prev is not None and d < prev:
                break
            prev = d
            st = entry.status
            if st is not None:
                latest = st
                if st is _STARTED:
                    if first_started is None:
                        first_started = d
                elif st is _DONE and first_done is None:
                    first_done = d
            etext, author, reported_to = entry.text, entry.author, entry.reported_to
            if (
                (etext not in good and BAD(good, etext))
                or (author is not None and author not in good and CTRL(good, author))
                or (reported_to is not None and reported_to not in (bodies or ()))
            ):
                break
        else:
            status = m.status
            if not (
                (status is not None and latest is not None and status is not latest)
                or (status is _DONE and first_done is None)
                # dates are in order here: done before started iff the first done is earlier
                or (
                    first_done is not None
                    and first_started is not None
                    and first_done < first_started
                )
            ):
                continue
        _progress_findings(state, m, j)


def _progress_findings(state: _PlanState, m: Measure, j: int) -> None:
    """Every status and progress finding of a measure, at its path."""
    ctx, refs = state.ctx, state.refs
    bodies, good = refs.bodies, ctx.good
    m_at = state.measure_at(j)
    prev: dt.date | None = None
    first_started: dt.date | None = None
    latest_status: MeasureStatus | None = None
    latest_date: dt.date | None = None
    done_entries: list[int] = []
    for k, entry in enumerate(m.progress):
        d = entry.date
        if prev is not None and d < prev:
            ctx.add(
                "PLAN016",
                m_at.f("progress").i(k).f("date"),
                f"this progress entry is dated {d.isoformat()}, before the entry above it "
                f"({prev.isoformat()}); check the date or the order",
            )
        prev = d if prev is None or d > prev else prev
        st = entry.status
        if st is not None:
            latest_date, latest_status = d, st
            if st is _STARTED and (first_started is None or d < first_started):
                first_started = d
            elif st is _DONE:
                done_entries.append(k)
        text = entry.text
        if (
            (text not in good and BAD(good, text))
            or (entry.author is not None and CTRL(good, entry.author))
        ):
            common.texts(ctx, entry, m_at.f("progress").i(k))
        reported_to = entry.reported_to
        if reported_to is not None:
            if bodies is None:  # as ctx.body_ok: counted, not checked
                ctx.unresolved += 1
            elif reported_to not in bodies:
                ctx.add(
                    "DOC004",
                    m_at.f("progress").i(k).f("reported_to"),
                    common.body_message(reported_to),
                )
    if first_started is not None:
        for k in done_entries:
            d = m.progress[k].date
            if d < first_started:
                ctx.add(
                    "PLAN014",
                    m_at.f("progress").i(k).f("date"),
                    f"the measure is recorded as done {d.isoformat()}, before it started "
                    f"{first_started.isoformat()}; check the dates",
                )
    status = m.status
    if status is _DONE and not done_entries:
        _not_dated_done(state, j)
    if status is not None and latest_status is not None and status is not latest_status:
        ctx.add(
            "PLAN015",
            m_at.f("status"),
            f"the measure's status is {status.value} but its last progress entry "
            f"({latest_date.isoformat() if latest_date else ''}) says {latest_status.value}; "
            "make them agree",
        )


def _not_dated_done(state: _PlanState, j: int) -> None:
    state.ctx.add(
        "PLAN013",
        state.measure_at(j).f("status"),
        "the measure is marked done but no progress entry records when; add a "
        "progress entry with status done and the date",
    )


# ---------------------------------------------------------------- PLAN021, PLAN022: carried over


def _carried_over(state: _PlanState, measures: Sequence[Measure]) -> None:
    """PLAN021 for a reference to the plan itself, PLAN022 for one naming no measure; the
    references' texts."""
    good, plan_id = state.good, state.plan_id
    for j, m in enumerate(measures):
        ref = m.carried_over_from
        if ref is None:
            continue
        plan, ref_text = ref.plan, ref.text
        if (
            (plan not in good and BAD(good, plan))
            or (ref_text is not None and ref_text not in good and CTRL(good, ref_text))
            or plan == plan_id
            or (ref.measure is None and not (ref_text and ref_text.strip()))
        ):
            _reference_findings(state, ref, j)


def _reference_findings(state: _PlanState, ref: MeasureRef, j: int) -> None:
    ctx = state.ctx
    r_at = state.measure_at(j).f("carried_over_from")
    common.texts(ctx, ref, r_at)
    if state.plan_id is not None and ref.plan == state.plan_id:
        ctx.add(
            "PLAN021",
            r_at.f("plan"),
            f"the measure is carried over from plan {ref.plan!r}, which is this "
            "plan; give the id of the earlier plan it continues",
        )
    if ref.measure is None and not (ref.text and ref.text.strip()):
        ctx.add(
            "PLAN022",
            r_at,
            f"the reference to plan {ref.plan!r} names no measure; give the "
            "measure's number (and focus area) or its text as written",
        )


#: The parts of a measure, in the order their findings are listed for each measure.
_PARTS: tuple[Callable[[_PlanState, Sequence[Measure]], None], ...] = (
    _texts,
    _responsibility,
    _timeframes,
    _phases,
    _progress,
    _carried_over,
)
