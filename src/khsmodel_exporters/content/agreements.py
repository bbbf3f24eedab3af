"""The content of a cooperation agreement (samarbeidsavtale), on its own or as a section of
its partnership: kind, date, validity, parties (as a table, or named when the partnership's
table shows them), signatories, the sections and the statutory items (§ 6-2) they cover."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence

from khsmodel._base import Period
from khsmodel.agreements import STATUTORY_ITEMS, Agreement

from ._builder import Builder
from ._text import _blocks_text, _s, _told, t
from .blocks import (
    BulletList,
    Cell,
    CellPara,
    Column,
    Field,
    GroupRow,
    KeyValues,
    Para,
    Row,
    Spans,
    Subtitle,
    Table,
    Title,
)

__all__ = ["agreement", "parties_table"]


def parties_table(
    out: Builder,
    parties: Sequence[object],
    *,
    validity: bool = True,
    notes: Mapping[str, str] = {},
    within: Period | None = None,
    label: str | None = None,
) -> Table:
    """The parties as a table; ``notes`` by party id (a membership's "Salten") as a
    last column when there are any. A party's own dates (when the organisation began or
    ended) are printed, with ``validity``, when some party has one; ``within``, the partnership's period,
    leaves out a date outside it, which says nothing of the partnership (a municipality
    merged two years after the cooperation ended). ``label`` heads the first column
    (default "Part")."""
    from khsmodel.parties import Organisation

    L = out.L
    orgs = [o for o in parties if isinstance(o, Organisation)]
    assert len(orgs) == len(parties)

    def inside(day: dt.date | None) -> dt.date | None:
        if day is None or within is None or within.contains(day):
            return day
        return None

    dates = {o.id: (inside(o.valid_from), inside(o.valid_to)) for o in orgs}
    validity = validity and any(a or b for a, b in dates.values())
    # a column only when some party fills it: no column of blanks
    with_orgnr = any(o.organisation_number for o in orgs)
    with_knr = any(o.kommune_number for o in orgs)
    # relative widths that hold "Interkommunalt samarbeid" and "01.01.2020–31.12.2023"
    # on one line in Word (which does not measure); PDF adapts them to the content
    cols = [Column(label or L.party, 32), Column(L.kind, 24)]
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
            texts.append(L.period_short(*dates[o.id]) or "")
        if notes:
            texts.append(notes.get(o.id, ""))
        rows.append(Row((Cell(tuple(name)), *(Cell((CellPara(_s(x)),)) for x in texts))))
    return Table(tuple(cols), tuple(rows))  # widths are relative


def agreement(
    out: Builder,
    a: Agreement,
    level: int = 1,
    *,
    as_section: bool = False,
    listed: Sequence[object] = (),
) -> None:
    """An agreement; ``listed`` are the parties a table above has shown already (those of
    the partnership it belongs to): its parties among them are named, not tabled again."""
    L = out.L
    if as_section:
        out.heading(level, t(a.title))
        level += 1
    else:
        out.add(Title(t(a.title)))
        if a.short_title:
            out.add(Subtitle(t(a.short_title)))
    fields = []
    if a.level != "other":  # "Type: Avtale" says nothing
        fields.append(Field(L.kind, (L.agreement_levels[a.level],)))
    if a.date:
        fields.append(Field(L.date_label, (L.date(a.date),)))
    per = out.period(a.validity)
    if per:
        fields.append(Field(L.validity, (per,)))
    if a.parent:
        fields.append(Field(L.parent_agreement, (t(a.parent),)))
    if a.replaces:
        fields.append(Field(L.replaces, (t(a.replaces),)))
    if a.url:
        fields.append(Field("URL", (t(a.url),)))
    if fields:
        out.add(KeyValues(tuple(fields)))
    out.text_blocks(a.description)
    said = _blocks_text(a.description)
    told = said.lower()
    if a.parties:
        out.heading(level, L.parties)
        shown = {getattr(o, "id", None) for o in listed} - {None}
        if all(o.id in shown for o in a.parties):  # a table is printed once
            out.add(Para(_s(", ".join(t(o.name) for o in a.parties) + ".")))
        else:
            out.add(parties_table(out, a.parties, validity=False))
    if a.signatories:
        out.heading(level, L.signatories)
        out.add(BulletList(tuple(_s(p.display()) for p in a.signatories)))
    items = {d.key: d for d in STATUTORY_ITEMS}
    bare: list[Spans] = []  # topics with no text: one list, no empty heading for each
    for s in a.sections:
        heading = t(s.heading) if s.heading else L.agreement_topics[s.topic]
        if not s.content and not s.statutory_items:
            if not _told(heading.lower(), told):  # "Den innholder formål, …" tells them
                bare.append(_s(heading))
            continue
        out.heading(level, heading)
        out.text_blocks(s.content)
        if s.statutory_items:
            nums = ", ".join(L.statutory_item_number(items[k].number)
                             for k in s.statutory_items)  # fmt: skip
            out.para(f"{L.covers} § 6-2 {nums}.", "note")
    if bare:
        out.heading(level, L.agreement_covers)
        out.add(BulletList(tuple(bare)))
    if a.statutory_items:
        # the items in key words, not the statute's text (that is Lovdata's)
        out.heading(level, L.statutory_items)
        out.add(
            BulletList(
                tuple(
                    _s(L.statutory_item_line(items[k].number, items[k].subject,
                                             verified=items[k].verified))
                    for k in a.statutory_items
                )
            )
        )  # fmt: skip
    out.priority_groups(a.priority_groups, a.priority_groups_text, level)
    if a.decision is not None and not (
        not a.decision.items and _told(a.decision.text, said)
    ):  # "Ny samarbeidsavtale er vedtatt." is the description's first sentence
        out.decision(a.decision, level)
    out.links(a.links, level)
