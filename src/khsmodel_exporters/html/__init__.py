"""The ``html`` exporter: one self-contained, accessible HTML5 page per document.

Pure Python (no dependency). What the page says comes from
:mod:`khsmodel_exporters.content`, the same blocks the Word and PDF exporters
render, so the words are the same; how it looks is decided in :mod:`._render`.

- Inline CSS, no script, no external fetch: the page reads the same opened from
  disk, uploaded to a web server, or printed.
- ``lang`` from the document's language; one ``h1`` and headings in order;
  landmarks (``header``, ``main``, ``nav`` with a table of contents for long
  documents, ``footer``); tables with ``caption`` and ``th`` with ``scope``;
  the timeline of an action plan as inline SVG whose text alternative is a table
  of the same measures with their timeframes as written; web addresses as links
  whose text is the address; colours with WCAG AA contrast; print CSS (a focus
  area starts a new page, an attachment too).
- Same input, same bytes. Every user string is escaped: ``<``, ``&`` and quotes
  are text, never markup.

Options of ``export(doc, **options)``:

``timeline`` (bool, default True)
    Add the timeline (SVG and its table) to action plans.
``numbering`` (bool or None, default None)
    Which measures of a plan print a number, as for the ``docx`` exporter.
``language`` (str, default the document's ``language``)
    The language of the words the page prints and of ``<html lang>``.
``labels`` (khsmodel.labels.Labels, default the bundle of ``language``; wins over it)
    The words the page prints, as for the ``docx`` exporter.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any, ClassVar

from khsmodel.documents import DOCUMENT_TYPES, Document
from khsmodel.exporters import CliOption

from .._options import (
    DOCUMENT_CLI_OPTIONS,
    labels_option,
    numbering_option,
    reject_unknown_options,
    timeline_option,
)

__all__ = ["HtmlExporter"]

_OPTIONS = {"timeline", "labels", "language", "numbering"}


class HtmlExporter:
    """A self-contained HTML5 page for every document kind."""

    name = "html"
    suffix = ".html"
    media_type = "text/html; charset=utf-8"
    kinds: tuple[str, ...] = tuple(DOCUMENT_TYPES)
    requires: tuple[str, ...] = ()
    install_hint = 'pip install "khsmodel"'
    cli_options: ClassVar[Mapping[str, CliOption]] = DOCUMENT_CLI_OPTIONS

    def export(self, doc: Document, **options: Any) -> bytes:
        reject_unknown_options("html", options, _OPTIONS)
        timeline = timeline_option(options)
        labels = labels_option(options, doc)
        numbering = numbering_option(options)

        from ..content import build
        from ._render import render

        content = build(doc, labels=labels, numbering=numbering)  # bad text: error with path
        return render(content, labels=labels, timeline=timeline)
