"""The document checker: reads a Word and a PDF document back as a secretary would and
lists what she would not send.

:func:`check` exports a document to docx and pdf, reads them back (python-docx,
pdftotext) and returns the problems it finds, each with where it is:

``empty heading``       a heading followed directly by another of the same or a higher
                        level, or with nothing after it (Word)
``heading at page end`` a heading as the last line of a PDF page (its text on the next)
``heading not kept``    a Word heading paragraph without "keep with next"
``modelling note``      a phrase of the model's provenance or of a web page's navigation
                        ("(medlemskap utledet)", "er flyttet til ny side")
``empty column``        a table column empty in every row
``repeated table``      a table printed twice (the same rows)
``invented precision``  a date the source gave as a year or a phrase ("i 2009", a period
                        "2009–2017") printed as a day ("1. januar 2009", "01.01.2009")
``wrapped identifier``  an organisation number ("920 125 298"), a kommunenummer ("3005"),
                        a case number or reference ("2/2016", "2021/3288") or a date
                        ("8. februar 2016", "08.02.2016") broken over two lines of a PDF
                        (the reportlab PDF, the Word file as LibreOffice prints it, the PDF/A)

The ``html`` page is read too (:func:`check_html`): an empty heading in its ``main``,
a modelling note anywhere in its text.

Used by tests/exporters/test_documents_checked.py over every example and generated documents.
"""

from __future__ import annotations

import datetime as dt
import io
import os
import re
import subprocess
import tempfile
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import attrs

import khsmodel
from khsmodel._base import Period
from khsmodel.identifiers import KommuneNumber, OrganisationNumber
from khsmodel.labels import NB, Labels, for_language
from khsmodel.partnerships import HistoryEntry, Membership, Partnership
from khsmodel_exporters import content as C
from tests.support.needs import program

#: Phrases that are the model's own notes or a web page's furniture, never a document's.
MODELLING_NOTES = (
    r"medlemskap utledet",
    r"membership inferred",
    r"\butledet\)",
    r"\bseed \d",
    r"parties\.csv",
    r"er flyttet til ny side",
    r"\bSubmeny\b",
    r"\(sic\)",
    r"\bTODO\b",
    r"\bverified\b",
    r"ikke verifisert",
)
_NOTES = re.compile("|".join(MODELLING_NOTES), re.IGNORECASE)


@dataclass(frozen=True)
class Problem:
    kind: str
    where: str
    detail: str

    def __str__(self) -> str:
        return f"{self.kind} ({self.where}): {self.detail}"


def _norm(text: str) -> str:
    return " ".join(text.split())


# ---------------------------------------------------------------- Word
def _body(d: Any) -> Iterator[Any]:
    from docx.table import Table
    from docx.text.paragraph import Paragraph

    for child in d.element.body.iterchildren():
        tag = child.tag.rsplit("}", 1)[-1]
        if tag == "p":
            yield Paragraph(child, d)
        elif tag == "tbl":
            yield Table(child, d)


def _heading_level(p: Any) -> int | None:
    name = p.style.name if p.style is not None else ""
    m = re.fullmatch(r"Heading (\d)", name)
    return int(m.group(1)) if m else None


def _keeps_with_next(p: Any) -> bool:
    if p.paragraph_format.keep_with_next:
        return True
    style = p.style
    while style is not None:
        if style.paragraph_format.keep_with_next:
            return True
        style = style.base_style
    return False


def _cell_text(cell: Any) -> str:
    return _norm(cell.text)


def _is_group_row(row: Any) -> bool:
    return any(tc.grid_span > 1 for tc in row._tr.tc_lst)


def check_docx(data: bytes, *, labels: Labels = NB) -> list[Problem]:
    import docx
    from docx.oxml.ns import qn
    from docx.table import Table

    d = docx.Document(io.BytesIO(data))
    problems: list[Problem] = []
    items = list(_body(d))
    # an item is (level or None, text, object); empty paragraphs carry nothing
    seq: list[tuple[int | None, str, Any]] = []
    for it in items:
        if isinstance(it, Table):
            seq.append((None, "<table>", it))
        elif it.text.strip():
            seq.append((_heading_level(it), it.text, it))
    timeline_tables: set[int] = set()
    for i, (level, text, obj) in enumerate(seq):
        if level is None:
            continue
        if text == labels.timeline:
            timeline_tables.update(
                id(o) for lv, _, o in seq[i + 1 : i + 3] if lv is None and isinstance(o, Table)
            )
        if not _keeps_with_next(obj):
            problems.append(Problem("heading not kept", "docx", text))
        nxt = seq[i + 1] if i + 1 < len(seq) else None
        if nxt is None:
            problems.append(Problem("empty heading", "docx", f"{text!r} ends the document"))
        elif nxt[0] is not None and nxt[0] <= level:
            problems.append(Problem("empty heading", "docx", f"{text!r} before {nxt[1]!r}"))
    seen: dict[tuple[tuple[str, ...], ...], int] = {}
    n = 0
    for it in items:
        if not isinstance(it, Table):
            continue
        n += 1
        if id(it) in timeline_tables:
            continue  # a month with no measure is an empty column of the chart: not data
        rows = [r for r in it.rows if not _is_group_row(r)]
        grid = [[_cell_text(c) for c in r.cells] for r in rows]
        if not grid:
            continue
        width = max(len(r) for r in grid)
        trpr = rows[0]._tr.trPr
        header = trpr is not None and trpr.find(qn("w:tblHeader")) is not None
        for col in range(width):
            values = [r[col] if col < len(r) else "" for r in grid]
            # a header's label over data cells all empty, or no text in any row
            data_values = values[1:] if header else values
            if (data_values and not any(data_values)) or not any(values):
                problems.append(Problem("empty column", f"docx table {n}", f"column {values[0]!r}"))
        body = tuple(tuple(r) for r in grid[1:] if any(r))
        if len(body) >= 2:
            if body in seen:
                problems.append(
                    Problem("repeated table", f"docx table {n}", f"same rows as table {seen[body]}")
                )
            seen.setdefault(body, n)
    for p in d.paragraphs:
        for m in _NOTES.finditer(p.text):
            problems.append(Problem("modelling note", "docx", f"{m.group(0)!r} in {p.text!r}"))
    for table in d.tables:
        for row in table.rows:
            for cell in row.cells:
                for m in _NOTES.finditer(cell.text):
                    problems.append(
                        Problem("modelling note", "docx table", f"{m.group(0)!r} in {cell.text!r}")
                    )
    return problems


# ---------------------------------------------------------------- PDF
def pdf_pages(data: bytes, *, layout: bool = True) -> list[str]:
    """The text of each page (``layout``: as laid out, columns side by side; else in
    reading order, a table cell's lines together)."""
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "doc.pdf"
        path.write_bytes(data)
        out = subprocess.run(
            [program("pdftotext"), *(["-layout"] if layout else []), "-enc", "UTF-8", str(path),
             "-"],
            check=True, capture_output=True, timeout=120,
        ).stdout.decode("utf-8")  # fmt: skip
    pages = out.split("\f")
    return pages[:-1] if pages and not pages[-1].strip() else pages


def _headings(content: C.Content) -> Iterator[str]:
    for b in content.blocks:
        if isinstance(b, C.Heading):
            yield b.text
        elif isinstance(b, C.Included):
            yield from _headings(b.content)


def _indent(line: str) -> int:
    return len(line) - len(line.lstrip())


_PAGE_OF = re.compile(r"\bSide \d+ av \d+\s*$")


def check_pdf(data: bytes, content: C.Content) -> list[Problem]:
    problems: list[Problem] = []
    headings = [_norm(h) for h in _headings(content)]
    pages = pdf_pages(data)
    for number, page in enumerate(pages, start=1):
        lines = [ln for ln in page.splitlines() if ln.strip()]
        while lines and _PAGE_OF.search(lines[-1]):
            lines.pop()  # the footer
        if number == len(pages) or not lines:
            continue
        # the last line of the page is a heading, or the last lines are one that wrapped:
        # all of it, at the page's left edge. A table cell is no heading: its last lines
        # may end as a heading does ("… med behov for koordinerte tjenester") or even say
        # the same, but they stand indented, in their column (pdftotext -layout).
        left = min(_indent(ln) for ln in lines)
        ends: set[str] = set()
        for k in range(1, min(4, len(lines)) + 1):
            if _indent(lines[-k]) != left:
                break
            ends.add(_norm(" ".join(lines[-k:])))
        for h in headings:
            if len(h) >= 4 and h in ends:
                problems.append(Problem("heading at page end", f"pdf page {number}", h))
                break
    text = "\n".join(pages)
    for m in _NOTES.finditer(text):
        problems.append(Problem("modelling note", "pdf", m.group(0)))
    return problems


# ---------------------------------------------------------------- dates
def _walk(
    obj: object, parent: object = None, name: str = ""
) -> Iterator[tuple[object, str, object]]:
    """(owner, field name, value) of every field in the model tree."""
    if isinstance(obj, tuple | list):
        for x in obj:
            yield from _walk(x, parent, name)
        return
    if attrs.has(type(obj)):
        for f in attrs.fields(type(obj)):
            value = getattr(obj, f.name)
            yield obj, f.name, value
            yield from _walk(value, obj, f.name)


def imprecise_dates(doc: object, labels: Labels = NB) -> set[dt.date]:
    """Dates the model holds for something the source gave less precisely: a period's
    ends when the period has a text ("2009–2017"), a founding year ("2009") kept as its
    1 January, a history line's dates with its "when". Minus the dates some field gives
    as a day with no text beside it (those may print as days)."""
    loose: set[dt.date] = set()
    exact: set[dt.date] = set()
    for owner, name, value in _walk(doc):
        if not isinstance(value, dt.date):
            continue
        given: str | None = None  # the text the source gave for this date, if any
        if isinstance(owner, Period):
            given = owner.text
        elif isinstance(owner, Partnership) and name == "established":
            given = owner.established_text  # "2009"
        elif isinstance(owner, HistoryEntry):
            given = owner.when  # "Høsten 2014"
        if given:
            if labels.date(value) not in given and labels.date_numeric(value) not in given:
                loose.add(value)  # a text that names the day itself may print it
        elif isinstance(owner, Membership):
            pass  # a membership has no text: its dates are what the builder must not invent
        elif type(owner).__module__ == "khsmodel.timeframes":
            pass  # a timeframe prints its text as written
        else:
            exact.add(value)
    return loose - exact


def check_dates(text: str, doc: object, labels: Labels = NB) -> list[Problem]:
    problems = []
    flat = _norm(text)
    # the source's own words may name the day ("1. januar 2017" as a timeframe's text)
    words = _norm(" ".join(v for _, _, v in _walk(doc) if isinstance(v, str)))
    for day in sorted(imprecise_dates(doc, labels)):
        for printed in (labels.date(day), labels.date_numeric(day)):
            # a whole date, not the end of another ("1. januar 2010" in "11. januar 2010")
            whole = re.compile(rf"(?<!\d){re.escape(printed)}(?!\d)")
            if whole.search(flat) and not whole.search(words):
                problems.append(
                    Problem(
                        "invented precision", "text", f"{printed!r} for a date given less precisely"
                    )
                )
    return problems


# ---------------------------------------------------------------- identifiers
#: In the model's strings: case numbers and references, dates written out, numeric dates.
_CASE = re.compile(r"(?<![\w/])\d{1,4}/\d{2,4}(?:-\d+)?(?![\w/])")
_MONTHS = "januar|februar|mars|april|mai|juni|juli|august|september|oktober|november|desember"
_LONG_DATE = re.compile(rf"(?<![\w.])\d{{1,2}}\. (?:{_MONTHS}) \d{{4}}\b", re.IGNORECASE)
_NUM_DATE = re.compile(r"(?<![\w.])\d{2}\.\d{2}\.\d{4}\b")


def identifiers(doc: object, labels: Labels = NB, *, long_dates: bool = True) -> set[str]:
    """The identifiers a reader must see on one line, as the exporters print them: every
    organisation number (grouped "920 125 298"), kommunenummer, case number or archive
    reference, and every date of the model (as a day and as digits) or in its text
    (``long_dates=False``: not the written-out ones, "8. februar 2016")."""
    out: set[str] = set()
    for _, _, value in _walk(doc):
        if isinstance(value, OrganisationNumber):
            out.add(value.grouped())
        elif isinstance(value, KommuneNumber):
            out.add(value.value)
        elif isinstance(value, dt.date):
            out.add(labels.date_numeric(value))
            if long_dates:  # in the document's language: "31. juovlamánnu 2029" too
                out.add(labels.date(value))
        elif isinstance(value, str):
            for pattern in (_CASE, _LONG_DATE, _NUM_DATE) if long_dates else (_CASE, _NUM_DATE):
                out |= {_norm(m.group(0)) for m in pattern.finditer(value)}
    return out


def _loose(identifier: str) -> re.Pattern[str]:
    """``identifier`` with any whitespace (a line break) allowed between its characters."""
    parts = [r"\s+" if ch == " " else re.escape(ch) for ch in identifier]
    body = "".join(
        p if p == r"\s+" or i == 0 or parts[i - 1] == r"\s+" else r"\s*" + p
        for i, p in enumerate(parts)
    )
    return re.compile(rf"(?<![\w/]){body}(?![\w/])")


def check_identifiers(text: str, wanted: set[str], where: str) -> list[Problem]:
    """A ``wanted`` identifier that ``text`` (a PDF's text in reading order, as
    ``pdf_pages(data, layout=False)`` gives it) breaks over a line."""
    problems = []
    for identifier in sorted(wanted):
        for m in _loose(identifier).finditer(text):
            # one line break inside it; a blank line parts two cells or paragraphs
            if "\n" in m.group(0) and not re.search(r"\n\s*\n", m.group(0)):
                shown = m.group(0).replace("\n", "⏎")
                problems.append(Problem("wrapped identifier", where, f"{identifier!r} as {shown!r}"))
    return problems


# ---------------------------------------------------------------- HTML
def check_html(data: bytes) -> list[Problem]:
    """The ``html`` page: an empty heading in ``main`` (another of the same or a higher
    level next, or nothing after it), a modelling note in any text."""
    from tests.support.html_support import El, parse

    page = parse(data)
    problems: list[Problem] = []
    (main,) = page.all("main")
    seq: list[tuple[int | None, str]] = []

    def walk(el: El) -> None:
        for child in el.children:
            if isinstance(child, str):
                if child.strip():
                    seq.append((None, child))
            elif re.fullmatch(r"h[1-6]", child.tag):
                seq.append((int(child.tag[1]), _norm(child.text())))
            else:
                walk(child)

    walk(main)
    for i, (level, text) in enumerate(seq):
        if level is None:
            continue
        nxt = seq[i + 1] if i + 1 < len(seq) else None
        if nxt is None:
            problems.append(Problem("empty heading", "html", f"{text!r} ends the page"))
        elif nxt[0] is not None and nxt[0] <= level:
            problems.append(Problem("empty heading", "html", f"{text!r} before {nxt[1]!r}"))
    (body,) = page.all("body")
    for m in _NOTES.finditer(body.text()):
        problems.append(Problem("modelling note", "html", m.group(0)))
    return problems


# ---------------------------------------------------------------- all
def check(doc: khsmodel.Document, *, long_dates: bool = True, **options: Any) -> list[Problem]:
    """Export ``doc`` to docx, pdf and html and list what a reader would not send (the
    Word file as LibreOffice prints it: :func:`check_identifiers` over
    :func:`libreoffice_pdfs`, in one run for many documents)."""
    # the words the exporters print: the labels option, else the document's language
    labels = options.get("labels") or for_language(options.get("language", doc.language))
    docx_bytes = khsmodel.export(doc, "docx", **options)
    pdf_bytes = khsmodel.export(doc, "pdf", **options)
    content = C.build(doc, labels=labels, numbering=options.get("numbering"))
    problems = check_docx(docx_bytes, labels=labels)
    problems += check_pdf(pdf_bytes, content)
    problems += check_dates("\n".join(pdf_pages(pdf_bytes)), doc, labels)
    reading = "\n".join(pdf_pages(pdf_bytes, layout=False))
    wanted = identifiers(doc, labels, long_dates=long_dates)
    problems += check_identifiers(reading, wanted, "pdf")
    problems += check_html(khsmodel.export(doc, "html", **options))
    return problems


def libreoffice_pdfs(docx_files: dict[str, bytes], tmp: Path) -> dict[str, bytes]:
    """name → the PDF LibreOffice prints of each Word file (one soffice run for all)."""
    soffice = program("soffice")
    for name, data in docx_files.items():
        (tmp / f"{name}.docx").write_bytes(data)
    result = subprocess.run(
        [soffice, "--headless", "--convert-to", "pdf", "--outdir", str(tmp / "pdf"),
         *(str(tmp / f"{n}.docx") for n in docx_files)],
        capture_output=True, timeout=900, env={**os.environ, "HOME": str(tmp)},
    )  # fmt: skip
    out = {}
    for name in docx_files:
        pdf = tmp / "pdf" / f"{name}.pdf"
        if not pdf.exists():
            raise AssertionError(f"LibreOffice wrote no {pdf.name}: {result.stderr.decode()[-400:]}")
        out[name] = pdf.read_bytes()
    return out
