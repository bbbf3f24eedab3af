"""Checking the keyword options an exporter is given. Shared by every built-in exporter."""

from __future__ import annotations

from collections.abc import Collection, Mapping

from khsmodel.errors import KhsModelError

__all__ = ["reject_unknown_options"]


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
