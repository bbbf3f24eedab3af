"""What every built-in exporter does before it writes: check its options, import its renderer."""

from __future__ import annotations

import importlib
from collections.abc import Callable, Collection, Mapping
from typing import Protocol

from khsmodel.errors import KhsModelError
from khsmodel.exporters import CliOption
from khsmodel.labels import Labels, for_language

__all__ = [
    "DOCUMENT_CLI_OPTIONS", "import_renderer", "labels_option", "numbering_option",
    "reject_unknown_options", "timeline_option", "unsupported_kind",
]  # fmt: skip

#: The command-line options of every exporter of readable documents (docx, pdf, pdfa, html):
#: declared once, so ``-O timeline=…``, ``-O numbering=…`` and ``-O language=…`` read alike.
DOCUMENT_CLI_OPTIONS: Mapping[str, CliOption] = {
    "language": CliOption(
        "text", "TAG", "print the document's words in this language (nb, nn, en, se, …)"
    ),
    "timeline": CliOption("bool", help="end an action plan with its timeline (default true)"),
    "numbering": CliOption(
        "bool", help="number every measure (true) or none (false); default: as the source"
    ),
}


class _Named(Protocol):
    name: str
    install_hint: str


def reject_unknown_options(
    exporter: str, options: Mapping[str, object], valid: Collection[str]
) -> None:
    """Raise a KhsModelError naming the unknown options and the valid ones.

    >>> reject_unknown_options("pdf", {"timeline": True}, {"timeline"})
    >>> reject_unknown_options("pdf", {"colour": "red"}, {"timeline"})
    Traceback (most recent call last):
    ...
    khsmodel.errors.KhsModelError: unknown option(s) for the pdf exporter: colour (valid: timeline)
    """
    unknown = sorted(set(options) - set(valid))
    if unknown:
        raise KhsModelError(
            f"unknown option(s) for the {exporter} exporter: {', '.join(unknown)} "
            f"(valid: {', '.join(sorted(valid)) or 'none'})"
        )


def labels_option(options: Mapping[str, object], doc: object = None) -> Labels:
    """The words a document prints: the ``labels`` option (a :class:`~khsmodel.labels.Labels`)
    if given, else the bundle of the ``language`` option, else of the document's
    ``language`` (default Norwegian Bokmål). Resolved once per export.

    An organisation whose case documents say "Vår ref" and "Dato dok" gives
    ``dataclasses.replace(NB, archive_reference="Vår ref", document_date="Dato dok")``.

    >>> from khsmodel import ActionPlan
    >>> labels_option({}, ActionPlan(title="Plan", language="nn")).responsible
    'Ansvarleg'
    >>> labels_option({"language": "en"}, ActionPlan(title="Plan", language="nn")).responsible
    'Responsible'
    """
    if "labels" not in options:
        language = options.get("language", getattr(doc, "language", "nb"))
        if not isinstance(language, str):
            raise KhsModelError(f"language must be a language tag such as 'nn', got {language!r}")
        return for_language(language)
    labels = options["labels"]
    if not isinstance(labels, Labels):
        raise KhsModelError(
            f"labels must be a khsmodel.labels.Labels (e.g. dataclasses.replace(NB, …)), "
            f"got {type(labels).__name__}"
        )
    return labels


def timeline_option(options: Mapping[str, object]) -> bool:
    """The ``timeline`` option of the Word and PDF exporters (default True)."""
    timeline = options.get("timeline", True)
    if not isinstance(timeline, bool):
        raise KhsModelError(f"timeline must be True or False, got {timeline!r}")
    return timeline


def numbering_option(options: Mapping[str, object]) -> bool | None:
    """The ``numbering`` option of the Word and PDF exporters: which measures print a number.

    None (default): those the source numbers, as it writes them ("1.", "2.3"); True:
    every measure ("2.4", the fourth of focus area 2); False: none.

    >>> numbering_option({"numbering": True})
    True
    >>> numbering_option({"numbering": "yes"})
    Traceback (most recent call last):
    ...
    khsmodel.errors.KhsModelError: numbering must be True or False, got 'yes'
    """
    numbering = options.get("numbering")
    if numbering is not None and not isinstance(numbering, bool):
        raise KhsModelError(f"numbering must be True or False, got {numbering!r}")
    return numbering


def unsupported_kind(exporter: str, doc: object, kinds: Collection[str]) -> KhsModelError:
    """The error for a document of a kind the exporter does not take.

    >>> from khsmodel import Agreement, AgreementLevel
    >>> avtale = Agreement(id="a", level=AgreementLevel.OVERARCHING, title="Avtale")
    >>> str(unsupported_kind("oparl", avtale, ("meeting",)))
    'the oparl exporter cannot export an agreement (it supports: meeting)'
    """
    from khsmodel.exporters import _a

    kind = str(getattr(type(doc), "KIND", type(doc).__name__))
    return KhsModelError(
        f"the {exporter} exporter cannot export {_a(kind)} (it supports: {', '.join(kinds)})"
    )


def import_renderer(exporter: _Named, package: str) -> Callable[..., bytes]:
    """The ``render`` function of ``package._render``, imported on first use.

    The renderer holds the heavy dependency (python-docx, reportlab); when it
    cannot be imported the exporter is unavailable, and the error says how to
    install it.
    """
    try:
        module = importlib.import_module("._render", package)
    except ImportError as exc:
        from khsmodel.exporters import ExporterUnavailableError

        raise ExporterUnavailableError(
            exporter.name, f"{type(exc).__name__}: {exc}", exporter.install_hint
        ) from exc
    render: Callable[..., bytes] = module.render
    return render
