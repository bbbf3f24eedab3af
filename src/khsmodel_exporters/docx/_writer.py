"""The body being written: XML pieces fed to the zip in batches (:class:`_Sink`) and
the writer's state and paragraphs (:class:`_Writer`), which the tables, the timeline
and the blocks (:mod:`._body`) build on."""

from __future__ import annotations

from abc import ABC, abstractmethod
from typing import Any

from khsmodel.labels import NB, Labels

from ..content import Block, Column, GroupRow, Row
from . import _wheel


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


class _Writer(ABC):
    """Where the body goes and what has been written so far (numbering, bookmarks,
    the widths the tables of a group share)."""

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

    @abstractmethod
    def block(self, b: Block) -> None:
        """Write one block of the content (:class:`._body._Body`)."""
