"""The ``docx`` exporter: Word documents a Norwegian secretariat would send as they are.

Lightweight on import: python-docx is imported only inside :meth:`DocxExporter.export`.
What the document says comes from :mod:`khsmodel_exporters.content` (shared
with the PDF exporter); how it looks is decided in :mod:`._render`.

Options of ``export(doc, **options)``:

``font`` (str, default ``"Arial"``)
    Font family of all text. Arial is metric-compatible with Liberation Sans
    (LibreOffice) and covers Norwegian and Sámi letters.
``created`` (datetime.datetime or None)
    The core properties' created/modified time. By default the document's own
    date (adoption, document or meeting date) at midnight UTC; left out when
    the document has none. Never the clock: same input, same bytes.
``timeline`` (bool, default True)
    End an action plan with its timeline: a table with a column per month (per
    quarter or year for long plans), the months each dated measure covers filled,
    the measures without a fixed date listed under it (as the PDF's chart).
``numbering`` (bool or None, default None)
    Which measures of a plan print a number: by default those the source numbers,
    as written ("1.", "2.3"); ``True`` every measure ("2.4" is the fourth measure
    of focus area 2, so a meeting can cite "tiltak 2.4"); ``False`` none.
    On the command line: ``-O numbering=true``.
``language`` (str, default the document's ``language``)
    The language of the words the document prints and declares (``w:lang``,
    ``/Lang``): ``nb``, ``nn``, ``en``, ``se``, ``smj``, ``sma`` (see docs/languages.md).
``labels`` (khsmodel.labels.Labels, default the bundle of ``language``; wins over it)
    The words the document prints: headings, field labels, "Side X av Y". An
    organisation whose case documents say "Vår ref" and "Dato dok" passes
    ``dataclasses.replace(NB, archive_reference="Vår ref", document_date="Dato dok")``.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from typing import Any, ClassVar

from khsmodel.documents import DOCUMENT_TYPES, Document
from khsmodel.errors import KhsModelError
from khsmodel.exporters import CliOption

from .._options import (
    DOCUMENT_CLI_OPTIONS,
    import_renderer,
    labels_option,
    numbering_option,
    reject_unknown_options,
    timeline_option,
)

__all__ = ["DocxExporter"]

_OPTIONS = {"font", "created", "labels", "timeline", "numbering", "language"}


class DocxExporter:
    """Office Open XML (Word) for every document kind."""

    name = "docx"
    suffix = ".docx"
    media_type = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
    kinds: tuple[str, ...] = tuple(DOCUMENT_TYPES)
    requires: tuple[str, ...] = ("docx",)
    install_hint = 'pip install "khsmodel[docx]"'
    cli_options: ClassVar[Mapping[str, CliOption]] = {
        **DOCUMENT_CLI_OPTIONS,
        "font": CliOption("text", "FAMILY", "font family of all text (default Arial)"),
    }

    def export(self, doc: Document, **options: Any) -> bytes:
        reject_unknown_options("docx", options, _OPTIONS)
        font = options.get("font", "Arial")
        if not isinstance(font, str) or not font.strip() or "<" in font or "&" in font:
            raise KhsModelError(f"font must be a font family name, got {font!r}")
        created = options.get("created")
        if created is not None and not isinstance(created, dt.datetime):
            raise KhsModelError(f"created must be a datetime.datetime, got {created!r}")

        labels = labels_option(options, doc)
        timeline = timeline_option(options)

        from ..content import build

        numbering = numbering_option(options)
        content = build(doc, labels=labels, numbering=numbering)  # bad text: error with path
        render = import_renderer(self, __package__)
        return render(content, font=font, created=created, labels=labels, timeline=timeline)
