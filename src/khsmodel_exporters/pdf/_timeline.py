"""The timeline of an action plan: a Gantt-style vector chart, painted on the canvas.

Only measures whose timeframe resolves to dates (:meth:`Timeframe.date_range`)
are drawn, grouped by focus area, across the plan period (widened to cover
every drawn date, in whole months). Each row carries the measure's number and
text, and the timeframe as written beside its mark:

- a period (a month, a year, two dates): a bar;
- one day, or a deadline ("innen"): a diamond, as in the Word table (a deadline
  with a dashed lead-in from the start of the axis);
- an open end ("Starter i april"): a bar to the end of the axis with an arrow.

A legend under the chart says what the three marks mean (the Word timeline
has the same one), and no text of the chart is smaller than 7.5 pt.

Measures whose timeframe cannot be placed ("Neste møte" before the meeting is
known, "Tidsplan i samarbeid med kommunene") are listed under the chart with
their text. A plan where nothing resolves gets no chart at all.

A label too long for its column (the measure's number and text, a focus area's
title) is wrapped at word boundaries over as many lines as it needs: its row
grows by a line height a line, and the mark stays in the row's middle. Only a
label taller than half a page (thousands of characters) has its last line cut
with "…", for a row must fit on a page.

The chart is cut into parts that fit a page, each with its own axis.
"""

from __future__ import annotations

import datetime as dt
import functools
import math
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

from reportlab.lib.colors import Color, white

from khsmodel.labels import Labels

from .. import _look as K
from .._chart import split_words, wrap_words
from .._timeline_data import Row, TimelineData, collect, months
from ._canvas import fit_text
from ._fonts import BOLD, ITALIC, REGULAR, draw_string, string_width

__all__ = ["Row", "TimelineData", "chart_parts", "collect"]

ACCENT = Color(0.20, 0.40, 0.62)
ACCENT_LIGHT = Color(0.62, 0.74, 0.86)
GROUP_FILL = Color(0.91, 0.93, 0.96)
GRID = Color(0.86, 0.88, 0.91)
GRID_YEAR = Color(0.55, 0.60, 0.66)
TEXT = Color(0.10, 0.12, 0.15)
MUTED = Color(0.38, 0.41, 0.46)

AXIS_H = 28.0
GROUP_H = 16.0
ROW_H = 14.0
LEGEND_H = 20.0
FONT_SIZE = K.TIMELINE  # a measure's label
LINE_H = FONT_SIZE * 1.2  # each further line of a label adds this to its row
TITLE_LINE_H = (FONT_SIZE + 0.5) * 1.2  # … and of a focus area's title to its band
SMALL = K.TIMELINE_SMALL  # month names, the timeframe beside a mark, the legend: 7.5 pt


class _Axis:
    def __init__(self, start: dt.date, end: dt.date, x0: float, x1: float) -> None:
        self.start = start
        self.end = end
        self.x0 = x0
        self.x1 = x1
        self.days = max((end - start).days + 1, 1)

    def x(self, d: dt.date) -> float:
        days = min(max((d - self.start).days, 0), self.days)
        return self.x0 + (self.x1 - self.x0) * days / self.days

    def x_end(self, d: dt.date) -> float:
        """The right edge of day ``d`` (ends are inclusive)."""
        return self.x(d + dt.timedelta(days=1)) if d < dt.date.max else self.x1


class _Pen:
    """Draws on a canvas, setting colour, line width, dash and font only when they change.

    The chart used to be reportlab ``graphics`` shapes rendered by ``renderPDF``,
    which wraps every shape in its own graphics state; painting directly makes
    the same picture in a third of the time and with a smaller page stream.
    """

    def __init__(self, canvas: Any) -> None:
        self.c = canvas
        self._fill: Color | None = None
        self._stroke: Color | None = None
        self._width: float | None = None
        self._dash: tuple[float, ...] = ()
        self._font: tuple[str, float] | None = None

    def fill(self, color: Color) -> None:
        if color is not self._fill:
            self.c.setFillColor(color)
            self._fill = color

    def stroke(self, color: Color, width: float, dash: tuple[float, ...] = ()) -> None:
        if color is not self._stroke:
            self.c.setStrokeColor(color)
            self._stroke = color
        if width != self._width:
            self.c.setLineWidth(width)
            self._width = width
        if dash != self._dash:
            self.c.setDash(list(dash)) if dash else self.c.setDash()
            self._dash = dash

    def line(self, x1: float, y1: float, x2: float, y2: float, color: Color, width: float,
             dash: tuple[float, ...] = ()) -> None:  # fmt: skip
        self.stroke(color, width, dash)
        self.c.line(x1, y1, x2, y2)

    def rect(self, x: float, y: float, w: float, h: float, fill: Color) -> None:
        self.fill(fill)
        self.c.rect(x, y, w, h, stroke=0, fill=1)

    def polygon(self, points: Sequence[float], fill: Color, stroke: Color | None = None,
                width: float = 1.0) -> None:  # fmt: skip
        self.fill(fill)
        if stroke is not None:
            self.stroke(stroke, width)
        path = self.c.beginPath()
        path.moveTo(points[0], points[1])
        for i in range(2, len(points), 2):
            path.lineTo(points[i], points[i + 1])
        path.close()
        self.c.drawPath(path, stroke=1 if stroke is not None else 0, fill=1)

    def text(self, x: float, y: float, text: str, font: str, size: float, color: Color,
             anchor: str = "start") -> None:  # fmt: skip
        if (font, size) != self._font:
            self.c.setFont(font, size)
            self._font = (font, size)
        self.fill(color)
        draw_string(self.c, x, y, text, font, size, anchor)


def _draw_axis(pen: _Pen, axis: _Axis, top: float, bottom: float, labels: Labels) -> None:
    """Month and year ticks, with labels in the band above ``top``."""
    n = months(axis.start, axis.end)
    width = axis.x1 - axis.x0
    year_y = top + 16
    month_y = top + 4
    if n <= 48:
        per_month = width / n
        y, m = axis.start.year, axis.start.month
        for _ in range(n):
            first = dt.date(y, m, 1)
            x = axis.x(first)
            is_year = m == 1
            pen.line(x, bottom, x, top, GRID_YEAR if is_year else GRID, 0.6 if is_year else 0.4)
            name = labels.months[m - 1]
            text = name[:3] if per_month >= 17 else (name[:1] if per_month >= 6.5 else "")
            if text:
                pen.text(x + per_month / 2, month_y, text, REGULAR, SMALL, MUTED, "middle")
            m += 1
            if m == 13:
                y, m = y + 1, 1
        for year in range(axis.start.year, axis.end.year + 1):
            a = max(dt.date(year, 1, 1), axis.start)
            b = min(dt.date(year, 12, 31), axis.end)
            xa, xb = axis.x(a), axis.x_end(b)
            if xb - xa >= 24:
                pen.text((xa + xb) / 2, year_y, str(year), BOLD, FONT_SIZE, TEXT, "middle")
    else:
        years = axis.end.year - axis.start.year + 1
        step = max(1, math.ceil(years / 12))
        first_year = axis.start.year + (-axis.start.year) % step
        for year in range(first_year, axis.end.year + 1, step):
            x = axis.x(dt.date(year, 1, 1))
            pen.line(x, bottom, x, top, GRID_YEAR, 0.5)
            pen.text(x + 2, year_y, str(year), BOLD, FONT_SIZE, TEXT)
    pen.line(axis.x0, top, axis.x1, top, GRID_YEAR, 0.6)
    pen.line(axis.x1, bottom, axis.x1, top, GRID, 0.4)


def _diamond(pen: _Pen, x: float, y: float, size: float, fill: Color) -> None:
    pen.polygon([x, y + size, x + size, y, x, y - size, x - size, y], fill, ACCENT, 0.6)


def _wrapped(text: str, width: float, font: str, size: float, most: int) -> list[str]:
    """``text`` in lines no wider than ``width``, whole; only a text of more than ``most``
    lines (thousands of characters: a row taller than half a page) has its last line cut
    with "…", for a row must fit on a page."""
    lines = wrap_words(text, width, lambda line: string_width(line, font, size))
    if len(lines) > most:
        lines = [*lines[: most - 1], fit_text(" ".join(lines[most - 1 :]), font, size, width)]
    return lines


def _label_lines(row: Row, label_w: float, most: int) -> list[str]:
    """A measure's label (number and text) in lines of the label column."""
    label = f"{row.number} {row.text}" if row.number else row.text
    return _wrapped(label, label_w - 8, REGULAR, FONT_SIZE, most)


def _title_lines(title: str, width: float, most: int) -> list[str]:
    """A focus area's title in lines of the chart's width."""
    return _wrapped(title, width - 8, BOLD, FONT_SIZE + 0.5, most)


def _extent(row: Row, axis: _Axis) -> tuple[float, float, bool]:
    """Where a row's mark lies on the axis (left and right x) and whether it is a bar (its
    timeframe may stand inside it): a period, or an open end to the axis's end. A date's or
    a deadline's diamond is no bar (a deadline's dashed lead-in is left of it)."""
    if row.start is not None and row.end is not None:
        if row.start == row.end:
            x = (axis.x(row.start) + axis.x_end(row.start)) / 2
            return x - 3.6, x + 3.6, False
        lo, hi = min(row.start, row.end), max(row.start, row.end)
        xa, xb = axis.x(lo), axis.x_end(hi)
        return xa, max(xb, xa + 2), True
    if row.start is not None:
        return axis.x(row.start), axis.x1, True
    assert row.end is not None
    x = axis.x_end(row.end)
    return x - 3.6, x + 3.6, False


@dataclass(frozen=True, slots=True)
class _When:
    """A row's timeframe as written, placed: its lines, the x where they start, and whether
    they stand inside the bar (else beside the mark, on a white ground)."""

    x: float
    lines: tuple[str, ...]
    inside: bool


#: The line height of a timeframe written in more lines beside (or inside) its mark.
WHEN_LINE_H = SMALL * 1.2


def _place_when(row: Row, axis: _Axis, most: int) -> _When | None:
    """Where the timeframe goes: on one line right of the mark, inside its bar, or left of
    it; a text that fits none of these on one line is wrapped between words in the widest
    of the three, whole (the row grows by a line height a line), never cut at the chart's
    edge. None for no text."""
    text = " ".join(split_words(row.when))  # a no-break space kept
    if not text:
        return None
    xa, xb, bar = _extent(row, axis)
    w = string_width(text, ITALIC, SMALL)
    right = axis.x1 - (xb + 3)
    inside = xb - xa - 8 if bar else 0.0
    left = xa - 3 - axis.x0
    if w <= right:
        return _When(xb + 3, (text,), False)
    if w <= inside:
        return _When(xa + 4, (text,), True)
    if w <= left:
        return _When(xa - 3 - w, (text,), False)
    room, where = max((right, "right"), (inside, "inside"), (left, "left"))
    lines = tuple(_wrapped(text, room, ITALIC, SMALL, most))
    if where == "right":
        return _When(xb + 3, lines, False)
    if where == "inside":
        return _When(xa + 4, lines, True)
    widest = max(string_width(line, ITALIC, SMALL) for line in lines)
    return _When(xa - 3 - widest, lines, False)


def _row_height(lines: Sequence[str], when: _When | None) -> float:
    """A row holds its label's lines and its timeframe's."""
    extra = (len(when.lines) - 1) * WHEN_LINE_H if when is not None else 0.0
    return ROW_H + max((len(lines) - 1) * LINE_H, extra)


def _draw_row(
    pen: _Pen, row: Row, lines: Sequence[str], when: _When | None, axis: _Axis, y: float
) -> None:
    """One measure: label at the left (its lines from the top of the row down), its mark on
    the axis in the middle of the row, its timeframe text beside it."""
    row_h = _row_height(lines, when)
    mid = y + row_h / 2
    first = y + row_h - ROW_H / 2 - 2.8  # a row of one line: mid - 2.8, as before
    for i, line in enumerate(lines):
        pen.text(4, first - i * LINE_H, line, REGULAR, FONT_SIZE, TEXT)
    # a bar holding its timeframe in more lines is as tall as they are
    h = ROW_H * 0.52 + (len(when.lines) - 1) * WHEN_LINE_H if when and when.inside else ROW_H * 0.52
    if row.start is not None and row.end is not None:
        if row.start == row.end:
            _diamond(pen, (axis.x(row.start) + axis.x_end(row.start)) / 2, mid, 3.6, ACCENT)
        else:
            xa, xb, _ = _extent(row, axis)
            pen.rect(xa, mid - h / 2, xb - xa, h, ACCENT)
    elif row.start is not None:  # open end: from start to the end of the axis, arrow
        xa, xb = axis.x(row.start), axis.x1
        pen.rect(xa, mid - h / 2, max(xb - xa - 4, 1), h, ACCENT_LIGHT)
        pen.polygon([xb - 5, mid + h / 2 + 1.5, xb, mid, xb - 5, mid - h / 2 - 1.5], ACCENT_LIGHT)
        pen.line(xa, mid - h / 2, xa, mid + h / 2, ACCENT, 1.2)
    else:  # deadline: dashed lead-in from the start of the axis, diamond at the date
        assert row.end is not None
        xb = axis.x_end(row.end)
        pen.line(axis.x0, mid, xb, mid, ACCENT, 0.7, (2, 2))
        _diamond(pen, xb, mid, 3.6, ACCENT)  # a date, as the legend and the Word table say
    if when is not None:
        _draw_when(pen, when, mid, light=row.start is not None and row.end is None)


def _draw_when(pen: _Pen, when: _When, mid: float, *, light: bool) -> None:
    """The timeframe as written where :func:`_place_when` put it, its lines around the row's
    middle. Beside the mark it lies on a white ground, so no month or year line (nor a
    deadline's lead-in) runs through it."""
    size = SMALL
    n = len(when.lines)
    top = mid - 2.6 + (n - 1) / 2 * WHEN_LINE_H  # the first line's baseline
    if when.inside:
        for i, line in enumerate(when.lines):
            pen.text(when.x, top - i * WHEN_LINE_H, line, ITALIC, size, TEXT if light else white)
        return
    width = max(string_width(line, ITALIC, size) for line in when.lines)
    pen.rect(when.x - 1, mid - ROW_H / 2 + 2 - (n - 1) / 2 * WHEN_LINE_H, width + 2,
             ROW_H - 4 + (n - 1) * WHEN_LINE_H, white)  # fmt: skip
    for i, line in enumerate(when.lines):
        pen.text(when.x, top - i * WHEN_LINE_H, line, ITALIC, size, MUTED)


def _draw_legend(pen: _Pen, y: float, labels: Labels) -> None:
    """What the marks mean, in one line at ``y`` (its middle): a bar, a light bar, a diamond."""
    h = ROW_H * 0.52
    x = 4.0
    for kind, text in (("period", labels.timeline_period), ("open", labels.timeline_open),
                       ("date", labels.timeline_date)):  # fmt: skip
        if kind == "period":
            pen.rect(x, y - h / 2, 22, h, ACCENT)
            x += 26
        elif kind == "open":
            pen.rect(x, y - h / 2, 18, h, ACCENT_LIGHT)
            pen.polygon([x + 18, y + h / 2 + 1.5, x + 23, y, x + 18, y - h / 2 - 1.5],
                        ACCENT_LIGHT)  # fmt: skip
            pen.line(x, y - h / 2, x, y + h / 2, ACCENT, 1.2)
            x += 27
        else:
            _diamond(pen, x + 4, y, 3.6, ACCENT)
            x += 11
        pen.text(x, y - 2.6, text, REGULAR, SMALL, TEXT)
        x += string_width(text, REGULAR, SMALL) + 16


def chart_parts(
    data: TimelineData, width: float, max_height: float, labels: Labels
) -> list[tuple[float, Callable[[Any], None]]]:
    """The chart cut into parts no taller than ``max_height``, each with its own axis.

    Each part is its height and a function that paints it on a canvas (origin
    at its bottom left), called when the page it lands on is drawn, so a plan
    of thousands of measures never holds its whole chart in memory.
    """
    if data.empty:
        return []
    label_w = min(max(width * 0.40, 120.0), width - 120.0)
    axis = _Axis(data.start, data.end, label_w, width - 2)  # as _paint_chunk draws it
    budget = max(max_height - AXIS_H - 4, GROUP_H + 3 * ROW_H)
    # a row at most half a part, a band a quarter: a band and its first row always fit
    row_most = max(1, 1 + int((budget / 2 - ROW_H) // LINE_H))
    title_most = max(1, 1 + int((budget / 4 - GROUP_H) // TITLE_LINE_H))
    items: list[_Item] = []
    for title, rows in data.groups:
        lines = _title_lines(title, width, title_most)
        items.append(_Item(None, lines, GROUP_H + (len(lines) - 1) * TITLE_LINE_H))
        for r in rows:
            lines = _label_lines(r, label_w, row_most)
            when = _place_when(r, axis, row_most)
            items.append(_Item(r, lines, _row_height(lines, when), when))
    chunks: list[list[_Item]] = []
    current: list[_Item] = []
    used = 0.0
    last_group: _Item | None = None
    for item in items:
        # a group title keeps a row
        need = item.height + ROW_H if item.row is None else item.height
        if current and used + need > budget:
            chunks.append(current)
            current, used = [], 0.0
            if item.row is not None and last_group is not None:  # named again at the top
                current.append(last_group)
                used += last_group.height
        if item.row is None:
            last_group = item
        current.append(item)
        used += item.height
    if current:
        chunks.append(current)
    parts: list[tuple[float, Callable[[Any], None]]] = []
    for i, chunk in enumerate(chunks):
        body_h = sum(item.height for item in chunk)
        legend = i == len(chunks) - 1  # under the last part of the chart
        height = body_h + AXIS_H + 2 + (LEGEND_H if legend else 0.0)
        draw = functools.partial(_paint_chunk, chunk, data, width, body_h, label_w, labels,
                                 LEGEND_H if legend else 0.0)  # fmt: skip
        parts.append((height, draw))
    return parts


@dataclass(frozen=True, slots=True)
class _Item:
    """A focus area's band (``row`` None) or a measure's row: its lines and its height."""

    row: Row | None
    lines: list[str]
    height: float
    when: _When | None = None  # a row's timeframe, placed


def _paint_chunk(
    chunk: list[_Item],
    data: TimelineData,
    width: float,
    body_h: float,
    label_w: float,
    labels: Labels,
    legend_h: float,
    canvas: Any,
) -> None:
    pen = _Pen(canvas)
    axis = _Axis(data.start, data.end, label_w, width - 2)
    if legend_h:
        _draw_legend(pen, legend_h / 2 - 2, labels)
    bottom = legend_h + 1
    top = body_h + bottom
    y = top
    _draw_axis(pen, axis, top, bottom, labels)
    for item in chunk:  # the grid first, group bands over it, then the text
        y -= item.height
        if item.row is None:
            pen.rect(0, y + 1, width, item.height - 2, GROUP_FILL)
    y = top
    for item in chunk:
        y -= item.height
        if item.row is None:  # its last line where a title of one line stands
            last = len(item.lines) - 1
            for i, line in enumerate(item.lines):
                pen.text(4, y + 5 + (last - i) * TITLE_LINE_H, line, BOLD, FONT_SIZE + 0.5, TEXT)
        else:
            _draw_row(pen, item.row, item.lines, item.when, axis, y)
