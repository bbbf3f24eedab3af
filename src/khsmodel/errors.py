"""Exceptions raised by khsmodel.

Every error the library raises on purpose is a :class:`KhsModelError`, which is
a :class:`ValueError`, so callers can catch one type.
"""

from __future__ import annotations

from collections.abc import Iterable

import attrs

__all__ = [
    "ErrorDetail",
    "FieldTypeError",
    "FieldValueError",
    "InvalidDocumentError",
    "KhsModelError",
    "NotJsonError",
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
