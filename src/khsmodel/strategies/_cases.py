"""Strategies for :mod:`khsmodel.cases`: case documents (saksframlegg), proposals,
sections, process events, references and attachments."""

from __future__ import annotations

import datetime as dt

from hypothesis import strategies as st

from ..cases import (
    Attachment,
    CaseDocument,
    CaseReference,
    CaseStatus,
    ProcessEvent,
    Proposal,
    ProposalKind,
    Section,
    SectionKind,
)
from ..decisions import DecisionKind
from ..identifiers import CaseNumber
from ..partnerships import Partnership
from ..timeframes import MONTHS_NB
from ._base import _blocks
from ._decisions import _decision
from ._draw import (
    _bool,
    _Ctx,
    _ctx,
    _date,
    _date_nb,
    _int,
    _language,
    _maybe,
    _maybe_pick,
    _one_in,
    _pick,
    _repeat,
    _some,
    _sorted_dates,
)
from ._identifiers import _archive_reference, _case_number
from ._parties import _person
from ._partnerships import _partnership
from ._plans import _action_plan
from ._text import _maybe_text, _text
from ._vocabulary import _URLS, MAX_DATE, MIN_DATE

_PROPOSAL_HEADINGS = {
    ProposalKind.PROPOSED_DECISION: "Forslag til vedtak",
    ProposalKind.RECOMMENDATION: "Anbefaling",
    ProposalKind.INNSTILLING: "Innstilling",
}
_SECTION_HEADINGS = {
    SectionKind.BACKGROUND: "Bakgrunn",
    SectionKind.PRESENTATION: "Saksfremstilling",
    SectionKind.PROCESS: "Orientering om prosess",
    SectionKind.FACTS: "Saksopplysninger",
    SectionKind.ASSESSMENT: "Vurdering",
    SectionKind.OTHER: "Annet",
}


def _proposal(draw: st.DrawFn, ctx: _Ctx) -> Proposal:
    kind = _pick(draw, tuple(ProposalKind))
    return Proposal(
        kind=kind,
        heading=_PROPOSAL_HEADINGS[kind],
        text=_text(draw, ctx.hostile, 14),
        decision_kind=_maybe_pick(draw, tuple(DecisionKind)),
        proposed_by=_maybe_pick(draw, ctx.party_ids),
    )


@st.composite
def proposals(
    draw: st.DrawFn, *, partnership: Partnership | None = None, hostile: bool = True
) -> Proposal:
    """A proposed decision or recommendation under the heading the source uses."""
    return _proposal(draw, _ctx(hostile, partnership))


def _section(draw: st.DrawFn, ctx: _Ctx) -> Section:
    kind = _pick(draw, tuple(SectionKind))
    return Section(kind=kind, heading=_SECTION_HEADINGS[kind], content=_blocks(draw, ctx))


@st.composite
def sections(draw: st.DrawFn, *, hostile: bool = True) -> Section:
    """A section of a case document ("Bakgrunn", "Saksfremstilling" …)."""
    return _section(draw, _Ctx(hostile=hostile))


def _process_event(draw: st.DrawFn, ctx: _Ctx, day: dt.date) -> ProcessEvent:
    date_text = _pick(draw, (_date_nb(day), f"{day.day}.{MONTHS_NB[day.month - 1]} {day.year}"))
    return ProcessEvent(
        date=day,
        text=_text(draw, ctx.hostile, 12),
        date_text=_maybe(draw, lambda: date_text),
        body=_maybe_pick(draw, ctx.body_ids),
        party=_maybe_pick(draw, ctx.party_ids),
    )


@st.composite
def process_events(
    draw: st.DrawFn, *, partnership: Partnership | None = None, before: dt.date = MAX_DATE,
    hostile: bool = True,
) -> ProcessEvent:  # fmt: skip
    """A dated step of a case's preparation ("25.januar 2016"), not after ``before``."""
    return _process_event(draw, _ctx(hostile, partnership), _date(draw, MIN_DATE, before))


def _earlier_case_number(draw: st.DrawFn, than: CaseNumber) -> CaseNumber:
    """A case number before ``than``: same year and lower sequence, or an earlier year."""
    if than.sequence > 1 and _bool(draw):
        return _case_number(draw, than.year, _int(draw, 1, than.sequence - 1))
    return _case_number(draw, _int(draw, than.year - 8, than.year - 1), _int(draw, 1, 120))


def _case_reference(draw: st.DrawFn, ctx: _Ctx, than: CaseNumber, before: dt.date) -> CaseReference:
    cn = _earlier_case_number(draw, than)
    body = _maybe_pick(draw, ctx.bodies)
    last = min(before - dt.timedelta(days=1), dt.date(cn.year, 12, 31))
    day = (
        _date(draw, dt.date(cn.year, 1, 1), last) if last.year == cn.year and _bool(draw) else None
    )
    label = body.label if body else "sak"
    text = _pick(draw, (f"sak{cn.sequence}/{cn.year}", f"{label} sak {cn.text}", cn.text))
    decision = None
    if _one_in(draw, 3):
        decision = _decision(draw, ctx, body=body.id if body else None, date=day, case_number=cn)
    return CaseReference(
        text=text, case_number=_maybe(draw, lambda: cn), body=body.id if body else None,
        date=day, title=_maybe_text(draw, ctx.hostile, 6), decision=decision,
    )  # fmt: skip


@st.composite
def case_references(
    draw: st.DrawFn, *, than: CaseNumber | None = None, partnership: Partnership | None = None,
    hostile: bool = True,
) -> CaseReference:  # fmt: skip
    """A reference to a case earlier than ``than`` (lower year, or same year and lower
    sequence): "sak21/2015", "OSO sak 004-2021"."""
    than = than or CaseNumber(text="2/2016", sequence=2, year=2016)
    return _case_reference(draw, _ctx(hostile, partnership), than, dt.date(than.year, 12, 31))


def _attachment(
    draw: st.DrawFn, hostile: bool, number: int | None, with_document: bool
) -> Attachment:
    return Attachment(
        title=_text(draw, hostile, 8),
        number=number,
        description=_maybe_text(draw, hostile),
        url=_maybe_pick(draw, _URLS),
        media_type=_maybe_pick(draw, ("application/pdf", "application/json")),
        document=_action_plan(draw, hostile, None, 1, 2) if with_document else None,
        # the file as published, kept apart from the title ("Digital-transformasjon-")
        file_name=_maybe_pick(draw, ("Digital-transformasjon-", "vedlegg_1.pdf", "Status-ÆØÅ")),
    )


@st.composite
def attachments(
    draw: st.DrawFn, *, number: int | None = None, hostile: bool = True, with_document: bool = False
) -> Attachment:
    """An attachment (vedlegg); with ``with_document`` it holds a small action plan."""
    return _attachment(draw, hostile, number, with_document)


def _case_document(
    draw: st.DrawFn, ctx: _Ctx, partnership: Partnership | None, *, body: str,
    case_number: CaseNumber, meeting_date: dt.date, nested: bool,
) -> CaseDocument:  # fmt: skip
    """A case document for the meeting of ``body`` on ``meeting_date``. A nested one (on an
    agenda) always states its meeting date and never attaches a document."""
    document_date = _date(draw, meeting_date - dt.timedelta(days=60), meeting_date)
    event_days = _sorted_dates(draw, _int(draw, 0, 2), document_date - dt.timedelta(days=90),
                               document_date)  # fmt: skip
    status = _maybe_pick(draw, tuple(CaseStatus))
    decision = None
    if status in (CaseStatus.CONSIDERED, CaseStatus.ADOPTED) and _bool(draw):
        decision = _decision(draw, ctx, body=body, date=meeting_date, case_number=case_number)
    numbered = _bool(draw)
    attached = tuple(
        _attachment(draw, ctx.hostile, i + 1 if numbered else None,
                    with_document=not nested and _one_in(draw, 6))
        for i in range(_int(draw, 0, 2))
    )  # fmt: skip
    return CaseDocument(
        language=_language(draw),
        body=body,
        case_number=case_number,
        id=_maybe(draw, lambda: f"sak-{body}-{case_number.year}-{case_number.sequence}"),
        partnership=partnership,
        title=_maybe_text(draw, ctx.hostile, 10),
        document_type=_maybe_pick(draw, ("Saksframlegg", "Orienteringssak")),
        letterhead=_some(draw, ("VESTRE VIKEN", "KHS", "Kommunehelsesamarbeidet"), 3),
        issued_by=_repeat(draw, lambda: _text(draw, ctx.hostile, 3), 1),
        meeting_date=meeting_date if nested else _maybe(draw, lambda: meeting_date),
        document_date=_maybe(draw, lambda: document_date),
        case_officers=_repeat(draw, lambda: _person(draw, ctx), 2, 1),
        archive_reference=_maybe(draw, lambda: _archive_reference(draw, document_date.year)),
        proposal=_proposal(draw, ctx),
        sections=_repeat(draw, lambda: _section(draw, ctx), 3, 1),
        process_events=tuple(_process_event(draw, ctx, d) for d in event_days),
        references=_repeat(draw, lambda: _case_reference(draw, ctx, case_number, document_date), 2),
        attachments_heading=_maybe(draw, lambda: "Vedlegg") if attached else None,
        attachments=attached,
        status=status,
        decision=decision,
    )  # fmt: skip


@st.composite
def case_documents(
    draw: st.DrawFn,
    *,
    partnership: Partnership | None = None,
    body: str | None = None,
    case_number: CaseNumber | None = None,
    meeting_date: dt.date | None = None,
    hostile: bool = True,
) -> CaseDocument:
    """A case document (saksframlegg): document date <= meeting date, case number of the
    meeting year, references to earlier cases only, a proposal, process events not after
    the document date; body and every reference resolve in the embedded partnership."""
    if partnership is None and body is None:
        partnership = _partnership(draw, hostile, 3, embedded=True)
    ctx = _ctx(hostile, partnership)
    body = body or _pick(draw, ctx.body_ids)
    if meeting_date is None:
        year = case_number.year if case_number else _int(draw, 2010, MAX_DATE.year)
        meeting_date = _date(draw, dt.date(year, 1, 1), dt.date(year, 12, 31))
    if case_number is None:
        case_number = _case_number(draw, meeting_date.year, _int(draw, 1, 120))
    return _case_document(draw, ctx, partnership, body=body, case_number=case_number,
                          meeting_date=meeting_date, nested=False)  # fmt: skip
