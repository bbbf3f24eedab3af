"""Timeframes: the texts of the 2016-2017 action plan (seed 002), date ranges, properties."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from khsmodel import (
    AtEvent,
    Between,
    ByDate,
    InMonth,
    InYear,
    MonthPart,
    NextMeeting,
    OnDate,
    Period,
    Precision,
    StartingFrom,
    Timeframe,
    interpret_timeframe,
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
        ("2016-2017", Between(start=D(2016, 1, 1), end=D(2017, 12, 31))),
        ("2016–2017", Between(start=D(2016, 1, 1), end=D(2017, 12, 31))),
        ("Fra september", StartingFrom(start=D(2016, 9, 1), precision=Precision.MONTH)),
        ("Førstkommende møte.", NextMeeting(body="osu")),
        ("Skisse presenteres i OSU 8. februar", None),
        ("Høsten 2021", Between(start=D(2021, 8, 1), end=D(2021, 12, 31))),
        ("våren", Between(start=D(2016, 1, 1), end=D(2016, 6, 30))),
        ("I løpet av sommeren 2022", Between(start=D(2022, 6, 1), end=D(2022, 8, 31))),
        ("1. kvartal 2022", Between(start=D(2022, 1, 1), end=D(2022, 3, 31))),
        ("Fjerde kvartal", Between(start=D(2016, 10, 1), end=D(2016, 12, 31))),
        ("Q3 2022", Between(start=D(2022, 7, 1), end=D(2022, 9, 30))),
        ("2. halvår 2022", Between(start=D(2022, 7, 1), end=D(2022, 12, 31))),
        ("Innen utgangen av 2021", ByDate(date=D(2021, 12, 31))),
        ("innen utgangen av februar", ByDate(date=D(2016, 2, 29))),
        ("til og med 2022", ByDate(date=D(2022, 12, 31))),
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
        ("Høsten", Between(start=D(2021, 8, 1), end=D(2021, 12, 31))),
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
    expected = {OnDate, InMonth, InYear, Between, StartingFrom, ByDate, NextMeeting, AtEvent, None}
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
