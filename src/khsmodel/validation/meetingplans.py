"""Rules for meeting plans (MPL…): deadlines, days, the year.

The embedded partnership and action plan are checked where they are
(``$.partnership…``, ``$.plan…``) with their own rules.
"""

from __future__ import annotations

from ..meetingplans import MeetingPlan
from . import parties
from ._context import At, Ctx, Refs
from ._report import Rule, Severity

__all__ = ["RULES", "check_meeting_plan"]

E, W = Severity.ERROR, Severity.WARNING

RULES: tuple[Rule, ...] = (
    Rule("MPL001", E, "The deadline for a meeting's case documents is after the meeting.",
         "Case documents (saksdokumenter) are sent to the members before the meeting "
         "so that they can prepare; a deadline after the meeting's date is a wrong "
         "date or a wrong meeting."),
    Rule("MPL002", W, "A body has two meetings on one day in the meeting plan.",
         "A body meets once a day in a year's plan; two meetings of one body on one "
         "day are usually one meeting entered twice or a wrong date. Merge them, or "
         "give them different dates."),
    Rule("MPL003", E, "A date of the meeting plan lies outside its year.",
         "A meeting plan is the plan of one year (year): its meetings and other dates "
         "lie in that year. A date outside it is usually a wrong year. (A deadline for "
         "case documents may fall in the year before: a meeting in early January.)"),
)  # fmt: skip


def check_meeting_plan(ctx: Ctx, doc: MeetingPlan, at: At, refs: Refs) -> None:
    """Every MPL rule; the embedded partnership and plan are validated where they are."""
    if doc.partnership is not None:
        refs = parties.check_partnership(ctx, doc.partnership, at.f("partnership"), refs, False)
    if doc.plan is not None:
        ctx.document(doc.plan, at.f("plan"), refs, False)
    seen: dict[tuple[str, object], int] = {}
    for i, m in enumerate(doc.meetings):
        m_at = at.f("meetings").i(i)
        if m.documents_due is not None and m.documents_due > m.date:
            ctx.add(
                "MPL001",
                m_at.f("documents_due"),
                f"the deadline {m.documents_due.isoformat()} for the case documents of "
                f"{m.body}'s meeting is after the meeting ({m.date.isoformat()}); give a "
                "date on or before the meeting",
            )
        if m.date.year != doc.year:
            ctx.add(
                "MPL003",
                m_at.f("date"),
                f"{m.body}'s meeting on {m.date.isoformat()} is outside the plan's year "
                f"{doc.year}; correct the date or the year",
            )
        key = (m.body, m.date)
        if key in seen:
            ctx.add(
                "MPL002",
                m_at.f("date"),
                f"{m.body} already meets on {m.date.isoformat()} (meetings[{seen[key]}]); "
                "merge the two or correct a date",
            )
        else:
            seen[key] = i
    for i, d in enumerate(doc.dates):
        if d.date.year != doc.year:
            ctx.add(
                "MPL003",
                at.f("dates").i(i).f("date"),
                f"the date {d.date.isoformat()} ({d.text}) is outside the plan's year "
                f"{doc.year}; correct the date or the year",
            )
