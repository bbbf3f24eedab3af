"""Timeframes: the texts of the 2016-2017 action plan (seed 002), date ranges, properties."""

from __future__ import annotations

import datetime as dt
import itertools

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from khsmodel import (
    AtEvent,
    Between,
    ByDate,
    Frequency,
    InMonth,
    InYear,
    MonthPart,
    NextMeeting,
    OnDate,
    Ongoing,
    PartialDate,
    Period,
    Precision,
    Recurring,
    Season,
    StartingFrom,
    Timeframe,
    interpret_timeframe,
    is_text_only,
)
from khsmodel import strategies as ks
from khsmodel.timeframes import Interpretation

D = dt.date

#: Every timeframe text of seed 002 with its interpretation in the 2016 plan of OSU.
SEED_002 = [
    ("Neste møte", NextMeeting(body="osu"), None),
    ("April", InMonth(year=2016, month=4), (D(2016, 4, 1), D(2016, 4, 30))),
    ("Medio juni", InMonth(year=2016, month=6, part=MonthPart.MID), (D(2016, 6, 11), D(2016, 6, 20))),
    ("2016", InYear(year=2016), (D(2016, 1, 1), D(2016, 12, 31))),
    ("Mars 2016", InMonth(year=2016, month=3), (D(2016, 3, 1), D(2016, 3, 31))),
    ("15 mars", OnDate(date=D(2016, 3, 15)), (D(2016, 3, 15), D(2016, 3, 15))),
    ("16. februar", OnDate(date=D(2016, 2, 16)), (D(2016, 2, 16), D(2016, 2, 16))),
    ("Starter i april", StartingFrom(start=D(2016, 4, 1), precision=Precision.MONTH), (D(2016, 4, 1), None)),
    ("Tidsplan i samarbeid med kommunene", None, None),
]  # fmt: skip


@pytest.mark.parametrize(("text", "expected", "date_range"), SEED_002)
def test_seed_002_texts(
    text: str, expected: Interpretation | None, date_range: tuple[D, D | None] | None
) -> None:
    interpretation = interpret_timeframe(text, year=2016, body="osu")
    assert interpretation == expected
    timeframe = Timeframe(text=text, interpretation=interpretation)
    assert timeframe.text == text
    assert timeframe.date_range() == date_range
    assert timeframe.resolved is (date_range is not None)


def test_texts_broken_over_lines_as_extracted_from_the_table() -> None:
    """Seed 002 is a flattened table: cell text arrives with line breaks and extra spaces."""
    assert interpret_timeframe("Starter i \napril ", year=2016) == StartingFrom(
        start=D(2016, 4, 1), precision=Precision.MONTH
    )
    assert interpret_timeframe("Tidsplan i \nsamarbeid \nmed \nkommunene", year=2016) is None
    assert (
        interpret_timeframe("Vestre Viken April ", year=2016) is None
    )  # a responsible, not a time
    assert interpret_timeframe("  ", year=2016) is None


def test_month_texts_need_a_year_and_next_meeting_needs_a_body() -> None:
    assert interpret_timeframe("April") is None
    assert interpret_timeframe("15 mars") is None
    assert interpret_timeframe("Neste møte", year=2016) is None
    assert interpret_timeframe("Mars 2016") == InMonth(year=2016, month=3)  # the year is in it
    assert interpret_timeframe("Mars 2017", year=2016) == InMonth(year=2017, month=3)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Primo mai", InMonth(year=2016, month=5, part=MonthPart.EARLY)),
        ("ultimo februar", InMonth(year=2016, month=2, part=MonthPart.LATE)),
        ("Innen 1. mai", ByDate(date=D(2016, 5, 1))),
        ("senest 30. november 2017", ByDate(date=D(2017, 11, 30))),
        ("08.02.2016", OnDate(date=D(2016, 2, 8))),
        ("2016-02-08", OnDate(date=D(2016, 2, 8))),
        ("2016-2017", Between(start=D(2016, 1, 1), end=D(2017, 12, 31), precision=Precision.YEAR)),
        ("2016–2017", Between(start=D(2016, 1, 1), end=D(2017, 12, 31), precision=Precision.YEAR)),
        ("Fra september", StartingFrom(start=D(2016, 9, 1), precision=Precision.MONTH)),
        ("Førstkommende møte.", NextMeeting(body="osu")),
        ("Skisse presenteres i OSU 8. februar", None),
        ("Høsten 2021", Between(start=D(2021, 8, 1), end=D(2021, 12, 31), precision=Precision.SEASON)),
        ("våren", Between(start=D(2016, 1, 1), end=D(2016, 6, 30), precision=Precision.SEASON)),
        ("I løpet av sommeren 2022", Between(start=D(2022, 6, 1), end=D(2022, 8, 31), precision=Precision.SEASON)),
        ("1. kvartal 2022", Between(start=D(2022, 1, 1), end=D(2022, 3, 31), precision=Precision.MONTH)),
        ("Fjerde kvartal", Between(start=D(2016, 10, 1), end=D(2016, 12, 31), precision=Precision.MONTH)),
        ("Q3 2022", Between(start=D(2022, 7, 1), end=D(2022, 9, 30), precision=Precision.MONTH)),
        ("2. halvår 2022", Between(start=D(2022, 7, 1), end=D(2022, 12, 31), precision=Precision.MONTH)),
        ("Innen utgangen av 2021", ByDate(date=D(2021, 12, 31), precision=Precision.YEAR)),
        ("innen utgangen av februar", ByDate(date=D(2016, 2, 29), precision=Precision.MONTH)),
        ("til og med 2022", ByDate(date=D(2022, 12, 31), precision=Precision.YEAR)),
        ("innen 2022", None),  # by its start or its end? not said
        ("3. halvår 2022", None),
        ("til og med partnerskapsmøtet 2022", AtEvent(name="partnerskapsmøtet 2022")),
        ("Frem til neste OSU-møte", AtEvent(name="neste OSU-møte")),
        ("Innen neste møte", NextMeeting(body="osu")),
    ],
)
def test_other_forms(text: str, expected: Interpretation | None) -> None:
    assert interpret_timeframe(text, year=2016, body="osu") == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Medio juni", InMonth(year=2022, month=6, part=MonthPart.MID)),  # June 2021 is before
        ("September", InMonth(year=2021, month=9)),  # the month the plan starts in
        ("Starter i april", StartingFrom(start=D(2022, 4, 1), precision=Precision.MONTH)),
        ("innen 1. mars", ByDate(date=D(2022, 3, 1))),
        ("Høsten", Between(start=D(2021, 8, 1), end=D(2021, 12, 31), precision=Precision.SEASON)),
        ("Mars 2021", InMonth(year=2021, month=3)),  # a year as written is kept
        ("Neste møte", NextMeeting(body="ssu")),
        ("Tidsplan i samarbeid med kommunene", None),
    ],
)
def test_the_plan_period_picks_the_year(text: str, expected: Interpretation | None) -> None:
    """A plan from 23 September 2021 to the partnerskapsmøte 2022 (date unknown)."""
    period = Period(start=D(2021, 9, 23), text="23. september 2021 til og med partnerskapsmøtet 2022")
    assert interpret_timeframe(text, period=period, body="ssu") == expected


def test_a_time_outside_every_year_of_the_period_takes_the_given_year() -> None:
    period = Period(start=D(2021, 9, 23), end=D(2022, 3, 31))
    assert interpret_timeframe("Medio juni", period=period, year=2021) == InMonth(
        year=2021, month=6, part=MonthPart.MID
    )
    assert interpret_timeframe("Medio juni", period=period) == InMonth(
        year=2021, month=6, part=MonthPart.MID
    )


@pytest.mark.parametrize(
    "text", ["30. februar", "31.02.2016", "2016-02-30", "innen 31. april", "0 mars", "2017-2016"]
)
def test_impossible_dates_and_reversed_spans_are_not_resolved(text: str) -> None:
    """A day that does not exist, or a span that ends before it starts, resolves to None."""
    assert interpret_timeframe(text, year=2016) is None


def test_month_parts_and_leap_years() -> None:
    assert InMonth(year=2016, month=2, part=MonthPart.LATE).date_range() == (
        D(2016, 2, 21),
        D(2016, 2, 29),
    )
    assert InMonth(year=2017, month=2).date_range() == (D(2017, 2, 1), D(2017, 2, 28))
    assert InMonth(year=2016, month=12, part=MonthPart.EARLY).date_range() == (
        D(2016, 12, 1),
        D(2016, 12, 10),
    )


def test_open_ranges_and_unresolved_events() -> None:
    assert ByDate(date=D(2016, 5, 1)).date_range() == (None, D(2016, 5, 1))
    assert Timeframe(text="Innen 1. mai", interpretation=ByDate(date=D(2016, 5, 1))).resolved
    assert AtEvent(name="partnerskapsmøtet 2022").date_range() is None
    assert (
        AtEvent(name="partnerskapsmøtet 2022", date=D(2022, 2, 4)).date_range()
        == (D(2022, 2, 4),) * 2
    )
    assert not Timeframe(text="Neste møte", interpretation=NextMeeting(body="osu")).resolved
    assert Timeframe(text="Tidsplan i samarbeid med kommunene").date_range() is None


def test_month_out_of_range_is_rejected() -> None:
    with pytest.raises(ValueError, match=r"month must be 1\.\.12"):
        InMonth(year=2016, month=13)


# ---------------------------------------------------------------------------
# Properties
# ---------------------------------------------------------------------------


@given(ks.timeframes(bodies=("osu", "ssu")))
def test_generated_timeframes_have_start_before_end(timeframe: Timeframe) -> None:
    assert timeframe.text.strip()
    rng = timeframe.date_range()
    if timeframe.interpretation is None:
        assert rng is None
        return
    if rng is not None and rng[0] is not None and rng[1] is not None:
        assert rng[0] <= rng[1]


@given(ks.interpretations())
def test_every_interpretation_kind_has_ordered_dates(interpretation: Interpretation) -> None:
    rng = interpretation.date_range()
    if rng is not None and rng[0] is not None and rng[1] is not None:
        assert rng[0] <= rng[1]


def test_generated_timeframes_cover_every_interpretation_class() -> None:
    seen: set[type | None] = set()

    @given(ks.timeframes(bodies=("osu",)))
    def collect(timeframe: Timeframe) -> None:
        seen.add(type(timeframe.interpretation) if timeframe.interpretation else None)

    settings(max_examples=300, database=None)(collect)()
    expected = {OnDate, InMonth, InYear, Between, StartingFrom, ByDate, NextMeeting, AtEvent,
                Ongoing, Recurring, None}  # fmt: skip
    assert seen == expected


@given(st.data())
def test_generated_timeframes_lie_in_the_period_and_say_what_they_mean(data: st.DataObject) -> None:
    period: Period = data.draw(ks.periods(bounded=True, min_days=90, max_days=800), label="period")
    assert period.start is not None and period.effective_end is not None
    timeframe = data.draw(ks.timeframes(within=period, bodies=("osu",), hostile=False), label="tf")
    interpretation = timeframe.interpretation
    rng = timeframe.date_range()
    if rng is not None:
        for day in rng:
            assert day is None or period.contains(day)
    # The text is the one a plan would print: where interpret_timeframe understands it,
    # it gives back the same dates (a next meeting without its date).
    # So does it given the plan's period instead of its first year.
    for parsed in (
        interpret_timeframe(timeframe.text, year=period.start.year, body="osu"),
        interpret_timeframe(timeframe.text, period=period, body="osu"),
    ):
        if isinstance(interpretation, NextMeeting):
            assert parsed == NextMeeting(body=interpretation.body)
        elif isinstance(interpretation, Ongoing | Recurring):
            assert parsed == interpretation, timeframe.text
        elif isinstance(interpretation, OnDate | InMonth | InYear | ByDate) or (
            isinstance(interpretation, StartingFrom) and interpretation.precision is Precision.MONTH
        ):
            assert parsed is not None, timeframe.text
            assert parsed.date_range() == interpretation.date_range()
        elif parsed is not None and interpretation is not None:
            assert parsed.date_range() == interpretation.date_range()


def test_the_period_skips_a_year_the_day_does_not_exist_in() -> None:
    """29 February is not in 2023: a plan from September 2023 places it in 2024."""
    period = Period(start=D(2023, 9, 1), end=D(2024, 12, 31))
    assert interpret_timeframe("29. februar", period=period) == OnDate(date=D(2024, 2, 29))
    assert interpret_timeframe("Tidsplan i samarbeid med kommunene", period=period) is None



# ---------------------------------------------------------------------------
# Nynorsk and the phrases of real plans (issue 15); the field list is in test_field_phrases.py
# ---------------------------------------------------------------------------

YEARLY = Frequency.YEARLY


@pytest.mark.parametrize(
    ("nb", "nn", "expected"),
    [
        ("Høsten 2022", "Hausten 2022", Between(start=D(2022, 8, 1), end=D(2022, 12, 31), precision=Precision.SEASON)),
        ("Høst 2022", "Haust 2022", Between(start=D(2022, 8, 1), end=D(2022, 12, 31), precision=Precision.SEASON)),
        ("Sommeren 2022", "Sommaren 2022", Between(start=D(2022, 6, 1), end=D(2022, 8, 31), precision=Precision.SEASON)),
        ("Våren", "Vår", Between(start=D(2016, 1, 1), end=D(2016, 6, 30), precision=Precision.SEASON)),
        ("Første halvår 2022", "Fyrste halvår 2022", Between(start=D(2022, 1, 1), end=D(2022, 6, 30), precision=Precision.MONTH)),
        ("Andre halvår", "Siste halvår", Between(start=D(2016, 7, 1), end=D(2016, 12, 31), precision=Precision.MONTH)),
        ("I løpet av 2022", "I løpet av 2022", InYear(year=2022)),
        ("Innen utgangen av 2022", "Innan utgangen av 2022", ByDate(date=D(2022, 12, 31), precision=Precision.YEAR)),
        ("Senest innen utgangen av mars", "Seinast innan utgangen av mars", ByDate(date=D(2016, 3, 31), precision=Precision.MONTH)),
        ("Uke 12", "Veke 12", Between(start=D(2016, 3, 21), end=D(2016, 3, 27), precision=Precision.WEEK)),
        ("Uke 1 2021", "Veke 1, 2021", Between(start=D(2021, 1, 4), end=D(2021, 1, 10), precision=Precision.WEEK)),
        ("Uke 12-14", "Veke 12–14", Between(start=D(2016, 3, 21), end=D(2016, 4, 10), precision=Precision.WEEK)),
        ("Fra høsten 2021", "Frå hausten 2021", StartingFrom(start=D(2021, 8, 1), precision=Precision.MONTH)),
        ("Løpende", "Løpande", Ongoing()),
        ("Hele perioden", "Heile perioden", Ongoing()),
        ("Kontinuerlig", "Kontinuerleg", Ongoing()),
        ("Årlig", "Årleg", Recurring(frequency=YEARLY)),
        ("Hvert år i mars", "Kvart år i mars", Recurring(frequency=YEARLY, month=3)),
        ("Hvert 4. år", "Kvart 4. år", Recurring(frequency=YEARLY, interval=4)),
        ("Annethvert år", "Annakvart år", Recurring(frequency=YEARLY, interval=2)),
        ("Hver måned", "Kvar månad", Recurring(frequency=Frequency.MONTHLY)),
        ("Månedlig", "Månadleg", Recurring(frequency=Frequency.MONTHLY)),
        ("Hvert møte", "Kvart møte", Recurring(frequency=Frequency.PER_MEETING)),
        ("Mandag 4. april", "Måndag 4. april", OnDate(date=D(2016, 4, 4))),
    ],
)
def test_bokmal_and_nynorsk_read_alike(nb: str, nn: str, expected: Interpretation) -> None:
    assert interpret_timeframe(nb, year=2016) == expected
    assert interpret_timeframe(nn, year=2016) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Ultimo mars", InMonth(year=2016, month=3, part=MonthPart.LATE)),
        ("Primo mars", InMonth(year=2016, month=3, part=MonthPart.EARLY)),
        ("Medio mars", InMonth(year=2016, month=3, part=MonthPart.MID)),
        ("2023–2025", Between(start=D(2023, 1, 1), end=D(2025, 12, 31), precision=Precision.YEAR)),
        ("2023 - 2025", Between(start=D(2023, 1, 1), end=D(2025, 12, 31), precision=Precision.YEAR)),
        ("30.11.22", OnDate(date=D(2022, 11, 30))),
        ("13.5.2016", OnDate(date=D(2016, 5, 13))),
        ("Kvartalsvis", Recurring(frequency=Frequency.QUARTERLY)),
        ("Fortløpende", Ongoing()),
        ("Årlig i mars", Recurring(frequency=YEARLY, month=3)),
        ("I mars hvert år", Recurring(frequency=YEARLY, month=3)),
        ("Innen utgangen av året", ByDate(date=D(2016, 12, 31), precision=Precision.YEAR)),
        ("Uke 53", None),  # 2016 has 52 ISO weeks
        ("Uke 53 2020", Between(start=D(2020, 12, 28), end=D(2021, 1, 3), precision=Precision.WEEK)),
        ("Onsdag 4. april", None),  # 4 April 2016 is a Monday: the words contradict each other
        ("Mandag 2016", None),  # a weekday goes with a day only
        ("Hvert 0. år", None),
        ("Mai - mars 2021", None),  # a span that ends before it starts
        ("16. september d.å.", OnDate(date=D(2016, 9, 16))),
        ("Etter behov", None),
    ],
)
def test_more_forms(text: str, expected: Interpretation | None) -> None:
    assert interpret_timeframe(text, year=2016) == expected


def test_a_weekday_picks_the_year_in_the_period() -> None:
    """"Torsdag 4.mai" in a plan of 2022–2024: 4 May is a Thursday in 2023 only."""
    period = Period(start=D(2022, 1, 1), end=D(2024, 12, 31))
    assert interpret_timeframe("Torsdag 4.mai", period=period) == OnDate(date=D(2023, 5, 4))


def test_text_only_phrases() -> None:
    for text in ("Etter behov", "ved behov", "Ikke aktuelt.", "(Ikkje aktuelt)", "Så snart som råd"):
        assert is_text_only(text), text
        assert interpret_timeframe(text, year=2016) is None
    assert not is_text_only("Tidsplan i samarbeid med kommunene")  # not read, but not deliberate


def test_recurring_occurrences_are_cut_to_the_period() -> None:
    period = Period(start=D(2021, 9, 23), end=D(2022, 6, 30))
    assert list(Recurring(frequency=YEARLY).occurrences(period)) == [
        (D(2021, 9, 23), D(2021, 12, 31)),
        (D(2022, 1, 1), D(2022, 6, 30)),
    ]
    assert list(Recurring(frequency=Frequency.QUARTERLY).occurrences(period))[:2] == [
        (D(2021, 9, 23), D(2021, 9, 30)),
        (D(2021, 10, 1), D(2021, 12, 31)),
    ]
    assert list(Recurring(frequency=YEARLY, month=9).occurrences(period)) == [
        (D(2021, 9, 23), D(2021, 9, 30))
    ]
    assert list(Recurring(frequency=YEARLY, month=8).occurrences(period)) == []
    meetings = [D(2021, 9, 1), D(2022, 2, 4), D(2021, 10, 5), D(2022, 2, 4)]
    assert list(Recurring(frequency=Frequency.PER_MEETING).occurrences(period, meetings)) == [
        (D(2021, 10, 5), D(2021, 10, 5)),
        (D(2022, 2, 4), D(2022, 2, 4)),
    ]
    assert list(Recurring(frequency=YEARLY).occurrences(Period(end=D(2022, 1, 1)))) == []
    tf = Timeframe(text="Årlig i mars", interpretation=Recurring(frequency=YEARLY, month=3))
    assert tf.date_range(period) == (D(2022, 3, 1), D(2022, 3, 31))
    assert tf.date_range() is None and not tf.resolved  # no dates without a plan period
    assert tf.date_range(Period(start=D(2022, 1, 1))) == (D(2022, 3, 1), None)


@pytest.mark.parametrize(
    ("make", "path"),
    [
        (lambda: Recurring(frequency=Frequency.MONTHLY, month=3), "month"),
        (lambda: Recurring(frequency=YEARLY, month=13), "month"),
        (lambda: Recurring(frequency=YEARLY, interval=0), "interval"),
        (lambda: Recurring(frequency=Frequency.PER_MEETING, interval=2), "interval"),
    ],
)
def test_recurring_refuses_what_it_cannot_mean(make: object, path: str) -> None:
    from khsmodel.errors import FieldValueError

    with pytest.raises(FieldValueError) as info:
        make()  # type: ignore[operator]
    assert path in str(info.value)


@given(
    ks.periods(bounded=True, min_days=1, max_days=3000),
    ks.interpretations(kinds=(Recurring,)),
    st.lists(st.dates(D(2000, 1, 1), D(2040, 12, 31)), max_size=8),
)
def test_every_recurring_occurrence_lies_in_the_period(
    period: Period, recurring: Recurring, meetings: list[D]
) -> None:
    times = list(recurring.occurrences(period, meetings))
    for lo, hi in times:
        assert lo <= hi
        assert period.contains(lo) and period.contains(hi)
    for (_, hi), (lo, _) in itertools.pairwise(times):
        assert hi < lo  # in order, none overlapping
    tiles = recurring.month is None and recurring.interval == 1
    if recurring.frequency is not Frequency.PER_MEETING and tiles:  # the period, day by day
        assert times[0][0] == period.first_day and times[-1][1] == period.last_day
        for (_, hi), (lo, _) in itertools.pairwise(times):
            assert lo == hi + dt.timedelta(days=1)
    rng = Timeframe(text="x", interpretation=recurring).date_range(period)
    assert rng == ((times[0][0], times[-1][1]) if times and recurring.frequency is not
                   Frequency.PER_MEETING else None)  # fmt: skip


@given(ks.periods(bounded=False), ks.interpretations(kinds=(Recurring,)))
def test_recurring_in_an_open_period_goes_on(period: Period, recurring: Recurring) -> None:
    for lo, hi in itertools.islice(recurring.occurrences(period), 30):
        assert period.contains(lo) and period.contains(hi) and lo <= hi


@given(ks.periods(bounded=False))
def test_ongoing_covers_the_period(period: Period) -> None:
    rng = Timeframe(text="Løpende", interpretation=Ongoing()).date_range(period)
    if period.start is None and period.effective_end is None:
        assert rng is None
    else:  # from the first day of its start to the last day of its end ("2016–2017")
        assert rng == (period.first_day, period.last_day)
        if period.first_day is not None:
            assert period.contains(period.first_day)


def test_ongoing_and_recurring_in_a_period_of_years() -> None:
    """A plan period written "2016-2017" has partial ends: whole years, no day invented."""
    period = Period(start=PartialDate(year=2016), end=PartialDate(year=2017))
    assert Ongoing().date_range(period) == (D(2016, 1, 1), D(2017, 12, 31))
    assert list(Recurring(frequency=YEARLY, month=3).occurrences(period)) == [
        (D(2016, 3, 1), D(2016, 3, 31)),
        (D(2017, 3, 1), D(2017, 3, 31)),
    ]
    autumn = Period(start=PartialDate(year=2022, season=Season.AUTUMN),
                    end=PartialDate(year=2023, month=2))  # fmt: skip
    assert Ongoing().date_range(autumn) == (D(2022, 8, 1), D(2023, 2, 28))
    assert Recurring(frequency=Frequency.QUARTERLY).date_range(autumn) == (
        D(2022, 8, 1), D(2023, 2, 28)
    )
    meetings = [D(2022, 7, 31), D(2022, 8, 1), D(2023, 2, 28), D(2023, 3, 1)]
    assert list(Recurring(frequency=Frequency.PER_MEETING).occurrences(autumn, meetings)) == [
        (D(2022, 8, 1), D(2022, 8, 1)),
        (D(2023, 2, 28), D(2023, 2, 28)),
    ]


_WORDS = ("i", "løpet", "av", "innen", "innan", "utgangen", "uke", "veke", "12", "53", "2022",
          "22", "-", "–", "mars", "jan.", "høsten", "hausten", "medio", "primo", "ultimo",
          "årlig", "hvert", "kvart", "år", "4.", "1.", "halvår", "tertial", "kvartal", "fra",
          "til", "og", "med", "neste", "møte", "torsdag", "måndag", "d.å.", "/", "15.", "0",
          "31.02.2016", "29.", "februar", "perioden", "løpende", "9999", "1899")  # fmt: skip


@given(
    st.one_of(st.text(max_size=40), st.lists(st.sampled_from(_WORDS), max_size=6).map(" ".join)),
    st.one_of(st.none(), st.integers(-5, 12000)),
    st.one_of(st.none(), ks.periods(bounded=False)),
)
def test_interpret_never_raises(text: str, year: int | None, period: Period | None) -> None:
    """Any text, any year, any period: an interpretation or None, never an exception."""
    got = interpret_timeframe(text, year=year, body="osu", period=period)
    assert got is None or isinstance(
        got, OnDate | InMonth | InYear | Between | StartingFrom | ByDate | NextMeeting | AtEvent
        | Ongoing | Recurring
    )


# ---------------------------------------------------------------------------
# In the JSON format
# ---------------------------------------------------------------------------


def _plan_json(interpretation: object) -> dict[str, object]:
    return {
        "format": "khsmodel", "format_version": 2, "kind": "action_plan",
        "title": "Handlingsplan 2022-2023",
        "period": {"start": "2022-01-01", "end": "2023-12-31"},
        "focus_areas": [{"number": 1, "title": "Samhandling", "measures": [
            {"number": 1, "text": "Felles fagdag", "timeframe": {
                "text": "Årleg i mars", "interpretation": interpretation}}]}],
    }  # fmt: skip


def test_ongoing_and_recurring_in_json_and_the_schema() -> None:
    import json

    from jsonschema import Draft202012Validator

    import khsmodel

    validator = Draft202012Validator(khsmodel.json_schema())
    for interpretation, expected in (
        ({"kind": "recurring", "frequency": "yearly", "month": 3},
         Recurring(frequency=YEARLY, month=3)),
        ({"kind": "recurring", "frequency": "quarterly", "interval": 2},
         Recurring(frequency=Frequency.QUARTERLY, interval=2)),
        ({"kind": "ongoing"}, Ongoing()),
    ):  # fmt: skip
        data = _plan_json(interpretation)
        assert list(validator.iter_errors(data)) == []
        plan = khsmodel.loads(json.dumps(data))
        tf = plan.focus_areas[0].measures[0].timeframe
        assert tf is not None and tf.interpretation == expected
        again = json.loads(khsmodel.dumps(plan))
        assert again["focus_areas"][0]["measures"][0]["timeframe"]["interpretation"] == interpretation


@pytest.mark.parametrize(
    ("interpretation", "path"),
    [
        ({"kind": "recurring", "frequency": "weekly"}, ".interpretation.frequency"),
        ({"kind": "recurring", "frequency": "monthly", "month": 3}, ".interpretation.month"),
        ({"kind": "recurring", "frequency": "yearly", "month": "mars"}, ".interpretation.month"),
        ({"kind": "ongoing", "start": "2022-01-01"}, ".interpretation.start"),
    ],
)
def test_bad_recurrences_are_refused_with_their_path(interpretation: object, path: str) -> None:
    import json

    import khsmodel

    with pytest.raises(khsmodel.InvalidDocumentError) as info:
        khsmodel.loads(json.dumps(_plan_json(interpretation)))
    assert [e.path for e in info.value.errors] == [
        "$.focus_areas[0].measures[0].timeframe" + path
    ]


# ---------------------------------------------------------------- precision (issue 18)
_DAYS = Period(start=D(2016, 1, 1), end=D(2017, 12, 31))
_YEARS = Period(start=PartialDate(year=2016), end=PartialDate(year=2017))


@pytest.mark.parametrize(
    ("text", "period", "precision"),
    [
        ("15 mars", _DAYS, Precision.DAY),
        ("01.09.2016", _DAYS, Precision.DAY),
        ("10. mars - 6. mai 2016", _DAYS, Precision.DAY),
        ("Innen 1. juni", _DAYS, Precision.DAY),
        ("Oppstart 1. mars", _DAYS, Precision.DAY),
        ("Uke 12", _DAYS, Precision.WEEK),
        ("Uke 12-14", _DAYS, Precision.WEEK),
        ("April", _DAYS, Precision.MONTH),
        ("Medio juni", _DAYS, Precision.MONTH),  # its ten days are the reading's, not the words'
        ("Mars - april 2016", _DAYS, Precision.MONTH),
        ("1. kvartal 2016", _DAYS, Precision.MONTH),
        ("3. tertial 2016", _DAYS, Precision.MONTH),
        ("Innen utgangen av mars", _DAYS, Precision.MONTH),
        ("Starter i april", _DAYS, Precision.MONTH),
        ("Årlig i mars", _DAYS, Precision.MONTH),
        ("Kvartalsvis", _DAYS, Precision.MONTH),
        ("Hausten 2016", _DAYS, Precision.SEASON),
        ("2016", _DAYS, Precision.YEAR),
        ("2016-2017", _DAYS, Precision.YEAR),
        ("Innen utgangen av 2016", _DAYS, Precision.YEAR),
        ("Årlig", _DAYS, Precision.YEAR),
        ("Løpende", _DAYS, Precision.DAY),
        ("Løpende", _YEARS, Precision.YEAR),
        ("Løpende", Period(start=D(2016, 1, 1), end=PartialDate(year=2016, month=6)), Precision.MONTH),
        ("Løpende", None, None),  # no period: no dates
        ("Hvert møte", _DAYS, None),
        ("Neste møte", _DAYS, None),
        ("Etter behov", _DAYS, None),
    ],
)  # fmt: skip
def test_precision_is_what_the_words_state(
    text: str, period: Period | None, precision: Precision | None
) -> None:
    interpretation = interpret_timeframe(text, year=2016, body="osu")
    assert Timeframe(text=text, interpretation=interpretation).precision(period) is precision


def test_a_dated_meeting_is_a_day() -> None:
    tf = Timeframe(text="Neste møte", interpretation=NextMeeting(body="osu", date=D(2016, 2, 8)))
    assert tf.precision() is Precision.DAY


@given(ks.timeframes(within=_DAYS))
def test_precision_exactly_when_dates(tf: Timeframe) -> None:
    rng = tf.date_range(_DAYS)
    has_dates = rng is not None and rng != (None, None)
    assert (tf.precision(_DAYS) is not None) is has_dates
