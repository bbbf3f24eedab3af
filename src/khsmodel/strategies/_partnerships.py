"""Strategies for :mod:`khsmodel.partnerships`: memberships, bodies and their
members, history, partnerships."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

import attrs
from hypothesis import strategies as st

from ..decisions import Decision
from ..parties import OrganisationKind, RoleKind
from ..partnerships import (
    Body,
    BodyMember,
    HistoryEntry,
    Membership,
    MembershipRole,
    Partnership,
    PartnershipKind,
)
from ._agreements import _agreement, _priority_groups
from ._base import _blocks, _link, _period, _resource
from ._decisions import _decision
from ._draw import (
    _bool,
    _coarse,
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
    _slug,
    _some,
)
from ._identifiers import _case_number
from ._parties import _parties, _person
from ._text import _maybe_text, _text
from ._vocabulary import _BODIES, _URLS, MAX_DATE, MIN_DATE, _BodySeed


def _memberships_of(
    draw: st.DrawFn, party: str, role: MembershipRole, lo: dt.date, hi: dt.date, hostile: bool,
) -> tuple[Membership, ...]:  # fmt: skip
    """One or two memberships of a party that do not overlap (inclusive ends).

    Two are a change of role on a date: the first ends the day before the second starts.
    """
    note = _maybe_text(draw, hostile, 5)
    if hi <= lo or _bool(draw):
        start = _maybe_date(draw, lo, hi)
        end = _maybe_date(draw, start or lo, hi)
        # one membership: "fra 2020" (a partial date) cannot overlap another of the party
        return (Membership(party=party, valid_from=_coarse(draw, start), valid_to=_coarse(draw, end),
                           role=role, note=note),)  # fmt: skip
    change = _date(draw, lo + dt.timedelta(days=1), hi)
    first_from = _maybe_date(draw, lo, change - dt.timedelta(days=1))
    first_role = _pick(draw, tuple(MembershipRole))
    return (
        Membership(party=party, valid_from=first_from, valid_to=change - dt.timedelta(days=1),
                   role=first_role),
        Membership(party=party, valid_from=change, role=role, note=note),
    )  # fmt: skip


@st.composite
def memberships(
    draw: st.DrawFn, *, party: str = "baerum", min_date: dt.date = MIN_DATE,
    max_date: dt.date = MAX_DATE, hostile: bool = True,
) -> Membership:  # fmt: skip
    """A membership of one party over a period (from <= to; open ends allowed)."""
    role = _pick(draw, tuple(MembershipRole))
    return _memberships_of(draw, party, role, min_date, max_date, hostile)[-1]


def _body_member(draw: st.DrawFn, ctx: _Ctx) -> BodyMember:
    valid_from = _maybe_date(draw, MIN_DATE, MAX_DATE)
    return BodyMember(
        person=_maybe(draw, lambda: _person(draw, ctx)),
        party=_maybe_pick(draw, ctx.party_ids),
        role=_maybe_pick(draw, tuple(RoleKind)),
        valid_from=valid_from,
        valid_to=_maybe_date(draw, valid_from or MIN_DATE, MAX_DATE),
    )


@st.composite
def body_members(
    draw: st.DrawFn, *, partnership: Partnership | None = None, hostile: bool = True
) -> BodyMember:
    """A member of a body: person, the party represented (of ``partnership``), role, period."""
    return _body_member(draw, _ctx(hostile, partnership))


def _body(
    draw: st.DrawFn, seed: _BodySeed, ctx: _Ctx, parents: Sequence[str], *, in_partnership: bool
) -> Body:
    """A body from a catalogue entry. In a partnership it exists on every generated date."""
    if in_partnership:
        established = _maybe_date(draw, dt.date(2000, 1, 1), MIN_DATE)
        dissolved = None
    else:
        established = _maybe_date(draw, MIN_DATE, MAX_DATE)
        dissolved = _maybe_date(draw, established or MIN_DATE, MAX_DATE)
    return Body(
        id=seed.key,
        kind=seed.kind,
        name=seed.name,
        abbreviation=seed.abbreviation,
        aliases=("OSO",) if seed.key == "osu" and _bool(draw) else (),
        level=seed.level,
        parent=_maybe_pick(draw, parents),
        established=_coarse(draw, established),
        dissolved=dissolved,
        mandate=_blocks(draw, ctx, 1),
        members=_repeat(draw, lambda: _body_member(draw, ctx), 1 if in_partnership else 2),
    )


@st.composite
def bodies(
    draw: st.DrawFn, *, partnership: Partnership | None = None, hostile: bool = True
) -> Body:
    """A body (OSU, SSU, partnerskapsmøtet, LSU, sekretariatet …); members refer to
    parties of ``partnership``."""
    return _body(draw, _pick(draw, _BODIES), _ctx(hostile, partnership), (), in_partnership=False)


def _history_entry(draw: st.DrawFn, hostile: bool) -> HistoryEntry:
    start = _maybe_date(draw, MIN_DATE, MAX_DATE)
    end = _maybe_date(draw, start or MIN_DATE, MAX_DATE)
    when = _date_nb(start) if start and _bool(draw) else None
    # "i 2009": a line that gives only the year (or month) has partial dates, not days
    return HistoryEntry(text=_text(draw, hostile, 12), start=start if when else _coarse(draw, start),
                        end=end if when else _coarse(draw, end), when=when)  # fmt: skip


@st.composite
def history_entries(draw: st.DrawFn, *, hostile: bool = True) -> HistoryEntry:
    """A line of a partnership's history with the dates it speaks of (start <= end)."""
    return _history_entry(draw, hostile)


_PARTNERSHIP_NAMES = (
    ("Kommunehelsesamarbeidet", "KHS", PartnershipKind.MUNICIPAL_HEALTH_COOPERATION),
    ("Helsefelleskap Vest-Viken", "HVV", PartnershipKind.HEALTH_PARTNERSHIP),
    ("Helsefellesskapet Lofoten, Vesterålen og Salten", None, PartnershipKind.HEALTH_PARTNERSHIP),
    ("Helsefellesskapet Finnmark – Finnmárkku dearvvašvuođaovttasbargu", None,
     PartnershipKind.HEALTH_PARTNERSHIP),
    ("Samarbeidsforum for Hábmer og Fuossko", None, PartnershipKind.OTHER),
)  # fmt: skip

_MEMBERSHIP_ROLES = {
    OrganisationKind.HOSPITAL_TRUST: (MembershipRole.HOSPITAL_TRUST,),
    OrganisationKind.MUNICIPALITY: (MembershipRole.MEMBER, MembershipRole.OWNER),
}
_OTHER_MEMBERSHIP_ROLES = (MembershipRole.OBSERVER, MembershipRole.ASSOCIATED)


def _partnership(
    draw: st.DrawFn, hostile: bool, max_bodies: int, *, embedded: bool = False
) -> Partnership:
    """A partnership. An ``embedded`` one (the context of a plan, case or meeting) is
    compact: parties, memberships and bodies, and only now and then the rest."""
    name, short, kind = _pick(draw, _PARTNERSHIP_NAMES)
    pid = _slug(short or name)
    ctx = _Ctx(hostile=hostile, parties=_parties(draw, hostile))
    body_list: list[Body] = []
    for seed in _some(draw, _BODIES, max_bodies, 1):
        body_list.append(_body(draw, seed, ctx, [b.id for b in body_list], in_partnership=True))
    ctx = attrs.evolve(ctx, bodies=tuple(body_list))
    ms = [
        m
        for p in ctx.parties
        for m in _memberships_of(
            draw, p.id, _pick(draw, _MEMBERSHIP_ROLES.get(p.kind, _OTHER_MEMBERSHIP_ROLES)),
            MIN_DATE, MAX_DATE, hostile,
        )
    ]  # fmt: skip
    established_day = _maybe_date(draw, MIN_DATE, MAX_DATE)
    established = _coarse(draw, established_day)
    if embedded and not _one_in(draw, 4):
        return Partnership(id=pid, name=name, kind=kind, short_name=short, established=established,
                           parties=ctx.parties, memberships=tuple(ms), bodies=ctx.bodies)  # fmt: skip
    return Partnership(
        language=_language(draw),
        id=pid,
        name=name,
        kind=kind,
        short_name=short,
        aliases=("K26",) if short == "KHS" else (),
        description=_blocks(draw, ctx, 1),
        established=established,
        established_text=_date_nb(established) if isinstance(established, dt.date) and _bool(draw)
        else None,
        period=_maybe(draw, lambda: _period(draw, bounded=False, lo=established_day or MIN_DATE,
                                            hi=MAX_DATE, bodies=ctx.body_ids)),
        history=_repeat(draw, lambda: _history_entry(draw, hostile), 2),
        parties=ctx.parties,
        memberships=tuple(ms),
        bodies=ctx.bodies,
        agreements=(_agreement(draw, ctx, f"{pid}-avtale-1"),) if _one_in(draw, 4) else (),
        decisions=_repeat(draw, lambda: _dated_decision(draw, ctx, _pick(draw, ctx.body_ids)), 2),
        priority_groups=_priority_groups(draw, None),
        priority_groups_text=_maybe_text(draw, hostile),
        resources=_repeat(draw, lambda: _resource(draw, ctx), 1),
        url=_maybe_pick(draw, _URLS),
        links=_repeat(draw, lambda: _link(draw, hostile), 1),
    )  # fmt: skip


def _dated_decision(draw: st.DrawFn, ctx: _Ctx, body: str) -> Decision:
    day = _date(draw, MIN_DATE, MAX_DATE)
    cn = _maybe(draw, lambda: _case_number(draw, day.year, _int(draw, 1, 60)))
    return _decision(draw, ctx, body=body, date=day, case_number=cn)


@st.composite
def partnerships(draw: st.DrawFn, *, hostile: bool = True, max_bodies: int = 4) -> Partnership:
    """A partnership: >= 1 municipality (with kommunenummer) and >= 1 hospital trust, unique
    party ids, every party a member (memberships of a party do not overlap), bodies with
    unique ids that exist on every generated date, and agreements, decisions and
    resources that refer only to these parties and bodies."""
    return _partnership(draw, hostile, max_bodies)
