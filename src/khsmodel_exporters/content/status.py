"""Format-neutral content of a status report (statusrapport), for the Word and PDF exporters.

What a reader sees, in order: the title and the date the report is as of; a
summary table (one row per focus area and one for the whole plan: the count
of each status that occurs, the total, overdue, due soon, share done), the
same numbers the PDF draws as a stacked bar chart; what "overdue" and "due
soon" mean here; per focus area a table of its measures (measure,
responsible, timeframe as written, status with its date and timing, latest
note); the overdue and due-soon measures as lists; the measures whose
timeframe gives no date, listed apart; and with ``since`` the changes since
that date.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from types import MappingProxyType

from khsmodel.labels import Labels
from khsmodel.plans import FocusArea, Measure, MeasureStatus
from khsmodel.status import MeasureReport, StatusReport, StatusSummary, Timing

from ._text import _join, t
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

__all__ = ["REPORT_WORDS", "StatusChart", "build_status_report", "chart_rows", "status_words"]

#: The report's own words, by language tag. Status words come from the labels
#: (``Labels.measure_status``); a language without an entry here prints Bokmål.
REPORT_WORDS: Mapping[str, Mapping[str, str]] = MappingProxyType({
    "nb-NO": MappingProxyType({
        "kind": "Statusrapport",
        "title": "Statusrapport: {plan}",
        "as_of": "Status per {date}",
        "summary": "Oppsummering",
        "whole_plan": "Hele planen",
        "ongoing": "Pågående aktiviteter",
        "no_status": "Uten status",
        "total": "Antall tiltak",
        "overdue": "Forsinket",
        "due_soon": "Frist snart",
        "share_done": "Andel gjennomført",
        "key": ("Forsinket: tidsrammen er passert uten at tiltaket er gjennomført, avlyst "
                "eller videreført. Frist snart: tidsrammen slutter innen {days} dager etter "
                "{date}. Status er den siste som er registrert med dato til og med {date}."),
        "measures": "Tiltak",
        "note": "Siste oppfølging",
        "overdue_list": "Forsinkede tiltak",
        "due_soon_list": "Tiltak med frist snart",
        "unresolved_list": "Tiltak uten tidsramme som gir en dato",
        "unresolved_key": "Tidsrammen er ikke tolket til en dato; tiltakene er ikke vurdert "
                          "som forsinket eller med frist snart.",
        "no_timeframe": "ingen tidsramme",
        "changes": "Endringer siden {date}",
        "before": "Status {date}",
        "after": "Status {date}",
        "new_notes": "Nye oppfølgingsnotater",
        "no_changes": "Ingen endringer i status og ingen nye notater siden {date}.",
        "chart": "Status per fokusområde",
        "chart_alt": "Stolpediagram: antall tiltak etter status for hvert fokusområde; "
                     "tallene står i tabellen Oppsummering.",
    }),
})  # fmt: skip


@dataclass(frozen=True, slots=True)
class StatusChart:
    """A stacked bar per focus area: the counts of each status (a block of this module).

    ``statuses`` are (key, word) in stacking order, the key a status value or
    ``"none"``; ``bars`` are (focus area, counts in that order). The PDF
    renderer draws it as vector graphics; a format that draws no chart skips
    the block, since its numbers are the summary table's, which comes before
    it. ``alt`` is the text alternative.
    """

    title: str
    statuses: tuple[tuple[str, str], ...]
    bars: tuple[tuple[str, tuple[int, ...]], ...]
    alt: str


def words(labels: Labels) -> Mapping[str, str]:
    """The report words of ``labels``' language (Bokmål when there are none for it)."""
    return REPORT_WORDS.get(labels.language, REPORT_WORDS["nb-NO"])


def status_words(labels: Labels) -> dict[MeasureStatus | None, str]:
    """Each status (None: no status) as the document prints it."""
    w = words(labels)
    out: dict[MeasureStatus | None, str] = {
        s: labels.measure_status.get(s.value, s.value) for s in MeasureStatus
    }
    out[None] = w["no_status"]
    return out


def _percent(share: float) -> str:
    """"40 %" (Norwegian writes a space before the sign)."""
    return f"{round(share * 100)}\u00a0%"


def _cell(*texts: str | None, style: str = "text") -> Cell:
    return Cell(tuple(CellPara((Span(x),), style) for x in texts if x))  # type: ignore[arg-type]


def _area_title(fa: FocusArea | None, w: Mapping[str, str]) -> str:
    if fa is None:
        return w["ongoing"]
    return f"{t(fa.label)}: {t(fa.title)}" if fa.label else t(fa.title)


def _measure_name(m: Measure) -> str:
    return f"{t(m.label)} {t(m.text)}" if m.label else t(m.text)


def chart_rows(doc: StatusReport, labels: Labels) -> list[tuple[str, StatusSummary]]:
    """(focus area title, its counts) for the chart, in plan order; areas without measures
    are left out (a bar of nothing)."""
    w = words(labels)
    rows = []
    for (fa, _items), s in zip(doc.grouped(), doc.summaries(), strict=True):
        if s.total:
            rows.append((_area_title(fa, w), s))
    return rows


def _summary_table(doc: StatusReport, labels: Labels) -> Table:
    w = words(labels)
    names = status_words(labels)
    whole = doc.summary()
    shown = [s for s, n in whole.by_status if n]  # no column of zeros only
    areas = [(fa, s) for (fa, _), s in zip(doc.grouped(), doc.summaries(), strict=True)]
    columns = (
        Column(labels.focus_area, 2.2),
        *(Column(names[s], 1.1) for s in shown),
        Column(w["total"], 1.0),
        Column(w["overdue"], 1.0),
        Column(w["due_soon"], 1.0),
        Column(w["share_done"], 1.2),
    )

    def row(title: str, s: StatusSummary, bold: bool = False) -> Row:
        numbers = [
            *(str(s.count(st)) for st in shown),
            str(s.total),
            str(s.overdue),
            str(s.due_soon),
            _percent(s.share_done) if s.total else "–",
        ]
        return Row((
            Cell((CellPara((Span(title, bold=bold),)),)),
            *(Cell((CellPara((Span(n, bold=bold),)),)) for n in numbers),
        ))  # fmt: skip

    rows = [row(_area_title(fa, w), s) for fa, s in areas]
    rows.append(row(w["whole_plan"], whole, bold=True))
    return Table(columns, tuple(rows), group="status-summary")


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


def _measure_table(doc: StatusReport, items: list[MeasureReport], labels: Labels) -> Table:
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
    for (item, m), (responsible, timeframe) in zip(found, texts, strict=True):
        rows.append(Row((
            # REP002 (no such measure): nothing to print but its number
            _cell(_measure_name(m)) if m is not None else _cell(str(item.measure)),
            *((_cell(responsible),) if has["responsible"] else ()),
            *((_cell(timeframe),) if has["timeframe"] else ()),
            _status_cell(item, labels),
            *((_note_cell(item, labels),) if has["note"] else ()),
        )))  # fmt: skip
    group = "status-measures-" + "".join(k[0] for k, v in has.items() if v)
    return Table(columns, tuple(rows), group=group)


def _listed(doc: StatusReport, items: list[MeasureReport], labels: Labels) -> BulletList:
    w = words(labels)
    out = []
    for item in items:
        m = doc.measure(item)
        name = _measure_name(m) if m is not None else str(item.measure)
        when = t(m.timeframe.text) if m is not None and m.timeframe else w["no_timeframe"]
        area = doc.plan.focus_area(item.focus_area) if item.focus_area is not None else None
        where = _area_title(area, w) if item.focus_area is None or area else None
        out.append((Span(name), Span(f" ({_join([when, where], '; ')})", italic=True)))
    return BulletList(tuple(out))


def build_status_report(doc: StatusReport, labels: Labels, prefix: str) -> Content:
    """The content of a status report (``prefix`` keeps bookmarks unique when included)."""
    L = labels
    w = words(L)
    plan = doc.plan
    blocks: list = []  # type: ignore[type-arg]
    n = 0

    def heading(level: int, text: str) -> None:
        nonlocal n
        n += 1
        blocks.append(Heading(level, text, f"{prefix}h{n}"))

    title = t(doc.title) if doc.title else w["title"].format(plan=t(plan.title))
    blocks.append(Title(title))
    blocks.append(Subtitle(w["as_of"].format(date=L.date(doc.as_of))))
    heading(1, w["summary"])
    blocks.append(_summary_table(doc, L))
    bars = chart_rows(doc, L)
    if bars:
        names = status_words(L)
        order = [st for st, n in doc.summary().by_status if n]
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
        blocks.append(_measure_table(doc, items, L))
    for timing, key in ((Timing.OVERDUE, "overdue_list"), (Timing.DUE_SOON, "due_soon_list")):
        listed = doc.with_timing(timing)
        if listed:
            heading(1, w[key])
            blocks.append(_listed(doc, listed, L))
    unresolved = doc.with_timing(Timing.UNRESOLVED)
    if unresolved:
        heading(1, w["unresolved_list"])
        blocks.append(Para((Span(w["unresolved_key"]),), "note"))
        blocks.append(_listed(doc, unresolved, L))
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
                m = doc.measure(item)
                notes = tuple(
                    CellPara((Span(f"{L.date_numeric(e.date)}: {t(e.text)}"),))
                    for e in item.new_notes
                )
                rows.append(Row((
                    _cell(_measure_name(m) if m is not None else str(item.measure)),
                    _cell(names[item.previous_status]),
                    _cell(names[item.status]),
                    Cell(notes),
                )))  # fmt: skip
            blocks.append(Table(columns, tuple(rows), group="status-changes"))
    partnership = plan.partnership
    pname = t(partnership.name) if partnership else ""
    return Content(
        kind=doc.KIND,
        title=title,
        subject=_join([w["kind"], t(plan.title), L.date(doc.as_of)]),
        author=pname,
        header=pname or title,
        blocks=tuple(blocks),
        language=L.language,
        date=doc.as_of,
        source=doc,
    )
