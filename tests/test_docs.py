"""The code in the docs runs: ```python blocks of README.md and docs/*.md, and every doctest."""

from __future__ import annotations

import doctest
import importlib
import pkgutil
import re
from pathlib import Path

import pytest

import khsmodel

ROOT = Path(__file__).resolve().parent.parent
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


def test_docs_have_code() -> None:
    """The reference pages must carry runnable examples, or the test above proves nothing."""
    for name in ("model.md", "json-format.md"):
        assert len(_BLOCK.findall((ROOT / "docs" / name).read_text(encoding="utf-8"))) >= 2


@pytest.mark.parametrize("name", _modules())
def test_doctests(name: str) -> None:
    if name == "khsmodel.strategies":
        pytest.importorskip("hypothesis")
    module = importlib.import_module(name)
    result = doctest.testmod(module, optionflags=doctest.ELLIPSIS)
    assert result.failed == 0, f"{result.failed} doctest(s) failed in {name}"
