"""The status chart of a status report: a stacked horizontal bar per focus area (vector).

Each bar is the focus area's measures, split by status in the order of the
legend, each part with its count where it fits; the axis counts measures, in
round steps up to at least the longest bar. A focus area's name is wrapped
at word boundaries beside its bar (never cut), the row as tall as its lines.
The numbers are also in the report's summary table, which comes before it;
the drawing's description (``alt``) says so. The geometry is
:func:`.._chart.status_chart_layout`'s (the HTML and Word exporters draw the same).
"""

from __future__ import annotations

from typing import Any

from reportlab.graphics.shapes import Drawing, Line, Rect, String
from reportlab.lib.colors import Color, white
from reportlab.pdfbase.pdfmetrics import stringWidth

from .._chart import CHART_TEXT, OTHER_COLOUR, STATUS_COLOURS, status_chart_layout
from ..content.status import StatusChart
from ._fonts import BOLD, REGULAR

__all__ = ["status_chart"]

_TEXT = Color(*CHART_TEXT)
_GRID = Color(0.86, 0.88, 0.91)
_SIZE = 7.5


def _colour(key: str) -> Color:
    return Color(*STATUS_COLOURS.get(key, OTHER_COLOUR))


def status_chart(chart: StatusChart, width: float) -> Any:
    """A reportlab Drawing (a flowable) of ``chart``, ``width`` points wide, drawn from
    :func:`.._chart.status_chart_layout` (whose y runs down; the drawing's runs up)."""

    def width_of(text: str, bold: bool) -> float:
        return float(stringWidth(text, BOLD if bold else REGULAR, _SIZE))

    lay = status_chart_layout(chart, width, width_of, _SIZE)
    height = lay.height
    d = Drawing(width, height)
    assert lay.title_baseline is not None
    d.add(String(0, height - lay.title_baseline, chart.title, fontName=BOLD,
                 fontSize=lay.title_size, fillColor=_TEXT))  # fmt: skip
    for k, x in lay.ticks:
        d.add(Line(x, height - lay.plot_bottom, x, height - lay.plot_top, strokeColor=_GRID,
                   strokeWidth=0.5))  # fmt: skip
        d.add(String(x, height - lay.tick_baseline, str(k), fontName=REGULAR,
                     fontSize=lay.tick_size, fillColor=_TEXT, textAnchor="middle"))  # fmt: skip
    for row in lay.rows:
        for line, baseline in zip(row.lines, row.baselines, strict=True):
            d.add(String(0, height - baseline, line, fontName=REGULAR, fontSize=lay.size,
                         fillColor=_TEXT))  # fmt: skip
        y = height - row.bar_top - lay.bar_height
        for seg in row.segments:
            d.add(Rect(seg.x, y, seg.width, lay.bar_height, fillColor=_colour(seg.key),
                       strokeColor=white, strokeWidth=0.8))  # fmt: skip
            if seg.fits:
                d.add(String(seg.x + seg.width / 2, height - row.count_baseline, str(seg.count),
                             fontName=BOLD, fontSize=lay.size,
                             fillColor=white if seg.light else _TEXT, textAnchor="middle"))  # fmt: skip
    for item in lay.legend:
        d.add(Rect(item.x, height - item.y - lay.swatch, lay.swatch, lay.swatch,
                   fillColor=_colour(item.key), strokeColor=None))  # fmt: skip
        d.add(String(item.text_x, height - item.baseline, item.word, fontName=REGULAR,
                     fontSize=lay.size, fillColor=_TEXT))  # fmt: skip
    return d
