"""Decisions of bodies: vedtak, anbefaling, til orientering; unanimity and vote counts."""

from __future__ import annotations

import datetime as dt
from enum import StrEnum

from ._base import model
from .identifiers import CaseNumber

__all__ = ["Decision", "DecisionKind", "VoteCount"]


class DecisionKind(StrEnum):
    """What kind of decision a body made."""

    DECISION = "decision"  # vedtak
    RECOMMENDATION = "recommendation"  # anbefaling / innstilling
    NOTED = "noted"  # til orientering
    ADOPTED = "adopted"  # vedtatt (a plan or agreement)
    DELEGATED = "delegated"  # delegert vedtak: made by an officer or body with delegated authority
    OTHER = "other"


@model
class VoteCount:
    """Votes cast: for, against, abstaining."""

    in_favour: int
    against: int = 0
    abstained: int = 0

    @property
    def total(self) -> int:
        return self.in_favour + self.against + self.abstained


@model
class Decision:
    """A decision of a body.

    ``text`` is the decision as written; ``items`` holds a list that belongs to
    it ("OSU besluttet 08.02.2016 følgende fokusområder …: 1. … 5."). ``heading``
    keeps the word the source uses ("Vedtak", "Anbefaling").

    >>> import datetime as dt
    >>> from khsmodel import Decision, DecisionKind
    >>> d = Decision(kind=DecisionKind.RECOMMENDATION, body="oso", unanimous=True,
    ...              text="Et enstemmig OSO anbefaler at den vedlagte handlingsplanen vedtas.")
    >>> d.unanimous
    True
    """

    kind: DecisionKind
    text: str
    date: dt.date | None = None
    body: str | None = None
    case_number: CaseNumber | None = None
    heading: str | None = None
    items: tuple[str, ...] = ()
    unanimous: bool | None = None
    votes: VoteCount | None = None
