"""Strategies for :mod:`khsmodel.decisions`: decisions and vote counts."""

from __future__ import annotations

import datetime as dt

from hypothesis import strategies as st

from ..decisions import Decision, DecisionKind, VoteCount
from ..identifiers import CaseNumber
from ..partnerships import Partnership
from ._draw import _bool, _Ctx, _ctx, _int, _maybe, _maybe_date, _maybe_pick, _pick, _repeat
from ._identifiers import _case_number
from ._text import _text
from ._vocabulary import MAX_DATE, MIN_DATE


def _votes(draw: st.DrawFn, unanimous: bool | None, max_votes: int | None) -> VoteCount | None:
    """Votes with >= 1 in favour, none against when unanimous, >= 1 against when not, and
    at most ``max_votes`` in all (None when that is impossible)."""
    cap = 45 if max_votes is None else max_votes
    least_against = 1 if unanimous is False else 0
    if cap < 1 + least_against:
        return None
    in_favour = _int(draw, 1, min(40, cap - least_against))
    if unanimous:
        return VoteCount(in_favour=in_favour)
    room = cap - in_favour
    against = _int(draw, least_against, min(in_favour, room))
    return VoteCount(in_favour=in_favour, against=against,
                     abstained=_int(draw, 0, min(5, room - against)))  # fmt: skip


@st.composite
def vote_counts(draw: st.DrawFn, *, unanimous: bool | None = None) -> VoteCount:
    """Votes cast; ``unanimous=True``: none against or abstaining; ``False``: >= 1 against."""
    votes = _votes(draw, unanimous, None)
    assert votes is not None  # without a cap there is always room
    return votes


_DECISION_HEADINGS = {
    DecisionKind.DECISION: "Vedtak",
    DecisionKind.RECOMMENDATION: "Anbefaling",
    DecisionKind.NOTED: "Til orientering",
    DecisionKind.ADOPTED: "Vedtatt",
    DecisionKind.DELEGATED: "Delegert vedtak",
    DecisionKind.OTHER: "Konklusjon",
}


def _decision(
    draw: st.DrawFn,
    ctx: _Ctx,
    *,
    body: str | None,
    date: dt.date | None,
    case_number: CaseNumber | None,
    kind: DecisionKind | None = None,
) -> Decision:
    kind = kind or _pick(draw, tuple(DecisionKind))
    unanimous = _maybe(draw, lambda: _bool(draw))
    return Decision(
        kind=kind,
        text=_text(draw, ctx.hostile, 14),
        date=date,
        body=body,
        case_number=case_number,
        heading=_maybe(draw, lambda: _DECISION_HEADINGS[kind]),
        items=_repeat(draw, lambda: _text(draw, ctx.hostile), 3),
        unanimous=unanimous,
        votes=_maybe(draw, lambda: _votes(draw, unanimous, ctx.max_votes)),
    )


@st.composite
def decisions(
    draw: st.DrawFn,
    *,
    partnership: Partnership | None = None,
    body: str | None = None,
    date: dt.date | None = None,
    case_number: CaseNumber | None = None,
    hostile: bool = True,
) -> Decision:
    """A decision of a body (of ``partnership``); its case number's year is its date's year;
    unanimous decisions have no votes against."""
    ctx = _ctx(hostile, partnership)
    body = body if body is not None else _maybe_pick(draw, ctx.body_ids)
    date = date if date is not None else _maybe_date(draw, MIN_DATE, MAX_DATE)
    if case_number is None:
        case_number = _maybe(
            draw, lambda: _case_number(draw, date.year if date else 2016, _int(draw, 1, 120))
        )
    return _decision(draw, ctx, body=body, date=date, case_number=case_number)
