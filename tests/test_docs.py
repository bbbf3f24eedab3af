"""The code in the docs runs: ```python blocks of README.md and docs/*.md, and every doctest."""

from __future__ import annotations

import ast
import doctest
import importlib
import pkgutil
import re
import tomllib
from pathlib import Path

import pytest

import khsmodel

ROOT = Path(__file__).resolve().parents[1]
DOC_FILES = sorted([ROOT / "README.md", *(ROOT / "docs").glob("*.md")])
_BLOCK = re.compile(r"^```python\n(.*?)^```", re.S | re.M)


def _modules() -> list[str]:
    names = ["khsmodel"]
    for info in pkgutil.walk_packages(khsmodel.__path__, "khsmodel."):
        names.append(info.name)
    return sorted(names)


@pytest.mark.parametrize("path", DOC_FILES, ids=lambda p: p.name)
def test_markdown_code_runs(path: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    blocks = _BLOCK.findall(path.read_text(encoding="utf-8"))
    monkeypatch.chdir(tmp_path)
    namespace: dict[str, object] = {"__name__": f"docs_{path.stem}"}
    for i, block in enumerate(blocks):
        code = compile(block, f"{path.name}[block {i + 1}]", "exec")
        exec(code, namespace)


#: Pages whose code blocks each run on their own, as copied alone into a fresh interpreter.
SELF_CONTAINED = ("README.md", "docs/plugins.md", "docs/json-format.md")


@pytest.mark.parametrize("name", SELF_CONTAINED)
def test_each_block_runs_on_its_own(
    name: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    blocks = _BLOCK.findall((ROOT / name).read_text(encoding="utf-8"))
    assert len(blocks) >= 2
    for i, block in enumerate(blocks):
        folder = tmp_path / f"block{i + 1}"
        folder.mkdir()
        monkeypatch.chdir(folder)  # no files left by an earlier block
        code = compile(block, f"{name}[block {i + 1}]", "exec")
        exec(code, {"__name__": f"docs_{Path(name).stem}_{i + 1}"})  # a fresh namespace


def test_readme_names_every_example_document() -> None:
    """One line per file of examples/documents, and no line for a file that is gone."""
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    listed = set(re.findall(r"^\| `(\d{3}-[\w-]+\.json)` \| \S", readme, re.M))
    files = {p.name for p in (ROOT / "examples" / "documents").glob("*.json")}
    assert listed == files and len(files) == 12


def test_readme_lists_the_formats_there_are() -> None:
    """The comment after ``exporters.available()`` names every exporter the package
    declares (pyproject.toml's entry points, which an install publishes)."""
    import tomllib

    from khsmodel import exporters

    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    (listed,) = re.findall(r"available\(\)\)\n# (\(.*?\))", readme)
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    names = tuple(sorted(project["entry-points"]["khsmodel.exporters"]))
    assert ast.literal_eval(listed) == names  # a Python tuple, as print() shows it
    assert set(exporters.available()) <= set(names)


def test_renamed_json_keys_are_documented() -> None:
    """Every field written under another key than its name is named in json-format.md."""
    import attrs

    from khsmodel._base import json_name

    renamed = {
        f"{cls.__name__}.{a.name}": json_name(a)
        for cls in (getattr(khsmodel, n) for n in khsmodel.__all__)
        if isinstance(cls, type) and attrs.has(cls)
        for a in attrs.fields(cls)
        if json_name(a) != a.name
    }
    assert renamed == {"Partnership.kind": "partnership_kind"}
    page = (ROOT / "docs" / "json-format.md").read_text(encoding="utf-8")
    for field, key in renamed.items():
        assert f'`{field}` is written `"{key}"`' in page


def test_docs_have_code() -> None:
    """The reference pages must carry runnable examples, or the test above proves nothing."""
    for name in ("model.md", "json-format.md"):
        assert len(_BLOCK.findall((ROOT / "docs" / name).read_text(encoding="utf-8"))) >= 2


@pytest.mark.parametrize("name", _modules())
def test_doctests(name: str) -> None:
    if name in ("khsmodel.strategies", "khsmodel.testing") or name.startswith(
        "khsmodel.strategies."
    ):
        pytest.importorskip("hypothesis")
    module = importlib.import_module(name)
    result = doctest.testmod(module, optionflags=doctest.ELLIPSIS)
    assert result.failed == 0, f"{result.failed} doctest(s) failed in {name}"


def test_the_design_notes_cite_nothing_outside_the_repository() -> None:
    """A reader of docs/design.md has the repository and the web, not the project's shared
    folder: sources are cited by URL or described (issue 16)."""
    text = (ROOT / "docs" / "design.md").read_text(encoding="utf-8")
    outside = re.findall(r"(?:\.\./|\bshared/|/work/)[\w./-]*", text)
    assert outside == []


def _toctree_entries(page: Path) -> list[str]:
    """The documents a page's table(s) of contents list, relative to docs/ (no suffix)."""
    text = page.read_text(encoding="utf-8")
    if page.suffix == ".md":  # MyST: ```{toctree} ... ```
        bodies = re.findall(r"^```\{toctree\}\n(.*?)^```", text, re.S | re.M)
    else:  # reStructuredText: .. toctree:: and its indented body
        bodies = re.findall(r"^\.\. toctree::\n((?:(?:   .*)?\n)+)", text, re.M)
    base = page.parent.relative_to(ROOT / "docs")
    entries = []
    for body in bodies:
        for line in body.splitlines():
            line = line.strip()
            if line and not line.startswith(":"):
                entries.append((base / line).as_posix())
    return entries


def test_the_site_lists_every_docs_page() -> None:
    """The documentation site (docs/conf.py) shows a page only if a table of contents lists
    it: every page of docs/ and docs/api/ is in one, and every entry is a page."""
    docs = ROOT / "docs"
    listed = _toctree_entries(docs / "index.md") + _toctree_entries(docs / "api" / "index.rst")
    pages = {
        p.relative_to(docs).with_suffix("").as_posix()
        for p in [*docs.glob("*.md"), *docs.glob("api/*.rst")]
    } - {"index"}
    assert sorted(set(listed)) == sorted(listed), "a page listed twice"
    assert set(listed) == pages
    # the API reference has a page for each public module of the library
    modules = {
        "khsmodel": "khsmodel",
        "validation": "khsmodel.validation",
        "exporters": "khsmodel.exporters",
        "strategies": "khsmodel.strategies",
        "content": "khsmodel_exporters.content",
    }
    for name, module in modules.items():
        text = (docs / "api" / f"{name}.rst").read_text(encoding="utf-8")
        assert f".. automodule:: {module}\n" in text


def test_the_site_builds_from_the_tree_and_the_docs_extra_is_declared() -> None:
    conf = (ROOT / "docs" / "conf.py").read_text(encoding="utf-8")
    assert '"myst_parser"' in conf and '"sphinx.ext.autodoc"' in conf
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    docs_extra = project["optional-dependencies"]["docs"]
    assert {req.split(">")[0] for req in docs_extra} == {"sphinx", "myst-parser"}
    ci = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    assert 'pip install --quiet -e ".[docs]"' in ci
    assert "sphinx -W" in ci and ci.index("pytest") < ci.index("sphinx -W")
