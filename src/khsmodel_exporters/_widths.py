"""Table column widths from what the cells hold, the same in the Word file and the PDF.

A column starts at its share of the text width (:attr:`Column.width`) and is
then widened, taking the room from columns with long running text, so that

1. no word breaks inside itself, and neither does a one-word header
   ("Kommunenr.", "Tidsperspektiv") nor an identifier or date
   ("920 125 298", "2/2016", "8. februar 2016"): these must fit on one line;
   a header of more words takes at most two lines ("Frist nærmer seg" as
   "Frist nærmer" / "seg", never a word a line);
2. as far as room allows, a header of two words ("Antall tiltak") and other
   short texts (a name, "Hver enkelt kommune") stay on one line too: a table
   of many narrow columns (a status report's summary) breaks such a header
   between its words rather than a word of another column. A column of running
   text marked :attr:`Column.room` (a status report's focus areas) keeps its
   share of the width first: the short headers beside it take two lines rather
   than its text more lines.

A column never takes more than 40 % of the width for this; beyond that the
layout wraps. The text is measured by the caller's ``measure(text, bold, size)``
(points): reportlab's ``stringWidth`` for the PDF, :func:`text_width` (the
same Liberation Sans widths, without reportlab) for Word.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Callable, Sequence

from . import _look as K
from ._metrics import BOLD, REGULAR, UNITS_PER_EM
from ._runs import runs as _joined
from .content import blocks as C  # the blocks alone: content.status measures its tables

__all__ = ["Measure", "column_widths", "fits", "keeps_whole", "text_width"]

Measure = Callable[[str, bool, float], float]

#: A cell or header text that must stay on one line: short, with a digit (an
#: identifier, a number, a date), or a header of one or two words.
_MAX_WHOLE = 24
_HAS_DIGIT = re.compile(r"\d").search
#: Too long to keep whole in any column: the layout breaks it.
_MAX_WORD = 60
#: Share of the text width a column may take to keep its words whole.
_CAP = 0.4


def keeps_whole(text: str, *, header: bool = False) -> bool:
    """Whether ``text`` is one that never wraps: an identifier, date or short header."""
    text = " ".join(text.split())
    if not text or len(text) > _MAX_WHOLE:
        return False
    words = text.count(" ") + 1
    if header:
        return words <= 2
    return words <= 4 and _HAS_DIGIT(text) is not None


@functools.lru_cache(maxsize=8192)
def _units(text: str, bold: bool) -> int:
    table = BOLD if bold else REGULAR
    return sum(table.get(ord(ch), 1139) for ch in text)  # 1139: a digit's width


def text_width(text: str, bold: bool, size: float) -> float:
    """Width in points of ``text`` set in Arial / Liberation Sans at ``size``."""
    return _units(text, bold) * size / UNITS_PER_EM


#: Where a line may break: white space other than the no-break space (U+00A0), which
#: joins what must stay on one line ("8.\u00a0februar\u00a02016" is one word here).
_BREAKS = re.compile(r"[^\S\u00a0]+")


def _two_lines(text: str, measure: Measure, bold: bool, size: float) -> float:
    """The narrowest width in which ``text`` takes at most two lines, broken between words
    ("Frist nærmer seg": the wider of "Frist nærmer" and "seg")."""
    parts = [p for p in _BREAKS.split(text) if p]
    if len(parts) < 2:
        return measure(text, bold, size)
    return min(
        max(measure(" ".join(parts[:k]), bold, size), measure(" ".join(parts[k:]), bold, size))
        for k in range(1, len(parts))
    )


def _widest_word(text: str, measure: Measure, bold: bool, size: float) -> float:
    widest = 0.0
    for word in _BREAKS.split(text):
        if not word:
            continue
        if len(word) > _MAX_WORD:
            return float("inf")
        widest = max(widest, measure(word, bold, size))
    return widest


@functools.lru_cache(maxsize=16384)
def _facts(measure: Measure, text: str, bold: bool, size: float) -> tuple[float, float]:
    """What one run of cell text asks of its column: the width that must fit (its widest
    word, or all of it if it is an identifier or date) and its width on one line (-1 for
    long text, which wraps anyway). Kept per text: a big plan repeats its texts."""
    if "\n" in text or len(text) > 36:
        return _widest_word(text, measure, bold, size), -1.0
    flat = " ".join(text.split())
    wide = measure(flat, bold, size)
    return (wide if keeps_whole(flat) else _widest_word(flat, measure, bold, size)), wide


def column_widths(
    columns: Sequence[C.Column],
    rows: Sequence[C.Row | C.GroupRow],
    total: float,
    measure: Measure,
    *,
    pad: float,
    sizes: dict[str, float] | None = None,
) -> list[float]:
    """The widths (points, summing to ``total``) of a table's columns.

    ``pad``: a cell's left and right padding together; ``sizes``: the font size
    of each cell paragraph style ("text", "detail", "note").
    """
    weights = [max(c.width, 0.0) or 1.0 for c in columns]
    whole = sum(weights) or 1.0
    base = [total * w / whole for w in weights]
    if not columns:
        return base
    need, want = _asks(columns, rows, total, measure, pad=pad, sizes=sizes)
    return _distribute(_distribute(base, need), want)


def fits(
    columns: Sequence[C.Column],
    rows: Sequence[C.Row | C.GroupRow],
    total: float,
    measure: Measure,
    *,
    pad: float,
    sizes: dict[str, float] | None = None,
) -> bool:
    """Whether every column of the table can have what rule 1 asks (no word broken, no
    header over two lines) within ``total`` points: if not, the layout breaks some."""
    need, _ = _asks(columns, rows, total, measure, pad=pad, sizes=sizes)
    return sum(need) <= total


def _asks(
    columns: Sequence[C.Column],
    rows: Sequence[C.Row | C.GroupRow],
    total: float,
    measure: Measure,
    *,
    pad: float,
    sizes: dict[str, float] | None,
) -> tuple[list[float], list[float]]:
    """What each column must have (rule 1) and what it should have if there is room
    (rule 2), each at most the cap."""
    sizes = sizes or {"text": K.TABLE, "detail": K.TABLE_DETAIL, "note": K.TABLE_NOTE}
    slack = pad + 1.5  # rounding in Word and LibreOffice
    need: list[float] = []  # what must fit: every word, identifiers and short headers
    want: list[float] = []  # what should fit if there is room: short texts on one line
    heads = [" ".join(c.label.split()) for c in columns]
    for head in heads:
        # at most two lines; longer: the layout wraps it as it can
        w = _two_lines(head, measure, True, K.TABLE) if len(head) <= _MAX_WORD else 0.0
        need.append(max(w, _widest_word(head, measure, True, K.TABLE)) + slack)
    want = [
        max(n, measure(head, True, K.TABLE) + slack) if keeps_whole(head, header=True) else n
        for n, head in zip(need, heads, strict=True)
    ]
    # what each column's cells ask, before the slack: the hot loop of a big plan, so the
    # facts of a text are looked up in a dict of this call first (a plan repeats its texts)
    ask = [-1.0] * len(columns)  # the widest word or whole text of each column's cells
    wish = [0.0] * len(columns)  # the longest short text on one line
    seen: dict[tuple[str, bool, float], tuple[float, float]] = {}
    table_size = K.TABLE
    ncols = len(columns)
    group_row = C.GroupRow
    done: list[set[int]] = [set() for _ in columns]  # ids of cells measured: rows share cells
    for row in rows:
        if type(row) is group_row:
            continue
        for i, cell in enumerate(row.cells[:ncols]):  # type: ignore[union-attr]
            measured = done[i]
            if id(cell) in measured:
                continue
            measured.add(id(cell))
            for p in cell.paras:
                size = sizes.get(p.style, table_size)
                spans = p.spans
                if len(spans) == 1:  # most text: one run, its line is the run
                    sp = spans[0]
                    if not sp.text:
                        continue
                    key = (sp.text, sp.bold, size)
                    got = seen.get(key)
                    if got is None:
                        got = seen[key] = _facts(measure, sp.text, sp.bold, size)
                    word, line = got
                    if word > ask[i]:
                        ask[i] = word
                    if line > wish[i]:
                        wish[i] = line
                    continue
                line = 0.0
                for sp in _joined(spans):
                    text = sp.text
                    if not text:
                        continue
                    key = (text, sp.bold, size)
                    got = seen.get(key)
                    if got is None:
                        got = seen[key] = _facts(measure, text, sp.bold, size)
                    word, whole = got
                    if word > ask[i]:
                        ask[i] = word
                    line = line + whole if whole >= 0 and line >= 0 else -1.0
                if line > wish[i]:
                    wish[i] = line
    need = [max(n, a + slack) if a >= 0 else n for n, a in zip(need, ask, strict=True)]
    want = [max(w, x + slack) if x > 0 else w for w, x in zip(want, wish, strict=True)]
    if any(c.room for c in columns):  # running text that keeps its share (Column.room)
        weights = [max(c.width, 0.0) or 1.0 for c in columns]
        whole = sum(weights)
        want = [max(w, total * x / whole) if c.room else w
                for w, x, c in zip(want, weights, columns, strict=True)]  # fmt: skip
    cap = total * _CAP
    need = [min(n, cap) for n in need]
    want = [min(max(n, w), cap) for n, w in zip(want, need, strict=True)]
    return need, want


def _distribute(widths: Sequence[float], need: Sequence[float]) -> list[float]:
    """Widen the columns that need it, taking the room from the others down to their need."""
    extra = sum(max(n - w, 0.0) for n, w in zip(need, widths, strict=True))
    slack = sum(max(w - n, 0.0) for n, w in zip(need, widths, strict=True))
    if extra <= 0 or slack <= 0:
        return list(widths)
    take = min(extra, slack)
    return [
        w + (n - w) * take / extra if n > w else w - (w - n) * take / slack
        for n, w in zip(need, widths, strict=True)
    ]
