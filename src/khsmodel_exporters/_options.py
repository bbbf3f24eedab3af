"""What every built-in exporter does before it writes: check its options, import its renderer."""

from __future__ import annotations

import importlib
from collections.abc import Callable, Collection, Mapping
from typing import Protocol

from khsmodel.errors import KhsModelError

__all__ = ["import_renderer", "reject_unknown_options"]


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
