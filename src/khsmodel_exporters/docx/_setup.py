"""The document around the body: styles, language, numbering, page, header and footer."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from docx.oxml import parse_xml

from khsmodel.labels import Labels

from .. import _look as K
from ..content import Content, Span
from ._styles import (
    _BULLET_ABSTRACT,
    _BULLET_NUM,
    _NUMBER_ABSTRACT,
    _NUMBERING,
    _TABLE_STYLES,
    _styles,
)
from ._xml import (
    _NS,
    MARGIN_B,
    MARGIN_L,
    MARGIN_R,
    MARGIN_T,
    PAGE_H,
    PAGE_W,
    TEXT_W,
    W,
    _esc,
    _runs,
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
