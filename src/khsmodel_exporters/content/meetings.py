"""The content of a meeting (møte): date, time, place and who took part, the
description, participants, programme, agenda (its case documents to include), presentations,
decisions, minutes, notes and links."""

from __future__ import annotations

from khsmodel.documents import Document
from khsmodel.meetings import Meeting

from ._builder import Builder
from ._text import _blocks_text, _even, _join, _s, _told, t
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
    Span,
    Spans,
    Subtitle,
    Table,
    Title,
)

__all__ = ["meeting"]


def meeting(out: Builder, m: Meeting, level: int = 1) -> list[tuple[str, Document]]:
    L = out.L
    body = out.body_name(m.body) or ""
    out.add(Title(t(m.title) if m.title else f"{body} {L.date(m.date)}"))
    known = out.partnership is not None and out.partnership.body(m.body) is not None
    if m.title and known and body not in m.title:
        out.add(Subtitle(body))
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
        names = [out.party_name(p) or "" for p in m.represented_parties]
        fields.append(Field(L.represented, (", ".join(names),)))
    out.add(KeyValues(tuple(fields), columns=1))
    out.text_blocks(m.description)
    if m.participants:
        out.heading(level, L.participants)
        items: list[Spans] = []
        for p in m.participants:
            name = t(p.person.display()) if p.person else ""
            extra = _join(
                [
                    out.party_name(p.party)
                    if p.party
                    and (not p.person or (out.party_name(p.party) or "") not in name)
                    else None,
                    L.participant_roles[p.role] if p.role else None,
                    L.absent if not p.present else None,
                ]
            )
            text = _join([name, f"({extra})" if extra and name else extra], " ")
            items.append(_s(text))
        out.add(BulletList(tuple(items)))
    if m.programme:
        out.heading(level, L.programme)
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
        out.add(BulletList(tuple(programme)))
    included: list[tuple[str, Document]] = []
    if m.agenda:
        out.heading(level, L.agenda)
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
        out.add(Table(tuple(cols), tuple(rows)))
    if m.presentations or m.presentations_text:
        out.heading(level, L.presentations)
        out.para(m.presentations_text)  # "Presentasjonene fra møtet ligger nedenfor:"
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
        out.add(BulletList(tuple(items)))
    if m.decisions:
        out.heading(level, L.decisions)
        for d in m.decisions:
            out.decision(
                d,
                min(level + 1, 3),
                heading=bool(d.heading or d.case_number or len(m.decisions) > 1),
            )
    if m.minutes is not None:
        mi = m.minutes
        out.heading(level, L.minutes)
        more = mi.date or mi.approved or mi.url or mi.content
        if not more or _even(mi.title).casefold() != L.minutes.casefold():  # "Referat" once
            out.add(Para((Span(t(mi.title), bold=True),)))
        meta = _join(
            [
                L.date(mi.date) if mi.date else None,
                f"{L.approved.lower()} {L.date(mi.approved)}" if mi.approved else None,
            ]
        )
        out.para(meta, "note")
        if mi.url:
            out.para(mi.url, "note")
        out.text_blocks(mi.content)
    if m.notes:
        out.heading(level, L.notes)
        out.text_blocks(m.notes)
    out.links(m.links, level)
    return included
