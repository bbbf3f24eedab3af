"""Strategies for :mod:`khsmodel.plans`: action plans, focus areas, measures,
their responsibility, progress and adoption."""

from __future__ import annotations

import datetime as dt

from hypothesis import strategies as st

from .._base import Period
from ..decisions import DecisionKind
from ..parties import Organisation
from ..partnerships import Body, Partnership
from ..plans import (
    ActionPlan,
    Adoption,
    Collective,
    FocusArea,
    Measure,
    MeasureRef,
    MeasureStatus,
    Phase,
    PlanStatus,
    ProgressEntry,
    Responsibility,
    ResponsibleParty,
)
from ._agreements import _priority_groups
from ._base import _blocks, _period
from ._decisions import _decision
from ._draw import (
    _bool,
    _Ctx,
    _ctx,
    _date,
    _date_nb,
    _int,
    _language,
    _maybe,
    _maybe_pick,
    _one_in,
    _pick,
    _repeat,
    _some,
    _sorted_dates,
)
from ._identifiers import _case_number
from ._partnerships import _partnership
from ._text import _distinct_texts, _hostile_fragment, _maybe_text, _person_name, _text, ids
from ._timeframes import _timeframe
from ._vocabulary import _COLLECTIVE_TEXT, _DETAIL_LINES, _PHRASES, MAX_DATE, MIN_DATE


def _responsible(draw: st.DrawFn, ctx: _Ctx) -> tuple[ResponsibleParty, str]:
    """One responsible (a party with optional unit, a body, or a collective) and its words."""
    choice = _pick(draw, (*Collective, *ctx.parties, *ctx.bodies))
    party_id = unit_id = body_id = collective = None
    if isinstance(choice, Organisation):
        words = choice.short_name or (choice.aliases[0] if choice.aliases else choice.name)
        unit = _maybe_pick(draw, choice.units)
        if unit is not None:
            words, unit_id = f"{words} ved {unit.abbreviation or unit.name}", unit.id
        party_id = choice.id
    elif isinstance(choice, Body):
        words, body_id = choice.label, choice.id
    else:
        collective = choice
        words = _COLLECTIVE_TEXT[collective]
    rp = ResponsibleParty(party=party_id, unit=unit_id, body=body_id, collective=collective,
                          text=words if _bool(draw) else None)  # fmt: skip
    return rp, words


@st.composite
def responsible_parties(
    draw: st.DrawFn, *, partnership: Partnership | None = None, hostile: bool = True
) -> ResponsibleParty:
    """A responsible: a party of ``partnership`` (with a unit of it), one of its bodies, or
    a collective ("Hver enkelt kommune"); only collectives without a partnership."""
    return _responsible(draw, _ctx(hostile, partnership))[0]


def _responsibility(draw: st.DrawFn, ctx: _Ctx) -> Responsibility:
    lead = _repeat(draw, lambda: _responsible(draw, ctx), 2, 1)
    contributors = _repeat(draw, lambda: _responsible(draw, ctx), 2)
    text = " og ".join(w for _, w in lead)
    if contributors:
        text += " i samarbeid med " + " og ".join(w for _, w in contributors)
    if ctx.hostile and _one_in(draw, 8):
        text += " " + _hostile_fragment(draw)
    return Responsibility(
        text=text, lead=tuple(r for r, _ in lead), contributors=tuple(r for r, _ in contributors)
    )


@st.composite
def responsibilities(
    draw: st.DrawFn, *, partnership: Partnership | None = None, hostile: bool = True
) -> Responsibility:
    """Who is responsible: text as written ("VV ved LMS i samarbeid med Kommunene"), >= 1 lead,
    contributors; every id resolves in ``partnership``."""
    return _responsibility(draw, _ctx(hostile, partnership))


_PHASE_TITLES = (
    "Implementering i pilotkommuner og sykehus",
    "Spredning til alle kommuner og sykehus",
    "Implementere pågående pasientforløp",
)


@st.composite
def phases(draw: st.DrawFn, *, number: int | None = None) -> Phase:
    """A phase ("Fase 1")."""
    n = number if number is not None else _int(draw, 1, 4)
    return Phase(number=n, label=f"Fase {n}", title=_maybe_pick(draw, _PHASE_TITLES))


_S = MeasureStatus
#: Progress statuses in order for each measure status; the last is the measure's status.
_STATUS_CHAINS: dict[MeasureStatus, tuple[tuple[MeasureStatus, ...], ...]] = {
    _S.PLANNED: ((), (_S.PLANNED,)),
    _S.STARTED: ((_S.STARTED,), (_S.PLANNED, _S.STARTED)),
    _S.ONGOING: ((_S.ONGOING,), (_S.STARTED, _S.ONGOING)),
    _S.DONE: ((_S.DONE,), (_S.STARTED, _S.DONE), (_S.STARTED, _S.ONGOING, _S.DONE)),
    _S.POSTPONED: ((_S.POSTPONED,), (_S.PLANNED, _S.POSTPONED)),
    _S.CANCELLED: ((_S.CANCELLED,), (_S.STARTED, _S.CANCELLED)),
    _S.CARRIED_OVER: ((_S.CARRIED_OVER,), (_S.STARTED, _S.CARRIED_OVER)),
}

_PROGRESS_TEXT = (
    "OSU vil bli holdt informert",
    "Arbeidet er startet opp",
    "Ferdigstilt og rapportert til OSU",
    "Utsatt til neste planperiode",
    "Videreføres i 2017",
)


def _progress_entry(
    draw: st.DrawFn, ctx: _Ctx, day: dt.date, status: MeasureStatus | None
) -> ProgressEntry:
    return ProgressEntry(
        date=day,
        text=_pick(draw, _PROGRESS_TEXT) if _bool(draw) else _text(draw, ctx.hostile),
        status=status,
        reported_to=_maybe_pick(draw, ctx.body_ids),
        author=_maybe(draw, lambda: _person_name(draw)),
    )


def _progress(
    draw: st.DrawFn, ctx: _Ctx, status: MeasureStatus | None, lo: dt.date, hi: dt.date
) -> tuple[ProgressEntry, ...]:
    """Entries on distinct days in order; with a status, their statuses form a chain
    ending in it (done comes after started); without, they carry no status."""
    chain: tuple[MeasureStatus | None, ...] = (
        (None,) * _int(draw, 0, 2) if status is None else _pick(draw, _STATUS_CHAINS[status])
    )
    days = _sorted_dates(draw, len(chain), lo, hi)
    chain = chain[len(chain) - len(days) :]  # a short window keeps the end of the chain
    return tuple(_progress_entry(draw, ctx, d, s) for d, s in zip(days, chain, strict=True))


@st.composite
def progress_entries(
    draw: st.DrawFn, *, status: MeasureStatus | None = None, partnership: Partnership | None = None,
    hostile: bool = True,
) -> ProgressEntry:  # fmt: skip
    """A dated follow-up note ("OSU vil bli holdt informert"), optionally with a status."""
    return _progress_entry(
        draw, _ctx(hostile, partnership), _date(draw, MIN_DATE, MAX_DATE), status
    )


def _measure_ref(draw: st.DrawFn, plan: str, text: str | None) -> MeasureRef:
    """A reference that names the measure: by number (and focus area), by text, or both."""
    measure = _int(draw, 1, 9) if text is None or _bool(draw) else None
    focus_area = _maybe(draw, lambda: _int(draw, 1, 5)) if measure else None
    return MeasureRef(plan=plan, focus_area=focus_area, measure=measure, text=text)


@st.composite
def measure_refs(draw: st.DrawFn, *, plan: str = "handlingsplan-2015") -> MeasureRef:
    """A reference to a measure of another (earlier) plan, by plan id and numbers."""
    return _measure_ref(draw, plan, _maybe_pick(draw, _PHRASES))


def _measure(
    draw: st.DrawFn, ctx: _Ctx, *, number: int, text: str, phase: Phase | None,
    id_prefix: str, previous_plan: str | None,
) -> Measure:  # fmt: skip
    """A measure whose timeframe lies in the ctx window and whose progress starts no
    earlier than the timeframe and follows its status."""
    timeframe = _maybe(draw, lambda: _timeframe(draw, ctx))
    rng = timeframe.date_range() if timeframe else None
    progress_lo = max(ctx.lo, rng[0]) if rng and rng[0] else ctx.lo
    status = _maybe_pick(draw, tuple(MeasureStatus))
    carried = None
    if previous_plan and _one_in(draw, 3):
        carried = _measure_ref(draw, previous_plan, _maybe(draw, lambda: text))
    return Measure(
        number=number,
        text=text,
        label=_maybe(draw, lambda: str(number)),
        id=f"{id_prefix}{number}" if _bool(draw) else None,
        heading=_maybe_pick(draw, ("Barn som pårørende", "Involvere fastlegene")),
        details=_repeat(draw, lambda: _pick(draw, _DETAIL_LINES) if _bool(draw)
                        else _text(draw, ctx.hostile), 2),
        responsibility=_responsibility(draw, ctx),
        timeframe=timeframe,
        phase=phase,
        status=status,
        progress=_progress(draw, ctx, status, progress_lo, ctx.hi),
        carried_over_from=carried,
    )  # fmt: skip


def _measures(
    draw: st.DrawFn, ctx: _Ctx, n: int, *, phased: bool, id_prefix: str, previous_plan: str | None
) -> tuple[Measure, ...]:
    """Measures numbered 1..n with distinct texts; phases (if any) non-decreasing."""
    phase_numbers: list[int] = []
    for _ in range(n if phased else 0):
        phase_numbers.append(phase_numbers[-1] + _int(draw, 0, 1) if phase_numbers else 1)
    titles = {k: _maybe_pick(draw, _PHASE_TITLES) for k in dict.fromkeys(phase_numbers)}
    phase_list = [Phase(number=k, label=f"Fase {k}", title=titles[k]) for k in phase_numbers]
    return tuple(
        _measure(draw, ctx, number=i + 1, text=text, phase=phase_list[i] if phased else None,
                 id_prefix=id_prefix, previous_plan=previous_plan)
        for i, text in enumerate(_distinct_texts(draw, ctx.hostile, n))
    )  # fmt: skip


@st.composite
def measures(
    draw: st.DrawFn,
    *,
    number: int = 1,
    partnership: Partnership | None = None,
    within: Period | None = None,
    hostile: bool = True,
) -> Measure:
    """A measure with >= 1 responsible (resolving in ``partnership``, else collectives), a
    timeframe inside ``within``, and progress consistent with its status."""
    ctx = _ctx(hostile, partnership, within)
    return _measure(draw, ctx, number=number, text=_text(draw, hostile, 10), phase=None,
                    id_prefix="m", previous_plan=None)  # fmt: skip


def _focus_area(
    draw: st.DrawFn, ctx: _Ctx, number: int, title: str, max_measures: int,
    previous_plan: str | None,
) -> FocusArea:  # fmt: skip
    return FocusArea(
        number=number,
        title=title,
        label=_maybe(draw, lambda: f"Fokusområde {number}"),
        description=_blocks(draw, ctx, 1),
        measures=_measures(draw, ctx, _int(draw, 1, max_measures), phased=_bool(draw),
                           id_prefix=f"t{number}.", previous_plan=previous_plan),
    )  # fmt: skip


@st.composite
def focus_areas(
    draw: st.DrawFn,
    *,
    number: int = 1,
    partnership: Partnership | None = None,
    within: Period | None = None,
    max_measures: int = 3,
    hostile: bool = True,
) -> FocusArea:
    """A focus area numbered ``number`` with measures 1..m (distinct texts, phases in order)."""
    ctx = _ctx(hostile, partnership, within)
    return _focus_area(draw, ctx, number, _text(draw, hostile, 10), max_measures, None)


def _adoption(
    draw: st.DrawFn, ctx: _Ctx, *, near_start: bool, body: Body | None = None
) -> Adoption:
    """Adopted by a body of the partnership (``body``, else one drawn), at the start of the
    window (the plan period) or any time in it, in a case of that year: "Vedtatt i OSU
    8. februar 2016, sak 2/2016"."""
    if body is None:
        body = _pick(draw, ctx.bodies) if ctx.bodies else None
    hi = min(ctx.hi, ctx.lo + dt.timedelta(days=60)) if near_start else ctx.hi
    day = _date(draw, ctx.lo, hi)
    cn = _case_number(draw, day.year, _int(draw, 1, 60))
    label = body.label if body else "møtet"
    decision = None
    if _bool(draw):
        decision = _decision(draw, ctx, body=body.id if body else None, date=day, case_number=cn,
                             kind=DecisionKind.ADOPTED)  # fmt: skip
    return Adoption(body=body.id if body else None, date=day, case_number=cn,
                    text=_maybe(draw, lambda: f"Vedtatt i {label} {_date_nb(day)}, sak {cn.canonical}"),
                    decision=decision)  # fmt: skip


@st.composite
def adoptions(
    draw: st.DrawFn,
    *,
    partnership: Partnership | None = None,
    within: Period | None = None,
    hostile: bool = True,
) -> Adoption:
    """An adoption naming a body of ``partnership``, a date (early in ``within``) and a case
    number of that date's year."""
    return _adoption(draw, _ctx(hostile, partnership, within), near_start=within is not None)


_PLAN_TITLES = (
    "Handlingsplan",
    "Handlingsplan for Helsefelleskapet Lofoten, Vesterålen og Salten",
    "Handlingsplan for samhandling i Kárášjohka og Guovdageaidnu",
)


def _action_plan(
    draw: st.DrawFn, hostile: bool, partnership: Partnership | None, max_focus_areas: int,
    max_measures: int,
) -> ActionPlan:  # fmt: skip
    ctx = _ctx(hostile, partnership)
    period = None
    if not _one_in(draw, 6):
        period = _period(draw, bounded=True, lo=dt.date(2012, 1, 1), hi=MAX_DATE,
                         bodies=ctx.body_ids, min_days=90, max_days=2 * 366)  # fmt: skip
        ctx = ctx.within(period.first_day, period.last_day)
    plan_id = _maybe(draw, lambda: draw(ids("handlingsplan-")))
    previous = _maybe(draw, lambda: draw(ids("handlingsplan-forrige-")))
    adoptions: tuple[Adoption, ...] = ()
    if ctx.bodies and _bool(draw):
        status = _maybe_pick(draw, (PlanStatus.ADOPTED, PlanStatus.SUPERSEDED))
        # mostly one body; a joint plan is adopted by several, each once
        adopters = _some(draw, ctx.bodies, 1 if not _one_in(draw, 3) else 3, 1)
        adoptions = tuple(_adoption(draw, ctx, near_start=period is not None, body=b)
                          for b in adopters)  # fmt: skip
    else:
        status = _maybe_pick(draw, (PlanStatus.DRAFT, PlanStatus.PROPOSED))
    title = _pick(draw, _PLAN_TITLES)
    if period is not None and period.start is not None and period.effective_end is not None:
        title += f" {period.start.year}-{period.effective_end.year}"
    n_focus_areas = _int(draw, 1, max_focus_areas)
    return ActionPlan(
        language=_language(draw),
        title=title,
        id=plan_id,
        partnership=partnership,
        owner=_maybe_pick(draw, ctx.body_ids),
        period=period,
        status=status,
        adoptions=adoptions,
        introduction=_blocks(draw, ctx, 1),
        purpose=_blocks(draw, ctx, 1),
        priority_groups=_priority_groups(draw, period.first_day if period else None),
        priority_groups_text=_maybe_text(draw, hostile),
        focus_areas=tuple(
            _focus_area(draw, ctx, i + 1, title, max_measures, previous)
            for i, title in enumerate(_distinct_texts(draw, hostile, n_focus_areas))
        ),
        ongoing_activities_text=_maybe(draw, lambda: "I tillegg kommer pågående aktiviteter som videreføres"),
        ongoing_activities=_measures(draw, ctx, _int(draw, 0, 2), phased=False, id_prefix="p",
                                     previous_plan=previous),
        previous_plan=previous if previous != plan_id else None,
    )  # fmt: skip


@st.composite
def action_plans(
    draw: st.DrawFn,
    *,
    partnership: Partnership | None = None,
    hostile: bool = True,
    max_focus_areas: int = 3,
    max_measures: int = 3,
) -> ActionPlan:
    """An action plan: a period (start <= end, mostly calendar years), focus areas 1..n with
    measures 1..m (distinct texts, phases in order), responsibles that resolve in the
    embedded partnership, timeframes inside the period, status consistent with progress,
    and an adoption (a body of the partnership, a date, a case number) when adopted.

    Without ``partnership`` one is drawn, or now and then none: then every responsible
    is a collective and the plan is not adopted.
    """
    if partnership is None and not _one_in(draw, 5):
        partnership = _partnership(draw, hostile, 3, embedded=True)
    return _action_plan(draw, hostile, partnership, max_focus_areas, max_measures)
