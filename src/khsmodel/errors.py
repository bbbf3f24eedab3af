"""Exceptions raised by khsmodel.

Every error the library raises on purpose is a :class:`KhsModelError`, which is
a :class:`ValueError`, so callers can catch one type.
"""

from __future__ import annotations

from collections.abc import Iterable

import attrs

__all__ = ["ErrorDetail", "InvalidDocumentError", "KhsModelError"]


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


class InvalidDocumentError(KhsModelError):
    """Input that cannot become a model object. ``errors`` lists every problem found."""

    def __init__(self, errors: Iterable[ErrorDetail]) -> None:
        self.errors: tuple[ErrorDetail, ...] = tuple(errors)
        lines = [f"{len(self.errors)} problem(s) in document:"]
        lines += [f"  {e}" for e in self.errors]
        super().__init__("\n".join(lines))
