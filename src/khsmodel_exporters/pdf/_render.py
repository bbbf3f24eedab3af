"""Render :class:`~khsmodel_exporters.content.Content` as a PDF with reportlab platypus.

What the document says (headings, labels, dates, table columns) is decided in
:mod:`khsmodel_exporters.content`, shared with the Word exporter; this module
decides how it looks on an A4 page and adds what only a PDF has: the outline
(bookmarks), the two-pass "Side X av Y" footer, and the plan's timeline chart.

Safety: every user string reaches reportlab through :func:`markup`, which
escapes ``&``, ``<`` and ``>`` before any tag of ours is added, so user text
can never become markup (no ``<img src=…>`` reading local files, no ``<a>``).
Long words are broken by the layout (``splitLongWords``), and table rows may
split across pages (``splitInRow``), so a 10 000-character word or a 50-line
cell never runs off the page or raises ``LayoutError``.
"""

from __future__ import annotations

import copy
import dataclasses
import functools
import io
import re
from collections.abc import Callable, Iterable, Sequence
from typing import Any
from xml.sax.saxutils import escape

from reportlab.lib.colors import Color, HexColor
from reportlab.lib.enums import TA_RIGHT
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.platypus import (
    BaseDocTemplate,
    CondPageBreak,
    Flowable,
    Frame,
    HRFlowable,
    KeepTogether,
    ListFlowable,
    ListItem,
    PageBreak,
    PageTemplate,
    Paragraph,
    Spacer,
)
from reportlab.platypus import Table as RLTable
from reportlab.platypus import TableStyle as RLTableStyle
from reportlab.platypus.paragraph import cleanBlockQuotedText

from khsmodel.documents import Document
from khsmodel.labels import NB, Labels
from khsmodel.plans import ActionPlan

from .. import _look as K
from .. import content as C
from .._runs import runs as _joined
from .._timeline_data import unresolved_groups
from .._widths import column_widths
from ._canvas import Furniture, PagedCanvas
from ._fonts import (
    BOLD,
    BOLD_ITALIC,
    FALLBACK,
    FALLBACK_BOLD,
    ITALIC,
    REGULAR,
    covered,
    register,
    register_fallback,
    runs,
)
from ._timeline import chart_parts, collect

__all__ = ["markup", "render"]

PAGE_W, PAGE_H = A4
MARGIN_L, MARGIN_R, MARGIN_T, MARGIN_B = K.MARGIN_L, K.MARGIN_R, K.MARGIN_T, K.MARGIN_B
TEXT_W = PAGE_W - MARGIN_L - MARGIN_R
TEXT_H = PAGE_H - MARGIN_T - MARGIN_B

DARK = HexColor(f"#{K.DARK}")
MUTED = HexColor(f"#{K.MUTED}")
RULE = HexColor(f"#{K.RULE}")
HEADER_FILL = HexColor(f"#{K.HEADER_FILL}")
PHASE_FILL = HexColor(f"#{K.PHASE_FILL}")
GROUP_FILL = HexColor(f"#{K.GROUP_FILL}")
GRID = HexColor(f"#{K.RULE}")

#: Room a heading needs below it (its own lines and the start of what follows), else new page.
KEEP_WITH_HEADING = 110.0


# ---------------------------------------------------------------- text
def _text(text: str, bold: bool = False) -> str:
    """One user string as Paragraph markup: escaped; line breaks and tabs kept as layout;
    characters Liberation Sans lacks in the fallback font (its bold face if ``bold``)."""
    return _escaped(text) if covered(text) else _with_fallback(text, bold)


def _escaped(text: str) -> str:
    out = escape(text)
    if "\t" in out:
        out = out.replace("\t", "\u00a0\u00a0\u00a0\u00a0")
    if "\n" in out:
        out = out.replace("\n", "<br/>")
    return out


#: Text that reportlab's parser keeps as it is: no markup characters, line breaks or tabs.
_PLAIN_TEXT = re.compile(r"[^&<>\n\t]*").fullmatch


def markup(spans: Sequence[C.Span]) -> str:
    """Paragraph markup for runs of user text. Only our own ``<b>``, ``<i>``, ``<br/>``."""
    parts = []
    for s in _joined(spans):
        x = _text(s.text, s.bold)
        if s.bold:
            x = f"<b>{x}</b>"
        if s.italic:
            x = f"<i>{x}</i>"
        parts.append(x)
    return "".join(parts)


def _with_fallback(text: str, bold: bool) -> str:
    """Markup for text with characters Liberation Sans lacks: those runs in DejaVu Sans.

    A ``<font name>`` tag sets the face itself, so bold is chosen here; a paragraph whose
    style is bold switches the regular name for the bold one (:class:`_Para`).
    """
    fallback = register_fallback()
    if bold:
        fallback = FALLBACK_BOLD
    return "".join(
        _escaped(run) if ok else f'<font name="{fallback}">{_escaped(run)}</font>'
        for ok, run in runs(text)
    )


# ---------------------------------------------------------------- styles
def _style(name: str, **kw: Any) -> ParagraphStyle:
    base: dict[str, Any] = {
        "fontName": REGULAR,
        "fontSize": K.BODY,
        "leading": K.leading(K.BODY),
        "textColor": Color(0.08, 0.09, 0.11),
        "bulletFontName": REGULAR,
        "splitLongWords": 1,
        "allowWidows": 0,
        "allowOrphans": 0,
        "spaceBefore": K.BODY_SPACE[0],
        "spaceAfter": K.BODY_SPACE[1],
    }
    base.update(kw)
    return ParagraphStyle(name, **base)


def _sized(size: float, space: tuple[float, float], factor: float = K.TEXT_LINE) -> dict[str, Any]:
    """Font size, leading and spacing as the Word style of the same name has them."""
    return {"fontSize": size, "leading": K.leading(size, factor), "spaceBefore": space[0],
            "spaceAfter": space[1]}  # fmt: skip


_CELL = K.CELL_SPACE
_NONE = (0.0, 0.0)
# reportlab leaves out the space before a cell's first paragraph and after its last; Word
# keeps them, inside the cell margins: so they are part of the padding here
_PAD_TOP = K.CELL_PAD_Y + K.CELL_SPACE[0]
_PAD_BOTTOM = K.CELL_PAD_Y + K.CELL_SPACE[1]


class _Styles:
    """The paragraph styles; each mirrors the Word style named beside it (docx/_styles)."""

    def __init__(self) -> None:
        t = K.TABLE_LINE
        self.body = _style("body")  # Normal
        self.lead = _style("lead", fontName=ITALIC, textColor=DARK,
                           **_sized(K.LEAD, (6.0, 12.0)))  # KhsLead  # fmt: skip
        self.note = _style("note", textColor=MUTED, **_sized(K.NOTE, (0.0, 6.0)))  # KhsNote
        self.letterhead = _style("letterhead", fontName=BOLD, textColor=DARK, alignment=TA_RIGHT,
                                 **_sized(K.LETTERHEAD, _NONE, 1.0))  # fmt: skip
        self.doc_type = _style("doc_type", fontName=BOLD, textColor=DARK,
                               **_sized(K.DOC_TYPE, (12.0, 10.0)))  # fmt: skip
        self.title = _style("title", fontName=BOLD, textColor=DARK,
                            **_sized(K.TITLE, K.TITLE_SPACE, 1.0))  # fmt: skip
        self.subtitle = _style("subtitle", textColor=MUTED, **_sized(K.SUBTITLE, K.SUBTITLE_SPACE))
        self.h = {
            1: _style("h1", fontName=BOLD, textColor=DARK, **_sized(K.H1, K.H1_SPACE)),
            2: _style("h2", fontName=BOLD, textColor=DARK, **_sized(K.H2, K.H2_SPACE)),
            3: _style("h3", fontName=BOLD, textColor=DARK, **_sized(K.H3, K.H3_SPACE)),
        }
        self.included = _style("included", fontName=BOLD, textColor=MUTED,
                               **_sized(K.ATTACHMENT_LABEL, (0.0, 12.0)))  # fmt: skip
        self.cell = _style("cell", **_sized(K.TABLE, _CELL, t))
        self.cell_detail = _style("cell_detail", leftIndent=5.65, textColor=Color(0.25, 0.25, 0.25),
                                  **_sized(K.TABLE_DETAIL, _CELL, t))  # fmt: skip
        self.cell_note = _style("cell_note", fontName=ITALIC, textColor=MUTED,
                                **_sized(K.TABLE_NOTE, _CELL, t))  # fmt: skip
        self.cell_head = _style("cell_head", fontName=BOLD, textColor=DARK,
                                **_sized(K.TABLE, (1.0, 1.0), t))  # fmt: skip
        self.group = _style("group", fontName=BOLD, textColor=DARK,
                            **_sized(K.TABLE, (1.0, 1.0), t))  # fmt: skip
        self.kv_label = _style("kv_label", fontName=BOLD, **_sized(K.FIELD_LABEL, _CELL, t))
        self.kv_value = _style("kv_value", **_sized(K.TABLE, _CELL, t))
        self.plain_label = _style("plain_label", fontName=BOLD, textColor=MUTED,
                                  **_sized(K.PLAIN_LABEL, _CELL, t))  # fmt: skip
        self.plain_value = _style("plain_value", **_sized(K.TABLE, _CELL, t))
        # Word's list paragraphs have contextual spacing: none between items (list_ adds
        # the space after the last)
        self.list_item = _style("list_item", **_sized(K.BODY, _NONE))


_FALLBACK_TAG = f'<font name="{FALLBACK}">'


# ---------------------------------------------------------------- flowables
class _Para(Paragraph):  # type: ignore[misc]
    """A Paragraph that keeps its layout: wrapping it again at the same width is free.

    reportlab measures every remaining row of a table again each time it splits
    the table at a page end, and once more when it draws a cell, so the lines of
    a cell in a long measure table were broken a dozen times (superlinear in the
    table's length). The layout depends on the width only, so the first result
    at a width is kept and returned.
    """

    _khs_layout: tuple[float, object, tuple[float, float]] | None = None

    def __init__(self, text: Any, style: Any = None, *args: Any, **kw: Any) -> None:
        # (split parts are made with text None and their fragments)
        if isinstance(text, str) and _FALLBACK_TAG in text and style.fontName in (BOLD,
                                                                                   BOLD_ITALIC):
            text = text.replace(_FALLBACK_TAG, f'<font name="{FALLBACK_BOLD}">')
        super().__init__(text, style, *args, **kw)

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:
        kept = self._khs_layout
        # reuse only while the layout reportlab keeps on the object is the one we measured
        if kept is not None and kept[0] == availWidth and self.__dict__.get("blPara") is kept[1]:
            self.width, self.height = kept[2]
            return kept[2]
        size: tuple[float, float] = super().wrap(availWidth, availHeight)
        self._khs_layout = (availWidth, self.blPara, size)
        return size


class _Table(RLTable):  # type: ignore[misc]
    """A Table that lays itself out once per size.

    reportlab lays a table out in ``wrap`` and again in ``split`` with the same
    sizes, for every page a long table runs over; with spanned rows (phase
    and heading rows) each layout walks every cell of the rest of the table.
    The layout depends only on the table and the size, so the second is skipped.
    """

    _khs_calc: tuple[float, float] | None = None
    #: The rest of a table split at a page's foot (reportlab then tries it again below).
    _khs_rest = False

    def split(self, availWidth: float, availHeight: float) -> list[Any]:
        """As reportlab splits, except that the rest of a table split between rows is not
        split again inside a row on the same page: that printed the header row a second
        time in mid-page over the first lines of one measure ("Fagdag"); the rest goes
        to the next page, where a row taller than the page may still split."""
        parts: list[Any] = super().split(availWidth, availHeight)
        if self._khs_rest and len(parts) > 1 and availHeight < TEXT_H - 1:
            head = int(self.repeatRows)
            rows = len(self._cellvalues) - head
            cut = sum(len(p._cellvalues) - head for p in parts) > rows  # a row cut in two
            heights = self._rowHeights
            # a row that fits on a page goes there whole; a taller one splits where it is
            if cut and len(heights) > head and sum(heights[: head + 1]) <= TEXT_H:
                return []
        for part in parts[1:]:
            if isinstance(part, _Table):
                part._khs_rest = True
        return parts

    def _calc(self, availWidth: float, availHeight: float) -> None:
        if self._khs_calc == (availWidth, availHeight):
            return
        super()._calc(availWidth, availHeight)
        self._khs_calc = (availWidth, availHeight)

    def _getFirstPossibleSplitRowPosition(
        self, availHeight: float, ignoreSpans: int = 0
    ) -> int:
        """Where the page ends in this table, never right after a group row.

        A heading or phase row ("Fagdag", "Fase 2") left as the last row of a page
        goes to the next page with the row it heads, unless it is the first row
        under the header (then the row after it is taller than the page and must
        split anyway). reportlab's NOSPLIT would do the same, but it maps every
        cell of the rest of the table at each page break: quadratic.
        """
        n: int = super()._getFirstPossibleSplitRowPosition(availHeight, ignoreSpans)
        rows = self._cellvalues
        head = self.repeatRows
        while n - 1 > head and _is_group_row(rows[n - 1]):
            n -= 1
        # only the header and group rows would fit: the table goes on to the next page, if
        # there the group rows and the row they head fit (else that row must split here)
        if n - 1 == head and _is_group_row(rows[n - 1]):
            headed = n
            while headed < len(rows) and _is_group_row(rows[headed]):
                headed += 1  # a phase row, then a heading row: both head the next row
            if headed < len(rows) and float(sum(self._rowHeights[: headed + 1])) <= TEXT_H:
                return int(head) - 1 if ignoreSpans else int(head)  # both attempts refuse
        return n


def _is_group_row(row: Sequence[Any]) -> bool:
    """Whether a row of a laid-out table is a group row (reportlab wraps cell flowables)."""
    cell = row[0] if row else None
    if isinstance(cell, list | tuple):
        cell = cell[0] if len(cell) == 1 else None
    return isinstance(cell, _AcrossRow)


class _AcrossRow(Flowable):  # type: ignore[misc]
    """The text of a group row ("Fase 1", a shared heading): in the first cell, laid out
    across the whole row (the other cells of the row are empty and have no lines)."""

    def __init__(self, para: _Para, width: float) -> None:
        super().__init__()
        self.para = para
        self.across = width

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:
        _, height = self.para.wrap(self.across, availHeight)
        self.width, self.height = availWidth, height
        return availWidth, height

    def split(self, availWidth: float, availHeight: float) -> list[Flowable]:
        return [_AcrossRow(p, self.across) for p in self.para.split(self.across, availHeight)]

    def getSpaceBefore(self) -> float:
        return float(self.para.getSpaceBefore())

    def getSpaceAfter(self) -> float:
        return float(self.para.getSpaceAfter())

    def drawOn(self, canvas: Any, x: float, y: float, _sW: float = 0) -> None:
        self.para.drawOn(canvas, x, y)


class _Heading(_Para):
    """A heading that binds its outline entry where it is drawn (and only once if split)."""

    khs_outline: tuple[str, str, int] | None = None

    def drawOn(self, canvas: Any, x: float, y: float, _sW: float = 0) -> None:
        if self.khs_outline is not None:
            key, title, level = self.khs_outline
            canvas.bookmarkHorizontal(key, 0, y + self.height)
            canvas.addOutlineEntry(title, key, level=level, closed=level > 0)
        super().drawOn(canvas, x, y, _sW)

    def split(self, availWidth: float, availHeight: float) -> list[Any]:
        parts: list[Any] = super().split(availWidth, availHeight)
        for i, part in enumerate(parts):
            if isinstance(part, _Heading):
                part.khs_outline = self.khs_outline if i == 0 else None
        return parts


class _KeepRoom(CondPageBreak):  # type: ignore[misc]
    """A CondPageBreak that passes the space after the previous block on to the next.

    The frame lets a block's space before overlap the previous one's space after (the
    larger counts, as in LibreOffice); a plain CondPageBreak between them reset that, so
    a heading after a paragraph stood 6 pt lower than in the Word file.
    """

    _SPACETRANSFER = True


class _KeepShort(Spacer):  # type: ignore[misc]
    """Marks where a heading starts that goes on together with the short block after it
    (replaced by a KeepTogether once that block is in the story; never laid out)."""

    def __init__(self) -> None:
        super().__init__(0, 0)


def _short_block(b: C.Block) -> bool:
    """A paragraph or list of at most about four lines: kept whole with its heading."""
    if isinstance(b, C.Para):
        texts = [sp.text for sp in b.spans]
    elif isinstance(b, C.BulletList | C.NumberedList):
        if len(b.items) > 4:
            return False
        texts = ["".join(sp.text for sp in item) + "\n" for item in b.items]
    else:
        return False
    lines = sum(1 + len(line) // 90 for t in texts for line in t.rstrip("\n").split("\n"))
    return lines <= 4


class _Later(Flowable):  # type: ignore[misc]
    """A stand-in for a flowable made when the layout reaches it (see ``_DocTemplate``).

    A measure table of a big plan is thousands of Paragraphs; made one table at
    a time, as the pages reach them, the story never holds them all at once.
    Should reportlab lay the stand-in out itself (inside a KeepTogether, say),
    it makes the flowable then and passes everything on to it.
    """

    def __init__(self, make: Callable[[], Flowable]) -> None:
        super().__init__()
        self.make = make
        self._made: Flowable | None = None

    def made(self) -> Flowable:
        if self._made is None:
            self._made = self.make()
        return self._made

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:
        size: tuple[float, float] = self.made().wrapOn(self.canv, availWidth, availHeight)
        return size

    def split(self, availWidth: float, availHeight: float) -> list[Flowable]:
        parts: list[Flowable] = self.made().splitOn(self.canv, availWidth, availHeight)
        return parts

    def getSpaceBefore(self) -> float:
        return float(self.made().getSpaceBefore())

    def getSpaceAfter(self) -> float:
        return float(self.made().getSpaceAfter())

    def drawOn(self, canvas: Any, x: float, y: float, _sW: float = 0) -> None:
        self.made().drawOn(canvas, x, y, _sW)


class _ChartPart(Flowable):  # type: ignore[misc]
    """A part of the timeline chart: known size, painted on the canvas when drawn."""

    hAlign = "LEFT"

    def __init__(self, width: float, height: float, paint: Callable[[Any], None]) -> None:
        super().__init__()
        self.width = width
        self.height = height
        self.paint = paint

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:
        return self.width, self.height

    def draw(self) -> None:
        self.paint(self.canv)


class _RunningHeader(Flowable):  # type: ignore[misc]
    """Zero-size marker: from the page it lands on, the running header reads ``left``/``right``."""

    def __init__(self, left: str | None, right: str | None) -> None:
        super().__init__()
        self.left = left
        self.right = right
        self.width = self.height = 0

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:
        return 0, 0

    def draw(self) -> None:
        self.canv.khs_header = self.left
        self.canv.khs_header_right = self.right
        self.canv.khs_header_page = self.canv.getPageNumber()


class _Outline:
    """Hands out outline levels in document order; PDF outlines may not skip a level."""

    def __init__(self) -> None:
        self.last = -1
        self.n = 0

    def level(self, wanted: int) -> int:
        level = max(0, min(wanted, self.last + 1))
        self.last = level
        return level

    def key(self) -> str:
        self.n += 1
        return f"khs_outline_{self.n}"


@functools.lru_cache(maxsize=8192)
def _measure(text: str, bold: bool, size: float) -> float:
    """Width of ``text`` in points, for the column widths."""
    return float(stringWidth(text, BOLD if bold else REGULAR, size))


def _outline_title(text: str) -> str:
    title = " ".join(text.split())
    return title if len(title) <= 200 else title[:199] + "…"


# ---------------------------------------------------------------- renderer
class _Renderer:
    def __init__(self, labels: Labels, *, timeline: bool) -> None:
        self.L = labels
        self.s = _Styles()
        self.outline = _Outline()
        self.timeline = timeline
        self.story: list[Any] = []
        #: the rows of every table of a group (see C.Table.group), for widths they share
        self.groups: dict[str, list[C.Row | C.GroupRow]] = {}
        self._group_widths: dict[tuple[str, tuple[C.Column, ...]], list[float]] = {}
        # (style id, bold, italic) → (the parser's fragment for that style, the style: kept alive)
        self._protos: dict[tuple[int, bool, bool], tuple[Any, ParagraphStyle]] = {}

    # -- small builders
    def para(self, spans: Iterable[C.Span], style: ParagraphStyle) -> Paragraph:
        spans = tuple(_joined(tuple(spans)))
        text = markup(spans)
        frags = self.frags(spans, style)
        return _Para(text, style) if frags is None else _Para(text, style, frags=frags)

    def frags(self, spans: Sequence[C.Span], style: ParagraphStyle) -> list[Any] | None:
        """The fragments reportlab's markup parser would make for ``spans``, or None.

        Parsing markup is an eighth of the time of a long table. For the common
        case (no ``&``, ``<``, ``>``, line break or tab, whitespace that the parser
        would leave alone) the result is known: one fragment per run of text,
        a copy of the style's own fragment (as the parser copies it) with the
        text set. Anything else returns None and goes through the parser.
        """
        runs: list[tuple[bool, bool, str]] = []
        merge = False
        for s in spans:
            if not s.text:
                merge = merge and not (s.bold or s.italic)  # "<b></b>" parts the runs
                continue
            if not (_PLAIN_TEXT(s.text) and covered(s.text)):
                return None
            plain = not (s.bold or s.italic)
            if merge and plain:
                runs[-1] = (False, False, runs[-1][2] + s.text)
            else:
                runs.append((s.bold, s.italic, s.text))
            merge = plain
        text = "".join(x[2] for x in runs)
        if cleanBlockQuotedText(text) != text:  # the parser would change the whitespace
            return None
        out = []
        for bold, italic, run in runs:
            key = (id(style), bold, italic)
            proto = self._protos.get(key)
            if proto is None:
                sample = markup([C.Span("x", bold, italic)])
                proto = self._protos[key] = (Paragraph(sample, style).frags[0], style)
            frag = copy.copy(proto[0])
            frag.text = run
            out.append(frag)
        return out

    def heading(self, text: str, level: int, bookmark: str, depth: int) -> _Heading:
        h = _Heading(_text(text), self.s.h[min(max(level, 1), 3)])
        key = bookmark if bookmark else self.outline.key()
        h.khs_outline = (key, _outline_title(text), self.outline.level(level - 1 + depth))
        return h

    def cell_paras(self, cell: C.Cell) -> list[Paragraph]:
        styles = {"text": self.s.cell, "detail": self.s.cell_detail, "note": self.s.cell_note}
        return [self.para(p.spans, styles.get(p.style, self.s.cell)) for p in cell.paras] or [
            _Para("", self.s.cell)
        ]

    def widths(
        self, columns: Sequence[C.Column], rows: Sequence[C.Row | C.GroupRow] = (),
        pad: float = 2 * K.CELL_PAD_X,
    ) -> list[float]:  # fmt: skip
        """Column widths from the relative ones, adjusted to what the cells hold
        (:func:`khsmodel_exporters._widths.column_widths`, as the Word file has them)."""
        return column_widths(columns, rows, TEXT_W, _measure, pad=pad)

    def table_widths(self, t: C.Table) -> list[float]:
        """The widths of ``t``: those of its group, measured once over all its tables' rows."""
        if not t.group:
            return self.widths(t.columns, t.rows)
        key = (t.group, t.columns)
        got = self._group_widths.get(key)
        if got is None:
            got = self._group_widths[key] = self.widths(t.columns, self.groups.get(t.group, t.rows))
        return list(got)

    # -- blocks
    def table(self, t: C.Table) -> Flowable:
        if t.style == "plain":
            return self.plain_table(t)
        s = self.s
        ncols = max(len(t.columns), 1)
        data: list[list[Any]] = [[_Para(_text(c.label), s.cell_head) for c in t.columns]]
        widths = self.table_widths(t)
        # The grid of GRID, drawn so that group rows need no SPAN: the outer box, a line
        # under every row, and the lines between columns on each run of measure rows.
        # reportlab re-lays every spanned cell of the rest of a table at each page break
        # (a sixth of the time of a 5 000-measure plan); a group row's text instead lies in
        # its first cell and is laid out across the whole row (_AcrossRow).
        cmds: list[tuple[Any, ...]] = [
            ("BOX", (0, 0), (-1, -1), 0.5, GRID),
            ("LINEBELOW", (0, 0), (-1, -2), 0.5, GRID),
            ("BACKGROUND", (0, 0), (-1, 0), HEADER_FILL),
            ("VALIGN", (0, 0), (-1, -1), "TOP"),
            ("FONT", (0, 0), (-1, -1), REGULAR, K.TABLE),  # never the default Helvetica
            ("LEFTPADDING", (0, 0), (-1, -1), K.CELL_PAD_X),
            ("RIGHTPADDING", (0, 0), (-1, -1), K.CELL_PAD_X),
            ("TOPPADDING", (0, 0), (-1, -1), _PAD_TOP),
            # Word adds the 0.5 pt line under a row to the row's height; reportlab draws it
            # over the padding
            ("BOTTOMPADDING", (0, 0), (-1, -1), _PAD_BOTTOM + 0.5),
        ]
        across = sum(widths) - 2 * K.CELL_PAD_X  # the row's width less the cell padding
        group_italic = _style("group_italic", parent=s.group, fontName=BOLD_ITALIC)
        run_start = 0  # first row of the current run of measure rows (the header row included)
        for r, row in enumerate(t.rows, start=1):
            if isinstance(row, C.GroupRow):
                style = s.group if row.kind == "phase" else group_italic
                text = _AcrossRow(_Para(_text(row.text), style), across)
                data.append([text] + [""] * (ncols - 1))
                if r > run_start:
                    cmds.append(("LINEAFTER", (0, run_start), (-2, r - 1), 0.5, GRID))
                run_start = r + 1
                cmds.append(("BACKGROUND", (0, r), (-1, r),
                             PHASE_FILL if row.kind == "phase" else GROUP_FILL))  # fmt: skip
            else:
                cells: list[Any] = [self.cell_paras(c) for c in row.cells[:ncols]]
                cells += [""] * (ncols - len(cells))
                data.append(cells)
        if len(data) > run_start:
            cmds.append(("LINEAFTER", (0, run_start), (-2, len(data) - 1), 0.5, GRID))
        # 12 pt below, as Word's spacer paragraph after a table (docx/_tables)
        return _Table(data, colWidths=widths, repeatRows=1, splitByRow=1, splitInRow=1,
                      style=RLTableStyle(cmds), hAlign="LEFT", spaceAfter=12)  # fmt: skip

    def first_rows_height(self, t: C.Table) -> float:
        """The height of ``t``'s header row, group rows and first measure row."""
        k = next((n for n, r in enumerate(t.rows) if isinstance(r, C.Row)), len(t.rows) - 1)
        head = self.table(dataclasses.replace(t, rows=t.rows[: k + 1]))
        return float(head.wrap(TEXT_W, TEXT_H)[1])

    def plain_table(self, t: C.Table) -> Flowable:
        s = self.s
        ncols = max(len(t.columns), 1)
        data: list[list[Any]] = [[_Para(_text(c.label), s.plain_label) for c in t.columns]]
        for row in t.rows:
            if isinstance(row, C.GroupRow):
                data.append([_Para(_text(row.text), s.plain_value)] + [""] * (ncols - 1))
            else:
                cells: list[Any] = [
                    [self.para(p.spans, s.plain_value) for p in c.paras] for c in row.cells[:ncols]
                ]
                cells += [""] * (ncols - len(cells))
                data.append(cells)
        cmds = [
            ("LINEABOVE", (0, 0), (-1, 0), 0.8, RULE),
            ("LINEBELOW", (0, -1), (-1, -1), 0.8, RULE),
            ("VALIGN", (0, 0), (-1, -1), "TOP"),
            ("FONT", (0, 0), (-1, -1), REGULAR, K.TABLE),  # never the default Helvetica
            ("LEFTPADDING", (0, 0), (-1, -1), 0),
            ("RIGHTPADDING", (0, 0), (-1, -1), 8),
            ("TOPPADDING", (0, 0), (-1, -1), _PAD_TOP),
            ("BOTTOMPADDING", (0, 0), (-1, -1), _PAD_BOTTOM),
        ]
        return _Table(data, colWidths=self.widths(t.columns, t.rows, pad=8), splitByRow=1, splitInRow=1,
                       style=RLTableStyle(cmds), hAlign="LEFT", spaceBefore=4,
                       spaceAfter=10)  # fmt: skip

    def key_values(self, kv: C.KeyValues) -> Flowable:
        s = self.s
        columns = max(kv.columns, 1)
        data: list[list[Any]] = []
        row: list[Any] = []
        for f in kv.fields:
            # "Saksbehandler:" with its colon, as the seeds and the Word document print it
            row.append(_Para(_text(f"{f.label}:"), s.kv_label) if f.label else "")
            row.append(_Para("<br/>".join(_text(x) for x in f.lines), s.kv_value))
            if len(row) == 2 * columns:
                data.append(row)
                row = []
        if row:
            data.append(row + [""] * (2 * columns - len(row)))
        if not data:
            return Spacer(0, 0)
        # each label column as wide as its longest label, within reason
        label_w = []
        for c in range(columns):
            labels = [f"{f.label}:" for f in kv.fields[c::columns] if f.label]
            widest = max((_measure(x, True, K.FIELD_LABEL) for x in labels), default=0.0)
            label_w.append(min(max(widest + 8, 50.0), TEXT_W / columns * 0.45))
        widths = []
        for c in range(columns):
            widths += [label_w[c], TEXT_W / columns - label_w[c]]
        cmds = [
            ("VALIGN", (0, 0), (-1, -1), "TOP"),
            ("FONT", (0, 0), (-1, -1), REGULAR, K.TABLE),  # never the default Helvetica
            ("LEFTPADDING", (0, 0), (-1, -1), 0),
            ("RIGHTPADDING", (0, 0), (-1, -1), 6),
            ("TOPPADDING", (0, 0), (-1, -1), _PAD_TOP),
            ("BOTTOMPADDING", (0, 0), (-1, -1), _PAD_BOTTOM),
        ]
        return _Table(data, colWidths=widths, splitByRow=1, splitInRow=1,
                       style=RLTableStyle(cmds), hAlign="LEFT", spaceBefore=2,
                       spaceAfter=8)  # fmt: skip

    def list_(self, items: Sequence[C.Spans], *, numbered: bool, start: int = 1) -> Flowable:
        flow = [ListItem(self.para(spans, self.s.list_item)) for spans in items]
        if numbered:
            return ListFlowable(flow, bulletType="1", start=start, bulletFormat="%s.",
                                bulletFontName=REGULAR, bulletFontSize=K.BODY, leftIndent=21.25,
                                bulletDedent=21.25, spaceAfter=K.LIST_SPACE[1])  # fmt: skip
        return ListFlowable(flow, bulletType="bullet", start="•", bulletFontName=REGULAR,
                            bulletFontSize=K.BODY, leftIndent=17.85, bulletDedent=17.85,
                            spaceAfter=K.LIST_SPACE[1])  # fmt: skip

    def blocks(self, content: C.Content, depth: int, source: Document | None) -> None:
        s = self.s
        blocks = content.blocks
        out = self.story
        pending = False  # a heading waits to be kept with the short block after it
        timeline_drawn = False
        for i, b in enumerate(blocks):
            if pending and not isinstance(blocks[i - 1], C.Heading):
                self._fold_short(out)
                pending = False
            if isinstance(b, C.Title):
                out.append(_Para(_text(b.text), s.title))
                nxt = blocks[i + 1] if i + 1 < len(blocks) else None
                if not isinstance(nxt, C.Subtitle) and not (
                    isinstance(nxt, C.Para) and nxt.style == "lead"
                ):
                    out.append(self.rule())
            elif isinstance(b, C.Subtitle):
                out.append(_Para(_text(b.text), s.subtitle))
                nxt = blocks[i + 1] if i + 1 < len(blocks) else None
                if not isinstance(nxt, C.Subtitle) and not (
                    isinstance(nxt, C.Para) and nxt.style == "lead"
                ):
                    out.append(self.rule())
            elif isinstance(b, C.Heading):
                # no heading alone at the foot of a page; unlike keepWithNext this never
                # moves a long table whole to the next page, leaving a half-empty one.
                # Headings that follow each other ("Organer", then the first body) go together.
                # A heading over a short text ("Vedlegg", one item) needs only the room of
                # both, as Word's keep-with-next: they go on together (_KeepShort).
                alone = i == 0 or not isinstance(blocks[i - 1], C.Heading)
                nxt = blocks[i + 1] if i + 1 < len(blocks) else None
                if alone and nxt is not None and _short_block(nxt):
                    out.append(_KeepShort())
                    pending = True
                elif alone:
                    run = 0
                    while i + run + 1 < len(blocks) and isinstance(blocks[i + run + 1], C.Heading):
                        run += 1
                    need = KEEP_WITH_HEADING + 32 * run
                    nxt = blocks[i + run + 1] if i + run + 1 < len(blocks) else None
                    if isinstance(nxt, C.Table) and nxt.style == "grid":
                        # room for the headings, the table's header and its first row: a
                        # tall first row must not leave the heading alone at the foot (one
                        # taller than half a page splits anyway, beside the heading)
                        first = self.first_rows_height(nxt)
                        if first < TEXT_H / 2:
                            heads = sum(
                                self.heading(h.text, h.level, "", depth).wrap(TEXT_W, TEXT_H)[1]
                                + 20
                                for h in blocks[i : i + run + 1]
                                if isinstance(h, C.Heading)
                            )
                            need = max(need, heads + first)
                    out.append(_KeepRoom(need))
                out.append(self.heading(b.text, b.level, b.bookmark, depth))
            elif isinstance(b, C.Para):
                style = {"body": s.body, "lead": s.lead, "note": s.note,
                         "letterhead": s.letterhead, "doc_type": s.doc_type}.get(b.style, s.body)  # fmt: skip
                out.append(self.para(b.spans, style))
                if b.style == "lead" and i > 0 and isinstance(blocks[i - 1], C.Title | C.Subtitle):
                    out.append(self.rule())
            elif isinstance(b, C.BulletList):
                out.append(self.list_(b.items, numbered=False))
            elif isinstance(b, C.NumberedList):
                out.append(self.list_(b.items, numbered=True, start=b.start))
            elif isinstance(b, C.KeyValues):
                out.append(self.key_values(b))
            elif isinstance(b, C.Table):
                out.append(_Later(functools.partial(self.table, b)))
            elif isinstance(b, C.PageBreak):
                out.append(PageBreak())
            elif isinstance(b, C.Included):
                self.included(b, depth)
            elif isinstance(b, C.Timeline):  # before the plan's appendix of changes
                if self.timeline and isinstance(source, ActionPlan):
                    self.plan_timeline(source, depth)
                timeline_drawn = True
            elif type(b).__name__ == "StatusChart":  # a status report's (content.status)
                from ._status_chart import status_chart

                out.append(status_chart(b, TEXT_W))
                out.append(self.para((C.Span(b.alt),), s.note))  # its text alternative
            elif type(b).__name__ == "YearWheel":  # a meeting plan's (content.meetingplans)
                from reportlab.platypus import KeepTogether

                from ._year_wheel import year_wheel

                heading = self.heading(b.title, 1, b.bookmark, depth)
                out.append(KeepTogether([heading, year_wheel(b, TEXT_W)]))
                out.append(self.para((C.Span(b.caption),), s.note))  # how to read it
        if pending and blocks and not isinstance(blocks[-1], C.Heading):
            self._fold_short(out)
        if self.timeline and isinstance(source, ActionPlan) and not timeline_drawn:
            self.plan_timeline(source, depth)

    def _fold_short(self, out: list[Any]) -> None:
        """Put a heading marked by :class:`_KeepShort` together with the block after it."""
        for j in range(len(out) - 1, max(len(out) - 4, -1), -1):
            if isinstance(out[j], _KeepShort):
                out[j:] = [KeepTogether(out[j + 1 :])]
                return

    def rule(self) -> Flowable:
        # as Word's bottom border of the paragraph (docx/_body _RULE_PPR): 2 pt below the
        # text, 1.25 pt thick, then 12 pt
        return HRFlowable(width="100%", thickness=1.25, color=DARK, spaceBefore=2,
                          spaceAfter=12)  # fmt: skip

    def included(self, inc: C.Included, depth: int) -> None:
        self.story.append(PageBreak())
        self.story.append(_RunningHeader(inc.content.header or None, inc.label))
        label = _Heading(_text(inc.label), self.s.included)
        label.khs_outline = (self.outline.key(), _outline_title(
            f"{inc.label}: {inc.content.title}"), self.outline.level(depth))  # fmt: skip
        self.story.append(label)
        self.blocks(inc.content, depth + 1, inc.content.source)

    def plan_timeline(self, plan: ActionPlan, depth: int) -> None:
        data = collect(plan, self.L)
        if data.empty:
            return  # no empty chart
        s = self.s
        heading = self.heading(self.L.timeline, 1, self.outline.key(), depth)
        for i, (height, paint) in enumerate(chart_parts(data, TEXT_W, TEXT_H - 60, self.L)):
            d = _ChartPart(TEXT_W, height, paint)
            # the heading goes with the first part of the chart, never alone
            self.story.append(KeepTogether([heading, d]) if i == 0 else d)
            self.story.append(Spacer(0, 6))
        for i, (title, items) in enumerate(unresolved_groups(data)):
            # under the focus area each measure belongs to; the heading keeps with the first
            head = [_Para(_text(self.L.timeline_unresolved), s.h[3])] if i == 0 else []
            self.story.append(KeepTogether([
                *head, _Para(_text(title), s.group), self.list_(items[:1], numbered=False),
            ]))  # fmt: skip
            if len(items) > 1:
                self.story.append(self.list_(items[1:], numbered=False))


class _DocTemplate(BaseDocTemplate):  # type: ignore[misc]
    def __init__(self, buf: io.BytesIO, content: C.Content, **kw: Any) -> None:
        super().__init__(
            buf,
            pagesize=A4,
            leftMargin=MARGIN_L,
            rightMargin=MARGIN_R,
            topMargin=MARGIN_T,
            bottomMargin=MARGIN_B,
            title=content.title,
            author=content.author,
            subject=content.subject,
            keywords=list(content.keywords),
            creator="khsmodel",
            lang=content.language,
            invariant=1,
            initialFontName=REGULAR,
            displayDocTitle=1,
            **kw,
        )
        frame = Frame(MARGIN_L, MARGIN_B, TEXT_W, TEXT_H, id="body", leftPadding=0,
                      rightPadding=0, topPadding=0, bottomPadding=0)  # fmt: skip
        self.addPageTemplates([PageTemplate(id="page", frames=[frame])])

    def beforeDocument(self) -> None:
        self.canv.showOutline()

    def filterFlowables(self, flowables: list[Any]) -> None:
        """Make the flowables a :class:`_Later` stands in for, as the layout reaches it."""
        while flowables and isinstance(flowables[0], _Later):
            flowables[0] = flowables[0].made()


def _collect_groups(content: C.Content, groups: dict[str, list[C.Row | C.GroupRow]]) -> None:
    """The rows of the tables of each group, attached documents included."""
    for b in content.blocks:
        if isinstance(b, C.Table) and b.group:
            groups.setdefault(b.group, []).extend(b.rows)
        elif isinstance(b, C.Included):
            _collect_groups(b.content, groups)


def render(content: C.Content, *, labels: Labels = NB, timeline: bool = True) -> bytes:
    """The PDF of ``content`` (the plan timeline is drawn from ``content.source``)."""
    register()
    r = _Renderer(labels, timeline=timeline)
    _collect_groups(content, r.groups)
    r.blocks(content, 0, content.source)
    if not r.story:
        r.story.append(Spacer(0, 0))
    furniture = Furniture(
        header=content.header,
        footer=content.title,
        page_of=labels.page_of,
        left=MARGIN_L,
        right=MARGIN_R,
        top=MARGIN_T,
        bottom=MARGIN_B,
    )
    buf = io.BytesIO()
    doc = _DocTemplate(buf, content)
    doc.build(r.story, canvasmaker=functools.partial(PagedCanvas, furniture=furniture))
    return buf.getvalue()
