"""Strategies for :mod:`khsmodel.agreements`: agreements, sections, priority groups."""

from __future__ import annotations

import datetime as dt

import attrs
from hypothesis import strategies as st

from ..agreements import (
    PRIORITY_GROUP_VERSIONS,
    Agreement,
    AgreementLevel,
    AgreementSection,
    AgreementTopic,
    PriorityGroup,
    StatutoryItem,
    priority_groups_on,
    statutory_items_in_force,
)
from ..decisions import DecisionKind
from ..parties import Organisation, OrganisationKind
from ..partnerships import Partnership
from ._base import _blocks, _link, _period
from ._decisions import _decision
from ._draw import (
    _bool,
    _Ctx,
    _ctx,
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
from ._parties import _parties, _person
from ._text import _hostile_fragment, _maybe_text, ids
from ._vocabulary import _URLS, MAX_DATE, MIN_DATE

_WRITTEN_PRIORITY_GROUPS = (
    PriorityGroup(text="Personer med rus og psykiske helseplage"),
    PriorityGroup(text="Samiske pasienter i Kárášjohka og Guovdageaidnu"),
)


def _national_groups(on: dt.date | None) -> tuple[PriorityGroup, ...]:
    if on is not None:
        return priority_groups_on(on)
    return tuple(g for _, groups in PRIORITY_GROUP_VERSIONS.values() for g in groups)


@st.composite
def priority_groups(draw: st.DrawFn, *, on: dt.date | None = None) -> PriorityGroup:
    """A priority patient group: from the national list in force ``on`` (any version when
    ``on`` is None), or as written without a key."""
    national = _national_groups(on)
    return (
        _pick(draw, national) if national and _bool(draw) else _pick(draw, _WRITTEN_PRIORITY_GROUPS)
    )


def _priority_groups(draw: st.DrawFn, on: dt.date | None) -> tuple[PriorityGroup, ...]:
    """Up to three groups in one national wording (the version in force), no key twice."""
    if on is None:  # pick one version by the day it came into force
        on = _pick(draw, sorted(d for d, _ in PRIORITY_GROUP_VERSIONS.values()))
    return _some(draw, _national_groups(on) + _WRITTEN_PRIORITY_GROUPS, 3)


def _agreement_section(draw: st.DrawFn, ctx: _Ctx, on: dt.date | None) -> AgreementSection:
    topic = _pick(draw, tuple(AgreementTopic))
    items: tuple[StatutoryItem, ...] = ()
    if topic is AgreementTopic.STATUTORY:
        in_force = [i.key for i in statutory_items_in_force(on or dt.date(2012, 1, 1))]
        items = _some(draw, in_force, 3, 1)
    return AgreementSection(topic=topic, heading=_maybe_text(draw, ctx.hostile, 4),
                            content=_blocks(draw, ctx), statutory_items=items)  # fmt: skip


@st.composite
def agreement_sections(
    draw: st.DrawFn, *, on: dt.date | None = None, hostile: bool = True
) -> AgreementSection:
    """A section of an agreement; its statutory items are those in force ``on``."""
    return _agreement_section(draw, _Ctx(hostile=hostile), on)


def _agreement_parties(draw: st.DrawFn, ctx: _Ctx) -> tuple[Organisation, ...]:
    """At least one municipality and one hospital trust, no party twice."""
    if not ctx.parties:
        return _parties(draw, ctx.hostile, max_extra=1)
    first_kommune = next(p for p in ctx.parties if p.kind is OrganisationKind.MUNICIPALITY)
    first_trust = next(p for p in ctx.parties if p.kind is OrganisationKind.HOSPITAL_TRUST)
    extra = set(_some(draw, ctx.party_ids, 2))
    return tuple(p for p in ctx.parties if p in (first_kommune, first_trust) or p.id in extra)


_AGREEMENT_TITLES = (
    "Overordnet samarbeidsavtale",
    "Samarbeidsavtale mellom kommunene og helseforetaket",
    "Tjenesteavtale om utskrivningsklare pasienter",
    "Delavtale om samisk språk i Guovdageaidnu og Kárášjohka",
)


def _agreement(draw: st.DrawFn, ctx: _Ctx, agreement_id: str) -> Agreement:
    parties = _agreement_parties(draw, ctx)
    signing = attrs.evolve(ctx, parties=parties)
    date = _maybe_date(draw, dt.date(2012, 1, 1), MAX_DATE)
    in_force = [i.key for i in statutory_items_in_force(date or dt.date(2012, 1, 1))]
    body = _maybe_pick(draw, ctx.body_ids)
    decision = None
    if _bool(draw):
        cn = (
            _maybe(draw, lambda: _case_number(draw, date.year, _int(draw, 1, 60))) if date else None
        )
        decision = _decision(draw, ctx, body=body, date=date, case_number=cn,
                             kind=DecisionKind.ADOPTED)  # fmt: skip
    title = _pick(draw, _AGREEMENT_TITLES)
    if ctx.hostile and _one_in(draw, 8):
        title = f"{title} {_hostile_fragment(draw)}"
    return Agreement(
        language=_language(draw),
        id=agreement_id,
        title=title,
        level=_pick(draw, tuple(AgreementLevel)),
        short_title=_maybe(draw, lambda: "Samarbeidsavtalen"),
        parties=parties,
        signatories=_repeat(draw, lambda: _person(draw, signing), 2),
        date=date,
        validity=_maybe(draw, lambda: _period(draw, bounded=_bool(draw), lo=date or MIN_DATE,
                                              hi=MAX_DATE, bodies=ctx.body_ids)),
        description=_blocks(draw, ctx, 1),
        sections=_repeat(draw, lambda: _agreement_section(draw, ctx, date), 3),
        statutory_items=_some(draw, in_force, 4),
        priority_groups=_priority_groups(draw, date),
        priority_groups_text=_maybe_text(draw, ctx.hostile),
        decision=decision,
        parent=_maybe(draw, lambda: f"{agreement_id}-overordnet"),
        replaces=_maybe(draw, lambda: f"{agreement_id}-2012"),
        url=_maybe_pick(draw, _URLS),
        links=_repeat(draw, lambda: _link(draw, ctx.hostile), 1),
    )  # fmt: skip


@st.composite
def agreements(
    draw: st.DrawFn, *, partnership: Partnership | None = None, hostile: bool = True
) -> Agreement:
    """An agreement with >= 1 municipality and >= 1 hospital trust as parties (of
    ``partnership`` when given), no party twice, § 6-2 items in force on its date."""
    return _agreement(draw, _ctx(hostile, partnership), draw(ids("avtale-")))
