"""The årshjul of a meeting plan as inline SVG, for the HTML exporter.

The geometry is :func:`..content.meetingplans.wheel_layout`'s (the PDF draws
the same). The SVG is an image (``role="img"``) named by its ``<title>`` and
described by its ``<desc>``, the text alternative (what the wheel shows; the
meetings' dates are in the tables before it); the legend of the rings and of
the kinds of mark (a filled dot, a hollow ring for a deadline) is a list under
it, and the figure's caption says how to read it. Each mark also carries its
date and what happens as an SVG ``<title>`` (shown on hover).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

from ..content.meetingplans import RING_COLOURS, YearWheel, wheel_layout

__all__ = ["wheel_svg"]

_SIZE = 520.0
_BAND = "#eff2f7"
_LINE = "#8ea0b8"
#: The legend's mark symbols, the size of the rings' swatches (the page's .swatch rule).
_MARK = ("display:inline-block;width:.8em;height:.8em;min-width:0;margin-right:.4em;"
         "vertical-align:-.05em")


def wheel_svg(
    wheel: YearWheel,
    ident: str,
    fonts: str,
    text: str,
    esc: Callable[[str], str],
    say: Callable[[dt.date], str],
) -> str:
    """The figure (SVG, legend and description) of ``wheel``, ``text`` its text colour;
    ``esc`` escapes text for HTML and ``say`` writes a date as running text."""
    layout = wheel_layout(wheel, _SIZE)
    height = _SIZE
    title_id, desc_id = f"{ident}-title", f"{ident}-desc"
    parts = [
        '<figure class="year-wheel">',
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {_SIZE:.0f} {height:.0f}" '
        f'role="img" aria-labelledby="{title_id}" aria-describedby="{desc_id}" '
        f'focusable="false"><title id="{title_id}">{esc(wheel.title)}</title>'
        f'<desc id="{desc_id}">{esc(wheel.alt)}</desc>',
        f'<g font-family="{esc(fonts)}" font-size="14" fill="{text}">',
    ]
    c = layout.centre
    for r, filled in layout.circles:
        parts.append(f'<circle cx="{c:.1f}" cy="{c:.1f}" r="{r:.1f}" '
                     f'fill="{_BAND if filled else "#ffffff"}" stroke="{_LINE}"/>')  # fmt: skip
    for x1, y1, x2, y2 in layout.spokes:
        parts.append(f'<line x1="{x1:.1f}" y1="{y1:.1f}" x2="{x2:.1f}" y2="{y2:.1f}" '
                     f'stroke="{_LINE}"/>')  # fmt: skip
    for x, y, month in layout.labels:
        parts.append(f'<text x="{x:.1f}" y="{y + 4:.1f}" text-anchor="middle">{esc(month)}</text>')
    parts.append(f'<text x="{c:.1f}" y="{c + 7:.1f}" text-anchor="middle" font-size="20" '
                 f'font-weight="bold">{wheel.year}</text>')  # fmt: skip
    for (x, y, r, ring, day, deadline), (_, when, what, _d) in zip(
        layout.dots, wheel.marks, strict=True
    ):
        colour = RING_COLOURS[ring % len(RING_COLOURS)]
        if deadline:  # a hollow ring, its stroke inside the dot's radius
            w = max(1.2, r * 0.22)
            mark = (f'<circle cx="{x:.1f}" cy="{y:.1f}" r="{r - w / 2:.1f}" fill="#ffffff" '
                    f'stroke="{colour}" stroke-width="{w:.1f}"/>')  # fmt: skip
        else:
            mark = f'<circle cx="{x:.1f}" cy="{y:.1f}" r="{r:.1f}" fill="{colour}" stroke="#ffffff"/>'
        parts.append(
            f'<g><title>{esc(say(when))}: {esc(what)}</title>{mark}'
            f'<text x="{x:.1f}" y="{y + r * 0.38:.1f}" text-anchor="middle" '
            f'fill="{colour if deadline else "#ffffff"}" font-weight="bold" '
            f'font-size="{min(11.0, r * 1.05):.1f}">{day}</text></g>'
        )
    parts.append("</g></svg>")
    # the legend as HTML text: it reflows and keeps the page's text size on a phone
    parts.append('<ul class="wheel-legend">')
    for i, name in enumerate(wheel.rings):
        colour = RING_COLOURS[i % len(RING_COLOURS)]
        parts.append(f'<li><span class="swatch" style="background:{colour}" aria-hidden="true">'
                     f"</span>Ring {i + 1}: {esc(name)}</li>")  # fmt: skip
    for deadline, words in wheel.legend:  # the kinds of mark: filled dot, hollow ring
        shape = ('<circle cx="6" cy="6" r="4.6" fill="none" stroke="currentColor" '
                 'stroke-width="1.8"/>' if deadline else
                 '<circle cx="6" cy="6" r="5.5" fill="currentColor"/>')  # fmt: skip
        # sized like the swatches; styled here, so that no other page's stylesheet changes
        parts.append(f'<li><svg class="mark" viewBox="0 0 12 12" style="{_MARK}" '
                     f'aria-hidden="true" focusable="false">{shape}</svg>{esc(words)}</li>')  # fmt: skip
    parts.append("</ul>")
    parts.append(f"<figcaption>{esc(wheel.caption)}</figcaption></figure>")
    return "".join(parts)
