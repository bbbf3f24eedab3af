"""Strategies for :mod:`khsmodel.status`: status reports of an action plan."""

from __future__ import annotations

import datetime as dt

from hypothesis import strategies as st

from ..plans import ActionPlan
from ..status import StatusReport, report
from ._draw import _date, _int, _maybe_date
from ._plans import action_plans
from ._text import _maybe_text
from ._vocabulary import MAX_DATE, MIN_DATE


@st.composite
def status_reports(
    draw: st.DrawFn,
    *,
    plan: ActionPlan | None = None,
    hostile: bool = True,
    max_focus_areas: int = 3,
    max_measures: int = 3,
) -> StatusReport:
    """A status report made by :func:`khsmodel.report` (so its items agree with the plan):
    of ``plan`` or a drawn one, as of a date inside the plan period or after it, now and then
    with ``since`` (before that date), a ``due_within`` window and a title."""
    if plan is None:
        plan = draw(action_plans(hostile=hostile, max_focus_areas=max_focus_areas,
                                 max_measures=max_measures))  # fmt: skip
    start = (plan.period.first_day if plan.period else None) or MIN_DATE
    as_of = _date(draw, start, max(start, MAX_DATE))
    since = _maybe_date(draw, start, as_of - dt.timedelta(days=1)) if as_of > start else None
    return report(
        plan,
        as_of,
        due_within=_int(draw, 0, 120),
        since=since,
        title=_maybe_text(draw, hostile, 8),
    )
