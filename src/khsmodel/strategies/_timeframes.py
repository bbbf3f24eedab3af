"""Strategies for :mod:`khsmodel.timeframes`: interpretations and the phrases
they are written as."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

import attrs
from hypothesis import strategies as st

from .._base import Period
from ..partnerships import Body, BodyKind
from ..timeframes import (
    MONTHS_NB,
    AtEvent,
    Between,
    ByDate,
    Frequency,
    InMonth,
    Interpretation,
    InYear,
    MonthPart,
    NextMeeting,
    OnDate,
    Ongoing,
    Precision,
    Recurring,
    StartingFrom,
    Timeframe,
)
from ._base import _period_text
from ._draw import (
    _bool,
    _cap,
    _Ctx,
    _ctx,
    _date,
    _date_nb,
    _int,
    _maybe,
    _maybe_pick,
    _one_in,
    _pick,
)
from ._text import _text
from ._vocabulary import _UNRESOLVED_TIMEFRAMES

_INTERPRETATION_KINDS: tuple[type, ...] = (
    OnDate, InMonth, InYear, Between, StartingFrom, ByDate, NextMeeting, AtEvent, Ongoing,
    Recurring,
)  # fmt: skip
_ONGOING_TEXT = ("Løpende", "Løpande", "Fortløpende", "Kontinuerlig", "Hele perioden",
                 "I løpet av planperioden")  # fmt: skip
_RECURRING_TEXT = {
    Frequency.YEARLY: ("Årlig", "Årleg", "Hvert år", "En gang i året"),
    Frequency.QUARTERLY: ("Kvartalsvis", "Hvert kvartal"),
    Frequency.MONTHLY: ("Hver måned", "Månedlig", "Kvar månad"),
    Frequency.PER_MEETING: ("Hvert møte", "Kvart møte"),
}


def _recurring(draw: st.DrawFn) -> tuple[Recurring, str]:
    """A recurrence and a text that says it, Bokmål or Nynorsk."""
    frequency = _pick(draw, tuple(Frequency))
    text = _pick(draw, _RECURRING_TEXT[frequency])
    if frequency is not Frequency.YEARLY:
        return Recurring(frequency=frequency), text
    if _one_in(draw, 4):
        interval = _int(draw, 2, 6)
        return Recurring(frequency=frequency, interval=interval), f"Hvert {interval}. år"
    month = _maybe(draw, lambda: _int(draw, 1, 12))
    if month is None:
        return Recurring(frequency=frequency), text
    return Recurring(frequency=frequency, month=month), f"{text} i {MONTHS_NB[month - 1]}"
_PART_TEXT = {MonthPart.EARLY: "primo", MonthPart.MID: "medio", MonthPart.LATE: "ultimo"}


def _interpretation(
    draw: st.DrawFn, kind: type, lo: dt.date, hi: dt.date, bodies: Sequence[str], ref_year: int
) -> tuple[Interpretation, str]:
    """An interpretation of ``kind`` whose dates lie in [lo, hi], and a text that says it.

    Where :func:`interpret_timeframe` understands the text, it gives back this
    interpretation (with ``year=ref_year``; without the date of a next meeting).
    A kind that cannot fit the window (a whole year in a short plan) becomes a date.
    """
    day = _date(draw, lo, hi)
    year_suffix = "" if day.year == ref_year and _bool(draw) else f" {day.year}"
    if kind is InMonth:
        part = _maybe_pick(draw, tuple(MonthPart))
        im = InMonth(year=day.year, month=day.month, part=part)
        first, last = im.date_range()
        if lo <= first and last <= hi:
            month = MONTHS_NB[day.month - 1]
            return im, _cap(f"{_PART_TEXT[part]} {month}" if part else month) + year_suffix
        kind = OnDate
    if kind is InYear:
        years = [y for y in range(lo.year, hi.year + 1)
                 if lo <= dt.date(y, 1, 1) and dt.date(y, 12, 31) <= hi]  # fmt: skip
        if years:
            year = _pick(draw, years)
            return InYear(year=year), str(year)
        kind = OnDate
    if kind is Between:
        first, last = sorted((day, _date(draw, lo, hi)))
        text = _period_text(first, last, None)
        # whole years are written as years ("2016-2017"), and read as such
        whole_years = (first.month, first.day, last.month, last.day) == (1, 1, 12, 31)
        precision = Precision.YEAR if whole_years else Precision.DAY
        return Between(start=first, end=last, precision=precision), text
    if kind is StartingFrom:
        precision = _pick(draw, tuple(Precision))
        if precision is Precision.MONTH and day.replace(day=1) >= lo:
            start = day.replace(day=1)
            text = f"Starter i {MONTHS_NB[start.month - 1]}{year_suffix}"
            return StartingFrom(start=start, precision=precision), text
        if precision is Precision.YEAR and day.replace(month=1, day=1) >= lo:
            start = day.replace(month=1, day=1)
            return StartingFrom(start=start, precision=precision), f"Fra {start.year}"
        return StartingFrom(start=day), f"Fra {_date_nb(day)}"
    if kind is ByDate:
        return ByDate(date=day), f"{_pick(draw, ('Innen', 'Senest'))} {_date_nb(day)}"
    if kind is NextMeeting and bodies:
        interpretation = NextMeeting(body=_pick(draw, bodies), date=_maybe(draw, lambda: day))
        return interpretation, _pick(draw, ("Neste møte", "Førstkommende møte"))
    if kind is AtEvent:
        name = _pick(draw, (f"Skisse presenteres i OSU {_date_nb(day, year=False)}", "Fagdag",
                            f"partnerskapsmøtet {day.year}", "Første møte med fylkekommunen"))  # fmt: skip
        return AtEvent(
            name=name, body=_maybe_pick(draw, bodies), date=_maybe(draw, lambda: day)
        ), name
    if kind is Ongoing:
        return Ongoing(), _pick(draw, _ONGOING_TEXT)
    if kind is Recurring:
        return _recurring(draw)
    # OnDate, and the fallback of every kind that does not fit
    style = _int(draw, 0, 2)
    if style == 0:
        text = _date_nb(day, year=bool(year_suffix))
    elif style == 1:
        text = f"{day.day} {MONTHS_NB[day.month - 1]}{year_suffix}"
    else:
        text = f"{day.day:02d}.{day.month:02d}.{day.year}"
    return OnDate(date=day), text


@st.composite
def interpretations(
    draw: st.DrawFn,
    *,
    within: Period | None = None,
    bodies: Sequence[str] = ("osu",),
    kinds: Sequence[type] = _INTERPRETATION_KINDS,
) -> Interpretation:
    """Any timeframe interpretation (every class), dates inside ``within`` if given."""
    ctx = _ctx(False, within=within)
    return _interpretation(draw, _pick(draw, tuple(kinds)), ctx.lo, ctx.hi, bodies, ctx.lo.year)[0]


def _timeframe(draw: st.DrawFn, ctx: _Ctx, ref_year: int | None = None) -> Timeframe:
    choice = _int(draw, 0, len(_INTERPRETATION_KINDS))
    if choice == len(_INTERPRETATION_KINDS):
        if ctx.hostile and _one_in(draw, 4):
            return Timeframe(text=_text(draw, True, 4))
        return Timeframe(text=_pick(draw, _UNRESOLVED_TIMEFRAMES))
    interpretation, text = _interpretation(
        draw, _INTERPRETATION_KINDS[choice], ctx.lo, ctx.hi, ctx.body_ids,
        ref_year if ref_year is not None else ctx.lo.year,
    )  # fmt: skip
    return Timeframe(text=text, interpretation=interpretation)


@st.composite
def timeframes(
    draw: st.DrawFn,
    *,
    within: Period | None = None,
    bodies: Sequence[str] = (),
    hostile: bool = True,
) -> Timeframe:
    """A timeframe: the text as written and, mostly, an interpretation (every class).

    Resolved dates lie inside ``within`` (the plan period). ``NextMeeting``
    needs ``bodies`` (ids); unresolvable texts ("Tidsplan i samarbeid med
    kommunene") have no interpretation. Texts are those the seeds use: "Medio
    juni", "Starter i april", "15 mars", "2016", "Neste møte".
    """
    ctx = attrs.evolve(_ctx(hostile, within=within), bodies=tuple(
        Body(id=b, kind=BodyKind.OTHER, name=b) for b in bodies))  # fmt: skip
    return _timeframe(draw, ctx)
