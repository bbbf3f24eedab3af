"""Contract tests for exporter plugins: :func:`check_exporter` (public API, for tests).

A plugin author puts one line in their test suite::

    from khsmodel.testing import check_exporter

    def test_my_exporter_keeps_its_promises():
        check_exporter("markdown")          # the entry point's name, or the exporter object

It raises :class:`ExporterContractError` (an :class:`AssertionError`, so pytest
shows it as a failing test) on the first promise the exporter breaks, naming
the promise and the document. The promises, those every built-in exporter keeps:

``protocol``
    ``name``, ``suffix`` (with its dot), ``media_type``, ``kinds`` (a collection of
    known document kinds, not a string), ``requires`` (module names) and
    ``install_hint`` (text or None) are there and of their types; ``export`` is callable.
``bytes``
    Over generated documents of every kind it takes, ``export`` returns bytes
    (for one document of each kind at least; it may refuse others with a
    :class:`~khsmodel.KhsModelError`).
``deterministic``
    The same input gives the same bytes (an equal copy of the document, exported again).
``errors``
    Nothing but a :class:`~khsmodel.KhsModelError` comes out of ``export`` over
    those documents: no ``ValueError``, ``KeyError``, ``TypeError`` from inside a library.
``unknown-option``
    An option it does not take is refused with
    :class:`~khsmodel.errors.ExporterOptionError` naming the exporter and the option
    (``exc.exporter``, ``exc.key``).
``unsupported-kind``
    Through the registry, a document of a kind it does not take is refused with
    :class:`~khsmodel.errors.UnsupportedKindError`, before ``export`` is called.
``unwritable-text``
    A control character and a lone surrogate in a document's text are written,
    or refused with :class:`~khsmodel.errors.UnwritableTextError` at the field's path.

The documents come from :mod:`khsmodel.strategies` (a few per kind, the same
ones on every run: the check is deterministic and takes seconds), so it needs
hypothesis: ``pip install "khsmodel[strategies]"``. ``documents=`` adds your
own (e.g. the documents a bug report brought).

An exporter whose external program is missing here (``missing_program()``)
raises :class:`~khsmodel.errors.ExporterUnavailableError` instead: there is
nothing to check; a test skips on it.

>>> check_exporter("json")
"""

from __future__ import annotations

import copy
import datetime as dt
from collections.abc import Callable, Collection, Iterable, Mapping
from typing import Any

import attrs

from . import exporters
from .agreements import Agreement, AgreementLevel
from .cases import CaseDocument
from .documents import DOCUMENT_TYPES, Document
from .errors import (
    ExporterError,
    ExporterOptionError,
    ExporterUnavailableError,
    KhsModelError,
    UnsupportedKindError,
    UnwritableTextError,
)
from .identifiers import CaseNumber
from .meetingplans import MeetingPlan
from .meetings import Meeting
from .partnerships import Partnership, PartnershipKind
from .plans import ActionPlan
from .status import StatusReport

__all__ = ["PROMISES", "ExporterContractError", "check_exporter", "sample_documents"]

#: The promises :func:`check_exporter` checks, in the order it checks them.
PROMISES = (
    "protocol",
    "bytes",
    "deterministic",
    "errors",
    "unknown-option",
    "unsupported-kind",
    "unwritable-text",
)

#: An option no exporter takes.
_UNKNOWN_OPTION = "khsmodel_check_no_such_option"
#: Appended to a document's text to check how unwritable text is treated.
_UNWRITABLE = "\x0b\ud800"


class ExporterContractError(AssertionError):
    """An exporter broke a promise of :func:`check_exporter`.

    ``exporter`` is its name, ``promise`` one of :data:`PROMISES`, ``document``
    the document it broke it on (None for the protocol).
    """

    def __init__(
        self, exporter: str, promise: str, message: str, document: object = None
    ) -> None:
        self.exporter = exporter
        self.promise = promise
        self.document = document
        text = f"exporter {exporter!r} breaks its promise {promise!r}: {message}"
        if document is not None:
            text += f"\n  document: {_short(document)}"
        super().__init__(text)


def _short(doc: object, limit: int = 600) -> str:
    text = repr(doc)
    return text if len(text) <= limit else text[:limit] + " …"


def sample_documents(kind: str, count: int = 3) -> list[Document]:
    """``count`` documents of ``kind`` from :mod:`khsmodel.strategies`, the same on every run.

    The first is the simplest the strategy draws; the others are fuller, with
    Norwegian and Sámi letters and, now and then, markup-like text.

    >>> [type(d).__name__ for d in sample_documents("meeting", 2)]
    ['Meeting', 'Meeting']
    """
    try:
        from hypothesis import HealthCheck, Phase, given, settings

        from . import strategies
    except ImportError as exc:
        raise ImportError(
            "khsmodel.testing needs hypothesis, which is not installed; "
            'install it with: pip install "khsmodel[strategies]"',
            name=exc.name,
        ) from exc
    found: list[Document] = []

    @settings(
        max_examples=count, derandomize=True, database=None, deadline=None,
        phases=[Phase.generate], suppress_health_check=list(HealthCheck),
    )  # fmt: skip
    @given(strategies.documents(kinds=(kind,)))
    def draw(doc: Document) -> None:
        if len(found) < count:
            found.append(doc)

    draw()
    return found


def _resolve(name_or_exporter: str | exporters.Exporter) -> exporters.Exporter:
    if isinstance(name_or_exporter, str):
        return exporters.get(name_or_exporter)
    name = getattr(name_or_exporter, "name", None)
    if not isinstance(name, str) or not name:
        raise ExporterContractError(repr(name), "protocol", "it needs a non-empty string name")
    try:
        return exporters._check_protocol(name, name_or_exporter)
    except ExporterError as exc:
        raise ExporterContractError(name, "protocol", str(exc)) from exc


def _check_protocol(exp: exporters.Exporter) -> tuple[str, ...]:
    name = exp.name

    def broken(message: str) -> ExporterContractError:
        return ExporterContractError(name, "protocol", message)

    if not isinstance(exp.suffix, str) or not exp.suffix.startswith("."):
        raise broken(f"suffix must be a file suffix with its dot ('.md'), got {exp.suffix!r}")
    if not isinstance(exp.media_type, str) or "/" not in exp.media_type:
        raise broken(f"media_type must be a media type ('text/markdown'), got {exp.media_type!r}")
    kinds = exp.kinds
    if isinstance(kinds, str) or not isinstance(kinds, Collection) or not kinds:
        raise broken(f"kinds must be a non-empty collection of document kinds, got {kinds!r}")
    unknown = [k for k in kinds if k not in DOCUMENT_TYPES]
    if unknown:
        raise broken(f"kinds names no such document kind: {', '.join(map(repr, unknown))} "
                     f"(kinds: {', '.join(DOCUMENT_TYPES)})")  # fmt: skip
    for attr in ("requires", "install_hint"):
        if not hasattr(exp, attr):
            raise broken(f"{attr} is missing (requires=() and install_hint=None say 'none')")
    requires = exp.requires
    if isinstance(requires, str) or not isinstance(requires, Collection) or not all(
        isinstance(m, str) and m for m in requires
    ):
        raise broken(f"requires must be a collection of module names, got {requires!r}")
    hint = exp.install_hint
    if hint is not None and (not isinstance(hint, str) or not hint.strip()):
        raise broken(f"install_hint must be text or None, got {hint!r}")
    cli_options = getattr(exp, "cli_options", {})
    if not isinstance(cli_options, Mapping) or not all(
        isinstance(k, str) and isinstance(v, exporters.CliOption) for k, v in cli_options.items()
    ):
        raise broken("cli_options must map option names to khsmodel.exporters.CliOption")
    return tuple(kinds)


def _export(exp: exporters.Exporter, doc: Document, **options: Any) -> bytes | KhsModelError:
    """What ``export`` gives: bytes, or the KhsModelError it refused the document with."""
    try:
        data = exp.export(doc, **options)
    except KhsModelError as exc:
        return exc
    except Exception as exc:
        raise ExporterContractError(
            exp.name, "errors",
            f"export() let {type(exc).__name__} out ({exc}); only a KhsModelError may leave it",
            doc,
        ) from exc  # fmt: skip
    if not isinstance(data, bytes):
        raise ExporterContractError(
            exp.name, "bytes", f"export() returned {type(data).__name__}, not bytes", doc
        )
    return data


def _with_unwritable_text(doc: Document) -> tuple[Document, str]:
    """``doc`` with a control character and a lone surrogate in its title (or name), and
    the JSON path of that field."""
    any_doc: Any = doc  # every document kind is an attrs class
    if doc.KIND == "status_report":
        plan = any_doc.plan
        return attrs.evolve(any_doc, plan=attrs.evolve(plan, title=plan.title + _UNWRITABLE)), (
            "$.plan.title")  # fmt: skip
    attr = "name" if doc.KIND == "partnership" else "title"
    text = getattr(doc, attr) or "Tekst"
    return attrs.evolve(any_doc, **{attr: text + _UNWRITABLE}), f"$.{attr}"


def _minimal(kind: str) -> Document:
    """The smallest document of ``kind``, built by hand (no hypothesis needed)."""
    plan = ActionPlan(title="Handlingsplan 2016-2017")
    makers: dict[str, Callable[[], Document]] = {
        "partnership": lambda: Partnership(
            id="khs", name="Kommunehelsesamarbeidet",
            kind=PartnershipKind.MUNICIPAL_HEALTH_COOPERATION,
        ),
        "agreement": lambda: Agreement(
            id="avtale", title="Samarbeidsavtale", level=AgreementLevel.OVERARCHING
        ),
        "action_plan": lambda: plan,
        "case_document": lambda: CaseDocument(body="osu", case_number=CaseNumber.parse("1/2016")),
        "meeting": lambda: Meeting(body="osu", date=dt.date(2016, 2, 8)),
        "status_report": lambda: StatusReport(plan=plan, as_of=dt.date(2016, 6, 1)),
        "meeting_plan": lambda: MeetingPlan(year=2016),
    }
    return makers[kind]()


def check_exporter(
    name_or_exporter: str | exporters.Exporter,
    *,
    documents: Iterable[Document] = (),
    examples: int = 3,
) -> None:
    """Check that an exporter keeps the promises of :data:`PROMISES`; raise
    :class:`ExporterContractError` on the first it breaks.

    ``name_or_exporter`` is a name the registry knows (an entry point, or one
    registered by hand) or an exporter object. ``examples`` documents of each
    kind it takes are drawn from :mod:`khsmodel.strategies`; ``documents`` are
    checked too (those of kinds it does not take are left out).
    """
    exp = _resolve(name_or_exporter)
    name = exp.name
    kinds = _check_protocol(exp)
    missing = exporters._missing_program(exp)
    if missing is not None:
        raise ExporterUnavailableError(
            name, missing, exporters._hint(name, None, exp), getattr(exp, "requires", ())
        )

    extra: dict[str, list[Document]] = {}
    for doc in documents:
        extra.setdefault(getattr(type(doc), "KIND", ""), []).append(doc)
    exported: Document | None = None
    for kind in kinds:
        wrote = False
        for doc in [_minimal(kind), *sample_documents(kind, examples), *extra.get(kind, ())]:
            data = _export(exp, doc)
            if isinstance(data, KhsModelError):
                continue
            again = _export(exp, copy.deepcopy(doc))
            if again != data:
                raise ExporterContractError(
                    name, "deterministic",
                    "the same document exported twice gave different bytes"
                    + ("" if isinstance(again, bytes) else f" (the second time: {again})"),
                    doc,
                )  # fmt: skip
            wrote = True
            exported = exported or doc
        if not wrote:
            raise ExporterContractError(
                name, "bytes", f"export() refused every {kind} it was given: none gave bytes"
            )
    assert exported is not None  # kinds is not empty and each kind wrote a document

    refused = _export(exp, exported, **{_UNKNOWN_OPTION: True})
    if not (
        isinstance(refused, ExporterOptionError)
        and refused.key == _UNKNOWN_OPTION
        and refused.exporter == name
    ):
        got = "bytes" if isinstance(refused, bytes) else f"{type(refused).__name__}: {refused}"
        raise ExporterContractError(
            name, "unknown-option",
            f"the option {_UNKNOWN_OPTION}=True should be refused with an ExporterOptionError "
            f"whose exporter is {name!r} and key {_UNKNOWN_OPTION!r} "
            "(khsmodel_exporters.base.check_options); got " + got,
            exported,
        )  # fmt: skip

    for kind in DOCUMENT_TYPES:
        if kind in kinds:
            continue
        other = _minimal(kind)
        try:
            exporters._run(exp, other, {})
        except UnsupportedKindError as exc:
            if (exc.exporter, exc.kind) == (name, kind):
                continue
        except KhsModelError:
            pass
        raise ExporterContractError(
            name, "unsupported-kind",
            f"a {kind} (not in its kinds) was not refused by the registry with an "
            "UnsupportedKindError", other,
        )  # fmt: skip

    for kind in kinds:
        bad, path = _with_unwritable_text(_minimal(kind))
        result = _export(exp, bad)
        if isinstance(result, bytes):
            continue
        if isinstance(result, UnwritableTextError) and result.path == path:
            continue
        raise ExporterContractError(
            name, "unwritable-text",
            f"text with a control character and a lone surrogate at {path} should be written "
            "or refused with an UnwritableTextError at that path "
            f"(khsmodel_exporters.base.check_text); got {type(result).__name__}: {result}",
            bad,
        )  # fmt: skip
