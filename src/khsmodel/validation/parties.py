"""Rules for partnerships (PART…) and agreements (AGR…), and for organisations wherever they are.

Organisation numbers (mod-11) and the form of kommunenummer (four digits, a
county part other than 00) are checked by their types when a document is
built or loaded; the rules here add what needs context: dates, kinds,
duplicates.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

from .._base import PartialDate, first_day, last_day
from ..agreements import STATUTORY_ITEMS as _STATUTORY
from ..agreements import Agreement, AgreementLevel, StatutoryItem
from ..parties import Organisation, OrganisationKind
from ..partnerships import Partnership
from . import common
from ._context import At, Ctx, Refs
from ._report import Rule, Severity

__all__ = ["COUNTY_PERIODS", "RULES", "check_agreement", "check_partnership"]

E, W, INFO = Severity.ERROR, Severity.WARNING, Severity.INFO

RULES: tuple[Rule, ...] = (
    Rule("PART001", E, "The partnership has no municipality among its parties.",
         "A health partnership (helsefellesskap) or kommunehelsesamarbeid is made of "
         "municipalities and a hospital trust; parties without a municipality "
         "(kind kommune) miss one side.", standalone_only=True),
    Rule("PART002", E, "The partnership has no hospital trust among its parties.",
         "The other side of the partnership is a hospital trust (helseforetak) or "
         "its regional health authority.", standalone_only=True),
    Rule("PART003", W, "The partnership lists no parties.",
         "Without parties, membership and every reference to a party cannot be "
         "checked, and the partnership cannot be printed with its members.",
         standalone_only=True),
    Rule("PART004", E, "Two parties have the same id.",
         "Parties are referred to by id; an id used twice makes every reference to "
         "it ambiguous. A party with a new name or kommunenummer is a new object "
         "with its own id; the old one ends with valid_to."),
    Rule("PART005", W, "Two parties with overlapping validity share an organisation number or kommunenummer.",
         "One legal entity or municipality appears twice at the same time. The "
         "same number on successive objects (valid_to / valid_from, e.g. a renamed "
         "municipality) is fine."),
    Rule("PART006", E, "Membership periods of one party overlap.",
         "A party's membership over time is a sequence of periods; two periods "
         "that overlap for the same party count it twice. Reported at the membership "
         "listed later."),
    Rule("PART007", E, "A membership refers to a party that the partnership does not list.",
         "Membership is by party id; the party must be among the partnership's parties."),
    Rule("PART008", E, "An organisation that is not a municipality has a kommunenummer.",
         "Only municipalities (kind kommune) have a kommunenummer; on another kind "
         "it is a misplaced number or a wrong kind."),
    Rule("PART009", W, "A kommunenummer's county part was not in use while the organisation was valid.",
         "The first two digits are the county, and counties were renumbered on "
         "1 January 2018 (Trøndelag), 2020 and 2024. A number such as 30xx (Viken, "
         "2020–2023) on an organisation valid only before 2020 is the wrong number "
         "for that period; a county part not in use in any period covered (13 was "
         "Bergen until 1972; 99 was never used) is wrong for every date checked."),
    Rule("PART010", E, "Two bodies have the same id.",
         "Bodies are referred to by id (meetings, case documents, decisions); an id "
         "used twice makes those references ambiguous."),
    Rule("PART011", E, "A body's parent is not a body of the partnership (or is the body itself).",
         "The parent of a body is the body that set it up (OSO set up the clinical "
         "committee); it must be another body of the same partnership."),
    Rule("PART012", E, "An organisation has two units with the same id.",
         "Units are referred to by id from responsible parties (\"VV ved leder "
         "LMS\"); an id used twice is ambiguous."),
    Rule("PART013", W, "A membership lies entirely outside the validity of its party.",
         "A party object holds one name and numbering period; a membership that "
         "ends before the party object begins, or begins after it ends, belongs to "
         "the predecessor or successor object (e.g. the municipality after a merger)."),
    Rule("AGR001", E, "A cooperation agreement has no municipality among its parties.",
         "Agreements under helse- og omsorgstjenesteloven § 6-1 are made between "
         "municipalities (alone or together) and the hospital trust or regional "
         "health authority. National agreements and agreements of level other are "
         "exempt.", standalone_only=True),
    Rule("AGR002", E, "A cooperation agreement has no hospital trust or regional health authority among its parties.",
         "The specialist-health side of a § 6-1 agreement is the regional health "
         "authority or a hospital trust it designates. National agreements and "
         "agreements of level other are exempt.", standalone_only=True),
    Rule("AGR003", W, "An agreement names no parties.",
         "An agreement stands alone: say who signed it. An agreement inside a "
         "partnership with no parties of its own is taken to be between the "
         "partnership's parties and is not reported.", standalone_only=True),
    Rule("AGR004", E, "The same party is listed twice in an agreement.",
         "Each party signs once; a repeated id is a copy mistake."),
    Rule("AGR005", INFO, "An overarching agreement does not cover every § 6-2 statutory item.",
         "Helse- og omsorgstjenesteloven § 6-2 lists what the agreements must cover "
         "as a minimum (11 items from 2012, 12 from 1 August 2022). The overarching "
         "agreement and its service agreements cover them together, so the missing "
         "items are reported for information, by key and number, as of the "
         "agreement's date.", standalone_only=True),
    Rule("AGR006", E, "An agreement names itself as its parent or as the agreement it replaces.",
         "parent and replaces refer to other agreements."),
    Rule("AGR007", E, "Two agreements of a partnership have the same id.",
         "Agreements are referred to by id (parent, replaces); an id used twice is "
         "ambiguous."),
)  # fmt: skip

_MUNICIPALITY = OrganisationKind.MUNICIPALITY
_TRUST_SIDE = frozenset(
    {OrganisationKind.HOSPITAL_TRUST, OrganisationKind.REGIONAL_HEALTH_AUTHORITY}
)
_MUNICIPAL_SIDE = frozenset(
    {OrganisationKind.MUNICIPALITY, OrganisationKind.INTERMUNICIPAL_COOPERATION}
)
_EXEMPT_LEVELS = frozenset({AgreementLevel.NATIONAL, AgreementLevel.OTHER})

_PRE2018 = frozenset(
    {"01", "02", "03", "04", "05", "06", "07", "08", "09", "10", "11", "12", "14", "15",
     "16", "17", "18", "19", "20"}
)  # fmt: skip
#: County numbers (first two digits of a kommunenummer) by period: (from, to, numbers).
#: Trøndelag (50) from 2018; the regional reform of 2020; the splits of 2024.
COUNTY_PERIODS: tuple[tuple[dt.date | None, dt.date | None, frozenset[str]], ...] = (
    (None, dt.date(2017, 12, 31), _PRE2018),
    (dt.date(2018, 1, 1), dt.date(2019, 12, 31), (_PRE2018 - {"16", "17"}) | {"50"}),
    (dt.date(2020, 1, 1), dt.date(2023, 12, 31),
     frozenset({"03", "11", "15", "18", "30", "34", "38", "42", "46", "50", "54"})),
    (dt.date(2024, 1, 1), None,
     frozenset({"03", "11", "15", "18", "31", "32", "33", "34", "39", "40", "42", "46",
                "50", "55", "56"})),
)  # fmt: skip
_ALL_COUNTIES = frozenset().union(*(p[2] for p in COUNTY_PERIODS))


def _overlap(
    a_from: dt.date | PartialDate | None,
    a_to: dt.date | PartialDate | None,
    b_from: dt.date | PartialDate | None,
    b_to: dt.date | PartialDate | None,
) -> bool:
    """Whether two spans share a day (a partial date counts all its days; None is open)."""
    a0, a1, b0, b1 = first_day(a_from), last_day(a_to), first_day(b_from), last_day(b_to)
    return (a1 is None or b0 is None or b0 <= a1) and (b1 is None or a0 is None or a0 <= b1)


def _county_problem(org: Organisation) -> str | None:
    knr = org.kommune_number
    if knr is None:
        return None
    county = knr.county
    if county not in _ALL_COUNTIES:
        return (
            f"kommunenummer {knr.value} has county part {county}, which no county has had "
            "since before 2018; check the number"
        )
    for start, end, counties in COUNTY_PERIODS:
        if county in counties and _overlap(start, end, org.valid_from, org.valid_to):
            return None
    valid = (
        f"{org.valid_from.isoformat() if org.valid_from else '…'}–"
        f"{org.valid_to.isoformat() if org.valid_to else '…'}"
    )
    return (
        f"kommunenummer {knr.value} has county part {county}, which was not in use while "
        f"this organisation was valid ({valid}); use the kommunenummer of that period, or "
        "correct valid_from / valid_to"
    )


def check_organisation(ctx: Ctx, org: Organisation, at: At) -> None:
    """Texts, dates, units, PART008, PART009 for one organisation."""
    common.texts(ctx, org, at)
    common.dates_in_order(ctx, org.valid_from, org.valid_to, at.f("valid_to"), "valid_to")
    if org.kommune_number is not None:
        if org.kind is not _MUNICIPALITY:
            ctx.add(
                "PART008",
                at.f("kommune_number"),
                f"{org.name!r} is of kind {org.kind.value} but has kommunenummer "
                f"{org.kommune_number.value}; only municipalities have one: remove it or "
                "correct the kind",
            )
        else:
            problem = _county_problem(org)
            if problem:
                ctx.add("PART009", at.f("kommune_number"), problem)
    units: dict[str, int] = {}
    for k, unit in enumerate(org.units):
        u_at = at.f("units").i(k)
        common.texts(ctx, unit, u_at)
        if unit.id in units:
            ctx.add(
                "PART012",
                u_at.f("id"),
                f"unit id {unit.id!r} is already used by units[{units[unit.id]}]; give "
                "each unit its own id",
            )
        else:
            units[unit.id] = k
    for k, other in enumerate(org.other_names):
        o_at = at.f("other_names").i(k)
        common.texts(ctx, other, o_at)
        common.dates_in_order(ctx, other.valid_from, other.valid_to, o_at.f("valid_to"), "valid_to")


def _organisations(ctx: Ctx, parties: Sequence[Organisation], at: At, dup_code: str) -> None:
    """Each organisation, duplicate ids (``dup_code``), shared numbers (PART005)."""
    ids: dict[str, int] = {}
    numbers: dict[tuple[str, str], list[int]] = {}
    for k, org in enumerate(parties):
        o_at = at.i(k)
        check_organisation(ctx, org, o_at)
        if org.id in ids:
            ctx.add(
                dup_code,
                o_at.f("id"),
                f"party id {org.id!r} is already used by [{ids[org.id]}]; list each party "
                "once (give a successor object its own id)",
            )
        else:
            ids[org.id] = k
        for field, number in (
            ("organisation_number", org.organisation_number),
            ("kommune_number", org.kommune_number),
        ):
            if number is None:
                continue
            key = (field, number.value)
            earlier = numbers.setdefault(key, [])
            for e in earlier:
                other = parties[e]
                if other.id != org.id and _overlap(
                    other.valid_from, other.valid_to, org.valid_from, org.valid_to
                ):
                    ctx.add(
                        "PART005",
                        o_at.f(field),
                        f"{field.replace('_', ' ')} {number.value} is also that of "
                        f"{other.name!r} ([{e}]) and their validity overlaps; list the "
                        "organisation once, or set valid_to / valid_from",
                    )
                    break
            earlier.append(k)


def check_partnership(ctx: Ctx, p: Partnership, at: At, outer: Refs, standalone: bool) -> Refs:
    """Every PART rule (completeness rules only when ``standalone``); returns its Refs."""
    refs = Refs.of(p)
    if refs.parties is None and outer.parties is not None:
        refs = Refs(outer.parties, refs.bodies, outer.units)
    if refs.bodies is None and outer.bodies is not None:
        refs = Refs(refs.parties, outer.bodies, refs.units)
    if not ctx.first_check_of(p):
        return refs
    common.texts(ctx, p, at)
    common.blocks(ctx, p.description, at.f("description"))
    common.period(ctx, refs, p.period, at.f("period"))
    for k, h in enumerate(p.history):
        h_at = at.f("history").i(k)
        common.texts(ctx, h, h_at)
        common.dates_in_order(ctx, h.start, h.end, h_at.f("end"), "end")
    _organisations(ctx, p.parties, at.f("parties"), "PART004")
    if standalone:
        if not p.parties:
            ctx.add(
                "PART003",
                at.f("parties"),
                "the partnership lists no parties; add its municipalities and hospital "
                "trust so that membership and references can be checked",
            )
        else:
            kinds = {o.kind for o in p.parties}
            if _MUNICIPALITY not in kinds:
                ctx.add(
                    "PART001",
                    at.f("parties"),
                    "no party is a municipality (kind kommune); add the member "
                    "municipalities or correct their kind",
                )
            if not kinds & _TRUST_SIDE:
                ctx.add(
                    "PART002",
                    at.f("parties"),
                    "no party is a hospital trust (kind helseforetak) or regional health "
                    "authority; add it or correct its kind",
                )
    _memberships(ctx, p, at)
    _bodies(ctx, p, at, refs)
    agreement_ids: dict[str, int] = {}
    for k, a in enumerate(p.agreements):
        a_at = at.f("agreements").i(k)
        if a.id in agreement_ids:
            ctx.add(
                "AGR007",
                a_at.f("id"),
                f"agreement id {a.id!r} is already used by agreements"
                f"[{agreement_ids[a.id]}]; give each agreement its own id",
            )
        else:
            agreement_ids[a.id] = k
        check_agreement(ctx, a, a_at, refs, standalone, in_partnership=True)
    for k, d in enumerate(p.decisions):
        common.decision(ctx, refs, d, at.f("decisions").i(k))
    common.priority_groups(ctx, p.priority_groups, at.f("priority_groups"))
    for k, r in enumerate(p.resources):
        r_at = at.f("resources").i(k)
        common.texts(ctx, r, r_at)
        common.body_ref(ctx, refs, r.body, r_at.f("body"))
        common.period(ctx, refs, r.period, r_at.f("period"))
        common.blocks(ctx, r.text, r_at.f("text"))
    common.links(ctx, p.links, at.f("links"))
    return refs


def _memberships(ctx: Ctx, p: Partnership, at: At) -> None:
    parties = {o.id: o for o in p.parties}
    by_party: dict[str, list[int]] = {}
    for k, m in enumerate(p.memberships):
        m_at = at.f("memberships").i(k)
        common.texts(ctx, m, m_at)
        common.dates_in_order(ctx, m.valid_from, m.valid_to, m_at.f("valid_to"), "valid_to")
        org = parties.get(m.party)
        if org is None:
            ctx.add(
                "PART007",
                m_at.f("party"),
                f"membership of {m.party!r}, which is not a party of the partnership; add "
                "the organisation to parties or correct the id",
            )
        elif not _overlap(org.valid_from, org.valid_to, m.valid_from, m.valid_to) and not (
            m.valid_to is not None
            and m.valid_from is not None
            and last_day(m.valid_to) < first_day(m.valid_from)
        ):
            ctx.add(
                "PART013",
                m_at,
                f"the membership lies outside the validity of party {m.party!r} "
                f"({org.valid_from or '…'}–{org.valid_to or '…'}); use the party object of "
                "that period (predecessor or successor)",
            )
        by_party.setdefault(m.party, []).append(k)
    # A party has a handful of memberships; each is compared with those listed before it.
    for indices in by_party.values():
        for n, k in enumerate(indices[1:], start=1):
            m = p.memberships[k]
            for e in indices[:n]:
                other = p.memberships[e]
                if _overlap(other.valid_from, other.valid_to, m.valid_from, m.valid_to):
                    ctx.add(
                        "PART006",
                        at.f("memberships").i(k),
                        f"this membership of {m.party!r} overlaps memberships[{e}] of the same "
                        "party; merge them or correct valid_from / valid_to",
                    )
                    break


def _bodies(ctx: Ctx, p: Partnership, at: At, refs: Refs) -> None:
    ids: dict[str, int] = {}
    for k, b in enumerate(p.bodies):
        if b.id in ids:
            ctx.add(
                "PART010",
                at.f("bodies").i(k).f("id"),
                f"body id {b.id!r} is already used by bodies[{ids[b.id]}]; give each "
                "body its own id",
            )
        else:
            ids[b.id] = k
    for k, b in enumerate(p.bodies):
        b_at = at.f("bodies").i(k)
        common.texts(ctx, b, b_at)
        if b.parent is not None and (b.parent == b.id or b.parent not in ids):
            ctx.add(
                "PART011",
                b_at.f("parent"),
                f"parent {b.parent!r} is "
                + ("the body itself" if b.parent == b.id else "not a body of the partnership")
                + "; give the id of the body that set it up",
            )
        common.dates_in_order(ctx, b.established, b.dissolved, b_at.f("dissolved"), "dissolved")
        common.blocks(ctx, b.mandate, b_at.f("mandate"))
        for n, member in enumerate(b.members):
            mm_at = b_at.f("members").i(n)
            if member.person is not None:
                common.person(ctx, refs, member.person, mm_at.f("person"))
            common.party_ref(ctx, refs, member.party, mm_at.f("party"))
            common.dates_in_order(
                ctx, member.valid_from, member.valid_to, mm_at.f("valid_to"), "valid_to"
            )


def _coverage_day(a: Agreement) -> dt.date:
    day = a.date or (a.validity.first_day if a.validity else None)
    return day or max(i.in_force for i in _STATUTORY)


def _item_label(key: StatutoryItem) -> str:
    number = next(i.number for i in _STATUTORY if i.key is key)
    return f"{number} {key.value}" if number is not None else key.value


def check_agreement(
    ctx: Ctx,
    a: Agreement,
    at: At,
    outer: Refs,
    standalone: bool,
    *,
    in_partnership: bool = False,
) -> None:
    """Every AGR rule (completeness rules only when ``standalone``)."""
    common.texts(ctx, a, at)
    _organisations(ctx, a.parties, at.f("parties"), "AGR004")
    own = frozenset(o.id for o in a.parties)
    parties = (outer.parties | own) if outer.parties is not None else (own or None)
    units = {**outer.units, **{o.id: frozenset(u.id for u in o.units) for o in a.parties}}
    refs = Refs(parties, outer.bodies, units)
    if standalone and a.level not in _EXEMPT_LEVELS and a.parties:
        kinds = {o.kind for o in a.parties}
        if not kinds & _MUNICIPAL_SIDE:
            ctx.add(
                "AGR001",
                at.f("parties"),
                "no party of the agreement is a municipality (kind kommune or "
                "interkommunalt_samarbeid); add the municipalities or correct their kind",
            )
        if not kinds & _TRUST_SIDE:
            ctx.add(
                "AGR002",
                at.f("parties"),
                "no party of the agreement is a hospital trust or regional health "
                "authority; add it or correct its kind",
            )
    if standalone and not in_partnership and not a.parties:
        ctx.add(
            "AGR003",
            at.f("parties"),
            "the agreement names no parties; add the organisations that signed it",
        )
    if standalone and a.level is AgreementLevel.OVERARCHING:
        day = _coverage_day(a)
        missing = a.missing_statutory_items(day)
        if missing:
            ctx.add(
                "AGR005",
                at.f("statutory_items"),
                f"of the § 6-2 items in force on {day.isoformat()}, the agreement does not "
                f"cover: {', '.join(_item_label(k) for k in missing)}; list the items it "
                "or its service agreements cover in statutory_items",
            )
    for name in ("parent", "replaces"):
        if getattr(a, name) == a.id:
            ctx.add(
                "AGR006",
                at.f(name),
                f"the agreement names itself ({a.id!r}) as {name}; give the id of the "
                "other agreement or leave it out",
            )
    common.people(ctx, refs, a.signatories, at.f("signatories"))
    common.period(ctx, refs, a.validity, at.f("validity"))
    common.blocks(ctx, a.description, at.f("description"))
    for k, s in enumerate(a.sections):
        s_at = at.f("sections").i(k)
        common.texts(ctx, s, s_at)
        common.blocks(ctx, s.content, s_at.f("content"))
    common.priority_groups(ctx, a.priority_groups, at.f("priority_groups"))
    if a.decision is not None:
        common.decision(ctx, refs, a.decision, at.f("decision"))
    common.links(ctx, a.links, at.f("links"))
