"""The content of an action plan (handlingsplan): title, adoption line, purpose, priority
groups, a heading per focus area with its measures as a table (or a list, when the source
lists them plainly), the ongoing activities. Also the helpers the PDF timeline draws the
same measures with (:func:`shared_headings`, :func:`measure_title`,
:func:`focus_area_heading`)."""

from __future__ import annotations

from collections.abc import Sequence

from khsmodel.labels import Labels
from khsmodel.plans import (
    ActionPlan,
    FocusArea,
    Measure,
    MeasureRef,
    measure_title,
    shared_headings,
)

from ._builder import Builder
from ._text import _NEEDS_WORK, _blocks_text, _join, _s, _told, styled, t
from .blocks import (
    BulletList,
    Cell,
    CellPara,
    Column,
    GroupRow,
    Para,
    Row,
    Span,
    Subtitle,
    Table,
    Title,
    _cell,
    _cell_para,
    _row,
    _span,
)

__all__ = [
    "action_plan",
    "focus_area_heading",
    "measure_number",
    "measure_table",
    "measure_title",
    "shared_headings",
]


def _measure_value(m: Measure, column: str) -> str | None:
    """A measure's text for a column of its table (status as its key), None when empty."""
    if column == "responsible":
        return m.responsibility.text if m.responsibility else None
    if column == "timeframe":
        return m.timeframe.text if m.timeframe else None
    return str(m.status) if m.status else None


def measure_number(numbering: bool | None, m: Measure, area: int | None) -> str | None:
    """The number printed before a measure (``numbering`` the option of the export): its
    label as written ("2.3", "1."); with ``numbering=True`` "area.measure" for one the
    source does not number; none with ``numbering=False``. The calendar (``ics``) names a
    measure by it too, so it and the document agree."""
    if numbering is False:
        return None
    if m.label:
        return t(m.label)
    if numbering:
        return f"{area}.{m.number}" if area is not None else str(m.number)
    return None


#: The separators a measure's cell repeats: one span each serves every row.
_DASH = Span("– ")  # under the group row, as the source bullets it
_BULLETS = ("-", "–", "•")


def measure_table(
    out: Builder, measures: Sequence[Measure], *, columns: Sequence[str], area: int | None = None
) -> Table:
    """A measure table; ``columns`` are some of responsible, timeframe, status (plan-wide).

    A heading shared by several measures in a row (the source's sub-group, "Barn som
    pårørende") is a row across the table, its measures marked "–" under it as the
    source bullets them; a heading of one measure alone ("Fagdag") is that measure's
    own, the bold first line of its cell, so the measures after it are not read as
    parts of it."""
    L = out.L
    spec = {
        "responsible": Column(L.responsible, 28),
        "timeframe": Column(L.timeframe, 22),
        "status": Column(L.status, 15),
    }
    cols = (Column(L.measure, 50), *(spec[c] for c in columns))
    rows: list[Row | GroupRow] = []
    add_row = rows.append
    phase = None
    shared = shared_headings(measures)
    numbering = out.numbering
    detail_para = out.detail_para
    date = out.date
    statuses = L.measure_status
    suffixes = {status: f" ({word.lower()})" for status, word in statuses.items()}
    plain_suffixes = _NEEDS_WORK("".join(suffixes.values())) is None
    plain = out.plain_text  # no string needs t() (see Builder.plain_text)
    # the cells of the other columns, each made once per text (Builder.text_cell)
    by_column = [_column_cells(out, measures, c) for c in columns]
    others = list(zip(*by_column, strict=True)) if by_column else [()] * len(measures)
    for i, m in enumerate(measures):
        if m.phase is not None and m.phase is not phase and m.phase != phase:
            label = t(m.phase.label)
            add_row(GroupRow(f"{label}: {t(m.phase.title)}" if m.phase.title else label, "phase"))
        phase = m.phase
        grouped = shared[i]
        if grouped and (i == 0 or not shared[i - 1] or measures[i - 1].heading != m.heading
                        or (measures[i - 1].phase is not m.phase
                            and measures[i - 1].phase != m.phase)):  # fmt: skip
            add_row(GroupRow(t(m.heading or ""), "group"))
        number = measure_number(numbering, m, area) if numbering is not None or m.label else None
        if grouped and not m.text.lstrip().startswith(_BULLETS):
            lead: tuple[Span, ...] = (_DASH, *out.number_spans(number)) if number else (_DASH,)
        else:
            lead = out.number_spans(number) if number else ()
        if m.heading is not None and not grouped:
            # its own heading, its text on the next line of the same paragraph, so a
            # page break never leaves the heading alone at the foot of a page
            text = m.text if plain else t(m.text)
            first = _cell_para((*lead, *styled(t(m.heading), bold=True), _span("\n" + text)))
        else:
            text = m.text if plain else t(m.text)
            first = _cell_para((*lead, _span(text)) if lead else (_span(text),))
        if not (m.details or m.progress or m.carried_over_from is not None):
            paras: tuple[CellPara, ...] = (first,)
        else:
            more = [first]
            more.extend(map(detail_para, m.details))
            for pe in m.progress:
                day = date(pe.date)
                note = f"{day}: {pe.text if plain else t(pe.text)}"
                if pe.status is not None:
                    note += suffixes[pe.status]
                # t() of a note of plain parts has nothing to do
                plain_note = plain and plain_suffixes and _NEEDS_WORK(day) is None
                spans = styled(note, italic=True) if plain_note else _s(note, italic=True)
                more.append(_cell_para(spans, "note"))
            if m.carried_over_from is not None:
                more.append(_carried_over(L, m.carried_over_from))
            paras = tuple(more)
        add_row(_row((_cell(paras), *others[i])))
    return Table(cols, tuple(rows), group=f"{out.prefix}measures")


def _column_cells(out: Builder, measures: Sequence[Measure], column: str) -> list[Cell]:
    """The cells of ``column`` (responsible, timeframe or status) of each measure."""
    cells = out.text_cells
    made = out.text_cell
    empty = out.empty_cell
    if column == "responsible":
        return [
            empty if (r := m.responsibility) is None else cells.get(r.text) or made(r.text)
            for m in measures
        ]
    if column == "timeframe":
        return [
            empty if (tf := m.timeframe) is None else cells.get(tf.text) or made(tf.text)
            for m in measures
        ]
    if column != "status":
        raise KeyError(column)
    words = out.L.measure_status
    return [made(words[m.status]) if m.status else empty for m in measures]


def _carried_over(L: Labels, ref: MeasureRef) -> CellPara:
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
    return _cell_para(_s(note, italic=True), "note")


def add_measures(
    out: Builder, measures: Sequence[Measure], *, columns: Sequence[str], area: int | None = None
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
            number = measure_number(out.numbering, m, area)
            items.append((*styled(number, bold=True), Span(" "), *text) if number else text)
        out.add(BulletList(tuple(items)))
    else:
        # the plan's columns, less those no measure of this table fills
        used = [c for c in columns if any(_measure_value(m, c) for m in measures)]
        out.add(measure_table(out, measures, columns=used, area=area))


def focus_area_heading(fa: FocusArea) -> str:
    """ "Fokusområde 1: Tiltak rettet mot barn og unge" with its label as written, else
    the title alone (as the SSU plan 2021-2022 heads its areas)."""
    return f"{t(fa.label)}: {t(fa.title)}" if fa.label else t(fa.title)


def action_plan(out: Builder, plan: ActionPlan, level: int = 1) -> None:
    """Write ``plan``'s blocks to ``out``, its headings at ``level``."""
    L = out.L
    out.add(Title(t(plan.title)))
    if out.partnership is not None and out.partnership.name not in plan.title:
        out.add(Subtitle(t(out.partnership.name)))
    owner = out.body_name(plan.owner)
    if owner and owner not in plan.title:
        out.add(Subtitle(owner))
    per = out.period(plan.period)
    if per and not _told(per, _blocks_text(plan.introduction)):
        out.add(Subtitle(f"{L.period}: {per}"))
    # "Vedtatt i OSU 8. februar 2016, sak 2/2016" under the title, also when the
    # adopting decision follows ("OSU besluttet 08.02.2016 følgende fokusområder …"):
    # the reader sees at once that and where the plan was adopted. Adoptions without a
    # line of their own make one sentence ("Vedtatt i OSU Helgeland 3. mars 2023, sak
    # 5/2023, og i SSU Nordland 14. mars 2023, sak 9/2023").
    generated = [
        (out.body_label(a.body), a.date, t(a.case_number.text) if a.case_number else None)
        for a in plan.adoptions
        if not a.text and (a.body or a.date or a.case_number)
    ]
    if generated:
        out.para(L.adoptions_line(generated), "lead")
    for a in plan.adoptions:
        if a.text:
            out.para(t(a.text), "lead")
    if not plan.adoptions and plan.status is not None:
        out.para(L.plan_status[plan.status], "lead")
    for a in plan.adoptions:
        if a.decision is not None:
            # the adopting decision opens the plan, as adopted plans print it ("OSU
            # besluttet 08.02.2016 følgende fokusområder …" and the list)
            out.decision(a.decision, level, heading=False)
    named_only = plan.ongoing_activities_text and not plan.ongoing_activities
    if named_only:  # "I tillegg kommer pågående aktiviteter …": a line before the areas
        out.para(plan.ongoing_activities_text)
    out.text_blocks(plan.introduction)
    if plan.purpose:
        out.heading(level, L.purpose)
        out.text_blocks(plan.purpose)
    out.priority_groups(plan.priority_groups, plan.priority_groups_text, level)
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
            out.add(Para(_s(focus_area_heading(fa), bold=True)))
            continue
        out.heading(level, focus_area_heading(fa))
        out.text_blocks(fa.description)
        add_measures(out, fa.measures, columns=columns, area=fa.number)
    if plan.ongoing_activities:
        out.heading(level, L.ongoing_activities)
        if (
            plan.ongoing_activities_text
            and plan.ongoing_activities_text != L.ongoing_activities
        ):
            out.para(plan.ongoing_activities_text)
        used = [
            c for c in columns if any(_measure_value(m, c) for m in plan.ongoing_activities)
        ]
        out.add(measure_table(out, plan.ongoing_activities, columns=used, area=None))
