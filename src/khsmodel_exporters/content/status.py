"""Format-neutral content of a status report (statusrapport), for the Word and PDF exporters.

What a reader sees, in order: the title, whose plan it is (the partnership
and the body the plan is of, as the plan's running header names them, when the
model has them) and the date the report is as of; a summary table (one row per
focus area and one for the whole plan: the total, the count of each status
that occurs, overdue, due soon, share done), the
same numbers drawn as a stacked bar chart (:class:`StatusChart`); what "overdue" and "due
soon" mean here; per focus area a table of its measures (measure,
responsible, timeframe as written, status with its date and timing, latest
note); the overdue and due-soon measures as lists; the measures whose
timeframe gives no date, listed apart; and with ``since`` the changes since
that date.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from functools import partial

from khsmodel.labels import Labels
from khsmodel.plans import FocusArea, Measure, MeasureStatus
from khsmodel.status import MeasureReport, StatusReport, StatusSummary, Timing

from .. import _look as K
from ._builder import plan_body_name, running_header
from ._text import _join, styled, t
from .blocks import (
    BulletList,
    Cell,
    CellPara,
    Column,
    Content,
    Heading,
    Para,
    Row,
    Span,
    Subtitle,
    Table,
    Title,
)
from .plans import measure_title, shared_headings

__all__ = ["StatusChart", "build_status_report", "chart_rows", "status_words"]



@dataclass(frozen=True, slots=True)
class StatusChart:
    """A stacked bar per focus area: the counts of each status (a block of this module).

    ``statuses`` are (key, word) in stacking order, the key a status value or
    ``"none"``; ``bars`` are (focus area, counts in that order). The PDF
    (vector graphics), HTML (inline SVG) and Word (an embedded PNG) renderers
    draw it from one layout, :func:`khsmodel_exporters._chart.status_chart_layout`;
    a format that draws no chart skips the block, since its numbers are the
    summary table's, which comes before it. ``alt`` is the text alternative.
    """

    title: str
    statuses: tuple[tuple[str, str], ...]
    bars: tuple[tuple[str, tuple[int, ...]], ...]
    alt: str


def words(labels: Labels) -> Mapping[str, str]:
    """The report's own words, from the labels (``Labels.status_report``: a bundle without
    some of them has them in Bokmål, listed in its ``fallbacks``)."""
    return labels.status_report


def status_words(labels: Labels) -> dict[MeasureStatus | None, str]:
    """Each status (None: no status) as the document prints it."""
    w = words(labels)
    out: dict[MeasureStatus | None, str] = {
        s: labels.measure_status.get(s.value, s.value) for s in MeasureStatus
    }
    out[None] = w["no_status"]
    return out


def _percent(share: float | None) -> str:
    """"40 %" (Norwegian writes a space before the sign); "–" when unknown (no measure
    has a status: nothing says none is done)."""
    return "–" if share is None else f"{round(share * 100)}\u00a0%"


def _cell(*texts: str | None, style: str = "text") -> Cell:
    return Cell(tuple(CellPara((Span(x),), style) for x in texts if x))  # type: ignore[arg-type]


def _area_title(fa: FocusArea | None, w: Mapping[str, str]) -> str:
    if fa is None:
        return w["ongoing"]
    return f"{t(fa.label)}: {t(fa.title)}" if fa.label else t(fa.title)


def _measure_names(doc: StatusReport) -> dict[tuple[int | None, int], str]:
    """Each measure's name by (focus area number, measure number): its label as written and
    what the plan's timeline names it by (:func:`.plans.measure_title`: its own heading,
    "Fagdag", else its text), so the report and the plan name a measure alike."""
    plan = doc.plan
    sources: list[tuple[int | None, tuple[Measure, ...]]] = [
        (fa.number, fa.measures) for fa in plan.focus_areas
    ]
    sources.append((None, plan.ongoing_activities))
    names: dict[tuple[int | None, int], str] = {}
    for number, measures in sources:
        for m, shared in zip(measures, shared_headings(measures), strict=True):
            title = t(measure_title(m, shared))
            # a repeated number: the first, as StatusReport.measure finds it
            names.setdefault((number, m.number), f"{t(m.label)} {title}" if m.label else title)
    return names


def _item_name(item: MeasureReport, names: Mapping[tuple[int | None, int], str]) -> str:
    """The measure's name; REP002 (no such measure): nothing to print but its number."""
    return names.get((item.focus_area, item.measure), str(item.measure))


def chart_rows(doc: StatusReport, labels: Labels) -> list[tuple[str, StatusSummary]]:
    """(focus area title, its counts) for the chart, in plan order; areas without measures
    are left out (a bar of nothing)."""
    w = words(labels)
    rows = []
    for (fa, _items), s in zip(doc.grouped(), doc.summaries(), strict=True):
        if s.total:
            rows.append((_area_title(fa, w), s))
    return rows


def _shown(doc: StatusReport) -> list[MeasureStatus | None]:
    """The statuses the summary table and the chart show, in the legend's (stacking) order,
    no status last: those that occur (no column of zeros only)."""
    return [s for s, n in doc.summary().by_status if n]


#: The text width of the Word and PDF page (A4), which the summary's columns must share.
_PAGE_TEXT_W = K.PAGE_W - K.MARGIN_L - K.MARGIN_R


def _summary_tables(doc: StatusReport, labels: Labels) -> tuple[Table, ...]:
    """The summary: one table, or, when its columns cannot all keep their words whole
    (many statuses occur), the counts by status, then the timings and the share done, each
    table with the focus area and the total."""
    # here, not at the top: importing _widths first runs this package's __init__, which
    # imports this module before _widths has its names
    from .._widths import fits, text_width

    w = words(labels)
    names = status_words(labels)
    whole = doc.summary()
    shown = _shown(doc)
    areas = [(fa, s) for (fa, _), s in zip(doc.grouped(), doc.summaries(), strict=True)]
    # the total first, then how it splits by status in the chart's legend order (no status
    # last), then the timings and the share done: the statuses ended in "Uten status"
    # beside "Antall tiltak", which read as one more status (and, when no measure has a
    # status, as the same number twice)
    counts: list[tuple[Column, Callable[[StatusSummary], str]]] = [
        (Column(w["total"], 1.0), lambda s: str(s.total)),
        *((Column(names[st], 1.1), partial(_count, st)) for st in shown),
    ]
    timings: list[tuple[Column, Callable[[StatusSummary], str]]] = [
        (Column(w["overdue"], 1.0), lambda s: str(s.overdue)),
        (Column(w["due_soon"], 1.0), lambda s: str(s.due_soon)),
        (Column(w["share_done"], 1.2), lambda s: _percent(s.share_done)),
    ]

    def table(parts: list[tuple[Column, Callable[[StatusSummary], str]]], group: str) -> Table:
        def row(title: str, s: StatusSummary, bold: bool = False) -> Row:
            return Row((
                Cell((CellPara(styled(title, bold=bold)),)),
                *(Cell((CellPara((Span(number(s), bold=bold),)),)) for _, number in parts),
            ))  # fmt: skip

        rows = [row(_area_title(fa, w), s) for fa, s in areas]
        rows.append(row(w["whole_plan"], whole, bold=True))
        # the focus areas' running text keeps its room (Column.room): the numbers' two-word
        # headers ("Andel gjennomført") take two lines rather than a focus area four or five
        columns = (Column(labels.focus_area, 4.0, room=True), *(c for c, _ in parts))
        return Table(columns, tuple(rows), group=group)

    def fit(t: Table) -> bool:
        return fits(t.columns, t.rows, _PAGE_TEXT_W, text_width, pad=2 * K.CELL_PAD_X)

    one = table(counts + timings, "status-summary")
    if fit(one):
        return (one,)
    # the statuses in as few tables as keep their words whole (more than one only when
    # nearly every status occurs, in a language of long words), then the timings
    chunks = [counts[:2]]
    for part in counts[2:]:
        if fit(table(chunks[-1] + [part], "")):
            chunks[-1].append(part)
        else:
            chunks.append([counts[0], part])
    # as many statuses in each table as the others, when that fits too (not 7 and 1)
    size = -(-len(shown) // len(chunks))
    even = [[counts[0], *counts[1 + i : 1 + i + size]] for i in range(0, len(shown), size)]
    if all(fit(table(c, "")) for c in even):
        chunks = even
    return (
        *(table(c, f"status-summary-counts-{i}") for i, c in enumerate(chunks, 1)),
        table(counts[:1] + timings, "status-summary-timing"),
    )


def _count(status: MeasureStatus | None, s: StatusSummary) -> str:
    return str(s.count(status))


def _status_cell(item: MeasureReport, labels: Labels) -> Cell:
    w = words(labels)
    names = status_words(labels)
    status = names[item.status]
    if item.status_date is not None:
        status += f" ({labels.date_numeric(item.status_date)})"
    timing = {Timing.OVERDUE: w["overdue"], Timing.DUE_SOON: w["due_soon"]}.get(item.timing)
    paras = [CellPara((Span(status),))]
    if timing:
        paras.append(CellPara((Span(timing, bold=True),)))
    return Cell(tuple(paras))


def _note_cell(item: MeasureReport, labels: Labels) -> Cell:
    if item.note is None:
        return Cell(())
    return Cell((
        CellPara((Span(labels.date_numeric(item.note.date)),), "note"),
        CellPara((Span(t(item.note.text)),)),
    ))  # fmt: skip


def _measure_table(
    doc: StatusReport,
    items: list[MeasureReport],
    labels: Labels,
    names: Mapping[tuple[int | None, int], str],
) -> Table:
    """The measures of one focus area. The responsible, timeframe and note columns only
    when some measure of the table fills them (no column of blanks)."""
    w = words(labels)
    found = [(i, doc.measure(i)) for i in items]
    texts = [
        (
            t(m.responsibility.text) if m is not None and m.responsibility else None,
            t(m.timeframe.text) if m is not None and m.timeframe else None,
        )
        for _, m in found
    ]
    has = {
        "responsible": any(r for r, _ in texts),
        "timeframe": any(f for _, f in texts),
        "note": any(i.note is not None for i in items),
    }
    columns = (
        Column(labels.measure, 3.2),
        *((Column(labels.responsible, 1.6),) if has["responsible"] else ()),
        *((Column(labels.timeframe, 1.5),) if has["timeframe"] else ()),
        Column(labels.status, 1.3),
        *((Column(w["note"], 2.4),) if has["note"] else ()),
    )
    rows = []
    for item, (responsible, timeframe) in zip(items, texts, strict=True):
        rows.append(Row((
            _cell(_item_name(item, names)),
            *((_cell(responsible),) if has["responsible"] else ()),
            *((_cell(timeframe),) if has["timeframe"] else ()),
            _status_cell(item, labels),
            *((_note_cell(item, labels),) if has["note"] else ()),
        )))  # fmt: skip
    group = "status-measures-" + "".join(k[0] for k, v in has.items() if v)
    return Table(columns, tuple(rows), group=group)


def _listed(
    doc: StatusReport,
    items: list[MeasureReport],
    labels: Labels,
    names: Mapping[tuple[int | None, int], str],
) -> BulletList:
    w = words(labels)
    out = []
    for item in items:
        m = doc.measure(item)
        name = _item_name(item, names)
        when = t(m.timeframe.text) if m is not None and m.timeframe else w["no_timeframe"]
        area = doc.plan.focus_area(item.focus_area) if item.focus_area is not None else None
        where = _area_title(area, w) if item.focus_area is None or area else None
        out.append((Span(name), Span(" "), Span(f"({_join([when, where], '; ')})", italic=True)))
    return BulletList(tuple(out))


def build_status_report(doc: StatusReport, labels: Labels, prefix: str) -> Content:
    """The content of a status report (``prefix`` keeps bookmarks unique when included)."""
    L = labels
    w = words(L)
    plan = doc.plan
    measure_names = _measure_names(doc)
    blocks: list = []  # type: ignore[type-arg]
    n = 0

    def heading(level: int, text: str) -> None:
        nonlocal n
        n += 1
        blocks.append(Heading(level, text, f"{prefix}h{n}"))

    title = t(doc.title) if doc.title else w["title"].format(plan=t(plan.title))
    blocks.append(Title(title))
    partnership = plan.partnership
    pname = t(partnership.name) if partnership else ""
    body = plan_body_name(plan, partnership)
    header = running_header(pname, body)
    # whose plan it is, on page 1 too (the running header starts on page 2): the names
    # the model has, each left out when the title already says it
    whose = running_header("" if pname in title else pname,
                           None if body is None or body in title else body)  # fmt: skip
    if whose:
        blocks.append(Subtitle(whose))
    blocks.append(Subtitle(w["as_of"].format(date=L.date(doc.as_of))))
    heading(1, w["summary"])
    blocks.extend(_summary_tables(doc, L))
    bars = chart_rows(doc, L)
    if bars:
        names = status_words(L)
        order = _shown(doc)
        blocks.append(StatusChart(
            title=w["chart"],
            statuses=tuple((st.value if st else "none", names[st]) for st in order),
            bars=tuple((title, tuple(s.count(st) for st in order)) for title, s in bars),
            alt=w["chart_alt"],
        ))  # fmt: skip
    blocks.append(Para((Span(w["key"].format(days=doc.due_within, date=L.date(doc.as_of))),),
                       "note"))  # fmt: skip
    for fa, items in doc.grouped():
        if not items:
            continue
        heading(1, _area_title(fa, w))
        blocks.append(_measure_table(doc, items, L, measure_names))
    for timing, key in ((Timing.OVERDUE, "overdue_list"), (Timing.DUE_SOON, "due_soon_list")):
        listed = doc.with_timing(timing)
        if listed:
            heading(1, w[key])
            blocks.append(_listed(doc, listed, L, measure_names))
    unresolved = doc.with_timing(Timing.UNRESOLVED)
    if unresolved:
        heading(1, w["unresolved_list"])
        blocks.append(Para((Span(w["unresolved_key"]),), "note"))
        blocks.append(_listed(doc, unresolved, L, measure_names))
    if doc.since is not None:
        heading(1, w["changes"].format(date=L.date(doc.since)))
        changed = doc.changes()
        if not changed:
            blocks.append(Para((Span(w["no_changes"].format(date=L.date(doc.since))),)))
        else:
            names = status_words(L)
            columns = (
                Column(L.measure, 3.0),
                Column(w["before"].format(date=L.date_numeric(doc.since)), 1.2),
                Column(w["after"].format(date=L.date_numeric(doc.as_of)), 1.2),
                Column(w["new_notes"], 3.0),
            )
            rows = []
            for item in changed:
                notes = tuple(
                    CellPara((Span(f"{L.date_numeric(e.date)}: {t(e.text)}"),))
                    for e in item.new_notes
                )
                rows.append(Row((
                    _cell(_item_name(item, measure_names)),
                    _cell(names[item.previous_status]),
                    _cell(names[item.status]),
                    Cell(notes),
                )))  # fmt: skip
            blocks.append(Table(columns, tuple(rows), group="status-changes"))
    return Content(
        kind=doc.KIND,
        title=title,
        subject=_join([w["kind"], t(plan.title), L.date(doc.as_of)]),
        author=pname,
        header=header or title,
        blocks=tuple(blocks),
        language=L.language,
        date=doc.as_of,
        source=doc,
    )
