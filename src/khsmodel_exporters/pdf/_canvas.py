"""A two-pass canvas: pages are kept until the end, so the footer can say "Side X av Y".

reportlab lays out a page before it knows how many pages follow. This canvas
records every finished page instead of writing it, and writes them all in
:meth:`save`, when the total is known, drawing the running header and the
footer onto each.

Deferring pages has one catch: a bookmark (outline destination) is bound to
"the current page" when it is made, and the document's page counter only moves
when a page is really written. So bookmarks are recorded with the page they
belong to and bound while that page is written.
"""

from __future__ import annotations

import functools
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from reportlab.lib.colors import Color
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfgen.canvas import Canvas

from .. import _look as K
from ._fonts import BOLD, REGULAR, draw_string, string_width

__all__ = ["Furniture", "PagedCanvas", "fit_text"]

_GREY = Color(0.35, 0.38, 0.42)
_RULE = Color(0.72, 0.76, 0.80)


@dataclass(frozen=True, slots=True)
class Furniture:
    """What goes on every page besides the content: header, footer, page numbering."""

    header: str
    footer: str
    page_of: Callable[[int, int], str]  # "Side 1 av 3"
    left: float
    right: float
    top: float
    bottom: float
    header_on_first_page: bool = False


def fit_text(text: str, font: str, size: float, width: float) -> str:
    """``text`` on one line, cut with "…" when wider than ``width`` (layout, not data)."""
    text = " ".join(text.split())
    if stringWidth(text, font, size) <= width:
        return text

    def fits(n: int) -> bool:
        return bool(stringWidth(text[:n] + "…", font, size) <= width)

    # The longest prefix that fits together with the ellipsis. Guess it from the widths
    # of the characters, then confirm with stringWidth itself (two calls instead of a
    # binary search of seven); a guess that does not hold falls back to the search.
    n = _guess_cut(text, font, size, width)
    if not (fits(n) and (n == len(text) or not fits(n + 1))):
        lo, hi = 0, len(text)
        while lo < hi:
            mid = (lo + hi + 1) // 2
            if fits(mid):
                lo = mid
            else:
                hi = mid - 1
        n = lo
    # at the end of a word, when one ends in the last third: "…involvere fastlegene …"
    # rather than "…involvere fa…"
    space = text.rfind(" ", 0, n + 1)
    if space > 0 and space >= n * 2 // 3:
        n = space
    return text[:n].rstrip() + "…"


def fit_words(text: str, font: str, size: float, width: float) -> str:
    """A running header or footer line: ``text`` cut with "…" at a word boundary when
    wider than ``width`` (the full title stands on the first page); a single word too
    long for the line is cut inside."""
    fitted = fit_text(text, font, size, width)
    if not fitted.endswith("…") or fitted == " ".join(text.split()):
        return fitted
    kept = fitted[:-1]
    whole = " ".join(text.split())
    if len(kept) < len(whole) and whole[len(kept)] != " ":  # cut inside a word
        space = kept.rfind(" ")
        if space > 0:
            kept = kept[:space]
    return kept.rstrip(" ,.;:–-") + "…"


@functools.lru_cache(maxsize=8192)
def _char_width(ch: str, font: str, size: float) -> float:
    return float(stringWidth(ch, font, size))


def _guess_cut(text: str, font: str, size: float, width: float) -> int:
    room = width - _char_width("…", font, size)
    used = 0.0
    for i, ch in enumerate(text):
        used += _char_width(ch, font, size)
        if used > room:
            return i
    return len(text)


class PagedCanvas(Canvas):  # type: ignore[misc]
    """Canvas that writes its pages at :meth:`save`, with header and "Side X av Y" footer."""

    def __init__(self, *args: Any, furniture: Furniture, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._khs_furniture = furniture
        self._khs_pages: list[dict[str, Any]] = []
        self._khs_bookmarks: list[tuple[str, dict[str, Any]]] = []
        #: Running header text set by the content (an attachment has its own); None: default.
        self.khs_header: str | None = None
        self.khs_header_right: str | None = None
        self.khs_header_page = 0

    # -- recording
    def bookmarkPage(self, key: str, **kw: Any) -> None:
        """Record the bookmark; it is bound to this page when the page is written."""
        self._khs_bookmarks.append((key, kw))

    def showPage(self) -> None:
        """Keep the finished page (its drawing code and state) and start a new one."""
        state = dict(self.__dict__)
        # One string instead of a list of thousands of small ones: a tenth of the memory
        # while pages wait. reportlab joins the code with "\n" when it writes the page
        # (after the header and footer are added), so the bytes are the same.
        state["_code"] = ["\n".join(self._code)] if self._code else []
        self._khs_pages.append(state)
        self._khs_bookmarks = []
        self._startPage()

    # -- writing
    def save(self) -> None:
        if len(self._code):
            self.showPage()
        pages = self._khs_pages
        self._khs_pages = []
        total = len(pages)
        for i in range(total):
            state = pages[i]
            pages[i] = {}  # written pages are let go: their code lives on in the PDF page
            self.__dict__.update(state)
            for key, kw in state["_khs_bookmarks"]:
                Canvas.bookmarkPage(self, key, **kw)
            self._khs_draw_furniture(total)
            Canvas.showPage(self)
            del state
        Canvas.save(self)

    def _khs_draw_furniture(self, total: int) -> None:
        f = self._khs_furniture
        number = self._pageNumber
        width, height = self._pagesize
        usable = width - f.left - f.right
        size = K.HEADER_FOOTER  # where Word puts its header and footer paragraphs (_look)
        self.saveState()
        self.setFillColor(_GREY)
        self.setStrokeColor(_RULE)
        self.setLineWidth(0.5)
        header = self.khs_header if self.khs_header is not None else f.header
        if header and (number > 1 or f.header_on_first_page):
            y = height - K.HEADER_FROM_TOP - 0.905 * size
            # the first page of an attachment carries its label already
            right = "" if number == self.khs_header_page else (self.khs_header_right or "")
            right_w = string_width(right, BOLD, size) if right else 0.0
            if right:
                self.setFont(BOLD, size)
                draw_string(self, width - f.right, y, right, BOLD, size, "end")
            self.setFont(REGULAR, size)
            draw_string(self, f.left, y, fit_words(header, REGULAR, size,
                        usable - right_w - (12 if right else 0)), REGULAR, size)  # fmt: skip
            self.line(f.left, y - 5.7, width - f.right, y - 5.7)
        y = K.FOOTER_FROM_BOTTOM + 0.212 * size
        self.line(f.left, y + size + 2, width - f.right, y + size + 2)
        page_text = f.page_of(number, total)
        self.setFont(REGULAR, size)
        draw_string(self, width - f.right, y, page_text, REGULAR, size, "end")
        page_w = string_width(page_text, REGULAR, size)
        if f.footer:
            draw_string(self, f.left, y, fit_words(f.footer, REGULAR, size, usable - page_w - 18),
                        REGULAR, size)  # fmt: skip
        self.restoreState()
