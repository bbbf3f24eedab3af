"""The ``pdf`` exporter: print-ready PDF with reportlab, for every document kind.

Lightweight on import: reportlab is imported only inside :meth:`PdfExporter.export`.
What the document says comes from :mod:`khsmodel_exporters._content` (shared
with the Word exporter, so the labels and date formats are the same); how it
looks on the page is decided in :mod:`._render`.

- A4, DejaVu Sans embedded as a subset (covers æøå and the Sámi letters
  á č đ ŋ š ŧ ž Ï; the licence ships in ``fonts/``), no standard-14 font.
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

from .._options import import_renderer, labels_option, reject_unknown_options, timeline_option

__all__ = ["PdfExporter"]

_OPTIONS = {"timeline", "labels", "language"}


class PdfExporter:
    """PDF (reportlab) for every document kind."""

    name = "pdf"
    suffix = ".pdf"
    media_type = "application/pdf"
    kinds: tuple[str, ...] = tuple(DOCUMENT_TYPES)
    requires: tuple[str, ...] = ("reportlab",)
    install_hint = 'pip install "khsmodel[pdf]"'
    cli_options: ClassVar[Mapping[str, CliOption]] = {
        "language": CliOption(
            "text", "TAG", "print the document's words in this language (nb, nn, en, se, …)"
        ),
        "timeline": CliOption("bool", help="add the timeline chart to action plans (default true)"),
    }

    def export(self, doc: Document, **options: Any) -> bytes:
        reject_unknown_options("pdf", options, _OPTIONS)
        timeline = timeline_option(options)

        labels = labels_option(options, doc)

        from .._content import build

        content = build(doc, labels=labels)  # rejects unwritable text with its path, first
        render = import_renderer(self, __package__)
        return render(content, labels=labels, timeline=timeline)
