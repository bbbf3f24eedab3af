"""What a first user meets on the command line: format names, bad option values, the options
named in errors, one error shape in every command (exit codes and paths, not wording)."""

from __future__ import annotations

from pathlib import Path

import pytest

import khsmodel
from khsmodel.cli import main
from khsmodel.exporters import UnknownExporterError, _suggestions
from tests.support import export_samples as samples


@pytest.fixture
def plan(tmp_path: Path) -> Path:
    path = tmp_path / "plan.json"
    khsmodel.dump(samples.action_plan(), path)
    return path


def test_a_typo_in_a_format_name_gets_a_suggestion(
    plan: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert _suggestions("pfd") == ("pdf",) and _suggestions("dcox") == ("docx",)
    assert _suggestions("xlsx") == () and _suggestions("doc") == ()
    with pytest.raises(UnknownExporterError) as info:
        khsmodel.exporters.get("pfd")
    assert info.value.suggestions == ("pdf",)
    assert main(["export", str(plan), "-f", "pfd"]) == 2
    assert "'pdf'" in capsys.readouterr().err


def test_format_names_are_case_insensitive(plan: Path, tmp_path: Path) -> None:
    out = tmp_path / "plan.pdf"
    assert main(["export", str(plan), "-f", "PDF", "-o", str(out)]) == 0
    assert out.read_bytes().startswith(b"%PDF")
    assert main(["report", str(plan), "--as-of", "2016-09-01", "-f", "Json",
                 "-o", str(tmp_path / "r.json")]) in (0, 1)  # fmt: skip
    assert main(["export", str(plan), "-f", "PDFX"]) == 2


def test_report_help_lists_the_formats_from_the_registry(
    capsys: pytest.CaptureFixture[str],
) -> None:
    with pytest.raises(SystemExit):
        main(["report", "-h"])
    out = capsys.readouterr().out
    for name in khsmodel.exporters.available():
        if "status_report" in khsmodel.exporters.get(name).kinds:
            assert name in out, name
    assert "html" in out


def test_since_after_as_of_names_both_options(plan: Path, tmp_path: Path,
                                              capsys: pytest.CaptureFixture[str]) -> None:  # fmt: skip
    assert main(["report", str(plan), "--as-of", "2016-06-01", "--since", "2016-07-01",
                 "-f", "json", "-o", str(tmp_path / "r.json")]) == 2  # fmt: skip
    err = capsys.readouterr().err
    assert err.startswith("khsmodel report: error: --since ") and "--as-of" in err
    assert not (tmp_path / "r.json").exists()


def test_a_bad_language_is_a_usage_error_before_validation(
    plan: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["export", str(plan), "-f", "pdf", "-O", "language=nno",
                 "-o", str(tmp_path / "p.pdf")]) == 2  # fmt: skip
    err = capsys.readouterr().err
    assert err.startswith("khsmodel export: error: -O language=nno")
    assert "PLAN" not in err  # no findings printed first: nothing was validated
    assert main(["export", str(plan), "-f", "pdf", "-O", "language=nn-NO",
                 "-o", str(tmp_path / "p.pdf")]) == 0  # fmt: skip


def test_previous_with_a_document_that_is_no_plan_names_the_option(
    plan: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    case = tmp_path / "sak.json"
    khsmodel.dump(samples.case_document(), case)
    assert main(["export", str(case), "-f", "pdf", "--previous", str(plan), "--no-validate",
                 "-o", str(tmp_path / "s.pdf")]) == 2  # fmt: skip
    assert f"khsmodel export: error: {case}: --previous " in capsys.readouterr().err
    assert not (tmp_path / "s.pdf").exists()


@pytest.mark.parametrize("command", [
    ["validate"], ["export", "-f", "pdf"], ["site", "--out-dir", "SITE"], ["diff", "OTHER"],
])  # fmt: skip
def test_a_broken_json_file_is_reported_alike_by_every_command(
    command: list[str], plan: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    broken = tmp_path / "broken.json"
    broken.write_text("{broken", encoding="utf-8")
    args = [a.replace("SITE", str(tmp_path / "site")).replace("OTHER", str(plan)) for a in command]
    assert main([args[0], str(broken), *args[1:]]) == 2
    assert capsys.readouterr().err.startswith(f"khsmodel {args[0]}: error: {broken}: not JSON")


def test_the_missing_responsible_warning_keeps_its_code_and_path(plan: Path) -> None:
    m = samples.action_plan().focus_areas[0].measures[0]
    import attrs

    p = samples.action_plan()
    fa = attrs.evolve(p.focus_areas[0], measures=(attrs.evolve(m, responsibility=None),))
    found = khsmodel.validate(attrs.evolve(p, focus_areas=(fa, *p.focus_areas[1:])))
    hit = [f for f in found if f.code == "PLAN008"]
    assert [f.path for f in hit] == ["$.focus_areas[0].measures[0].responsibility"]
    assert hit[0].message.startswith("no one is responsible for the measure")
