"""What every drawn chart of counts needs, whatever draws it: the value axis's ticks,
labels wrapped at word boundaries, and the status report's bar chart laid out once.

:func:`count_ticks` gives round ticks (steps of 1, 2 or 5 × 10^k) from 0 to
an axis end at or above the largest value, so no bar runs past the axis; at
most a handful of them. :func:`wrap_words` wraps a label into lines of a
width, breaking only between words; a word wider than the line by itself is
broken between letters (no hyphen is added: a hyphen would look like a
word's own), the last resort. The text is measured by the caller
(reportlab's ``stringWidth`` for the PDF, :func:`._widths.text_width`
elsewhere), so each format wraps by its own font's widths.
:func:`text_width_wrapper` gives the lines :func:`wrap_words` gives with
:func:`._widths.text_width` (:func:`wrap_units`: each word measured once,
not each trial line; the HTML timeline wraps a label per measure).

:func:`status_chart_layout` places every part of a status report's
:class:`~.content.status.StatusChart` (a stacked bar per focus area) in a
top-down coordinate system: the PDF (vector, ``pdf/_status_chart.py``), the
HTML page (inline SVG, ``html/_status_chart.py``) and the Word file (a PNG
drawn by Pillow, ``docx/_status_chart.py``) draw the same layout, as the
three draw the year wheel from ``content.meetingplans.wheel_layout``.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Callable
from dataclasses import dataclass
from itertools import accumulate, repeat
from operator import add
from typing import TYPE_CHECKING

from ._metrics import UNITS_PER_EM
from ._widths import _BREAKS, text_width

if TYPE_CHECKING:
    from .content.status import StatusChart

__all__ = [
    "CHART_TEXT",
    "OTHER_COLOUR",
    "STATUS_COLOURS",
    "ChartLayout",
    "ChartRow",
    "LegendItem",
    "Segment",
    "count_ticks",
    "hex_colour",
    "split_words",
    "status_chart_layout",
    "text_width_wrapper",
    "wrap_units",
    "wrap_words",
]

RGB = tuple[float, float, float]

#: The colour of each status (red, green, blue from 0 to 1), the key a status value or
#: ``"none"``. Told apart also by place, by the legend and by the summary table; a count
#: printed on a bar is white or :data:`CHART_TEXT`, whichever contrasts more (at least
#: 4.5:1, WCAG AA for small text, for each of these).
STATUS_COLOURS: dict[str, RGB] = {
    "planned": (0.62, 0.74, 0.86), "started": (0.36, 0.56, 0.76),
    "ongoing": (0.20, 0.40, 0.62), "done": (0.20, 0.50, 0.31),
    "postponed": (0.85, 0.60, 0.25), "cancelled": (0.60, 0.35, 0.35),
    "carried_over": (0.45, 0.40, 0.60), "none": (0.78, 0.78, 0.78),
}  # fmt: skip
#: A status this palette does not know (a newer model's).
OTHER_COLOUR: RGB = (0.5, 0.5, 0.5)
#: The chart's text: names, ticks, legend, and a count on a light bar.
CHART_TEXT: RGB = (0.10, 0.12, 0.15)
WHITE: RGB = (1.0, 1.0, 1.0)


def hex_colour(rgb: RGB) -> str:
    """``#rrggbb`` of ``rgb`` (0–1 each), for SVG and Pillow.

    >>> hex_colour((0.62, 0.74, 0.86))
    '#9ebddb'
    """
    return "#" + "".join(f"{round(v * 255):02x}" for v in rgb)


def _luminance(rgb: RGB) -> float:
    """Relative luminance (WCAG 2.1)."""

    def lin(v: float) -> float:
        return v / 12.92 if v <= 0.03928 else ((v + 0.055) / 1.055) ** 2.4

    r, g, b = rgb
    return 0.2126 * lin(r) + 0.7152 * lin(g) + 0.0722 * lin(b)


def contrast(a: RGB, b: RGB) -> float:
    """The WCAG contrast ratio of two colours (1 to 21)."""
    la, lb = sorted((_luminance(a), _luminance(b)), reverse=True)
    return (la + 0.05) / (lb + 0.05)


def count_ticks(largest: int, most: int = 5) -> tuple[int, ...]:
    """Ticks 0, s, 2s … of an axis counting up to ``largest`` (≥ 0): the step ``s`` the
    smallest of 1, 2, 5, 10, 20, 50 … that needs at most ``most`` steps, the last tick
    the first multiple of ``s`` at or above ``largest``. An axis of nothing (0) still
    has a unit: (0, 1).

    >>> count_ticks(9), count_ticks(3), count_ticks(0), count_ticks(230)
    ((0, 2, 4, 6, 8, 10), (0, 1, 2, 3), (0, 1), (0, 50, 100, 150, 200, 250))
    """
    if largest < 0 or most < 1:
        raise ValueError(f"count_ticks needs largest >= 0 and most >= 1, got {largest}, {most}")
    step, k = 1, 0
    while True:
        for m in (1, 2, 5):
            step = m * 10**k
            if -(-largest // step) <= most:
                steps = max(1, -(-largest // step))
                return tuple(i * step for i in range(steps + 1))
        k += 1


def split_words(text: str) -> list[str]:
    """The words of ``text``: what white space parts, but the no-break space (U+00A0), which
    joins what must stay on one line ("8.\\u00a0februar\\u00a02016" is one word), as
    :data:`._widths._BREAKS` says where a table cell's text may break.

    >>> split_words(" Frist  8.\\u00a0februar\\u00a02016\\n")
    ['Frist', '8.\\xa0februar\\xa02016']
    """
    if "\u00a0" not in text:  # most text: str.split parts at the same white space
        return text.split()
    return [w for w in _BREAKS.split(text) if w]


def wrap_words(text: str, width: float, width_of: Callable[[str], float]) -> list[str]:
    """``text`` in lines no wider than ``width`` (as ``width_of`` measures), broken between
    words only; a word wider than ``width`` alone is broken between letters, as few times
    as it must. Runs of white space count as one space; a no-break space (U+00A0) is no
    break (:func:`split_words`). At least one line ("" for none).

    >>> wrap_words("Samhandling om forebyggende helsearbeid", 14, len)
    ['Samhandling om', 'forebyggende', 'helsearbeid']
    >>> wrap_words("Rehabiliteringsressursene", 10, len)
    ['Rehabilite', 'ringsressu', 'rsene']
    """
    words = split_words(text)
    whole = " ".join(words)
    if width_of(whole) <= width:  # most labels: one measurement
        return [whole]
    lines: list[str] = []
    line = ""
    for word in words:
        trial = f"{line} {word}" if line else word
        if width_of(trial) <= width:
            line = trial
            continue
        if line:
            lines.append(line)
            line = ""
        if width_of(word) <= width:
            line = word
            continue
        for ch in word:  # the last resort: a word longer than the line by itself
            if line and width_of(line + ch) > width:
                lines.append(line)
                line = ""
            line += ch
    if line or not lines:
        lines.append(line)
    return lines


def wrap_units(
    text: str,
    most: int,
    units: Callable[[str], int],
    advance: Callable[[str], int] | None = None,
) -> list[str]:
    """:func:`wrap_words` for a measure that adds up, ``units(a + b) == units(a) +
    units(b)`` (a font's widths without kerning, in integer units), a line fitting when
    its units are at most ``most``: the same lines, each word measured once and the words
    of each line found by bisecting the running sum of their widths, where
    :func:`wrap_words` measures a trial line a word longer each time. ``advance(word)``,
    if given, is ``units(word + " ")`` (a caller may keep both per word).

    >>> wrap_units("Samhandling om forebyggende helsearbeid", 14, len)
    ['Samhandling om', 'forebyggende', 'helsearbeid']
    >>> wrap_units("Om Rehabiliteringsressursene", 10, len)
    ['Om', 'Rehabilite', 'ringsressu', 'rsene']
    """
    words = split_words(text)
    if not words:
        return [""]
    space = units(" ")
    # ends[k]: the width of words[: k + 1], each word with a space after it
    if advance is None:
        ends = list(accumulate(map(add, map(units, words), repeat(space))))
    else:
        ends = list(accumulate(map(advance, words)))
    if ends[-1] - space <= most:  # a short label: one line
        return [" ".join(words)]
    lines: list[str] = []
    n = len(words)
    i = 0  # the line's first word
    before = 0  # the width of the words before it, each with its space
    while i < n:
        # words[i:j] fit on a line: ends[j - 1] - before - space <= most
        j = bisect_right(ends, most + space + before, i)
        if j > i:
            lines.append(" ".join(words[i:j]))
            i, before = j, ends[j - 1]
            continue
        # the last resort: words[i] is longer than the line by itself, broken between
        # letters; its last piece starts the next line, which may take words after it
        part, used = "", 0
        for ch in words[i]:
            width = units(ch)
            if part and used + width > most:
                lines.append(part)
                part, used = "", 0
            part += ch
            used += width
        i, before = i + 1, ends[i]
        j = bisect_right(ends, most - used + before, i)
        lines.append(" ".join([part, *words[i:j]]))
        if j > i:
            i, before = j, ends[j - 1]
    return lines


class _EmUnits(dict[str, int]):
    """The width of each word met, in units of the em (:data:`._metrics.UNITS_PER_EM`),
    as :func:`._widths.text_width` measures it: measured once, for a plan's words repeat."""

    __slots__ = ("bold",)

    def __init__(self, bold: bool) -> None:
        super().__init__()
        self.bold = bold

    def __missing__(self, word: str) -> int:
        got = self[word] = round(text_width(word, self.bold, UNITS_PER_EM))
        return got


class _Advances(dict[str, int]):
    """Each word's width with a space after it, from :class:`_EmUnits`."""

    __slots__ = ("space", "units")

    def __init__(self, units: _EmUnits) -> None:
        super().__init__()
        self.units = units
        self.space = units[" "]

    def __missing__(self, word: str) -> int:
        got = self[word] = self.units[word] + self.space
        return got


def _points(units: int, size: float) -> float:
    """Points of ``units`` of the em at ``size``, as :func:`._widths.text_width` reckons."""
    return units * size / UNITS_PER_EM


def text_width_wrapper(width: float, bold: bool, size: float) -> Callable[[str], list[str]]:
    """A wrapper of texts into lines of ``width`` points at ``size``: for each text the
    lines of ``wrap_words(text, width, lambda s: text_width(s, bold, size))``
    (:func:`._widths.text_width` adds up the widths of the letters), by
    :func:`wrap_units`, the words measured once for all the texts it wraps."""
    # the most units a line may have: the width, like a line's, reckoned as text_width does
    most = int(width * UNITS_PER_EM / size)
    while _points(most, size) > width:
        most -= 1
    while _points(most + 1, size) <= width:
        most += 1
    words = _EmUnits(bold)
    units, advance = words.__getitem__, _Advances(words).__getitem__

    def wrap(text: str) -> list[str]:
        return wrap_units(text, most, units, advance)

    return wrap


@dataclass(frozen=True, slots=True)
class Segment:
    """A status's part of a bar: ``x`` to ``x + width``, ``count`` measures; the count is
    printed on it when it ``fits``, in white when ``light`` (else in the chart's text
    colour)."""

    key: str
    count: int
    x: float
    width: float
    fits: bool
    light: bool


@dataclass(frozen=True, slots=True)
class ChartRow:
    """A focus area's row, ``top`` to ``top + height``: its name in ``lines`` (at the
    ``baselines``, from x 0), its bar from ``bar_top`` (the layout's ``bar_height``
    tall), a count on it at ``count_baseline``; ``total`` its measures."""

    title: str
    total: int
    top: float
    height: float
    lines: tuple[str, ...]
    baselines: tuple[float, ...]
    bar_top: float
    count_baseline: float
    segments: tuple[Segment, ...]


@dataclass(frozen=True, slots=True)
class LegendItem:
    """A status in the legend: its swatch (``swatch`` square, top left ``x``, ``y``) and
    its word from ``text_x`` at ``baseline``."""

    key: str
    word: str
    x: float
    y: float
    text_x: float
    baseline: float


@dataclass(frozen=True, slots=True)
class ChartLayout:
    """Where every part of a status chart goes, ``width`` × ``height``, y downwards.

    The text is set at ``size`` (the title at ``title_size``, bold, at
    ``title_baseline``; the ticks' numbers at ``tick_size``, centred on their x at
    ``tick_baseline``; a count on a bar bold). The value axis runs from ``axis_start``
    (0) to ``axis_end`` (the last tick); its grid lines from ``plot_top`` to
    ``plot_bottom``. ``label_width`` is the column of the names.
    """

    width: float
    height: float
    size: float
    title_size: float
    title_baseline: float | None
    label_width: float
    axis_start: float
    axis_end: float
    plot_top: float
    plot_bottom: float
    bar_height: float
    ticks: tuple[tuple[int, float], ...]
    tick_size: float
    tick_baseline: float
    rows: tuple[ChartRow, ...]
    swatch: float
    legend: tuple[LegendItem, ...]


#: The chart's measures at a text size of 7.5 (the PDF's points); :func:`status_chart_layout`
#: scales them to its ``size``.
_BASE = 7.5
_BAR_H = 14.0  # a bar's height
_GAP = 6.0  # between two rows
_LINE = 9.0  # a line of a focus area's name
_TOP = 30.0  # the title's band
_TOP_UNTITLED = 6.0  # the band above the rows when the title is set outside the chart
_AXIS = 14.0  # the ticks' numbers under the rows
_LEGEND = 16.0  # the legend's first line
_LEGEND_LINE = 14.0  # each line more, when the statuses do not fit on one


def status_chart_layout(
    chart: StatusChart,
    width: float,
    width_of: Callable[[str, bool], float],
    size: float = _BASE,
    *,
    title: bool = True,
) -> ChartLayout:
    """The layout of ``chart`` in ``width`` (the text at ``size``; ``width_of(text, bold)``
    measures text at that size, in the layout's unit). With ``title`` False the chart's
    title is set outside it (a heading over a picture) and the chart starts at its rows.

    The label column is as wide as the longest name on one line, at most 36 % of the
    width; a name is wrapped at word boundaries in it (:func:`wrap_words`) and its row
    is as tall as its lines, the bar centred on them. The axis ends at a round count at
    or above the longest bar (:func:`count_ticks`), so no bar runs past it. The legend
    runs left to right under the axis, on as many lines as it needs.
    """
    f = size / _BASE
    bar_h, gap, line_h, pad = _BAR_H * f, _GAP * f, _LINE * f, 6 * f

    def plain(text: str) -> float:
        return width_of(text, False)

    # the label column: as wide as the longest name on one line, at most 36 % of the width
    label_w = min(width * 0.36, max(plain(" ".join(split_words(t))) for t, _ in chart.bars) + pad)
    labels = [wrap_words(t, label_w - pad, plain) for t, _ in chart.bars]
    heights = [max(bar_h, len(lines) * line_h + 2 * f) + gap for lines in labels]
    x0, x1 = label_w, width - 8 * f
    totals = [sum(counts) for _, counts in chart.bars]
    ticks = count_ticks(max(totals))
    scale = (x1 - x0) / ticks[-1]
    top = (_TOP if title else _TOP_UNTITLED) * f
    rows = []
    row_top = top
    for (name, counts), lines, row_h, total in zip(
        chart.bars, labels, heights, totals, strict=True
    ):
        middle = row_top + row_h / 2
        first = middle - (len(lines) - 1) * line_h / 2 + size * 0.35  # the lines centred
        bar_top = middle - bar_h / 2
        segments = []
        x = x0
        for (key, _word), n in zip(chart.statuses, counts, strict=True):
            if not n:
                continue
            w = n * scale
            colour = STATUS_COLOURS.get(key, OTHER_COLOUR)
            light = contrast(colour, WHITE) > contrast(colour, CHART_TEXT)
            fits = width_of(str(n), True) + 4 * f <= w
            segments.append(Segment(key, n, x, w, fits, light))
            x += w
        rows.append(ChartRow(name, total, row_top, row_h, tuple(lines),
                             tuple(first + i * line_h for i in range(len(lines))),
                             bar_top, bar_top + bar_h - 4 * f, tuple(segments)))  # fmt: skip
        row_top += row_h
    plot_bottom = row_top
    # the legend: a swatch and a word per status, on a new line when the next would not fit
    swatch = 9 * f
    legend = []
    lx, line = 0.0, 0
    legend_top = plot_bottom + _AXIS * f
    for key, word in chart.statuses:
        room = 12 * f + plain(word)
        if lx and lx + room > width:
            lx, line = 0.0, line + 1
        y = legend_top + (_LEGEND - 11) * f + line * _LEGEND_LINE * f
        legend.append(LegendItem(key, word, lx, y, lx + 12 * f, y + 7.5 * f))
        lx += room + 12 * f
    height = legend_top + (_LEGEND + line * _LEGEND_LINE) * f
    return ChartLayout(
        width=width, height=height, size=size, title_size=9 * f,
        title_baseline=20 * f if title else None, label_width=label_w,
        axis_start=x0, axis_end=x1, plot_top=top, plot_bottom=plot_bottom, bar_height=bar_h,
        ticks=tuple((k, x0 + k * scale) for k in ticks), tick_size=6.5 * f,
        tick_baseline=plot_bottom + 9 * f, rows=tuple(rows), swatch=swatch, legend=tuple(legend),
    )  # fmt: skip
