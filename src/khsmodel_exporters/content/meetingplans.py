"""Format-neutral content of a meeting plan (møteplan), and the geometry of its årshjul.

What a reader sees, in order: the title (the plan's, or "Møteplan 2022") and
the partnership; the rule for case documents ("Frist for saksdokumenter: 14
dager før møtet"); the meetings as one table grouped by month (date, time,
body, place, deadline for case documents, note: a column only when some
meeting fills it); the year's other dates; the embedded plan's measures with a
date in the year; then the årshjul (:class:`YearWheel`), whose text
alternative is those tables (every mark of the wheel is a row of one of
them); and the plan's notes.

:func:`wheel_layout` places the wheel's marks once, for the PDF renderer
(reportlab shapes) and the HTML renderer (inline SVG) alike: the twelve months
as sectors clockwise from January at the top, one ring per body (outermost
first) and a ring for other dates and measures, each mark a dot at its day of
the year with the day's number in it.
"""

from __future__ import annotations

import datetime as dt
import math
from collections.abc import Mapping
from dataclasses import dataclass

from khsmodel.labels import Labels
from khsmodel.meetingplans import MeetingPlan, PlannedMeeting

from ._text import _join, t
from .blocks import (
    Cell,
    CellPara,
    Column,
    Content,
    GroupRow,
    Heading,
    Para,
    Row,
    Span,
    Subtitle,
    Table,
    Title,
)

__all__ = [
    "RING_COLOURS",
    "WheelLayout",
    "YearWheel",
    "build_meeting_plan",
    "wheel_layout",
]


#: The colour of each ring's dots (outermost first; told apart also by ring and legend).
RING_COLOURS = ("#335F9E", "#2F7D4F", "#A85A16", "#6E4C9A", "#9E3636", "#2B7A80", "#5F5F5F")

def words(labels: Labels) -> Mapping[str, str]:
    """The meeting plan's own words, from the labels (``Labels.meeting_plan``: a bundle
    without some of them has them in Bokmål, listed in its ``fallbacks``)."""
    return labels.meeting_plan


@dataclass(frozen=True, slots=True)
class YearWheel:
    """The årshjul of a meeting plan (a block of this module).

    ``months`` are the twelve month names; ``rings`` the ring names, outermost
    first (the bodies, then other dates and measures when there are any);
    ``marks`` are (ring index, date, text) in date order. The PDF and HTML
    renderers draw it under a heading of its ``title`` (level 1, ``bookmark``);
    Word prints neither, only the tables, which come before it and are its
    text alternative (``alt``).
    """

    title: str
    year: int
    months: tuple[str, ...]
    rings: tuple[str, ...]
    marks: tuple[tuple[int, dt.date, str], ...]
    alt: str
    bookmark: str = ""


def _cell(text: str) -> Cell:
    return Cell((CellPara((Span(text),)),)) if text else Cell(())


def _day_cell(labels: Labels, day: dt.date) -> Cell:
    """A meeting's day, its weekday a span of its own: the date ("22. januar 2026", kept
    on one line) is what the column must hold, the weekday may go on the line above
    it when the table is narrow."""
    weekday = labels.weekdays[day.weekday()]
    return Cell((CellPara((Span(f"{weekday} "), Span(labels.date(day)))),))


def _clock_span(labels: Labels, start: dt.time | None, end: dt.time | None) -> str:
    """A meeting's time in its "Tid" column: ``10.00–14.00`` (the header says it is a
    time, so no "kl."); ``til kl. 15.30`` when only the end is known."""
    if start is not None:
        return labels.clock(start) + (f"–{labels.clock(end)}" if end is not None else "")
    return labels.time_span(None, end) or ""


def _day(labels: Labels, day: dt.date) -> str:
    return labels.weekday_date(day)  # "torsdag 22. januar 2026", nn "tysdag …", en "Thursday …"


def _meetings_table(doc: MeetingPlan, labels: Labels, w: Mapping[str, str]) -> Table:
    def fields(m: PlannedMeeting) -> list[str]:
        due = doc.deadline(m)
        body = t(doc.body_name(m.body))
        title = doc.meeting_title(m)  # None when it only repeats the body's name
        return [
            "",  # the day: a cell of two spans (_day_cell)
            _clock_span(labels, m.start_time, m.end_time),
            _join([body, f"({t(title)})" if title else None], " "),
            t(m.location) if m.location else "",
            labels.date(due) if due is not None else "",
            t(m.note) if m.note else "",
        ]

    names = (w["date"], labels.time, labels.body, labels.place, w["deadline"], w["note"])
    widths = (2.3, 1.5, 2.6, 2.0, 2.0, 2.0)
    by_month = [(month, list(ms)) for month, ms in doc.by_month()]
    grouped = [(month, [fields(m) for m in ms]) for month, ms in by_month]
    used = [
        i for i in range(len(names))
        if i in (0, 2) or any(row[i] for _, rows in grouped for row in rows)
    ]  # fmt: skip
    rows: list[Row | GroupRow] = []
    for (month, month_rows), (_, meetings) in zip(grouped, by_month, strict=True):
        rows.append(GroupRow(labels.months[month - 1].capitalize()))
        rows += [
            Row(tuple(_day_cell(labels, m.date) if i == 0 else _cell(r[i]) for i in used))
            for m, r in zip(meetings, month_rows, strict=True)
        ]
    columns = tuple(Column(names[i], widths[i]) for i in used)
    return Table(columns, tuple(rows), group="meeting-plan")


def _dated_table(
    items: list[tuple[dt.date, str, str, str | None]],
    labels: Labels,
    w: Mapping[str, str],
    what: str,
) -> Table:
    """Dated rows by month; a row due by its date (a deadline: "Innen 1. oktober 2026")
    shows its timeframe as written instead of the day, so it does not read as an event."""
    with_body = any(body for _, _, body, _ in items)
    rows: list[Row | GroupRow] = []
    month = 0
    for day, text, body, due in sorted(items, key=lambda x: x[0]):
        if day.month != month:
            month = day.month
            rows.append(GroupRow(labels.months[month - 1].capitalize()))
        cells = [_cell(t(due) if due else _day(labels, day)), _cell(text)]
        if with_body:
            cells.append(_cell(body))
        rows.append(Row(tuple(cells)))
    columns = [Column(w["date"], 2.2), Column(what, 6.0)]
    if with_body:
        columns.append(Column(labels.body, 2.6))
    return Table(tuple(columns), tuple(rows))


def year_wheel(doc: MeetingPlan, labels: Labels, bookmark: str = "") -> YearWheel | None:
    """The årshjul of ``doc`` (None when nothing of the year is dated)."""
    w = words(labels)
    entries = doc.wheel()
    if not entries:
        return None
    bodies = doc.bodies()
    ring_of = {b: i for i, b in enumerate(bodies)}
    other = len(bodies)
    rings = [t(doc.body_name(b)) for b in bodies]
    marks: list[tuple[int, dt.date, str]] = []
    for e in entries:
        ring = ring_of[e.body] if e.kind == "meeting" and e.body is not None else other
        marks.append((ring, e.date, t(e.text)))
    if any(r == other for r, _, _ in marks):
        rings.append(w["other_ring"])
    return YearWheel(
        title=w["wheel"].format(year=doc.year),
        year=doc.year,
        months=tuple(m.capitalize() for m in labels.months),
        rings=tuple(rings),
        marks=tuple(marks),
        alt=w["wheel_alt"],
        bookmark=bookmark,
    )


def build_meeting_plan(doc: MeetingPlan, labels: Labels, prefix: str) -> Content:
    """The content of a meeting plan (``prefix`` keeps bookmarks unique when included)."""
    L = labels
    w = words(L)
    blocks: list = []  # type: ignore[type-arg]
    n = 0

    def heading(text: str) -> None:
        nonlocal n
        n += 1
        blocks.append(Heading(1, text, f"{prefix}h{n}"))

    title = t(doc.title) if doc.title else w["title"].format(year=doc.year)
    pname = t(doc.partnership.name) if doc.partnership else ""
    blocks.append(Title(title))
    if pname:
        blocks.append(Subtitle(pname))
    if doc.documents_due_days is not None:
        rule = (w["rule"].format(days=doc.documents_due_days) if doc.documents_due_days
                else w["rule_same_day"])  # fmt: skip
        blocks.append(Para((Span(rule),), "note"))
    heading(w["meetings"])
    if doc.meetings:
        blocks.append(_meetings_table(doc, L, w))
    else:
        blocks.append(Para((Span(w["no_meetings"]),)))
    if doc.dates:
        heading(w["dates"])
        items: list[tuple[dt.date, str, str, str | None]] = [(d.date, t(d.text), t(doc.body_name(d.body)) if d.body else "", None)
                 for d in doc.dates]
        blocks.append(_dated_table(items, L, w, w["what"]))
    measures = [(e.date, t(e.text), "", e.due) for e in doc.wheel() if e.kind == "measure"]
    if measures:
        heading(w["measures"])
        blocks.append(_dated_table(measures, L, w, L.measure))
    wheel = year_wheel(doc, L, f"{prefix}h{n + 1}")
    if wheel is not None:  # its title is its heading, where a renderer draws it
        blocks.append(wheel)
    for note in doc.notes:
        blocks.append(Para((Span(t(note)),)))
    return Content(
        kind=doc.KIND,
        title=title,
        subject=_join([w["kind"], str(doc.year), pname or None]),
        author=pname,
        header=pname or title,
        blocks=tuple(blocks),
        language=L.language,
        date=None,
        source=doc,
    )


# ---------------------------------------------------------------- the wheel's geometry
@dataclass(frozen=True, slots=True)
class WheelLayout:
    """The årshjul placed in a square of ``size`` (y downwards, as in SVG).

    ``circles`` are (radius, filled): ring bands alternate a light fill;
    ``spokes`` the month boundaries (x1, y1, x2, y2); ``labels`` the month names
    (x, y, text) outside the rings; ``dots`` (x, y, radius, ring, day) per mark;
    ``ring_labels`` (x, y, text) of each ring at the top, right of January 1.
    """

    size: float
    centre: float
    circles: tuple[tuple[float, bool], ...]
    spokes: tuple[tuple[float, float, float, float], ...]
    labels: tuple[tuple[float, float, str], ...]
    dots: tuple[tuple[float, float, float, int, str], ...]


def _angle(day: dt.date) -> float:
    """Radians clockwise from the top: January 1 at 0, the year's end at 2π."""
    first = dt.date(day.year, 1, 1)
    days = (dt.date(day.year + 1, 1, 1) - first).days
    return 2 * math.pi * ((day - first).days + 0.5) / days


def wheel_layout(wheel: YearWheel, size: float) -> WheelLayout:
    """Where every part of ``wheel`` goes in a ``size`` × ``size`` square."""
    c = size / 2
    outer = c - size * 0.13  # room for the month names
    hub = outer * 0.28
    n = max(1, len(wheel.rings))
    band = (outer - hub) / n
    circles = (*((outer - i * band, i % 2 == 0) for i in range(n)), (hub, False))
    spokes = []
    labels = []
    for month in range(12):
        a = 2 * math.pi * month / 12
        spokes.append((c + hub * math.sin(a), c - hub * math.cos(a),
                       c + outer * math.sin(a), c - outer * math.cos(a)))  # fmt: skip
        mid = a + math.pi / 12
        r = outer + size * 0.06
        labels.append((c + r * math.sin(mid), c - r * math.cos(mid), wheel.months[month]))
    dot_r = min(band * 0.38, size * 0.026)
    dots = []
    placed: dict[tuple[int, int], int] = {}
    for ring, day, _text in wheel.marks:
        a = _angle(day)
        r = outer - (ring + 0.5) * band
        # marks of one ring closer than a dot apart step inwards/outwards, not on top
        slot = round(a * r / (2.2 * dot_r))
        k = placed.get((ring, slot), 0)
        placed[(ring, slot)] = k + 1
        r += (band * 0.3) * (1 if k % 2 else -1) * ((k + 1) // 2)
        dots.append((c + r * math.sin(a), c - r * math.cos(a), dot_r, ring, str(day.day)))
    return WheelLayout(size, c, circles, tuple(spokes), tuple(labels), tuple(dots))
