"""The status chart of a status report in Word: the PDF's drawing as an embedded PNG (issue 18).

Word cannot take the vector drawing the PDF and HTML exporters make, so the
same chart (the geometry of :func:`.._chart.status_chart_layout`, drawn as
:func:`..pdf._status_chart.status_chart` draws it) is drawn to a PNG by Pillow
and embedded as an inline picture (by :mod:`._wheel`, which embeds the year
wheel the same way): under the chart's title as a heading, with its text
alternative in the picture's description (``wp:docPr/@descr``) and printed as
a note under it, as the PDF prints it. The summary table before it holds the
same numbers, the accessible equivalent.

Same input, same bytes: Pillow draws with the bundled Liberation Sans and
writes no time in the PNG. The layout measures text with the font's own
widths (:func:`.._widths.text_width`), as the PDF does with reportlab's.
"""

from __future__ import annotations

from .. import _look as K
from .._chart import (
    CHART_TEXT,
    OTHER_COLOUR,
    STATUS_COLOURS,
    hex_colour,
    status_chart_layout,
)
from .._widths import text_width
from ..content.status import StatusChart
from ._sketch import DPI, Sketch

__all__ = ["DPI", "WIDTH_PT", "png"]

#: The drawing's width in points: the text width, as the PDF draws it.
WIDTH_PT = K.PAGE_W - K.MARGIN_L - K.MARGIN_R
#: The text size in points (the PDF's).
SIZE = 7.5
_TEXT = hex_colour(CHART_TEXT)
_GRID = hex_colour((0.86, 0.88, 0.91))


def png(chart: StatusChart) -> tuple[bytes, float, float]:
    """The PNG of ``chart`` and its size in points (width, height). ImportError without
    Pillow.

    Drawn by Pillow from :func:`status_chart_layout` without the title (the heading
    over the picture says it): grid and ticks, each focus area's name and its bar of
    statuses with their counts where they fit, the legend. At twice the size and
    scaled down, so edges are smooth; no time or text chunk is written.
    """

    def width_of(text: str, bold: bool) -> float:
        return text_width(text, bold, SIZE)

    lay = status_chart_layout(chart, WIDTH_PT, width_of, SIZE, title=False)
    sketch = Sketch(lay.width, lay.height)
    draw, font, xy, scale = sketch.draw, sketch.font, sketch.xy, sketch.scale
    regular = font(False, lay.size)
    for k, x in lay.ticks:
        draw.line([xy(x, lay.plot_top), xy(x, lay.plot_bottom)], fill=_GRID,
                  width=max(1, round(0.5 * scale)))  # fmt: skip
        draw.text(xy(x, lay.tick_baseline), str(k), fill=_TEXT, font=font(False, lay.tick_size),
                  anchor="ms")  # fmt: skip
    edge = max(1, round(0.8 * scale / 2))  # the white line between two parts of a bar
    for row in lay.rows:
        for line, baseline in zip(row.lines, row.baselines, strict=True):
            draw.text(xy(0, baseline), line, fill=_TEXT, font=regular, anchor="ls")
        for seg in row.segments:
            fill = hex_colour(STATUS_COLOURS.get(seg.key, OTHER_COLOUR))
            box = [*xy(seg.x, row.bar_top), *xy(seg.x + seg.width, row.bar_top + lay.bar_height)]
            draw.rectangle(box, fill=fill)
            draw.rectangle(box, outline="white", width=edge)
            if seg.fits:
                draw.text(xy(seg.x + seg.width / 2, row.count_baseline), str(seg.count),
                          fill="white" if seg.light else _TEXT, font=font(True, lay.size),
                          anchor="ms")  # fmt: skip
    for item in lay.legend:
        fill = hex_colour(STATUS_COLOURS.get(item.key, OTHER_COLOUR))
        draw.rectangle([*xy(item.x, item.y), *xy(item.x + lay.swatch, item.y + lay.swatch)],
                       fill=fill)  # fmt: skip
        draw.text(xy(item.text_x, item.baseline), item.word, fill=_TEXT, font=regular,
                  anchor="ls")  # fmt: skip
    return sketch.png(), lay.width, lay.height
