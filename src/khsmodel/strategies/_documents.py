"""Any top-level document, of the kinds asked for."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

from hypothesis import strategies as st

from ..documents import DOCUMENT_TYPES, Document
from ._agreements import agreements
from ._cases import case_documents
from ._meetingplans import meeting_plans
from ._meetings import meetings
from ._partnerships import partnerships
from ._plans import action_plans
from ._status import status_reports

_DOCUMENT_STRATEGIES: dict[str, Callable[..., st.SearchStrategy[Any]]] = {
    "partnership": partnerships,
    "agreement": agreements,
    "action_plan": action_plans,
    "case_document": case_documents,
    "meeting": meetings,
    "status_report": status_reports,
    "meeting_plan": meeting_plans,
}


def documents(
    kinds: Sequence[str] | None = None, *, hostile: bool = True
) -> st.SearchStrategy[Document]:
    """Any top-level document; ``kinds`` limits them: ``documents(kinds=("action_plan",))``."""
    chosen = tuple(kinds) if kinds is not None else tuple(DOCUMENT_TYPES)
    unknown = [k for k in chosen if k not in _DOCUMENT_STRATEGIES]
    if unknown or not chosen:
        raise ValueError(
            f"unknown document kind(s) {unknown or list(chosen)!r}; "
            f"expected some of {', '.join(DOCUMENT_TYPES)}"
        )
    return st.one_of(*[_DOCUMENT_STRATEGIES[k](hostile=hostile) for k in chosen])
