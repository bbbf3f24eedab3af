"""The year's meeting plan (møteplan): model, JSON, iCalendar, and Word/PDF/HTML read back
(the table by month and the årshjul with its text alternative)."""

from __future__ import annotations

import datetime as dt
import io
import json
import re
import sys
from pathlib import Path
from typing import Any

import attrs
import pytest
from hypothesis import HealthCheck, given, settings

import khsmodel
from khsmodel import (
    FieldValueError,
    KhsModelError,
    MeetingPlan,
    PlannedMeeting,
    YearDate,
)
from khsmodel import strategies as ks
from khsmodel.labels import for_language
from khsmodel_exporters.content.meetingplans import RING_COLOURS
from tests.support.pdf_support import norm, pdftotext
from tests.support.text import words

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "examples"))

import made_up_meeting_plan  # noqa: E402
import vest_viken  # noqa: E402

icalendar = pytest.importorskip("icalendar")

D = dt.date


@pytest.fixture(scope="module")
def made_up() -> MeetingPlan:
    return made_up_meeting_plan.meeting_plan_2026()


# ---------------------------------------------------------------- the model
def test_deadline_is_the_meetings_own_or_the_rule(made_up: MeetingPlan) -> None:
    dues = {m.date: made_up.deadline(m) for m in made_up.meetings}
    assert dues[D(2026, 1, 22)] == D(2026, 1, 8)  # 14 days before
    assert dues[D(2026, 6, 11)] == D(2026, 5, 22)  # its own date
    no_rule = attrs.evolve(made_up, documents_due_days=None)
    assert no_rule.deadline(no_rule.meetings[0]) is None
    assert no_rule.deadline(no_rule.meetings[4]) == D(2026, 5, 22)


def test_by_month_and_bodies(made_up: MeetingPlan) -> None:
    months = made_up.by_month()
    assert [m for m, _ in months] == [1, 2, 4, 5, 6, 9, 10, 11]
    assert sum(len(ms) for _, ms in months) == len(made_up.meetings)
    assert made_up.bodies() == ["osu", "ssu", "partnerskapsmotet"]
    assert made_up.body_name("osu") == "Overordnet samarbeidsutvalg"
    assert made_up.body_name("ukjent") == "ukjent"


def test_wheel_has_meetings_dates_and_dated_measures(made_up: MeetingPlan) -> None:
    wheel = made_up.wheel()
    kinds = [e.kind for e in wheel]
    assert kinds.count("meeting") == 8 and kinds.count("date") == 2
    measures = [(e.date, e.text) for e in wheel if e.kind == "measure"]
    # a day ("18. mars 2026") and a deadline ("Innen 1. oktober 2026")
    assert measures == [(D(2026, 3, 18), "Fagdag om psykisk helse"),
                        (D(2026, 10, 1), "Felles rutine for utskrivning")]  # fmt: skip
    assert [e.date for e in wheel] == sorted(e.date for e in wheel)
    with_deadlines = made_up.wheel(deadlines=True)
    assert [e.kind for e in with_deadlines].count("deadline") == 8


@pytest.mark.parametrize(("field", "value"), [("year", 1800), ("documents_due_days", -1),
                                               ("documents_due_days", 400)])  # fmt: skip
def test_bad_values_are_refused_with_the_field(field: str, value: int) -> None:
    with pytest.raises(FieldValueError) as info:
        MeetingPlan(**{"year": 2022, field: value})  # type: ignore[arg-type]
    assert field in str(info.value)


def test_json_error_names_the_path() -> None:
    data = json.loads(khsmodel.dumps(vest_viken.meeting_plan_2022()))
    data["meetings"][1]["date"] = "2022-02-30"
    with pytest.raises(KhsModelError) as info:
        khsmodel.loads(json.dumps(data))
    assert "$.meetings[1].date" in str(info.value)


def test_seed_example_gives_only_the_seeds_dates() -> None:
    mp = vest_viken.meeting_plan_2022()
    assert [(m.body, m.date) for m in mp.meetings] == [
        ("samarbeidsstyret", D(2022, 1, 10)), ("partnerskapsmotet", D(2022, 2, 4))]  # fmt: skip
    assert all(m.start_time is None and m.location is None and m.documents_due is None
               for m in mp.meetings)  # fmt: skip
    assert mp.documents_due_days is None
    assert list(khsmodel.validate(mp)) == []


def test_examples_validate_against_the_schema(made_up: MeetingPlan) -> None:
    jsonschema = pytest.importorskip("jsonschema")
    schema = khsmodel.json_schema()
    for doc in (made_up, vest_viken.meeting_plan_2022()):
        text = khsmodel.dumps(doc)
        jsonschema.validate(json.loads(text), schema)
        assert khsmodel.loads(text) == doc


# ---------------------------------------------------------------- iCalendar
def _events(data: bytes) -> list[Any]:
    return [c for c in icalendar.Calendar.from_ical(data).walk() if c.name == "VEVENT"]


def _category(ev: Any) -> str:
    cats = ev["categories"]
    return str(cats.cats[0]) if hasattr(cats, "cats") else str(cats)


@settings(max_examples=40, deadline=None, suppress_health_check=list(HealthCheck))
@given(ks.meeting_plans())
def test_ics_has_one_event_per_meeting(mp: MeetingPlan) -> None:
    data = khsmodel.export(mp, "ics")
    assert data == khsmodel.export(mp, "ics")
    events = _events(data)
    by_cat: dict[str, list[Any]] = {}
    for ev in events:
        by_cat.setdefault(_category(ev), []).append(ev)
    # the categories in the plan's language (nb "Møte", "Frist for saksdokumenter", "Dato")
    words = for_language(mp.language).calendar
    meetings = by_cat.get(words["meeting"], [])
    assert len(meetings) == len(mp.meetings)
    assert sorted(_day(ev["dtstart"].dt) for ev in meetings) == sorted(m.date for m in mp.meetings)
    deadlines = [d for m in mp.meetings if (d := mp.deadline(m)) is not None]
    assert sorted(ev["dtstart"].dt for ev in by_cat.get(words["deadline"], [])) == sorted(
        deadlines)
    assert len(by_cat.get(words["date"], [])) == len(mp.dates)
    assert len(events) == len(mp.meetings) + len(deadlines) + len(mp.dates)
    uids = [str(ev["uid"]) for ev in events]
    assert len(uids) == len(set(uids))


def _day(value: dt.date | dt.datetime) -> dt.date:
    return value.date() if isinstance(value, dt.datetime) else value


def test_ics_of_the_made_up_plan(made_up: MeetingPlan) -> None:
    all_events = _events(khsmodel.export(made_up, "ics"))
    events = {str(ev["summary"]): ev for ev in all_events}
    ssu = [ev for ev in all_events if str(ev["summary"]) == "Strategisk samarbeidsutvalg"]
    assert len(ssu) == 3
    first = min(ssu, key=lambda ev: ev["dtstart"].dt)
    assert first["dtstart"].dt == dt.datetime(2026, 2, 12, 9, 0, tzinfo=first["dtstart"].dt.tzinfo)
    assert str(first["dtstart"].dt.tzinfo) == "Europe/Oslo"
    assert str(first["location"]) == "Kárášjohka"
    assert "Frist for saksdokumenter: 29. januar 2026" in str(first["description"])
    deadline = events["Frist for saksdokumenter: Partnerskapsmøtet 15. oktober 2026"]
    assert deadline["dtstart"].dt == D(2026, 10, 1)
    assert events["Statusrapport for handlingsplanen"]["dtstart"].dt == D(2026, 8, 31)


# ---------------------------------------------------------------- Word, PDF, HTML
_MEETING_WORDS = ("Møteplan 2026 (oppdiktet eksempel)", "Frist for saksdokumenter: 14 dager før møtet.",
                  "torsdag 22. januar 2026", "10.00–14.00", "Kárášjohka", "Guovdageaidnu",
                  "22. mai 2026", "Sakspapirer tidligere på grunn av pinse & ferie",
                  "Andre datoer",
                  "Statusrapport for handlingsplanen", "Tiltak med dato",
                  "Felles rutine for utskrivning", "Årshjul 2026")  # fmt: skip
_MONTHS = ("Januar", "Februar", "April", "Mai", "Juni", "September", "Oktober", "November")


def test_docx_reads_back_the_table_by_month(made_up: MeetingPlan) -> None:
    docx = pytest.importorskip("docx")
    d = docx.Document(io.BytesIO(khsmodel.export(made_up, "docx")))
    texts = [p.text for p in d.paragraphs]
    for table in d.tables:
        for row in table.rows:
            texts.extend(c.text for c in row.cells)
    text = norm("\n".join(texts))
    for word in (*_MEETING_WORDS[:-1], *_MONTHS):
        assert norm(word) in text, word
    assert "Årshjul 2026" in text  # the wheel's heading, over its picture (test_docx_year_wheel)
    header = [c.text for c in d.tables[0].rows[0].cells]
    assert header == ["Dato", "Tid", "Utvalg", "Sted", "Frist for saksdokumenter", "Merknad"]


def test_seed_plan_prints_no_empty_columns() -> None:
    docx = pytest.importorskip("docx")
    d = docx.Document(io.BytesIO(khsmodel.export(vest_viken.meeting_plan_2022(), "docx")))
    assert [c.text for c in d.tables[0].rows[0].cells] == ["Dato", "Utvalg"]
    cells = [words(c.text) for row in d.tables[0].rows for c in row.cells]
    assert "mandag 10. januar 2022" in cells and "fredag 4. februar 2022" in cells
    assert "Samarbeidsstyret" in cells and "Partnerskapsmøtet" in cells
    body = "\n".join(p.text for p in d.paragraphs)
    assert "Frist for saksdokumenter" not in body  # the seed gives no deadline


def test_pdf_reads_back_with_the_wheel_and_its_text_alternative(made_up: MeetingPlan) -> None:
    data = khsmodel.export(made_up, "pdf")
    assert data == khsmodel.export(made_up, "pdf")
    text = norm(pdftotext(data))
    for word in _MEETING_WORDS:
        assert norm(word) in text, word
    # the wheel: month names, the legend of rings and marks, the days in the dots, and the
    # caption that says how to read it (the text alternative is Word's and the SVG's)
    for word in ("Desember", "Mars", "Juli", "August", "Ring 1: Overordnet samarbeidsutvalg",
                 "Ring 4: Andre datoer og tiltak", "Møte eller annen dato",
                 "Året går med klokka fra januar øverst, og tallet i et merke er dagen i "
                 "måneden. Ring 1 er den ytterste. Den innerste ringen, ring 4, har andre "
                 "datoer og tiltak. En åpen ring er en frist, ikke noe som skjer den dagen."):  # fmt: skip
        assert word in text, word
    assert "på sin dag" not in text and "tabellene over" not in text
    wheel_page = norm(pdftotext(data, first=2, last=2))
    assert re.search(r"\b2026\b", wheel_page) and " 26 " in f" {wheel_page} "


def test_html_has_the_wheel_as_svg_with_its_description(made_up: MeetingPlan) -> None:
    page = words(khsmodel.export(made_up, "html").decode("utf-8"))
    for word in _MEETING_WORDS:
        assert word.replace("&", "&amp;") in page, word
    svg = re.search(r'<figure class="year-wheel">(.*?)</figure>', page, re.S)
    assert svg is not None
    figure = svg.group(1)
    # the SVG: named by its title, described by the text alternative; the caption differs
    desc = re.search(r'aria-describedby="([^"]+)"', figure)
    assert desc is not None
    alt = re.search(rf'<desc id="{desc.group(1)}">(.*?)</desc>', figure)
    assert alt is not None and alt.group(1) == (
        "Årshjul: årets tolv måneder som en sirkel, med en ring per utvalg og et merke for hver "
        "dato i møteplanen. Datoene står i tabellene over: Møter, Andre datoer og Tiltak med "
        "dato.")
    caption = re.search(r"<figcaption>(.*?)</figcaption>", figure)
    assert caption is not None and caption.group(1).startswith("Året går med klokka")
    assert caption.group(1) != alt.group(1)
    assert 'role="img"' in figure and "<title" in figure and "<br>" not in figure
    marks = len(made_up.wheel(deadlines=True))
    assert figure.count("<circle") == marks + 5 + 2  # marks, 4 rings and hub, legend marks
    assert "<title>15. oktober 2026: Partnerskapsmøtet</title>" in figure
    # a deadline is a hollow ring in its body's ring, named as a deadline, in the ring's colour
    hollow = re.search(r"<title>1\. oktober 2026: Frist for saksdokumenter: Partnerskapsmøtet"
                       r'</title><circle [^>]*fill="#ffffff" stroke="(#[0-9A-F]{6})"', figure)
    assert hollow is not None and hollow.group(1) == RING_COLOURS[2]
    assert "<title>1. oktober 2026: Frist: Felles rutine for utskrivning</title>" in figure
    legend = re.findall(r'<li><svg class="mark"[^>]*>.*?</svg>([^<]*)</li>', figure)
    assert legend == ["Møte eller annen dato", "Frist"]


def test_no_wheel_without_dates() -> None:
    empty = MeetingPlan(year=2024)
    content = khsmodel.export(empty, "html").decode("utf-8")
    assert '<figure class="year-wheel"' not in content and "Møteplanen har ingen møter." in content
    text = norm(pdftotext(khsmodel.export(empty, "pdf")))
    assert "Møteplan 2024" in text and "Årshjul" not in text


def test_hostile_text_survives_or_is_refused() -> None:
    mp = MeetingPlan(year=2024, meetings=(
        PlannedMeeting(body="Sámi <&> čđŋšŧž Ï", date=D(2024, 3, 5), location="A & B <c>"),),
        dates=(YearDate(date=D(2024, 4, 1), text="Frist <rapport> & æøå"),))  # fmt: skip
    page = khsmodel.export(mp, "html").decode("utf-8")
    assert "Sámi &lt;&amp;&gt; čđŋšŧž Ï" in page and "Frist &lt;rapport&gt; &amp; æøå" in page
    assert "Sámi <&> čđŋšŧž Ï" in norm(pdftotext(khsmodel.export(mp, "pdf")))
    bad = attrs.evolve(mp, dates=(YearDate(date=D(2024, 4, 1), text="a\x01b"),))
    with pytest.raises(KhsModelError) as info:
        khsmodel.export(bad, "pdf")
    assert "dates[0].text" in str(info.value)


@settings(max_examples=30, deadline=None, suppress_health_check=list(HealthCheck))
@given(ks.meeting_plans(hostile=False))
def test_every_mark_of_the_wheel_is_in_a_table(mp: MeetingPlan) -> None:
    """The tables are the årshjul's text alternative: each mark's date is a row of one."""
    from khsmodel.labels import NB
    from khsmodel_exporters import content as C
    from khsmodel_exporters.content import YearWheel

    content = C.build(mp)
    cells = {
        "".join(s.text for p in cell.paras for s in p.spans)
        for b in content.blocks if isinstance(b, C.Table)
        for row in b.rows if isinstance(row, C.Row)
        for cell in row.cells
    }  # fmt: skip
    wheels = [b for b in content.blocks if isinstance(b, YearWheel)]
    assert len(wheels) == (1 if mp.meetings or mp.dates else 0)
    for wheel in wheels:
        dues = [d for m in mp.meetings if (d := mp.deadline(m)) is not None and d.year == mp.year]
        assert len(wheel.marks) == len(mp.meetings) + len(mp.dates) + len(dues)
        assert sum(deadline for *_, deadline in wheel.marks) == len(dues)
        for _ring, day, _text, _deadline in wheel.marks:
            assert any(words(c).endswith(NB.date(day)) for c in cells), day


def test_cli_exports_a_meeting_plan(tmp_path: Path, made_up: MeetingPlan) -> None:
    import subprocess

    src = tmp_path / "moteplan.json"
    khsmodel.dump(made_up, src)
    out = subprocess.run([sys.executable, "-m", "khsmodel", "export", str(src), "-f", "ics",
                          "-o", str(tmp_path / "m.ics")], capture_output=True, text=True)  # fmt: skip
    assert out.returncode == 0, out.stderr
    assert (tmp_path / "m.ics").read_bytes().count(b"BEGIN:VEVENT") == 20  # 2 dated measures
    bad = json.loads(src.read_text(encoding="utf-8"))
    bad["meetings"][0]["documents_due"] = "2026-02-01"
    src.write_text(json.dumps(bad), encoding="utf-8")
    out = subprocess.run([sys.executable, "-m", "khsmodel", "validate", str(src)],
                         capture_output=True, text=True)  # fmt: skip
    assert out.returncode == 1 and "MPL001" in out.stdout + out.stderr
    assert "$.meetings[0].documents_due" in out.stdout + out.stderr


# ------------------------------------------------------- review fixes (deadlines, titles)
def test_a_title_that_only_repeats_the_body_is_printed_once() -> None:
    mp = MeetingPlan(year=2026, meetings=(
        PlannedMeeting(body="Partnerskapsmøtet", date=D(2026, 3, 18), title="Partnerskapsmøte 2026"),
        PlannedMeeting(body="Partnerskapsmøtet", date=D(2026, 9, 18), title="Partnerskapsmøtet"),
        PlannedMeeting(body="Partnerskapsmøtet", date=D(2026, 10, 1), title="Dialogmøte om rus"),
    ))  # fmt: skip
    assert [mp.meeting_title(m) for m in mp.meetings] == [None, None, "Dialogmøte om rus"]
    cal = icalendar.Calendar.from_ical(khsmodel.export(mp, "ics"))
    summaries = [str(e["summary"]) for e in cal.walk("VEVENT")]
    assert summaries == ["Partnerskapsmøtet", "Partnerskapsmøtet", "Dialogmøte om rus"]
    docx = pytest.importorskip("docx")
    text = "\n".join(c.text for t in docx.Document(io.BytesIO(khsmodel.export(mp, "docx"))).tables
                     for r in t.rows for c in r.cells)  # fmt: skip
    assert "Partnerskapsmøte 2026" not in text and "(Dialogmøte om rus)" in text


def test_a_measure_due_by_a_date_reads_as_a_deadline(made_up: MeetingPlan) -> None:
    due = [e for e in made_up.wheel() if e.kind == "measure" and e.due]
    assert [(e.date, e.due) for e in due] == [(D(2026, 10, 1), "Innen 1. oktober 2026")]
    docx = pytest.importorskip("docx")
    doc = docx.Document(io.BytesIO(khsmodel.export(made_up, "docx")))
    rows = [[c.text for c in r.cells] for t in doc.tables for r in t.rows]
    row = next(r for r in rows if "Felles rutine for utskrivning" in r)
    assert row[0] == "Innen 1. oktober 2026" and "torsdag" not in row[0]
    text = norm(pdftotext(khsmodel.export(made_up, "pdf")))
    assert "torsdag 1. oktober 2026" not in text and "Innen 1. oktober 2026" in text


def test_the_meeting_plan_ics_has_the_dated_measures_the_document_shows(made_up: MeetingPlan) -> None:
    cal = icalendar.Calendar.from_ical(khsmodel.export(made_up, "ics"))
    measures = {str(e["summary"]): e for e in cal.walk("VEVENT")
                if "Tiltak" in [str(c) for c in e["categories"].cats]}  # fmt: skip
    assert set(measures) == {"Fagdag om psykisk helse", "Frist: Felles rutine for utskrivning"}
    frist = measures["Frist: Felles rutine for utskrivning"]
    assert frist["dtstart"].dt == D(2026, 10, 1) and "Innen 1. oktober 2026" in str(frist["description"])
    shown = {e.text for e in made_up.wheel() if e.kind == "measure"}
    assert {s.removeprefix("Frist: ") for s in measures} == shown


def test_a_deadline_that_names_no_day_is_not_marked_on_one(made_up: MeetingPlan) -> None:
    """ "Innen utgangen av oktober 2026" or "Medio juni 2026" names no day: neither the
    årshjul, the document's dated measures nor the calendar puts it on 31 October or 11 June."""
    assert made_up.plan is not None
    fa = made_up.plan.focus_areas[0]
    fuzzy = tuple(
        khsmodel.Measure(number=n, text=f"Uklar {n}", timeframe=khsmodel.Timeframe(
            text=text, interpretation=khsmodel.interpret_timeframe(text)))
        for n, text in ((3, "Innen utgangen av oktober 2026"), (4, "Medio juni 2026"),
                        (5, "Innen utgangen av 2026"))
    )  # fmt: skip
    mp = attrs.evolve(made_up, plan=attrs.evolve(made_up.plan, focus_areas=(
        attrs.evolve(fa, measures=fa.measures + fuzzy),)))  # fmt: skip
    assert {e.text for e in mp.wheel() if e.kind == "measure"} == {
        "Fagdag om psykisk helse", "Felles rutine for utskrivning"}
    cal = icalendar.Calendar.from_ical(khsmodel.export(mp, "ics"))
    assert not any("Uklar" in str(e["summary"]) for e in cal.walk("VEVENT"))
    assert len(cal.walk("VEVENT")) == len(_events(khsmodel.export(made_up, "ics")))


def test_dtstamp_is_not_after_the_data(made_up: MeetingPlan) -> None:
    data = khsmodel.export(made_up, "ics")
    assert data == khsmodel.export(made_up, "ics")
    stamps = {e["dtstamp"].dt for e in icalendar.Calendar.from_ical(data).walk("VEVENT")}
    first = min(m.date for m in made_up.meetings)
    assert len(stamps) == 1 and stamps.pop().date() <= first
