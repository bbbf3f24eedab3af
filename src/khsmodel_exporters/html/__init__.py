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
``previous`` (khsmodel.ActionPlan, action plans only)
    The plan before this one: an appendix of the changes, as for the ``docx`` exporter.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any, ClassVar

from khsmodel.documents import DOCUMENT_TYPES, Document
from khsmodel.exporters import CliOption

from ..base import DOCUMENT_CLI_OPTIONS, document_options

__all__ = ["HtmlExporter"]


class HtmlExporter:
    """A self-contained HTML5 page for every document kind."""

    name = "html"
    suffix = ".html"
    media_type = "text/html; charset=utf-8"
    kinds: tuple[str, ...] = tuple(DOCUMENT_TYPES)
    requires: tuple[str, ...] = ()
    install_hint: str | None = None  # pure Python: nothing to install
    cli_options: ClassVar[Mapping[str, CliOption]] = DOCUMENT_CLI_OPTIONS

    def export(self, doc: Document, **options: Any) -> bytes:
        opts = document_options(self.name, doc, options)

        from ..content import build
        from ._render import render

        content = build(doc, labels=opts.labels, numbering=opts.numbering,
                        previous=opts.previous)  # bad text: UnwritableTextError
        return render(content, labels=opts.labels, timeline=opts.timeline)
