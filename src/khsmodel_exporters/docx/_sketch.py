"""A picture for Word drawn by Pillow (:class:`Sketch`): the year wheel's and the status
chart's PNG, in points, in the bundled Liberation Sans, the same bytes every time."""

from __future__ import annotations

import io
from typing import Any

__all__ = ["DPI", "Sketch"]

#: Pixels per inch of the PNG: sharp in print at its width (a year wheel about 0.3 MB).
DPI = 200


class Sketch:
    """A picture drawn by Pillow in points (``xy`` maps a point to pixels), in the bundled
    Liberation Sans, at twice the size and scaled down by :meth:`png`, so edges are
    smooth: the year wheel's and the status chart's. ImportError without Pillow."""

    def __init__(self, width_pt: float, height_pt: float) -> None:
        from PIL import Image, ImageDraw

        self.scale = DPI / 72 * 2  # pixels per point while drawing (halved at the end)
        self.width_pt, self.height_pt = width_pt, height_pt
        self.image = Image.new(
            "RGB", (round(width_pt * self.scale), round(height_pt * self.scale)), "white"
        )
        self.draw = ImageDraw.Draw(self.image)
        self._fonts: dict[tuple[bool, float], Any] = {}

    def font(self, bold: bool, pt: float) -> Any:
        """The bundled Liberation Sans (``bold``) at ``pt`` points, made once."""
        if (bold, pt) not in self._fonts:
            from PIL import ImageFont

            from ..pdf._fonts import font_file

            name = "LiberationSans-Bold.ttf" if bold else "LiberationSans-Regular.ttf"
            self._fonts[bold, pt] = ImageFont.truetype(
                io.BytesIO(font_file(name)), round(pt * self.scale)
            )
        return self._fonts[bold, pt]

    def xy(self, x: float, y: float) -> tuple[float, float]:
        return x * self.scale, y * self.scale

    def png(self) -> bytes:
        """The picture at half its drawn size, as PNG with its DPI and no time or text
        chunk: the same drawing gives the same bytes."""
        from PIL import Image

        half = (round(self.width_pt * self.scale / 2), round(self.height_pt * self.scale / 2))
        img = self.image.resize(half, Image.Resampling.LANCZOS)
        buf = io.BytesIO()
        img.save(buf, format="PNG", optimize=True, dpi=(DPI, DPI))
        return buf.getvalue()
