"""Exceptions raised by khsmodel.

Every error the library raises on purpose is a :class:`KhsModelError`, which is
a :class:`ValueError`, so callers can catch one type.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import Any

import attrs

__all__ = [
    "ArgumentError",
    "DocumentKindError",
    "ErrorDetail",
    "ExporterError",
    "ExporterOptionError",
    "ExporterUnavailableError",
    "FieldTypeError",
    "FieldValueError",
    "IdentifierError",
    "InvalidDocumentError",
    "KhsModelError",
    "LabelsError",
    "NoSuchMeasureError",
    "NotJsonError",
    "UnknownOptionError",
    "UnknownRuleError",
    "UnsupportedKindError",
    "UnwritableTextError",
]


class KhsModelError(ValueError):
    """Base class of every error raised by khsmodel."""


@attrs.frozen
class ErrorDetail:
    """One problem in a document: where it is and what was expected.

    ``path`` is a JSON path from the document root, e.g.
    ``$.focus_areas[2].measures[0].timeframe``.
    """

    path: str
    message: str

    def __str__(self) -> str:
        return f"{self.path}: {self.message}"


class FieldValueError(KhsModelError):
    """A value its type refuses (a month 13, a year 3016); ``field`` names the field.

    Loading reports it at the field's own path (``$….interpretation.month``).
    """

    def __init__(self, field: str, message: str) -> None:
        self.field = field
        super().__init__(message)

    def __reduce__(self) -> tuple[type[FieldValueError], tuple[str, str]]:
        # made again from its own arguments in another process (ProcessPoolExecutor)
        return (type(self), (self.field, str(self)))


class InvalidDocumentError(KhsModelError):
    """Input that cannot become a model object. ``errors`` lists every problem found."""

    def __init__(self, errors: Iterable[ErrorDetail]) -> None:
        self.errors: tuple[ErrorDetail, ...] = tuple(errors)
        lines = [f"{len(self.errors)} problem(s) in document:"]
        lines += [f"  {e}" for e in self.errors]
        super().__init__("\n".join(lines))

    def __reduce__(self) -> tuple[type[InvalidDocumentError], tuple[tuple[ErrorDetail, ...]]]:
        # made again from its errors in another process (ProcessPoolExecutor), not its text
        return (type(self), (self.errors,))


class NotJsonError(InvalidDocumentError):
    """Input that is not JSON text at all: not UTF-8, or not JSON syntax.

    Its one error is at ``$`` and says what was found and where (line, column).
    """

    def __init__(self, message: str) -> None:
        super().__init__([ErrorDetail("$", message)])

    def __reduce__(self) -> tuple[type[NotJsonError], tuple[str]]:  # type: ignore[override]
        return (type(self), (self.errors[0].message,))


class FieldTypeError(InvalidDocumentError, TypeError):
    """A model object was given a value of the wrong type for one or more fields.

    A :class:`~khsmodel.InvalidDocumentError` (so a :class:`~khsmodel.KhsModelError`)
    and a :class:`TypeError`. ``errors`` holds one
    :class:`~khsmodel.ErrorDetail` per field, its ``path`` being
    ``Class.field``.
    """

    def __init__(self, cls_name: str, errors: list[ErrorDetail]) -> None:
        self.cls_name = cls_name
        super().__init__(errors)
        n = len(self.errors)
        lines = [f"{cls_name}: {n} field{'s' if n != 1 else ''} of the wrong type:"]
        lines += [f"  {e}" for e in self.errors]
        self.args = ("\n".join(lines),)

    def __reduce__(  # type: ignore[override]
        self,
    ) -> tuple[type[FieldTypeError], tuple[str, list[ErrorDetail]]]:
        return (type(self), (self.cls_name, list(self.errors)))


# ---------------------------------------------------------------- exporters
# Raised by the exporter registry (khsmodel.exporters) and by exporters (the built-ins and
# plugins, through khsmodel_exporters.base). Each carries its data, so a program can tell
# what went wrong without reading the message; the messages are the ones users see.


class ExporterError(KhsModelError):
    """Base class of the errors of exporters and their registry (:mod:`khsmodel.exporters`)."""


class ExporterOptionError(ExporterError):
    """An exporter option with a value the exporter cannot use.

    ``exporter`` is the exporter's name, ``key`` the option, ``value`` what was given.

    >>> err = ExporterOptionError("pdf", "timeline", "yes", "timeline must be True or False, got 'yes'")
    >>> err.exporter, err.key, err.value
    ('pdf', 'timeline', 'yes')
    """

    def __init__(self, exporter: str, key: str, value: object, message: str) -> None:
        self.exporter = exporter
        self.key = key
        self.value = value
        super().__init__(message)

    def __reduce__(self) -> tuple[type[ExporterOptionError], tuple[str, str, object, str]]:
        return (type(self), (self.exporter, self.key, self.value, str(self)))


class UnknownOptionError(ExporterOptionError):
    """Options the exporter does not take. ``key`` and ``value`` are the first unknown one
    (by name), ``keys`` all unknown ones, ``valid`` the options it takes (sorted).

    >>> err = UnknownOptionError("pdf", {"colour": "red"}, ("timeline",))
    >>> err.key, err.value, err.keys, err.valid
    ('colour', 'red', ('colour',), ('timeline',))
    >>> str(err)
    'unknown option(s) for the pdf exporter: colour (valid: timeline)'
    """

    def __init__(
        self, exporter: str, unknown: dict[str, object], valid: Iterable[str]
    ) -> None:
        self.unknown = dict(unknown)
        self.keys: tuple[str, ...] = tuple(sorted(unknown))
        self.valid: tuple[str, ...] = tuple(sorted(valid))
        first = self.keys[0]
        super().__init__(
            exporter,
            first,
            unknown[first],
            f"unknown option(s) for the {exporter} exporter: {', '.join(self.keys)} "
            f"(valid: {', '.join(self.valid) or 'none'})",
        )

    def __reduce__(  # type: ignore[override]
        self,
    ) -> tuple[type[UnknownOptionError], tuple[str, dict[str, object], tuple[str, ...]]]:
        return (type(self), (self.exporter, self.unknown, self.valid))


class UnsupportedKindError(ExporterError):
    """A document of a kind the exporter does not take (raised by the registry, not the
    exporter). ``exporter`` is its name, ``kind`` the document's, ``kinds`` those it takes.

    >>> str(UnsupportedKindError("oparl", "agreement", ("meeting",)))
    "exporter 'oparl' cannot export an agreement (it supports: meeting)"
    """

    def __init__(self, exporter: str, kind: str, kinds: Iterable[str]) -> None:
        self.exporter = exporter
        self.kind = kind
        self.kinds: tuple[str, ...] = tuple(kinds)
        article = "an" if kind[:1] in "aeiouy" else "a"
        super().__init__(
            f"exporter {exporter!r} cannot export {article} {kind} "
            f"(it supports: {', '.join(self.kinds)})"
        )

    def __reduce__(self) -> tuple[type[UnsupportedKindError], tuple[str, str, tuple[str, ...]]]:
        return (type(self), (self.exporter, self.kind, self.kinds))


class ExporterUnavailableError(ExporterError):
    """An exporter exists but cannot be used: its import failed or a dependency is missing.

    ``name`` is the exporter, ``reason`` its error, ``requires`` the modules it
    declares it needs, ``hint`` what to install (None when there is nothing to
    name: no ``pip install "khsmodel[…]"`` for an extra that does not exist).
    """

    def __init__(
        self, name: str, reason: str, hint: str | None, requires: Iterable[str] = ()
    ) -> None:
        self.name = name
        self.reason = reason
        self.hint = hint
        self.requires: tuple[str, ...] = tuple(requires)
        msg = f"exporter {name!r} is unavailable: {reason}"
        if hint:
            msg += f" (install it with: {hint})"
        super().__init__(msg)

    def __reduce__(
        self,
    ) -> tuple[type[ExporterUnavailableError], tuple[str, str, str | None, tuple[str, ...]]]:
        return (type(self), (self.name, self.reason, self.hint, self.requires))


class UnwritableTextError(KhsModelError):
    """Text a format cannot hold (a control character in XML, a lone surrogate in UTF-8).

    ``detail`` is the :class:`ErrorDetail` (``path`` from the document root, e.g.
    ``$.focus_areas[0].measures[2].text``, and the message); ``path``,
    ``character`` and ``reason`` are there too. Raised before any output exists.

    >>> err = UnwritableTextError("$.title", "\\x0b", "is not allowed in Word/PDF text")
    >>> err.path, err.character, str(err)
    ('$.title', '\\x0b', '$.title: character U+000B is not allowed in Word/PDF text')
    """

    def __init__(self, path: str, character: str, reason: str) -> None:
        self.path = path
        self.character = character
        self.reason = reason
        if "\ud800" <= character <= "\udfff":
            what = f"lone surrogate U+{ord(character):04X}"
        else:
            what = f"character U+{ord(character):04X}"
        self.detail = ErrorDetail(path, f"{what} {reason}")
        super().__init__(str(self.detail))

    def __reduce__(self) -> tuple[type[UnwritableTextError], tuple[str, str, str]]:
        return (type(self), (self.path, self.character, self.reason))


# ---------------------------------------------------------------- errors of the API's arguments
# Each carries what it is about as attributes, so a program (or a test) can tell them
# apart without reading the message; each is made again from them in another process.


class IdentifierError(KhsModelError):
    """A number that is not an identifier of its kind: an organisation number failing its
    mod-11 check, a kommunenummer of county 00, a case number of the wrong shape, ….

    ``kind`` names the identifier ("organisation number", "kommunenummer", "case
    number", "archive reference", "journal number"), ``value`` is the value refused
    (the text as given, or the part that is wrong), ``use`` the class meant when the
    text is another kind of number (``"ArchiveReference"`` for "2021/3288"), else None.
    """

    def __init__(self, kind: str, value: object, message: str, *, use: str | None = None) -> None:
        self.kind = kind
        self.value = value
        self.use = use
        super().__init__(message)

    def __reduce__(self) -> tuple[Any, ...]:
        return (_remake, (type(self), (self.kind, self.value, str(self)), {"use": self.use}))


class DocumentKindError(KhsModelError):
    """A function given an object that is not the kind of document it works on
    (``validate(42)``, ``report(meeting, …)``).

    ``expected`` names the classes it takes, ``got`` the class it was given.
    """

    def __init__(self, expected: Sequence[str], got: str, message: str) -> None:
        self.expected: tuple[str, ...] = tuple(expected)
        self.got = got
        super().__init__(message)

    def __reduce__(self) -> tuple[Any, ...]:
        return (_remake, (type(self), (self.expected, self.got, str(self)), {}))


class ArgumentError(KhsModelError):
    """An argument of a function of the API that it cannot use (a date after another it
    must precede, a number of days out of range); ``argument`` names it, ``value`` is
    what was given."""

    def __init__(self, argument: str, value: object, message: str) -> None:
        self.argument = argument
        self.value = value
        super().__init__(message)

    def __reduce__(self) -> tuple[Any, ...]:
        return (_remake, (type(self), (self.argument, self.value, str(self)), {}))


class UnknownRuleError(ArgumentError):
    """A rule code or prefix that names no validation rule (``select="PLAN03"``).

    ``code`` is the code as given (a selector upper-cased); ``suggestions`` the
    rule codes or prefixes probably meant, best first (empty when none is close).
    """

    def __init__(self, code: str, suggestions: Sequence[str], message: str) -> None:
        self.code = code
        self.suggestions: tuple[str, ...] = tuple(suggestions)
        super().__init__("code", code, message)

    def __reduce__(self) -> tuple[Any, ...]:
        return (_remake, (type(self), (self.code, self.suggestions, str(self)), {}))


class NoSuchMeasureError(ArgumentError):
    """A measure named by its place that the plan does not have.

    ``focus_area`` is the focus area's number (None: the ongoing activities),
    ``measure`` the measure's number.
    """

    def __init__(self, focus_area: int | None, measure: int, message: str) -> None:
        self.focus_area = focus_area
        self.measure = measure
        super().__init__("measure", (focus_area, measure), message)

    def __reduce__(self) -> tuple[Any, ...]:
        return (_remake, (type(self), (self.focus_area, self.measure, str(self)), {}))


class LabelsError(KhsModelError):
    """Labels (the words an exporter prints) that cannot be used: an unknown label, a
    value of the wrong type or length, a ``khsmodel.labels`` entry point that fails.

    ``language`` is the language tag they are for; ``labels`` names the labels at
    fault (empty when the whole bundle is: a broken entry point).
    """

    def __init__(self, language: str, labels: Sequence[str], message: str) -> None:
        self.language = language
        self.labels: tuple[str, ...] = tuple(labels)
        super().__init__(message)

    def __reduce__(self) -> tuple[Any, ...]:
        return (_remake, (type(self), (self.language, self.labels, str(self)), {}))


def _remake(cls: type[Exception], args: tuple[Any, ...], kwargs: dict[str, Any]) -> Exception:
    """An error made again in another process (pickle) from its own parts."""
    return cls(*args, **kwargs)
