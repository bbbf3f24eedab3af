"""Strict JSON: ``loads``/``dumps``/``load``/``dump``, and ``structure``/``unstructure``.

Loading never coerces: ``123`` is not a string, a string is not a list, an
unknown key is an error (named with its class and, when a field's key is close,
the key probably meant). Every problem is reported at once with its path.

The parts live in modules of their own: the converter and its hooks in
:mod:`khsmodel._convert`, the strict reading of JSON text in
:mod:`khsmodel._jsonread`, the writer of indented JSON in
:mod:`khsmodel._jsonwrite`, file writing (:func:`write_atomic`) in
:mod:`khsmodel._files`; this module puts them together and is the public API.

How it stays fast: cattrs is imported and the converter built on first use, not
on import. Loading first runs the generated loader of :mod:`khsmodel._fastload`
(one function per class with the checks written out inline, accepting exactly
what the detailed converter accepts); only when that refuses the input is it
run again through cattrs' detailed converter, which collects every error with
its path, so valid documents never pay for error bookkeeping and invalid ones
get the full report. The cyclic garbage collector is paused while a document is
parsed and built (see ``_gc_paused``). ``dumps`` writes the indented JSON with a
small writer of its own (the standard library indents in pure Python, several
times slower).
"""

from __future__ import annotations

import contextlib
import gc
import json
import os
import threading
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Any

from . import documents as _documents
from . import migration as _migration
from ._convert import converter as _converter
from ._convert import describe as _describe
from ._convert import error_details
from ._fastload import fast_structure_checked
from ._files import write_atomic
from ._jsonread import MAX_DEPTH, json_problems, parse_json
from ._jsonwrite import Unusual, indented
from .errors import DocumentKindError, ErrorDetail, InvalidDocumentError, KhsModelError

if TYPE_CHECKING:
    import cattrs

    #: The library's one converter (detailed errors), built on first use; see ``__getattr__``.
    converter: cattrs.Converter

__all__ = [
    "MAX_DEPTH",
    "converter",
    "dump",
    "dumps",
    "json_problems",
    "load",
    "loads",
    "parse_json",
    "structure",
    "unstructure",
    "write_atomic",
]

Document = _documents.Document


def __getattr__(name: str) -> Any:
    # ``converter``: the library's one converter (detailed errors), built on first use.
    # Use :func:`structure` / :func:`unstructure` rather than it.
    if name == "converter":
        return _converter(True)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")




def structure(data: object, cls: type[Any], *, path: str = "$") -> Any:
    """Turn plain data (from JSON) into a model object of ``cls``, strictly.

    Raises :class:`InvalidDocumentError` listing every problem with its path.
    """
    with _gc_paused():
        try:
            built, checked = fast_structure_checked(data, cls)
        except Exception:  # run again below, collecting every error with its path
            built, checked = _NOTHING, False
        if checked:
            return built
        # what no class accepts: nesting too deep, lone surrogates, repeated keys, …
        problems = json_problems(data, path)
        if problems:
            raise InvalidDocumentError(problems)
        if built is not _NOTHING:
            return built
        from cattrs.errors import ClassValidationError, IterableValidationError

        try:
            return _converter(True).structure(data, cls)
        except (ClassValidationError, IterableValidationError, KhsModelError, KeyError) as exc:
            raise InvalidDocumentError(list(error_details(exc, path))) from None


_NOTHING: Any = object()




_GC_LOCK = threading.Lock()
_GC_PAUSE = {"depth": 0, "resume": False}  # loads in progress; resume the collector after


@contextlib.contextmanager
def _gc_paused() -> Iterator[None]:
    """Pause the cyclic garbage collector while a document is parsed and built.

    Parsing and building create hundreds of thousands of container objects, none of
    them in a reference cycle; every allocation threshold crossed starts a
    collection that walks the whole growing tree again, which cost a third of
    the time of loading a large plan. Reference counting frees memory as usual
    meanwhile. The first load to start pauses the collector (if it is running)
    and the last one to finish resumes it, so loads in several threads overlap
    safely and a program that turned the collector off keeps it off. (A
    ``gc.disable()`` made by another thread while a load is running is undone
    when the load ends.)
    """
    with _GC_LOCK:
        if _GC_PAUSE["depth"] == 0:
            _GC_PAUSE["resume"] = gc.isenabled()
            gc.disable()
        _GC_PAUSE["depth"] += 1
    try:
        yield
    finally:
        with _GC_LOCK:
            _GC_PAUSE["depth"] -= 1
            if _GC_PAUSE["depth"] == 0 and _GC_PAUSE["resume"]:
                gc.enable()


def unstructure(obj: Any) -> Any:
    """Plain data (dicts, lists, strings) for a model object; defaults are left out."""
    return _converter().unstructure(obj, type(obj))


def to_data(doc: Document) -> dict[str, Any]:
    """The JSON envelope for a top-level document, as plain data."""
    kind = getattr(type(doc), "KIND", None)
    if kind not in _documents.DOCUMENT_TYPES:
        raise DocumentKindError(
            tuple(cls.__name__ for cls in _documents.DOCUMENT_TYPES.values()),
            type(doc).__name__,
            f"expected a document ({', '.join(_documents.DOCUMENT_TYPES)}), "
            f"got {type(doc).__name__}",
        )
    return {
        "format": _documents.FORMAT,
        "format_version": _documents.FORMAT_VERSION,
        "kind": kind,
        **_converter().unstructure(doc, type(doc)),
    }


def from_data(data: object) -> Document:
    """A document from its JSON envelope as plain data; strict, all errors at once."""
    if type(data) is dict:
        kind = data.get("kind")
        cls = _documents.DOCUMENT_TYPES.get(kind) if type(kind) is str else None
        version = data.get("format_version")
        if (
            cls is not None
            and data.get("format") == _documents.FORMAT
            and type(version) is int
            and version == _documents.FORMAT_VERSION
        ):  # the envelope is right: the body's errors are all there is to report
            body = {k: v for k, v in data.items() if k not in ("format", "format_version", "kind")}
            doc: Document = structure(body, cls)
            return doc
    problems = json_problems(data)  # before any value is shown in a message
    if problems:
        raise InvalidDocumentError(problems)
    if type(data) is not dict:
        raise InvalidDocumentError([ErrorDetail("$", f"expected an object, got {_describe(data)}")])
    if "format" not in data:  # another program's JSON (or khsmodel's own OParl output)
        raise InvalidDocumentError(
            [ErrorDetail("$", f'not a khsmodel document (no "format": "{_documents.FORMAT}" key)')]
        )
    errors: list[ErrorDetail] = []
    version = data.get("format_version")
    if (
        type(version) is int
        and version != _documents.FORMAT_VERSION
        and version in _migration.SUPPORTED_VERSIONS
        and data.get("format") == _documents.FORMAT
    ):  # a file of an older version: migrated in memory, then loaded as any other
        data = _migration.upgrade(data, version)
        version = _documents.FORMAT_VERSION
    if data.get("format") != _documents.FORMAT:
        errors.append(
            ErrorDetail(
                "$.format",
                f'expected "{_documents.FORMAT}", got ' + _describe(data["format"]),
            )
        )
    if type(version) is not int or version != _documents.FORMAT_VERSION:
        errors.append(ErrorDetail("$.format_version", _migration.version_problem(data)))
    kind = data.get("kind")
    cls = _documents.DOCUMENT_TYPES.get(kind) if type(kind) is str else None
    if cls is None:
        errors.append(
            ErrorDetail(
                "$.kind",
                f"expected one of {', '.join(json.dumps(k) for k in _documents.DOCUMENT_TYPES)}, got "
                + (_describe(kind) if "kind" in data else "nothing (field missing)"),
            )
        )
    body = {k: v for k, v in data.items() if k not in ("format", "format_version", "kind")}
    if cls is not None:
        try:
            doc = structure(body, cls)
        except InvalidDocumentError as exc:
            errors.extend(exc.errors)
        else:
            if not errors:  # a file of an older version, migrated above
                return doc
    raise InvalidDocumentError(errors)


def dumps(doc: Document) -> str:
    """A document as JSON text: UTF-8 unescaped, fixed key order, two-space indent.

    >>> from khsmodel import ActionPlan, dumps, loads
    >>> text = dumps(ActionPlan(title="Handlingsplan for Helsefelleskapet Lofoten, Vesterålen og Salten"))
    >>> print(text)
    {
      "format": "khsmodel",
      "format_version": 2,
      "kind": "action_plan",
      "title": "Handlingsplan for Helsefelleskapet Lofoten, Vesterålen og Salten"
    }
    <BLANKLINE>
    >>> loads(text).title
    'Handlingsplan for Helsefelleskapet Lofoten, Vesterålen og Salten'
    """
    data = to_data(doc)
    try:
        return indented(data) + "\n"
    except Unusual:  # a value the writer does not know: let json decide (and raise)
        return json.dumps(data, ensure_ascii=False, indent=2) + "\n"



def loads(text: str | bytes) -> Document:
    """A document from JSON text; raises :class:`InvalidDocumentError` with every problem.

    ``bytes`` must be UTF-8 (a leading byte-order mark is allowed). Besides what
    the classes check, a document may not nest deeper than :data:`MAX_DEPTH`
    levels, repeat a key in one object, hold an integer too long to read or a
    lone surrogate (``"\\ud800"``): so every document ``loads`` accepts can be
    written again, ``loads(dumps(doc)) == doc``.
    """
    with _gc_paused():  # one pause over parsing and building (see _gc_paused)
        return from_data(parse_json(text))


def load(path: str | os.PathLike[str]) -> Document:
    """Read a document from a JSON file."""
    return loads(Path(path).read_bytes())



def dump(doc: Document, path: str | os.PathLike[str]) -> None:
    """Write a document as JSON to ``path``, atomically (no half-written file)."""
    write_atomic(path, dumps(doc).encode("utf-8"))
