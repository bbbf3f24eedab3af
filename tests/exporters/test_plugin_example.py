"""The worked example of docs/plugins.md, installed as a third-party distribution: found
through its entry point, it passes khsmodel.testing.check_exporter and writes the Markdown
the page says, from Python and from the command line."""

from __future__ import annotations

import re
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

import khsmodel
from khsmodel import ActionPlan, FocusArea, Measure, Responsibility, Timeframe, exporters
from khsmodel.cli import main
from khsmodel.errors import UnknownOptionError, UnsupportedKindError, UnwritableTextError
from khsmodel.testing import check_exporter

ROOT = Path(__file__).resolve().parents[2]
EXAMPLE = ROOT / "examples" / "documents" / "002-khs-handlingsplan-2016-2017.json"


def _module_source() -> str:
    """The block of docs/plugins.md that is the module ``khsmodel_markdown.py``."""
    page = (ROOT / "docs" / "plugins.md").read_text(encoding="utf-8")
    blocks = re.findall(r"^```python\n(.*?)^```", page, re.S | re.M)
    (module,) = [b for b in blocks if b.startswith("# khsmodel_markdown.py\n")]
    return module


@pytest.fixture
def installed(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    """``pip install khsmodel-markdown``, as far as khsmodel can tell: the module and a
    dist-info with the entry point of the page's pyproject.toml, on sys.path."""
    site = tmp_path / "site-packages"
    site.mkdir()
    (site / "khsmodel_markdown.py").write_text(_module_source(), encoding="utf-8")
    info = site / "khsmodel_markdown-1.0.dist-info"
    info.mkdir()
    (info / "METADATA").write_text(
        "Metadata-Version: 2.1\nName: khsmodel-markdown\nVersion: 1.0\n", encoding="utf-8"
    )
    (info / "entry_points.txt").write_text(
        "[khsmodel.exporters]\nmarkdown = khsmodel_markdown:MarkdownExporter\n", encoding="utf-8"
    )
    monkeypatch.syspath_prepend(str(site))
    exporters.refresh()
    yield site
    sys.modules.pop("khsmodel_markdown", None)
    exporters.refresh()


def test_the_page_names_the_entry_point_it_installs() -> None:
    page = (ROOT / "docs" / "plugins.md").read_text(encoding="utf-8")
    assert 'markdown = "khsmodel_markdown:MarkdownExporter"' in page
    assert "editable install" in page  # re-install to see a new entry point


def test_installed_example_is_found_and_keeps_the_promises(installed: Path) -> None:
    assert "markdown" in exporters.available()
    exp = exporters.get("markdown")
    assert type(exp).__module__ == "khsmodel_markdown"
    (row,) = [r for r in exporters.info() if r.name == "markdown"]
    assert (row.suffix, row.kinds, row.source) == (".md", ("action_plan",), "entry point")
    check_exporter("markdown")


def test_installed_example_writes_the_plan(installed: Path) -> None:
    plan = ActionPlan(
        title="Handlingsplan 2016–2017 <utkast> & *ny*",
        language="se",
        focus_areas=(
            FocusArea(number=1, title="Mánát ja nuorat | Barn og unge", measures=(
                Measure(number=1, text="Fagdag om ŋ, š, ž og đ", details=("Også for Ïtte",),
                        responsibility=Responsibility(text="Sekretariatet"),
                        timeframe=Timeframe(text="Medio juni")),
                Measure(number=2, text="Kartlegging"),
            )),
            FocusArea(number=2, title="Eldre"),
        ),
    )  # fmt: skip
    lines = khsmodel.export(plan, "markdown").decode("utf-8").splitlines()
    assert lines[0] == r"# Handlingsplan 2016–2017 \<utkast\> \& \*ny\*"
    assert r"## 1. Mánát ja nuorat \| Barn og unge" in lines
    header = lines.index(r"## 1. Mánát ja nuorat \| Barn og unge") + 2
    assert lines[header + 1] == "| --- | --- | --- |"
    assert lines[header + 2] == (
        "| 1.1 Fagdag om ŋ, š, ž og đ<br>Også for Ïtte | Sekretariatet | Medio juni |"
    )
    assert lines[header + 3] == "| 1.2 Kartlegging |  |  |"
    assert lines[-1] == "## 2. Eldre"  # a focus area without measures: no empty table
    short = khsmodel.export(plan, "markdown", details=False).decode("utf-8")
    assert "Ïtte" not in short and "Fagdag" in short


def test_installed_example_refuses_with_typed_errors(installed: Path) -> None:
    plan = ActionPlan(title="Plan")
    with pytest.raises(UnknownOptionError) as unknown:
        khsmodel.export(plan, "markdown", timeline=False)
    assert (unknown.value.exporter, unknown.value.key) == ("markdown", "timeline")
    with pytest.raises(UnsupportedKindError) as kind:
        khsmodel.export(khsmodel.load(ROOT / "examples/documents/001-khs-partnership.json"),
                        "markdown")  # fmt: skip
    assert kind.value.kind == "partnership"
    with pytest.raises(UnwritableTextError) as text:
        khsmodel.export(ActionPlan(title="Plan", focus_areas=(
            FocusArea(number=1, title="Barn\x0b"),)), "markdown")  # fmt: skip
    assert text.value.path == "$.focus_areas[0].title"


def test_installed_example_runs_from_the_command_line(
    installed: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    target = tmp_path / "plan.md"
    assert main(["export", str(EXAMPLE), "-f", "markdown", "-o", str(target)]) == 0
    text = target.read_text(encoding="utf-8")
    plan = khsmodel.load(EXAMPLE)
    assert isinstance(plan, ActionPlan)
    assert text.startswith("# ") and text.count("\n## ") == len(plan.focus_areas)
    assert "| Tiltak | Ansvarlig | Tidsperspektiv |" in text  # the plan's Bokmål words
    assert main(["formats"]) == 0
    assert "markdown" in capsys.readouterr().out


def test_the_example_and_the_builtins_fit_the_typed_protocol(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """mypy --strict accepts the worked example and every built-in as an ``Exporter``
    (``requires`` and ``install_hint`` are part of the typed protocol)."""
    api = pytest.importorskip("mypy.api")
    # the khsmodel under test (a worktree's src, not another installed copy)
    monkeypatch.setenv("MYPYPATH", str(Path(khsmodel.__file__).resolve().parents[1]))
    builtins = {
        "csv_exporter": "CsvExporter", "docx": "DocxExporter", "html": "HtmlExporter",
        "ics": "IcsExporter", "json_exporter": "JsonExporter", "noark5": "Noark5Exporter",
        "oparl": "OparlExporter", "pdf": "PdfExporter", "pdfa": "PdfaExporter",
    }  # fmt: skip
    check = _module_source() + "\n\nfrom khsmodel import exporters\n"
    check += "".join(f"from khsmodel_exporters.{m} import {c}\n" for m, c in builtins.items())
    check += "FITS: list[exporters.Exporter] = [MarkdownExporter(), "
    check += ", ".join(f"{c}()" for c in builtins.values()) + "]\n"
    (tmp_path / "khsmodel_markdown.py").write_text(check, encoding="utf-8")
    out, err, status = api.run([
        "--strict", "--no-incremental", "--config-file", str(ROOT / "pyproject.toml"),
        str(tmp_path / "khsmodel_markdown.py"),
    ])  # fmt: skip
    assert status == 0, out + err
