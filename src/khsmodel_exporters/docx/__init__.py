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
``previous`` (khsmodel.ActionPlan, action plans only; default none)
    The plan before this one: the plan ends with an appendix "Endringer fra forrige
    plan" (nn "Endringar frå førre plan", en "Changes from the previous plan") of the
    measures carried over, changed, new and not carried forward, and the focus areas
    changed (:func:`khsmodel.diff`). Without it, no appendix. On the command line:
    ``khsmodel export plan.json -f FORMAT --previous old-plan.json``.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from typing import Any, ClassVar

from khsmodel.documents import DOCUMENT_TYPES, Document
from khsmodel.exporters import CliOption

from ..base import DOCUMENT_CLI_OPTIONS, document_options, import_module, option_error

__all__ = ["DocxExporter"]


class DocxExporter:
    """Office Open XML (Word) for every document kind."""

    name = "docx"
    suffix = ".docx"
    media_type = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
    kinds: tuple[str, ...] = tuple(DOCUMENT_TYPES)
    requires: tuple[str, ...] = ("docx",)
    install_hint: str | None = 'pip install "khsmodel[docx]"'
    cli_options: ClassVar[Mapping[str, CliOption]] = {
        **DOCUMENT_CLI_OPTIONS,
        "font": CliOption("text", "FAMILY", "font family of all text (default Arial)"),
    }

    def export(self, doc: Document, **options: Any) -> bytes:
        opts = document_options(self.name, doc, options, also=("font", "created"))
        font = options.get("font", "Arial")
        if not isinstance(font, str) or not font.strip() or "<" in font or "&" in font:
            raise option_error(self.name, "font", font, "a font family name")
        created = options.get("created")
        if created is not None and not isinstance(created, dt.datetime):
            raise option_error(self.name, "created", created, "a datetime.datetime")

        from ..content import build

        content = build(doc, labels=opts.labels, numbering=opts.numbering,
                        previous=opts.previous)  # bad text: UnwritableTextError
        render = import_module(self, "._render", __package__).render
        data: bytes = render(
            content, font=font, created=created, labels=opts.labels, timeline=opts.timeline
        )
        return data
