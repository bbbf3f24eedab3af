"""khsmodel: a typed model of Norwegian health partnerships and their documents.

The model classes are frozen attrs classes; documents load from and dump to a
strict JSON format; ``validate`` checks meaning; exporters turn documents into
Word, PDF and other formats.

Importing the package is light: the names below load on first use (PEP 562),
so ``import khsmodel`` costs a few milliseconds and ``from khsmodel import
ActionPlan`` loads only the model modules (attrs), not cattrs, the rule
catalogue or any exporter. ``khsmodel.loads`` and the other JSON functions load
cattrs when first called.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

from ._version import __version__

if TYPE_CHECKING:
    from . import exporters
    from ._base import (
        Emphasis,
        EmphasisKind,
        EventRef,
        ItemList,
        Link,
        Paragraph,
        PartialDate,
        Period,
        Resource,
        ResourceKind,
        Season,
    )
    from .agreements import (
        Agreement,
        AgreementLevel,
        AgreementSection,
        AgreementTopic,
        PriorityGroup,
        PriorityGroupKey,
        StatutoryItem,
        priority_groups_on,
        statutory_items_in_force,
    )
    from .cases import (
        Attachment,
        CaseDocument,
        CaseReference,
        CaseStatus,
        ProcessEvent,
        Proposal,
        ProposalKind,
        Section,
        SectionKind,
    )
    from .decisions import Decision, DecisionKind, VoteCount
    from .documents import Document
    from .errors import (
        ErrorDetail,
        FieldTypeError,
        FieldValueError,
        InvalidDocumentError,
        KhsModelError,
    )
    from .exporters import export
    from .identifiers import (
        ArchiveReference,
        CaseNumber,
        JournalNumber,
        KommuneNumber,
        OrganisationNumber,
    )
    from .meetingplans import MeetingPlan, PlannedMeeting, WheelEntry, YearDate
    from .meetings import (
        AgendaItem,
        Meeting,
        Minutes,
        Participant,
        ParticipantRole,
        ProgrammeItem,
        ProgrammeItemKind,
    )
    from .migration import migrate
    from .parties import Organisation, OrganisationKind, OtherName, Person, Role, RoleKind, Unit
    from .partnerships import (
        Body,
        BodyKind,
        BodyMember,
        HistoryEntry,
        Membership,
        MembershipRole,
        Partnership,
        PartnershipKind,
    )
    from .plandiff import PlanDiff, diff
    from .plans import (
        ActionPlan,
        Adoption,
        Collective,
        FocusArea,
        Measure,
        MeasureRef,
        MeasureStatus,
        Phase,
        PlanStatus,
        ProgressEntry,
        Responsibility,
        ResponsibleParty,
    )
    from .schema import json_schema
    from .serialization import dump, dumps, load, loads
    from .status import MeasureReport, StatusReport, StatusSummary, Timing, report
    from .timeframes import (
        AtEvent,
        Between,
        ByDate,
        Frequency,
        InMonth,
        InYear,
        MonthPart,
        NextMeeting,
        OnDate,
        Ongoing,
        Precision,
        Recurring,
        StartingFrom,
        Timeframe,
        interpret_timeframe,
        is_text_only,
    )
    from .validation import Finding, Report, Severity, validate

#: Where each public name lives (module relative to this package).
_SOURCES: dict[str, tuple[str, ...]] = {
    "_base": (
        "Emphasis", "EmphasisKind", "EventRef", "ItemList", "Link", "Paragraph", "PartialDate", "Period",
        "Resource", "ResourceKind", "Season",
    ),
    "agreements": (
        "Agreement", "AgreementLevel", "AgreementSection", "AgreementTopic", "PriorityGroup",
        "PriorityGroupKey", "StatutoryItem", "priority_groups_on", "statutory_items_in_force",
    ),
    "cases": (
        "Attachment", "CaseDocument", "CaseReference", "CaseStatus", "ProcessEvent", "Proposal",
        "ProposalKind", "Section", "SectionKind",
    ),
    "decisions": ("Decision", "DecisionKind", "VoteCount"),
    "documents": ("Document",),
    "errors": (
        "ErrorDetail", "FieldTypeError", "FieldValueError", "InvalidDocumentError", "KhsModelError",
    ),
    "exporters": ("export",),
    "identifiers": (
        "ArchiveReference", "CaseNumber", "JournalNumber", "KommuneNumber", "OrganisationNumber",
    ),
    "meetings": (
        "AgendaItem", "Meeting", "Minutes", "Participant", "ParticipantRole", "ProgrammeItem",
        "ProgrammeItemKind",
    ),
    "parties": ("Organisation", "OrganisationKind", "OtherName", "Person", "Role", "RoleKind", "Unit"),
    "partnerships": (
        "Body", "BodyKind", "BodyMember", "HistoryEntry", "Membership", "MembershipRole",
        "Partnership", "PartnershipKind",
    ),
    "plans": (
        "ActionPlan", "Adoption", "Collective", "FocusArea", "Measure", "MeasureRef",
        "MeasureStatus", "Phase", "PlanStatus", "ProgressEntry", "Responsibility",
        "ResponsibleParty",
    ),
    "meetingplans": ("MeetingPlan", "PlannedMeeting", "WheelEntry", "YearDate"),
    "plandiff": ("PlanDiff", "diff"),
    "migration": ("migrate",),
    "schema": ("json_schema",),
    "status": ("MeasureReport", "StatusReport", "StatusSummary", "Timing", "report"),
    "serialization": ("dump", "dumps", "load", "loads"),
    "timeframes": (
        "AtEvent", "Between", "ByDate", "Frequency", "InMonth", "InYear", "MonthPart",
        "NextMeeting", "OnDate", "Ongoing", "Precision", "Recurring", "StartingFrom", "Timeframe",
        "interpret_timeframe", "is_text_only",
    ),
    "validation": ("Finding", "Report", "Severity", "validate"),
}  # fmt: skip
_LAZY: dict[str, str] = {name: module for module, names in _SOURCES.items() for name in names}
_LAZY["exporters"] = "exporters"  # the registry module itself


def __getattr__(name: str) -> Any:
    module = _LAZY.get(name)
    if module is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    loaded = importlib.import_module(f".{module}", __name__)
    value = loaded if name == module else getattr(loaded, name)
    globals()[name] = value  # the next lookup is a plain attribute
    return value


def __dir__() -> list[str]:
    """The public names (and the module's own dunders), not its helpers and imports."""
    return sorted(set(__all__) | {n for n in globals() if n.startswith("__")})


__all__ = [
    "ActionPlan", "Adoption", "AgendaItem", "Agreement", "AgreementLevel", "AgreementSection",
    "AgreementTopic", "ArchiveReference", "AtEvent", "Attachment", "Between", "Body", "BodyKind",
    "BodyMember", "ByDate", "CaseDocument", "CaseNumber", "CaseReference", "CaseStatus",
    "Collective", "Decision", "DecisionKind", "Document", "Emphasis", "EmphasisKind", "ErrorDetail",
    "EventRef", "FieldTypeError", "FieldValueError", "Finding", "FocusArea", "Frequency",
    "HistoryEntry", "InMonth", "InYear", "InvalidDocumentError", "ItemList", "JournalNumber",
    "KhsModelError", "KommuneNumber", "Link", "Measure", "MeasureRef", "MeasureReport", "MeasureStatus", "Meeting",
    "MeetingPlan",
    "Membership", "MembershipRole", "Minutes", "MonthPart", "NextMeeting", "OnDate", "Ongoing",
    "Organisation",
    "OrganisationKind", "OrganisationNumber", "OtherName", "Paragraph", "PartialDate", "Participant",
    "ParticipantRole", "Partnership", "PartnershipKind", "Period", "Person", "Phase", "PlanDiff", "PlanStatus",
    "PlannedMeeting",
    "Precision", "PriorityGroup", "PriorityGroupKey", "ProcessEvent", "ProgrammeItem",
    "ProgrammeItemKind", "ProgressEntry", "Proposal", "ProposalKind", "Recurring", "Report", "Resource",
    "ResourceKind",
    "Responsibility", "ResponsibleParty", "Role", "RoleKind", "Season", "Section", "SectionKind",
    "Severity", "StartingFrom", "StatusReport", "StatusSummary", "StatutoryItem", "Timeframe",
    "Timing", "Unit", "VoteCount", "WheelEntry", "YearDate", "__version__", "diff", "dump",
    "dumps", "export", "exporters", "interpret_timeframe", "is_text_only", "json_schema", "load", "loads",
    "migrate", "priority_groups_on", "report", "statutory_items_in_force", "validate",
]  # fmt: skip
