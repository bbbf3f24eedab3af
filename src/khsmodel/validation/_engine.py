"""The engine: the catalogue, rule selection, dispatch over document kinds, validate()."""

from __future__ import annotations

import difflib
from collections.abc import Iterable
from typing import Any

from ..agreements import Agreement
from ..cases import CaseDocument
from ..errors import ArgumentError, DocumentKindError, UnknownRuleError
from ..meetingplans import MeetingPlan
from ..meetings import Meeting
from ..partnerships import Partnership
from ..plans import ActionPlan
from ..status import StatusReport
from . import cases, common, meetingplans, meetings, parties, plans, status
from ._context import NO_REFS, ROOT, At, Ctx, Refs
from ._report import Report, Rule

__all__ = ["RULES", "check", "rule", "select_codes", "validate"]

#: The catalogue: every rule, by domain (load, common, decisions, plans, cases,
#: meetings, partnerships, agreements).
RULES: tuple[Rule, ...] = (
    *common.RULES,
    *plans.RULES,
    *cases.RULES,
    *meetings.RULES,
    *parties.RULES,
    *status.RULES,
    *meetingplans.RULES,
)

_BY_CODE: dict[str, Rule] = {r.code: r for r in RULES}
_ALL_CODES = frozenset(_BY_CODE)


def rule(code: str) -> Rule:
    """The rule with this code; :class:`~khsmodel.errors.UnknownRuleError` (with the codes
    probably meant) for an unknown code.

    >>> rule("PLAN03")
    Traceback (most recent call last):
    khsmodel.errors.UnknownRuleError: unknown rule code 'PLAN03' (did you mean PLAN003, PLAN013, PLAN023?)
    """
    try:
        return _BY_CODE[code.strip().upper()]
    except KeyError:
        close = _close(code)
        raise UnknownRuleError(
            code, close, f"unknown rule code {code!r}" + _did_you_mean(close)
        ) from None


def _close(code: str) -> list[str]:
    """The rule codes (or prefixes) probably meant by an unknown one, best first."""
    wanted = code.strip().upper()
    known = _ALL_CODES | {c.rstrip("0123456789") for c in _ALL_CODES}
    scored = [(difflib.SequenceMatcher(None, wanted, c).ratio(), c) for c in known]
    return [c for ratio, c in sorted(scored, key=lambda rc: (-rc[0], rc[1]))[:3] if ratio >= 0.7]


def _did_you_mean(close: list[str]) -> str:
    return f" (did you mean {', '.join(close)}?)" if close else ""


def _selectors(value: str | Iterable[str] | None) -> list[str]:
    if value is None:
        return []
    items = [value] if isinstance(value, str) else list(value)
    out: list[str] = []
    for item in items:
        if not isinstance(item, str):
            raise ArgumentError(
                "select/ignore", item, f"rule codes must be strings, got {type(item).__name__}"
            )
        out += [part.strip().upper() for part in item.split(",") if part.strip()]
    return out


def _matching(selector: str) -> frozenset[str]:
    codes = frozenset(c for c in _ALL_CODES if c.startswith(selector))
    if not codes:
        prefixes = sorted({c.rstrip("0123456789") for c in _ALL_CODES})
        close = _close(selector)
        raise UnknownRuleError(
            selector,
            close,
            f"{selector!r} matches no rule{_did_you_mean(close)}; give a rule code (e.g. "
            f"PLAN003) or a prefix ({', '.join(prefixes)})",
        )
    return codes


def select_codes(
    select: str | Iterable[str] | None = None, ignore: str | Iterable[str] | None = None
) -> frozenset[str]:
    """The codes enabled by ``select`` and ``ignore`` (codes or prefixes, comma-separated).

    >>> sorted(select_codes("CASE00", ignore="CASE001"))[:3]
    ['CASE002', 'CASE003', 'CASE004']
    """
    selected = _selectors(select)
    enabled: frozenset[str] = _ALL_CODES
    if selected:
        enabled = frozenset().union(*(_matching(s) for s in selected))
    for s in _selectors(ignore):
        enabled = enabled - _matching(s)
    return enabled


_DOCUMENT_CLASSES = (Partnership, Agreement, ActionPlan, CaseDocument, Meeting, StatusReport, MeetingPlan)


def _dispatch(ctx: Ctx, doc: Any, at: At, refs: Refs, standalone: bool) -> None:
    saved = ctx.unresolved
    ctx.unresolved = 0
    if isinstance(doc, Partnership):
        parties.check_partnership(ctx, doc, at, refs, standalone)
    elif isinstance(doc, Agreement):
        parties.check_agreement(ctx, doc, at, refs, standalone)
    elif isinstance(doc, StatusReport):  # its plan is validated where it is ($.plan)
        status.check_report(ctx, doc, at, refs)
    elif isinstance(doc, MeetingPlan):  # its partnership and plan where they are
        meetingplans.check_meeting_plan(ctx, doc, at, refs)
    else:
        own = doc.partnership
        if own is not None:
            refs = parties.check_partnership(ctx, own, at.f("partnership"), refs, False)
        if isinstance(doc, ActionPlan):
            plans.check_plan(ctx, doc, at, refs)
        elif isinstance(doc, CaseDocument):
            cases.check_case(ctx, doc, at, refs)
        else:
            meetings.check_meeting(ctx, doc, at, refs)
    if ctx.unresolved:
        ctx.add(
            "DOC005",
            at,
            f"{ctx.unresolved} reference(s) to parties or bodies could not be checked "
            "because no partnership with parties and bodies is embedded; embed the "
            "partnership to have them checked",
        )
    ctx.unresolved = saved


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
    :class:`KhsModelError`.
    """
    return check(doc, select_codes(select, ignore))


def check(doc: Any, enabled: frozenset[str]) -> Report:
    """:func:`validate` with the enabled codes already resolved."""
    if not isinstance(doc, _DOCUMENT_CLASSES):
        raise DocumentKindError(
            tuple(cls.__name__ for cls in _DOCUMENT_CLASSES),
            type(doc).__name__,
            "validate() expects a document (Partnership, Agreement, ActionPlan, "
            f"CaseDocument, Meeting, StatusReport or MeetingPlan), got {type(doc).__name__}",
        )
    ctx = Ctx(_BY_CODE, enabled, _dispatch)
    ctx.document(doc, ROOT, NO_REFS, True)
    return Report(tuple(ctx.findings))
