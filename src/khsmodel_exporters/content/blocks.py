"""The content vocabulary: the blocks a document is made of, and the text of them all.

A :class:`Content` is a document's metadata and a flat sequence of typed blocks
(all frozen dataclasses); renderers turn each block into their format.

=====================  ===============================================================
:class:`Title`          the document title (one per document; Word style "Title")
:class:`Subtitle`       a line under the title: partnership, period, agreement level
:class:`Heading`        ``level`` 1–3, ``text``, a unique ``bookmark`` name (Word bookmark,
                        PDF outline key); renderers put headings in the navigation pane
:class:`Para`           a paragraph of :class:`Span` runs; ``style`` is one of
                        ``body``, ``lead`` (adoption line), ``note`` (small, muted),
                        ``letterhead`` (lines of a case system's letterhead),
                        ``doc_type`` ("SAKSFRAMLEGG")
:class:`BulletList`     items, each a tuple of spans
:class:`NumberedList`   items and the first number ``start``
:class:`KeyValues`      the heading block of a case or a meeting: labelled fields
                        (``Saksbehandler``, ``Arkivsak``, ``Dato`` …) laid out in
                        ``columns`` columns, label bold, each value possibly several lines
:class:`Table`          ``columns`` (label + relative width), ``rows``; a row is a
                        :class:`Row` of :class:`Cell` (each cell a tuple of
                        :class:`CellPara`, style ``text`` / ``detail`` / ``note``) or a
                        :class:`GroupRow` spanning all columns (``phase`` rows such as
                        "Fase 1", ``group`` rows for a shared measure heading).
                        ``style`` is ``grid`` (measure tables, lists of parties; header
                        row repeated on every page) or ``plain`` (the saksframlegg's
                        Utvalg / Saksnr. / Møtedato line)
:class:`PageBreak`      start a new page
:class:`Included`       a document of the model attached to this one (the action plan
                        attached to a case): ``label`` ("Vedlegg 1 til sak 2/2016") and
                        its own :class:`Content`; renderers start it on a new page
:class:`Timeline`       where a plan's timeline goes, drawn by the renderer from
                        ``Content.source``: before the appendix of changes from the
                        previous plan; without it the timeline follows every block
=====================  ===============================================================

Two blocks belong to one document kind each and are defined with it: the
status report's bar chart (:class:`~khsmodel_exporters.content.status.StatusChart`)
and the meeting plan's årshjul
(:class:`~khsmodel_exporters.content.meetingplans.YearWheel`). A renderer that
does not draw them skips them: their numbers and dates are in tables before them.

Text rules: every user string keeps its characters. ``\\r\\n`` and ``\\r``
become ``\\n``; a ``\\n`` inside a span is a line break (Word ``<w:br/>``,
PDF ``<br/>``), a tab stays a tab. A string holding an unterminated bidi
embedding or override (U+202A–U+202E, U+2066–U+2068) gets the matching
terminators appended so it cannot reorder the text after it. Renderers must
escape text for their format (``<`` and ``&`` are text).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Literal

from khsmodel.documents import Document

__all__ = [
    "Block",
    "BulletList",
    "Cell",
    "CellPara",
    "CellStyle",
    "Column",
    "Content",
    "Field",
    "GroupRow",
    "Heading",
    "Included",
    "KeyValues",
    "NumberedList",
    "PageBreak",
    "Para",
    "ParaStyle",
    "Row",
    "Span",
    "Spans",
    "Subtitle",
    "Table",
    "Timeline",
    "Title",
    "iter_text",
]

#: What a paragraph is: running text, the adoption line under a plan's title, a note
#: (small, muted), a line of a case system's letterhead, the document type ("SAKSFRAMLEGG").
ParaStyle = Literal["body", "lead", "note", "letterhead", "doc_type"]
#: What a paragraph of a table cell is (see :class:`CellPara`).
CellStyle = Literal["text", "detail", "note"]


@dataclass(frozen=True, slots=True)
class Span:
    """A run of text, optionally bold or italic. ``\\n`` is a line break.

    A bold or italic span never begins or ends with whitespace: a separator (the space
    after a measure's number, the line break before an address) is a plain span of its
    own, and a renderer decides whether it shares its neighbour's style (see
    :func:`~khsmodel_exporters.content.styled`).
    """

    text: str
    bold: bool = False
    italic: bool = False


#: A paragraph's or list item's runs of text.
Spans = tuple[Span, ...]


@dataclass(frozen=True, slots=True)
class Title:
    """The document's title, once, first (Word style "Title", the HTML ``h1``)."""

    text: str


@dataclass(frozen=True, slots=True)
class Subtitle:
    """A line under the title: the partnership, the period, the kind of agreement."""

    text: str


@dataclass(frozen=True, slots=True)
class Heading:
    """A heading of ``level`` 1–3; ``bookmark`` is unique in the document (Word
    bookmark, PDF outline key, HTML ``id``)."""

    level: int
    text: str
    bookmark: str


@dataclass(frozen=True, slots=True)
class Para:
    """A paragraph of spans; ``style`` says what it is (see :data:`ParaStyle`)."""

    spans: Spans
    style: ParaStyle = "body"


@dataclass(frozen=True, slots=True)
class BulletList:
    """A list; each item is its spans."""

    items: tuple[Spans, ...]


@dataclass(frozen=True, slots=True)
class NumberedList:
    """A numbered list, its first number ``start`` (a decision's items, attachments)."""

    items: tuple[Spans, ...]
    start: int = 1


@dataclass(frozen=True, slots=True)
class Field:
    """One labelled value of a :class:`KeyValues` block, possibly several ``lines``."""

    label: str
    lines: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class KeyValues:
    """Labelled fields (a case's Saksbehandler, Arkivsak, Dato …; a meeting's date,
    time and place) in ``columns`` columns, read row by row; a field of empty label and
    no lines keeps a place free."""

    fields: tuple[Field, ...]
    columns: int = 1


@dataclass(frozen=True, slots=True)
class Column:
    """A table column: its header ``label`` and its ``width`` relative to the others.

    ``room``: the column's running text keeps its share of the width (``width``) before
    another column's short header is kept on one line (rule 2 of
    :mod:`khsmodel_exporters._widths`): a status report's focus areas beside columns of
    numbers, whose two-word headers ("Andel gjennomført") then take two lines."""

    label: str
    width: float  # relative; renderers scale to the text width
    room: bool = False


@dataclass(frozen=True, slots=True)
class CellPara:
    """A paragraph of a table cell; ``style`` ``text``, ``detail`` (a measure's
    details) or ``note`` (progress notes, smaller and italic)."""

    spans: Spans
    style: CellStyle = "text"


@dataclass(frozen=True, slots=True)
class Cell:
    """A table cell: its paragraphs (none: an empty cell)."""

    paras: tuple[CellPara, ...]


@dataclass(frozen=True, slots=True)
class Row:
    """A table row: one cell per column."""

    cells: tuple[Cell, ...]


@dataclass(frozen=True, slots=True)
class GroupRow:
    """A row across the whole table: a ``phase`` ("Fase 1: …") or a ``group`` (a
    heading several measures share; the measures under it are marked "–")."""

    text: str
    kind: Literal["phase", "group"] = "group"


@dataclass(frozen=True, slots=True)
class Table:
    """A table: ``columns``, ``rows``; ``style`` ``grid`` (header row repeated on every
    page) or ``plain`` (the saksframlegg's Utvalg / Saksnr. / Møtedato line)."""

    columns: tuple[Column, ...]
    rows: tuple[Row | GroupRow, ...]
    style: Literal["grid", "plain"] = "grid"
    #: Tables of one group (the measure tables of one plan) share their column widths, so
    #: the columns do not move from one focus area to the next.
    group: str | None = None


@dataclass(frozen=True, slots=True)
class PageBreak:
    """Start a new page (formats without pages ignore it)."""


@dataclass(frozen=True, slots=True)
class Included:
    """A document attached to this one (the action plan attached to a case), under
    ``label`` ("Vedlegg 1 til sak 2/2016"), with its own content; starts a new page."""

    label: str
    content: Content


@dataclass(frozen=True, slots=True)
class Timeline:
    """Where an action plan's timeline goes (Word, PDF and HTML draw it from
    ``Content.source``, unless asked not to): before what must come after it, the
    plan's appendix "Endringer fra forrige plan", which is the document's last part.
    Content without this block has the timeline after all its blocks. It holds no text.
    """


# -- making the blocks a table repeats, fast
#
# A frozen dataclass sets each field with ``object.__setattr__`` (its own ``__setattr__``
# refuses): about 400 ns for a Span, and a 1 000-measure plan's measure tables are some
# 6 000 Spans, CellParas, Cells and Rows. The makers below fill the slots of a plain twin
# of the class (the same slots, so the same memory layout) and then give the object its
# class: 160 ns. What they return is an ordinary instance in every way (its type, equality,
# hash, repr, frozenness, copy and pickle); tests/exporters/test_content.py holds them
# to the constructors.

_new = object.__new__


class _SpanSlots:
    __slots__ = Span.__slots__
    text: str
    bold: bool
    italic: bool


class _CellParaSlots:
    __slots__ = CellPara.__slots__
    spans: Spans
    style: CellStyle


class _CellSlots:
    __slots__ = Cell.__slots__
    paras: tuple[CellPara, ...]


class _RowSlots:
    __slots__ = Row.__slots__
    cells: tuple[Cell, ...]


def _span(text: str, bold: bool = False, italic: bool = False) -> Span:
    """``Span(text, bold, italic)``, made faster (see above)."""
    o = _new(_SpanSlots)
    o.text = text
    o.bold = bold
    o.italic = italic
    o.__class__ = Span  # type: ignore[assignment]
    return o  # type: ignore[return-value]


def _cell_para(spans: Spans, style: CellStyle = "text") -> CellPara:
    """``CellPara(spans, style)``, made faster (see above)."""
    o = _new(_CellParaSlots)
    o.spans = spans
    o.style = style
    o.__class__ = CellPara  # type: ignore[assignment]
    return o  # type: ignore[return-value]


def _cell(paras: tuple[CellPara, ...]) -> Cell:
    """``Cell(paras)``, made faster (see above)."""
    o = _new(_CellSlots)
    o.paras = paras
    o.__class__ = Cell  # type: ignore[assignment]
    return o  # type: ignore[return-value]


def _row(cells: tuple[Cell, ...]) -> Row:
    """``Row(cells)``, made faster (see above)."""
    o = _new(_RowSlots)
    o.cells = cells
    o.__class__ = Row  # type: ignore[assignment]
    return o  # type: ignore[return-value]


#: Any block of :attr:`Content.blocks` (a status report adds its
#: :class:`~khsmodel_exporters.content.StatusChart`, a meeting plan its
#: :class:`~khsmodel_exporters.content.YearWheel`).
Block = (
    Title
    | Subtitle
    | Heading
    | Para
    | BulletList
    | NumberedList
    | KeyValues
    | Table
    | PageBreak
    | Included
    | Timeline
)


@dataclass(frozen=True, slots=True)
class Content:
    """What a document exporter renders: metadata and blocks."""

    kind: str
    title: str
    subject: str
    author: str
    header: str
    blocks: tuple[Block, ...]
    language: str = "nb-NO"
    date: dt.date | None = None
    keywords: tuple[str, ...] = field(default=())
    #: The document this content was built from (a renderer may draw more from it,
    #: e.g. the PDF timeline of a plan). Not part of equality.
    source: Document | None = field(default=None, compare=False, repr=False)


def iter_text(content: Content, *, header: bool = True) -> Iterator[str]:
    """Every text a reader sees in ``content``, in order (for tests and search indexes).

    The running header is the main document's; an included document's own
    header text is not shown (``header=False`` for those).
    """
    if header:
        yield content.header
    for block in content.blocks:
        yield from _block_text(block)


def _block_text(block: Block) -> Iterator[str]:
    if isinstance(block, Title | Subtitle | Heading):
        yield block.text
    elif isinstance(block, Para):
        yield "".join(s.text for s in block.spans)
    elif isinstance(block, BulletList | NumberedList):
        for item in block.items:
            yield "".join(s.text for s in item)
    elif isinstance(block, KeyValues):
        for f in block.fields:
            yield f.label
            yield from f.lines
    elif isinstance(block, Table):
        for c in block.columns:
            yield c.label
        for row in block.rows:
            if isinstance(row, GroupRow):
                yield row.text
            else:
                for cell in row.cells:
                    for p in cell.paras:
                        yield "".join(s.text for s in p.spans)
    elif isinstance(block, Included):
        yield block.label
        yield from iter_text(block.content, header=False)
