"""The JSON Schema: shipped file up to date, a valid draft 2020-12 schema, printed by the CLI."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from jsonschema import Draft202012Validator

import khsmodel as k
from khsmodel.cli import main
from khsmodel.documents import DOCUMENT_TYPES

SCHEMA_FILE = Path(__file__).resolve().parents[1] / "docs" / "schema" / "khsmodel.schema.json"


def expected_text() -> str:
    return json.dumps(k.json_schema(), ensure_ascii=False, indent=2) + "\n"


def test_shipped_schema_file_is_up_to_date() -> None:
    assert SCHEMA_FILE.is_file(), "docs/schema/khsmodel.schema.json is missing"
    shipped = SCHEMA_FILE.read_text(encoding="utf-8")
    assert shipped == expected_text(), (
        "docs/schema/khsmodel.schema.json is out of date with the model; regenerate it with\n"
        "    khsmodel schema > docs/schema/khsmodel.schema.json"
    )


def test_schema_is_a_valid_draft_2020_12_schema() -> None:
    schema = k.json_schema()
    Draft202012Validator.check_schema(schema)
    assert schema["$schema"] == "https://json-schema.org/draft/2020-12/schema"


def test_top_level_is_one_envelope_per_kind_told_apart_by_kind() -> None:
    """Each document kind has its own envelope; the "kind" constant selects exactly one."""
    schema = k.json_schema()
    refs = [branch["$ref"] for branch in schema["oneOf"]]
    assert refs == [f"#/$defs/{cls.__name__}Document" for cls in DOCUMENT_TYPES.values()]
    for kind, cls in DOCUMENT_TYPES.items():
        envelope = schema["$defs"][f"{cls.__name__}Document"]
        assert envelope["properties"]["kind"] == {"const": kind}
        assert envelope["properties"]["format"] == {"const": "khsmodel"}
        assert envelope["properties"]["format_version"] == {"const": 1}
        assert {"format", "format_version", "kind"} <= set(envelope["required"])
        assert envelope["additionalProperties"] is False


def test_json_schema_returns_a_fresh_copy() -> None:
    first = k.json_schema()
    first["$defs"].clear()
    assert k.json_schema()["$defs"], "json_schema() handed out its cached dict"


def test_cli_schema_prints_the_same(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["schema"]) == 0
    out = capsys.readouterr().out
    assert out == expected_text()
    # Norwegian letters in descriptions are printed as themselves, not as \u escapes.
    assert any(ord(c) > 127 for c in out) and "\\u00" not in out


def test_shipped_schema_accepts_the_example_documents() -> None:
    """The schema file as shipped (not only the function) accepts real documents."""
    schema = json.loads(SCHEMA_FILE.read_text(encoding="utf-8"))
    validator = Draft202012Validator(schema, format_checker=Draft202012Validator.FORMAT_CHECKER)
    examples = sorted((SCHEMA_FILE.parents[2] / "examples" / "documents").glob("*.json"))
    if not examples:
        pytest.skip("no example documents in examples/documents")
    for path in examples:
        data = json.loads(path.read_text(encoding="utf-8"))
        errors = [f"{e.json_path}: {e.message}" for e in validator.iter_errors(data)]
        assert errors == [], path.name
