"""docs/timeframes.md: every example of its table is read as the table says, in both languages."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

import khsmodel
from khsmodel import Period, Timeframe, interpret_timeframe, is_text_only

ROOT = Path(__file__).resolve().parents[2]
PAGE = ROOT / "docs" / "timeframes.md"
PERIOD = Period(start=dt.date(2022, 1, 1), end=dt.date(2023, 12, 31))


def _rows() -> list[tuple[str, str, str, str, str]]:
    text = PAGE.read_text(encoding="utf-8")
    table = text.split("## The forms", 1)[1].split("\n## ", 1)[0]
    rows = []
    for line in table.splitlines():
        if line.startswith("| ") and not line.startswith(("| form |", "| --- |")):
            cells = [c.strip() for c in line.strip().strip("|").split(" | ")]
            assert len(cells) == 5, line
            rows.append((cells[0], cells[1], cells[2], cells[3], cells[4]))
    return rows


def _range(cell: str) -> tuple[dt.date | None, dt.date | None] | None:
    if cell == "none":
        return None
    first, last = cell.split(" – ")
    day = dt.date.fromisoformat
    return (None if first == "…" else day(first)), (None if last == "…" else day(last))


ROWS = _rows()


def test_the_table_has_the_forms_of_the_issue() -> None:
    examples = {e for row in ROWS for e in row[1:3]}
    for form in ("Hausten 2022", "Høsten 2022", "Våren 2022", "Sommaren 2022", "Sommeren 2022",
                 "Første halvår 2022", "I løpet av 2022", "Innan utgangen av 2022",
                 "Innen utgangen av 2022", "Ultimo mars", "Primo mars", "Medio mars", "Uke 12",
                 "Veke 12", "2023–2025", "2023 - 2025", "Løpende", "Løpande", "Fortløpende",
                 "Kontinuerlig", "Hele perioden", "Årlig", "Årleg", "Hvert år", "Kvartalsvis",
                 "Hver måned", "Hvert møte", "Etter behov"):  # fmt: skip
        assert form in examples, form
    assert len(ROWS) >= 60


@pytest.mark.parametrize(("form", "nb", "nn", "reading", "expected"), ROWS, ids=[r[0] for r in ROWS])
def test_example(form: str, nb: str, nn: str, reading: str, expected: str) -> None:
    for text in (nb, nn):
        got = interpret_timeframe(text, year=2022, body="osu")
        if reading == "text only":
            assert got is None and is_text_only(text), text
            continue
        assert type(got).__name__ == reading.strip("`"), (text, got)
        assert getattr(khsmodel, type(got).__name__) is type(got)  # a public class
        assert Timeframe(text=text, interpretation=got).date_range(PERIOD) == _range(expected), text
