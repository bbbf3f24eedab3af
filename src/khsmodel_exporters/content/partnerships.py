"""The content of a partnership (helsefellesskap): its kind and names, history, the parties
(with what their memberships add), the bodies with mandate and members, its agreements,
decisions, priority groups, resources and links."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable

from khsmodel._base import PartialDate
from khsmodel.partnerships import Body, MembershipRole, Partnership

from ._builder import Builder
from ._text import _blocks_text, _join, _s, _told, styled, t
from .agreements import agreement, parties_table
from .blocks import (
    BulletList,
    Cell,
    CellPara,
    Column,
    Field,
    KeyValues,
    Para,
    Row,
    Span,
    Spans,
    Subtitle,
    Table,
    Title,
)

__all__ = ["partnership"]


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


def _says(text: str, when: str) -> bool:
    """Whether ``text`` names ``when`` itself ("2009", "Høsten 2014") as words of its own."""
    return re.search(rf"(?<!\w){re.escape(when)}(?!\w)", text, re.IGNORECASE) is not None


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


def body_member_lines(out: Builder, b: Body) -> list[str]:
    """A body's members as printed ("Kari Nordmann (Bærum kommune, leder)"), leaving out a
    member entry that names nothing: no heading over an empty list."""
    L = out.L
    lines = []
    for bm in b.members:
        who = t(bm.person.display()) if bm.person else ""
        extra = _join(
            [
                out.party_name(bm.party),
                L.role_kinds[bm.role] if bm.role else None,
                L.period_text(bm.valid_from, bm.valid_to),
            ]
        )
        line = _join([who, f"({extra})" if extra and who else extra], " ")
        if line:
            lines.append(line)
    return lines


# -- memberships: what a row tells beyond the parties table and the period
def membership_date(
    out: Builder, p: Partnership, ms: object, day: dt.date | PartialDate | None
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
    return "" if day in known else out.L.date_numeric(day)


def membership_tells(out: Builder, p: Partnership, ms: object, told: str) -> bool:
    """Whether a membership says something the parties table does not: a date of its
    own, a role beyond member and trust side, a note not in the description."""
    from khsmodel.partnerships import Membership

    assert isinstance(ms, Membership)
    return bool(
        membership_date(out, p, ms, ms.valid_from)
        or membership_date(out, p, ms, ms.valid_to)
        or ms.role not in (MembershipRole.MEMBER, MembershipRole.HOSPITAL_TRUST)
        or (ms.note and not _told(ms.note, told))
    )


def partnership(out: Builder, p: Partnership, level: int = 1) -> None:
    """Write partnership ``p``'s blocks to ``out``, its agreements as sections of it."""
    L = out.L
    out.add(Title(t(p.name)))
    sub = _join([L.partnership_kinds[p.kind], t(p.short_name) if p.short_name else None])
    out.add(Subtitle(sub))
    fields = []
    est = (
        t(p.established_text)
        if p.established_text
        else (L.date(p.established) if p.established else None)
    )
    if est:
        fields.append(Field(L.established, (est,)))
    per = out.period(p.period)
    if per:
        fields.append(Field(L.period, (per,)))
    aliases = _distinct_ignoring_case(p.aliases, besides=p.name)
    if aliases:
        fields.append(Field(L.also_called, (", ".join(t(a) for a in aliases),)))
    if p.url:
        fields.append(Field("URL", (t(p.url),)))
    if fields:
        out.add(KeyValues(tuple(fields)))
    out.text_blocks(p.description)
    if p.history:
        out.heading(level, L.history)
        items = []
        for h in p.history:
            when = t(h.when) if h.when else L.period_text(h.start, h.end)
            if when and _says(h.text, when):
                when = None  # "2009: … ble etablert som et prosjekt i 2009": said once
            items.append(
                (*styled(f"{when}:", bold=True), Span(" "), Span(t(h.text))) if when else _s(h.text)
            )
        out.add(BulletList(tuple(items)))
    told = _blocks_text(p.description)
    telling = [ms for ms in p.memberships if membership_tells(out, p, ms, told)]
    # one membership per party that adds only a note ("Salten"): a column of the
    # parties table, not a second table of the same parties
    ids = [ms.party for ms in p.memberships]
    merged = (
        bool(telling)
        and len(set(ids)) == len(ids)
        and all(p.party(i) is not None for i in ids)
        and not any(
            membership_date(out, p, ms, ms.valid_from)
            or membership_date(out, p, ms, ms.valid_to)
            or ms.role not in (MembershipRole.MEMBER, MembershipRole.HOSPITAL_TRUST)
            for ms in p.memberships
        )
    )
    # the parties with a membership are the partnership's; the others (a regional trust,
    # a directorate named in its documents) are listed apart, not as its parties
    member_ids = {ms.party for ms in p.memberships}
    ours = [o for o in p.parties if o.id in member_ids] if member_ids else list(p.parties)
    others = [o for o in p.parties if o.id not in member_ids] if member_ids else []
    notes = (
        {ms.party: t(ms.note) for ms in p.memberships if ms.note and not _told(ms.note, told)}
        if merged
        else {}
    )
    for heading, orgs, first in ((L.parties, ours, L.party), (L.other_organisations, others, L.name)):
        if orgs:
            out.heading(level, heading)
            mine = {o.id: notes[o.id] for o in orgs if o.id in notes}
            out.add(parties_table(out, orgs, notes=mine, within=p.period, label=first))
    if telling and not merged:
        out.heading(level, L.members_over_time)
        texts = [
            (
                out.party_name(ms.party) or "",
                L.membership_roles[ms.role],
                membership_date(out, p, ms, ms.valid_from),
                membership_date(out, p, ms, ms.valid_to),
                ms.note if ms.note and not _told(ms.note, told) else "",
            )
            for ms in p.memberships
        ]
        columns = (Column(L.party, 34), Column(L.role, 16), Column(L.from_, 16),
                   Column(L.to, 16), Column(L.note, 18))  # fmt: skip
        # party and role always; the others only when some membership fills them
        keep = [i for i in range(5) if i < 2 or any(row[i] for row in texts)]
        out.add(
            Table(
                tuple(columns[i] for i in keep),
                tuple(Row(tuple(Cell((CellPara(_s(row[i])),)) for i in keep))
                      for row in texts),
            )
        )  # fmt: skip
    if p.bodies:
        out.heading(level, L.bodies)
        # bodies with nothing to tell beyond a line: one list, first, so that it is not
        # read as part of the last body described under its own heading
        plain: list[Spans] = []
        at = len(out.blocks)
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
                info.append(f"{L.issued_by.lower()} {out.body_label(b.parent)}")
            if b.established:
                info.append(f"{L.established.lower()} {L.date(b.established)}")
            if b.dissolved:
                info.append(f"{L.dissolved} {L.date(b.dissolved)}")
            aliases = _other_names(b.aliases, b.name, b.abbreviation)
            if aliases:
                info.append(f"{L.also_called.lower()} {', '.join(t(a) for a in aliases)}")
            line = ", ".join(info)
            members = body_member_lines(out, b)  # members that say something
            if not b.mandate and not members:
                plain.append(
                    (*styled(name, bold=True), Span(f": {line[:1].upper()}{line[1:]}"))
                    if line
                    else styled(name, bold=True)
                )
                continue
            out.heading(level + 1, name)
            if line:
                out.para(line[:1].upper() + line[1:] + ".", "note")
            if b.mandate:
                out.heading(level + 2, L.mandate)
                out.text_blocks(b.mandate)
            if members:
                out.heading(level + 2, L.members)
                out.add(BulletList(tuple(_s(m) for m in members)))
        if plain:
            out.blocks.insert(at, BulletList(tuple(plain)))
    if p.agreements:
        out.heading(level, L.agreements)
        for a in p.agreements:
            agreement(out, a, level + 1, as_section=True, listed=p.parties)
    if len(p.decisions) == 1:  # "Vedtak (Eiermøtet, 11. juni 2015)", not under "Vedtak"
        out.decision(p.decisions[0], level)
    elif p.decisions:
        out.heading(level, L.decisions)
        for d in p.decisions:
            out.decision(d, level + 1)
    out.priority_groups(p.priority_groups, p.priority_groups_text, level)
    if p.resources:
        out.heading(level, L.resources)
        for r in p.resources:
            spans = list(styled(t(r.title), bold=True))
            per = out.period(r.period)
            body = out.body_label(r.body)
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
                spans += (Span("\n"), *styled(t(r.url), italic=True))
            out.add(Para(tuple(spans)))
            out.text_blocks(r.text)
    out.links(p.links, level)
