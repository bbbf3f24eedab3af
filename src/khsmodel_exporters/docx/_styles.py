"""The paragraph styles and the list numbering definitions of the Word document."""

from __future__ import annotations

from .. import _look as K
from ._xml import _NS, DARK, MUTED, RULE, TEXT_W, _esc

_TABLE_STYLES = ("TableNormal", "TableGrid")
_BULLET_ABSTRACT = 90
_NUMBER_ABSTRACT = 91
_BULLET_NUM = 90


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
