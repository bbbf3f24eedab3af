"""Every timeframe phrase of the field list (field-phrases.md § 1) classified.

Each phrase is one of:

- **read**: ``interpret_timeframe`` reads the phrase as written, to the
  interpretation and date range given here;
- **read in part**: the phrase is a sentence or a label around a time ("Protokoll
  06.08.2022"); the time words, as a timeframe cell would hold them, are read,
  and the whole sentence is not (a sentence is no timeframe);
- **text only**: the phrase says no time the model can hold (a term length, a
  count per year, a condition, Sámi), with the reason; ``interpret_timeframe``
  gives None.

The table is complete for the list: a test reads the list (from
``$KHSMODEL_DOMAIN``, default ``../shared/domain``) and fails on a phrase not
classified here; the counts are printed (``pytest -s``).
"""

from __future__ import annotations

import datetime as dt
from typing import NamedTuple

import pytest

from khsmodel import (
    Between,
    ByDate,
    Frequency,
    InMonth,
    InYear,
    MonthPart,
    OnDate,
    Ongoing,
    Period,
    Precision,
    Recurring,
    StartingFrom,
    Timeframe,
    interpret_timeframe,
    is_text_only,
)
from khsmodel.timeframes import Interpretation
from tests.support.needs import require_shared, shared_dir

D = dt.date
FIELD_PHRASES = shared_dir("domain") / "field-phrases.md"

#: The plan period given to every phrase: Ongoing and Recurring take their dates from it.
PERIOD = Period(start=D(2022, 1, 1), end=D(2023, 12, 31))
WHOLE = (D(2022, 1, 1), D(2023, 12, 31))


class Read(NamedTuple):
    expected: Interpretation
    date_range: tuple[D | None, D | None]
    year: int | None = None  # the year of the source, for phrases without one
    part: str | None = None  # the time words of a sentence; None: the phrase as written


class Text(NamedTuple):
    reason: str
    words: str | None = None  # the words that are a deliberate text-only phrase (TEXT_ONLY)


def _span(a: D, b: D, precision: Precision = Precision.DAY) -> Between:
    return Between(start=a, end=b, precision=precision)


YEARLY = Recurring(frequency=Frequency.YEARLY)
SAMI = "Sámi: interpret_timeframe reads Bokmål and Nynorsk only"
TERM = "a length of time (a term), not when"
COUNT = "a count per year without dates: no occurrence can be placed"

PHRASES: dict[str, Read | Text] = {
    "Tidsperspektiv: I løpet av planperioden": Read(Ongoing(), WHOLE, part="I løpet av planperioden"),
    "Ájgge: Pládnaájge alluj": Text(SAMI),
    "Oppdatert handlingsplan for 2018": Read(InYear(year=2018), (D(2018, 1, 1), D(2018, 12, 31)), part="2018"),
    "Handlingsplan 2023-2024": Read(_span(D(2023, 1, 1), D(2024, 12, 31), Precision.YEAR), (D(2023, 1, 1), D(2024, 12, 31)), part="2023-2024"),
    "2022-2026 med handlingsdel 2022-2023": Text("two spans in one: a strategy period and its action part"),
    "Handlingsplan våren 2022": Read(_span(D(2022, 1, 1), D(2022, 6, 30), Precision.SEASON), (D(2022, 1, 1), D(2022, 6, 30)), part="våren 2022"),
    "rapport med tiltaksplaner 2022–2026": Read(_span(D(2022, 1, 1), D(2026, 12, 31), Precision.YEAR), (D(2022, 1, 1), D(2026, 12, 31)), part="2022–2026"),
    "Ishavserklæringen 2021-2023": Read(_span(D(2021, 1, 1), D(2023, 12, 31), Precision.YEAR), (D(2021, 1, 1), D(2023, 12, 31)), part="2021-2023"),
    "2019-2022 (2035)": Text("a span and a horizon year: two times in one"),
    "for perioden 2025 - 2028": Read(_span(D(2025, 1, 1), D(2028, 12, 31), Precision.YEAR), (D(2025, 1, 1), D(2028, 12, 31))),
    "Leder for perioden 2015-2017": Read(_span(D(2015, 1, 1), D(2017, 12, 31), Precision.YEAR), (D(2015, 1, 1), D(2017, 12, 31)), part="for perioden 2015-2017"),
    "Medlemmer OSO Helgeland 2020 - 2022": Read(_span(D(2020, 1, 1), D(2022, 12, 31), Precision.YEAR), (D(2020, 1, 1), D(2022, 12, 31)), part="2020 - 2022"),
    "Første periode er år 2022-2026": Read(_span(D(2022, 1, 1), D(2026, 12, 31), Precision.YEAR), (D(2022, 1, 1), D(2026, 12, 31)), part="2022-2026"),
    "2 år av gangen": Text(TERM),
    "for fire år i gangen": Text(TERM),
    "etter to år": Text("two years after a start the words do not give"),
    "blir oppnemnde for to år": Text(TERM),
    "kvart 4. år": Read(Recurring(frequency=Frequency.YEARLY, interval=4), (D(2022, 1, 1), D(2022, 12, 31))),
    "Hausten 2022": Read(_span(D(2022, 8, 1), D(2022, 12, 31), Precision.SEASON), (D(2022, 8, 1), D(2022, 12, 31))),
    "våren 2022": Read(_span(D(2022, 1, 1), D(2022, 6, 30), Precision.SEASON), (D(2022, 1, 1), D(2022, 6, 30))),
    "høsten 2022": Read(_span(D(2022, 8, 1), D(2022, 12, 31), Precision.SEASON), (D(2022, 8, 1), D(2022, 12, 31))),
    "i løpet av høsten 2023": Read(_span(D(2023, 8, 1), D(2023, 12, 31), Precision.SEASON), (D(2023, 8, 1), D(2023, 12, 31))),
    "fra høsten 2021": Read(StartingFrom(start=D(2021, 8, 1), precision=Precision.MONTH), (D(2021, 8, 1), None)),
    "høsten 2013": Read(_span(D(2013, 8, 1), D(2013, 12, 31), Precision.SEASON), (D(2013, 8, 1), D(2013, 12, 31))),
    "våren 2025": Read(_span(D(2025, 1, 1), D(2025, 6, 30), Precision.SEASON), (D(2025, 1, 1), D(2025, 6, 30))),
    "Til høsten": Read(_span(D(2019, 8, 1), D(2019, 12, 31), Precision.SEASON), (D(2019, 8, 1), D(2019, 12, 31)), year=2019),
    "mot slutten av året": Text("'towards the end of the year': no span is said"),
    "før sommarferien": Text("before a holiday whose dates the words do not give"),
    "i midten av oktober": Read(InMonth(year=2018, month=10, part=MonthPart.MID), (D(2018, 10, 11), D(2018, 10, 20)), year=2018),
    "sidan primo 2011": Read(StartingFrom(start=D(2011, 1, 1), precision=Precision.YEAR), (D(2011, 1, 1), None)),
    "ved inngangen av 2022": Text("the turn of a year: a moment, not a span or a start"),
    "seinast innan utgangen av oktober 2012": Read(ByDate(date=D(2012, 10, 31), precision=Precision.MONTH), (None, D(2012, 10, 31))),
    "i utgangen av 2013": Read(ByDate(date=D(2013, 12, 31), precision=Precision.YEAR), (None, D(2013, 12, 31))),
    "I løpet av 2014": Read(InYear(year=2014), (D(2014, 1, 1), D(2014, 12, 31))),
    "i løpet av 2021": Read(InYear(year=2021), (D(2021, 1, 1), D(2021, 12, 31))),
    "skal justeres i løpet av 2012": Read(InYear(year=2012), (D(2012, 1, 1), D(2012, 12, 31)), part="i løpet av 2012"),
    "i løpet av regnskapsavleggelsen for 2015": Text("during an event (the accounts) whose date the words do not give"),
    "innen 1. april 2017": Read(ByDate(date=D(2017, 4, 1)), (None, D(2017, 4, 1))),
    "innen 1. mars 2006": Read(ByDate(date=D(2006, 3, 1)), (None, D(2006, 3, 1))),
    "innen 1. juli": Read(ByDate(date=D(2016, 7, 1)), (None, D(2016, 7, 1)), year=2016),
    "Innen 15.jan": Read(ByDate(date=D(2013, 1, 15)), (None, D(2013, 1, 15)), year=2013),
    "frem til 1. juli": Read(ByDate(date=D(2018, 7, 1)), (None, D(2018, 7, 1)), year=2018),
    "fra 1.januar 2018": Read(StartingFrom(start=D(2018, 1, 1)), (D(2018, 1, 1), None)),
    "Fra januar 2021": Read(StartingFrom(start=D(2021, 1, 1), precision=Precision.MONTH), (D(2021, 1, 1), None)),
    "fremskyndet fra 12. mai til 25. april": Text("a deadline moved: the old date and the new one"),
    "per april (1.tertial)": Text("a reporting point ('per april'): the state at a date, not a time of work"),
    "pr. 3. kvartal 2015": Text("a reporting point ('pr.'): the state at a date, not a time of work"),
    "3. tertial 2016": Read(_span(D(2016, 9, 1), D(2016, 12, 31), Precision.MONTH), (D(2016, 9, 1), D(2016, 12, 31))),
    "Budsjettkontroll 1. tertial": Read(_span(D(2012, 1, 1), D(2012, 4, 30), Precision.MONTH), (D(2012, 1, 1), D(2012, 4, 30)), year=2012, part="1. tertial"),
    "2. halvår 2012": Read(_span(D(2012, 7, 1), D(2012, 12, 31), Precision.MONTH), (D(2012, 7, 1), D(2012, 12, 31))),
    "1. halvår 2019": Read(_span(D(2019, 1, 1), D(2019, 6, 30), Precision.MONTH), (D(2019, 1, 1), D(2019, 6, 30))),
    "Mars - april 2021": Read(_span(D(2021, 3, 1), D(2021, 4, 30), Precision.MONTH), (D(2021, 3, 1), D(2021, 4, 30))),
    "Juni - september 2021": Read(_span(D(2021, 6, 1), D(2021, 9, 30), Precision.MONTH), (D(2021, 6, 1), D(2021, 9, 30))),
    "Oktober - desember 2021": Read(_span(D(2021, 10, 1), D(2021, 12, 31), Precision.MONTH), (D(2021, 10, 1), D(2021, 12, 31))),
    "Januar - februar 2022": Read(_span(D(2022, 1, 1), D(2022, 2, 28), Precision.MONTH), (D(2022, 1, 1), D(2022, 2, 28))),
    "i perioden mars–mai 2021": Read(_span(D(2021, 3, 1), D(2021, 5, 31), Precision.MONTH), (D(2021, 3, 1), D(2021, 5, 31))),
    "10. mars - 6. mai 2022": Read(_span(D(2022, 3, 10), D(2022, 5, 6)), (D(2022, 3, 10), D(2022, 5, 6))),
    "12. – 13. juni 2024": Read(_span(D(2024, 6, 12), D(2024, 6, 13)), (D(2024, 6, 12), D(2024, 6, 13))),
    "i desember 2021": Read(InMonth(year=2021, month=12), (D(2021, 12, 1), D(2021, 12, 31))),
    "i januar 2017": Read(InMonth(year=2017, month=1), (D(2017, 1, 1), D(2017, 1, 31))),
    "i august måned": Read(InMonth(year=2011, month=8), (D(2011, 8, 1), D(2011, 8, 31)), year=2011),
    "juni -18": Read(InMonth(year=2018, month=6), (D(2018, 6, 1), D(2018, 6, 30))),
    "skoleåret 2013/14": Text("a school year: its first and last days differ between municipalities"),
    "hu april 2013": Read(InMonth(year=2013, month=4), (D(2013, 4, 1), D(2013, 4, 30)), part="april 2013"),
    "22. juni 2022": Read(OnDate(date=D(2022, 6, 22)), (D(2022, 6, 22),) * 2),
    "7.april 2022": Read(OnDate(date=D(2022, 4, 7)), (D(2022, 4, 7),) * 2),
    "torsdag 18. april": Read(OnDate(date=D(2024, 4, 18)), (D(2024, 4, 18),) * 2, year=2024),
    "Torsdag 4.mai": Read(OnDate(date=D(2023, 5, 4)), (D(2023, 5, 4),) * 2, year=2023),
    "Tirsdag 28. januar 2020": Read(OnDate(date=D(2020, 1, 28)), (D(2020, 1, 28),) * 2),
    "Onsdag 01. oktober 2014": Read(OnDate(date=D(2014, 10, 1)), (D(2014, 10, 1),) * 2),
    "Måndag 19. september": Read(OnDate(date=D(2011, 9, 19)), (D(2011, 9, 19),) * 2, year=2011),
    "Tysdag 18. oktober 2016": Read(OnDate(date=D(2016, 10, 18)), (D(2016, 10, 18),) * 2),
    "Fredag 28/11": Read(OnDate(date=D(2014, 11, 28)), (D(2014, 11, 28),) * 2, year=2014),
    "19.februar, 18.juni og 20.oktober": Text("three meeting dates: no single time"),
    "14. februar": Read(OnDate(date=D(2024, 2, 14)), (D(2024, 2, 14),) * 2, year=2024),
    "Møte ble avholdt på Teams 19.02.2021": Read(OnDate(date=D(2021, 2, 19)), (D(2021, 2, 19),) * 2, part="19.02.2021"),
    "vedtok i møte 22.01.2021 sak 1": Read(OnDate(date=D(2021, 1, 22)), (D(2021, 1, 22),) * 2, part="22.01.2021"),
    "Protokoll 06.08.2022": Read(OnDate(date=D(2022, 8, 6)), (D(2022, 8, 6),) * 2, part="06.08.2022"),
    "Bodø, 13.5.2016": Read(OnDate(date=D(2016, 5, 13)), (D(2016, 5, 13),) * 2, part="13.5.2016"),
    "24.9.2018": Read(OnDate(date=D(2018, 9, 24)), (D(2018, 9, 24),) * 2),
    "vart vedteke 30.11.22": Read(OnDate(date=D(2022, 11, 30)), (D(2022, 11, 30),) * 2, part="30.11.22"),
    "godkjent i SSU 01.06.23": Read(OnDate(date=D(2023, 6, 1)), (D(2023, 6, 1),) * 2, part="01.06.23"),
    "Startdato 01.01.16 Sluttdato 27.09.16": Text("two labelled fields, a start and an end: each is a date of its own"),
    "Formannskapet 25.02.2016": Read(OnDate(date=D(2016, 2, 25)), (D(2016, 2, 25),) * 2, part="25.02.2016"),
    "24.09.25 og 25.09.25": Text("two dates: no single time"),
    "Kommunens frist for oppfølgingsplan: 21.11.2025": Read(OnDate(date=D(2025, 11, 21)), (D(2025, 11, 21),) * 2, part="21.11.2025"),
    "Kommunens frist for oppfølgingsplan: Ikke aktuelt": Text("'Ikke aktuelt': no time", words="Ikke aktuelt"),
    "16. september d.å.": Read(OnDate(date=D(2016, 9, 16)), (D(2016, 9, 16),) * 2, year=2016),
    "(sakene er uten dato foreløpig)": Text("says it has no date yet"),
    "(møtedatoer kan bli endret)": Text("a caveat on dates, no time"),
    "så snart som råd": Text("as soon as possible: no date", words="så snart som råd"),
    "så snart råd er": Text("as soon as possible: no date", words="så snart råd er"),
    "så snart denne er klar": Text("on a condition, not at a time"),
    "Saksframlegga blir lagt ut fortløpande": Read(Ongoing(), WHOLE, part="fortløpande"),
    "Saker til SSU meldes inn fortløpende": Read(Ongoing(), WHOLE, part="fortløpende"),
    "tilgjengeliggjøres fortløpende": Read(Ongoing(), WHOLE, part="fortløpende"),
    "seks vekers offentleg høyring": Text("a duration, not when"),
    "onsdagar i oddetalsveker": Text("Wednesdays of odd weeks: a rule finer than the frequencies held"),
    "én uke før møtene": Text("relative to each meeting, whose dates the words do not give"),
    "to uker før møtet": Text("relative to a meeting whose date the words do not give"),
    "Plan for vidare arbeid og neste møte": Text("an agenda heading that names the next meeting"),
    "Neste møte i fylkesutvalget er 17. oktober.": Read(OnDate(date=D(2017, 10, 17)), (D(2017, 10, 17),) * 2, year=2017, part="17. oktober"),
    "minst fire ganger årlig": Text(COUNT),
    "avholdes årlig": Read(YEARLY, WHOLE, part="årlig"),
    "fire møter i året": Text(COUNT),
    "4 møter årlig": Text(COUNT),
    "2-3 ganger i året": Text(COUNT),
    "1, 4 og 6 møter per år": Text(COUNT),
    "ett årlig møte": Read(YEARLY, WHOLE, part="årlig"),
    "en gang i året": Read(YEARLY, WHOLE),
    "ein gong i året": Read(YEARLY, WHOLE),
    "fleire gongar årleg": Text(COUNT),
    "geassemánus 2015": Text(SAMI),
    "kesimáánust 2015": Text(SAMI),
    "golggotmánu loahpas": Text(SAMI),
    "dán jagi mielde": Text(SAMI),
    "2,3 miljon ruvnno … 2014:s": Text(SAMI),
}  # fmt: skip


def _field_list_phrases() -> list[str]:
    """The phrases of the field list's timeframe section, as written (first column)."""
    text = FIELD_PHRASES.read_text(encoding="utf-8")
    section = text.split("## 1. Timeframe phrases", 1)[1].split("\n## ", 1)[0]
    phrases = []
    for line in section.splitlines():
        if line.startswith("| ") and not line.startswith("| phrase |"):
            phrases.append(line[2:].split(" | ", 1)[0])
    return phrases


@pytest.mark.parametrize("phrase", [p for p, v in PHRASES.items() if isinstance(v, Read)])
def test_read(phrase: str) -> None:
    verdict = PHRASES[phrase]
    assert isinstance(verdict, Read)
    words = verdict.part or phrase
    assert words in phrase
    got = interpret_timeframe(words, year=verdict.year)
    assert got == verdict.expected, words
    assert Timeframe(text=words, interpretation=got).date_range(PERIOD) == verdict.date_range
    if verdict.part is not None:  # the sentence around the time is no timeframe
        assert interpret_timeframe(phrase, year=verdict.year or 2016) is None, phrase


@pytest.mark.parametrize("phrase", [p for p, v in PHRASES.items() if isinstance(v, Text)])
def test_text_only(phrase: str) -> None:
    verdict = PHRASES[phrase]
    assert isinstance(verdict, Text) and verdict.reason
    assert interpret_timeframe(phrase, year=2016, body="osu") is None
    assert interpret_timeframe(phrase, period=PERIOD, body="osu") is None
    if verdict.words is not None:
        assert verdict.words in phrase
        assert is_text_only(verdict.words)


def test_every_phrase_of_the_field_list_is_classified() -> None:
    require_shared(FIELD_PHRASES)
    listed = _field_list_phrases()
    unclassified = [p for p in listed if p not in PHRASES]
    as_written = sum(isinstance(v, Read) and v.part is None for v in PHRASES.values())
    in_part = sum(isinstance(v, Read) and v.part is not None for v in PHRASES.values())
    text_only = sum(isinstance(v, Text) for v in PHRASES.values())
    print(
        f"\nfield-phrases.md § 1: {len(listed)} phrases; read {as_written + in_part} "
        f"({as_written} as written, {in_part} from the time words of a sentence), "
        f"text only {text_only}, unclassified {len(unclassified)}"
    )
    assert unclassified == []
    assert sorted(PHRASES) == sorted(listed)  # and nothing here that the list does not have
    assert as_written + in_part + text_only == len(listed)
