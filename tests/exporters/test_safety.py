"""The text check every document exporter runs first (khsmodel_exporters._safety)."""

from __future__ import annotations

import copy as copy_module
from collections import Counter
from typing import Any

import attrs
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

import khsmodel
from khsmodel import strategies
from khsmodel_exporters._safety import (
    SURROGATES,
    XML_ILLEGAL,
    _find,
    _search,
    _texts,
    find_bad_text,
)
from khsmodel_exporters.content._text import T_CHARS


def _slow(doc: object, pattern: object) -> tuple[str, str] | None:
    found = _find(doc, pattern.search)  # type: ignore[attr-defined]
    return None if found is None else ("$" + "".join(reversed(found[0])), found[1])


@settings(max_examples=60, deadline=None, suppress_health_check=list(HealthCheck))
@given(strategies.documents(hostile=True))
def test_the_one_search_answers_as_the_walk_does(doc: khsmodel.Document) -> None:
    # the search over all the text joined finds a bad character exactly when the walk
    # string by string does, and the path is the walk's
    for pattern in (XML_ILLEGAL, SURROGATES):
        assert find_bad_text(doc, pattern) == _slow(doc, pattern)


def test_a_bad_character_deep_in_a_plan_is_named_by_its_path() -> None:
    plan = khsmodel.ActionPlan(title="Plan", focus_areas=tuple(
        khsmodel.FocusArea(number=i, title=f"Område {i}", measures=tuple(
            khsmodel.Measure(number=j, text=f"Tiltak {i}.{j}") for j in range(1, 4)))
        for i in range(1, 4)))  # fmt: skip
    assert find_bad_text(plan) is None
    fa = plan.focus_areas[2]
    bad = attrs.evolve(fa, measures=(*fa.measures[:2], attrs.evolve(fa.measures[2], text="a\x0cb")))
    plan = attrs.evolve(plan, focus_areas=(*plan.focus_areas[:2], bad))
    assert find_bad_text(plan) == ("$.focus_areas[2].measures[2].text", "\x0c")


def _every_string(
    value: object, path: tuple[object, ...] = ()
) -> list[tuple[tuple[object, ...], str]]:
    """(where, text) of every string the walk reads: attrs fields and tuple items entered,
    the reference the fast collector is held to."""
    if type(value) is str:
        return [(path, value)]
    if type(value) is tuple:
        return [found for i, item in enumerate(value) for found in _every_string(item, (*path, i))]
    if attrs.has(type(value)):
        return [
            found
            for a in attrs.fields(type(value))
            for found in _every_string(getattr(value, a.name), (*path, a.name))
        ]
    return []


def _with(value: Any, path: tuple[object, ...], text: str) -> Any:
    """``value`` with the string at ``path`` replaced (no field check: a test of the text
    check may put any character anywhere)."""
    if not path:
        return text
    step, rest = path[0], path[1:]
    if isinstance(step, int):
        items = list(value)
        items[step] = _with(items[step], rest, text)
        return tuple(items)
    copy = copy_module.copy(value)
    object.__setattr__(copy, step, _with(getattr(value, step), rest, text))
    return copy


@settings(max_examples=60, deadline=None, suppress_health_check=list(HealthCheck))
@given(strategies.documents(hostile=True))
def test_the_collector_reads_every_string_the_walk_does(doc: khsmodel.Document) -> None:
    collected = Counter(_texts(doc))
    walked = Counter(text for _, text in _every_string(doc))
    assert not walked - collected


#: Characters near the forbidden ones: the illegal ones and legal ones that share a byte or
#: a neighbour with them (U+0111 đ has the low byte of U+0011, U+FE0F and U+FFFD the lead
#: byte of U+FFFE in UTF-8, U+D7FF and U+E000 surround the surrogates).
_NEAR = (
    "\x00", "\x01", "\x08", "\x0b", "\x0c", "\x0e", "\x1f", "\ufffe", "\uffff", "\ud800",
    "\udbff", "\udc00", "\udfff", "\t", "\n", "\r", "\x7f", "\x85", "\u0100", "\u010b",
    "\u0111", "\u2028", "\ufe0f", "\ud7ff", "\ue000", "\ufffd", "\U0001f600", "ŋ",
    "\u202a", "\u202e", "\u2066", "\u2069",
)  # fmt: skip


@settings(max_examples=150, deadline=None, suppress_health_check=list(HealthCheck))
@given(
    strategies.documents(hostile=True),
    st.data(),
    st.lists(st.sampled_from(_NEAR), min_size=1, max_size=3),
)
def test_a_character_put_anywhere_is_found_as_the_walk_finds_it(
    doc: khsmodel.Document, data: st.DataObject, chars: list[str]
) -> None:
    # one string of the document gets characters near or among the forbidden ones: the
    # fast answer (one test over all the text) agrees with the walk string by string,
    # path and character included
    strings = _every_string(doc)
    assume(strings)
    path, text = data.draw(st.sampled_from(strings))
    at = data.draw(st.integers(0, len(text)))
    changed = _with(doc, path, text[:at] + "".join(chars) + text[at:])
    for pattern in (XML_ILLEGAL, SURROGATES):
        assert find_bad_text(changed, pattern) == _slow(changed, pattern)
        # the same pass tells the content builder whether any string needs t()'s work
        found, seen = _search(changed, pattern, T_CHARS)
        assert found == _slow(changed, pattern)
        if any(c in s for _, s in _every_string(changed) for c in T_CHARS):
            assert seen
    if any(XML_ILLEGAL.match(c) for c in chars):
        assert find_bad_text(changed) is not None
