"""Hypothesis strategies for every public khsmodel type (public API, for tests).

Every strategy produces *valid* values: they load, dump, validate against the
JSON Schema and satisfy the meaning rules (periods in order, timeframes inside
the plan period, numbering without gaps, references that resolve inside the
embedded partnership, status consistent with progress, case numbers whose
year is the meeting year …). Text is realistic Norwegian with Sámi names and
letters (á č đ ŋ š ŧ ž, ï) and, unless ``hostile=False``, now and then a
hostile but legal string (markup, ``&``, no-break space, emoji, right-to-left
text, tabs and newlines). No strategy ever produces an XML-illegal control
character or a lone surrogate.

>>> from hypothesis import given, settings
>>> from khsmodel import dumps, loads, strategies as ks
>>> @settings(max_examples=5, deadline=None)
... @given(ks.documents(kinds=("action_plan",)))
... def test_plan_round_trip(plan):
...     assert loads(dumps(plan)) == plan
>>> test_plan_round_trip()

Strategies that refer to parties and bodies take ``partnership=`` (ids then
resolve in it); dated ones take ``within=`` (a :class:`~khsmodel.Period`).
Enumerations need no strategy of their own: ``st.sampled_from(MeasureStatus)``.
This module imports hypothesis (``pip install "khsmodel[strategies]"``; without it,
importing the module raises an :class:`ImportError` that says so); ``import khsmodel``
does not import it.
"""

from __future__ import annotations

try:  # the submodules import hypothesis; checked here once, before any of them
    import hypothesis as _hypothesis  # noqa: F401
except ImportError as _exc:  # an optional dependency: say which extra brings it
    raise ImportError(
        "khsmodel.strategies needs hypothesis, which is not installed; "
        'install it with: pip install "khsmodel[strategies]"',
        name=_exc.name,
    ) from _exc

from ._agreements import agreement_sections, agreements, priority_groups
from ._base import blocks, emphases, event_refs, links, periods, resources
from ._cases import (
    attachments,
    case_documents,
    case_references,
    process_events,
    proposals,
    sections,
)
from ._decisions import decisions, vote_counts
from ._documents import documents
from ._draw import partial_dates
from ._identifiers import (
    archive_references,
    case_numbers,
    journal_numbers,
    kommune_numbers,
    organisation_numbers,
)
from ._meetingplans import meeting_plans
from ._meetings import agenda_items, meetings, minutes, participants, programme_items
from ._parties import organisations, other_names, persons, roles, units
from ._partnerships import bodies, body_members, history_entries, memberships, partnerships
from ._plans import (
    action_plans,
    adoptions,
    focus_areas,
    measure_refs,
    measures,
    phases,
    progress_entries,
    responsibilities,
    responsible_parties,
)
from ._status import status_reports
from ._text import ids, person_names, texts
from ._timeframes import interpretations, timeframes
from ._vocabulary import HOSTILE_STRINGS, ILLEGAL_XML_CHARACTERS
from ._vocabulary import (
    MAX_DATE as MAX_DATE,  # the date window of every strategy
)
from ._vocabulary import MIN_DATE as MIN_DATE

__all__ = [
    "HOSTILE_STRINGS",
    "ILLEGAL_XML_CHARACTERS",
    "action_plans",
    "adoptions",
    "agenda_items",
    "agreement_sections",
    "agreements",
    "archive_references",
    "attachments",
    "blocks",
    "bodies",
    "body_members",
    "case_documents",
    "case_numbers",
    "case_references",
    "decisions",
    "documents",
    "emphases",
    "event_refs",
    "focus_areas",
    "history_entries",
    "ids",
    "interpretations",
    "journal_numbers",
    "kommune_numbers",
    "links",
    "measure_refs",
    "measures",
    "meeting_plans",
    "meetings",
    "memberships",
    "minutes",
    "organisation_numbers",
    "organisations",
    "other_names",
    "partial_dates",
    "participants",
    "partnerships",
    "periods",
    "person_names",
    "persons",
    "phases",
    "priority_groups",
    "process_events",
    "programme_items",
    "progress_entries",
    "proposals",
    "resources",
    "responsibilities",
    "responsible_parties",
    "roles",
    "sections",
    "status_reports",
    "texts",
    "timeframes",
    "units",
    "vote_counts",
]
