"""The årshjul of a meeting plan in Word: the PDF's drawing as an embedded PNG (issue 18).

Word cannot take the vector drawing the PDF and HTML exporters make, so the
same wheel (the geometry of :func:`..content.meetingplans.wheel_layout`, drawn
as :func:`..pdf._year_wheel.year_wheel` draws it) is drawn to a PNG by Pillow
and embedded as an inline picture, under the wheel's
heading and with its text alternative in the picture's description
(``wp:docPr/@descr``, what Word's "Alt Text" shows and screen readers read:
what the wheel shows and which tables hold its dates), and its caption (how to
read it) under it. The tables before it stay the accessible equivalent: every
mark of the wheel is a row of one of them.

Same input, same bytes: Pillow draws with the bundled fonts and writes no
time in the PNG; the image part is named by its order
(``/word/media/image1.png``). (reportlab's own bitmap renderer, ``renderPM``,
needs the cairo backend ``rlPyCairo`` since reportlab 4.1, which this project
does not install.) Without Pillow (``pip install "khsmodel[docx]"`` brings it)
the Word file has the tables only.

:func:`prepare` adds the pictures to the document before its body is written
(the body is streamed into the package, so the parts must exist first) and
returns the :class:`Wheels` whose :meth:`Wheels.block` the body calls for each
:class:`~..content.meetingplans.YearWheel` block. A status report's
:class:`~..content.status.StatusChart` is embedded the same way, its PNG drawn
by :mod:`._status_chart` (:meth:`Wheels.chart`).
"""

from __future__ import annotations

import io
from typing import Any

from ..content import Content, Heading, Para, Span
from ..content.meetingplans import RING_COLOURS, YearWheel, wheel_layout
from ..content.status import StatusChart
from ._sketch import Sketch

__all__ = ["Wheels", "png", "prepare"]

#: The drawing's width in points (the PDF draws it at the text width, at most 380 pt wide).
WIDTH_PT = 400.0
_EMU_PER_PT = 12700
# the PDF's colours (pdf/_year_wheel.py)
_TEXT = (26, 31, 38)
_BAND = (240, 242, 247)
_LINE = (184, 194, 204)


def png(wheel: YearWheel) -> tuple[bytes, float, float]:
    """The PNG of ``wheel`` and its size in points (width, height). ImportError without
    Pillow.

    Drawn by Pillow from :func:`wheel_layout`, as the PDF draws it (ring bands,
    month spokes and names, the year in the hub, a mark per date with its day: a
    filled dot, or a hollow ring for a deadline; the legend of the rings and of
    the kinds of mark under it), in the bundled Liberation Sans; at twice
    the size and scaled down, so edges are smooth. No time or text chunk is
    written: the same wheel gives the same bytes.
    """
    size = WIDTH_PT
    layout = wheel_layout(wheel, size)
    legend_h = 14.0 * (len(wheel.rings) + len(wheel.legend)) + 6
    width_pt, height_pt = size, size + legend_h
    sketch = Sketch(width_pt, height_pt)
    draw, font, xy, scale = sketch.draw, sketch.font, sketch.xy, sketch.scale
    c = layout.centre
    line = max(1, round(0.6 * scale))
    for r, filled in layout.circles:
        draw.ellipse([*xy(c - r, c - r), *xy(c + r, c + r)], fill=_BAND if filled else "white",
                     outline=_LINE, width=line)  # fmt: skip
    for x1, y1, x2, y2 in layout.spokes:
        draw.line([xy(x1, y1), xy(x2, y2)], fill=_LINE, width=line)
    small = font(False, 7.5)
    for x, y, text in layout.labels:
        draw.text(xy(x, y), text, fill=_TEXT, font=small, anchor="mm")
    draw.text(xy(c, c), str(wheel.year), fill=_TEXT, font=font(True, 13), anchor="mm")
    day_fonts: dict[int, Any] = {}
    for x, y, r, ring, day, deadline in layout.dots:
        colour = RING_COLOURS[ring % len(RING_COLOURS)]
        box = [*xy(x - r, y - r), *xy(x + r, y + r)]
        if deadline:  # a hollow ring, its stroke inside the dot's radius (as in the PDF)
            draw.ellipse(box, fill="white", outline=colour, width=round(max(0.8, r * 0.22) * scale))
        else:
            draw.ellipse(box, fill=colour, outline="white", width=line)
        pt = round(min(6.5, r * 1.05) * 4)  # quarter points: one font per size
        f = day_fonts.get(pt) or day_fonts.setdefault(pt, font(True, pt / 4))
        draw.text(xy(x, y), day, fill=colour if deadline else "white", font=f, anchor="mm")
    y = size + 6
    for i, name in enumerate(wheel.rings):
        draw.rectangle([*xy(0, y), *xy(9, y + 9)], fill=RING_COLOURS[i % len(RING_COLOURS)])
        draw.text(xy(13, y + 4.5), f"Ring {i + 1}: {name}", fill=_TEXT, font=small, anchor="lm")
        y += 14
    for deadline, words in wheel.legend:  # the kinds of mark: filled dot, hollow ring
        if deadline:
            draw.ellipse([*xy(0.6, y + 0.6), *xy(8.4, y + 8.4)], fill="white", outline=_TEXT,
                         width=round(1.2 * scale))  # fmt: skip
        else:
            draw.ellipse([*xy(0, y), *xy(9, y + 9)], fill=_TEXT)
        draw.text(xy(13, y + 4.5), words, fill=_TEXT, font=small, anchor="lm")
        y += 14
    return sketch.png(), width_pt, height_pt


class Wheels:
    """The pictures of a document's year wheels and status charts, by block, and the XML
    that shows them."""

    def __init__(self) -> None:
        self._pictures: dict[int, tuple[str, float, float, int]] = {}

    def add(self, wheel: YearWheel | StatusChart, r_id: str, width: float, height: float) -> None:
        self._pictures[id(wheel)] = (r_id, width, height, len(self._pictures) + 1)

    def block(self, wheel: YearWheel, body: Any) -> None:
        """Write ``wheel``: its heading, the picture with its description (the text
        alternative), the caption (how to read it).
        Nothing when there is no picture (no renderer): the tables before it say it all."""
        found = self._pictures.get(id(wheel))
        if found is None:
            return
        n = found[3]
        body.block(Heading(1, wheel.title, wheel.bookmark or f"khs_wheel_{n}"))
        _picture(body, found, wheel)
        body.block(Para((Span(wheel.caption),), "note"))  # how to read it

    def chart(self, chart: StatusChart, body: Any) -> None:
        """Write a status report's ``chart``: its title as a heading under the summary's,
        the picture with its description (the text alternative), and the text
        alternative printed under it, as the PDF prints it. Nothing without a picture
        (no renderer): the summary table before it has the numbers."""
        found = self._pictures.get(id(chart))
        if found is None:
            return
        body.block(Heading(2, chart.title, f"khs_status_chart_{found[3]}"))
        _picture(body, found, chart)
        body.block(Para((Span(chart.alt),), "note"))


def _picture(
    body: Any, found: tuple[str, float, float, int], block: YearWheel | StatusChart
) -> None:
    """The paragraph of a picture (``found``: its part, size in points, order), centred
    and kept with what follows it."""
    r_id, width, height, n = found
    cx, cy = round(width * _EMU_PER_PT), round(height * _EMU_PER_PT)
    # docPr ids only need to be unique among the document's drawings
    body.p(None, _inline(r_id, cx, cy, 1000 + n, block), '<w:keepNext/><w:jc w:val="center"/>')


def _attr(text: str) -> str:
    """Text for an XML attribute value in double quotes (line breaks kept as characters)."""
    return (text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
            .replace('"', "&quot;").replace("\n", "&#10;").replace("\t", "&#9;"))  # fmt: skip


def _inline(r_id: str, cx: int, cy: int, pid: int, wheel: YearWheel | StatusChart) -> str:
    name = _attr(wheel.title)
    descr = _attr(wheel.alt)  # the name is the title, the heading over it
    return (
        "<w:r><w:drawing>"
        # wp and r are declared on the document element (python-docx's template), a and
        # pic where they are used: the body stays as lxml would write it
        '<wp:inline distT="0" distB="0" distL="0" distR="0">'
        f'<wp:extent cx="{cx}" cy="{cy}"/>'
        f'<wp:docPr id="{pid}" name="{name}" descr="{descr}"/>'
        '<wp:cNvGraphicFramePr><a:graphicFrameLocks '
        'xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" noChangeAspect="1"/>'
        "</wp:cNvGraphicFramePr>"
        '<a:graphic xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main">'
        '<a:graphicData uri="http://schemas.openxmlformats.org/drawingml/2006/picture">'
        '<pic:pic xmlns:pic="http://schemas.openxmlformats.org/drawingml/2006/picture">'
        f'<pic:nvPicPr><pic:cNvPr id="{pid}" name="{name}" descr="{descr}"/><pic:cNvPicPr/>'
        "</pic:nvPicPr>"
        f'<pic:blipFill><a:blip r:embed="{r_id}"/><a:stretch><a:fillRect/></a:stretch>'
        "</pic:blipFill>"
        f'<pic:spPr><a:xfrm><a:off x="0" y="0"/><a:ext cx="{cx}" cy="{cy}"/></a:xfrm>'
        '<a:prstGeom prst="rect"><a:avLst/></a:prstGeom></pic:spPr>'
        "</pic:pic></a:graphicData></a:graphic></wp:inline></w:drawing></w:r>"
    )


def _wheels_of(content: Content) -> list[YearWheel | StatusChart]:
    found: list[YearWheel | StatusChart] = [
        b for b in content.blocks if isinstance(b, YearWheel | StatusChart)
    ]
    for b in content.blocks:
        inner = getattr(b, "content", None)
        if isinstance(inner, Content):
            found += _wheels_of(inner)
    return found


def prepare(document: Any, content: Content) -> Wheels:
    """Add the PNG of every year wheel and status chart of ``content`` to ``document``;
    the pictures."""
    wheels = Wheels()
    found = _wheels_of(content)
    if not found:
        return wheels
    try:
        import PIL.ImageDraw  # noqa: F401
    except ImportError:  # no renderer: the tables only, as the module says
        return wheels
    from ._status_chart import png as chart_png

    for wheel in found:
        data, width, height = png(wheel) if isinstance(wheel, YearWheel) else chart_png(wheel)
        r_id, _image = document.part.get_or_add_image(io.BytesIO(data))
        wheels.add(wheel, r_id, width, height)
    return wheels
