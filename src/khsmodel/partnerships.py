"""Partnerships (helsefellesskap, kommunehelsesamarbeid), their bodies and membership over time."""

from __future__ import annotations

import datetime as dt
from enum import StrEnum
from typing import ClassVar

import attrs

from ._base import (
    JSON_NAME,
    Block,
    Link,
    PartialDate,
    Period,
    Resource,
    document,
    first_day,
    language_field,
    last_day,
    model,
)
from .agreements import Agreement, PriorityGroup
from .decisions import Decision
from .parties import Organisation, Person, RoleKind

__all__ = [
    "Body",
    "BodyKind",
    "BodyMember",
    "HistoryEntry",
    "Membership",
    "MembershipRole",
    "Partnership",
    "PartnershipKind",
]


class PartnershipKind(StrEnum):
    HEALTH_PARTNERSHIP = "health_partnership"  # helsefellesskap (from 2020)
    MUNICIPAL_HEALTH_COOPERATION = "municipal_health_cooperation"  # kommunehelsesamarbeid
    OTHER = "other"


class BodyKind(StrEnum):
    """Kinds of bodies (organ) of a partnership; see the glossary."""

    PARTNERSHIP_MEETING = "partnership_meeting"  # partnerskapsmøte (level 1)
    STRATEGIC_COMMITTEE = "strategic_committee"  # SSU (level 2)
    OVERARCHING_COMMITTEE = "overarching_committee"  # OSU / OSO
    PROFESSIONAL_COMMITTEE = "professional_committee"  # FSU (level 3)
    CLINICAL_COMMITTEE = "clinical_committee"  # klinisk samarbeidsutvalg
    LOCAL_COMMITTEE = "local_committee"  # LSU
    COOPERATION_BOARD = "cooperation_board"  # samarbeidsstyret
    OWNERS_MEETING = "owners_meeting"  # eiermøte
    USER_COUNCIL = "user_council"  # brukerutvalg
    SECRETARIAT = "secretariat"  # sekretariat / samhandlingssekretariat
    WORKING_GROUP = "working_group"
    OTHER = "other"


@model
class BodyMember:
    """A member of a body: a person, the party they represent, their role, and when."""

    person: Person | None = None
    party: str | None = None
    role: RoleKind | None = None
    valid_from: dt.date | None = None
    valid_to: dt.date | None = None


@model
class Body:
    """A body (organ) of a partnership: OSU, SSU, an LSU, the partnerskapsmøte, the secretariat …

    ``aliases`` hold other names for the same body ("OSO" beside "OSU").
    ``parent`` is the id of the body that set it up (the clinical committee
    was set up by OSO).
    """

    id: str
    kind: BodyKind
    name: str
    abbreviation: str | None = None
    aliases: tuple[str, ...] = ()
    level: int | None = None
    parent: str | None = None
    established: dt.date | PartialDate | None = None
    dissolved: dt.date | PartialDate | None = None
    mandate: tuple[Block, ...] = ()
    members: tuple[BodyMember, ...] = ()

    @property
    def label(self) -> str:
        """The short name used in running text: the abbreviation if any, else the name."""
        return self.abbreviation or self.name


class MembershipRole(StrEnum):
    MEMBER = "member"
    HOSPITAL_TRUST = "hospital_trust"  # the trust side of the partnership
    OWNER = "owner"
    OBSERVER = "observer"
    ASSOCIATED = "associated"


@model
class Membership:
    """A party's membership of a partnership over a period (open ends allowed).

    ``valid_from`` and ``valid_to`` may be a :class:`~khsmodel.PartialDate` when
    the source gives only the year or month ("medlem fra 2020"): the
    membership then counts from the first day of that year or month, and to
    the last day.
    """

    party: str
    valid_from: dt.date | PartialDate | None = None
    valid_to: dt.date | PartialDate | None = None
    role: MembershipRole = MembershipRole.MEMBER
    note: str | None = None

    def active_on(self, day: dt.date) -> bool:
        """True when ``day`` lies within the membership (a partial date as all its days)."""
        start, end = first_day(self.valid_from), last_day(self.valid_to)
        return (start is None or start <= day) and (end is None or day <= end)


@model
class HistoryEntry:
    """A line of a partnership's history, as written, with the dates it speaks of.

    ``start`` and ``end`` are :class:`~khsmodel.PartialDate` when the line says
    only a year or month ("i 2009").
    """

    text: str
    start: dt.date | PartialDate | None = None
    end: dt.date | PartialDate | None = None
    when: str | None = None


@document
@model
class Partnership:
    """A partnership: its parties, their membership over time, bodies, agreements and decisions.

    Other documents embed a partnership so that they stand alone; their
    references to parties and bodies are ids into it.

    >>> import datetime as dt
    >>> from khsmodel import Partnership, PartnershipKind, Membership
    >>> p = Partnership(id="x", name="Helsefellesskap X", kind=PartnershipKind.HEALTH_PARTNERSHIP,
    ...     memberships=(Membership(party="a", valid_from=dt.date(2020, 1, 1)),
    ...                  Membership(party="b", valid_to=dt.date(2019, 12, 31))))
    >>> [m.party for m in p.members_on(dt.date(2021, 1, 1))]
    ['a']

    A membership known only to the year counts for the whole year:

    >>> from khsmodel import PartialDate
    >>> q = Partnership(id="y", name="Y", kind=PartnershipKind.OTHER,
    ...     memberships=(Membership(party="c", valid_to=PartialDate(year=2019)),))
    >>> [m.party for m in q.members_on(dt.date(2019, 12, 31))]
    ['c']
    """

    KIND: ClassVar[str] = "partnership"

    id: str
    name: str
    # "kind" is the envelope's tag in JSON, so this field is "partnership_kind" there.
    kind: PartnershipKind = attrs.field(metadata={JSON_NAME: "partnership_kind"})
    short_name: str | None = None
    aliases: tuple[str, ...] = ()
    description: tuple[Block, ...] = ()
    established: dt.date | PartialDate | None = None
    established_text: str | None = None
    period: Period | None = None
    history: tuple[HistoryEntry, ...] = ()
    parties: tuple[Organisation, ...] = ()
    memberships: tuple[Membership, ...] = ()
    bodies: tuple[Body, ...] = ()
    agreements: tuple[Agreement, ...] = ()
    decisions: tuple[Decision, ...] = ()
    priority_groups: tuple[PriorityGroup, ...] = ()
    priority_groups_text: str | None = None
    resources: tuple[Resource, ...] = ()
    url: str | None = None
    links: tuple[Link, ...] = ()
    #: The language the document is written in (BCP 47; exporters print their words in it).
    language: str = language_field()

    def party(self, party_id: str) -> Organisation | None:
        """The organisation with this id, or None."""
        return next((p for p in self.parties if p.id == party_id), None)

    def body(self, body_id: str) -> Body | None:
        """The body with this id, or None."""
        return next((b for b in self.bodies if b.id == body_id), None)

    def members_on(self, day: dt.date) -> tuple[Membership, ...]:
        """Memberships active on a day (a membership from or to a year or month counts
        from its first day to its last)."""
        return tuple(m for m in self.memberships if m.active_on(day))
