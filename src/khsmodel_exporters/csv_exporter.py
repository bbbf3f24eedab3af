"""The ``csv`` exporter: the measures of an action plan, one row each (see :mod:`khsmodel.csv`).

Options: ``delimiter`` (``","`` default, ``";"`` for Norwegian Excel, or a
tab), ``bom=True`` (UTF-8 with a byte-order mark, so Excel reads æøå and Sámi
letters right), ``headers="nb"`` (Norwegian headers and status labels) and
``formula_guard`` (default on). The file reads back into the plan with
:func:`khsmodel.csv.read_measures` and ``khsmodel import-csv``.

A status report (``khsmodel report``) is written one row per measure with its
status at the report's date (:mod:`._status_csv`). Only these two: a case document whose attachment holds a plan is exported
by exporting that plan (``attachment.document``), because the table is applied
back to a plan file, and one case may carry several plans.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any, ClassVar, cast

from khsmodel.csv import write_measures
from khsmodel.documents import Document
from khsmodel.exporters import CliOption
from khsmodel.plans import ActionPlan
from khsmodel.status import StatusReport

from .base import SURROGATES, check_options, check_text

__all__ = ["CsvExporter"]

_OPTIONS = ("delimiter", "bom", "headers", "formula_guard")


class CsvExporter:
    """Measures as CSV (RFC 4180, UTF-8, CRLF). Every character UTF-8 can carry is kept;
    lone surrogates are rejected with their path."""

    name = "csv"
    suffix = ".csv"
    media_type = "text/csv"
    kinds: tuple[str, ...] = ("action_plan", "status_report")
    requires: tuple[str, ...] = ()
    install_hint: str | None = None
    cli_options: ClassVar[Mapping[str, CliOption]] = {
        "delimiter": CliOption("text", "';'", "',' (default), ';' (Norwegian Excel) or a tab"),
        "bom": CliOption("bool", help="start with a UTF-8 byte-order mark, for Excel"),
        "headers": CliOption("choice", help="header language (default en)", choices=("en", "nb")),
        "formula_guard": CliOption("bool", help="keep cells from being read as formulas (default true)"),
    }

    def export(self, doc: Document, **options: Any) -> bytes:
        check_options(self.name, options, _OPTIONS)
        check_text(doc, SURROGATES)
        if isinstance(doc, StatusReport):
            from ._status_csv import write_status_report

            return write_status_report(doc, **options)
        return write_measures(cast(ActionPlan, doc), **options)  # the registry checked the kind
