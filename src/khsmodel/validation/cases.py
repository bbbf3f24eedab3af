"""Rules for case documents (CASE…): dates, case numbers, references, proposal, attachments."""

from __future__ import annotations

import re

from .._base import ItemList, Paragraph
from ..cases import CaseDocument
from . import common
from ._context import At, Ctx, Refs
from ._report import Rule, Severity

__all__ = ["RULES", "check_case"]

E, W, INFO = Severity.ERROR, Severity.WARNING, Severity.INFO

RULES: tuple[Rule, ...] = (
    Rule("CASE001", E, "The document date is after the meeting date.",
         "A case document (saksframlegg) is written before the meeting that deals "
         "with it: \"Dato dok: 02.08.2021\", \"Møtedato: 23.09.2021\"."),
    Rule("CASE002", E, "The case number's year is after the meeting's year.",
         "Meeting case numbers run per body and year (\"2/2016\" for a meeting on "
         "8 February 2016); a case cannot be numbered in a year after its meeting. "
         "An earlier year is CASE012."),
    Rule("CASE003", E, "A reference to an earlier case points to a later or the same case.",
         "A case document refers back to earlier cases (\"vedtak i sak21/2015\"). For "
         "the same body the referenced case must come before this one (earlier year, "
         "or same year and lower number); for another or unnamed body its year must "
         "not be later; a dated reference must not be dated after the document "
         "(or, without a document date, after the meeting)."),
    Rule("CASE004", E, "The case document has no proposed decision or recommendation.",
         "A saksframlegg asks the body for a decision: it must carry the text to be "
         "adopted (\"Forslag til vedtak\", \"Anbefaling\", \"Innstilling\"), even when "
         "that is only to take the case as information (\"til orientering\")."),
    Rule("CASE005", E, "An attachments heading is given but no attachments.",
         "A heading such as \"Vedlegg (t):\" promises a list of attachments; the "
         "attachments themselves (at least their titles) must be there."),
    Rule("CASE006", W, "The text mentions an attachment that is not among the attachments.",
         "Case texts say \"Vedlagt ligger …\" or \"se vedlegg 2\"; the attachment "
         "meant should be listed (by number where the text gives one), so that it "
         "is sent with the case."),
    Rule("CASE007", E, "A process event is dated after the document date.",
         "The account of the process (\"Samarbeidsstyret … kom med innspill i sitt "
         "møte 25.januar 2016\") describes what happened before the document was "
         "written; without a document date the meeting date is the limit."),
    Rule("CASE008", W, "The decision's date differs from the meeting date.",
         "A body decides at its meeting, so a decision date normally equals the "
         "meeting date (\"OSU besluttet 08.02.2016\")."),
    Rule("CASE009", W, "The decision's case number differs from the case's number.",
         "The decision recorded on a case document is the decision in that case."),
    Rule("CASE010", E, "The archive reference's year is after the document's year.",
         "The year of an archive reference (\"2021/3288\") is the year the archive "
         "case was opened; a document of that case cannot be older than the case."),
    Rule("CASE011", W, "Two attachments have the same number.",
         "Attachments are cited by number (\"vedlegg 2\"); a number used twice "
         "makes the citation ambiguous."),
    Rule("CASE012", W, "The case number is of an earlier year than the meeting.",
         "A case carried over or standing on the agenda keeps its number from the "
         "year it was first put to the body (\"12-22\" at a meeting in January 2023), "
         "so this is often right; otherwise the number or the meeting date is wrong."),
)  # fmt: skip

_MENTION = re.compile(r"\bvedl(?:egg|agt|agte)\b(?:\s+(?:nr\.?\s*)?(\d+))?", re.IGNORECASE)


def check_case(ctx: Ctx, doc: CaseDocument, at: At, refs: Refs) -> None:
    """Every CASE rule, plus common rules; attached documents are checked where they are."""
    common.texts(ctx, doc, at)
    common.body_ref(ctx, refs, doc.body, at.f("body"))
    common.number_text(ctx, doc.case_number, at.f("case_number"))
    common.number_text(ctx, doc.archive_reference, at.f("archive_reference"))
    meeting, written = doc.meeting_date, doc.document_date
    cn = doc.case_number
    if meeting is not None and cn.year > meeting.year:
        ctx.add(
            "CASE002",
            at.f("case_number"),
            f"case {cn.text!r} is of {cn.year}, after the meeting on {meeting.isoformat()}; "
            "check the case number and the meeting date",
        )
    elif meeting is not None and cn.year < meeting.year:
        ctx.add(
            "CASE012",
            at.f("case_number"),
            f"case {cn.text!r} is of {cn.year}, an earlier year than the meeting on "
            f"{meeting.isoformat()}; right for a carried-over or standing case, otherwise "
            "check the case number",
        )
    if meeting is not None and written is not None and written > meeting:
        ctx.add(
            "CASE001",
            at.f("document_date"),
            f"the document is dated {written.isoformat()}, after the meeting on "
            f"{meeting.isoformat()}; check both dates",
        )
    limit, limit_name = (written, "document date") if written else (meeting, "meeting date")
    ar = doc.archive_reference
    if ar is not None and limit is not None and ar.year > limit.year:
        ctx.add(
            "CASE010",
            at.f("archive_reference"),
            f"archive case {ar.text!r} was opened in {ar.year}, after the {limit_name} "
            f"{limit.isoformat()}; check the reference and the date",
        )
    common.people(ctx, refs, doc.case_officers, at.f("case_officers"))
    mentions: list[tuple[At, int | None]] = []
    if doc.proposal is None:
        ctx.add(
            "CASE004",
            at.f("proposal"),
            "the case document has no proposed decision or recommendation; add the text "
            'the body is asked to adopt, under the heading used ("Forslag til vedtak", '
            '"Anbefaling")',
        )
    else:
        p_at = at.f("proposal")
        common.texts(ctx, doc.proposal, p_at)
        _mentions(doc.proposal.text, p_at.f("text"), mentions)
    for k, section in enumerate(doc.sections):
        s_at = at.f("sections").i(k)
        common.texts(ctx, section, s_at)
        common.blocks(ctx, section.content, s_at.f("content"))
        for b, block in enumerate(section.content):
            if isinstance(block, Paragraph):
                _mentions(block.text, s_at.f("content").i(b).f("text"), mentions)
            elif isinstance(block, ItemList):
                for n, item in enumerate(block.items):
                    _mentions(item, s_at.f("content").i(b).f("items").i(n), mentions)
    for k, event in enumerate(doc.process_events):
        e_at = at.f("process_events").i(k)
        common.texts(ctx, event, e_at)
        common.body_ref(ctx, refs, event.body, e_at.f("body"))
        common.party_ref(ctx, refs, event.party, e_at.f("party"))
        if limit is not None and event.date > limit:
            ctx.add(
                "CASE007",
                e_at.f("date"),
                f"the process event is dated {event.date.isoformat()}, after the "
                f"{limit_name} {limit.isoformat()}; check the date",
            )
    for k in range(len(doc.references)):
        _reference(ctx, doc, at.f("references").i(k), k, refs)
    _attachments(ctx, doc, at, refs, mentions)
    if doc.decision is not None:
        d_at = at.f("decision")
        d = doc.decision
        common.decision(ctx, refs, d, d_at)
        if d.date is not None and meeting is not None and d.date != meeting:
            ctx.add(
                "CASE008",
                d_at.f("date"),
                f"the decision is dated {d.date.isoformat()} but the meeting was on "
                f"{meeting.isoformat()}; check the dates",
            )
        if d.case_number is not None and (d.case_number.sequence, d.case_number.year) != (
            cn.sequence,
            cn.year,
        ):
            ctx.add(
                "CASE009",
                d_at.f("case_number"),
                f"the decision is recorded for case {d.case_number.text!r} but this is "
                f"case {cn.text!r}; check the case numbers",
            )


def _mentions(text: str, at: At, out: list[tuple[At, int | None]]) -> None:
    for m in _MENTION.finditer(text):
        out.append((at, int(m[1]) if m[1] else None))


def _reference(ctx: Ctx, doc: CaseDocument, at: At, k: int, refs: Refs) -> None:
    ref = doc.references[k]
    common.texts(ctx, ref, at)
    common.body_ref(ctx, refs, ref.body, at.f("body"))
    common.number_text(ctx, ref.case_number, at.f("case_number"))
    cn, own = ref.case_number, doc.case_number
    if cn is not None:
        if ref.body is not None and ref.body == doc.body:
            later = (cn.year, cn.sequence) >= (own.year, own.sequence)
        else:
            later = cn.year > own.year
        if later:
            ctx.add(
                "CASE003",
                at.f("case_number"),
                f"the reference to case {cn.text!r} does not point to an earlier case than "
                f"this one ({own.text!r}); check the case number",
            )
    limit, limit_name = (
        (doc.document_date, "document date")
        if doc.document_date
        else (doc.meeting_date, "meeting date")
    )
    if ref.date is not None and limit is not None and ref.date > limit:
        ctx.add(
            "CASE003",
            at.f("date"),
            f"the referenced case is dated {ref.date.isoformat()}, after this case's "
            f"{limit_name} {limit.isoformat()}; check the date",
        )
    if ref.decision is not None:
        common.decision(ctx, refs, ref.decision, at.f("decision"))


def _attachments(
    ctx: Ctx, doc: CaseDocument, at: At, refs: Refs, mentions: list[tuple[At, int | None]]
) -> None:
    numbers: dict[int, int] = {}
    for k, att in enumerate(doc.attachments):
        a_at = at.f("attachments").i(k)
        common.texts(ctx, att, a_at)
        if att.number is not None:
            if att.number in numbers:
                ctx.add(
                    "CASE011",
                    a_at.f("number"),
                    f"attachment number {att.number} is already used by attachment "
                    f"[{numbers[att.number]}]; give each attachment its own number",
                )
            else:
                numbers[att.number] = k
        if att.document is not None:
            ctx.document(att.document, a_at.f("document"), refs)
    if doc.attachments_heading is not None and not doc.attachments:
        ctx.add(
            "CASE005",
            at.f("attachments"),
            f"the document has the heading {doc.attachments_heading!r} but lists no "
            "attachments; add them (at least their titles)",
        )
    count = len(doc.attachments)
    reported_empty = False
    for m_at, number in mentions:
        if count == 0:
            if not reported_empty and not doc.attachments_heading:
                ctx.add(
                    "CASE006",
                    m_at,
                    "the text mentions an attachment but the case document has none; add "
                    "the attachment (at least its title)",
                )
                reported_empty = True
        elif number is not None and (number not in numbers if numbers else number > count):
            ctx.add(
                "CASE006",
                m_at,
                f"the text mentions attachment {number} but no attachment has that number; "
                "add it or correct the number",
            )
