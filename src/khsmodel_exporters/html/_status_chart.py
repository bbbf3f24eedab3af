"""The status chart of a status report as inline SVG, for the HTML exporter (issue 18).

The geometry is :func:`.._chart.status_chart_layout`'s (the PDF and the Word
file draw the same): a stacked bar per focus area, a part per status with its
count where it fits, the focus area's name wrapped beside it, the axis in
round steps, the legend under it. The SVG is an image (``role="img"``) named
by its ``<title>`` (the chart's title, also drawn at its top) and described by
the figure's caption, the text alternative (what it shows and that the summary
table before it has the same numbers). On a narrow screen it keeps a readable
size and scrolls sideways in a region the keyboard can reach, as the plan's
timeline does. Each part of a bar also carries its status and count as an SVG
``<title>`` (shown on hover).
"""

from __future__ import annotations

from collections.abc import Callable

from .._chart import OTHER_COLOUR, STATUS_COLOURS, hex_colour, status_chart_layout
from .._widths import text_width
from ..content.status import StatusChart

__all__ = ["status_chart_svg"]

#: The drawing's width and text size in SVG units (CSS pixels at 720 px wide): the page
#: shows it at its text width (about 15 px text at 60rem), at least 44rem wide.
WIDTH = 720.0
SIZE = 12.0
_GRID = hex_colour((0.86, 0.88, 0.91))


def _n(v: float) -> str:
    """A coordinate, as few characters as a tenth needs (the same bytes every time)."""
    return f"{v:.1f}".removesuffix(".0")


def status_chart_svg(
    chart: StatusChart, ident: str, fonts: str, text: str, esc: Callable[[str], str]
) -> str:
    """The figure of ``chart``: the SVG in a scrolling region and its text alternative as
    the caption; ``text`` the page's text colour, ``esc`` escapes text for HTML."""

    def width_of(s: str, bold: bool) -> float:
        return text_width(s, bold, SIZE)

    lay = status_chart_layout(chart, WIDTH, width_of, SIZE)
    words = dict(chart.statuses)
    title_id, alt_id = f"{ident}-title", f"{ident}-alt"
    parts = [
        '<figure class="status-chart">',
        # the region takes its name from the chart's title, as the timeline's does
        f'<div class="chart" tabindex="0" role="region" aria-labelledby="{title_id}">',
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {_n(lay.width)} {_n(lay.height)}" '
        f'role="img" aria-labelledby="{title_id}" aria-describedby="{alt_id}" '
        f'focusable="false"><title id="{title_id}">{esc(chart.title)}</title>',
        f'<g font-family="{esc(fonts)}" font-size="{_n(lay.size)}" fill="{text}">',
    ]
    if lay.title_baseline is not None:
        parts.append(f'<text x="0" y="{_n(lay.title_baseline)}" font-weight="bold" '
                     f'font-size="{_n(lay.title_size)}">{esc(chart.title)}</text>')  # fmt: skip
    for k, x in lay.ticks:
        parts.append(f'<line x1="{_n(x)}" y1="{_n(lay.plot_top)}" x2="{_n(x)}" '
                     f'y2="{_n(lay.plot_bottom)}" stroke="{_GRID}"/>'
                     f'<text x="{_n(x)}" y="{_n(lay.tick_baseline)}" text-anchor="middle" '
                     f'font-size="{_n(lay.tick_size)}">{k}</text>')  # fmt: skip
    for row in lay.rows:
        parts.extend(f'<text x="0" y="{_n(y)}">{esc(line)}</text>'
                     for line, y in zip(row.lines, row.baselines, strict=True))  # fmt: skip
        for seg in row.segments:
            fill = hex_colour(STATUS_COLOURS.get(seg.key, OTHER_COLOUR))
            count = ""
            if seg.fits:
                count = (f'<text x="{_n(seg.x + seg.width / 2)}" y="{_n(row.count_baseline)}" '
                         f'text-anchor="middle" font-weight="bold" '
                         f'fill="{"#ffffff" if seg.light else text}">{seg.count}</text>')  # fmt: skip
            parts.append(
                f"<g><title>{esc(words.get(seg.key, seg.key))}: {seg.count}</title>"
                f'<rect x="{_n(seg.x)}" y="{_n(row.bar_top)}" width="{_n(seg.width)}" '
                f'height="{_n(lay.bar_height)}" fill="{fill}" stroke="#ffffff" '
                f'stroke-width="1.2"/>{count}</g>'
            )
    for item in lay.legend:
        fill = hex_colour(STATUS_COLOURS.get(item.key, OTHER_COLOUR))
        parts.append(f'<rect x="{_n(item.x)}" y="{_n(item.y)}" width="{_n(lay.swatch)}" '
                     f'height="{_n(lay.swatch)}" fill="{fill}"/>'
                     f'<text x="{_n(item.text_x)}" y="{_n(item.baseline)}">{esc(item.word)}</text>')  # fmt: skip
    parts.append("</g></svg></div>")
    parts.append(f'<figcaption id="{alt_id}">{esc(chart.alt)}</figcaption></figure>')
    return "".join(parts)
