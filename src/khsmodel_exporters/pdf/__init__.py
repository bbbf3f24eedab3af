"""The ``pdf`` exporter: print-ready PDF with reportlab, for every document kind.

Lightweight on import: reportlab is imported only inside :meth:`PdfExporter.export`.
What the document says comes from :mod:`khsmodel_exporters.content` (shared
with the Word exporter, so the labels and date formats are the same); how it
looks on the page is decided in :mod:`._render`.

- A4, Liberation Sans (Arial's metric twin, the font the Word files ask
  for) embedded as a subset (covers æøå and the Sámi letters á č đ ŋ š ŧ ž Ï;
  the licence ships in ``fonts/``), no standard-14 font; margins, sizes and
  heading styles as in the Word file (:mod:`khsmodel_exporters._look`).
- Running header (partnership and body), footer with the title and
  "Side X av Y", an outline entry per heading (focus areas, case sections),
  metadata title, author, subject, keywords and the document's language (``/Lang nn-NO``).
- For an action plan, a timeline chart of the measures whose timeframe
  resolves to dates, with the others listed under it.
- Same input, same bytes (reportlab's ``invariant`` mode: fixed dates and ID).

Not PDF/A and not tagged: for archiving use the ``pdfa`` exporter (Word output
converted by LibreOffice), see docs/pdf.md.

Options of ``export(doc, **options)``:

``timeline`` (bool, default True)
    Add the timeline chart to action plans.
``numbering`` (bool or None, default None)
    Which measures of a plan print a number: by default those the source numbers,
    as written ("1.", "2.3"); ``True`` every measure ("2.4" is the fourth measure
    of focus area 2, so a meeting can cite "tiltak 2.4"); ``False`` none.
    On the command line: ``-O numbering=true``.
``language`` (str, default the document's ``language``)
    The language of the words the document prints and declares (``w:lang``,
    ``/Lang``): ``nb``, ``nn``, ``en``, ``se``, ``smj``, ``sma`` (see docs/languages.md).
``labels`` (khsmodel.labels.Labels, default the bundle of ``language``; wins over it)
    The words the document prints, as for the ``docx`` exporter.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any, ClassVar

from khsmodel.documents import DOCUMENT_TYPES, Document
from khsmodel.exporters import CliOption

from .._options import (
    DOCUMENT_CLI_OPTIONS,
    import_renderer,
    labels_option,
    numbering_option,
    reject_unknown_options,
    timeline_option,
)

__all__ = ["PdfExporter"]

_OPTIONS = {"timeline", "labels", "numbering", "language"}


class PdfExporter:
    """PDF (reportlab) for every document kind."""

    name = "pdf"
    suffix = ".pdf"
    media_type = "application/pdf"
    kinds: tuple[str, ...] = tuple(DOCUMENT_TYPES)
    requires: tuple[str, ...] = ("reportlab",)
    install_hint = 'pip install "khsmodel[pdf]"'
    cli_options: ClassVar[Mapping[str, CliOption]] = DOCUMENT_CLI_OPTIONS

    def export(self, doc: Document, **options: Any) -> bytes:
        reject_unknown_options("pdf", options, _OPTIONS)
        timeline = timeline_option(options)

        labels = labels_option(options, doc)

        from ..content import build

        numbering = numbering_option(options)
        content = build(doc, labels=labels, numbering=numbering)  # bad text: error with path
        render = import_renderer(self, __package__)
        return render(content, labels=labels, timeline=timeline)
