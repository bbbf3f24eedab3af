"""Validation: rules of meaning for khsmodel documents, reported with JSON paths.

Loading checks shape; :func:`validate` checks meaning. It walks a document
once, applies every rule of the catalogue :data:`RULES` and returns a
:class:`Report` of :class:`Finding` objects (code, severity, path, message),
all of them, in document order.

>>> import datetime as dt
>>> from khsmodel import ActionPlan, FocusArea, Measure, Period, validate
>>> plan = ActionPlan(title="Handlingsplan 2016-2017",
...     period=Period(start=dt.date(2016, 1, 1), end=dt.date(2017, 12, 31)),
...     focus_areas=(FocusArea(number=1, title="Lærings- og mestringstilbud",
...         measures=(Measure(number=2, text="Arrangere et dagsseminar"),)),))
>>> report = validate(plan)
>>> report.ok
False
>>> for finding in report:
...     print(finding.code, finding.severity.value, finding.path)
PLAN006 error $.focus_areas[0].measures[0].number
PLAN008 warning $.focus_areas[0].measures[0].responsibility
>>> validate(plan, ignore="PLAN006").ok
True

Nested documents are validated where they are: an attachment's document
(``$.attachments[0].document…``), an agenda item's case document, the
partnership a document embeds. How rules apply to an embedded partnership is
described in ``docs/rules.md``.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING, Any

from ._docs import rules_markdown, write_rules_doc
from ._report import Finding, Report, Rule, Severity, ValidationError

if TYPE_CHECKING:
    from ..agreements import Agreement
    from ..cases import CaseDocument
    from ..meetingplans import MeetingPlan
    from ..meetings import Meeting
    from ..partnerships import Partnership
    from ..plans import ActionPlan
    from ..status import StatusReport
    from ._engine import RULES, rule, select_codes

__all__ = [
    "RULES",
    "Finding",
    "Report",
    "Rule",
    "Severity",
    "ValidationError",
    "rule",
    "rules_markdown",
    "select_codes",
    "validate",
    "write_rules_doc",
]

# The rule modules load on first use, so that ``import khsmodel`` stays light.
_LAZY = frozenset({"RULES", "rule", "select_codes"})


def __getattr__(name: str) -> Any:
    if name in _LAZY:
        from . import _engine

        return getattr(_engine, name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


def validate(
    doc: Partnership | Agreement | ActionPlan | CaseDocument | Meeting | StatusReport | MeetingPlan,
    *,
    select: str | Iterable[str] | None = None,
    ignore: str | Iterable[str] | None = None,
) -> Report:
    """Check a document against the rule catalogue; every finding, in one pass.

    ``select`` keeps only rules whose code starts with one of the given codes
    or prefixes (``"PLAN"``, ``"CASE001"``, ``"PLAN,DOC001"``); ``ignore``
    then removes rules the same way. An unknown code or prefix raises
    :class:`~khsmodel.KhsModelError`. Nested documents are validated where
    they are; see ``docs/rules.md``.
    """
    from ._engine import validate as _validate

    return _validate(doc, select=select, ignore=ignore)
