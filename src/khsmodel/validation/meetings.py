"""Rules for meetings (MEET…): agenda, case documents of the agenda, votes, times, minutes."""

from __future__ import annotations

import datetime as dt

from ..decisions import Decision
from ..meetings import Meeting
from . import common
from ._context import At, Ctx, Refs
from ._report import Rule, Severity

__all__ = ["RULES", "check_meeting"]

E, W, INFO = Severity.ERROR, Severity.WARNING, Severity.INFO

RULES: tuple[Rule, ...] = (
    Rule("MEET001", E, "Two agenda items have the same case number.",
         "Each case on a meeting's agenda (saksliste) has its own number in the "
         "body's series; \"07-2021\" and \"7/2021\" are the same number."),
    Rule("MEET002", E, "An agenda item's case document is for another body.",
         "The case document laid before a meeting must be addressed to the body "
         "that meets."),
    Rule("MEET003", E, "An agenda item's case document gives another meeting date.",
         "The case document's meeting date (Møtedato) must be the date of the "
         "meeting whose agenda it is on."),
    Rule("MEET004", E, "An agenda item's case document has another case number.",
         "The agenda item and its case document must carry the same case number."),
    Rule("MEET005", E, "An agenda case is dated after the meeting.",
         "Case numbers run per body and year, so a case numbered in a later year than "
         "the meeting, or a case document dated after it (its own meeting date not "
         "given), means a wrong number or a wrong date. A case of an earlier year is "
         "MEET013."),
    Rule("MEET006", E, "A vote count has more votes than the meeting had participants.",
         "Votes cast cannot exceed the people taking part. Checked against the "
         "participant count when it is exact (not \"ca. 80\"); a list of "
         "participants may be partial, so it is not used."),
    Rule("MEET007", E, "The meeting ends before it starts.",
         "An end time before the start time is a typing error."),
    Rule("MEET008", E, "The minutes are dated or approved before the meeting.",
         "Minutes record a meeting and are approved after it."),
    Rule("MEET009", W, "More participants are listed than the participant count says.",
         "When the count is exact (not \"ca. 80\"), the participants listed cannot "
         "be more than it."),
    Rule("MEET010", W, "A party is listed twice among the represented parties.",
         "Each represented party needs to be listed once; a repeat is usually a "
         "copy mistake or a wrong id."),
    Rule("MEET011", W, "A decision of the meeting is dated on another day.",
         "A body decides at its meeting, so decisions recorded for a meeting "
         "normally carry the meeting's date."),
    Rule("MEET012", W, "Programme items are out of time order.",
         "A programme is read in order: a start time earlier than the one before "
         "it, or before the meeting starts, is usually a wrong time."),
    Rule("MEET013", W, "An agenda case is numbered in an earlier year than the meeting.",
         "A standing or carried-over item keeps the number it got when first put to "
         "the body (\"37-13 Fast post\" on an agenda of 2014, \"12-22\" in January "
         "2023), so this is often right; otherwise the number or the meeting date is "
         "wrong."),
)  # fmt: skip


def _voters(m: Meeting) -> int | None:
    """The exact number of participants, when the meeting gives one."""
    if m.participants_count is not None and not m.participants_approximate:
        return m.participants_count
    return None


def _meeting_decision(
    ctx: Ctx, refs: Refs, m: Meeting, d: Decision, at: At, voters: int | None
) -> None:
    common.decision(ctx, refs, d, at)
    if d.date is not None and d.date != m.date:
        ctx.add(
            "MEET011",
            at.f("date"),
            f"the decision is dated {d.date.isoformat()} but the meeting was on "
            f"{m.date.isoformat()}; check the dates",
        )
    v = d.votes
    if v is not None and voters is not None and v.total > voters:
        ctx.add(
            "MEET006",
            at.f("votes"),
            f"{v.total} votes were counted but the meeting had {voters} participant(s); "
            "check the vote count and participants_count",
        )


def check_meeting(ctx: Ctx, m: Meeting, at: At, refs: Refs) -> None:
    """Every MEET rule, plus common rules; agenda case documents are checked in place."""
    common.texts(ctx, m, at)
    common.body_ref(ctx, refs, m.body, at.f("body"))
    if m.start_time is not None and m.end_time is not None and m.end_time < m.start_time:
        ctx.add(
            "MEET007",
            at.f("end_time"),
            f"the meeting ends at {m.end_time.isoformat('minutes')}, before it starts at "
            f"{m.start_time.isoformat('minutes')}; check the times",
        )
    common.blocks(ctx, m.description, at.f("description"))
    for k, p in enumerate(m.participants):
        p_at = at.f("participants").i(k)
        if p.person is not None:
            common.person(ctx, refs, p.person, p_at.f("person"))
        common.party_ref(ctx, refs, p.party, p_at.f("party"))
    count = m.participants_count
    if count is not None and not m.participants_approximate and len(m.participants) > count:
        ctx.add(
            "MEET009",
            at.f("participants_count"),
            f"{len(m.participants)} participants are listed but the count says {count}; "
            "correct the count, or mark it approximate",
        )
    seen_parties: dict[str, int] = {}
    for k, party in enumerate(m.represented_parties):
        r_at = at.f("represented_parties").i(k)
        if common.BAD(ctx.good, party):
            common.text_problem(ctx, party, r_at)
        common.party_ref(ctx, refs, party, r_at)
        if party in seen_parties:
            ctx.add(
                "MEET010",
                r_at,
                f"party {party!r} is already listed at represented_parties"
                f"[{seen_parties[party]}]; remove the repeat",
            )
        else:
            seen_parties[party] = k
    previous: dt.time | None = m.start_time
    for k, item in enumerate(m.programme):
        i_at = at.f("programme").i(k)
        common.texts(ctx, item, i_at)
        common.people(ctx, refs, item.speakers, i_at.f("speakers"))
        t = item.start_time
        if t is not None:
            if previous is not None and t < previous:
                ctx.add(
                    "MEET012",
                    i_at.f("start_time"),
                    f"this item starts at {t.isoformat('minutes')}, before "
                    f"{previous.isoformat('minutes')} (the item above or the meeting "
                    "start); check the time or the order",
                )
            else:
                previous = t
    voters = _voters(m)
    numbers: dict[tuple[int, int], int] = {}
    for k, agenda_item in enumerate(m.agenda):
        a_at = at.f("agenda").i(k)
        common.texts(ctx, agenda_item, a_at)
        common.number_text(ctx, agenda_item.case_number, a_at.f("case_number"))
        cn = agenda_item.case_number
        key = (cn.sequence, cn.year)
        if key in numbers:
            ctx.add(
                "MEET001",
                a_at.f("case_number"),
                f"case number {cn.text!r} is already used by agenda[{numbers[key]}]; "
                "give each case its own number",
            )
        else:
            numbers[key] = k
        if cn.year > m.date.year:
            ctx.add(
                "MEET005",
                a_at.f("case_number"),
                f"case {cn.text!r} is of {cn.year}, after the meeting on "
                f"{m.date.isoformat()}; check the case number and the meeting date",
            )
        elif cn.year < m.date.year:
            ctx.add(
                "MEET013",
                a_at.f("case_number"),
                f"case {cn.text!r} is of {cn.year}, an earlier year than the meeting on "
                f"{m.date.isoformat()}; right for a standing or carried-over item, "
                "otherwise check the case number",
            )
        case = agenda_item.case_document
        if case is not None:
            c_at = a_at.f("case_document")
            written = case.document_date
            if case.meeting_date is None and written is not None and written > m.date:
                # with its own meeting date, CASE001 of the case document reports it
                ctx.add(
                    "MEET005",
                    c_at.f("document_date"),
                    f"the case document is dated {written.isoformat()}, after the meeting "
                    f"on {m.date.isoformat()}; check both dates",
                )
            if case.body != m.body:
                ctx.add(
                    "MEET002",
                    c_at.f("body"),
                    f"the case document is for body {case.body!r} but the meeting is of "
                    f"{m.body!r}; correct the body",
                )
            if case.meeting_date is not None and case.meeting_date != m.date:
                ctx.add(
                    "MEET003",
                    c_at.f("meeting_date"),
                    f"the case document gives meeting date {case.meeting_date.isoformat()} "
                    f"but the meeting is on {m.date.isoformat()}; correct the date",
                )
            ccn = case.case_number
            if (ccn.sequence, ccn.year) != key:
                ctx.add(
                    "MEET004",
                    c_at.f("case_number"),
                    f"the case document has case number {ccn.text!r} but the agenda item "
                    f"has {cn.text!r}; make them the same",
                )
            ctx.document(case, c_at, refs)
        if agenda_item.decision is not None:
            _meeting_decision(ctx, refs, m, agenda_item.decision, a_at.f("decision"), voters)
    for k, att in enumerate(m.presentations):
        p_at = at.f("presentations").i(k)
        common.texts(ctx, att, p_at)
        if att.document is not None:
            ctx.document(att.document, p_at.f("document"), refs)
    for k, d in enumerate(m.decisions):
        _meeting_decision(ctx, refs, m, d, at.f("decisions").i(k), voters)
    minutes = m.minutes
    if minutes is not None:
        mi_at = at.f("minutes")
        common.texts(ctx, minutes, mi_at)
        common.blocks(ctx, minutes.content, mi_at.f("content"))
        for name in ("date", "approved"):
            day = getattr(minutes, name)
            if day is not None and day < m.date:
                ctx.add(
                    "MEET008",
                    mi_at.f(name),
                    f"the minutes are {'dated' if name == 'date' else 'approved'} "
                    f"{day.isoformat()}, before the meeting on {m.date.isoformat()}; "
                    "check the date",
                )
    common.blocks(ctx, m.notes, at.f("notes"))
    common.links(ctx, m.links, at.f("links"))
