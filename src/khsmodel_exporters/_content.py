"""Format-neutral content of a document: what a reader sees, decided once for every format.

Document exporters (Word now, PDF next) do not walk the model themselves.
They call :func:`build` and render the :class:`Content` it returns, a flat
sequence of typed blocks. Everything a reader sees — which headings exist,
their order and level, the Norwegian labels, dates as "8. februar 2016", which
table has which columns, where a phase row goes, the adoption line — is
decided here; a renderer only decides how a block looks (fonts, spacing,
borders) and how its format expresses it (Word fields, PDF outline).

Blocks (all frozen dataclasses):

=================  ===================================================================
:class:`Title`      the document title (one per document; Word style "Title")
:class:`Subtitle`   a line under the title: partnership, period, agreement level
:class:`Heading`    ``level`` 1–3, ``text``, a unique ``bookmark`` name (Word bookmark,
                    PDF outline key); renderers put headings in the navigation pane
:class:`Para`       a paragraph of :class:`Span` runs; ``style`` is one of
                    ``body``, ``lead`` (adoption line), ``note`` (small, muted),
                    ``letterhead`` (lines of a case system's letterhead),
                    ``doc_type`` ("SAKSFRAMLEGG")
:class:`BulletList` items, each a tuple of spans
:class:`NumberedList` items and the first number ``start``
:class:`KeyValues`  the heading block of a case or a meeting: labelled fields
                    (``Saksbehandler``, ``Arkivsak``, ``Dato`` …) laid out in
                    ``columns`` columns, label bold, each value possibly several lines
:class:`Table`      ``columns`` (label + relative width), ``rows``; a row is a
                    :class:`Row` of :class:`Cell` (each cell a tuple of
                    :class:`CellPara`, style ``text`` / ``detail`` / ``note``) or a
                    :class:`GroupRow` spanning all columns (``phase`` rows such as
                    "Fase 1", ``group`` rows for a shared measure heading).
                    ``style`` is ``grid`` (measure tables, lists of parties; header
                    row repeated on every page) or ``plain`` (the saksframlegg's
                    Utvalg / Saksnr. / Møtedato line)
:class:`PageBreak`  start a new page
:class:`Included`   a document of the model attached to this one (the action plan
                    attached to a case): ``label`` ("Vedlegg 1 til sak 2/2016") and
                    its own :class:`Content`; renderers start it on a new page
=================  ===================================================================

Text rules: every user string keeps its characters. ``\\r\\n`` and ``\\r``
become ``\\n``; a ``\\n`` inside a span is a line break (Word ``<w:br/>``,
PDF ``<br/>``), a tab stays a tab. A string holding an unterminated bidi
embedding or override (U+202A–U+202E, U+2066–U+2068) gets the matching
terminators appended so it cannot reorder the text after it. Renderers must
escape text for their format (``<`` and ``&`` are text).

Unwritable characters are rejected before building: :func:`build` calls
:func:`khsmodel_exporters._safety.check_text`, so a renderer never sees
``\\x0b`` and friends. Use it like this::

    content = build(doc)          # KhsModelError with the field path on bad text
    for block in content.blocks:  # render each block
        ...

``Content`` also carries the document metadata every format needs: title,
subject, author, the running header text, the language tag, and a date for the
file's properties (None when the document has no date).
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Literal

from khsmodel._base import Block, EmphasisKind, ItemList, Paragraph, PartialDate, Period
from khsmodel.agreements import STATUTORY_ITEMS, Agreement, PriorityGroup
from khsmodel.cases import CaseDocument
from khsmodel.decisions import Decision
from khsmodel.documents import Document
from khsmodel.errors import KhsModelError
from khsmodel.labels import NB, Labels
from khsmodel.meetingplans import MeetingPlan
from khsmodel.meetings import Meeting
from khsmodel.parties import Person
from khsmodel.partnerships import Body, MembershipRole, Partnership
from khsmodel.plans import ActionPlan, FocusArea, Measure
from khsmodel.status import StatusReport

from ._safety import XML_ILLEGAL, check_text

__all__ = [
    "Block_",
    "BulletList",
    "Cell",
    "CellPara",
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
    "Row",
    "Span",
    "Subtitle",
    "Table",
    "Title",
    "build",
    "iter_text",
]

ParaStyle = Literal["body", "lead", "note", "letterhead", "doc_type"]
CellStyle = Literal["text", "detail", "note"]


# ---------------------------------------------------------------- block types
@dataclass(frozen=True, slots=True)
class Span:
    """A run of text, optionally bold or italic. ``\\n`` is a line break."""

    text: str
    bold: bool = False
    italic: bool = False


Spans = tuple[Span, ...]


@dataclass(frozen=True, slots=True)
class Title:
    text: str


@dataclass(frozen=True, slots=True)
class Subtitle:
    text: str


@dataclass(frozen=True, slots=True)
class Heading:
    level: int
    text: str
    bookmark: str


@dataclass(frozen=True, slots=True)
class Para:
    spans: Spans
    style: ParaStyle = "body"


@dataclass(frozen=True, slots=True)
class BulletList:
    items: tuple[Spans, ...]


@dataclass(frozen=True, slots=True)
class NumberedList:
    items: tuple[Spans, ...]
    start: int = 1


@dataclass(frozen=True, slots=True)
class Field:
    label: str
    lines: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class KeyValues:
    fields: tuple[Field, ...]
    columns: int = 1


@dataclass(frozen=True, slots=True)
class Column:
    label: str
    width: float  # relative; renderers scale to the text width


@dataclass(frozen=True, slots=True)
class CellPara:
    spans: Spans
    style: CellStyle = "text"


@dataclass(frozen=True, slots=True)
class Cell:
    paras: tuple[CellPara, ...]


@dataclass(frozen=True, slots=True)
class Row:
    cells: tuple[Cell, ...]


@dataclass(frozen=True, slots=True)
class GroupRow:
    text: str
    kind: Literal["phase", "group"] = "group"


@dataclass(frozen=True, slots=True)
class Table:
    columns: tuple[Column, ...]
    rows: tuple[Row | GroupRow, ...]
    style: Literal["grid", "plain"] = "grid"
    #: Tables of one group (the measure tables of one plan) share their column widths, so
    #: the columns do not move from one focus area to the next.
    group: str | None = None


@dataclass(frozen=True, slots=True)
class PageBreak:
    pass


@dataclass(frozen=True, slots=True)
class Included:
    label: str
    content: Content


Block_ = (
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
)


@dataclass(frozen=True, slots=True)
class Content:
    """What a document exporter renders: metadata and blocks."""

    kind: str
    title: str
    subject: str
    author: str
    header: str
    blocks: tuple[Block_, ...]
    language: str = "nb-NO"
    date: dt.date | None = None
    keywords: tuple[str, ...] = field(default=())
    #: The document this content was built from (a renderer may draw more from it,
    #: e.g. the PDF timeline of a plan). Not part of equality.
    source: Document | None = field(default=None, compare=False, repr=False)


# ---------------------------------------------------------------- text helpers
_BIDI_OPEN = re.compile("[\u202a-\u202e\u2066-\u2069]")


def _bidi_close(text: str) -> str:
    embed = isolate = 0
    for ch in text:
        if ch in "\u202a\u202b\u202d\u202e":
            embed += 1
        elif ch == "\u202c":
            embed = max(0, embed - 1)
        elif ch in "\u2066\u2067\u2068":
            isolate += 1
        elif ch == "\u2069":
            isolate = max(0, isolate - 1)
    return text + "\u202c" * embed + "\u2069" * isolate


def _newlines(text: str) -> str:
    """``\\r\\n`` and ``\\r`` as ``\\n``."""
    if "\r" in text:
        return text.replace("\r\n", "\n").replace("\r", "\n")
    return text


def t(text: str) -> str:
    """A user string ready for any renderer: line breaks as ``\\n``, bidi overrides closed."""
    text = _newlines(text)
    if _BIDI_OPEN.search(text) is not None:
        text = _bidi_close(text)
    return text


def _s(text: str, *, bold: bool = False, italic: bool = False) -> Spans:
    return (Span(t(text), bold, italic),)


def _p(text: str, style: ParaStyle = "body") -> Para:
    return Para(_s(text), style)


def _paragraph_spans(p: Paragraph) -> Spans:
    """A paragraph's runs: plain text between its emphasised words (italic, bold or both).

    Line breaks are normalised as :func:`t` does (a ``\r\n`` cut by a range
    boundary is still one break); an unterminated bidi embedding is closed at
    the end of the paragraph, not at the end of each run, so it keeps the
    words of the runs that follow it.
    """
    pieces: list[tuple[str, bool, bool]] = []
    pos = 0
    for e in p.emphasis:
        if e.start > pos:
            pieces.append((p.text[pos : e.start], False, False))
        kind = e.kind
        pieces.append(
            (
                p.text[e.start : e.end],
                kind is not EmphasisKind.ITALIC,
                kind is not EmphasisKind.BOLD,
            )
        )
        pos = e.end
    if pos < len(p.text):
        pieces.append((p.text[pos:], False, False))
    runs: list[tuple[str, bool, bool]] = []
    for i, (text, bold, italic) in enumerate(pieces):
        if text.endswith("\r") and i + 1 < len(pieces) and pieces[i + 1][0].startswith("\n"):
            text = text[:-1]  # the \n that follows makes the break
        if text:
            runs.append((_newlines(text), bold, italic))
    closers = t(p.text)[len(_newlines(p.text)) :]
    if closers and runs:
        text, bold, italic = runs[-1]
        runs[-1] = (text + closers, bold, italic)
    return tuple(Span(text, bold, italic) for text, bold, italic in runs)


def _join(parts: Iterable[str | None], sep: str = ", ") -> str:
    return sep.join(p for p in parts if p)


def shared_headings(measures: Sequence[Measure]) -> list[bool]:
    """For each measure, whether its ``heading`` heads a group: the measure next to it (in
    the same phase) has the same heading. A heading no neighbour shares is the measure's
    own ("Fagdag" over "Kommunene etterspør kompetanse …")."""

    def same(a: Measure, b: Measure) -> bool:
        return a.heading is not None and a.heading == b.heading and a.phase == b.phase

    return [
        (i > 0 and same(m, measures[i - 1])) or (i + 1 < len(measures) and same(m, measures[i + 1]))
        for i, m in enumerate(measures)
    ]


def _measure_value(m: Measure, column: str) -> str | None:
    """A measure's text for a column of its table (status as its key), None when empty."""
    if column == "responsible":
        return m.responsibility.text if m.responsibility else None
    if column == "timeframe":
        return m.timeframe.text if m.timeframe else None
    return str(m.status) if m.status else None


def measure_title(m: Measure, shared: bool) -> str:
    """What names a measure in a short list (the timeline): its own heading, else its text."""
    return m.heading if m.heading is not None and not shared else m.text


# ---------------------------------------------------------------- builder
def _distinct_ignoring_case(names: Iterable[str], *, besides: str) -> list[str]:
    """``names`` without repeats that differ only in case, nor ``besides`` itself."""
    seen = {besides.casefold()}
    out = []
    for n in names:
        if n.casefold() not in seen:
            seen.add(n.casefold())
            out.append(n)
    return out


_INFLECTIONS = ("ene", "er", "en", "et", "a", "s")


def _other_names(aliases: Iterable[str], name: str, abbreviation: str | None) -> list[str]:
    """The aliases that are other names: not the name or abbreviation inflected ("LSUene",
    the plural of LSU, is not another name of a body)."""
    stems = [x.casefold() for x in (name, abbreviation) if x]
    out = []
    for a in aliases:
        folded = a.casefold()
        if any(folded == s + ending for s in stems for ending in ("", *_INFLECTIONS)):
            continue
        out.append(a)
    return out


_LABEL_TAIL = re.compile(r"\s*(\((?:t|er|ene|e|s)\))?\s*:?\s*$")


def _heading_label(text: str | None) -> str | None:
    """A label as written, as a heading: "Vedlegg (t):" is "Vedlegg" (the "(t)" is the
    form's plural ending, the colon a form's)."""
    if not text:
        return None
    label = _LABEL_TAIL.sub("", t(text))
    return label or t(text)


def _even(*texts: str) -> str:
    """The texts as one line, whitespace evened out: what ``_told`` compares."""
    return " ".join(" ".join(texts).split())


def _told(text: str, told: str) -> bool:
    """Whether ``text`` stands in ``told`` (an ``_even`` text), whitespace evened out; a
    sentence's full stop is not needed ("… med Vestre Viken helseforetak." is told by
    "… med Vestre Viken helseforetak, og bidra …")."""
    text = _even(text)
    return bool(text) and (text in told or (text.endswith(".") and len(text) > 20
                                            and text[:-1] in told))  # fmt: skip


def _blocks_text(blocks: Sequence[Block]) -> str:
    """The plain text of paragraphs and list items, as one ``_even`` line."""
    parts: list[str] = []
    for b in blocks:
        if isinstance(b, Paragraph):
            parts.append(b.text)
        elif isinstance(b, ItemList):
            parts.extend(b.items)
    return _even(*parts)


class _Builder:
    def __init__(
        self,
        labels: Labels,
        partnership: Partnership | None,
        prefix: str = "",
        *,
        numbering: bool | None = None,
    ) -> None:
        self.L = labels
        self.partnership = partnership
        self.prefix = prefix
        #: None: measure numbers as the source writes them (its labels); True: every
        #: measure numbered ("2.4"); False: none
        self.numbering = numbering
        self._n = 0
        self.blocks: list[Block_] = []

    def body_member_lines(self, b: Body) -> list[str]:
        """A body's members as printed ("Kari Nordmann (Bærum kommune, leder)"), leaving out a
        member entry that names nothing: no heading over an empty list."""
        L = self.L
        lines = []
        for bm in b.members:
            who = t(bm.person.display()) if bm.person else ""
            extra = _join(
                [
                    self.party_name(bm.party),
                    L.role_kinds[bm.role] if bm.role else None,
                    L.period_text(bm.valid_from, bm.valid_to),
                ]
            )
            line = _join([who, f"({extra})" if extra and who else extra], " ")
            if line:
                lines.append(line)
        return lines

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
        b = self.partnership.body(body_id) if self.partnership and body_id else None
        return t(b.name) if b else None

    def party_name(self, party_id: str | None) -> str | None:
        if party_id is None:
            return None
        p = self.partnership.party(party_id) if self.partnership else None
        return t(p.name) if p else t(party_id)

    # -- memberships: what a row tells beyond the parties table and the period
    def membership_date(
        self, p: Partnership, ms: object, day: dt.date | PartialDate | None
    ) -> str:
        """A membership's date as a table cell prints it (``dd.mm.yyyy``; a partial date as
        given: ``2009``, ``03.2016``, ``våren 2022``), or "" when it only repeats a date
        the document gives already (the partnership's start or end, the party's own
        validity)."""
        from khsmodel.partnerships import Membership

        assert isinstance(ms, Membership)
        if day is None:
            return ""
        known = {p.established}
        if p.period is not None:
            known |= {p.period.start, p.period.end}
        party = p.party(ms.party)
        if party is not None:
            known |= {party.valid_from, party.valid_to}
        return "" if day in known else self.L.date_numeric(day)

    def membership_tells(self, p: Partnership, ms: object, told: str) -> bool:
        """Whether a membership says something the parties table does not: a date of its
        own, a role beyond member and trust side, a note not in the description."""
        from khsmodel.partnerships import Membership

        assert isinstance(ms, Membership)
        return bool(
            self.membership_date(p, ms, ms.valid_from)
            or self.membership_date(p, ms, ms.valid_to)
            or ms.role not in (MembershipRole.MEMBER, MembershipRole.HOSPITAL_TRUST)
            or (ms.note and not _told(ms.note, told))
        )

    # -- emitting
    def add(self, block: Block_) -> None:
        self.blocks.append(block)

    def heading(self, level: int, text: str) -> None:
        self._n += 1
        self.add(Heading(min(max(level, 1), 3), text, f"{self.prefix}h{self._n}"))

    def para(self, text: str | None, style: ParaStyle = "body") -> None:
        if text:
            self.add(_p(text, style))

    def text_blocks(self, blocks: Sequence[Block]) -> None:
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
                spans.append(Span(f"\n{t(link.url)}", italic=True))
            items.append(tuple(spans))
        if items:
            self.heading(level, self.L.links)
            self.add(BulletList(tuple(items)))

    # ------------------------------------------------------------ action plan
    def measure_number(self, m: Measure, area: int | None) -> str | None:
        """The number printed before a measure: its label as written ("2.3", "1."); with
        ``numbering=True`` "area.measure" for one the source does not number; none with
        ``numbering=False``."""
        if self.numbering is False:
            return None
        if m.label:
            return t(m.label)
        if self.numbering:
            return f"{area}.{m.number}" if area is not None else str(m.number)
        return None

    def measure_table(
        self, measures: Sequence[Measure], *, columns: Sequence[str], area: int | None = None
    ) -> Table:
        """A measure table; ``columns`` are some of responsible, timeframe, status (plan-wide).

        A heading shared by several measures in a row (the source's sub-group, "Barn som
        pårørende") is a row across the table, its measures marked "–" under it as the
        source bullets them; a heading of one measure alone ("Fagdag") is that measure's
        own, the bold first line of its cell, so the measures after it are not read as
        parts of it."""
        L = self.L
        spec = {
            "responsible": Column(L.responsible, 28),
            "timeframe": Column(L.timeframe, 22),
            "status": Column(L.status, 15),
        }
        cols = (Column(L.measure, 50), *(spec[c] for c in columns))
        rows: list[Row | GroupRow] = []
        phase = None
        empty = Cell((CellPara(()),))
        shared = shared_headings(measures)
        for i, m in enumerate(measures):
            if m.phase is not None and m.phase != phase:
                label = t(m.phase.label)
                rows.append(
                    GroupRow(f"{label}: {t(m.phase.title)}" if m.phase.title else label, "phase")
                )
            phase = m.phase
            grouped = shared[i]
            if grouped and (i == 0 or not shared[i - 1] or measures[i - 1].heading != m.heading
                            or measures[i - 1].phase != m.phase):  # fmt: skip
                rows.append(GroupRow(t(m.heading or ""), "group"))
            number = self.measure_number(m, area)
            lead: list[Span] = []
            if grouped and not m.text.lstrip().startswith(("-", "–", "•")):
                lead.append(Span("– "))  # under the group row, as the source bullets it
            if number:
                lead.append(Span(f"{number} ", bold=True))
            paras: list[CellPara] = []
            if m.heading is not None and not grouped:
                # its own heading, its text on the next line of the same paragraph, so a
                # page break never leaves the heading alone at the foot of a page
                paras.append(
                    CellPara((*lead, Span(t(m.heading), bold=True), Span("\n" + t(m.text))))
                )
            else:
                paras.append(CellPara((*lead, Span(t(m.text)))))
            paras.extend(CellPara(_s(d), "detail") for d in m.details)
            for pe in m.progress:
                note = f"{L.date(pe.date)}: {t(pe.text)}"
                if pe.status is not None:
                    note += f" ({L.measure_status[pe.status].lower()})"
                paras.append(CellPara(_s(note, italic=True), "note"))
            if m.carried_over_from is not None:
                ref = m.carried_over_from
                where = _join(
                    [
                        t(ref.plan),
                        f"{L.focus_area.lower()} {ref.focus_area}" if ref.focus_area else None,
                        f"{L.measure.lower()} {ref.measure}" if ref.measure else None,
                    ]
                )
                note = f"{L.carried_over_from} {where}"
                if ref.text:
                    note += f": {t(ref.text)}"
                paras.append(CellPara(_s(note, italic=True), "note"))
            cells = [Cell(tuple(paras))]
            for c in columns:
                text = _measure_value(m, c)
                if c == "status" and m.status:
                    text = L.measure_status[m.status]
                cells.append(Cell((CellPara(_s(text)),)) if text is not None else empty)
            rows.append(Row(tuple(cells)))
        return Table(cols, tuple(rows), group=f"{self.prefix}measures")

    def measures(
        self, measures: Sequence[Measure], *, columns: Sequence[str], area: int | None = None
    ) -> None:
        if not measures:
            return
        plain = not any(
            m.responsibility
            or m.timeframe
            or m.status
            or m.phase
            or m.progress
            or m.heading
            or m.carried_over_from
            or m.label
            for m in measures
        )
        if plain:  # a list as the source writes it: "-" items (a number is in a label)
            items = []
            for m in measures:
                text = _s(m.text + "".join("\n" + d for d in m.details))
                number = self.measure_number(m, area)
                items.append((Span(f"{number} ", bold=True), *text) if number else text)
            self.add(BulletList(tuple(items)))
        else:
            # the plan's columns, less those no measure of this table fills
            used = [c for c in columns if any(_measure_value(m, c) for m in measures)]
            self.add(self.measure_table(measures, columns=used, area=area))

    def focus_area_heading(self, fa: FocusArea) -> str:
        """ "Fokusområde 1: Tiltak rettet mot barn og unge" with its label as written, else
        the title alone (as the SSU plan 2021-2022 heads its areas)."""
        return f"{t(fa.label)}: {t(fa.title)}" if fa.label else t(fa.title)

    def action_plan(self, plan: ActionPlan, level: int = 1) -> None:
        L = self.L
        self.add(Title(t(plan.title)))
        if self.partnership is not None and self.partnership.name not in plan.title:
            self.add(Subtitle(t(self.partnership.name)))
        owner = self.body_name(plan.owner)
        if owner and owner not in plan.title:
            self.add(Subtitle(owner))
        per = self.period(plan.period)
        if per and not _told(per, _blocks_text(plan.introduction)):
            self.add(Subtitle(f"{L.period}: {per}"))
        # "Vedtatt i OSU 8. februar 2016, sak 2/2016" under the title, also when the
        # adopting decision follows ("OSU besluttet 08.02.2016 følgende fokusområder …"):
        # the reader sees at once that and where the plan was adopted. Adoptions without a
        # line of their own make one sentence ("Vedtatt i OSU Helgeland 3. mars 2023, sak
        # 5/2023, og i SSU Nordland 14. mars 2023, sak 9/2023").
        generated = [
            (self.body_label(a.body), a.date, t(a.case_number.text) if a.case_number else None)
            for a in plan.adoptions
            if not a.text and (a.body or a.date or a.case_number)
        ]
        if generated:
            self.para(L.adoptions_line(generated), "lead")
        for a in plan.adoptions:
            if a.text:
                self.para(t(a.text), "lead")
        if not plan.adoptions and plan.status is not None:
            self.para(L.plan_status[plan.status], "lead")
        for a in plan.adoptions:
            if a.decision is not None:
                # the adopting decision opens the plan, as adopted plans print it ("OSU
                # besluttet 08.02.2016 følgende fokusområder …" and the list)
                self.decision(a.decision, level, heading=False)
        named_only = plan.ongoing_activities_text and not plan.ongoing_activities
        if named_only:  # "I tillegg kommer pågående aktiviteter …": a line before the areas
            self.para(plan.ongoing_activities_text)
        self.text_blocks(plan.introduction)
        if plan.purpose:
            self.heading(level, L.purpose)
            self.text_blocks(plan.purpose)
        self.priority_groups(plan.priority_groups, plan.priority_groups_text, level)
        # a column only when some measure of the plan fills it: no empty form columns
        every = [m for _, m in plan.iter_measures()] + list(plan.ongoing_activities)
        columns = [
            c
            for c, used in (
                ("responsible", any(m.responsibility for m in every)),
                ("timeframe", any(m.timeframe for m in every)),
                ("status", any(m.status for m in every)),
            )
            if used
        ]
        for fa in plan.focus_areas:
            if not fa.description and not fa.measures:
                # nothing under it: the area's line as a paragraph, never an empty heading
                self.add(Para(_s(self.focus_area_heading(fa), bold=True)))
                continue
            self.heading(level, self.focus_area_heading(fa))
            self.text_blocks(fa.description)
            self.measures(fa.measures, columns=columns, area=fa.number)
        if plan.ongoing_activities:
            self.heading(level, L.ongoing_activities)
            if (
                plan.ongoing_activities_text
                and plan.ongoing_activities_text != L.ongoing_activities
            ):
                self.para(plan.ongoing_activities_text)
            used = [
                c for c in columns if any(_measure_value(m, c) for m in plan.ongoing_activities)
            ]
            self.add(self.measure_table(plan.ongoing_activities, columns=used, area=None))

    # ------------------------------------------------------------ case document
    def case_document(self, case: CaseDocument, level: int = 1) -> list[tuple[str, Document]]:
        L = self.L
        for line in case.letterhead:
            self.para(line, "letterhead")
        self.para(case.document_type or L.case_document.upper(), "doc_type")
        officers = tuple(t(p.display() if p.text else p.name) for p in case.case_officers)
        left: list[Field] = []
        right: list[Field] = []
        if officers:
            left.append(Field(L.case_officers if len(officers) > 1 else L.case_officer, officers))
        if case.issued_by:
            left.append(Field(L.issued_by, tuple(t(x) for x in case.issued_by)))
        if case.archive_reference is not None:
            # the number under our label; a label it was written with ("Vår ref:") is dropped
            right.append(Field(L.archive_reference, (t(case.archive_reference.number),)))
        if case.document_date is not None:
            right.append(Field(L.document_date, (L.date_numeric(case.document_date),)))
        if case.status is not None:
            right.append(Field(L.status, (L.case_status[case.status],)))
        if not left or not right:  # one side only: one column, no column of blanks
            if left or right:
                self.add(KeyValues(tuple(left or right), columns=1))
        else:
            # two columns: people on the left, references on the right, as case systems print
            fields: list[Field] = []
            for i in range(max(len(left), len(right))):
                fields.append(left[i] if i < len(left) else Field("", ()))
                fields.append(right[i] if i < len(right) else Field("", ()))
            self.add(KeyValues(tuple(fields), columns=2))
        # Utvalg / Saksnr. / Møtedato; no Møtedato column when the date is not known
        meeting_line: list[tuple[Column, str]] = [
            (Column(L.body, 56), self.body_name(case.body) or ""),
            (Column(L.case_number, 18), case.case_number.text),
        ]
        if case.meeting_date:
            meeting_line.append((Column(L.meeting_date, 26), L.date(case.meeting_date)))
        self.add(
            Table(
                tuple(c for c, _ in meeting_line),
                (Row(tuple(Cell((CellPara(_s(v)),)) for _, v in meeting_line)),),
                style="plain",
            )
        )
        self.add(
            Title(
                t(case.title)
                if case.title
                else f"{L.case_word.capitalize()} {t(case.case_number.text)}"
            )
        )
        # the attachments under the title, in the heading block, as case systems print them
        # ("Vedlegg:" and its numbered titles); the list at the end only when it has more
        numbers = [
            att.number if att.number is not None else i
            for i, att in enumerate(case.attachments, start=1)
        ]
        consecutive = bool(numbers) and numbers == list(
            range(numbers[0], numbers[0] + len(numbers))
        )
        attachments_label = _heading_label(case.attachments_heading) or L.attachments
        if case.attachments:
            self.add(
                KeyValues(
                    (
                        Field(
                            attachments_label,
                            tuple(
                                f"{n}. {t(att.title)}"
                                if consecutive
                                else f"{L.attachment_n.format(number=n)}: {t(att.title)}"
                                for n, att in zip(numbers, case.attachments, strict=True)
                            ),
                        ),
                    )
                )
            )
        if case.proposal is not None:
            p = case.proposal
            self.heading(level, t(p.heading) if p.heading else L.proposals[p.kind])
            self.para(p.text)
            label = self.body_label(p.proposed_by)
            # "… slik anbefalt av Overordnet samarbeidsorgan (OSO)" names it already
            if (
                label
                and label not in p.text
                and (self.body_name(p.proposed_by) or "") not in p.text
            ):
                self.para(f"{L.proposed_by} {label}", "note")
        process_done = False
        for s in case.sections:
            events_here = s.kind == "process" and bool(case.process_events) and not process_done
            if not s.content and not events_here:
                continue  # a heading with nothing under it is not printed
            self.heading(level, t(s.heading) if s.heading else L.sections[s.kind])
            self.text_blocks(s.content)
            if events_here:
                self.process_events(case, told=_blocks_text(s.content))
                process_done = True
        if case.process_events and not process_done:
            self.heading(level, L.process)
            self.process_events(case)
        # earlier cases the text above cites already (the references were read out of
        # it) are not listed again under "Tidligere behandling"
        told = _even(
            case.proposal.text if case.proposal else "",
            *(_blocks_text(s.content) for s in case.sections),
        )
        references = [
            r for r in case.references
            if not _told(r.text, told) and not (r.decision and _told(r.decision.text, told))
        ]  # fmt: skip
        if references:
            self.heading(level, L.references)
            items = []
            for r in references:
                parts = [Span(t(r.text), bold=True)]
                body = self.body_label(r.body)
                extra = _join([
                    body if body and body not in r.text else None,
                    L.date(r.date) if r.date else None,
                ])  # fmt: skip
                if extra:
                    parts.append(Span(f" ({extra})"))
                if r.title and r.title != r.text:
                    parts.append(Span(f": {t(r.title)}"))
                if r.decision is not None and r.decision.text != r.text:
                    parts.append(Span(f"\n{t(r.decision.text)}", italic=True))
                items.append(tuple(parts))
            self.add(BulletList(tuple(items)))
        if case.decision is not None:
            self.decision(case.decision, level)
        included: list[tuple[str, Document]] = []
        for n, att in zip(numbers, case.attachments, strict=True):
            if att.document is not None:
                included.append(
                    (
                        L.attachment_to_case.format(number=n, case=t(case.case_number.text)),
                        att.document,
                    )
                )
        if any(att.description or att.url for att in case.attachments):
            self.heading(level, attachments_label)
            items = []
            for att in case.attachments:
                spans = [Span(t(att.title))]
                if att.description:
                    spans.append(Span(f" – {t(att.description)}"))
                if att.url:
                    spans.append(Span(f"\n{t(att.url)}", italic=True))
                items.append(tuple(spans))
            if consecutive:
                self.add(NumberedList(tuple(items), numbers[0]))
            else:
                self.add(
                    BulletList(
                        tuple(
                            (Span(f"{L.attachment_n.format(number=n)}: ", bold=True), *it)
                            for n, it in zip(numbers, items, strict=True)
                        )
                    )
                )
        return included

    def process_events(self, case: CaseDocument, told: str = "") -> None:
        """The dated events of the process, as a list; those the section's text tells
        already (the events were read out of it) are not told twice."""
        items = []
        for e in case.process_events:
            # read out of the text: a sentence of it ("26. januar ble det avholdt …"), or
            # words together with its date as written ("møte 25.januar 2016")
            dated = e.date_text is not None and _told(e.date_text, told)
            if _told(e.text, told) and (len(e.text.split()) >= 6 or dated):
                continue
            when = t(e.date_text) if e.date_text else self.L.date(e.date)
            who = _join([self.body_label(e.body), self.party_name(e.party)])
            spans = [Span(when, bold=True)]
            if who:
                spans.append(Span(f" ({who})"))
            spans.append(Span(f": {t(e.text)}"))
            items.append(tuple(spans))
        if items:
            self.add(BulletList(tuple(items)))

    # ------------------------------------------------------------ meeting
    def meeting(self, m: Meeting, level: int = 1) -> list[tuple[str, Document]]:
        L = self.L
        body = self.body_name(m.body) or ""
        self.add(Title(t(m.title) if m.title else f"{body} {L.date(m.date)}"))
        known = self.partnership is not None and self.partnership.body(m.body) is not None
        if m.title and known and body not in m.title:
            self.add(Subtitle(body))
        fields = [Field(L.date_label, (L.date(m.date),))]
        span = L.time_span(m.start_time, m.end_time)
        if span:
            fields.append(Field(L.time, (span,)))
        if m.location:
            fields.append(Field(L.place, (t(m.location),)))
        # what the description below tells already ("… med ca. 80 deltakere. Alle de 21
        # kommunene … var representert.") is not said again in the fields above it
        told = _blocks_text(m.description)
        if m.participants_text:
            if not _told(m.participants_text, told):
                fields.append(Field(L.participants, (t(m.participants_text),)))
        elif m.participants_count is not None:  # "Deltakere: ca. 80", the label says the rest
            about = f"{L.about} " if m.participants_approximate else ""
            fields.append(Field(L.participants, (f"{about}{m.participants_count}",)))
        if m.represented_text and not _told(m.represented_text, told):
            fields.append(Field(L.represented, (t(m.represented_text),)))
        elif m.represented_parties:
            names = [self.party_name(p) or "" for p in m.represented_parties]
            fields.append(Field(L.represented, (", ".join(names),)))
        self.add(KeyValues(tuple(fields), columns=1))
        self.text_blocks(m.description)
        if m.participants:
            self.heading(level, L.participants)
            items: list[Spans] = []
            for p in m.participants:
                name = t(p.person.display()) if p.person else ""
                extra = _join(
                    [
                        self.party_name(p.party)
                        if p.party
                        and (not p.person or (self.party_name(p.party) or "") not in name)
                        else None,
                        L.participant_roles[p.role] if p.role else None,
                        L.absent if not p.present else None,
                    ]
                )
                text = _join([name, f"({extra})" if extra and name else extra], " ")
                items.append(_s(text))
            self.add(BulletList(tuple(items)))
        if m.programme:
            self.heading(level, L.programme)
            programme: list[Spans] = []
            for item in m.programme:
                # one bullet per item; speakers not named in its text, presentations and
                # notes follow as lines of the same item so they stay with it
                spans: list[Span] = []
                if item.start_time:
                    spans.append(Span(f"{L.clock(item.start_time)} ", bold=True))
                if item.title:
                    spans.append(Span(f"{t(item.title)}: ", bold=True))
                spans.append(Span(t(item.text)))
                missing = [p for p in item.speakers if p.name not in item.text]
                if missing:
                    who = "; ".join(t(p.display()) for p in missing)
                    spans.append(Span(f"\n{L.speakers}: {who}"))
                for x in item.presentations:
                    spans.append(Span(f"\n{L.presentation}: {t(x)}", italic=True))
                for note in item.notes:
                    spans.append(Span(f"\n{t(note)}"))
                programme.append(tuple(spans))
            self.add(BulletList(tuple(programme)))
        included: list[tuple[str, Document]] = []
        if m.agenda:
            self.heading(level, L.agenda)
            with_type = any(a.case_type for a in m.agenda)
            cols = [Column(L.case_number, 16)]
            if with_type:
                cols.append(Column(L.case_type, 10))
            cols.append(Column(L.case_title, 74 if not with_type else 64))
            rows: list[Row | GroupRow] = []
            for a in m.agenda:
                cells = [Cell((CellPara(_s(a.case_number.text)),))]
                if with_type:
                    cells.append(Cell((CellPara(_s(a.case_type or "")),)))
                paras = [CellPara(_s(a.title))]
                if a.decision is not None:
                    head = (
                        t(a.decision.heading)
                        if a.decision.heading
                        else L.decision_kinds[a.decision.kind]
                    )
                    paras.append(CellPara((Span(f"{head}: ", bold=True), Span(t(a.decision.text)))))
                cells.append(Cell(tuple(paras)))
                rows.append(Row(tuple(cells)))
                if a.case_document is not None:
                    included.append(
                        (f"{L.case_word.capitalize()} {t(a.case_number.text)}", a.case_document)
                    )
            self.add(Table(tuple(cols), tuple(rows)))
        if m.presentations or m.presentations_text:
            self.heading(level, L.presentations)
            self.para(m.presentations_text)  # "Presentasjonene fra møtet ligger nedenfor:"
        if m.presentations:
            items = []
            for att in m.presentations:
                spans = [Span(t(att.title))]
                if att.description:
                    spans.append(Span(f" – {t(att.description)}"))
                if att.url:
                    spans.append(Span(f"\n{t(att.url)}", italic=True))
                items.append(tuple(spans))
                if att.document is not None:
                    included.append((t(att.title), att.document))
            self.add(BulletList(tuple(items)))
        if m.decisions:
            self.heading(level, L.decisions)
            for d in m.decisions:
                self.decision(
                    d,
                    min(level + 1, 3),
                    heading=bool(d.heading or d.case_number or len(m.decisions) > 1),
                )
        if m.minutes is not None:
            mi = m.minutes
            self.heading(level, L.minutes)
            more = mi.date or mi.approved or mi.url or mi.content
            if not more or _even(mi.title).casefold() != L.minutes.casefold():  # "Referat" once
                self.add(Para((Span(t(mi.title), bold=True),)))
            meta = _join(
                [
                    L.date(mi.date) if mi.date else None,
                    f"{L.approved.lower()} {L.date(mi.approved)}" if mi.approved else None,
                ]
            )
            self.para(meta, "note")
            if mi.url:
                self.para(mi.url, "note")
            self.text_blocks(mi.content)
        if m.notes:
            self.heading(level, L.notes)
            self.text_blocks(m.notes)
        self.links(m.links, level)
        return included

    # ------------------------------------------------------------ agreement
    def parties_table(
        self, parties: Sequence[object], *, validity: bool, notes: Mapping[str, str] = {}
    ) -> Table:
        """The parties as a table; ``notes`` by party id (a membership's "Salten") as a
        last column when there are any."""
        from khsmodel.parties import Organisation

        L = self.L
        orgs = [o for o in parties if isinstance(o, Organisation)]
        assert len(orgs) == len(parties)
        # a column only when some party fills it: no column of blanks
        with_orgnr = any(o.organisation_number for o in orgs)
        with_knr = any(o.kommune_number for o in orgs)
        # relative widths that hold "Interkommunalt samarbeid" and "01.01.2020–31.12.2023"
        # on one line in Word (which does not measure); PDF adapts them to the content
        cols = [Column(L.party, 32), Column(L.kind, 24)]
        if with_orgnr:
            cols.append(Column(L.organisation_number, 16))
        if with_knr:
            cols.append(Column(L.kommune_number, 16))
        if validity:
            cols.append(Column(L.validity, 28))
        if notes:
            cols.append(Column(L.note, 18))
        rows: list[Row | GroupRow] = []
        for o in orgs:
            name = [CellPara(_s(o.name))]
            extra = [f"{t(n.name)} ({t(n.lang)})" for n in o.other_names]
            if o.short_name and o.short_name not in o.name:  # "KS (Kommunesektorens …)": once
                extra.insert(0, t(o.short_name))
            if extra:
                name.append(CellPara(_s(", ".join(extra)), "detail"))
            texts = [L.organisation_kinds[o.kind]]
            if with_orgnr:
                texts.append(o.organisation_number.grouped() if o.organisation_number else "")
            if with_knr:
                texts.append(o.kommune_number.value if o.kommune_number else "")
            if validity:
                texts.append(L.period_short(o.valid_from, o.valid_to) or "")
            if notes:
                texts.append(notes.get(o.id, ""))
            rows.append(Row((Cell(tuple(name)), *(Cell((CellPara(_s(x)),)) for x in texts))))
        return Table(tuple(cols), tuple(rows))  # widths are relative

    def agreement(
        self,
        a: Agreement,
        level: int = 1,
        *,
        as_section: bool = False,
        listed: Sequence[object] = (),
    ) -> None:
        """An agreement; ``listed`` are the parties a table above has shown already (those of
        the partnership it belongs to): its parties among them are named, not tabled again."""
        L = self.L
        if as_section:
            self.heading(level, t(a.title))
            level += 1
        else:
            self.add(Title(t(a.title)))
            if a.short_title:
                self.add(Subtitle(t(a.short_title)))
        fields = []
        if a.level != "other":  # "Type: Avtale" says nothing
            fields.append(Field(L.kind, (L.agreement_levels[a.level],)))
        if a.date:
            fields.append(Field(L.date_label, (L.date(a.date),)))
        per = self.period(a.validity)
        if per:
            fields.append(Field(L.validity, (per,)))
        if a.parent:
            fields.append(Field(L.parent_agreement, (t(a.parent),)))
        if a.replaces:
            fields.append(Field(L.replaces, (t(a.replaces),)))
        if a.url:
            fields.append(Field("URL", (t(a.url),)))
        if fields:
            self.add(KeyValues(tuple(fields)))
        self.text_blocks(a.description)
        said = _blocks_text(a.description)
        told = said.lower()
        if a.parties:
            self.heading(level, L.parties)
            shown = {getattr(o, "id", None) for o in listed} - {None}
            if all(o.id in shown for o in a.parties):  # a table is printed once
                self.add(Para(_s(", ".join(t(o.name) for o in a.parties) + ".")))
            else:
                self.add(self.parties_table(a.parties, validity=False))
        if a.signatories:
            self.heading(level, L.signatories)
            self.add(BulletList(tuple(_s(p.display()) for p in a.signatories)))
        items = {d.key: d for d in STATUTORY_ITEMS}
        bare: list[Spans] = []  # topics with no text: one list, no empty heading for each
        for s in a.sections:
            heading = t(s.heading) if s.heading else L.agreement_topics[s.topic]
            if not s.content and not s.statutory_items:
                if not _told(heading.lower(), told):  # "Den innholder formål, …" tells them
                    bare.append(_s(heading))
                continue
            self.heading(level, heading)
            self.text_blocks(s.content)
            if s.statutory_items:
                nums = ", ".join(L.statutory_item_number(items[k].number)
                                 for k in s.statutory_items)  # fmt: skip
                self.para(f"{L.covers} § 6-2 {nums}.", "note")
        if bare:
            self.heading(level, L.agreement_covers)
            self.add(BulletList(tuple(bare)))
        if a.statutory_items:
            # the items in key words, not the statute's text (that is Lovdata's)
            self.heading(level, L.statutory_items)
            self.add(
                BulletList(
                    tuple(
                        _s(L.statutory_item_line(items[k].number, items[k].subject,
                                                 verified=items[k].verified))
                        for k in a.statutory_items
                    )
                )
            )  # fmt: skip
        self.priority_groups(a.priority_groups, a.priority_groups_text, level)
        if a.decision is not None and not (
            not a.decision.items and _told(a.decision.text, said)
        ):  # "Ny samarbeidsavtale er vedtatt." is the description's first sentence
            self.decision(a.decision, level)
        self.links(a.links, level)

    # ------------------------------------------------------------ partnership
    def partnership_doc(self, p: Partnership, level: int = 1) -> None:
        L = self.L
        self.add(Title(t(p.name)))
        sub = _join([L.partnership_kinds[p.kind], t(p.short_name) if p.short_name else None])
        self.add(Subtitle(sub))
        fields = []
        est = (
            t(p.established_text)
            if p.established_text
            else (L.date(p.established) if p.established else None)
        )
        if est:
            fields.append(Field(L.established, (est,)))
        per = self.period(p.period)
        if per:
            fields.append(Field(L.period, (per,)))
        aliases = _distinct_ignoring_case(p.aliases, besides=p.name)
        if aliases:
            fields.append(Field(L.also_called, (", ".join(t(a) for a in aliases),)))
        if p.url:
            fields.append(Field("URL", (t(p.url),)))
        if fields:
            self.add(KeyValues(tuple(fields)))
        self.text_blocks(p.description)
        if p.history:
            self.heading(level, L.history)
            items = []
            for h in p.history:
                when = t(h.when) if h.when else L.period_text(h.start, h.end)
                if when and when.casefold() in h.text[: len(when) + 20].casefold():
                    when = None  # "Høsten 2014: Høsten 2014 startet …": said once
                items.append(
                    (Span(f"{when}: ", bold=True), Span(t(h.text))) if when else _s(h.text)
                )
            self.add(BulletList(tuple(items)))
        told = _blocks_text(p.description)
        telling = [ms for ms in p.memberships if self.membership_tells(p, ms, told)]
        # one membership per party that adds only a note ("Salten"): a column of the
        # parties table, not a second table of the same parties
        ids = [ms.party for ms in p.memberships]
        merged = (
            bool(telling)
            and len(set(ids)) == len(ids)
            and all(p.party(i) is not None for i in ids)
            and not any(
                self.membership_date(p, ms, ms.valid_from)
                or self.membership_date(p, ms, ms.valid_to)
                or ms.role not in (MembershipRole.MEMBER, MembershipRole.HOSPITAL_TRUST)
                for ms in p.memberships
            )
        )
        if p.parties:
            self.heading(level, L.parties)
            notes = (
                {
                    ms.party: t(ms.note)
                    for ms in p.memberships
                    if ms.note and not _told(ms.note, told)
                }
                if merged
                else {}
            )
            self.add(
                self.parties_table(
                    p.parties,
                    validity=any(o.valid_from or o.valid_to for o in p.parties),
                    notes=notes,
                )
            )
        if telling and not merged:
            self.heading(level, L.members_over_time)
            texts = [
                (
                    self.party_name(ms.party) or "",
                    L.membership_roles[ms.role],
                    self.membership_date(p, ms, ms.valid_from),
                    self.membership_date(p, ms, ms.valid_to),
                    ms.note if ms.note and not _told(ms.note, told) else "",
                )
                for ms in p.memberships
            ]
            columns = (Column(L.party, 34), Column(L.role, 16), Column(L.from_, 16),
                       Column(L.to, 16), Column(L.note, 18))  # fmt: skip
            # party and role always; the others only when some membership fills them
            keep = [i for i in range(5) if i < 2 or any(row[i] for row in texts)]
            self.add(
                Table(
                    tuple(columns[i] for i in keep),
                    tuple(Row(tuple(Cell((CellPara(_s(row[i])),)) for i in keep))
                          for row in texts),
                )
            )  # fmt: skip
        if p.bodies:
            self.heading(level, L.bodies)
            # bodies with nothing to tell beyond a line: one list, first, so that it is not
            # read as part of the last body described under its own heading
            plain: list[Spans] = []
            at = len(self.blocks)
            for b in p.bodies:
                abbr = (
                    b.abbreviation
                    if b.abbreviation and f"({b.abbreviation})" not in b.name
                    else None
                )
                name = f"{t(b.name)} ({t(abbr)})" if abbr else t(b.name)
                kind_label = L.body_kinds[b.kind]
                info = [] if kind_label.lower() in b.name.lower() else [kind_label]
                if b.level is not None:
                    info.append(f"{L.level.lower()} {b.level}")
                if b.parent:
                    info.append(f"{L.issued_by.lower()} {self.body_label(b.parent)}")
                if b.established:
                    info.append(f"{L.established.lower()} {L.date(b.established)}")
                if b.dissolved:
                    info.append(f"{L.dissolved} {L.date(b.dissolved)}")
                aliases = _other_names(b.aliases, b.name, b.abbreviation)
                if aliases:
                    info.append(f"{L.also_called.lower()} {', '.join(t(a) for a in aliases)}")
                line = ", ".join(info)
                members = self.body_member_lines(b)  # members that say something
                if not b.mandate and not members:
                    plain.append(
                        (Span(name, bold=True), Span(f": {line[:1].upper()}{line[1:]}"))
                        if line
                        else (Span(name, bold=True),)
                    )
                    continue
                self.heading(level + 1, name)
                if line:
                    self.para(line[:1].upper() + line[1:] + ".", "note")
                if b.mandate:
                    self.heading(level + 2, L.mandate)
                    self.text_blocks(b.mandate)
                if members:
                    self.heading(level + 2, L.members)
                    self.add(BulletList(tuple(_s(m) for m in members)))
            if plain:
                self.blocks.insert(at, BulletList(tuple(plain)))
        if p.agreements:
            self.heading(level, L.agreements)
            for a in p.agreements:
                self.agreement(a, level + 1, as_section=True, listed=p.parties)
        if len(p.decisions) == 1:  # "Vedtak (Eiermøtet, 11. juni 2015)", not under "Vedtak"
            self.decision(p.decisions[0], level)
        elif p.decisions:
            self.heading(level, L.decisions)
            for d in p.decisions:
                self.decision(d, level + 1)
        self.priority_groups(p.priority_groups, p.priority_groups_text, level)
        if p.resources:
            self.heading(level, L.resources)
            for r in p.resources:
                spans = [Span(t(r.title), bold=True)]
                per = self.period(r.period)
                body = self.body_label(r.body)
                title = r.title.casefold()
                dated = r.date is not None and (
                    L.date_numeric(r.date) in r.title or L.date(r.date).casefold() in title
                )
                meta = _join(
                    [
                        body if body and body.casefold() not in title else None,
                        L.date(r.date) if r.date and not dated else None,
                        per if per and per not in r.title else None,
                    ]
                )
                if meta:
                    spans.append(Span(f" ({meta})"))
                if r.url:
                    spans.append(Span(f"\n{t(r.url)}", italic=True))
                self.add(Para(tuple(spans)))
                self.text_blocks(r.text)
        self.links(p.links, level)


# ---------------------------------------------------------------- entry point
def _kind(doc: Document) -> str:
    kind = getattr(type(doc), "KIND", None)
    if not isinstance(kind, str):
        raise KhsModelError(f"expected a khsmodel document, got {type(doc).__name__}")
    return kind


def _names(people: Iterable[Person]) -> str:
    return ", ".join(t(p.name) for p in people)


def _build(doc: Document, labels: Labels, prefix: str, numbering: bool | None = None) -> Content:
    kind = _kind(doc)
    if isinstance(doc, StatusReport):  # its content has a module of its own
        from ._content_report import build_status_report

        return build_status_report(doc, labels, prefix)
    if isinstance(doc, MeetingPlan):  # so has a meeting plan's
        from ._content_meetingplan import build_meeting_plan

        return build_meeting_plan(doc, labels, prefix)
    L = labels
    partnership: Partnership | None = (
        doc if isinstance(doc, Partnership) else getattr(doc, "partnership", None)
    )
    b = _Builder(L, partnership, prefix, numbering=numbering)
    pname = t(partnership.name) if partnership else ""
    included: list[tuple[str, Document]] = []
    date: dt.date | None = None
    header_body: str | None = None
    author = pname
    if isinstance(doc, ActionPlan):
        b.action_plan(doc)
        title = t(doc.title)
        subject = _join([L.kinds[kind], b.period(doc.period)])
        first = doc.adoptions[0] if doc.adoptions else None
        header_body = b.known_body_name(doc.owner) or (
            b.known_body_name(first.body) if first else None
        )
        # the document's date: its last adoption's (the day the joint plan was in force)
        date = max((a.date for a in doc.adoptions if a.date), default=None)
    elif isinstance(doc, CaseDocument):
        included = b.case_document(doc)
        title = t(doc.title) if doc.title else f"{L.case_document} {t(doc.case_number.text)}"
        header_body = b.known_body_name(doc.body)
        subject = _join([L.case_document, f"{L.case_word} {t(doc.case_number.text)}", header_body])
        author = _names(doc.case_officers) or pname
        date = doc.document_date or doc.meeting_date
    elif isinstance(doc, Meeting):
        included = b.meeting(doc)
        header_body = b.known_body_name(doc.body)
        title = t(doc.title) if doc.title else f"{b.body_name(doc.body)} {L.date(doc.date)}"
        subject = _join([L.kinds[kind], b.body_name(doc.body), L.date(doc.date)])
        date = doc.date
    elif isinstance(doc, Agreement):
        b.agreement(doc)
        title = t(doc.title)
        subject = L.agreement_levels[doc.level]
        author = ", ".join(t(o.name) for o in doc.parties) or pname
        date = doc.date
    else:
        b.partnership_doc(doc)
        title = t(doc.name)
        subject = L.partnership_kinds[doc.kind]
        date = None
    for i, (label, att) in enumerate(included, start=1):
        sub = _build(att, labels, f"{prefix}v{i}_", numbering)
        b.add(Included(label, sub))
    header = (
        _join([pname, header_body if header_body and header_body != pname else None], " – ")
        or title
    )
    return Content(
        kind=kind,
        title=title,
        subject=subject,
        author=author,
        header=header,
        blocks=tuple(b.blocks),
        language=L.language,
        date=date,
        source=doc,
    )


def build(doc: Document, *, labels: Labels = NB, numbering: bool | None = None) -> Content:
    """The content of ``doc`` as blocks, after rejecting text no document format can hold.

    ``numbering`` says which measures of a plan print a number: None (default) those the
    source numbers, with their labels as written ("1.", "2.3"); True every measure ("2.4"
    for the fourth of focus area 2, so one can cite "tiltak 2.4"); False none.

    Raises :class:`~khsmodel.KhsModelError` naming the field path of the first
    XML-illegal character (see :mod:`khsmodel_exporters._safety`).
    """
    _kind(doc)
    check_text(doc, XML_ILLEGAL)
    if numbering is not None and not isinstance(numbering, bool):
        raise KhsModelError(f"numbering must be True, False or None, got {numbering!r}")
    # a date in words never breaks in a line or a cell (U+00A0 between its words)
    return _build(doc, labels.in_text(), "", numbering)


def iter_text(content: Content, *, header: bool = True) -> Iterator[str]:
    """Every text a reader sees in ``content``, in order (for tests and search indexes).

    The running header is the main document's; an included document's own
    header text is not shown (``header=False`` for those).
    """
    if header:
        yield content.header
    for block in content.blocks:
        yield from _block_text(block)


def _block_text(block: Block_) -> Iterator[str]:
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
