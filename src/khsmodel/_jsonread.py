"""Reading JSON text strictly: what no document can be, whatever its classes say.

:func:`parse_json` reads UTF-8 JSON text (a byte-order mark is allowed) and
:func:`json_problems` finds, with their paths, what the ``json`` module lets
through but a document file may not hold: nesting deeper than
:data:`MAX_DEPTH`, a key written twice in one object, an integer too long to
read, a lone surrogate (``"\\ud800"``).
"""

from __future__ import annotations

import codecs
import json
import re
import sys
from collections.abc import Callable
from typing import Any

from .errors import ErrorDetail, InvalidDocumentError, NotJsonError

__all__ = ["MAX_DEPTH", "TOO_DEEP", "json_problems", "parse_json"]

#: The deepest nesting of arrays and objects a document may have; the document's
#: own object is level 1. Documents nest only through attached documents, each of
#: which adds three or four levels, so real files stay far below (see docs/json-format.md).
MAX_DEPTH = 64

TOO_DEEP = (
    f"nested too deeply: more than {MAX_DEPTH} levels of arrays and objects "
    "(the most a khsmodel document may have)"
)


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
                problems.append(ErrorDetail(where, TOO_DEEP))
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
                ErrorDetail(where, TOO_DEEP)
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

