"""The blocks of the content as WordprocessingML paragraphs, tables and lists."""

from __future__ import annotations

from collections.abc import Iterable

from ..content import (
    Block,
    BulletList,
    Heading,
    Included,
    KeyValues,
    NumberedList,
    PageBreak,
    Para,
    Span,
    StatusChart,
    Subtitle,
    Table,
    Timeline,
    Title,
    YearWheel,
)
from ._styles import _BULLET_NUM
from ._timeline import _Timeline
from ._xml import DARK, _esc, _runs

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

class _Body(_Timeline):
    """The body of the document, block by block."""

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
        elif isinstance(b, StatusChart):  # a status report's bar chart, as a picture
            self.wheels.chart(b, self)
