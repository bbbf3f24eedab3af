"""Rules that apply to every document (DOC…) and to every decision (DEC…), and shared walkers."""

from __future__ import annotations

import datetime as dt
import re
import types
import typing
from collections.abc import Sequence
from typing import Any

import attrs

from .._base import (
    EventRef,
    ItemList,
    Link,
    Paragraph,
    PartialDate,
    Period,
    first_day,
    json_name,
    last_day,
)
from .._typecheck import type_hints
from ..agreements import PriorityGroup, PriorityGroupKey
from ..decisions import Decision
from ..identifiers import ArchiveReference, CaseNumber
from ..parties import Person
from ._context import At, Ctx, Refs
from ._report import Rule, Severity

__all__ = ["RULES"]

E, W, INFO = Severity.ERROR, Severity.WARNING, Severity.INFO

RULES: tuple[Rule, ...] = (
    Rule("LOAD001", E, "The file does not load as a khsmodel document.",
         "Reported by `khsmodel validate` (and `export`, which validates first) for a "
         "JSON file that is not a valid document: one that is no khsmodel document at "
         "all (no \"format\": \"khsmodel\" key; reported once), a missing or unknown "
         "field, a value of the wrong type, an "
         "organisation number that fails the mod-11 check, a malformed "
         "kommunenummer or case number. Each load error becomes one finding with "
         "its path. validate() itself takes model objects, which cannot be built "
         "with such values, so it never reports LOAD001. It is reported even when "
         "--select or --ignore leave it out."),
    Rule("DOC001", E, "A required text is empty or only whitespace.",
         "Titles, names, measure texts, decision texts and the like are what a reader "
         "sees; an empty one prints as a blank line or an empty cell and usually means "
         "that text was lost when the document was entered. Lists must have items."),
    Rule("DOC002", E, "A text contains control characters that Word and PDF cannot hold.",
         "Characters such as U+000B (vertical tab, from a line break pasted from Word) "
         "or U+0000 are illegal in XML: the Word exporter would fail deep inside lxml "
         "and a PDF would show boxes. They are found here, with the path, before export."),
    Rule("DOC003", E, "A reference to a party id that the partnership does not list.",
         "Documents refer to parties by id into the embedded partnership, so that "
         "names, organisation numbers and kommunenummer are written once. A dangling "
         "id cannot be shown with the party's name. Responsible parties of measures "
         "are checked by PLAN009 instead, memberships by PART007."),
    Rule("DOC004", E, "A reference to a body id that the partnership does not list.",
         "Meetings, case documents, decisions, timeframes (\"Neste møte\") and roles "
         "name bodies by id; a dangling id cannot be resolved to \"OSU\" or "
         "\"Strategisk samarbeidsutvalg\". The adopting body of a plan is checked by "
         "PLAN018, responsible bodies by PLAN009."),
    Rule("DOC005", INFO, "References to parties or bodies could not be checked.",
         "A document that embeds no partnership (or one that lists no parties or no "
         "bodies), and is not inside a document that does, cannot have its ids "
         "resolved. Embed the partnership to have them checked. Reported once per "
         "document, at the document's path."),
    Rule("DOC006", E, "Something ends before it starts.",
         "A period whose end is before its start, a validity (valid_to before "
         "valid_from), a body dissolved before it was established, or a history "
         "entry that ends before it starts is a typing error: the dates are swapped "
         "or a year is wrong. The plan period has its own rule, PLAN001."),
    Rule("DOC007", INFO, "A priority group is given as text only, without its key.",
         "Priority patient groups are paraphrased in the sources (\"Personer med rus "
         "og psykiske helseplage\"); the key (children_young, "
         "severe_mental_illness_substance, frail_elderly, multimorbidity, "
         "pregnancy_birth_postnatal) links the wording to the national list so that "
         "plans and partnerships can be compared."),
    Rule("DEC001", E, "A vote count is negative or has no votes at all.",
         "Votes in favour, against and abstaining are counts of people; a negative "
         "number or a count of 0–0–0 is a typing error. Leave votes out when the "
         "source gives none."),
    Rule("DEC002", E, "A decision marked unanimous has votes against.",
         "\"Enstemmig\" (unanimous) means nobody voted against; a decision with "
         "unanimous=true and votes against contradicts itself."),
)  # fmt: skip

# Control characters that XML 1.0 forbids (tab, line feed and carriage return are allowed),
# lone surrogates and the two non-characters U+FFFE, U+FFFF.
_CTRL_RE = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")


def BAD(good: set[str], text: str) -> bool:
    """For a required text: True when it is empty, only whitespace, or may hold control characters.

    ``good`` (:attr:`Ctx.good`) remembers texts already found fine, so a text
    that recurs (a responsible's wording, a timeframe, a heading) is scanned
    once per run: ``str.isprintable`` looks up every character and is the
    costliest step of validation. Hot loops test ``text not in good`` first.
    ``str.isprintable`` is false for every forbidden character (and for some
    allowed ones such as line feed or no-break space); :func:`text_problem`
    then decides exactly.
    """
    if text in good:
        return False
    if text.isprintable() and text and not text.isspace():
        good.add(text)
        return False
    return True


def CTRL(good: set[str], text: str) -> bool:
    """For an optional text: True when it may hold control characters (see :func:`BAD`)."""
    if text in good:
        return False
    if text.isprintable():
        if text and not text.isspace():
            good.add(text)
        return False
    return True


def text_problem(ctx: Ctx, value: str, at: At | str, *, required: bool = True) -> None:
    """Report DOC001/DOC002 for a text already found suspicious (slow path)."""
    if required and not value.strip():
        ctx.add(
            "DOC001",
            at,
            "this text is required but is empty or only whitespace; give the text as "
            "written in the source",
        )
    bad = sorted(set(_CTRL_RE.findall(value)))
    if bad:
        shown = ", ".join(f"U+{ord(c):04X}" for c in bad)
        ctx.add(
            "DOC002",
            at,
            f"the text contains control character(s) {shown}, which Word and PDF cannot "
            "hold; remove them (a line break pasted from Word becomes U+000B: use a new "
            "paragraph or list item instead)",
        )


# ---------------------------------------------------------------------------
# Generic text check per class: the str fields of a model class, classified once.

_Names = tuple[tuple[str, str], ...]  # (attribute name, JSON name)
_TextFields = tuple[_Names, _Names, _Names]
_TEXT_FIELDS: dict[type, _TextFields] = {}


def _classify(cls: type) -> _TextFields:
    hints = type_hints(cls)
    required: list[tuple[str, str]] = []
    optional: list[tuple[str, str]] = []
    many: list[tuple[str, str]] = []
    for f in attrs.fields(cls):
        tp = hints[f.name]
        args = typing.get_args(tp)
        origin = typing.get_origin(tp)
        names = (f.name, json_name(f))
        if tp is str:
            required.append(names)
        elif origin in (typing.Union, types.UnionType) and set(args) == {str, type(None)}:
            optional.append(names)
        elif origin is tuple and args == (str, Ellipsis):
            many.append(names)
    return tuple(required), tuple(optional), tuple(many)


def texts(ctx: Ctx, obj: Any, at: At) -> None:
    """DOC001/DOC002 for every text field of a model object (not its nested objects).

    Paths use the fields' JSON names (``Partnership.kind`` is ``partnership_kind``).

    Required ``str`` fields must not be empty; items of ``tuple[str, ...]``
    fields must not be empty; optional texts are checked for control
    characters only.
    """
    cls = type(obj)
    fields = _TEXT_FIELDS.get(cls)
    if fields is None:
        fields = _TEXT_FIELDS[cls] = _classify(cls)
    required, optional, many = fields
    good = ctx.good
    for name, key in required:
        value = getattr(obj, name)
        if BAD(good, value):
            text_problem(ctx, value, at.f(key))
    for name, key in optional:
        value = getattr(obj, name)
        if value is not None and CTRL(good, value):
            text_problem(ctx, value, at.f(key), required=False)
    for name, key in many:
        for k, value in enumerate(getattr(obj, name)):
            if BAD(good, value):
                text_problem(ctx, value, at.f(key).i(k))


def blocks(ctx: Ctx, items: Sequence[Paragraph | ItemList], at: At) -> None:
    """Text checks for a tuple of blocks (paragraphs and lists)."""
    for k, block in enumerate(items):
        if isinstance(block, Paragraph):
            if BAD(ctx.good, block.text):
                text_problem(ctx, block.text, at.i(k).f("text"))
        else:
            if not block.items:
                ctx.add(
                    "DOC001",
                    at.i(k).f("items"),
                    "this list has no items; add its items or remove the list",
                )
            for n, item in enumerate(block.items):
                if BAD(ctx.good, item):
                    text_problem(ctx, item, at.i(k).f("items").i(n))


def links(ctx: Ctx, items: Sequence[Link], at: At) -> None:
    for k, link in enumerate(items):
        texts(ctx, link, at.i(k))


def body_message(body: str) -> str:
    return (
        f"body {body!r} is not a body of the partnership; use the id of one of its "
        "bodies or add the body to the partnership"
    )


def party_message(party: str) -> str:
    return (
        f"party {party!r} is not a party of the partnership; use the id of one of "
        "its parties or add the organisation to the partnership"
    )


def body_ref(ctx: Ctx, refs: Refs, body: str | None, at: At | str) -> None:
    """DOC004 for a dangling body id."""
    if body is not None and not ctx.body_ok(refs, body):
        ctx.add("DOC004", at, body_message(body))


def party_ref(ctx: Ctx, refs: Refs, party: str | None, at: At | str) -> None:
    """DOC003 for a dangling party id."""
    if party is not None and not ctx.party_ok(refs, party):
        ctx.add("DOC003", at, party_message(party))


def dates_in_order(
    ctx: Ctx,
    start: dt.date | PartialDate | None,
    end: dt.date | PartialDate | None,
    at_end: At,
    what: str,
) -> None:
    """DOC006 when ``end`` is before ``start`` (both given; a partial date as all its days)."""
    if start is not None and end is not None and last_day(end) < first_day(start):
        ctx.add(
            "DOC006",
            at_end,
            f"{what} {end.isoformat()} is before the start {start.isoformat()}; "
            "check whether the dates are swapped or a year is wrong",
        )


def event_ref(ctx: Ctx, refs: Refs, event: EventRef, at: At) -> None:
    texts(ctx, event, at)
    body_ref(ctx, refs, event.body, at.f("body"))


def period_parts(ctx: Ctx, refs: Refs, period: Period, at: At) -> None:
    """Texts and the end event of a period (not the order of its dates)."""
    texts(ctx, period, at)
    if period.end_event is not None:
        event_ref(ctx, refs, period.end_event, at.f("end_event"))


def period_end_at(period: Period, at: At) -> At:
    """The path of the field that holds a period's effective end."""
    return at.f("end") if period.end is not None else at.f("end_event").f("date")


def period(ctx: Ctx, refs: Refs, p: Period | None, at: At) -> None:
    """A period anywhere but the plan period: texts, end event, DOC006."""
    if p is None:
        return
    period_parts(ctx, refs, p, at)
    start, end = p.start, p.effective_end
    if start is not None and end is not None and last_day(end) < first_day(start):
        ctx.add(
            "DOC006",
            period_end_at(p, at),
            f"the period ends {end.isoformat()}, before it starts {start.isoformat()}; "
            "check whether the dates are swapped or a year is wrong",
        )


def person(ctx: Ctx, refs: Refs, p: Person, at: At) -> None:
    texts(ctx, p, at)
    for k, role in enumerate(p.roles):
        r_at = at.f("roles").i(k)
        texts(ctx, role, r_at)
        party_ref(ctx, refs, role.organisation, r_at.f("organisation"))
        body_ref(ctx, refs, role.body, r_at.f("body"))
        dates_in_order(ctx, role.valid_from, role.valid_to, r_at.f("valid_to"), "valid_to")


def people(ctx: Ctx, refs: Refs, items: Sequence[Person], at: At) -> None:
    for k, p in enumerate(items):
        person(ctx, refs, p, at.i(k))


def number_text(ctx: Ctx, number: CaseNumber | ArchiveReference | None, at: At) -> None:
    """DOC002 for the text of a case number or archive reference as written."""
    if number is not None and CTRL(ctx.good, number.text):
        text_problem(ctx, number.text, at.f("text"), required=False)


def decision(ctx: Ctx, refs: Refs, d: Decision, at: At) -> None:
    """Texts, body reference, DEC001 and DEC002."""
    texts(ctx, d, at)
    number_text(ctx, d.case_number, at.f("case_number"))
    body_ref(ctx, refs, d.body, at.f("body"))
    v = d.votes
    if v is not None:
        if v.in_favour < 0 or v.against < 0 or v.abstained < 0 or v.total == 0:
            ctx.add(
                "DEC001",
                at.f("votes"),
                f"the vote count {v.in_favour}–{v.against}–{v.abstained} (for–against–"
                "abstained) has a negative number or no votes at all; correct the "
                "counts or leave votes out",
            )
        if d.unanimous is True and v.against > 0:
            ctx.add(
                "DEC002",
                at.f("votes").f("against"),
                f"the decision is marked unanimous but has {v.against} vote(s) against; "
                "correct the count or set unanimous to false",
            )


def priority_groups(ctx: Ctx, groups: Sequence[PriorityGroup], at: At) -> None:
    for k, g in enumerate(groups):
        g_at = at.i(k)
        texts(ctx, g, g_at)
        if g.key is None:
            keys = ", ".join(key.value for key in PriorityGroupKey)
            ctx.add(
                "DOC007",
                g_at.f("key"),
                f"priority group {g.text!r} has no key; set key to one of {keys} so it "
                "can be compared with the national list",
            )
