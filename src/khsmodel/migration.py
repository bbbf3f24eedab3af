"""Versions of the JSON format, and the migration of files of older versions.

Every file names its version (``"format_version"``). khsmodel reads every
version it has written: a file of an older version is migrated as it is
loaded, in memory (the file is not changed), then loaded as any other; the
command ``khsmodel migrate FILE…`` rewrites files to the current version.

Versions:

- **1**: a plan's adoption is one object, ``"adoption"``.
- **2** (current): a plan has a list, ``"adoptions"`` (a joint plan is adopted
  by several bodies); dates known only to the year or month are written
  ``"2009"`` or ``"2016-03"``. A version 1 ``"adoption": {…}`` becomes
  ``"adoptions": [{…}]``; a plan attached to a case document, or in a case of
  a meeting's agenda, is migrated likewise.

>>> from khsmodel import migrate
>>> old = {"format": "khsmodel", "format_version": 1, "kind": "action_plan",
...        "title": "Handlingsplan 2016-2017", "adoption": {"body": "osu", "date": "2016-02-08"}}
>>> new = migrate(old)
>>> new["format_version"], new["adoptions"]
(2, [{'body': 'osu', 'date': '2016-02-08'}])
>>> old["format_version"], "adoption" in old   # the input is not changed
(1, True)
>>> migrate(new) is new   # already current: returned as it is
True
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from . import documents as _documents
from ._convert import describe
from .errors import ErrorDetail, InvalidDocumentError

__all__ = ["SUPPORTED_VERSIONS", "migrate"]

#: The format versions this khsmodel reads (and migrates to the current one).
SUPPORTED_VERSIONS = range(1, _documents.FORMAT_VERSION + 1)

_Data = dict[str, Any]


def _plan_v1(plan: _Data, path: str) -> _Data:
    """``"adoption": {…}`` → ``"adoptions": [{…}]`` in its place (null or absent: none)."""
    if "adoptions" in plan:  # not a key of version 1: the file's version is wrong
        raise InvalidDocumentError([ErrorDetail(
            f"{path}.adoptions",
            "unknown field of ActionPlan in format version 1 (version 1 has one "
            "'adoption'; a file with 'adoptions' is of version 2)",
        )])  # fmt: skip
    if "adoption" not in plan:
        return plan
    out: _Data = {}
    for key, value in plan.items():
        if key != "adoption":
            out[key] = value
        elif value is not None:
            out["adoptions"] = [value]
    return out


def _case_v1(case: _Data, path: str) -> _Data:
    """A case document whose attached documents are migrated."""
    attachments = case.get("attachments")
    if type(attachments) is not list:
        return case
    new = [_attachment_v1(a, f"{path}.attachments[{i}]") for i, a in enumerate(attachments)]
    if all(a is b for a, b in zip(new, attachments, strict=True)):
        return case
    return {**case, "attachments": new}


def _attachment_v1(attachment: Any, path: str) -> Any:
    if type(attachment) is not dict or type(attachment.get("document")) is not dict:
        return attachment
    doc = attachment["document"]
    new = _document_v1(doc, doc.get("kind"), f"{path}.document")
    return attachment if new is doc else {**attachment, "document": new}


def _meeting_v1(meeting: _Data, path: str) -> _Data:
    """A meeting whose agenda's case documents are migrated."""
    agenda = meeting.get("agenda")
    if type(agenda) is not list:
        return meeting
    new = []
    for i, item in enumerate(agenda):
        case = item.get("case_document") if type(item) is dict else None
        if type(case) is dict:
            migrated = _case_v1(case, f"{path}.agenda[{i}].case_document")
            if migrated is not case:
                item = {**item, "case_document": migrated}
        new.append(item)
    if all(a is b for a, b in zip(new, agenda, strict=True)):
        return meeting
    return {**meeting, "agenda": new}


def _document_v1(doc: _Data, kind: object, path: str = "$") -> _Data:
    """A document (top-level or embedded) of version 1 as version 2; copies only what changes."""
    if kind == "action_plan":
        return _plan_v1(doc, path)
    if kind == "case_document":
        return _case_v1(doc, path)
    if kind == "meeting":
        return _meeting_v1(doc, path)
    return doc


#: Version N → the step that turns a document of version N into one of version N + 1.
_STEPS: dict[int, Callable[[_Data, object], _Data]] = {1: _document_v1}


def upgrade(data: _Data, version: int) -> _Data:
    """A document envelope of an older supported ``version`` as the current version.

    The input is not changed: dicts on the way to a change are copied. A key the
    older version does not have, in a place the migration changes, raises
    :class:`~khsmodel.InvalidDocumentError` with its path.
    """
    kind = data.get("kind")
    for step in range(version, _documents.FORMAT_VERSION):
        data = _STEPS[step](data, kind)
    return {k: (_documents.FORMAT_VERSION if k == "format_version" else v) for k, v in data.items()}


def migrate(data: Any) -> Any:
    """The plain data of a khsmodel document file (as ``json.loads`` gives it) at the current
    format version.

    Data of an older version is migrated (a new object; the input is not
    changed); data already at the current version is returned as it is. Anything
    that is not a khsmodel document of a version this khsmodel reads raises
    :class:`~khsmodel.InvalidDocumentError` naming ``$``, ``$.format`` or
    ``$.format_version``. Migration changes the shape only: load the result
    (:func:`khsmodel.serialization.from_data`, or ``loads``) to check the rest.
    """
    if type(data) is not dict or data.get("format") != _documents.FORMAT:
        raise InvalidDocumentError(
            [ErrorDetail("$", f'not a khsmodel document (no "format": "{_documents.FORMAT}")')]
        )
    version = data.get("format_version")
    if type(version) is not int or version not in SUPPORTED_VERSIONS:
        raise InvalidDocumentError([ErrorDetail("$.format_version", version_problem(data))])
    if version == _documents.FORMAT_VERSION:
        return data
    return upgrade(data, version)


def version_problem(data: _Data) -> str:
    """The message for a ``format_version`` of ``data`` that this khsmodel does not read."""
    first, last = SUPPORTED_VERSIONS[0], SUPPORTED_VERSIONS[-1]
    text = f"unsupported format version: expected {first} to {last}, got "
    if "format_version" not in data:
        return text + "nothing (field missing)"
    version = data["format_version"]
    text += describe(version)
    if type(version) is int and version > last:
        text += " (a file of a newer khsmodel: upgrade khsmodel to read it)"
    return text
