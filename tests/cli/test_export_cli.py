"""``khsmodel formats`` and ``khsmodel export``: outputs read back, exit codes, parallel runs."""

from __future__ import annotations

import io
import json
import subprocess
import sys
from pathlib import Path
from typing import ClassVar

import attrs
import pytest

import khsmodel
from khsmodel.cli import main

docx = pytest.importorskip("docx")

from tests.support import export_samples as samples  # noqa: E402


def _meeting() -> khsmodel.Meeting:
    """The sample meeting with its agenda case numbered in the meeting's year (valid: MEET005)."""
    m = samples.meeting()
    item = attrs.evolve(m.agenda[0], case_number=khsmodel.CaseNumber.parse("07-2022"))
    return attrs.evolve(m, agenda=(item, *m.agenda[1:]))


def _title(path: Path) -> str:
    d = docx.Document(io.BytesIO(path.read_bytes()))
    return str(next(p.text for p in d.paragraphs if p.style.name == "Title"))


@pytest.fixture
def inputs(tmp_path: Path) -> dict[str, Path]:
    src = tmp_path / "in"
    src.mkdir()
    paths = {
        "plan": src / "plan.json",
        "case": src / "sak.json",
        "meeting": src / "mote.json",
    }
    khsmodel.dump(samples.action_plan(), paths["plan"])
    khsmodel.dump(samples.case_document(), paths["case"])
    khsmodel.dump(_meeting(), paths["meeting"])
    bad = src / "bad.json"
    bad.write_text(
        json.dumps(
            {
                "format": "khsmodel",
                "format_version": 1,
                "kind": "action_plan",
                "title": 3,
                "focus_areas": [{"number": "1", "title": "x"}],
            }
        ),
        encoding="utf-8",
    )
    paths["bad"] = bad
    ctrl = src / "ctrl.json"
    plan = attrs.evolve(samples.action_plan(), title="Handlingsplan\x0b2016")
    khsmodel.dump(plan, ctrl)
    paths["ctrl"] = ctrl
    return paths


def test_formats(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["formats"]) == 0
    out = capsys.readouterr().out.splitlines()
    docx_line = next(line for line in out if line.startswith("docx "))
    assert ".docx" in docx_line
    assert "application/vnd.openxmlformats-officedocument.wordprocessingml.document" in docx_line
    json_line = next(line for line in out if line.startswith("json "))
    assert "application/json" in json_line
    assert out[out.index(docx_line) + 1].split() == [
        "kinds:",
        "partnership,",
        "agreement,",
        "action_plan,",
        "case_document,",
        "meeting,",
        "status_report,",
        "meeting_plan",
    ]


def test_export_one_beside_input(inputs: dict[str, Path]) -> None:
    assert main(["export", str(inputs["plan"]), "--format", "docx"]) == 0
    out = inputs["plan"].with_suffix(".docx")
    assert _title(out) == "Handlingsplan 2016-2017"
    assert out.read_bytes() == khsmodel.export(samples.action_plan(), "docx")


def test_export_with_output_name(inputs: dict[str, Path], tmp_path: Path) -> None:
    target = tmp_path / "Saksframlegg OSU 2-2016.docx"
    assert main(["export", str(inputs["case"]), "--format", "docx", "-o", str(target)]) == 0
    assert _title(target) == "Handlingsplan 2016-2017 for kommunehelsesamarbeidet"


@pytest.mark.parametrize("jobs", ["1", "2"])
def test_some_invalid_others_written(
    inputs: dict[str, Path], tmp_path: Path, jobs: str, capsys: pytest.CaptureFixture[str]
) -> None:
    out_dir = tmp_path / f"out{jobs}"
    out_dir.mkdir()
    files = [str(inputs[k]) for k in ("plan", "bad", "case", "ctrl", "meeting")]
    code = main(["export", *files, "--format", "docx", "--out-dir", str(out_dir), "--jobs", jobs])
    assert code == 1
    err = capsys.readouterr().err
    # every problem of the file that does not load, as validate prints it (LOAD001, path);
    # the control character is a validation error (DOC002) with its field: not exported
    assert (
        f"{inputs['bad']}:$.title: LOAD001 error the file does not load: expected a string, got number 3"
        in err
    )
    assert f"{inputs['bad']}:$.focus_areas[0].number: LOAD001 error" in err
    assert f"{inputs['ctrl']}:$.title: DOC002 error" in err
    assert "\r" not in err  # no progress display when stderr is not a terminal
    written = sorted(p.name for p in out_dir.iterdir())
    assert written == ["mote.docx", "plan.docx", "sak.docx"]
    assert _title(out_dir / "plan.docx") == "Handlingsplan 2016-2017"
    assert _title(out_dir / "mote.docx") == "Partnerskapsmøte i helsefellesskapet"
    assert (out_dir / "sak.docx").read_bytes() == khsmodel.export(samples.case_document(), "docx")


def test_parallel_equals_sequential(inputs: dict[str, Path], tmp_path: Path) -> None:
    files = [str(inputs[k]) for k in ("plan", "case", "meeting")]
    (tmp_path / "a").mkdir()
    (tmp_path / "b").mkdir()
    assert main(["export", *files, "-f", "docx", "--out-dir", str(tmp_path / "a")]) == 0
    assert main(["export", *files, "-f", "docx", "--out-dir", str(tmp_path / "b"), "-j", "0"]) == 0
    for name in ("plan.docx", "sak.docx", "mote.docx"):
        assert (tmp_path / "a" / name).read_bytes() == (tmp_path / "b" / name).read_bytes()


def test_json_format_and_overwrite_guard(
    inputs: dict[str, Path], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    before = inputs["plan"].read_bytes()
    assert main(["export", str(inputs["plan"]), "--format", "json"]) == 1
    assert "the output would overwrite the input" in capsys.readouterr().err
    assert inputs["plan"].read_bytes() == before
    out_dir = tmp_path / "json"
    out_dir.mkdir()
    assert main(["export", str(inputs["plan"]), "-f", "json", "--out-dir", str(out_dir)]) == 0
    assert khsmodel.load(out_dir / "plan.json") == samples.action_plan()


def test_missing_input_file(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    missing = tmp_path / "finnes-ikke.json"
    assert main(["export", str(missing), "--format", "docx"]) == 2  # an unreadable input
    err = capsys.readouterr().err
    assert str(missing) in err and "No such file" in err
    assert list(tmp_path.iterdir()) == []


def test_usage_errors(
    inputs: dict[str, Path], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    plan, case = str(inputs["plan"]), str(inputs["case"])
    assert main(["export", plan, case, "-f", "docx", "-o", str(tmp_path / "x.docx")]) == 2
    assert "-o/--output takes one input" in capsys.readouterr().err
    assert main(["export", plan, "--format", "odt"]) == 2
    err = capsys.readouterr().err
    assert "unknown export format 'odt'" in err
    assert {"docx", "json"} <= set(err.split("valid formats: ")[1].strip().split(", "))
    assert main(["export", plan, "--format", ".DOCX"]) == 2
    assert "unknown export format '.DOCX' (did you mean 'docx'?)" in capsys.readouterr().err
    a_file = tmp_path / "a-file"
    a_file.write_text("x")
    assert main(["export", plan, "-f", "docx", "--out-dir", str(a_file)]) == 2
    assert "is not a folder" in capsys.readouterr().err
    assert main(["export", plan, "-f", "docx", "-o", str(tmp_path / "plan.pdf")]) == 2
    assert "does not fit the docx format: its file names end in .docx" in capsys.readouterr().err
    assert not (tmp_path / "plan.pdf").exists()
    with pytest.raises(SystemExit) as exc:
        main(["export", plan, "-f", "pdf", "-O", "timeline"])  # not KEY=VALUE
    assert exc.value.code == 2
    other = tmp_path / "other"
    other.mkdir()
    (other / "plan.json").write_bytes(inputs["plan"].read_bytes())
    out = tmp_path / "out"
    out.mkdir()
    code = main(["export", plan, str(other / "plan.json"), "-f", "docx", "--out-dir", str(out)])
    assert code == 2
    assert "would both be written to" in capsys.readouterr().err
    assert list(out.iterdir()) == []
    with pytest.raises(SystemExit) as exc:
        main(["export", plan])  # --format is required
    assert exc.value.code == 2
    with pytest.raises(SystemExit) as exc:
        main(["export", plan, "-f", "docx", "--jobs", "many"])
    assert exc.value.code == 2


def test_progress_on_a_terminal(
    inputs: dict[str, Path],
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(sys.stderr, "isatty", lambda: True)
    out = tmp_path / "tty"
    out.mkdir()
    files = [str(inputs["plan"]), str(inputs["case"])]
    assert main(["export", *files, "-f", "docx", "--out-dir", str(out)]) == 0
    err = capsys.readouterr().err
    assert f"[1/2] {inputs['plan']}" in err and f"[2/2] {inputs['case']}" in err
    assert err.endswith("2 of 2 written\n")


def test_options_new_folders_and_what_is_printed(
    inputs: dict[str, Path], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """-O passes options to the exporter; --out-dir is made; each output is printed."""
    out = tmp_path / "ut" / "csv"
    code = main(["export", str(inputs["plan"]), "-f", "csv", "--out-dir", str(out),
                 "-O", "delimiter=;", "-O", "bom=true", "-O", "headers=nb"])  # fmt: skip
    assert code == 0
    written = out / "plan.csv"
    assert capsys.readouterr().out.splitlines() == [str(written)]
    data = written.read_bytes()
    assert data.startswith(b"\xef\xbb\xbf") and b";" in data.splitlines()[0]
    assert main(["export", str(inputs["plan"]), "-f", "pdf", "-o", str(tmp_path / "p.pdf"),
                 "-O", "farge=rød"]) == 2  # fmt: skip
    err = capsys.readouterr().err
    assert (
        "-O farge: the pdf format has no such option (it takes: -O language=TAG, "
        "-O numbering=true|false, -O timeline=true|false)"
    ) in err
    assert not (tmp_path / "p.pdf").exists()


def test_python_dash_m(inputs: dict[str, Path], tmp_path: Path) -> None:
    """``python -m khsmodel`` is the same command line, for virtual environments."""
    ran = subprocess.run(
        [sys.executable, "-m", "khsmodel", "export", str(inputs["meeting"]), "-f", "json",
         "-o", str(tmp_path / "m.json")],
        capture_output=True, text=True,
    )  # fmt: skip
    assert ran.returncode == 0, ran.stderr
    assert ran.stdout == f"{tmp_path / 'm.json'}\n"
    assert khsmodel.load(tmp_path / "m.json") == _meeting()


def test_console_script(inputs: dict[str, Path], tmp_path: Path) -> None:
    """The installed command, in a fresh process: exit codes as documented."""
    out = tmp_path / "cs"
    out.mkdir()
    ok = subprocess.run(
        ["khsmodel", "export", str(inputs["meeting"]), "--format", "docx", "--out-dir", str(out)],
        capture_output=True,
        text=True,
    )
    assert ok.returncode == 0, ok.stderr
    assert ok.stderr == ""
    assert _title(out / "mote.docx") == "Partnerskapsmøte i helsefellesskapet"
    bad = subprocess.run(
        ["khsmodel", "export", str(inputs["bad"]), "--format", "docx", "--out-dir", str(out)],
        capture_output=True,
        text=True,
    )
    assert bad.returncode == 1 and "$.title" in bad.stderr
    usage = subprocess.run(["khsmodel", "export"], capture_output=True, text=True)
    assert usage.returncode == 2


def test_option_values_of_an_exporter_that_declares_none() -> None:
    """A plugin without ``cli_options`` gets true/false and whole numbers guessed, text else."""
    from khsmodel.cli._common import option_argument, parse_options

    raw = [option_argument(t) for t in ("jobs=-5", "n=12", "delimiter=--5", "bom=true", "x=")]
    assert parse_options("plugin", object(), raw) == {  # type: ignore[arg-type]
        "jobs": -5,
        "n": 12,
        "delimiter": "--5",
        "bom": True,
        "x": "",
    }


def test_guessing_leaves_words_as_text_and_bad_declarations_are_ignored() -> None:
    """Only true/false are guessed as booleans ("no" may be a language code); a plugin whose
    ``cli_options`` are not CliOption objects gets guessed values, not a traceback."""
    from khsmodel.cli._common import UsageError, option_argument, parse_options

    class Odd:
        cli_options: ClassVar[dict[str, str]] = {"lang": "text"}

    raw = [option_argument("lang=no"), option_argument("on=ja")]
    assert parse_options("odd", Odd(), raw) == {"lang": "no", "on": "ja"}  # type: ignore[arg-type]
    twice = [option_argument("timeline=true"), option_argument("timeline=false")]
    with pytest.raises(UsageError, match="-O timeline is given twice"):
        parse_options("pdf", khsmodel.exporters.get("pdf"), twice)


# ---------------------------------------------------------------- --previous is validated
def test_previous_plan_is_validated_as_the_inputs_are(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from tests.support.validation_helpers import BASES, put

    plan = tmp_path / "plan.json"
    khsmodel.dump(BASES["plan"](), plan)
    bad = tmp_path / "old-bad.json"
    khsmodel.dump(put(BASES["plan"](), "focus_areas[1].number", 1), bad)
    warn = tmp_path / "old-warn.json"
    khsmodel.dump(put(BASES["plan"](), "focus_areas[0].measures[0].responsibility", None), warn)
    out = tmp_path / "plan.docx"

    def export(previous: Path, *more: str) -> tuple[int, str]:
        capsys.readouterr()
        code = main(["export", str(plan), "-f", "docx", "-o", str(out),
                     "--previous", str(previous), *more])  # fmt: skip
        return code, capsys.readouterr().err

    # an error: printed as validate prints it, with the previous file's name; nothing written
    code, err = export(bad)
    assert code == 1
    assert f"{bad}:$.focus_areas[1].number: PLAN003 error" in err
    assert f"{bad}: not used as --previous" in err
    assert not out.exists()
    # --no-validate: exported with the appendix all the same
    code, err = export(bad, "--no-validate")
    assert code == 0 and "PLAN003" not in err
    paras = [p.text for p in docx.Document(io.BytesIO(out.read_bytes())).paragraphs]
    assert "Endringer fra forrige plan" in paras
    out.unlink()
    # a warning: counted in one line with the file's name, and the export goes on
    code, err = export(warn)
    assert code == 0
    assert err == f"{warn}: 1 warning (PLAN008); --warnings or khsmodel validate prints them\n"
    assert out.exists()
    # --warnings: each one as validate prints it
    code, err = export(warn, "--warnings")
    assert code == 0
    assert err == (f"{warn}:$.focus_areas[0].measures[0].responsibility: PLAN008 warning "
                   "no one is responsible for the measure; add who is responsible (ansvarlig), "
                   "with the text as written\n")  # fmt: skip
    # a clean previous plan: no finding printed
    code, err = export(plan)
    assert code == 0 and err == ""


def test_an_option_only_the_exporter_can_judge_is_a_usage_error(
    inputs: dict[str, Path], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """noark5's namespace is text on the command line; only the exporter knows it must be a
    UUID. Its refusal is a usage error (exit 2, as any bad -O), naming the option; nothing
    is written."""
    out = tmp_path / "arkiv"
    code = main(["export", str(inputs["case"]), "-f", "noark5", "--out-dir", str(out),
                 "-O", "namespace=ikke-en-uuid"])  # fmt: skip
    assert code == 2
    err = capsys.readouterr().err
    assert "-O namespace=ikke-en-uuid: option namespace must be a UUID, got 'ikke-en-uuid'" in err
    assert not out.exists() or list(out.iterdir()) == []
    # the same from the status report command, and a csv delimiter the CSV writer refuses
    csv_out = tmp_path / "status.csv"
    code = main(["report", str(inputs["plan"]), "--as-of", "2016-09-01", "-f", "csv",
                 "-o", str(csv_out), "-O", "delimiter=|"])  # fmt: skip
    assert code == 2
    err = capsys.readouterr().err
    assert "khsmodel report: error: -O delimiter=|: delimiter must be one of" in err
    assert not csv_out.exists()
    # a good value still exports (the check is not a blanket refusal)
    code = main(["export", str(inputs["case"]), "-f", "noark5", "--out-dir", str(out),
                 "-O", "namespace=6ba7b811-9dad-11d1-80b4-00c04fd430c8"])  # fmt: skip
    assert code == 0 and len(list(out.iterdir())) == 1


def test_nothing_exported_leaves_no_new_out_dir(tmp_path: Path) -> None:
    # an input that cannot be read (or is invalid) writes nothing: the folders --out-dir
    # would have made are not left behind empty; a folder that was there stays
    empty = tmp_path / "empty.json"
    empty.write_text("", encoding="utf-8")
    assert main(["export", str(empty), "-f", "pdf", "--out-dir", str(tmp_path / "ny" / "ut")]) == 2
    assert not (tmp_path / "ny").exists()
    there = tmp_path / "der"
    there.mkdir()
    assert main(["export", str(empty), "-f", "pdf", "--out-dir", str(there / "ut")]) == 2
    assert there.is_dir() and list(there.iterdir()) == []
