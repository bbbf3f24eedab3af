"""Text: realistic Norwegian and Sámi words and phrases, now and then a hostile
fragment; person names and ids."""

from __future__ import annotations

import functools

from hypothesis import strategies as st

from ._draw import _bool, _cap, _int, _norm, _pick, _slug
from ._vocabulary import (
    _FIRST_NAMES,
    _FREE_TEXT,
    _LAST_NAMES,
    _PHRASES,
    _SEED_NAMES,
    _WORDS,
    HOSTILE_STRINGS,
)

_PHRASE_WORDS = tuple(tuple(p.split(" ")) for p in _PHRASES)


def _hostile_fragment(draw: st.DrawFn) -> str:
    return _pick(draw, HOSTILE_STRINGS) if _bool(draw) else draw(_FREE_TEXT)


@functools.cache
def _text_sizes(max_words: int) -> tuple[int, ...]:
    """How many texts there are of each shape: phrases, then 1, 2, … ``max_words`` words."""
    phrases = len(_PHRASES) if max_words >= 4 else 0
    return (phrases, *(len(_WORDS) ** n for n in range(1, max_words + 1)))


def _text(draw: st.DrawFn, hostile: bool, max_words: int = 8) -> str:
    """A phrase of the seeds or 1..max_words words, chosen by one integer draw (fast); with
    ``hostile``, one text in eight gets a hostile fragment at a drawn position."""
    text = _text_or_none(draw, hostile, max_words, optional=False)
    assert text is not None
    return text


def _text_or_none(draw: st.DrawFn, hostile: bool, max_words: int, *, optional: bool) -> str | None:
    """:func:`_text`, or (when ``optional``) None, all in one integer draw; 0 is None."""
    sizes = _text_sizes(max(1, max_words))
    k = _int(draw, 0, sum(sizes) * (8 if hostile else 1) - (0 if optional else 1))
    if optional:
        if k == 0:
            return None
        k -= 1
    with_fragment = hostile and k % 8 == 7
    code = k // 8 if hostile else k
    if code < sizes[0]:
        words = list(_PHRASE_WORDS[code])
    else:
        code -= sizes[0]
        n = 1
        while code >= sizes[n]:
            code -= sizes[n]
            n += 1
        words = []
        for _ in range(n):  # the digits of code in base len(_WORDS)
            code, w = divmod(code, len(_WORDS))
            words.append(_WORDS[w])
        words[0] = _cap(words[0])
    if with_fragment:
        words.insert(_int(draw, 0, len(words)), _hostile_fragment(draw))
    return " ".join(words)


def _maybe_text(draw: st.DrawFn, hostile: bool, max_words: int = 8) -> str | None:
    """None or a text. (Most values are texts; None is the shrunk value.)"""
    return _text_or_none(draw, hostile, max_words, optional=True)


def _distinct_texts(draw: st.DrawFn, hostile: bool, n: int, max_words: int = 10) -> list[str]:
    """``n`` texts that differ after normalisation (NFC, case, whitespace)."""
    out: list[str] = []
    seen: set[str] = set()
    for i in range(n):
        text = _text(draw, hostile, max_words)
        if _norm(text) in seen:
            text = f"{text} ({i + 1})"
        seen.add(_norm(text))
        out.append(text)
    return out


@st.composite
def texts(draw: st.DrawFn, *, hostile: bool = True, max_words: int = 8) -> str:
    """A non-blank Norwegian text: a phrase from the seeds or words (Sámi names included).

    With ``hostile=True`` about one text in eight also carries a hostile but
    legal fragment (markup, ``&``, NBSP, emoji, RTL, tab, newline, arbitrary
    printable Unicode). Never XML-illegal controls, never lone surrogates.
    """
    return _text(draw, hostile, max_words)


_PERSON_NAMES = _SEED_NAMES + tuple(f"{f} {last}" for f in _FIRST_NAMES for last in _LAST_NAMES)


def _person_name(draw: st.DrawFn) -> str:
    return _pick(draw, _PERSON_NAMES)


@st.composite
def person_names(draw: st.DrawFn) -> str:
    """Person names: the seeds' names and Norwegian/Sámi first and last names."""
    return _person_name(draw)


@st.composite
def ids(draw: st.DrawFn, prefix: str = "") -> str:
    """Identifier slugs like ``plan-guovdageaidnu-3`` (ASCII, lower case, hyphens)."""
    n = _int(draw, 0, 99)
    return f"{prefix}{_slug(_pick(draw, _WORDS))}{'-' + str(n) if n else ''}"
