"""The typed errors of khsmodel.errors: KhsModelError subclasses carrying their data."""

from __future__ import annotations

import pickle

import pytest

import khsmodel
from khsmodel.errors import (
    ArgumentError,
    DocumentKindError,
    IdentifierError,
    KhsModelError,
    NoSuchMeasureError,
    UnknownRuleError,
)


def _raised(make: object) -> KhsModelError:
    with pytest.raises(KhsModelError) as info:
        make()  # type: ignore[operator]
    return info.value


@pytest.mark.parametrize(
    ("make", "cls", "data"),
    [
        (lambda: khsmodel.CaseNumber.parse("2021/3288"), IdentifierError,
         {"kind": "case number", "value": "2021/3288", "use": "ArchiveReference"}),
        (lambda: khsmodel.validate(khsmodel.Measure(number=1, text="x")), DocumentKindError,
         {"got": "Measure"}),
        (lambda: khsmodel.dumps(khsmodel.Measure(number=1, text="x")), DocumentKindError,
         {"got": "Measure"}),
        (lambda: khsmodel.diff(khsmodel.ActionPlan(title="a"), 3), DocumentKindError,
         {"expected": ("ActionPlan",), "got": "int"}),
        (lambda: khsmodel.validate(khsmodel.ActionPlan(title="a"), select="PLAN03"),
         UnknownRuleError, {"code": "PLAN03", "argument": "code"}),
        (lambda: khsmodel.ActionPlan(title="a").evolve_measure(4, 2), NoSuchMeasureError,
         {"focus_area": 4, "measure": 2, "argument": "measure", "value": (4, 2)}),
        (lambda: khsmodel.ActionPlan(title="a").measures_by(), ArgumentError,
         {"argument": "party, body, collective"}),
    ],
)  # fmt: skip
def test_each_error_has_its_type_and_data_and_survives_a_trip_to_another_process(
    make: object, cls: type[KhsModelError], data: dict[str, object]
) -> None:
    error = _raised(make)
    assert type(error) is cls and isinstance(error, ValueError)
    for name, value in data.items():
        assert getattr(error, name) == value, name
    again = pickle.loads(pickle.dumps(error))
    assert type(again) is cls and str(again) == str(error)
    assert {n: getattr(again, n) for n in data} == data


def test_an_identifier_in_a_file_is_reported_at_its_path() -> None:
    """Loading turns the identifier's error into a detail at the field's path."""
    with pytest.raises(khsmodel.InvalidDocumentError) as info:
        khsmodel.loads(
            '{"format": "khsmodel", "format_version": 2, "kind": "case_document", '
            '"body": "osu", "case_number": {"text": "2021/3288", "sequence": 3288, "year": 2021}}'
        )
    assert [e.path for e in info.value.errors] == ["$.case_number"]
