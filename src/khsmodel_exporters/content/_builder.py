"""The builder every document kind writes its blocks with: the blocks so far, the labels, the
embedded partnership (to print a body's or party's name for its id), and the pieces several
kinds print alike (a decision, priority groups, links, a period)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

from khsmodel._base import Block as SourceBlock
from khsmodel._base import ItemList, Paragraph, Period
from khsmodel.agreements import PriorityGroup
from khsmodel.decisions import Decision
from khsmodel.labels import Labels
from khsmodel.partnerships import Partnership
from khsmodel.plans import ActionPlan

from ._text import _join, _p, _paragraph_spans, _s, styled, t
from .blocks import (
    Block,
    BulletList,
    Cell,
    CellPara,
    Heading,
    NumberedList,
    Para,
    ParaStyle,
    Span,
    Spans,
    _cell,
    _cell_para,
    _span,
)

__all__ = ["Builder"]

_SPACE = Span(" ")


class Builder:
    """The blocks of one document (``prefix`` keeps the bookmarks of an included one
    unique) and what writing them needs."""

    def __init__(
        self,
        labels: Labels,
        partnership: Partnership | None,
        prefix: str = "",
        *,
        numbering: bool | None = None,
        plain_text: bool = False,
    ) -> None:
        self.L = labels
        self.partnership = partnership
        self.prefix = prefix
        #: None: measure numbers as the source writes them (its labels); True: every
        #: measure numbered ("2.4"); False: none
        self.numbering = numbering
        #: True: no string of the document holds a character :func:`t` changes or looks at
        #: (the text check found none), so its strings are shown as they are
        self.plain_text = plain_text
        self._n = 0
        self.blocks: list[Block] = []
        #: A cell of one plain text, kept per text: a plan repeats its responsibles,
        #: timeframes and statuses, and a cell is immutable, so one serves every row.
        self.text_cells: dict[str, Cell] = {}

        #: The same for a measure's detail paragraph, a date in words, a measure's
        #: number as spans.
        self._detail_paras: dict[str, CellPara] = {}
        self._dates: dict[dt.date, str] = {}
        self._numbers: dict[str, Spans] = {}
        #: A cell without text.
        self.empty_cell = Cell((CellPara(()),))

    def text_cell(self, text: str) -> Cell:
        """The table cell of one plain paragraph ``text`` (a user string, see :func:`t`)."""
        cell = self.text_cells.get(text)
        if cell is None:
            cell = self.text_cells[text] = _cell((_cell_para((_span(t(text)),)),))
        return cell

    def detail_para(self, text: str) -> CellPara:
        """A measure's detail line ``text`` (a user string) as a cell paragraph."""
        para = self._detail_paras.get(text)
        if para is None:
            para = self._detail_paras[text] = _cell_para(_s(text), "detail")
        return para

    def date(self, day: dt.date) -> str:
        """``day`` in words (:meth:`Labels.date`)."""
        text = self._dates.get(day)
        if text is None:
            text = self._dates[day] = self.L.date(day)
        return text

    def number_spans(self, number: str) -> Spans:
        """A measure's ``number`` before its text: bold, and a space after it."""
        spans = self._numbers.get(number)
        if spans is None:
            spans = self._numbers[number] = (*styled(number, bold=True), _SPACE)
        return spans

    # -- lookups into the embedded partnership (ids are printed as they are otherwise)
    def body_label(self, body_id: str | None) -> str | None:
        if body_id is None:
            return None
        b = self.partnership.body(body_id) if self.partnership else None
        return t(b.label) if b else t(body_id)

    def body_name(self, body_id: str | None) -> str | None:
        if body_id is None:
            return None
        b = self.partnership.body(body_id) if self.partnership else None
        return t(b.name) if b else t(body_id)

    def known_body_name(self, body_id: str | None) -> str | None:
        """The body's name when the embedded partnership knows it (never a bare id)."""
        return known_body_name(self.partnership, body_id)

    def party_name(self, party_id: str | None) -> str | None:
        if party_id is None:
            return None
        p = self.partnership.party(party_id) if self.partnership else None
        return t(p.name) if p else t(party_id)

    # -- emitting
    def add(self, block: Block) -> None:
        self.blocks.append(block)

    def heading(self, level: int, text: str) -> None:
        self._n += 1
        self.add(Heading(min(max(level, 1), 3), text, f"{self.prefix}h{self._n}"))

    def para(self, text: str | None, style: ParaStyle = "body") -> None:
        if text:
            self.add(_p(text, style))

    def text_blocks(self, blocks: Sequence[SourceBlock]) -> None:
        for b in blocks:
            if isinstance(b, Paragraph):
                self.add(Para(_paragraph_spans(b), "body") if b.emphasis else _p(b.text))
            elif isinstance(b, ItemList):
                items = tuple(_s(i) for i in b.items)
                if b.ordered:
                    self.add(NumberedList(items, b.start))
                else:
                    self.add(BulletList(items))

    def period(self, p: Period | None) -> str | None:
        if p is None:
            return None
        if p.text:
            return t(p.text)
        ev = t(p.end_event.name) if p.end_event else None
        return self.L.period_text(p.start, p.end, end_event=ev)

    def decision(self, d: Decision, level: int, *, heading: bool = True) -> None:
        L = self.L
        if heading:
            title = t(d.heading) if d.heading else L.decision_kinds[d.kind]
            meta = _join(
                [
                    self.body_label(d.body),
                    L.date(d.date) if d.date else None,
                    f"{L.case_word} {t(d.case_number.text)}" if d.case_number else None,
                ]
            )
            self.heading(level, f"{title} ({meta})" if meta else title)
        self.para(d.text)
        if d.items:
            self.add(NumberedList(tuple(_s(i) for i in d.items)))
        notes = []
        if d.unanimous is True:
            notes.append(L.unanimous)
        elif d.unanimous is False:
            notes.append(L.not_unanimous)
        if d.votes:
            notes.append(L.votes_text(d.votes.in_favour, d.votes.against, d.votes.abstained))
        if notes:
            self.para(". ".join(notes) + ".", "note")

    def priority_groups(
        self, groups: Sequence[PriorityGroup], text: str | None, level: int
    ) -> None:
        if not groups and not text:
            return
        self.heading(level, self.L.priority_groups)
        self.para(text)
        if groups:
            self.add(BulletList(tuple(_s(g.text) for g in groups)))

    def links(self, links: Sequence[object], level: int) -> None:
        from khsmodel._base import Link

        items = []
        for link in links:
            assert isinstance(link, Link)
            spans: list[Span] = [Span(t(link.title))]
            if link.description:
                spans.append(Span(f" – {t(link.description)}"))
            if link.url:
                spans += (Span("\n"), *styled(t(link.url), italic=True))
            items.append(tuple(spans))
        if items:
            self.heading(level, self.L.links)
            self.add(BulletList(tuple(items)))


def plan_body_name(plan: ActionPlan, partnership: Partnership | None) -> str | None:
    """The body a plan is of: its owner, else the body of its first adoption, when
    ``partnership`` names it."""
    first = plan.adoptions[0] if plan.adoptions else None
    return known_body_name(partnership, plan.owner) or (
        known_body_name(partnership, first.body) if first else None
    )


def running_header(partnership_name: str, body: str | None) -> str:
    """The running header: the partnership and the body ("Kommunehelsesamarbeidet –
    Overordnet samarbeidsutvalg"), the body left out when unknown or the same name;
    empty when neither is known (the caller then uses the title)."""
    return _join([partnership_name, body if body and body != partnership_name else None], " – ")

def known_body_name(partnership: Partnership | None, body_id: str | None) -> str | None:
    """The body's name when ``partnership`` knows it (never a bare id)."""
    b = partnership.body(body_id) if partnership and body_id else None
    return t(b.name) if b else None
