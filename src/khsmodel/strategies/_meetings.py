"""Strategies for :mod:`khsmodel.meetings`: meetings, participants, programme,
agenda items and minutes."""

from __future__ import annotations

import datetime as dt

import attrs
from hypothesis import strategies as st

from ..identifiers import CaseNumber
from ..meetings import (
    AgendaItem,
    Meeting,
    Minutes,
    Participant,
    ParticipantRole,
    ProgrammeItem,
    ProgrammeItemKind,
)
from ..parties import Person
from ..partnerships import Partnership
from ._base import _blocks, _link
from ._cases import _attachment, _case_document
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
    _maybe_date,
    _maybe_pick,
    _one_in,
    _pick,
    _repeat,
    _some,
)
from ._identifiers import _case_number
from ._parties import _person
from ._partnerships import _partnership
from ._text import _maybe_text, _person_name, _text
from ._vocabulary import _URLS, MAX_DATE, MIN_DATE


def _participant(draw: st.DrawFn, ctx: _Ctx) -> Participant:
    person = _maybe(draw, lambda: _person(draw, ctx))
    party = _maybe_pick(draw, ctx.party_ids)
    if person is None and party is None:
        person = Person(name=_person_name(draw))
    return Participant(person=person, party=party, role=_maybe_pick(draw, tuple(ParticipantRole)),
                       present=_bool(draw))  # fmt: skip


@st.composite
def participants(
    draw: st.DrawFn, *, partnership: Partnership | None = None, hostile: bool = True
) -> Participant:
    """A participant: a person and/or the party represented (an id of ``partnership``)."""
    return _participant(draw, _ctx(hostile, partnership))


def _programme_item(draw: st.DrawFn, ctx: _Ctx, start: dt.time | None) -> ProgrammeItem:
    return ProgrammeItem(
        text=_text(draw, ctx.hostile, 10),
        kind=_maybe_pick(draw, tuple(ProgrammeItemKind)),
        title=_maybe_text(draw, ctx.hostile, 6),
        speakers=_repeat(draw, lambda: _person(draw, ctx), 2),
        start_time=start,
        presentations=_repeat(draw, lambda: _text(draw, ctx.hostile, 5), 1),
        notes=_repeat(draw, lambda: _text(draw, ctx.hostile), 1),
    )


@st.composite
def programme_items(
    draw: st.DrawFn, *, partnership: Partnership | None = None, hostile: bool = True
) -> ProgrammeItem:
    """An item of a meeting's programme with speakers, start time, presentations, notes."""
    start = _maybe(draw, lambda: dt.time(_int(draw, 8, 17), _pick(draw, (0, 15, 30, 45))))
    return _programme_item(draw, _ctx(hostile, partnership), start)


def _agenda_item(draw: st.DrawFn, ctx: _Ctx, body: str, day: dt.date, cn: CaseNumber) -> AgendaItem:
    case_doc = None
    if _one_in(draw, 3):
        case_doc = _case_document(draw, ctx, None, body=body, case_number=cn, meeting_date=day,
                                  nested=True)  # fmt: skip
    return AgendaItem(
        case_number=cn,
        title=_text(draw, ctx.hostile, 10),
        case_type=_maybe_pick(draw, ("PS", "RS", "Orienteringssak", "Vedtakssak")),
        case_document=case_doc,
        decision=_maybe(draw, lambda: _decision(draw, ctx, body=body, date=day, case_number=cn)),
    )


@st.composite
def agenda_items(
    draw: st.DrawFn,
    *,
    body: str = "osu",
    meeting_date: dt.date = dt.date(2016, 2, 8),
    case_number: CaseNumber | None = None,
    partnership: Partnership | None = None,
    hostile: bool = True,
) -> AgendaItem:
    """An agenda item whose case number is of the meeting year and whose case document and
    decision belong to ``body`` and ``meeting_date``."""
    cn = case_number or _case_number(draw, meeting_date.year, _int(draw, 1, 60))
    return _agenda_item(draw, _ctx(hostile, partnership), body, meeting_date, cn)


def _minutes(draw: st.DrawFn, hostile: bool, meeting_date: dt.date | None) -> Minutes:
    lo = meeting_date or MIN_DATE
    day = _maybe_date(draw, lo, lo + dt.timedelta(days=30))
    return Minutes(
        title=_pick(draw, ("Referat", "Protokoll", "Referat fra partnerskapsmøtet")),
        date=day,
        approved=_maybe_date(draw, day or lo, (day or lo) + dt.timedelta(days=90)),
        url=_maybe_pick(draw, _URLS),
        content=_blocks(draw, _Ctx(hostile=hostile), 1),
    )


@st.composite
def minutes(
    draw: st.DrawFn, *, meeting_date: dt.date | None = None, hostile: bool = True
) -> Minutes:
    """Minutes (referat) dated on or after the meeting and approved on or after that."""
    return _minutes(draw, hostile, meeting_date)


_LOCATIONS = ("Drammen sykehus", "Bodø rådhus", "Kárášjohka", "Teams", "Scandic Hábmer")


def _meeting(
    draw: st.DrawFn, hostile: bool, partnership: Partnership, max_agenda_items: int
) -> Meeting:
    ctx = _ctx(hostile, partnership)
    body = _pick(draw, ctx.bodies)
    day = _date(draw, dt.date(2010, 1, 1), MAX_DATE)
    present = _repeat(draw, lambda: _participant(draw, ctx), 3)
    count = _maybe(draw, lambda: _int(draw, len(present), len(present) + 120))
    approximate = _bool(draw) if count is not None else False
    # Votes never exceed an exact participant count.
    ctx = attrs.evolve(ctx, max_votes=None if approximate else count)
    sequences = sorted({_int(draw, 1, 60) for _ in range(_int(draw, 0, max_agenda_items))})
    agenda = tuple(
        _agenda_item(draw, ctx, body.id, day, _case_number(draw, day.year, s)) for s in sequences
    )
    hour = _int(draw, 8, 13)
    start = _maybe(draw, lambda: dt.time(hour, _pick(draw, (0, 15, 30))))
    end = dt.time(hour + _int(draw, 1, 6), 0) if start and _bool(draw) else None
    # Programme items in time order, none before the meeting starts.
    base = dt.datetime.combine(day, start or dt.time(hour))
    slots = [(base + dt.timedelta(minutes=30 * i)).time() for i in range(3)]
    programme = tuple(
        _programme_item(draw, ctx, slots[i] if start and _bool(draw) else None)
        for i in range(_int(draw, 0, 2))
    )
    case_numbers_on_agenda = [a.case_number for a in agenda]
    return Meeting(
        language=_language(draw),
        body=body.id,
        date=day,
        id=_maybe(draw, lambda: f"{body.id}-{day.isoformat()}"),
        title=_maybe(draw, lambda: f"{body.label} {_date_nb(day)}"),
        partnership=partnership,
        start_time=start,
        end_time=end,
        location=_maybe_pick(draw, _LOCATIONS),
        description=_blocks(draw, ctx, 1),
        participants_count=count,
        participants_approximate=approximate,
        participants_text=f"ca. {count} deltakere" if count is not None and _bool(draw) else None,
        participants=present,
        represented_parties=_some(draw, ctx.party_ids, 3),
        represented_text=_maybe(draw, lambda: "Alle kommunene var representert"),
        programme=programme,
        agenda=agenda,
        presentations=_repeat(draw, lambda: _attachment(draw, hostile, None, False), 1),
        presentations_text=_maybe(draw, lambda: "Presentasjonene fra møtet ligger nedenfor:"),
        decisions=_repeat(draw, lambda: _decision(draw, ctx, body=body.id, date=day,
                                                  case_number=_maybe_pick(draw, case_numbers_on_agenda)), 1),
        minutes=_maybe(draw, lambda: _minutes(draw, hostile, day)),
        notes=_blocks(draw, ctx, 1),
        links=_repeat(draw, lambda: _link(draw, hostile), 1),
    )  # fmt: skip


@st.composite
def meetings(
    draw: st.DrawFn,
    *,
    partnership: Partnership | None = None,
    hostile: bool = True,
    max_agenda_items: int = 3,
) -> Meeting:
    """A meeting of a body of the embedded partnership: agenda case numbers unique and of
    the meeting year, agenda case documents and decisions of the same body and date,
    vote counts consistent with unanimity, participants count >= listed participants."""
    if partnership is None:
        partnership = _partnership(draw, hostile, 3, embedded=True)
    return _meeting(draw, hostile, partnership, max_agenda_items)
