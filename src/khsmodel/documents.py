"""The ``Document`` union of the top-level kinds, and the file envelope's constants."""

from __future__ import annotations

import attrs

from . import cases
from .agreements import Agreement
from .cases import Attachment, CaseDocument
from .meetingplans import MeetingPlan
from .meetings import Meeting
from .partnerships import Partnership
from .plans import ActionPlan
from .status import StatusReport

__all__ = ["DOCUMENT_TYPES", "FORMAT", "FORMAT_VERSION", "Document"]

#: Any top-level document. Each has a ``KIND`` tag used in JSON.
Document = Partnership | Agreement | ActionPlan | CaseDocument | Meeting | StatusReport | MeetingPlan

#: Kind tag → class, in a fixed order.
DOCUMENT_TYPES: dict[str, type[Document]] = {
    cls.KIND: cls for cls in (
        Partnership, Agreement, ActionPlan, CaseDocument, Meeting, StatusReport, MeetingPlan
    )
}

FORMAT = "khsmodel"
#: The version of the JSON format written; older ones are read too (see khsmodel.migration).
FORMAT_VERSION = 2

# Attachment.document names Document, the union of every kind, which can only be written
# here, where all of them are defined (a case document is one of them). This binds it into
# khsmodel.cases and resolves the field's type for the modules that read it (the converter,
# the fast loader, the schema; each imports this module). The type check of new objects
# does not need it (see khsmodel._typecheck.AnyDocument).
cases.Document = Document  # type: ignore[attr-defined]
attrs.resolve_types(Attachment, globalns=vars(cases))  # type: ignore[type-var]
