"""From a document to its content: :func:`build` picks the module of the document's kind and
fills in the metadata every format needs (title, subject, author, running header, date)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable

from khsmodel.agreements import Agreement
from khsmodel.cases import CaseDocument
from khsmodel.documents import Document
from khsmodel.errors import KhsModelError
from khsmodel.labels import NB, Labels
from khsmodel.meetingplans import MeetingPlan
from khsmodel.meetings import Meeting
from khsmodel.parties import Person
from khsmodel.partnerships import Partnership
from khsmodel.plans import ActionPlan
from khsmodel.status import StatusReport

from .._safety import XML_ILLEGAL, check_text_seeing
from . import agreements, cases, meetings, partnerships, plandiff, plans
from ._builder import Builder, plan_body_name, running_header
from ._text import T_CHARS, _join, t
from .blocks import Content, Included, Timeline
from .meetingplans import build_meeting_plan
from .status import build_status_report

__all__ = ["build"]


def _kind(doc: Document) -> str:
    kind = getattr(type(doc), "KIND", None)
    if not isinstance(kind, str):
        raise KhsModelError(f"expected a khsmodel document, got {type(doc).__name__}")
    return kind


def _names(people: Iterable[Person]) -> str:
    return ", ".join(t(p.name) for p in people)


def _build(
    doc: Document,
    labels: Labels,
    prefix: str,
    numbering: bool | None = None,
    previous: ActionPlan | None = None,
    *,
    plain_text: bool = False,
) -> Content:
    kind = _kind(doc)
    if isinstance(doc, StatusReport):
        return build_status_report(doc, labels, prefix)
    if isinstance(doc, MeetingPlan):
        return build_meeting_plan(doc, labels, prefix)
    L = labels
    partnership: Partnership | None = (
        doc if isinstance(doc, Partnership) else getattr(doc, "partnership", None)
    )
    b = Builder(L, partnership, prefix, numbering=numbering, plain_text=plain_text)
    pname = t(partnership.name) if partnership else ""
    included: list[tuple[str, Document]] = []
    date: dt.date | None = None
    header_body: str | None = None
    author = pname
    if isinstance(doc, ActionPlan):
        plans.action_plan(b, doc)
        title = t(doc.title)
        subject = _join([L.kinds[kind], b.period(doc.period)])
        header_body = plan_body_name(doc, partnership)
        # the document's date: its last adoption's (the day the joint plan was in force)
        date = max((a.date for a in doc.adoptions if a.date), default=None)
        if previous is not None:  # the appendix "Endringer fra forrige plan", the last part:
            b.blocks.append(Timeline())  # the timeline comes before it
            b.blocks.extend(plandiff.plan_changes(previous, doc, L, prefix))
    elif isinstance(doc, CaseDocument):
        included = cases.case_document(b, doc)
        title = t(doc.title) if doc.title else f"{L.case_document} {t(doc.case_number.text)}"
        header_body = b.known_body_name(doc.body)
        subject = _join([L.case_document, f"{L.case_word} {t(doc.case_number.text)}", header_body])
        author = _names(doc.case_officers) or pname
        date = doc.document_date or doc.meeting_date
    elif isinstance(doc, Meeting):
        included = meetings.meeting(b, doc)
        header_body = b.known_body_name(doc.body)
        title = t(doc.title) if doc.title else f"{b.body_name(doc.body)} {L.date(doc.date)}"
        subject = _join([L.kinds[kind], b.body_name(doc.body), L.date(doc.date)])
        date = doc.date
    elif isinstance(doc, Agreement):
        agreements.agreement(b, doc)
        title = t(doc.title)
        subject = L.agreement_levels[doc.level]
        author = ", ".join(t(o.name) for o in doc.parties) or pname
        date = doc.date
    else:
        partnerships.partnership(b, doc)
        title = t(doc.name)
        subject = L.partnership_kinds[doc.kind]
        date = None
    for i, (label, att) in enumerate(included, start=1):
        sub = _build(att, labels, f"{prefix}v{i}_", numbering, plain_text=plain_text)
        b.add(Included(label, sub))
    header = running_header(pname, header_body) or title
    return Content(
        kind=kind,
        title=title,
        subject=subject,
        author=author,
        header=header,
        blocks=tuple(b.blocks),
        language=L.language,
        date=date,
        source=doc,
    )


def build(
    doc: Document,
    *,
    labels: Labels = NB,
    numbering: bool | None = None,
    previous: ActionPlan | None = None,
) -> Content:
    """The content of ``doc`` (any document kind) as blocks, after rejecting text no
    document format can hold.

    ``labels`` are the words and date formats printed (:data:`khsmodel.labels.NB`, Bokmål,
    by default; a case system's own words such as "Vår ref" for "Arkivsak" go here).
    ``numbering`` says which measures of a plan print a number: None (default) those the
    source numbers, with their labels as written ("1.", "2.3"); True every measure ("2.4"
    for the fourth of focus area 2, so one can cite "tiltak 2.4"); False none.

    ``previous``: the plan before this one (an action plan only): the plan ends with the
    appendix "Endringer fra forrige plan" (:mod:`.plandiff`).

    Raises :class:`~khsmodel.KhsModelError` naming the field path of the first
    XML-illegal character (an UnwritableTextError, see :func:`khsmodel_exporters.base.check_text`).
    """
    _kind(doc)
    # the text check also tells whether any string needs t()'s work (a line break as \r,
    # a bidi control): in most documents none does, and the measure table skips it
    plain_text = not check_text_seeing(doc, XML_ILLEGAL, T_CHARS)
    if numbering is not None and not isinstance(numbering, bool):
        raise KhsModelError(f"numbering must be True, False or None, got {numbering!r}")
    if previous is not None:
        plandiff.check_previous(doc, previous)
    # a date in words never breaks in a line or a cell (U+00A0 between its words)
    return _build(doc, labels.in_text(), "", numbering, previous, plain_text=plain_text)
