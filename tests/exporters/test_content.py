"""The public content package (issue 16): its names, and content that any renderer can render.

A bold or italic span never begins or ends with whitespace (Markdown cannot emphasise
"1. " in ``**1. **``): separators are plain spans, and Word, PDF and HTML decide to write
them in the styled run beside them (``khsmodel_exporters._runs``), so their bytes stay
as they were (tests/exporters/test_export_digests.py).
"""

from __future__ import annotations

import copy
import dataclasses
import datetime as dt
import pickle
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import khsmodel
from khsmodel import strategies as ks
from khsmodel_exporters import content as C
from khsmodel_exporters._runs import runs
from khsmodel_exporters.content import blocks
from khsmodel_exporters.content.blocks import Cell, CellPara, CellStyle, Row, Span

ROOT = Path(__file__).resolve().parents[2]
EXAMPLES = sorted((ROOT / "examples/documents").glob("*.json"))


def _spans(content: C.Content) -> Iterator[C.Spans]:
    """Every run of spans in ``content``, attached documents included."""
    for b in content.blocks:
        if isinstance(b, C.Para):
            yield b.spans
        elif isinstance(b, C.BulletList | C.NumberedList):
            yield from b.items
        elif isinstance(b, C.Table):
            for row in b.rows:
                if isinstance(row, C.Row):
                    for cell in row.cells:
                        yield from (p.spans for p in cell.paras)
        elif isinstance(b, C.Included):
            yield from _spans(b.content)


def _styled_with_whitespace(content: C.Content) -> list[C.Span]:
    return [
        s
        for spans in _spans(content)
        for s in spans
        if (s.bold or s.italic) and s.text != s.text.strip(" \t\n")
    ]


def _followups() -> list[khsmodel.Document]:
    sys.path.insert(0, str(ROOT / "examples"))
    import khs
    import made_up_meeting_plan
    import vest_viken

    return [
        khs.status_report_2016(),
        vest_viken.meeting_plan_2022(),
        made_up_meeting_plan.meeting_plan_2026(),
    ]


@pytest.mark.parametrize("path", EXAMPLES, ids=lambda p: p.stem)
def test_no_example_styles_whitespace(path: Path) -> None:
    content = C.build(khsmodel.load(path), numbering=True)
    assert _styled_with_whitespace(content) == []


def test_no_status_report_or_meeting_plan_styles_whitespace() -> None:
    for doc in _followups():
        assert _styled_with_whitespace(C.build(doc)) == [], type(doc).__name__


@settings(max_examples=40, deadline=None, suppress_health_check=list(HealthCheck))
@given(ks.documents(hostile=False))
def test_no_document_styles_whitespace(doc: khsmodel.Document) -> None:
    assert _styled_with_whitespace(C.build(doc, numbering=True)) == []


def test_a_measure_number_is_bold_and_its_separator_plain() -> None:
    plan = khsmodel.ActionPlan(
        title="Plan",
        focus_areas=(
            khsmodel.FocusArea(
                number=2,
                title="Barn og unge",
                measures=(
                    khsmodel.Measure(
                        number=4, text="Fagdag", status=khsmodel.MeasureStatus.PLANNED
                    ),
                ),
            ),
        ),
    )
    (table,) = [b for b in C.build(plan, numbering=True).blocks if isinstance(b, C.Table)]
    row = table.rows[0]
    assert isinstance(row, C.Row)
    assert row.cells[0].paras[0].spans == (
        C.Span("2.4", bold=True),
        C.Span(" "),
        C.Span("Fagdag"),
    )


def test_styled_keeps_whitespace_apart() -> None:
    assert C.styled("1. ", bold=True) == (C.Span("1.", bold=True), C.Span(" "))
    assert C.styled("\nhttps://x.no", italic=True) == (
        C.Span("\n"),
        C.Span("https://x.no", italic=True),
    )
    assert C.styled(" a b ", bold=True, italic=True) == (
        C.Span(" "),
        C.Span("a b", bold=True, italic=True),
        C.Span(" "),
    )
    assert C.styled("  ", bold=True) == (C.Span("  "),)  # whitespace alone is plain
    assert C.styled("plain") == (C.Span("plain"),)


def test_word_pdf_and_html_write_a_separator_in_the_styled_run_beside_it() -> None:
    number = (C.Span("1.", bold=True), C.Span(" "), C.Span("Fagdag"))
    assert runs(number) == [C.Span("1. ", bold=True), C.Span("Fagdag")]
    address = (C.Span("Tittel"), C.Span("\n"), C.Span("https://x.no", italic=True))
    assert runs(address) == [C.Span("Tittel"), C.Span("\nhttps://x.no", italic=True)]
    # spaces go with the run before them, a line break with the line it starts
    both = (C.Span("a", italic=True), C.Span(" "), C.Span("\n"), C.Span("b", italic=True))
    assert runs(both) == [C.Span("a ", italic=True), C.Span("\nb", italic=True)]
    after_plain = (C.Span("navn"), C.Span(" "), C.Span("(dato)", italic=True))
    assert runs(after_plain) == [C.Span("navn"), C.Span(" (dato)", italic=True)]
    plain = (C.Span("a"), C.Span(" "), C.Span("b"))
    assert list(runs(plain)) == list(plain)  # nothing styled beside it: as it is


def test_the_public_names_are_documented() -> None:
    for name in C.__all__:
        obj = getattr(C, name)
        if name in ("Block", "Spans"):  # type aliases, documented in blocks.py
            continue
        assert (obj.__doc__ or "").strip(), name
    assert set(C.__all__) >= {"build", "iter_text", "Content", "Heading", "Span", "Table"}


@settings(max_examples=100, deadline=None)
@given(
    st.text(),
    st.booleans(),
    st.booleans(),
    st.sampled_from(["text", "detail", "note"]),
)
def test_the_fast_makers_make_the_blocks_their_constructors_make(
    text: str, bold: bool, italic: bool, style: CellStyle
) -> None:
    # the measure table's makers (a twin's slots, then the class) give ordinary blocks:
    # the same type, value, hash and repr, frozen, copied and pickled alike
    span = blocks._span(text, bold, italic)
    para = blocks._cell_para((span,), style)
    cell = blocks._cell((para,))
    row = blocks._row((cell, cell))
    made = [span, para, cell, row]
    expected = [
        Span(text, bold, italic),
        CellPara((Span(text, bold, italic),), style),
        Cell((CellPara((Span(text, bold, italic),), style),)),
        Row((Cell((CellPara((Span(text, bold, italic),), style),)),) * 2),
    ]
    for got, want in zip(made, expected, strict=True):
        assert type(got) is type(want)
        assert got == want
        assert hash(got) == hash(want)
        assert repr(got) == repr(want)
        assert pickle.loads(pickle.dumps(got)) == want
        assert copy.deepcopy(got) == want
        assert dataclasses.replace(got) == want
        with pytest.raises(dataclasses.FrozenInstanceError):
            setattr(got, dataclasses.fields(got)[0].name, "x")
    assert blocks._span(text) == Span(text)
    assert blocks._cell_para(()) == CellPara(())


def test_a_measure_table_shows_its_texts_as_display_text_makes_them() -> None:
    # build() skips display_text's work in the measure table only when no string of the
    # document needs it: a line break as \r\n or \r, an unterminated bidi embedding
    def plan(text: str, note: str) -> khsmodel.ActionPlan:
        return khsmodel.ActionPlan(title="Plan", focus_areas=(khsmodel.FocusArea(
            number=1, title="Område", measures=(khsmodel.Measure(
                number=1, text=text, responsibility=khsmodel.Responsibility(text="OSU"),
                progress=(khsmodel.ProgressEntry(date=dt.date(2024, 3, 1), text=note),)),)),))  # fmt: skip

    def cells(p: khsmodel.ActionPlan) -> list[str]:
        return list(C.iter_text(C.build(p)))

    got = cells(plan("Første linje\r\nandre", "Notat\rmer"))
    assert "Første linje\nandre" in got
    assert "1.\u00a0mars\u00a02024: Notat\nmer" in got
    got = cells(plan("\u202bتجربة", "Notat"))
    assert "\u202bتجربة\u202c" in got
    got = cells(plan("Tiltak", "Notat \u2067ب"))
    assert "Tiltak" in got
    assert "1.\u00a0mars\u00a02024: Notat \u2067ب\u2069" in got
