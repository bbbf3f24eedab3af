"""Strategies for the building blocks of :mod:`khsmodel._base`: paragraphs and
lists, emphases, event references, periods, links, resources."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

from hypothesis import strategies as st

from .._base import (
    Emphasis,
    EmphasisKind,
    EventRef,
    ItemList,
    Link,
    Paragraph,
    Period,
    Resource,
    ResourceKind,
)
from ..partnerships import Partnership
from ._draw import (
    _bool,
    _coarse,
    _Ctx,
    _ctx,
    _date,
    _date_nb,
    _int,
    _maybe,
    _maybe_date,
    _maybe_pick,
    _one_in,
    _pick,
    _repeat,
)
from ._text import _maybe_text, _text
from ._vocabulary import _URLS, MAX_DATE, MIN_DATE


def _emphasis(draw: st.DrawFn, text: str) -> tuple[Emphasis, ...]:
    """Up to two emphasised, ordered, non-overlapping ranges of ``text`` (often none)."""
    n = _int(draw, 0, 3)
    if n < 2 or len(text) < 2:  # half of the paragraphs have none
        return ()
    cuts = sorted({_int(draw, 0, len(text)) for _ in range(2 * (n - 1))} | {0, len(text)})
    pairs = list(zip(cuts[1::2], cuts[2::2], strict=False))
    kinds = tuple(EmphasisKind)
    return tuple(
        Emphasis(start=a, end=b, kind=kinds[_int(draw, 0, len(kinds) - 1)])
        for a, b in pairs
        if a < b
    )


def _block(draw: st.DrawFn, hostile: bool) -> Paragraph | ItemList:
    if _bool(draw):
        text = _text(draw, hostile, 14)
        return Paragraph(text=text, emphasis=_emphasis(draw, text))
    items = _repeat(draw, lambda: _text(draw, hostile), 4, 1)
    if _bool(draw):
        return ItemList(items=items, ordered=True, start=_int(draw, 1, 5))
    return ItemList(items=items)


def _blocks(draw: st.DrawFn, ctx: _Ctx, max_n: int = 2) -> tuple[Paragraph | ItemList, ...]:
    return _repeat(draw, lambda: _block(draw, ctx.hostile), max_n)


@st.composite
def emphases(draw: st.DrawFn, *, length: int = 40) -> Emphasis:
    """An italic or bold range within a text of ``length`` (at least 1) characters."""
    start = _int(draw, 0, length - 1)
    end = _int(draw, start + 1, length)
    kind = tuple(EmphasisKind)[_int(draw, 0, len(EmphasisKind) - 1)]
    return Emphasis(start=start, end=end, kind=kind)


@st.composite
def blocks(draw: st.DrawFn, *, hostile: bool = True) -> Paragraph | ItemList:
    """A paragraph or a (bulleted or numbered) list."""
    return _block(draw, hostile)


def _event_ref(
    draw: st.DrawFn, bodies: Sequence[str], lo: dt.date, hi: dt.date, dated: bool | None
) -> EventRef:
    day = _date(draw, lo, hi) if (dated or (dated is None and _bool(draw))) else None
    year = (day or lo).year
    name = _pick(draw, (f"partnerskapsmøtet {year}", f"eiermøtet {year}", f"OSU-møtet {year}",
                        f"Fagdag i Guovdageaidnu {year}", "regional rehabiliteringskonferanse"))  # fmt: skip
    return EventRef(name=name, body=_maybe_pick(draw, bodies), date=day)


@st.composite
def event_refs(
    draw: st.DrawFn,
    *,
    bodies: Sequence[str] = (),
    min_date: dt.date = MIN_DATE,
    max_date: dt.date = MAX_DATE,
    dated: bool | None = None,
) -> EventRef:
    """A named event ("partnerskapsmøtet 2022"), optionally of a body (id) and dated."""
    return _event_ref(draw, bodies, min_date, max_date, dated)


def _period_text(start: dt.date | None, end: dt.date | None, event: EventRef | None) -> str:
    if event is not None:
        return f"{_date_nb(start) if start else 'Fra nå'} til og med {event.name}"
    if start and end and (start.month, start.day, end.month, end.day) == (1, 1, 12, 31):
        return f"{start.year}-{end.year}" if start.year != end.year else str(start.year)
    return f"{_date_nb(start) if start else ''} – {_date_nb(end) if end else ''}".strip()


def _period(
    draw: st.DrawFn, *, bounded: bool, lo: dt.date, hi: dt.date, bodies: Sequence[str],
    min_days: int = 0, max_days: int = 3 * 366,
) -> Period:  # fmt: skip
    max_days = max(max_days, min_days)
    latest_start = max(lo, hi - dt.timedelta(days=min_days))
    start = _date(draw, lo, latest_start) if bounded or _bool(draw) else None
    end: dt.date | None = None
    if bounded or _bool(draw):
        base = start or lo
        end_lo = min(hi, base + dt.timedelta(days=min_days))
        end_hi = max(end_lo, min(hi, base + dt.timedelta(days=max_days)))
        if start is not None and dt.date(start.year, 1, 1) >= lo and _bool(draw):
            # calendar years, the common case for plans ("2016-2017")
            jan1 = dt.date(start.year, 1, 1)
            first_end = jan1 + dt.timedelta(days=min_days)
            last_end = min(hi, jan1 + dt.timedelta(days=max_days))
            years = [y for y in range(start.year, last_end.year + 1)
                     if first_end <= dt.date(y, 12, 31) <= last_end]  # fmt: skip
            if years:
                start, end = jan1, dt.date(_pick(draw, years), 12, 31)
        if end is None:
            end = _date(draw, end_lo, end_hi)
    event = None
    if end is not None and _one_in(draw, 4):
        event = _event_ref(draw, bodies, end, end, dated=True)
        if _bool(draw):
            end = None  # only the event (and its date) bounds the period
    text = _maybe(draw, lambda: _period_text(start, end or (event.date if event else None), event))
    if text is None:  # a period written "2009–2017" with no day is two partial dates
        return Period(start=_coarse(draw, start), end=_coarse(draw, end), end_event=event)
    return Period(start=start, end=end, end_event=event, text=text or None)


@st.composite
def periods(
    draw: st.DrawFn,
    *,
    bounded: bool = False,
    min_date: dt.date = MIN_DATE,
    max_date: dt.date = MAX_DATE,
    bodies: Sequence[str] = (),
    min_days: int = 0,
    max_days: int = 3 * 366,
) -> Period:
    """A period with start <= end (``effective_end``). ``bounded=True``: both ends known.

    Plans mostly run over calendar years ("2016-2017"). The end may be an event
    ("til og med partnerskapsmøtet 2022") whose date is then the effective end;
    ``end`` is then either None or that same date.
    """
    return _period(draw, bounded=bounded, lo=min_date, hi=max_date, bodies=bodies,
                   min_days=min_days, max_days=max_days)  # fmt: skip


def _link(draw: st.DrawFn, hostile: bool) -> Link:
    return Link(title=_text(draw, hostile, 6), url=_maybe_pick(draw, _URLS),
                description=_maybe_text(draw, hostile))  # fmt: skip


@st.composite
def links(draw: st.DrawFn, *, hostile: bool = True) -> Link:
    """A link: title as written, optional URL and description."""
    return _link(draw, hostile)


def _resource(draw: st.DrawFn, ctx: _Ctx) -> Resource:
    return Resource(
        kind=_pick(draw, tuple(ResourceKind)),
        title=_text(draw, ctx.hostile, 6),
        url=_maybe_pick(draw, _URLS),
        body=_maybe_pick(draw, ctx.body_ids),
        date=_maybe_date(draw, MIN_DATE, MAX_DATE),
        period=_maybe(draw, lambda: _period(draw, bounded=True, lo=MIN_DATE, hi=MAX_DATE,
                                            bodies=ctx.body_ids)),
        text=_blocks(draw, ctx, 1),
    )  # fmt: skip


@st.composite
def resources(
    draw: st.DrawFn, *, partnership: Partnership | None = None, hostile: bool = True
) -> Resource:
    """A published resource (minutes, statutes, a report …); ``body`` a body of ``partnership``."""
    return _resource(draw, _ctx(hostile, partnership))
