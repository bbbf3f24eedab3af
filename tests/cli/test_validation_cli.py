"""``khsmodel validate``: exit codes 0/1/2, text and JSON output, --select/--ignore."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from khsmodel import dump, dumps
from khsmodel.cli import main
from tests.support.validation_helpers import BASES, put

ROOT = Path(__file__).resolve().parents[2]


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = main(["validate", *args])
    out = capsys.readouterr()
    return code, out.out, out.err


@pytest.fixture
def files(tmp_path: Path) -> dict[str, str]:
    """clean: no finding; warn: one warning; bad: two errors and a warning; broken: does not load."""
    plan = BASES["plan"]()
    paths = {name: tmp_path / f"{name}.json" for name in ("clean", "warn", "bad", "broken")}
    dump(plan, paths["clean"])
    dump(put(plan, "focus_areas[0].measures[0].responsibility", None), paths["warn"])
    bad = put(put(plan, "owner", "nobody"), "focus_areas[1].number", 1)
    dump(put(bad, "focus_areas[0].measures[0].responsibility", None), paths["bad"])
    data = json.loads(dumps(plan))
    data["title"] = 7
    data["partnership"]["parties"][0]["organisation_number"] = "972418014"
    paths["broken"].write_text(json.dumps(data), encoding="utf-8")
    return {k: str(v) for k, v in paths.items()}


def test_exit_0_for_a_clean_file(capsys: pytest.CaptureFixture[str], files: dict[str, str]) -> None:
    code, out, err = run(capsys, files["clean"])
    assert (code, out, err) == (0, "1 file checked: 0 errors, 0 warnings, 0 info\n", "")


def test_exit_0_with_warnings_only(
    capsys: pytest.CaptureFixture[str], files: dict[str, str]
) -> None:
    code, out, _ = run(capsys, files["warn"])
    assert code == 0
    lines = out.splitlines()
    assert lines[0].startswith(
        f"{files['warn']}:$.focus_areas[0].measures[0].responsibility: PLAN008 warning "
    )
    assert lines[1] == "1 file checked: 0 errors, 1 warning, 0 info"


def test_exit_1_with_errors_one_line_per_finding(
    capsys: pytest.CaptureFixture[str], files: dict[str, str]
) -> None:
    code, out, err = run(capsys, files["bad"], files["clean"])
    assert code == 1 and err == ""
    lines = out.splitlines()
    prefixes = [line.split(" ", 3)[:3] for line in lines[:-1]]
    assert prefixes == [
        [f"{files['bad']}:$.owner:", "DOC004", "error"],
        [f"{files['bad']}:$.focus_areas[0].measures[0].responsibility:", "PLAN008", "warning"],
        [f"{files['bad']}:$.focus_areas[1].number:", "PLAN003", "error"],
    ]
    assert lines[-1] == "2 files checked: 2 errors, 1 warning, 0 info"


def test_file_that_does_not_load_gives_load_findings(
    capsys: pytest.CaptureFixture[str], files: dict[str, str]
) -> None:
    code, out, _ = run(capsys, "--format", "json", files["broken"])
    assert code == 1
    rows = json.loads(out)
    assert {(r["code"], r["severity"], r["path"]) for r in rows} == {
        ("LOAD001", "error", "$.title"),
        ("LOAD001", "error", "$.partnership.parties[0].organisation_number"),
    }
    assert any("mod-11" in r["message"] for r in rows)
    assert all(r["file"] == files["broken"] for r in rows)


def test_load_findings_are_not_ignored(
    capsys: pytest.CaptureFixture[str], files: dict[str, str]
) -> None:
    code, out, _ = run(capsys, "--ignore", "LOAD,DOC", files["broken"])
    assert code == 1 and out.count(" LOAD001 error ") == 2


def test_json_format(capsys: pytest.CaptureFixture[str], files: dict[str, str]) -> None:
    code, out, _ = run(capsys, "--format", "json", files["bad"], files["warn"])
    assert code == 1
    rows = json.loads(out)
    assert [list(r) for r in rows] == [["file", "code", "severity", "path", "message"]] * 4
    assert [(Path(r["file"]).stem, r["code"]) for r in rows] == [
        ("bad", "DOC004"), ("bad", "PLAN008"), ("bad", "PLAN003"), ("warn", "PLAN008"),
    ]  # fmt: skip
    code, out, _ = run(capsys, "--format", "json", files["clean"])
    assert (code, json.loads(out)) == (0, [])


def test_select_and_ignore(capsys: pytest.CaptureFixture[str], files: dict[str, str]) -> None:
    code, out, _ = run(capsys, "--select", "PLAN", files["bad"])
    assert code == 1 and "DOC004" not in out and "PLAN003" in out and "PLAN008" in out
    code, out, _ = run(capsys, "--select", "PLAN008", files["bad"])
    assert code == 0 and out.splitlines()[-1] == "1 file checked: 0 errors, 1 warning, 0 info"
    code, out, _ = run(capsys, "--ignore", "DOC004,PLAN003", files["bad"])
    assert code == 0
    code, out, _ = run(capsys, "--ignore", "DOC", "--ignore", "plan00", files["bad"])
    assert code == 0 and out == "1 file checked: 0 errors, 0 warnings, 0 info\n"


def test_unknown_rule_code_is_a_usage_error(
    capsys: pytest.CaptureFixture[str], files: dict[str, str]
) -> None:
    code, out, err = run(capsys, "--select", "PLN", files["bad"])
    assert code == 2 and out == "" and "'PLN' matches no rule" in err


def test_missing_file_exits_2(capsys: pytest.CaptureFixture[str], files: dict[str, str]) -> None:
    code, out, err = run(capsys, files["bad"], "/nonexistent/plan.json")
    assert code == 2
    assert "/nonexistent/plan.json: cannot read: No such file or directory" in err
    assert "DOC004" in out and out.splitlines()[-1].startswith("1 file checked: 2 errors")


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (
            b"{not json",
            "not JSON: Expecting property name enclosed in double quotes (line 1, column 2)",
        ),
        (b"\xff\xfe{}", "not UTF-8 text: byte 0xFF at line 1, column 1"),
        (b"", "the file is empty"),  # not "Expecting value (line 1, column 1)"
    ],
)
def test_not_json_exits_2(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, content: bytes, message: str
) -> None:
    path = tmp_path / "x.json"
    path.write_bytes(content)
    code, _, err = run(capsys, str(path))
    assert code == 2 and f"{path}: {message}" in err


def test_json_that_is_not_a_document_exits_1(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    path = tmp_path / "list.json"
    path.write_text("[1, 2]", encoding="utf-8")
    code, out, _ = run(capsys, str(path))
    assert code == 1
    assert (
        out.splitlines()[0]
        == f"{path}:$: LOAD001 error the file does not load: expected an object, got an array"
    )


@pytest.mark.parametrize("args", [[], ["--format", "xml", "a.json"], ["--nope", "a.json"]])
def test_usage_errors_exit_2(capsys: pytest.CaptureFixture[str], args: list[str]) -> None:
    with pytest.raises(SystemExit) as info:
        main(["validate", *args])
    assert info.value.code == 2
    assert "usage: khsmodel" in capsys.readouterr().err


def test_every_example_file_validates_without_error(capsys: pytest.CaptureFixture[str]) -> None:
    examples = sorted(str(p) for p in (ROOT / "examples" / "documents").glob("*.json"))
    assert len(examples) >= 12
    code, out, _ = run(capsys, *examples)
    assert code == 0, out
    assert out.splitlines()[-1].startswith(f"{len(examples)} files checked: 0 errors")


def test_console_script(files: dict[str, str]) -> None:
    exe = Path(sys.executable).with_name("khsmodel")
    cmd = [str(exe)] if exe.exists() else [sys.executable, "-m", "khsmodel.cli"]
    done = subprocess.run([*cmd, "validate", files["bad"]], capture_output=True, text=True)
    assert done.returncode == 1 and "PLAN003 error" in done.stdout
    done = subprocess.run([*cmd, "validate", "--help"], capture_output=True, text=True)
    assert done.returncode == 0 and "--select CODES" in done.stdout
