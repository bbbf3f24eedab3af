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
from hypothesis import given
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
    assert (unknown.value.key, unknown.value.value, unknown.value.valid) == ("colour", "red", ("labels", "language", "measures"))
    with pytest.raises(ExporterOptionError) as bad:
        khsmodel.export(sami_meeting(), "ics", measures="tasks")
    assert (bad.value.exporter, bad.value.key, bad.value.value) == ("ics", "measures", "tasks")
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


def test_plan_2016_2017_measures_with_resolved_dates() -> None:
    plan = load("002-khs-handlingsplan-2016-2017")
    cal = parse(khsmodel.export(plan, "ics"))
    events = by_summary(cal)
    resolved = [(fa, m) for fa, m in plan.iter_measures() if m.timeframe and m.timeframe.resolved]
    assert len(events) == len(resolved) == 17
    conf = events["2.3 Konferanse for kommuner og helseforetak"]
    assert (conf["dtstart"].dt, conf["dtend"].dt) == (dt.date(2016, 4, 1), dt.date(2016, 5, 1))
    assert str(conf["transp"]) == "TRANSPARENT"
    assert "Ansvarlig: Vestre Viken\nTidsperspektiv: April" in str(conf["description"])
    assert "Fokusområde 2: Tiltak rettet mot barn og unge" in str(conf["description"])
    samling = events["3.2 Siste samling i læringsnettverket"]
    assert (samling["dtstart"].dt, samling["dtend"].dt) == (dt.date(2016, 3, 15), dt.date(2016, 3, 16))
    assert "Fase: Fase 1" in str(samling["description"])
    start = events["Start: 3.3 Implementering i pilotkommuner og sykehus"]
    assert (start["dtstart"].dt, start["dtend"].dt) == (dt.date(2016, 4, 1), dt.date(2016, 4, 2))
    skisse = events["3.5 Spredning til alle kommuner og sykehus"]
    assert skisse["dtstart"].dt == dt.date(2016, 2, 8)
    juni = events["2.4 Kommunene etterspør kompetanse på tidlig intervensjon"]
    assert (juni["dtstart"].dt, juni["dtend"].dt) == (dt.date(2016, 6, 11), dt.date(2016, 6, 21))
    # "Neste møte" without a known date and unresolved texts are left out
    assert not any(s.startswith(("1.1 ", "2.1 ", "2.2 ", "3.4 ", "5.2 ")) for s in events)
    assert all(isinstance(e["dtstart"].dt, dt.date) and not isinstance(e["dtstart"].dt, dt.datetime)
               for e in events.values())  # fmt: skip


def test_case_document_on_its_meeting_date_with_attached_plan() -> None:
    case = load("004-partnerskapsmote-sak-07-2021-saksframlegg")
    (ev,) = items(parse(khsmodel.export(case, "ics")))
    assert str(ev["summary"]).startswith("Sak 07-2021: Handlingsplan for strategisk samarbeidsutvalg")
    assert ev["dtstart"].dt == dt.date(2021, 9, 23)
    assert "Arkivsak: 2021/3288" in str(ev["description"])
    plan = load("002-khs-handlingsplan-2016-2017")
    with_plan = attrs.evolve(case, attachments=(Attachment(title="Handlingsplan", document=plan),))
    cal = parse(khsmodel.export(with_plan, "ics"))
    assert len(items(cal)) == 1 + 17
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
    assert len(set(before)) == len(before) == 17
    fa = plan.focus_areas[1]
    done = attrs.evolve(fa.measures[2], status=MeasureStatus.DONE)
    updated = attrs.evolve(plan, focus_areas=(plan.focus_areas[0],
        attrs.evolve(fa, measures=(*fa.measures[:2], done, *fa.measures[3:])), *plan.focus_areas[2:]))  # fmt: skip
    assert uids(updated) == before


def test_duplicate_numbers_get_distinct_uids() -> None:
    m = Measure(number=1, text="Fagdag", timeframe=Timeframe(text="innen 1. juni 2016",
                interpretation=ByDate(date=dt.date(2016, 6, 1))))  # fmt: skip
    plan = ActionPlan(title="P", focus_areas=(FocusArea(number=1, title="F", measures=(m, m)),))
    events = items(parse(khsmodel.export(plan, "ics")))
    assert len({str(e["uid"]) for e in events}) == 2
    assert str(events[0]["summary"]) == "Frist: 1.1 Fagdag"
    assert events[0]["dtstart"].dt == dt.date(2016, 6, 1)


def test_todos() -> None:
    plan = load("002-khs-handlingsplan-2016-2017")
    fa = plan.focus_areas[1]
    m = attrs.evolve(fa.measures[2], status=MeasureStatus.ONGOING)
    plan = attrs.evolve(plan, focus_areas=(plan.focus_areas[0],
        attrs.evolve(fa, measures=(*fa.measures[:2], m, *fa.measures[3:])), *plan.focus_areas[2:]))  # fmt: skip
    cal = parse(khsmodel.export(plan, "ics", measures="todos"))
    assert items(cal) == []
    todos = {str(t["summary"]): t for t in items(cal, "VTODO")}
    assert len(todos) == 17
    conf = todos["2.3 Konferanse for kommuner og helseforetak"]
    assert (conf["dtstart"].dt, conf["due"].dt) == (dt.date(2016, 4, 1), dt.date(2016, 4, 30))
    assert str(conf["status"]) == "IN-PROCESS"
    one_day = todos["3.2 Siste samling i læringsnettverket"]
    assert one_day["due"].dt == dt.date(2016, 3, 15) and "dtstart" not in one_day


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
# Ongoing and recurring measures (issue 15)
# ---------------------------------------------------------------------------


def _plan_with(timeframes: dict[int, Timeframe], period: khsmodel.Period | None = None) -> ActionPlan:
    """Seed 002 with focus area 1 holding measures 1.1, 1.2 … of these timeframes."""
    plan = load("002-khs-handlingsplan-2016-2017")
    fa = plan.focus_areas[0]
    measures = tuple(
        attrs.evolve(fa.measures[0], number=n, timeframe=tf) for n, tf in timeframes.items()
    )
    plan = attrs.evolve(plan, focus_areas=(attrs.evolve(fa, measures=measures), *plan.focus_areas[1:]))
    return attrs.evolve(plan, period=period) if period is not None else plan


def _rrule_starts(ev: Any) -> list[dt.date]:
    from dateutil.rrule import rrulestr

    rule = ev["rrule"].to_ical().decode()
    start = ev["dtstart"].dt
    return [d.date() for d in rrulestr(rule, dtstart=dt.datetime.combine(start, dt.time()))]


def test_ongoing_and_recurring_measures() -> None:
    interpret = khsmodel.interpret_timeframe
    tfs = {n: Timeframe(text=text, interpretation=interpret(text))
           for n, text in ((1, "Løpende"), (2, "Årlig i mars"), (3, "Kvartalsvis"), (4, "Hvert møte"))}  # fmt: skip
    plan = _plan_with(tfs)
    fa = plan.focus_areas[0]
    cal = parse(khsmodel.export(plan, "ics"))
    events = {str(e["summary"]).split(" ", 1)[0]: e for e in items(cal)}
    ongoing = events["1.1"]  # the plan's period, 2016-2017
    assert (ongoing["dtstart"].dt, ongoing["dtend"].dt) == (dt.date(2016, 1, 1), dt.date(2018, 1, 1))
    assert "rrule" not in ongoing
    march = events["1.2"]
    assert (march["dtstart"].dt, march["dtend"].dt) == (dt.date(2016, 3, 1), dt.date(2016, 4, 1))
    assert march["rrule"].to_ical() == b"FREQ=YEARLY;UNTIL=20170301"
    assert "Tidsperspektiv: Årlig i mars" in str(march["description"])
    assert _rrule_starts(march) == [dt.date(2016, 3, 1), dt.date(2017, 3, 1)]
    quarterly = events["1.3"]
    assert quarterly["rrule"].to_ical() == b"FREQ=MONTHLY;UNTIL=20171001;INTERVAL=3"
    starts = _rrule_starts(quarterly)
    expected = [lo for lo, _ in tfs[3].interpretation.occurrences(plan.period)]  # type: ignore[union-attr]
    assert starts == expected and len(starts) == 8
    # 90 days, the shortest quarter: no instance runs into the next quarter
    assert quarterly["dtend"].dt - quarterly["dtstart"].dt == dt.timedelta(days=90)
    assert "1.4" not in events  # per meeting: the plan does not give the meetings' dates
    assert fa.measures[3].timeframe == tfs[4]


def test_recurring_measure_in_a_plan_that_starts_mid_year() -> None:
    """A plan from 23 September 2021: the first whole month starts the rule; the cut one is not
    repeated as if it were a month."""
    period = khsmodel.Period(start=dt.date(2021, 9, 23), end=dt.date(2022, 6, 30))
    tf = Timeframe(text="Hver måned", interpretation=khsmodel.interpret_timeframe("Hver måned"))
    plan = _plan_with({1: tf}, period)
    events = {str(e["summary"]).split(" ", 1)[0]: e for e in items(parse(khsmodel.export(plan, "ics")))}
    monthly = events["1.1"]
    assert monthly["dtstart"].dt == dt.date(2021, 10, 1)
    assert monthly["dtend"].dt == dt.date(2021, 10, 29)  # 28 days, the shortest month (February)
    starts = _rrule_starts(monthly)
    assert starts[0] == dt.date(2021, 10, 1) and starts[-1] == dt.date(2022, 6, 1) and len(starts) == 9
    todos = {str(t["summary"]).split(" ", 1)[0]: t
             for t in items(parse(khsmodel.export(plan, "ics", measures="todos")), "VTODO")}  # fmt: skip
    assert todos["1.1"]["rrule"].to_ical() == b"FREQ=MONTHLY;UNTIL=20220601"
    # a yearly one in March, in a plan that has one March: one event, no rule
    tf = Timeframe(text="Årleg i mars", interpretation=khsmodel.interpret_timeframe("Årleg i mars"))
    events = {str(e["summary"]).split(" ", 1)[0]: e
              for e in items(parse(khsmodel.export(_plan_with({1: tf}, period), "ics")))}  # fmt: skip
    assert (events["1.1"]["dtstart"].dt, events["1.1"]["dtend"].dt) == (dt.date(2022, 3, 1), dt.date(2022, 4, 1))
    assert "rrule" not in events["1.1"]


def test_timeline_spans_ongoing_and_lists_recurring_unplaced() -> None:
    """Word and PDF share the timeline data: "Løpende" is a bar over the plan's period;
    "Årlig i mars" is listed with its words (one bar from first to last March would say
    it runs all the time between)."""
    from khsmodel.labels import NB
    from khsmodel_exporters._timeline_data import collect

    interpret = khsmodel.interpret_timeframe
    tfs = {n: Timeframe(text=text, interpretation=interpret(text))
           for n, text in ((1, "Løpende"), (2, "Årlig i mars"))}  # fmt: skip
    plan = _plan_with(tfs)
    data = collect(attrs.evolve(plan, focus_areas=plan.focus_areas[:1]), NB)
    ((_, rows),) = data.groups
    assert [(r.when, r.start, r.end) for r in rows] == [
        ("Løpende", dt.date(2016, 1, 1), dt.date(2017, 12, 31))
    ]
    assert [(r.when, r.start) for _, r in data.unresolved] == [("Årlig i mars", None)]


@given(
    ks.periods(bounded=True, min_days=1, max_days=2000),
    st.lists(ks.interpretations(kinds=(khsmodel.Recurring,)), min_size=1, max_size=4),
    st.sampled_from(["events", "todos"]),
)
def test_recurring_events_lie_in_the_period(
    period: khsmodel.Period, recurrences: list[khsmodel.Recurring], mode: str
) -> None:
    """Every instance of every rule starts and ends inside the plan's period, and the instances
    start where the occurrences do (one cut by an end of the period aside)."""
    from dateutil.rrule import rrulestr

    plan = _plan_with({n: Timeframe(text="x", interpretation=r) for n, r in enumerate(recurrences, 1)},
                      period)  # fmt: skip
    kind = "VTODO" if mode == "todos" else "VEVENT"
    comps = {str(c["summary"]).split(" ", 1)[0]: c
             for c in items(parse(khsmodel.export(plan, "ics", measures=mode)), kind)}  # fmt: skip
    for n, r in enumerate(recurrences, 1):
        occurrences = list(r.occurrences(period))
        comp = comps.get(f"1.{n}")
        if comp is None:
            assert r.frequency is khsmodel.Frequency.PER_MEETING or not occurrences
            continue
        start = comp["dtstart"].dt if "dtstart" in comp else comp["due"].dt
        last = comp["dtend"].dt - dt.timedelta(days=1) if kind == "VEVENT" else comp["due"].dt
        if "rrule" not in comp:
            assert (start, last) in occurrences
            continue
        rule = rrulestr(comp["rrule"].to_ical().decode(), dtstart=dt.datetime.combine(start, dt.time()))
        instances = [d.date() for d in rule]
        assert instances[0] == start
        assert set(instances) <= {lo for lo, _ in occurrences}  # the whole ones
        assert len(instances) >= len(occurrences) - 2  # at most one cut at each end
        for day in instances:
            assert period.contains(day) and period.contains(day + (last - start))


def test_recurring_measure_in_an_open_period_has_no_end() -> None:
    tf = Timeframe(text="Kvartalsvis", interpretation=khsmodel.interpret_timeframe("Kvartalsvis"))
    plan = _plan_with({1: tf}, khsmodel.Period(start=dt.date(2022, 2, 1)))
    (ev,) = [e for e in items(parse(khsmodel.export(plan, "ics"))) if str(e["summary"]).startswith("1.1 ")]
    assert ev["dtstart"].dt == dt.date(2022, 4, 1)  # February–March is cut by the start
    assert ev["rrule"].to_ical() == b"FREQ=MONTHLY;INTERVAL=3"
