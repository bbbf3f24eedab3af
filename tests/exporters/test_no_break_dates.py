"""A date written out in words never breaks over a line in a document (issue 14).

The content builder joins the day, month and year with no-break spaces (U+00A0,
:meth:`khsmodel.labels.Labels.in_text`), so every renderer keeps them together: Word and
LibreOffice, reportlab, WeasyPrint and browsers all treat U+00A0 as no break. The data
formats keep their plain-space dates.

The PDFs carry the date as a plain space in their text (reportlab writes U+00A0 with the
space's code on purpose, ``ttfonts.splitString``; WeasyPrint's text layer does the same), so
those are checked by where the lines break, not by the character.
"""

from __future__ import annotations

import datetime as dt
import io
import re
import sys
from pathlib import Path

import pytest

import khsmodel
from khsmodel.labels import EN, LABEL_FIELDS, NB, NN
from khsmodel_exporters import content as C
from tests.support import document_checker as checker

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "examples"))
from catalogue import EXAMPLES  # noqa: E402

NBSP = "\u00a0"
#: A written-out date broken over two lines (after the day or after the month).
_JOINED = re.compile(rf"\d\.{NBSP}\w+{NBSP}\d{{4}}")
_BROKEN = re.compile(r"\b\d{1,2}\.\s*\n\s*januar|januar\s*\n\s*2010")


def test_labels_join_a_date_s_words_only_for_document_text() -> None:
    day = dt.date(2010, 1, 1)
    assert NB.date(day) == "1. januar 2010"  # what ICS, Noark and OParl print
    text = NB.in_text()
    assert text.date(day) == f"1.{NBSP}januar{NBSP}2010"
    assert EN.in_text().date(day) == f"1{NBSP}January{NBSP}2010"
    assert text.date(khsmodel.PartialDate(year=2016, month=3)) == f"mars{NBSP}2016"
    spring = khsmodel.PartialDate(year=2022, season=khsmodel.Season.SPRING)
    assert NN.in_text().date(spring) == f"våren{NBSP}2022"
    assert text.date(khsmodel.PartialDate(year=2009)) == "2009"
    assert text.weekday_date(day) == f"fredag 1.{NBSP}januar{NBSP}2010"  # the weekday may break
    assert text.adoption_line("OSU", dt.date(2016, 2, 8), "2/2016") == (
        f"Vedtatt i OSU 8.{NBSP}februar{NBSP}2016, sak 2/2016"
    )
    assert "date_space" not in LABEL_FIELDS  # not a word a language bundle gives


def test_word_and_html_hold_the_no_break_spaces() -> None:
    case = EXAMPLES["000-osu-sak-2-2016-saksframlegg"]()
    import docx

    d = docx.Document(io.BytesIO(khsmodel.export(case, "docx")))
    cells = [c.text for t in d.tables for row in t.rows for c in row.cells]
    assert f"8.{NBSP}februar{NBSP}2016" in cells  # the meeting date in the heading block
    assert "8. februar 2016" not in cells
    page = khsmodel.export(case, "html").decode("utf-8")
    assert f"8.{NBSP}februar{NBSP}2016" in page
    assert not re.search(r"\d\. (januar|februar|mars|april|juni|august) \d{4}", page)


def test_data_formats_keep_plain_spaces() -> None:
    case = EXAMPLES["000-osu-sak-2-2016-saksframlegg"]()
    plan = EXAMPLES["002-khs-handlingsplan-2016-2017"]()
    meeting = EXAMPLES["003-partnerskapsmote-2022-02-04"]()
    for doc, formats in ((case, ("json", "ics", "noark5", "oparl")),
                         (plan, ("json", "csv", "ics")), (meeting, ("ics", "noark5", "oparl"))):  # fmt: skip
        for fmt in formats:
            # (a seed's own text may hold a no-break space: that is data, kept as it is)
            data = khsmodel.export(doc, fmt).decode("utf-8")
            assert not _JOINED.search(data), (fmt, doc.KIND, _JOINED.search(data))


def _running_text(space: str) -> C.Content:
    """Paragraphs that put the date at every place of a line's end, and a narrow cell."""
    date = f"1.{space}januar{space}2010"
    paras = tuple(
        C.Para((C.Span(f"{'Møtet i samarbeidsutvalget ble holdt ' * 2}{'x' * i} {date} i Drammen."),))
        for i in range(0, 30)
    )
    table = C.Table(
        # a narrow column: it widens to hold the date whole (_widths), as for an identifier
        (C.Column("Tiltak", 95), C.Column("Når", 5)),
        (C.Row((C.Cell((C.CellPara((C.Span("Fagdag"),)),)),
                C.Cell((C.CellPara((C.Span(f"Fra {date} til {date}"),)),)))),),
    )  # fmt: skip
    return C.Content(kind="meeting", title="Prøve", subject="", author="", header="Prøve",
                     blocks=(*paras, table))  # fmt: skip


def _pdf_reading_text(data: bytes) -> str:
    return "\n".join(checker.pdf_pages(data, layout=False))


def test_reportlab_keeps_the_date_on_one_line() -> None:
    from khsmodel_exporters.pdf._render import render

    kept = _pdf_reading_text(render(_running_text(NBSP), timeline=False))
    assert kept.count("1. januar 2010") == 30 + 2  # each on one line, none cut inside
    assert not _BROKEN.search(kept)
    # the test can fail: with plain spaces some of the dates break
    assert _BROKEN.search(_pdf_reading_text(render(_running_text(" "), timeline=False)))


def test_weasyprint_keeps_the_date_on_one_line() -> None:
    pytest.importorskip("weasyprint")
    from khsmodel_exporters.html._pdf import render_pdf

    kept = _pdf_reading_text(render_pdf(_running_text(NBSP), timeline=False))
    assert kept.count("1. januar 2010") == 30 + 2
    assert not _BROKEN.search(kept)
    assert _BROKEN.search(_pdf_reading_text(render_pdf(_running_text(" "), timeline=False)))
