"""The status report's chart: round axis ticks up to at least the longest bar, focus area
names wrapped at word boundaries (tested on the shared functions and read back from the PDF)."""

from __future__ import annotations

import datetime as dt
import itertools

import attrs
import pytest
from hypothesis import given
from hypothesis import strategies as st

import khsmodel
from khsmodel.status import report
from khsmodel_exporters._chart import count_ticks, wrap_words
from tests.support.pdf_support import pdftotext, plan_2016_2017

LONG = ("Samhandling om forebyggende helsearbeid og folkehelse for barn, unge og familier "
        "i kommunene")  # fmt: skip
HUGE = "Rehabiliteringsressursforvaltningsutviklingssamarbeidsprosjektevalueringsrapportene"


def _is_round(step: int) -> bool:
    """1, 2 or 5 times a power of ten."""
    digits = str(step).rstrip("0")
    return digits in ("1", "2", "5")


@given(st.integers(min_value=0, max_value=10**9), st.integers(min_value=1, max_value=10))
def test_ticks_are_round_and_reach_the_largest(largest: int, most: int) -> None:
    ticks = count_ticks(largest, most)
    step = ticks[1] - ticks[0]
    assert ticks[0] == 0 and ticks[-1] >= largest  # no bar runs past the axis
    assert all(b - a == step for a, b in itertools.pairwise(ticks))
    assert _is_round(step)
    assert 2 <= len(ticks) <= most + 1  # a small number of ticks
    assert ticks[-1] - step < max(largest, 1)  # and no tick beyond the one that reaches it
    # the step is the smallest round one that keeps to `most` steps
    smaller = [s for s in (step // 2, step * 2 // 5, step // 5) if s >= 1 and _is_round(s)]
    assert all(-(-largest // s) > most for s in smaller)


def test_ticks_of_the_counts_a_report_has() -> None:
    assert count_ticks(9) == (0, 2, 4, 6, 8, 10)  # the axis used to stop at 8
    assert count_ticks(1) == (0, 1) and count_ticks(0) == (0, 1)
    assert count_ticks(5) == (0, 1, 2, 3, 4, 5)
    assert count_ticks(11) == (0, 5, 10, 15)
    with pytest.raises(ValueError):
        count_ticks(-1)


_WORD = st.text(alphabet="abcdefghijklmnopqrstuvwxyzæøåŋđ,.:-", min_size=1, max_size=14)


@given(st.lists(_WORD, min_size=1, max_size=20), st.integers(min_value=1, max_value=40))
def test_wrapping_never_splits_a_word_that_fits(words: list[str], width: int) -> None:
    lines = wrap_words(" ".join(words), width, len)
    assert all(len(line) <= width for line in lines)
    tokens = [w for line in lines for w in line.split(" ")]
    for w in words:
        if len(w) <= width:  # a word that fits is on one line, whole
            assert w in tokens
    if all(len(w) <= width for w in words):
        assert tokens == words  # every break is between words, nothing lost or added
    else:  # a word too long for the line is broken between letters, nothing lost
        assert "".join(tokens) == "".join(words)
    # as few lines as word breaks allow: a line's first word (or piece) would not have
    # fitted on the line before
    for before, line in itertools.pairwise(lines):
        assert len(before) + 1 + len(line.split(" ")[0]) > width


def test_a_word_longer_than_the_room_is_broken_only_as_the_last_resort() -> None:
    assert len(HUGE) == 83
    assert wrap_words(f"Om {HUGE} og mer", 30, len) == [
        "Om", HUGE[:30], HUGE[30:60], f"{HUGE[60:]} og mer"  # the rest of it goes on as text
    ]
    assert wrap_words(f"Om {HUGE} og mer", 28, len) == [
        "Om", HUGE[:28], HUGE[28:56], f"{HUGE[56:]}", "og mer"
    ]
    assert wrap_words("   ", 10, len) == [""]


def _report_with(title: str) -> khsmodel.StatusReport:
    plan = plan_2016_2017()
    first = attrs.evolve(plan.focus_areas[0], title=title)
    plan = attrs.evolve(plan, focus_areas=(first, *plan.focus_areas[1:]))
    return report(plan, dt.date(2016, 9, 1))


def _chart_text(data: bytes) -> tuple[list[int], list[str]]:
    """The chart as pdftotext reads it in drawing order (``-raw``): the axis's ticks (drawn
    first, read as one line) and the lines after them, up to the legend."""
    text = pdftotext(data, first=1, last=2)
    start = text.index("Status per fokusområde\n")
    axis, *lines = text[start:text.index("Uten status", start)].splitlines()[1:]
    return [int(n) for n in axis.split()], [line for line in lines if line]


@pytest.mark.requires_program("pdftotext")
def test_pdf_chart_prints_a_long_focus_area_name_in_whole_words() -> None:
    _axis, lines = _chart_text(khsmodel.export(_report_with(LONG), "pdf"))
    name = f"Fokusområde 1: {LONG}"
    label = lines[: next(i for i, line in enumerate(lines) if line.isdigit())]
    assert len(label) > 1  # wrapped, over several lines
    assert " ".join(label) == name  # every word whole, nothing cut, no "…"
    assert not any("…" in line for line in lines)
    words = set(name.split())
    assert all(set(line.split()) <= words for line in label)  # a line is whole words


@pytest.mark.requires_program("pdftotext")
def test_pdf_chart_axis_reaches_the_longest_bar() -> None:
    axis, lines = _chart_text(khsmodel.export(_report_with("Barn og unge"), "pdf"))
    # the longest bar is 9 (focus area 2): the axis used to end at 8
    assert "Fokusområde 2: Tiltak rettet mot barn og unge 9" in lines
    assert axis == [0, 2, 4, 6, 8, 10]


@pytest.mark.requires_program("pdftotext")
def test_pdf_chart_breaks_a_word_longer_than_its_room_and_keeps_its_letters() -> None:
    _axis, lines = _chart_text(khsmodel.export(_report_with(HUGE), "pdf"))
    label = lines[: next(i for i, line in enumerate(lines) if line.isdigit())]
    assert len(label) > 2 and label[0] == "Fokusområde 1:"  # the words that fit, whole
    assert "".join(label[1:]) == HUGE  # the word too long for the room: all its letters
