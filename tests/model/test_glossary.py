"""Every identifier of the project glossary has a home in the model, or is in the table
of names the model spells differently (docs/model.md)."""

from __future__ import annotations

import enum
import inspect
import re
from pathlib import Path

import attrs

import khsmodel._base
import khsmodel.agreements
import khsmodel.cases
import khsmodel.decisions
import khsmodel.identifiers
import khsmodel.meetings
import khsmodel.parties
import khsmodel.partnerships
import khsmodel.plans
import khsmodel.timeframes
from tests.support.needs import require_shared, shared_dir

ROOT = Path(__file__).resolve().parents[2]
GLOSSARY = shared_dir("domain/glossary.md")

_MODULES = (
    khsmodel._base, khsmodel.agreements, khsmodel.cases, khsmodel.decisions,
    khsmodel.identifiers, khsmodel.meetings, khsmodel.parties, khsmodel.partnerships,
    khsmodel.plans, khsmodel.timeframes,
)  # fmt: skip


def _model_names() -> set[str]:
    """Class names in snake_case, field names, kinds and enum values of the model."""
    names: set[str] = set()
    for module in _MODULES:
        for name, obj in vars(module).items():
            if not inspect.isclass(obj) or obj.__module__ != module.__name__:
                continue
            names.add(re.sub(r"(?<!^)(?=[A-Z])", "_", name).lower())
            if attrs.has(obj):
                names.update(a.name for a in attrs.fields(obj))
            if isinstance(getattr(obj, "KIND", None), str):
                names.add(obj.KIND)
            if issubclass(obj, enum.Enum):
                names.update(str(v.value) for v in obj)
    return names


def _documented_deviations() -> set[str]:
    text = (ROOT / "docs" / "model.md").read_text(encoding="utf-8")
    section = text.split("## The glossary's names in the model", 1)[1].split("\n## ", 1)[0]
    rows = [r for r in section.splitlines() if r.startswith("| `")]
    return {name for r in rows for name in re.findall(r"`([a-z_]+)`", r.split("|")[1])}


def test_every_glossary_identifier_has_a_home() -> None:
    require_shared(GLOSSARY)
    names = _model_names()
    missing = set()
    for line in GLOSSARY.read_text(encoding="utf-8").splitlines():
        if not line.startswith("| ") or line.startswith(("| ---", "| Norwegian")):
            continue
        column = line.strip("|").split("|")[2]
        column = re.sub(r"\([^)]*\)", "", column)  # "(party kind `kommune`)": an aside
        for ident in re.findall(r"`([^`]+)`", column):
            key, _, value = ident.partition(" = ")
            key, value = key.strip('"'), value.strip('"')
            if key not in names or (value and value not in names):
                missing.add(key)
    assert missing == _documented_deviations() - names
