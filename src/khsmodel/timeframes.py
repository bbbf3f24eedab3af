"""Timeframes: the text as written plus a structured interpretation where one can be made.

Plans say "Neste møte", "Medio juni", "Starter i april", "2016", "15 mars",
"Hausten 2022", "Løpande", "Årlig i mars", "Etter behov". A :class:`Timeframe`
always keeps that text; ``interpretation`` is one of the small classes below,
or None when the text cannot be resolved or says no time. Rules, charts and
calendars use the interpretation; exporters print the text. docs/timeframes.md
lists every form read, in Bokmål and Nynorsk.

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
from collections.abc import Iterable, Iterator
from enum import StrEnum
from typing import ClassVar

from ._base import PartialDate, Period, Precision, model
from .errors import FieldValueError
from .identifiers import PLAUSIBLE_YEARS

__all__ = [
    "TEXT_ONLY",
    "AtEvent",
    "Between",
    "ByDate",
    "Frequency",
    "InMonth",
    "InYear",
    "Interpretation",
    "MonthPart",
    "NextMeeting",
    "OnDate",
    "Ongoing",
    "Precision",
    "Recurring",
    "StartingFrom",
    "Timeframe",
    "interpret_timeframe",
    "is_text_only",
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
    """Between two dates.

    ``precision`` is how the text states them: to the day ("10. mars - 6. mai
    2022", the default), by ISO weeks ("Uke 12"), months ("Mars - april 2021",
    a quarter, a half or a tertial of a year), a season ("Hausten 2021") or
    years ("2016-2017"); ``start`` and ``end`` are then the first and last day
    of what is named.
    """

    KIND: ClassVar[str] = "period"
    start: dt.date
    end: dt.date
    precision: Precision = Precision.DAY

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
    """A deadline: done by (innen) a date.

    ``precision`` is how the text states it: a day ("innen 1. juni", the
    default), a month ("innen utgangen av mars": ``date`` is its last day) or a
    year ("innen utgangen av 2021").
    """

    KIND: ClassVar[str] = "deadline"
    date: dt.date
    precision: Precision = Precision.DAY

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


@model
class Ongoing:
    """Through the whole plan period: "Løpende", "Fortløpende", "Kontinuerlig", "Hele perioden".

    Also "I løpet av planperioden", whose range is the same. Its date range is
    the period of the plan it belongs to, so it is given that period: from the
    first day of its start to the last day of its end (a period of years,
    "2022-2023", covers them whole):

    >>> import datetime as dt
    >>> from khsmodel import PartialDate
    >>> Ongoing().date_range(Period(start=dt.date(2022, 1, 1), end=dt.date(2023, 12, 31)))
    (datetime.date(2022, 1, 1), datetime.date(2023, 12, 31))
    >>> Ongoing().date_range(Period(start=PartialDate(year=2022), end=PartialDate(year=2023)))
    (datetime.date(2022, 1, 1), datetime.date(2023, 12, 31))
    >>> Ongoing().date_range() is None
    True
    """

    KIND: ClassVar[str] = "ongoing"

    def date_range(
        self, period: Period | None = None
    ) -> tuple[dt.date | None, dt.date | None] | None:
        """The plan's period as days (either end open), or None without one."""
        if period is None:
            return None
        start, end = period.first_day, period.last_day
        return None if start is None and end is None else (start, end)


class Frequency(StrEnum):
    """How often a :class:`Recurring` timeframe comes round."""

    YEARLY = "yearly"
    QUARTERLY = "quarterly"
    MONTHLY = "monthly"
    PER_MEETING = "per_meeting"


#: Months in one unit of each frequency (a per-meeting recurrence has none).
_UNIT_MONTHS = {Frequency.YEARLY: 12, Frequency.QUARTERLY: 3, Frequency.MONTHLY: 1}


@model
class Recurring:
    """Again and again: "Årlig", "Årlig i mars", "Kvartalsvis", "Hver måned", "Hvert møte".

    ``month`` is the month of a yearly recurrence where the text gives one;
    ``interval`` the number of units between occurrences ("Hvert 4. år" is 4).
    :meth:`occurrences` gives its times within a plan's period:

    >>> import datetime as dt
    >>> period = Period(start=dt.date(2021, 9, 23), end=dt.date(2023, 6, 30))
    >>> for first, last in Recurring(frequency=Frequency.YEARLY, month=3).occurrences(period):
    ...     print(first, last)
    2022-03-01 2022-03-31
    2023-03-01 2023-03-31
    """

    KIND: ClassVar[str] = "recurring"
    frequency: Frequency
    month: int | None = None
    interval: int = 1

    def __attrs_post_init__(self) -> None:
        if self.month is not None:
            if self.frequency is not Frequency.YEARLY:
                raise FieldValueError("month", f"a month is given only for a yearly recurrence, "
                                      f"not a {self.frequency.value} one")  # fmt: skip
            if not 1 <= self.month <= 12:
                raise FieldValueError("month", f"month must be 1..12, got {self.month}")
        if not 1 <= self.interval <= 100:
            raise FieldValueError("interval", f"interval must be 1..100, got {self.interval}")
        if self.frequency is Frequency.PER_MEETING and self.interval != 1:
            raise FieldValueError("interval", "a per-meeting recurrence has interval 1")

    def occurrences(
        self, period: Period, meetings: Iterable[dt.date] = ()
    ) -> Iterator[tuple[dt.date, dt.date]]:
        """Each occurrence inside ``period`` as (first day, last day), in order.

        An occurrence at an edge of the period is cut to it (a yearly one in a
        plan from 23 September gives 23 September–31 December first). A period
        without a start gives none; one without an end gives them without end
        (take what you need). A per-meeting recurrence occurs on each of
        ``meetings`` (the dates of the body's meetings) inside the period.
        """
        start, end = period.first_day, period.last_day
        if start is None:
            return
        if self.frequency is Frequency.PER_MEETING:
            for day in sorted(set(meetings)):
                if day >= start and (end is None or day <= end):
                    yield day, day
            return
        unit = _UNIT_MONTHS[self.frequency]
        length = 1 if self.month is not None else unit
        first = start.year * 12 + start.month - 1  # months since year 0
        if self.month is not None:
            idx = start.year * 12 + self.month - 1
            if idx < first:
                idx += 12
        else:
            idx = first - first % unit
        step = unit * self.interval
        while (idx + length - 1) // 12 <= dt.MAXYEAR:
            lo = dt.date(idx // 12, idx % 12 + 1, 1)
            if end is not None and lo > end:
                return
            last = idx + length - 1
            hi = _month_bounds(last // 12, last % 12 + 1, None)[1]
            yield max(lo, start), hi if end is None else min(hi, end)
            idx += step

    def date_range(
        self, period: Period | None = None
    ) -> tuple[dt.date | None, dt.date | None] | None:
        """From the first occurrence in ``period`` to the last (open when the period is);
        None without a period or without occurrences (a per-meeting recurrence)."""
        if period is None or self.frequency is Frequency.PER_MEETING:
            return None
        times = self.occurrences(period)
        first = next(times, None)
        if first is None:
            return None
        if period.last_day is None:
            return first[0], None
        last = first
        for last in times:  # noqa: B007 - the last one is wanted
            pass
        return first[0], last[1]


#: The structured forms a timeframe text can take.
Interpretation = (
    OnDate | InMonth | InYear | Between | StartingFrom | ByDate | NextMeeting | AtEvent | Ongoing
    | Recurring
)


@model
class Timeframe:
    """A timeframe (tidsperspektiv): the text as written, and its interpretation if any."""

    text: str
    interpretation: Interpretation | None = None

    def date_range(
        self, period: Period | None = None
    ) -> tuple[dt.date | None, dt.date | None] | None:
        """(start, end) of the interpretation; either may be None when open. None if unresolved.

        ``period`` is the plan's: an :class:`Ongoing` or :class:`Recurring`
        timeframe has dates only within one.
        """
        interp = self.interpretation
        if interp is None:
            return None
        if type(interp) is Ongoing or type(interp) is Recurring:
            return interp.date_range(period)
        return interp.date_range()

    def end(self, period: Period | None = None) -> dt.date | None:
        """The day the timeframe ends, or None when it has no end (or none is known): the
        end of :meth:`date_range`, the date the plan's timeline marks and the status report
        counts a measure late from.

        A dated event or milestone ("Skisse presenteres i OSU 8. februar") is the one
        day the plan gives, so it is that day, drawn as a date on the timeline; a start
        ("Oppstart 1. mars") has no end.

        >>> Timeframe(text="Skisse presenteres i OSU 8. februar", interpretation=AtEvent(
        ...     name="Skisse presenteres i OSU", date=dt.date(2016, 2, 8))).end()
        datetime.date(2016, 2, 8)
        >>> Timeframe(text="Medio juni", interpretation=InMonth(year=2016, month=6, part=MonthPart.MID)).end()
        datetime.date(2016, 6, 20)
        """
        rng = self.date_range(period)
        return None if rng is None else rng[1]

    def precision(self, period: Period | None = None) -> Precision | None:
        """How precisely the text states the timeframe's dates; None when it has none.

        A day: a date ("15 mars"), a span of days ("10. mars - 6. mai 2022"),
        a start or deadline on a day ("Oppstart 1. mars", "innen 1. juni"), a
        dated meeting. A month also for a part of one ("Medio juni" names no
        day: its ten days are a convention of the reading) and a monthly,
        quarterly or yearly-in-a-month recurrence; a year for "2016" and a
        yearly recurrence without a month. An ongoing timeframe is as precise
        as the plan's ``period``: a day when its ends are days, else the
        coarser of its ends.

        >>> Timeframe(text="15 mars", interpretation=OnDate(date=dt.date(2016, 3, 15))).precision()
        <Precision.DAY: 'day'>
        >>> Timeframe(text="Medio juni", interpretation=InMonth(year=2016, month=6, part=MonthPart.MID)).precision()
        <Precision.MONTH: 'month'>
        >>> Timeframe(text="Løpende", interpretation=Ongoing()).precision(
        ...     Period(start=PartialDate(year=2016), end=PartialDate(year=2017)))
        <Precision.YEAR: 'year'>
        """
        interp = self.interpretation
        rng = self.date_range(period)
        if interp is None or rng is None or (rng[0] is None and rng[1] is None):
            return None
        if isinstance(interp, Between | ByDate | StartingFrom):
            return interp.precision
        if isinstance(interp, InMonth):
            return Precision.MONTH
        if isinstance(interp, InYear):
            return Precision.YEAR
        if isinstance(interp, Recurring):
            yearly = interp.frequency is Frequency.YEARLY and interp.month is None
            return Precision.YEAR if yearly else Precision.MONTH
        if isinstance(interp, Ongoing):
            assert period is not None  # it has dates only within one
            ends = [e.precision for e in (period.start, period.effective_end)
                    if isinstance(e, PartialDate)]  # fmt: skip
            return max(ends, key=_COARSENESS.index) if ends else Precision.DAY
        return Precision.DAY  # OnDate, and a dated NextMeeting or AtEvent

    @property
    def resolved(self) -> bool:
        """True when the timeframe resolves to at least one date."""
        r = self.date_range()
        return r is not None and (r[0] is not None or r[1] is not None)


#: Precisions from the finest to the coarsest.
_COARSENESS = (Precision.DAY, Precision.WEEK, Precision.MONTH, Precision.SEASON, Precision.YEAR)
_MONTH_RE = "|".join(MONTHS_NB)
#: Short month names of day-and-month texts ("Innen 15.jan"), with their numbers.
_MONTH_ABBR = {"jan": 1, "feb": 2, "apr": 4, "jun": 6, "jul": 7, "aug": 8, "sep": 9, "sept": 9,
               "okt": 10, "nov": 11, "des": 12}  # fmt: skip
_DAY_MONTH_RE = rf"{_MONTH_RE}|(?:{'|'.join(sorted(_MONTH_ABBR, key=len, reverse=True))})\.?"
_PART_WORDS = {"primo": MonthPart.EARLY, "medio": MonthPart.MID, "ultimo": MonthPart.LATE,
               "tidlig i": MonthPart.EARLY, "midten av": MonthPart.MID, "slutten av": MonthPart.LATE,
               "begynnelsen av": MonthPart.EARLY, "utgangen av": MonthPart.LATE}  # fmt: skip

#: Nynorsk words of timeframes and their Bokmål equivalents: a text is read in Bokmål.
_NN_WORDS = {
    "hausten": "høsten", "haust": "høst", "sommaren": "sommeren", "sommar": "sommer",
    "innan": "innen", "seinast": "senest", "veke": "uke", "fyrste": "første", "sidan": "siden",
    "frå": "fra", "månad": "måned", "månaden": "måneden", "løpande": "løpende",
    "fortløpande": "fortløpende", "kontinuerleg": "kontinuerlig", "årleg": "årlig",
    "kvart": "hvert", "kvar": "hver", "annakvart": "annethvert", "månadleg": "månedlig",
    "heile": "hele", "ein": "en", "gong": "gang", "førstkomande": "førstkommende",
    "måndag": "mandag", "tysdag": "tirsdag", "laurdag": "lørdag", "sundag": "søndag",
    "byrjinga": "begynnelsen",
}  # fmt: skip
_WORD = re.compile(r"[^\W\d_]+")
_WEEKDAYS = ("mandag", "tirsdag", "onsdag", "torsdag", "fredag", "lørdag", "søndag")
_WEEKDAY_PREFIX = re.compile(rf"({'|'.join(_WEEKDAYS)}),?\s+")

#: Phrases that deliberately stay text only: they say no time ("Etter behov",
#: "Ikke aktuelt", "Så snart som råd"). :func:`is_text_only` tells them apart
#: from a timeframe not (yet) read.
TEXT_ONLY: frozenset[str] = frozenset((
    "etter behov", "ved behov", "etter avtale", "ikke aktuelt", "ikkje aktuelt",
    "ikke relevant", "ikkje relevant", "så snart som mulig", "så snart som mogleg",
    "så snart som råd", "så snart råd er", "snarest", "snarast", "snarest mulig",
    "ikke fastsatt", "ikkje fastsett", "ikke avklart", "ikkje avklart", "under avklaring",
    "uten dato", "utan dato", "ingen frist", "-",
))  # fmt: skip


def is_text_only(text: str) -> bool:
    """True when ``text`` is a deliberate text-only timeframe (:data:`TEXT_ONLY`).

    >>> is_text_only("Etter behov"), is_text_only("Så snart som råd."), is_text_only("April")
    (True, True, False)
    """
    return " ".join(text.split()).lower().strip("().") in TEXT_ONLY


def _month_no(name: str) -> int:
    name = name.lower().rstrip(".")
    if name in _MONTH_ABBR:
        return _MONTH_ABBR[name]
    return MONTHS_NB.index(name) + 1


def _day(year: int, month: int, day: int) -> dt.date | None:
    """The date, or None for a day that does not exist ("30. februar", "31.04.2016")."""
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None


def interpret_timeframe(
    text: str, *, year: int | None = None, body: str | None = None, period: Period | None = None
) -> Interpretation | None:
    """Best-effort interpretation of a Norwegian (Bokmål or Nynorsk) timeframe text.

    ``year`` fills in texts without a year ("April" in a 2016 plan); ``body``
    is the body whose next meeting "Neste møte" means. ``period``, the plan's,
    picks the year instead: the first year of the period in which the text's
    time lies inside it ("Medio juni" in a plan from 23 September 2021 is June
    2022). Returns None when the text cannot be resolved, or says no time
    (:func:`is_text_only`); the caller keeps the text either way. It raises
    nothing, whatever the text: a year outside 1900..2100, written or given,
    is read as a typing error (None).

    Understood (docs/timeframes.md has the full table): a year ("2016", "I
    løpet av 2022", "2016-2017", "2025 - 2028"), a date ("15 mars", "16.
    februar", "7.april 2022", "Tysdag 18. oktober 2016", "01.09.2025",
    "30.11.22", "Fredag 28/11"), a span of dates or months ("10. mars - 6. mai
    2022", "Mars - april 2021"), a month with or without a part ("April",
    "Medio juni", "ultimo mars 2022", "i midten av oktober", "juni -18"), an
    ISO week ("Uke 12", "Veke 12 2023"), a start ("Starter i april", "Fra
    høsten 2021"), a deadline ("innen 1. oktober", "Innan utgangen av 2021",
    "innen utgangen av mars"), a season or half of a year ("Våren 2022"
    January–June, "Hausten 2021" August–December, "Sommaren 2022"
    June–August, "Første halvår 2022"), a quarter or tertial ("1. kvartal
    2022", "Q3 2022", "3. tertial 2016"), the whole plan period ("Løpende",
    "Hele perioden": :class:`Ongoing`), a recurrence ("Årlig i mars",
    "Kvartalsvis", "Hvert møte": :class:`Recurring`), the next meeting ("Neste
    møte") and a named meeting a measure runs until ("til og med
    partnerskapsmøtet 2022").

    >>> interpret_timeframe("Neste møte", body="osu")
    NextMeeting(body='osu', date=None)
    >>> interpret_timeframe("Starter i april", year=2016)
    StartingFrom(start=datetime.date(2016, 4, 1), precision=<Precision.MONTH: 'month'>)
    >>> interpret_timeframe("Hausten 2021")
    Between(start=datetime.date(2021, 8, 1), end=datetime.date(2021, 12, 31), precision=<Precision.SEASON: 'season'>)
    >>> import datetime as dt
    >>> plan_period = Period(start=dt.date(2021, 9, 23))
    >>> interpret_timeframe("Medio juni", period=plan_period)
    InMonth(year=2022, month=6, part=<MonthPart.MID: 'mid'>)
    >>> interpret_timeframe("Årleg i mars")
    Recurring(frequency=<Frequency.YEARLY: 'yearly'>, month=3, interval=1)
    >>> interpret_timeframe("Løpande")
    Ongoing()
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
_ORDINALS = {"1": 1, "første": 1, "2": 2, "andre": 2, "siste": 2, "3": 3, "tredje": 3,
             "4": 4, "fjerde": 4}  # fmt: skip
_SEASON_RE = "|".join(_SEASONS)
_ORDINAL_RE = "|".join(_ORDINALS)
_PARTS_RE = "|".join(_PART_WORDS)
_DASH = r"\s*[-–—]\s*"
_ONGOING = re.compile(
    r"(?:løpende|fortløpende|kontinuerlig|(?:i |gjennom )?hele (?:plan)?perioden"
    r"|i løpet av (?:plan)?perioden|gjennom (?:plan)?perioden)"
)
_ORDINAL_WORDS = {"andre": 2, "annet": 2, "tredje": 3, "fjerde": 4, "femte": 5}
_YEARLY = re.compile(
    rf"(?:(?:i\s+)?({_MONTH_RE})\s+(?:hvert år|årlig)|(?:årlig|hvert år|en gang (?:i|per) året"
    rf"|én gang (?:i|per) året|en gang per år)(?:,?\s+i\s+({_MONTH_RE}))?"
    rf"|hvert (\d{{1,2}})\.? år|hvert ({'|'.join(_ORDINAL_WORDS)}) år|(annethvert) år)"
)
_QUARTERLY = re.compile(r"kvartalsvis|hvert kvartal|en gang (?:i|per) kvartal(?:et)?")
_MONTHLY = re.compile(r"månedlig|hver måned|hver mnd|en gang (?:i|per) måned(?:en)?")
_PER_MEETING = re.compile(r"(?:på |i )?hvert møte|(?:fast (?:sak|punkt) )?på alle møter")


def _normalise(text: str) -> str:
    t = " ".join(text.split()).lower().rstrip(".").strip()
    return _WORD.sub(lambda m: _NN_WORDS.get(m[0], m[0]), t)


def _interpret(text: str, year: int | None, body: str | None) -> Interpretation | None:
    t = _normalise(text)
    if not t or t in TEXT_ONLY:
        return None
    # a year outside PLAUSIBLE_YEARS ("0000", "3016") is a typing error: not resolved
    if any(int(y) not in PLAUSIBLE_YEARS for y in re.findall(r"\d{4}", t)) or (
        year is not None and year not in PLAUSIBLE_YEARS
    ):
        return None
    if t.endswith(" d.å"):  # "16. september d.å." (dette år): the year of the plan
        if year is None:
            return None
        t = t[:-4]
    weekday = _WEEKDAY_PREFIX.match(t)
    if weekday:  # "Tysdag 18. oktober 2016": a date, on that weekday or not at all
        got = _interpret_plain(t[weekday.end():], year, body, text)
        if isinstance(got, OnDate) and got.date.weekday() == _WEEKDAYS.index(weekday[1]):
            return got
        return None
    return _interpret_plain(t, year, body, text)


def _interpret_plain(
    t: str, year: int | None, body: str | None, as_written: str
) -> Interpretation | None:
    if re.fullmatch(r"(?:(?:innen|til|frem til|fram til|til og med)\s+)?(neste|førstkommende) møte", t):
        return NextMeeting(body=body) if body else None
    if _ONGOING.fullmatch(t):
        return Ongoing()
    recurring = _recurring(t)
    if recurring is not None:
        return recurring
    if t.startswith("i løpet av "):  # "I løpet av 2022", "i løpet av høsten 2023"
        t = t[11:]
        if t == "året":
            return InYear(year=year) if year is not None else None
    elif t.startswith("i "):  # "i desember 2021", "i midten av oktober", "i uke 12"
        t = t[2:]
    t = re.sub(r"^(?:for |i )?perioden ", "", t)
    m = re.fullmatch(r"(\d{4})", t)
    if m:
        return InYear(year=int(m[1]))
    m = re.fullmatch(rf"(\d{{4}}){_DASH}(\d{{4}})", t)
    if m:  # "2017-2016" ends before it starts: no span
        first, last = _day(int(m[1]), 1, 1), _day(int(m[2]), 12, 31)
        if first and last and first <= last:
            return Between(start=first, end=last, precision=Precision.YEAR)
        return None
    m = re.fullmatch(r"(\d{1,2})\.(\d{1,2})\.(\d{4}|\d{2})", t)
    if m:  # "01.09.2025", "13.5.2016", "30.11.22" (a two-digit year is of this century)
        y = int(m[3]) if len(m[3]) == 4 else 2000 + int(m[3])
        day = _day(y, int(m[2]), int(m[1]))
        return OnDate(date=day) if day else None
    m = re.fullmatch(r"(\d{4})-(\d{2})-(\d{2})", t)
    if m:
        day = _day(int(m[1]), int(m[2]), int(m[3]))
        return OnDate(date=day) if day else None
    m = re.fullmatch(r"(\d{1,2})/(\d{1,2})", t)
    if m and year:  # "Fredag 28/11"
        day = _day(year, int(m[2]), int(m[1]))
        return OnDate(date=day) if day else None
    m = re.fullmatch(
        rf"(?:senest\s+innen|innen|senest|frem til|fram til|til og med)\s+"
        rf"(\d{{1,2}})\.?\s*({_DAY_MONTH_RE})(?:\s+(\d{{4}}))?",
        t,
    )
    if m and (m[3] or year):
        day = _day(int(m[3] or year or 0), _month_no(m[2]), int(m[1]))
        return ByDate(date=day) if day else None
    m = re.fullmatch(rf"(\d{{1,2}})\.?\s*({_DAY_MONTH_RE})(?:\s+(\d{{4}}))?", t)
    if m and (m[3] or year):
        day = _day(int(m[3] or year or 0), _month_no(m[2]), int(m[1]))
        return OnDate(date=day) if day else None
    m = re.fullmatch(rf"(?:({_PARTS_RE})\s+)?({_MONTH_RE})(?:\s+måned)?(?:\s+(\d{{4}})|\s*-(\d{{2}}))?", t)
    if m and (m[3] or m[4] or year):
        part = _PART_WORDS[m[1]] if m[1] else None
        y = int(m[3]) if m[3] else 2000 + int(m[4]) if m[4] else year or 0
        return InMonth(year=y, month=_month_no(m[2]), part=part)
    return _interpret_spans(t, year, as_written)


def _recurring(t: str) -> Recurring | None:
    m = _YEARLY.fullmatch(t)
    if m:
        month = m[1] or m[2]
        interval = int(m[3]) if m[3] else _ORDINAL_WORDS[m[4]] if m[4] else 2 if m[5] else 1
        if not 1 <= interval <= 100:
            return None
        return Recurring(
            frequency=Frequency.YEARLY, month=_month_no(month) if month else None, interval=interval
        )
    if _QUARTERLY.fullmatch(t):
        return Recurring(frequency=Frequency.QUARTERLY)
    if _MONTHLY.fullmatch(t):
        return Recurring(frequency=Frequency.MONTHLY)
    if _PER_MEETING.fullmatch(t):
        return Recurring(frequency=Frequency.PER_MEETING)
    return None


def _months_span(
    year: int, first: int, last: int, precision: Precision = Precision.MONTH
) -> Between:
    return Between(
        start=dt.date(year, first, 1), end=_month_bounds(year, last, None)[1], precision=precision
    )


def _interpret_spans(t: str, year: int | None, as_written: str) -> Interpretation | None:
    """Spans, seasons, halves, quarters and weeks, starts, deadlines, named meetings."""
    m = re.fullmatch(
        rf"(\d{{1,2}})\.?\s*(?:({_DAY_MONTH_RE})\s*)?{_DASH}(\d{{1,2}})\.?\s*({_DAY_MONTH_RE})"
        rf"(?:\s+(\d{{4}}))?",
        t,
    )
    if m and (m[5] or year):  # "10. mars - 6. mai 2022", "12. – 13. juni 2024"
        y = int(m[5] or year or 0)
        first = _day(y, _month_no(m[2] or m[4]), int(m[1]))
        last = _day(y, _month_no(m[4]), int(m[3]))
        return Between(start=first, end=last) if first and last and first <= last else None
    m = re.fullmatch(rf"({_MONTH_RE}){_DASH}({_MONTH_RE})(?:\s+(\d{{4}}))?", t)
    if m and (m[3] or year):  # "Mars - april 2021", "mars–mai 2021"
        first_m, last_m = _month_no(m[1]), _month_no(m[2])
        return _months_span(int(m[3] or year or 0), first_m, last_m) if first_m < last_m else None
    m = re.fullmatch(rf"(?:til\s+)?({_SEASON_RE})(?:\s+(\d{{4}}))?", t)
    if m and (m[2] or year):
        return _months_span(int(m[2] or year or 0), *_SEASONS[m[1]], Precision.SEASON)
    m = re.fullmatch(rf"(?:({_ORDINAL_RE})\.?\s*kvartal|q([1-4]))(?:\s+(\d{{4}}))?", t)
    if m and (m[3] or year):
        q = _ORDINALS[m[1]] if m[1] else int(m[2])
        return _months_span(int(m[3] or year or 0), 3 * q - 2, 3 * q)
    m = re.fullmatch(rf"({_ORDINAL_RE})\.?\s*(halvår|tertial)(?:\s+(\d{{4}}))?", t)
    if m and (m[3] or year):
        n, size = _ORDINALS[m[1]], 6 if m[2] == "halvår" else 4
        if n * size > 12:  # "3. halvår"
            return None
        return _months_span(int(m[3] or year or 0), size * n - size + 1, size * n)
    m = re.fullmatch(rf"uke\s*(\d{{1,2}})(?:{_DASH}(\d{{1,2}}))?(?:,?\s+(\d{{4}}))?", t)
    if m and (m[3] or year):  # ISO weeks: Monday to Sunday; "uke 53" only in a long year
        y = int(m[3] or year or 0)
        try:
            first = dt.date.fromisocalendar(y, int(m[1]), 1)
            last = dt.date.fromisocalendar(y, int(m[2] or m[1]), 7)
        except ValueError:
            return None
        return Between(start=first, end=last, precision=Precision.WEEK) if first <= last else None
    started = _starting(t, year)
    if started is not None:
        return started
    m = re.fullmatch(
        r"(?:(?:(?:senest\s+innen|innen|senest)\s+)?utgangen\s+av|til og med)\s+(\d{4}|året)", t
    )
    if m and (m[1] != "året" or year):
        return ByDate(
            date=dt.date(int(m[1]) if m[1] != "året" else year or 0, 12, 31), precision=Precision.YEAR
        )
    m = re.fullmatch(
        rf"(?:senest\s+innen|innen|til og med|senest)\s+(?:utgangen\s+av\s+)?({_MONTH_RE})"
        rf"(?:\s+(\d{{4}}))?",
        t,
    )
    if m and (m[2] or year):
        last = _month_bounds(int(m[2] or year or 0), _month_no(m[1]), None)[1]
        return ByDate(date=last, precision=Precision.MONTH)
    m = re.fullmatch(
        r"(?:til og med|frem til|fram til|innen)\s+(\S.*møte.*)", " ".join(as_written.split()).rstrip("."), re.I
    )
    if m:  # a meeting named as the end, as written: its date is not known from the words
        return AtEvent(name=m[1])
    return None


def _starting(t: str, year: int | None) -> StartingFrom | None:
    """A start: "Starter i april", "fra 1.januar 2018", "Fra høsten 2021", "siden primo 2011"."""
    m = re.fullmatch(r"(?:starter|start|oppstart|fra|siden)\s+(?:i\s+)?(.+)", t)
    if not m:
        return None
    rest = m[1]
    m = re.fullmatch(rf"({_MONTH_RE})(?:\s+(\d{{4}}))?", rest)
    if m and (m[2] or year):
        start = dt.date(int(m[2] or year or 0), _month_no(m[1]), 1)
        return StartingFrom(start=start, precision=Precision.MONTH)
    m = re.fullmatch(rf"(\d{{1,2}})\.?\s*({_DAY_MONTH_RE})(?:\s+(\d{{4}}))?", rest)
    if m and (m[3] or year):
        day = _day(int(m[3] or year or 0), _month_no(m[2]), int(m[1]))
        return StartingFrom(start=day) if day else None
    m = re.fullmatch(rf"({_SEASON_RE})(?:\s+(\d{{4}}))?", rest)
    if m and (m[2] or year):
        start = dt.date(int(m[2] or year or 0), _SEASONS[m[1]][0], 1)
        return StartingFrom(start=start, precision=Precision.MONTH)
    m = re.fullmatch(r"(?:primo\s+)?(\d{4})", rest)
    if m:
        return StartingFrom(start=dt.date(int(m[1]), 1, 1), precision=Precision.YEAR)
    return None
