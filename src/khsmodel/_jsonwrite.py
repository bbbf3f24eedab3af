"""The JSON writer of ``dumps``: indented JSON, several times faster than the standard library's.

The standard library's C encoder does not indent, so ``json.dumps(…, indent=2)``
runs its generator-based Python encoder; :func:`indented` writes the same text
directly.
"""

from __future__ import annotations

from json.encoder import encode_basestring as _json_string
from typing import Any

__all__ = ["Unusual", "indented"]


class Unusual(Exception):
    """A value :func:`indented` leaves to the json module."""


def indented(data: object) -> str:
    """Exactly ``json.dumps(data, ensure_ascii=False, indent=2)`` for plain JSON data.

    The standard library's C encoder does not indent, so ``indent=2`` runs its
    generator-based Python encoder; this direct writer is about three times
    faster. Anything but dict (with str keys), list, tuple, str, int, bool and
    None raises :class:`Unusual`.
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
                    raise Unusual
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
            raise Unusual

    write(data, "\n")
    return "".join(out)

