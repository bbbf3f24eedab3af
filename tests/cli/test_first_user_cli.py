"""What a first user's review of the command line found: each message says what happened,
in the words of the command that was typed (diff, option typos, dates, empty files, kinds)."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import attrs
import pytest

import khsmodel
from khsmodel import ActionPlan, MeasureStatus, ProgressEntry
from khsmodel.cli import main
from khsmodel.labels import EN, NN
from tests.support import export_samples as samples


@pytest.fixture
def plan() -> ActionPlan:
    return samples.action_plan()


def _dump(doc: khsmodel.Document, path: Path) -> str:
    khsmodel.dump(doc, path)
    return str(path)


# ---------------------------------------------------------------- 1. diff and status
def test_diff_lists_a_changed_status_and_never_says_no_changes(
    plan: ActionPlan, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    fa, m = next(iter(plan.iter_measures()))
    done = plan.evolve_measure(fa.number, m.number, status=MeasureStatus.DONE, progress=(
        ProgressEntry(date=dt.date(2016, 5, 1), text="Holdt", status=MeasureStatus.DONE),))
    old, new = _dump(plan, tmp_path / "old.json"), _dump(done, tmp_path / "new.json")
    assert main(["diff", old, new]) == 0
    out = capsys.readouterr().out
    where = f"{fa.number}.{m.number} {m.text!r}"
    assert out == (
        f"{plan.title} → {plan.title}\n"
        f"endret (status, oppfølging): {where} → {where}\n"
        "videreført: 0, endret: 0, nye: 0, ikke med: 0, endringer i fokusområdene: 0, "
        "ny status eller oppfølging: 1\n"
    )
    assert "ingen endringer" not in out
    assert main(["diff", old, new, "--report", "json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["summary"]["followup"] == 1
    assert data["followup"][0]["followup"] == ["status", "progress"]
    assert data["changed"] == []
    d = khsmodel.diff(plan, done)
    assert d and not d.content_changed() and d.followed_up[0].changed == ()
    assert d.text(NN).splitlines()[1].startswith("endra (status, oppfølging): ")
    assert d.text(EN).splitlines()[-1].endswith(", 1 with new status or progress")


def test_diff_says_what_it_compared_when_plans_differ_elsewhere(
    plan: ActionPlan, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    other = attrs.evolve(plan, id="another-id")
    old, new = _dump(plan, tmp_path / "old.json"), _dump(other, tmp_path / "new.json")
    assert main(["diff", old, new]) == 0
    assert capsys.readouterr().out == (
        f"{plan.title} → {plan.title}: ingen endringer i fokusområdene eller i tiltakenes "
        "tekst, beskrivelse, ansvar, tidsramme, status og oppfølging (planene er ulike i "
        "andre felt)\n"
    )
    assert main(["diff", old, old]) == 0  # literally the same plan: "ingen endringer"
    assert capsys.readouterr().out == f"{plan.title} → {plan.title}: ingen endringer\n"


def test_a_carried_over_measure_is_not_reported_for_its_fresh_status(plan: ActionPlan) -> None:
    fa, m = next(iter(plan.iter_measures()))
    started = plan.evolve_measure(fa.number, m.number, status=MeasureStatus.STARTED)
    started = attrs.evolve(started, id="hp-old")
    nxt = started.next_plan(title="Neste", id="hp-new", period=khsmodel.Period(
        start=dt.date(2018, 1, 1), end=dt.date(2018, 12, 31)))
    d = khsmodel.diff(started, nxt)
    assert d.carried and d.followed_up == () and all(c.followup == () for c in d.carried)
