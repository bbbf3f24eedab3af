"""A status report as CSV: one row per measure, with where it stands (the ``csv`` exporter).

The columns (:data:`STATUS_COLUMNS`) are the plan and the report's date, the
measure's place and words as in the measures table of :mod:`khsmodel.csv`,
the end the report computed from its timeframe (``computed_end``, in Bokmål
``Beregnet sluttdato``: the library's reading of a timeframe such as "Medio
juni", which the source does not give as a date; empty when it gives none),
then its status at the date and the date of that status, its timing
(``overdue``, ``due_soon``, ``not_due``, ``unresolved``), the latest note and,
with ``since``, the status at that date and the new notes. The options are
those of :func:`khsmodel.csv.write_measures` (delimiter, bom, headers,
formula_guard); with ``headers="nb"`` statuses and timings are written in
Bokmål, a measure without status as "Uten status" (the word of the Word and
PDF report); with ``headers="en"`` statuses are the model's keys (``done``)
and no status is an empty cell, as before. The table is for reading and counting in a spreadsheet; it is not read
back into a plan (``khsmodel import-csv`` reads the measures table).
"""

from __future__ import annotations

import csv
import io

from khsmodel.csv import _check_write_options, _guard
from khsmodel.labels import NB
from khsmodel.plans import MeasureStatus
from khsmodel.status import StatusReport, Timing

__all__ = ["STATUS_COLUMNS", "TIMING_NB", "write_status_report"]

#: (English key, Norwegian header) of each column, in order.
STATUS_COLUMNS: tuple[tuple[str, str], ...] = (
    ("plan", "Handlingsplan"),
    ("as_of", "Status per"),
    ("focus_area", "Fokusområde nr."),
    ("focus_area_title", "Fokusområde"),
    ("measure", "Tiltak nr."),
    ("text", "Tiltak"),
    ("heading", "Overskrift"),  # the measure's heading as written; the text stays "text"
    ("responsible", "Ansvarlig"),
    ("timeframe", "Tidsperspektiv"),
    ("computed_end", "Beregnet sluttdato"),
    ("status", "Status"),
    ("status_date", "Statusdato"),
    ("timing", "Tidsstatus"),
    ("note_date", "Oppfølgingsdato"),
    ("note", "Siste oppfølging"),
    ("previous_status", "Status før"),
    ("new_notes", "Nye notater"),
)

#: The timings in Bokmål.
TIMING_NB = {
    Timing.OVERDUE: "Forsinket",
    Timing.DUE_SOON: "Frist nærmer seg",
    Timing.NOT_DUE: "Ikke forfalt",
    Timing.UNRESOLVED: "Uten dato",
}


def _status(status: MeasureStatus | None, nb: bool) -> str:
    """The status as the column writes it: the Bokmål word with Norwegian headers (no status:
    "Uten status", as the documents print it), else the key (no status: empty, the
    machine-readable output kept as it was)."""
    if status is None:
        return NB.status_report["no_status"] if nb else ""
    return NB.measure_status[status.value] if nb else status.value


def write_status_report(
    doc: StatusReport,
    *,
    delimiter: str = ",",
    bom: bool = False,
    headers: str = "en",
    formula_guard: bool = True,
) -> bytes:
    """The report's items as CSV (UTF-8, CRLF, RFC 4180 quoting), in plan order."""
    _check_write_options(delimiter, bom, headers, formula_guard)
    nb = headers == "nb"
    out = io.StringIO(newline="")
    writer = csv.writer(out, delimiter=delimiter, lineterminator="\r\n")
    writer.writerow([h if nb else k for k, h in STATUS_COLUMNS])
    plan = doc.plan
    since = doc.since is not None
    for item in doc.items:
        m = doc.measure(item)
        fa = plan.focus_area(item.focus_area) if item.focus_area is not None else None
        note = item.note
        text = {
            "plan": plan.title,
            "focus_area_title": fa.title if fa else "",
            "text": m.text if m else "",
            "heading": (m.heading or "") if m else "",
            "responsible": m.responsibility.text if m and m.responsibility else "",
            "timeframe": m.timeframe.text if m and m.timeframe else "",
            "note": note.text if note else "",
            "new_notes": "\n".join(f"{e.date.isoformat()}: {e.text}" for e in item.new_notes),
        }
        other = {
            "as_of": doc.as_of.isoformat(),
            "focus_area": str(item.focus_area) if item.focus_area is not None else "",
            "measure": str(item.measure),
            "computed_end": item.end.isoformat() if item.end else "",
            "status": _status(item.status, nb),
            "status_date": item.status_date.isoformat() if item.status_date else "",
            "timing": TIMING_NB[item.timing] if nb else item.timing.value,
            "note_date": note.date.isoformat() if note else "",
            "previous_status": _status(item.previous_status, nb) if since else "",
        }
        writer.writerow(
            [_guard(text[k], formula_guard) if k in text else other[k] for k, _ in STATUS_COLUMNS]
        )
    return (("\ufeff" if bom else "") + out.getvalue()).encode("utf-8")
