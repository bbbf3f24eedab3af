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
import re
import types
import typing
from enum import Enum
from typing import Any

import attrs

from khsmodel._base import json_name
from khsmodel._typecheck import type_hints
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


# -- the fast answer: every string of a document in one list, one search over them joined.
#
# A collector per attrs class, generated once from its field annotations: a model class
# checks its fields' types when made (khsmodel._typecheck; the JSON loader checks them as
# well), so a ``str`` field is appended without looking, a ``tuple[str, ...]`` extended, a
# field of numbers, dates or enum members never read, and a nested model object of the
# annotated class has its own fields written inline (four levels deep). Any other value is
# dispatched on its type at run time, as the walk does. The list may hold more than the
# walk looks at (a str subclass in a ``str`` field), never less: a finding is confirmed
# and named by the walk (:func:`_find`).

_Collect = Any  # (value, append, extend, collectors) -> None
_INLINE_DEPTH = 4


def _nothing(v: Any, a: Any, e: Any, d: Any) -> None:
    return None


def _one_str(v: Any, a: Any, e: Any, d: Any) -> None:
    a(v)


def _each(v: Any, a: Any, e: Any, d: Any) -> None:
    for x in v:
        d[x.__class__](x, a, e, d)


class _Collectors(dict[type, _Collect]):
    """type → its collector, made on first use: attrs classes generated, str appended,
    tuples entered, anything else (numbers, dates, enum members) holding no text."""

    def __missing__(self, tp: type) -> _Collect:
        if tp is str:
            got = _one_str
        elif tp is tuple:
            got = _each
        elif attrs.has(tp):
            got = _generate(tp)
        else:
            got = _nothing
        self[tp] = got
        return got


_COLLECTORS = _Collectors()
_SCALAR_HINTS = frozenset((*_SCALARS, type(None)))


def _trusted(cls: type) -> bool:
    """Whether ``cls`` checks its fields' types when made (a khsmodel model class)."""
    return "_khs_user_post_init" in cls.__dict__


def _classify(tp: Any) -> tuple[str, type | None]:
    """What a field annotated ``tp`` holds, for the collector: ``str``, ``ostr`` (str or
    None), ``tstr`` (a tuple of str), ``skip`` (no text: numbers, dates, enum members),
    ``obj``/``tobj`` (an attrs class, or a tuple of them: the class), ``any``/``tany``."""
    if tp is str:
        return "str", None
    if _no_text(tp):
        return "skip", None
    args = typing.get_args(tp)
    origin = typing.get_origin(tp)
    if origin in (typing.Union, types.UnionType):
        rest = [a for a in args if a is not type(None)]
        if rest == [str]:
            return "ostr", None
        if len(rest) == 1 and isinstance(rest[0], type) and attrs.has(rest[0]):
            return "obj", rest[0]
        return "any", None
    if origin is tuple and len(args) == 2 and args[1] is Ellipsis:
        item = args[0]
        if item is str:
            return "tstr", None
        if _no_text(item):
            return "skip", None
        if isinstance(item, type) and attrs.has(item):
            return "tobj", item
        return "tany", None
    if isinstance(tp, type) and attrs.has(tp):
        return "obj", tp
    return "any", None


def _no_text(tp: Any) -> bool:
    """Whether a value of annotation ``tp`` can never hold a string the walk reads."""
    if isinstance(tp, type):
        return tp in _SCALAR_HINTS or issubclass(tp, Enum)
    if typing.get_origin(tp) in (typing.Union, types.UnionType):
        return all(_no_text(a) for a in typing.get_args(tp))
    return False


class _Source:
    """The lines of one generated collector and the names they use."""

    def __init__(self) -> None:
        self.lines: list[str] = []
        self.names: dict[str, Any] = {}
        self.n = 0

    def var(self) -> str:
        self.n += 1
        return f"x{self.n}"

    def cls(self, tp: type) -> str:
        name = f"C{id(tp)}"
        self.names[name] = tp
        return name

    def emit(self, indent: int, line: str) -> None:
        self.lines.append("    " * indent + line)


#: attrs class → (field name, kind, class) of each field (see :func:`_classify`).
_KINDS: dict[type, tuple[tuple[str, str, type | None], ...]] = {}


def _kinds(cls: type) -> tuple[tuple[str, str, type | None], ...]:
    got = _KINDS.get(cls)
    if got is None:
        hints: dict[str, Any] = {}
        if _trusted(cls):
            try:
                hints = type_hints(cls)
            except Exception:  # an annotation that does not resolve: read it at run time
                hints = {}
        got = _KINDS[cls] = tuple(
            (f.name, *(_classify(hints[f.name]) if f.name in hints else ("any", None)))
            for f in attrs.fields(cls)
        )
    return got


def _emit_fields(src: _Source, cls: type, v: str, indent: int, depth: int) -> None:
    src.emit(indent, "pass")  # a body for a class without text fields
    for name, kind, inner in _kinds(cls):
        get = f"{v}.{name}"
        if kind == "str":
            src.emit(indent, f"a({get})")
        elif kind == "ostr":
            x = src.var()
            src.emit(indent, f"{x} = {get}")
            src.emit(indent, f"if {x} is not None: a({x})")
        elif kind == "tstr":
            src.emit(indent, f"e({get})")
        elif kind == "skip":
            continue
        elif kind in ("obj", "tobj"):
            assert inner is not None
            x = src.var()
            if kind == "obj":
                src.emit(indent, f"{x} = {get}")
                body = indent
            else:
                src.emit(indent, f"for {x} in {get}:")
                body = indent + 1
            if depth < _INLINE_DEPTH and _trusted(inner):
                src.emit(body, f"if {x}.__class__ is {src.cls(inner)}:")
                _emit_fields(src, inner, x, body + 1, depth + 1)
                if kind == "obj":
                    src.emit(body, f"elif {x} is not None: d[{x}.__class__]({x}, a, e, d)")
                else:
                    src.emit(body, f"else: d[{x}.__class__]({x}, a, e, d)")
            else:
                src.emit(body, f"d[{x}.__class__]({x}, a, e, d)")
        elif kind == "tany":
            x = src.var()
            src.emit(indent, f"for {x} in {get}: d[{x}.__class__]({x}, a, e, d)")
        else:
            x = src.var()
            src.emit(indent, f"{x} = {get}")
            src.emit(indent, f"d[{x}.__class__]({x}, a, e, d)")


def _generate(cls: type) -> _Collect:
    src = _Source()
    src.emit(0, "def collect(v, a, e, d):")
    _emit_fields(src, cls, "v", 1, 0)
    code = compile("\n".join(src.lines) + "\n", f"<text collector {cls.__qualname__}>", "exec")
    namespace = dict(src.names)
    exec(code, namespace)
    return namespace["collect"]


def _texts(obj: Any) -> list[str]:
    """Every string under ``obj`` the walk reads (and perhaps a few more), in no order."""
    out: list[str] = []
    _COLLECTORS[obj.__class__](obj, out.append, out.extend, _COLLECTORS)
    return out


#: The characters of XML_ILLEGAL other than U+0000 and the surrogates, each looked for on
#: its own: an ``in`` test of one character runs at memory speed where a character class
#: is tested character by character (0.05 against 3 ns a character).
_XML_CHARS = (*(chr(c) for c in range(1, 0x20) if c not in (0x09, 0x0A, 0x0D)), "\ufffe", "\uffff")
#: U+0000: ``in`` looks for a character's low byte, which is zero in the text of every
#: character under U+0100 stored two bytes wide; the regex engine's search for one
#: literal character compares characters instead.
_NUL = re.compile("\x00").search


def _clean(text: str, pattern: re.Pattern[str]) -> bool:
    """Whether ``pattern`` (XML_ILLEGAL or SURROGATES) finds nothing in ``text``."""
    try:
        text.encode("utf-16-le")  # a lone surrogate cannot be encoded
    except UnicodeEncodeError:
        return False
    if pattern is SURROGATES:
        return True
    return _NUL(text) is None and not any(ch in text for ch in _XML_CHARS)


#: The patterns :func:`_clean` answers for.
_ONE_CHAR = (XML_ILLEGAL, SURROGATES)
_CHUNK = 1024


def find_bad_text(obj: Any, pattern: re.Pattern[str] = XML_ILLEGAL) -> tuple[str, str] | None:
    """The first (path, character) in ``obj`` whose text matches ``pattern``, or None.

    Walks attrs instances, tuples and strings the way the JSON format names
    them, so the path is the one ``khsmodel.loads`` would report. Paths are
    only built for the one bad string; for a clean document of the built-in
    patterns one test over all its text joined answers (a 1 000-measure plan
    is checked in about a millisecond).
    """
    return _search(obj, pattern, ())[0]


def _search(
    obj: Any, pattern: re.Pattern[str], chars: tuple[str, ...]
) -> tuple[tuple[str, str] | None, bool]:
    """:func:`find_bad_text`, and whether any of ``chars`` occurs in the text of ``obj``
    (True when the answer came from the walk: it does not look for them)."""
    if pattern in _ONE_CHAR:
        texts = _texts(obj)
        seen = False
        # a thousand strings at a time: their text stays in the processor's cache for
        # the tests that read it again and again (all of a large plan's would not)
        for i in range(0, len(texts), _CHUNK):
            chunk = "".join(texts[i : i + _CHUNK])
            if not _clean(chunk, pattern):
                break
            seen = seen or any(ch in chunk for ch in chars)
        else:
            return None, seen
    found = _find(obj, pattern.search)
    if found is None:
        return None, True
    segments, ch = found
    return ("$" + "".join(reversed(segments)), ch), True


def _unwritable(
    found: tuple[str, str], pattern: re.Pattern[str], reason: str | None
) -> UnwritableTextError:
    path, ch = found
    if reason is None:
        reason = _REASONS.get(id(pattern), f"is not allowed (matches {pattern.pattern!r})")
    return UnwritableTextError(path, ch, reason)


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
        raise _unwritable(found, pattern, reason)


def check_text_seeing(obj: Any, pattern: re.Pattern[str], chars: tuple[str, ...]) -> bool:
    """:func:`check_text` (with its default reason), then whether any of ``chars`` occurs
    in the text of ``obj``, from the same pass over it (True when it cannot tell). The
    content builder asks whether any string needs :func:`~.content.display_text`'s work."""
    found, seen = _search(obj, pattern, chars)
    if found is not None:
        raise _unwritable(found, pattern, None)
    return seen
