"""What an exporter needs besides its renderer: the public, stable helpers for exporter authors.

The built-in exporters (``docx``, ``pdf``, ``pdfa``, ``html``, ``csv``, ``ics``,
``noark5``, ``oparl``, ``json``) use exactly these; a third-party plugin uses
them the same way (see docs/plugins.md). Every error here is a typed
:class:`~khsmodel.KhsModelError` from :mod:`khsmodel.errors` carrying its data,
so a program (and the command line) can tell what went wrong without reading
the message:

- Options: :func:`check_options` refuses options an exporter does not take
  (:class:`~khsmodel.errors.UnknownOptionError`); :func:`option_error`,
  :func:`bool_option` and :func:`choice_option` read one option or refuse its
  value (:class:`~khsmodel.errors.ExporterOptionError`, with ``exporter``,
  ``key`` and ``value``). :func:`document_options` reads the options every
  exporter of readable documents takes (``labels``, ``language``,
  ``numbering``, ``previous``, ``timeline``: :data:`DOCUMENT_OPTIONS`), with the command
  line's declaration of them in :data:`DOCUMENT_CLI_OPTIONS`.
- Text: :func:`check_text` refuses text a format cannot hold, before any output
  exists (:class:`~khsmodel.errors.UnwritableTextError`, whose ``detail`` is the
  :class:`~khsmodel.ErrorDetail` with the field's JSON path).
  :data:`XML_ILLEGAL` is what XML 1.0 cannot hold, :data:`SURROGATES` what UTF-8
  cannot.
- Lazy imports: :func:`import_module` imports the renderer's library inside
  ``export()`` and turns a failed import into
  :class:`~khsmodel.errors.ExporterUnavailableError` with the exporter's
  ``requires`` and ``install_hint``.

The document's kind is not checked here: the registry checks it before it
calls ``export()`` (:class:`~khsmodel.errors.UnsupportedKindError`).

>>> from khsmodel import ActionPlan
>>> from khsmodel.errors import UnknownOptionError
>>> plan = ActionPlan(title="Handlingsplan 2016-2017", language="nn")
>>> opts = document_options("md", plan, {"timeline": False})
>>> opts.timeline, opts.numbering, opts.labels.responsible
(False, None, 'Ansvarleg')
>>> try:
...     document_options("md", plan, {"colour": "red"})
... except UnknownOptionError as exc:
...     print(exc.exporter, exc.key, exc.value, exc.valid)
md colour red ('labels', 'language', 'numbering', 'previous', 'timeline')
"""

from __future__ import annotations

import importlib
from collections.abc import Collection, Mapping
from dataclasses import dataclass
from types import ModuleType
from typing import Any

from khsmodel.errors import (
    ExporterOptionError,
    ExporterUnavailableError,
    KhsModelError,
    UnknownOptionError,
)
from khsmodel.exporters import CliOption
from khsmodel.labels import Labels, for_language
from khsmodel.plans import ActionPlan

from ._safety import SURROGATES, XML_ILLEGAL, check_text, find_bad_text

__all__ = [
    "DOCUMENT_CLI_OPTIONS",
    "DOCUMENT_OPTIONS",
    "SURROGATES",
    "XML_ILLEGAL",
    "DocumentOptions",
    "bool_option",
    "check_options",
    "check_text",
    "choice_option",
    "document_options",
    "find_bad_text",
    "import_module",
    "labels_option",
    "option_error",
]

#: The options every exporter of readable documents takes (docx, pdf, pdfa, html).
DOCUMENT_OPTIONS = frozenset({"labels", "language", "numbering", "previous", "timeline"})

#: The command-line options of every exporter of readable documents (docx, pdf, pdfa, html):
#: declared once, so ``-O timeline=…``, ``-O numbering=…`` and ``-O language=…`` read alike.
#: (``labels`` is Python-only: a :class:`~khsmodel.labels.Labels` object.)
DOCUMENT_CLI_OPTIONS: Mapping[str, CliOption] = {
    "language": CliOption(
        "text", "TAG", "print the document's words in this language (nb, nn, en, se, …)"
    ),
    "timeline": CliOption("bool", help="end an action plan with its timeline (default true)"),
    "numbering": CliOption(
        "bool", help="number every measure (true) or none (false); default: as the source"
    ),
}


def check_options(exporter: str, options: Mapping[str, object], valid: Collection[str]) -> None:
    """Raise :class:`~khsmodel.errors.UnknownOptionError` for options not in ``valid``.

    >>> check_options("pdf", {"timeline": True}, {"timeline"})
    >>> check_options("pdf", {"colour": "red"}, {"timeline"})
    Traceback (most recent call last):
    ...
    khsmodel.errors.UnknownOptionError: unknown option(s) for the pdf exporter: colour (valid: timeline)
    """
    unknown = {k: v for k, v in options.items() if k not in valid}
    if unknown:
        raise UnknownOptionError(exporter, unknown, valid)


def option_error(exporter: str, key: str, value: object, expected: str) -> ExporterOptionError:
    """The error for option ``key`` whose ``value`` is not what the exporter takes.

    >>> err = option_error("docx", "font", "", "a font family name")
    >>> str(err), err.key, err.value
    ("font must be a font family name, got ''", 'font', '')
    """
    return ExporterOptionError(exporter, key, value, f"{key} must be {expected}, got {value!r}")


def bool_option(exporter: str, options: Mapping[str, object], key: str, default: bool) -> bool:
    """Option ``key`` as True or False (``default`` when not given); nothing else is taken.

    >>> bool_option("pdf", {"timeline": "yes"}, "timeline", True)
    Traceback (most recent call last):
    ...
    khsmodel.errors.ExporterOptionError: timeline must be True or False, got 'yes'
    """
    value = options.get(key, default)
    if not isinstance(value, bool):
        raise option_error(exporter, key, value, "True or False")
    return value


def choice_option(
    exporter: str, options: Mapping[str, object], key: str, choices: Collection[str], default: str
) -> str:
    """Option ``key`` as one of ``choices`` (``default`` when not given).

    >>> choice_option("ics", {"measures": "tasks"}, "measures", ("events", "todos"), "events")
    Traceback (most recent call last):
    ...
    khsmodel.errors.ExporterOptionError: measures must be one of events, todos, got 'tasks'
    """
    value = options.get(key, default)
    if not isinstance(value, str) or value not in choices:
        raise option_error(exporter, key, value, f"one of {', '.join(choices)}")
    return value


def labels_option(exporter: str, options: Mapping[str, object], doc: object = None) -> Labels:
    """The words a document prints: the ``labels`` option (a :class:`~khsmodel.labels.Labels`)
    if given, else the bundle of the ``language`` option, else of the document's
    ``language`` (default Norwegian Bokmål).

    An organisation whose case documents say "Vår ref" and "Dato dok" gives
    ``dataclasses.replace(NB, archive_reference="Vår ref", document_date="Dato dok")``.

    >>> from khsmodel import ActionPlan
    >>> labels_option("pdf", {}, ActionPlan(title="Plan", language="nn")).responsible
    'Ansvarleg'
    >>> labels_option("pdf", {"language": "en"}, ActionPlan(title="Plan", language="nn")).responsible
    'Responsible'
    """
    if "labels" not in options:
        if "language" not in options:
            return for_language(getattr(doc, "language", "nb"))
        language = options["language"]
        if not isinstance(language, str):
            raise option_error(exporter, "language", language, "a language tag such as 'nn'")
        try:
            return for_language(language)
        except KhsModelError as exc:  # an unknown tag: the option's error, with its key
            raise ExporterOptionError(exporter, "language", language, str(exc)) from exc
    labels = options["labels"]
    if not isinstance(labels, Labels):
        raise ExporterOptionError(
            exporter,
            "labels",
            labels,
            f"labels must be a khsmodel.labels.Labels (e.g. dataclasses.replace(NB, …)), "
            f"got {type(labels).__name__}",
        )
    return labels


@dataclass(frozen=True, slots=True)
class DocumentOptions:
    """The options of a readable document, read once per export by :func:`document_options`.

    ``labels``: the words it prints; ``timeline``: whether an action plan ends with its
    timeline (default True); ``numbering``: which measures print a number (None: as the
    source; True: every one; False: none); ``previous``: the plan before this one, whose
    changes an action plan's appendix lists (None: no appendix).
    """

    labels: Labels
    timeline: bool
    numbering: bool | None
    previous: ActionPlan | None = None


def document_options(
    exporter: str, doc: object, options: Mapping[str, Any], also: Collection[str] = ()
) -> DocumentOptions:
    """Check ``options`` (:data:`DOCUMENT_OPTIONS` plus the exporter's own ``also``) and
    read the document options; the exporter reads its own ``also`` options itself.

    >>> from khsmodel import ActionPlan
    >>> document_options("pdf", ActionPlan(title="Plan"), {"numbering": "yes"})
    Traceback (most recent call last):
    ...
    khsmodel.errors.ExporterOptionError: numbering must be True or False, got 'yes'
    """
    check_options(exporter, options, DOCUMENT_OPTIONS | set(also))
    labels = labels_option(exporter, options, doc)
    timeline = bool_option(exporter, options, "timeline", True)
    numbering = options.get("numbering")
    if numbering is not None and not isinstance(numbering, bool):
        raise option_error(exporter, "numbering", numbering, "True or False")
    previous = options.get("previous")
    if previous is not None and not isinstance(previous, ActionPlan):
        raise ExporterOptionError(
            exporter, "previous", previous,
            f"previous must be the earlier khsmodel.ActionPlan, got {type(previous).__name__}",
        )  # fmt: skip
    return DocumentOptions(
        labels=labels, timeline=timeline, numbering=numbering, previous=previous
    )


def import_module(exporter: object, module: str, package: str | None = None) -> ModuleType:
    """Import ``module`` (relative to ``package``) for ``exporter``, inside ``export()``.

    When it cannot be imported the exporter is unavailable:
    :class:`~khsmodel.errors.ExporterUnavailableError` with the exporter's
    ``name``, the import error, its ``requires`` and its ``install_hint`` (which
    names an extra only when that extra exists; None says nothing to install).

    >>> class Md:
    ...     name = "md"
    ...     requires = ("no_such_markdown_library",)
    ...     install_hint = None
    >>> try:
    ...     import_module(Md(), "no_such_markdown_library")
    ... except ExporterUnavailableError as exc:
    ...     print(exc.name, exc.requires, exc.hint)
    md ('no_such_markdown_library',) None
    """
    try:
        return importlib.import_module(module, package)
    except ImportError as exc:
        hint = getattr(exporter, "install_hint", None)
        raise ExporterUnavailableError(
            str(getattr(exporter, "name", exporter)),
            f"{type(exc).__name__}: {exc}",
            hint if isinstance(hint, str) and hint else None,
            tuple(getattr(exporter, "requires", ())),
        ) from exc
