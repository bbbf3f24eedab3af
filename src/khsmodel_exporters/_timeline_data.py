"""What a plan's timeline shows, as data: measures placed by their dates, grouped by area.

Shared by the PDF chart (:mod:`khsmodel_exporters.pdf._timeline`) and the Word
table (:mod:`khsmodel_exporters.docx._timeline`), so both place the same measures in
the same months and list the same ones under "Uten fast dato". Pure Python.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass
from typing import NamedTuple

from khsmodel._base import Period
from khsmodel.labels import Labels
from khsmodel.plans import ActionPlan, Measure
from khsmodel.timeframes import Recurring

from .content import Span, styled
from .content import display_text as t
from .content.plans import focus_area_heading, measure_title, shared_headings

__all__ = ["Row", "TimelineData", "collect", "months", "unresolved_groups"]


class Row(NamedTuple):
    """One measure on the timeline: number, text, timeframe as written, resolved dates.
    (A named tuple: a plan of a thousand measures makes a thousand, a frozen dataclass is
    slower to make.)"""

    number: str
    text: str
    when: str
    start: dt.date | None
    end: dt.date | None


@dataclass(frozen=True, slots=True)
class TimelineData:
    """The chart's groups (title, rows that resolve) and the measures that do not resolve."""

    groups: tuple[tuple[str, tuple[Row, ...]], ...]
    unresolved: tuple[tuple[str, Row], ...]
    start: dt.date
    end: dt.date

    @property
    def empty(self) -> bool:
        return not any(rows for _, rows in self.groups)


def _row(
    number: str, m: Measure, period: Period | None, text: str | None = None
) -> tuple[Row, bool]:
    """The measure's row and whether it can be placed; one without a timeframe cannot.
    ``text`` names it (its own heading, "Fagdag"), by default its text.

    An ongoing measure ("Løpende") spans the plan's period; a recurring one
    ("Årlig i mars") is listed with the unplaced ones, its words saying when: one
    bar from its first to its last occurrence would say it runs all the time between.
    """
    text = m.text if text is None else text
    tf = m.timeframe
    if tf is None:
        return Row(number, text, "", None, None), False
    # the dates the status report reads too (its end is Timeframe.end), so the chart and
    # the report agree on when a measure ends; a recurring one is listed, not drawn
    rng = None if type(tf.interpretation) is Recurring else tf.date_range(period)
    if rng is None:
        return Row(number, text, tf.text, None, None), False
    start, end = rng
    return Row(number, text, tf.text, start, end), (start is not None or end is not None)


def _month_start(d: dt.date) -> dt.date:
    return d.replace(day=1)


def _month_end(d: dt.date) -> dt.date:
    if d.month == 12:
        return dt.date(d.year, 12, 31)
    return dt.date(d.year, d.month + 1, 1) - dt.timedelta(days=1)


def collect(plan: ActionPlan, labels: Labels) -> TimelineData:
    """The measures of ``plan`` sorted into drawable rows and unresolved ones, grouped
    under each focus area's heading as the document prints it."""
    groups: list[tuple[str, tuple[Row, ...]]] = []
    unresolved: list[tuple[str, Row]] = []
    period = plan.period
    sources: list[tuple[str, Sequence[Measure]]] = [
        (focus_area_heading(fa), fa.measures) for fa in plan.focus_areas
    ]
    if plan.ongoing_activities:
        sources.append((labels.ongoing_activities, plan.ongoing_activities))
    for title, measures in sources:
        rows: list[Row] = []
        shared = shared_headings(measures)
        for m, grouped in zip(measures, shared, strict=True):
            # a measure is named as the tables name it: by its label as written ("1.1"), else
            # by its own heading ("Fagdag") or its text (a number the tables do not print
            # would match nothing)
            row, resolved = _row(m.label or "", m, period, measure_title(m, grouped))
            if resolved:
                rows.append(row)
            else:
                unresolved.append((title, row))
        groups.append((title, tuple(rows)))
    dates = [d for _, rows in groups for r in rows for d in (r.start, r.end) if d is not None]
    p_start = period.first_day if period else None
    p_end = period.last_day if period else None
    if p_start is not None and p_end is not None and p_end < p_start:
        p_start, p_end = p_end, p_start
    candidates_start = [d for d in (p_start, min(dates, default=None)) if d is not None]
    candidates_end = [d for d in (p_end, max(dates, default=None)) if d is not None]
    if candidates_start and candidates_end:
        start = _month_start(min(candidates_start))
        end = _month_end(max(candidates_end))
    else:  # nothing to draw; any range will do
        start = end = dt.date(2000, 1, 1)
    if (end - start).days < 27:
        end = _month_end(start)
    return TimelineData(tuple(g for g in groups if g[1]), tuple(unresolved), start, end)


def months(start: dt.date, end: dt.date) -> int:
    """How many calendar months ``start``..``end`` touches."""
    return (end.year - start.year) * 12 + end.month - start.month + 1


def unresolved_groups(data: TimelineData) -> list[tuple[str, list[tuple[Span, ...]]]]:
    """The measures the timeline cannot place, as list items under their focus area:
    "2.2 Rettigheter forankret i lov", "… – Neste møte" (the timeframe as written)."""
    groups: list[tuple[str, list[tuple[Span, ...]]]] = []
    space = Span(" ")  # a span is immutable: one serves every item
    whens: dict[str, tuple[Span, ...]] = {}  # " – Neste møte" and its spans: they repeat
    for title, row in data.unresolved:
        spans = [*styled(t(row.number), bold=True), space] if row.number else []
        spans.append(Span(t(row.text)))
        if row.when:  # a measure without a timeframe is listed with its text alone
            when = whens.get(row.when)
            if when is None:
                when = whens[row.when] = (space, *styled(f"– {t(row.when)}", italic=True))
            spans += when
        if not groups or groups[-1][0] != title:
            groups.append((title, []))
        groups[-1][1].append(tuple(spans))
    return groups
