"""The drawing helpers every strategy uses: the context (parties, bodies, a date
window), cached primitive draws, dates, partial dates and small text helpers."""

from __future__ import annotations

import datetime as dt
import functools
import unicodedata
from collections.abc import Callable, Sequence
from typing import TypeVar

import attrs
from hypothesis import strategies as st

from .._base import SEASON_MONTHS, PartialDate, Period
from ..parties import Organisation
from ..partnerships import Body, Partnership
from ..timeframes import MONTHS_NB
from ._vocabulary import MAX_DATE, MIN_DATE

# Internal code draws through a few cached primitive strategies (integers,
# booleans) instead of building ``st.none() | ...`` or ``st.lists(...)``
# objects per value: hypothesis validates every new strategy object, and that
# cost dominated. Public strategies are thin ``st.composite`` wrappers.

_T = TypeVar("_T")


def _unwrapped(strategy: st.SearchStrategy[_T]) -> st.SearchStrategy[_T]:
    """The strategy behind hypothesis' lazy wrapper: drawing it skips an unwrap per draw
    (about a quarter of the generation time here). The attribute is hypothesis-internal;
    without it the wrapper itself is used, which is only slower."""
    return getattr(strategy, "wrapped_strategy", strategy)


_BOOLEANS = _unwrapped(st.booleans())


@attrs.frozen
class _Ctx:
    """What a value may refer to: the partnership's parties and bodies; a date window."""

    hostile: bool = True
    parties: tuple[Organisation, ...] = ()
    bodies: tuple[Body, ...] = ()
    lo: dt.date = MIN_DATE
    hi: dt.date = MAX_DATE
    #: The most votes a decision may count (a meeting's exact participant count).
    max_votes: int | None = None

    @property
    def party_ids(self) -> tuple[str, ...]:
        return tuple(p.id for p in self.parties)

    @property
    def body_ids(self) -> tuple[str, ...]:
        return tuple(b.id for b in self.bodies)

    def within(self, lo: dt.date | None, hi: dt.date | None) -> _Ctx:
        return attrs.evolve(self, lo=lo or self.lo, hi=hi or self.hi)


def _ctx(
    hostile: bool, partnership: Partnership | None = None, within: Period | None = None
) -> _Ctx:
    ctx = _Ctx(hostile=hostile)
    if partnership is not None:
        ctx = attrs.evolve(ctx, parties=partnership.parties, bodies=partnership.bodies)
    if within is not None:
        ctx = ctx.within(within.first_day, within.last_day)
    return ctx


@functools.lru_cache(maxsize=8192)
def _integers(lo: int, hi: int) -> st.SearchStrategy[int]:
    return _unwrapped(st.integers(lo, hi))


def _int(draw: st.DrawFn, lo: int, hi: int) -> int:
    return lo if hi <= lo else draw(_integers(lo, hi))


def _bool(draw: st.DrawFn) -> bool:
    return draw(_BOOLEANS)


def _one_in(draw: st.DrawFn, n: int) -> bool:
    """True about once in ``n`` draws (False is the simpler, shrunk value)."""
    return _int(draw, 1, n) == n


#: Tags a top-level document can carry; most documents are Bokmål, the default.
_LANGUAGE_TAGS = ("nn", "se", "smj", "sma", "en", "nb-NO", "nn-NO", "se-NO", "en-GB")


def _language(draw: st.DrawFn) -> str:
    return _pick(draw, _LANGUAGE_TAGS) if _one_in(draw, 4) else "nb"


def _pick(draw: st.DrawFn, items: Sequence[_T]) -> _T:
    """One of ``items`` (shrinks towards the first)."""
    return items[_int(draw, 0, len(items) - 1)]


def _maybe(draw: st.DrawFn, make: Callable[[], _T]) -> _T | None:
    """``make()`` or None (shrinks to None)."""
    return make() if _bool(draw) else None


def _maybe_pick(draw: st.DrawFn, items: Sequence[_T]) -> _T | None:
    """None or one of ``items``, in one draw (0 is None, the shrunk value)."""
    k = _int(draw, 0, len(items))
    return items[k - 1] if k else None


def _date(draw: st.DrawFn, lo: dt.date, hi: dt.date) -> dt.date:
    return lo + dt.timedelta(days=_int(draw, 0, (hi - lo).days))


def _maybe_date(draw: st.DrawFn, lo: dt.date, hi: dt.date) -> dt.date | None:
    """None or a day in [lo, hi], in one draw."""
    k = _int(draw, 0, max(0, (hi - lo).days) + 1)
    return lo + dt.timedelta(days=k - 1) if k else None


def _covering(draw: st.DrawFn, day: dt.date) -> PartialDate:
    """The year, the month or a season of ``day`` (one that covers it)."""
    seasons = [s for s, (a, b) in SEASON_MONTHS.items() if a <= day.month <= b]
    k = _int(draw, 0, 1 + len(seasons))
    if k == 0:
        return PartialDate(year=day.year)
    if k == 1:
        return PartialDate(year=day.year, month=day.month)
    return PartialDate(year=day.year, season=seasons[k - 2])


def _coarse(draw: st.DrawFn, day: dt.date | None) -> dt.date | PartialDate | None:
    """Now and then the year, month or season of ``day`` only, as sources write "i 2009",
    "fra mars 2016", "våren 2022" (it covers ``day``: bounds drawn around dates stay in
    order)."""
    if day is None or not _one_in(draw, 5):
        return day
    return _covering(draw, day)


@st.composite
def partial_dates(
    draw: st.DrawFn, *, min_date: dt.date = MIN_DATE, max_date: dt.date = MAX_DATE
) -> PartialDate:
    """A date known only to the year, month or season ("2009", "mars 2016", "våren 2022")
    that covers a day within the bounds."""
    return _covering(draw, _date(draw, min_date, max_date))


def _some(draw: st.DrawFn, items: Sequence[_T], max_n: int, min_n: int = 0) -> tuple[_T, ...]:
    """Between ``min_n`` and ``max_n`` distinct items of ``items``, in their order."""
    n = _int(draw, min(min_n, len(items)), min(max_n, len(items)))
    chosen: set[int] = set()
    for _ in range(n):
        k = _int(draw, 0, len(items) - 1)
        while k in chosen:  # next free index, wrapping
            k = (k + 1) % len(items)
        chosen.add(k)
    return tuple(items[k] for k in sorted(chosen))


def _sorted_dates(draw: st.DrawFn, n: int, lo: dt.date, hi: dt.date) -> list[dt.date]:
    """``n`` distinct dates in order (fewer when the window is too short)."""
    span = (hi - lo).days + 1
    chosen: set[int] = set()
    for _ in range(min(n, max(span, 0))):
        offset = _int(draw, 0, span - 1)
        while offset in chosen:  # next free day, wrapping: always terminates
            offset = (offset + 1) % span
        chosen.add(offset)
    return [lo + dt.timedelta(days=o) for o in sorted(chosen)]


def _repeat(draw: st.DrawFn, make: Callable[[], _T], max_n: int, min_n: int = 0) -> tuple[_T, ...]:
    return tuple(make() for _ in range(_int(draw, min_n, max_n)))


def _norm(text: str) -> str:
    """Comparison key for "the same text": NFC, case-folded, whitespace collapsed."""
    return " ".join(unicodedata.normalize("NFC", text).casefold().split())


_FOLD = str.maketrans({"æ": "ae", "ø": "o", "å": "a", "đ": "d", "ŋ": "n", "ŧ": "t"})


def _slug(text: str) -> str:
    folded = unicodedata.normalize("NFKD", text.lower().translate(_FOLD))
    ascii_only = "".join(c for c in folded if c.isascii())
    return "-".join("".join(c if c.isalnum() else " " for c in ascii_only).split()) or "x"


def _date_nb(day: dt.date, *, year: bool = True) -> str:
    """A date as Norwegian documents print it: "8. februar 2016"."""
    text = f"{day.day}. {MONTHS_NB[day.month - 1]}"
    return f"{text} {day.year}" if year else text


def _cap(text: str) -> str:
    return text[:1].upper() + text[1:]
