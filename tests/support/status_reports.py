"""A status report with every status among its measures, for the status chart's tests.

Not collected by pytest."""

from __future__ import annotations

import datetime as dt
import itertools

import attrs

from khsmodel.plans import MeasureStatus
from khsmodel.status import StatusReport, report

from .pdf_support import plan_2016_2017


def every_status(first_title: str | None = None) -> StatusReport:
    """The 2016-2017 plan at 1 September 2016, its measures given each status in turn (and
    none), its first focus area renamed to ``first_title`` if given."""
    plan = plan_2016_2017()
    cycle = itertools.cycle([*MeasureStatus, None])
    areas = [attrs.evolve(fa, measures=tuple(attrs.evolve(m, status=next(cycle), progress=())
                                             for m in fa.measures))
             for fa in plan.focus_areas]  # fmt: skip
    if first_title is not None:
        areas[0] = attrs.evolve(areas[0], title=first_title)
    return report(attrs.evolve(plan, focus_areas=tuple(areas)), dt.date(2016, 9, 1))
