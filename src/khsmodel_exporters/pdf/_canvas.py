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

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from reportlab.lib.colors import Color
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfgen.canvas import Canvas

from ._fonts import BOLD, REGULAR

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
    lo, hi = 0, len(text)
    while lo < hi:  # longest prefix that fits together with the ellipsis
        mid = (lo + hi + 1) // 2
        if stringWidth(text[:mid] + "…", font, size) <= width:
            lo = mid
        else:
            hi = mid - 1
    return text[:lo].rstrip() + "…"


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
        self._khs_pages.append(dict(self.__dict__))
        self._khs_bookmarks = []
        self._startPage()

    # -- writing
    def save(self) -> None:
        if len(self._code):
            self.showPage()
        pages = self._khs_pages
        total = len(pages)
        for state in pages:
            self.__dict__.update(state)
            for key, kw in state["_khs_bookmarks"]:
                Canvas.bookmarkPage(self, key, **kw)
            self._khs_draw_furniture(total)
            Canvas.showPage(self)
        self._khs_pages = []
        Canvas.save(self)

    def _khs_draw_furniture(self, total: int) -> None:
        f = self._khs_furniture
        number = self._pageNumber
        width, height = self._pagesize
        usable = width - f.left - f.right
        self.saveState()
        self.setFillColor(_GREY)
        self.setStrokeColor(_RULE)
        self.setLineWidth(0.5)
        header = self.khs_header if self.khs_header is not None else f.header
        if header and (number > 1 or f.header_on_first_page):
            y = height - f.top + 14
            # the first page of an attachment carries its label already
            right = "" if number == self.khs_header_page else (self.khs_header_right or "")
            right_w = stringWidth(right, BOLD, 7.5) if right else 0.0
            if right:
                self.setFont(BOLD, 7.5)
                self.drawRightString(width - f.right, y, right)
            self.setFont(REGULAR, 7.5)
            self.drawString(
                f.left, y, fit_text(header, REGULAR, 7.5, usable - right_w - (12 if right else 0))
            )
            self.line(f.left, y - 4, width - f.right, y - 4)
        y = f.bottom - 22
        self.line(f.left, y + 10, width - f.right, y + 10)
        page_text = f.page_of(number, total)
        self.setFont(REGULAR, 7.5)
        self.drawRightString(width - f.right, y, page_text)
        page_w = stringWidth(page_text, REGULAR, 7.5)
        if f.footer:
            self.drawString(f.left, y, fit_text(f.footer, REGULAR, 7.5, usable - page_w - 18))
        self.restoreState()
