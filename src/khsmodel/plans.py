"""Action plans (handlingsplan): focus areas, measures, responsibility, phases, status, follow-up."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from enum import StrEnum
from typing import Any, ClassVar

from ._base import Block, Period, evolve, language_field, model
from .agreements import PriorityGroup
from .decisions import Decision
from .errors import KhsModelError
from .identifiers import CaseNumber
from .partnerships import Partnership
from .timeframes import Timeframe

__all__ = [
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
        raise KhsModelError(f"the plan has no measure {number} in focus area {focus_area}")

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
            raise KhsModelError("measures_by takes one of party, body or collective")

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
        see :func:`khsmodel.plandiff.next_plan`."""
        from .plandiff import next_plan

        return next_plan(self, title=title, period=period, carry=carry, id=id)
