"""Format-neutral content of a plan's appendix "Endringer fra forrige plan" (issue 18).

When a plan is exported with the plan before it (the exporters' ``previous``
option), :func:`khsmodel_exporters.content.build` ends the plan's content with the blocks of
:func:`plan_changes`, built from :func:`khsmodel.diff`, after a
:class:`~khsmodel_exporters.content.Timeline` block, so that the timeline the renderers
draw comes before it and the appendix is the document's last part: a new page, the heading
("Endringer fra forrige plan", nn "Endringar frå førre plan", en "Changes from
the previous plan"), the plan compared with, and a section for each kind of
change that occurs, its count in the heading:

- the focus areas new in this plan and those not in it, each a list ("Nye
  fokusområder", "Fokusområder som ikke står i denne planen"), and those renamed or
  renumbered ("Endrede fokusområder", a table: as in the previous plan, as in this
  one, what changed);
- the measures carried over (through ``carried_over_from``) and those changed
  (matched by id, the same or a similar text), each a table of the measure as
  in the previous plan and as in this one, with a column of what changed
  (text, description, responsibility, timeframe, focus area) only when some
  row has something in it;
- the measures new in this plan and those not in it, as lists; a measure not in this
  plan is placed in the previous plan by name ("Handlingsplan for 2015, tiltak 1 i
  fokusområde 1: …"), since its numbers are that plan's. The comparison knows only what each
  plan says: a measure missing from this plan is "not in this plan", not "discontinued"
  (a plan may say its ongoing work goes on).

A section that would be empty is left out, heading and all; a diff with no
change at all prints one sentence saying so. The words come from
``Labels.plan_changes``. A module of its own beside :mod:`.plans` (the
plan's own content); these are the ordinary blocks.
"""

from __future__ import annotations

from collections.abc import Mapping

from khsmodel.labels import Labels
from khsmodel.plandiff import FocusAreaChange, MeasureMatch, MeasurePlace, PlanDiff, diff
from khsmodel.plans import ActionPlan

from ._text import styled, t
from .blocks import (
    Block,
    BulletList,
    Cell,
    CellPara,
    Column,
    Heading,
    PageBreak,
    Para,
    Row,
    Span,
    Table,
)

__all__ = ["check_previous", "plan_changes", "plan_changes_of"]


def check_previous(doc: object, previous: object) -> None:
    """Refuse a ``previous`` that is not an action plan, or one given for another kind of
    document, and text in it no format can hold (its texts are printed)."""
    from khsmodel.errors import KhsModelError

    from .._safety import XML_ILLEGAL, check_text

    if not isinstance(previous, ActionPlan):
        raise KhsModelError(
            f"previous must be the earlier khsmodel.ActionPlan, got {type(previous).__name__}"
        )
    if not isinstance(doc, ActionPlan):
        kind = getattr(type(doc), "KIND", type(doc).__name__)
        raise KhsModelError(f"previous applies to an action plan; this document is a {kind}")
    try:
        check_text(previous, XML_ILLEGAL)
    except KhsModelError as exc:
        raise KhsModelError(f"previous: {exc}") from None


def _where(p: MeasurePlace, labels: Labels, w: Mapping[str, str]) -> str:
    """The focus area a measure is in: "Fokusområde 1: Barn og unge", or "Pågående aktiviteter"."""
    if p.focus_area is None:
        return w["ongoing"]
    title = t(p.focus_area_title) if p.focus_area_title else ""
    return f"{labels.focus_area} {p.focus_area}: {title}" if title else (
        f"{labels.focus_area} {p.focus_area}")  # fmt: skip


def _name(p: MeasurePlace) -> tuple[Span, ...]:
    """The measure as the plan's tables name it: its label, its own heading in bold
    ("Fagdag") and its text on the next line, else the text alone."""
    lead = (Span(f"{t(p.label)} "),) if p.label else ()
    if p.heading:
        return (*lead, *styled(t(p.heading), bold=True), Span("\n" + t(p.text)))
    return (*lead, Span(t(p.text)))


def _place_cell(p: MeasurePlace, labels: Labels, w: Mapping[str, str]) -> Cell:
    return Cell((CellPara(_name(p)), CellPara((Span(_where(p, labels, w)),), "note")))


def _matches_table(matches: tuple[MeasureMatch, ...], labels: Labels, w: Mapping[str, str]) -> Table:
    with_what = any(m.changed for m in matches)
    columns = (
        Column(w["previous"], 3.0),
        Column(w["this"], 3.0),
        *((Column(w["what"], 1.6),) if with_what else ()),
    )
    rows = []
    for m in matches:
        what = ", ".join(w[c] for c in m.changed)
        rows.append(Row((
            _place_cell(m.old, labels, w),
            _place_cell(m.new, labels, w),
            *((Cell((CellPara((Span(what),)),) if what else ()),) if with_what else ()),
        )))  # fmt: skip
    return Table(columns, tuple(rows), group="plan-changes" if with_what else "plan-changes-2")


def _areas_table(changes: tuple[FocusAreaChange, ...], w: Mapping[str, str]) -> Table:
    def side(x: tuple[int, str] | None) -> Cell:
        if x is None:
            return Cell(())
        return Cell((CellPara((Span(f"{x[0]}. {t(x[1])}"),)),))

    rows = tuple(
        Row((side(c.old), side(c.new), Cell((CellPara((Span(w[f"area_{c.kind}"]),)),))))
        for c in changes
    )
    columns = (Column(w["previous"], 3.0), Column(w["this"], 3.0), Column(w["what"], 1.6))
    return Table(columns, rows, group="plan-changes")


def _list(
    places: tuple[MeasurePlace, ...], labels: Labels, w: Mapping[str, str], plan: str | None = None
) -> BulletList:
    """The measures added (``plan`` None: they are in this plan) or removed (``plan``: the
    previous plan's title). The text first, then where the measure is, with its number printed
    the same way in both ("tiltak 2 i fokusområde 1: …"); a removed measure's place is named with
    the plan it is in, so that its numbers are not read as this plan's."""

    def where(p: MeasurePlace) -> str:
        if p.focus_area is None:
            place = f"{w['ongoing']}, {w['measure']} {p.number}"
        else:
            title = f": {t(p.focus_area_title)}" if p.focus_area_title else ""
            area = f"{w['focus_area']} {p.focus_area}{title}"
            place = w["in_area"].format(number=p.number, area=area)
        if plan is not None:
            place = w["in_plan"].format(plan=t(plan), where=place)
        return place[:1].upper() + place[1:]

    def name(p: MeasurePlace) -> tuple[Span, ...]:  # as the tables: "Fagdag" over the text
        if p.heading:
            return (*styled(t(p.heading), bold=True), Span("\n" + t(p.text)))
        return (Span(t(p.text)),)

    return BulletList(tuple(
        (*name(p), Span(f" ({where(p)})", italic=True)) for p in places
    ))  # fmt: skip


def plan_changes_of(d: PlanDiff, old_title: str, labels: Labels, prefix: str) -> list[Block]:
    """The appendix's blocks for the diff ``d`` of the plan titled ``old_title`` and this one."""
    w = labels.plan_changes
    blocks: list[Block] = [PageBreak()]
    n = 0

    def heading(level: int, text: str) -> None:
        nonlocal n
        n += 1
        blocks.append(Heading(level, text, f"{prefix}chg{n}"))

    heading(1, w["title"])
    blocks.append(Para((Span(w["compared"].format(plan=t(old_title))),)))
    if not d.content_changed():  # a status or progress note is the status report's matter
        blocks.append(Para((Span(w["none"]),)))
        return blocks
    # the focus areas by what happened to them, each section only when it has some: new
    # ones and those not in this plan as lists, renamed or renumbered ones as a table
    # (the title, then the number as the measures' lists give it: a removed one's with the
    # previous plan, "(Handlingsplan for 2015, fokusområde 3)", its numbers being that plan's)
    for kind, key in (("added", "areas_added"), ("removed", "areas_removed")):
        areas = [a for c in d.focus_areas if c.kind == kind
                 for a in ((c.new if kind == "added" else c.old),) if a is not None]  # fmt: skip
        if areas:
            heading(2, f"{w[key]} ({len(areas)})")
            items = []
            for number, title in areas:
                place = f"{w['focus_area']} {number}"
                if kind == "removed":
                    place = w["in_plan"].format(plan=t(old_title), where=place)
                place = place[:1].upper() + place[1:]
                items.append((Span(t(title)), Span(f" ({place})", italic=True)))
            blocks.append(BulletList(tuple(items)))
    changed_areas = tuple(c for c in d.focus_areas if c.kind in ("renamed", "renumbered"))
    if changed_areas:
        heading(2, f"{w['focus_areas']} ({len(changed_areas)})")
        blocks.append(_areas_table(changed_areas, w))
    carried = d.carried
    if carried:
        heading(2, f"{w['carried']} ({len(carried)})")
        blocks.append(_matches_table(carried, labels, w))
    changed = tuple(m for m in d.changed if m.how != "carried_over")
    if changed:
        heading(2, f"{w['changed']} ({len(changed)})")
        blocks.append(_matches_table(changed, labels, w))
    if d.added:
        heading(2, f"{w['added']} ({len(d.added)})")
        blocks.append(_list(d.added, labels, w))
    if d.removed:
        heading(2, f"{w['removed']} ({len(d.removed)})")
        blocks.append(_list(d.removed, labels, w, old_title))
    return blocks


def plan_changes(previous: ActionPlan, plan: ActionPlan, labels: Labels, prefix: str) -> list[Block]:
    """The appendix "Endringer fra forrige plan" of ``plan`` against ``previous``."""
    return plan_changes_of(diff(previous, plan), previous.title, labels, prefix)
