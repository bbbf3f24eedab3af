"""Case documents (saksframlegg): proposal, sections, process events, references, attachments."""

from __future__ import annotations

import datetime as dt
from enum import StrEnum
from typing import TYPE_CHECKING, ClassVar

from ._base import Block, document, language_field, model
from .decisions import Decision, DecisionKind
from .identifiers import ArchiveReference, CaseNumber
from .parties import Person
from .partnerships import Partnership

if TYPE_CHECKING:
    from .documents import Document

__all__ = [
    "Attachment",
    "CaseDocument",
    "CaseReference",
    "CaseStatus",
    "ProcessEvent",
    "Proposal",
    "ProposalKind",
    "Section",
    "SectionKind",
]


@model
class Attachment:
    """An attachment (vedlegg) or presentation: title as written, and optionally the document itself.

    ``title`` is what a reader sees ("Digital transformasjon"); ``file_name`` is the
    name of the file as published ("Digital-transformasjon-"), kept apart so that a
    slug is never printed as a title. ``document`` holds a khsmodel document (e.g.
    the attached action plan), so exporters can include it after the case.
    """

    title: str
    number: int | None = None
    description: str | None = None
    url: str | None = None
    media_type: str | None = None
    document: Document | None = None
    file_name: str | None = None


class ProposalKind(StrEnum):
    PROPOSED_DECISION = "proposed_decision"  # forslag til vedtak
    RECOMMENDATION = "recommendation"  # anbefaling
    INNSTILLING = "innstilling"  # innstilling


@model
class Proposal:
    """The text the body is asked to adopt, under the heading the source uses.

    ``heading`` is as written ("Forslag til vedtak", "Anbefaling");
    ``decision_kind`` says what adopting it means (``noted`` for "til orientering").
    """

    kind: ProposalKind
    heading: str
    text: str
    decision_kind: DecisionKind | None = None
    proposed_by: str | None = None


class SectionKind(StrEnum):
    BACKGROUND = "background"  # Bakgrunn
    PRESENTATION = "presentation"  # Saksfremstilling
    PROCESS = "process"  # Orientering om prosess
    FACTS = "facts"  # Saksopplysninger
    ASSESSMENT = "assessment"  # Vurdering
    OTHER = "other"


@model
class Section:
    """A section of a case document: kind, heading as written, content blocks."""

    kind: SectionKind
    heading: str
    content: tuple[Block, ...] = ()


@model
class ProcessEvent:
    """A dated step in the preparation of a case ("25.januar 2016": samarbeidsstyret gave input)."""

    date: dt.date
    text: str
    date_text: str | None = None
    body: str | None = None
    party: str | None = None


@model
class CaseReference:
    """A reference to an earlier case: "sak21/2015", "OSO sak 004-2021".

    ``text`` as written; ``case_number`` parsed; ``body`` by id; ``decision``
    what was decided there, where the document says so.
    """

    text: str
    case_number: CaseNumber | None = None
    body: str | None = None
    date: dt.date | None = None
    title: str | None = None
    decision: Decision | None = None


class CaseStatus(StrEnum):
    DRAFT = "draft"
    SUBMITTED = "submitted"
    CONSIDERED = "considered"  # behandlet
    ADOPTED = "adopted"  # vedtatt
    WITHDRAWN = "withdrawn"


@document
@model
class CaseDocument:
    """A case document (saksframlegg) laid before a body's meeting.

    The meeting case number ("2/2016") and the archive reference ("2021/3288")
    are different types. ``letterhead`` keeps the lines of the heading block as
    written ("VESTRE VIKEN", "KHS", "Kommunehelsesamarbeidet").
    """

    KIND: ClassVar[str] = "case_document"

    body: str
    case_number: CaseNumber
    id: str | None = None
    partnership: Partnership | None = None
    title: str | None = None
    document_type: str | None = None
    letterhead: tuple[str, ...] = ()
    issued_by: tuple[str, ...] = ()
    meeting_date: dt.date | None = None
    document_date: dt.date | None = None
    case_officers: tuple[Person, ...] = ()
    archive_reference: ArchiveReference | None = None
    proposal: Proposal | None = None
    sections: tuple[Section, ...] = ()
    process_events: tuple[ProcessEvent, ...] = ()
    references: tuple[CaseReference, ...] = ()
    attachments_heading: str | None = None
    attachments: tuple[Attachment, ...] = ()
    status: CaseStatus | None = None
    decision: Decision | None = None
    #: The language the document is written in (BCP 47; exporters print their words in it).
    language: str = language_field()

    def section(self, kind: SectionKind) -> Section | None:
        """The first section of a kind, or None."""
        return next((s for s in self.sections if s.kind is kind), None)

