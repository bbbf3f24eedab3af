"""Every example exports to the bytes recorded in tests/fixtures/export-digests.json (issue 16).

A refactoring changes no byte of the output. After an intended change of output, regenerate
the fixture with ``python tools/export_digests.py`` and say in the commit which outputs
changed and why (CONTRIBUTING.md). The bytes depend on python-docx, reportlab, lxml,
icalendar and Python itself: with other versions installed than those recorded the test is
skipped, saying which.
"""

from __future__ import annotations

import importlib.util
import json
import sys
from pathlib import Path
from types import ModuleType

import pytest

ROOT = Path(__file__).resolve().parents[2]


def _tool() -> ModuleType:
    spec = importlib.util.spec_from_file_location(
        "export_digests", ROOT / "tools/export_digests.py"
    )
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules.setdefault("export_digests", module)
    spec.loader.exec_module(module)
    return module


tool = _tool()


def test_every_example_exports_to_the_recorded_bytes() -> None:
    pytest.importorskip("docx")
    pytest.importorskip("reportlab")
    pytest.importorskip("lxml")
    pytest.importorskip("icalendar")
    recorded = json.loads(tool.FIXTURE.read_text(encoding="utf-8"))
    installed = tool.environment()
    if recorded["environment"] != installed:
        pytest.skip(f"the digests were recorded with {recorded['environment']}, installed are "
                    f"{installed}: regenerate with python tools/export_digests.py")  # fmt: skip
    problems = tool.differences(recorded["digests"], tool.digests())
    assert not problems, "exports changed (regenerate only for an intended change):\n" + "\n".join(
        problems
    )


def test_the_fixture_covers_every_example_and_format() -> None:
    recorded = json.loads(tool.FIXTURE.read_text(encoding="utf-8"))["digests"]
    examples = {path.stem for path in (ROOT / "examples/documents").glob("*.json")}
    assert examples <= set(recorded)
    # the status report and the meeting plans are built by content modules of their own
    assert {"002-khs-statusrapport-2016-06-30", "oppdiktet-moteplan-2026"} <= set(recorded)
    formats = {fmt for row in recorded.values() for fmt in row}
    assert formats == set(tool.FORMATS)
    assert "pdfa" not in formats


def test_differences_name_each_example_and_format() -> None:
    before = {"a": {"pdf": "1", "docx": "2"}, "b": {"json": "3"}}
    after = {"a": {"pdf": "1", "docx": "9", "html": "4"}, "c": {"json": "3"}}
    assert tool.differences(before, after) == [
        "a/docx: bytes changed",
        "a/html: not recorded",
        "b/json: no longer exported",
        "c/json: not recorded",
    ]
    assert tool.differences(before, before) == []
