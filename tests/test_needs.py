"""Tests that need a program or the ../shared files skip with a reason, and fail in CI."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from tests.support import needs as _needs

pytest_plugins = ["pytester"]

TESTS = Path(__file__).resolve().parent
NEEDS = TESTS / "support" / "needs.py"


@pytest.fixture
def no_programs(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setenv("PATH", str(tmp_path))  # an empty folder: nothing is installed
    monkeypatch.delenv("KHSMODEL_SOFFICE", raising=False)


@pytest.mark.parametrize("name", sorted(_needs.PROGRAMS))
def test_a_missing_program_skips_with_the_package_to_install(
    name: str, no_programs: None, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("CI", raising=False)
    with pytest.raises(pytest.skip.Exception) as info:
        _needs.program(name)
    assert name in str(info.value) and _needs.PROGRAMS[name] in str(info.value)


@pytest.mark.parametrize("ci", ["true", "1", "TRUE"])
def test_a_missing_program_fails_in_ci(
    ci: str, no_programs: None, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("CI", ci)
    with pytest.raises(pytest.fail.Exception) as info:
        _needs.program("pdftotext")
    assert "poppler-utils" in str(info.value) and "CI=true" in str(info.value)


def test_soffice_is_found_as_the_pdfa_exporter_finds_it(
    no_programs: None, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    fake = tmp_path / "bin" / "my-office"
    fake.parent.mkdir()
    fake.write_text("#!/bin/sh\n")
    fake.chmod(0o755)
    monkeypatch.setenv("KHSMODEL_SOFFICE", str(fake))
    assert _needs.program("soffice") == str(fake)
    from khsmodel_exporters.pdfa import find_soffice

    assert find_soffice() == str(fake)


def test_missing_shared_files_skip_naming_the_variable(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.delenv("CI", raising=False)
    monkeypatch.setenv("KHSMODEL_SHARED", str(tmp_path / "nowhere"))
    monkeypatch.delenv("KHSMODEL_SEEDS", raising=False)
    assert _needs.shared_dir("schemas/oparl") == tmp_path / "nowhere" / "schemas" / "oparl"
    with pytest.raises(pytest.skip.Exception, match="KHSMODEL_SHARED"):
        _needs.require_shared(_needs.shared_dir("seeds"))
    monkeypatch.setenv("CI", "true")
    with pytest.raises(pytest.fail.Exception, match="KHSMODEL_SHARED"):
        _needs.require_shared(_needs.shared_dir("seeds"))


def test_seeds_and_domain_can_be_pointed_at_on_their_own(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.setenv("KHSMODEL_SHARED", str(tmp_path / "shared"))
    monkeypatch.setenv("KHSMODEL_SEEDS", str(tmp_path / "seeds"))
    monkeypatch.setenv("KHSMODEL_DOMAIN", str(tmp_path / "dom"))
    assert _needs.shared_dir("seeds") == tmp_path / "seeds"
    assert _needs.shared_dir("domain/parties.csv") == tmp_path / "dom" / "parties.csv"
    assert _needs.shared_dir("schemas") == tmp_path / "shared" / "schemas"


def test_the_mark_skips_outside_ci_and_fails_in_ci(
    pytester: pytest.Pytester, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    pytester.syspathinsert(TESTS.parent)  # for tests.support.needs
    pytester.makeconftest((TESTS / "conftest.py").read_text(encoding="utf-8"))
    pytester.makepyfile(
        """
        import pytest

        @pytest.mark.requires_program("pdffonts")
        def test_needs_pdffonts():
            raise AssertionError("ran without pdffonts")

        @pytest.mark.requires_shared("seeds")
        def test_needs_seeds():
            raise AssertionError("ran without the seeds")
        """
    )
    empty = tmp_path / "empty-path"
    empty.mkdir()
    monkeypatch.setenv("PATH", str(empty))
    monkeypatch.setenv("KHSMODEL_SHARED", str(empty))
    monkeypatch.delenv("KHSMODEL_SEEDS", raising=False)
    monkeypatch.delenv("CI", raising=False)
    result = pytester.runpytest_inprocess("-rs")
    result.assert_outcomes(skipped=2)
    result.stdout.fnmatch_lines(["*pdffonts is not installed*poppler-utils*"])
    result.stdout.fnmatch_lines(["*seeds not found*KHSMODEL_SHARED*"])
    monkeypatch.setenv("CI", "true")
    result = pytester.runpytest_inprocess()
    result.assert_outcomes(errors=2)  # failed in setup: reported as errors, never a pass
    result.stdout.fnmatch_lines(["*pdffonts is not installed*CI=true*"])


def test_every_program_a_test_runs_goes_through_the_helper() -> None:
    """No test calls a program by its bare name or looks it up itself: then it would fail
    (not skip) where the program is missing, or skip silently in CI."""
    names = "|".join([*_needs.PROGRAMS, "libreoffice", "pdftoppm"])
    bare = re.compile(rf"""\[\s*["']({names})["']|shutil\.which\(""")
    offenders = [
        f"{path.name}:{n}: {line.strip()}"
        for path in sorted(TESTS.rglob("*.py"))
        if path not in (NEEDS, Path(__file__).resolve())
        for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1)
        if bare.search(line)
    ]
    assert offenders == []


def test_every_test_finds_shared_through_the_helper() -> None:
    """The ../shared folder is found in one place, so KHSMODEL_SHARED moves every test."""
    offenders = [
        f"{path.name}:{n}: {line.strip()}"
        for path in sorted(TESTS.rglob("*.py"))
        if path not in (NEEDS, Path(__file__).resolve())
        for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1)
        if re.search(r"""["']shared["']|KHSMODEL_(SHARED|SEEDS|DOMAIN)["']""", line)
    ]
    assert offenders == []


def test_contributing_documents_every_variable_the_tests_read() -> None:
    """KHSMODEL_SHARED and friends: named in CONTRIBUTING.md, with the programs' packages."""
    root = TESTS.parent
    read: set[str] = {"CI"}
    for path in [*TESTS.rglob("*.py"), *(root / "src").rglob("*.py")]:
        text = path.read_text(encoding="utf-8")
        read.update(re.findall(r"""["']((?:KHSMODEL|HYPOTHESIS)_[A-Z_]+)["']""", text))
        read.update(re.findall(r"""environ(?:\.get)?[(\[]\s*["'](\w+)["']""", text))
    assert {"KHSMODEL_SHARED", "KHSMODEL_SOFFICE", "HYPOTHESIS_PROFILE"} <= read
    contributing = (root / "CONTRIBUTING.md").read_text(encoding="utf-8")
    assert {v for v in read if f"| `{v}` |" not in contributing} == set()
    assert {p for p in set(_needs.PROGRAMS.values()) if p not in contributing} == set()
    assert "(CONTRIBUTING.md)" in (root / "README.md").read_text(encoding="utf-8")
