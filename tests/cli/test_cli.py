"""The command line as a user types it (fresh processes) and the API behind it (issue 13).

One grammar for every subcommand: ``-f`` an exporter, ``--report`` how findings
print, exit 0/1/2; ``-o`` names ending in the format's own extension; export
validates first; ``-O`` read as the exporter declares; a JSON file that is not
a khsmodel document said once; ``formats`` knows when LibreOffice is missing;
``rules`` prints the catalogue; interrupted exports leave no temporary file.
"""

from __future__ import annotations

import json
import os
import signal
import stat
import subprocess
import sys
import time
from pathlib import Path

import pytest

import khsmodel
from khsmodel import exporters
from khsmodel.errors import InvalidDocumentError, KhsModelError
from khsmodel.exporters import OutputNameError
from khsmodel.serialization import write_atomic
from khsmodel.validation import RULES, ValidationError
from tests.support.validation_helpers import BASES, put

ROOT = Path(__file__).resolve().parents[2]
SUBCOMMANDS = ("schema", "validate", "rules", "formats", "export", "import-csv")


def khs(*args: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    """``python -m khsmodel ARGS`` in a fresh process, as a user types it."""
    return subprocess.run(
        [sys.executable, "-m", "khsmodel", *args], capture_output=True, text=True, env=env
    )


@pytest.fixture
def docs(tmp_path: Path) -> dict[str, Path]:
    """clean documents (no finding), one with a warning, one with an error, OParl output."""
    folder = tmp_path / "in"
    folder.mkdir()
    paths = {
        "plan": folder / "plan.json",
        "case": folder / "sak.json",
        "meeting": folder / "mote.json",
        "warn": folder / "warn.json",
        "bad": folder / "bad.json",
    }
    khsmodel.dump(BASES["plan"](), paths["plan"])
    khsmodel.dump(BASES["case"](), paths["case"])
    khsmodel.dump(BASES["meeting"](), paths["meeting"])
    plan = BASES["plan"]()
    khsmodel.dump(put(plan, "focus_areas[0].measures[0].responsibility", None), paths["warn"])
    khsmodel.dump(put(plan, "focus_areas[1].number", 1), paths["bad"])  # PLAN003 error
    paths["oparl"] = folder / "mote.oparl.json"
    paths["oparl"].write_bytes(khsmodel.export(BASES["meeting"](), "oparl"))
    return paths


def _unreadable(tmp_path: Path) -> dict[str, Path]:
    """Inputs that cannot be read: missing, a folder, not UTF-8, not JSON."""
    folder = tmp_path / "unreadable"
    folder.mkdir()
    (folder / "a-folder.json").mkdir()
    (folder / "utf16.json").write_bytes('{"format": "khsmodel"}'.encode("utf-16"))
    (folder / "syntax.json").write_text('{"format": ', encoding="utf-8")
    return {
        "missing": folder / "finnes-ikke.json",
        "folder": folder / "a-folder.json",
        "utf16": folder / "utf16.json",
        "syntax": folder / "syntax.json",
    }


UNREADABLE_MESSAGES = {
    "missing": "cannot read: No such file or directory",
    "folder": "is a folder, not a file",
    "utf16": "not UTF-8 text: byte 0xFF at line 1, column 1",
    "syntax": "not JSON: Expecting value",
}


# ---------------------------------------------------------------- -o names and paths
@pytest.mark.parametrize(
    ("fmt", "source", "name"),
    [("noark5", "case", "arkivstruktur.xml"), ("oparl", "meeting", "meeting.json"),
     ("docx", "case", "sak.docx"), ("pdf", "plan", "plan.PDF")],
)  # fmt: skip
def test_output_named_with_the_formats_own_extension(
    docs: dict[str, Path], tmp_path: Path, fmt: str, source: str, name: str
) -> None:
    target = tmp_path / "ut" / "ny mappe" / name  # missing folders are made
    ran = khs("export", str(docs[source]), "-f", fmt, "-o", str(target))
    assert ran.returncode == 0, ran.stderr
    assert ran.stdout == f"{target}\n"
    assert target.read_bytes() == khsmodel.export(khsmodel.load(docs[source]), fmt)


def test_pdfa_output_named_plan_pdf(docs: dict[str, Path], tmp_path: Path) -> None:
    """``-f pdfa -o plan.pdf``, with a stand-in LibreOffice that writes a PDF/A-2 marker."""
    fake = _fake_soffice(tmp_path, 'printf "%%PDF-1.7 pdfaid:part=\\"2\\"\\n" > "$2/document.pdf"')
    target = tmp_path / "plan.pdf"
    ran = khs("export", str(docs["plan"]), "-f", "pdfa", "-o", str(target), "-O", f"soffice={fake}")
    assert ran.returncode == 0, ran.stderr
    assert target.read_bytes().startswith(b"%PDF-1.7 pdfaid:part")


@pytest.mark.parametrize(
    ("fmt", "name", "fits"),
    [("pdf", "plan.docx", "end in .pdf"), ("pdfa", "plan.pdfa", "end in .pdf (default name: …"
     ".pdfa.pdf)"), ("noark5", "arkiv.noark5", "end in .xml"), ("docx", "sak", "end in .docx")],
)  # fmt: skip
def test_output_name_of_another_format_is_a_usage_error(
    docs: dict[str, Path], tmp_path: Path, fmt: str, name: str, fits: str
) -> None:
    source = docs["case"] if fmt == "noark5" else docs["plan"]
    ran = khs("export", str(source), "-f", fmt, "-o", str(tmp_path / name))
    assert ran.returncode == 2
    assert f"does not fit the {fmt} format: its file names {fits}" in ran.stderr
    assert not (tmp_path / name).exists()


def test_api_checks_the_output_name(tmp_path: Path) -> None:
    plan = BASES["plan"]()
    with pytest.raises(OutputNameError) as info:
        khsmodel.export(plan, "pdf", path=tmp_path / "plan.docx")
    assert isinstance(info.value, KhsModelError) and info.value.fits == (".pdf",)
    assert not (tmp_path / "plan.docx").exists()
    with pytest.raises(OutputNameError) as info:
        khsmodel.export(plan, "pdfa", path=tmp_path / "plan.docx")
    assert info.value.fits == (".pdfa.pdf", ".pdf")
    data = khsmodel.export(BASES["case"](), "noark5", path=tmp_path / "arkivstruktur.xml")
    assert (tmp_path / "arkivstruktur.xml").read_bytes() == data


def test_io_errors_name_the_target_never_the_temporary_file(
    docs: dict[str, Path], tmp_path: Path
) -> None:
    target = tmp_path / "mangler" / "plan.json"
    with pytest.raises(FileNotFoundError) as info:
        write_atomic(target, b"{}")
    assert info.value.filename == str(target) and ".tmp" not in str(info.value)
    a_file = tmp_path / "a-file"
    a_file.write_text("x")
    ran = khs("export", str(docs["plan"]), "-f", "pdf", "-o", str(a_file / "plan.pdf"))
    assert ran.returncode == 1
    assert f"cannot write {a_file / 'plan.pdf'}: cannot make the folder {a_file}" in ran.stderr
    assert ".tmp" not in ran.stderr


def test_temporary_file_removed_when_interrupted(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from khsmodel.cli._common import Terminated

    def stop(*_: object) -> None:
        raise Terminated

    monkeypatch.setattr(os, "replace", stop)
    with pytest.raises(Terminated):
        write_atomic(tmp_path / "plan.pdf", b"%PDF-")
    assert list(tmp_path.iterdir()) == []


@pytest.mark.skipif(os.name != "posix", reason="POSIX signals")
@pytest.mark.parametrize(("signame", "code", "said"),
                         [("SIGTERM", 143, "terminated"), ("SIGINT", 130, "interrupted")])  # fmt: skip
def test_signal_during_export_leaves_no_temporary_file(
    docs: dict[str, Path], tmp_path: Path, signame: str, code: int, said: str
) -> None:
    """SIGTERM or Ctrl-C while LibreOffice converts: it is stopped, its folder removed."""
    started = tmp_path / "started"
    fake = _fake_soffice(tmp_path, f'echo $$ > "{started}"; sleep 60')
    scratch = tmp_path / "scratch"
    scratch.mkdir()
    out = tmp_path / "out"
    env = {**os.environ, "TMPDIR": str(scratch)}
    proc = subprocess.Popen(
        [sys.executable, "-m", "khsmodel", "export", str(docs["plan"]), "-f", "pdfa",
         "--out-dir", str(out), "-O", f"soffice={fake}"],
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=env,
    )  # fmt: skip
    deadline = time.monotonic() + 60
    while not started.exists() or not started.read_text().strip():
        assert time.monotonic() < deadline and proc.poll() is None, proc.communicate()
        time.sleep(0.05)
    assert list(scratch.iterdir())  # LibreOffice's private folder exists now
    proc.send_signal(getattr(signal, signame))
    _, err = proc.communicate(timeout=30)
    assert proc.returncode == code and said in err
    assert list(scratch.iterdir()) == []
    assert not out.exists() or list(out.iterdir()) == []
    soffice_pid = int(started.read_text())
    with pytest.raises(ProcessLookupError):
        os.kill(soffice_pid, 0)


def _fake_soffice(tmp_path: Path, body: str) -> str:
    """A LibreOffice stand-in; ``$2`` is the output folder after shifting to ``--outdir``."""
    path = tmp_path / "fake-soffice"
    path.write_text(
        '#!/bin/sh\nwhile [ "$1" != "--outdir" ]; do shift; done\n' + body + "\n",
        encoding="utf-8",
    )
    path.chmod(path.stat().st_mode | stat.S_IXUSR)
    return str(path)


# ---------------------------------------------------------------- validation before export
def test_export_validates_first(docs: dict[str, Path], tmp_path: Path) -> None:
    out = tmp_path / "out"
    files = [str(docs[k]) for k in ("plan", "bad", "warn")]
    ran = khs("export", *files, "-f", "json", "--out-dir", str(out))
    assert ran.returncode == 1
    # errors: printed as validate prints them; not exported; the others still go
    assert f"{docs['bad']}:$.focus_areas[1].number: PLAN003 error" in ran.stderr
    assert f"{docs['bad']}: not exported (validation errors" in ran.stderr
    assert not (out / "bad.json").exists()
    # warnings: exported, and one line on standard error counts them and says how to see them
    assert (f"{docs['warn']}: 1 warning (PLAN008); --warnings or khsmodel validate prints them"
            in ran.stderr.splitlines())  # fmt: skip
    assert "PLAN008 warning" not in ran.stderr
    assert sorted(p.name for p in out.iterdir()) == ["plan.json", "warn.json"]
    assert ran.stdout.splitlines() == [str(out / "plan.json"), str(out / "warn.json")]
    skipped = khs("export", str(docs["bad"]), "-f", "json", "--out-dir", str(out), "--no-validate")
    assert skipped.returncode == 0 and skipped.stderr == ""
    assert khsmodel.load(out / "bad.json") == khsmodel.load(docs["bad"])


def test_the_shipped_example_plan_exports_with_one_line_for_its_warnings(tmp_path: Path) -> None:
    """What a first user meets: the 2016-2017 plan's source says "Prosjektledelsen" (PLAN011,
    explained in docs/rules.md). Exporting it names the file and the count in one line, not
    each warning on every export; --warnings and validate print each, as validate does."""
    plan = ROOT / "examples" / "documents" / "002-khs-handlingsplan-2016-2017.json"
    out = tmp_path / "plan.html"
    ran = khs("export", str(plan), "-f", "html", "-o", str(out))
    assert ran.returncode == 0 and ran.stdout == f"{out}\n" and out.exists()
    assert ran.stderr == (
        f"{plan}: 2 warnings (PLAN011); --warnings or khsmodel validate prints them\n"
    )
    full = khs("export", str(plan), "-f", "html", "-o", str(out), "--warnings")
    assert full.returncode == 0
    lines = full.stderr.splitlines()
    assert lines == [line for line in khs("validate", str(plan)).stdout.splitlines()
                     if "PLAN011 warning" in line]  # fmt: skip
    assert len(lines) == 2 and all("'Prosjektledelsen' names no party" in x for x in lines)
    # the status report of the same plan says it alike
    report = khs("report", str(plan), "--as-of", "2016-06-30", "-f", "csv",
                 "-o", str(tmp_path / "status.csv"))  # fmt: skip
    assert report.returncode == 0
    assert report.stderr == (
        f"{plan}: 2 warnings (PLAN011); --warnings or khsmodel validate prints them\n"
    )
    report = khs("report", str(plan), "--as-of", "2016-06-30", "-f", "csv",
                 "-o", str(tmp_path / "status.csv"), "--warnings")  # fmt: skip
    assert report.stderr.splitlines() == lines
    # --report json keeps every finding, in the JSON
    rows = json.loads(khs("export", str(plan), "-f", "html", "-o", str(out),
                          "--report", "json").stdout)  # fmt: skip
    assert [f["code"] for f in rows[0]["findings"]] == ["PLAN011", "PLAN011"]


def test_export_report_json(docs: dict[str, Path], tmp_path: Path) -> None:
    out = tmp_path / "out"
    ran = khs("export", str(docs["bad"]), str(docs["plan"]), "-f", "json", "--out-dir", str(out),
              "--report", "json")  # fmt: skip
    assert ran.returncode == 1 and ran.stderr == ""
    rows = json.loads(ran.stdout)
    assert [(r["file"], r["status"], r["output"]) for r in rows] == [
        (str(docs["bad"]), "invalid", None),
        (str(docs["plan"]), "written", str(out / "plan.json")),
    ]
    assert [f["code"] for f in rows[0]["findings"]] == ["PLAN003"]


def test_python_export_stays_plain_and_says_how_to_validate() -> None:
    plan = put(BASES["plan"](), "focus_areas[1].number", 1)
    assert khsmodel.export(plan, "json")  # no validation in the Python function
    doc = exporters.export.__doc__ or ""
    assert "khsmodel.validate(doc).raise_for_errors()" in doc
    with pytest.raises(ValidationError):
        khsmodel.validate(plan).raise_for_errors()


# ---------------------------------------------------------------- one grammar, exit codes
@pytest.mark.parametrize("command", SUBCOMMANDS)
def test_each_help_shows_an_example(command: str) -> None:
    ran = khs(command, "-h")
    assert ran.returncode == 0
    assert "example" in ran.stdout and f"khsmodel {command}" in ran.stdout.split("example")[1]


def test_the_same_option_means_the_same_thing() -> None:
    helps = {cmd: khs(cmd, "-h").stdout for cmd in ("validate", "export", "rules")}
    assert "-f NAME, --format NAME" in helps["export"]
    for cmd in ("validate", "export", "rules"):
        assert "--report {text,json}" in helps[cmd]
    assert "--format" not in helps["validate"]  # the old spelling works, hidden
    assert "docs/rules.md" not in helps["validate"] and "khsmodel rules" in helps["validate"]


def test_old_validate_format_spelling_still_works(docs: dict[str, Path]) -> None:
    ran = khs("validate", "--format", "json", str(docs["bad"]))
    assert ran.returncode == 1 and "--format is deprecated, use --report json" in ran.stderr
    assert [r["code"] for r in json.loads(ran.stdout)] == ["PLAN003"]


@pytest.mark.parametrize("kind", sorted(UNREADABLE_MESSAGES))
def test_unreadable_input_exits_2_everywhere(
    docs: dict[str, Path], tmp_path: Path, kind: str
) -> None:
    bad = str(_unreadable(tmp_path)[kind])
    message = f"{bad}: {UNREADABLE_MESSAGES[kind]}"
    ran = khs("validate", bad)
    assert (ran.returncode, ran.stdout) == (2, "")  # no "0 files checked"
    assert message in ran.stderr
    ran = khs("export", bad, "-f", "json", "--out-dir", str(tmp_path / "out"))
    assert ran.returncode == 2 and message in ran.stderr and ran.stdout == ""
    csv_file = tmp_path / "plan.csv"
    csv_file.write_bytes(khsmodel.export(BASES["plan"](), "csv"))
    ran = khs("import-csv", str(csv_file), "--into", bad, "-o", str(tmp_path / "ny.json"))
    assert ran.returncode == 2 and message in ran.stderr
    ran = khs("import-csv", bad, "--into", str(docs["plan"]), "-o", str(tmp_path / "ny.json"))
    if kind in ("missing", "folder"):  # the CSV's own content is import-csv's to judge
        assert ran.returncode == 2 and message in ran.stderr
    assert not (tmp_path / "ny.json").exists()


def test_unreadable_and_readable_inputs_together(docs: dict[str, Path], tmp_path: Path) -> None:
    missing = str(_unreadable(tmp_path)["missing"])
    ran = khs("validate", str(docs["bad"]), missing)
    assert ran.returncode == 2
    assert ran.stdout.splitlines()[-1] == (
        "1 file checked: 1 error, 0 warnings, 0 info; 1 file could not be read"
    )
    out = tmp_path / "out"
    ran = khs("export", str(docs["plan"]), missing, "-f", "json", "--out-dir", str(out))
    assert ran.returncode == 2 and (out / "plan.json").exists()


# ---------------------------------------------------------------- -O KEY=VALUE
@pytest.mark.parametrize(
    ("word", "value"),
    [("true", True), ("false", False), ("yes", True), ("no", False), ("ja", True),
     ("nei", False), ("1", True), ("0", False), ("JA", True), ("False", False)],
)  # fmt: skip
def test_boolean_option_words(word: str, value: bool) -> None:
    from khsmodel.cli._common import option_argument, parse_options

    raw = [option_argument(f"timeline={word}")]
    assert parse_options("pdf", exporters.get("pdf"), raw) == {"timeline": value}


def test_boolean_options_from_the_command_line(docs: dict[str, Path], tmp_path: Path) -> None:
    ran = khs("export", str(docs["plan"]), "-f", "csv", "-o", str(tmp_path / "t.csv"),
              "-O", "bom=ja", "-O", "formula_guard=nei", "-O", "headers=nb")  # fmt: skip
    assert ran.returncode == 0, ran.stderr
    expected = khsmodel.export(BASES["plan"](), "csv", bom=True, formula_guard=False, headers="nb")
    assert (tmp_path / "t.csv").read_bytes() == expected


@pytest.mark.parametrize(
    ("fmt", "option", "wanted"),
    [
        ("pdf", "timeline=True!", "-O timeline=True!: expected -O timeline=true|false"),
        ("pdf", "timeline=", "expected -O timeline=true|false"),
        (
            "pdf",
            "farge=rød",
            "-O farge: the pdf format has no such option (it takes: "
            "-O language=TAG, -O numbering=true|false, -O timeline=true|false)",
        ),
        ("pdfa", "soffice=", "-O soffice= is empty: expected -O soffice=/path/to/soffice"),
        ("pdfa", "timeout=lenge", "expected -O timeout=SECONDS"),
        ("csv", "headers=de", "expected -O headers=en|nb"),
        ("json", "x=1", "the json format has no such option (it takes none)"),
    ],
)
def test_bad_option_is_a_usage_error_in_cli_terms(
    docs: dict[str, Path], tmp_path: Path, fmt: str, option: str, wanted: str
) -> None:
    out = tmp_path / "out"
    ran = khs("export", str(docs["plan"]), "-f", fmt, "--out-dir", str(out), "-O", option)
    assert ran.returncode == 2
    assert wanted in ran.stderr
    assert "True or False" not in ran.stderr and "pass soffice=" not in ran.stderr
    assert not out.exists()


def test_option_without_equals_sign_is_a_usage_error(docs: dict[str, Path]) -> None:
    ran = khs("export", str(docs["plan"]), "-f", "pdf", "-O", "timeline")
    assert ran.returncode == 2 and "expected KEY=VALUE" in ran.stderr


# ---------------------------------------------------------------- not a khsmodel document
NOT_A_DOCUMENT = 'not a khsmodel document (no "format": "khsmodel" key)'


def test_other_json_is_not_a_khsmodel_document_once(docs: dict[str, Path], tmp_path: Path) -> None:
    oparl = str(docs["oparl"])
    ran = khs("validate", oparl)  # skipped with a note (as site does); nothing left: exit 1
    assert ran.returncode == 1 and ran.stdout == ""
    assert ran.stderr.splitlines() == [
        f"khsmodel validate: note: {oparl}: {NOT_A_DOCUMENT}; skipped",
        "khsmodel validate: error: none of the files is a khsmodel document",
    ]
    ran = khs("export", oparl, "-f", "pdf", "--out-dir", str(tmp_path / "out"))
    assert ran.returncode == 1 and ran.stdout == ""  # skipped as validate skips it
    assert ran.stderr.splitlines() == [
        f"{oparl}: {NOT_A_DOCUMENT}; skipped",
        "khsmodel export: error: none of the files is a khsmodel document",
    ]
    # beside a document (export out/*.json in a folder of outputs): the document is
    # written, the other JSON skipped, exit 0
    out = tmp_path / "mixed"
    ran = khs("export", oparl, str(docs["plan"]), "-f", "html", "--out-dir", str(out))
    assert ran.returncode == 0, ran.stderr
    assert ran.stdout.splitlines() == [str(out / (docs["plan"].stem + ".html"))]
    assert ran.stderr.splitlines() == [f"{oparl}: {NOT_A_DOCUMENT}; skipped"]
    assert sorted(p.name for p in out.iterdir()) == [docs["plan"].stem + ".html"]
    csv_file = tmp_path / "plan.csv"
    csv_file.write_bytes(khsmodel.export(BASES["plan"](), "csv"))
    ran = khs("import-csv", str(csv_file), "--into", oparl, "-o", str(tmp_path / "ny.json"))
    assert ran.returncode == 1
    assert ran.stderr == f"{oparl}:$: LOAD001 error the file does not load: {NOT_A_DOCUMENT}\n"
    with pytest.raises(InvalidDocumentError) as info:
        khsmodel.load(oparl)
    assert [(e.path, e.message) for e in info.value.errors] == [("$", NOT_A_DOCUMENT)]


# ---------------------------------------------------------------- formats
def _env_without_soffice(tmp_path: Path, **extra: str) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if k != "KHSMODEL_SOFFICE"}
    empty = tmp_path / "empty-bin"
    empty.mkdir(exist_ok=True)
    return {**env, "PATH": str(empty), **extra}


def test_formats_lists_pdfa_without_libreoffice(tmp_path: Path) -> None:
    """PDF/A comes from WeasyPrint by default: LibreOffice is no longer needed for it."""
    ran = khs("formats", env=_env_without_soffice(tmp_path))
    assert ran.returncode == 0, ran.stderr
    pdfa = next(line for line in ran.stdout.splitlines() if line.startswith("pdfa "))
    assert "unavailable" not in pdfa and ".pdfa.pdf" in pdfa
    assert "-O route=weasyprint|libreoffice" in ran.stdout


def test_api_info_and_available_without_weasyprint(monkeypatch: pytest.MonkeyPatch) -> None:
    """Without WeasyPrint (or Pango) the default route cannot run: listed as unavailable
    with what to install; the exporter is still there for route='libreoffice'."""
    import khsmodel_exporters.pdfa as pdfa_module

    reason = "the pdfa exporter needs WeasyPrint: pip install ..."
    monkeypatch.setattr(pdfa_module, "weasyprint_missing", lambda: reason)
    row = next(r for r in exporters.info() if r.name == "pdfa")
    assert not row.available and row.error == reason
    assert "pdfa" not in exporters.available() and "pdf" in exporters.available()
    assert exporters.get("pdfa").name == "pdfa"  # still usable with route='libreoffice'


def test_formats_lists_the_options(tmp_path: Path) -> None:
    ran = khs("formats")
    assert "-O timeline=true|false" in ran.stdout and "-O soffice=/path/to/soffice" in ran.stdout


# ---------------------------------------------------------------- rules
def test_rules_prints_the_catalogue() -> None:
    ran = khs("rules")
    assert ran.returncode == 0
    lines = ran.stdout.splitlines()
    assert [line.split()[:2] for line in lines] == [[r.code, r.severity.value] for r in RULES]
    assert all(line.endswith(r.summary) for line, r in zip(lines, RULES, strict=True))
    one = khs("rules", "plan003")
    assert one.stdout.startswith("PLAN003  error\n") and "citation" in one.stdout
    data = json.loads(khs("rules", "--report", "json", "CASE").stdout)
    assert {r["code"] for r in data} == {r.code for r in RULES if r.code.startswith("CASE")}
    bad = khs("rules", "NOPE")
    assert bad.returncode == 2 and "'NOPE' matches no rule" in bad.stderr


def test_python_dash_m_khsmodel_cli() -> None:
    ran = subprocess.run([sys.executable, "-m", "khsmodel.cli", "--version"],
                         capture_output=True, text=True)  # fmt: skip
    assert ran.returncode == 0 and ran.stdout.startswith("khsmodel ")


def test_a_reader_that_leaves_early_gets_no_traceback() -> None:
    """`khsmodel formats | head -1`: the reader has gone before the listing is written."""
    import os
    import subprocess
    import sys

    read_end, write_end = os.pipe()
    os.close(read_end)  # every write to the pipe now fails with EPIPE
    try:
        ran = subprocess.run(
            [sys.executable, "-m", "khsmodel", "formats"],
            stdout=write_end,
            stderr=subprocess.PIPE,
            timeout=60,
            check=False,
        )
    finally:
        os.close(write_end)
    err = ran.stderr.decode()
    assert "Traceback" not in err and "BrokenPipeError" not in err, err
    assert ran.returncode == 1
