"""The content of a case document (saksframlegg): the case system's heading block
(letterhead, officers, references, the Utvalg / Saksnr. / Møtedato line), the title and the
attachments under it, the proposal, the sections, the process's dated events, earlier cases
the text does not cite already, the decision, and the attached documents to include."""

from __future__ import annotations

import re

from khsmodel.cases import CaseDocument
from khsmodel.documents import Document

from ._builder import Builder
from ._text import _blocks_text, _even, _join, _s, _told, t
from .blocks import (
    BulletList,
    Cell,
    CellPara,
    Column,
    Field,
    KeyValues,
    NumberedList,
    Row,
    Span,
    Table,
    Title,
)

__all__ = ["case_document", "process_events"]


_LABEL_TAIL = re.compile(r"\s*(\((?:t|er|ene|e|s)\))?\s*:?\s*$")


def _heading_label(text: str | None) -> str | None:
    """A label as written, as a heading: "Vedlegg (t):" is "Vedlegg" (the "(t)" is the
    form's plural ending, the colon a form's)."""
    if not text:
        return None
    label = _LABEL_TAIL.sub("", t(text))
    return label or t(text)


def case_document(out: Builder, case: CaseDocument, level: int = 1) -> list[tuple[str, Document]]:
    L = out.L
    for line in case.letterhead:
        out.para(line, "letterhead")
    out.para(case.document_type or L.case_document.upper(), "doc_type")
    officers = tuple(t(p.display() if p.text else p.name) for p in case.case_officers)
    left: list[Field] = []
    right: list[Field] = []
    if officers:
        left.append(Field(L.case_officers if len(officers) > 1 else L.case_officer, officers))
    if case.issued_by:
        left.append(Field(L.issued_by, tuple(t(x) for x in case.issued_by)))
    if case.archive_reference is not None:
        # the number under our label; a label it was written with ("Vår ref:") is dropped
        right.append(Field(L.archive_reference, (t(case.archive_reference.number),)))
    if case.document_date is not None:
        right.append(Field(L.document_date, (L.date_numeric(case.document_date),)))
    if case.status is not None:
        right.append(Field(L.status, (L.case_status[case.status],)))
    if not left or not right:  # one side only: one column, no column of blanks
        if left or right:
            out.add(KeyValues(tuple(left or right), columns=1))
    else:
        # two columns: people on the left, references on the right, as case systems print
        fields: list[Field] = []
        for i in range(max(len(left), len(right))):
            fields.append(left[i] if i < len(left) else Field("", ()))
            fields.append(right[i] if i < len(right) else Field("", ()))
        out.add(KeyValues(tuple(fields), columns=2))
    # Utvalg / Saksnr. / Møtedato; no Møtedato column when the date is not known
    meeting_line: list[tuple[Column, str]] = [
        (Column(L.body, 56), out.body_name(case.body) or ""),
        (Column(L.case_number, 18), case.case_number.text),
    ]
    if case.meeting_date:
        meeting_line.append((Column(L.meeting_date, 26), L.date(case.meeting_date)))
    out.add(
        Table(
            tuple(c for c, _ in meeting_line),
            (Row(tuple(Cell((CellPara(_s(v)),)) for _, v in meeting_line)),),
            style="plain",
        )
    )
    out.add(
        Title(
            t(case.title)
            if case.title
            else f"{L.case_word.capitalize()} {t(case.case_number.text)}"
        )
    )
    # the attachments under the title, in the heading block, as case systems print them
    # ("Vedlegg:" and its numbered titles); the list at the end only when it has more
    numbers = [
        att.number if att.number is not None else i
        for i, att in enumerate(case.attachments, start=1)
    ]
    consecutive = bool(numbers) and numbers == list(
        range(numbers[0], numbers[0] + len(numbers))
    )
    attachments_label = _heading_label(case.attachments_heading) or L.attachments
    if case.attachments:
        out.add(
            KeyValues(
                (
                    Field(
                        attachments_label,
                        tuple(
                            f"{n}. {t(att.title)}"
                            if consecutive
                            else f"{L.attachment_n.format(number=n)}: {t(att.title)}"
                            for n, att in zip(numbers, case.attachments, strict=True)
                        ),
                    ),
                )
            )
        )
    if case.proposal is not None:
        p = case.proposal
        out.heading(level, t(p.heading) if p.heading else L.proposals[p.kind])
        out.para(p.text)
        label = out.body_label(p.proposed_by)
        # "… slik anbefalt av Overordnet samarbeidsorgan (OSO)" names it already
        if (
            label
            and label not in p.text
            and (out.body_name(p.proposed_by) or "") not in p.text
        ):
            out.para(f"{L.proposed_by} {label}", "note")
    process_done = False
    for s in case.sections:
        events_here = s.kind == "process" and bool(case.process_events) and not process_done
        if not s.content and not events_here:
            continue  # a heading with nothing under it is not printed
        out.heading(level, t(s.heading) if s.heading else L.sections[s.kind])
        out.text_blocks(s.content)
        if events_here:
            process_events(out, case, told=_blocks_text(s.content))
            process_done = True
    if case.process_events and not process_done:
        out.heading(level, L.process)
        process_events(out, case)
    # earlier cases the text above cites already (the references were read out of
    # it) are not listed again under "Tidligere behandling"
    told = _even(
        case.proposal.text if case.proposal else "",
        *(_blocks_text(s.content) for s in case.sections),
    )
    references = [
        r for r in case.references
        if not _told(r.text, told) and not (r.decision and _told(r.decision.text, told))
    ]  # fmt: skip
    if references:
        out.heading(level, L.references)
        items = []
        for r in references:
            parts = [Span(t(r.text), bold=True)]
            body = out.body_label(r.body)
            extra = _join([
                body if body and body not in r.text else None,
                L.date(r.date) if r.date else None,
            ])  # fmt: skip
            if extra:
                parts.append(Span(f" ({extra})"))
            if r.title and r.title != r.text:
                parts.append(Span(f": {t(r.title)}"))
            if r.decision is not None and r.decision.text != r.text:
                parts.append(Span(f"\n{t(r.decision.text)}", italic=True))
            items.append(tuple(parts))
        out.add(BulletList(tuple(items)))
    if case.decision is not None:
        out.decision(case.decision, level)
    included: list[tuple[str, Document]] = []
    for n, att in zip(numbers, case.attachments, strict=True):
        if att.document is not None:
            included.append(
                (
                    L.attachment_to_case.format(number=n, case=t(case.case_number.text)),
                    att.document,
                )
            )
    if any(att.description or att.url for att in case.attachments):
        out.heading(level, attachments_label)
        items = []
        for att in case.attachments:
            spans = [Span(t(att.title))]
            if att.description:
                spans.append(Span(f" – {t(att.description)}"))
            if att.url:
                spans.append(Span(f"\n{t(att.url)}", italic=True))
            items.append(tuple(spans))
        if consecutive:
            out.add(NumberedList(tuple(items), numbers[0]))
        else:
            out.add(
                BulletList(
                    tuple(
                        (Span(f"{L.attachment_n.format(number=n)}: ", bold=True), *it)
                        for n, it in zip(numbers, items, strict=True)
                    )
                )
            )
    return included


def process_events(out: Builder, case: CaseDocument, told: str = "") -> None:
    """The dated events of the process, as a list; those the section's text tells
    already (the events were read out of it) are not told twice."""
    items = []
    for e in case.process_events:
        # read out of the text: a sentence of it ("26. januar ble det avholdt …"), or
        # words together with its date as written ("møte 25.januar 2016")
        dated = e.date_text is not None and _told(e.date_text, told)
        if _told(e.text, told) and (len(e.text.split()) >= 6 or dated):
            continue
        when = t(e.date_text) if e.date_text else out.L.date(e.date)
        who = _join([out.body_label(e.body), out.party_name(e.party)])
        spans = [Span(when, bold=True)]
        if who:
            spans.append(Span(f" ({who})"))
        spans.append(Span(f": {t(e.text)}"))
        items.append(tuple(spans))
    if items:
        out.add(BulletList(tuple(items)))
