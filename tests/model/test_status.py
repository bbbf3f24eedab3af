"""Status reports: khsmodel.report, its rules of counting, its JSON, CSV, Word and PDF, the CLI."""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
from pathlib import Path

import jsonschema
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import khsmodel
from khsmodel import (
    ActionPlan,
    AtEvent,
    FocusArea,
    InMonth,
    Measure,
    MeasureStatus,
    Meeting,
    Period,
    ProgressEntry,
    StatusReport,
    Timeframe,
    Timing,
    report,
)
from khsmodel import strategies as ks
from khsmodel.cli import main
from khsmodel.errors import ArgumentError, DocumentKindError
from khsmodel.status import CLOSED, status_at
from khsmodel.timeframes import interpret_timeframe
from tests.support.pdf_support import norm, pdftotext
from tests.support.text import words

D = dt.date
ROOT = Path(__file__).resolve().parents[2]


def _tf(text: str, year: int, month: int) -> Timeframe:
    return Timeframe(text=text, interpretation=InMonth(year=year, month=month))


def _plan() -> ActionPlan:
    """A small plan with every case: done, overdue, due soon, later, unresolved, ongoing."""
    started = ProgressEntry(date=D(2016, 3, 1), text="Planlegging i gang", status=MeasureStatus.STARTED)
    return ActionPlan(
        id="hp-2016",
        title="Handlingsplan 2016–2017 for Guovdageaidnu & Kárášjohka <utkast>",
        period=Period(start=D(2016, 1, 1), end=D(2017, 12, 31)),
        focus_areas=(
            FocusArea(number=1, label="Fokusområde 1", title="Barn og unge", measures=(
                Measure(number=1, text="Fagdag om ŋ og đ", timeframe=_tf("Juni", 2016, 6),
                        status=MeasureStatus.DONE, progress=(
                            started,
                            ProgressEntry(date=D(2016, 6, 15), text="Gjennomført i Áltá",
                                          status=MeasureStatus.DONE))),
                Measure(number=2, text="Kartlegging", timeframe=_tf("April", 2016, 4),
                        progress=(started,)),
                Measure(number=3, text="Konferanse", timeframe=_tf("September", 2016, 9)),
                Measure(number=4, text="Evaluering", timeframe=_tf("Mars 2017", 2017, 3)),
            )),
            FocusArea(number=2, title="Rehabilitering", measures=(
                Measure(number=1, text="Etter behov-tiltak", timeframe=Timeframe(text="Etter behov")),
                Measure(number=2, text="Avlyst seminar", timeframe=_tf("Mai", 2016, 5),
                        status=MeasureStatus.CANCELLED, progress=(ProgressEntry(
                            date=D(2016, 4, 2), text="Avlyst", status=MeasureStatus.CANCELLED),)),
            )),
        ),
    )  # fmt: skip


AS_OF = D(2016, 9, 1)


def test_report_of_a_plan() -> None:
    r = report(_plan(), AS_OF, since=D(2016, 5, 1))
    got = [(i.focus_area, i.measure, i.status, i.timing) for i in r.items]
    assert got == [
        (1, 1, MeasureStatus.DONE, Timing.NOT_DUE),
        (1, 2, MeasureStatus.STARTED, Timing.OVERDUE),
        (1, 3, None, Timing.DUE_SOON),
        (1, 4, None, Timing.NOT_DUE),
        (2, 1, None, Timing.UNRESOLVED),
        (2, 2, MeasureStatus.CANCELLED, Timing.NOT_DUE),
    ]
    first = r.items[0]
    assert first.status_date == D(2016, 6, 15) and first.note is not None
    assert first.note.text == "Gjennomført i Áltá" and first.end == D(2016, 6, 30)
    assert first.previous_status is MeasureStatus.STARTED
    assert [e.text for e in first.new_notes] == ["Gjennomført i Áltá"]
    assert [(i.focus_area, i.measure) for i in r.changes()] == [(1, 1)]
    s = r.summary()
    assert (s.total, s.overdue, s.due_soon, s.unresolved, s.done) == (6, 1, 1, 1, 1)
    assert s.share_done == pytest.approx(1 / 6)
    assert [(x.focus_area, x.total, x.overdue) for x in r.summaries()] == [(1, 4, 1), (2, 2, 0)]


def test_status_at_a_date_before_any_entry_and_the_undated_status() -> None:
    m = _plan().measure(1, 1)
    assert m is not None
    assert status_at(m, D(2016, 2, 1)) == (None, None)
    assert status_at(m, D(2016, 6, 15)) == (MeasureStatus.DONE, D(2016, 6, 15))
    undated = Measure(number=1, text="x", status=MeasureStatus.ONGOING)
    assert status_at(undated, D(2000, 1, 1)) == (MeasureStatus.ONGOING, None)


def test_report_refuses_bad_dates_and_windows() -> None:
    plan = _plan()
    for call, argument, value in [
        (lambda: report(plan, D(2015, 12, 31)), "as_of", D(2015, 12, 31)),  # before the period
        (lambda: report(plan, AS_OF, since=AS_OF), "since", AS_OF),
        (lambda: report(plan, AS_OF, due_within=-1), "due_within", -1),
        (lambda: report(plan, AS_OF, due_within=dt.timedelta(hours=5)), "due_within",
         dt.timedelta(hours=5)),
        (lambda: report(plan, dt.datetime(2016, 9, 1)), "as_of", dt.datetime(2016, 9, 1)),  # type: ignore[arg-type]
    ]:  # fmt: skip
        with pytest.raises(ArgumentError) as info:
            call()
        assert (info.value.argument, info.value.value) == (argument, value)
    with pytest.raises(DocumentKindError) as kind:
        report(Meeting(body="osu", date=AS_OF), AS_OF)  # type: ignore[arg-type]
    assert (kind.value.expected, kind.value.got) == (("ActionPlan",), "Meeting")
    assert report(plan, D(2030, 1, 1)).as_of == D(2030, 1, 1)  # after the period: fine
    assert report(plan, AS_OF, due_within=dt.timedelta(days=7)).due_within == 7


# ---------------------------------------------------------------- properties


@settings(max_examples=40, deadline=None)
@given(r=ks.status_reports())
def test_counts_add_up_and_overdue_means_ended_and_not_closed(r: StatusReport) -> None:
    s = r.summary()
    assert sum(n for _, n in s.by_status) == s.total == len(r.items)
    areas = r.summaries()
    assert sum(a.total for a in areas) == s.total
    assert sum(a.overdue for a in areas) == s.overdue
    measures = len(list(r.plan.iter_measures())) + len(r.plan.ongoing_activities)
    assert s.total == measures
    for item in r.items:
        m = r.measure(item)
        assert m is not None
        rng = m.timeframe.date_range(r.plan.period) if m.timeframe else None
        resolved = rng is not None and rng != (None, None)
        assert (item.timing is Timing.UNRESOLVED) == (not resolved)
        # "ended": the timeframe's end (Timeframe.end), where the timeline marks it
        end = m.timeframe.end(r.plan.period) if m.timeframe else None
        ended = resolved and end is not None and end < r.as_of
        assert (item.timing is Timing.OVERDUE) == (ended and item.status not in CLOSED)
    assert not khsmodel.validate(r).with_code("REP006")


@settings(max_examples=25, deadline=None)
@given(r=ks.status_reports())
def test_json_round_trip_and_schema(r: StatusReport) -> None:
    text = khsmodel.dumps(r)
    assert khsmodel.loads(text) == r
    jsonschema.validate(json.loads(text), khsmodel.json_schema())


# ---------------------------------------------------------------- exported, read back


def _report() -> StatusReport:
    return report(_plan(), AS_OF, since=D(2016, 5, 1))


def test_csv_reads_back() -> None:
    data = khsmodel.export(_report(), "csv", headers="nb")
    rows = list(csv.DictReader(io.StringIO(data.decode("utf-8"), newline="")))
    assert [r["Tiltak nr."] for r in rows] == ["1", "2", "3", "4", "1", "2"]
    assert rows[0]["Status"] == "Gjennomført" and rows[0]["Statusdato"] == "2016-06-15"
    assert rows[0]["Tiltak"] == "Fagdag om ŋ og đ" and rows[0]["Status før"] == "Startet"
    assert rows[1]["Tidsstatus"] == "Forsinket" and rows[2]["Tidsstatus"] == "Frist nærmer seg"
    assert rows[4]["Tidsstatus"] == "Uten dato" and rows[4]["Tidsperspektiv"] == "Etter behov"
    # the timeframe as written, and the computed end only in a column named as computed
    assert rows[0]["Tidsperspektiv"] == "Juni" and rows[0]["Beregnet sluttdato"] == "2016-06-30"
    assert "Til dato" not in rows[0] and "Frist" not in rows[0]
    en = list(csv.DictReader(io.StringIO(khsmodel.export(_report(), "csv").decode(), newline="")))
    assert en[1]["timing"] == "overdue" and en[0]["status"] == "done"
    # the English header says the end is computed too (it was a bare `end`)
    assert en[0]["timeframe"] == "Juni" and en[0]["computed_end"] == "2016-06-30"
    assert "end" not in en[0]


def test_docx_reads_back() -> None:
    import docx

    doc = docx.Document(io.BytesIO(khsmodel.export(_report(), "docx")))
    text = words("\n".join(p.text for p in doc.paragraphs))
    assert "Statusrapport: Handlingsplan 2016–2017 for Guovdageaidnu & Kárášjohka <utkast>" in text
    assert "Status per 1. september 2016" in text
    assert "Endringer siden 1. mai 2016" in text
    assert "Tiltak uten dato i tidsrammen" in text
    summary = doc.tables[0]
    header = [c.text for c in summary.rows[0].cells]
    assert header[0] == "Fokusområde" and "Gjennomført" in header and "Forsinket" in header
    assert "Planlagt" not in header  # no column of zeros only
    last = [c.text for c in summary.rows[-1].cells]
    assert last[0] == "Hele planen"
    assert last[header.index("Antall tiltak")] == "6"
    assert last[header.index("Forsinket")] == "1"
    assert last[header.index("Andel gjennomført")] == "17\u00a0%"
    cells = [c.text for t in doc.tables[1:] for row in t.rows for c in row.cells]
    assert "Fagdag om ŋ og đ" in cells and any("Forsinket" in c for c in cells)


def test_pdf_reads_back_with_the_chart() -> None:
    data = khsmodel.export(_report(), "pdf")
    text = pdftotext(data)
    assert "Statusrapport" in text and "Hele planen" in text
    assert "Status per fokusområde" in text  # the chart's title, drawn
    assert "Stolpediagram: antall tiltak etter status" in norm(text)  # its text alternative
    assert "Fagdag om ŋ og đ" in text and "Kárášjohka <utkast>" in text
    assert khsmodel.export(_report(), "pdf") == data  # the same bytes again


# ---------------------------------------------------------------- the command line


def test_cli_report(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    plan = tmp_path / "plan.json"
    khsmodel.dump(_plan(), plan)
    out = tmp_path / "status.json"
    assert main(["report", str(plan), "--as-of", "2016-09-01", "--since", "2016-05-01",
                 "-f", "json", "-o", str(out)]) == 0  # fmt: skip
    assert khsmodel.load(out) == _report()
    assert main(["report", str(plan), "--as-of", "2015-01-01", "-f", "json",
                 "-o", str(out)]) == 2  # fmt: skip
    assert "before the plan period" in capsys.readouterr().err
    assert main(["report", str(plan), "--as-of", "2016-09-01", "-f", "json",
                 "-o", str(tmp_path / "x.pdf")]) == 2  # fmt: skip
    assert main(["report", str(tmp_path / "missing.json"), "--as-of", "2016-09-01", "-f", "json",
                 "-o", str(out)]) == 2  # fmt: skip
    other = tmp_path / "partnership.json"
    khsmodel.dump(khsmodel.Agreement(id="a", title="Samarbeidsavtale", level=khsmodel.AgreementLevel.SUB), other)
    assert main(["report", str(other), "--as-of", "2016-09-01", "-f", "json",
                 "-o", str(out)]) == 1  # fmt: skip
    with pytest.raises(SystemExit) as exc:
        main(["report", str(plan), "--as-of", "1.9.2016", "-f", "json", "-o", str(out)])
    assert exc.value.code == 2
    with pytest.raises(SystemExit):
        main(["report", "-h"])
    assert "khsmodel report plan.json --as-of" in capsys.readouterr().out


@pytest.mark.parametrize("status", [s for s in MeasureStatus])
def test_every_status_has_a_word(status: MeasureStatus) -> None:
    from khsmodel.labels import NB
    from khsmodel_exporters.content.status import status_words

    assert status_words(NB)[status] and status_words(NB)[None] == "Uten status"


def test_strategy_is_deterministic_in_shape() -> None:
    @settings(max_examples=5, deadline=None)
    @given(st.data())
    def run(data: st.DataObject) -> None:
        r = data.draw(ks.status_reports(plan=_plan()))
        assert r.plan == _plan() and len(r.items) == 6

    run()


def test_no_column_of_blanks() -> None:
    """No note column without notes, no responsible column when no measure names one."""
    import docx

    plan = ActionPlan(title="Handlingsplan", period=Period(start=D(2016, 1, 1), end=D(2016, 12, 31)),
                      focus_areas=(FocusArea(number=1, title="Barn og unge", measures=(
                          Measure(number=1, text="Fagdag", timeframe=_tf("Mai", 2016, 5)),)),))  # fmt: skip
    doc = docx.Document(io.BytesIO(khsmodel.export(report(plan, AS_OF), "docx")))
    headers = [c.text for c in doc.tables[1].rows[0].cells]
    assert headers == ["Tiltak", "Tidsperspektiv", "Status"]
    with_notes = docx.Document(io.BytesIO(khsmodel.export(_report(), "docx")))
    assert [c.text for c in with_notes.tables[1].rows[0].cells][-1] == "Siste oppfølging"


# A start written in a timeframe is a time inside the work, not its end (the field phrases,
# /work/shared/domain/field-phrases.md, timeframes): such a measure is never overdue.
_STARTS = [
    Timeframe(text=t, interpretation=interpret_timeframe(t, year=2016)) for t in (
        "fra høsten 2016", "fra 1.januar 2016", "Fra januar 2016", "Oppstart i mars 2016")
]  # fmt: skip


@pytest.mark.parametrize("tf", _STARTS, ids=lambda tf: tf.text)
def test_a_start_in_the_timeframe_is_not_a_deadline(tf: Timeframe) -> None:
    assert tf.resolved and tf.end() is None
    plan = ActionPlan(id="hp", title="Plan", period=Period(start=D(2016, 1, 1), end=D(2017, 12, 31)),
                      focus_areas=(FocusArea(number=1, title="Fo", measures=(
                          Measure(number=1, text="Tiltak", timeframe=tf),)),))
    item = report(plan, AS_OF).items[0]
    assert item.timing is Timing.NOT_DUE and item.end is None


# A dated event or milestone is the one day the plan gives: the timeline draws it there (a
# diamond, "Dato eller frist") and the report counts from it, so once it has passed a measure
# not done is late, as one of a month or a deadline is.
_DATED_EVENTS = [
    Timeframe(text="Skisse presenteres i OSU 8. februar", interpretation=AtEvent(
        name="Skisse presenteres i OSU", body="osu", date=D(2016, 2, 8))),
    Timeframe(text="Første møte med fylkekommunen 16. februar", interpretation=AtEvent(
        name="Første møte med fylkekommunen", date=D(2016, 2, 16))),
    Timeframe(text="til og med partnerskapsmøtet 2016", interpretation=AtEvent(
        name="partnerskapsmøtet 2016", date=D(2016, 3, 1))),
    Timeframe(text="Innen neste OSU-møte", interpretation=AtEvent(
        name="neste OSU-møte", date=D(2016, 3, 1))),
]  # fmt: skip


@pytest.mark.parametrize("tf", _DATED_EVENTS, ids=lambda tf: tf.text)
def test_a_dated_event_ends_on_its_day(tf: Timeframe) -> None:
    day = tf.interpretation.date  # type: ignore[union-attr]
    assert tf.end() == day
    plan = ActionPlan(id="hp", title="Plan", focus_areas=(FocusArea(number=1, title="Fo", measures=(
        Measure(number=1, text="Tiltak", timeframe=tf),)),))
    item = report(plan, AS_OF).items[0]
    assert item.timing is Timing.OVERDUE and item.end == day
    done = plan.evolve_measure(1, 1, status=MeasureStatus.DONE)
    assert report(done, AS_OF).items[0].timing is Timing.NOT_DUE


def test_the_2016_status_report_counts_the_dated_milestones_from_their_day() -> None:
    """The two dated milestones of the 2016-2017 plan: drawn on 8 and 16 February in the
    timeline, late on 30 June 2016 in the report (no status recorded), with that end in
    its CSV, not "Ikke forfalt" without a date."""
    import sys
    sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "examples"))
    import khs

    r = khs.status_report_2016()
    late = {r.measure(i).timeframe.text: i.end  # type: ignore[union-attr]
            for i in r.with_timing(Timing.OVERDUE)}  # fmt: skip
    assert late["Skisse presenteres i OSU 8. februar"] == D(2016, 2, 8)
    assert late["Første møte med fylkekommunen 16. februar"] == D(2016, 2, 16)
    rows = khsmodel.export(r, "csv", headers="nb").decode("utf-8-sig").splitlines()
    row = next(line for line in rows if "Skisse presenteres i OSU 8. februar" in line)
    assert "2016-02-08" in row and "Forsinket" in row and "Ikke forfalt" not in row


def test_share_done_is_unknown_when_no_measure_has_a_status() -> None:
    """No registered status says nothing of what is done: "–", never "0 %"."""
    import docx

    plan = ActionPlan(title="Handlingsplan", period=Period(start=D(2016, 1, 1), end=D(2016, 12, 31)),
                      focus_areas=(FocusArea(number=1, title="Barn og unge", measures=(
                          Measure(number=1, text="Fagdag", timeframe=_tf("Mai", 2016, 5)),
                          Measure(number=2, text="Kartlegging")),),))  # fmt: skip
    r = report(plan, AS_OF)
    assert r.summary().share_done is None and [s.share_done for s in r.summaries()] == [None]
    assert report(_plan(), AS_OF).summaries()[1].share_done == 0.0  # a status, none done: 0
    doc = docx.Document(io.BytesIO(khsmodel.export(r, "docx")))
    summary = doc.tables[0]
    header = [c.text for c in summary.rows[0].cells]
    column = header.index("Andel gjennomført")
    assert [row.cells[column].text for row in summary.rows[1:]] == ["–", "–"]
    assert not any("0\u00a0%" in c.text for row in summary.rows for c in row.cells)


def test_the_2016_status_report_names_measures_as_the_plans_timeline() -> None:
    """The measure headed "Fagdag" is "Fagdag" in the report, as in the plan's timeline;
    its share done is unknown ("–"): the 2016 report records no status."""
    import sys

    import docx

    sys.path.insert(0, str(ROOT / "examples"))
    import khs

    from khsmodel.labels import NB
    from khsmodel_exporters._timeline_data import collect

    r = khs.status_report_2016()
    doc = docx.Document(io.BytesIO(khsmodel.export(r, "docx")))
    measures = [row.cells[0].text for t in doc.tables[1:] for row in t.rows[1:]]
    timeline = [row.text for _, rows in collect(r.plan, NB).groups for row in rows]
    timeline += [row.text for _, row in collect(r.plan, NB).unresolved]
    assert "Fagdag" in measures and "Fagdag" in timeline
    assert not any("Kommunene etterspør kompetanse" in m for m in measures)
    assert sorted(measures) == sorted(timeline)  # the 2016 plan labels no measure
    summary = doc.tables[0]
    column = [c.text for c in summary.rows[0].cells].index("Andel gjennomført")
    assert {row.cells[column].text for row in summary.rows[1:]} == {"–"}


def test_the_status_report_has_the_plans_running_header() -> None:
    """Pages 2+ of a status report name the partnership and the plan's body, as the plan's
    own pages do (the report printed the partnership alone)."""
    import sys

    import docx

    sys.path.insert(0, str(ROOT / "examples"))
    import khs

    report = khs.status_report_2016()
    plan_doc = docx.Document(io.BytesIO(khsmodel.export(report.plan, "docx")))
    report_doc = docx.Document(io.BytesIO(khsmodel.export(report, "docx")))
    header = [p.text for p in report_doc.sections[0].header.paragraphs if p.text]
    assert header == [p.text for p in plan_doc.sections[0].header.paragraphs if p.text]
    assert "Kommunehelsesamarbeidet – Overordnet samarbeidsutvalg" in header[0]


def test_status_csv_columns_are_documented() -> None:
    """docs/followup.md lists every column of the status CSV, in order, with both headers."""
    from pathlib import Path

    from khsmodel_exporters._status_csv import STATUS_COLUMNS

    text = (Path(__file__).parents[2] / "docs" / "followup.md").read_text(encoding="utf-8")
    rows = [line.split(" | ")[:2] for line in text.splitlines() if line.startswith("| `")]
    assert [(en.strip("| `"), nb) for en, nb in rows] == list(STATUS_COLUMNS)
