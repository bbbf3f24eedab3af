"""The strict cattrs converter of the model: its structure and unstructure hooks, and its errors.

Nothing is coerced: ``123`` is not a string, a string is not a list, an
unknown key is an error (named with its class and, when a field's key is
close, the key probably meant). :func:`converter` builds the converter on
first use (cattrs is imported then, not on import of the package); the
detailed one collects every error with its path, which :func:`error_details`
turns into :class:`~khsmodel.errors.ErrorDetail` objects. The fast loader
(:mod:`khsmodel._fastload`) falls back to the fast one's hooks for the types
it has no inline form for. Loading and dumping are :mod:`khsmodel.serialization`'s.
"""

from __future__ import annotations

import datetime as dt
import difflib
import enum
import json
import re
import types
import typing
from collections.abc import Callable, Iterator
from typing import TYPE_CHECKING, Any

import attrs

from ._base import _PARTIAL_RE, PartialDate, json_name
from .errors import ErrorDetail, FieldValueError, KhsModelError
from .identifiers import KommuneNumber, OrganisationNumber

if TYPE_CHECKING:
    import cattrs

__all__ = ["DATE_RE", "TIME_RE", "Mismatch", "converter", "describe", "error_details", "expect"]

# ASCII digits only, and nothing after (``$`` would let a final newline through)
DATE_RE = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}\Z")
TIME_RE = re.compile(r"[0-9]{2}:[0-9]{2}(:[0-9]{2})?\Z")

class Mismatch(KhsModelError, TypeError):
    """A JSON value of the wrong type; the message says what was expected."""


def describe(value: object) -> str:
    """A JSON value as an error message shows it: ``string "x"``, ``number 3``, ``an array``."""
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


def expect(expected: str, value: object) -> Mismatch:
    """The error for ``value`` where ``expected`` was wanted."""
    return Mismatch(f"expected {expected}, got {describe(value)}")


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
        raise expect(f"one of {allowed}", v)

    def s_str(v: object, tp: Any) -> Any:
        # Dispatch on str also catches StrEnum classes (str comes first in their MRO).
        if tp is str:
            if type(v) is not str:
                raise expect("a string", v)
            return v
        return s_enum(v, tp)

    def s_int(v: object, _: Any) -> int:
        if type(v) is not int:
            raise expect("an integer", v)
        return v

    def s_bool(v: object, _: Any) -> bool:
        if type(v) is not bool:
            raise expect("true or false", v)
        return v

    def s_date(v: object, _: Any) -> dt.date:
        if type(v) is not str or not DATE_RE.match(v):
            raise expect("a date as YYYY-MM-DD", v)
        try:
            return dt.date.fromisoformat(v)
        except ValueError:
            raise expect("a real calendar date as YYYY-MM-DD", v) from None

    def s_time(v: object, _: Any) -> dt.time:
        if type(v) is not str or not TIME_RE.match(v):
            raise expect("a time as HH:MM", v)
        try:
            return dt.time.fromisoformat(v)
        except ValueError:
            raise expect("a real time as HH:MM", v) from None

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
            raise expect("a year, month or season as YYYY, YYYY-MM or YYYY-21..23", v)
        try:
            return PartialDate.fromisoformat(v)
        except (ValueError, KhsModelError):
            raise expect("a real year, month or season as YYYY, YYYY-MM or YYYY-21..23", v) from None

    def s_day(v: object, _: Any) -> dt.date | PartialDate:
        # a date, or a date known only to the year or month ("2009", "2016-03")
        if type(v) is str:
            if DATE_RE.match(v):
                return s_date(v, dt.date)
            if _PARTIAL_RE.match(v):
                return s_partial(v, PartialDate)
        raise expect("a date as YYYY-MM-DD, or a year, month or season as YYYY, YYYY-MM or "
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
                raise expect("a string of digits", v)
            return cls(v)

        conv.register_structure_hook(cls, s_number)
        conv.register_unstructure_hook(cls, lambda v: v.value)

    def tuple_factory(tp: Any) -> Callable[[object, Any], tuple[Any, ...]]:
        elem = typing.get_args(tp)[0]
        elem_hook = conv.get_structure_hook(elem)

        def fast(v: object, _: Any) -> tuple[Any, ...]:
            if type(v) is not list:
                raise expect("an array", v)
            return tuple([elem_hook(item, elem) for item in v])

        if not detailed:
            return fast

        def hook(v: object, _: Any) -> tuple[Any, ...]:
            if type(v) is not list:
                raise expect("an array", v)
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
                raise expect("an object", v)
            kind = v.get("kind")
            if kind not in members:
                err = (
                    expect(f"one of {allowed}", kind)
                    if "kind" in v
                    else Mismatch(f"required field is missing (one of {allowed})")
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
                raise expect("an object", v)
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


def converter(detailed: bool = True) -> cattrs.Converter:
    """The converter (built on first use); ``detailed=False`` is the fast path for loading."""
    conv = _CONVERTERS.get(detailed)
    if conv is None:
        conv = _CONVERTERS[detailed] = _make_converter(detailed=detailed)
    return conv



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


def error_details(exc: BaseException, path: str) -> Iterator[ErrorDetail]:
    """Every problem of an error of the detailed converter, each at its JSON path under ``path``."""
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
            yield from error_details(sub, sub_path)
        for sub in without:
            yield from error_details(sub, path)
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

