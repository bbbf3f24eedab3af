"""Strategies for :mod:`khsmodel.meetingplans`: the year's meeting plan."""

from __future__ import annotations

import datetime as dt

from hypothesis import strategies as st

from ..meetingplans import MeetingPlan, PlannedMeeting, YearDate
from ..partnerships import Partnership
from ._draw import _bool, _date, _int, _language, _maybe, _one_in, _pick
from ._partnerships import _partnership
from ._text import _maybe_text, _text
from ._vocabulary import MAX_DATE, MIN_DATE


@st.composite
def meeting_plans(
    draw: st.DrawFn,
    *,
    partnership: Partnership | None = None,
    hostile: bool = True,
    max_meetings: int = 6,
) -> MeetingPlan:
    """A valid meeting plan of a year: meetings of the embedded partnership's bodies (or of
    bodies named as written) on days of that year, one a day per body, each case-document
    deadline on or before its meeting; now and then a deadline rule, times, places, other
    dates of the year."""
    if partnership is None and not _one_in(draw, 4):
        partnership = _partnership(draw, hostile, 3, embedded=True)
    year = _int(draw, MIN_DATE.year + 1, MAX_DATE.year - 1)
    first, last = dt.date(year, 1, 1), dt.date(year, 12, 31)
    names = [b.id for b in partnership.bodies] if partnership is not None else []
    if not names:
        names = [_text(draw, hostile, 3) for _ in range(_int(draw, 1, 3))]
    used: set[tuple[str, dt.date]] = set()
    meetings: list[PlannedMeeting] = []
    for _ in range(_int(draw, 0, max_meetings)):
        body, day = _pick(draw, names), _date(draw, first, last)
        if (body, day) in used:
            continue
        used.add((body, day))
        start = _maybe(draw, lambda: dt.time(_int(draw, 8, 16), _pick(draw, (0, 15, 30))))
        meetings.append(PlannedMeeting(
            body=body,
            date=day,
            start_time=start,
            end_time=dt.time(start.hour + 1, 0) if start and _bool(draw) else None,
            location=_maybe_text(draw, hostile, 4),
            title=_maybe_text(draw, hostile, 5),
            documents_due=day - dt.timedelta(days=_int(draw, 0, 30)) if _bool(draw) else None,
        ))  # fmt: skip
    dates = tuple(
        YearDate(date=_date(draw, first, last), text=_text(draw, hostile, 5),
                 body=_maybe(draw, lambda: _pick(draw, names)))
        for _ in range(_int(draw, 0, 2))
    )  # fmt: skip
    return MeetingPlan(
        year=year,
        id=_maybe(draw, lambda: f"moteplan-{year}"),
        title=_maybe_text(draw, hostile, 6),
        partnership=partnership,
        documents_due_days=_maybe(draw, lambda: _int(draw, 0, 28)),
        meetings=tuple(meetings),
        dates=dates,
        language=_language(draw),
    )
