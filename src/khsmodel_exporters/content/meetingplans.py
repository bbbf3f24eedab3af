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
(reportlab shapes), the HTML renderer (inline SVG) and Word's picture alike:
the twelve months as sectors clockwise from January at the top, one ring per
body (outermost first) and a ring for other dates and measures, each mark at
its day of the year with the day's number in it: a filled dot for a meeting or
a date, a hollow ring for a deadline (a meeting's case documents, a measure
due by a day). Marks of one ring never overlap and never leave their ring's
band: marks closer than a dot apart are spread along the ring, as little as
needed (:func:`_spread`); a ring too full for its dots, or so crowded that a
mark would move more than half a month from its day, gets smaller ones.
"""

from __future__ import annotations

import datetime as dt
import math
from collections.abc import Mapping
from dataclasses import dataclass
from typing import NamedTuple

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
    "Dot",
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
    ``marks`` are (ring index, date, text, deadline) in date order, ``deadline``
    true for a mark drawn as a hollow ring (a meeting's case documents, a
    measure due by the day). ``legend`` names the kinds of mark the wheel has,
    as (deadline, words): "Møte" or "Møte eller annen dato"; "Frist for
    saksdokumenter" or "Frist". The renderers draw it under a heading of its
    ``title`` (level 1, ``bookmark``), with ``caption`` under it (how to read
    the wheel); ``alt`` is its text alternative (what the wheel shows, and the
    tables before it that hold every mark), Word's description of the picture
    and the SVG's ``<desc>``.
    """

    title: str
    year: int
    months: tuple[str, ...]
    rings: tuple[str, ...]
    marks: tuple[tuple[int, dt.date, str, bool], ...]
    alt: str
    caption: str = ""
    legend: tuple[tuple[bool, str], ...] = ()
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
    """The årshjul of ``doc`` (None when nothing of the year is dated): its meetings and
    their case-document deadlines in the ring of their body, the year's other dates and
    the dated measures in a ring of their own, the innermost."""
    w = words(labels)
    entries = doc.wheel(deadlines=True)
    if not entries:
        return None
    bodies = doc.bodies()
    ring_of = {b: i for i, b in enumerate(bodies)}
    other = len(bodies)
    rings = [t(doc.body_name(b)) for b in bodies]
    marks: list[tuple[int, dt.date, str, bool]] = []
    for e in entries:
        if e.kind in ("meeting", "deadline") and e.body is not None:
            ring = ring_of[e.body]
        else:
            ring = other
        text = t(e.text)
        if e.kind == "deadline":
            text = f"{w['deadline']}: {text}"  # "Frist for saksdokumenter: OSU"
        elif e.due:
            text = f"{w['wheel_due']}: {text}"  # a measure due by the day
        marks.append((ring, e.date, text, e.kind == "deadline" or bool(e.due)))
    has_other = any(r == other for r, _, _, _ in marks)
    if has_other:
        rings.append(w["other_ring"])
    # the tables that hold every mark, as build_meeting_plan prints them
    tables = [w["meetings"]] if doc.meetings else []
    if doc.dates:
        tables.append(w["dates"])
    if any(e.kind == "measure" for e in entries):
        tables.append(w["measures"])
    if len(tables) == 1:
        where = w["wheel_alt_table"].format(table=tables[0])
    else:
        where = w["wheel_alt_tables"].format(
            tables=f"{', '.join(tables[:-1])} {labels.and_word} {tables[-1]}")
    caption = [w["wheel_caption"]]
    if len(rings) > 1:
        caption.append(w["wheel_caption_rings"])
    if has_other and len(rings) > 1:
        caption.append(w["wheel_caption_other"].format(n=len(rings)))
    due = [m for m in marks if m[3]]
    if due:
        caption.append(w["wheel_caption_due"])
    legend: list[tuple[bool, str]] = []
    if len(due) < len(marks):  # filled dots: meetings only, or other dates too
        day_kinds = {e.kind for e in entries if e.kind != "deadline" and not e.due}
        legend.append((False, w["wheel_meeting"] if day_kinds == {"meeting"} else w["wheel_day"]))
    if due:
        docs_only = all(e.kind == "deadline" for e in entries if e.kind == "deadline" or e.due)
        legend.append((True, w["deadline"] if docs_only else w["wheel_due"]))
    return YearWheel(
        title=w["wheel"].format(year=doc.year),
        year=doc.year,
        months=tuple(m.capitalize() for m in labels.months),
        rings=tuple(rings),
        marks=tuple(marks),
        alt=f"{w['wheel_alt']} {where}",
        caption=" ".join(caption),
        legend=tuple(legend),
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
class Dot(NamedTuple):
    """One mark of the wheel placed: centre (``x``, ``y``), radius ``r``, its ``ring``
    (index, outermost 0), the ``day`` of the month printed in it, ``deadline`` for a
    hollow ring."""

    x: float
    y: float
    r: float
    ring: int
    day: str
    deadline: bool


@dataclass(frozen=True, slots=True)
class WheelLayout:
    """The årshjul placed in a square of ``size`` (y downwards, as in SVG).

    ``circles`` are (radius, filled): ring bands alternate a light fill;
    ``bands`` the (inner, outer) radius of each ring, outermost first;
    ``spokes`` the month boundaries (x1, y1, x2, y2); ``labels`` the month names
    (x, y, text) outside the rings; ``dots`` a :class:`Dot` per mark, in the
    order of the wheel's marks, each inside its ring's band and clear of the
    other dots of its ring.
    """

    size: float
    centre: float
    circles: tuple[tuple[float, bool], ...]
    bands: tuple[tuple[float, float], ...]
    spokes: tuple[tuple[float, float, float, float], ...]
    labels: tuple[tuple[float, float, str], ...]
    dots: tuple[Dot, ...]


def _angle(day: dt.date) -> float:
    """Radians clockwise from the top: January 1 at 0, the year's end at 2π."""
    first = dt.date(day.year, 1, 1)
    days = (dt.date(day.year + 1, 1, 1) - first).days
    return 2 * math.pi * ((day - first).days + 0.5) / days


#: Room between two dots of a ring, as a share of the dot's diameter.
_CLEAR = 0.12
#: How far (radians: half a month) a crowd may push a mark from its day before the ring's
#: dots are drawn smaller (by these factors, down to a size whose day is still legible).
_FAR = math.pi / 12
_SHRINK = (1.0, 0.85, 0.7, 0.55)


def _spread(angles: list[float], gap: float) -> list[float]:
    """``angles`` (radians, in ascending order) moved as little as needed (least squares)
    so that any two are at least ``gap`` apart around the circle; ``len(angles) * gap``
    must not exceed 2π. Deterministic: the same angles give the same result.

    The circle is cut at the widest gap between marks, which makes it a line; runs of
    marks closer than ``gap`` become blocks spaced ``gap`` apart, centred on the mean of
    their days, and blocks that then touch are merged (pool adjacent violators). In the
    rare case that the spread blocks reach round the circle to each other, the marks are
    set ``2π / n`` apart from the first instead.
    """
    n = len(angles)
    if n < 2:
        return list(angles)
    full = 2 * math.pi
    gaps = [angles[i + 1] - angles[i] for i in range(n - 1)] + [angles[0] + full - angles[-1]]
    widest = max(range(n), key=lambda i: (gaps[i], i))  # a tie: the turn of the year
    start = (widest + 1) % n
    order = [(start + k) % n for k in range(n)]  # the marks after the widest gap first
    line = [angles[order[0]]]
    for i in order[1:]:
        a = angles[i]
        while a < line[-1]:
            a += full
        line.append(a)
    blocks: list[tuple[int, int, float]] = []  # (first mark, count, sum of angle - k·gap)
    for k, a in enumerate(line):
        blocks.append((k, 1, a - k * gap))
        while len(blocks) > 1:
            (k0, n0, s0), (_k1, n1, s1) = blocks[-2], blocks[-1]
            if _first(blocks[-2], gap) + n0 * gap <= _first(blocks[-1], gap) + 1e-12:
                break
            blocks[-2:] = [(k0, n0 + n1, s0 + s1)]
    placed = [_first(b, gap) + j * gap for b in blocks for j in range(b[1])]
    if placed[-1] - placed[0] > full - gap + 1e-9:  # the ends meet round the circle
        placed = [placed[0] + j * full / n for j in range(n)]
    out = [0.0] * n
    for i, a in zip(order, placed, strict=True):
        out[i] = a % full
    return out


def _first(block: tuple[int, int, float], gap: float) -> float:
    """Where the first mark of a block of :func:`_spread` goes: its marks ``gap`` apart,
    as near their own angles as can be (the mean of angle - k·gap, k counted from it)."""
    k0, count, total = block
    return total / count + k0 * gap


def wheel_layout(wheel: YearWheel, size: float) -> WheelLayout:
    """Where every part of ``wheel`` goes in a ``size`` × ``size`` square."""
    c = size / 2
    outer = c - size * 0.13  # room for the month names
    hub = outer * 0.28
    n = max(1, len(wheel.rings))
    band = (outer - hub) / n
    circles = (*((outer - i * band, i % 2 == 0) for i in range(n)), (hub, False))
    bands = tuple((outer - (i + 1) * band, outer - i * band) for i in range(n))
    spokes = []
    labels = []
    for month in range(12):
        a = 2 * math.pi * month / 12
        spokes.append((c + hub * math.sin(a), c - hub * math.cos(a),
                       c + outer * math.sin(a), c - outer * math.cos(a)))  # fmt: skip
        mid = a + math.pi / 12
        r = outer + size * 0.06
        labels.append((c + r * math.sin(mid), c - r * math.cos(mid), wheel.months[month]))
    dots: list[Dot | None] = [None] * len(wheel.marks)
    for ring in range(n):
        mine = sorted((_angle(day), i) for i, (rg, day, _t, _d) in enumerate(wheel.marks)
                      if rg == ring)  # fmt: skip
        if not mine:
            continue
        radius = (bands[ring][0] + bands[ring][1]) / 2
        largest = min(band * 0.38, size * 0.026)
        if len(mine) > 1:  # as large as fits: n dots round the ring with room between
            largest = min(largest, radius * math.sin(math.pi / len(mine)) / (1 + _CLEAR))
        angles = [a for a, _ in mine]
        for shrink in _SHRINK:  # smaller dots while a crowd pushes one far from its day
            dot_r = largest * shrink
            # the angle between two centres a diameter (and the room) apart, as a chord
            gap = 2 * math.asin(min(1.0, dot_r * (1 + _CLEAR) / radius))
            spread = _spread(angles, gap)
            moved = max(abs((b - a + math.pi) % (2 * math.pi) - math.pi)
                        for a, b in zip(angles, spread, strict=True))  # fmt: skip
            if moved <= _FAR:
                break
        for a, (_, i) in zip(spread, mine, strict=True):
            _rg, day, _text, deadline = wheel.marks[i]
            dots[i] = Dot(c + radius * math.sin(a), c - radius * math.cos(a), dot_r, ring,
                          str(day.day), deadline)  # fmt: skip
    placed = tuple(d for d in dots if d is not None)
    return WheelLayout(size, c, circles, bands, tuple(spokes), tuple(labels), placed)
