"""Text safety checks shared by every exporter: characters a format cannot carry.

Public through :mod:`khsmodel_exporters.base` (``check_text``, ``XML_ILLEGAL``,
``SURROGATES``). Policy (documented in docs/plugins.md): a document exporter
**rejects** text it cannot write, before any output exists, with an
:class:`~khsmodel.errors.UnwritableTextError` naming the JSON path of the field, e.g.
``$.focus_areas[0].measures[2].text: character U+000B is not allowed in
Word/PDF text (XML 1.0 forbids control characters other than tab and line
breaks)``. Nothing is removed silently: the text is the data.

- XML-based formats (Word, PDF via markup) reject :data:`XML_ILLEGAL`: the
  C0 controls except tab, line feed and carriage return, U+FFFE, U+FFFF and
  lone surrogates.
- JSON keeps every character except lone surrogates (:data:`SURROGATES`),
  which cannot be encoded as UTF-8.

Everything else (æøå, Sámi letters, ``<``, ``&``, tabs, line breaks, bidi
marks, emoji) is allowed.

>>> from khsmodel import ActionPlan
>>> check_text(ActionPlan(title="Plan\\x0b2016"))
Traceback (most recent call last):
...
khsmodel.errors.UnwritableTextError: $.title: character U+000B is not allowed in Word/PDF text (XML 1.0 forbids control characters other than tab and line breaks)
"""

from __future__ import annotations

import datetime as dt
import operator
import re
from enum import Enum
from typing import Any

import attrs

from khsmodel._base import json_name
from khsmodel.errors import UnwritableTextError

__all__ = ["SURROGATES", "XML_ILLEGAL", "check_text"]

#: Characters XML 1.0 cannot hold (tab, LF and CR are allowed).
XML_ILLEGAL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff\ud800-\udfff]")
#: Lone surrogates: not encodable as UTF-8.
SURROGATES = re.compile("[\ud800-\udfff]")

_REASONS = {
    id(XML_ILLEGAL): "is not allowed in Word/PDF text (XML 1.0 forbids control characters "
    "other than tab and line breaks)",
    id(SURROGATES): "cannot be written as UTF-8 (a lone surrogate)",
}

# attrs classes → their (attribute name, JSON name) pairs, computed once.
_FIELDS: dict[type, tuple[tuple[str, str], ...]] = {}


def _fields(cls: type) -> tuple[tuple[str, str], ...]:
    got = _FIELDS.get(cls)
    if got is None:
        got = tuple((a.name, json_name(a)) for a in attrs.fields(cls))
        _FIELDS[cls] = got
    return got


_SCALARS = (type(None), bool, int, float, dt.date, dt.datetime, dt.time)


def _find(value: Any, search: Any) -> tuple[list[str], str] | None:
    """(reversed path segments, bad character) of the first bad string under ``value``."""
    tp = type(value)
    if tp is str:
        m = search(value)
        return ([], m.group()) if m is not None else None
    if tp is tuple:
        for i, item in enumerate(value):
            it = type(item)
            if it is str:
                m = search(item)
                if m is not None:
                    return [f"[{i}]"], m.group()
            elif it not in _SCALARS and not isinstance(item, Enum):
                found = _find(item, search)
                if found is not None:
                    found[0].append(f"[{i}]")
                    return found
        return None
    names = _FIELDS.get(tp)
    if names is None:
        if not attrs.has(tp):
            return None
        names = _fields(tp)
    for name, key in names:
        item = getattr(value, name)
        it = type(item)
        if it is str:
            m = search(item)
            if m is not None:
                return [f".{key}"], m.group()
        elif it not in _SCALARS and not isinstance(item, Enum):
            found = _find(item, search)
            if found is not None:
                found[0].append(f".{key}")
                return found
    return None


_LEAF: set[type] = set(_SCALARS)
_MISSING = object()
#: attrs class → a function giving its fields' values as a tuple (one C call), or None.
_VALUES: dict[type, Any] = {}


def _values_of(tp: type) -> Any:
    got = _VALUES.get(tp, _MISSING)
    if got is _MISSING:
        names = [name for name, _ in _fields(tp)] if attrs.has(tp) else []
        if not names:
            got = None
        elif len(names) == 1:
            one = operator.attrgetter(names[0])
            got = lambda v: (one(v),)  # noqa: E731
        else:
            got = operator.attrgetter(*names)
        _VALUES[tp] = got
    return got


def _strings(items: tuple[Any, ...], out: list[str]) -> None:
    """Every string under ``items`` (a tuple, or an attrs instance's field values): attrs
    instances and tuples entered, in no particular order."""
    leaf = _LEAF
    values = _VALUES
    for item in items:
        it = type(item)
        if it is str:
            out.append(item)
        elif it in leaf:
            continue
        elif it is tuple:
            _strings(item, out)
        else:
            get = values.get(it, _MISSING)
            if get is _MISSING:
                get = _values_of(it)
            if get is None:  # a scalar, an enum member, anything the walk does not enter
                leaf.add(it)
            else:
                _strings(get(item), out)


#: The patterns that match one character and never a line feed: one search over all the
#: text joined by line feeds answers whether any string holds one.
_ONE_CHAR = (XML_ILLEGAL, SURROGATES)


def find_bad_text(obj: Any, pattern: re.Pattern[str] = XML_ILLEGAL) -> tuple[str, str] | None:
    """The first (path, character) in ``obj`` whose text matches ``pattern``, or None.

    Walks attrs instances, tuples and strings the way the JSON format names
    them, so the path is the one ``khsmodel.loads`` would report. Paths are
    only built for the one bad string; for a clean document of the built-in
    patterns one regex search over all its text answers (a 1 000-measure plan
    is checked in a few milliseconds).
    """
    tp = type(obj)
    if pattern in _ONE_CHAR and (tp is tuple or _values_of(tp) is not None):
        texts: list[str] = []
        _strings(obj if tp is tuple else _values_of(tp)(obj), texts)
        if pattern.search("\n".join(texts)) is None:
            return None
    found = _find(obj, pattern.search)
    if found is None:
        return None
    segments, ch = found
    return "$" + "".join(reversed(segments)), ch


def check_text(
    obj: Any, pattern: re.Pattern[str] = XML_ILLEGAL, *, reason: str | None = None
) -> None:
    """Raise :class:`~khsmodel.errors.UnwritableTextError` at the first field whose text
    ``pattern`` forbids (its ``path`` is the field's JSON path, ``character`` the one found).

    ``reason`` completes the message ("… is not allowed in Noark 5 XML …"); by
    default it is the reason known for ``pattern``.
    """
    found = find_bad_text(obj, pattern)
    if found is not None:
        path, ch = found
        if reason is None:
            reason = _REASONS.get(id(pattern), f"is not allowed (matches {pattern.pattern!r})")
        raise UnwritableTextError(path, ch, reason)
