"""The measures of an action plan as a CSV table, and a filled-in table applied back to the plan.

The secretariat exports a plan to a spreadsheet, fills in status and progress
for many measures at once, and applies the sheet back to the plan JSON:

- :func:`write_measures` (the ``csv`` exporter): one row per measure.
- :func:`read_measures`: the rows applied back to the plan they came from.
  ``read_measures(write_measures(plan), plan) == plan`` for every plan.

What may change through the CSV: ``status``, the ``timeframe`` text (its
interpretation is then made anew by :func:`~khsmodel.interpret_timeframe`),
and one **new** progress entry per measure (``progress_date`` +
``progress_text``, dated after the measure's latest entry). Everything else
identifies the measure and must match the plan exactly: ``focus_area`` and
``measure`` numbers pick the measure, ``plan``, ``focus_area_title``,
``text``, ``heading``, ``details``, ``responsible`` and ``phase`` are checked against it,
and ``start``/``end`` (the dates the timeframe resolves to) must be empty or
equal to what the resulting timeframe resolves to. A row that matches no
measure is an error, never an addition; rows left out leave their measures
unchanged. Every problem is reported at once, with its row and column, in a
:class:`CsvImportError`; then nothing is changed.

>>> from khsmodel import ActionPlan, FocusArea, Measure
>>> plan = ActionPlan(title="Handlingsplan 2016-2017", focus_areas=(FocusArea(number=1,
...     title="Barn og unge", measures=(Measure(number=1, text="Fagdag"),)),))
>>> data = write_measures(plan)
>>> print(data.decode().splitlines()[1])
Handlingsplan 2016-2017,1,Barn og unge,1,Fagdag,,,,,,,,,,
>>> read_measures(data, plan) == plan
True
>>> done = data.replace(b"Fagdag,,,,,,,,,,", b"Fagdag,,,,,,,,done,2016-05-02,Gjennomf\\xc3\\xb8rt")
>>> m = read_measures(done, plan).focus_areas[0].measures[0]
>>> m.status.value, m.progress[-1].date.isoformat(), m.progress[-1].text
('done', '2016-05-02', 'Gjennomført')

Pure standard library: the name of this module does not shadow the standard
``csv`` inside it, because imports are absolute.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import os
import re
import sys
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import IO, Literal

import attrs

from ._base import evolve
from .errors import DocumentKindError, ExporterOptionError, KhsModelError
from .labels import NB
from .plans import ActionPlan, FocusArea, Measure, MeasureStatus, ProgressEntry
from .timeframes import Timeframe, interpret_timeframe

__all__ = [
    "COLUMNS",
    "CellError",
    "Column",
    "CsvImportError",
    "read_measures",
    "write_measures",
]

HeaderLanguage = Literal["en", "nb"]
@dataclass(frozen=True, slots=True)
class Column:
    """One column of the measures table: its English key, Norwegian header and meaning."""

    key: str
    nb: str
    meaning: str
    changeable: bool = False


#: The columns, in the order they are written.
COLUMNS: tuple[Column, ...] = (
    Column("plan", "Handlingsplan", "title of the plan"),
    Column("focus_area", "Fokusområde nr.", "number of the focus area; empty for ongoing activities"),
    Column("focus_area_title", "Fokusområde", "title of the focus area"),
    Column("measure", "Tiltak nr.", "number of the measure"),
    Column("text", "Tiltak", "the measure as written (first line)"),
    Column("heading", "Overskrift", "the heading over the measure as written, its own or its group's"),
    Column("details", "Detaljer", "further lines of the measure, one per line"),
    Column("responsible", "Ansvarlig", "responsibility, text as written"),
    Column("timeframe", "Tidsperspektiv", "timeframe, text as written", changeable=True),
    Column("start", "Fra dato", "first day the timeframe resolves to"),
    Column("end", "Til dato", "last day the timeframe resolves to"),
    Column("phase", "Fase", "label of the phase"),
    Column("status", "Status", "status of the measure", changeable=True),
    Column("progress_date", "Oppfølgingsdato", "date of the latest progress entry", changeable=True),
    Column("progress_text", "Oppfølging", "text of the latest progress entry", changeable=True),
)

_KEYS = tuple(c.key for c in COLUMNS)
_INT_COLUMNS = frozenset({"focus_area", "measure"})
_DATE_COLUMNS = frozenset({"start", "end", "progress_date"})
_REQUIRED = ("focus_area", "measure", "text")
_DELIMITERS = (",", ";", "\t")


def _check_write_options(delimiter: str, bom: bool, headers: str, formula_guard: bool) -> None:
    """The options every CSV writer of khsmodel takes (measures, status reports); a bad one
    is an :class:`ExporterOptionError` of the ``csv`` exporter (a :class:`KhsModelError`)
    naming it, which the CLI reports as a usage error."""
    if delimiter not in _DELIMITERS:
        raise ExporterOptionError(
            "csv", "delimiter", delimiter,
            f"delimiter must be one of {', '.join(repr(d) for d in _DELIMITERS)}, got {delimiter!r}",
        )  # fmt: skip
    if headers not in ("en", "nb"):
        raise ExporterOptionError(
            "csv", "headers", headers, f'headers must be "en" or "nb", got {headers!r}'
        )
    for name, value in (("bom", bom), ("formula_guard", formula_guard)):
        if type(value) is not bool:
            raise ExporterOptionError(
                "csv", name, value, f"{name} must be True or False, got {value!r}"
            )


#: A text cell starting with one of these is read as a formula by spreadsheets; it is written
#: with a leading apostrophe, which :func:`read_measures` removes again.
_FORMULA_START = frozenset("=+-@\t\r")


@attrs.frozen
class CellError:
    """One problem in a CSV file: the row (1 = header, as a spreadsheet counts), the column
    (its header as written in the file, None for the whole row) and what was expected."""

    row: int | None
    column: str | None
    message: str

    def __str__(self) -> str:
        where = []
        if self.row is not None:
            where.append(f"row {self.row}")
        if self.column is not None:
            where.append(f"column {self.column}")
        return f"{', '.join(where)}: {self.message}" if where else self.message


class CsvImportError(KhsModelError):
    """A CSV file that cannot be applied to the plan. ``errors`` lists every problem found."""

    def __init__(self, errors: Iterable[CellError]) -> None:
        self.errors: tuple[CellError, ...] = tuple(errors)
        lines = [f"{len(self.errors)} problem(s) in the CSV file:"]
        lines += [f"  {e}" for e in self.errors]
        super().__init__("\n".join(lines))


# ---------------------------------------------------------------------------
# Writing
# ---------------------------------------------------------------------------


def _guard(text: str, formula_guard: bool) -> str:
    """Prefix an apostrophe where a spreadsheet would see a formula, or where
    :func:`_unguard` would otherwise remove a leading apostrophe of the text itself."""
    if not text:
        return text
    if formula_guard and (text[0] in _FORMULA_START or text[0] == "'"):
        return "'" + text
    if text[0] == "'" and len(text) > 1 and (text[1] in _FORMULA_START or text[1] == "'"):
        return "'" + text
    return text


def _unguard(text: str) -> str:
    if len(text) > 1 and text[0] == "'" and (text[1] in _FORMULA_START or text[1] == "'"):
        return text[1:]
    return text


def _status_text(status: MeasureStatus | None, headers: HeaderLanguage) -> str:
    if status is None:
        return ""
    return NB.measure_status[status.value] if headers == "nb" else status.value


def _measures_of(plan: ActionPlan) -> Iterable[tuple[FocusArea | None, Measure]]:
    for fa, m in plan.iter_measures():
        yield fa, m
    for m in plan.ongoing_activities:
        yield None, m


def _row(
    plan: ActionPlan, fa: FocusArea | None, m: Measure, headers: HeaderLanguage, guard: bool
) -> list[str]:
    rng = m.timeframe.date_range() if m.timeframe else None
    start, end = rng if rng else (None, None)
    latest = m.progress[-1] if m.progress else None
    text = {
        "plan": plan.title,
        "focus_area_title": fa.title if fa else "",
        "text": m.text,
        "heading": m.heading or "",
        "details": "\n".join(m.details),
        "responsible": m.responsibility.text if m.responsibility else "",
        "timeframe": m.timeframe.text if m.timeframe else "",
        "phase": m.phase.label if m.phase else "",
        "status": _status_text(m.status, headers),
        "progress_text": latest.text if latest else "",
    }
    other = {
        "focus_area": str(fa.number) if fa else "",
        "measure": str(m.number),
        "start": start.isoformat() if start else "",
        "end": end.isoformat() if end else "",
        "progress_date": latest.date.isoformat() if latest else "",
    }
    return [_guard(text[k], guard) if k in text else other[k] for k in _KEYS]


def write_measures(
    plan: ActionPlan,
    *,
    delimiter: str = ",",
    bom: bool = False,
    headers: HeaderLanguage = "en",
    formula_guard: bool = True,
) -> bytes:
    """The measures of ``plan`` as CSV (UTF-8, CRLF line ends, RFC 4180 quoting).

    One row per measure of each focus area, then one per ongoing activity
    (``focus_area`` empty). ``delimiter`` is ``","``, ``";"`` (Norwegian
    Excel) or a tab; ``bom=True`` starts the file with a byte-order mark so
    Excel reads it as UTF-8; ``headers="nb"`` writes Norwegian headers and
    status labels ("Pågår") instead of the English keys ("ongoing").
    ``formula_guard`` (on by default) writes a text cell that starts with
    ``= + - @``, a tab or a carriage return with a leading apostrophe, so a
    spreadsheet shows "-Oppsummere høringssvar" as text instead of running it
    as a formula; :func:`read_measures` removes it again.
    """
    if not isinstance(plan, ActionPlan):
        raise DocumentKindError(
            ("ActionPlan",), type(plan).__name__, f"expected an ActionPlan, got {type(plan).__name__}"
        )
    _check_write_options(delimiter, bom, headers, formula_guard)
    out = io.StringIO(newline="")
    writer = csv.writer(out, delimiter=delimiter, lineterminator="\r\n")
    writer.writerow([c.nb if headers == "nb" else c.key for c in COLUMNS])
    for fa, m in _measures_of(plan):
        writer.writerow(_row(plan, fa, m, headers, formula_guard))
    return (("\ufeff" if bom else "") + out.getvalue()).encode("utf-8")


# ---------------------------------------------------------------------------
# Reading
# ---------------------------------------------------------------------------

_HEADER_KEYS: dict[str, str] = {}
for _c in COLUMNS:
    _HEADER_KEYS[_c.key.casefold()] = _c.key
    _HEADER_KEYS[_c.nb.casefold()] = _c.key

_STATUS_VALUES: dict[str, MeasureStatus] = {}
for _s in MeasureStatus:
    _STATUS_VALUES[_s.value.casefold()] = _s
    _STATUS_VALUES[NB.measure_status[_s.value].casefold()] = _s
_STATUS_ALLOWED = (
    ", ".join(s.value for s in MeasureStatus)
    + ", or "
    + ", ".join(NB.measure_status[s.value] for s in MeasureStatus)
    + " (or empty)"
)

# ASCII digits only: int() would also read other scripts' digits ("١٢" as 12)
_INT_RE = re.compile(r"-?[0-9]+")
_ISO_DATE_RE = re.compile(r"([0-9]{4})-([0-9]{2})-([0-9]{2})")
_NB_DATE_RE = re.compile(r"([0-9]{1,2})\.([0-9]{1,2})\.([0-9]{4})")


def _shown(text: str) -> str:
    short = text if len(text) <= 60 else text[:57] + "..."
    return "“" + short.replace("\r", "\\r").replace("\n", "\\n") + "”"


def _parse_date(cell: str) -> dt.date:
    m = _ISO_DATE_RE.fullmatch(cell)
    parts = (m[1], m[2], m[3]) if m else None
    if parts is None:
        m = _NB_DATE_RE.fullmatch(cell)
        parts = (m[3], m[2], m[1]) if m else None
    if parts is None:
        raise ValueError(f"expected a date as YYYY-MM-DD or DD.MM.YYYY, got {_shown(cell)}")
    try:
        return dt.date(int(parts[0]), int(parts[1]), int(parts[2]))
    except ValueError:
        raise ValueError(f"{_shown(cell)} is not a real calendar date") from None


def _read_text(file: str | os.PathLike[str] | bytes | IO[bytes] | IO[str]) -> str:
    if isinstance(file, str | os.PathLike):
        with open(file, "rb") as f:
            data: bytes | str = f.read()
    elif isinstance(file, bytes | bytearray | memoryview):
        data = bytes(file)
    else:
        data = file.read()
    if isinstance(data, str):
        try:
            data.encode("utf-8")
        except UnicodeEncodeError as exc:  # a lone surrogate: no plan file could hold it
            line = data.count("\n", 0, exc.start) + 1
            raise CsvImportError([CellError(None, None,
                f"the text holds a lone surrogate (\\u{ord(data[exc.start]):04x} on line "
                f"{line}), which is not a character")]) from None  # fmt: skip
        return data.removeprefix("\ufeff")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = data.count(b"\n", 0, exc.start) + 1
        raise CsvImportError([CellError(None, None,
            f"the file is not UTF-8 text (byte 0x{data[exc.start]:02X} on line {line}); "
            "save it as “CSV UTF-8”")]) from None  # fmt: skip


def _header(text: str) -> tuple[str, list[str]]:
    """(delimiter, header cells) of the first row; raises when no delimiter gives known names."""
    best: tuple[int, str, list[str]] | None = None
    for d in _DELIMITERS:
        try:
            first = next(csv.reader(io.StringIO(text, newline=""), delimiter=d), [])
        except csv.Error:
            continue
        known = sum(1 for c in first if c.strip().casefold() in _HEADER_KEYS)
        if best is None or known > best[0]:
            best = (known, d, first)
    if best is None or best[0] == 0:
        cells = best[2] if best else []
        raise CsvImportError([CellError(1, None,
            "header row not recognised: expected the columns of the csv export ("
            + ", ".join(_KEYS) + ") or their Norwegian names ("
            + ", ".join(c.nb for c in COLUMNS) + "), separated by comma, semicolon or tab"
            + (f"; got {', '.join(_shown(c) for c in cells)}" if cells else ""))])  # fmt: skip
    return best[1], best[2]


def _columns(cells: Sequence[str]) -> dict[str, int]:
    """Column key → index; every unknown, repeated or missing column is an error."""
    errors: list[CellError] = []
    index: dict[str, int] = {}
    for i, cell in enumerate(cells):
        key = _HEADER_KEYS.get(cell.strip().casefold())
        if key is None:
            errors.append(CellError(1, cell, "unknown column (not one of the csv export)"))
        elif key in index:
            errors.append(CellError(1, cell, f"column {key} appears twice"))
        else:
            index[key] = i
    for key in _REQUIRED:
        if key not in index:
            errors.append(CellError(1, None,
                f"column {key} is missing: it identifies the measure"))  # fmt: skip
    for a, b in (("progress_date", "progress_text"), ("progress_text", "progress_date")):
        if a in index and b not in index:
            errors.append(CellError(1, cells[index[a]], f"column {a} needs column {b} too"))
    if errors:
        raise CsvImportError(errors)
    return index


@dataclass(slots=True)
class _Slot:
    fa_index: int | None
    m_index: int
    used_in: int | None = None


class _Row:
    """One data row: its cells by key, the header names, and the errors found in it."""

    def __init__(self, number: int, cells: list[str], index: dict[str, int], names: list[str]):
        self.number = number
        self.cells = cells
        self.index = index
        self.names = names
        self.errors: list[CellError] = []

    def has(self, key: str) -> bool:
        return key in self.index

    def raw(self, key: str) -> str:
        return self.cells[self.index[key]]

    def text(self, key: str) -> str:
        return _unguard(self.raw(key))

    def error(self, key: str | None, message: str) -> None:
        column = self.names[self.index[key]] if key is not None else None
        self.errors.append(CellError(self.number, column, message))

    def integer(self, key: str, *, optional: bool) -> int | None:
        cell = self.raw(key)
        if cell == "" and optional:
            return None
        if not _INT_RE.fullmatch(cell):
            self.error(key, f"expected a whole number, got {_shown(cell)}")
            return None
        try:
            return int(cell)
        except ValueError:  # longer than Python reads (sys.get_int_max_str_digits())
            self.error(key, f"expected a whole number, got one of {len(cell.lstrip('-'))} "
                       f"digits: more than the {sys.get_int_max_str_digits()} Python reads")  # fmt: skip
            return None

    def date(self, key: str) -> dt.date | None:
        cell = self.raw(key)
        if cell == "":
            return None
        try:
            return _parse_date(cell)
        except ValueError as exc:
            self.error(key, str(exc))
            return None

    def check(self, key: str, expected: str, what: str) -> None:
        if self.has(key) and self.text(key) != expected:
            self.error(key, f"expected {_shown(expected)} ({what} in the plan), got "
                       f"{_shown(self.text(key))}: this column cannot be changed through CSV")  # fmt: skip


def _new_timeframe(row: _Row, plan: ActionPlan, m: Measure) -> Timeframe | None:
    current = m.timeframe
    tf = current
    if row.has("timeframe"):
        new_text = row.text("timeframe")
        if new_text != (current.text if current else ""):
            if new_text == "":
                tf = None
            else:
                # the plan's period picks the year of a text without one
                tf = Timeframe(text=new_text, interpretation=interpret_timeframe(
                    new_text, body=plan.owner, period=plan.period))  # fmt: skip
    rng = tf.date_range() if tf else None
    for key, expected in zip(("start", "end"), rng or (None, None), strict=True):
        if not row.has(key):
            continue
        given = row.date(key)
        if given is not None and given != expected:
            resolves = expected.isoformat() if expected else "no date"
            about = f"the timeframe {_shown(tf.text)}" if tf else "an empty timeframe"
            row.error(key, f"{given.isoformat()} does not match {about} ({key} resolves to "
                      f"{resolves}): the dates follow the timeframe text; leave the cell empty "
                      "or correct it")  # fmt: skip
    return tf


def _new_status(row: _Row, m: Measure) -> MeasureStatus | None:
    if not row.has("status"):
        return m.status
    cell = row.text("status").strip()
    if cell == "":
        return None
    status = _STATUS_VALUES.get(cell.casefold())
    if status is None:
        row.error("status", f"expected one of {_STATUS_ALLOWED}, got {_shown(cell)}")
        return m.status
    return status


def _new_progress(
    row: _Row, m: Measure, status: MeasureStatus | None
) -> tuple[ProgressEntry, ...]:
    if not row.has("progress_date"):
        return m.progress
    day, text = row.date("progress_date"), row.text("progress_text")
    date_cell = row.raw("progress_date")
    latest = m.progress[-1] if m.progress else None
    if date_cell == "" and text == "":
        return m.progress  # no new entry; existing entries are never removed through CSV
    if latest is not None and day == latest.date and text == latest.text:
        return m.progress
    if day is None:
        if date_cell == "":
            row.error("progress_date", "a new progress entry needs a date")
        return m.progress
    if text == "":
        row.error("progress_text", "a new progress entry needs a text")
        return m.progress
    if latest is not None and day <= latest.date:
        row.error("progress_date", f"a new progress entry must be dated after the latest one "
                  f"({latest.date.isoformat()}, {_shown(latest.text)}); existing entries cannot "
                  "be changed through CSV")  # fmt: skip
        return m.progress
    return (*m.progress, ProgressEntry(date=day, text=text, status=status))


def read_measures(
    file: str | os.PathLike[str] | bytes | IO[bytes] | IO[str], plan: ActionPlan
) -> ActionPlan:
    """``plan`` with the status, timeframe and progress updates of a CSV table applied.

    ``file`` is a path, the bytes of the file, or an open file (binary, or
    text opened with ``newline=""``). UTF-8 with or without a byte-order
    mark; delimiter (comma, semicolon, tab) and header language (English keys
    or Norwegian names, in any order, any case) are detected from the header
    row. Columns may be left out, except ``focus_area``, ``measure`` and
    ``text``; a left-out column changes nothing. Dates are read as
    ``YYYY-MM-DD`` or ``DD.MM.YYYY``; status as the English key or the
    Norwegian label. Empty rows are skipped. See the module docstring for
    what may change; anything else raises :class:`CsvImportError` listing
    every problem by row and column, and returns nothing.
    """
    if not isinstance(plan, ActionPlan):
        raise DocumentKindError(
            ("ActionPlan",),
            type(plan).__name__,
            f"read_measures applies a CSV to an ActionPlan, got {type(plan).__name__}",
        )
    text = _read_text(file)
    if not text.strip():
        raise CsvImportError([CellError(None, None, "the file is empty: expected a header row")])
    delimiter, names = _header(text)
    index = _columns(names)

    slots: dict[tuple[int | None, int], list[_Slot]] = {}
    for fi, fa in enumerate(plan.focus_areas):
        for mi, m in enumerate(fa.measures):
            slots.setdefault((fa.number, m.number), []).append(_Slot(fi, mi))
    for mi, m in enumerate(plan.ongoing_activities):
        slots.setdefault((None, m.number), []).append(_Slot(None, mi))
    fa_numbers = {fa.number for fa in plan.focus_areas}

    areas = [list(fa.measures) for fa in plan.focus_areas]
    ongoing = list(plan.ongoing_activities)
    errors: list[CellError] = []
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter, strict=True)
    try:
        next(reader)  # the header
        for number, cells in enumerate(reader, start=2):
            if not any(cells):
                continue
            if len(cells) != len(names):
                errors.append(CellError(number, None,
                    f"{len(cells)} cells, but the header has {len(names)}"))  # fmt: skip
                continue
            row = _Row(number, cells, index, names)
            _apply_row(row, plan, slots, fa_numbers, areas, ongoing)
            errors += row.errors
    except csv.Error as exc:
        errors.append(CellError(None, None, f"line {reader.line_num}: not valid CSV: {exc}"))
    if errors:
        raise CsvImportError(errors)
    return evolve(
        plan,
        focus_areas=tuple(
            evolve(fa, measures=tuple(ms))
            for fa, ms in zip(plan.focus_areas, areas, strict=True)
        ),
        ongoing_activities=tuple(ongoing),
    )


def _apply_row(
    row: _Row,
    plan: ActionPlan,
    slots: dict[tuple[int | None, int], list[_Slot]],
    fa_numbers: set[int],
    areas: list[list[Measure]],
    ongoing: list[Measure],
) -> None:
    fa_no = row.integer("focus_area", optional=True)
    m_no = row.integer("measure", optional=False)
    if row.errors or m_no is None:
        return
    candidates = slots.get((fa_no, m_no))
    if not candidates:
        if fa_no is not None and fa_no not in fa_numbers:
            row.error("focus_area", f"the plan has no focus area {fa_no}")
        elif fa_no is None:
            row.error("measure", f"the plan has no ongoing activity {m_no} (focus_area is empty)")
        else:
            row.error("measure", f"focus area {fa_no} has no measure {m_no}")
        return
    slot = next((s for s in candidates if s.used_in is None), None)
    if slot is None:
        row.error("measure", f"this measure was already given in row {candidates[-1].used_in}")
        return
    slot.used_in = row.number
    fa = plan.focus_areas[slot.fa_index] if slot.fa_index is not None else None
    m = fa.measures[slot.m_index] if fa else plan.ongoing_activities[slot.m_index]

    row.check("plan", plan.title, "the title")
    row.check("focus_area_title", fa.title if fa else "", "the focus area's title")
    row.check("text", m.text, "the measure's text")
    row.check("heading", m.heading or "", "the measure's heading")
    row.check("details", "\n".join(m.details), "the measure's details")
    row.check("responsible", m.responsibility.text if m.responsibility else "", "the responsibility")
    row.check("phase", m.phase.label if m.phase else "", "the phase")
    timeframe = _new_timeframe(row, plan, m)
    status = _new_status(row, m)
    progress = _new_progress(row, m, status)
    if row.errors:
        return
    new = evolve(m, timeframe=timeframe, status=status, progress=progress)
    if slot.fa_index is not None:
        areas[slot.fa_index][slot.m_index] = new
    else:
        ongoing[slot.m_index] = new
