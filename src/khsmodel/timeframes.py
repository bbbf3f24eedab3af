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

from ._base import Period, Precision, model
from .errors import FieldValueError
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
        raise FieldValueError(
            "year",
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
            raise FieldValueError("month", f"month must be 1..12, got {self.month}")
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
    text: str, *, year: int | None = None, body: str | None = None, period: Period | None = None
) -> Interpretation | None:
    """Best-effort interpretation of a Norwegian timeframe text.

    ``year`` fills in texts without a year ("April" in a 2016 plan); ``body``
    is the body whose next meeting "Neste møte" means. ``period``, the plan's,
    picks the year instead: the first year of the period in which the text's
    time lies inside it ("Medio juni" in a plan from 23 September 2021 is June
    2022). Returns None when the text cannot be resolved; the caller keeps the
    text either way.

    Understood: a year ("2016", "2016-2017"), a date ("15 mars", "16.
    februar", "01.09.2025"), a month with or without a part ("April", "Medio
    juni", "ultimo mars 2022"), a start ("Starter i april"), a deadline
    ("innen 1. oktober", "innen utgangen av 2021", "innen utgangen av mars"),
    a season or half of a year ("Våren 2022" January–June, "Høsten 2021"
    August–December, "Sommeren 2022" June–August, "1. halvår 2022"), a
    quarter ("1. kvartal 2022", "Q3 2022"), the next meeting ("Neste møte")
    and a named meeting a measure runs until ("til og med partnerskapsmøtet
    2022").

    >>> interpret_timeframe("Neste møte", body="osu")
    NextMeeting(body='osu', date=None)
    >>> interpret_timeframe("Starter i april", year=2016)
    StartingFrom(start=datetime.date(2016, 4, 1), precision=<Precision.MONTH: 'month'>)
    >>> interpret_timeframe("Høsten 2021")
    Between(start=datetime.date(2021, 8, 1), end=datetime.date(2021, 12, 31))
    >>> import datetime as dt
    >>> plan_period = Period(start=dt.date(2021, 9, 23))
    >>> interpret_timeframe("Medio juni", period=plan_period)
    InMonth(year=2022, month=6, part=<MonthPart.MID: 'mid'>)
    >>> interpret_timeframe("til og med partnerskapsmøtet 2022")
    AtEvent(name='partnerskapsmøtet 2022', body=None, date=None)
    >>> interpret_timeframe("Tidsplan i samarbeid med kommunene", year=2016) is None
    True
    """
    if period is not None and period.first_day is not None and not re.search(r"\d{4}", text):
        return _within(text, body, period, period.first_day, year)
    return _interpret(text, year, body)


def _within(
    text: str, body: str | None, period: Period, start: dt.date, year: int | None
) -> Interpretation | None:
    """The reading of a text without a year whose time falls inside ``period``."""
    end = period.last_day
    last_year = end.year if end is not None else start.year + 1
    first_try: Interpretation | None = None
    for y in range(start.year, max(last_year, start.year) + 1):
        got = _interpret(text, y, body)
        if got is None:  # not a day in this year ("29. februar" in 2023), or not a time
            continue
        first_try = first_try or got
        rng = got.date_range()
        if rng is None or (rng[0] is None and rng[1] is None):
            return got  # no date: the year does not matter
        lo, hi = rng
        if lo is not None and hi is not None:  # a span or a day: it overlaps the period
            inside = hi >= start and (end is None or lo <= end)
        else:  # an open start or a deadline: its one date lies in the period
            inside = period.contains(lo or hi)  # type: ignore[arg-type]
        if inside:
            return got
    return _interpret(text, year, body) if year is not None else first_try


_SEASONS = {"våren": (1, 6), "vår": (1, 6), "høsten": (8, 12), "høst": (8, 12),
            "sommeren": (6, 8), "sommer": (6, 8)}  # fmt: skip
_ORDINALS = {"1": 1, "første": 1, "2": 2, "andre": 2, "3": 3, "tredje": 3, "4": 4, "fjerde": 4}


def _months_span(year: int, first: int, last: int) -> Between:
    return Between(start=dt.date(year, first, 1), end=_month_bounds(year, last, None)[1])


def _interpret(text: str, year: int | None, body: str | None) -> Interpretation | None:
    t = " ".join(text.replace("\n", " ").split()).lower().rstrip(".")
    if not t:
        return None
    # a year outside PLAUSIBLE_YEARS ("0000", "3016") is a typing error: not resolved
    if any(int(y) not in PLAUSIBLE_YEARS for y in re.findall(r"\d{4}", t)) or (
        year is not None and year not in PLAUSIBLE_YEARS
    ):
        return None
    if re.fullmatch(r"(?:(?:innen|til|frem til|fram til|til og med)\s+)?(neste|førstkommende) møte", t):
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
    return _interpret_spans(t, year, " ".join(text.split()).rstrip("."))


def _interpret_spans(t: str, year: int | None, as_written: str) -> Interpretation | None:
    """Seasons, halves and quarters of a year, deadlines at the end of one, named meetings."""
    seasons = "|".join(_SEASONS)
    m = re.fullmatch(rf"(?:i\s+løpet\s+av\s+)?({seasons})(?:\s+(\d{{4}}))?", t)
    if m and (m[2] or year):
        return _months_span(int(m[2] or year or 0), *_SEASONS[m[1]])
    ordinals = "|".join(_ORDINALS)
    m = re.fullmatch(rf"(?:({ordinals})\.?\s*kvartal|q([1-4]))(?:\s+(\d{{4}}))?", t)
    if m and (m[3] or year):
        q = _ORDINALS[m[1]] if m[1] else int(m[2])
        return _months_span(int(m[3] or year or 0), 3 * q - 2, 3 * q)
    m = re.fullmatch(rf"({ordinals})\.?\s*halvår(?:\s+(\d{{4}}))?", t)
    if m and (m[2] or year) and _ORDINALS[m[1]] <= 2:
        h = _ORDINALS[m[1]]
        return _months_span(int(m[2] or year or 0), 6 * h - 5, 6 * h)
    m = re.fullmatch(r"(?:(?:innen|senest)\s+utgangen\s+av|til og med)\s+(\d{4})", t)
    if m:
        return ByDate(date=dt.date(int(m[1]), 12, 31))
    m = re.fullmatch(
        rf"(?:innen|til og med|senest)\s+(?:utgangen\s+av\s+)?({_MONTH_RE})(?:\s+(\d{{4}}))?", t
    )
    if m and (m[2] or year):
        return ByDate(date=_month_bounds(int(m[2] or year or 0), _month_no(m[1]), None)[1])
    m = re.fullmatch(
        r"(?:til og med|frem til|fram til|innen)\s+(\S.*møte.*)", as_written, re.I
    )
    if m:  # a meeting named as the end, as written: its date is not known from the words
        return AtEvent(name=m[1])
    return None
