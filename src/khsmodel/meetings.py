"""Meetings: participants, programme with speakers, agenda items with case documents, minutes."""

from __future__ import annotations

import datetime as dt
from enum import StrEnum
from typing import ClassVar

from ._base import Block, Link, document, language_field, model
from .cases import Attachment, CaseDocument
from .decisions import Decision
from .identifiers import CaseNumber
from .parties import Person
from .partnerships import Partnership

__all__ = [
    "AgendaItem",
    "Meeting",
    "Minutes",
    "Participant",
    "ParticipantRole",
    "ProgrammeItem",
    "ProgrammeItemKind",
]


class ParticipantRole(StrEnum):
    MEMBER = "member"
    DEPUTY = "deputy"
    CHAIR = "chair"
    SECRETARY = "secretary"
    OBSERVER = "observer"
    GUEST = "guest"
    SPEAKER = "speaker"
    OTHER = "other"


@model
class Participant:
    """Who took part: a person and/or the party they represented."""

    person: Person | None = None
    party: str | None = None
    role: ParticipantRole | None = None
    present: bool = True


class ProgrammeItemKind(StrEnum):
    WELCOME = "welcome"
    STATUS = "status"
    TALK = "talk"
    PRESENTATION = "presentation"
    COMMENTS = "comments"
    DISCUSSION = "discussion"
    CLOSING = "closing"
    OTHER = "other"


@model
class ProgrammeItem:
    """An item of a meeting's programme, as written, with speakers and presentations.

    ``presentations`` are titles of the meeting's presentations shown in it;
    ``notes`` are further lines belonging to it ("Utviklingsplanen ligger ute
    til høring med frist den 21 mars.").
    """

    text: str
    kind: ProgrammeItemKind | None = None
    title: str | None = None
    speakers: tuple[Person, ...] = ()
    start_time: dt.time | None = None
    presentations: tuple[str, ...] = ()
    notes: tuple[str, ...] = ()


@model
class AgendaItem:
    """An item of the agenda (saksliste): case number, title, case document, decision."""

    case_number: CaseNumber
    title: str
    case_type: str | None = None
    case_document: CaseDocument | None = None
    decision: Decision | None = None


@model
class Minutes:
    """Minutes (referat, protokoll) of a meeting."""

    title: str
    date: dt.date | None = None
    approved: dt.date | None = None
    url: str | None = None
    content: tuple[Block, ...] = ()


@document
@model
class Meeting:
    """One sitting of a body.

    ``participants_count`` with ``participants_approximate`` holds "ca. 80
    deltakere"; ``participants_text`` keeps such text as written;
    ``represented_parties`` lists the parties that were represented.
    ``presentations_text`` is the line that introduces the presentations
    ("Presentasjonene fra møtet ligger nedenfor:").
    """

    KIND: ClassVar[str] = "meeting"

    body: str
    date: dt.date
    id: str | None = None
    title: str | None = None
    partnership: Partnership | None = None
    start_time: dt.time | None = None
    end_time: dt.time | None = None
    location: str | None = None
    description: tuple[Block, ...] = ()
    participants_count: int | None = None
    participants_approximate: bool = False
    participants_text: str | None = None
    participants: tuple[Participant, ...] = ()
    represented_parties: tuple[str, ...] = ()
    represented_text: str | None = None
    programme: tuple[ProgrammeItem, ...] = ()
    agenda: tuple[AgendaItem, ...] = ()
    presentations: tuple[Attachment, ...] = ()
    presentations_text: str | None = None
    decisions: tuple[Decision, ...] = ()
    minutes: Minutes | None = None
    notes: tuple[Block, ...] = ()
    links: tuple[Link, ...] = ()
    #: The language the document is written in (BCP 47; exporters print their words in it).
    language: str = language_field()
