"""The year's meeting plan (møteplan) of a partnership, and its årshjul.

A :class:`MeetingPlan` is a document of its own (kind ``meeting_plan``): the
meetings a partnership plans for one year, each a :class:`PlannedMeeting` of a
body on a date (a time and a place when given), with the deadline for its case
documents (saksdokumenter). The deadline is the meeting's own
``documents_due`` or, without one, ``documents_due_days`` days before the
meeting (the plan's rule, "two weeks before" is 14). The plan may also list
other dates of the year (:class:`YearDate`: reporting dates, "Frist for
årsrapport") and embed the action plan followed that year, whose dated
measures the årshjul shows.

>>> import datetime as dt
>>> from khsmodel import MeetingPlan, PlannedMeeting
>>> mp = MeetingPlan(year=2022, documents_due_days=14, meetings=(
...     PlannedMeeting(body="Samarbeidsstyret", date=dt.date(2022, 1, 10)),
...     PlannedMeeting(body="Partnerskapsmøtet", date=dt.date(2022, 2, 4),
...                    documents_due=dt.date(2022, 1, 14))))
>>> [mp.deadline(m).isoformat() for m in mp.meetings]
['2021-12-27', '2022-01-14']
>>> mp.bodies()
['Samarbeidsstyret', 'Partnerskapsmøtet']
>>> [(e.month, e.kind, e.text) for e in mp.wheel()]
[(1, 'meeting', 'Samarbeidsstyret'), (2, 'meeting', 'Partnerskapsmøtet')]
"""

from __future__ import annotations

import datetime as dt
import re
from typing import ClassVar

import attrs

from ._base import Precision, document, language_field, model
from .errors import FieldValueError
from .partnerships import Partnership
from .plans import ActionPlan

__all__ = ["MeetingPlan", "PlannedMeeting", "WheelEntry", "YearDate"]


@model
class PlannedMeeting:
    """A meeting of a body on the year's plan.

    ``body`` is the id of a body of the plan's embedded partnership (its name
    is printed) or, without one, the body's name as written.
    ``documents_due`` is the deadline for its case documents when it has a
    date of its own; otherwise the plan's ``documents_due_days`` gives it.
    """

    body: str
    date: dt.date
    start_time: dt.time | None = None
    end_time: dt.time | None = None
    location: str | None = None
    title: str | None = None
    documents_due: dt.date | None = None
    note: str | None = None


@model
class YearDate:
    """Another date of the year: a reporting date, a deadline ("Frist for årsrapport").

    ``body`` is the body it concerns (reported to, or that must act), when given.
    """

    date: dt.date
    text: str
    body: str | None = None


@attrs.frozen
class WheelEntry:
    """One mark of the årshjul: a meeting, a case-document deadline, a year date or a
    dated measure, in date order (:meth:`MeetingPlan.wheel`). ``due`` holds the
    timeframe as written of a measure due by its date ("Innen 1. oktober 2026"): a
    deadline, not an event on that day."""

    date: dt.date
    kind: str  # "meeting", "deadline", "date" or "measure"
    text: str
    body: str | None = None
    due: str | None = None

    @property
    def month(self) -> int:
        return self.date.month


@document
@model
class MeetingPlan:
    """The meetings of a partnership's bodies in one year (a document: kind ``meeting_plan``).

    ``documents_due_days`` (0..365) is the plan's rule for the deadline of case
    documents, in days before each meeting (None: no rule; a meeting's own
    ``documents_due`` comes first). ``dates`` are other dates of the year
    (reporting dates). ``plan`` is the action plan followed in the year, when
    its dated measures are to be shown on the årshjul.
    """

    KIND: ClassVar[str] = "meeting_plan"

    year: int
    id: str | None = None
    title: str | None = None
    partnership: Partnership | None = None
    documents_due_days: int | None = None
    meetings: tuple[PlannedMeeting, ...] = ()
    dates: tuple[YearDate, ...] = ()
    plan: ActionPlan | None = None
    notes: tuple[str, ...] = ()
    language: str = language_field()

    def __attrs_post_init__(self) -> None:
        if not 1900 <= self.year <= 2200:
            raise FieldValueError("year", f"year must be 1900..2200, got {self.year}")
        if self.documents_due_days is not None and not 0 <= self.documents_due_days <= 365:
            raise FieldValueError(
                "documents_due_days",
                f"documents_due_days must be 0..365 days, got {self.documents_due_days}",
            )

    def deadline(self, meeting: PlannedMeeting) -> dt.date | None:
        """The deadline for ``meeting``'s case documents: its own, else by the plan's rule."""
        if meeting.documents_due is not None:
            return meeting.documents_due
        if self.documents_due_days is None:
            return None
        return meeting.date - dt.timedelta(days=self.documents_due_days)

    def meeting_title(self, meeting: PlannedMeeting) -> str | None:
        """``meeting``'s title, or None when it only repeats its body's name (and the
        year): "Partnerskapsmøte 2026" of the body "Partnerskapsmøtet" says nothing more.

        >>> mp = MeetingPlan(year=2026, meetings=(
        ...     PlannedMeeting(body="Partnerskapsmøtet", date=dt.date(2026, 3, 18),
        ...                    title="Partnerskapsmøte 2026"),))
        >>> mp.meeting_title(mp.meetings[0]) is None
        True
        """
        title = meeting.title
        if title is None:
            return None
        core = re.sub(rf"\b{self.year}\b", "", title).strip(" -–,:").casefold()
        names = {self.body_name(meeting.body).casefold(), meeting.body.casefold()}
        for name in names:
            if core == name or (core and name.startswith(core)
                                and name[len(core):] in _DEFINITE_ENDINGS):
                return None
        return title

    def body_name(self, body: str) -> str:
        """The name of ``body``: the embedded partnership's name for that id, else as written."""
        found = self.partnership.body(body) if self.partnership is not None else None
        return found.name if found is not None else body

    def bodies(self) -> list[str]:
        """The bodies that meet, in the order of their first meeting in the list."""
        return list(dict.fromkeys(m.body for m in self.meetings))

    def by_month(self) -> list[tuple[int, list[PlannedMeeting]]]:
        """The meetings by month (1..12) in date order; months without meetings left out."""
        out: dict[int, list[PlannedMeeting]] = {}
        for m in sorted(self.meetings, key=_meeting_key):
            out.setdefault(m.date.month, []).append(m)
        return sorted(out.items())

    def wheel(self, *, deadlines: bool = False) -> list[WheelEntry]:
        """The marks of the årshjul in the plan's year, in date order: the meetings
        (``deadlines``: their case-document deadlines too), the year's dates, and the
        embedded plan's measures whose timeframe states a single day of the year or a
        deadline on a day in it ("innen 1. juni": on that day; not "innen utgangen av
        mars", which names no day)."""
        entries = [
            WheelEntry(m.date, "meeting", self.meeting_title(m) or self.body_name(m.body), m.body)
            for m in self.meetings
        ]
        if deadlines:
            for m in self.meetings:
                due = self.deadline(m)
                if due is not None:
                    entries.append(
                        WheelEntry(due, "deadline", self.meeting_title(m) or self.body_name(m.body), m.body)
                    )
        entries.extend(WheelEntry(d.date, "date", d.text, d.body) for d in self.dates)
        plan = self.plan
        if plan is not None:
            measures = [m for _, m in plan.iter_measures()] + list(plan.ongoing_activities)
            for measure in measures:
                tf = measure.timeframe
                rng = tf.date_range(plan.period) if tf is not None else None
                if rng is None or rng[1] is None or rng[0] not in (None, rng[1]):
                    continue  # only a day ("15. mars") or a deadline ("innen 1. juni")
                if tf is None or tf.precision(plan.period) is not Precision.DAY:
                    continue  # "innen utgangen av mars" names no day: not marked on one
                due_text = tf.text if tf is not None and rng[0] is None else None
                entries.append(WheelEntry(rng[1], "measure", measure.text, due=due_text))
        entries = [e for e in entries if e.date.year == self.year]
        order = {"deadline": 0, "meeting": 1, "date": 2, "measure": 3}
        return sorted(entries, key=lambda e: (e.date, order[e.kind], e.body or "", e.text))


#: Endings of a Norwegian definite noun ("møtet", "styret", "gruppa", "utvalget").
_DEFINITE_ENDINGS = frozenset({"t", "et", "en", "n", "a", "ne"})


def _meeting_key(m: PlannedMeeting) -> tuple[dt.date, dt.time, str]:
    return (m.date, m.start_time or dt.time(0), m.body)
