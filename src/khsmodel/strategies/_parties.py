"""Strategies for :mod:`khsmodel.parties`: units, organisations, roles, persons."""

from __future__ import annotations

import datetime as dt

from hypothesis import strategies as st

from .._base import evolve
from ..identifiers import KommuneNumber, OrganisationNumber
from ..parties import Organisation, OrganisationKind, OtherName, Person, Role, Unit
from ..partnerships import Partnership
from ._draw import (
    _bool,
    _Ctx,
    _ctx,
    _maybe,
    _maybe_date,
    _maybe_pick,
    _one_in,
    _pick,
    _repeat,
    _slug,
    _some,
)
from ._identifiers import _orgnr
from ._text import _maybe_text, _person_name
from ._vocabulary import (
    _HF_UNITS,
    _HOSPITAL_TRUSTS,
    _KOMMUNE_UNITS,
    _MUNICIPALITIES,
    _OTHER_PARTIES,
    _ROLE_TITLES,
    _URLS,
    HOSTILE_STRINGS,
    MAX_DATE,
    MIN_DATE,
    _PartySeed,
)


@st.composite
def units(draw: st.DrawFn) -> Unit:
    """A unit of an organisation (LMS, BUPA, a clinic)."""
    uid, name, abbr = _pick(draw, _HF_UNITS + _KOMMUNE_UNITS)
    return Unit(id=uid, name=name, abbreviation=abbr)


@st.composite
def other_names(draw: st.DrawFn) -> OtherName:
    """A Sámi name form ("Hábmer", "Guovdageaidnu") with its language tag and validity."""
    name, lang = _pick(draw, [m.other_name for m in _MUNICIPALITIES if m.other_name])
    valid_from = _maybe_date(draw, MIN_DATE, MAX_DATE)
    valid_to = _maybe_date(draw, valid_from or MIN_DATE, MAX_DATE)
    return OtherName(name=name, lang=lang, valid_from=valid_from, valid_to=valid_to)


def _organisation(
    draw: st.DrawFn,
    seed: _PartySeed,
    hostile: bool,
    *,
    in_partnership: bool,
    parent: str | None = None,
) -> Organisation:
    """An organisation from a catalogue entry. In a partnership its validity covers every
    generated date (it existed before 2009 and still exists), so references stay valid."""
    name = seed.name
    if hostile and _one_in(draw, 10):
        name = f"{name} {_pick(draw, HOSTILE_STRINGS)}"
    orgnr = (
        OrganisationNumber(seed.organisation_number)
        if seed.organisation_number
        else _maybe(draw, lambda: _orgnr(draw))
    )
    if in_partnership:
        valid_from = _maybe_date(draw, dt.date(1964, 1, 1), MIN_DATE - dt.timedelta(days=1))
        valid_to = None
    else:
        valid_from = _maybe_date(draw, MIN_DATE, MAX_DATE)
        valid_to = _maybe_date(draw, valid_from or MIN_DATE, MAX_DATE)
    other: tuple[OtherName, ...] = ()
    if seed.other_name and _bool(draw):
        other = (OtherName(name=seed.other_name[0], lang=seed.other_name[1]),)
    unit_seeds = _some(draw, seed.units, 2)
    return Organisation(
        id=seed.key,
        kind=seed.kind,
        name=name,
        short_name=seed.short_name if _bool(draw) else None,
        aliases=seed.aliases,
        organisation_number=orgnr,
        kommune_number=KommuneNumber(seed.kommune_number) if seed.kommune_number else None,
        valid_from=valid_from,
        valid_to=valid_to,
        parent=parent,
        units=tuple(Unit(id=u, name=n, abbreviation=a) for u, n, a in unit_seeds),
        other_names=other,
        url=_maybe_pick(draw, _URLS),
        note=_maybe_text(draw, hostile),
    )


@st.composite
def organisations(
    draw: st.DrawFn, *, kind: OrganisationKind | None = None, hostile: bool = True
) -> Organisation:
    """An organisation from a realistic catalogue (real names and numbers where known).

    Municipalities always have a kommunenummer; organisation numbers are valid;
    ``valid_from <= valid_to``.
    """
    seeds = [s for s in _MUNICIPALITIES + _HOSPITAL_TRUSTS + _OTHER_PARTIES
             if kind is None or s.kind is kind]  # fmt: skip
    return _organisation(draw, _pick(draw, seeds), hostile, in_partnership=False)


def _role(draw: st.DrawFn, ctx: _Ctx) -> Role:
    title, kind = _pick(draw, _ROLE_TITLES)
    valid_from = _maybe_date(draw, MIN_DATE, MAX_DATE)
    return Role(
        title=title,
        kind=kind,
        organisation=_maybe_pick(draw, ctx.party_ids),
        organisation_text=_maybe_text(draw, ctx.hostile, 3),
        body=_maybe_pick(draw, ctx.body_ids),
        valid_from=valid_from,
        valid_to=_maybe_date(draw, valid_from or MIN_DATE, MAX_DATE),
    )


@st.composite
def roles(draw: st.DrawFn, *, partnership: Partnership | None = None, hostile: bool = True) -> Role:
    """A role as written ("styreleder") with kind; organisation and body are ids of
    ``partnership``."""
    return _role(draw, _ctx(hostile, partnership))


def _person(draw: st.DrawFn, ctx: _Ctx) -> Person:
    name = _person_name(draw)
    person_roles = _repeat(draw, lambda: _role(draw, ctx), 1 if ctx.parties else 2)
    email = f"{_slug(name).replace('-', '.')}@example.no" if _bool(draw) else None
    text = _maybe(draw, lambda: Person(name=name, roles=person_roles).display())
    return Person(name=name, roles=person_roles, text=text, email=email)


@st.composite
def persons(
    draw: st.DrawFn, *, partnership: Partnership | None = None, hostile: bool = True
) -> Person:
    """A person with a Norwegian or Sámi name and roles referring to ``partnership``."""
    return _person(draw, _ctx(hostile, partnership))


def _parties(draw: st.DrawFn, hostile: bool, max_extra: int = 3) -> tuple[Organisation, ...]:
    """>= 1 municipality (with kommunenummer), >= 1 hospital trust, others; unique ids."""
    kommuner = _some(draw, _MUNICIPALITIES, 2, 1)
    trusts = _some(draw, _HOSPITAL_TRUSTS, 1, 1)
    others = _some(draw, _OTHER_PARTIES, max_extra)
    seeds = [*trusts, *kommuner, *others]
    # A hospital trust's owner is a regional health authority of the partnership, if any.
    rhf = [s.key for s in others if s.kind is OrganisationKind.REGIONAL_HEALTH_AUTHORITY]
    orgs = [
        _organisation(draw, seed, hostile, in_partnership=True,
                      parent=_maybe_pick(draw, rhf) if seed.kind is OrganisationKind.HOSPITAL_TRUST else None)
        for seed in seeds
    ]  # fmt: skip
    # Two parties of one partnership with one organisation number (a generated number can
    # repeat one drawn before, "000000000" twice when shrinking) is PART005: keep the first.
    seen: set[OrganisationNumber] = set()
    for i, o in enumerate(orgs):
        if o.organisation_number is not None:
            if o.organisation_number in seen:
                orgs[i] = evolve(o, organisation_number=None)
            seen.add(o.organisation_number)
    return tuple(orgs)
