"""The status report as a Norwegian secretariat reads it: the summary's columns (the total
first, then the statuses in the chart's legend order), headers that neither break inside
a word nor take more than two lines (PDF, and Word through LibreOffice), whose plan it
is on page 1, and "Uten status" in the Norwegian CSV as in the documents."""

from __future__ import annotations

import csv
import datetime as dt
import io
import os
import re
import subprocess
import sys
from pathlib import Path

import attrs
import pytest

import khsmodel
from khsmodel import (
    ActionPlan,
    FocusArea,
    InMonth,
    Measure,
    MeasureStatus,
    Period,
    ProgressEntry,
    StatusReport,
    Timeframe,
    report,
)
from khsmodel.labels import EN, NB, NN, Labels
from khsmodel_exporters import _look as K
from khsmodel_exporters._widths import _two_lines, column_widths, fits, text_width
from khsmodel_exporters.content import Table
from khsmodel_exporters.content.status import StatusChart, build_status_report
from tests.support.needs import program
from tests.support.pdf_support import pdftotext
from tests.support.text import words

D = dt.date
ROOT = Path(__file__).resolve().parents[2]
LANGUAGES = {"nb": NB, "nn": NN, "en": EN}


def _khs() -> StatusReport:
    sys.path.insert(0, str(ROOT / "examples"))
    import khs

    return khs.status_report_2016()  # type: ignore[no-any-return]


def _plan(statuses: tuple[MeasureStatus | None, ...]) -> ActionPlan:
    """One measure per status given (None: without one), in two focus areas."""
    measures = tuple(
        Measure(number=i, text=f"Tiltak {i}",
                timeframe=Timeframe(text="Juni", interpretation=InMonth(year=2016, month=6)),
                progress=(ProgressEntry(date=D(2016, 3, 1), text="Fulgt opp", status=s),)
                if s else ())
        for i, s in enumerate(statuses, 1)
    )  # fmt: skip
    half = len(measures) // 2
    return ActionPlan(
        id="hp", title="Handlingsplan 2016–2017",
        period=Period(start=D(2016, 1, 1), end=D(2017, 12, 31)),
        focus_areas=(
            FocusArea(number=1, title="Barn og unge", measures=measures[:half]),
            FocusArea(number=2, title="Rehabilitering og læring", measures=measures[half:]),
        ),
    )  # fmt: skip


#: Three statuses and measures without one: as a plan a year into its follow-up has them.
SOME = (MeasureStatus.STARTED, MeasureStatus.ONGOING, MeasureStatus.DONE, None,
        MeasureStatus.DONE, None)  # fmt: skip


def _summary(doc: StatusReport, labels: Labels) -> tuple[Table, StatusChart | None]:
    blocks = build_status_report(doc, labels, "s").blocks
    table = next(b for b in blocks if isinstance(b, Table))
    chart = next((b for b in blocks if isinstance(b, StatusChart)), None)
    return table, chart


# ---------------------------------------------------------------- 1. the columns


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_total_comes_first_then_the_statuses_in_the_legends_order(language: str) -> None:
    labels = LANGUAGES[language]
    w = labels.status_report
    table, chart = _summary(report(_plan(SOME), D(2016, 6, 20)), labels)
    header = [c.label for c in table.columns]
    statuses = [labels.measure_status[s.value] for s in
                (MeasureStatus.STARTED, MeasureStatus.ONGOING, MeasureStatus.DONE)]  # fmt: skip
    assert header == [labels.focus_area, w["total"], *statuses, w["no_status"],
                      w["overdue"], w["due_soon"], w["share_done"]]  # fmt: skip
    # the chart's legend (its stacking order) is the table's status columns, in order
    assert chart is not None and [word for _, word in chart.statuses] == header[2:-3]


def test_word_and_pdf_print_the_columns_in_that_order(tmp_path: Path) -> None:
    import docx

    doc = report(_plan(SOME), D(2016, 6, 20))
    table = docx.Document(io.BytesIO(khsmodel.export(doc, "docx"))).tables[0]
    assert [c.text for c in table.rows[0].cells] == [
        "Fokusområde", "Antall tiltak", "Startet", "Pågår", "Gjennomført", "Uten status",
        "Forsinket", "Frist nærmer seg", "Andel gjennomført"]  # fmt: skip
    last = [c.text for c in table.rows[-1].cells]
    assert last == ["Hele planen", "6", "1", "1", "2", "2", "0", "4", "33\u00a0%"]
    # in the PDF the header reads left to right in the same order
    lines = _header_lines(khsmodel.export(doc, "pdf"), tmp_path, "Fokusområde", "Barn")
    first = [x for x, word in lines[0]]
    xs = {word: x for x, word in sorted(lines[0], reverse=True)}
    assert first == sorted(first)
    assert xs["Antall"] < xs["Startet"] < xs["Pågår"] < xs["Gjennomført"] < xs["Uten"] \
        < xs["Forsinket"] < xs["Frist"] < xs["Andel"]


def test_the_example_reads_the_total_before_uten_status() -> None:
    """The 2016 report (no measure has a status): "Antall tiltak" then "Uten status", not
    the same number twice with the total last."""
    import docx

    table = docx.Document(io.BytesIO(khsmodel.export(_khs(), "docx"))).tables[0]
    assert [c.text for c in table.rows[0].cells] == [
        "Fokusområde", "Antall tiltak", "Uten status", "Forsinket", "Frist nærmer seg",
        "Andel gjennomført"]  # fmt: skip


# ---------------------------------------------------------------- 2. the headers' widths


def test_a_long_header_gets_the_width_of_two_lines() -> None:
    from khsmodel_exporters import content as C

    columns = (C.Column("Fokusområde", 6.0), C.Column("Frist nærmer seg", 0.5),
               C.Column("Tal på tiltak", 0.5))  # fmt: skip
    rows = (C.Row((C.Cell((C.CellPara((C.Span("Barn og unge " * 8),)),)),
                   C.Cell((C.CellPara((C.Span("0"),)),)),
                   C.Cell((C.CellPara((C.Span("3"),)),)))),)  # fmt: skip
    got = column_widths(columns, rows, 400.0, text_width, pad=8.0)
    for width, label in zip(got[1:], ("Frist nærmer seg", "Tal på tiltak"), strict=True):
        two = _two_lines(label, text_width, True, K.TABLE)
        assert width >= two + 8.0  # at most two lines
        assert width < text_width(label, True, K.TABLE)  # it needs not one line
    def tw(text: str) -> float:
        return text_width(text, True, K.TABLE)

    # the better of "Frist" / "nærmer seg" and "Frist nærmer" / "seg"
    assert _two_lines("Frist nærmer seg", text_width, True, K.TABLE) == min(
        max(tw("Frist"), tw("nærmer seg")), max(tw("Frist nærmer"), tw("seg")))
    assert _two_lines("Fokusområde", text_width, True, K.TABLE) == text_width(
        "Fokusområde", True, K.TABLE)


def _bbox_words(pdf: Path) -> list[tuple[int, float, float, str]]:
    """(page, yMin, xMin, word) of every word, from ``pdftotext -bbox``."""
    html = subprocess.run([program("pdftotext"), "-bbox", str(pdf), "-"], capture_output=True,
                          check=True, text=True, timeout=120).stdout  # fmt: skip
    out, page = [], 0
    for line in html.splitlines():
        page += "<page " in line
        m = re.search(r'xMin="([\d.]+)" yMin="([\d.]+)"[^>]*>([^<]*)</word>', line)
        if m:
            out.append((page, float(m.group(2)), float(m.group(1)), m.group(3)))
    return out


def _header_lines(
    data: bytes, tmp_path: Path, first: str, body: str
) -> list[list[tuple[float, str]]]:
    """The summary table's header on page 1, as lines of (x, word): the words from the
    header's ``first`` word down to the line of the first row's ``body`` word."""
    path = tmp_path / "summary.pdf"
    path.write_bytes(data)
    return _lines_of(path, first, body)


def _lines_of(path: Path, first: str, body: str) -> list[list[tuple[float, str]]]:
    return _headers_of(path, first, body)[0]


def _headers_of(path: Path, first: str, body: str) -> list[list[list[tuple[float, str]]]]:
    """Each table header on page 1 that begins with ``first`` (and ends above the line of
    ``body``), as lines of (x, word)."""
    page1 = [(y, x, w) for p, y, x, w in _bbox_words(path) if p == 1]
    headers = []
    bottom = -1.0
    for top in sorted({y for y, _, w in page1 if w == first}):
        below = [y for y, _, w in page1 if w == body and y > top + 1]
        if top <= bottom or not below:  # a row of the table (the area's own label), not a header
            continue
        bottom = min(below)
        lines: dict[int, list[tuple[float, str]]] = {}
        for y, x, w in page1:
            if top - 1 <= y < bottom - 1:
                lines.setdefault(round(y), []).append((x, w))
        headers.append([sorted(v) for _, v in sorted(lines.items())])
    return headers


def _assert_headers_whole(lines: list[list[tuple[float, str]]], labels: list[str]) -> None:
    assert len(lines) <= 2, lines  # no header takes a third line
    printed = sorted(w for line in lines for _, w in line)
    assert printed == sorted(w for label in labels for w in label.split())  # no word broken


@pytest.mark.requires_program("pdftotext")
@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize("which", ["example", "some"])
def test_pdf_headers_keep_their_words_on_at_most_two_lines(
    tmp_path: Path, language: str, which: str
) -> None:
    labels = LANGUAGES[language]
    if which == "example":
        doc, body = _khs(), "Fokusområde"  # the area's own label, as written
    else:
        doc, body = report(_plan(SOME), D(2016, 6, 20)), "Barn"
    table, _ = _summary(doc, labels)
    data = khsmodel.export(doc, "pdf", language=language)
    lines = _header_lines(data, tmp_path, labels.focus_area.split()[0], body)
    _assert_headers_whole(lines, [c.label for c in table.columns])
    if which == "example" and language == "nb":
        frist = [i for i, line in enumerate(lines) for _, w in line if w in ("Frist", "seg")]
        assert frist == [0, 1]  # "Frist nærmer seg" on two lines (it took three)


@pytest.mark.requires_program("pdftotext")
def test_the_focus_areas_get_the_room_not_the_share_done(tmp_path: Path) -> None:
    """The summary's focus-area column wrapped its titles over four or five lines in a
    column 29 % wide while "Andel gjennomført" held 90 pt for a dash, to keep its two-word
    header on one line (rule 2 of _widths). The focus areas keep their room
    (Column.room): 40 % of the width, the numbers' headers on two lines, no word broken."""
    import docx

    doc = _khs()
    table, _ = _summary(doc, NB)
    assert table.columns[0].room and not any(c.room for c in table.columns[1:])
    total = K.PAGE_W - K.MARGIN_L - K.MARGIN_R
    got = column_widths(table.columns, table.rows, total, text_width, pad=2 * K.CELL_PAD_X)
    assert got[0] >= 0.4 * total - 0.01
    assert got[-1] < text_width("Andel gjennomført", True, K.TABLE)  # two lines now
    assert fits(table.columns, table.rows, total, text_width, pad=2 * K.CELL_PAD_X)
    # the PDF: the header's words whole, "Andel" over "gjennomført", the column 40 % wide
    path = tmp_path / "status.pdf"
    path.write_bytes(khsmodel.export(doc, "pdf"))
    lines = _lines_of(path, "Fokusområde", "Fokusområde")
    _assert_headers_whole(lines, [c.label for c in table.columns])
    where = {w: (i, x) for i, line in enumerate(lines) for x, w in line}
    assert where["Andel"][0] == 0 and where["gjennomført"][0] == 1
    assert where["Antall"][1] - where["Fokusområde"][1] >= 0.4 * total - 1
    # ... and the five titles in 11 lines of that column (13 before), each word whole
    page1 = [(y, x, w) for p, y, x, w in _bbox_words(path) if p == 1]
    top = min(y for y, _, w in page1 if w == "gjennomført") + 5
    end = min(y for y, _, w in page1 if w == "Hele" and y > top)
    cells = sorted((y, x, w) for y, x, w in page1 if top < y < end - 1
                   and x < where["Antall"][1] - 2)  # fmt: skip
    assert len({round(y) for y, _, _ in cells}) == 11
    titles = [row.cells[0].paras[0].spans[0].text for row in table.rows[:-1]]
    assert " ".join(w for _, _, w in cells) == " ".join(" ".join(titles).split())
    # Word: the same widths in its grid (twentieths of a point)
    word = docx.Document(io.BytesIO(khsmodel.export(doc, "docx"))).tables[0]
    ns = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
    grid = [int(g.get(f"{ns}w")) for g in word._tbl.iter(f"{ns}gridCol")]
    assert grid[0] >= 0.4 * sum(grid) - 2
    # HTML: the first col of the colgroup takes 40 %
    html = khsmodel.export(doc, "html").decode()
    first = re.search(r'<colgroup><col style="width:([\d.]+)%">', html)
    assert first is not None and float(first.group(1)) >= 39.9


#: Every status and measures without one: more columns than the page holds in one table.
ALL = (*MeasureStatus, None)


@pytest.mark.requires_program("pdftotext")
@pytest.mark.parametrize("language", LANGUAGES)
def test_every_status_splits_the_summary_rather_than_a_word(tmp_path: Path, language: str) -> None:
    """Eight status columns do not fit beside the others on A4: the counts by status, then
    the timings, each table with the focus area and the total, no header word broken."""
    labels = LANGUAGES[language]
    w = labels.status_report
    doc = report(_plan(ALL), D(2016, 6, 20))
    blocks = build_status_report(doc, labels, "s").blocks
    tables = [b for b in blocks if isinstance(b, Table) and b.group.startswith("status-summary")]
    chart = next(b for b in blocks if isinstance(b, StatusChart))
    heads = [[c.label for c in t.columns] for t in tables]
    assert len(tables) >= 3 if language == "en" else len(tables) >= 2
    assert all(h[:2] == [labels.focus_area, w["total"]] for h in heads)
    assert heads[-1][2:] == [w["overdue"], w["due_soon"], w["share_done"]]
    # the statuses once each, in the legend's order, spread evenly over the tables
    assert [x for h in heads[:-1] for x in h[2:]] == [word for _, word in chart.statuses]
    sizes = [len(h) - 2 for h in heads[:-1]]
    assert max(sizes) - min(sizes) <= 1
    path = tmp_path / "all.pdf"
    path.write_bytes(khsmodel.export(doc, "pdf", language=language))
    printed = _headers_of(path, labels.focus_area.split()[0], "Barn")
    assert len(printed) == len(tables)
    for lines, head in zip(printed, heads, strict=True):
        _assert_headers_whole(lines, head)


def test_one_table_when_it_fits() -> None:
    tables = [b for b in build_status_report(report(_plan(SOME), D(2016, 6, 20)), NB, "s").blocks
              if isinstance(b, Table) and b.group.startswith("status-summary")]  # fmt: skip
    assert [t.group for t in tables] == ["status-summary"]


@pytest.mark.requires_program("soffice", "pdftotext")
def test_word_headers_keep_their_words_on_at_most_two_lines(tmp_path: Path) -> None:
    """The Word file as LibreOffice lays it out (the widths are the PDF's)."""
    docs = {"example": (_khs(), "Fokusområde"), "some": (report(_plan(SOME), D(2016, 6, 20)), "Barn")}
    for name, (doc, _) in docs.items():
        khsmodel.export(doc, "docx", tmp_path / f"{name}.docx")
    result = subprocess.run(
        [program("soffice"), "--headless", "--convert-to", "pdf", "--outdir", str(tmp_path),
         *(str(tmp_path / f"{n}.docx") for n in docs)],
        capture_output=True, timeout=240, env={**os.environ, "HOME": str(tmp_path)},
    )  # fmt: skip
    for name, (doc, body) in docs.items():
        pdf = tmp_path / f"{name}.pdf"
        assert pdf.exists(), f"LibreOffice wrote no {pdf.name}: {result.stderr.decode()[-500:]}"
        table, _ = _summary(doc, NB)
        _assert_headers_whole(_lines_of(pdf, "Fokusområde", body), [c.label for c in table.columns])


# ---------------------------------------------------------------- 3. whose plan


def test_page_one_names_the_partnership_and_the_body() -> None:
    import docx

    doc = _khs()
    d = docx.Document(io.BytesIO(khsmodel.export(doc, "docx")))
    paras = [p.text for p in d.paragraphs if p.text][:3]
    assert paras == ["Statusrapport: Handlingsplan 2016-2017",
                     "Kommunehelsesamarbeidet – Overordnet samarbeidsutvalg",
                     "Status per 30.\u00a0juni\u00a02016"]  # fmt: skip
    first_page = words(pdftotext(khsmodel.export(doc, "pdf")).split("\f")[0])
    assert "Kommunehelsesamarbeidet – Overordnet samarbeidsutvalg" in first_page
    html = khsmodel.export(doc, "html").decode()
    assert "Kommunehelsesamarbeidet – Overordnet samarbeidsutvalg" in html


def test_only_what_the_source_says_and_not_twice() -> None:
    import docx

    def lines(doc: StatusReport) -> list[str]:
        d = docx.Document(io.BytesIO(khsmodel.export(doc, "docx")))
        return [p.text for p in d.paragraphs if p.text][:2]

    # no partnership in the model: no line of whose plan it is
    plain = report(_plan(SOME), D(2016, 6, 20))
    assert lines(plain)[1].startswith("Status per")
    # a plan whose partnership knows no body of it: the partnership alone
    khs = _khs()
    ownerless = attrs.evolve(khs.plan, owner=None, adoptions=())
    assert lines(report(ownerless, khs.as_of))[1] == "Kommunehelsesamarbeidet"
    # a title that names the partnership already: the body alone
    titled = attrs.evolve(khs, title="Kommunehelsesamarbeidet: status juni 2016")
    assert lines(titled) == ["Kommunehelsesamarbeidet: status juni 2016",
                             "Overordnet samarbeidsutvalg"]  # fmt: skip


def test_the_web_page_says_whose_plan_it_is_once() -> None:
    """Page 1 names whose plan it is under the title, for the printed pages whose running
    header starts on page 2; the web page has no page 2, and its line over the title (the
    running header) said the same again, one line above. Now it is said once, under the
    title in the main part, and the print keeps page 1 and its running header as they were."""
    from khsmodel_exporters.content import build
    from khsmodel_exporters.html import _render
    from tests.support.html_support import parse

    whose = "Kommunehelsesamarbeidet – Overordnet samarbeidsutvalg"
    doc = _khs()
    page = parse(khsmodel.export(doc, "html"))
    body = " ".join(page.one("body").text().split())
    assert body.count(whose) == 1
    assert " ".join(page.one("main").text().split()).count(whose) == 1
    subtitles = [" ".join(p.text().split()) for p in page.all("p")
                 if p.attrs.get("class") == "subtitle"]  # fmt: skip
    assert subtitles == [whose, "Status per 30. juni 2016"]
    assert page.all("header") == []  # nothing else to say over the title
    # a site's page keeps its links over the title, without the line
    site = parse(_render.render(build(doc), links=(("index.html", "Dokumenter"),)))
    (header,) = site.all("header")
    assert " ".join(header.text().split()) == "Dokumenter"
    assert " ".join(site.one("body").text().split()).count(whose) == 1
    # the printed pages: the line on page 1 and as the running header from page 2 on
    pages = pdftotext(khsmodel.export(doc, "pdf")).split("\f")
    assert words(pages[0]).count(whose) == 1
    assert whose in words(pages[1])
    # a plan whose page 1 does not say it as one line keeps the line over the title
    plan = parse(khsmodel.export(doc.plan, "html"))
    assert [" ".join(h.text().split()) for h in plan.all("header")] == [whose]


# ---------------------------------------------------------------- 4. the CSV


def _rows(data: bytes) -> list[dict[str, str]]:
    return list(csv.DictReader(io.StringIO(data.decode("utf-8"), newline="")))


def test_the_norwegian_csv_says_uten_status_as_the_documents() -> None:
    doc = report(_plan(SOME), D(2016, 6, 20), since=D(2016, 2, 1))
    nb = _rows(khsmodel.export(doc, "csv", headers="nb"))
    assert [r["Status"] for r in nb] == ["Startet", "Pågår", "Gjennomført", "Uten status",
                                         "Gjennomført", "Uten status"]  # fmt: skip
    assert {r["Status før"] for r in nb} == {"Uten status"}  # none had one on 1 February
    assert {r["Statusdato"] for r in nb if r["Status"] == "Uten status"} == {""}
    # English headers: the model's keys, no status an empty cell (machine-readable, unchanged)
    en = _rows(khsmodel.export(doc, "csv"))
    assert [r["status"] for r in en] == ["started", "ongoing", "done", "", "done", ""]
    assert {r["previous_status"] for r in en} == {""}
    # the 2016 example: every measure without status, as its Word table says
    example = _rows(khsmodel.export(_khs(), "csv", headers="nb"))
    assert example and {r["Status"] for r in example} == {"Uten status"}
    # without `since` the previous status is not asked for: empty in both
    assert {r["Status før"] for r in example} == {""}
