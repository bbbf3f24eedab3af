"""Timeframes: the text as written plus a structured interpretation where one can be made.

Plans say "Neste møte", "Medio juni", "Starter i april", "2016", "15 mars".
A :class:`Timeframe` always keeps that text; ``interpretation`` is one of the
small classes below, or None when the text cannot be resolved. Rules and
charts use the interpretation; exporters print the text.

>>> from khsmodel import Timeframe, interpret_timeframe
>>> interpret_timeframe("Medio juni", year=2016)
InMonth(year=2016, month=6, part=<MonthPart.MID: 'mid'>)
>>> Timeframe(text="15 mars", interpretation=interpret_timeframe("15 mars", year=2016)).date_range()
(datetime.date(2016, 3, 15), datetime.date(2016, 3, 15))
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
from enum import StrEnum
from typing import ClassVar

from ._base import model
from .errors import KhsModelError
from .identifiers import PLAUSIBLE_YEARS

__all__ = [
    "AtEvent",
    "Between",
    "ByDate",
    "InMonth",
    "InYear",
    "Interpretation",
    "MonthPart",
    "NextMeeting",
    "OnDate",
    "Precision",
    "StartingFrom",
    "Timeframe",
    "interpret_timeframe",
]

MONTHS_NB = (
    "januar", "februar", "mars", "april", "mai", "juni",
    "juli", "august", "september", "oktober", "november", "desember",
)  # fmt: skip


class MonthPart(StrEnum):
    """Part of a month: primo (early), medio (mid), ultimo (late)."""

    EARLY = "early"
    MID = "mid"
    LATE = "late"


class Precision(StrEnum):
    DAY = "day"
    MONTH = "month"
    YEAR = "year"


def _month_bounds(year: int, month: int, part: MonthPart | None) -> tuple[dt.date, dt.date]:
    last = calendar.monthrange(year, month)[1]
    if part is MonthPart.EARLY:
        return dt.date(year, month, 1), dt.date(year, month, 10)
    if part is MonthPart.MID:
        return dt.date(year, month, 11), dt.date(year, month, 20)
    if part is MonthPart.LATE:
        return dt.date(year, month, 21), dt.date(year, month, last)
    return dt.date(year, month, 1), dt.date(year, month, last)


def _check_year(year: int) -> None:
    if year not in PLAUSIBLE_YEARS:
        raise KhsModelError(
            f"year must be {PLAUSIBLE_YEARS.start}..{PLAUSIBLE_YEARS.stop - 1}, got {year}"
        )


@model
class OnDate:
    """On a given day: "15 mars", "16. februar"."""

    KIND: ClassVar[str] = "date"
    date: dt.date

    def date_range(self) -> tuple[dt.date, dt.date]:
        return self.date, self.date


@model
class InMonth:
    """In a month, optionally early/mid/late: "April", "Mars 2016", "Medio juni"."""

    KIND: ClassVar[str] = "month"
    year: int
    month: int
    part: MonthPart | None = None

    def __attrs_post_init__(self) -> None:
        if not 1 <= self.month <= 12:
            raise KhsModelError(f"month must be 1..12, got {self.month}")
        _check_year(self.year)

    def date_range(self) -> tuple[dt.date, dt.date]:
        return _month_bounds(self.year, self.month, self.part)


@model
class InYear:
    """Some time in a year: "2016"."""

    KIND: ClassVar[str] = "year"
    year: int

    def __attrs_post_init__(self) -> None:
        _check_year(self.year)

    def date_range(self) -> tuple[dt.date, dt.date]:
        return dt.date(self.year, 1, 1), dt.date(self.year, 12, 31)


@model
class Between:
    """Between two dates."""

    KIND: ClassVar[str] = "period"
    start: dt.date
    end: dt.date

    def date_range(self) -> tuple[dt.date, dt.date]:
        return self.start, self.end


@model
class StartingFrom:
    """Starting at a date, month or year, open-ended: "Starter i april"."""

    KIND: ClassVar[str] = "start"
    start: dt.date
    precision: Precision = Precision.DAY

    def date_range(self) -> tuple[dt.date, None]:
        return self.start, None


@model
class ByDate:
    """A deadline: done by (innen) a date."""

    KIND: ClassVar[str] = "deadline"
    date: dt.date

    def date_range(self) -> tuple[None, dt.date]:
        return None, self.date


@model
class NextMeeting:
    """At the next meeting of a body ("Neste møte"); ``date`` once that meeting is known."""

    KIND: ClassVar[str] = "next_meeting"
    body: str
    date: dt.date | None = None

    def date_range(self) -> tuple[dt.date, dt.date] | None:
        return (self.date, self.date) if self.date else None


@model
class AtEvent:
    """At a named meeting or event: "Skisse presenteres i OSU 8. februar"."""

    KIND: ClassVar[str] = "event"
    name: str
    body: str | None = None
    date: dt.date | None = None

    def date_range(self) -> tuple[dt.date, dt.date] | None:
        return (self.date, self.date) if self.date else None


#: The structured forms a timeframe text can take.
Interpretation = OnDate | InMonth | InYear | Between | StartingFrom | ByDate | NextMeeting | AtEvent


@model
class Timeframe:
    """A timeframe (tidsperspektiv): the text as written, and its interpretation if any."""

    text: str
    interpretation: Interpretation | None = None

    def date_range(self) -> tuple[dt.date | None, dt.date | None] | None:
        """(start, end) of the interpretation; either may be None when open. None if unresolved."""
        if self.interpretation is None:
            return None
        return self.interpretation.date_range()

    @property
    def resolved(self) -> bool:
        """True when the timeframe resolves to at least one date."""
        r = self.date_range()
        return r is not None and (r[0] is not None or r[1] is not None)


_MONTH_RE = "|".join(MONTHS_NB)
_PART_WORDS = {"primo": MonthPart.EARLY, "medio": MonthPart.MID, "ultimo": MonthPart.LATE,
               "tidlig i": MonthPart.EARLY, "midten av": MonthPart.MID, "slutten av": MonthPart.LATE,
               "begynnelsen av": MonthPart.EARLY, "utgangen av": MonthPart.LATE}  # fmt: skip


def _month_no(name: str) -> int:
    return MONTHS_NB.index(name.lower()) + 1


def _day(year: int, month: int, day: int) -> dt.date | None:
    """The date, or None for a day that does not exist ("30. februar", "31.04.2016")."""
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None


def interpret_timeframe(
    text: str, *, year: int | None = None, body: str | None = None
) -> Interpretation | None:
    """Best-effort interpretation of a Norwegian timeframe text.

    ``year`` fills in texts without a year ("April" in a 2016 plan); ``body``
    is the body whose next meeting "Neste møte" means. Returns None when the
    text cannot be resolved; the caller keeps the text either way.

    >>> interpret_timeframe("Neste møte", body="osu")
    NextMeeting(body='osu', date=None)
    >>> interpret_timeframe("Starter i april", year=2016)
    StartingFrom(start=datetime.date(2016, 4, 1), precision=<Precision.MONTH: 'month'>)
    >>> interpret_timeframe("Tidsplan i samarbeid med kommunene", year=2016) is None
    True
    """
    t = " ".join(text.replace("\n", " ").split()).lower().rstrip(".")
    if not t:
        return None
    # a year outside PLAUSIBLE_YEARS ("0000", "3016") is a typing error: not resolved
    if any(int(y) not in PLAUSIBLE_YEARS for y in re.findall(r"\d{4}", t)) or (
        year is not None and year not in PLAUSIBLE_YEARS
    ):
        return None
    if re.fullmatch(r"(neste|førstkommende) møte", t):
        return NextMeeting(body=body) if body else None
    m = re.fullmatch(r"(\d{4})", t)
    if m:
        return InYear(year=int(m[1]))
    m = re.fullmatch(r"(\d{4})\s*[-–]\s*(\d{4})", t)
    if m:  # "2017-2016" ends before it starts: no span
        first, last = _day(int(m[1]), 1, 1), _day(int(m[2]), 12, 31)
        return Between(start=first, end=last) if first and last and first <= last else None
    m = re.fullmatch(r"(\d{1,2})\.(\d{1,2})\.(\d{4})", t)
    if m:
        day = _day(int(m[3]), int(m[2]), int(m[1]))
        return OnDate(date=day) if day else None
    m = re.fullmatch(r"(\d{4})-(\d{2})-(\d{2})", t)
    if m:
        day = _day(int(m[1]), int(m[2]), int(m[3]))
        return OnDate(date=day) if day else None
    m = re.fullmatch(rf"(?:innen|senest)\s+(\d{{1,2}})\.?\s*({_MONTH_RE})(?:\s+(\d{{4}}))?", t)
    if m and (m[3] or year):
        day = _day(int(m[3] or year or 0), _month_no(m[2]), int(m[1]))
        return ByDate(date=day) if day else None
    m = re.fullmatch(rf"(\d{{1,2}})\.?\s*({_MONTH_RE})(?:\s+(\d{{4}}))?", t)
    if m and (m[3] or year):
        day = _day(int(m[3] or year or 0), _month_no(m[2]), int(m[1]))
        return OnDate(date=day) if day else None
    parts = "|".join(_PART_WORDS)
    m = re.fullmatch(rf"(?:({parts})\s+)?({_MONTH_RE})(?:\s+(\d{{4}}))?", t)
    if m and (m[3] or year):
        part = _PART_WORDS[m[1]] if m[1] else None
        return InMonth(year=int(m[3] or year or 0), month=_month_no(m[2]), part=part)
    m = re.fullmatch(
        rf"(?:starter|start|oppstart|fra)\s+(?:i\s+)?({_MONTH_RE})(?:\s+(\d{{4}}))?", t
    )
    if m and (m[2] or year):
        start = dt.date(int(m[2] or year or 0), _month_no(m[1]), 1)
        return StartingFrom(start=start, precision=Precision.MONTH)
    return None
