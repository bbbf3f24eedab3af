"""JSON Schema (draft 2020-12) generated from the model classes; no hand-written copy.

The top level requires ``kind`` (one of the six document kinds) and selects
that kind's envelope with one ``if``/``then`` per kind, rather than a
``oneOf`` over the envelopes: a validator then reports a problem at its own
path inside the document (``$.focus_areas[0].measures[0].number``) instead of
"is not valid under any of the given schemas" at the top.

>>> from khsmodel import json_schema
>>> schema = json_schema()
>>> schema["$schema"]
'https://json-schema.org/draft/2020-12/schema'
>>> sorted(schema["$defs"]["ActionPlanDocument"]["properties"])[:3]
['adoptions', 'focus_areas', 'format']
>>> schema["properties"]["kind"]["enum"]
['partnership', 'agreement', 'action_plan', 'case_document', 'meeting', 'status_report']
>>> schema["allOf"][2]["then"]
{'$ref': '#/$defs/ActionPlanDocument'}
"""

from __future__ import annotations

import datetime as dt
import enum
import functools
import types
import typing
from typing import Any

import attrs

from . import documents as _documents
from ._base import SCHEMA_EXTRA, PartialDate, json_name
from ._version import __version__
from .identifiers import KommuneNumber, OrganisationNumber

__all__ = ["json_schema"]

SCHEMA_ID = "https://khsmodel.invalid/schema/khsmodel.schema.json"

_SPECIAL: dict[Any, dict[str, Any]] = {
    str: {"type": "string"},
    int: {"type": "integer"},
    bool: {"type": "boolean"},
    dt.date: {"type": "string", "format": "date", "pattern": r"^\d{4}-\d{2}-\d{2}$"},
    dt.time: {"type": "string", "pattern": r"^\d{2}:\d{2}(:\d{2})?$"},
    OrganisationNumber: {
        "type": "string",
        "pattern": r"^\d{9}$",
        "description": "Organisation number: 9 digits, the last a mod-11 check digit.",
    },
    KommuneNumber: {
        "type": "string",
        "pattern": r"^\d{4}$",
        "description": "Kommunenummer: 4 digits as a string; the first two are the county.",
    },
}


#: A date, or a date known only to the year or month (:class:`~khsmodel.PartialDate`).
_DAY: dict[str, Any] = {
    "type": "string",
    "anyOf": [
        _SPECIAL[dt.date],
        {"pattern": r"^(?!0000)\d{4}(-(0[1-9]|1[0-2]|2[1-3]))?$"},
    ],
    "description": "A date (YYYY-MM-DD), or a date known only to the month (YYYY-MM), "
    "the season (YYYY-21 spring, -22 summer, -23 autumn, as ISO 8601-2) or the year (YYYY).",
}


def _doc(cls: type) -> str | None:
    text = (cls.__doc__ or "").strip()
    return text.split("\n\n")[0].replace("\n", " ") if text else None


def _nullable(inner: dict[str, Any], defs: dict[str, Any]) -> dict[str, Any]:
    """``inner`` or null, in a form whose errors keep their own path.

    ``anyOf`` would report a wrong value deep inside an optional object as "not
    valid under any of the given schemas" at the object: a scalar type takes
    ``null`` in its ``type``, an object is checked only when it is one.
    """
    if isinstance(inner.get("type"), str):
        return {**inner, "type": [inner["type"], "null"]}
    ref = inner.get("$ref", "")
    target = defs.get(ref.rsplit("/", 1)[-1]) if ref.startswith("#/$defs/") else None
    if (target is not None and target.get("type") == "object") or target == {}:
        return {"type": ["object", "null"], "if": {"type": "object"}, "then": inner}
    return {"anyOf": [inner, {"type": "null"}]}


class _Builder:
    def __init__(self) -> None:
        self.defs: dict[str, Any] = {}

    def ref(self, name: str) -> dict[str, Any]:
        return {"$ref": f"#/$defs/{name}"}

    def type_schema(self, tp: Any) -> dict[str, Any]:
        if tp in _SPECIAL:
            return dict(_SPECIAL[tp])
        origin = typing.get_origin(tp)
        args = typing.get_args(tp)
        if origin is tuple and len(args) == 2 and args[1] is Ellipsis:
            return {"type": "array", "items": self.type_schema(args[0])}
        if origin in (typing.Union, types.UnionType):
            members = [a for a in args if a is not type(None)]
            optional = type(None) in args
            if len(members) > 1 and all(isinstance(getattr(m, "KIND", None), str) for m in members):
                return self.by_kind(members, optional=optional)
            if set(members) == {dt.date, PartialDate}:
                inner = dict(_DAY)
            elif len(members) == 1:
                inner = self.type_schema(members[0])
            else:
                inner = {"oneOf": [self.tagged(m) for m in members]}
            if optional:
                return _nullable(inner, self.defs)
            return inner
        if isinstance(tp, type) and issubclass(tp, enum.Enum):
            name = tp.__name__
            if name not in self.defs:
                self.defs[name] = {"enum": [m.value for m in tp]}
                if _doc(tp):
                    self.defs[name]["description"] = _doc(tp)
            return self.ref(name)
        if attrs.has(tp):
            return self.plain(tp)
        raise TypeError(f"no JSON Schema for {tp!r}")  # pragma: no cover

    def by_kind(self, members: list[Any], *, optional: bool) -> dict[str, Any]:
        """A tagged union whose ``kind`` picks the member (``if``/``then``, not ``oneOf``).

        A validator then reports a wrong value inside the member at its own path
        (``…interpretation.month``) instead of "not valid under any of the given
        schemas" at the union.
        """
        kinds = [m.KIND for m in members]
        return {
            "type": ["object", "null"] if optional else "object",
            "properties": {"kind": {"enum": kinds}},
            "required": ["kind"],
            "allOf": [
                {
                    "if": {
                        "type": "object",  # a null (optional) is not any member
                        "properties": {"kind": {"const": m.KIND}},
                        "required": ["kind"],
                    },
                    "then": self.tagged(m),
                }
                for m in members
            ],
        }

    def properties(self, cls: type) -> tuple[dict[str, Any], list[str]]:
        props: dict[str, Any] = {}
        required: list[str] = []
        for a in attrs.fields(attrs.resolve_types(cls)):
            props[json_name(a)] = {**self.type_schema(a.type), **a.metadata.get(SCHEMA_EXTRA, {})}
            if a.default is attrs.NOTHING:
                required.append(json_name(a))
        return props, required

    def _object(
        self, cls: type, extra: dict[str, Any], extra_required: list[str]
    ) -> dict[str, Any]:
        props, required = self.properties(cls)
        schema: dict[str, Any] = {
            "type": "object",
            "properties": {**extra, **props},
            "required": extra_required + required,
            "additionalProperties": False,
        }
        if _doc(cls):
            schema["description"] = _doc(cls)
        return schema

    def plain(self, cls: type) -> dict[str, Any]:
        name = cls.__name__
        if name not in self.defs:
            self.defs[name] = {}  # placeholder against recursion
            tag = getattr(cls, "KIND", None)
            if tag is not None and tag not in _documents.DOCUMENT_TYPES:
                # Members of tagged unions (blocks, interpretations) always carry their tag.
                self.defs[name] = self._object(cls, {"kind": {"const": tag}}, ["kind"])
            else:
                self.defs[name] = self._object(cls, {}, [])
        return self.ref(name)

    def tagged(self, cls: type) -> dict[str, Any]:
        tag = cls.KIND  # type: ignore[attr-defined]
        if tag not in _documents.DOCUMENT_TYPES:
            return self.plain(cls)
        name = f"Tagged{cls.__name__}"
        if name not in self.defs:
            self.defs[name] = {}
            self.defs[name] = self._object(cls, {"kind": {"const": tag}}, ["kind"])
        return self.ref(name)

    def envelope(self, cls: type) -> dict[str, Any]:
        name = f"{cls.__name__}Document"
        self.defs[name] = self._object(
            cls,
            {
                "format": {"const": _documents.FORMAT},
                "format_version": {"const": _documents.FORMAT_VERSION},
                "kind": {"const": cls.KIND},  # type: ignore[attr-defined]
            },
            ["format", "format_version", "kind"],
        )
        return self.ref(name)


@functools.cache
def _schema() -> dict[str, Any]:
    b = _Builder()
    kinds = list(_documents.DOCUMENT_TYPES)
    # The "kind" value picks the envelope (if/then, not oneOf): a validator then reports
    # an error at its own path inside that envelope, not "valid under none of the schemas".
    select = [
        {
            "if": {"type": "object", "properties": {"kind": {"const": kind}}, "required": ["kind"]},
            "then": b.envelope(cls),
        }
        for kind, cls in _documents.DOCUMENT_TYPES.items()
    ]
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": SCHEMA_ID,
        "title": "khsmodel document",
        "description": (
            "A khsmodel document file (format_version "
            f"{_documents.FORMAT_VERSION}, generated by khsmodel {__version__})."
        ),
        "type": "object",
        "properties": {"kind": {"enum": kinds}},
        "required": ["kind"],
        "allOf": select,
        "$defs": dict(sorted(b.defs.items())),
    }


def json_schema() -> dict[str, Any]:
    """The JSON Schema of a khsmodel document file (a fresh copy each call)."""
    import copy

    return copy.deepcopy(_schema())
