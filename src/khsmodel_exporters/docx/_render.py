"""Render :class:`~khsmodel_exporters.content.Content` as a Word document with python-docx.

How it stays fast: the body is written as WordprocessingML text (every user
string escaped), in the exact form lxml would serialize it, straight into the
zip member as it is generated; no ``table.cell(i, j)``, no ``add_row()``, no
lxml tree of the body and never the whole body as one string. A test parses
and re-serializes the output to prove the text is well-formed and canonical.

How it stays deterministic: styles, numbering and section are set from
constants; core properties carry the document's own date (or none); the zip
is written with fixed timestamps and a fixed member order.
"""

from __future__ import annotations

import datetime as dt
import io
import zipfile
from collections.abc import Callable, Iterable, Sequence
from typing import Any

from docx import Document as _new_document
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.opc.oxml import serialize_part_xml
from docx.oxml import parse_xml
from lxml import etree

from khsmodel.labels import NB, Labels
from khsmodel.plans import ActionPlan

from .. import _look as K
from .._runs import runs as _joined
from .._timeline_data import Row as _TimelineRow
from .._timeline_data import collect, months, unresolved_groups
from .._widths import column_widths, text_width
from ..content import (
    Block,
    BulletList,
    Cell,
    Column,
    Content,
    GroupRow,
    Heading,
    Included,
    KeyValues,
    NumberedList,
    PageBreak,
    Para,
    Row,
    Span,
    Subtitle,
    Table,
    Timeline,
    Title,
    YearWheel,
)
from ..content import display_text as _t_text
from . import _wheel

__all__ = ["render"]

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
_NS = f'xmlns:w="{W}"'

# A4 and the margins of the PDF (_look): the same text width, so lines break alike.
PAGE_W, PAGE_H = 11906, 16838
MARGIN_L, MARGIN_R = K.twips(K.MARGIN_L), K.twips(K.MARGIN_R)
MARGIN_T, MARGIN_B = K.twips(K.MARGIN_T), K.twips(K.MARGIN_B)
TEXT_W = PAGE_W - MARGIN_L - MARGIN_R

HEADER_FILL = K.HEADER_FILL  # table header row
PHASE_FILL = K.PHASE_FILL  # phase rows ("Fase 1")
GROUP_FILL = K.GROUP_FILL  # other group rows
RULE = K.RULE
DARK = K.DARK
MUTED = K.MUTED
GRID_LIGHT = "D5DBE3"  # timeline: lines between months
BAR = "335F9E"  # timeline: a month the measure covers (the PDF chart's accent)
BAR_LIGHT = "9EBCDB"  # timeline: an open end ("Starter i april") or a deadline's month

_TABLE_STYLES = ("TableNormal", "TableGrid")
_BULLET_ABSTRACT = 90
_NUMBER_ABSTRACT = 91
_BULLET_NUM = 90


def _esc(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def _t(text: str) -> str:
    """Run content for text: ``\\n`` → ``<w:br/>``, ``\\t`` → ``<w:tab/>``."""
    if "\n" not in text and "\t" not in text:
        return f'<w:t xml:space="preserve">{_esc(text)}</w:t>'
    out = []
    for i, line in enumerate(text.split("\n")):
        if i:
            out.append("<w:br/>")
        for j, piece in enumerate(line.split("\t")):
            if j:
                out.append("<w:tab/>")
            if piece:
                out.append(f'<w:t xml:space="preserve">{_esc(piece)}</w:t>')
    return "".join(out)


def _runs(spans: Sequence[Span]) -> str:
    out = []
    for s in _joined(spans):
        if not s.text:
            continue
        if s.bold or s.italic:
            rpr = (
                "<w:rPr>"
                + ("<w:b/>" if s.bold else "")
                + ("<w:i/>" if s.italic else "")
                + ("</w:rPr>")
            )
            out.append(f"<w:r>{rpr}{_t(s.text)}</w:r>")
        else:
            out.append(f"<w:r>{_t(s.text)}</w:r>")
    return "".join(out)


# ---------------------------------------------------------------- styles
def _pstyle(
    sid: str,
    name: str,
    ppr: str = "",
    rpr: str = "",
    *,
    based: str = "Normal",
    next_: str | None = None,
    builtin: bool = True,
    extra: str = "",
) -> str:
    return (
        f'<w:style {_NS} w:type="paragraph" w:styleId="{sid}"'
        + (' w:default="1"' if sid == "Normal" else "")
        + ("" if builtin else ' w:customStyle="1"')
        + f'><w:name w:val="{name}"/>'
        + (f'<w:basedOn w:val="{based}"/>' if based else "")
        + (f'<w:next w:val="{next_}"/>' if next_ else "")
        + f"{extra}<w:qFormat/><w:pPr>{ppr}</w:pPr><w:rPr>{rpr}</w:rPr></w:style>"
    )


def _sp(space: tuple[float, float], line: float | None = None, exact: bool = False) -> str:
    """Word's spacing element for (before, after) in points and a line factor (_look)."""
    before, after = (K.twips(x) for x in space)
    rule = ""
    if line is not None:
        rule = (f' w:line="{K.twips(line)}" w:lineRule="exact"' if exact
                else f' w:line="{round(240 * line)}" w:lineRule="auto"')  # fmt: skip
    return f'<w:spacing w:before="{before}" w:after="{after}"{rule}/>'


def _styles(font: str) -> list[str]:
    """The paragraph styles; sizes and spacing from :mod:`khsmodel_exporters._look`, as the
    PDF's styles of the same role (pdf/_render ``_Styles``) have them."""
    f = _esc(font).replace('"', "&quot;")
    fonts = f'<w:rFonts w:ascii="{f}" w:hAnsi="{f}" w:eastAsia="{f}" w:cs="{f}"/>'

    def size(points: float) -> str:
        half = K.half_points(points)
        return f'<w:sz w:val="{half}"/><w:szCs w:val="{half}"/>'

    bold, dark, muted = "<w:b/><w:bCs/>", f'<w:color w:val="{DARK}"/>', f'<w:color w:val="{MUTED}"/>'
    keep = "<w:keepNext/><w:keepLines/>"
    cell, tl = K.CELL_SPACE, K.TABLE_LINE
    return [
        _pstyle("Normal", "Normal", _sp(K.BODY_SPACE, K.TEXT_LINE), fonts + size(K.BODY),
                based=""),
        _pstyle("Title", "Title", f"<w:keepNext/>{_sp(K.TITLE_SPACE, 1.0)}",
                f"{bold}{dark}{size(K.TITLE)}", next_="Normal"),
        _pstyle("Subtitle", "Subtitle", f"<w:keepNext/>{_sp(K.SUBTITLE_SPACE, K.TEXT_LINE)}",
                f"{muted}{size(K.SUBTITLE)}", next_="Normal"),
        _pstyle("Heading1", "heading 1", f'{keep}{_sp(K.H1_SPACE, K.TEXT_LINE)}'
                '<w:outlineLvl w:val="0"/>', f"{bold}{dark}{size(K.H1)}", next_="Normal"),
        _pstyle("Heading2", "heading 2", f'{keep}{_sp(K.H2_SPACE, K.TEXT_LINE)}'
                '<w:outlineLvl w:val="1"/>', f"{bold}{dark}{size(K.H2)}", next_="Normal"),
        _pstyle("Heading3", "heading 3", f'{keep}{_sp(K.H3_SPACE, K.TEXT_LINE)}'
                '<w:outlineLvl w:val="2"/>', f"{bold}{dark}{size(K.H3)}", next_="Normal"),
        _pstyle(
            "Header",
            "header",
            f'<w:pBdr><w:bottom w:val="single" w:sz="4" w:space="4" w:color="{RULE}"/>'
            f'</w:pBdr><w:tabs><w:tab w:val="right" w:pos="{TEXT_W}"/></w:tabs>'
            f"{_sp((0, 0), 1.0)}",
            f"{muted}{size(K.HEADER_FOOTER)}",
        ),
        _pstyle(
            "Footer",
            "footer",
            f'<w:pBdr><w:top w:val="single" w:sz="4" w:space="2" w:color="{RULE}"/></w:pBdr>'
            f'{_sp((0, 0), 1.0)}<w:jc w:val="right"/>',
            f"{muted}{size(K.HEADER_FOOTER)}",
        ),
        _pstyle("ListBullet", "List Bullet", f"{_sp(K.LIST_SPACE, K.TEXT_LINE)}<w:contextualSpacing/>"),
        _pstyle("ListNumber", "List Number", f"{_sp(K.LIST_SPACE, K.TEXT_LINE)}<w:contextualSpacing/>"),
        _pstyle("KhsLead", "Khs Lead", _sp((6.0, 12.0), K.TEXT_LINE),
                f"<w:i/><w:iCs/>{dark}{size(K.LEAD)}", builtin=False),
        _pstyle("KhsNote", "Khs Note", _sp((0.0, 6.0), K.TEXT_LINE), f"{muted}{size(K.NOTE)}",
                builtin=False),
        _pstyle("KhsLetterhead", "Khs Letterhead", f'{_sp((0, 0), 1.0)}<w:jc w:val="right"/>',
                f"{bold}{dark}{size(K.LETTERHEAD)}", builtin=False),
        _pstyle("KhsDocType", "Khs Document Type", f"<w:keepNext/>{_sp((12.0, 10.0), K.TEXT_LINE)}",
                f"{bold}{dark}{size(K.DOC_TYPE)}", builtin=False),
        _pstyle("KhsTableText", "Khs Table Text", _sp(cell, tl), size(K.TABLE), builtin=False),
        _pstyle("KhsTableHeading", "Khs Table Heading", f"<w:keepNext/>{_sp((1.0, 1.0), tl)}",
                f"{bold}{dark}{size(K.TABLE)}", based="KhsTableText", builtin=False),
        _pstyle("KhsTableDetail", "Khs Table Detail", '<w:ind w:left="113"/>',
                f'<w:color w:val="404040"/>{size(K.TABLE_DETAIL)}', based="KhsTableText",
                builtin=False),
        _pstyle("KhsTableNote", "Khs Table Note", "", f"<w:i/><w:iCs/>{muted}{size(K.TABLE_NOTE)}",
                based="KhsTableText", builtin=False),
        _pstyle("KhsFieldLabel", "Khs Field Label", "", f"{bold}{size(K.FIELD_LABEL)}",
                based="KhsTableText", builtin=False),
        _pstyle("KhsPlainLabel", "Khs Plain Label", "", f"{bold}{muted}{size(K.PLAIN_LABEL)}",
                based="KhsTableText", builtin=False),
        _pstyle("KhsAttachmentLabel", "Khs Attachment Label", _sp((0.0, 12.0), K.TEXT_LINE),
                f"{bold}{muted}{size(K.ATTACHMENT_LABEL)}", builtin=False),
        _pstyle("KhsTimelineLabel", "Khs Timeline Label", _sp((0.0, 0.0), 1.0),
                size(K.TIMELINE), based="KhsTableText", builtin=False),
        _pstyle("KhsTimelineSmall", "Khs Timeline Small", _sp((0.0, 0.0), 1.0),
                f"{muted}{size(K.TIMELINE_SMALL)}", based="KhsTableText",
                builtin=False),
        _pstyle(
            "KhsSpacer",
            "Khs Spacer",
            '<w:spacing w:before="0" w:after="120" w:line="120" w:lineRule="exact"/>',
            size(4),
            builtin=False,
        ),
    ]


_NUMBERING = (
    f'<w:abstractNum {_NS} w:abstractNumId="{_BULLET_ABSTRACT}">'
    '<w:multiLevelType w:val="singleLevel"/><w:lvl w:ilvl="0"><w:start w:val="1"/>'
    '<w:numFmt w:val="bullet"/><w:lvlText w:val="\u2022"/><w:lvlJc w:val="left"/>'
    '<w:pPr><w:ind w:left="357" w:hanging="357"/></w:pPr></w:lvl></w:abstractNum>',
    f'<w:abstractNum {_NS} w:abstractNumId="{_NUMBER_ABSTRACT}">'
    '<w:multiLevelType w:val="singleLevel"/><w:lvl w:ilvl="0"><w:start w:val="1"/>'
    '<w:numFmt w:val="decimal"/><w:lvlText w:val="%1."/><w:lvlJc w:val="left"/>'
    '<w:pPr><w:ind w:left="425" w:hanging="425"/></w:pPr></w:lvl></w:abstractNum>',
)


def _setup(document: Any, font: str, content: Content, labels: Labels) -> None:
    """Styles, language, numbering definitions, page, header and footer."""
    # styles: replace the ones we define, set language and fonts in docDefaults
    styles = document.styles.element
    wanted = [parse_xml(x) for x in _styles(font)]
    ids = {s.get(f"{{{W}}}styleId") for s in wanted}
    for s in list(styles.iterchildren(f"{{{W}}}style")):
        sid = s.get(f"{{{W}}}styleId")
        # drop the styles we redefine, and the template's ~140 unused table styles
        # (Word offers its built-in ones anyway): a smaller, faster file
        if sid in ids or (s.get(f"{{{W}}}type") == "table" and sid not in _TABLE_STYLES):
            styles.remove(s)
    for s in wanted:
        styles.append(s)
    defaults = styles.find(f"{{{W}}}docDefaults")
    if defaults is not None:
        styles.remove(defaults)
    f = _esc(font).replace('"', "&quot;")
    lang = _esc(content.language)
    styles.insert(
        0,
        parse_xml(
            f"<w:docDefaults {_NS}><w:rPrDefault><w:rPr>"
            f'<w:rFonts w:ascii="{f}" w:hAnsi="{f}" w:eastAsia="{f}" w:cs="{f}"/>'
            f'<w:sz w:val="{K.half_points(K.BODY)}"/><w:szCs w:val="{K.half_points(K.BODY)}"/>'
            f'<w:lang w:val="{lang}" w:eastAsia="{lang}" w:bidi="ar-SA"/></w:rPr></w:rPrDefault>'
            '<w:pPrDefault><w:pPr><w:spacing w:after="120" w:line="276" w:lineRule="auto"/></w:pPr>'
            "</w:pPrDefault></w:docDefaults>"
        ),
    )

    # settings: the document's language for the theme fonts (in its place in the
    # template's settings, whose element order Word checks), no stale preview picture
    settings = document.settings.element
    for el in settings.iterchildren(
        f"{{{W}}}savePreviewPicture", f"{{{W}}}rsids", f"{{{W}}}proofState"
    ):
        settings.remove(el)
    for el in settings.iterchildren(f"{{{W}}}themeFontLang"):
        el.attrib.clear()
        el.set(f"{{{W}}}val", content.language)

    # numbering: one bullet list instance, one numbered instance per numbered list
    numbering = document.part.numbering_part.element
    first_num = next(iter(numbering.iterchildren(f"{{{W}}}num")), None)
    for x in _NUMBERING:
        el = parse_xml(x)
        if first_num is not None:
            first_num.addprevious(el)
        else:
            numbering.append(el)
    numbering.append(
        parse_xml(
            f'<w:num {_NS} w:numId="{_BULLET_NUM}"><w:abstractNumId w:val="{_BULLET_ABSTRACT}"/></w:num>'
        )
    )

    # page: A4, margins
    sect = document.sections[0]
    sect_pr = sect._sectPr
    for child in list(sect_pr):
        if child.tag in (f"{{{W}}}pgSz", f"{{{W}}}pgMar"):
            sect_pr.remove(child)
    sect_pr.insert(
        0,
        parse_xml(
            f'<w:pgMar {_NS} w:top="{MARGIN_T}" w:right="{MARGIN_R}" w:bottom="{MARGIN_B}" '
            f'w:left="{MARGIN_L}" w:header="{K.twips(K.HEADER_FROM_TOP)}" '
            f'w:footer="{K.twips(K.FOOTER_FROM_BOTTOM)}" w:gutter="0"/>'
        ),
    )
    sect_pr.insert(0, parse_xml(f'<w:pgSz {_NS} w:w="{PAGE_W}" w:h="{PAGE_H}"/>'))
    for attr in list(sect_pr.attrib):
        del sect_pr.attrib[attr]

    # header: partnership – body; footer: Side X av Y as PAGE / NUMPAGES fields
    header = sect.header._element
    for p in list(header):
        header.remove(p)
    header.append(
        parse_xml(
            f'<w:p {_NS}><w:pPr><w:pStyle w:val="Header"/></w:pPr>'
            f"{_runs([Span(content.header or content.title)])}</w:p>"
        )
    )
    footer = sect.footer._element
    for p in list(footer):
        footer.remove(p)
    footer.append(parse_xml(_footer_xml(content, labels)))
    # the first page, as in the PDF: its title stands in full on it, so no running header
    sect.different_first_page_header_footer = True
    first = sect.first_page_header._element
    for p in list(first):
        first.remove(p)
    first.append(parse_xml(f'<w:p {_NS}><w:pPr><w:spacing w:after="0"/></w:pPr></w:p>'))
    first_footer = sect.first_page_footer._element
    for p in list(first_footer):
        first_footer.remove(p)
    first_footer.append(parse_xml(_footer_xml(content, labels)))


def _number_lists(document: Any, n_numbered: Iterable[tuple[int, int]]) -> None:
    """One numbering instance per numbered list (each restarts at its own start)."""
    numbering = document.part.numbering_part.element
    for num_id, start in n_numbered:
        numbering.append(
            parse_xml(
                f'<w:num {_NS} w:numId="{num_id}"><w:abstractNumId w:val="{_NUMBER_ABSTRACT}"/>'
                f'<w:lvlOverride w:ilvl="0"><w:startOverride w:val="{start}"/></w:lvlOverride></w:num>'
            )
        )


def _field(instr: str) -> str:
    return (
        '<w:r><w:fldChar w:fldCharType="begin"/></w:r>'
        f'<w:r><w:instrText xml:space="preserve"> {instr} </w:instrText></w:r>'
        '<w:r><w:fldChar w:fldCharType="separate"/></w:r>'
        '<w:r><w:t>1</w:t></w:r><w:r><w:fldChar w:fldCharType="end"/></w:r>'
    )


def _shortened(text: str, limit: int) -> str:
    """``text`` cut at a word to about ``limit`` characters, with "…" (a footer line)."""
    text = " ".join(text.split())
    if len(text) <= limit:
        return text
    cut = text.rfind(" ", 0, limit)  # at a word boundary; the full title is on page 1
    return text[: cut if cut > 0 else limit].rstrip(" ,.;:–-") + "…"


def _footer_xml(content: Content, labels: Labels) -> str:
    """The document's title at the left, "Side X av Y" at the right, as the PDF has them."""
    return (
        f'<w:p {_NS}><w:pPr><w:pStyle w:val="Footer"/>'
        f'<w:tabs><w:tab w:val="clear" w:pos="4536"/><w:tab w:val="clear" w:pos="9072"/>'
        f'<w:tab w:val="right" w:pos="{TEXT_W}"/></w:tabs></w:pPr>'
        f"{_runs([Span(_shortened(content.title, 85))])}<w:r><w:tab/></w:r>"
        f"{_runs([Span(labels.page + ' ')])}{_field('PAGE')}"
        f"{_runs([Span(' ' + labels.page_of_word + ' ')])}{_field('NUMPAGES')}</w:p>"
    )


# ---------------------------------------------------------------- body
_TR_KEEP = "<w:tr><w:trPr><w:cantSplit/></w:trPr>"
_CELL_MAR = K.twips(K.CELL_PAD_X)  # a table cell's left and right margin (twips), as the PDF's
_CELL_MAR_Y = K.twips(K.CELL_PAD_Y)
_MAX_KEPT_LINES = 12  # rows up to about this many lines are kept on one page


def _short(cells: Iterable[Cell], widths: list[int]) -> bool:
    """True when every cell of a row surely fits in a few lines (a cheap estimate)."""
    for cell, width in zip(cells, widths, strict=False):
        per_line = max(8, width // 100)  # ~100 twips per character at 9.5 pt
        lines = 0
        for p in cell.paras:
            for s in p.spans:
                for piece in s.text.split("\n"):
                    lines += 1 + len(piece) // per_line
            if lines > _MAX_KEPT_LINES:
                return False
    return True


class _Sink(list[str]):
    """Pieces of body XML, handed to the parser in batches as they are written.

    The body of a plan of thousands of measures is tens of megabytes of XML;
    parsing it as it is written keeps only a batch of it as text at a time.
    """

    BATCH = 512

    def __init__(self, feed: Any) -> None:
        super().__init__()
        self._feed = feed
        self.written = 0

    def append(self, piece: str) -> None:
        list.append(self, piece)
        if len(self) >= self.BATCH:
            self.flush()

    def flush(self) -> None:
        if self:
            self.written += len(self)
            self._feed("".join(self))
            self.clear()


#: The rule under a document's title block, as the PDF draws it (pdf/_render ``rule``).
_RULE_PPR = (
    f'<w:pBdr><w:bottom w:val="single" w:sz="10" w:space="2" w:color="{DARK}"/></w:pBdr>'
    '<w:spacing w:after="240"/>'
)


def _rule_after(blocks: list[Block], i: int) -> bool:
    """Whether the PDF draws its rule under block ``i``: the last of title, subtitles and
    lead paragraph at the top of a document."""
    b = blocks[i]
    nxt = blocks[i + 1] if i + 1 < len(blocks) else None
    if isinstance(b, Title | Subtitle):
        return not isinstance(nxt, Subtitle) and not (isinstance(nxt, Para) and nxt.style == "lead")
    if isinstance(b, Para) and b.style == "lead":
        return i > 0 and isinstance(blocks[i - 1], Title | Subtitle)
    return False


class _Body:
    def __init__(self, out: _Sink, labels: Labels = NB, *, timeline: bool = True) -> None:
        self.out = out
        self.labels = labels
        self.timeline_wanted = timeline
        self.break_next = False
        self.bookmark_id = 0
        self.next_num = 100
        self.numbered: list[tuple[int, int]] = []
        self.rule_after = False  # the block being written ends the title block: a rule under it
        #: the rows of every table of a group (see Table.group), for widths they share
        self.groups: dict[str, list[Row | GroupRow]] = {}
        self._group_widths: dict[tuple[str, tuple[Column, ...]], list[int]] = {}
        self.wheels = _wheel.Wheels()  # a meeting plan's årshjul as pictures (_wheel)

    def p(self, style: str | None, inner: str, ppr: str = "") -> None:
        pre = ""
        if self.break_next:
            pre = "<w:pageBreakBefore/>"
            self.break_next = False
        st = f'<w:pStyle w:val="{style}"/>' if style else ""
        props = f"{st}{pre}{ppr}"
        # empty elements as lxml writes them (<w:pPr/>): the part is written as it is generated
        ppr_xml = f"<w:pPr>{props}</w:pPr>" if props else "<w:pPr/>"
        self.out.append(f"<w:p>{ppr_xml}{inner}</w:p>")

    def blocks(self, blocks: Iterable[Block], source: object = None, *, level: int = 1) -> None:
        """The blocks, and the timeline of ``source`` (an action plan) where a ``Timeline``
        block stands (before the plan's appendix of changes), else after them all."""
        items = list(blocks)
        drawn = False
        for i, b in enumerate(items):
            self.rule_after = _rule_after(items, i)
            if isinstance(b, Timeline):
                self.rule_after = False
                self.timeline(source, level=level)
                drawn = True
            else:
                self.block(b)
        self.rule_after = False
        if not drawn:
            self.timeline(source, level=level)

    def block(self, b: Block) -> None:
        if isinstance(b, Para):
            style = {
                "body": None,
                "lead": "KhsLead",
                "note": "KhsNote",
                "letterhead": "KhsLetterhead",
                "doc_type": "KhsDocType",
            }[b.style]
            self.p(style, _runs(b.spans), _RULE_PPR if self.rule_after else "")
        elif isinstance(b, Heading):
            self.bookmark_id += 1
            i = self.bookmark_id
            self.p(
                f"Heading{b.level}",
                f'<w:bookmarkStart w:id="{i}" w:name="{_esc(b.bookmark)}"/>'
                f'{_runs([Span(b.text)])}<w:bookmarkEnd w:id="{i}"/>',
            )
        elif isinstance(b, Title):
            self.p("Title", _runs([Span(b.text)]), _RULE_PPR if self.rule_after else "")
        elif isinstance(b, Subtitle):
            self.p("Subtitle", _runs([Span(b.text)]), _RULE_PPR if self.rule_after else "")
        elif isinstance(b, BulletList):
            numpr = f'<w:numPr><w:ilvl w:val="0"/><w:numId w:val="{_BULLET_NUM}"/></w:numPr>'
            for item in b.items:
                self.p("ListBullet", _runs(item), numpr)
        elif isinstance(b, NumberedList):
            num = self.next_num
            self.next_num += 1
            self.numbered.append((num, b.start))
            numpr = f'<w:numPr><w:ilvl w:val="0"/><w:numId w:val="{num}"/></w:numPr>'
            for item in b.items:
                self.p("ListNumber", _runs(item), numpr)
        elif isinstance(b, Table):
            self.table(b)
        elif isinstance(b, KeyValues):
            self.key_values(b)
        elif isinstance(b, PageBreak):
            self.break_next = True
        elif isinstance(b, Included):
            self.break_next = True
            self.p("KhsAttachmentLabel", _runs([Span(b.label)]))
            self.blocks(b.content.blocks, b.content.source, level=2)
        elif isinstance(b, YearWheel):
            self.wheels.block(b, self)

    # -- the plan's timeline: a table with a column per month (a Gantt chart in Word)
    def timeline(self, source: object, *, level: int = 1) -> None:
        """What the PDF draws as a chart, as a table: a row per measure placed by its
        dates, the months it covers filled; the measures it cannot place listed below."""
        if not (self.timeline_wanted and isinstance(source, ActionPlan)):
            return
        L = self.labels
        data = collect(source, L)
        if data.empty:
            return
        self.block(Heading(min(level, 3), L.timeline, f"khs_timeline_{self.bookmark_id + 1}"))
        label_w = TEXT_W * 2 // 5
        slots = _time_slots(data.start, data.end, TEXT_W - label_w)
        each = (TEXT_W - label_w) // len(slots)
        widths = [label_w] + [each] * len(slots)
        widths[-1] += TEXT_W - sum(widths)
        grid = (
            f'<w:tblBorders><w:top w:val="single" w:sz="4" w:space="0" w:color="{RULE}"/>'
            f'<w:bottom w:val="single" w:sz="4" w:space="0" w:color="{RULE}"/>'
            f'<w:insideH w:val="single" w:sz="2" w:space="0" w:color="{GRID_LIGHT}"/>'
            f'<w:insideV w:val="single" w:sz="2" w:space="0" w:color="{GRID_LIGHT}"/>'
            "</w:tblBorders>"
        )
        self._open_table(widths, grid)
        out = self.out
        head = f'<w:shd w:val="clear" w:color="auto" w:fill="{HEADER_FILL}"/>'
        years: list[tuple[str, int]] = []  # (the year or years, how many slots)
        for s in slots:
            year = str(s[0].year) if s[0].year == s[1].year else f"{s[0].year}–{s[1].year}"
            if years and years[-1][0] == year:
                years[-1] = (year, years[-1][1] + 1)
            else:
                years.append((year, 1))
        cells = [_tl_cell(label_w, _runs([Span(L.measure, bold=True)]), head)]
        at = 1
        for year, n in years:
            w = sum(widths[at : at + n])
            span = f'<w:gridSpan w:val="{n}"/>' if n > 1 else ""
            cells.append(
                _tl_cell(w, _runs([Span(year, bold=True)]), head + _MONTH_MAR, span, "center")
            )
            at += n
        out.append(f"<w:tr><w:trPr><w:cantSplit/><w:tblHeader/></w:trPr>{''.join(cells)}</w:tr>")
        if len(slots[0][2]) > 0:  # months or quarters named in a second header row
            cells = [_tl_cell(label_w, "", head)] + [
                _tl_cell(each, _runs([Span(s[2])]), head + _MONTH_MAR, "", "center") for s in slots
            ]
            out.append(
                f"<w:tr><w:trPr><w:cantSplit/><w:tblHeader/></w:trPr>{''.join(cells)}</w:tr>"
            )
        group_pr = (
            f'<w:tcPr><w:tcW w:w="{TEXT_W}" w:type="dxa"/><w:gridSpan w:val="{len(widths)}"/>'
            f'<w:shd w:val="clear" w:color="auto" w:fill="{PHASE_FILL}"/></w:tcPr>'
        )
        # the cell of one month, empty or filled, written once (a plan has thousands)
        month_cell = {
            fill: f'<w:tc><w:tcPr><w:tcW w:w="{each}" w:type="dxa"/>'
            + (f'<w:shd w:val="clear" w:color="auto" w:fill="{fill}"/>' if fill in (BAR, BAR_LIGHT)
               else "")
            + f'{_MONTH_MAR}</w:tcPr><w:p><w:pPr><w:pStyle w:val="KhsTimelineLabel"/>'
            + ('<w:jc w:val="center"/></w:pPr>'
               f'<w:r><w:rPr><w:color w:val="{BAR}"/></w:rPr>{_t(DIAMOND)}</w:r></w:p></w:tc>'
               if fill == DIAMOND else "</w:pPr></w:p></w:tc>")
            for fill in (None, BAR, BAR_LIGHT, DIAMOND)
        }  # fmt: skip
        for title, rows in data.groups:
            out.append(
                f"<w:tr><w:trPr><w:cantSplit/></w:trPr><w:tc>{group_pr}<w:p><w:pPr>"
                '<w:pStyle w:val="KhsTableHeading"/><w:keepNext/></w:pPr>'
                f"{_runs([Span(title, bold=True)])}</w:p></w:tc></w:tr>"
            )
            for row in rows:
                # as every text of the document: through the content's text form (t)
                label = _t_text(f"{row.number} {row.text}" if row.number else row.text)
                text = (
                    f'<w:p><w:pPr><w:pStyle w:val="KhsTimelineLabel"/></w:pPr>'
                    f"{_runs([Span(label)])}</w:p>"
                    f'<w:p><w:pPr><w:pStyle w:val="KhsTimelineSmall"/></w:pPr>'
                    f"{_runs([Span(_t_text(row.when), italic=True)])}</w:p>"
                )
                parts = [f'<w:tr><w:trPr><w:cantSplit/></w:trPr><w:tc><w:tcPr><w:tcW w:w="{label_w}" '
                         f'w:type="dxa"/></w:tcPr>{text}</w:tc>']  # fmt: skip
                parts.extend(month_cell[_tl_fill(row, first, last)] for first, last, _ in slots)
                parts.append("</w:tr>")
                out.append("".join(parts))
        self._close_table()
        self.p("KhsTimelineSmall", _legend_xml(L), '<w:spacing w:before="60" w:after="120"/>')
        groups = unresolved_groups(data)
        if groups:
            self.block(Heading(min(level + 1, 3), L.timeline_unresolved,
                               f"khs_timeline_{self.bookmark_id + 1}"))  # fmt: skip
        for title, items in groups:  # under the focus area each measure belongs to
            self.p("KhsTableHeading", _runs([Span(title, bold=True)]), "<w:keepNext/>")
            self.block(BulletList(tuple(items)))

    # -- tables
    def _open_table(self, widths: list[int], borders: str, style: str = "TableGrid") -> None:
        if self.break_next:
            self.p(None, "")
        grid = "".join(f'<w:gridCol w:w="{w}"/>' for w in widths)
        self.out.append(
            f'<w:tbl><w:tblPr><w:tblStyle w:val="{style}"/><w:tblW w:w="{sum(widths)}" '
            'w:type="dxa"/>'
            f"{borders}"
            '<w:tblLayout w:type="fixed"/>'
            f'<w:tblCellMar><w:top w:w="{_CELL_MAR_Y}" w:type="dxa"/>'
            f'<w:left w:w="{_CELL_MAR}" w:type="dxa"/><w:bottom w:w="{_CELL_MAR_Y}" w:type="dxa"/>'
            f'<w:right w:w="{_CELL_MAR}" w:type="dxa"/></w:tblCellMar>'
            '<w:tblLook w:val="04A0" w:firstRow="1" w:lastRow="0" w:firstColumn="0" '
            'w:lastColumn="0" w:noHBand="1" w:noVBand="1"/></w:tblPr>'
            f"<w:tblGrid>{grid}</w:tblGrid>"
        )

    def _close_table(self) -> None:
        self.out.append("</w:tbl>")
        # a spacer keeps tables apart (adjacent tables merge in Word) and gives air below;
        # it also keeps the body from ending in a table
        self.out.append('<w:p><w:pPr><w:pStyle w:val="KhsSpacer"/></w:pPr></w:p>')

    def _table_widths(self, t: Table) -> list[int]:
        """Column widths (twips) from what the cells hold, as the PDF's (_widths); the tables
        of one group (a plan's measure tables) share theirs, measured over all their rows."""
        key = (t.group, t.columns) if t.group else None
        if key is not None and key in self._group_widths:
            return list(self._group_widths[key])
        rows = self.groups.get(t.group, t.rows) if t.group else t.rows
        points = column_widths(t.columns, rows, TEXT_W / 20, text_width, pad=2 * _CELL_MAR / 20)
        widths = [round(w * 20) for w in points]
        widths[-1] += TEXT_W - sum(widths)
        if key is not None:
            self._group_widths[key] = widths
        return list(widths)

    def table(self, t: Table) -> None:
        widths = self._table_widths(t)
        ncols = len(widths)
        if t.style == "grid":
            borders = (
                f'<w:tblBorders><w:top w:val="single" w:sz="4" w:space="0" w:color="{RULE}"/>'
                f'<w:left w:val="single" w:sz="4" w:space="0" w:color="{RULE}"/>'
                f'<w:bottom w:val="single" w:sz="4" w:space="0" w:color="{RULE}"/>'
                f'<w:right w:val="single" w:sz="4" w:space="0" w:color="{RULE}"/>'
                f'<w:insideH w:val="single" w:sz="4" w:space="0" w:color="{RULE}"/>'
                f'<w:insideV w:val="single" w:sz="4" w:space="0" w:color="{RULE}"/></w:tblBorders>'
            )
            head_fill = f'<w:shd w:val="clear" w:color="auto" w:fill="{HEADER_FILL}"/>'
        else:
            borders = (
                '<w:tblBorders><w:top w:val="nil"/><w:left w:val="nil"/>'
                f'<w:bottom w:val="single" w:sz="12" w:space="0" w:color="{DARK}"/>'
                '<w:right w:val="nil"/><w:insideH w:val="nil"/><w:insideV w:val="nil"/>'
                "</w:tblBorders>"
            )
            head_fill = ""
        self._open_table(widths, borders)
        tcpr = [f'<w:tcPr><w:tcW w:w="{w}" w:type="dxa"/></w:tcPr>' for w in widths]
        head_tcpr = [f'<w:tcPr><w:tcW w:w="{w}" w:type="dxa"/>{head_fill}</w:tcPr>' for w in widths]
        out = self.out
        # header row, repeated on every page
        head_style = "KhsPlainLabel" if t.style == "plain" else "KhsTableHeading"
        cells = "".join(
            f'<w:tc>{head_tcpr[i]}<w:p><w:pPr><w:pStyle w:val="{head_style}"/></w:pPr>'
            f"{_runs([Span(c.label)])}</w:p></w:tc>"
            for i, c in enumerate(t.columns)
        )
        out.append(f"<w:tr><w:trPr><w:cantSplit/><w:tblHeader/></w:trPr>{cells}</w:tr>")
        span_pr = (
            f'<w:tcPr><w:tcW w:w="{TEXT_W}" w:type="dxa"/><w:gridSpan w:val="{ncols}"/>'
            f'<w:shd w:val="clear" w:color="auto" w:fill="{PHASE_FILL}"/></w:tcPr>'
        )
        group_pr = (
            f'<w:tcPr><w:tcW w:w="{TEXT_W}" w:type="dxa"/><w:gridSpan w:val="{ncols}"/>'
            f'<w:shd w:val="clear" w:color="auto" w:fill="{GROUP_FILL}"/></w:tcPr>'
        )
        styles = {"text": "KhsTableText", "detail": "KhsTableDetail", "note": "KhsTableNote"}
        for row in t.rows:
            if isinstance(row, GroupRow):
                phase = row.kind == "phase"
                pr = span_pr if phase else group_pr
                text = _runs([Span(row.text, bold=True, italic=not phase)])  # as in the PDF
                out.append(
                    f'<w:tr><w:trPr><w:cantSplit/></w:trPr><w:tc>{pr}<w:p><w:pPr><w:pStyle w:val="KhsTableHeading"/>'
                    f"<w:keepNext/></w:pPr>{text}</w:p></w:tc></w:tr>"
                )
                continue
            # short rows stay on one page; a row taller than a page must be allowed to split
            # (Word clips an unsplittable row that does not fit)
            parts = [_TR_KEEP if _short(row.cells, widths) else "<w:tr>"]
            for i, cell in enumerate(row.cells):
                parts.append(f"<w:tc>{tcpr[i]}{self._cell(cell, styles)}</w:tc>")
            parts.append("</w:tr>")
            out.append("".join(parts))
        self._close_table()

    @staticmethod
    def _cell(cell: Cell, styles: dict[str, str]) -> str:
        if not cell.paras:
            return '<w:p><w:pPr><w:pStyle w:val="KhsTableText"/></w:pPr></w:p>'
        return "".join(
            f'<w:p><w:pPr><w:pStyle w:val="{styles[p.style]}"/></w:pPr>{_runs(p.spans)}</w:p>'
            for p in cell.paras
        )

    def key_values(self, kv: KeyValues) -> None:
        cols = max(1, kv.columns)
        # each label column as wide as its longest label, within reason (as in the PDF)
        widths = []
        for c in range(cols):
            labels = [f"{f.label}:" for f in kv.fields[c::cols] if f.label]
            widest = max((text_width(x, True, K.FIELD_LABEL) for x in labels), default=0.0)
            label_w = min(max(widest + 2 * _CELL_MAR / 20 + 2, 50.0), TEXT_W / 20 / cols * 0.45)
            widths += [round(label_w * 20), TEXT_W // cols - round(label_w * 20)]
        widths[-1] += TEXT_W - sum(widths)
        borders = (
            '<w:tblBorders><w:top w:val="nil"/><w:left w:val="nil"/><w:bottom w:val="nil"/>'
            '<w:right w:val="nil"/><w:insideH w:val="nil"/><w:insideV w:val="nil"/></w:tblBorders>'
        )
        self._open_table(widths, borders)
        fields = list(kv.fields)
        for start in range(0, len(fields), cols):
            row = fields[start : start + cols]
            row += [row[0].__class__("", ())] * (cols - len(row))
            parts = ["<w:tr>"]
            for i, fld in enumerate(row):
                label = f"{fld.label}:" if fld.label else ""
                parts.append(
                    f'<w:tc><w:tcPr><w:tcW w:w="{widths[2 * i]}" w:type="dxa"/></w:tcPr>'
                    f'<w:p><w:pPr><w:pStyle w:val="KhsFieldLabel"/></w:pPr>{_runs([Span(label)])}'
                    "</w:p></w:tc>"
                )
                lines = fld.lines or ("",)
                paras = "".join(
                    f'<w:p><w:pPr><w:pStyle w:val="KhsTableText"/></w:pPr>{_runs([Span(x)])}</w:p>'
                    for x in lines
                )
                parts.append(
                    f'<w:tc><w:tcPr><w:tcW w:w="{widths[2 * i + 1]}" w:type="dxa"/></w:tcPr>'
                    f"{paras}</w:tc>"
                )
            parts.append("</w:tr>")
            self.out.append("".join(parts))
        self._close_table()


def _tl_cell(width: int, inner: str, shd: str = "", span: str = "", jc: str = "") -> str:
    """A header cell of the timeline table."""
    align = f'<w:jc w:val="{jc}"/>' if jc else ""
    return (
        f'<w:tc><w:tcPr><w:tcW w:w="{width}" w:type="dxa"/>{span}{shd}</w:tcPr>'
        f'<w:p><w:pPr><w:pStyle w:val="KhsTableHeading"/>{align}</w:pPr>{inner}</w:p></w:tc>'
    )


#: The narrowest a timeline column may be (twips), by its length in months: a month's
#: letter, "K1", "2016" (month cells have no side margins; see _MONTH_MAR).
_SLOT_MIN_W = {1: 150, 3: 300, 12: 420}
#: Word's limit of grid columns in a table, less the label column.
_MAX_SLOTS = 60
#: No side margins in the month cells: a 36-month plan's columns are narrow.
_MONTH_MAR = '<w:tcMar><w:left w:w="0" w:type="dxa"/><w:right w:w="0" w:type="dxa"/></w:tcMar>'


def _time_slots(start: dt.date, end: dt.date, room: int) -> list[tuple[dt.date, dt.date, str]]:
    """The columns of the timeline in ``room`` twips: months, else quarters, else years,
    else spans of several years, the first that leave each column wide enough to read.

    Each is (first day, last day, its name in the second header row, "" for none).
    """
    n = months(start, end)
    step = 12 * max(1, -(-n * _SLOT_MIN_W[12] // (12 * room)))  # years, several if need be
    for candidate in (1, 3, 12):
        count = -(-(n + candidate - 1) // candidate)  # at most, once aligned to the step
        if count <= _MAX_SLOTS and room // max(count, 1) >= _SLOT_MIN_W[candidate]:
            step = candidate
            break
    while -(-(n + step - 1) // step) > _MAX_SLOTS:
        step += 12
    names = "jfmamjjasond"
    out = []
    y, m = start.year, start.month - (start.month - 1) % min(step, 12)
    if step > 12:
        m = 1
    while dt.date(y, m, 1) <= end:
        first = dt.date(y, m, 1)
        ny, nm = (y + (m + step - 1) // 12, (m + step - 1) % 12 + 1)
        last = dt.date(ny, nm, 1) - dt.timedelta(days=1)
        name = names[m - 1] if step == 1 else (f"K{(m - 1) // 3 + 1}" if step == 3 else "")
        out.append((first, last, name))
        y, m = ny, nm
    return out


#: The PDF chart's diamond: a date (one day, or a deadline "innen").
DIAMOND = "\u2666"


def _tl_fill(row: _TimelineRow, first: dt.date, last: dt.date) -> str | None:
    """One month of a measure's row, as the PDF chart draws it: BAR (a period covers the
    month), BAR_LIGHT (started, no end given), DIAMOND (a day or a deadline), or None."""
    if row.start is not None and row.end is not None:
        if row.start == row.end:  # one day
            return DIAMOND if first <= row.start <= last else None
        lo, hi = min(row.start, row.end), max(row.start, row.end)
        return BAR if lo <= last and hi >= first else None
    if row.start is not None:  # open end: from its start on
        return BAR_LIGHT if row.start <= last else None
    assert row.end is not None  # a deadline: the month it falls in
    return DIAMOND if first <= row.end <= last else None


def _legend_xml(labels: Labels) -> str:
    """The timeline's legend, as under the PDF chart: a bar, a light bar, a diamond."""

    def swatch(fill: str) -> str:
        return (f'<w:r><w:rPr><w:shd w:val="clear" w:color="auto" w:fill="{fill}"/></w:rPr>'
                '<w:t xml:space="preserve">      </w:t></w:r>')  # fmt: skip

    gap = '<w:r><w:t xml:space="preserve">      </w:t></w:r>'
    return (
        f"{swatch(BAR)}{_runs([Span(' ' + labels.timeline_period)])}{gap}"
        f"{swatch(BAR_LIGHT)}{_runs([Span(' ' + labels.timeline_open)])}{gap}"
        f'<w:r><w:rPr><w:color w:val="{BAR}"/></w:rPr>{_t(DIAMOND)}</w:r>'
        f"{_runs([Span(' ' + labels.timeline_date)])}"
    )


# ---------------------------------------------------------------- package
class _FixedZip:
    """A PhysPkgWriter stand-in: fixed timestamps and permissions, so bytes depend on content."""

    def __init__(self, buf: io.BytesIO) -> None:
        self._zip = zipfile.ZipFile(buf, "w", compression=zipfile.ZIP_DEFLATED)

    def write(self, pack_uri: Any, blob: bytes) -> None:
        info = zipfile.ZipInfo(pack_uri.membername, date_time=(1980, 1, 1, 0, 0, 0))
        info.compress_type = zipfile.ZIP_DEFLATED
        info.external_attr = 0o644 << 16
        self._zip.writestr(info, blob)

    def write_stream(self, pack_uri: Any, fill: Callable[[Callable[[bytes], Any]], None]) -> None:
        """A member written piece by piece by ``fill(write)`` (the same bytes as ``write``)."""
        info = zipfile.ZipInfo(pack_uri.membername, date_time=(1980, 1, 1, 0, 0, 0))
        info.compress_type = zipfile.ZIP_DEFLATED
        info.external_attr = 0o644 << 16
        with self._zip.open(info, "w") as member:
            fill(member.write)

    def close(self) -> None:
        self._zip.close()


MainWriter = Callable[[Callable[[bytes], Any]], None]


def _save(document: Any, main: MainWriter) -> bytes:
    """The package, with the main document part written by ``main(write)``."""
    package = document.part.package
    buf = io.BytesIO()
    try:
        from docx.opc.pkgwriter import PackageWriter

        parts = list(package.iter_parts())
        writer: Any = _FixedZip(buf)
        pw: Any = PackageWriter
        pw._write_content_types_stream(writer, parts)
        pw._write_pkg_rels(writer, package.rels)
        for part in parts:  # PackageWriter._write_parts, with our main part
            if part is document.part:
                writer.write_stream(part.partname, main)
            else:
                writer.write(part.partname, part.blob)
            if len(part.rels):
                writer.write(part.partname.rels_uri, part.rels.xml)
        writer.close()
        return buf.getvalue()
    except AttributeError:  # pragma: no cover - python-docx changed its private writer
        xml = io.BytesIO()
        main(xml.write)
        document.part._element = parse_xml(xml.getvalue())
        raw = io.BytesIO()
        document.save(raw)
        out = io.BytesIO()
        writer = _FixedZip(out)
        with zipfile.ZipFile(raw) as z:
            for name in z.namelist():
                writer._zip.writestr(_fixed_info(name), z.read(name))
        writer.close()
        return out.getvalue()


def _fixed_info(name: str) -> zipfile.ZipInfo:  # pragma: no cover - fallback only
    info = zipfile.ZipInfo(name, date_time=(1980, 1, 1, 0, 0, 0))
    info.compress_type = zipfile.ZIP_DEFLATED
    info.external_attr = 0o644 << 16
    return info


def _drop_parts(document: Any) -> None:
    """Drop the template's thumbnail, app.xml and stale stylesWithEffects."""
    package = document.part.package
    for rel in list(package.rels.values()):
        if rel.reltype in (RT.THUMBNAIL, RT.EXTENDED_PROPERTIES):
            package.rels.pop(rel.rId)
    part_rels = document.part.rels
    for rel in list(part_rels.values()):
        if rel.reltype.endswith("/stylesWithEffects") or rel.reltype == RT.WEB_SETTINGS:
            part_rels.pop(rel.rId)


def _properties(document: Any, content: Content, created: dt.datetime | None) -> None:
    cp = document.core_properties
    cp.title = content.title[:255]
    cp.subject = content.subject[:255]
    cp.author = content.author[:255]
    cp.language = content.language
    cp.comments = ""
    cp.keywords = "; ".join(content.keywords)
    cp.last_modified_by = ""
    cp.category = ""
    cp.revision = 1
    when = created
    if when is None and content.date is not None:
        when = dt.datetime(content.date.year, content.date.month, content.date.day, tzinfo=dt.UTC)
    el = cp._element
    if when is not None:
        cp.created = when
        cp.modified = when
    else:
        for tag in ("created", "modified"):
            for child in el.findall(f"{{http://purl.org/dc/terms/}}{tag}"):
                el.remove(child)


_BODY_MARK = "KHSMODEL-BODY"


def _numbered_lists(blocks: Iterable[Block], first: int = 100) -> list[tuple[int, int]]:
    """(numbering id, start) of each numbered list, in the order :class:`_Body` meets them."""
    found: list[tuple[int, int]] = []

    def walk(items: Iterable[Block]) -> None:
        for b in items:
            if isinstance(b, NumberedList):
                found.append((first + len(found), b.start))
            elif isinstance(b, Included):
                walk(b.content.blocks)

    walk(blocks)
    return found


def _collect_groups(content: Content, groups: dict[str, list[Row | GroupRow]]) -> None:
    """The rows of the tables of each group, attached documents included."""
    for b in content.blocks:
        if isinstance(b, Table) and b.group:
            groups.setdefault(b.group, []).extend(b.rows)
        elif isinstance(b, Included):
            _collect_groups(b.content, groups)


def render(
    content: Content,
    *,
    font: str = K.FONT,
    created: dt.datetime | None = None,
    labels: Labels = NB,
    timeline: bool = True,
) -> bytes:
    """The .docx bytes of ``content`` (``labels``: the words of the page furniture;
    ``timeline``: an action plan's timeline table at its end)."""
    document = _new_document()
    _drop_parts(document)
    _setup(document, font, content, labels)
    numbered = _numbered_lists(content.blocks)
    _number_lists(document, numbered)
    _properties(document, content, created)
    # The main part is written, not parsed: the XML python-docx would write for the
    # document element, cut where the body goes, and the body as it is generated,
    # straight into the zip. A big body never becomes an lxml tree (ten times its size).
    root = document.element
    target = root.body
    for child in list(target):
        if child.tag != f"{{{W}}}sectPr":
            target.remove(child)
    target.insert(0, etree.Comment(_BODY_MARK))
    head, tail = serialize_part_xml(root).split(f"<!--{_BODY_MARK}-->".encode())
    wheels = _wheel.prepare(document, content)  # the pictures' parts, before the body

    def write_main(write: Callable[[bytes], Any]) -> None:
        write(head)
        out = _Sink(lambda text: write(text.encode("utf-8")))
        body = _Body(out, labels, timeline=timeline)
        body.wheels = wheels
        _collect_groups(content, body.groups)
        body.blocks(content.blocks, content.source)
        if not (out or out.written):
            body.p(None, "")
        out.flush()
        write(tail)
        if body.numbered != numbered:  # pragma: no cover - the two walks must agree
            raise AssertionError(f"numbered lists {body.numbered} != {numbered}")

    return _save(document, write_main)
