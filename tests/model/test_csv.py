"""The ``csv`` exporter and :func:`khsmodel.csv.read_measures`: content, options, round trip,
bad rows with row and column, and ``khsmodel import-csv``."""

from __future__ import annotations

import csv
import datetime as dt
import io
from pathlib import Path

import attrs
import pytest
from hypothesis import given
from hypothesis import strategies as st

import khsmodel
from khsmodel import (
    ActionPlan,
    FocusArea,
    InMonth,
    Measure,
    MeasureStatus,
    MonthPart,
    Phase,
    ProgressEntry,
    Responsibility,
    Timeframe,
    exporters,
)
from khsmodel import strategies as ks
from khsmodel.cli import main
from khsmodel.csv import COLUMNS, CsvImportError, read_measures, write_measures
from khsmodel.errors import DocumentKindError

ROOT = Path(__file__).resolve().parents[2]
DOCS = ROOT / "examples" / "documents"
EN = [c.key for c in COLUMNS]
NB = [c.nb for c in COLUMNS]


def load_plan(name: str) -> ActionPlan:
    doc = khsmodel.load(DOCS / f"{name}.json")
    assert isinstance(doc, ActionPlan)
    return doc


@pytest.fixture(scope="module")
def plan() -> ActionPlan:
    return load_plan("002-khs-handlingsplan-2016-2017")


def table(data: bytes, delimiter: str = ",") -> list[dict[str, str]]:
    text = data.decode("utf-8-sig")
    return list(csv.DictReader(io.StringIO(text, newline=""), delimiter=delimiter))


def small_plan() -> ActionPlan:
    return ActionPlan(
        title="Handlingsplan 2016-2017",
        owner="osu",
        period=khsmodel.Period(start=dt.date(2016, 1, 1), end=dt.date(2017, 12, 31)),
        focus_areas=(
            FocusArea(number=1, title="Barn og unge", measures=(
                Measure(number=1, text="Fagdag", details=("-Oppsummere høringssvar", "- dokumentasjon"),
                        responsibility=Responsibility(text="Sekretariatet"),
                        timeframe=Timeframe(text="Medio juni",
                                            interpretation=InMonth(year=2016, month=6,
                                                                   part=MonthPart.MID)),
                        status=MeasureStatus.STARTED,
                        progress=(ProgressEntry(date=dt.date(2016, 3, 1), text="Arbeidet er startet opp",
                                                status=MeasureStatus.STARTED),)),
                Measure(number=2, text="=SUM(A1:A9)", phase=Phase(number=1, label="Fase 1")),
            )),
            FocusArea(number=2, title="Samhandling i Kárášjohka", measures=(
                Measure(number=1, text="Tolketjeneste på nordsamisk, lulesamisk og sørsamisk"),
            )),
        ),
        ongoing_activities=(Measure(number=1, text="Nettverk for LMS"),),
    )  # fmt: skip


def edit(data: bytes, row: int, **cells: str) -> bytes:
    """The CSV with cells of data row ``row`` (1 = first after the header) replaced."""
    text = data.decode("utf-8")
    rows = list(csv.reader(io.StringIO(text, newline="")))
    for key, value in cells.items():
        rows[row][EN.index(key)] = value
    out = io.StringIO(newline="")
    csv.writer(out, lineterminator="\r\n").writerows(rows)
    return out.getvalue().encode("utf-8")


def errors_of(data: bytes, plan: ActionPlan) -> list[str]:
    with pytest.raises(CsvImportError) as info:
        read_measures(data, plan)
    return [str(e) for e in info.value.errors]


# ---------------------------------------------------------------- export


def test_registered_as_exporter() -> None:
    exp = exporters.get("csv")
    assert (exp.name, exp.suffix, exp.media_type, tuple(exp.kinds)) == (
        "csv", ".csv", "text/csv", ("action_plan", "status_report"))  # fmt: skip


def test_one_row_per_measure_with_resolved_dates(plan: ActionPlan) -> None:
    data = khsmodel.export(plan, "csv")
    lines = data.split(b"\r\n")
    assert lines[0].decode() == ",".join(EN)
    rows = table(data)
    assert len(rows) == sum(1 for _ in plan.iter_measures()) == 22
    by_key = {(r["focus_area"], r["measure"]): r for r in rows}
    r = by_key[("2", "4")]
    assert r["plan"] == "Handlingsplan 2016-2017"
    assert r["focus_area_title"] == "Tiltak rettet mot barn og unge"
    assert r["text"] == "Kommunene etterspør kompetanse på tidlig intervensjon"
    assert r["details"] == "høringsuttalelsen til områdeplan\nkompetansesamarbeid"
    assert r["responsible"] == "sekretariatet samarbeid med PHR/BUPA og K26"
    assert (r["timeframe"], r["start"], r["end"]) == ("Medio juni", "2016-06-11", "2016-06-20")
    assert by_key[("3", "3")]["timeframe"] == "Starter i april"
    assert (by_key[("3", "3")]["start"], by_key[("3", "3")]["end"]) == ("2016-04-01", "")
    assert by_key[("3", "3")]["phase"] == "Fase 2"
    unresolved = by_key[("3", "4")]
    assert unresolved["timeframe"] == "Tidsplan i samarbeid med kommunene"
    assert (unresolved["start"], unresolved["end"]) == ("", "")
    # a newline inside a cell is quoted, not a new row
    assert b'"h\xc3\xb8ringsuttalelsen til omr\xc3\xa5deplan\nkompetansesamarbeid"' in data


def test_status_progress_and_ongoing_activities() -> None:
    rows = table(write_measures(small_plan()))
    assert [(r["focus_area"], r["measure"]) for r in rows] == [("1", "1"), ("1", "2"), ("2", "1"),
                                                              ("", "1")]  # fmt: skip
    assert rows[0]["status"] == "started"
    assert (rows[0]["progress_date"], rows[0]["progress_text"]) == ("2016-03-01", "Arbeidet er startet opp")
    assert rows[3]["text"] == "Nettverk for LMS" and rows[3]["focus_area_title"] == ""
    assert rows[2]["focus_area_title"] == "Samhandling i Kárášjohka"


def test_norwegian_headers_and_status_labels() -> None:
    data = write_measures(small_plan(), headers="nb")
    rows = table(data)
    assert list(rows[0]) == NB
    assert NB[:5] == ["Handlingsplan", "Fokusområde nr.", "Fokusområde", "Tiltak nr.", "Tiltak"]
    assert rows[0]["Status"] == "Startet"
    assert rows[0]["Ansvarlig"] == "Sekretariatet"


def test_bom_and_semicolon() -> None:
    plain = khsmodel.export(small_plan(), "csv")
    excel = khsmodel.export(small_plan(), "csv", bom=True, delimiter=";", headers="nb")
    assert not plain.startswith(b"\xef\xbb\xbf")
    assert excel.startswith(b"\xef\xbb\xbfHandlingsplan;Fokusomr\xc3\xa5de nr.;")
    rows = table(excel, ";")
    assert rows[2]["Tiltak"] == "Tolketjeneste på nordsamisk, lulesamisk og sørsamisk"
    assert b'"Tolketjeneste' not in excel  # the comma needs no quotes with ;
    assert b'"Tolketjeneste p\xc3\xa5 nordsamisk, lulesamisk' in plain


def test_formula_guard() -> None:
    data = write_measures(small_plan())
    rows = table(data)
    assert rows[0]["details"] == "'-Oppsummere høringssvar\n- dokumentasjon"
    assert rows[1]["text"] == "'=SUM(A1:A9)"
    unguarded = table(write_measures(small_plan(), formula_guard=False))
    assert unguarded[1]["text"] == "=SUM(A1:A9)"
    for d in (data, write_measures(small_plan(), formula_guard=False)):
        assert read_measures(d, small_plan()) == small_plan()


def test_deterministic_and_crlf(plan: ActionPlan) -> None:
    a = khsmodel.export(plan, "csv", delimiter=";", bom=True)
    assert a == khsmodel.export(plan, "csv", delimiter=";", bom=True)
    assert a.count(b"\r\n") == 23  # header + 22 rows; newlines in cells stay \n


def test_bad_options_and_kinds() -> None:
    with pytest.raises(khsmodel.KhsModelError, match=r"unknown option.*sep"):
        khsmodel.export(small_plan(), "csv", sep=";")
    with pytest.raises(khsmodel.KhsModelError, match="delimiter must be one of"):
        khsmodel.export(small_plan(), "csv", delimiter="|")
    with pytest.raises(khsmodel.KhsModelError, match='headers must be "en" or "nb"'):
        khsmodel.export(small_plan(), "csv", headers="de")
    with pytest.raises(khsmodel.KhsModelError, match="bom must be True or False"):
        khsmodel.export(small_plan(), "csv", bom=1)
    meeting = khsmodel.Meeting(body="osu", date=dt.date(2016, 2, 8))
    with pytest.raises(exporters.ExporterError, match="cannot export a meeting"):
        khsmodel.export(meeting, "csv")


def test_lone_surrogate_rejected_with_path() -> None:
    bad = attrs.evolve(small_plan(), title="Plan\ud800")
    with pytest.raises(khsmodel.KhsModelError, match=r"^\$\.title: lone surrogate U\+D800"):
        khsmodel.export(bad, "csv")


# ---------------------------------------------------------------- round trip


@pytest.mark.parametrize("name", ["001-khs-handlingsplan-2015", "002-khs-handlingsplan-2016-2017",
                                  "004-ssu-handlingsplan-2021-2022"])  # fmt: skip
@pytest.mark.parametrize("options", [{}, {"bom": True, "delimiter": ";", "headers": "nb"},
                                     {"delimiter": "\t"}])  # fmt: skip
def test_seed_plans_round_trip(name: str, options: dict[str, object]) -> None:
    p = load_plan(name)
    assert read_measures(khsmodel.export(p, "csv", **options), p) == p


@given(
    ks.action_plans(),
    st.sampled_from([",", ";", "\t"]),
    st.booleans(),
    st.sampled_from(["en", "nb"]),
    st.booleans(),
)
def test_round_trip_property(
    plan: ActionPlan, delimiter: str, bom: bool, headers: str, guard: bool
) -> None:
    data = khsmodel.export(plan, "csv", delimiter=delimiter, bom=bom, headers=headers,
                           formula_guard=guard)  # fmt: skip
    assert read_measures(data, plan) == plan


def test_inputs_path_bytes_and_files(tmp_path: Path) -> None:
    p = small_plan()
    data = write_measures(p, bom=True)
    f = tmp_path / "tiltak.csv"
    f.write_bytes(data)
    assert read_measures(f, p) == p
    assert read_measures(str(f), p) == p
    with f.open("rb") as fb:
        assert read_measures(fb, p) == p
    with f.open(encoding="utf-8", newline="") as ft:
        assert read_measures(ft, p) == p


# ---------------------------------------------------------------- updates


def test_status_and_new_progress_entry() -> None:
    p = small_plan()
    data = edit(write_measures(p), 1, status="done", progress_date="2016-09-01",
                progress_text="Ferdigstilt og rapportert til OSU")  # fmt: skip
    data = edit(data, 3, status="Pågår")
    new = read_measures(data, p)
    m = new.focus_areas[0].measures[0]
    assert m.status is MeasureStatus.DONE
    assert m.progress == (
        p.focus_areas[0].measures[0].progress[0],
        ProgressEntry(date=dt.date(2016, 9, 1), text="Ferdigstilt og rapportert til OSU",
                      status=MeasureStatus.DONE),
    )  # fmt: skip
    assert new.focus_areas[1].measures[0].status is MeasureStatus.ONGOING
    # everything else is untouched
    assert new.focus_areas[0].measures[1] == p.focus_areas[0].measures[1]
    assert attrs.evolve(new, focus_areas=p.focus_areas) == p


def test_norwegian_excel_file_with_dates_as_excel_writes_them() -> None:
    p = small_plan()
    text = write_measures(p, headers="nb", delimiter=";").decode()
    text = text.replace(";Startet;2016-03-01;", ";startet;01.03.2016;")
    new_row = "Handlingsplan 2016-2017;2;Samhandling i Kárášjohka;1;" \
        "Tolketjeneste på nordsamisk, lulesamisk og sørsamisk;;;;;;;;Gjennomført;2.5.2016;Ferdig"
    lines = text.split("\r\n")
    lines = [new_row if ";2;Samhandling" in line else line for line in lines]
    data = b"\xef\xbb\xbf" + "\r\n".join(lines).encode()
    new = read_measures(data, p)
    assert new.focus_areas[0] == p.focus_areas[0]  # same status and the same latest entry
    m = new.focus_areas[1].measures[0]
    assert m.status is MeasureStatus.DONE
    assert m.progress == (ProgressEntry(date=dt.date(2016, 5, 2), text="Ferdig",
                                        status=MeasureStatus.DONE),)  # fmt: skip


def test_timeframe_text_is_interpreted_anew() -> None:
    p = small_plan()
    new = read_measures(edit(write_measures(p), 1, timeframe="September", start="", end=""), p)
    assert new.focus_areas[0].measures[0].timeframe == Timeframe(
        text="September", interpretation=InMonth(year=2016, month=9))
    with_dates = edit(write_measures(p), 1, timeframe="September", start="2016-09-01",
                      end="2016-09-30")  # fmt: skip
    assert read_measures(with_dates, p) == new
    cleared = read_measures(edit(write_measures(p), 1, timeframe="", start="", end=""), p)
    assert cleared.focus_areas[0].measures[0].timeframe is None


def test_the_plan_period_picks_the_year_of_a_new_timeframe() -> None:
    """A plan from 23 September 2021: "Ultimo juni" is June 2022, not June 2021."""
    p = attrs.evolve(small_plan(), period=khsmodel.Period(start=dt.date(2021, 9, 23)))
    new = read_measures(edit(write_measures(p), 1, timeframe="Ultimo juni", start="", end=""), p)
    assert new.focus_areas[0].measures[0].timeframe == Timeframe(
        text="Ultimo juni", interpretation=InMonth(year=2022, month=6, part=MonthPart.LATE))


def test_subset_of_columns_any_order_any_case_rows_left_out() -> None:
    p = small_plan()
    data = (b"Status,TILTAK NR.,text,focus_area\r\n"
            b"ongoing,1,Nettverk for LMS,\r\n"
            b"\r\n"
            b"planned,1,Fagdag,1\r\n")  # fmt: skip
    new = read_measures(data, p)
    assert new.ongoing_activities[0].status is MeasureStatus.ONGOING
    assert new.focus_areas[0].measures[0].status is MeasureStatus.PLANNED
    assert new.focus_areas[0].measures[0].progress == p.focus_areas[0].measures[0].progress
    assert new.focus_areas[0].measures[1] == p.focus_areas[0].measures[1]


# ---------------------------------------------------------------- bad rows


def test_every_bad_row_reported_with_row_and_column() -> None:
    p = small_plan()
    data = write_measures(p)
    data = edit(data, 1, status="ferdig")
    data = edit(data, 2, text="Fagdag for alle")
    data = edit(data, 3, focus_area="7")
    data = edit(data, 4, measure="x")
    data += b"Handlingsplan 2016-2017,1,Barn og unge,3,Ny,,,,,,,,,,\r\n"
    data += data.split(b"\r\n")[2] + b"\r\n"  # measure 1.2 again
    errors = errors_of(data, p)
    assert errors == [
        "row 2, column status: expected one of planned, started, ongoing, done, postponed, "
        "cancelled, carried_over, or Planlagt, Startet, Pågår, Gjennomført, Utsatt, Avlyst, "
        "Videreført (or empty), got “ferdig”",
        "row 3, column text: expected “=SUM(A1:A9)” (the measure's text in the plan), got "
        "“Fagdag for alle”: this column cannot be changed through CSV",
        "row 4, column focus_area: the plan has no focus area 7",
        "row 5, column measure: expected a whole number, got “x”",
        "row 6, column measure: focus area 1 has no measure 3",
        "row 7, column measure: this measure was already given in row 3",
    ]


def test_read_only_columns_and_dates() -> None:
    p = small_plan()
    data = edit(write_measures(p), 1, responsible="Vestre Viken", phase="Fase 2",
                details="", start="2016-06-01", progress_date="2016-02-30")  # fmt: skip
    data = edit(data, 2, plan="Handlingsplan 2018", focus_area_title="Barn", end="2016-01-01")
    errors = errors_of(data, p)
    assert any(e.startswith("row 2, column details: expected “-Oppsummere høringssvar\\n- dok")
               for e in errors)  # fmt: skip
    assert "row 2, column responsible: expected “Sekretariatet” (the responsibility in the plan), " \
        "got “Vestre Viken”: this column cannot be changed through CSV" in errors
    assert any(e.startswith("row 2, column phase: expected “” (the phase in the plan)") for e in errors)
    assert any(e.startswith("row 2, column start: 2016-06-01 does not match the timeframe "
                            "“Medio juni” (start resolves to 2016-06-11)") for e in errors)  # fmt: skip
    assert "row 2, column progress_date: “2016-02-30” is not a real calendar date" in errors
    assert any(e.startswith("row 3, column plan: expected “Handlingsplan 2016-2017”") for e in errors)
    assert any(e.startswith("row 3, column focus_area_title: expected “Barn og unge”") for e in errors)
    assert any(e.startswith("row 3, column end: 2016-01-01 does not match an empty timeframe "
                            "(end resolves to no date)") for e in errors)  # fmt: skip
    assert len(errors) == 8


def test_progress_rules() -> None:
    p = small_plan()
    base = write_measures(p)
    assert errors_of(edit(base, 1, progress_date="2016-02-01", progress_text="Tidligere"), p) == [
        "row 2, column progress_date: a new progress entry must be dated after the latest one "
        "(2016-03-01, “Arbeidet er startet opp”); existing entries cannot be changed through CSV"
    ]
    assert errors_of(edit(base, 2, progress_text="Uten dato"), p) == [
        "row 3, column progress_date: a new progress entry needs a date"]
    assert errors_of(edit(base, 2, progress_date="2016-04-01"), p) == [
        "row 3, column progress_text: a new progress entry needs a text"]
    # emptied cells add nothing and remove nothing
    assert read_measures(edit(base, 1, progress_date="", progress_text=""), p) == p


def test_norwegian_headers_in_errors() -> None:
    p = small_plan()
    text = write_measures(p, headers="nb", delimiter=";").decode().replace(";Startet;", ";Ferdig;")
    (err,) = errors_of(text.encode(), p)
    assert err.startswith("row 2, column Status: expected one of planned")


def test_header_problems() -> None:
    p = small_plan()
    assert errors_of(b"status,measure,txt\r\nplanned,1,Fagdag\r\n", p) == [
        "row 1, column txt: unknown column (not one of the csv export)",
        "row 1: column focus_area is missing: it identifies the measure",
        "row 1: column text is missing: it identifies the measure",
    ]
    (err,) = errors_of(b"a|b|c\r\n1|2|3\r\n", p)
    assert err.startswith("row 1: header row not recognised: expected the columns of the csv export")
    assert errors_of(b"", p) == ["the file is empty: expected a header row"]
    assert errors_of(b"focus_area,measure,text,Tiltak\r\n", p) == [
        "row 1, column Tiltak: column text appears twice"]
    assert errors_of(b"focus_area,measure,text,progress_text\r\n", p) == [
        "row 1, column progress_text: column progress_text needs column progress_date too"]


def test_not_utf8_and_broken_rows() -> None:
    p = small_plan()
    cp1252 = write_measures(p, headers="nb", delimiter=";").decode().encode("cp1252", "replace")
    (err,) = errors_of(cp1252, p)
    assert err == "the file is not UTF-8 text (byte 0xE5 on line 1); save it as “CSV UTF-8”"
    short = b"focus_area,measure,text\r\n1,1\r\n"
    assert errors_of(short, p) == ["row 2: 2 cells, but the header has 3"]
    (err,) = errors_of(b'focus_area,measure,text\r\n1,1,"Fag"dag\r\n', p)
    assert err.startswith("line 2: not valid CSV:")


def test_not_a_plan() -> None:
    with pytest.raises(DocumentKindError) as info:
        read_measures(b"", khsmodel.Meeting(body="osu", date=dt.date(2016, 2, 8)))  # type: ignore[arg-type]
    assert (info.value.expected, info.value.got) == (("ActionPlan",), "Meeting")


# ---------------------------------------------------------------- CLI


@pytest.fixture
def files(tmp_path: Path) -> tuple[Path, Path, Path]:
    plan_file = tmp_path / "plan.json"
    khsmodel.dump(small_plan(), plan_file)
    csv_file = tmp_path / "plan.csv"
    assert main(["export", str(plan_file), "--format", "csv"]) == 0
    return plan_file, csv_file, tmp_path / "ny.json"


def test_cli_import_csv(files: tuple[Path, Path, Path], capsys: pytest.CaptureFixture[str]) -> None:
    plan_file, csv_file, out = files
    csv_file.write_bytes(edit(csv_file.read_bytes(), 2, status="done", progress_date="2016-10-01",
                              progress_text="Levert"))  # fmt: skip
    assert main(["import-csv", str(csv_file), "--into", str(plan_file), "-o", str(out)]) == 0
    assert capsys.readouterr().out == f"{out}: 1 measure updated\n"
    new = khsmodel.load(out)
    assert isinstance(new, ActionPlan)
    m = new.focus_areas[0].measures[1]
    assert m.status is MeasureStatus.DONE
    assert m.progress == (ProgressEntry(date=dt.date(2016, 10, 1), text="Levert",
                                        status=MeasureStatus.DONE),)  # fmt: skip
    assert khsmodel.load(plan_file) == small_plan()  # the input is left as it was


def test_cli_nothing_written_on_error(
    files: tuple[Path, Path, Path], capsys: pytest.CaptureFixture[str]
) -> None:
    plan_file, csv_file, out = files
    csv_file.write_bytes(edit(edit(csv_file.read_bytes(), 1, status="ferdig"), 3, measure="9"))
    assert main(["import-csv", str(csv_file), "--into", str(plan_file), "-o", str(out)]) == 1
    err = capsys.readouterr().err
    assert f"{csv_file}: row 2, column status: expected one of planned" in err
    assert f"{csv_file}: row 4, column measure: focus area 2 has no measure 9" in err
    assert "2 problem(s); nothing written" in err
    assert not out.exists()
    out.write_text("before")
    assert main(["import-csv", str(csv_file), "--into", str(plan_file), "-o", str(out)]) == 1
    assert out.read_text() == "before"
    assert [f.name for f in out.parent.iterdir() if f.name.startswith(".")] == []


def test_cli_usage_and_input_errors(
    files: tuple[Path, Path, Path], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    plan_file, csv_file, out = files
    assert main(["import-csv", str(tmp_path / "mangler.csv"), "--into", str(plan_file),
                 "-o", str(out)]) == 2  # fmt: skip
    assert "mangler.csv: cannot read" in capsys.readouterr().err
    with pytest.raises(SystemExit) as info:
        main(["import-csv", str(csv_file), "-o", str(out)])
    assert info.value.code == 2
    meeting = tmp_path / "mote.json"
    khsmodel.dump(khsmodel.Meeting(body="osu", date=dt.date(2016, 2, 8)), meeting)
    assert main(["import-csv", str(csv_file), "--into", str(meeting), "-o", str(out)]) == 1
    assert "expected an action plan, got a meeting" in capsys.readouterr().err
    broken = tmp_path / "broken.json"
    broken.write_text('{"format": "khsmodel", "format_version": 1, "kind": "action_plan"}')
    assert main(["import-csv", str(csv_file), "--into", str(broken), "-o", str(out)]) == 1
    assert f"{broken}:$.title: LOAD001 error the file does not load: required field is missing" in (
        capsys.readouterr().err
    )
    assert not out.exists()


def test_heading_column_holds_the_heading_and_cannot_be_changed() -> None:
    p = small_plan()
    m = p.focus_areas[0].measures[0]
    p = attrs.evolve(p, focus_areas=(attrs.evolve(p.focus_areas[0], measures=(
        attrs.evolve(m, heading="Fagdag"), *p.focus_areas[0].measures[1:])),
        *p.focus_areas[1:]))  # fmt: skip
    data = write_measures(p)
    rows = list(csv.DictReader(io.StringIO(data.decode())))
    assert rows[0]["heading"] == "Fagdag" and rows[0]["text"] == m.text
    assert read_measures(data, p) == p
    assert errors_of(edit(data, 1, heading="Fagdag 2"), p) == [
        "row 2, column heading: expected “Fagdag” (the measure's heading in the plan), got "
        "“Fagdag 2”: this column cannot be changed through CSV"]
