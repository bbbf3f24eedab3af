"""Rules for status reports (REP…): the date against the plan, references to measures, items.

The embedded plan is checked where it is (``$.plan…``) with every PLAN rule;
these rules check the report against it.
"""

from __future__ import annotations

import datetime as dt

from ..plans import Measure
from ..status import StatusReport, _item
from ._context import At, Ctx, Refs
from ._report import Rule, Severity

__all__ = ["RULES", "check_report"]

E, W = Severity.ERROR, Severity.WARNING

RULES: tuple[Rule, ...] = (
    Rule("REP001", E, "The report's date lies before the plan period.",
         "A status report tells where the measures of a plan stand at its date "
         "(as_of); the date must lie inside the plan period or after it. Before the "
         "period nothing of the plan has started yet: usually a wrong year."),
    Rule("REP002", E, "A report item refers to a measure the plan does not have.",
         "Every item names a measure of the embedded plan by focus area and number "
         "(focus area null: the ongoing activities); one that names none cannot be "
         "printed with its text or followed up."),
    Rule("REP003", E, "The date changes are counted from is not before the report's date.",
         "since is the date of the previous report: the changes reported are those "
         "between it and as_of, so it must come first."),
    Rule("REP004", E, "Two items of the report refer to the same measure.",
         "Each measure has one line in a status report; two would be counted twice."),
    Rule("REP005", W, "A measure of the plan has no item in the report.",
         "A status report covers every measure of its plan; a measure left out makes "
         "the counts and the share done wrong."),
    Rule("REP006", W, "An item does not agree with the plan's progress entries at the date.",
         "An item's status, latest note, end and timing follow from the measure's "
         "progress entries and timeframe at the report's date (khsmodel.report makes "
         "them so); one that differs was edited by hand or the plan changed after the "
         "report was made. Make the report again, or correct the item."),
)  # fmt: skip


def check_report(ctx: Ctx, doc: StatusReport, at: At, refs: Refs) -> None:
    """Every REP rule; the embedded plan is validated at ``$.plan``."""
    plan = doc.plan
    ctx.document(plan, at.f("plan"), refs, False)
    start = plan.period.first_day if plan.period else None
    if start is not None and doc.as_of < start:
        ctx.add(
            "REP001",
            at.f("as_of"),
            f"the report is as of {doc.as_of.isoformat()}, before the plan period starts "
            f"{start.isoformat()}; give a date inside the period or after it",
        )
    if doc.since is not None and doc.since >= doc.as_of:
        ctx.add(
            "REP003",
            at.f("since"),
            f"changes are counted since {doc.since.isoformat()}, which is not before the "
            f"report's date {doc.as_of.isoformat()}; give the date of the previous report",
        )
    measures: dict[tuple[int | None, int], Measure] = {}
    for fa in plan.focus_areas:  # the first of two with one number (PLAN005 reports it)
        for m in fa.measures:
            measures.setdefault((fa.number, m.number), m)
    for activity in plan.ongoing_activities:
        measures.setdefault((None, activity.number), activity)
    seen: dict[tuple[int | None, int], int] = {}
    check_items = ctx.on("REP006") and (doc.since is None or doc.since < doc.as_of)
    soon = None
    if check_items:
        soon = doc.as_of + dt.timedelta(days=doc.due_within)
    for i, item in enumerate(doc.items):
        key = (item.focus_area, item.measure)
        i_at = at.f("items").i(i)
        where = (
            f"measure {item.measure} of focus area {item.focus_area}"
            if item.focus_area is not None
            else f"ongoing activity {item.measure}"
        )
        if key in seen:
            ctx.add(
                "REP004",
                i_at.f("measure"),
                f"{where} is already reported by items[{seen[key]}]; keep one item per measure",
            )
            continue
        seen[key] = i
        measure = measures.get(key)
        if measure is None:
            ctx.add(
                "REP002",
                i_at.f("measure"),
                f"the plan has no {where}; refer to a measure of the embedded plan",
            )
            continue
        if check_items and soon is not None:
            expected = _item(key[0], measure, plan, doc.as_of, soon, doc.since)
            if expected != item:
                fields = [
                    name
                    for name in ("status", "status_date", "note", "end", "timing",
                                 "previous_status", "new_notes")
                    if getattr(expected, name) != getattr(item, name)
                ]  # fmt: skip
                ctx.add(
                    "REP006",
                    i_at.f(fields[0]) if fields else i_at,
                    f"{where}: {', '.join(fields)} differ(s) from what the plan's progress "
                    f"entries and timeframe give at {doc.as_of.isoformat()}; make the report "
                    "again with khsmodel.report, or correct the item",
                )
    for key in measures:
        if key not in seen:
            fa_n, n = key
            what = f"measure {n} of focus area {fa_n}" if fa_n is not None else f"ongoing activity {n}"
            ctx.add(
                "REP005",
                at.f("items"),
                f"{what} of the plan has no item in the report; make the report again "
                "with khsmodel.report",
            )
