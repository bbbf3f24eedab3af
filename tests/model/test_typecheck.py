"""Model objects check their field types when they are made in Python.

A wrong type is refused at once, with ``Class.field``, what was expected and,
for the common mistakes, how to write it; nothing is converted. Proved on
every object of generated documents: each field given a value of a wrong kind
is refused naming exactly that field, and each object made again from its own
values is accepted.
"""

from __future__ import annotations

import datetime as dt
import enum
import json
import typing
from collections.abc import Iterator
from typing import Any

import attrs
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import khsmodel
import khsmodel.strategies as ks
from khsmodel import (
    CaseNumber,
    FieldTypeError,
    InvalidDocumentError,
    KhsModelError,
    Measure,
    MeasureStatus,
    Period,
    Responsibility,
    Timeframe,
)
from khsmodel.errors import IdentifierError


def _objects(obj: object) -> Iterator[object]:
    """Every model object in ``obj`` (made with khsmodel's ``model``), depth first."""
    if attrs.has(type(obj)):
        if hasattr(type(obj), "_khs_user_post_init"):
            yield obj
        for a in attrs.fields(type(obj)):
            yield from _objects(getattr(obj, a.name))
    elif isinstance(obj, tuple):
        for item in obj:
            yield from _objects(item)


def _wrong_values(annotation: Any, value: object) -> list[object]:
    """Values of a kind the annotation does not admit, worked out from the annotation here."""
    args = typing.get_args(annotation)
    optional = type(None) in args
    out: list[object] = [object()]
    if not optional:
        out.append(None)
    if isinstance(value, tuple):
        out.append(list(value))
    if isinstance(value, enum.Enum):
        out.append(value.value)  # the JSON spelling, not the member
    if isinstance(value, dt.date):
        out.append(value.isoformat())
        out.append(dt.datetime(value.year, value.month, value.day, 12, 0))
    if type(value) is int:
        out.append(str(value))
    if isinstance(value, str) and not isinstance(value, enum.Enum):
        out.append(value.encode())
    return out


@settings(suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large], deadline=None)
@given(doc=ks.documents(), data=st.data())
def test_a_field_of_the_wrong_type_is_refused_naming_it(doc: Any, data: st.DataObject) -> None:
    objects = list(_objects(doc))
    obj = data.draw(st.sampled_from(objects), label="object")
    cls = type(obj)
    hints = typing.get_type_hints(cls)
    fields = [a for a in attrs.fields(cls) if a.init]
    field = data.draw(st.sampled_from(fields), label="field")
    value = getattr(obj, field.name)
    wrong = data.draw(st.sampled_from(_wrong_values(hints[field.name], value)), label="wrong")
    with pytest.raises(FieldTypeError) as info:
        attrs.evolve(obj, **{field.alias: wrong})
    assert [e.path for e in info.value.errors] == [f"{cls.__name__}.{field.name}"]
    assert "expected " in info.value.errors[0].message


@settings(suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large], deadline=None)
@given(doc=ks.documents())
def test_every_object_made_again_from_its_own_values_is_accepted(doc: Any) -> None:
    for obj in _objects(doc):
        assert attrs.evolve(obj) == obj


def test_all_wrong_fields_are_named_at_once_with_hints() -> None:
    with pytest.raises(FieldTypeError) as info:
        Measure(number="1", text="x", details=["a"], status="planned")  # type: ignore[arg-type]
    err = info.value
    assert isinstance(err, KhsModelError) and isinstance(err, TypeError)
    assert isinstance(err, InvalidDocumentError)
    assert [(e.path, e.message) for e in err.errors] == [
        ("Measure.number", "expected int, got str '1'"),
        (
            "Measure.details",
            "expected a tuple of str, got list ['a'] (a tuple, not a list: write (a, b) or tuple(...))",
        ),
        (
            "Measure.status",
            "expected MeasureStatus or None, got str 'planned' (use MeasureStatus.PLANNED)",
        ),
    ]
    assert str(err).splitlines()[0] == "Measure: 3 fields of the wrong type:"


@pytest.mark.parametrize(
    ("make", "path", "message"),
    [
        (
            lambda: Measure(number=1, text="x", details="Tolk"),
            "Measure.details",
            "expected a tuple of str, got str 'Tolk' (one text is a one-element tuple: ('Tolk',))",
        ),
        (
            lambda: Period(start="2021-09-23"),
            "Period.start",
            "expected date or PartialDate or None, got str '2021-09-23' "
            "(use datetime.date.fromisoformat('2021-09-23'))",
        ),
        (
            lambda: Period(start=dt.datetime(2021, 9, 23, 10, 0)),
            "Period.start",
            "expected date or PartialDate or None, got datetime datetime.datetime(2021, 9, 23, 10, 0) "
            "(a datetime has a time of day: give its .date())",
        ),
        (
            lambda: Timeframe(text="Medio juni", interpretation="Medio juni"),
            "Timeframe.interpretation",
            "expected OnDate or InMonth or InYear or Between or StartingFrom or ByDate or "
            "NextMeeting or AtEvent or Ongoing or Recurring or None, got str 'Medio juni' "
            "(interpret_timeframe(text, year=...) reads one from the words)",
        ),
        (
            lambda: khsmodel.CaseDocument(body="osu", case_number="2/2016"),
            "CaseDocument.case_number",
            "expected CaseNumber, got str '2/2016' (use CaseNumber.parse('2/2016'))",
        ),
        (
            lambda: Measure(number=True, text="x"),
            "Measure.number",
            "expected int, got bool True",
        ),
        (
            lambda: Responsibility(text="Partene", lead=["partene"]),
            "Responsibility.lead",
            None,
        ),
    ],
)
def test_common_mistakes_and_what_they_are_told(make: Any, path: str, message: str | None) -> None:
    with pytest.raises(FieldTypeError) as info:
        make()
    assert [e.path for e in info.value.errors] == [path]
    if message is not None:
        assert info.value.errors[0].message == message


def test_evolve_is_checked_too() -> None:
    m = Measure(number=1, text="x", status=MeasureStatus.PLANNED)
    with pytest.raises(FieldTypeError, match=r"Measure\.text: expected str, got int 5"):
        attrs.evolve(m, text=5)


def test_nothing_is_converted() -> None:
    """Subclasses are what they are; the values kept are the values given."""

    class Tekst(str):
        pass

    m = Measure(number=1, text=Tekst("x"))
    assert type(m.text) is Tekst
    c = CaseNumber.parse("2/2016")
    assert khsmodel.CaseDocument(body="osu", case_number=c).case_number is c


def test_loading_does_not_check_twice() -> None:
    """The loader checks types itself and fills plain classes without ``__init__``."""
    import khsmodel._base as base

    measure = Measure(number=1, text="x", details=("a",), timeframe=Timeframe(text="2016"))
    plan = khsmodel.ActionPlan(
        title="Plan", focus_areas=(khsmodel.FocusArea(number=1, title="A", measures=(measure,)),)
    )
    text = khsmodel.dumps(plan)
    assert json.loads(text)["focus_areas"][0]["measures"][0]["details"] == ["a"]
    calls: list[str] = []
    original = base.check_fields

    def counting(obj: object) -> None:
        calls.append(type(obj).__name__)
        original(obj)

    base.check_fields = counting
    try:
        loaded = khsmodel.loads(text)
    finally:
        base.check_fields = original
    assert loaded == plan
    assert calls == []


@pytest.mark.parametrize(
    "imports",
    [
        "from khsmodel import Attachment, CaseDocument, CaseNumber, validate",
        "from khsmodel.cases import Attachment, CaseDocument; "
        "from khsmodel.identifiers import CaseNumber; from khsmodel.validation import validate",
        "from khsmodel.meetings import Meeting; from khsmodel.cases import Attachment, "
        "CaseDocument; from khsmodel.identifiers import CaseNumber; from khsmodel import validate",
    ],
)
def test_attachments_resolve_in_a_fresh_process_whatever_is_imported_first(imports: str) -> None:
    """Attachment.document names ``Document``, bound in khsmodel.cases by khsmodel.documents.

    In a fresh process that had imported only the case classes, ``validate`` of a case
    with an attachment raised NameError (the test suite hid it: other tests had
    imported khsmodel.documents first). The type check no longer needs that module
    (the document kinds register themselves), and nothing imports it to make it work."""
    import subprocess
    import sys

    script = (
        f"{imports}\n"
        "case = CaseDocument(body='osu', case_number=CaseNumber.parse('2/2016'),\n"
        "                    attachments=(Attachment(title='Vedlegg'),))\n"
        "print(validate(case).codes())\n"
        "try:\n"
        "    Attachment(title='x', document='plan')\n"
        "except TypeError:\n"
        "    print('refused')\n"
    )
    ran = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, timeout=60)
    assert ran.returncode == 0, ran.stderr
    assert ran.stdout.splitlines() == ["('CASE004', 'DOC005')", "refused"]


def test_the_errors_survive_a_trip_to_another_process() -> None:
    """A worker process (ProcessPoolExecutor, khsmodel export --jobs) sends its error back
    pickled: the errors are made again from their own parts, not from their text."""
    import pickle

    for make in (
        lambda: Measure(number=1, text="x", details="Tolk"),  # FieldTypeError
        lambda: k_in_month(),  # FieldValueError
        lambda: khsmodel.loads('{"format": "khsmodel", "format_version": 1, "kind": "meeting"}'),
    ):
        with pytest.raises(KhsModelError) as info:
            make()
        again = pickle.loads(pickle.dumps(info.value))
        assert type(again) is type(info.value) and str(again) == str(info.value)
        assert getattr(again, "errors", None) == getattr(info.value, "errors", None)
        assert getattr(again, "field", None) == getattr(info.value, "field", None)


def k_in_month() -> object:
    return khsmodel.InMonth(year=2016, month=13)


def test_measures_by_takes_the_collective_as_its_value_too() -> None:
    from khsmodel import ActionPlan, Collective, FocusArea, ResponsibleParty

    m = Measure(number=1, text="x", responsibility=Responsibility(
        text="Kommunene", lead=(ResponsibleParty(collective=Collective.MUNICIPALITIES),)))  # fmt: skip
    plan = ActionPlan(title="P", focus_areas=(FocusArea(number=1, title="A", measures=(m,)),))
    assert plan.measures_by(collective=Collective.MUNICIPALITIES) == [(plan.focus_areas[0], m)]
    assert plan.measures_by(collective="municipalities") == [(plan.focus_areas[0], m)]  # type: ignore[arg-type]


def test_case_number_parts_of_the_wrong_type_are_a_khsmodel_error() -> None:
    with pytest.raises(IdentifierError) as info:  # a KhsModelError
        CaseNumber(text="2/2016", sequence="2", year=2016)  # type: ignore[arg-type]
    assert (info.value.kind, info.value.value) == ("case number", "2")


def test_an_attachment_is_checked_without_the_union_module() -> None:
    """In a fresh process that imported only plans and cases (so not khsmodel.documents),
    an attachment takes a document of any kind and refuses anything else."""
    import subprocess
    import sys

    script = (
        "import sys\n"
        "from khsmodel.plans import ActionPlan\n"
        "from khsmodel.cases import Attachment\n"
        "Attachment(title='Plan', document=ActionPlan(title='Handlingsplan'))\n"
        "for wrong in ('plan', Attachment(title='x')):\n"
        "    try:\n"
        "        Attachment(title='x', document=wrong)\n"
        "    except TypeError as exc:\n"
        "        print(exc.errors[0].path)\n"
        "print('khsmodel.documents' in sys.modules)\n"
    )
    ran = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, timeout=60)
    assert ran.returncode == 0, ran.stderr
    assert ran.stdout.splitlines() == ["Attachment.document", "Attachment.document", "False"]


def test_the_registered_document_kinds_are_the_union() -> None:
    from khsmodel._typecheck import DOCUMENT_CLASSES
    from khsmodel.documents import DOCUMENT_TYPES

    assert set(DOCUMENT_TYPES.values()) == DOCUMENT_CLASSES
