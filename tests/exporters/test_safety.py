"""The text check every document exporter runs first (khsmodel_exporters._safety)."""

from __future__ import annotations

import attrs
from hypothesis import HealthCheck, given, settings

import khsmodel
from khsmodel import strategies
from khsmodel_exporters._safety import SURROGATES, XML_ILLEGAL, _find, find_bad_text


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
