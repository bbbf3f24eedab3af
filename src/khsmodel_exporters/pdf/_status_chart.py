"""The status chart of a status report: a stacked horizontal bar per focus area (vector).

Each bar is the focus area's measures, split by status in the order of the
legend, each part with its count where it fits; the axis counts measures.
The numbers are also in the report's summary table, which comes before it;
the drawing's description (``alt``) says so.
"""

from __future__ import annotations

from typing import Any

from reportlab.graphics.shapes import Drawing, Line, Rect, String
from reportlab.lib.colors import Color, white
from reportlab.pdfbase.pdfmetrics import stringWidth

from ..content.status import StatusChart
from ._canvas import fit_text
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


def status_chart(chart: StatusChart, width: float) -> Any:
    """A reportlab Drawing (a flowable) of ``chart``, ``width`` points wide."""
    label_w = min(width * 0.36, max(stringWidth(t, REGULAR, _SIZE) for t, _ in chart.bars) + 6)
    x0, x1 = label_w, width - 8
    total = max(sum(counts) for _, counts in chart.bars) or 1
    scale = (x1 - x0) / total
    legend_h = 16.0
    top = 30.0
    height = top + len(chart.bars) * (_BAR_H + _GAP) + 14 + legend_h
    d = Drawing(width, height)
    d.add(String(0, height - 20, chart.title, fontName=BOLD, fontSize=9, fillColor=_TEXT))
    y_axis = legend_h + 14
    step = max(1, round(total / 5))
    for k in range(0, total + 1, step):
        x = x0 + k * scale
        d.add(Line(x, y_axis, x, height - top, strokeColor=_GRID, strokeWidth=0.5))
        d.add(String(x, y_axis - 9, str(k), fontName=REGULAR, fontSize=6.5, fillColor=_TEXT,
                     textAnchor="middle"))  # fmt: skip
    for i, (title, counts) in enumerate(chart.bars):
        y = height - top - (i + 1) * (_BAR_H + _GAP) + _GAP / 2
        d.add(String(0, y + 4, fit_text(title, REGULAR, _SIZE, label_w - 6), fontName=REGULAR,
                     fontSize=_SIZE, fillColor=_TEXT))  # fmt: skip
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
