"""Report types of the validator: Severity, Rule, Finding, Report, ValidationError."""

from __future__ import annotations

from collections.abc import Iterator
from enum import StrEnum
from typing import Any

import attrs

from ..errors import KhsModelError

__all__ = ["Finding", "Report", "Rule", "Severity", "ValidationError"]


class Severity(StrEnum):
    """How serious a finding is.

    ``error``: the document contradicts itself or the rules of the field; fix
    it before it goes to a meeting or another system. ``warning``: probably a
    mistake or a gap, but documents taken from real sources may legitimately
    have it. ``info``: worth knowing; nothing to fix.
    """

    ERROR = "error"
    WARNING = "warning"
    INFO = "info"


@attrs.frozen
class Rule:
    """One rule of the catalogue.

    ``code`` is stable (``PLAN003``); ``summary`` is one line; ``rationale``
    says why the rule exists. ``standalone_only`` rules are not applied to a
    partnership embedded in another document for reference (see docs/rules.md).
    """

    code: str
    severity: Severity
    summary: str
    rationale: str
    standalone_only: bool = False


@attrs.frozen
class Finding:
    """One problem found: rule code, severity, JSON path and a plain-English message.

    ``path`` has the form of load errors: ``$.focus_areas[1].measures[3].timeframe``.
    """

    code: str
    severity: Severity
    path: str
    message: str

    def __str__(self) -> str:
        return f"{self.path}: {self.code} {self.severity.value} {self.message}"

    def to_data(self) -> dict[str, str]:
        """The finding as plain data (for JSON output)."""
        return {
            "code": self.code,
            "severity": self.severity.value,
            "path": self.path,
            "message": self.message,
        }


class ValidationError(KhsModelError):
    """Raised by :meth:`Report.raise_for_errors`.

    ``findings`` holds every finding of the report (errors, warnings, info);
    ``errors`` only those of severity error. The message lists the errors.
    """

    def __init__(self, findings: tuple[Finding, ...]) -> None:
        self.findings: tuple[Finding, ...] = findings
        self.errors: tuple[Finding, ...] = tuple(
            f for f in findings if f.severity is Severity.ERROR
        )
        lines = [f"{len(self.errors)} error(s) in document:"]
        lines += [f"  {f}" for f in self.errors]
        super().__init__("\n".join(lines))


@attrs.frozen
class Report:
    """The result of :func:`khsmodel.validate`: every finding, in document order.

    Iterating gives the findings; ``len(report)`` counts them; ``report.ok``
    is true when none is an error.
    """

    findings: tuple[Finding, ...] = ()

    def __iter__(self) -> Iterator[Finding]:
        return iter(self.findings)

    def __len__(self) -> int:
        return len(self.findings)

    @property
    def ok(self) -> bool:
        """True when no finding has severity error."""
        return not any(f.severity is Severity.ERROR for f in self.findings)

    @property
    def errors(self) -> tuple[Finding, ...]:
        return tuple(f for f in self.findings if f.severity is Severity.ERROR)

    @property
    def warnings(self) -> tuple[Finding, ...]:
        return tuple(f for f in self.findings if f.severity is Severity.WARNING)

    @property
    def infos(self) -> tuple[Finding, ...]:
        return tuple(f for f in self.findings if f.severity is Severity.INFO)

    def codes(self) -> tuple[str, ...]:
        """The distinct codes found, sorted."""
        return tuple(sorted({f.code for f in self.findings}))

    def with_code(self, code: str) -> tuple[Finding, ...]:
        """The findings of one rule."""
        return tuple(f for f in self.findings if f.code == code)

    def raise_for_errors(self) -> None:
        """Raise :class:`ValidationError` when the report has at least one error."""
        if not self.ok:
            raise ValidationError(self.findings)

    def to_data(self) -> list[dict[str, Any]]:
        """The findings as plain data: a list of objects with code, severity, path, message."""
        return [f.to_data() for f in self.findings]

    def summary(self) -> str:
        """``"2 errors, 1 warning, 0 info"``."""
        e, w, i = len(self.errors), len(self.warnings), len(self.infos)
        return f"{e} error{'' if e == 1 else 's'}, {w} warning{'' if w == 1 else 's'}, {i} info"
