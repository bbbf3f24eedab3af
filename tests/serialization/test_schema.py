"""The JSON Schema: shipped file up to date, a valid draft 2020-12 schema, printed by the CLI."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from jsonschema import Draft202012Validator
from jsonschema.exceptions import best_match

import khsmodel as k
from khsmodel.cli import main
from khsmodel.documents import DOCUMENT_TYPES

SCHEMA_FILE = Path(__file__).resolve().parents[2] / "docs" / "schema" / "khsmodel.schema.json"


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


def test_top_level_selects_one_envelope_per_kind_by_the_kind_value() -> None:
    """Each document kind has its own envelope; the "kind" value selects it (if/then)."""
    schema = k.json_schema()
    assert "oneOf" not in schema and "anyOf" not in schema
    assert schema["type"] == "object" and schema["required"] == ["kind"]
    assert schema["properties"]["kind"] == {"enum": list(DOCUMENT_TYPES)}
    selected = {
        branch["if"]["properties"]["kind"]["const"]: branch["then"]["$ref"]
        for branch in schema["allOf"]
    }
    assert selected == {
        kind: f"#/$defs/{cls.__name__}Document" for kind, cls in DOCUMENT_TYPES.items()
    }
    for branch in schema["allOf"]:
        assert branch["if"]["required"] == ["kind"] and branch["if"]["type"] == "object"
        assert set(branch) == {"if", "then"}
    for kind, cls in DOCUMENT_TYPES.items():
        envelope = schema["$defs"][f"{cls.__name__}Document"]
        assert envelope["properties"]["kind"] == {"const": kind}
        assert envelope["properties"]["format"] == {"const": "khsmodel"}
        assert envelope["properties"]["format_version"] == {"const": 2}
        assert {"format", "format_version", "kind"} <= set(envelope["required"])
        assert envelope["additionalProperties"] is False


def _validator() -> Draft202012Validator:
    schema = json.loads(SCHEMA_FILE.read_text(encoding="utf-8"))
    return Draft202012Validator(schema, format_checker=Draft202012Validator.FORMAT_CHECKER)


def _plan_data() -> dict[str, Any]:
    plan = k.ActionPlan(
        title="Handlingsplan 2016-2017",
        focus_areas=(k.FocusArea(number=1, title="Barn og unge", measures=(
            k.Measure(number=1, text="Fagdag om barn som pårørende"),
            k.Measure(number=2, text="Felles rutine for innleggelse"),
        )),),
    )  # fmt: skip
    data: dict[str, Any] = json.loads(k.dumps(plan))
    return data


def test_error_deep_inside_a_document_is_reported_at_its_own_path() -> None:
    data = _plan_data()
    assert _validator().is_valid(data)
    data["focus_areas"][0]["measures"][1]["number"] = "2"
    errors = list(_validator().iter_errors(data))
    assert [(list(e.absolute_path), e.message) for e in errors] == [
        (["focus_areas", 0, "measures", 1, "number"], "'2' is not of type 'integer'")
    ]
    assert errors[0].json_path == "$.focus_areas[0].measures[1].number"
    assert best_match(_validator().iter_errors(data)).json_path == errors[0].json_path


def test_errors_inside_tagged_unions_are_reported_at_their_own_path() -> None:
    """Timeframe interpretations and text blocks are chosen by their kind too."""
    data = _plan_data()
    measure = data["focus_areas"][0]["measures"][0]
    measure["timeframe"] = {"text": "Juni", "interpretation": {"kind": "month", "year": 2016,
                                                             "month": "juni"}}
    data["focus_areas"][0]["description"] = [{"kind": "paragraph", "text": 5}]
    errors = sorted((e.json_path, e.message) for e in _validator().iter_errors(data))
    assert errors == [
        ("$.focus_areas[0].description[0].text", "5 is not of type 'string'"),
        ("$.focus_areas[0].measures[0].timeframe.interpretation.month",
         "'juni' is not of type 'integer'"),
    ]
    measure["timeframe"]["interpretation"] = {"kind": "maaned", "year": 2016}
    del data["focus_areas"][0]["description"]
    [error] = _validator().iter_errors(data)
    assert error.json_path == "$.focus_areas[0].measures[0].timeframe.interpretation.kind"
    measure["timeframe"]["interpretation"] = None  # an optional union takes null
    assert _validator().is_valid(data)


def test_unknown_key_deep_inside_is_reported_at_its_object() -> None:
    data = _plan_data()
    data["focus_areas"][0]["measures"][0]["responsibilty"] = "Sekretariatet"
    errors = list(_validator().iter_errors(data))
    assert len(errors) == 1
    assert errors[0].json_path == "$.focus_areas[0].measures[0]"
    assert "'responsibilty' was unexpected" in errors[0].message


@pytest.mark.parametrize("kind", ["rapport", "Action_plan", "", 3, None])
def test_unknown_kind_is_reported_at_kind(kind: object) -> None:
    data = {**_plan_data(), "kind": kind}
    errors = list(_validator().iter_errors(data))
    assert [e.json_path for e in errors] == ["$.kind"]
    assert errors[0].validator == "enum"
    assert "is not one of ['partnership', 'agreement', 'action_plan'" in errors[0].message


def test_missing_kind_and_non_object_give_one_top_level_error() -> None:
    data = _plan_data()
    del data["kind"]
    assert [(e.json_path, e.message) for e in _validator().iter_errors(data)] == [
        ("$", "'kind' is a required property")
    ]
    assert [(e.json_path, e.message) for e in _validator().iter_errors(["Handlingsplan"])] == [
        ("$", "['Handlingsplan'] is not of type 'object'")
    ]


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
