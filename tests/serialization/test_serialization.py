"""Strict JSON loading and dumping: specific cases (properties are in test_json_properties)."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path
from typing import Any

import pytest

import khsmodel as k


def envelope(kind: str, **fields: Any) -> str:
    return json.dumps({"format": "khsmodel", "format_version": 1, "kind": kind, **fields})


def errors_of(text: str | bytes) -> dict[str, str]:
    with pytest.raises(k.InvalidDocumentError) as info:
        k.loads(text)
    assert isinstance(info.value, k.KhsModelError) and isinstance(info.value, ValueError)
    return {e.path: e.message for e in info.value.errors}


def test_no_coercion_of_scalars() -> None:
    errs = errors_of(envelope("action_plan", title=123, focus_areas=[
        {"number": "1", "title": "A"}, {"number": True, "title": "B"}, {"number": 1.0, "title": "C"},
    ]))
    assert errs["$.title"] == "expected a string, got number 123"
    assert errs["$.focus_areas[0].number"] == 'expected an integer, got string "1"'
    assert errs["$.focus_areas[1].number"] == "expected an integer, got boolean true"
    assert errs["$.focus_areas[2].number"] == "expected an integer, got number 1.0"


def test_string_is_not_a_list_and_list_is_not_a_string() -> None:
    errs = errors_of(envelope("action_plan", title=["Plan"], focus_areas="Barn og unge"))
    assert errs == {
        "$.title": "expected a string, got an array",
        "$.focus_areas": 'expected an array, got string "Barn og unge"',
    }


def test_unknown_and_missing_fields_have_paths() -> None:
    errs = errors_of(envelope("case_document", body="osu", colour="blue",
                              case_number={"text": "2/2016", "sequence": 2}))
    assert errs["$.colour"] == "unknown field of CaseDocument"
    assert errs["$.case_number.year"] == "required field is missing"


def test_unknown_key_names_its_type_and_the_key_probably_meant() -> None:
    errs = errors_of(envelope("action_plan", titel="Handlingsplan 2016-2017", focus_areas=[
        {"number": 1, "title": "Barn og unge", "measures": [
            {"number": 1, "text": "Fagdag", "responsibilty": {"text": "Sekretariatet"}},
            {"number": 2, "Text": "Rutine", "timeframe": {"text": "Medio juni", "merknad": "x"}},
        ]},
    ], partnership={"id": "khs", "name": "Kommunehelsesamarbeidet", "kind": "other"}))
    assert errs == {
        "$.title": "required field is missing",
        "$.titel": "unknown field of ActionPlan (did you mean 'title'?)",
        "$.focus_areas[0].measures[0].responsibilty":
            "unknown field of Measure (did you mean 'responsibility'?)",
        "$.focus_areas[0].measures[1].text": "required field is missing",
        "$.focus_areas[0].measures[1].Text": "unknown field of Measure (did you mean 'text'?)",
        "$.focus_areas[0].measures[1].timeframe.merknad": "unknown field of Timeframe",
        # the field's Python name is not its JSON key
        "$.partnership.partnership_kind": "required field is missing",
        "$.partnership.kind": "unknown field of Partnership (did you mean 'partnership_kind'?)",
    }


def test_close_key_is_only_suggested_never_used() -> None:
    errs = errors_of(envelope("action_plan", title="Plan", focus_area=[]))
    assert errs == {"$.focus_area": "unknown field of ActionPlan (did you mean 'focus_areas'?)"}
    errs = errors_of(envelope("action_plan", title="Plan", ukjent_felt=1, tittel="x"))
    assert errs == {  # below the similarity cutoff: no guess
        "$.tittel": "unknown field of ActionPlan",
        "$.ukjent_felt": "unknown field of ActionPlan",
    }


def test_unknown_key_in_a_tagged_union_member_names_the_member() -> None:
    errs = errors_of(envelope("action_plan", title="Plan", introduction=[
        {"kind": "paragraph", "text": "Innledning", "txt": "x"},
    ], focus_areas=[{"number": 1, "title": "A", "measures": [{"number": 1, "text": "Fagdag",
        "timeframe": {"text": "juni 2016", "interpretation": {"kind": "month", "year": 2016,
                                                              "month": 6, "yeer": 2016}}}]}]))
    assert errs == {
        "$.introduction[0].txt": "unknown field of Paragraph (did you mean 'text'?)",
        "$.focus_areas[0].measures[0].timeframe.interpretation.yeer":
            "unknown field of InMonth (did you mean 'year'?)",
    }


def test_envelope_errors_are_reported_together() -> None:
    errs = errors_of(json.dumps({"format": "other", "format_version": "1", "kind": "plan"}))
    assert set(errs) == {"$.format", "$.format_version", "$.kind"}
    assert "unsupported format version" in errs["$.format_version"]
    assert errors_of(json.dumps({"format": "khsmodel", "format_version": 3,
                                 "kind": "action_plan", "title": "x"})) == {
        "$.format_version": "unsupported format version: expected 1 to 2, got number 3 "
        "(a file of a newer khsmodel: upgrade khsmodel to read it)"
    }


def test_not_json_and_not_an_object() -> None:
    assert list(errors_of("{")) == ["$"]
    assert errors_of("[]") == {"$": "expected an object, got an array"}
    assert "not UTF-8" in errors_of(b"\xff\xfe{")["$"]


def test_dates_are_strict_iso() -> None:
    errs = errors_of(envelope("meeting", body="osu", date="08.02.2016"))
    assert errs == {"$.date": 'expected a date as YYYY-MM-DD, got string "08.02.2016"'}
    errs = errors_of(envelope("meeting", body="osu", date="2016-02-30"))
    assert "real calendar date" in errs["$.date"]
    assert "YYYY-MM-DD" in errors_of(envelope("meeting", body="osu", date="20160208"))["$.date"]


def test_value_type_checks_report_their_path() -> None:
    errs = errors_of(envelope("partnership", id="p", name="P", partnership_kind="other", parties=[
        {"id": "a", "kind": "kommune", "name": "Asker", "organisation_number": "820397631"},
        {"id": "b", "kind": "kommune", "name": "Bærum", "kommune_number": 219},
    ]))
    assert "mod-11" in errs["$.parties[0].organisation_number"]
    assert errs["$.parties[1].kommune_number"] == "expected a string of digits, got number 219"


def test_a_value_its_class_refuses_is_reported_at_its_field() -> None:
    """A month 13 or a year 3016 inside an interpretation: the path ends in that field."""
    def plan(interpretation: dict[str, Any]) -> str:
        measure = {"number": 1, "text": "Fagdag",
                   "timeframe": {"text": "Juni", "interpretation": interpretation}}
        return envelope("action_plan", title="Plan",
                        focus_areas=[{"number": 1, "title": "A", "measures": [measure]}])
    at = "$.focus_areas[0].measures[0].timeframe.interpretation"
    assert errors_of(plan({"kind": "month", "year": 2016, "month": 13})) == {
        f"{at}.month": "month must be 1..12, got 13"}
    assert errors_of(plan({"kind": "year", "year": 3016})) == {
        f"{at}.year": "year must be 1900..2100, got 3016"}
    with pytest.raises(k.FieldValueError) as info:
        k.InMonth(year=2016, month=13)
    assert info.value.field == "month" and isinstance(info.value, ValueError)


def test_enum_errors_list_the_allowed_values() -> None:
    errs = errors_of(envelope("partnership", id="p", name="P", partnership_kind="helsefellesskap"))
    assert '"health_partnership"' in errs["$.partnership_kind"]


def test_tagged_union_errors() -> None:
    errs = errors_of(envelope("case_document", body="osu",
                              case_number={"text": "2/2016", "sequence": 2, "year": 2016},
                              sections=[{"kind": "background", "heading": "Bakgrunn",
                                         "content": [{"text": "x"}, {"kind": "table"}]}]))
    assert "required field is missing" in errs["$.sections[0].content[0].kind"]
    assert '"paragraph", "list"' in errs["$.sections[0].content[1].kind"]


def test_text_survives_byte_for_byte() -> None:
    texts = ["Kárášjohka", "Ka\u0301ra\u0301s\u030cjohka", "gïele Ï", "á č đ ŋ š ŧ ž",
             "<b>fet</b> & AT&T", "\x00\x0b\x1b\ufffe", "tab\tline\nbreak\r\n", "\u202eRTL",
             "👩\u200d⚕️ 🏥", "\u00a0\u00ad\u200b"]
    for text in texts:
        plan = k.ActionPlan(title=text)
        dumped = k.dumps(plan)
        assert k.loads(dumped).title == text
    assert "Kárášjohka" in k.dumps(k.ActionPlan(title="Kárášjohka"))  # unescaped UTF-8


def test_dumps_is_deterministic_and_omits_defaults() -> None:
    plan = k.ActionPlan(title="Plan", period=k.Period(start=dt.date(2016, 1, 1)))
    assert k.dumps(plan) == k.dumps(k.loads(k.dumps(plan)))
    data = json.loads(k.dumps(plan))
    assert list(data) == ["format", "format_version", "kind", "title", "period"]


def test_dump_is_atomic(tmp_path: Path) -> None:
    target = tmp_path / "plan.json"
    k.dump(k.ActionPlan(title="Plan"), target)
    assert k.load(target) == k.ActionPlan(title="Plan")

