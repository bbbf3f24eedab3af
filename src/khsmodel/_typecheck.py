"""Field types checked when a model object is made in Python.

``Measure(number=1, text="x", details="Tolk")`` would otherwise be accepted and
go wrong far away: ``dumps`` writing ``["T", "o", "l", "k"]``, ``validate``
failing inside a rule, an exporter printing one letter a line. Every class made
with :func:`khsmodel._base.model` checks its fields against their annotations
at the end of ``__init__`` (and so in ``attrs.evolve``), and refuses the wrong
ones, all of them at once, with the field and what was expected::

    Measure: 1 field of the wrong type:
      Measure.details: expected a tuple of str, got str 'Tolk' (one text is a one-element tuple: ('Tolk',))

Nothing is converted: a list is not made a tuple, ``"planned"`` is not made
``MeasureStatus.PLANNED``, a ``datetime`` is not cut to its date. The checker
of a class is built on its first instance, when every class it names exists
(the union of the document kinds is checked as :class:`AnyDocument`).

Loading JSON does not pay for it twice: the loader checks the types itself and
fills the objects without calling ``__init__`` (see :mod:`khsmodel._fastload`).
"""

from __future__ import annotations

import datetime as dt
import enum
import threading
import types
import typing
from collections.abc import Callable
from typing import Any

import attrs

from .errors import ErrorDetail, FieldTypeError

__all__ = ["DOCUMENT_CLASSES", "AnyDocument", "check_fields", "type_hints"]

_Pred = Callable[[object], bool]


def _short(value: object) -> str:
    text = repr(value)
    return text if len(text) <= 60 else text[:57] + "..."


def _name(tp: Any) -> str:
    return tp.__name__ if isinstance(tp, type) else str(tp).replace("typing.", "")


class _Check:
    """What a field accepts: a predicate and its description in an error message."""

    __slots__ = ("desc", "ok", "tp")

    def __init__(self, tp: Any, ok: _Pred, desc: str) -> None:
        self.tp = tp
        self.ok = ok
        self.desc = desc


def _members(tp: Any) -> list[Any]:
    return list(typing.get_args(tp))


def _is_union(tp: Any) -> bool:
    return typing.get_origin(tp) in (typing.Union, types.UnionType)


#: The top-level document classes (Partnership, ActionPlan, Meeting, …), each added by
#: :func:`khsmodel._base.document` as its module defines it.
DOCUMENT_CLASSES: set[type] = set()


class AnyDocument:
    """What the name ``Document`` stands for in the annotations the checker reads.

    ``Attachment.document`` is annotated with the union of every document kind,
    :data:`khsmodel.documents.Document`, which can only be written where all the
    kinds are defined (it contains the case document that holds the attachment);
    :mod:`khsmodel.documents` binds it into :mod:`khsmodel.cases` for cattrs and
    the schema. The checker does not need that module: an object of a document
    kind exists only once its class is defined, and so registered in
    :data:`DOCUMENT_CLASSES`, which is the union exactly, whatever was imported first.
    """


_LATE_NAMES = {"Document": AnyDocument}


def type_hints(cls: type) -> dict[str, Any]:
    """The field types of a model class, ``Document`` read as :class:`AnyDocument`.

    For readers of the annotations that only tell the kinds of values apart
    (this checker, the validation's text check), whatever modules were imported.
    """
    return typing.get_type_hints(cls, localns=_LATE_NAMES)


def _check_for(tp: Any) -> _Check | None:
    """The check of one annotation; None: anything goes (``Any``)."""
    if tp is Any or tp is object:
        return None
    if tp is AnyDocument:
        return _Check(
            tp, lambda v: type(v) in DOCUMENT_CLASSES, "a khsmodel document (ActionPlan, Meeting, …)"
        )
    if _is_union(tp):
        parts = [_check_for(m) for m in _members(tp) if m is not type(None)]
        if any(p is None for p in parts):
            return None
        checks = [p for p in parts if p is not None]
        optional = type(None) in _members(tp)
        preds = tuple(c.ok for c in checks)
        desc = " or ".join(c.desc for c in checks) + (" or None" if optional else "")
        if len(preds) == 1:
            one = preds[0]
            return _Check(tp, (lambda v: v is None or one(v)) if optional else one, desc)
        return _Check(
            tp, lambda v: (optional and v is None) or any(p(v) for p in preds), desc
        )
    if typing.get_origin(tp) is typing.Literal:
        allowed = typing.get_args(tp)
        return _Check(tp, lambda v: v in allowed, " or ".join(repr(a) for a in allowed))
    if typing.get_origin(tp) is tuple:
        args = typing.get_args(tp)
        if len(args) == 2 and args[1] is Ellipsis:
            item = _check_for(args[0])
            if item is None:
                return _Check(tp, lambda v: type(v) is tuple, "a tuple")
            ok = item.ok
            return _Check(
                tp,
                lambda v: type(v) is tuple and all(ok(i) for i in v),
                f"a tuple of {item.desc}",
            )
        items = [_check_for(a) for a in args]
        oks = [c.ok if c is not None else (lambda _v: True) for c in items]
        return _Check(
            tp,
            lambda v: type(v) is tuple
            and len(v) == len(oks)
            and all(ok(i) for ok, i in zip(oks, v, strict=True)),
            f"a tuple of {len(oks)}",
        )
    if typing.get_origin(tp) is dict:
        key_t, value_t = typing.get_args(tp)
        k, val = _check_for(key_t), _check_for(value_t)
        k_ok = k.ok if k is not None else (lambda _v: True)
        v_ok = val.ok if val is not None else (lambda _v: True)
        return _Check(
            tp,
            lambda v: isinstance(v, dict) and all(k_ok(a) and v_ok(b) for a, b in v.items()),
            f"a dict of {_name(key_t)} to {_name(value_t)}",
        )
    if tp is int:
        return _Check(tp, lambda v: isinstance(v, int) and not isinstance(v, bool), "int")
    if tp is float:
        return _Check(
            tp, lambda v: isinstance(v, int | float) and not isinstance(v, bool), "a number"
        )
    if tp is dt.date:
        return _Check(
            tp,
            lambda v: isinstance(v, dt.date) and not isinstance(v, dt.datetime),
            "date",
        )
    if isinstance(tp, type):
        return _Check(tp, lambda v: isinstance(v, tp), _name(tp))
    return None  # a form of annotation not known here: not checked


def _hint(check: _Check, value: object) -> str:
    """A word on how to give the value this field wants, when the mistake is a common one."""
    tp = check.tp
    if _is_union(tp):
        for m in _members(tp):
            if m is not type(None):
                inner = _check_for(m)
                if inner is not None:
                    hint = _hint(inner, value)
                    if hint:
                        return hint
        return ""
    origin = typing.get_origin(tp)
    if origin is tuple and isinstance(value, list):
        return " (a tuple, not a list: write (a, b) or tuple(...))"
    if origin is tuple and isinstance(value, str):
        return f" (one text is a one-element tuple: ({value!r},))"
    if isinstance(tp, type) and issubclass(tp, enum.Enum):
        for member in tp:
            if member.value == value:
                return f" (use {tp.__name__}.{member.name})"
        return ""
    if tp is dt.date and isinstance(value, dt.datetime):
        return " (a datetime has a time of day: give its .date())"
    if tp is dt.date and isinstance(value, str):
        return f" (use datetime.date.fromisoformat({value!r}))"
    if isinstance(value, str) and _name(tp) in _INTERPRETATIONS:
        return " (interpret_timeframe(text, year=...) reads one from the words)"
    if isinstance(tp, type) and isinstance(value, str) and hasattr(tp, "parse"):
        return f" (use {tp.__name__}.parse({value!r}))"
    return ""


#: The interpretation classes of a timeframe (a string given for one gets a hint).
_INTERPRETATIONS = frozenset(
    ("OnDate", "InMonth", "InYear", "Between", "StartingFrom", "ByDate", "NextMeeting", "AtEvent",
     "Ongoing", "Recurring")
)

class _Gen:
    """Writes the fast check of a class: one boolean expression over its fields.

    The closures of :class:`_Check` say *what* is wrong; this says only *whether*
    anything is, inline (``type(v) is str``), at a third of their cost, so that a
    plan of 10 000 measures built in Python pays little for being checked.
    """

    def __init__(self) -> None:
        self.ns: dict[str, Any] = {
            "_type": type, "_isinstance": isinstance, "_all": all, "_tuple": tuple,
            "_str": str, "_int": int, "_bool": bool, "_date": dt.date, "_datetime": dt.datetime,
        }  # fmt: skip

    def const(self, value: object) -> str:
        name = f"_c{len(self.ns)}"
        self.ns[name] = value
        return name

    def expr(self, tp: Any, v: str, check: _Check) -> str:
        """A Python expression true when ``v`` is of type ``tp``."""
        if _is_union(tp):
            rest = [m for m in _members(tp) if m is not type(None)]
            if len(rest) == 1 and type(None) in _members(tp):
                sub = _check_for(rest[0])
                if sub is not None:
                    return f"({v} is None or {self.expr(rest[0], v, sub)})"
        elif tp is str:
            return f"(_type({v}) is _str or _isinstance({v}, _str))"
        elif tp is int:
            return f"(_type({v}) is _int)"
        elif tp is AnyDocument:
            return f"(_type({v}) in {self.const(DOCUMENT_CLASSES)})"
        elif tp is dt.date:
            return f"(_type({v}) is _date or (_isinstance({v}, _date) and not _isinstance({v}, _datetime)))"
        elif typing.get_origin(tp) is tuple and typing.get_args(tp)[1:] == (Ellipsis,):
            elem = typing.get_args(tp)[0]
            sub = _check_for(elem)
            if sub is not None:
                return f"(_type({v}) is _tuple and (not {v} or _all({self.expr(elem, '_i', sub)} for _i in {v})))"
        elif isinstance(tp, type) and tp is not float:  # a float field takes an int too
            return f"_isinstance({v}, {self.const(tp)})"
        return f"{self.const(check.ok)}({v})"

    def function(self, cls: type, checks: tuple[tuple[str, _Check], ...]) -> _Pred:
        terms = [self.expr(c.tp, f"o.{name}", c) for name, c in checks]
        name = f"_fast_{cls.__name__}_{len(self.ns)}"
        src = f"def {name}(o):\n    return {' and '.join(terms) or 'True'}\n"
        exec(compile(src, f"<khsmodel type check {cls.__name__}>", "exec"), self.ns)
        fn: _Pred = self.ns[name]
        return fn


_GEN = _Gen()
_CHECKS: dict[type, tuple[_Pred, tuple[tuple[str, _Check], ...]]] = {}
_LOCK = threading.Lock()


def _checks(cls: type) -> tuple[_Pred, tuple[tuple[str, _Check], ...]]:
    got = _CHECKS.get(cls)
    if got is not None:
        return got
    hints = type_hints(cls)
    out = []
    for a in attrs.fields(cls):
        check = _check_for(hints.get(a.name, Any))
        if check is not None:
            out.append((a.name, check))
    with _LOCK:
        got = _CHECKS.get(cls)
        if got is None:
            got = _CHECKS[cls] = (_GEN.function(cls, tuple(out)), tuple(out))
        return got


def check_fields(obj: object) -> None:
    """Raise :class:`FieldTypeError` listing every field of ``obj`` of the wrong type."""
    cls = type(obj)
    got = _CHECKS.get(cls) or _checks(cls)
    if got[0](obj):
        return
    bad = [(name, c, getattr(obj, name)) for name, c in got[1] if not c.ok(getattr(obj, name))]
    if not bad:  # the fast check is stricter in one way only: an int subclass that is no bool
        return
    cls_name = cls.__name__
    raise FieldTypeError(
        cls_name,
        [
            ErrorDetail(
                f"{cls_name}.{name}",
                f"expected {check.desc}, got {type(value).__name__} {_short(value)}"
                + _hint(check, value),
            )
            for name, check, value in bad
        ],
    )
