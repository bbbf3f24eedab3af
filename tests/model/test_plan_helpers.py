"""Finding and changing measures: ``measure``, ``focus_area``, ``measures_by``, ``evolve_measure``."""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import khsmodel.strategies as ks
from khsmodel import ActionPlan, Collective, MeasureStatus
from khsmodel.errors import ArgumentError, NoSuchMeasureError

_settings = settings(suppress_health_check=[HealthCheck.too_slow], deadline=None)


@_settings
@given(plan=ks.action_plans(), data=st.data())
def test_evolve_measure_changes_that_measure_only(plan: ActionPlan, data: st.DataObject) -> None:
    pairs = list(plan.iter_measures())
    if not pairs:
        with pytest.raises(NoSuchMeasureError) as info:
            plan.evolve_measure(1, 1, text="x")
        assert (info.value.focus_area, info.value.measure) == (1, 1)
        return
    fa, m = data.draw(st.sampled_from(pairs), label="measure")
    assert plan.focus_area(fa.number) is fa and plan.measure(fa.number, m.number) is m
    new = plan.evolve_measure(fa.number, m.number, text="Endret tekst", status=MeasureStatus.DONE)
    changed = new.measure(fa.number, m.number)
    assert changed is not None and changed.text == "Endret tekst"
    assert changed.status is MeasureStatus.DONE and changed.number == m.number
    before = [(f.number, x) for f, x in plan.iter_measures()]
    after = [(f.number, x) for f, x in new.iter_measures()]
    assert len(before) == len(after)
    for (fa_no, old), (fa_no2, now) in zip(before, after, strict=True):
        assert fa_no == fa_no2
        if (fa_no, old.number) == (fa.number, m.number):
            assert now == changed
        else:
            assert now is old  # shared, not copied
    assert new.focus_areas[0].title == plan.focus_areas[0].title
    assert plan.measure(fa.number, m.number) is m  # the plan itself is unchanged


@_settings
@given(plan=ks.action_plans())
def test_measures_by_is_every_measure_that_names_the_responsible(plan: ActionPlan) -> None:
    everything = [*plan.iter_measures(), *((None, m) for m in plan.ongoing_activities)]
    parties = {r.party for _, m in everything if m.responsibility
               for r in m.responsibility.parties if r.party}  # fmt: skip
    for party in sorted(parties):
        for lead_only in (False, True):
            expected = [
                (fa, m) for fa, m in everything if m.responsibility and any(
                    r.party == party
                    for r in (m.responsibility.lead if lead_only else m.responsibility.parties))
            ]  # fmt: skip
            assert plan.measures_by(party=party, lead_only=lead_only) == expected
    kommunene = plan.measures_by(collective=Collective.MUNICIPALITIES)
    assert all(
        any(r.collective is Collective.MUNICIPALITIES for r in m.responsibility.parties)
        for _, m in kommunene
        if m.responsibility
    )


def test_measures_by_takes_one_responsible() -> None:
    plan = ActionPlan(title="Handlingsplan")
    with pytest.raises(ArgumentError) as info:
        plan.measures_by()
    assert info.value.value == (None, None, None)
    with pytest.raises(ArgumentError) as info:
        plan.measures_by(party="a", body="b")
    assert info.value.value == ("a", "b", None)
    assert plan.measure(1, 1) is None and plan.focus_area(1) is None
