"""The fast path of loading: one generated Python function per model class.

cattrs' generated structure functions call a hook for every field value (two
calls for an optional string), which made loading a plan of 10 000 measures
cost over twice the time of parsing its JSON. Here each model class gets one
function with the type checks written out inline: ``type(x) is str``, an
enum's members looked up by value, a date matched and parsed, nested objects
structured by their own generated function, unknown and missing keys refused
by Python's own keyword binding. Equal strings of a document are made one object as they are read (a memo
per load): a text that recurs (a timeframe, a responsible's wording) is held
once, which halves the memory of a large plan and gives ``validate`` their
hashes ready.

It is only a fast path. It accepts exactly what the detailed cattrs converter
accepts and builds equal objects (a property test checks both on generated
and on mutated documents); on anything it does not accept it raises, and
:func:`khsmodel.serialization.structure` then runs the detailed converter,
which reports every error with its path. Types it has no inline form for
(times, organisation numbers, kommunenummer) go through the fast converter's
own hooks (:func:`khsmodel._convert.converter`).
"""

from __future__ import annotations

import datetime as dt
import enum
import keyword
import threading
import types
import typing
from collections.abc import Callable
from typing import Any

import attrs

from ._base import VALUE_CHECK, PartialDate, has_own_post_init, json_name
from ._convert import DATE_RE, converter
from .identifiers import KommuneNumber, OrganisationNumber

__all__ = ["fast_structure", "fast_structure_checked"]

_Fn = Callable[..., Any]


class _Reject(Exception):
    """The input is not accepted by the fast path; the detailed converter takes over."""


_MISSING = object()

#: Model classes written in JSON as a plain string: structured by the converter's hook.
_VIA_HOOK = (OrganisationNumber, KommuneNumber, PartialDate)


def _is_optional(tp: Any) -> bool:
    return typing.get_origin(tp) in (typing.Union, types.UnionType) and type(None) in typing.get_args(
        tp
    )


def _non_none(tp: Any) -> list[Any]:
    return [a for a in typing.get_args(tp) if a is not type(None)]


def _is_tagged(members: list[Any]) -> bool:
    return len(members) > 1 and all(attrs.has(m) and hasattr(m, "KIND") for m in members)


class _Compiler:
    """Writes and compiles the structure function of each class on first use."""

    def __init__(self, hook_for: Callable[[Any], Callable[[object, Any], Any]]) -> None:
        self._hook_for = hook_for  # the fast cattrs converter's hook, for other types
        self.ns: dict[str, Any] = {
            "_Reject": _Reject,
            "_MISSING": _MISSING,
            "_reject": _reject,
            "_new": object.__new__,
            # the string memo of the load in progress (see fast_structure)
            "_same": {}.setdefault,
            # called by the function of each document attached in another: counts them
            "_doc": _no_doc,
            "_date": dt.date.fromisoformat,
            # builtins under names no JSON key can take (keys never start with "_"),
            # so that a field called "type" or "list" cannot shadow them
            "_tuple": tuple,
            "_type": type,
            "_str": str,
            "_int": int,
            "_bool": bool,
            "_list": list,
            "_dict": dict,
        }
        self._names: dict[object, str] = {}
        self._done: dict[tuple[type, bool], _Fn] = {}
        self._fn_names: dict[tuple[type, bool], str] = {}
        self._lock = threading.RLock()

    def _const(self, value: object, hint: str) -> str:
        """A name in the generated code's namespace bound to ``value``."""
        key: object = (hint, id(value))
        name = self._names.get(key)
        if name is None:
            name = f"_{hint}{len(self._names)}"
            self._names[key] = name
            self.ns[name] = value
        return name

    def function(self, cls: type, tagged: bool = False) -> _Fn:
        """The structure function of ``cls`` (``tagged``: the object may carry its ``kind``)."""
        key = (cls, tagged)
        fn = self._done.get(key)
        if fn is None:
            with self._lock:  # one thread compiles; a recursive reference re-enters
                fn = self._done.get(key)
                if fn is None:
                    # named before the body is compiled, so that recursive references resolve
                    name = f"structure_{cls.__name__}_{len(self._fn_names)}"
                    self._fn_names.setdefault(key, name)
                    try:
                        fn = self._compile(cls, self._fn_names[key], tagged)
                    except (TypeError, SyntaxError, NameError):
                        # a class this generator has no form for: every load of it
                        # takes the detailed converter (decided once, not per load)
                        fn = _reject_always
                        self.ns[self._fn_names[key]] = fn
                    self._done[key] = fn
        return fn

    def _compile(self, cls: type, name: str, tagged: bool) -> _Fn:
        """``name(**obj)``: Python's own keyword binding refuses unknown and missing keys."""
        hints = typing.get_type_hints(cls)
        params: list[str] = []
        body: list[str] = []
        args: list[str] = []
        for a in attrs.fields(cls):
            if not a.init:
                continue
            key = json_name(a)
            if not key.isidentifier() or keyword.iskeyword(key) or key.startswith("_"):
                raise TypeError(f"{cls.__name__}: JSON name {key!r} cannot be a parameter")
            tp = hints[a.name]
            if a.default is attrs.NOTHING:
                params.append(key)
                body += self._check(key, tp, "    ")
            elif isinstance(a.default, attrs.Factory):  # type: ignore[arg-type]
                raise TypeError(f"{cls.__name__}.{a.name}: factory defaults are not supported")
            elif a.default is None and _is_optional(tp):
                params.append(f"{key}=None")
                body += self._check(key, tp, "    ")
            else:
                params.append(f"{key}=_MISSING")
                body += [
                    f"    if {key} is _MISSING:",
                    f"        {key} = {self._const(a.default, 'default')}",
                    *(["    else:", *check] if (check := self._check(key, tp, "        ")) else []),
                ]
            if VALUE_CHECK in a.metadata:  # the field's validator, on the value alone
                body.append(f"    {self._const(a.metadata[VALUE_CHECK], 'check')}({key})")
            args.append(f"{a.alias}={key}")
        if tagged:
            params.append("kind=None")
        from .documents import DOCUMENT_TYPES

        lines = [
            f"def {name}(*, {', '.join(params)}):" if params else f"def {name}():",
            # an attached document (a member of the union of documents): see fast_structure_checked
            *(["    _doc(1)"] if tagged and cls in DOCUMENT_TYPES.values() else []),
            *body,
            *self._construct(cls, args),
        ]
        code = compile("\n".join(lines), f"<khsmodel fast structure {cls.__name__}>", "exec")
        exec(code, self.ns)
        fn: _Fn = self.ns[name]
        return fn

    def _construct(self, cls: type, args: list[str]) -> list[str]:
        """The lines that build the object from the checked values (``name=var`` in ``args``).

        A class whose ``__init__`` only stores its fields (no validator, converter
        or post-init step) gets its slots filled directly through their
        descriptors, at half the cost of the frozen ``__init__``'s
        ``object.__setattr__`` calls; any other class is called as usual.
        """
        fields = attrs.fields(cls)
        slots = [getattr(cls, a.name, None) for a in fields]
        plain = (
            # the generated function has just checked the field types, which is all the
            # post-init of a model class does unless the class has a step of its own
            not has_own_post_init(cls)
            and not hasattr(cls, "__attrs_pre_init__")
            and all(
                a.init and (a.validator is None or VALUE_CHECK in a.metadata) and a.converter is None
                for a in fields
            )
            and all(type(d).__name__ == "member_descriptor" for d in slots)
        )
        if not plain:
            return [f"    return {self._const(cls, 'cls')}({', '.join(args)})"]
        lines = [f"    _o = _new({self._const(cls, 'cls')})"]
        for d, arg in zip(slots, args, strict=True):
            lines.append(f"    {self._const(d.__set__, 'set')}(_o, {arg.split('=', 1)[1]})")  # type: ignore[union-attr]
        return [*lines, "    return _o"]

    def _check(self, var: str, tp: Any, ind: str) -> list[str]:
        """Lines that check ``var`` against ``tp`` and replace it with the structured value."""
        if _is_optional(tp):
            rest = _non_none(tp)
            inner: Any = rest[0] if len(rest) == 1 else typing.Union[tuple(rest)]  # noqa: UP007
            body = self._check(var, inner, ind + "    ")
            return [f"{ind}if {var} is not None:", *body] if body else []
        if tp is str:
            return [
                f"{ind}if _type({var}) is not _str:",
                f"{ind}    raise _Reject",
                f"{ind}{var} = _same({var}, {var})",
            ]
        if tp is int:
            return [f"{ind}if _type({var}) is not _int:", f"{ind}    raise _Reject"]
        if tp is bool:
            return [f"{ind}if _type({var}) is not _bool:", f"{ind}    raise _Reject"]
        if tp is dt.date:
            match = self._const(DATE_RE.match, "match")
            return [
                f"{ind}if _type({var}) is not _str or not {match}({var}):",
                f"{ind}    raise _Reject",
                f"{ind}{var} = _date({var})",
            ]
        if isinstance(tp, type) and issubclass(tp, enum.Enum):
            members = {m.value: m for m in tp}
            value_type = type(next(iter(members)))
            by_value = self._const(members, "members")
            vt = self._const(value_type, "vtype")
            return [
                f"{ind}if _type({var}) is not {vt}:",
                f"{ind}    raise _Reject",
                f"{ind}{var} = {by_value}[{var}]",
            ]
        if typing.get_origin(tp) is tuple and typing.get_args(tp)[1:] == (Ellipsis,):
            elem = typing.get_args(tp)[0]
            lines = [f"{ind}if _type({var}) is not _list:", f"{ind}    raise _Reject"]
            if elem is str:
                return [
                    *lines,
                    f"{ind}for _i in {var}:",
                    f"{ind}    if _type(_i) is not _str:",
                    f"{ind}        raise _Reject",
                    f"{ind}{var} = _tuple([_same(_i, _i) for _i in {var}])",
                ]
            if self._is_model(elem):
                fn = self._model(elem)
                item = f"{fn}(**_i) if _type(_i) is _dict else _reject()"
            else:
                item = f"{self._other(elem)}(_i)"
            return [*lines, f"{ind}{var} = _tuple([{item} for _i in {var}])"]
        if self._is_model(tp):
            return [
                f"{ind}if _type({var}) is not _dict:",
                f"{ind}    raise _Reject",
                f"{ind}{var} = {self._model(tp)}(**{var})",
            ]
        return [f"{ind}{var} = {self._other(tp)}({var})"]

    @staticmethod
    def _is_model(tp: Any) -> bool:
        return attrs.has(tp) and tp not in _VIA_HOOK

    def _model(self, cls: type) -> str:
        """The name of the structure function of a model class (called with ``**obj``)."""
        self.function(cls)
        return self._fn_names[(cls, False)]

    def _other(self, tp: Any) -> str:
        """The name of a function structuring one value of a union or of a hook's type."""
        members = _non_none(tp) if typing.get_origin(tp) in (typing.Union, types.UnionType) else []
        if _is_tagged(members) and not _is_optional(tp):
            return self._const(self._union(members), "union")
        hook = self._hook_for(tp)
        return self._const(lambda v, hook=hook, tp=tp: hook(v, tp), "hook")

    def _union(self, members: list[Any]) -> _Fn:
        by_kind = {m.KIND: m for m in members}
        fns: dict[Any, _Fn] = {}

        def structure_union(o: Any) -> Any:
            if type(o) is not dict:
                raise _Reject
            kind = o.get("kind")
            fn = fns.get(kind) if type(kind) is str else None
            if fn is None:
                if kind not in by_kind:
                    raise _Reject
                fn = fns[kind] = self.function(by_kind[kind], tagged=True)
            return fn(**o)

        return structure_union


def _reject() -> Any:
    raise _Reject


def _no_memo(text: str, _default: str) -> str:
    """Between loads: no memo (nothing is kept)."""
    return text


def _reject_always(*_args: Any, **_kwargs: Any) -> Any:
    raise _Reject


def _no_doc(_mark: int) -> None:
    """Between loads: nothing is counted."""


_COMPILER: list[_Compiler] = []


def fast_structure(data: object, cls: type[Any]) -> Any:
    """Structure ``data`` as ``cls`` on the fast path; raises on anything it does not accept."""
    return fast_structure_checked(data, cls)[0]


def fast_structure_checked(data: object, cls: type[Any]) -> tuple[Any, bool]:
    """``(object, checked)``: :func:`fast_structure`, and whether the JSON-level checks
    (:func:`khsmodel.serialization.json_problems`) are known to pass.

    They are when every string went through this load's memo and all of them
    are valid Unicode (no lone surrogate), and no document is attached in
    another (``Attachment.document``, the one way the classes nest without
    bound; without it a document is at most a dozen levels deep, which a test
    keeps below ``MAX_DEPTH``). Otherwise ``checked`` is False and the caller
    runs the checks on ``data``.
    """
    if not _COMPILER:
        _COMPILER.append(_Compiler(converter(False).get_structure_hook))
    if type(data) is not dict or not _Compiler._is_model(cls):
        raise _Reject
    compiler = _COMPILER[0]
    ns = compiler.ns
    fn = compiler.function(cls)
    # Equal strings of one document become one object: a memo per load, not
    # sys.intern (interned strings are immortal on some CPython 3.12 releases,
    # which would keep every text ever loaded). Loads in several threads may
    # share or replace the memo; either way each string stays equal to itself,
    # and a load whose memo was replaced meanwhile reports itself unchecked.
    memo: dict[str, str] = {}
    same = ns["_same"] = memo.setdefault
    documents: list[int] = []
    doc = ns["_doc"] = documents.append
    try:
        built = fn(**data)
    finally:
        intact = ns["_same"] is same and ns["_doc"] is doc
        ns["_same"] = _no_memo
        ns["_doc"] = _no_doc
    if not intact or documents:
        return built, False
    try:
        "".join(memo).encode("utf-8")  # every text of the document, each once
    except UnicodeEncodeError:
        return built, False
    return built, True
