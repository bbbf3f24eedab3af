"""Status reports (statusrapport): where every measure of a plan stands at a date.

:func:`report` reads a plan's progress entries and gives a :class:`StatusReport`,
a document of its own (kind ``status_report``): the plan it reports on, the
date ``as_of``, and for every measure a :class:`MeasureReport` with its status
at that date, its latest progress note and its :class:`Timing` (overdue, due
soon, not due, or a timeframe that cannot be resolved, listed apart and never
guessed). :meth:`StatusReport.summary` and :meth:`StatusReport.summaries` count
them for the plan and per focus area; with ``since`` the report also says
which measures changed status and which notes are new.

>>> import datetime as dt
>>> from khsmodel import (ActionPlan, FocusArea, Measure, MeasureStatus, Period,
...                       ProgressEntry, Timeframe, interpret_timeframe, report)
>>> plan = ActionPlan(title="Handlingsplan 2016-2017", id="hp-2016",
...     period=Period(start=dt.date(2016, 1, 1), end=dt.date(2017, 12, 31)),
...     focus_areas=(FocusArea(number=1, title="Barn og unge", measures=(
...         Measure(number=1, text="Fagdag",
...                 timeframe=Timeframe(text="Medio juni 2016",
...                                     interpretation=interpret_timeframe("Medio juni 2016")),
...                 progress=(ProgressEntry(date=dt.date(2016, 3, 1), text="Planlegging i gang",
...                                         status=MeasureStatus.STARTED),)),
...         Measure(number=2, text="Kartlegging", timeframe=Timeframe(text="Etter behov")))),))
>>> r = report(plan, as_of=dt.date(2016, 9, 1))
>>> [(i.measure, i.status, i.timing.value) for i in r.items]
[(1, <MeasureStatus.STARTED: 'started'>, 'overdue'), (2, None, 'unresolved')]
>>> s = r.summary()
>>> s.total, s.overdue, s.unresolved, s.count(MeasureStatus.STARTED), s.share_done
(2, 1, 1, 1, 0.0)

The status at a date is that of the latest progress entry with a status dated
on or before it (entries of one day: the later in the list). A measure none of
whose entries carries a status has its own ``status`` field, undated, at every
date; a measure with no status either way has None ("no status"). A measure is
*closed* when its status is done, cancelled or carried over: a closed measure
is never overdue nor due soon. A timeframe ends where
:meth:`~khsmodel.Timeframe.end` (given the plan's period) says: the end of its
date range, where the plan's timeline marks it; a dated event or milestone
("Skisse presenteres i OSU 8. februar") ends on its day, as the timeline draws
it; a start ("Starter i april") has no end, so it is never overdue.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from enum import StrEnum
from typing import Any, ClassVar, cast

import attrs

from ._base import document, language_field, model
from .errors import ArgumentError, DocumentKindError, FieldValueError
from .partnerships import Partnership
from .plans import (
    CLOSED,
    ActionPlan,
    FocusArea,
    Measure,
    MeasureStatus,
    ProgressEntry,
    status_at,
)

__all__ = [
    "CLOSED",
    "MeasureReport",
    "StatusReport",
    "StatusSummary",
    "Timing",
    "report",
    "status_at",
]

#: The default window of "due soon", in days after ``as_of``.
DUE_WITHIN_DAYS = 30


class Timing(StrEnum):
    """Where a measure stands against its timeframe at the report's date."""

    OVERDUE = "overdue"  # its timeframe ended before as_of and it is not closed
    DUE_SOON = "due_soon"  # it ends within the window after as_of and is not closed
    NOT_DUE = "not_due"  # it ends later, has no end, or is closed
    UNRESOLVED = "unresolved"  # no timeframe, or one that gives no date: listed apart


@model
class MeasureReport:
    """One measure of a status report: its place in the plan and where it stands.

    ``focus_area`` is the number of its focus area (None: one of the plan's
    ongoing activities), ``measure`` its number there. ``status`` is its
    status at the report's date (None: none recorded by then) and
    ``status_date`` the date of the progress entry it comes from (None: the
    measure's own, undated status). ``note`` is the latest progress entry dated
    on or before the report's date. ``end`` is where its timeframe ends, when
    it resolves to an end. With the report's ``since``: ``previous_status`` is
    the status at that date and ``new_notes`` the progress entries dated after
    it, up to the report's date.
    """

    focus_area: int | None
    measure: int
    timing: Timing
    status: MeasureStatus | None = None
    status_date: dt.date | None = None
    note: ProgressEntry | None = None
    end: dt.date | None = None
    previous_status: MeasureStatus | None = None
    new_notes: tuple[ProgressEntry, ...] = ()

    @property
    def closed(self) -> bool:
        """True when the status is done, cancelled or carried over."""
        return self.status in CLOSED


@attrs.frozen
class StatusSummary:
    """Counts of a status report, for the plan (``focus_area`` None) or one focus area.

    ``by_status`` pairs each status (None: no status) with its count, in the
    order of :class:`~khsmodel.MeasureStatus`, no status last; the counts add up
    to ``total``. ``share_done`` is the share of measures done, None (unknown,
    not 0) when no measure has a status: without measures, or when none is
    registered.
    """

    title: str | None
    focus_area: int | None
    total: int
    by_status: tuple[tuple[MeasureStatus | None, int], ...]
    overdue: int
    due_soon: int
    unresolved: int

    def count(self, status: MeasureStatus | None) -> int:
        """The number of measures with ``status`` (None: without a status)."""
        return next(n for s, n in self.by_status if s is status)

    @property
    def done(self) -> int:
        return self.count(MeasureStatus.DONE)

    @property
    def share_done(self) -> float | None:
        if self.count(None) == self.total:  # no status registered: unknown, not 0
            return None
        return self.done / self.total


_STATUS_ORDER: tuple[MeasureStatus | None, ...] = (*MeasureStatus, None)


def _summary(title: str | None, number: int | None, items: list[MeasureReport]) -> StatusSummary:
    counts: dict[MeasureStatus | None, int] = dict.fromkeys(_STATUS_ORDER, 0)
    timings = dict.fromkeys(Timing, 0)
    for item in items:
        counts[item.status] += 1
        timings[item.timing] += 1
    return StatusSummary(
        title=title,
        focus_area=number,
        total=len(items),
        by_status=tuple(counts.items()),
        overdue=timings[Timing.OVERDUE],
        due_soon=timings[Timing.DUE_SOON],
        unresolved=timings[Timing.UNRESOLVED],
    )


@document
@model
class StatusReport:
    """A status report of an action plan at a date (a document: kind ``status_report``).

    ``plan`` is the plan as reported on (embedded, so the file stands alone
    and every item's measure can be found); ``items`` one per measure, in plan
    order, ongoing activities last. ``due_within`` is the window of "due soon"
    in days; ``since`` the date of the previous report, if changes are
    reported. Make one with :func:`report`.
    """

    KIND: ClassVar[str] = "status_report"

    plan: ActionPlan
    as_of: dt.date
    title: str | None = None
    due_within: int = DUE_WITHIN_DAYS
    since: dt.date | None = None
    items: tuple[MeasureReport, ...] = ()
    #: The language the report is written in (BCP 47); :func:`report` takes the plan's.
    language: str = language_field()

    def __attrs_post_init__(self) -> None:
        if not 0 <= self.due_within <= 3660:
            raise FieldValueError(
                "due_within", f"due_within must be 0..3660 days, got {self.due_within}"
            )

    @property
    def partnership(self) -> Partnership | None:
        """The plan's partnership (what other documents embed themselves)."""
        return self.plan.partnership

    def measure(self, item: MeasureReport) -> Measure | None:
        """The plan's measure that ``item`` reports on, or None."""
        if item.focus_area is None:
            return next((m for m in self.plan.ongoing_activities if m.number == item.measure), None)
        return self.plan.measure(item.focus_area, item.measure)

    def grouped(self) -> Iterator[tuple[FocusArea | None, list[MeasureReport]]]:
        """The items by focus area in plan order (focus areas without items too), then the
        ongoing activities (None) when there are any."""
        by_area: dict[int | None, list[MeasureReport]] = {}
        for item in self.items:
            by_area.setdefault(item.focus_area, []).append(item)
        for fa in self.plan.focus_areas:
            yield fa, by_area.pop(fa.number, [])
        if None in by_area:
            yield None, by_area.pop(None)

    def summary(self) -> StatusSummary:
        """The counts for the whole plan."""
        return _summary(self.plan.title, None, list(self.items))

    def summaries(self) -> list[StatusSummary]:
        """The counts per focus area, in plan order (the ongoing activities last, if any)."""
        return [
            _summary(fa.title if fa else None, fa.number if fa else None, items)
            for fa, items in self.grouped()
        ]

    def with_timing(self, timing: Timing) -> list[MeasureReport]:
        """The items of one timing, in plan order (``Timing.UNRESOLVED``: those listed apart)."""
        return [i for i in self.items if i.timing is timing]

    def changes(self) -> list[MeasureReport]:
        """With ``since``: the items whose status changed or that have new notes."""
        if self.since is None:
            return []
        return [i for i in self.items if i.previous_status is not i.status or i.new_notes]


_new = object.__new__
_SET = {
    a.name: getattr(MeasureReport, a.name).__set__ for a in attrs.fields(cast(Any, MeasureReport))
}


_UNSET: Any = object()


def _item(
    fa_number: int | None,
    m: Measure,
    plan: ActionPlan,
    as_of: dt.date,
    soon: dt.date,
    since: dt.date | None,
    ranges: dict[Any, Any] | None = None,
) -> MeasureReport:
    """The report item of one measure; ``ranges`` caches date ranges by interpretation."""
    # one pass over the progress: the status at as_of and at since, the latest note, new notes
    status: MeasureStatus | None = None
    status_date: dt.date | None = None
    previous: MeasureStatus | None = None
    previous_date: dt.date | None = None
    any_status = False
    note: ProgressEntry | None = None
    new_notes: list[ProgressEntry] = []
    for entry in m.progress:
        d = entry.date
        st = entry.status
        if st is not None:
            any_status = True
        if d > as_of:
            continue
        if note is None or d >= note.date:
            note = entry
        if st is not None:
            if status_date is None or d >= status_date:
                status, status_date = st, d
            if since is not None and d <= since and (previous_date is None or d >= previous_date):
                previous, previous_date = st, d
        if since is not None and d > since:
            new_notes.append(entry)
    if not any_status:
        status = previous = m.status
    if since is None:
        previous = None
    tf = m.timeframe
    rng = None
    if tf is not None:
        interp = tf.interpretation
        if interp is not None:
            rng = ranges.get(interp, _UNSET) if ranges is not None else _UNSET
            if rng is _UNSET:
                rng = tf.date_range(plan.period)
                if ranges is not None:
                    ranges[interp] = rng
    end: dt.date | None = None
    if rng is None or (rng[0] is None and rng[1] is None):
        timing = Timing.UNRESOLVED
    else:
        # the end the plan's timeline marks (Timeframe.end: the end of the date range; a
        # dated milestone, "Skisse presenteres i OSU 8. februar", is its day)
        end = rng[1]
        if end is None or status in CLOSED:
            timing = Timing.NOT_DUE
        elif end < as_of:
            timing = Timing.OVERDUE
        elif end <= soon:
            timing = Timing.DUE_SOON
        else:
            timing = Timing.NOT_DUE
    # the fields are of the declared types by construction: filled as the loader does
    # (khsmodel._fastload), without the type check of __init__ (10 000 items a report)
    item = _new(MeasureReport)
    _S_FA(item, fa_number)
    _S_MEASURE(item, m.number)
    _S_TIMING(item, timing)
    _S_STATUS(item, status)
    _S_STATUS_DATE(item, status_date)
    _S_NOTE(item, note)
    _S_END(item, end)
    _S_PREVIOUS(item, previous)
    _S_NEW_NOTES(item, tuple(new_notes))
    return item


_S_FA, _S_MEASURE, _S_TIMING, _S_STATUS, _S_STATUS_DATE, _S_NOTE, _S_END, _S_PREVIOUS, _S_NEW_NOTES = (
    _SET[name] for name in ("focus_area", "measure", "timing", "status", "status_date", "note",
                            "end", "previous_status", "new_notes")
)  # fmt: skip


def report(
    plan: ActionPlan,
    as_of: dt.date,
    *,
    due_within: int | dt.timedelta = DUE_WITHIN_DAYS,
    since: dt.date | None = None,
    title: str | None = None,
) -> StatusReport:
    """The status report of ``plan`` at ``as_of``; see the module's documentation.

    ``due_within`` (days, or a timedelta of whole days) is the window of "due
    soon"; ``since`` (before ``as_of``) the date whose statuses the changes
    are counted from. Raises :class:`~khsmodel.KhsModelError` when ``as_of``
    lies before the plan's period, or ``since`` is not before ``as_of``.
    """
    if not isinstance(plan, ActionPlan):
        raise DocumentKindError(
            ("ActionPlan",),
            type(plan).__name__,
            f"report() expects an ActionPlan, got {type(plan).__name__}",
        )
    for name, value in (("as_of", as_of), ("since", since)):
        if value is not None and (type(value) is not dt.date):
            raise ArgumentError(
                name, value, f"{name} must be a datetime.date, got {type(value).__name__}"
            )
    if isinstance(due_within, dt.timedelta):
        if due_within.seconds or due_within.microseconds:
            raise ArgumentError(
                "due_within", due_within, f"due_within must be whole days, got {due_within}"
            )
        due_within = due_within.days
    start = plan.period.first_day if plan.period else None
    if start is not None and as_of < start:
        raise ArgumentError(
            "as_of",
            as_of,
            f"as_of {as_of.isoformat()} lies before the plan period, which starts "
            f"{start.isoformat()}"
        )
    if since is not None and since >= as_of:
        raise ArgumentError(
            "since", since, f"since {since.isoformat()} must be before as_of {as_of.isoformat()}"
        )
    if type(due_within) is not int or not 0 <= due_within <= 3660:
        raise ArgumentError(
            "due_within", due_within, f"due_within must be 0..3660 days, got {due_within!r}"
        )
    soon = as_of + dt.timedelta(days=due_within)
    ranges: dict[Any, Any] = {}  # equal interpretations recur: one date range each
    items = [
        _item(fa.number, m, plan, as_of, soon, since, ranges)
        for fa in plan.focus_areas
        for m in fa.measures
    ]
    items += [_item(None, m, plan, as_of, soon, since, ranges) for m in plan.ongoing_activities]
    return StatusReport(
        plan=plan,
        as_of=as_of,
        title=title,
        due_within=due_within,
        since=since,
        items=tuple(items),
        language=plan.language,
    )
