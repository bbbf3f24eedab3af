"""The next plan (ActionPlan.next_plan) and the diff of two plans (khsmodel.diff, khsmodel diff)."""

from __future__ import annotations

import datetime as dt
import json
import sys
from pathlib import Path

import attrs
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import khsmodel
from khsmodel import (
    ActionPlan,
    FocusArea,
    Measure,
    MeasureRef,
    MeasureStatus,
    Period,
    ProgressEntry,
    Responsibility,
    Timeframe,
    diff,
    interpret_timeframe,
    validate,
)
from khsmodel import strategies as ks
from khsmodel.cli import main
from khsmodel.errors import ArgumentError, NoSuchMeasureError
from khsmodel.labels import EN, for_language
from khsmodel.plandiff import SIMILARITY, similarity

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "examples"))

import khs  # noqa: E402

D = dt.date
NEXT = Period(start=D(2016, 1, 1), end=D(2017, 12, 31), text="2016-2017")


def _m(number: int, text: str, **kw: object) -> Measure:
    return Measure(number=number, text=text, **kw)  # type: ignore[arg-type]


def _plan(*areas: tuple[str, tuple[Measure, ...]], id: str = "hp-2015") -> ActionPlan:
    return ActionPlan(
        id=id, title=f"Plan {id}",
        period=Period(start=D(2015, 1, 1), end=D(2015, 12, 31)),
        focus_areas=tuple(FocusArea(number=n, title=t, measures=ms)
                          for n, (t, ms) in enumerate(areas, start=1)),
    )  # fmt: skip


# ---------------------------------------------------------------- properties


@settings(max_examples=30, deadline=None)
@given(plan=ks.action_plans())
def test_diff_of_a_plan_with_itself_is_empty(plan: ActionPlan) -> None:
    d = diff(plan, plan)
    assert not d and d.added == () and d.removed == () and d.focus_areas == ()
    assert len(d.matched) == len(list(plan.iter_measures())) + len(plan.ongoing_activities)


@settings(max_examples=30, deadline=None)
@given(plan=ks.action_plans())
def test_diff_with_the_next_plan_lists_exactly_the_carried_measures(plan: ActionPlan) -> None:
    if plan.id is None:
        plan = khsmodel._base.evolve(plan, id="hp-gammel")
    new = plan.next_plan(title="Neste plan", id="hp-ny", period=NEXT)
    carried = {(fa.number, m.number) for fa, m in plan.iter_measures()
               if khsmodel.status.status_at(m, D.max)[0] not in khsmodel.status.CLOSED}
    carried |= {(None, m.number) for m in plan.ongoing_activities
                if khsmodel.status.status_at(m, D.max)[0] not in khsmodel.status.CLOSED}  # fmt: skip
    d = diff(plan, new)
    assert {(m.old.focus_area, m.old.number) for m in d.carried} == carried
    assert all(m.how == "carried_over" for m in d.matched)
    assert d.added == () and len(d.removed) + len(d.carried) == len(d.matched) + len(d.removed)
    # every carried measure's reference resolves in the old plan, to the measure it continues
    for _, m in [*new.iter_measures(), *((None, a) for a in new.ongoing_activities)]:
        ref = m.carried_over_from
        assert ref is not None and ref.plan == plan.id
        old = (plan.measure(ref.focus_area, ref.measure) if ref.focus_area is not None  # type: ignore[arg-type]
               else next(a for a in plan.ongoing_activities if a.number == ref.measure))  # fmt: skip
        assert old is not None and old.text == m.text == ref.text
        assert m.status is None and m.progress == ()
    assert not validate(new).errors


# ---------------------------------------------------------------- next_plan


def test_next_plan_chooses_renumbers_and_rereads() -> None:
    done = ProgressEntry(date=D(2015, 5, 1), text="Ferdig", status=MeasureStatus.DONE)
    plan = _plan(("Kompetanse", (
        _m(1, "Alert-opplæring", label="1.", status=MeasureStatus.DONE, progress=(done,)),
        _m(2, "E-læring", label="2.", timeframe=Timeframe(
            text="Medio juni", interpretation=interpret_timeframe("Medio juni", year=2015))),
        _m(3, "Nyhetsbrev", label="3.", timeframe=Timeframe(
            text="Mars 2015", interpretation=interpret_timeframe("Mars 2015"))),
    )))  # fmt: skip
    new = plan.next_plan(title="Plan 2016-2017", id="hp-2016", period=NEXT)
    ms = new.focus_areas[0].measures
    assert [(m.number, m.label, m.text) for m in ms] == [(1, None, "E-læring"), (2, None, "Nyhetsbrev")]
    assert ms[0].carried_over_from == MeasureRef(plan="hp-2015", focus_area=1, measure=2, text="E-læring")
    assert ms[0].timeframe is not None and ms[0].timeframe.date_range() == (D(2016, 6, 11), D(2016, 6, 20))
    assert new.previous_plan == "hp-2015" and new.status is khsmodel.PlanStatus.DRAFT
    # a text with a year keeps it: validation says it lies outside the new period
    assert [f.code for f in validate(new)] .count("PLAN002") == 1
    chosen = plan.next_plan(title="x", period=NEXT, carry=[(1, 1)])
    assert [m.text for m in chosen.focus_areas[0].measures] == ["Alert-opplæring"]
    assert chosen.focus_areas[0].measures[0].label == "1."  # its number is unchanged
    by_fn = plan.next_plan(title="x", period=NEXT, carry=lambda fa, m: m.number == 3)
    assert [m.text for m in by_fn.focus_areas[0].measures] == ["Nyhetsbrev"]
    with pytest.raises(NoSuchMeasureError) as missing:
        plan.next_plan(title="x", period=NEXT, carry=[(1, 9)])
    assert (missing.value.focus_area, missing.value.measure) == (1, 9)
    with pytest.raises(ArgumentError) as no_id:
        khsmodel._base.evolve(plan, id=None).next_plan(title="x", period=NEXT)
    assert no_id.value.argument == "plan.id"


# ---------------------------------------------------------------- matching, edge cases


def test_matching_order_carried_then_id_then_text_then_similar() -> None:
    old = _plan(("A", (
        _m(1, "Etablere samhandlingsmodell for rus og psykisk helse", id="m1"),
        _m(2, "Nyhetsbrev og nettside"),
        _m(3, "Kartlegge bruk av kommunale akutte døgnplasser"),
        _m(4, "Reforhandle overordnet samarbeidsavtale"),
    )))  # fmt: skip
    new = _plan(("A", (
        _m(1, "Helt ny tekst", id="m1"),                                     # identity
        _m(2, "Kartlegge bruken av kommunale akutte døgnplasser"),           # similar
        _m(3, "NYHETSBREV, og nettside!"),                                    # the same text
        _m(4, "Noe annet", carried_over_from=MeasureRef(plan="hp-2015", measure=4, focus_area=1)),
        _m(5, "Fagdag om barn som pårørende"),                                # added
    )), id="hp-2016")  # fmt: skip
    d = diff(old, new)
    got = {(m.old.number, m.new.number, m.how) for m in d.matched}
    assert got == {(1, 1, "id"), (3, 2, "similar"), (2, 3, "text"), (4, 4, "carried_over")}
    assert [p.number for p in d.added] == [5] and d.removed == ()
    assert {m.new.number: m.changed for m in d.matched} == {
        1: ("text",), 2: ("text",), 3: ("text",), 4: ("text",)}
    assert "[liknende tekst 0," in d.text() and d.to_data()["summary"]["added"] == 1
    assert "[similar 0." in d.text(EN)


def test_the_similarity_threshold_is_inclusive_and_documented() -> None:
    base = "Kartlegge bruk av kommunale akutte døgnplasser"  # six words
    cases = {
        "Kartlegge bruken av kommunale akutte døgnplasser": True,    # 5 of 6 words: 0.83
        "Kartlegge bruk av kommunale døgnplasser i Áltá": True,      # 5 of 6 and 7: 0.77
        "kartlegge BRUK, av kommunale akutte døgnplasser!": True,    # the same text
        "Kartlegge behovet for kommunale akutte plasser": False,     # 4 of 6: 0.67
        "Evaluere bruk av frisklivssentralen": False,
    }
    assert similarity(base, base) == 1.0
    for text, same in cases.items():
        ratio = similarity(base, text)
        assert (ratio >= SIMILARITY) == same, (text, ratio)
        d = diff(_plan(("A", (_m(1, base),))), _plan(("A", (_m(1, text),)), id="b"))
        assert bool(d.matched) == same, (text, ratio)
    exactly = "a b c d e f g h"  # 6 of 8 words kept, 2 replaced: ratio 0.75 exactly
    assert similarity(exactly, "a b c x e f y h") == SIMILARITY
    assert diff(_plan(("A", (_m(1, exactly),))), _plan(("A", (_m(1, "a b c x e f y h"),)),
                                                       id="b")).matched  # fmt: skip


def test_repeated_texts_pair_in_order_and_moves_are_seen() -> None:
    old = _plan(("A", (_m(1, "Fagdag"), _m(2, "Fagdag"))), ("B", (_m(1, "Konferanse"),)))
    new = _plan(("A", (_m(1, "Fagdag"),)), ("B", (_m(1, "Konferanse"), _m(2, "Fagdag"))), id="b")
    d = diff(old, new)
    assert [(m.old.focus_area, m.old.number, m.new.focus_area, m.new.number, m.changed)
            for m in d.matched] == [(1, 1, 1, 1, ()), (2, 1, 2, 1, ()), (1, 2, 2, 2, ("focus_area",))]  # fmt: skip


def test_focus_areas_renamed_renumbered_added_removed() -> None:
    old = _plan(("Barn og unge", ()), ("Rehabilitering", ()), ("Kommunikasjon", ()))
    new = _plan(("Rehabilitering", ()), ("Barn og unge i kommunene", ()), ("Lærings- og mestring", ()),
                id="b")  # fmt: skip
    kinds = [(c.kind, c.old, c.new) for c in diff(old, new).focus_areas]
    assert kinds == [
        ("renumbered", (2, "Rehabilitering"), (1, "Rehabilitering")),
        ("added", None, (2, "Barn og unge i kommunene")),
        ("added", None, (3, "Lærings- og mestring")),
        ("removed", (1, "Barn og unge"), None),
        ("removed", (3, "Kommunikasjon"), None),
    ]
    renamed = diff(_plan(("Barn og unge", ())), _plan(("Barn og unge i Sápmi", ()), id="b"))
    assert [c.kind for c in renamed.focus_areas] == ["renamed"]


def test_a_reference_to_another_plan_is_not_a_carry_and_responsibility_changes() -> None:
    resp = Responsibility(text="Sekretariatet")
    old = _plan(("A", (_m(1, "Fagdag", responsibility=resp),)))
    other = MeasureRef(plan="en-annen-plan", measure=1, focus_area=1)
    new = _plan(("A", (_m(1, "Fagdag", responsibility=Responsibility(text="OSU"),
                          carried_over_from=other),)), id="b")  # fmt: skip
    (m,) = diff(old, new).matched
    assert (m.how, m.changed) == ("text", ("responsibility",))


def test_the_seed_plans() -> None:
    """2015 → 2016-2017 (seeds 001 and 002): the seed says activities continue but names
    none, so nothing is carried over; the areas and measures are new."""
    d = diff(khs.action_plan_2015(), khs.action_plan_2016_2017())
    assert d.carried == () and d.matched == ()
    assert (len(d.added), len(d.removed)) == (22, 11)
    assert [c.kind for c in d.focus_areas].count("added") == 5


# ---------------------------------------------------------------- the command line


def test_cli_diff(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    old, new = tmp_path / "old.json", tmp_path / "new.json"
    plan = khs.action_plan_2015()
    khsmodel.dump(plan, old)
    khsmodel.dump(plan.next_plan(title="Handlingsplan 2016", period=NEXT, carry=[(3, 1)]), new)
    assert main(["diff", str(old), str(new)]) == 0
    out = capsys.readouterr().out
    # the new plan's language: Bokmål
    assert "videreført: 3.1 'Gi oppdatert" in out and "ikke med: 1.1" in out
    assert main(["diff", str(old), str(new), "--report", "json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["summary"]["carried_over"] == 1 and data["old_file"] == str(old)
    assert main(["diff", str(old), str(old)]) == 0
    assert "ingen endringer" in capsys.readouterr().out
    assert main(["diff", str(old), str(tmp_path / "missing.json")]) == 2
    case = tmp_path / "case.json"
    khsmodel.dump(khs.case_osu_2_2016(), case)
    assert main(["diff", str(old), str(case)]) == 1
    bad = tmp_path / "bad.json"
    bad.write_text('{"format": "khsmodel", "format_version": 1, "kind": "action_plan"}')
    assert main(["diff", str(bad), str(old)]) == 1
    with pytest.raises(SystemExit):
        main(["diff", "-h"])
    assert "khsmodel diff handlingsplan-2015.json" in capsys.readouterr().out


@settings(max_examples=30, deadline=None)
@given(plan=ks.action_plans(), data=st.data())
def test_removing_measures_is_seen_as_removed(plan: ActionPlan, data: st.DataObject) -> None:
    """Measures dropped from a plan (the rest renumbered) come out as removed, with their
    texts, and nothing else changes."""
    pairs = [(fa.number, m) for fa, m in plan.iter_measures()]
    drop = data.draw(st.sets(st.sampled_from(range(len(pairs))) if pairs else st.nothing()),
                     label="dropped")  # fmt: skip
    kept: dict[int, list[Measure]] = {}
    for k, (n, m) in enumerate(pairs):
        if k not in drop:
            kept.setdefault(n, []).append(m)
    areas = tuple(
        khsmodel._base.evolve(fa, measures=tuple(
            khsmodel._base.evolve(m, number=i) for i, m in enumerate(kept.get(fa.number, []), 1)))
        for fa in plan.focus_areas
    )  # fmt: skip
    d = diff(plan, khsmodel._base.evolve(plan, focus_areas=areas))
    assert sorted(p.text for p in d.removed) == sorted(pairs[k][1].text for k in drop)
    assert d.added == () and d.carried == () and d.focus_areas == ()


# ---------------------------------------------------------------- the similar-text step's shortcuts
_WORDS = st.lists(st.sampled_from(["og", "i", "tiltak", "barn", "unge", "rus", "plan"]), max_size=9)


@settings(max_examples=300, deadline=None)
@given(_WORDS, _WORDS)
def test_bag_bound_is_sequence_matchers_quick_ratio(a: list[str], b: list[str]) -> None:
    """The bound diff() filters candidates by equals SequenceMatcher.quick_ratio (so it
    drops no pair the ratio would keep), repeated words counted as often as they occur."""
    import difflib

    from khsmodel.plandiff import _bag

    if not a and not b:
        return
    quick = difflib.SequenceMatcher(None, a, b, autojunk=False).quick_ratio()
    assert 2.0 * len(_bag(a) & _bag(b)) / (len(a) + len(b)) == quick


@settings(max_examples=300, deadline=None)
@given(st.lists(st.integers(0, 30), min_size=1, max_size=80), st.integers(1, 10))
def test_most_shared_is_counters_most_common(proposed: list[int], n: int) -> None:
    """The candidates are Counter.most_common's, ties in the order they were proposed."""
    from collections import Counter

    from khsmodel.plandiff import _most_shared

    shared = Counter(proposed)
    assert _most_shared(shared, n) == [i for i, _ in shared.most_common(n)]


@settings(max_examples=400, deadline=None)
@given(_WORDS, _WORDS)
def test_matched_words_give_sequence_matchers_ratio(a: list[str], b: list[str]) -> None:
    """diff()'s own count of matched words gives exactly SequenceMatcher's ratio (the
    threshold 0.75 is compared with the same float)."""
    import difflib

    from khsmodel.plandiff import _matched

    if not a and not b:
        return
    b2j: dict[str, list[int]] = {}
    for k, w in enumerate(b):
        b2j.setdefault(w, []).append(k)
    expected = difflib.SequenceMatcher(None, a, b, autojunk=False).ratio()
    assert 2.0 * _matched(a, b2j, len(b)) / (len(a) + len(b)) == expected


@pytest.mark.parametrize(("language", "words"), [
    ("nb", ("videreført: 3.1", "ikke med: 1.1", "videreført (tekst, ansvar): 2.1",
            "nytt fokusområde: 4", "videreført: 2, endret: 1, nye: 0, ikke med: 9, "
            "endringer i fokusområdene: 1")),
    ("nn", ("vidareført: 3.1", "ikkje med: 1.1", "vidareført (tekst, ansvar): 2.1",
            "nytt fokusområde: 4", "vidareført: 2, endra: 1, nye: 0, ikkje med: 9, "
            "endringar i fokusområda: 1")),
    ("en", ("carried over: 3.1", "removed: 1.1", "carried over (text, responsibility): 2.1",
            "focus area added: 4", "2 carried over, 1 changed, 0 added, 9 removed, "
            "1 focus area change(s)")),
])  # fmt: skip
def test_diff_text_in_the_new_plans_language(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], language: str, words: tuple[str, ...]
) -> None:
    """The text output is in the words of the new plan's language, as the documents beside
    it are; the JSON keeps its English keys (data)."""
    plan = khs.action_plan_2015()
    nxt = plan.next_plan(title="Handlingsplan 2016", period=NEXT, carry=[(3, 1), (2, 1)])
    nxt = nxt.evolve_measure(2, 1, responsibility=Responsibility(text="Kommunene"),
                             text=nxt.focus_areas[1].measures[0].text + " i alle kommuner")
    nxt = attrs.evolve(nxt, language=language, focus_areas=(
        *nxt.focus_areas, FocusArea(number=4, title="Nytt område")))  # fmt: skip
    d = diff(plan, nxt)
    for w in words:
        assert w in d.text(), (w, d.text())
    assert d.text() == d.text(for_language(language))
    old, new = tmp_path / "old.json", tmp_path / "new.json"
    khsmodel.dump(plan, old)
    khsmodel.dump(nxt, new)
    assert main(["diff", str(old), str(new)]) == 0
    assert capsys.readouterr().out == d.text() + "\n"
    assert main(["diff", str(old), str(new), "--report", "json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert set(data["summary"]) == {"carried_over", "changed", "added", "removed", "focus_areas",
                                    "followup"}
    assert data["focus_areas"][0]["kind"] == "added"
