"""The HTML timeline's fast wrapping gives the lines of the plain one.

:func:`wrap_words` measures a trial line a word longer each time (the PDF wraps by
reportlab's widths with it); :func:`wrap_units` adds up the words' widths, measured once,
and :func:`text_width_wrapper` wraps by Liberation Sans's widths with it. The plain
function is the reference: for any text and width the two give the same lines.
"""

from __future__ import annotations

from collections.abc import Callable

from hypothesis import given
from hypothesis import strategies as st

from khsmodel_exporters._chart import split_words, text_width_wrapper, wrap_units, wrap_words
from khsmodel_exporters._widths import text_width

HUGE = "Rehabiliteringsressursforvaltningsutviklingssamarbeidsprosjektevalueringsrapportene"

#: Letters of different widths (i and m, Sámi and symbols, one the widths do not know),
#: white space of several kinds (a run counts as one space), and long words.
_LETTERS = "aeimnrstwæøåŋđčšžáIMW0189.,:;-–&<>'\"()/§€😀\u00a0"
_TEXT = st.lists(
    st.one_of(
        st.text(alphabet=_LETTERS, min_size=1, max_size=12),
        st.text(alphabet=_LETTERS, min_size=13, max_size=60),  # longer than some lines
        st.sampled_from([" ", "  ", "\t", "\n", " \n ", "\u00a0", " \u00a0 "]),
    ),
    max_size=30,
).map(lambda parts: " ".join(parts))


def _edges(text: str) -> list[int]:
    """The lengths of the runs of words of ``text``: a room of one of these is the edge."""
    words = text.split()
    return [len(" ".join(words[i:j])) for i in range(len(words)) for j in range(i + 1, i + 4)]


@given(_TEXT, st.data())
def test_wrap_units_gives_wrap_words_lines_by_letters(text: str, data: st.DataObject) -> None:
    most = data.draw(
        st.one_of(st.integers(min_value=-2, max_value=70), st.sampled_from([0, *_edges(text)]))
    )
    assert wrap_units(text, most, len) == wrap_words(text, most, len)


@given(
    _TEXT,
    st.dictionaries(st.sampled_from(_LETTERS + " "), st.integers(0, 40)),
    st.integers(min_value=0, max_value=300),
)
def test_wrap_units_gives_wrap_words_lines_by_any_widths(
    text: str, widths: dict[str, int], most: int
) -> None:
    """Letters of any width (none too: a mark that takes no room), the space's too."""

    def units(s: str) -> int:
        return sum(widths.get(ch, 7) for ch in s)

    lines = wrap_words(text, most, units)
    assert wrap_units(text, most, units) == lines
    assert wrap_units(text, most, units, lambda word: units(f"{word} ")) == lines


def _points(bold: bool, size: float) -> Callable[[str], float]:
    return lambda s: text_width(s, bold, size)


@given(
    _TEXT,
    st.floats(min_value=0, max_value=400, allow_nan=False),
    st.booleans(),
    st.sampled_from([11.0, 9.5, 7.5, 12.0]),
)
def test_text_width_wrapper_gives_wrap_words_lines(
    text: str, width: float, bold: bool, size: float
) -> None:
    wrap = text_width_wrapper(width, bold, size)
    assert wrap(text) == wrap_words(text, width, _points(bold, size))


@given(_TEXT, st.data(), st.booleans())
def test_a_line_exactly_as_wide_as_the_room_fits(text: str, data: st.DataObject, bold: bool) -> None:
    """The room as wide as some run of the text to the point (the edge a rounding error
    would fall on either side of), also as the HTML timeline narrows it (÷ 1.15)."""
    words = text.split()
    if not words:
        return
    i = data.draw(st.integers(0, len(words) - 1))
    j = data.draw(st.integers(i + 1, len(words)))
    width = text_width(" ".join(words[i:j]), bold, 11)
    for room in (width, width * 1.15 / 1.15, width / 1.15):
        wrap = text_width_wrapper(room, bold, 11)
        assert wrap(text) == wrap_words(text, room, _points(bold, 11))


def test_the_words_of_all_the_texts_are_measured_once_and_the_lines_are_right() -> None:
    wrap = text_width_wrapper(220, False, 11)
    label = "1.2 Samhandling om forebyggende helsearbeid og folkehelse for barn og unge"
    lines = wrap(label)
    assert lines == wrap_words(label, 220, _points(False, 11))
    assert len(lines) == 2 and " ".join(lines) == label
    assert all(text_width(line, False, 11) <= 220 for line in lines)
    assert wrap(f"Om {HUGE} og mer") == wrap_words(f"Om {HUGE} og mer", 220, _points(False, 11))
    assert "".join(wrap(HUGE)) == HUGE and len(wrap(HUGE)) > 1
    assert wrap("") == wrap("  \n ") == [""]


NBSP = "\u00a0"
DATE = f"8.{NBSP}februar{NBSP}2016"  # as Labels.in_text() writes a date in running text


@given(st.integers(min_value=len(DATE), max_value=60), st.integers(0, 6))
def test_a_no_break_space_is_no_break(width: int, before: int) -> None:
    """A date joined by no-break spaces is one word: on one line, or broken between letters
    only when it is longer than the line (never at its no-break spaces first)."""
    text = " ".join([*["Skisse", "presenteres", "i", "OSU", "møtet", "den"][:before], DATE, "og"])
    for lines in (wrap_words(text, width, len), wrap_units(text, width, len)):
        assert sum(DATE in line for line in lines) == 1
        assert " ".join(lines) == text


def test_the_no_break_space_is_kept_and_other_white_space_parts() -> None:
    assert split_words(f" Frist\t{DATE}\n og\u2003mer ") == ["Frist", DATE, "og", "mer"]
    assert split_words(f"{NBSP}") == [NBSP]  # a word of its own, as _widths reads it
    assert wrap_words(f"Frist {DATE}", 15, len) == ["Frist", DATE]  # was "Frist 8.", "februar 2016"
    assert wrap_words(f"Frist {DATE}", 10, len) == ["Frist", DATE[:10], DATE[10:]]


def test_the_html_timeline_keeps_a_date_on_one_line() -> None:
    """A label whose line would end inside the date (with plain spaces) carries the whole
    date to the next line of the chart."""
    import datetime as dt

    from khsmodel import ActionPlan, FocusArea, Measure, Period
    from khsmodel_exporters.html import HtmlExporter
    from tests.support.html_support import parse
    from tests.support.pdf_support import tf

    wrap = text_width_wrapper((300 - 8) / 1.15, False, 11)  # the chart's label column
    filler = "Skisse til modell for samhandling presenteres i møtet i OSU"
    texts = [f"{filler[:k].rstrip()} {DATE} og sendes på høring" for k in range(20, len(filler))]
    # a text whose date the old wrapping broke (at a no-break space read as a space)
    text = next(
        x for x in texts if not any(DATE.replace(NBSP, " ") in line for line in wrap(x.replace(NBSP, " ")))
    )
    plan = ActionPlan(
        title="Plan",
        period=Period(start=dt.date(2016, 1, 1), end=dt.date(2016, 12, 31)),
        focus_areas=(
            FocusArea(
                number=1,
                title="Samhandling",
                measures=(Measure(number=1, label="1.1", text=text, timeframe=tf("Mars 2016")),),
            ),
        ),
    )
    svg = parse(HtmlExporter().export(plan)).one("svg")
    labels = [[s.text() for s in t.iter("tspan")] for t in svg.iter("text") if t.attrs.get("x") == "4"]
    lines = next(x for x in labels if x and x[0].startswith("1.1 "))
    assert len(lines) > 1 and " ".join(lines) == f"1.1 {text}"
    assert sum(DATE in line for line in lines) == 1
