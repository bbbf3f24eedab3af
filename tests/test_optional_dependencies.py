"""Optional dependencies: without hypothesis, khsmodel works and khsmodel.strategies says
which extra to install."""

from __future__ import annotations

import json
import subprocess
import sys
import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]

#: Runs first in a fresh interpreter: hypothesis cannot be imported, as if not installed.
_HIDE_HYPOTHESIS = r"""
import importlib.abc, sys

class _Absent(importlib.abc.MetaPathFinder):
    def find_spec(self, name, path=None, target=None):
        if name == "hypothesis" or name.startswith("hypothesis."):
            raise ModuleNotFoundError(f"No module named {name!r}", name=name)
        return None

sys.meta_path.insert(0, _Absent())
"""


def _without_hypothesis(code: str) -> dict[str, object]:
    ran = subprocess.run(
        [sys.executable, "-c", _HIDE_HYPOTHESIS + code], capture_output=True, text=True, timeout=120
    )
    assert ran.returncode == 0, ran.stderr[-3000:]
    return dict(json.loads(ran.stdout))


def test_strategies_without_hypothesis_names_the_extra() -> None:
    out = _without_hypothesis(
        """
import json
import khsmodel  # the library itself does not need hypothesis
try:
    import khsmodel.strategies
except ImportError as exc:
    print(json.dumps({"type": type(exc).__name__, "message": str(exc), "name": exc.name,
                      "cause": type(exc.__cause__).__name__,
                      "loaded": "khsmodel.strategies" in sys.modules,
                      "dumps": khsmodel.dumps(khsmodel.ActionPlan(title="Plan"))[:1]}))
else:
    print(json.dumps({"type": None}))
"""
    )
    assert out["type"] == "ImportError"
    assert 'pip install "khsmodel[strategies]"' in str(out["message"])
    assert out["name"] == "hypothesis" and out["cause"] == "ModuleNotFoundError"
    assert out["loaded"] is False  # no half-imported module left behind
    assert out["dumps"] == "{"


def test_the_strategies_extra_brings_hypothesis_and_dev_includes_it() -> None:
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    extras = project["optional-dependencies"]
    assert any(req.startswith("hypothesis") for req in extras["strategies"])
    assert any("strategies" in req for req in extras["dev"] if req.startswith("khsmodel["))
