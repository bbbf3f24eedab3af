"""What a first user's review of the command line found: each message says what happened,
in the words of the command that was typed (diff, option typos, dates, empty files, kinds)."""

from __future__ import annotations

import argparse
import datetime as dt
import json
from pathlib import Path

import attrs
import pytest

import khsmodel
from khsmodel import ActionPlan, MeasureStatus, ProgressEntry
from khsmodel.cli import _common, main
from khsmodel.labels import EN, NB, NN
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
    was = NB.measure_status[m.status] if m.status else "Uten status"
    assert out == (
        f"{plan.title} → {plan.title}\n"
        f"endret (status, oppfølging): {where} → {where}; status: {was} → Gjennomført\n"
        "videreført: 0, endret: 0, nye: 0, ikke med: 0, endringer i fokusområdene: 0, "
        "ny status eller oppfølging: 1\n"
    )
    assert "ingen endringer" not in out
    assert main(["diff", old, new, "--report", "json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["summary"]["followup"] == 1
    assert data["followup"][0]["followup"] == ["status", "progress"]
    assert data["followup"][0]["new"]["status"] == "done"
    assert data["followup"][0]["old"]["status"] == (m.status.value if m.status else None)
    assert data["changed"] == []
    d = khsmodel.diff(plan, done)
    assert d and not d.content_changed() and d.followed_up[0].changed == ()
    assert d.text(NN).splitlines()[1].startswith("endra (status, oppfølging): ")
    assert d.text(NN).splitlines()[1].endswith(" → Gjennomført")
    assert d.text(EN).splitlines()[1].endswith("; status: " + (
        EN.measure_status[m.status] if m.status else EN.status_report["no_status"]) + " → Done")
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


# ---------------------------------------------------------------- 2. a mistyped option
def _subparsers() -> dict[str, argparse.ArgumentParser]:
    from khsmodel.cli import build_parser

    (sub,) = [a for a in build_parser()._actions if isinstance(a, argparse._SubParsersAction)]
    return dict(sub.choices)


def _usage_error(argv: list[str], capsys: pytest.CaptureFixture[str]) -> str:
    with pytest.raises(SystemExit) as info:
        main(argv)
    assert info.value.code == 2
    return capsys.readouterr().err


def test_a_mistyped_option_is_named_before_a_missing_required_one(
    plan: ActionPlan, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = _dump(plan, tmp_path / "x.json")
    err = _usage_error(["export", path, "--fromat", "pdf"], capsys)
    assert err.startswith("usage: khsmodel export ")
    assert err.endswith(
        "khsmodel export: error: unrecognized argument --fromat (did you mean --format?)\n"
    )
    assert "required" not in err
    err = _usage_error(["export", path, "-f", "pdf", "--out-dri", "out"], capsys)
    assert err.startswith("usage: khsmodel export ")
    assert err.endswith(
        "khsmodel export: error: unrecognized argument --out-dri (did you mean --out-dir?)\n"
    )
    assert not (tmp_path / "out").exists()
    # a leftover argument is the subcommand's too, not the top level's
    err = _usage_error(["diff", path, path, path], capsys)
    assert err.startswith("usage: khsmodel diff ")
    assert err.endswith(f"khsmodel diff: error: unrecognized argument {path}\n")


@pytest.mark.parametrize("command", sorted(_subparsers()))
def test_every_subcommand_suggests_the_option_meant(
    command: str, capsys: pytest.CaptureFixture[str]
) -> None:
    sub = _subparsers()[command]
    longs = [o for o in sub._option_string_actions if o.startswith("--") and o != "--help"]
    option = longs[0] if longs else "--help"
    typo = option[:3] + option[4] + option[3] + option[5:]  # two letters swapped
    err = _usage_error([command, typo, "value"], capsys)
    assert err.startswith(f"usage: khsmodel {command} ")
    assert err.endswith(
        f"khsmodel {command}: error: unrecognized argument {typo} (did you mean {option}?)\n"
    )


def test_values_abbreviations_and_double_dash_are_not_taken_for_options(
    plan: ActionPlan, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = _dump(plan, tmp_path / "plan.json")
    out = tmp_path / "p.json"
    assert main(["export", path, "--form", "json", "-o", str(out)]) == 0  # an abbreviation
    assert out.is_file()
    assert main(["export", path, "-fjson", "-o", str(out)]) == 0  # -f with its value attached
    capsys.readouterr()
    assert main(["validate", "--", "--no-such.json"]) == 2  # a file name after --
    err = capsys.readouterr().err
    assert "khsmodel validate: error: --no-such.json: cannot read: " in err
    assert "unrecognized" not in err


# ---------------------------------------------------------------- 3. dates
@pytest.mark.parametrize(("option", "value", "message"), [
    ("--as-of", "2016-02-30", "'2016-02-30' is not a real calendar date (YYYY-MM-DD)"),
    ("--as-of", "2016-13-01", "'2016-13-01' is not a real calendar date (YYYY-MM-DD)"),
    ("--since", "2015-02-29", "'2015-02-29' is not a real calendar date (YYYY-MM-DD)"),
    ("--as-of", "2016-2-3", "expected a date as YYYY-MM-DD, got '2016-2-3'"),
    ("--since", "2016-W01-1", "expected a date as YYYY-MM-DD, got '2016-W01-1'"),
])  # fmt: skip
def test_a_date_option_says_whether_the_form_or_the_day_is_wrong(
    option: str, value: str, message: str, plan: ActionPlan, tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
) -> None:
    path = _dump(plan, tmp_path / "plan.json")
    others = ["--as-of", "2016-09-01"] if option == "--since" else []
    err = _usage_error(["report", path, *others, option, value, "-f", "json",
                        "-o", str(tmp_path / "r.json")], capsys)  # fmt: skip
    assert err.endswith(f"khsmodel report: error: argument {option}: {message}\n")
    # every option of the CLI that reads a date reads it so
    dated = [(name, a) for name, sub in _subparsers().items() for a in sub._actions
             if a.metavar == "DATE" or "date" in (a.help or "").lower().split()]  # fmt: skip
    assert {a.dest for _, a in dated} >= {"as_of", "since"}
    assert all(a.type is _common.date_argument for _, a in dated), dated


# ---------------------------------------------------------------- 4. an empty file
@pytest.mark.parametrize(("content", "said"), [
    (b"", "the file is empty"),
    (b" \n\t\r\n", "the file is empty (white space only)"),
    (b"\xef\xbb\xbf\n", "the file is empty (white space only)"),
])  # fmt: skip
@pytest.mark.parametrize("command", [
    ["validate"], ["export", "-f", "pdf", "--out-dir", "OUT"], ["migrate"],
    ["report", "--as-of", "2016-09-01", "-f", "json", "-o", "OUT/r.json"],
    ["site", "--out-dir", "OUT"], ["diff", "PLAN"],
])  # fmt: skip
def test_an_empty_file_is_said_to_be_empty(
    command: list[str], content: bytes, said: str, plan: ActionPlan, tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
) -> None:
    empty = tmp_path / "empty.json"
    empty.write_bytes(content)
    other = _dump(plan, tmp_path / "plan.json")
    args = [a.replace("OUT", str(tmp_path / "out")) for a in command[1:]]
    args = [other if a == "PLAN" else a for a in args]
    assert main([command[0], str(empty), *args]) == 2
    assert capsys.readouterr().err == f"khsmodel {command[0]}: error: {empty}: {said}\n"
    assert not [p for p in (tmp_path / "out").rglob("*") if p.is_file()]  # nothing written


# ---------------------------------------------------------------- 5. a kind the format refuses
@pytest.mark.parametrize(("document", "fmt", "refusal"), [
    ("001-khs-handlingsplan-2015.json", "noark5",
     "exporter 'noark5' cannot export an action_plan (it supports: case_document, meeting)"),
    ("001-khs-partnership.json", "ics", "exporter 'ics' cannot export a partnership "
     "(it supports: meeting, action_plan, case_document, meeting_plan)"),
])  # fmt: skip
def test_a_kind_the_format_does_not_take_is_refused_before_validation(
    document: str, fmt: str, refusal: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    source = str(Path(__file__).resolve().parents[2] / "examples" / "documents" / document)
    if fmt == "noark5":  # the plan has warnings: validation printed a line for them first
        assert khsmodel.validate(khsmodel.load(source)).warnings
    assert main(["export", source, "-f", fmt, "--out-dir", str(tmp_path)]) == 1
    assert capsys.readouterr().err == f"{source}: {refusal}\n"
    assert list(tmp_path.iterdir()) == []


# ---------------------------------------------------------------- 6. README: loading a file
def test_the_readme_tour_loads_from_a_file_path() -> None:
    """The tour shows ``load``/``dump`` of a path beside ``loads`` (tests/test_docs.py runs the
    block); the example file its comment names exists and loads."""
    import re

    root = Path(__file__).resolve().parents[2]
    readme = (root / "README.md").read_text(encoding="utf-8")
    (tour, *_) = re.findall(r"^```python\n(.*?)^```", readme, re.S | re.M)
    assert 'k.dump(plan, "plan.json")' in tour and 'k.load("plan.json") == plan' in tour
    (named,) = re.findall(r'k\.load\("(examples/documents/[^"]+)"\)', tour)
    assert isinstance(khsmodel.load(root / named), ActionPlan)
