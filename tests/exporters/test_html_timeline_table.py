"""The HTML timeline's text alternative, written row by row, is the table ``table()`` writes.

``_Page.timeline_table`` writes the rows itself and measures its columns by one row whose
cells hold every paragraph of their column; the plain way builds a content table of a row
per measure and renders it with the generic ``table()``. The two must give the same HTML.
"""

from __future__ import annotations

import sys
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from khsmodel import ActionPlan
from khsmodel import strategies as ks
from khsmodel.labels import NB, NN, Labels
from khsmodel_exporters import content as C
from khsmodel_exporters._timeline_data import TimelineData, collect
from khsmodel_exporters._widths import column_widths, text_width
from khsmodel_exporters.html._render import _Page

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "benchmarks"))
from _plans import make_plan


def _labels(data: TimelineData) -> list[list[str]]:
    return [
        [C.display_text(f"{r.number} {r.text}" if r.number else r.text) for r in rows]
        for _, rows in data.groups
    ]


def _by_table(page: _Page, data: TimelineData, table_id: str) -> None:
    """The plain way: a content table of a row per measure, rendered by ``table()``."""
    L = page.L
    rows: list[C.Row | C.GroupRow] = []
    for group_title, group_rows in data.groups:
        rows.append(C.GroupRow(group_title, "phase"))
        for r in group_rows:
            label = C.display_text(f"{r.number} {r.text}" if r.number else r.text)
            when = C.Cell((C.CellPara((C.Span(C.display_text(r.when)),)),))
            rows.append(C.Row((C.Cell((C.CellPara((C.Span(label),)),)), when)))
    table = C.Table((C.Column(L.measure, 70), C.Column(L.timeframe, 30)), tuple(rows))
    n = len(page.out)
    page.table(table, L.web["timeline_table"], hidden=False)
    page.out[n] = page.out[n].replace(
        '<div class="table-wrap"', f'<div id="{table_id}" class="table-wrap"', 1
    )


def _check(plan: ActionPlan, labels: Labels) -> None:
    data = collect(plan, labels)
    if data.empty:  # no timeline is drawn
        return
    fast, plain = _Page(labels, timeline=True), _Page(labels, timeline=True)
    fast.timeline_table(data, _labels(data), "khs-timeline-1-table")
    _by_table(plain, data, "khs-timeline-1-table")
    assert fast.out == plain.out
    assert fast.n_ids == plain.n_ids  # the same ids taken


@pytest.mark.parametrize("n", [12, 40, 300])
@pytest.mark.parametrize("seed", [2025, 7])
def test_a_big_plans_table_is_the_one_table_writes(n: int, seed: int) -> None:
    plan = make_plan(n, seed=seed)
    assert not collect(plan, NB).empty
    _check(plan, NB)
    _check(plan, NN)


@settings(suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
@given(ks.action_plans(), st.sampled_from([NB, NN]))
def test_the_rows_written_at_once_are_the_table_table_writes(plan: ActionPlan, labels: Labels) -> None:
    _check(plan, labels)


_PARA = st.builds(
    lambda text, bold, style: C.CellPara((C.Span(text, bold),), style),
    st.text(alphabet="ab ijmnw1-2 .\n", max_size=50),
    st.booleans(),
    st.sampled_from(["text", "detail", "note"]),
)


@given(st.lists(st.tuples(st.lists(_PARA, max_size=3), st.lists(_PARA, max_size=3)), max_size=8))
def test_columns_are_measured_by_their_paragraphs_whatever_cells_hold_them(
    cells: list[tuple[list[C.CellPara], list[C.CellPara]]],
) -> None:
    """What timeline_table counts on: one row of a cell per column holding all the
    column's paragraphs is measured as the rows holding them."""
    columns = (C.Column("Tiltak", 70), C.Column("Tidsperspektiv", 30))
    rows = tuple(C.Row((C.Cell(tuple(a)), C.Cell(tuple(b)))) for a, b in cells)
    one = C.Row(
        (
            C.Cell(tuple(p for a, _ in cells for p in a)),
            C.Cell(tuple(p for _, b in cells for p in b)),
        )
    )
    assert column_widths(columns, rows, 480, text_width, pad=10) == column_widths(
        columns, (one,), 480, text_width, pad=10
    )

