"""Format versions: files of version 1 keep loading, ``migrate`` and ``khsmodel migrate``.

tests/fixtures/v1/ holds every example document exactly as khsmodel wrote it at
format version 1 (the last version-1 examples, copied before version 2 existed).
They must keep loading; they load to the examples as they are now, except where
an example has since been given the precision its source has (a year where
version 1 had to write a day: "i 2009" was 2009-01-01).
"""

from __future__ import annotations

import datetime as dt
import json
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import attrs
import pytest
from hypothesis import HealthCheck, assume, given, settings

import khsmodel as k
from khsmodel import strategies as ks
from khsmodel.migration import SUPPORTED_VERSIONS
from khsmodel.serialization import from_data, to_data

ROOT = Path(__file__).resolve().parents[2]
V1 = sorted((ROOT / "tests" / "fixtures" / "v1").glob("*.json"))
CURRENT = ROOT / "examples" / "documents"

#: Fields whose partial date version 1 wrote as its first day, and as its last.
_STARTS = {"start", "valid_from", "established"}
_ENDS = {"end", "valid_to", "dissolved"}


def _as_v1_days(obj: Any) -> Any:
    """``obj`` with every PartialDate replaced by the day version 1 had to write for it."""
    if isinstance(obj, tuple):
        return tuple(_as_v1_days(x) for x in obj)
    if not attrs.has(type(obj)) or isinstance(obj, k.PartialDate):
        return obj
    if isinstance(obj, k.HistoryEntry) and obj.when == "Høsten 2014":
        # the one day version 1's example read into a season: autumn as 1 September
        return attrs.evolve(obj, start=dt.date(2014, 9, 1))
    changes = {}
    for a in attrs.fields(type(obj)):
        value = getattr(obj, a.name)
        if isinstance(value, k.PartialDate):
            assert a.name in _STARTS | _ENDS, a.name
            changes[a.name] = value.first if a.name in _STARTS else value.last
        else:
            new = _as_v1_days(value)
            if new is not value:
                changes[a.name] = new
    return attrs.evolve(obj, **changes) if changes else obj


def test_every_example_has_a_v1_fixture() -> None:
    assert [p.name for p in V1] == sorted(p.name for p in CURRENT.glob("*.json"))
    assert all(json.loads(p.read_text(encoding="utf-8"))["format_version"] == 1 for p in V1)


@pytest.mark.parametrize("path", V1, ids=lambda p: p.stem)
def test_v1_fixture_loads_to_its_v2_form(path: Path) -> None:
    v1_text = path.read_text(encoding="utf-8")
    old = k.loads(v1_text)
    migrated = k.migrate(json.loads(v1_text))
    assert migrated["format_version"] == k.documents.FORMAT_VERSION == 2
    assert "adoption" not in json.dumps(migrated).replace('"adoptions"', "")
    assert from_data(migrated) == old
    # its v2 form (as khsmodel migrate writes it) loads to the same document
    assert k.loads(json.dumps(migrated, ensure_ascii=False)) == old


@pytest.mark.parametrize("path", V1, ids=lambda p: p.stem)
def test_v1_fixture_is_the_example_with_the_days_v1_wrote(path: Path) -> None:
    old = k.loads(path.read_text(encoding="utf-8"))
    now = k.load(CURRENT / path.name)
    if isinstance(old, k.CaseDocument):
        # the v1 case attaches the plan as adopted (a nested v1 adoption to migrate, see
        # below); the example now attaches it as the proposal it was before the meeting
        old = attrs.evolve(old, attachments=tuple(
            attrs.evolve(a, document=attrs.evolve(
                a.document, status=k.PlanStatus.PROPOSED, adoptions=()))
            if isinstance(a.document, k.ActionPlan) else a
            for a in old.attachments))  # fmt: skip
    assert old == _as_v1_days(now)


def test_the_v1_plan_has_its_adoption_as_a_one_element_tuple() -> None:
    plan = k.load(ROOT / "tests/fixtures/v1/002-khs-handlingsplan-2016-2017.json")
    assert isinstance(plan, k.ActionPlan)
    assert [(a.body, a.date) for a in plan.adoptions] == [("osu", dt.date(2016, 2, 8))]
    # and inside a case document, the attached plan's
    case = k.load(ROOT / "tests/fixtures/v1/000-osu-sak-2-2016-saksframlegg.json")
    assert isinstance(case, k.CaseDocument)
    attached = [a.document for a in case.attachments if isinstance(a.document, k.ActionPlan)]
    assert attached and all(len(p.adoptions) == 1 for p in attached)


def _plan_v1(**fields: Any) -> dict[str, Any]:
    return {"format": "khsmodel", "format_version": 1, "kind": "action_plan",
            "title": "Handlingsplan", **fields}  # fmt: skip


def test_v1_null_adoption_is_no_adoption() -> None:
    plan = from_data(_plan_v1(adoption=None))
    assert isinstance(plan, k.ActionPlan) and plan.adoptions == ()


def test_v1_file_with_a_v2_key_is_refused_with_its_path() -> None:
    with pytest.raises(k.InvalidDocumentError) as info:
        k.loads(json.dumps(_plan_v1(adoptions=[{"body": "osu"}])))
    assert [e.path for e in info.value.errors] == ["$.adoptions"]
    # nested: a plan attached to a meeting's case
    meeting = {"format": "khsmodel", "format_version": 1, "kind": "meeting", "title": "Møte",
               "date": "2016-02-08", "agenda": [{"number": "1", "title": "Sak", "case_document": {
                   "title": "Sak", "case_number": "2/2016", "attachments": [{"number": 1,
                   "title": "Plan", "document": {"kind": "action_plan", "title": "Plan",
                                                 "adoptions": []}}]}}]}  # fmt: skip
    with pytest.raises(k.InvalidDocumentError) as info:
        k.migrate(meeting)
    assert [e.path for e in info.value.errors] == [
        "$.agenda[0].case_document.attachments[0].document.adoptions"
    ]


def test_v2_file_with_the_v1_key_is_refused_with_the_key_meant() -> None:
    data = {**_plan_v1(adoption={"body": "osu"}), "format_version": 2}
    with pytest.raises(k.InvalidDocumentError) as info:
        k.loads(json.dumps(data))
    [error] = info.value.errors
    assert error.path == "$.adoption" and "'adoptions'" in error.message


@pytest.mark.parametrize(
    ("data", "path"),
    [
        ([], "$"),
        ({"format": "other", "format_version": 1}, "$"),
        ({"format": "khsmodel", "format_version": 3, "kind": "action_plan"}, "$.format_version"),
        ({"format": "khsmodel", "format_version": "1", "kind": "action_plan"}, "$.format_version"),
        ({"format": "khsmodel", "kind": "action_plan"}, "$.format_version"),
    ],
)
def test_migrate_refuses_what_is_not_a_readable_document(data: Any, path: str) -> None:
    with pytest.raises(k.InvalidDocumentError) as info:
        k.migrate(data)
    assert [e.path for e in info.value.errors] == [path]


def test_migrate_does_not_change_its_input() -> None:
    data = json.loads((ROOT / "tests/fixtures/v1/000-osu-sak-2-2016-saksframlegg.json").read_text())
    before = json.dumps(data)
    k.migrate(data)
    assert json.dumps(data) == before
    assert list(SUPPORTED_VERSIONS) == [1, 2]


# ---------------------------------------------------------------------------
# Properties: a v1 plan loads to the same plan as its v2 form; migrate is idempotent


def _to_v1(data: Any) -> Any:
    """The version 1 form of version 2 data (plain data), where there is one."""
    if isinstance(data, list):
        return [_to_v1(x) for x in data]
    if not isinstance(data, dict):
        return data
    out: dict[str, Any] = {}
    for key, value in data.items():
        if key == "adoptions":  # only plans have it
            assert len(value) == 1  # callers assume() at most one adoption per plan
            out["adoption"] = _to_v1(value[0])
        elif key == "format_version":
            out[key] = 1
        else:
            out[key] = _to_v1(value)
    return out


def _plans_in(doc: Any) -> list[k.ActionPlan]:
    if isinstance(doc, k.ActionPlan):
        return [doc]
    if isinstance(doc, k.CaseDocument):
        return [p for a in doc.attachments for p in _plans_in(a.document)]
    if isinstance(doc, k.Meeting):
        return [p for i in doc.agenda if i.case_document for p in _plans_in(i.case_document)]
    return []


_SETTINGS = settings(max_examples=40, deadline=None, suppress_health_check=list(HealthCheck))


@_SETTINGS
@given(ks.documents(kinds=("action_plan", "case_document", "meeting")))
def test_v1_form_loads_to_the_same_document(doc: k.Document) -> None:
    assume(all(len(p.adoptions) <= 1 for p in _plans_in(doc)))
    v2 = to_data(doc)
    v1 = _to_v1(v2)
    assert v1["format_version"] == 1
    assert k.loads(json.dumps(v1, ensure_ascii=False)) == doc
    assert k.migrate(v1) == v2


@_SETTINGS
@given(ks.documents())
def test_migrate_is_idempotent(doc: k.Document) -> None:
    v2 = to_data(doc)
    assert k.migrate(v2) is v2
    if all(len(p.adoptions) <= 1 for p in _plans_in(doc)):
        once = k.migrate(_to_v1(v2))
        assert k.migrate(once) is once


# ---------------------------------------------------------------------------
# khsmodel migrate


def _cli(*args: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "PYTHONPATH": str(ROOT / "src")}
    return subprocess.run([sys.executable, "-m", "khsmodel", "migrate", *args], cwd=cwd,
                          env=env, capture_output=True, text=True, check=False)  # fmt: skip


def test_cli_migrates_every_fixture_once(tmp_path: Path) -> None:
    names = [p.name for p in V1]
    for p in V1:
        (tmp_path / p.name).write_bytes(p.read_bytes())
    check = _cli("--check", *names, cwd=tmp_path)
    assert check.returncode == 1, check.stderr
    assert check.stdout.splitlines() == [f"{n}: would be migrated from version 1 to 2" for n in names]
    assert all((tmp_path / n).read_bytes() == (ROOT / "tests/fixtures/v1" / n).read_bytes()
               for n in names)  # fmt: skip
    done = _cli(*names, cwd=tmp_path)
    assert done.returncode == 0, done.stderr
    assert done.stdout.splitlines() == [f"{n}: migrated from version 1 to 2" for n in names]
    for p in V1:
        rewritten = (tmp_path / p.name).read_text(encoding="utf-8")
        assert json.loads(rewritten)["format_version"] == 2
        assert k.loads(rewritten) == k.loads(p.read_text(encoding="utf-8"))
    snapshot = {n: (tmp_path / n).read_bytes() for n in names}
    again = _cli(*names, cwd=tmp_path)
    assert again.returncode == 0
    assert again.stdout.splitlines() == [f"{n}: up to date (version 2)" for n in names]
    assert {n: (tmp_path / n).read_bytes() for n in names} == snapshot
    assert _cli("--check", *names, cwd=tmp_path).returncode == 0
    assert sorted(x.name for x in tmp_path.iterdir()) == sorted(names)  # no temporary files


def test_cli_leaves_a_file_that_does_not_load_untouched(tmp_path: Path) -> None:
    bad = tmp_path / "bad.json"
    bad.write_text(json.dumps(_plan_v1(adoption={"body": "osu", "date": "2016-02-30"})))
    before = bad.read_bytes()
    result = _cli("bad.json", cwd=tmp_path)
    assert result.returncode == 1
    assert result.stdout.startswith("bad.json:$.adoptions[0].date: ")
    assert bad.read_bytes() == before


def test_cli_unreadable_and_foreign_files(tmp_path: Path) -> None:
    (tmp_path / "x.json").write_text("{not json")
    (tmp_path / "other.json").write_text('{"name": "not ours"}')
    (tmp_path / "new.json").write_text(json.dumps({**_plan_v1(), "format_version": 9}))
    assert _cli("missing.json", cwd=tmp_path).returncode == 2
    broken = _cli("x.json", cwd=tmp_path)
    assert broken.returncode == 2 and "x.json: not JSON" in broken.stderr
    foreign = _cli("other.json", "new.json", cwd=tmp_path)
    assert foreign.returncode == 1
    lines = foreign.stdout.splitlines()
    assert lines[0].startswith("other.json:$: not a khsmodel document")
    assert lines[1].startswith("new.json:$.format_version: unsupported format version")


def test_cli_help_has_an_example() -> None:
    result = _cli("-h", cwd=ROOT)
    assert result.returncode == 0
    assert "khsmodel migrate --check *.json" in result.stdout


def test_v1_files_take_the_fast_loader(monkeypatch: pytest.MonkeyPatch) -> None:
    """Migration runs on the raw data first, so a valid v1 file never needs the detailed
    converter (the slow path that collects errors)."""
    from khsmodel import serialization

    fast = serialization._converter
    monkeypatch.setattr(serialization, "_converter",
                        lambda detailed=True: pytest.fail("detailed") if detailed else fast(False))  # fmt: skip
    for path in V1:
        assert k.loads(path.read_bytes()) is not None
