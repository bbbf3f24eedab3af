"""The status chart of a status report: a stacked horizontal bar per focus area (vector).

Each bar is the focus area's measures, split by status in the order of the
legend, each part with its count where it fits; the axis counts measures, in
round steps up to at least the longest bar. A focus area's name is wrapped
at word boundaries beside its bar (never cut), the row as tall as its lines.
The numbers are also in the report's summary table, which comes before it;
the drawing's description (``alt``) says so.
"""

from __future__ import annotations

from typing import Any

from reportlab.graphics.shapes import Drawing, Line, Rect, String
from reportlab.lib.colors import Color, white
from reportlab.pdfbase.pdfmetrics import stringWidth

from .._chart import count_ticks, wrap_words
from ..content.status import StatusChart
from ._fonts import BOLD, REGULAR

__all__ = ["status_chart"]

#: The colour of each status (told apart also by place, legend and the summary table).
_COLOURS = {
    "planned": Color(0.62, 0.74, 0.86), "started": Color(0.36, 0.56, 0.76),
    "ongoing": Color(0.20, 0.40, 0.62), "done": Color(0.24, 0.55, 0.35),
    "postponed": Color(0.85, 0.60, 0.25), "cancelled": Color(0.60, 0.35, 0.35),
    "carried_over": Color(0.50, 0.45, 0.65), "none": Color(0.78, 0.78, 0.78),
}  # fmt: skip
_OTHER = Color(0.5, 0.5, 0.5)
_TEXT = Color(0.10, 0.12, 0.15)
_GRID = Color(0.86, 0.88, 0.91)
_SIZE = 7.5
_BAR_H = 14.0
_GAP = 6.0
_LINE = 9.0  # a line of a focus area's name


def status_chart(chart: StatusChart, width: float) -> Any:
    """A reportlab Drawing (a flowable) of ``chart``, ``width`` points wide.

    A focus area's name is wrapped at word boundaries in the label column
    (:func:`.._chart.wrap_words`), its bar as tall as before and its row as
    tall as its lines; the axis ends at a round count at or above the longest
    bar (:func:`.._chart.count_ticks`).
    """

    def width_of(text: str) -> float:
        return float(stringWidth(text, REGULAR, _SIZE))

    # the label column: as wide as the longest name on one line, at most 36 % of the width
    label_w = min(width * 0.36, max(width_of(" ".join(t.split())) for t, _ in chart.bars) + 6)
    labels = [wrap_words(t, label_w - 6, width_of) for t, _ in chart.bars]
    rows = [max(_BAR_H, len(lines) * _LINE + 2) + _GAP for lines in labels]
    x0, x1 = label_w, width - 8
    ticks = count_ticks(max(sum(counts) for _, counts in chart.bars))
    scale = (x1 - x0) / ticks[-1]
    legend_h = 16.0
    top = 30.0
    height = top + sum(rows) + 14 + legend_h
    d = Drawing(width, height)
    d.add(String(0, height - 20, chart.title, fontName=BOLD, fontSize=9, fillColor=_TEXT))
    y_axis = legend_h + 14
    for k in ticks:
        x = x0 + k * scale
        d.add(Line(x, y_axis, x, height - top, strokeColor=_GRID, strokeWidth=0.5))
        d.add(String(x, y_axis - 9, str(k), fontName=REGULAR, fontSize=6.5, fillColor=_TEXT,
                     textAnchor="middle"))  # fmt: skip
    row_top = height - top
    for (_title, counts), lines, row in zip(chart.bars, labels, rows, strict=True):
        middle = row_top - row / 2
        row_top -= row
        y = middle - _BAR_H / 2
        # the name's lines centred on the bar, the first on top
        first = middle + (len(lines) - 1) * _LINE / 2 - _SIZE * 0.35
        for i, line in enumerate(lines):
            d.add(String(0, first - i * _LINE, line, fontName=REGULAR, fontSize=_SIZE,
                         fillColor=_TEXT))  # fmt: skip
        x = x0
        for (key, _word), n in zip(chart.statuses, counts, strict=True):
            if not n:
                continue
            w = n * scale
            colour = _COLOURS.get(key, _OTHER)
            d.add(Rect(x, y, w, _BAR_H, fillColor=colour, strokeColor=white, strokeWidth=0.8))
            if stringWidth(str(n), BOLD, _SIZE) + 4 <= w:
                dark = colour.red + colour.green + colour.blue < 1.6
                d.add(String(x + w / 2, y + 4, str(n), fontName=BOLD, fontSize=_SIZE,
                             fillColor=white if dark else _TEXT, textAnchor="middle"))  # fmt: skip
            x += w
    x = 0.0
    for key, word in chart.statuses:
        d.add(Rect(x, 2, 9, 9, fillColor=_COLOURS.get(key, _OTHER), strokeColor=None))
        d.add(String(x + 12, 3.5, word, fontName=REGULAR, fontSize=_SIZE, fillColor=_TEXT))
        x += 12 + stringWidth(word, REGULAR, _SIZE) + 12
    return d
