"""The årshjul of a meeting plan as reportlab vector graphics (a Drawing flowable).

The geometry is :func:`..content.meetingplans.wheel_layout`'s (shared with the
HTML exporter's SVG); this module only draws it: ring bands, month spokes and
names, a mark with its day of the month per date (a filled dot for a meeting
or a date, a hollow ring for a deadline), and a legend of the rings and the
kinds of mark under the wheel. The meetings' dates are in the tables before
it, its text alternative.
"""

from __future__ import annotations

from typing import Any

from reportlab.graphics.shapes import Circle, Drawing, Line, Rect, String
from reportlab.lib.colors import Color, HexColor, white

from ..content.meetingplans import RING_COLOURS, YearWheel, wheel_layout
from ._canvas import fit_text
from ._fonts import BOLD, REGULAR

__all__ = ["year_wheel"]

_TEXT = Color(0.10, 0.12, 0.15)
_BAND = Color(0.94, 0.95, 0.97)
_LINE = Color(0.72, 0.76, 0.80)
_SIZE = 7.5


def year_wheel(wheel: YearWheel, width: float) -> Any:
    """A reportlab Drawing of ``wheel``, ``width`` points wide."""
    size = min(width, 380.0)
    layout = wheel_layout(wheel, size)
    colours = [HexColor(c) for c in RING_COLOURS]
    # the legend: one line per ring under the wheel
    legend_h = 14.0 * (len(wheel.rings) + len(wheel.legend)) + 6
    title_h = 4.0  # the heading before it names the wheel
    height = title_h + size + legend_h
    d = Drawing(width, height)
    x0 = (width - size) / 2
    top = height - title_h

    def at(x: float, y: float) -> tuple[float, float]:
        return x0 + x, top - y

    cx, cy = at(layout.centre, layout.centre)
    for r, filled in layout.circles:
        d.add(Circle(cx, cy, r, fillColor=_BAND if filled else white, strokeColor=_LINE,
                     strokeWidth=0.6))  # fmt: skip
    for x1, y1, x2, y2 in layout.spokes:
        (a, b), (c, e) = at(x1, y1), at(x2, y2)
        d.add(Line(a, b, c, e, strokeColor=_LINE, strokeWidth=0.6))
    for x, y, text in layout.labels:
        px, py = at(x, y)
        d.add(String(px, py - 3, text, fontName=REGULAR, fontSize=_SIZE, fillColor=_TEXT,
                     textAnchor="middle"))  # fmt: skip
    d.add(String(cx, cy - 5, str(wheel.year), fontName=BOLD, fontSize=13, fillColor=_TEXT,
                 textAnchor="middle"))  # fmt: skip
    for x, y, r, ring, day, deadline in layout.dots:
        px, py = at(x, y)
        colour = colours[ring % len(colours)]
        fs = min(6.5, r * 1.05)
        if deadline:  # a hollow ring: its stroke inside the dot's radius
            w = max(0.8, r * 0.22)
            d.add(Circle(px, py, r - w / 2, fillColor=white, strokeColor=colour, strokeWidth=w))
        else:
            d.add(Circle(px, py, r, fillColor=colour, strokeColor=white, strokeWidth=0.6))
        d.add(String(px, py - fs * 0.36, day, fontName=BOLD, fontSize=fs,
                     fillColor=colour if deadline else white, textAnchor="middle"))  # fmt: skip
    y = legend_h - 14
    for i, name in enumerate(wheel.rings):
        d.add(Rect(0, y, 9, 9, fillColor=colours[i % len(colours)], strokeColor=None))
        label = f"{_ordinal(i)} {name}"
        d.add(String(13, y + 1.5, fit_text(label, REGULAR, _SIZE, width - 16), fontName=REGULAR,
                     fontSize=_SIZE, fillColor=_TEXT))  # fmt: skip
        y -= 14
    for deadline, words in wheel.legend:  # the kinds of mark: filled dot, hollow ring
        if deadline:
            d.add(Circle(4.5, y + 4.5, 3.9, fillColor=white, strokeColor=_TEXT, strokeWidth=1.2))
        else:
            d.add(Circle(4.5, y + 4.5, 4.5, fillColor=_TEXT, strokeColor=None))
        d.add(String(13, y + 1.5, fit_text(words, REGULAR, _SIZE, width - 16), fontName=REGULAR,
                     fontSize=_SIZE, fillColor=_TEXT))  # fmt: skip
        y -= 14
    return d


def _ordinal(i: int) -> str:
    """The ring's place, counted from the outside: "Ring 1:"."""
    return f"Ring {i + 1}:"
