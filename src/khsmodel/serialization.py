"""Strict JSON: the one cattrs converter, ``loads``/``dumps``/``load``/``dump``.

Loading never coerces: ``123`` is not a string, a string is not a list, an
unknown key is an error (named with its class and, when a field's key is close,
the key probably meant). Every problem is reported at once with its path.

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

import codecs
import contextlib
import datetime as dt
import difflib
import enum
import gc
import json
import os
import re
import sys
import tempfile
import threading
import types
import typing
from collections.abc import Callable, Iterator
from json.encoder import encode_basestring as _json_string
from pathlib import Path
from typing import TYPE_CHECKING, Any

import attrs

from . import documents as _documents
from . import migration as _migration
from ._base import _PARTIAL_RE, Block, PartialDate, json_name
from ._fastload import fast_structure_checked
from .errors import (
    ErrorDetail,
    FieldValueError,
    InvalidDocumentError,
    KhsModelError,
    NotJsonError,
)
from .identifiers import KommuneNumber, OrganisationNumber
from .timeframes import Interpretation

if TYPE_CHECKING:
    import cattrs

    #: The library's one converter (detailed errors), built on first use; see ``__getattr__``.
    converter: cattrs.Converter

__all__ = [
    "MAX_DEPTH",
    "converter",
    "dump",
    "dumps",
    "load",
    "loads",
    "parse_json",
    "structure",
    "unstructure",
]

Document = _documents.Document

# ASCII digits only, and nothing after (``$`` would let a final newline through)
_DATE_RE = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}\Z")
_TIME_RE = re.compile(r"[0-9]{2}:[0-9]{2}(:[0-9]{2})?\Z")

#: The deepest nesting of arrays and objects a document may have; the document's
#: own object is level 1. Documents nest only through attached documents, each of
#: which adds three or four levels, so real files stay far below (see docs/json-format.md).
MAX_DEPTH = 64


class _Mismatch(KhsModelError, TypeError):
    """A JSON value of the wrong type; the message says what was expected."""


def _describe(value: object) -> str:
    if value is None:
        return "null"
    if isinstance(value, bool):
        return f"boolean {json.dumps(value)}"
    if isinstance(value, int | float):
        return f"number {value!r}"
    if isinstance(value, str):
        shown = value if len(value) <= 40 else value[:37] + "..."
        return f"string {json.dumps(shown, ensure_ascii=False)}"
    if isinstance(value, list | tuple):
        return "an array"
    if isinstance(value, dict):
        return "an object"
    return type(value).__name__


def _expect(expected: str, value: object) -> _Mismatch:
    return _Mismatch(f"expected {expected}, got {_describe(value)}")


def _union_members(tp: Any) -> tuple[type, ...]:
    return tuple(typing.get_args(tp))


def _is_tagged_union(tp: Any) -> bool:
    args = typing.get_args(tp)
    if typing.get_origin(tp) not in (typing.Union, types.UnionType) or len(args) < 2:
        return False
    return all(attrs.has(a) and hasattr(a, "KIND") for a in args)


def _is_optional(tp: Any) -> bool:
    args = typing.get_args(tp)
    return typing.get_origin(tp) in (typing.Union, types.UnionType) and type(None) in args


def _is_day_union(tp: Any) -> bool:
    """``dt.date | PartialDate`` (or with None): a date, or one known to the year or month."""
    args = typing.get_args(tp)
    return typing.get_origin(tp) in (typing.Union, types.UnionType) and set(args) - {
        type(None)
    } == {dt.date, PartialDate}


def _is_homogeneous_tuple(tp: Any) -> bool:
    args = typing.get_args(tp)
    return typing.get_origin(tp) is tuple and len(args) == 2 and args[1] is Ellipsis


def _make_converter(*, detailed: bool) -> cattrs.Converter:
    """The strict converter; ``detailed`` collects every error with its path (slower)."""
    import cattrs
    from cattrs.errors import (
        AttributeValidationNote,
        ClassValidationError,
        IterableValidationError,
        IterableValidationNote,
    )
    from cattrs.gen import make_dict_structure_fn, make_dict_unstructure_fn

    conv = cattrs.Converter(forbid_extra_keys=True, detailed_validation=detailed)

    # per enum class: its members by value, the type of those values, the allowed values as text
    enum_values: dict[type[enum.Enum], tuple[dict[object, enum.Enum], type, str]] = {}

    def s_enum(v: object, cls: type[enum.Enum]) -> enum.Enum:
        known = enum_values.get(cls)
        if known is None:
            values = {m.value: m for m in cls}
            allowed = ", ".join(json.dumps(x, ensure_ascii=False) for x in values)
            known = enum_values[cls] = (values, type(next(iter(values))), allowed)
        values, value_type, allowed = known
        if type(v) is value_type:
            member = values.get(v)
            if member is not None:
                return member
        raise _expect(f"one of {allowed}", v)

    def s_str(v: object, tp: Any) -> Any:
        # Dispatch on str also catches StrEnum classes (str comes first in their MRO).
        if tp is str:
            if type(v) is not str:
                raise _expect("a string", v)
            return v
        return s_enum(v, tp)

    def s_int(v: object, _: Any) -> int:
        if type(v) is not int:
            raise _expect("an integer", v)
        return v

    def s_bool(v: object, _: Any) -> bool:
        if type(v) is not bool:
            raise _expect("true or false", v)
        return v

    def s_date(v: object, _: Any) -> dt.date:
        if type(v) is not str or not _DATE_RE.match(v):
            raise _expect("a date as YYYY-MM-DD", v)
        try:
            return dt.date.fromisoformat(v)
        except ValueError:
            raise _expect("a real calendar date as YYYY-MM-DD", v) from None

    def s_time(v: object, _: Any) -> dt.time:
        if type(v) is not str or not _TIME_RE.match(v):
            raise _expect("a time as HH:MM", v)
        try:
            return dt.time.fromisoformat(v)
        except ValueError:
            raise _expect("a real time as HH:MM", v) from None

    def u_time(v: dt.time) -> str:
        return v.isoformat(timespec="minutes" if v.second == 0 else "seconds")

    conv.register_structure_hook(str, s_str)
    conv.register_structure_hook(enum.Enum, s_enum)
    conv.register_structure_hook(int, s_int)
    conv.register_structure_hook(bool, s_bool)
    conv.register_structure_hook(dt.date, s_date)
    conv.register_unstructure_hook(dt.date, dt.date.isoformat)
    conv.register_structure_hook(dt.time, s_time)
    conv.register_unstructure_hook(dt.time, u_time)

    def s_partial(v: object, _: Any) -> PartialDate:
        if type(v) is not str or not _PARTIAL_RE.match(v):
            raise _expect("a year, month or season as YYYY, YYYY-MM or YYYY-21..23", v)
        try:
            return PartialDate.fromisoformat(v)
        except (ValueError, KhsModelError):
            raise _expect("a real year, month or season as YYYY, YYYY-MM or YYYY-21..23", v) from None

    def s_day(v: object, _: Any) -> dt.date | PartialDate:
        # a date, or a date known only to the year or month ("2009", "2016-03")
        if type(v) is str:
            if _DATE_RE.match(v):
                return s_date(v, dt.date)
            if _PARTIAL_RE.match(v):
                return s_partial(v, PartialDate)
        raise _expect("a date as YYYY-MM-DD, or a year, month or season as YYYY, YYYY-MM or "
                      "YYYY-21..23", v)

    def day_factory(tp: Any) -> Callable[[object, Any], Any]:
        if type(None) not in typing.get_args(tp):
            return s_day
        return lambda v, _: None if v is None else s_day(v, tp)

    conv.register_structure_hook(PartialDate, s_partial)
    conv.register_unstructure_hook(PartialDate, PartialDate.isoformat)
    conv.register_structure_hook_factory(_is_day_union, day_factory)

    for cls in (OrganisationNumber, KommuneNumber):

        def s_number(v: object, _: Any, cls: Any = cls) -> Any:
            if type(v) is not str:
                raise _expect("a string of digits", v)
            return cls(v)

        conv.register_structure_hook(cls, s_number)
        conv.register_unstructure_hook(cls, lambda v: v.value)

    def tuple_factory(tp: Any) -> Callable[[object, Any], tuple[Any, ...]]:
        elem = typing.get_args(tp)[0]
        elem_hook = conv.get_structure_hook(elem)

        def fast(v: object, _: Any) -> tuple[Any, ...]:
            if type(v) is not list:
                raise _expect("an array", v)
            return tuple([elem_hook(item, elem) for item in v])

        if not detailed:
            return fast

        def hook(v: object, _: Any) -> tuple[Any, ...]:
            if type(v) is not list:
                raise _expect("an array", v)
            out = []
            errors: list[Exception] = []
            for i, item in enumerate(v):
                try:
                    out.append(elem_hook(item, elem))
                except Exception as exc:
                    exc.__notes__ = [
                        *getattr(exc, "__notes__", []),
                        IterableValidationNote(f"Structuring {tp} @ index {i}", i, elem),
                    ]
                    errors.append(exc)
            if errors:
                raise IterableValidationError(f"While structuring {tp!r}", errors, tp)
            return tuple(out)

        return hook

    conv.register_structure_hook_factory(_is_homogeneous_tuple, tuple_factory)
    conv.register_unstructure_hook_factory(
        _is_homogeneous_tuple, lambda tp: _tuple_unstructure(conv, tp)
    )

    def simple_optional(tp: Any) -> bool:
        if not _is_optional(tp):
            return False
        return len([a for a in typing.get_args(tp) if a is not type(None)]) == 1

    def simple_optional_factory(tp: Any) -> Callable[[object, Any], Any]:
        # cattrs' own optional hook looks the inner hook up on every value
        inner = next(a for a in typing.get_args(tp) if a is not type(None))
        inner_hook = conv.get_structure_hook(inner)

        def hook(v: object, _: Any) -> Any:
            return None if v is None else inner_hook(v, inner)

        return hook

    conv.register_structure_hook_factory(simple_optional, simple_optional_factory)

    def tagged_union_factory(tp: Any) -> Callable[[object, Any], Any]:
        members: dict[str, Any] = {getattr(m, "KIND"): m for m in _union_members(tp)}  # noqa: B009
        allowed = ", ".join(json.dumps(k) for k in members)

        def hook(v: object, _: Any) -> Any:
            if type(v) is not dict:
                raise _expect("an object", v)
            kind = v.get("kind")
            if kind not in members:
                err = (
                    _expect(f"one of {allowed}", kind)
                    if "kind" in v
                    else _Mismatch(f"required field is missing (one of {allowed})")
                )
                err.__notes__ = [AttributeValidationNote("Structuring kind", "kind", str)]
                raise ClassValidationError("While structuring union", [err], dict)
            cls = members[kind]
            rest = {k: x for k, x in v.items() if k != "kind"}
            return conv.structure(rest, cls)

        return hook

    def tagged_union_unstructure(tp: Any) -> Callable[[Any], dict[str, Any]]:
        def hook(v: Any) -> dict[str, Any]:
            return {"kind": v.KIND, **conv.unstructure(v, type(v))}

        return hook

    conv.register_structure_hook_factory(_is_tagged_union, tagged_union_factory)
    conv.register_unstructure_hook_factory(_is_tagged_union, tagged_union_unstructure)

    def optional_tagged(tp: Any) -> bool:
        if not _is_optional(tp):
            return False
        rest = [a for a in typing.get_args(tp) if a is not type(None)]
        return len(rest) > 1 and all(attrs.has(a) and hasattr(a, "KIND") for a in rest)

    def optional_tagged_factory(tp: Any) -> Callable[[object, Any], Any]:
        rest = [a for a in typing.get_args(tp) if a is not type(None)]
        inner: Any = typing.Union[tuple(rest)]  # noqa: UP007
        inner_hook = tagged_union_factory(inner)

        def hook(v: object, _: Any) -> Any:
            return None if v is None else inner_hook(v, inner)

        return hook

    def optional_tagged_unstructure(tp: Any) -> Callable[[Any], Any]:
        def hook(v: Any) -> Any:
            return None if v is None else {"kind": v.KIND, **conv.unstructure(v, type(v))}

        return hook

    conv.register_structure_hook_factory(optional_tagged, optional_tagged_factory)
    conv.register_unstructure_hook_factory(optional_tagged, optional_tagged_unstructure)

    def is_model(t: Any) -> bool:
        return attrs.has(t) and t not in (OrganisationNumber, KommuneNumber, PartialDate)

    def renames(cls: Any) -> dict[str, Any]:
        return {
            a.name: cattrs.override(rename=json_name(a))
            for a in attrs.fields(cls)
            if json_name(a) != a.name
        }

    def model_structure(cls: Any) -> Callable[[object, Any], Any]:
        fn = make_dict_structure_fn(cls, conv, _cattrs_forbid_extra_keys=True, **renames(cls))

        def hook(v: object, t: Any) -> Any:
            # The generated function calls v.keys(): anything but an object must fail here.
            if type(v) is not dict:
                raise _expect("an object", v)
            return fn(v, t)

        return hook

    conv.register_structure_hook_factory(is_model, model_structure)
    conv.register_unstructure_hook_factory(
        is_model,
        lambda cls: make_dict_unstructure_fn(
            cls, conv, _cattrs_omit_if_default=True, **renames(cls)
        ),
    )
    return conv


def _tuple_unstructure(conv: cattrs.Converter, tp: Any) -> Callable[[tuple[Any, ...]], list[Any]]:
    elem = typing.get_args(tp)[0]
    hook = conv.get_unstructure_hook(elem)
    return lambda v: [hook(x) for x in v]


_CONVERTERS: dict[bool, cattrs.Converter] = {}


def _converter(detailed: bool = True) -> cattrs.Converter:
    """The converter (built on first use); ``detailed=False`` is the fast path for loading."""
    conv = _CONVERTERS.get(detailed)
    if conv is None:
        conv = _CONVERTERS[detailed] = _make_converter(detailed=detailed)
    return conv


def __getattr__(name: str) -> Any:
    # ``converter``: the library's one converter (detailed errors), built on first use.
    # Use :func:`structure` / :func:`unstructure` rather than it.
    if name == "converter":
        return _converter(True)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


# Make sure unions used as field types are known (hooks are built lazily; this
# only documents them for readers).
_UNIONS = (Block, Interpretation, Document)


def _json_key(exc: BaseException, name: str) -> str:
    cls = getattr(exc, "cl", None)
    if cls is not None and attrs.has(cls):
        field = getattr(attrs.fields(cls), name, None)
        if field is not None:
            return json_name(field)
    return name


def _unknown_key_message(cls: type, key: str) -> str:
    """The message for a key that ``cls`` has no field for, with the key probably meant.

    >>> from khsmodel import Measure, Partnership
    >>> _unknown_key_message(Measure, "responsibilty")
    "unknown field of Measure (did you mean 'responsibility'?)"
    >>> _unknown_key_message(Partnership, "kind")  # the field's name, not its JSON key
    "unknown field of Partnership (did you mean 'partnership_kind'?)"
    >>> _unknown_key_message(Measure, "Text")
    "unknown field of Measure (did you mean 'text'?)"
    >>> _unknown_key_message(Measure, "colour")
    'unknown field of Measure'
    """
    message = f"unknown field of {cls.__name__}"
    if not attrs.has(cls):  # pragma: no cover - cattrs forbids extra keys on attrs classes only
        return message
    fields = attrs.fields(cls)
    # the Python name of a field written under another key (Partnership.kind)
    meant = next(
        (json_name(a) for a in fields if a.name.lower() == key.lower() != json_name(a).lower()),
        None,
    )
    if meant is None:
        keys = {json_name(a).lower(): json_name(a) for a in fields}
        close = difflib.get_close_matches(key.lower(), keys, n=1, cutoff=0.75)
        meant = keys[close[0]] if close else None
    return f"{message} (did you mean {meant!r}?)" if meant else message


def _iter_errors(exc: BaseException, path: str) -> Iterator[ErrorDetail]:
    from cattrs.errors import (
        AttributeValidationNote,
        ClassValidationError,
        ForbiddenExtraKeysError,
        IterableValidationError,
        IterableValidationNote,
    )

    if isinstance(exc, ClassValidationError | IterableValidationError):
        with_notes, without = exc.group_exceptions()
        for sub, note in with_notes:
            if isinstance(note, AttributeValidationNote):
                sub_path = f"{path}.{_json_key(exc, note.name)}"
            elif isinstance(note, IterableValidationNote):
                sub_path = f"{path}[{note.index}]"
            else:  # pragma: no cover - cattrs only adds these two
                sub_path = path
            yield from _iter_errors(sub, sub_path)
        for sub in without:
            yield from _iter_errors(sub, path)
    elif isinstance(exc, ForbiddenExtraKeysError):
        for key in sorted(exc.extra_fields):
            yield ErrorDetail(f"{path}.{key}", _unknown_key_message(exc.cl, key))
    elif isinstance(exc, KeyError):
        yield ErrorDetail(path, "required field is missing")
    elif isinstance(exc, FieldValueError):  # a value its class refuses: at the field's path
        yield ErrorDetail(f"{path}.{exc.field}", str(exc))
    elif isinstance(exc, KhsModelError):
        yield ErrorDetail(path, str(exc))
    elif isinstance(exc, TypeError | ValueError):
        yield ErrorDetail(path, f"invalid value: {exc}")
    else:
        raise exc


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
            raise InvalidDocumentError(list(_iter_errors(exc, path))) from None


_NOTHING: Any = object()
_TOO_DEEP = (
    f"nested too deeply: more than {MAX_DEPTH} levels of arrays and objects "
    "(the most a khsmodel document may have)"
)


# ---------------------------------------------------------------- JSON-level checks
class _Repeated(dict):  # type: ignore[type-arg]
    """A JSON object in which a key appears more than once (read by :func:`parse_json`).

    Holds the last value of each key, as ``json`` would; ``repeated`` names the
    keys written more than once. No class accepts it (the loaders check
    ``type(v) is dict``): :func:`json_problems` reports it with its path.
    """

    repeated: tuple[str, ...]


class _TooLong:
    """An integer literal longer than Python reads (``sys.get_int_max_str_digits()``)."""

    __slots__ = ("digits",)

    def __init__(self, literal: str) -> None:
        self.digits = len(literal.lstrip("-"))


def _repeated(pairs: list[tuple[str, Any]], obj: dict[str, Any]) -> _Repeated:
    seen: set[str] = set()
    twice: dict[str, None] = {}
    for k, _ in pairs:
        if k in seen:
            twice[k] = None
        seen.add(k)
    rep = _Repeated(obj)
    rep.repeated = tuple(twice)
    return rep


def _object_hook() -> tuple[Callable[[list[tuple[str, Any]]], Any], list[_Repeated]]:
    """An ``object_pairs_hook`` for one parse, and the list of the repeated-key objects it made."""
    found: list[_Repeated] = []

    def hook(pairs: list[tuple[str, Any]], _dict: type = dict, _len: Any = len) -> Any:
        obj = _dict(pairs)
        if _len(obj) == _len(pairs):
            return obj
        rep = _repeated(pairs, obj)
        found.append(rep)
        return rep

    return hook, found


def _read_int(literal: str) -> Any:
    try:
        return int(literal)
    except ValueError:
        return _TooLong(literal)


def _is_unicode(text: str) -> bool:
    """Whether ``text`` can be written as UTF-8 (no lone surrogate code point)."""
    if text.isascii():
        return True
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        return False
    return True


def _surrogate_message(text: str, what: str) -> str:
    i = next(i for i, c in enumerate(text) if "\ud800" <= c <= "\udfff")
    return (
        f"{what} holds a lone surrogate (\\u{ord(text[i]):04x} at character {i + 1}), "
        "which is not a character: UTF-8 cannot store it"
    )


def _key_in_path(key: str) -> str:
    return key if _is_unicode(key) else key.encode("utf-8", "backslashreplace").decode("utf-8")


def json_problems(data: object, path: str = "$") -> list[ErrorDetail]:
    """What makes JSON data unusable as a document whatever its classes say, with paths.

    Nesting deeper than :data:`MAX_DEPTH`, a key written twice in one object,
    an integer too long to read, a string or key holding a lone surrogate
    (``"\\ud800"``: not a character, and no UTF-8 file can hold it). Walks the
    data without recursion, in document order.
    """
    problems: list[ErrorDetail] = []
    todo: list[tuple[object, str, int]] = [(data, path, 1)]
    while todo:
        value, where, depth = todo.pop()
        if type(value) is str:
            if not _is_unicode(value):
                problems.append(ErrorDetail(where, _surrogate_message(value, "the text")))
        elif isinstance(value, dict | list) and type(value) in (dict, _Repeated, list):
            if depth > MAX_DEPTH:
                problems.append(ErrorDetail(where, _TOO_DEEP))
                continue
            items: list[tuple[object, str, int]] = []
            if isinstance(value, list):
                items = [(v, f"{where}[{i}]", depth + 1) for i, v in enumerate(value)]
            else:
                for k, v in value.items():
                    key_path = f"{where}.{_key_in_path(k) if type(k) is str else k}"
                    if type(k) is str and not _is_unicode(k):
                        problems.append(ErrorDetail(key_path, _surrogate_message(k, "the key")))
                    items.append((v, key_path, depth + 1))
                for k in value.repeated if isinstance(value, _Repeated) else ():
                    problems.append(
                        ErrorDetail(
                            f"{where}.{_key_in_path(k)}",
                            f"the key {json.dumps(k)} appears more than once in this "
                            "object; each key may be given once",
                        )
                    )
            todo.extend(reversed(items))
        elif isinstance(value, _TooLong):
            problems.append(
                ErrorDetail(
                    where,
                    f"an integer of {value.digits} digits: more than the "
                    f"{sys.get_int_max_str_digits()} digits Python reads",
                )
            )
    return problems


_TOKEN = re.compile(r'"[^"\\]*(?:\\.[^"\\]*)*"|[\[\]{},]')


def _too_deep_at(text: str) -> str | None:
    """The path of the first array or object of ``text`` nested deeper than MAX_DEPTH."""
    frames: list[list[Any]] = []  # per open container: [is_object, index, key]
    for m in _TOKEN.finditer(text):
        tok = m.group()
        if tok == "[" or tok == "{":
            if len(frames) >= MAX_DEPTH:
                return "$" + "".join(
                    f".{_key_in_path(str(key))}" if is_object else f"[{index}]"
                    for is_object, index, key in frames
                )
            frames.append([tok == "{", 0, None])
        elif tok == "]" or tok == "}":
            if frames:
                frames.pop()
        elif tok == ",":
            if frames:
                frames[-1][1] += 1
                frames[-1][2] = None
        elif frames and frames[-1][0] and frames[-1][2] is None:  # the key of a member
            try:
                frames[-1][2] = json.loads(tok)
            except ValueError:
                frames[-1][2] = tok[1:-1]
    return None


_UTF16_HINT = " (it looks like UTF-16 or UTF-32, which the format does not use)"


def _looks_utf16(data: bytes) -> bool:
    """A byte-order mark of UTF-16/32, or the NUL bytes their ASCII letters have (no JSON has)."""
    return data[:2] in (codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE) or b"\x00" in data


def _utf8(text: str | bytes | bytearray | memoryview) -> str:
    """The text of a document: bytes must be UTF-8 (a byte-order mark is dropped)."""
    if isinstance(text, str):
        return text[1:] if text.startswith("\ufeff") else text
    data = bytes(text)
    if data.startswith(codecs.BOM_UTF8):
        data = data[3:]
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = data.count(b"\n", 0, exc.start) + 1
        column = exc.start - (data.rfind(b"\n", 0, exc.start) + 1) + 1
        hint = _UTF16_HINT if _looks_utf16(data) else ""
        raise NotJsonError(
            f"not UTF-8 text: byte 0x{data[exc.start]:02X} at line {line}, column {column}"
            f"{hint}; a khsmodel file is UTF-8"
        ) from None


def parse_json(text: str | bytes) -> object:
    """The JSON data of a document file, read strictly: what :func:`loads` parses.

    ``bytes`` must be UTF-8 (a leading byte-order mark is allowed). Raises
    :class:`~khsmodel.errors.NotJsonError` for text that is not UTF-8 or not
    JSON, and :class:`InvalidDocumentError` with the paths for JSON no
    document can be: a key twice in one object, an integer too long to read,
    nesting deeper than :data:`MAX_DEPTH` (see :func:`json_problems`).
    """
    doc = _utf8(text)
    hook, repeated = _object_hook()
    too_long = False
    try:
        data = json.loads(doc, object_pairs_hook=hook)
    except json.JSONDecodeError as exc:
        hint = _UTF16_HINT if not isinstance(text, str) and _looks_utf16(bytes(text)) else ""
        raise NotJsonError(
            f"not JSON: {exc.msg} (line {exc.lineno}, column {exc.colno}){hint}"
        ) from None
    except RecursionError:
        where = _too_deep_at(doc)
        raise InvalidDocumentError(
            [
                ErrorDetail(where, _TOO_DEEP)
                if where is not None
                else ErrorDetail("$", "nested too deeply for Python to read at this point")
            ]
        ) from None
    except ValueError:  # an integer longer than Python reads: read it as a marker
        hook, repeated = _object_hook()
        data = json.loads(doc, object_pairs_hook=hook, parse_int=_read_int)
        too_long = True
    if too_long or repeated:
        problems = json_problems(data)
        if problems:
            raise InvalidDocumentError(problems)
    return data


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
        raise KhsModelError(
            f"expected a document ({', '.join(_documents.DOCUMENT_TYPES)}), "
            f"got {type(doc).__name__}"
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
        return _indented(data) + "\n"
    except _Unusual:  # a value the writer does not know: let json decide (and raise)
        return json.dumps(data, ensure_ascii=False, indent=2) + "\n"


class _Unusual(Exception):
    """A value :func:`_indented` leaves to the json module."""


def _indented(data: object) -> str:
    """Exactly ``json.dumps(data, ensure_ascii=False, indent=2)`` for plain JSON data.

    The standard library's C encoder does not indent, so ``indent=2`` runs its
    generator-based Python encoder; this direct writer is about three times
    faster. Anything but dict (with str keys), list, tuple, str, int, bool and
    None raises :class:`_Unusual`.
    """
    out: list[str] = []
    put = out.append

    def write(o: Any, nl: str) -> None:
        t = type(o)
        if t is str:
            put(_json_string(o))
        elif t is dict:
            if not o:
                put("{}")
                return
            inner = nl + "  "
            sep = "{" + inner
            for k, v in o.items():
                if type(k) is not str:
                    raise _Unusual
                put(sep)
                put(_json_string(k))
                put(": ")
                write(v, inner)
                sep = "," + inner
            put(nl + "}")
        elif t is list or t is tuple:
            if not o:
                put("[]")
                return
            inner = nl + "  "
            sep = "[" + inner
            for v in o:
                put(sep)
                write(v, inner)
                sep = "," + inner
            put(nl + "]")
        elif o is None:
            put("null")
        elif o is True:
            put("true")
        elif o is False:
            put("false")
        elif t is int:
            put(int.__repr__(o))
        elif isinstance(o, str):  # StrEnum members: json writes their value
            put(_json_string(o))
        else:
            raise _Unusual

    write(data, "\n")
    return "".join(out)


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


def _umask() -> int:
    mask = os.umask(0o022)
    os.umask(mask)
    return mask


def write_atomic(path: str | os.PathLike[str], data: bytes) -> None:
    """Write bytes to ``path`` via a temporary file in the same folder and a rename.

    On any error or interruption (an exception, ``KeyboardInterrupt``, the
    command line's SIGTERM) the temporary file is removed and ``path`` is left
    as it was. An :class:`OSError` names ``path``, never the temporary file.
    """
    target = Path(path)
    try:
        fd, tmp = tempfile.mkstemp(
            prefix=f".{target.name}.", suffix=".tmp", dir=target.parent or "."
        )
    except OSError as exc:
        raise _naming(exc, target) from None
    try:
        os.chmod(tmp, 0o666 & ~_umask())  # mkstemp makes 0600; give the file normal permissions
        with os.fdopen(fd, "wb") as f:
            f.write(data)
        os.replace(tmp, target)
    except BaseException as exc:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        if isinstance(exc, OSError):
            raise _naming(exc, target) from None
        raise


def _naming(exc: OSError, target: Path) -> OSError:
    """The same error (same errno, so the same subclass) naming the user's target."""
    if exc.errno is None:
        return OSError(f"{target}: {exc}")
    return OSError(exc.errno, exc.strerror or os.strerror(exc.errno), str(target))


def dump(doc: Document, path: str | os.PathLike[str]) -> None:
    """Write a document as JSON to ``path``, atomically (no half-written file)."""
    write_atomic(path, dumps(doc).encode("utf-8"))
