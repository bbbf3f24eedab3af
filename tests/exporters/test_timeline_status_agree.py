"""The plan's timeline and its status report read a timeframe alike: where the timeline
places a measure, the report's end is the timeline's end; a measure the timeline cannot place
the report lists as without a date (a recurring one apart: the timeline lists it, the report
counts from its last time in the period)."""

from __future__ import annotations

import datetime as dt
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from khsmodel import ActionPlan, CaseDocument
from khsmodel.labels import NB
from khsmodel.status import Timing, report
from khsmodel.timeframes import Recurring
from khsmodel_exporters._timeline_data import _row, collect

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "examples"))

from catalogue import EXAMPLES


def _plans() -> Iterator[tuple[str, ActionPlan]]:
    for name, build in EXAMPLES.items():
        doc = build()
        if isinstance(doc, ActionPlan):
            yield name, doc
        elif isinstance(doc, CaseDocument):
            for i, a in enumerate(doc.attachments):
                if isinstance(a.document, ActionPlan):
                    yield f"{name}[{i}]", a.document


PLANS = dict(_plans())


@pytest.mark.parametrize("name", sorted(PLANS))
def test_timeline_placement_and_status_end_agree(name: str) -> None:
    plan = PLANS[name]
    first = plan.period.first_day if plan.period and plan.period.first_day else dt.date(2016, 1, 1)
    r = report(plan, first + dt.timedelta(days=180))
    measures = [*(m for _, m in plan.iter_measures()), *plan.ongoing_activities]
    assert len(r.items) == len(measures) > 0
    placed = 0
    for item, m in zip(r.items, measures, strict=True):
        assert r.measure(item) is m or r.measure(item) == m
        row, drawn = _row("", m, plan.period)
        if drawn:
            placed += 1
            assert item.end == row.end, (m.text, m.timeframe)
            assert item.timing is not Timing.UNRESOLVED, m.text
        elif m.timeframe is not None and type(m.timeframe.interpretation) is Recurring:
            continue
        else:
            assert item.timing is Timing.UNRESOLVED and item.end is None, (m.text, m.timeframe)
    assert placed == sum(len(rows) for _, rows in collect(plan, NB).groups)


def test_the_dated_milestones_of_002_are_points_on_the_timeline_and_late_in_the_report() -> None:
    plan = PLANS["002-khs-handlingsplan-2016-2017"]
    rows = {r.when: r for _, rs in collect(plan, NB).groups for r in rs}
    for when, day in (("Skisse presenteres i OSU 8. februar", dt.date(2016, 2, 8)),
                      ("Første møte med fylkekommunen 16. februar", dt.date(2016, 2, 16))):  # fmt: skip
        assert (rows[when].start, rows[when].end) == (day, day)
        r = report(plan, dt.date(2016, 6, 30))
        [item] = [i for i in r.items if (m := r.measure(i)) and m.timeframe and m.timeframe.text == when]
        assert (item.end, item.timing) == (day, Timing.OVERDUE)
