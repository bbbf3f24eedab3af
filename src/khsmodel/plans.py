"""Action plans (handlingsplan): focus areas, measures, responsibility, phases, status, follow-up."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable, Iterator, Sequence
from enum import StrEnum
from typing import Any, ClassVar

from ._base import Block, Period, document, evolve, language_field, model
from .agreements import PriorityGroup
from .decisions import Decision
from .errors import ArgumentError, DocumentKindError, NoSuchMeasureError
from .identifiers import CaseNumber
from .partnerships import Partnership
from .timeframes import NextMeeting, Timeframe, interpret_timeframe

__all__ = [
    "CLOSED",
    "ActionPlan",
    "Adoption",
    "Collective",
    "FocusArea",
    "Measure",
    "MeasureRef",
    "MeasureStatus",
    "Phase",
    "PlanStatus",
    "ProgressEntry",
    "Responsibility",
    "ResponsibleParty",
    "next_plan",
    "status_at",
]


class Collective(StrEnum):
    """Collective responsible parties that name no single organisation."""

    ALL_PARTIES = "all_parties"  # "Partene"
    EACH_PARTY = "each_party"  # "Hver enkelt part"
    MUNICIPALITIES = "municipalities"  # "Kommunene", "K26"
    EACH_MUNICIPALITY = "each_municipality"  # "Hver enkelt kommune"
    PARTICIPATING_MUNICIPALITIES = "participating_municipalities"  # "Deltakende kommune(r)"
    HOSPITALS = "hospitals"  # "sykehus", "hver … klinikk"


@model
class ResponsibleParty:
    """One responsible: a party (by id), optionally a unit of it, or a body, or a collective.

    ``unit`` is the id of one of the party's units (``Organisation.units``):
    "VV ved leder LMS" is ``party="vestre-viken", unit="lms", text="VV ved leder LMS"``;
    "Sekretariatet" is ``body="sekretariat"``; "Hver enkelt kommune" is
    ``collective=Collective.EACH_MUNICIPALITY``. ``text`` keeps this
    responsible's words as written where they can be told apart.
    """

    party: str | None = None
    unit: str | None = None
    body: str | None = None
    collective: Collective | None = None
    text: str | None = None


@model
class Responsibility:
    """Who is responsible (ansvarlig): the text as written, a lead, and contributors.

    "sekretariatet i samarbeid med PHR/BUPA og K26" has the secretariat as lead
    and PHR/BUPA and K26 as contributors.
    """

    text: str
    lead: tuple[ResponsibleParty, ...] = ()
    contributors: tuple[ResponsibleParty, ...] = ()

    @property
    def parties(self) -> tuple[ResponsibleParty, ...]:
        """Lead first, then contributors."""
        return self.lead + self.contributors


class MeasureStatus(StrEnum):
    PLANNED = "planned"
    STARTED = "started"
    ONGOING = "ongoing"
    DONE = "done"
    POSTPONED = "postponed"
    CANCELLED = "cancelled"
    CARRIED_OVER = "carried_over"


@model
class Phase:
    """A phase of the work in a focus area: ``Phase(number=1, label="Fase 1")``."""

    number: int
    label: str
    title: str | None = None


@model
class ProgressEntry:
    """A dated follow-up note on a measure: "OSU vil bli holdt informert"."""

    date: dt.date
    text: str
    status: MeasureStatus | None = None
    reported_to: str | None = None
    author: str | None = None


@model
class MeasureRef:
    """A reference to a measure of another plan (by plan id and numbers), with its text."""

    plan: str
    focus_area: int | None = None
    measure: int | None = None
    text: str | None = None


@model
class Measure:
    """A measure (tiltak) of a focus area.

    ``text`` is the measure's first line as written, ``details`` the further
    lines of its cell (requirements, bullets). ``heading`` groups measures
    under a shared title in the source ("Barn som pårørende").

    >>> from khsmodel import Measure, Responsibility, ResponsibleParty, Timeframe
    >>> m = Measure(number=1, text="Siste samling i læringsnettverket",
    ...             responsibility=Responsibility(text="Vestre Viken",
    ...                 lead=(ResponsibleParty(party="vestre-viken"),)),
    ...             timeframe=Timeframe(text="15 mars"))
    >>> m.timeframe.text
    '15 mars'
    """

    number: int
    text: str
    label: str | None = None
    id: str | None = None
    heading: str | None = None
    details: tuple[str, ...] = ()
    responsibility: Responsibility | None = None
    timeframe: Timeframe | None = None
    phase: Phase | None = None
    status: MeasureStatus | None = None
    progress: tuple[ProgressEntry, ...] = ()
    carried_over_from: MeasureRef | None = None


@model
class FocusArea:
    """A focus area (fokusområde, innsatsområde): number, title, and its measures.

    ``label`` is the area's name as the source writes it before the title
    ("Fokusområde 1", "Innsatsområde 4"); documents print "label: title", or the
    title alone when there is none. A measure's ``label`` ("1.", "2.3") likewise:
    measures without labels, and with nothing else than their text, are printed
    as a bulleted list.
    """

    number: int
    title: str
    label: str | None = None
    description: tuple[Block, ...] = ()
    measures: tuple[Measure, ...] = ()

    def measure(self, number: int) -> Measure | None:
        """The measure with this number, or None."""
        return next((m for m in self.measures if m.number == number), None)


class PlanStatus(StrEnum):
    DRAFT = "draft"
    PROPOSED = "proposed"
    ADOPTED = "adopted"
    SUPERSEDED = "superseded"


@model
class Adoption:
    """Who adopted the plan, when, in which case: "Vedtatt i OSU 8. februar 2016, sak 2/2016".

    A joint plan adopted by several bodies has one each
    (:attr:`ActionPlan.adoptions`). ``text`` keeps the adoption's line as
    written where the source has one; ``decision`` the adopting decision.
    """

    body: str | None = None
    date: dt.date | None = None
    case_number: CaseNumber | None = None
    text: str | None = None
    decision: Decision | None = None


@document
@model
class ActionPlan:
    """An action plan (handlingsplan) of a partnership body for a period.

    >>> import datetime as dt
    >>> from khsmodel import ActionPlan, FocusArea, Measure, Period
    >>> plan = ActionPlan(title="Handlingsplan 2016-2017",
    ...     period=Period(start=dt.date(2016, 1, 1), end=dt.date(2017, 12, 31), text="2016-2017"),
    ...     focus_areas=(FocusArea(number=1, title="Lærings- og mestringstilbud",
    ...         measures=(Measure(number=1, text="Arrangere et dagsseminar"),)),))
    >>> [m.text for _, m in plan.iter_measures()]
    ['Arrangere et dagsseminar']

    ``adoptions`` lists every body that adopted the plan, each with its date,
    case number and decision, in the order the source gives them: a joint plan
    is "Vedtatt i OSU Helgeland 3. mars 2023, sak 5/2023, og i SSU Nordland
    14. mars 2023, sak 9/2023".

    >>> from khsmodel import Adoption, CaseNumber
    >>> joint = ActionPlan(title="Felles handlingsplan", adoptions=(
    ...     Adoption(body="osu-helgeland", date=dt.date(2023, 3, 3),
    ...              case_number=CaseNumber.parse("5/2023")),
    ...     Adoption(body="ssu-nordland", date=dt.date(2023, 3, 14),
    ...              case_number=CaseNumber.parse("9/2023"))))
    >>> [a.body for a in joint.adoptions]
    ['osu-helgeland', 'ssu-nordland']
    """

    KIND: ClassVar[str] = "action_plan"

    title: str
    id: str | None = None
    partnership: Partnership | None = None
    owner: str | None = None
    period: Period | None = None
    status: PlanStatus | None = None
    adoptions: tuple[Adoption, ...] = ()
    introduction: tuple[Block, ...] = ()
    purpose: tuple[Block, ...] = ()
    priority_groups: tuple[PriorityGroup, ...] = ()
    priority_groups_text: str | None = None
    focus_areas: tuple[FocusArea, ...] = ()
    ongoing_activities_text: str | None = None
    ongoing_activities: tuple[Measure, ...] = ()
    previous_plan: str | None = None
    #: The language the document is written in (BCP 47; exporters print their words in it).
    language: str = language_field()

    def iter_measures(self) -> Iterator[tuple[FocusArea, Measure]]:
        """Every (focus area, measure) pair in order."""
        for fa in self.focus_areas:
            for m in fa.measures:
                yield fa, m

    def focus_area(self, number: int) -> FocusArea | None:
        """The focus area with this number, or None."""
        return next((fa for fa in self.focus_areas if fa.number == number), None)

    def measure(self, focus_area: int, number: int) -> Measure | None:
        """Measure ``number`` of focus area ``focus_area``, or None.

        >>> from khsmodel import ActionPlan, FocusArea, Measure
        >>> plan = ActionPlan(title="Handlingsplan", focus_areas=(FocusArea(number=2,
        ...     title="Barn og unge", measures=(Measure(number=1, text="Fagdag"),)),))
        >>> plan.measure(2, 1).text
        'Fagdag'
        >>> plan.measure(1, 1) is None
        True
        """
        fa = self.focus_area(focus_area)
        return fa.measure(number) if fa is not None else None

    def evolve_measure(self, focus_area: int, number: int, **changes: Any) -> ActionPlan:
        """A copy of the plan with measure ``number`` of ``focus_area`` changed as ``attrs.evolve``.

        The status of a measure reported done at the meeting, in one call instead
        of three nested ``attrs.evolve``; the changes are type-checked as any
        new object's are. Raises :class:`~khsmodel.KhsModelError` naming the
        measure when the plan has no such measure.

        >>> import datetime as dt
        >>> from khsmodel import (ActionPlan, FocusArea, Measure, MeasureStatus,
        ...                       ProgressEntry)
        >>> plan = ActionPlan(title="Handlingsplan", focus_areas=(FocusArea(number=1,
        ...     title="Barn og unge", measures=(Measure(number=1, text="Fagdag"),)),))
        >>> done = plan.evolve_measure(1, 1, status=MeasureStatus.DONE, progress=(
        ...     ProgressEntry(date=dt.date(2016, 6, 15), text="Gjennomført",
        ...                   status=MeasureStatus.DONE),))
        >>> done.measure(1, 1).status
        <MeasureStatus.DONE: 'done'>
        >>> plan.measure(1, 1).status is None   # the plan itself is unchanged
        True
        """
        for i, fa in enumerate(self.focus_areas):
            if fa.number != focus_area:
                continue
            for j, m in enumerate(fa.measures):
                if m.number == number:
                    measures = (*fa.measures[:j], evolve(m, **changes), *fa.measures[j + 1 :])
                    areas = (
                        *self.focus_areas[:i],
                        evolve(fa, measures=measures),
                        *self.focus_areas[i + 1 :],
                    )
                    return evolve(self, focus_areas=areas)
        raise NoSuchMeasureError(
            focus_area, number, f"the plan has no measure {number} in focus area {focus_area}"
        )

    def measures_by(
        self,
        *,
        party: str | None = None,
        body: str | None = None,
        collective: Collective | None = None,
        lead_only: bool = False,
    ) -> list[tuple[FocusArea | None, Measure]]:
        """The measures a party, body or collective is responsible for, in plan order.

        A measure counts when one of its responsibles (the lead, or also a
        contributor unless ``lead_only``) names that party (a unit of it
        included), body or collective. Ongoing activities come last, with
        None for their focus area.

        >>> from khsmodel import (ActionPlan, FocusArea, Measure, Responsibility,
        ...                       ResponsibleParty)
        >>> vv = ResponsibleParty(party="vestre-viken")
        >>> plan = ActionPlan(title="Handlingsplan", focus_areas=(FocusArea(number=1,
        ...     title="Rehabilitering", measures=(
        ...         Measure(number=1, text="Konferanse",
        ...                 responsibility=Responsibility(text="Vestre Viken", lead=(vv,))),
        ...         Measure(number=2, text="Kartlegging"))),))
        >>> [m.text for _, m in plan.measures_by(party="vestre-viken")]
        ['Konferanse']
        """
        if (party, body, collective).count(None) != 2:
            raise ArgumentError(
                "party, body, collective",
                (party, body, collective),
                "measures_by takes one of party, body or collective",
            )

        def named(r: ResponsibleParty) -> bool:
            return (
                (party is not None and r.party == party)
                or (body is not None and r.body == body)
                or (collective is not None and r.collective == collective)
            )

        out: list[tuple[FocusArea | None, Measure]] = []
        pairs: list[tuple[FocusArea | None, Measure]] = [*self.iter_measures()]
        pairs += [(None, m) for m in self.ongoing_activities]
        for fa, m in pairs:
            r = m.responsibility
            if r is not None and any(map(named, r.lead if lead_only else r.parties)):
                out.append((fa, m))
        return out

    def next_plan(
        self, *, title: str, period: Period, carry: Any = None, id: str | None = None
    ) -> ActionPlan:
        """A new draft plan for ``period`` carrying over this plan's measures that are not
        done (or those ``carry`` chooses), each with ``carried_over_from`` pointing back;
        see :func:`next_plan`."""
        return next_plan(self, title=title, period=period, carry=carry, id=id)


#: Statuses after which a measure needs no more work in its plan.
CLOSED: frozenset[MeasureStatus] = frozenset(
    {MeasureStatus.DONE, MeasureStatus.CANCELLED, MeasureStatus.CARRIED_OVER}
)


# A measure's name in a short list (the timeline, the status report, a plan's diff):
# one rule for the model's diff and the exporters' content.


def shared_headings(measures: Sequence[Measure]) -> list[bool]:
    """For each measure, whether its ``heading`` heads a group: the measure next to it (in
    the same phase) has the same heading. A heading no neighbour shares is the measure's
    own ("Fagdag" over "Kommunene etterspør kompetanse …")."""

    def same(a: Measure, b: Measure) -> bool:
        return (
            a.heading is not None
            and a.heading == b.heading
            and (a.phase is b.phase or a.phase == b.phase)
        )

    return [
        (i > 0 and same(m, measures[i - 1])) or (i + 1 < len(measures) and same(m, measures[i + 1]))
        for i, m in enumerate(measures)
    ]


def measure_title(m: Measure, shared: bool) -> str:
    """What names a measure in a short list (the timeline, the status report): its own heading
    (``shared`` False, :func:`shared_headings`), else its text."""
    return m.heading if m.heading is not None and not shared else m.text


def status_at(measure: Measure, day: dt.date) -> tuple[MeasureStatus | None, dt.date | None]:
    """The status of ``measure`` on ``day`` and the date of the entry it comes from.

    >>> import datetime as dt
    >>> from khsmodel import Measure, MeasureStatus, ProgressEntry
    >>> m = Measure(number=1, text="Fagdag", progress=(
    ...     ProgressEntry(date=dt.date(2016, 3, 1), text="Startet", status=MeasureStatus.STARTED),
    ...     ProgressEntry(date=dt.date(2016, 6, 15), text="Holdt", status=MeasureStatus.DONE)))
    >>> status_at(m, dt.date(2016, 5, 1))
    (<MeasureStatus.STARTED: 'started'>, datetime.date(2016, 3, 1))
    >>> status_at(m, dt.date(2016, 1, 1))
    (None, None)
    """
    best: MeasureStatus | None = None
    best_date: dt.date | None = None
    any_status = False
    for entry in measure.progress:
        st = entry.status
        if st is None:
            continue
        any_status = True
        d = entry.date
        if d <= day and (best_date is None or d >= best_date):
            best, best_date = st, d
    if not any_status:
        return measure.status, None
    return best, best_date


Carry = Callable[[FocusArea | None, Measure], bool] | Iterable[tuple[int | None, int]]


def _reread(tf: Timeframe | None, period: Period) -> Timeframe | None:
    """The timeframe with its text read again against ``period`` (text kept as written)."""
    if tf is None or tf.interpretation is None:
        return tf
    interp = tf.interpretation
    body = interp.body if isinstance(interp, NextMeeting) else None
    year = period.start.year if period.start else None
    again = interpret_timeframe(tf.text, year=year, body=body, period=period)
    return Timeframe(text=tf.text, interpretation=again)


def next_plan(
    plan: ActionPlan,
    *,
    title: str,
    period: Period,
    carry: Carry | None = None,
    id: str | None = None,
) -> ActionPlan:
    """A new draft plan for ``period`` carrying over measures of ``plan``.

    ``carry`` chooses them: None carries every measure whose latest status is
    not done, cancelled or carried over; a function ``(focus area or None,
    measure) -> bool`` or the (focus area number or None, measure number) pairs
    choose others. Each carried measure keeps its text, details,
    responsibility, phase, id and heading, is numbered anew within its focus
    area (1, 2, 3 …; its old label is dropped when its number changes), gets
    ``carried_over_from`` pointing to the old plan and measure, no status and
    no progress (they stay in the old plan), and its timeframe text read again
    against ``period`` (a text with a year, such as "Mars 2016", keeps that
    year: validation then says it lies outside the new period). Focus areas
    keep their number, label, title and description; ongoing activities stay
    ongoing activities. The old plan needs an ``id`` to be referred to.
    """
    if not isinstance(plan, ActionPlan):
        raise DocumentKindError(
            ("ActionPlan",),
            type(plan).__name__,
            f"next_plan() expects an ActionPlan, got {type(plan).__name__}",
        )
    if plan.id is None:
        raise ArgumentError(
            "plan.id", None, "the plan has no id, so carried measures cannot refer to it; give it one"
        )
    if not isinstance(period, Period):
        raise ArgumentError("period", period, f"period must be a Period, got {type(period).__name__}")
    chosen: Callable[[FocusArea | None, Measure], bool]
    if carry is None:
        last = dt.date.max

        def not_closed(fa: FocusArea | None, m: Measure) -> bool:
            return status_at(m, last)[0] not in CLOSED

        chosen = not_closed
    elif callable(carry):
        chosen = carry
    else:
        keys = set(carry)
        for key in keys:
            if not (isinstance(key, tuple) and len(key) == 2):
                raise ArgumentError(
                    "carry", key, f"carry takes (focus area, measure) pairs, got {key!r}"
                )
        known: set[tuple[int | None, int]] = {(fa.number, m.number) for fa, m in plan.iter_measures()}
        known |= {(None, m.number) for m in plan.ongoing_activities}
        missing = sorted(keys - known, key=repr)
        if missing:
            raise NoSuchMeasureError(
                *missing[0], f"the plan has no measure {missing[0]!r} to carry over"
            )

        def listed(fa: FocusArea | None, m: Measure) -> bool:
            return (fa.number if fa else None, m.number) in keys

        chosen = listed

    def carried(fa: FocusArea | None, measures: Iterable[Measure]) -> tuple[Measure, ...]:
        out: list[Measure] = []
        for m in measures:
            if not chosen(fa, m):
                continue
            n = len(out) + 1
            ref = MeasureRef(plan=plan.id or "", focus_area=fa.number if fa else None,
                             measure=m.number, text=m.text)  # fmt: skip
            out.append(evolve(
                m, number=n, label=m.label if n == m.number else None, status=None,
                progress=(), carried_over_from=ref, timeframe=_reread(m.timeframe, period),
            ))  # fmt: skip
        return tuple(out)

    return ActionPlan(
        title=title,
        id=id,
        partnership=plan.partnership,
        owner=plan.owner,
        period=period,
        status=PlanStatus.DRAFT,
        priority_groups=plan.priority_groups,
        priority_groups_text=plan.priority_groups_text,
        focus_areas=tuple(
            evolve(fa, measures=carried(fa, fa.measures)) for fa in plan.focus_areas
        ),
        ongoing_activities_text=plan.ongoing_activities_text,
        ongoing_activities=carried(None, plan.ongoing_activities),
        previous_plan=plan.id,
    )
