"""The ``ics`` exporter: meetings, cases and dated measures as iCalendar, parsed back with
the icalendar package."""

from __future__ import annotations

import datetime as dt
import os
import subprocess
import sys
import uuid
from pathlib import Path
from typing import Any

import attrs
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import khsmodel
from khsmodel import (
    ActionPlan,
    AgendaItem,
    Attachment,
    ByDate,
    CaseDocument,
    CaseNumber,
    FocusArea,
    Measure,
    MeasureStatus,
    Meeting,
    Precision,
    Timeframe,
    exporters,
)
from khsmodel import strategies as ks
from khsmodel.errors import (
    ExporterOptionError,
    UnknownOptionError,
    UnsupportedKindError,
    UnwritableTextError,
)
from tests.support import html_support

icalendar = pytest.importorskip("icalendar")

ROOT = Path(__file__).resolve().parents[2]
DOCS = ROOT / "examples" / "documents"
OSLO = "Europe/Oslo"


def load(name: str) -> Any:
    return khsmodel.load(DOCS / f"{name}.json")


def parse(data: bytes) -> Any:
    return icalendar.Calendar.from_ical(data)


def items(cal: Any, name: str = "VEVENT") -> list[Any]:
    return [c for c in cal.walk() if c.name == name]


def by_summary(cal: Any) -> dict[str, Any]:
    return {str(e["summary"]): e for e in items(cal)}


def sami_meeting(**changes: Any) -> Meeting:
    m = Meeting(
        body="osu",
        date=dt.date(2022, 6, 14),
        title="Čoahkkin: samhandling i Kárášjohka og Guovdageaidnu – ŋ đ ŧ š ž á č ï",
        start_time=dt.time(9, 30),
        end_time=dt.time(15, 0),
        location="Scandic Hábmer, AT&T <b>salen</b>; 2. etg",
        agenda=(
            AgendaItem(case_number=CaseNumber.parse("07-2022"), title="Tolketjeneste på sørsamisk (gïele)"),
            AgendaItem(case_number=CaseNumber.parse("8/2022"), title="linje 1\r\nlinje 2 🏥"),
        ),
    )  # fmt: skip
    return attrs.evolve(m, **changes)


# ---------------------------------------------------------------- registry, options


def test_registered() -> None:
    exp = exporters.get("ics")
    assert (exp.suffix, exp.media_type) == (".ics", "text/calendar")
    assert set(exp.kinds) == {"meeting", "action_plan", "case_document", "meeting_plan"}


def test_bad_options() -> None:
    with pytest.raises(UnknownOptionError) as unknown:
        khsmodel.export(sami_meeting(), "ics", colour="red")
    assert (unknown.value.key, unknown.value.value, unknown.value.valid) == (
        "colour", "red", ("labels", "language", "measures", "numbering"))
    with pytest.raises(ExporterOptionError) as bad:
        khsmodel.export(sami_meeting(), "ics", measures="tasks")
    assert (bad.value.exporter, bad.value.key, bad.value.value) == ("ics", "measures", "tasks")
    with pytest.raises(ExporterOptionError) as bad:
        khsmodel.export(sami_meeting(), "ics", numbering="yes")
    assert (bad.value.key, bad.value.value) == ("numbering", "yes")
    with pytest.raises(UnsupportedKindError) as kind:
        khsmodel.export(load("001-khs-partnership"), "ics")
    assert (kind.value.exporter, kind.value.kind) == ("ics", "partnership")


# ---------------------------------------------------------------- the seeds


def test_partnership_meeting_2022_02_04() -> None:
    data = khsmodel.export(load("003-partnerskapsmote-2022-02-04"), "ics")
    cal = parse(data)
    assert str(cal["version"]) == "2.0"
    assert str(cal["x-wr-calname"]) == "Partnerskapsmøte i helsefellesskapet"
    (ev,) = items(cal)
    assert str(ev["summary"]) == "Partnerskapsmøte i helsefellesskapet"
    assert ev["dtstart"].dt == dt.date(2022, 2, 4)  # no start time: an all-day event
    assert ev["dtend"].dt == dt.date(2022, 2, 5)
    desc = str(ev["description"])
    assert desc.startswith("Utvalg: Partnerskapsmøtet\n")  # the body by name
    assert "Fredag 4.februar 2022 var helsefelleskapet Vest-Viken samlet" in desc
    assert "\nProgram:\n- Siri Hatlen, styreleder Vestre Viken helseforetak" in desc
    assert desc.endswith("Deltakere: ca. 80 deltakere")
    assert ev["dtstamp"].dt == dt.datetime(2022, 2, 4, tzinfo=dt.UTC)


def test_plan_2016_2017_only_measures_dated_to_the_day() -> None:
    """The seed plan states three measures to the day; "April", "Medio juni", "Mars 2016",
    "2016", "Starter i april" and "Neste møte" name no day, so they are no events (an event
    11.–20. juni would say more than the plan). The plan numbers no measure: neither does
    the calendar."""
    plan = load("002-khs-handlingsplan-2016-2017")
    cal = parse(khsmodel.export(plan, "ics"))
    events = by_summary(cal)
    assert set(events) == {
        "Siste samling i læringsnettverket",  # 15 mars
        "Spredning til alle kommuner og sykehus",  # Skisse presenteres i OSU 8. februar
        "Evaluering av bruk av frisklivssentralen i en eller flere kommuner.",  # … 16. februar
    }
    day = [m for _, m in plan.iter_measures()
           if m.timeframe and m.timeframe.precision(plan.period) is Precision.DAY]  # fmt: skip
    assert len(day) == len(events) == 3
    samling = events["Siste samling i læringsnettverket"]
    assert (samling["dtstart"].dt, samling["dtend"].dt) == (dt.date(2016, 3, 15), dt.date(2016, 3, 16))
    assert str(samling["transp"]) == "TRANSPARENT"
    desc = str(samling["description"]).split("\n")
    assert desc[1] == f"Fokusområde 3: {plan.focus_areas[2].title}"  # its label as written
    assert "Tidsperspektiv: 15 mars" in desc and "Fase: Fase 1" in desc
    skisse = events["Spredning til alle kommuner og sykehus"]
    assert (skisse["dtstart"].dt, skisse["dtend"].dt) == (dt.date(2016, 2, 8), dt.date(2016, 2, 9))
    assert all(isinstance(e["dtstart"].dt, dt.date) and not isinstance(e["dtstart"].dt, dt.datetime)
               for e in events.values())  # fmt: skip
    texts = {m.text for _, m in plan.iter_measures()}
    for fuzzy in ("Konferanse for kommuner og helseforetak",  # April
                  "Kommunene etterspør kompetanse på tidlig intervensjon",  # Medio juni
                  "Implementering i pilotkommuner og sykehus"):  # Starter i april
        assert fuzzy in texts
        assert not any(fuzzy in s for s in events)


def test_case_document_on_its_meeting_date_with_attached_plan() -> None:
    case = load("004-partnerskapsmote-sak-07-2021-saksframlegg")
    (ev,) = items(parse(khsmodel.export(case, "ics")))
    assert str(ev["summary"]).startswith("Sak 07-2021: Handlingsplan for strategisk samarbeidsutvalg")
    assert ev["dtstart"].dt == dt.date(2021, 9, 23)
    assert "Arkivsak: 2021/3288" in str(ev["description"])
    plan = load("002-khs-handlingsplan-2016-2017")
    with_plan = attrs.evolve(case, attachments=(Attachment(title="Handlingsplan", document=plan),))
    cal = parse(khsmodel.export(with_plan, "ics"))
    assert len(items(cal)) == 1 + 3
    alone = {str(e["uid"]) for e in items(parse(khsmodel.export(plan, "ics")))}
    assert alone < {str(e["uid"]) for e in items(cal)}  # the plan's events keep their UIDs


# ---------------------------------------------------------------- time zone, text


def test_europe_oslo_time_zone() -> None:
    data = khsmodel.export(sami_meeting(), "ics")
    cal = parse(data)
    (tz,) = items(cal, "VTIMEZONE")
    assert str(tz["tzid"]) == OSLO
    assert {c.name for c in tz.subcomponents} == {"STANDARD", "DAYLIGHT"}
    assert b"DTSTART;TZID=Europe/Oslo:20220614T093000\r\n" in data
    assert b"DTEND;TZID=Europe/Oslo:20220614T150000\r\n" in data
    (ev,) = items(cal)
    assert ev["dtstart"].dt.utcoffset() == dt.timedelta(hours=2)  # summer time in June
    winter = parse(khsmodel.export(sami_meeting(date=dt.date(2022, 2, 4)), "ics"))
    assert items(winter)[0]["dtstart"].dt.utcoffset() == dt.timedelta(hours=1)
    assert str(cal["x-wr-timezone"]) == OSLO


def test_sami_and_hostile_text_survive() -> None:
    m = sami_meeting()
    (ev,) = items(parse(khsmodel.export(m, "ics")))
    assert str(ev["summary"]) == m.title
    assert str(ev["location"]) == m.location
    desc = str(ev["description"])
    assert "Saksliste:\nSak 07-2022: Tolketjeneste på sørsamisk (gïele)\n" in desc
    assert desc.endswith("Sak 8/2022: linje 1\nlinje 2 🏥")


def test_lines_are_crlf_and_folded() -> None:
    data = khsmodel.export(load("002-khs-handlingsplan-2016-2017"), "ics")
    assert data.endswith(b"END:VCALENDAR\r\n")
    lines = data.split(b"\r\n")
    assert all(b"\n" not in line and b"\r" not in line for line in lines)
    assert max(len(line) for line in lines) <= 75
    data.decode("utf-8")  # folding never splits a multi-byte character


@pytest.mark.parametrize(
    ("doc", "path", "code"),
    [
        (sami_meeting(title="Møte\x0b2022"), "$.title", "\x0b"),
        (sami_meeting(agenda=(AgendaItem(case_number=CaseNumber.parse("1/2022"), title="a\x1bb"),)),
         "$.agenda[0].title", "\x1b"),
        (ActionPlan(title="P", focus_areas=(FocusArea(number=1, title="F", measures=(
            Measure(number=1, text="Slett\x7f"),)),)), "$.focus_areas[0].measures[0].text",
         "\x7f"),
    ],
)  # fmt: skip
def test_control_characters_rejected_with_path(doc: Any, path: str, code: str) -> None:
    with pytest.raises(UnwritableTextError) as bad:
        khsmodel.export(doc, "ics")
    assert (bad.value.path, bad.value.character) == (path, code)
    assert "iCalendar" in bad.value.reason  # the format's own reason, not XML's


# ---------------------------------------------------------------- UIDs, determinism


def test_uids_stable_and_distinct() -> None:
    def uids(doc: Any) -> list[str]:
        return [str(e["uid"]) for e in items(parse(khsmodel.export(doc, "ics")))]

    m = sami_meeting()
    (uid,) = uids(m)
    assert uid == uids(attrs.evolve(m, location="Teams", start_time=dt.time(10, 0)))[0]
    assert uid != uids(attrs.evolve(m, date=dt.date(2022, 6, 15)))[0]
    assert uid != uids(attrs.evolve(m, body="ssu"))[0]
    assert uuid.UUID(uid).version == 5

    plan = load("002-khs-handlingsplan-2016-2017")
    before = uids(plan)
    assert len(set(before)) == len(before) == 3
    fa = plan.focus_areas[2]
    done = attrs.evolve(fa.measures[1], status=MeasureStatus.DONE)  # "15 mars"
    updated = attrs.evolve(plan, focus_areas=(*plan.focus_areas[:2],
        attrs.evolve(fa, measures=(fa.measures[0], done, *fa.measures[2:])), *plan.focus_areas[3:]))  # fmt: skip
    assert uids(updated) == before


def test_duplicate_numbers_get_distinct_uids() -> None:
    m = Measure(number=1, text="Fagdag", timeframe=Timeframe(text="innen 1. juni 2016",
                interpretation=ByDate(date=dt.date(2016, 6, 1))))  # fmt: skip
    plan = ActionPlan(title="P", focus_areas=(FocusArea(number=1, title="F", measures=(m, m)),))
    events = items(parse(khsmodel.export(plan, "ics")))
    assert len({str(e["uid"]) for e in events}) == 2
    assert str(events[0]["summary"]) == "Frist: Fagdag"  # the plan numbers no measure
    assert events[0]["dtstart"].dt == dt.date(2016, 6, 1)


def test_todos() -> None:
    plan = load("002-khs-handlingsplan-2016-2017")
    fa = plan.focus_areas[2]
    m = attrs.evolve(fa.measures[1], status=MeasureStatus.ONGOING)  # "15 mars"
    span = attrs.evolve(fa.measures[0], timeframe=Timeframe(  # "Mars 2016" made days
        text="1.–20. april 2016", interpretation=khsmodel.interpret_timeframe("1.–20. april 2016")))
    plan = attrs.evolve(plan, focus_areas=(*plan.focus_areas[:2],
        attrs.evolve(fa, measures=(span, m, *fa.measures[2:])), *plan.focus_areas[3:]))  # fmt: skip
    cal = parse(khsmodel.export(plan, "ics", measures="todos"))
    assert items(cal) == []
    todos = {str(t["summary"]): t for t in items(cal, "VTODO")}
    assert len(todos) == 4  # the same measures as the events: none for a month or a year
    one_day = todos["Siste samling i læringsnettverket"]
    assert one_day["due"].dt == dt.date(2016, 3, 15) and "dtstart" not in one_day
    assert str(one_day["status"]) == "IN-PROCESS"
    days = todos["Implementere pågående pasientforløp"]
    assert (days["dtstart"].dt, days["due"].dt) == (dt.date(2016, 4, 1), dt.date(2016, 4, 20))


def test_deterministic_whatever_the_clock_or_local_time_zone() -> None:
    plan = load("002-khs-handlingsplan-2016-2017")
    data = khsmodel.export(plan, "ics")
    assert data == khsmodel.export(plan, "ics")
    assert b"DTSTAMP:20160208T000000Z" in data  # the day OSU adopted it, not now()
    code = ("import sys, khsmodel; sys.stdout.buffer.write(khsmodel.export("
            f"khsmodel.load({str(DOCS / '002-khs-handlingsplan-2016-2017.json')!r}), 'ics'))")  # fmt: skip
    env = {**os.environ, "TZ": "America/New_York"}
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, env=env, check=True)
    assert out.stdout == data


@given(ks.documents(kinds=("meeting", "action_plan", "case_document")),
       st.sampled_from(["events", "todos"]))  # fmt: skip
def test_generated_documents_parse_back(doc: Any, mode: str) -> None:
    data = khsmodel.export(doc, "ics", measures=mode)
    assert data == khsmodel.export(doc, "ics", measures=mode)
    cal = parse(data)
    comps = [c for c in cal.walk() if c.name in ("VEVENT", "VTODO")]
    uids = [str(c["uid"]) for c in comps]
    assert len(uids) == len(set(uids))
    for c in comps:
        assert "dtstamp" in c and "\r" not in str(c["summary"])
        if "dtend" in c:
            assert c["dtend"].dt > c["dtstart"].dt
    if isinstance(doc, Meeting):
        assert items(cal)[0]["dtstart"].dt.timetuple()[:3] == doc.date.timetuple()[:3]
        if doc.title is not None:
            assert str(items(cal)[0]["summary"]) == doc.title.replace("\r\n", "\n").replace("\r", "\n")
    if isinstance(doc, CaseDocument) and doc.meeting_date is not None:
        assert items(cal)[0]["dtstart"].dt == doc.meeting_date


def test_title_with_line_break_stays_one_content_line() -> None:
    """A title with a line break once ended the X-WR-CALNAME content line (found by hypothesis)."""
    import icalendar

    doc = khsmodel.CaseDocument(body="osu", case_number=khsmodel.CaseNumber.parse("1/2010"),
                         title="linje 1\nlinje 2", meeting_date=dt.date(2010, 1, 1))
    data = khsmodel.export(doc, "ics")
    assert b"X-WR-CALNAME:Sak 1/2010: linje 1\\nlinje 2\r\n" in data
    cal = icalendar.Calendar.from_ical(data)
    summaries = [str(c["summary"]) for c in cal.walk("VEVENT")]
    assert "Sak 1/2010: linje 1\nlinje 2" in summaries


# ---------------------------------------------------------------------------
# Which timeframes are events: only those stated to the day (issue 18)
# ---------------------------------------------------------------------------

#: A plan period stated to the day: an "ongoing" measure spans it.
DAY_PERIOD = khsmodel.Period(start=dt.date(2016, 1, 1), end=dt.date(2017, 12, 31))


def _plan_with(
    timeframes: dict[int, Timeframe], period: khsmodel.Period | None = DAY_PERIOD, **changes: Any
) -> ActionPlan:
    """A plan whose focus area 1 holds measures 1, 2 … of these timeframes (text "Tiltak n")."""
    measures = tuple(Measure(number=n, text=f"Tiltak {n}", timeframe=tf, **changes)
                     for n, tf in timeframes.items())  # fmt: skip
    return ActionPlan(title="Handlingsplan", period=period,
                      focus_areas=(FocusArea(number=1, title="Barn og unge", measures=measures),))  # fmt: skip


def _read(text: str) -> Timeframe:
    return Timeframe(text=text, interpretation=khsmodel.interpret_timeframe(text, period=DAY_PERIOD))


@pytest.mark.parametrize(
    ("text", "summary", "first", "last"),
    [
        ("15. mars 2016", "Tiltak 1", dt.date(2016, 3, 15), dt.date(2016, 3, 15)),
        ("Tysdag 18. oktober 2016", "Tiltak 1", dt.date(2016, 10, 18), dt.date(2016, 10, 18)),
        ("10. mars - 6. mai 2016", "Tiltak 1", dt.date(2016, 3, 10), dt.date(2016, 5, 6)),
        ("12. – 13. juni 2016", "Tiltak 1", dt.date(2016, 6, 12), dt.date(2016, 6, 13)),
        ("Innen 1. juni 2016", "Frist: Tiltak 1", dt.date(2016, 6, 1), dt.date(2016, 6, 1)),
        ("Oppstart 1. mars 2016", "Start: Tiltak 1", dt.date(2016, 3, 1), dt.date(2016, 3, 1)),
        ("Løpende", "Tiltak 1", dt.date(2016, 1, 1), dt.date(2017, 12, 31)),  # the period's days
    ],
)  # fmt: skip
def test_a_timeframe_stated_to_the_day_is_an_event(
    text: str, summary: str, first: dt.date, last: dt.date
) -> None:
    plan = _plan_with({1: _read(text)})
    (ev,) = items(parse(khsmodel.export(plan, "ics")))
    assert str(ev["summary"]) == summary
    assert (ev["dtstart"].dt, ev["dtend"].dt) == (first, last + dt.timedelta(days=1))
    assert f"Tidsperspektiv: {text}" in str(ev["description"]).split("\n")
    assert "rrule" not in ev
    (todo,) = items(parse(khsmodel.export(plan, "ics", measures="todos")), "VTODO")
    if summary.startswith("Start: "):  # a start and no end: no due day
        assert todo["dtstart"].dt == first and "due" not in todo
    else:
        assert todo["due"].dt == last


@pytest.mark.parametrize(
    "text",
    [
        "Medio juni 2016", "Primo mars 2016", "Ultimo mars 2016", "April 2016", "2016",
        "I løpet av 2016", "2016-2017", "Mars - april 2016", "Våren 2016", "Hausten 2016",
        "Sommeren 2016", "1. kvartal 2016", "2. halvår 2016", "3. tertial 2016", "Uke 12 2016",
        "Uke 12-14 2016", "Innen utgangen av mars 2016", "Innen utgangen av 2016", "Innen mars 2016",
        "Starter i april 2016", "Fra høsten 2016", "Fra 2016", "Årlig i mars", "Årlig",
        "Kvartalsvis", "Hver måned", "Hvert møte", "Neste møte", "Etter behov",
        "Tidsplan i samarbeid med kommunene",
    ],
)  # fmt: skip
def test_a_fuzzier_timeframe_is_no_event(text: str) -> None:
    """A month, a part of one, a season, a quarter, a week, a year, a deadline or start that
    names no day, a recurrence: the plan gives no day, and the calendar invents none."""
    tf = _read(text)
    assert tf.precision(DAY_PERIOD) is not Precision.DAY
    plan = _plan_with({1: tf, 2: _read("15. mars 2016")})
    for mode, kind in (("events", "VEVENT"), ("todos", "VTODO")):
        cal = parse(khsmodel.export(plan, "ics", measures=mode))
        assert [str(c["summary"]) for c in items(cal, kind)] == ["Tiltak 2"]


def test_ongoing_in_a_period_of_years_is_no_event() -> None:
    """ "Løpende" in a plan for "2016-2017" (years, not days) would be an invented
    1 January – 31 December."""
    years = khsmodel.Period(start=khsmodel.PartialDate(year=2016), end=khsmodel.PartialDate(year=2017))
    cal = parse(khsmodel.export(_plan_with({1: _read("Løpende")}, years), "ics"))
    assert items(cal) == []
    open_end = khsmodel.Period(start=dt.date(2016, 3, 1))  # a start on a day, no end
    (ev,) = items(parse(khsmodel.export(_plan_with({1: _read("Løpende")}, open_end), "ics")))
    assert str(ev["summary"]) == "Start: Tiltak 1" and ev["dtstart"].dt == dt.date(2016, 3, 1)


@given(
    ks.periods(bounded=True, min_days=1, max_days=2000),
    st.lists(ks.interpretations(kinds=(khsmodel.Recurring,)), min_size=1, max_size=4),
    st.sampled_from(["events", "todos"]),
)
def test_no_recurrence_is_an_event(
    period: khsmodel.Period, recurrences: list[khsmodel.Recurring], mode: str
) -> None:
    """Every recurrence the model reads occurs by month, quarter or year (or per meeting):
    none states a day, so none is in the calendar, with or without a rule."""
    plan = _plan_with({n: Timeframe(text="x", interpretation=r) for n, r in enumerate(recurrences, 1)},
                      period)  # fmt: skip
    data = khsmodel.export(plan, "ics", measures=mode)
    assert b"RRULE" not in data.split(b"END:VTIMEZONE")[1]
    assert [c for c in parse(data).walk() if c.name in ("VEVENT", "VTODO")] == []


@settings(max_examples=60, deadline=None, suppress_health_check=list(HealthCheck))
@given(ks.documents(kinds=("action_plan",)), st.sampled_from(["events", "todos"]))
def test_generated_plans_have_one_component_per_measure_dated_to_the_day(
    plan: ActionPlan, mode: str
) -> None:
    measures = [m for _, m in plan.iter_measures()] + list(plan.ongoing_activities)
    day = [m for m in measures
           if m.timeframe is not None and m.timeframe.precision(plan.period) is Precision.DAY]  # fmt: skip
    kind = "VTODO" if mode == "todos" else "VEVENT"
    comps = items(parse(khsmodel.export(plan, "ics", measures=mode)), kind)
    assert len(comps) == len(day)
    texts = {m.text.replace("\r\n", "\n").replace("\r", "\n") for m in day}
    for c in comps:
        assert any(str(c["summary"]).endswith(t) for t in texts)


# ---------------------------------------------------------------- the numbers it prints


def test_summary_numbered_as_the_plan_numbers_its_measures() -> None:
    """The calendar names a measure as the plan's document does: the label as written, no
    number where the plan prints none; the ``numbering`` option as for the documents."""
    tfs = {1: _read("15. mars 2016"), 2: _read("16. mars 2016")}
    unnumbered = _plan_with(tfs)
    assert set(by_summary(parse(khsmodel.export(unnumbered, "ics")))) == {"Tiltak 1", "Tiltak 2"}
    def cells(doc: ActionPlan) -> set[str]:  # the measure cells of the document
        page = html_support.parse(khsmodel.export(doc, "html"))
        return {e.text() for e in page.all("td", "th") if "Tiltak " in e.text()}

    assert cells(unnumbered) == {"Tiltak 1", "Tiltak 2"}  # the document numbers none either
    fa = unnumbered.focus_areas[0]
    labelled = attrs.evolve(unnumbered, focus_areas=(attrs.evolve(fa, measures=(
        attrs.evolve(fa.measures[0], label="a)"), fa.measures[1])),))  # fmt: skip
    assert set(by_summary(parse(khsmodel.export(labelled, "ics")))) == {"a) Tiltak 1", "Tiltak 2"}
    assert cells(labelled) == {"a) Tiltak 1", "Tiltak 2"}  # as the document prints it
    every = by_summary(parse(khsmodel.export(labelled, "ics", numbering=True)))
    assert set(every) == {"a) Tiltak 1", "1.2 Tiltak 2"}
    none = by_summary(parse(khsmodel.export(labelled, "ics", numbering=False)))
    assert set(none) == {"Tiltak 1", "Tiltak 2"}
    # the focus area as the document heads it: by its label as written, else by title
    assert "Fokusområde: Barn og unge" in str(none["Tiltak 1"]["description"]).split("\n")
    seed = load("001-khs-handlingsplan-2015")
    fa1 = seed.focus_areas[0]
    dated = attrs.evolve(seed, period=DAY_PERIOD, focus_areas=(attrs.evolve(fa1, measures=(
        attrs.evolve(fa1.measures[0], timeframe=_read("15. mars 2016")),)),))  # fmt: skip
    (ev,) = items(parse(khsmodel.export(dated, "ics")))
    assert str(ev["summary"]) == f"1. {fa1.measures[0].text}"  # its label "1." as the plan prints it
    assert f"Fokusområde 1: {fa1.title}" in str(ev["description"]).split("\n")


# ---------------------------------------------------------------- a plan with no day


@pytest.mark.parametrize("name", ["001-khs-handlingsplan-2015", "004-ssu-handlingsplan-2021-2022"])
def test_a_plan_with_no_day_is_a_valid_empty_calendar(name: str) -> None:
    plan = load(name)
    measures = [m for _, m in plan.iter_measures()] + list(plan.ongoing_activities)
    assert not any(m.timeframe and m.timeframe.precision(plan.period) is Precision.DAY for m in measures)
    data = khsmodel.export(plan, "ics")
    cal = parse(data)
    assert cal.name == "VCALENDAR" and str(cal["version"]) == "2.0"
    assert str(cal["x-wr-calname"]).replace("\\,", ",") == plan.title  # an X- name is read as written
    assert [c.name for c in cal.subcomponents] == ["VTIMEZONE"]
    assert data.endswith(b"END:VCALENDAR\r\n")


def _export_ics(source: str, out: Path) -> subprocess.CompletedProcess[str]:
    """``khsmodel export DOCS/source -f ics -o out``, as a user runs it."""
    return subprocess.run(
        [sys.executable, "-m", "khsmodel", "export", str(DOCS / source), "-f", "ics", "-o", str(out)],
        capture_output=True, text=True, env={**os.environ, "PYTHONPATH": str(ROOT / "src")},
    )  # fmt: skip


def test_cli_notes_a_calendar_without_events(tmp_path: Path) -> None:
    out = tmp_path / "plan.ics"
    run = _export_ics("001-khs-handlingsplan-2015.json", out)
    assert run.returncode == 0, run.stderr
    assert "the calendar has no events" in run.stderr and "dated to the day" in run.stderr
    assert [c.name for c in parse(out.read_bytes()).subcomponents] == ["VTIMEZONE"]
    run = _export_ics("002-khs-handlingsplan-2016-2017.json", tmp_path / "dated.ics")
    assert run.returncode == 0 and "no events" not in run.stderr


def test_timeline_spans_ongoing_and_lists_recurring_unplaced() -> None:
    """Word and PDF share the timeline data: "Løpende" is a bar over the plan's period;
    "Årlig i mars" is listed with its words (one bar from first to last March would say
    it runs all the time between)."""
    from khsmodel.labels import NB
    from khsmodel_exporters._timeline_data import collect

    plan = _plan_with({1: _read("Løpende"), 2: _read("Årlig i mars")})
    data = collect(plan, NB)
    ((_, rows),) = data.groups
    assert [(r.when, r.start, r.end) for r in rows] == [
        ("Løpende", dt.date(2016, 1, 1), dt.date(2017, 12, 31))
    ]
    assert [(r.when, r.start) for _, r in data.unresolved] == [("Årlig i mars", None)]
